//! The walk-in path of the SOP from the command line, with the real photo and print steps:
//! register → call → photo → verify → print (CUPS) → laminate → hand over.

mod common;

use common::{Site, stderr};

const NIK: &str = "3515125703050002"; // made up

fn photo_file(site: &Site) -> std::path::PathBuf {
    let path = site.path().join("kamera.jpg");
    std::fs::write(&path, loket::service::demo::portrait("x")).unwrap();
    path
}

/// `loket card print NO` to the CUPS test queue, one card per page; returns stdout.
fn print_card(site: &Site, no: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "card",
        "print",
        no,
        "--printer",
        "loket-pdf",
        "--sheet",
        "card",
    ];
    args.extend_from_slice(extra);
    site.ok(&args)
}

fn cups() -> bool {
    std::env::var("LOKET_TEST_CUPS").is_ok_and(|v| v == "1")
}

#[test]
fn photo_import_is_the_photo_step_only_with_the_applicant_at_the_counter() {
    let site = Site::new();
    let no = site.add("Siti Rahayu", NIK, "2005-03-17", "P");
    let photo = photo_file(&site);
    // Before the call: the photo is kept, the step is not recorded.
    let out = site.ok(&["photo", "import", &no, photo.to_str().unwrap()]);
    assert!(out.contains("foto tersimpan"), "{out}");
    assert_eq!(
        site.json(&["request", "show", &no, "--json"])["state"],
        "registered"
    );
    site.ok(&["request", "call", &no]);
    site.ok(&["photo", "import", &no, photo.to_str().unwrap()]);
    assert_eq!(
        site.json(&["request", "show", &no, "--json"])["state"],
        "photo-taken"
    );
    // The stored photo comes out as a JPEG within the limit asked for.
    let exported = site.path().join("keluar.jpg");
    site.ok(&[
        "photo",
        "export",
        &no,
        exported.to_str().unwrap(),
        "--max-kb",
        "100",
    ]);
    let bytes = std::fs::read(&exported).unwrap();
    assert!(bytes.starts_with(&[0xFF, 0xD8]) && bytes.len() <= 100 * 1024);
    let store = loket::store::Store::open(&site.store_file()).unwrap();
    assert_eq!(
        store.photo_history(&no).unwrap().len(),
        1,
        "the first photo is kept in history"
    );
    assert!(store.photo_original(&no).unwrap().is_some());
}

#[test]
fn a_file_that_is_not_an_image_is_refused_and_nothing_changes() {
    let site = Site::new();
    let no = site.add("Siti Rahayu", NIK, "2005-03-17", "P");
    site.ok(&["request", "call", &no]);
    let bad = site.path().join("foto.jpg");
    std::fs::write(&bad, "ini bukan gambar").unwrap();
    let out = site.run(&["photo", "import", &no, bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).is_empty());
    assert_eq!(
        site.json(&["request", "show", &no, "--json"])["state"],
        "waiting"
    );
}

#[test]
fn printing_to_a_printer_that_does_not_exist_fails_clearly_and_changes_nothing() {
    let site = Site::new();
    let no = site.add("Siti Rahayu", NIK, "2005-03-17", "P");
    site.ok(&["request", "call", &no]);
    site.ok(&["photo", "import", &no, photo_file(&site).to_str().unwrap()]);
    site.ok(&["request", "verify", &no]);
    let out = site.run(&[
        "--lang",
        "en",
        "card",
        "print",
        &no,
        "--printer",
        "tidak-ada",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let msg = stderr(&out);
    assert!(msg.contains("tidak-ada") && msg.contains("lpstat"), "{msg}");
    let shown = site.json(&["request", "show", &no, "--json"]);
    assert_eq!(shown["state"], "verified");
    assert!(shown["request"]["card_serial"].is_null());
    // A card not yet verified is refused before any printer is asked.
    let other = site.add("Budi Santoso", "3515011708900001", "1990-08-17", "L");
    let out = site.run(&["card", "print", &other, "--printer", "loket-pdf"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("belum bisa dicetak"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_whole_walk_in_path_through_a_real_printer() {
    if !cups() {
        eprintln!("LOKET_TEST_CUPS is not 1: the CUPS walk-in runs in CI (bash .ci/run)");
        return;
    }
    let site = Site::new();
    let no = site.add("Siti Rahayu", NIK, "2005-03-17", "P");
    site.ok(&["request", "call", &no]);
    site.ok(&["photo", "import", &no, photo_file(&site).to_str().unwrap()]);
    site.ok(&["request", "verify", "--document", "ktp", &no]);
    let out = print_card(&site, &no, &[]);
    assert!(out.contains(&format!("{no}-01")), "{out}");
    site.ok(&["request", "laminate", &no]);
    site.ok(&["request", "handover", &no, "--received-by", "Siti Rahayu"]);
    let shown = site.json(&["request", "show", &no, "--json"]);
    assert_eq!(shown["state"], "handed-over");
    let history = shown["request"]["history"].as_array().unwrap();
    let steps: Vec<&str> = history.iter().map(|t| t["to"].as_str().unwrap()).collect();
    assert_eq!(
        steps,
        [
            "registered",
            "waiting",
            "photo-taken",
            "verified",
            "printed",
            "laminated",
            "handed-over"
        ]
    );
    assert!(history.iter().all(|t| t["by"] == "shell:petugas1"));
    let member = site.json(&["member", "show", &no, "--json"]);
    assert_eq!(member["status"], "active");
    assert_eq!(member["valid_until"], "2028-11-28");
    // The printed PDF is kept beside the store.
    let kept: Vec<_> = std::fs::read_dir(site.path().join("cards"))
        .unwrap()
        .collect();
    assert_eq!(kept.len(), 1);
}

#[test]
fn a_replacement_card_gets_a_new_serial_and_blocks_the_old_one() {
    if !cups() {
        eprintln!("LOKET_TEST_CUPS is not 1: the CUPS replacement runs in CI (bash .ci/run)");
        return;
    }
    let site = Site::new();
    let no = site.add("Siti Rahayu", NIK, "2005-03-17", "P");
    let photo = photo_file(&site);
    let issue = |reprint: bool| {
        site.ok(&["request", "call", &no]);
        site.ok(&["photo", "import", &no, photo.to_str().unwrap()]);
        site.ok(&["request", "verify", &no]);
        print_card(&site, &no, &[]);
        if reprint {
            // Jammed in the laminator: printed again with a reason, same serial.
            site.ok(&["request", "laminate", &no]);
            let out = print_card(&site, &no, &["--reprint-reason", "macet di laminator"]);
            assert!(out.contains(&format!("{no}-01")), "{out}");
        }
        site.ok(&["request", "laminate", &no]);
        site.ok(&["request", "handover", &no, "--received-by", "Siti Rahayu"]);
    };
    issue(true);
    let first = site.json(&["request", "show", &no, "--json"]);
    assert_eq!(first["request"]["card_serial"], format!("{no}-01"));
    assert_eq!(first["request"]["print_count"], 2);

    site.ok(&["member", "replace", &no, "--reason", "kartu hilang"]);
    issue(false);
    let second = site.json(&["request", "show", &no, "--json"]);
    assert_eq!(second["kind"], "replacement");
    assert_eq!(second["request"]["card_serial"], format!("{no}-02"));
    let store = loket::store::Store::open(&site.store_file()).unwrap();
    let old = store.card(&format!("{no}-01")).unwrap().unwrap();
    assert_eq!(
        old.blocked.as_deref(),
        Some(format!("replaced by {no}-02").as_str())
    );
    assert!(
        store
            .card(&format!("{no}-02"))
            .unwrap()
            .unwrap()
            .blocked
            .is_none()
    );
}
