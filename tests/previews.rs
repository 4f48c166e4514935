//! A store written at schema 3 with many photos, upgraded for real: it opens at once (the
//! migration makes no preview), `loket store previews` fills them in while another process
//! registers a member between its batches, and a fill killed with SIGKILL loses no photo and
//! is finished by the next run. Until then `loket status` says what to run.

mod common;

use std::time::{Duration, Instant};

use common::Site;
use loket::store::Store;
use redb::{Database, TableDefinition};

const PHOTOS: TableDefinition<&str, &[u8]> = TableDefinition::new("photos");
const PREVIEWS: TableDefinition<&str, &[u8]> = TableDefinition::new("photo_previews");
const META: TableDefinition<&str, u64> = TableDefinition::new("meta");

/// Enough photos that the fill, a short commit every five, is still under way when it is
/// killed; none of them belongs to a member (the fill does not ask).
const COUNT: usize = 400;

/// The photo kept under member number `no`: a few distinct faces, repeated.
fn photo_of(faces: &[Vec<u8>], i: usize) -> (String, &[u8]) {
    (format!("P{i:05}"), &faces[i % faces.len()])
}

/// Makes the site's store as schema 3 left it: photos, no previews table.
fn schema_3_store(site: &Site, faces: &[Vec<u8>]) {
    drop(site.open_store());
    let db = Database::create(site.store_file()).unwrap();
    let txn = db.begin_write().unwrap();
    {
        let mut photos = txn.open_table(PHOTOS).unwrap();
        for i in 0..COUNT {
            let (no, jpeg) = photo_of(faces, i);
            photos.insert(no.as_str(), jpeg).unwrap();
        }
    }
    txn.delete_table(PREVIEWS).unwrap();
    txn.open_table(META)
        .unwrap()
        .insert("schema_version", 3)
        .unwrap();
    txn.commit().unwrap();
}

fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    let until = Instant::now() + Duration::from_secs(120);
    while !ok() {
        assert!(Instant::now() < until, "waited too long for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn an_upgraded_store_opens_at_once_and_its_previews_fill_in_around_other_writers_and_a_kill() {
    let site = Site::new();
    let faces: Vec<Vec<u8>> = (0..7)
        .map(|i| loket::service::demo::portrait(&i.to_string()))
        .collect();
    schema_3_store(&site, &faces);

    // The first open migrates to schema 4 (and on, to 5) without making a preview, and the
    // front desk's read makes one from the photo.
    let store: Store = site.open_store();
    assert_eq!(store.schema_version().unwrap(), Some(5));
    assert_eq!(store.previews_missing().unwrap(), COUNT as u64);
    let (no, jpeg) = photo_of(&faces, 0);
    assert_eq!(
        store.photo_preview(&no).unwrap(),
        loket::photo::preview::make(jpeg)
    );

    // Nothing else would tell the administrator: the status says so and what to run.
    let status = site.ok(&["status", "--lang", "en"]);
    assert!(
        status.contains(&format!("{COUNT} photos have no front-desk preview yet"))
            && status.contains("Run `loket store previews`"),
        "{status}"
    );

    let mut fill = site
        .cmd()
        .args(["store", "previews", "--batch", "5"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let missing = || store.previews_missing().unwrap();
    wait_for("the fill to start", || missing() < COUNT as u64);
    // Another process writes while the fill is under way: it gets in between two batches.
    let member = site.add("Pendaftar Baru", "3515021708900001", "1990-08-17", "L");
    let left = missing();
    assert!(
        left > 0,
        "the fill was still under way when the write got in"
    );
    fill.kill().unwrap();
    fill.wait().unwrap();

    // Killed mid-fill: every photo as it was, the batches committed kept, the rest missing.
    let left = missing();
    assert!(
        left > 0 && left < COUNT as u64,
        "{left} missing after the kill"
    );
    for i in 0..COUNT {
        let (no, jpeg) = photo_of(&faces, i);
        assert_eq!(
            store.photo(&no).unwrap().as_deref(),
            Some(jpeg),
            "photo {no}"
        );
    }
    assert!(
        site.ok(&["member", "show", &member])
            .contains("Pendaftar Baru")
    );
    drop(store);
    site.ok(&["check"]);

    // The next run goes on with what is left, and every preview is the photo's own.
    let out = site.ok(&["store", "previews", "--lang", "en"]);
    assert!(
        out.contains(&format!("{left} photo previews stored")),
        "{out}"
    );
    let store = site.open_store();
    assert_eq!(store.previews_missing().unwrap(), 0);
    for i in (0..COUNT).step_by(13) {
        let (no, jpeg) = photo_of(&faces, i);
        assert_eq!(
            store.photo_preview(&no).unwrap(),
            loket::photo::preview::make(jpeg)
        );
    }
    let out = site.ok(&["store", "previews", "--lang", "en"]);
    assert!(out.contains("Nothing to do"), "{out}");
    let status = site.ok(&["status", "--lang", "en"]);
    assert!(!status.contains("preview"), "{status}");
}
