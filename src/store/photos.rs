//! Photos: the one on the card, the file as received, and the ones they replaced.

use jiff::Timestamp;

use super::Result;
use crate::domain::workflow::Actor;

/// A photo to store: the JPEG for the card, and the file as received if it is kept.
pub struct PhotoWrite<'a> {
    pub stored: &'a [u8],
    pub original: Option<&'a [u8]>,
}

/// What [`Store::fill_previews`](crate::store::Store::fill_previews) did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PreviewFill {
    /// Previews made and stored.
    pub stored: u64,
    /// Photos that do not decode, left without one (the front desk decodes them itself).
    pub undecodable: u64,
}

area! {
    /// Members' photos.
    pub trait PhotoStore {
        /// Stores a photo outside a step (an online upload, an import).
        fn put_photo(
            &self,
            no: &str,
            photo: &PhotoWrite,
            actor: &Actor,
            at: Timestamp,
        ) -> Result<()>;

        fn photo(&self, no: &str) -> Result<Option<Vec<u8>>>;

        /// The stored photo's small preview (`photo::preview`), kept with it since schema 4;
        /// made from the photo when none is kept (yet). `None` when there is no photo, or a
        /// photo too broken to preview.
        fn photo_preview(&self, no: &str) -> Result<Option<Vec<u8>>>;

        fn photo_original(&self, no: &str) -> Result<Option<Vec<u8>>>;

        /// Earlier photos of a member, oldest first.
        fn photo_history(&self, no: &str) -> Result<Vec<Vec<u8>>>;
    }
}
