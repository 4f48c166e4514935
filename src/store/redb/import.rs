//! Imports in redb: the look-ups of a whole file in one read transaction, and its writes in one
//! write transaction with every table opened once.

use redb::{ReadableTable, Table};

use super::members::{index_member, nik_holders, refuse_held_nik};
use super::requests::{index_steps, state_key};
use super::tables::*;
use super::{RedbStore, bump, json, parse};
use crate::domain::member::Member;
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
                let by_number = members.get(*no)?.map(|g| parse(g.value())).transpose()?;
                let by_nik = match nik {
                    Some(nik) => nik_holders(&members, &by_nik, nik, None)?
                        .into_iter()
                        .next(),
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
            let mut audit = txn.open_table(AUDIT)?;
            let mut note = |meta: &mut Table<&str, u64>, subject: &str, detail: String| {
                bump(meta, "changes")?;
                let seq = bump(meta, "next_audit_seq")?;
                let entry = AuditEntry {
                    seq,
                    at: batch.at,
                    user: batch.actor.user.clone(),
                    terminal: batch.actor.terminal.clone(),
                    action: "import".into(),
                    subject: subject.into(),
                    detail,
                };
                audit.insert(seq, json(&entry).as_slice())?;
                Ok::<_, StoreError>(())
            };
            for write in batch.writes {
                match write {
                    ImportWrite::Add { member: m, request } => {
                        let no = m.member_no.as_str();
                        if members.get(no)?.is_some() {
                            return Err(StoreError::DuplicateMemberNo(no.to_string()));
                        }
                        refuse_held_nik(&members, &by_nik, &m, None)?;
                        members.insert(no, json(&m).as_slice())?;
                        index_member(&mut by_nik, &mut by_word, &m, true)?;
                        if let Some((scope, seq)) = batch.scheme.sequence_of(no) {
                            let last = seqs.get(scope.as_str())?.map(|g| g.value()).unwrap_or(0);
                            if u64::from(seq) > last {
                                seqs.insert(scope.as_str(), u64::from(seq))?;
                            }
                        }
                        if request {
                            let id = bump(&mut meta, "next_request_id")?;
                            let r = CardRequest::new(
                                id,
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
                        note(
                            &mut meta,
                            no,
                            // i18n: an audit detail, kept in the log's one language (English)
                            format!("added from {}, NIK {}", batch.origin, m.masked_nik()),
                        )?;
                        done.added += 1;
                    }
                    ImportWrite::Update { member: m } => {
                        let no = m.member_no.as_str();
                        let old: Member = match members.get(no)? {
                            Some(g) => parse(g.value())?,
                            None => return Err(StoreError::NotFound(no.to_string())),
                        };
                        refuse_held_nik(&members, &by_nik, &m, Some(no))?;
                        index_member(&mut by_nik, &mut by_word, &old, false)?;
                        index_member(&mut by_nik, &mut by_word, &m, true)?;
                        members.insert(no, json(&m).as_slice())?;
                        note(
                            &mut meta,
                            no,
                            // i18n: an audit detail, kept in the log's one language (English)
                            format!("updated from {}, NIK {}", batch.origin, m.masked_nik()),
                        )?;
                        done.updated += 1;
                    }
                }
                progress(1);
            }
            note(
                &mut meta,
                batch.origin,
                format!(
                    // i18n: an audit detail, kept in the log's one language (English)
                    "{} added, {} updated, {} card requests",
                    done.added, done.updated, done.requests
                ),
            )?;
        }
        txn.commit()?;
        Ok(done)
    }
}
