//! The redb backend: one file shared by every loket process on a PC (counter, supervisor,
//! front desk, web server, CLI) in redb's multi-writer mode. Only this folder sees redb.

mod accounts;
mod audit;
mod backup;
mod cards;
mod copy;
mod erasure;
mod import;
mod members;
pub(super) mod open;
mod photos;
mod requests;
mod schema;
mod tables;
mod tokens;
mod visits;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use redb::{Database, ReadTransaction, ReadableDatabase, ReadableTable, Table};
use serde::{Deserialize, Serialize};

use super::{MaintenanceStore, Result, StoreError};
use tables::META;

/// Small on purpose: several processes each hold a cache, and look-ups touch few pages.
const CACHE_BYTES: usize = 32 * 1024 * 1024;

pub struct RedbStore {
    db: Database,
    path: PathBuf,
}

fn json<T: Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).expect("records serialise")
}

fn parse<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T> {
    Ok(serde_json::from_slice(bytes)?)
}

fn bump(meta: &mut Table<&str, u64>, key: &str) -> Result<u64> {
    let next = meta.get(key)?.map(|g| g.value()).unwrap_or(0) + 1;
    meta.insert(key, next)?;
    Ok(next)
}

impl RedbStore {
    fn read(&self) -> Result<ReadTransaction> {
        Ok(self.db.begin_read()?)
    }
}

impl MaintenanceStore for RedbStore {
    fn path(&self) -> &Path {
        &self.path
    }

    fn schema_version(&self) -> Result<Option<u64>> {
        let txn = self.read()?;
        match txn.open_table(META) {
            Ok(t) => Ok(t.get("schema_version")?.map(|g| g.value())),
            Err(redb::TableError::TableDoesNotExist(_)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    fn changes(&self) -> Result<u64> {
        let txn = self.read()?;
        Ok(txn
            .open_table(META)?
            .get("changes")?
            .map(|g| g.value())
            .unwrap_or(0))
    }

    fn backup_to(&self, dest: &Path) -> Result<u64> {
        backup::backup_to(self, dest)
    }
}

impl From<redb::Error> for StoreError {
    fn from(e: redb::Error) -> Self {
        StoreError::Db(e.to_string())
    }
}

macro_rules! from_redb {
    ($($t:ty),*) => {$(
        impl From<$t> for StoreError {
            fn from(e: $t) -> Self {
                StoreError::Db(e.to_string())
            }
        }
    )*};
}
from_redb!(
    redb::DatabaseError,
    redb::TransactionError,
    redb::TableError,
    redb::StorageError,
    redb::CommitError
);
