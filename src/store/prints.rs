//! Print attempts: a print is claimed in the store before its job goes to the printer, so two
//! clerks (or one pressing twice) never send the same card twice unrecorded, and every job sent
//! ends recorded as printed, failed, or interrupted (the process died while it was out).

use jiff::Timestamp;
use redb::{ReadableDatabase, ReadableTable, TableDefinition, WriteTransaction};
use serde::{Deserialize, Serialize};

use super::{Result, Store, StoreError, append_audit, current_at_version, json, parse};
use crate::domain::workflow::Actor;

/// Attempt number → the attempt (JSON). Created on first use: stores of schema 3 read
/// without it as "no attempt yet".
pub(super) const PRINT_ATTEMPTS: TableDefinition<u64, &[u8]> =
    TableDefinition::new("print_attempts");
/// Request id → the attempt that holds it now, while its job is out.
pub(super) const PRINT_CLAIMS: TableDefinition<u64, u64> = TableDefinition::new("print_claims");

/// How an attempt ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum PrintOutcome {
    /// Claimed; the job may be on its way to the printer.
    Claimed,
    /// The printer took the job.
    Printed { job_id: String },
    /// The printer refused it (or it never left): no card was made.
    Failed { reason: String },
    /// The process that claimed it died with the job possibly sent: a card may be in the
    /// printer's tray that the request does not show as printed.
    Interrupted,
}

/// One print attempt: which requests, at which version, by whom, from which process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintAttempt {
    pub attempt: u64,
    pub requests: Vec<u64>,
    pub member_nos: Vec<String>,
    pub at: Timestamp,
    pub user: String,
    pub terminal: String,
    /// The process that holds the claim (pid and its start time), to tell a claim of a process
    /// that died from one still printing.
    pub pid: u32,
    pub started: u64,
    pub pdf: String,
    #[serde(flatten)]
    pub outcome: PrintOutcome,
}

/// The running process: pid and its start time in clock ticks since boot (from /proc), which
/// together never name another process.
pub fn this_process() -> (u32, u64) {
    let pid = std::process::id();
    (pid, start_time(pid).unwrap_or(0))
}

fn start_time(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    let after = &stat[stat.rfind(')')? + 2..];
    after.split(' ').nth(19)?.parse().ok()
}

fn is_alive(pid: u32, started: u64) -> bool {
    start_time(pid).is_some_and(|s| s == started)
}

/// A new attempt on these requests, all at the version the printer's caller read.
pub struct PrintClaim<'a> {
    /// (request id, version read, member number)
    pub requests: &'a [(u64, u32, String)],
    pub actor: &'a Actor,
    pub at: Timestamp,
    /// Where the attempt's PDF goes; `{attempt}` is replaced by the attempt's number.
    pub pdf_pattern: &'a str,
}

fn put_attempt(txn: &WriteTransaction, a: &PrintAttempt) -> Result<()> {
    txn.open_table(PRINT_ATTEMPTS)?
        .insert(a.attempt, json(a).as_slice())?;
    Ok(())
}

impl Store {
    /// Claims the print of these requests: refused when any of them changed since it was read
    /// or another live process holds it. A claim left by a process that died is closed as
    /// interrupted (audited) and this one takes its place.
    pub fn claim_print(&self, c: &PrintClaim) -> Result<PrintAttempt> {
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
                    &format!(
                        "attempt {} by {} stopped with its job possibly sent ({})",
                        other.attempt, other.user, other.pdf
                    ),
                )?;
            }
            let seq = {
                let mut meta = txn.open_table(super::META)?;
                super::bump(&mut meta, "next_print_attempt")?
            };
            attempt = PrintAttempt {
                attempt: seq,
                requests: c.requests.iter().map(|r| r.0).collect(),
                member_nos: c.requests.iter().map(|r| r.2.clone()).collect(),
                at: c.at,
                user: c.actor.user.clone(),
                terminal: c.actor.terminal.clone(),
                pid,
                started,
                pdf: c.pdf_pattern.replace("{attempt}", &seq.to_string()),
                outcome: PrintOutcome::Claimed,
            };
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

    /// Ends an attempt: printed (after the requests were recorded printed) or failed. The
    /// claim is released either way.
    pub fn finish_print(
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

    /// Every print attempt, oldest first.
    pub fn print_attempts(&self) -> Result<Vec<PrintAttempt>> {
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
