//! Photos in redb: the stored one and the original by member number, the replaced ones by
//! (member number, sequence).

use jiff::Timestamp;
use redb::{ReadableTable, WriteTransaction};

use super::audit::append_audit;
use super::tables::{MEMBERS, META, PHOTO_HISTORY, PHOTO_ORIGINALS, PHOTO_PREVIEWS, PHOTOS};
use super::{RedbStore, bump};
use crate::domain::workflow::Actor;
use crate::store::{PhotoStore, PhotoWrite, Result, StoreError};

/// Stores a member's new photo, keeping the one it replaces in the history.
pub(super) fn put_photo_in(txn: &WriteTransaction, no: &str, photo: &PhotoWrite) -> Result<()> {
    let mut photos = txn.open_table(PHOTOS)?;
    let previous = photos.get(no)?.map(|g| g.value().to_vec());
    if let Some(prev) = previous {
        let seq = bump(&mut txn.open_table(META)?, "next_photo_seq")?;
        txn.open_table(PHOTO_HISTORY)?
            .insert((no, seq), prev.as_slice())?;
    }
    photos.insert(no, photo.stored)?;
    // The front desk's preview goes with the photo it was made from; a photo that does not
    // decode (none should: the store gets what photo::process encoded) leaves none behind.
    let mut previews = txn.open_table(PHOTO_PREVIEWS)?;
    match crate::photo::preview::make(photo.stored) {
        Some(p) => previews.insert(no, p.as_slice())?,
        None => previews.remove(no)?,
    };
    if let Some(original) = photo.original {
        txn.open_table(PHOTO_ORIGINALS)?.insert(no, original)?;
    }
    Ok(())
}

/// A photo kept outside a step (online upload, import), with its line in the audit log.
pub(super) fn put_photo_audited(
    txn: &WriteTransaction,
    no: &str,
    photo: &PhotoWrite,
    actor: &Actor,
    at: Timestamp,
) -> Result<()> {
    put_photo_in(txn, no, photo)?;
    append_audit(
        txn,
        at,
        actor,
        "photo",
        no,
        &format!("{} bytes", photo.stored.len()),
    )
}

impl PhotoStore for RedbStore {
    fn put_photo(&self, no: &str, photo: &PhotoWrite, actor: &Actor, at: Timestamp) -> Result<()> {
        let txn = self.db.begin_write()?;
        if txn.open_table(MEMBERS)?.get(no)?.is_none() {
            return Err(StoreError::NotFound(no.to_string()));
        }
        put_photo_audited(&txn, no, photo, actor, at)?;
        txn.commit()?;
        Ok(())
    }

    fn photo(&self, no: &str) -> Result<Option<Vec<u8>>> {
        let txn = self.read()?;
        let t = txn.open_table(PHOTOS)?;
        Ok(t.get(no)?.map(|g| g.value().to_vec()))
    }

    fn photo_preview(&self, no: &str) -> Result<Option<Vec<u8>>> {
        let txn = self.read()?;
        if let Some(stored) = txn.open_table(PHOTO_PREVIEWS)?.get(no)? {
            return Ok(Some(stored.value().to_vec()));
        }
        // A photo stored before schema 4 whose preview is not filled in yet (`fill_previews`):
        // made from the photo, in the same snapshot, so the front desk still shows the face.
        let photos = txn.open_table(PHOTOS)?;
        Ok(photos
            .get(no)?
            .and_then(|jpeg| crate::photo::preview::make(jpeg.value())))
    }

    fn photo_original(&self, no: &str) -> Result<Option<Vec<u8>>> {
        let txn = self.read()?;
        let t = txn.open_table(PHOTO_ORIGINALS)?;
        Ok(t.get(no)?.map(|g| g.value().to_vec()))
    }

    fn photo_history(&self, no: &str) -> Result<Vec<Vec<u8>>> {
        let txn = self.read()?;
        let t = txn.open_table(PHOTO_HISTORY)?;
        t.range((no, 0)..=(no, u64::MAX))?
            .map(|r| Ok(r?.1.value().to_vec()))
            .collect()
    }
}
