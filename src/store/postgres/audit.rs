//! The audit log in PostgreSQL: one table by sequence, appended in the writer's transaction;
//! a trigger refuses every UPDATE, DELETE and TRUNCATE of it.

use jiff::Timestamp;
use postgres::Transaction;

use super::{PgStore, bump, doc, undoc};
use crate::domain::workflow::Actor;
use crate::store::{AuditEntry, AuditStore, Result};

/// Audit entries read per query when walking the log back from the newest.
const PAGE: i64 = 500;

/// Appends one line to the audit log inside `t`, and bumps the change counter with it.
pub(super) fn append_audit(
    t: &mut Transaction,
    at: Timestamp,
    actor: &Actor,
    action: &str,
    subject: &str,
    detail: &str,
) -> Result<()> {
    bump(t, "changes")?;
    let seq = bump(t, "next_audit_seq")?;
    let entry = AuditEntry::new(seq, at, actor, action, subject, detail);
    t.execute(
        "INSERT INTO audit (seq, subject, doc) VALUES ($1, $2, $3)",
        &[&(seq as i64), &subject, &doc(&entry)?],
    )?;
    Ok(())
}

/// The newest entry about `subject`, if any.
pub(super) fn last_about(t: &mut Transaction, subject: &str) -> Result<Option<AuditEntry>> {
    t.query_opt(
        "SELECT doc FROM audit WHERE subject = $1 ORDER BY seq DESC LIMIT 1",
        &[&subject],
    )?
    .map(|r| undoc(r.get(0)))
    .transpose()
}

impl AuditStore for PgStore {
    fn audit(
        &self,
        at: Timestamp,
        actor: &Actor,
        action: &str,
        subject: &str,
        detail: &str,
    ) -> Result<()> {
        self.conn
            .write(|t| append_audit(t, at, actor, action, subject, detail))
    }

    fn audit_matching(
        &self,
        limit: usize,
        keep: impl Fn(&AuditEntry) -> bool,
    ) -> Result<Vec<AuditEntry>> {
        self.conn.read(|c| {
            let mut found = Vec::new();
            let mut before = i64::MAX;
            while found.len() < limit {
                let rows = c.query(
                    "SELECT seq, doc FROM audit WHERE seq < $1 ORDER BY seq DESC LIMIT $2",
                    &[&before, &PAGE],
                )?;
                let Some(last) = rows.last() else { break };
                before = last.get(0);
                for r in rows {
                    let e: AuditEntry = undoc(r.get(1))?;
                    if keep(&e) {
                        found.push(e);
                        if found.len() == limit {
                            break;
                        }
                    }
                }
            }
            found.reverse();
            Ok(found)
        })
    }
}
