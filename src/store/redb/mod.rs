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
mod previews;
mod requests;
mod schema;
mod tables;
mod tokens;
mod visits;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_preview;
#[cfg(test)]
mod tests_words;

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

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

thread_local! {
    /// Read transactions pinned by [`RedbStore::reading`] on this thread, by store (address).
    static PINNED: RefCell<Vec<(usize, Rc<ReadTransaction>)>> = const { RefCell::new(Vec::new()) };
}

/// A read transaction of its own, or the one a [`RedbStore::reading`] scope pinned.
enum Reading {
    Own(ReadTransaction),
    Pinned(Rc<ReadTransaction>),
}

impl std::ops::Deref for Reading {
    type Target = ReadTransaction;
    fn deref(&self) -> &ReadTransaction {
        match self {
            Reading::Own(t) => t,
            Reading::Pinned(t) => t,
        }
    }
}

/// Unpins on the way out of the scope, panics included.
struct Unpin(usize);

impl Drop for Unpin {
    fn drop(&mut self) {
        PINNED.with(|p| p.borrow_mut().retain(|(k, _)| *k != self.0));
    }
}

impl RedbStore {
    fn key(&self) -> usize {
        self as *const RedbStore as usize
    }

    fn read(&self) -> Result<Reading> {
        let key = self.key();
        let pinned = PINNED.with(|p| {
            p.borrow()
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, t)| Rc::clone(t))
        });
        Ok(match pinned {
            Some(t) => Reading::Pinned(t),
            None => Reading::Own(self.db.begin_read()?),
        })
    }

    /// Runs `f` with every read of this store on this thread inside one read transaction: one
    /// snapshot, one transaction's start. Writes inside `f` are not seen by its later reads,
    /// so `f` should only read. A scope inside another one joins it.
    pub(super) fn reading<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let key = self.key();
        if PINNED.with(|p| p.borrow().iter().any(|(k, _)| *k == key)) {
            return f();
        }
        let txn = self.db.begin_read().map_err(StoreError::from)?;
        PINNED.with(|p| p.borrow_mut().push((key, Rc::new(txn))));
        let _unpin = Unpin(key);
        f()
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
