//! Card requests in PostgreSQL: by id, with the state and source in columns (the queue), the
//! member (a member's requests) and every step's time in a table of its own (the dashboard
//! and the reports). A step is saved only if the request is still at the version read.

use jiff::Timestamp;
use postgres::{GenericClient, Transaction};

use super::audit::append_audit;
use super::members::put_member;
use super::photos::put_photo_in;
use super::{PgStore, bump, doc, undoc};
use crate::domain::member::Member;
use crate::domain::member_no::MemberNo;
use crate::domain::staff::CardRecord;
use crate::domain::workflow::{Actor, CardRequest, RequestKind, RequestState, Source};
use crate::store::{RequestStore, Result, StoreError, TransitionWrite};

/// Writes a request (new or changed) with its step times.
pub(super) fn put_request(t: &mut Transaction, r: &CardRequest) -> Result<()> {
    t.execute(
        "INSERT INTO requests (id, member_no, state, source, doc) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (id) DO UPDATE SET member_no = excluded.member_no, \
         state = excluded.state, source = excluded.source, doc = excluded.doc",
        &[
            &(r.id as i64),
            &r.member_no.as_str(),
            &r.state.code(),
            &r.source.code(),
            &doc(r)?,
        ],
    )?;
    // Every step, not only the newest: one already there changes nothing.
    let steps: Vec<i64> = r.history.iter().map(|s| s.at.as_second()).collect();
    t.execute(
        "INSERT INTO request_steps (at, request_id) SELECT unnest($1::bigint[]), $2 \
         ON CONFLICT DO NOTHING",
        &[&steps, &(r.id as i64)],
    )?;
    Ok(())
}

/// A card written with its request's step.
pub(super) fn put_card(t: &mut Transaction, c: &CardRecord) -> Result<()> {
    t.execute(
        "INSERT INTO cards (serial, member_no, doc) VALUES ($1, $2, $3) \
         ON CONFLICT (serial) DO UPDATE SET member_no = excluded.member_no, doc = excluded.doc",
        &[&c.serial, &c.member_no.as_str(), &doc(c)?],
    )?;
    Ok(())
}

/// The request as stored (its row locked until the transaction ends), if it is still at the
/// version the writer read: otherwise someone else changed it meanwhile, and the conflict
/// names them.
pub(super) fn current_at_version(
    t: &mut Transaction,
    id: u64,
    expected: u32,
) -> Result<CardRequest> {
    let row = t.query_opt(
        "SELECT doc FROM requests WHERE id = $1 FOR UPDATE",
        &[&(id as i64)],
    )?;
    let current: CardRequest = match row {
        Some(r) => undoc(r.get(0))?,
        None => return Err(StoreError::NotFound(format!("request {id}"))),
    };
    crate::store::requests::at_version(current, expected)
}

fn requests_where(
    c: &mut impl GenericClient,
    sql: &str,
    params: &[&(dyn postgres::types::ToSql + Sync)],
) -> Result<Vec<CardRequest>> {
    let rows = c.query(sql, params)?;
    rows.into_iter().map(|r| undoc(r.get(0))).collect()
}

/// See [`crate::store::Store::save_transition`].
fn save_transition_in(t: &mut Transaction, w: &TransitionWrite) -> Result<()> {
    current_at_version(t, w.request.id, w.expected_version)?;
    put_request(t, w.request)?;
    if let Some(m) = w.member {
        put_member(t, m, false)?;
    }
    if let Some(p) = &w.photo {
        put_photo_in(t, w.request.member_no.as_str(), p)?;
    }
    for c in w.cards {
        put_card(t, c)?;
    }
    let action = w
        .request
        .history
        .last()
        .map(|s| s.action.clone())
        .unwrap_or_default();
    append_audit(
        t,
        w.request.since(),
        w.actor,
        &action,
        w.request.member_no.as_str(),
        &w.detail,
    )
}

impl RequestStore for PgStore {
    fn save_reassignment(
        &self,
        request: &CardRequest,
        expected_version: u32,
        actor: &Actor,
        at: Timestamp,
        detail: &str,
    ) -> Result<()> {
        self.conn.write(|t| {
            current_at_version(t, request.id, expected_version)?;
            put_request(t, request)?;
            append_audit(t, at, actor, "reassign", request.member_no.as_str(), detail)
        })
    }

    fn requests_with_steps_between(
        &self,
        start: Timestamp,
        end: Timestamp,
    ) -> Result<Vec<CardRequest>> {
        self.conn.read(|c| {
            requests_where(
                c,
                "SELECT doc FROM requests WHERE id IN (SELECT request_id FROM request_steps \
                 WHERE at >= $1 AND at < $2) ORDER BY id",
                &[&start.as_second(), &end.as_second()],
            )
        })
    }

    fn request(&self, id: u64) -> Result<Option<CardRequest>> {
        self.conn.read(|c| {
            Ok(requests_where(c, "SELECT doc FROM requests WHERE id = $1", &[&(id as i64)])?.pop())
        })
    }

    fn requests_for(&self, no: &str) -> Result<Vec<CardRequest>> {
        self.conn.read(|c| {
            requests_where(
                c,
                "SELECT doc FROM requests WHERE member_no = $1 ORDER BY id",
                &[&no],
            )
        })
    }

    fn requests_in_from(
        &self,
        states: &[RequestState],
        sources: &[Source],
    ) -> Result<Vec<CardRequest>> {
        let states: Vec<&str> = states.iter().map(|s| s.code()).collect();
        let sources: Vec<&str> = sources.iter().map(|s| s.code()).collect();
        let mut found = self.conn.read(|c| {
            requests_where(
                c,
                "SELECT doc FROM requests WHERE state = ANY($1) AND source = ANY($2)",
                &[&states, &sources],
            )
        })?;
        found.sort_by_key(|r| (r.since(), r.id));
        Ok(found)
    }

    fn count_by_state(&self) -> Result<Vec<(RequestState, u64)>> {
        let rows = self
            .conn
            .read(|c| Ok(c.query("SELECT state, count(*) FROM requests GROUP BY state", &[])?))?;
        Ok(RequestState::ALL
            .iter()
            .map(|s| {
                let n = rows
                    .iter()
                    .find(|r| r.get::<_, &str>(0) == s.code())
                    .map(|r| r.get::<_, i64>(1) as u64)
                    .unwrap_or(0);
                (*s, n)
            })
            .collect())
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
        self.conn.write(|t| {
            if t.query_opt(
                "SELECT 1 FROM members WHERE member_no = $1 FOR UPDATE",
                &[&no.as_str()],
            )?
            .is_none()
            {
                return Err(StoreError::NotFound(no.to_string()));
            }
            let mine = requests_where(
                t,
                "SELECT doc FROM requests WHERE member_no = $1 ORDER BY id",
                &[&no.as_str()],
            )?;
            if let Some(r) = mine.iter().find(|r| r.state.is_open()) {
                let last = r.history.last();
                return Err(StoreError::Conflict {
                    expected: 0,
                    found: r.version,
                    by: last.map(|s| s.by.clone()).unwrap_or_default(),
                    terminal: last.map(|s| s.terminal.clone()).unwrap_or_default(),
                });
            }
            let id = bump(t, "next_request_id")?;
            let mut r = CardRequest::new(id, no.clone(), kind, source, actor, at);
            r.replaces_serial = replaces_serial.clone();
            put_request(t, &r)?;
            // i18n: an audit detail, kept in the log's one language (English)
            append_audit(t, at, actor, kind.code(), no.as_str(), "request opened")?;
            Ok(r)
        })
    }

    fn save_transition(&self, w: TransitionWrite) -> Result<()> {
        self.conn.write(|t| save_transition_in(t, &w))
    }

    fn save_transitions(&self, writes: &[TransitionWrite]) -> Result<()> {
        self.conn
            .write(|t| writes.iter().try_for_each(|w| save_transition_in(t, w)))
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
        self.conn.write(|t| {
            current_at_version(t, request.id, expected_version)?;
            put_request(t, request)?;
            if let Some(m) = member {
                put_member(t, m, false)?;
            }
            if let Some(serial) = spoiled_serial {
                let row = t.query_opt("SELECT doc FROM cards WHERE serial = $1", &[&serial])?;
                if let Some(row) = row {
                    let mut c: CardRecord = undoc(row.get(0))?;
                    c.blocked = Some(format!("spoiled: {detail}"));
                    put_card(t, &c)?;
                }
            }
            let at = request.since();
            append_audit(t, at, actor, "undo", request.member_no.as_str(), detail)
        })
    }
}
