//! The audit log: who did what, when, from where; append-only, every write of the store adds
//! its line in the same transaction.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::Result;
use crate::domain::workflow::Actor;

/// One line of the audit log: who did what, when, from where. Sensitive values are masked
/// before they get here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: u64,
    pub at: Timestamp,
    pub user: String,
    pub terminal: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

impl AuditEntry {
    /// The line `actor` leaves at `at`, numbered `seq`: built the same way by every backend.
    pub(crate) fn new(
        seq: u64,
        at: Timestamp,
        actor: &Actor,
        action: &str,
        subject: &str,
        detail: &str,
    ) -> AuditEntry {
        AuditEntry {
            seq,
            at,
            user: actor.user.clone(),
            terminal: actor.terminal.clone(),
            action: action.into(),
            subject: subject.into(),
            detail: detail.into(),
        }
    }
}

area! {
    /// The audit log.
    pub trait AuditStore {
        /// Records something done outside a request or member write (a login, an export).
        fn audit(
            &self,
            at: Timestamp,
            actor: &Actor,
            action: &str,
            subject: &str,
            detail: &str,
        ) -> Result<()>;

        /// The newest `limit` audit entries that `keep` accepts, newest last. Reads from the
        /// newest back and stops at `limit`, so a narrow filter over a long log costs only
        /// what it has to read.
        fn audit_matching(
            &self,
            limit: usize,
            keep: impl Fn(&AuditEntry) -> bool,
        ) -> Result<Vec<AuditEntry>>;
    }
}

/// Made of the area's own methods, so no backend writes it again.
impl super::Store {
    /// The newest `limit` audit entries, newest last.
    pub fn audit_log(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        self.audit_matching(limit, |_| true)
    }
}
