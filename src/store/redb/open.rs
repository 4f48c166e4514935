//! Opening the store without ever taking damage for a new store: only a missing file in a
//! folder that never held one is created; an empty, foreign or damaged file is refused with
//! the last backup named, and a store that failed its check takes no writes until it passes.

use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::UNIX_EPOCH;

use redb::{ConcurrencyMode, Database};

use super::{CACHE_BYTES, RedbStore};
use crate::fsutil;
use crate::store::{Result, StoreError};

/// The first bytes of every redb file (redb's `MAGICNUMBER`).
const REDB_MAGIC: [u8; 9] = [b'r', b'e', b'd', b'b', 0x1A, 0x0A, 0xA9, 0x0D, 0x0A];

/// Written beside the store when loket creates it: a folder holding this and no store lost
/// its store, and a new empty one must not quietly take its place.
pub const CREATED_MARKER: &str = ".loket-store";

/// Lists every backup `loket backup` made (time and path), so a damaged store can name the
/// last one.
pub const BACKUP_LEDGER: &str = "backups.log";

/// Set when redb panicked in this process: the store it was reading is damaged.
static REDB_PANICKED: AtomicBool = AtomicBool::new(false);

/// Keeps redb's own panic text (an `unreachable!` deep in a B-tree) off the clerk's screen:
/// the caller turns the panic into a message saying what to do. Other panics print as usual.
fn quiet_redb_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if info.location().is_some_and(|l| l.file().contains("redb-")) {
                REDB_PANICKED.store(true, Ordering::SeqCst);
            } else {
                previous(info);
            }
        }));
    });
}

/// Whether redb panicked in this process (the CLI's last line of defence asks).
pub fn redb_panicked() -> bool {
    REDB_PANICKED.load(Ordering::SeqCst)
}

/// Runs `f`, turning a panic inside redb into [`StoreError::Damaged`].
pub(crate) fn guarded<T>(path: &Path, f: impl FnOnce() -> Result<T>) -> Result<T> {
    quiet_redb_panics();
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(panic) if REDB_PANICKED.load(Ordering::SeqCst) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                // i18n: a panic without words, recorded and shown as redb's own reasons are
                .unwrap_or_else(|| "internal error".into());
            mark_damaged(path, &what);
            Err(damaged(path, what))
        }
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

fn damaged(path: &Path, reason: impl Into<String>) -> StoreError {
    StoreError::Damaged {
        path: path.display().to_string(),
        reason: reason.into(),
        last_backup: last_backup(path).map(|p| p.display().to_string()),
    }
}

fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn damaged_marker(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".damaged");
    path.with_file_name(name)
}

/// Size, modification time and inode: a restored backup differs in at least one of them.
fn fingerprint(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    let mtime = m
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(format!("{} {} {}", m.len(), mtime, m.ino()))
}

/// Records that the store failed (a check, or a read that panicked). While the file is the
/// same, every process refuses to open it, so nothing is written into a damaged store.
pub fn mark_damaged(path: &Path, reason: &str) {
    if let Some(fp) = fingerprint(path) {
        let line = format!("{fp}\n{}\n", reason.replace('\n', " "));
        let _ = fsutil::write_private(&damaged_marker(path), line.as_bytes());
    }
}

/// The failure recorded for this very file, if any; a marker of a file since replaced (a
/// backup restored) is removed.
fn recorded_damage(path: &Path) -> Option<String> {
    let marker = damaged_marker(path);
    let text = std::fs::read_to_string(&marker).ok()?;
    let mut lines = text.lines();
    if fingerprint(path).as_deref() == lines.next() {
        Some(lines.next().unwrap_or_default().to_string())
    } else {
        let _ = std::fs::remove_file(&marker);
        None
    }
}

fn clear_damage(path: &Path) {
    let _ = std::fs::remove_file(damaged_marker(path));
}

/// The newest backup in the ledger that still exists.
pub fn last_backup(path: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(folder(path).join(BACKUP_LEDGER)).ok()?;
    text.lines()
        .rev()
        .filter_map(|l| l.split_once('\t').map(|(_, p)| PathBuf::from(p)))
        .find(|p| p.is_file())
}

/// Adds a backup to the ledger beside the store.
pub fn record_backup(path: &Path, backup: &Path, at: jiff::Timestamp) -> std::io::Result<()> {
    use std::io::Write;
    let backup = std::path::absolute(backup)?;
    let ledger = folder(path).join(BACKUP_LEDGER);
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&ledger)?;
    fsutil::tighten(&ledger);
    writeln!(f, "{at}\t{}", backup.display())
}

// The reasons loket finds itself are kept in English in the damage marker beside the store
// (every process reads it back); `StoreError`'s message says them in the clerk's language.

/// A path that is a folder, a device or a pipe.
// i18n: a reason kept in the damage marker, worded for the clerk by StoreError
pub(crate) const NOT_A_FILE: &str = "not an ordinary file";
/// A file of no bytes (a store that was never written, or one truncated).
// i18n: a reason kept in the damage marker, worded for the clerk by StoreError
pub(crate) const EMPTY_FILE: &str = "the file is empty (0 bytes)";
/// A file that does not start as a redb file does.
// i18n: a reason kept in the damage marker, worded for the clerk by StoreError
pub(crate) const NOT_A_STORE: &str = "the file is not a loket store";

/// Why an existing file is not a store, read from its first bytes.
fn not_a_store(path: &Path) -> Result<Option<&'static str>> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Ok(Some(NOT_A_FILE));
    }
    if meta.len() == 0 {
        return Ok(Some(EMPTY_FILE));
    }
    let mut head = [0u8; REDB_MAGIC.len()];
    let mut f = std::fs::File::open(path)?;
    let mut got = 0;
    while got < head.len() {
        match f.read(&mut head[got..])? {
            0 => break,
            n => got += n,
        }
    }
    if got < head.len() || head != REDB_MAGIC {
        return Ok(Some(NOT_A_STORE));
    }
    Ok(None)
}

fn builder() -> redb::Builder {
    let mut b = Database::builder();
    b.set_cache_size(CACHE_BYTES)
        .set_concurrency_mode(ConcurrencyMode::MultiWriter);
    b
}

/// Makes a new store under another name and links it into place: another process opening at
/// the same moment sees either no file or a whole store, never an empty file.
fn create_new(path: &Path) -> Result<()> {
    let tmp = fsutil::partial_name(path);
    let _ = std::fs::remove_file(&tmp);
    let made = (|| -> Result<()> {
        let db = builder().create(&tmp)?;
        let store = RedbStore {
            db,
            path: tmp.clone(),
        };
        store.migrate()?;
        drop(store);
        fsutil::make_private(&tmp, false)?;
        match std::fs::hard_link(&tmp, path) {
            Ok(()) => Ok(()),
            // Another process made it first: theirs is the store.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) => Err(e.into()),
        }
    })();
    let _ = std::fs::remove_file(&tmp);
    made?;
    let marker = folder(path).join(CREATED_MARKER);
    if !marker.exists() {
        let _ = fsutil::write_private(&marker, format!("{}\n", jiff::Timestamp::now()).as_bytes());
    }
    Ok(())
}

impl RedbStore {
    /// Opens the store, creating it (and its folder) only if the file is missing and the
    /// folder never held one, and brings its schema up to date. Safe when several processes
    /// do it at once: creation is atomic, the schema is set up in a write transaction.
    pub(in crate::store) fn open(path: &Path) -> Result<RedbStore> {
        let fail = |reason: String| StoreError::Open {
            path: path.display().to_string(),
            reason,
        };
        let dir = folder(path);
        fsutil::private_dir(&dir).map_err(|e| fail(e.to_string()))?;
        if let Some(reason) = recorded_damage(path) {
            return Err(damaged(path, reason));
        }
        match std::fs::symlink_metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if dir.join(CREATED_MARKER).exists() {
                    return Err(StoreError::Missing {
                        path: path.display().to_string(),
                        marker: dir.join(CREATED_MARKER).display().to_string(),
                        last_backup: last_backup(path).map(|p| p.display().to_string()),
                    });
                }
                create_new(path)?;
            }
            Err(e) => return Err(fail(e.to_string())),
            Ok(_) => {
                if let Some(reason) = not_a_store(path)? {
                    return Err(damaged(path, reason));
                }
            }
        }
        fsutil::tighten(path);
        guarded(path, || {
            let db = builder().open(path).map_err(|e| match e {
                redb::DatabaseError::Storage(redb::StorageError::Corrupted(c)) => damaged(path, c),
                e => fail(e.to_string()),
            })?;
            let store = RedbStore {
                db,
                path: path.to_path_buf(),
            };
            store.migrate()?;
            Ok(store)
        })
    }

    /// Verifies every page's checksum and the allocator state, on a handle of its own.
    /// `Ok(false)`: damage was found and repaired. A store that cannot be checked is recorded
    /// as damaged, so that no process writes into it until a backup is restored.
    pub(in crate::store) fn check(path: &Path) -> Result<bool> {
        if let Some(reason) = not_a_store(path)? {
            mark_damaged(path, reason);
            return Err(damaged(path, reason));
        }
        let result = guarded(path, || {
            let mut db = builder()
                .open(path)
                .map_err(|e| damaged(path, e.to_string()))?;
            db.check_integrity()
                .map_err(|e| damaged(path, e.to_string()))
        });
        match &result {
            Ok(_) => clear_damage(path),
            Err(StoreError::Damaged { reason, .. }) => mark_damaged(path, reason),
            Err(_) => {}
        }
        result
    }
}
