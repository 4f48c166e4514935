//! The audit log in redb: one table keyed by sequence, appended in the writer's transaction.

use jiff::Timestamp;
use redb::{ReadableTable, WriteTransaction};

use super::tables::{AUDIT, META};
use super::{RedbStore, bump, json, parse};
use crate::domain::workflow::Actor;
use crate::store::{AuditEntry, AuditStore, Result};

/// Appends one line to the audit log inside `txn`, and bumps the change counter with it.
pub(super) fn append_audit(
    txn: &WriteTransaction,
    at: Timestamp,
    actor: &Actor,
    action: &str,
    subject: &str,
    detail: &str,
) -> Result<()> {
    let seq = {
        let mut meta = txn.open_table(META)?;
        bump(&mut meta, "changes")?;
        bump(&mut meta, "next_audit_seq")?
    };
    let entry = AuditEntry::new(seq, at, actor, action, subject, detail);
    txn.open_table(AUDIT)?
        .insert(seq, json(&entry).as_slice())?;
    Ok(())
}

impl AuditStore for RedbStore {
    fn audit(
        &self,
        at: Timestamp,
        actor: &Actor,
        action: &str,
        subject: &str,
        detail: &str,
    ) -> Result<()> {
        let txn = self.db.begin_write()?;
        append_audit(&txn, at, actor, action, subject, detail)?;
        txn.commit()?;
        Ok(())
    }

    fn audit_matching(
        &self,
        limit: usize,
        keep: impl Fn(&AuditEntry) -> bool,
    ) -> Result<Vec<AuditEntry>> {
        let txn = self.read()?;
        let t = txn.open_table(AUDIT)?;
        let mut found = Vec::new();
        for entry in t.iter()?.rev() {
            if found.len() == limit {
                break;
            }
            let e: AuditEntry = parse(entry?.1.value())?;
            if keep(&e) {
                found.push(e);
            }
        }
        found.reverse();
        Ok(found)
    }
}
