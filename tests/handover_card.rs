//! `loket request handover NO --received-by N --card CODE` as a clerk runs it: the card in
//! hand is checked, a wrong or older card stops the handover (exit 1, the reason, nothing
//! recorded, the attempt in the audit log), and without `--card` the handover is recorded as
//! unchecked unless `[handover] allow_unchecked = false`.

mod common;

use common::{Site, stderr};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use loket::config::{Clock, Config};
use loket::domain::workflow::{Action, Actor, RequestKind, Source};
use loket::service::demo::{made_up_draft, portrait};
use loket::service::{Desk, Verification};
use loket::store::Store;

/// Registers made-up member `i` in the site's store and takes the request to laminated,
/// through the service as the counter would (printing needs no printer here: the print is
/// recorded directly). With `replace`, the member first gets a card handed over, then a
/// replacement printed and laminated. Returns the member number.
fn laminated(site: &Site, i: usize, replace: bool) -> String {
    let config = Config::load(&site.path().join("loket.toml")).unwrap();
    let store = Store::open(&site.store_file()).unwrap();
    let clock = Clock::new(
        TimeZone::get("Asia/Jakarta").unwrap(),
        Some(common::MORNING.parse::<Timestamp>().unwrap()),
    );
    let actor = Actor {
        user: "petugas1".into(),
        terminal: "loket-test".into(),
    };
    let desk = Desk::new(&store, &config, &clock, actor);
    let no = desk
        .register(&made_up_draft(i, 3), Source::Counter)
        .unwrap()
        .member
        .member_no
        .to_string();
    let to_laminated = |no: &str| {
        desk.call(no).unwrap();
        desk.take_photo(no, &portrait(no), None).unwrap();
        desk.verify(no, &Verification::default()).unwrap();
        let r = desk.open_request(no).unwrap();
        desk.record_print(&r, None).unwrap();
        desk.act(no, Action::Laminate).unwrap();
    };
    to_laminated(&no);
    if replace {
        let r = desk.open_request(&no).unwrap();
        desk.hand_over(&r, "Anggota", false, None).unwrap();
        desk.start(&no, RequestKind::Replacement, Source::Counter)
            .unwrap();
        to_laminated(&no);
    }
    no
}

fn state(site: &Site, no: &str) -> String {
    site.json(&["request", "show", no, "--json"])["state"]
        .as_str()
        .unwrap()
        .to_string()
}

fn audit(site: &Site) -> String {
    site.ok(&["audit", "--limit", "50"])
}

#[test]
fn a_wrong_card_stops_the_handover_and_is_audited() {
    let site = Site::new();
    let other = laminated(&site, 1, false);
    let no = laminated(&site, 2, false);
    let wrong = format!("{other}-01");
    let out = site.run(&[
        "request",
        "handover",
        &no,
        "--received-by",
        "Anggota",
        "--card",
        &wrong,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let msg = stderr(&out);
    assert!(
        msg.contains("bukan kartu pemohon ini") && msg.contains(&wrong),
        "{msg}"
    );
    assert_eq!(state(&site, &no), "laminated", "nothing recorded");
    let log = audit(&site);
    assert!(
        log.contains("handover-card-refused") && log.contains(&wrong),
        "{log}"
    );

    // The right card, typed in lower case as people type: recorded, with the card checked.
    site.ok(&[
        "request",
        "handover",
        &no,
        "--received-by",
        "Anggota",
        "--card",
        &format!("{no}-01").to_lowercase(),
    ]);
    assert_eq!(state(&site, &no), "handed-over");
    assert!(audit(&site).contains(&format!("card checked {no}-01")));
}

#[test]
fn the_old_card_of_a_replaced_member_stops_the_handover_of_the_new_one() {
    let site = Site::new();
    let no = laminated(&site, 3, true);
    for old in [format!("{no}-01"), no.clone()] {
        let out = site.run(&[
            "--lang",
            "en",
            "request",
            "handover",
            &no,
            "--received-by",
            "Anggota",
            "--card",
            &old,
        ]);
        assert_eq!(out.status.code(), Some(1), "{old}");
        let msg = stderr(&out);
        assert!(
            msg.contains("older card") && msg.contains(&format!("{no}-02")),
            "{msg}"
        );
    }
    assert_eq!(state(&site, &no), "laminated");
    site.ok(&[
        "request",
        "handover",
        &no,
        "--received-by",
        "Anggota",
        "--card",
        &format!("{no}-02"),
    ]);
    assert_eq!(state(&site, &no), "handed-over");
}

#[test]
fn without_a_card_the_handover_is_unchecked_or_refused_by_the_config() {
    let site = Site::new();
    let no = laminated(&site, 4, false);
    // An empty --card (a script with a blank variable) is a mistake, not "no card".
    let out = site.run(&[
        "request",
        "handover",
        &no,
        "--received-by",
        "Anggota",
        "--card",
        " ",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--card kosong"), "{}", stderr(&out));
    assert_eq!(state(&site, &no), "laminated");
    site.ok(&["request", "handover", &no, "--received-by", "Anggota"]);
    assert!(audit(&site).contains("card not checked"));

    std::fs::write(
        site.path().join("loket.toml"),
        "timezone = \"Asia/Jakarta\"\n[handover]\nallow_unchecked = false\n",
    )
    .unwrap();
    let strict = laminated(&site, 5, false);
    let out = site.run(&["request", "handover", &strict, "--received-by", "Anggota"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("perlu kartu diperiksa"),
        "{}",
        stderr(&out)
    );
    assert_eq!(state(&site, &strict), "laminated");
}
