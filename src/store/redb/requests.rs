//! Card requests in redb: by id, with indexes by `state/source` (the queue), by member, and by
//! the time of every step (the dashboard and the reports).

use std::collections::BTreeSet;

use jiff::Timestamp;
use redb::{ReadableMultimapTable, ReadableTable, WriteTransaction};

use super::audit::append_audit;
use super::members::refuse_held_nik;
use super::photos::put_photo_in;
use super::tables::*;
use super::{RedbStore, bump, json, parse};
use crate::domain::member::Member;
use crate::domain::member_no::MemberNo;
use crate::domain::staff::CardRecord;
use crate::domain::workflow::{Actor, CardRequest, RequestKind, RequestState, Source};
use crate::store::{RequestStore, Result, StoreError, TransitionWrite};

/// Writes a request with its indexes; `old` is the state it is leaving, if it was stored.
pub(super) fn put_request(
    txn: &WriteTransaction,
    r: &CardRequest,
    old: Option<RequestState>,
) -> Result<()> {
    txn.open_table(REQUESTS)?.insert(r.id, json(r).as_slice())?;
    let mut by_state = txn.open_multimap_table(REQUESTS_BY_STATE)?;
    if let Some(old) = old {
        by_state.remove(state_key(old, r.source).as_str(), r.id)?;
    }
    by_state.insert(state_key(r.state, r.source).as_str(), r.id)?;
    txn.open_multimap_table(REQUESTS_BY_MEMBER)?
        .insert(r.member_no.as_str(), r.id)?;
    index_steps(&mut txn.open_table(REQUEST_STEPS)?, r)?;
    Ok(())
}

/// The request as stored, if it is still at the version the writer read: otherwise someone
/// else changed it meanwhile, and the conflict names them.
pub(super) fn current_at_version(
    txn: &WriteTransaction,
    id: u64,
    expected: u32,
) -> Result<CardRequest> {
    let requests = txn.open_table(REQUESTS)?;
    let current: CardRequest = match requests.get(id)? {
        Some(g) => parse(g.value())?,
        None => return Err(StoreError::NotFound(format!("request {id}"))),
    };
    crate::store::requests::at_version(current, expected)
}

pub(super) fn index_steps(steps: &mut redb::Table<(i64, u64), ()>, r: &CardRequest) -> Result<()> {
    // Every step, not only the newest: an insert of a key already there changes nothing, and
    // a request written by an import or a migration is whole at once.
    for t in &r.history {
        steps.insert((t.at.as_second(), r.id), ())?;
    }
    Ok(())
}

/// The state index's key: state and source, so that online registrations waiting for their
/// applicant (no standard time runs) are never loaded to compute what is overdue.
pub(super) fn state_key(state: RequestState, source: Source) -> String {
    format!("{}/{}", state.code(), source.code())
}

/// See [`crate::store::Store::save_transition`]: the checks and writes of one transition,
/// inside `txn`.
fn save_transition_in(txn: &WriteTransaction, w: &TransitionWrite) -> Result<()> {
    let at = w.request.since();
    {
        let current = current_at_version(txn, w.request.id, w.expected_version)?;
        put_request(txn, w.request, Some(current.state))?;
        if let Some(m) = w.member {
            let mut members = txn.open_table(MEMBERS)?;
            let by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
            refuse_held_nik(&members, &by_nik, m, Some(m.member_no.as_str()))?;
            // Status and validity change here, not the name or NIK: the indexes stay.
            members.insert(m.member_no.as_str(), json(m).as_slice())?;
        }
        if let Some(p) = &w.photo {
            put_photo_in(txn, w.request.member_no.as_str(), p)?;
        }
        let mut cards = txn.open_table(CARDS)?;
        for c in w.cards {
            cards.insert(c.serial.as_str(), json(c).as_slice())?;
        }
    }
    let action = w
        .request
        .history
        .last()
        .map(|t| t.action.clone())
        .unwrap_or_default();
    append_audit(
        txn,
        at,
        w.actor,
        &action,
        w.request.member_no.as_str(),
        &w.detail,
    )?;
    Ok(())
}

impl RequestStore for RedbStore {
    fn save_reassignment(
        &self,
        request: &CardRequest,
        expected_version: u32,
        actor: &Actor,
        at: Timestamp,
        detail: &str,
    ) -> Result<()> {
        let txn = self.db.begin_write()?;
        let current = current_at_version(&txn, request.id, expected_version)?;
        put_request(&txn, request, Some(current.state))?;
        append_audit(
            &txn,
            at,
            actor,
            "reassign",
            request.member_no.as_str(),
            detail,
        )?;
        txn.commit()?;
        Ok(())
    }

    fn requests_with_steps_between(
        &self,
        start: Timestamp,
        end: Timestamp,
    ) -> Result<Vec<CardRequest>> {
        let txn = self.read()?;
        let steps = txn.open_table(REQUEST_STEPS)?;
        let mut ids = BTreeSet::new();
        for entry in steps.range((start.as_second(), 0)..(end.as_second(), 0))? {
            ids.insert(entry?.0.value().1);
        }
        let requests = txn.open_table(REQUESTS)?;
        let mut found = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(g) = requests.get(id)? {
                found.push(parse(g.value())?);
            }
        }
        Ok(found)
    }

    fn request(&self, id: u64) -> Result<Option<CardRequest>> {
        let txn = self.read()?;
        let t = txn.open_table(REQUESTS)?;
        t.get(id)?.map(|g| parse(g.value())).transpose()
    }

    fn requests_for(&self, no: &str) -> Result<Vec<CardRequest>> {
        let txn = self.read()?;
        let requests = txn.open_table(REQUESTS)?;
        let by_member = txn.open_multimap_table(REQUESTS_BY_MEMBER)?;
        let mut found = Vec::new();
        for id in by_member.get(no)? {
            if let Some(g) = requests.get(id?.value())? {
                found.push(parse(g.value())?);
            }
        }
        Ok(found)
    }

    fn requests_in_from(
        &self,
        states: &[RequestState],
        sources: &[Source],
    ) -> Result<Vec<CardRequest>> {
        let txn = self.read()?;
        let requests = txn.open_table(REQUESTS)?;
        let by_state = txn.open_multimap_table(REQUESTS_BY_STATE)?;
        let mut found = Vec::new();
        for s in states {
            for src in sources {
                for id in by_state.get(state_key(*s, *src).as_str())? {
                    if let Some(g) = requests.get(id?.value())? {
                        found.push(parse::<CardRequest>(g.value())?);
                    }
                }
            }
        }
        found.sort_by_key(|r| (r.since(), r.id));
        Ok(found)
    }

    fn count_by_state(&self) -> Result<Vec<(RequestState, u64)>> {
        let txn = self.read()?;
        let by_state = txn.open_multimap_table(REQUESTS_BY_STATE)?;
        RequestState::ALL
            .iter()
            .map(|s| {
                let mut n = 0;
                for src in Source::ALL {
                    n += by_state.get(state_key(*s, src).as_str())?.len();
                }
                Ok((*s, n))
            })
            .collect()
    }

    fn open_request(
        &self,
        no: &MemberNo,
        kind: RequestKind,
        source: Source,
        actor: &Actor,
        at: Timestamp,
        replaces_serial: Option<String>,
    ) -> Result<CardRequest> {
        let txn = self.db.begin_write()?;
        let request;
        {
            let members = txn.open_table(MEMBERS)?;
            if members.get(no.as_str())?.is_none() {
                return Err(StoreError::NotFound(no.to_string()));
            }
            let requests = txn.open_table(REQUESTS)?;
            let by_member = txn.open_multimap_table(REQUESTS_BY_MEMBER)?;
            for id in by_member.get(no.as_str())? {
                if let Some(g) = requests.get(id?.value())? {
                    let r: CardRequest = parse(g.value())?;
                    if r.state.is_open() {
                        let by = r.history.last().map(|t| t.by.clone()).unwrap_or_default();
                        let terminal = r
                            .history
                            .last()
                            .map(|t| t.terminal.clone())
                            .unwrap_or_default();
                        return Err(StoreError::Conflict {
                            expected: 0,
                            found: r.version,
                            by,
                            terminal,
                        });
                    }
                }
            }
            drop((requests, by_member, members));
            let id = bump(&mut txn.open_table(META)?, "next_request_id")?;
            let mut r = CardRequest::new(id, no.clone(), kind, source, actor, at);
            r.replaces_serial = replaces_serial;
            request = r;
            put_request(&txn, &request, None)?;
        }
        // i18n: an audit detail, kept in the log's one language (English)
        append_audit(&txn, at, actor, kind.code(), no.as_str(), "request opened")?;
        txn.commit()?;
        Ok(request)
    }

    fn save_transition(&self, w: TransitionWrite) -> Result<()> {
        let txn = self.db.begin_write()?;
        save_transition_in(&txn, &w)?;
        txn.commit()?;
        Ok(())
    }

    fn save_transitions(&self, writes: &[TransitionWrite]) -> Result<()> {
        let txn = self.db.begin_write()?;
        for w in writes {
            save_transition_in(&txn, w)?;
        }
        txn.commit()?;
        Ok(())
    }

    /// A print taken back leaves its card in the cards table marked spoiled.
    fn save_undo(
        &self,
        request: &CardRequest,
        expected_version: u32,
        spoiled_serial: Option<&str>,
        member: Option<&Member>,
        actor: &Actor,
        detail: &str,
    ) -> Result<()> {
        let at = request.since();
        let txn = self.db.begin_write()?;
        {
            let current = current_at_version(&txn, request.id, expected_version)?;
            put_request(&txn, request, Some(current.state))?;
            if let Some(m) = member {
                txn.open_table(MEMBERS)?
                    .insert(m.member_no.as_str(), json(m).as_slice())?;
            }
            if let Some(serial) = spoiled_serial {
                let mut cards = txn.open_table(CARDS)?;
                let card: Option<CardRecord> =
                    cards.get(serial)?.map(|g| parse(g.value())).transpose()?;
                if let Some(mut c) = card {
                    c.blocked = Some(format!("spoiled: {detail}"));
                    cards.insert(serial, json(&c).as_slice())?;
                }
            }
        }
        append_audit(&txn, at, actor, "undo", request.member_no.as_str(), detail)?;
        txn.commit()?;
        Ok(())
    }
}
