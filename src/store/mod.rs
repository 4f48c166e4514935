//! The repository: what the rest of loket keeps, behind one `Store` that never shows which
//! database holds it. Each area (members, requests, cards, …) is a trait every backend
//! implements, in a file of the same name under the backend's folder (today `redb/`).

use std::path::Path;

/// Declares one area: the trait a backend implements, and the `Store` methods of the same
/// names that hand each call to the backend the store was opened on. Callers call `Store`'s
/// own methods, so they never import a trait nor name a backend.
macro_rules! area {
    (
        $(#[$area_meta:meta])*
        pub trait $area:ident {
            $(
                $(#[$meta:meta])*
                fn $name:ident(&self $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty;
            )*
        }
    ) => {
        $(#[$area_meta])*
        pub trait $area {
            $(
                $(#[$meta])*
                fn $name(&self $(, $arg: $ty)*) -> $ret;
            )*
        }

        impl $crate::store::Store {
            $(
                $(#[$meta])*
                pub fn $name(&self $(, $arg: $ty)*) -> $ret {
                    match &self.backend {
                        $crate::store::Backend::Redb(b) => $area::$name(b $(, $arg)*),
                        $crate::store::Backend::Postgres(b) => $area::$name(&**b $(, $arg)*),
                    }
                }
            )*
        }
    };
}

mod accounts;
mod audit;
mod cards;
mod copy;
mod erasure;
mod error;
mod frontdesk;
mod import;
mod members;
mod photos;
mod postgres;
mod redb;
mod requests;
mod tokens;
mod visits;

#[cfg(test)]
mod tests;

pub use accounts::AccountStore;
pub use audit::{AuditEntry, AuditStore};
pub use cards::{CardStore, PrintAttempt, PrintClaim, PrintOutcome};
pub use copy::Counts;
pub use erasure::ErasureStore;
pub use error::StoreError;
pub use frontdesk::{Holder, Scanned};
pub use import::{ImportBatch, ImportDone, ImportMatch, ImportStore, ImportWrite};
pub use members::{MemberStore, Registration};
pub use photos::{PhotoStore, PhotoWrite, PreviewFill};
pub use postgres::masked_url;
pub use redb::open::{
    BACKUP_LEDGER, CREATED_MARKER, last_backup, mark_damaged, record_backup, redb_panicked,
};
pub use requests::{RequestStore, TransitionWrite};
pub use tokens::{FormTokenStore, TokenUse};
pub use visits::VisitStore;

pub type Result<T> = std::result::Result<T, StoreError>;

/// The store the program talks to, whichever database holds it.
pub struct Store {
    backend: Backend,
}

/// The databases a store can live in. An enum rather than a `Box<dyn …>`: the areas keep
/// their generic methods (a closure to filter the audit log, one to change an account), and
/// a call costs a match, not a virtual call. See docs/decisions.md.
enum Backend {
    /// One redb file, shared by the processes of one PC.
    Redb(redb::RedbStore),
    /// One PostgreSQL database, shared by the processes of every PC of a library. Boxed: its
    /// connection settings make it much the larger, and a store is made once.
    Postgres(Box<postgres::PgStore>),
}

/// Whether a store's address names a PostgreSQL database rather than a redb file.
pub fn is_postgres_url(s: &str) -> bool {
    s.starts_with("postgres://") || s.starts_with("postgresql://")
}

impl Store {
    /// Opens the store at `path`, creating it (and its folder) only if the file is missing and
    /// the folder never held one, and brings its schema up to date. Safe when several processes
    /// do it at once.
    pub fn open(path: &Path) -> Result<Store> {
        Ok(Store {
            backend: Backend::Redb(redb::RedbStore::open(path)?),
        })
    }

    /// Connects to the PostgreSQL database at `url` and brings its schema up to date; files
    /// loket keeps beside the store go in `path`'s folder. A server not reachable now is
    /// reported at once ([`StoreError::Unreachable`], the password masked); one that goes away
    /// later is waited for and connected to again.
    pub fn open_postgres(url: &str, path: &Path) -> Result<Store> {
        Ok(Store {
            backend: Backend::Postgres(Box::new(postgres::PgStore::open(url, path)?)),
        })
    }

    /// The store `paths` chose: the PostgreSQL database of `store_url`, else the redb file.
    pub fn open_chosen(paths: &crate::config::Paths) -> Result<Store> {
        match &paths.store_url {
            Some(url) => Store::open_postgres(url, &paths.store_file),
            None => Store::open(&paths.store_file),
        }
    }

    /// Which database holds the store: `redb` or `postgres`.
    pub fn backend_name(&self) -> &'static str {
        match &self.backend {
            Backend::Redb(_) => "redb",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// Verifies every page's checksum and the allocator state, on a handle of its own.
    /// `Ok(false)`: damage was found and repaired. A store that cannot be checked is recorded
    /// as damaged, so that no process writes into it until a backup is restored.
    pub fn check(path: &Path) -> Result<bool> {
        redb::RedbStore::check(path)
    }

    /// Photos whose front-desk preview is not stored yet (kept photos from before redb's
    /// schema 4). Always 0 on PostgreSQL, which makes every preview at its read.
    pub fn previews_missing(&self) -> Result<u64> {
        match &self.backend {
            Backend::Redb(b) => b.previews_missing(),
            Backend::Postgres(_) => Ok(0),
        }
    }

    /// Stores the missing previews, `batch` photos to a short write transaction, so that the
    /// other processes keep writing in between and a fill stopped anywhere loses nothing;
    /// `done` hears how many photos each batch settled. Nothing to do on PostgreSQL.
    pub fn fill_previews(&self, batch: usize, done: &mut dyn FnMut(u64)) -> Result<PreviewFill> {
        match &self.backend {
            Backend::Redb(b) => b.fill_previews(batch, done),
            Backend::Postgres(_) => Ok(PreviewFill::default()),
        }
    }

    /// Runs `f` with every read it makes of this store in one read transaction (a single
    /// snapshot, started once): for a sequence of look-ups such as a front-desk scan. `f`
    /// should only read; on redb, what it writes its later reads do not see. On PostgreSQL
    /// each read stays a statement of its own (see below why).
    pub fn reading<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        match &self.backend {
            Backend::Redb(b) => b.reading(f),
            // Each read is a statement of its own there. A read-only REPEATABLE READ
            // transaction around the scan would cost its BEGIN and COMMIT, two round trips,
            // and save none: a member looked up alone 0.09 ms, in such a scope 0.17 ms, the
            // scan's look-ups 1.5 ms (docs/performance.md, "The front desk on PostgreSQL").
            // The visit's write checks the window again under the write lock anyway. The
            // front desk's scan does not come here: `Store::scanned` is one statement there.
            Backend::Postgres(_) => f(),
        }
    }
}

area! {
    /// The store as a whole: where it is, its schema, its change counter, its backup.
    pub trait MaintenanceStore {
        /// Where the store lives; files loket keeps beside it (kept PDFs, the backup ledger)
        /// go in its folder.
        fn path(&self) -> &Path;

        /// The schema the store is at; `None` for a store not set up yet.
        fn schema_version(&self) -> Result<Option<u64>>;

        /// Bumped by every write. Pollers compare it to know when to reload.
        fn changes(&self) -> Result<u64>;

        /// Copies everything, as of one read transaction, into a new store file while other
        /// processes go on writing. Returns the number of records copied.
        fn backup_to(&self, dest: &Path) -> Result<u64>;
    }
}
