//! Cards and their prints: the cards printed for a member, and print attempts, claimed in the
//! store before a job goes to the printer, so two clerks (or one pressing twice) never send the
//! same card twice unrecorded, and every job sent ends recorded as printed, failed, or
//! interrupted (the process died while it was out).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::Result;
use crate::domain::staff::CardRecord;
use crate::domain::workflow::Actor;

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

/// A new attempt on these requests, all at the version the printer's caller read.
pub struct PrintClaim<'a> {
    /// (request id, version read, member number)
    pub requests: &'a [(u64, u32, String)],
    pub actor: &'a Actor,
    pub at: Timestamp,
    /// Where the attempt's PDF goes; `{attempt}` is replaced by the attempt's number.
    pub pdf_pattern: &'a str,
}

impl PrintAttempt {
    /// Attempt `seq` of claim `c`, held by the process `pid` started at `started`, its PDF's
    /// name made from the claim's pattern: built the same way by every backend.
    pub(crate) fn claimed(c: &PrintClaim, seq: u64, pid: u32, started: u64) -> PrintAttempt {
        PrintAttempt {
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
        }
    }

    /// The audit detail of an attempt found interrupted, its job possibly sent.
    pub(crate) fn interrupted_detail(&self) -> String {
        format!(
            // i18n: an audit detail, kept in the log's one language (English)
            "attempt {} by {} stopped with its job possibly sent ({})",
            self.attempt, self.user, self.pdf
        )
    }
}

/// The running process: pid and its start time in clock ticks since boot (from /proc), which
/// together never name another process.
pub(crate) fn this_process() -> (u32, u64) {
    let pid = std::process::id();
    (pid, start_time(pid).unwrap_or(0))
}

fn start_time(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    let after = &stat[stat.rfind(')')? + 2..];
    after.split(' ').nth(19)?.parse().ok()
}

/// Whether the process that made a claim still runs: a claim of a dead one is closed as
/// interrupted.
pub(crate) fn is_alive(pid: u32, started: u64) -> bool {
    start_time(pid).is_some_and(|s| s == started)
}

area! {
    /// Cards printed, and the attempts to print them.
    pub trait CardStore {
        fn card(&self, serial: &str) -> Result<Option<CardRecord>>;

        /// Cards printed for a member, oldest first (serials are `NO-01`, `NO-02`, …).
        fn cards_for(&self, no: &str) -> Result<Vec<CardRecord>>;

        /// Claims the print of these requests: refused when any of them changed since it was
        /// read or another live process holds it. A claim left by a process that died is
        /// closed as interrupted (audited) and this one takes its place.
        fn claim_print(&self, c: &PrintClaim) -> Result<PrintAttempt>;

        /// Ends an attempt: printed (after the requests were recorded printed) or failed. The
        /// claim is released either way.
        fn finish_print(
            &self,
            attempt: &PrintAttempt,
            outcome: PrintOutcome,
            actor: &Actor,
            at: Timestamp,
        ) -> Result<()>;

        /// Every print attempt, oldest first.
        fn print_attempts(&self) -> Result<Vec<PrintAttempt>>;
    }
}
