//! The redb backend as the source and the target of a move between backends: every table
//! read in one read transaction; written in one write transaction into a store that holds
//! nothing yet, with its indexes built as the records go in.

use redb::{ReadableDatabase, ReadableTable, ReadableTableMetadata, TableDefinition};

use super::cards::{PRINT_ATTEMPTS, PRINT_CLAIMS};
use super::members::index_member;
use super::requests::put_request;
use super::tables::*;
use super::tokens::FORM_TOKENS;
use super::{RedbStore, json, parse};
use crate::store::Result;
use crate::store::copy::{CopySource, CopyTarget, Counts, Record, Sink, check_counts};

/// A table made on first use may be missing: it holds nothing then.
fn len_of<K: redb::Key + 'static, V: redb::Value + 'static>(
    txn: &redb::ReadTransaction,
    def: TableDefinition<K, V>,
) -> Result<u64> {
    match txn.open_table(def) {
        Ok(t) => Ok(t.len()?),
        Err(redb::TableError::TableDoesNotExist(_)) => Ok(0),
        Err(e) => Err(e.into()),
    }
}

/// The counts of every table a move carries, as one read transaction sees them.
fn counts(txn: &redb::ReadTransaction) -> Result<Counts> {
    let mut c = Counts::new();
    // The schema version stays the target's own.
    let meta = len_of(txn, META)?;
    let has_version = txn.open_table(META)?.get("schema_version")?.is_some();
    c.insert("meta", meta - u64::from(has_version));
    c.insert("sequences", len_of(txn, SEQUENCES)?);
    c.insert("members", len_of(txn, MEMBERS)?);
    c.insert("requests", len_of(txn, REQUESTS)?);
    c.insert("cards", len_of(txn, CARDS)?);
    c.insert("users", len_of(txn, USERS)?);
    c.insert("audit", len_of(txn, AUDIT)?);
    c.insert("visits", len_of(txn, VISITS)?);
    c.insert("photos", len_of(txn, PHOTOS)?);
    c.insert("photo_originals", len_of(txn, PHOTO_ORIGINALS)?);
    c.insert("photo_history", len_of(txn, PHOTO_HISTORY)?);
    c.insert("print_attempts", len_of(txn, PRINT_ATTEMPTS)?);
    c.insert("print_claims", len_of(txn, PRINT_CLAIMS)?);
    c.insert("form_tokens", len_of(txn, FORM_TOKENS)?);
    c.retain(|_, n| *n > 0);
    Ok(c)
}

macro_rules! each {
    ($txn:expr, $def:expr, |$k:ident, $v:ident| $record:expr, $sink:expr) => {
        match $txn.open_table($def) {
            Err(redb::TableError::TableDoesNotExist(_)) => {}
            Err(e) => return Err(e.into()),
            Ok(t) => {
                for entry in t.iter()? {
                    let (k, v) = entry?;
                    let ($k, $v) = (k.value(), v.value());
                    $sink($record)?;
                }
            }
        }
    };
}

impl CopySource for RedbStore {
    fn each_record(&self, sink: &mut Sink) -> Result<Counts> {
        let txn = self.db.begin_read()?;
        each!(
            txn,
            META,
            |k, v| Record::Meta(k.to_string(), v),
            |r: Record| {
                match &r {
                    Record::Meta(k, _) if k == "schema_version" => Ok(()),
                    _ => sink(r),
                }
            }
        );
        each!(
            txn,
            SEQUENCES,
            |k, v| Record::Sequence(k.to_string(), v),
            sink
        );
        each!(txn, MEMBERS, |_k, v| Record::Member(parse(v)?), sink);
        each!(txn, REQUESTS, |_k, v| Record::Request(parse(v)?), sink);
        each!(txn, CARDS, |_k, v| Record::Card(parse(v)?), sink);
        each!(txn, USERS, |_k, v| Record::User(parse(v)?), sink);
        each!(txn, AUDIT, |_k, v| Record::Audit(parse(v)?), sink);
        each!(
            txn,
            VISITS,
            |k, v| Record::Visit(k.0.to_string(), k.1, parse(v)?),
            sink
        );
        each!(
            txn,
            PHOTOS,
            |k, v| Record::Photo(k.to_string(), v.to_vec()),
            sink
        );
        each!(
            txn,
            PHOTO_ORIGINALS,
            |k, v| Record::PhotoOriginal(k.to_string(), v.to_vec()),
            sink
        );
        each!(
            txn,
            PHOTO_HISTORY,
            |k, v| Record::PhotoHistory(k.0.to_string(), k.1, v.to_vec()),
            sink
        );
        each!(
            txn,
            PRINT_ATTEMPTS,
            |_k, v| Record::PrintAttempt(parse(v)?),
            sink
        );
        each!(txn, PRINT_CLAIMS, |k, v| Record::PrintClaim(k, v), sink);
        each!(
            txn,
            FORM_TOKENS,
            |k, v| Record::FormToken(k.0, k.1.to_string(), v.to_string()),
            sink
        );
        counts(&txn)
    }

    fn counts(&self) -> Result<Counts> {
        counts(&self.db.begin_read()?)
    }
}

impl CopyTarget for RedbStore {
    fn is_empty(&self) -> Result<bool> {
        Ok(counts(&self.db.begin_read()?)?.is_empty())
    }

    fn load(&self, feed: &mut dyn FnMut(&mut Sink) -> Result<Counts>) -> Result<Counts> {
        let txn = self.db.begin_write()?;
        let read = {
            let mut meta = txn.open_table(META)?;
            let mut seqs = txn.open_table(SEQUENCES)?;
            let mut members = txn.open_table(MEMBERS)?;
            let mut by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
            let mut by_word = txn.open_table(MEMBER_WORDS)?;
            let mut cards = txn.open_table(CARDS)?;
            let mut users = txn.open_table(USERS)?;
            let mut audit = txn.open_table(AUDIT)?;
            let mut visits = txn.open_table(VISITS)?;
            let mut photos = txn.open_table(PHOTOS)?;
            let mut originals = txn.open_table(PHOTO_ORIGINALS)?;
            let mut history = txn.open_table(PHOTO_HISTORY)?;
            let mut previews = txn.open_table(PHOTO_PREVIEWS)?;
            let mut attempts = txn.open_table(PRINT_ATTEMPTS)?;
            let mut claims = txn.open_table(PRINT_CLAIMS)?;
            let mut tokens = txn.open_table(FORM_TOKENS)?;
            let mut requests = Vec::new();
            let read = feed(&mut |r: Record| {
                match r {
                    Record::Meta(k, v) => {
                        meta.insert(k.as_str(), v)?;
                    }
                    Record::Sequence(k, v) => {
                        seqs.insert(k.as_str(), v)?;
                    }
                    Record::Member(m) => {
                        members.insert(m.member_no.as_str(), json(&m).as_slice())?;
                        index_member(&mut by_nik, &mut by_word, &m, true)?;
                    }
                    // Written after the tables above are closed: `put_request` opens its own.
                    Record::Request(r) => requests.push(r),
                    Record::Card(c) => {
                        cards.insert(c.serial.as_str(), json(&c).as_slice())?;
                    }
                    Record::User(a) => {
                        users.insert(a.name.as_str(), json(&a).as_slice())?;
                    }
                    Record::Audit(e) => {
                        audit.insert(e.seq, json(&e).as_slice())?;
                    }
                    Record::Visit(day, seq, v) => {
                        visits.insert((day.as_str(), seq), json(&v).as_slice())?;
                    }
                    Record::Photo(no, b) => {
                        photos.insert(no.as_str(), b.as_slice())?;
                        // The front desk's preview is made here, as when a photo is stored.
                        if let Some(p) = crate::photo::preview::make(&b) {
                            previews.insert(no.as_str(), p.as_slice())?;
                        }
                    }
                    Record::PhotoOriginal(no, b) => {
                        originals.insert(no.as_str(), b.as_slice())?;
                    }
                    Record::PhotoHistory(no, seq, b) => {
                        history.insert((no.as_str(), seq), b.as_slice())?;
                    }
                    Record::PrintAttempt(a) => {
                        attempts.insert(a.attempt, json(&a).as_slice())?;
                    }
                    Record::PrintClaim(id, a) => {
                        claims.insert(id, a)?;
                    }
                    Record::FormToken(made, nonce, no) => {
                        tokens.insert((made, nonce.as_str()), no.as_str())?;
                    }
                }
                Ok(())
            })?;
            drop((
                meta, seqs, members, by_nik, by_word, cards, users, audit, visits,
            ));
            drop((photos, originals, history, previews));
            drop((attempts, claims, tokens));
            for r in &requests {
                put_request(&txn, r, None)?;
            }
            read
        };
        // Counted in the transaction that wrote them: a mismatch commits nothing.
        let written = written_counts(&txn)?;
        check_counts(&read, &written)?;
        txn.commit()?;
        Ok(read)
    }
}

/// The counts as the write transaction sees them (the schema version left out).
fn written_counts(txn: &redb::WriteTransaction) -> Result<Counts> {
    fn len<K: redb::Key + 'static, V: redb::Value + 'static>(
        txn: &redb::WriteTransaction,
        def: TableDefinition<K, V>,
    ) -> Result<u64> {
        Ok(txn.open_table(def)?.len()?)
    }
    let mut c = Counts::new();
    let has_version = txn.open_table(META)?.get("schema_version")?.is_some();
    c.insert("meta", len(txn, META)? - u64::from(has_version));
    c.insert("sequences", len(txn, SEQUENCES)?);
    c.insert("members", len(txn, MEMBERS)?);
    c.insert("requests", len(txn, REQUESTS)?);
    c.insert("cards", len(txn, CARDS)?);
    c.insert("users", len(txn, USERS)?);
    c.insert("audit", len(txn, AUDIT)?);
    c.insert("visits", len(txn, VISITS)?);
    c.insert("photos", len(txn, PHOTOS)?);
    c.insert("photo_originals", len(txn, PHOTO_ORIGINALS)?);
    c.insert("photo_history", len(txn, PHOTO_HISTORY)?);
    c.insert("print_attempts", len(txn, PRINT_ATTEMPTS)?);
    c.insert("print_claims", len(txn, PRINT_CLAIMS)?);
    c.insert("form_tokens", len(txn, FORM_TOKENS)?);
    c.retain(|_, n| *n > 0);
    Ok(c)
}
