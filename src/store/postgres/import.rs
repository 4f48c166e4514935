//! Imports in PostgreSQL: the look-ups of a whole file in one snapshot, and its writes in one
//! transaction, every member or none.

use postgres::IsolationLevel;

use super::audit::append_audit;
use super::members::{member_in, nik_holders, put_member};
use super::requests::put_request;
use super::{PgStore, bump};
use crate::domain::workflow::{CardRequest, RequestKind, Source};
use crate::store::{
    ImportBatch, ImportDone, ImportMatch, ImportStore, ImportWrite, Result, StoreError,
};

impl ImportStore for PgStore {
    fn import_matches(&self, keys: &[(&str, Option<&str>)]) -> Result<Vec<ImportMatch>> {
        self.conn.read(|c| {
            let mut t = c
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()?;
            let found = keys
                .iter()
                .map(|(no, nik)| {
                    let by_number = member_in(&mut t, no)?.map(Box::new);
                    let by_nik = match nik {
                        Some(nik) => nik_holders(&mut t, nik, None)?
                            .into_iter()
                            .next()
                            .map(Box::new),
                        None => None,
                    };
                    Ok(ImportMatch { by_number, by_nik })
                })
                .collect::<Result<Vec<_>>>()?;
            t.commit()?;
            Ok(found)
        })
    }

    fn import_members(
        &self,
        batch: ImportBatch,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportDone> {
        let (actor, at) = (batch.actor, batch.at);
        self.conn.write(|t| {
            let mut done = ImportDone::default();
            for write in &batch.writes {
                match write {
                    ImportWrite::Add { member: m, request } => {
                        let no = m.member_no.as_str();
                        put_member(t, m, true)?;
                        if let Some((scope, seq)) = batch.scheme.sequence_of(no) {
                            t.execute(
                                "INSERT INTO sequences (scope, last) VALUES ($1, $2) \
                                 ON CONFLICT (scope) DO UPDATE \
                                 SET last = greatest(sequences.last, excluded.last)",
                                &[&scope.as_str(), &i64::from(seq)],
                            )?;
                        }
                        if *request {
                            let id = bump(t, "next_request_id")?;
                            let r = CardRequest::new(
                                id,
                                m.member_no.clone(),
                                RequestKind::New,
                                Source::Import,
                                actor,
                                at,
                            );
                            put_request(t, &r)?;
                            done.requests += 1;
                        }
                        // i18n: an audit detail, kept in the log's one language (English)
                        let detail = format!("added from {}, NIK {}", batch.origin, m.masked_nik());
                        append_audit(t, at, actor, "import", no, &detail)?;
                        done.added += 1;
                    }
                    ImportWrite::Update { member: m } => {
                        let no = m.member_no.as_str();
                        if member_in(t, no)?.is_none() {
                            return Err(StoreError::NotFound(no.to_string()));
                        }
                        put_member(t, m, false)?;
                        let detail =
                            // i18n: an audit detail, kept in the log's one language (English)
                            format!("updated from {}, NIK {}", batch.origin, m.masked_nik());
                        append_audit(t, at, actor, "import", no, &detail)?;
                        done.updated += 1;
                    }
                }
                progress(1);
            }
            let detail = format!(
                // i18n: an audit detail, kept in the log's one language (English)
                "{} added, {} updated, {} card requests",
                done.added, done.updated, done.requests
            );
            append_audit(t, at, actor, "import", batch.origin, &detail)?;
            Ok(done)
        })
    }
}
