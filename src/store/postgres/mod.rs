//! The PostgreSQL backend: one database shared by every loket process of a library, on as
//! many PCs as it has. Only this folder sees PostgreSQL. Records are JSON (`jsonb`) as in
//! redb, beside the columns the indexes and constraints need; see docs/decisions.md.

mod accounts;
mod audit;
mod cards;
mod conn;
mod copy;
mod erasure;
mod frontdesk;
mod import;
mod listen;
mod members;
mod photos;
mod requests;
mod schema;
mod tls;
mod tokens;
mod visits;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use postgres::Transaction;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{MaintenanceStore, Result, StoreError};
pub use conn::masked_url;

pub struct PgStore {
    conn: conn::Conn,
    /// Where files loket keeps beside the store go (kept PDFs, the backup ledger).
    path: PathBuf,
    changes: Arc<listen::Changes>,
}

fn doc<T: Serialize>(v: &T) -> Result<Value> {
    Ok(serde_json::to_value(v)?)
}

fn undoc<T: for<'de> Deserialize<'de>>(v: Value) -> Result<T> {
    Ok(serde_json::from_value(v)?)
}

/// A counter of the `meta` table, one up, inside the writer's transaction: the row stays
/// locked until it commits, so two writers never read the same value.
fn bump(t: &mut Transaction, key: &str) -> Result<u64> {
    let row = t.query_one(
        "INSERT INTO meta (key, value) VALUES ($1, 1) \
         ON CONFLICT (key) DO UPDATE SET value = meta.value + 1 RETURNING value",
        &[&key],
    )?;
    Ok(row.get::<_, i64>(0) as u64)
}

/// A timestamp as the integer columns keep it (microseconds since the epoch): ordered, and
/// compared without parsing.
fn micros(t: jiff::Timestamp) -> i64 {
    t.as_microsecond()
}

/// The timestamp such a column holds; one out of jiff's range was not written by loket.
fn from_micros(n: i64) -> Result<jiff::Timestamp> {
    jiff::Timestamp::from_microsecond(n).map_err(|e| StoreError::Corrupt(e.to_string()))
}

impl PgStore {
    /// Connects to the database at `url`, brings its schema up to date, and starts listening
    /// for other processes' changes. `path` is where loket keeps its files beside the store.
    pub fn open(url: &str, path: &Path) -> Result<PgStore> {
        let conn = conn::Conn::open(url)?;
        conn.migrate()?;
        let channel = conn.channel()?;
        let changes = listen::Changes::start(conn.config().clone(), conn.tls().clone(), channel);
        Ok(PgStore {
            conn,
            path: path.to_path_buf(),
            changes,
        })
    }
}

impl Drop for PgStore {
    fn drop(&mut self) {
        self.changes.stop();
    }
}

impl MaintenanceStore for PgStore {
    fn path(&self) -> &Path {
        &self.path
    }

    fn schema_version(&self) -> Result<Option<u64>> {
        self.conn.read(schema::version)
    }

    /// From the listener while it is connected (no query), else read from the database.
    fn changes(&self) -> Result<u64> {
        let written = self.conn.last_changes();
        if let Some(heard) = self.changes.heard() {
            return Ok(heard.max(written));
        }
        let n = self.conn.read(|c| {
            let row = c.query_opt("SELECT value FROM meta WHERE key = 'changes'", &[])?;
            Ok(row.map(|r| r.get::<_, i64>(0) as u64).unwrap_or(0))
        })?;
        Ok(n.max(written))
    }

    fn backup_to(&self, _dest: &Path) -> Result<u64> {
        Err(StoreError::BackupIsPgDump)
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        StoreError::Db(conn::describe(&e))
    }
}
