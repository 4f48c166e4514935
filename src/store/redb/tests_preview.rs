//! The front desk's photo preview (schema 4) and the one-transaction read scope.

use redb::{Database, ReadableDatabase};

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
    back_to_schema_3(&path);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(SCHEMA_VERSION));
    assert!(store.photo_preview(&a).unwrap().is_some());
}

/// The store at `path` as schema 3 left it: no previews table.
fn back_to_schema_3(path: &std::path::Path) {
    let db = Database::create(path).unwrap();
    let txn = db.begin_write().unwrap();
    assert!(txn.delete_table(PHOTO_PREVIEWS).unwrap());
    txn.open_table(META)
        .unwrap()
        .insert("schema_version", 3)
        .unwrap();
    txn.commit().unwrap();
}

/// A store written at schema 3 holding both members' photos, opened by this loket.
fn upgraded(dir: &std::path::Path) -> (Store, String, String) {
    let path = dir.join("loket.redb");
    let (a, b) = {
        let store = Store::open(&path).unwrap();
        let (a, b) = three_steps(&store);
        put(&store, &a, &stored_photo());
        put(&store, &b, &other_photo());
        (a, b)
    };
    back_to_schema_3(&path);
    (Store::open(&path).unwrap(), a, b)
}

fn other_photo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(600, 800, |x, y| {
        image::Rgb([200, (x / 3) as u8, (y / 4) as u8])
    });
    crate::photo::decode::tests::jpeg(&img, 90)
}

#[test]
fn opening_a_schema_3_store_makes_no_preview_and_reads_make_them_from_the_photo() {
    let dir = tempfile::tempdir().unwrap();
    let (store, a, b) = upgraded(dir.path());
    assert_eq!(store.schema_version().unwrap(), Some(SCHEMA_VERSION));
    // The migration only made the table: both photos still wait for their preview ...
    assert_eq!(store.previews_missing().unwrap(), 2);
    // ... and the front desk's read makes it from the photo meanwhile, inside a scan's scope.
    let seen = store
        .reading(|| -> Result<_, StoreError> { store.photo_preview(&a) })
        .unwrap();
    assert_eq!(seen, crate::photo::preview::make(&stored_photo()));
    assert_eq!(
        store.photo_preview(&b).unwrap(),
        crate::photo::preview::make(&other_photo())
    );
    assert_eq!(
        store.previews_missing().unwrap(),
        2,
        "a read stores nothing"
    );
}

#[test]
fn the_fill_stores_every_missing_preview_a_batch_at_a_time_and_a_second_fill_finds_none() {
    let dir = tempfile::tempdir().unwrap();
    let (store, a, b) = upgraded(dir.path());
    let mut batches = Vec::new();
    let filled = store.fill_previews(1, &mut |n| batches.push(n)).unwrap();
    assert_eq!(filled.stored, 2);
    assert_eq!(filled.undecodable, 0);
    assert_eq!(batches, [1, 1], "one photo to a write transaction");
    assert_eq!(store.previews_missing().unwrap(), 0);
    let txn = store_db(&store).begin_read().unwrap();
    let previews = txn.open_table(PHOTO_PREVIEWS).unwrap();
    let kept = |no: &str| previews.get(no).unwrap().map(|g| g.value().to_vec());
    assert_eq!(kept(&a), crate::photo::preview::make(&stored_photo()));
    assert_eq!(kept(&b), crate::photo::preview::make(&other_photo()));
    assert_eq!(
        store.photo(&a).unwrap(),
        Some(stored_photo()),
        "photo intact"
    );
    let again = store
        .fill_previews(256, &mut |_| panic!("no batch"))
        .unwrap();
    assert_eq!(again, crate::store::PreviewFill::default());
}

#[test]
fn writes_go_in_between_batches_and_a_photo_replaced_meanwhile_keeps_its_own_preview() {
    let dir = tempfile::tempdir().unwrap();
    let (store, a, b) = upgraded(dir.path());
    let (first, second) = if a < b { (a, b) } else { (b, a) };
    let mut between = 0;
    store
        .fill_previews(1, &mut |_| {
            // No write transaction is open here: were one held, this write would wait forever.
            if between == 0 {
                put(&store, &second, &stored_photo());
            }
            between += 1;
        })
        .unwrap();
    assert_eq!(
        between, 1,
        "the replaced photo got its preview from its own write"
    );
    let made = crate::photo::preview::make(&stored_photo());
    assert_eq!(store.photo_preview(&first).unwrap(), made);
    assert_eq!(store.photo_preview(&second).unwrap(), made);
    assert_eq!(store.previews_missing().unwrap(), 0);
}

#[test]
fn a_photo_that_does_not_decode_is_left_to_the_front_desk() {
    let dir = tempfile::tempdir().unwrap();
    let (store, a, _) = upgraded(dir.path());
    put(&store, &a, b"not a jpeg");
    let filled = store.fill_previews(256, &mut |_| {}).unwrap();
    assert_eq!((filled.stored, filled.undecodable), (1, 1));
    assert_eq!(store.photo_preview(&a).unwrap(), None);
}

fn store_db(store: &Store) -> &Database {
    match &store.backend {
        crate::store::Backend::Redb(r) => &r.db,
        crate::store::Backend::Postgres(_) => unreachable!("a redb test"),
    }
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
