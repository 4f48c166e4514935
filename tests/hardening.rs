//! What a fault probe broke, each reproduced with the real binary on a real store: damaged and
//! empty stores, endless inputs, concurrent steps, control characters, closed pipes, birth
//! dates, and the privacy of the files loket writes.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};

use common::{BIN, Site, stderr};

const NIK: &str = "3515015703050002";

fn photo_file(site: &Site) -> std::path::PathBuf {
    let path = site.path().join("kamera.jpg");
    std::fs::write(&path, loket::service::demo::portrait("x")).unwrap();
    path
}

fn mode(p: &std::path::Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

/// A store with members and a backup, then its file as the probe left it.
fn site_with_backup() -> (Site, String, std::path::PathBuf) {
    let site = Site::new();
    let no = site.add("Siti Rahayu", NIK, "2005-03-17", "P");
    let backup = site.path().join("cadangan-1.redb");
    site.ok(&["backup", backup.to_str().unwrap()]);
    (site, no, backup)
}

#[test]
fn an_empty_store_file_is_damage_not_a_new_store() {
    let (site, no, backup) = site_with_backup();
    std::fs::write(site.store_file(), b"").unwrap();
    let out = site.run(&["--lang", "en", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let msg = stderr(&out);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("intact"));
    assert!(msg.contains("damaged") && msg.contains("empty"), "{msg}");
    assert!(
        msg.contains(backup.to_str().unwrap()),
        "names the backup: {msg}"
    );
    // Every other command refuses too, and nothing is written into the file.
    for args in [
        vec!["status"],
        vec!["member", "show", &no],
        vec!["demo", "--count", "1"],
    ] {
        let out = site.run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains("rusak"), "{}", stderr(&out));
    }
    assert_eq!(std::fs::metadata(site.store_file()).unwrap().len(), 0);
    // A file that is not a store at all.
    std::fs::write(site.store_file(), b"id,name\n1,Budi\n").unwrap();
    let out = site.run(&["--lang", "en", "status"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not a loket store"),
        "{}",
        stderr(&out)
    );
    // The backup restored: everything is back, and the damage record is gone.
    std::fs::copy(&backup, site.store_file()).unwrap();
    assert!(site.ok(&["--lang", "en", "check"]).contains("intact"));
    assert!(site.ok(&["member", "show", &no]).contains("Siti Rahayu"));
}

#[test]
fn a_missing_store_in_a_folder_that_had_one_is_not_made_anew() {
    let (site, no, backup) = site_with_backup();
    std::fs::remove_file(site.store_file()).unwrap();
    let out = site.run(&["--lang", "en", "status"]);
    assert_eq!(out.status.code(), Some(1));
    let msg = stderr(&out);
    assert!(
        msg.contains("missing") && msg.contains(backup.to_str().unwrap()),
        "{msg}"
    );
    assert!(!site.store_file().exists(), "no empty store took its place");
    // Starting afresh is a deliberate act: the marker removed, a new store is made.
    std::fs::remove_file(site.path().join(".loket-store")).unwrap();
    site.ok(&["status"]);
    assert!(site.run(&["member", "show", &no]).status.code() != Some(0));
}

#[test]
fn a_store_with_64_kib_zeroed_is_refused_without_a_panic_and_takes_no_writes() {
    let site = Site::new();
    site.ok(&["demo", "--count", "30"]);
    let backup = site.path().join("cadangan.redb");
    site.ok(&["backup", backup.to_str().unwrap()]);
    let len = std::fs::metadata(&backup).unwrap().len();
    // Every 64 KiB block past the header, one at a time: none may panic.
    let mut refused = 0;
    for block in 1..len / 65536 {
        std::fs::copy(&backup, site.store_file()).unwrap();
        let mut bytes = std::fs::read(site.store_file()).unwrap();
        let at = (block * 65536) as usize;
        bytes[at..at + 65536].fill(0);
        std::fs::write(site.store_file(), &bytes).unwrap();
        for args in [
            &["--lang", "en", "status"][..],
            &["--lang", "en", "request", "list"],
        ] {
            let out = site.run(args);
            assert_ne!(
                out.status.code(),
                Some(101),
                "panicked on block {block}: {}",
                stderr(&out)
            );
            let msg = stderr(&out);
            assert!(!msg.contains("panicked"), "{msg}");
            assert!(!msg.contains("Nothing already saved is lost"), "{msg}");
            if out.status.code() == Some(1) {
                refused += 1;
                assert!(
                    msg.contains(backup.to_str().unwrap()),
                    "block {block}: {msg}"
                );
            }
        }
        let check = site.run(&["--lang", "en", "check"]);
        assert_ne!(check.status.code(), Some(101));
        if check.status.code() == Some(1) {
            // Failed its check: no write goes in until a backup is restored.
            let before = std::fs::read(site.store_file()).unwrap();
            let out = site.run(&["demo", "--count", "1"]);
            assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
            assert_eq!(before, std::fs::read(site.store_file()).unwrap());
        }
    }
    assert!(refused > 0, "zeroed blocks went unnoticed");
}

#[test]
fn photo_import_from_an_endless_or_growing_source_is_bounded() {
    let site = Site::new();
    let no = site.add("Siti Rahayu", NIK, "2005-03-17", "P");
    site.ok(&["request", "call", &no]);
    let out = site.run(&["--lang", "en", "photo", "import", &no, "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not an ordinary file"),
        "{}",
        stderr(&out)
    );
    // A FIFO with a writer that never stops.
    let fifo = site.path().join("kamera.fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let mut writer = Command::new("sh")
        .arg("-c")
        .arg(format!("cat /dev/zero > {}", fifo.display()))
        .spawn()
        .unwrap();
    let out = site.run(&[
        "--lang",
        "en",
        "photo",
        "import",
        &no,
        fifo.to_str().unwrap(),
    ]);
    let _ = writer.kill();
    let _ = writer.wait();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // A file larger than the limit (sparse: claims 30 MB, costs nothing).
    let big = site.path().join("besar.jpg");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(30 << 20)
        .unwrap();
    let out = site.run(&[
        "--lang",
        "en",
        "photo",
        "import",
        &no,
        big.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("too large"), "{}", stderr(&out));
    assert_eq!(
        site.json(&["request", "show", &no, "--json"])["state"],
        "waiting"
    );
}

#[test]
fn eight_concurrent_photo_imports_record_one_photo_step() {
    let site = Site::new();
    let no = site.add("Siti Rahayu", NIK, "2005-03-17", "P");
    site.ok(&["request", "call", &no]);
    let photo = photo_file(&site);
    let children: Vec<_> = (0..8)
        .map(|_| {
            site.cmd()
                .args(["photo", "import", &no, photo.to_str().unwrap()])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let shown = site.json(&["request", "show", &no, "--json"]);
    let steps = shown["request"]["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["action"] == "photo")
        .count();
    assert_eq!(steps, 1, "{shown}");
    assert_eq!(shown["state"], "photo-taken");
}

#[test]
fn control_characters_are_refused_at_the_door_and_never_reach_a_terminal() {
    let site = Site::new();
    let evil = "Budi\u{1b}[2J\u{1b}[31mSantoso";
    let mut args = common::add_args(evil, NIK, "2005-03-17", "P");
    args.splice(0..0, ["--lang", "en"]);
    let out = site.run(&args);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("control character"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains('\u{1b}'));
    // A reason typed at a step is text like a name.
    let no = site.add("Siti Rahayu", NIK, "2005-03-17", "P");
    let out = site.run(&["request", "reject", &no, "--reason", "x\u{1b}]0;owned\u{7}"]);
    assert_ne!(out.status.code(), Some(0), "{}", stderr(&out));

    // What an older loket already stored prints harmless: written straight into the store.
    let store = loket::store::Store::open(&site.store_file()).unwrap();
    let mut m = store.member(&no).unwrap().unwrap();
    m.full_name = evil.into();
    let actor = loket::domain::workflow::Actor {
        user: "probe".into(),
        terminal: "t".into(),
    };
    store
        .update_member(&m, &actor, jiff::Timestamp::now(), "probe")
        .unwrap();
    drop(store);
    for args in [
        vec!["request", "list"],
        vec!["member", "show", &no],
        vec!["member", "search", "Budi"],
        vec!["member", "show", &no, "--json"],
        vec!["audit"],
    ] {
        let out = site.run(&args);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            !text.contains('\u{1b}'),
            "{args:?} printed an ESC: {text:?}"
        );
    }
    assert!(
        site.ok(&["member", "show", &no])
            .contains("Budi\u{FFFD}[2J")
    );
}

#[test]
fn a_closed_pipe_ends_every_listing_quietly() {
    let site = Site::new();
    site.ok(&["demo", "--count", "40"]);
    for cmd in [
        "request list",
        "request list --json",
        "audit --limit 500",
        "member search a",
        "status",
    ] {
        let out = Command::new("bash")
            .arg("-c")
            .arg(format!(
                "set -o pipefail; {BIN} {cmd} | head -c 1 >/dev/null"
            ))
            .env("LOKET_DATA_DIR", site.path())
            .output()
            .unwrap();
        let msg = stderr(&out);
        assert!(
            !msg.contains("panicked") && !msg.contains("Broken pipe"),
            "{cmd}: {msg}"
        );
        assert_ne!(out.status.code(), Some(101), "{cmd}");
    }
}

#[test]
fn a_birth_date_of_1800_is_refused_with_the_earliest_accepted() {
    let site = Site::new();
    // The NIK says 17-03-05; 1805 agrees with its two digits and must still be refused.
    let mut args = common::add_args("Siti Rahayu", NIK, "1805-03-17", "P");
    args.splice(0..0, ["--lang", "en"]);
    let out = site.run(&args);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("too far back"), "{}", stderr(&out));
    // 110 years old: within the bound, and the NIK's digits (read as 2016) still agree.
    let out = site.run(&common::add_args(
        "Mbah Sastro",
        "3515011709160003",
        "1916-09-17",
        "L",
    ));
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn files_holding_personal_data_are_private_whatever_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("loket");
    let sh = |cmd: &str| {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("umask 000; {cmd}"))
            .env("LOKET_DATA_DIR", &data)
            .env("LOKET_NOW", common::MORNING)
            .output()
            .unwrap();
        assert!(out.status.success(), "{cmd}: {}", stderr(&out));
    };
    sh(&format!(
        "{BIN} member add --name 'Siti Rahayu' --nik {NIK} --birth-place Sidoarjo --birth-date 2005-03-17 --sex P --address 'Jl. Contoh 1' --mother 'Ibu Rekaan' --phone 081234567890"
    ));
    let backup = dir.path().join("cadangan.redb");
    sh(&format!("{BIN} backup {}", backup.display()));
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("loket.redb")), 0o600);
    assert_eq!(mode(&backup), 0o600);
    assert_eq!(mode(&data.join("backups.log")), 0o600);
    let rendered = dir.path().join("pratinjau.pdf");
    let no = {
        let s = loket::store::Store::open(&data.join("loket.redb")).unwrap();
        s.members().unwrap()[0].member_no.to_string()
    };
    let photo = dir.path().join("foto.jpg");
    std::fs::write(&photo, loket::service::demo::portrait("x")).unwrap();
    sh(&format!("{BIN} photo import {no} {}", photo.display()));
    let exported = dir.path().join("keluar.jpg");
    sh(&format!("{BIN} photo export {no} {}", exported.display()));
    assert_eq!(mode(&exported), 0o600);
    sh(&format!(
        "{BIN} card render {no} --out {}",
        rendered.display()
    ));
    assert_eq!(mode(&rendered), 0o600);
    let folder = dir.path().join("ekspor");
    sh(&format!(
        "{BIN} export slims {} --photos {}",
        dir.path().join("anggota.csv").display(),
        folder.display()
    ));
    assert_eq!(mode(&folder), 0o700);
    // SLiMS's own naming (images/persons): see docs/interop.md.
    assert_eq!(mode(&folder.join(format!("member_{no}.jpg"))), 0o600);
    // An existing store made 0644 by an older loket is narrowed on the next open.
    std::fs::set_permissions(
        data.join("loket.redb"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    sh(&format!("{BIN} status"));
    assert_eq!(mode(&data.join("loket.redb")), 0o600);
}

#[test]
fn a_configured_staff_group_shares_the_files_with_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let run = |group: &str| {
        std::fs::write(
            data.join("loket.toml"),
            format!("[files]\ngroup = \"{group}\"\n"),
        )
        .unwrap();
        Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask 077; {BIN} --lang en demo --count 3 && {BIN} backup {d}/b.redb && {BIN} export slims {d}/a.csv --photos {d}/foto",
                d = data.display()
            ))
            .env("LOKET_DATA_DIR", data)
            .output()
            .unwrap()
    };
    let out = run("no-such-group-here");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("groupadd"), "{}", stderr(&out));
    assert!(
        !data.join("loket.redb").exists(),
        "refused before anything is written"
    );
    // Group root exists everywhere; a umask of 077 would leave the group nothing.
    let out = run("root");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode(&data.join("loket.redb")), 0o660);
    assert_eq!(mode(&data.join("b.redb")), 0o660);
    assert_eq!(mode(&data.join("foto")), 0o2770);
}
