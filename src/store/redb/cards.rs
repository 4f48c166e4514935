//! Cards and print attempts in redb: cards by serial (`NO-01`, so a member's are one range),
//! attempts by number, and the claims of requests whose job is out.

use jiff::Timestamp;
use redb::{ReadableDatabase, ReadableTable, TableDefinition, WriteTransaction};

use super::audit::append_audit;
use super::requests::current_at_version;
use super::tables::{CARDS, META};
use super::{RedbStore, bump, json, parse};
use crate::domain::staff::CardRecord;
use crate::domain::workflow::Actor;
use crate::store::cards::{is_alive, this_process};
use crate::store::{CardStore, PrintAttempt, PrintClaim, PrintOutcome, Result, StoreError};

/// Attempt number → the attempt (JSON). Created on first use: stores of schema 3 read
/// without it as "no attempt yet".
pub(super) const PRINT_ATTEMPTS: TableDefinition<u64, &[u8]> =
    TableDefinition::new("print_attempts");
/// Request id → the attempt that holds it now, while its job is out.
pub(super) const PRINT_CLAIMS: TableDefinition<u64, u64> = TableDefinition::new("print_claims");

fn put_attempt(txn: &WriteTransaction, a: &PrintAttempt) -> Result<()> {
    txn.open_table(PRINT_ATTEMPTS)?
        .insert(a.attempt, json(a).as_slice())?;
    Ok(())
}

impl CardStore for RedbStore {
    fn card(&self, serial: &str) -> Result<Option<CardRecord>> {
        let txn = self.read()?;
        let t = txn.open_table(CARDS)?;
        t.get(serial)?.map(|g| parse(g.value())).transpose()
    }

    fn cards_for(&self, no: &str) -> Result<Vec<CardRecord>> {
        let txn = self.read()?;
        let t = txn.open_table(CARDS)?;
        let from = format!("{no}-");
        let mut found = Vec::new();
        for entry in t.range(from.as_str()..)? {
            let (k, v) = entry?;
            if !k.value().starts_with(&from) {
                break;
            }
            found.push(parse(v.value())?);
        }
        Ok(found)
    }

    fn claim_print(&self, c: &PrintClaim) -> Result<PrintAttempt> {
        let txn = self.db.begin_write()?;
        let (pid, started) = this_process();
        let attempt;
        {
            for (id, version, _) in c.requests {
                current_at_version(&txn, *id, *version)?;
            }
            let claims = txn.open_table(PRINT_CLAIMS)?;
            let mut attempts = txn.open_table(PRINT_ATTEMPTS)?;
            let mut interrupted = Vec::new();
            for (id, _, no) in c.requests {
                let Some(held) = claims.get(*id)?.map(|g| g.value()) else {
                    continue;
                };
                let Some(bytes) = attempts.get(held)?.map(|g| g.value().to_vec()) else {
                    continue;
                };
                let mut other: PrintAttempt = parse(&bytes)?;
                if is_alive(other.pid, other.started) {
                    return Err(StoreError::PrintClaimed {
                        member_no: no.clone(),
                        by: other.user,
                        terminal: other.terminal,
                    });
                }
                other.outcome = PrintOutcome::Interrupted;
                attempts.insert(other.attempt, json(&other).as_slice())?;
                interrupted.push(other);
            }
            drop(attempts);
            drop(claims);
            for other in interrupted {
                let mut claims = txn.open_table(PRINT_CLAIMS)?;
                for id in &other.requests {
                    claims.remove(*id)?;
                }
                drop(claims);
                append_audit(
                    &txn,
                    c.at,
                    c.actor,
                    "print-interrupted",
                    &other.member_nos.join(","),
                    &other.interrupted_detail(),
                )?;
            }
            let seq = {
                let mut meta = txn.open_table(META)?;
                bump(&mut meta, "next_print_attempt")?
            };
            attempt = PrintAttempt::claimed(c, seq, pid, started);
            put_attempt(&txn, &attempt)?;
            let mut claims = txn.open_table(PRINT_CLAIMS)?;
            for id in &attempt.requests {
                claims.insert(*id, seq)?;
            }
        }
        append_audit(
            &txn,
            c.at,
            c.actor,
            "print-claim",
            &attempt.member_nos.join(","),
            &format!("attempt {}", attempt.attempt),
        )?;
        txn.commit()?;
        Ok(attempt)
    }

    fn finish_print(
        &self,
        attempt: &PrintAttempt,
        outcome: PrintOutcome,
        actor: &Actor,
        at: Timestamp,
    ) -> Result<()> {
        let txn = self.db.begin_write()?;
        let mut done = attempt.clone();
        done.outcome = outcome;
        {
            put_attempt(&txn, &done)?;
            let mut claims = txn.open_table(PRINT_CLAIMS)?;
            for id in &done.requests {
                if claims.get(*id)?.map(|g| g.value()) == Some(done.attempt) {
                    claims.remove(*id)?;
                }
            }
        }
        let (action, detail) = match &done.outcome {
            PrintOutcome::Printed { job_id } => ("print-sent", format!("job {job_id}")),
            PrintOutcome::Failed { reason } => ("print-failed", reason.clone()),
            PrintOutcome::Interrupted => ("print-interrupted", String::new()),
            PrintOutcome::Claimed => ("print-claim", String::new()),
        };
        append_audit(
            &txn,
            at,
            actor,
            action,
            &done.member_nos.join(","),
            &format!("attempt {}: {detail}", done.attempt),
        )?;
        txn.commit()?;
        Ok(())
    }

    fn print_attempts(&self) -> Result<Vec<PrintAttempt>> {
        let txn = self.db.begin_read()?;
        let table = match txn.open_table(PRINT_ATTEMPTS) {
            Ok(t) => t,
            Err(redb::TableError::TableDoesNotExist(_)) => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        let mut out = Vec::new();
        for entry in table.iter()? {
            out.push(parse(entry?.1.value())?);
        }
        Ok(out)
    }
}
