//! Filling in the front desk's previews of photos stored before schema 4, a batch at a time.
//!
//! Schema 4's migration only makes the table: making every preview inside the migrating
//! transaction would hold the write lock of every process on the PC for about a millisecond a
//! photo (100 s at 100,000 photos) at the first open after an upgrade. Until a photo's preview
//! is filled in, reads make it from the photo (`PhotoStore::photo_preview`).

use std::ops::Bound;

use redb::{ReadableDatabase, ReadableTable, ReadableTableMetadata};

use super::RedbStore;
use super::tables::{PHOTO_PREVIEWS, PHOTOS};
use crate::store::{PreviewFill, Result};

/// A photo read for the fill: its member number and the JPEG the preview is made from.
type Pending = (String, Vec<u8>);

impl RedbStore {
    /// Photos without a stored preview. A preview is only ever stored beside its photo and
    /// erased with it, so the count is the two tables' lengths apart: redb keeps a table's
    /// length in its root, so this is cheap enough for `loket status` at any size (walking the
    /// photos would read every photo's pages).
    pub(in crate::store) fn previews_missing(&self) -> Result<u64> {
        let txn = self.db.begin_read()?;
        let photos = txn.open_table(PHOTOS)?.len()?;
        let previews = txn.open_table(PHOTO_PREVIEWS)?.len()?;
        Ok(photos.saturating_sub(previews))
    }

    /// Stores the preview of every photo that has none, `batch` photos at a time: the photos
    /// are read in a read transaction, their previews made with no transaction open, and
    /// stored in a short write transaction of their own. Between batches no lock is held, so
    /// the other processes write as usual; a fill stopped anywhere keeps the batches it
    /// committed, and the next one goes on with what is left. `done` hears how many photos
    /// each batch settled.
    pub(in crate::store) fn fill_previews(
        &self,
        batch: usize,
        done: &mut dyn FnMut(u64),
    ) -> Result<PreviewFill> {
        let batch = batch.max(1);
        let mut fill = PreviewFill::default();
        let mut after: Option<String> = None;
        loop {
            let pending = self.pending_previews(after.as_deref(), batch)?;
            let Some((last, _)) = pending.last() else {
                return Ok(fill);
            };
            after = Some(last.clone());
            let made: Vec<_> = pending
                .into_iter()
                .map(|(no, jpeg)| {
                    let preview = crate::photo::preview::make(&jpeg);
                    (no, jpeg, preview)
                })
                .collect();
            let n = made.len() as u64;
            let txn = self.db.begin_write()?;
            {
                let photos = txn.open_table(PHOTOS)?;
                let mut previews = txn.open_table(PHOTO_PREVIEWS)?;
                for (no, jpeg, preview) in &made {
                    // Another process may have replaced or erased the photo since it was read
                    // (its own write then settled the preview): only the same photo gets this
                    // one.
                    let same = photos.get(no.as_str())?.is_some_and(|g| g.value() == jpeg);
                    if !same || previews.get(no.as_str())?.is_some() {
                        continue;
                    }
                    match preview {
                        Some(p) => {
                            previews.insert(no.as_str(), p.as_slice())?;
                            fill.stored += 1;
                        }
                        // Left without one: the front desk decodes that photo itself, as it
                        // did before schema 4.
                        None => fill.undecodable += 1,
                    }
                }
            }
            // Not a change anyone reloads for: the members, requests and photos are the same,
            // so the change counter is left alone.
            txn.commit()?;
            done(n);
        }
    }

    /// Up to `batch` photos after `after` (by member number) that have no stored preview.
    fn pending_previews(&self, after: Option<&str>, batch: usize) -> Result<Vec<Pending>> {
        let txn = self.db.begin_read()?;
        let photos = txn.open_table(PHOTOS)?;
        let previews = txn.open_table(PHOTO_PREVIEWS)?;
        let start = after.map_or(Bound::Unbounded, Bound::Excluded);
        let mut pending = Vec::with_capacity(batch);
        for entry in photos.range::<&str>((start, Bound::Unbounded))? {
            let (no, jpeg) = entry?;
            if previews.get(no.value())?.is_none() {
                pending.push((no.value().to_string(), jpeg.value().to_vec()));
                if pending.len() == batch {
                    break;
                }
            }
        }
        Ok(pending)
    }
}
