//! Imports in redb: the look-ups of a whole file in one read transaction, and its writes in one
//! write transaction with every table opened once.

use std::collections::HashMap;

use redb::{ReadableTable, Table};

use super::members::{index_member, nik_holders, refuse_held_nik};
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
            let mut by_word = txn.open_multimap_table(MEMBERS_BY_WORD)?;
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
            // The new members' name words go into their index in sorted order at the end:
            // inserted as they came, in no order, they were a quarter of the writing.
            let mut words: Vec<(String, &str)> = Vec::new();
            for write in &batch.writes {
                match write {
                    ImportWrite::Add { member: m, request } => {
                        let no = m.member_no.as_str();
                        refuse_held_nik(&members, &by_nik, m, None)?;
                        // Returning drops the transaction uncommitted: nothing is written.
                        if members.insert(no, json(m).as_slice())?.is_some() {
                            return Err(StoreError::DuplicateMemberNo(no.to_string()));
                        }
                        if let Some(nik) = &m.nik {
                            by_nik.insert(nik.as_str(), no)?;
                        }
                        words.extend(name_words(&m.full_name).into_iter().map(|w| (w, no)));
                        if let Some((scope, seq)) = batch.scheme.sequence_of(no) {
                            let top = raised.entry(scope).or_default();
                            *top = (*top).max(u64::from(seq));
                        }
                        if *request {
                            request_id += 1;
                            let r = CardRequest::new(
                                request_id,
                                m.member_no.clone(),
                                RequestKind::New,
                                Source::Import,
                                batch.actor,
                                batch.at,
                            );
                            requests.insert(r.id, json(&r).as_slice())?;
                            by_state.insert(state_key(r.state, r.source).as_str(), r.id)?;
                            by_member.insert(no, r.id)?;
                            index_steps(&mut steps, &r)?;
                            done.requests += 1;
                        }
                        audit.note(
                            no,
                            // i18n: an audit detail, kept in the log's one language (English)
                            format!("added from {}, NIK {}", batch.origin, m.masked_nik()),
                        )?;
                        done.added += 1;
                    }
                    ImportWrite::Update { member: m } => {
                        let no = m.member_no.as_str();
                        refuse_held_nik(&members, &by_nik, m, Some(no))?;
                        let old: Member = match members.insert(no, json(m).as_slice())? {
                            Some(g) => parse(g.value())?,
                            None => return Err(StoreError::NotFound(no.to_string())),
                        };
                        index_member(&mut by_nik, &mut by_word, &old, false)?;
                        index_member(&mut by_nik, &mut by_word, m, true)?;
                        audit.note(
                            no,
                            // i18n: an audit detail, kept in the log's one language (English)
                            format!("updated from {}, NIK {}", batch.origin, m.masked_nik()),
                        )?;
                        done.updated += 1;
                    }
                }
                progress(1);
            }
            words.sort_unstable();
            for (word, no) in &words {
                by_word.insert(word.as_str(), *no)?;
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
