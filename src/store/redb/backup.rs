//! A backup while others write: everything as of one read transaction, copied table by table
//! into a new file that takes the backup's name only when it is whole.

use std::path::Path;

use redb::{Database, ReadTransaction, ReadableMultimapTable, ReadableTable, WriteTransaction};

use super::RedbStore;
use super::cards::PRINT_ATTEMPTS;
use super::tables::*;
use crate::store::{Result, StoreError};

/// See [`crate::store::Store::backup_to`].
pub(super) fn backup_to(store: &RedbStore, dest: &Path) -> Result<u64> {
    if dest.exists() {
        return Err(StoreError::Io(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            // i18n: worded as the system words its own file errors, shown in brackets as detail
            format!("{} already exists", dest.display()),
        )));
    }
    let tmp = dest.with_extension("partial");
    let _ = std::fs::remove_file(&tmp);
    let out = Database::builder().create(&tmp)?;
    let src = store.read()?;
    let dst = out.begin_write()?;
    let mut n = 0;
    n += copy(&src, &dst, META)?;
    n += copy(&src, &dst, MEMBERS)?;
    n += copy(&src, &dst, SEQUENCES)?;
    n += copy(&src, &dst, REQUESTS)?;
    n += copy(&src, &dst, CARDS)?;
    n += copy(&src, &dst, USERS)?;
    n += copy(&src, &dst, AUDIT)?;
    n += copy(&src, &dst, VISITS)?;
    n += copy(&src, &dst, PHOTOS)?;
    n += copy(&src, &dst, PHOTO_ORIGINALS)?;
    n += copy(&src, &dst, PHOTO_HISTORY)?;
    n += copy(&src, &dst, PHOTO_PREVIEWS)?;
    n += copy(&src, &dst, REQUEST_STEPS)?;
    n += copy(&src, &dst, MEMBER_WORDS)?;
    n += copy_multi(&src, &dst, MEMBERS_BY_NIK)?;
    n += copy_multi(&src, &dst, REQUESTS_BY_STATE)?;
    n += copy_multi(&src, &dst, REQUESTS_BY_MEMBER)?;
    n += copy_if_any(&src, &dst, PRINT_ATTEMPTS)?;
    dst.commit()?;
    drop(out);
    // A backup holds every NIK: its owner's alone (or the staff group's), whatever the umask.
    crate::fsutil::make_private(&tmp, false)?;
    // Only a complete copy takes the backup's name.
    std::fs::rename(&tmp, dest)?;
    Ok(n)
}

fn copy<K: redb::Key + 'static, V: redb::Value + 'static>(
    src: &ReadTransaction,
    dst: &WriteTransaction,
    def: redb::TableDefinition<K, V>,
) -> Result<u64> {
    let from = src.open_table(def)?;
    let mut to = dst.open_table(def)?;
    let mut n = 0;
    for entry in from.iter()? {
        let (k, v) = entry?;
        to.insert(k.value(), v.value())?;
        n += 1;
    }
    Ok(n)
}

/// A table made on first use (print attempts), absent from older stores.
fn copy_if_any<K: redb::Key + 'static, V: redb::Value + 'static>(
    src: &ReadTransaction,
    dst: &WriteTransaction,
    def: redb::TableDefinition<K, V>,
) -> Result<u64> {
    match src.open_table(def) {
        Err(redb::TableError::TableDoesNotExist(_)) => Ok(0),
        Err(e) => Err(e.into()),
        Ok(_) => copy(src, dst, def),
    }
}

fn copy_multi<K: redb::Key + 'static, V: redb::Key + 'static>(
    src: &ReadTransaction,
    dst: &WriteTransaction,
    def: redb::MultimapTableDefinition<K, V>,
) -> Result<u64> {
    let from = src.open_multimap_table(def)?;
    let mut to = dst.open_multimap_table(def)?;
    let mut n = 0;
    for entry in from.iter()? {
        let (k, vs) = entry?;
        for v in vs {
            to.insert(k.value(), v?.value())?;
            n += 1;
        }
    }
    Ok(n)
}
