//! Cards and print attempts in PostgreSQL: cards by serial, attempts by number, and the claims
//! of requests whose job is out.

use jiff::Timestamp;
use postgres::Transaction;

use super::audit::append_audit;
use super::requests::current_at_version;
use super::{PgStore, bump, doc, undoc};
use crate::domain::staff::CardRecord;
use crate::domain::workflow::Actor;
use crate::store::cards::{is_alive, this_process};
use crate::store::{CardStore, PrintAttempt, PrintClaim, PrintOutcome, Result, StoreError};

fn put_attempt(t: &mut Transaction, a: &PrintAttempt) -> Result<()> {
    t.execute(
        "INSERT INTO print_attempts (attempt, doc) VALUES ($1, $2) \
         ON CONFLICT (attempt) DO UPDATE SET doc = excluded.doc",
        &[&(a.attempt as i64), &doc(a)?],
    )?;
    Ok(())
}

fn claim_in(t: &mut Transaction, c: &PrintClaim) -> Result<PrintAttempt> {
    let (pid, started) = this_process();
    for (id, version, _) in c.requests {
        current_at_version(t, *id, *version)?;
    }
    let mut interrupted = Vec::new();
    for (id, _, no) in c.requests {
        let row = t.query_opt(
            "SELECT a.doc FROM print_claims c JOIN print_attempts a USING (attempt) \
             WHERE c.request_id = $1",
            &[&(*id as i64)],
        )?;
        let Some(row) = row else { continue };
        let mut other: PrintAttempt = undoc(row.get(0))?;
        if is_alive(other.pid, other.started) {
            return Err(StoreError::PrintClaimed {
                member_no: no.clone(),
                by: other.user,
                terminal: other.terminal,
            });
        }
        other.outcome = PrintOutcome::Interrupted;
        put_attempt(t, &other)?;
        interrupted.push(other);
    }
    for other in interrupted {
        let ids: Vec<i64> = other.requests.iter().map(|i| *i as i64).collect();
        t.execute(
            "DELETE FROM print_claims WHERE request_id = ANY($1)",
            &[&ids],
        )?;
        append_audit(
            t,
            c.at,
            c.actor,
            "print-interrupted",
            &other.member_nos.join(","),
            &other.interrupted_detail(),
        )?;
    }
    let seq = bump(t, "next_print_attempt")?;
    let attempt = PrintAttempt::claimed(c, seq, pid, started);
    put_attempt(t, &attempt)?;
    for id in &attempt.requests {
        t.execute(
            "INSERT INTO print_claims (request_id, attempt) VALUES ($1, $2) \
             ON CONFLICT (request_id) DO UPDATE SET attempt = excluded.attempt",
            &[&(*id as i64), &(seq as i64)],
        )?;
    }
    append_audit(
        t,
        c.at,
        c.actor,
        "print-claim",
        &attempt.member_nos.join(","),
        &format!("attempt {}", attempt.attempt),
    )?;
    Ok(attempt)
}

impl CardStore for PgStore {
    fn card(&self, serial: &str) -> Result<Option<CardRecord>> {
        self.conn.read(|c| {
            c.query_opt("SELECT doc FROM cards WHERE serial = $1", &[&serial])?
                .map(|r| undoc(r.get(0)))
                .transpose()
        })
    }

    fn cards_for(&self, no: &str) -> Result<Vec<CardRecord>> {
        self.conn.read(|c| {
            let rows = c.query(
                "SELECT doc FROM cards WHERE member_no = $1 ORDER BY serial",
                &[&no],
            )?;
            rows.into_iter().map(|r| undoc(r.get(0))).collect()
        })
    }

    fn claim_print(&self, c: &PrintClaim) -> Result<PrintAttempt> {
        self.conn.write(|t| claim_in(t, c))
    }

    fn finish_print(
        &self,
        attempt: &PrintAttempt,
        outcome: PrintOutcome,
        actor: &Actor,
        at: Timestamp,
    ) -> Result<()> {
        let mut done = attempt.clone();
        done.outcome = outcome;
        self.conn.write(|t| {
            put_attempt(t, &done)?;
            let ids: Vec<i64> = done.requests.iter().map(|i| *i as i64).collect();
            t.execute(
                "DELETE FROM print_claims WHERE request_id = ANY($1) AND attempt = $2",
                &[&ids, &(done.attempt as i64)],
            )?;
            let (action, detail) = match &done.outcome {
                PrintOutcome::Printed { job_id } => ("print-sent", format!("job {job_id}")),
                PrintOutcome::Failed { reason } => ("print-failed", reason.clone()),
                PrintOutcome::Interrupted => ("print-interrupted", String::new()),
                PrintOutcome::Claimed => ("print-claim", String::new()),
            };
            append_audit(
                t,
                at,
                actor,
                action,
                &done.member_nos.join(","),
                &format!("attempt {}: {detail}", done.attempt),
            )
        })
    }

    fn print_attempts(&self) -> Result<Vec<PrintAttempt>> {
        self.conn.read(|c| {
            let rows = c.query("SELECT doc FROM print_attempts ORDER BY attempt", &[])?;
            rows.into_iter().map(|r| undoc(r.get(0))).collect()
        })
    }
}
