//! A member's rights of access and erasure: `loket member export-own` hands over everything
//! held (file for its owner only), `loket member erase` removes the personal data while the
//! day's figures stay as they were.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::{Site, stderr};
use loket::domain::visit::{Visit, Visitor};
use loket::store::Store;

const NIK: &str = "3515015703050002";

fn supervisor(site: &Site, name: &str) {
    let mut c = site.cmd();
    c.args([
        "user",
        "add",
        name,
        "--role",
        "supervisor",
        "--password-stdin",
    ])
    .stdin(std::process::Stdio::piped())
    .stdout(std::process::Stdio::null());
    let mut child = c.spawn().unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"rahasia-panjang-sekali\n")
        .unwrap();
    assert!(child.wait().unwrap().success());
}

fn with_a_visit(site: &Site) -> String {
    let no = site.add("Siti Rahayu", NIK, "2005-03-17", "P");
    site.ok(&["request", "call", &no]);
    let photo = site.path().join("kamera.jpg");
    std::fs::write(&photo, loket::service::demo::portrait("x")).unwrap();
    site.ok(&["photo", "import", &no, photo.to_str().unwrap()]);
    let store = Store::open(&site.store_file()).unwrap();
    let at: jiff::Timestamp = common::MORNING.parse().unwrap();
    store
        .record_visit(
            jiff::civil::date(2026, 11, 28),
            &Visit {
                visitor: Visitor::Member(loket::domain::member_no::MemberNo::new(&no)),
                at,
                terminal: "meja-depan".into(),
            },
        )
        .unwrap();
    no
}

#[test]
fn export_own_hands_over_everything_in_a_private_file_and_shows_no_nik() {
    let site = Site::new();
    let no = with_a_visit(&site);
    let out = site.path().join("untuk-anggota");
    let shown = site.ok(&["member", "export-own", &no, "--out", out.to_str().unwrap()]);
    assert!(!shown.contains(NIK), "{shown}");
    let file = out.join(format!("{no}.json"));
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let data: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(data["member"]["full_name"], "Siti Rahayu");
    assert!(
        data.to_string().contains(NIK),
        "the member gets their whole NIK"
    );
    assert_eq!(data["visits"].as_array().unwrap().len(), 1);
    assert!(data["requests"][0]["history"].as_array().unwrap().len() >= 3);
    assert!(out.join(format!("{no}-foto.jpg")).exists());
    assert!(site.ok(&["audit", "--subject", &no]).contains("export-own"));
}

#[test]
fn erase_is_a_supervisors_act_that_keeps_the_figures() {
    let site = Site::new();
    let no = with_a_visit(&site);
    // A clerk (no supervisor account) is refused, and nothing changes.
    let out = site.run(&["member", "erase", &no, "--reason", "surat 12/2026"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("supervisor"), "{}", stderr(&out));
    assert!(site.ok(&["member", "show", &no]).contains("Siti Rahayu"));

    site.ok(&["request", "cancel", &no, "--reason", "mundur"]);
    let figures = site.ok(&["report", "daily", "--date", "2026-11-28"]);
    let visits = site.json(&["visit", "list", "--date", "2026-11-28", "--json"]);
    supervisor(&site, "kasi");
    let out = site
        .cmd()
        .env("LOKET_PASSWORD", "rahasia-panjang-sekali")
        .args([
            "--as",
            "kasi",
            "member",
            "erase",
            &no,
            "--reason",
            "surat 12/2026",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));

    let store = Store::open(&site.store_file()).unwrap();
    let m = store.member(&no).unwrap().unwrap();
    assert_eq!(m.full_name, "[dihapus]");
    assert!(m.nik.is_none() && m.mother_name.0.is_empty() && m.phone.is_empty());
    assert!(store.photo(&no).unwrap().is_none());
    assert!(store.photo_history(&no).unwrap().is_empty());
    assert!(store.members_by_nik(NIK).unwrap().is_empty());
    assert!(store.search_members("Siti", 10).unwrap().is_empty());
    // The NIK is free again, and the statistics did not move.
    assert_eq!(
        site.ok(&["report", "daily", "--date", "2026-11-28"]),
        figures
    );
    assert_eq!(visits["count"]["members"], 1, "{visits}");
    assert_eq!(
        site.json(&["visit", "list", "--date", "2026-11-28", "--json"])["count"],
        visits["count"]
    );
    let audit = site.ok(&["audit", "--subject", &no]);
    assert!(
        audit.contains("erase") && audit.contains("surat 12/2026"),
        "{audit}"
    );
    assert!(!audit.contains(NIK));
    let again = site.add("Siti Rahayu", NIK, "2005-03-17", "P");
    assert_ne!(again, no);
}
