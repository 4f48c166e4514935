//! The front desk's photo preview (schema 4) and the one-transaction read scope.

use redb::Database;

use super::tables::{META, PHOTO_PREVIEWS, SCHEMA_VERSION};
use crate::domain::workflow::Actor;
use crate::store::tests::{at, three_steps};
use crate::store::{PhotoWrite, Store, StoreError};

fn actor() -> Actor {
    Actor {
        user: "rina".into(),
        terminal: "loket-1".into(),
    }
}

fn stored_photo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(600, 800, |x, y| {
        image::Rgb([(x / 3) as u8, (y / 4) as u8, 90])
    });
    crate::photo::decode::tests::jpeg(&img, 90)
}

fn put(store: &Store, no: &str, jpeg: &[u8]) {
    let write = PhotoWrite {
        stored: jpeg,
        original: None,
    };
    store.put_photo(no, &write, &actor(), at("11:00")).unwrap();
}

#[test]
fn a_photo_is_stored_with_its_preview_and_erased_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("loket.redb")).unwrap();
    let (a, b) = three_steps(&store);
    put(&store, &a, &stored_photo());
    let preview = store.photo_preview(&a).unwrap().expect("a preview");
    assert_eq!(
        preview,
        crate::photo::preview::make(&stored_photo()).unwrap()
    );
    assert!(preview.len() < 6 * 1024, "a few KB: {}", preview.len());
    assert_eq!(store.photo_preview(&b).unwrap(), None);
    store
        .erase_member(&a, &actor(), at("12:00"), "asked to")
        .unwrap();
    assert_eq!(store.photo_preview(&a).unwrap(), None);
}

#[test]
fn photos_stored_before_schema_4_get_their_preview_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.redb");
    let a = {
        let store = Store::open(&path).unwrap();
        let (a, _) = three_steps(&store);
        put(&store, &a, &stored_photo());
        a
    };
    {
        let db = Database::create(&path).unwrap();
        let txn = db.begin_write().unwrap();
        assert!(txn.delete_table(PHOTO_PREVIEWS).unwrap());
        txn.open_table(META)
            .unwrap()
            .insert("schema_version", 3)
            .unwrap();
        txn.commit().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(SCHEMA_VERSION));
    assert!(store.photo_preview(&a).unwrap().is_some());
}

#[test]
fn reads_in_one_scope_share_one_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("loket.redb")).unwrap();
    let (a, _) = three_steps(&store);
    let seen = store
        .reading(|| -> Result<_, StoreError> {
            let before = store.photo(&a)?;
            put(&store, &a, &stored_photo());
            // The write is committed, but this scope still reads the snapshot it began with.
            Ok((before, store.photo(&a)?))
        })
        .unwrap();
    assert_eq!(seen, (None, None));
    assert!(
        store.photo(&a).unwrap().is_some(),
        "outside, the photo is there"
    );
}
