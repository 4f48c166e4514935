//! Imports in redb: the look-ups of a whole file in one read transaction, and its writes in one
//! write transaction with every table opened once.

use std::collections::HashMap;

use redb::{ReadableTable, Table};

use super::members::{index_member, nik_holders, refuse_held_nik, word_key};
use super::requests::{index_steps, state_key};
use super::tables::*;
use super::{RedbStore, json, parse};
use crate::domain::member::Member;
use crate::domain::text::name_words;
use crate::domain::workflow::{CardRequest, RequestKind, Source};
use crate::store::{
    AuditEntry, ImportBatch, ImportDone, ImportMatch, ImportStore, ImportWrite, Result, StoreError,
};

impl ImportStore for RedbStore {
    fn import_matches(&self, keys: &[(&str, Option<&str>)]) -> Result<Vec<ImportMatch>> {
        let txn = self.read()?;
        let members = txn.open_table(MEMBERS)?;
        let by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
        keys.iter()
            .map(|(no, nik)| {
                let by_number = members
                    .get(*no)?
                    .map(|g| parse(g.value()).map(Box::new))
                    .transpose()?;
                let by_nik = match nik {
                    Some(nik) => nik_holders(&members, &by_nik, nik, None)?
                        .into_iter()
                        .next()
                        .map(Box::new),
                    None => None,
                };
                Ok(ImportMatch { by_number, by_nik })
            })
            .collect()
    }

    fn import_members(
        &self,
        batch: ImportBatch,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportDone> {
        let txn = self.db.begin_write()?;
        let mut done = ImportDone::default();
        {
            let mut members = txn.open_table(MEMBERS)?;
            let mut by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
            let mut by_word = txn.open_table(MEMBER_WORDS)?;
            let mut seqs = txn.open_table(SEQUENCES)?;
            let mut requests = txn.open_table(REQUESTS)?;
            let mut by_state = txn.open_multimap_table(REQUESTS_BY_STATE)?;
            let mut by_member = txn.open_multimap_table(REQUESTS_BY_MEMBER)?;
            let mut steps = txn.open_table(REQUEST_STEPS)?;
            let mut meta = txn.open_table(META)?;
            let mut audit = Notes {
                table: txn.open_table(AUDIT)?,
                seq: counter(&meta, "next_audit_seq")?,
                batch: &batch,
            };
            // The counters and the sequences are read once and written once at the end: read
            // and written per member they were a quarter of a 100,000-member import's writing.
            let first_seq = audit.seq;
            let mut request_id = counter(&meta, "next_request_id")?;
            let mut raised: HashMap<String, u64> = HashMap::new();
            // The records' JSON, the audit lines and the name words are made on a second
            // thread while this one inserts: redb need not wait for serde, and every PC
            // loket runs on has two cores. A bounded channel keeps few made at once, in runs
            // of `RUN` (handed over one at a time, the channel's lock showed in perf).
            let words = std::thread::scope(|scope| -> Result<Vec<String>> {
                let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Encoded>>(8);
                let (b, first_request) = (&batch, request_id);
                let maker = scope.spawn(move || encode_all(b, first_seq, first_request, tx));
                let written = (|| -> Result<()> {
                    let made_all = rx.iter().flatten();
                    for (write, made) in batch.writes.iter().zip(made_all) {
                        match write {
                            ImportWrite::Add { member: m, .. } => {
                                let no = m.member_no.as_str();
                                refuse_held_nik(&members, &by_nik, m, None)?;
                                // Returning drops the transaction uncommitted: nothing is
                                // written.
                                if members.insert(no, made.member.as_slice())?.is_some() {
                                    return Err(StoreError::DuplicateMemberNo(no.to_string()));
                                }
                                if let Some(nik) = &m.nik {
                                    by_nik.insert(nik.as_str(), no)?;
                                }
                                if let Some((scope, seq)) = batch.scheme.sequence_of(no) {
                                    let top = raised.entry(scope).or_default();
                                    *top = (*top).max(u64::from(seq));
                                }
                                if let Some((r, bytes)) = &made.request {
                                    request_id = r.id;
                                    requests.insert(r.id, bytes.as_slice())?;
                                    by_state.insert(state_key(r.state, r.source).as_str(), r.id)?;
                                    by_member.insert(no, r.id)?;
                                    index_steps(&mut steps, r)?;
                                    done.requests += 1;
                                }
                                done.added += 1;
                            }
                            ImportWrite::Update { member: m } => {
                                let no = m.member_no.as_str();
                                refuse_held_nik(&members, &by_nik, m, Some(no))?;
                                let old: Member =
                                    match members.insert(no, made.member.as_slice())? {
                                        Some(g) => parse(g.value())?,
                                        None => return Err(StoreError::NotFound(no.to_string())),
                                    };
                                index_member(&mut by_nik, &mut by_word, &old, false)?;
                                index_member(&mut by_nik, &mut by_word, m, true)?;
                                done.updated += 1;
                            }
                        }
                        audit.table.insert(made.seq, made.audit.as_slice())?;
                        audit.seq = made.seq;
                        progress(1);
                    }
                    Ok(())
                })();
                // After an error above the maker stops at its next send; it makes every
                // write otherwise, so the loop above saw them all unless it panicked, and
                // its panic is this thread's (nothing is committed).
                drop(rx);
                let words = maker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                written?;
                Ok(words)
            })?;
            // The new members' name words go into their index in sorted order at the end:
            // inserted as they came, in no order, they were a quarter of the writing.
            for key in &words {
                by_word.insert(key.as_str(), ())?;
            }
            audit.note(
                batch.origin,
                format!(
                    // i18n: an audit detail, kept in the log's one language (English)
                    "{} added, {} updated, {} card requests",
                    done.added, done.updated, done.requests
                ),
            )?;
            for (scope, seq) in raised {
                let last = seqs.get(scope.as_str())?.map(|g| g.value()).unwrap_or(0);
                if seq > last {
                    seqs.insert(scope.as_str(), seq)?;
                }
            }
            let changes = counter(&meta, "changes")? + (audit.seq - first_seq);
            meta.insert("changes", changes)?;
            meta.insert("next_audit_seq", audit.seq)?;
            meta.insert("next_request_id", request_id)?;
        }
        txn.commit()?;
        Ok(done)
    }
}

/// How many writes the maker thread hands over at once.
const RUN: usize = 128;

/// One write as the maker thread hands it over: the member's JSON, its audit line (numbered)
/// and its new-card request, if one is opened.
struct Encoded {
    member: Vec<u8>,
    seq: u64,
    audit: Vec<u8>,
    request: Option<(CardRequest, Vec<u8>)>,
}

/// Makes every write's records in the order of the writes, numbering audit lines after
/// `last_seq` and requests after `last_request`, as the writing thread would have; returns
/// the new members' name-word keys, sorted. Stops when the writing thread stops listening.
fn encode_all(
    batch: &ImportBatch,
    last_seq: u64,
    last_request: u64,
    tx: std::sync::mpsc::SyncSender<Vec<Encoded>>,
) -> Vec<String> {
    let (mut seq, mut request_id) = (last_seq, last_request);
    let mut words = Vec::new();
    let mut run = Vec::with_capacity(RUN);
    for write in &batch.writes {
        seq += 1;
        let (m, request, detail) = match write {
            ImportWrite::Add { member: m, request } => {
                let no = m.member_no.as_str();
                words.extend(name_words(&m.full_name).iter().map(|w| word_key(w, no)));
                let request = request.then(|| {
                    request_id += 1;
                    let r = CardRequest::new(
                        request_id,
                        m.member_no.clone(),
                        RequestKind::New,
                        Source::Import,
                        batch.actor,
                        batch.at,
                    );
                    let bytes = json(&r);
                    (r, bytes)
                });
                // i18n: an audit detail, kept in the log's one language (English)
                let detail = format!("added from {}, NIK {}", batch.origin, m.masked_nik());
                (m, request, detail)
            }
            ImportWrite::Update { member: m } => {
                // i18n: an audit detail, kept in the log's one language (English)
                let detail = format!("updated from {}, NIK {}", batch.origin, m.masked_nik());
                (m, None, detail)
            }
        };
        let no = m.member_no.as_str();
        let entry = AuditEntry::new(seq, batch.at, batch.actor, "import", no, &detail);
        run.push(Encoded {
            member: json(m),
            seq,
            audit: json(&entry),
            request,
        });
        if run.len() == RUN
            && tx
                .send(std::mem::replace(&mut run, Vec::with_capacity(RUN)))
                .is_err()
        {
            return Vec::new();
        }
    }
    // The last run; refused only when the writing thread stopped, and then nothing is used.
    let _ = tx.send(run);
    drop(tx);
    words.sort_unstable();
    words
}

/// The import's audit lines, numbered on from the store's last.
struct Notes<'t, 'b> {
    table: Table<'t, u64, &'static [u8]>,
    seq: u64,
    batch: &'b ImportBatch<'b>,
}

impl Notes<'_, '_> {
    fn note(&mut self, subject: &str, detail: String) -> Result<()> {
        self.seq += 1;
        let (at, actor) = (self.batch.at, self.batch.actor);
        let entry = AuditEntry::new(self.seq, at, actor, "import", subject, &detail);
        self.table.insert(self.seq, json(&entry).as_slice())?;
        Ok(())
    }
}

/// A counter's value in the meta table (0 before its first use).
fn counter(meta: &Table<&str, u64>, key: &str) -> Result<u64> {
    Ok(meta.get(key)?.map(|g| g.value()).unwrap_or(0))
}
