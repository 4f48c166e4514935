//! The front desk end to end: a card scanned on a serial scanner (a socat pty pair) checks
//! the member in; the repeat window; SOP 9 on the first scan after handover; replaced cards;
//! `loket visit list`. socat is required, as for tests/scanner.rs.

mod common;

use common::TestStore;
mod socat;

use socat::Socat;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use loket::config::{Clock, Config};
use loket::domain::checkin::{Reason, Verdict};
use loket::domain::visit::{Guest, Visitor};
use loket::domain::workflow::{Action, Actor, RequestKind, RequestState, Source};
use loket::i18n::Lang;
use loket::scanner::{Routed, ScannerConfig, ScannerEvent, WedgeConfig, WedgeFilter};
use loket::service::demo::{made_up_draft, portrait};
use loket::service::frontdesk::{add_guest, check_in};
use loket::service::{Desk, Verification};
use loket::store::Store;
use loket::tui::frontdesk::{FrontDesk, Input, spawn_serial_bridge};
use ratatui_image::picker::Picker;

const WAIT: Duration = Duration::from_secs(5);

fn clock(at: &str) -> Clock {
    Clock::new(
        TimeZone::get("Asia/Jakarta").unwrap(),
        Some(at.parse::<Timestamp>().unwrap()),
    )
}

fn config() -> Config {
    Config {
        timezone: "Asia/Jakarta".into(),
        ..Config::default()
    }
}

fn actor() -> Actor {
    Actor {
        user: "petugas1".into(),
        terminal: "meja-depan".into(),
    }
}

/// The SOP's steps after registration, as a clerk does them: call, photo, verify, print,
/// laminate, hand over. `steps` of them (6: handed over).
fn advance(desk: &Desk, no: &str, steps: usize) {
    for step in 0..steps {
        match step {
            0 => drop(desk.call(no).unwrap()),
            1 => drop(desk.take_photo(no, &portrait(no), None).unwrap()),
            2 => drop(desk.verify(no, &Verification::default()).unwrap()),
            3 => {
                let r = desk.open_request(no).unwrap();
                drop(desk.record_print(&r, None).unwrap())
            }
            4 => drop(desk.act(no, Action::Laminate).unwrap()),
            _ => drop(
                desk.act(
                    no,
                    Action::HandOver {
                        received_by: "Anggota".into(),
                        representative: false,
                    },
                )
                .unwrap(),
            ),
        }
    }
}

fn handed_over(desk: &Desk, i: usize) -> String {
    let no = desk
        .register(&made_up_draft(i, 11), Source::Counter)
        .unwrap()
        .member
        .member_no
        .to_string();
    advance(desk, &no, 6);
    no
}

fn member_visits(store: &Store, c: &Clock, no: &str) -> usize {
    store
        .visits_on(c.today())
        .unwrap()
        .iter()
        .filter(|v| matches!(&v.visitor, Visitor::Member(m) if m.as_str() == no))
        .count()
}

fn next_scanner_event(rx: &mpsc::Receiver<Input>) -> ScannerEvent {
    match rx.recv_timeout(WAIT) {
        Ok(Input::Scanner(ev)) => ev,
        other => panic!("expected a scanner event, got {other:?}"),
    }
}

#[test]
fn a_serial_scan_of_a_card_serial_checks_the_member_in() {
    let dir = tempfile::tempdir().unwrap();
    for at in TestStore::each(dir.path(), "fd_0") {
        let store = at.open();
        let (cfg, c) = (config(), clock(common::MORNING));
        let desk = Desk::new(&store, &cfg, &c, actor());
        let no = handed_over(&desk, 1);
        let mut fd = FrontDesk::new(&desk, Lang::Id, Picker::halfblocks());

        let socat = Socat::start(dir.path());
        let (tx, rx) = mpsc::channel();
        let scanner = ScannerConfig {
            port: Some(socat.scanner.display().to_string()),
            ..ScannerConfig::default()
        };
        spawn_serial_bridge(scanner, tx).unwrap();
        assert_eq!(next_scanner_event(&rx), ScannerEvent::Connected);
        fd.on_scanner_event(ScannerEvent::Connected);

        socat.send(format!("{no}-01\r").as_bytes());
        let ev = next_scanner_event(&rx);
        assert_eq!(ev, ScannerEvent::Scan(format!("{no}-01")));
        fd.on_scanner_event(ev);

        let ci = fd.last_check_in().expect("a check-in is shown");
        assert_eq!(ci.verdict, Verdict::Welcome);
        assert!(ci.visit_recorded);
        assert_eq!(member_visits(&store, &c, &no), 1);
        assert_eq!(fd.count().people, 1);
    }
}

#[test]
fn a_second_scan_inside_the_window_records_no_second_visit() {
    let dir = tempfile::tempdir().unwrap();
    for at in TestStore::each(dir.path(), "fd_1") {
        let store = at.open();
        let cfg = config();
        let nine = clock("2026-11-28T02:00:00Z");
        let no = handed_over(&Desk::new(&store, &cfg, &nine, actor()), 2);
        let at = |t: &str, window| {
            let c = clock(t);
            check_in(&Desk::new(&store, &cfg, &c, actor()), &no, window).unwrap()
        };
        let first = at("2026-11-28T02:00:00Z", 60);
        assert!(first.visit_recorded && !first.repeat);
        // 09:59: inside the hour; shown as a repeat with the time of the counted visit.
        let again = at("2026-11-28T02:59:00Z", 60);
        assert!(!again.visit_recorded && again.repeat);
        assert_eq!(again.last_visit, Some(first.at));
        assert_eq!(again.verdict, Verdict::Welcome);
        // 10:00: a new visit.
        let later = at("2026-11-28T03:00:00Z", 60);
        assert!(later.visit_recorded && !later.repeat);
        // A 15-minute window from the config counts 10:20 again.
        let short = at("2026-11-28T03:20:00Z", 15);
        assert!(short.visit_recorded);
        assert_eq!(member_visits(&store, &nine, &no), 3);
    }
}

#[test]
fn the_window_reaches_back_across_midnight() {
    let dir = tempfile::tempdir().unwrap();
    for at in TestStore::each(dir.path(), "fd_2") {
        let store = at.open();
        let cfg = config();
        let c = clock("2026-11-28T02:00:00Z");
        let no = handed_over(&Desk::new(&store, &cfg, &c, actor()), 3);
        // 23:50 and 00:10 Jakarta time: two local dates, one visit.
        let late = clock("2026-11-28T16:50:00Z");
        assert!(
            check_in(&Desk::new(&store, &cfg, &late, actor()), &no, 60)
                .unwrap()
                .visit_recorded
        );
        let after = clock("2026-11-28T17:10:00Z");
        let r = check_in(&Desk::new(&store, &cfg, &after, actor()), &no, 60).unwrap();
        assert!(r.repeat && !r.visit_recorded);
    }
}

#[test]
fn the_first_scan_after_handover_records_sop_step_9_once() {
    let dir = tempfile::tempdir().unwrap();
    for at in TestStore::each(dir.path(), "fd_3") {
        let store = at.open();
        let (cfg, c) = (config(), clock(common::MORNING));
        let desk = Desk::new(&store, &cfg, &c, actor());
        let no = handed_over(&desk, 4);
        assert_eq!(
            store.current_request_for(&no).unwrap().unwrap().state,
            RequestState::HandedOver
        );
        let first = check_in(&desk, &no, 60).unwrap();
        assert!(first.first_scan_recorded);
        let r = store.current_request_for(&no).unwrap().unwrap();
        assert_eq!(r.state, RequestState::FirstScanned);
        let last = r.history.last().unwrap();
        assert_eq!(last.terminal, "meja-depan");
        assert_eq!(last.at, c.now());
        let second = check_in(&desk, &no, 60).unwrap();
        assert!(!second.first_scan_recorded);
    }
}

#[test]
fn a_replaced_card_is_refused_and_its_successor_closes_sop_9() {
    let dir = tempfile::tempdir().unwrap();
    for at in TestStore::each(dir.path(), "fd_4") {
        let store = at.open();
        let (cfg, c) = (config(), clock(common::MORNING));
        let desk = Desk::new(&store, &cfg, &c, actor());
        let no = handed_over(&desk, 5);
        check_in(&desk, &no, 60).unwrap();
        // Lost card: a replacement is printed (blocking -01) and handed over.
        desk.start(&no, RequestKind::Replacement, Source::Counter)
            .unwrap();
        advance(&desk, &no, 6);
        let old = check_in(&desk, &format!("{no}-01"), 0).unwrap();
        assert_eq!(
            old.verdict,
            Verdict::Refuse(Reason::CardReplaced {
                by: format!("{no}-02")
            })
        );
        assert!(!old.visit_recorded && !old.first_scan_recorded);
        assert_eq!(
            store.current_request_for(&no).unwrap().unwrap().state,
            RequestState::HandedOver,
            "the old card does not close SOP 9 of the new one"
        );
        let new = check_in(&desk, &format!("{no}-02"), 0).unwrap();
        assert_eq!(new.verdict, Verdict::Welcome);
        assert!(new.first_scan_recorded);
    }
}

#[test]
fn expiry_edges_through_the_store() {
    let dir = tempfile::tempdir().unwrap();
    for at in TestStore::each(dir.path(), "fd_5") {
        let store = at.open();
        let cfg = config();
        let c = clock(common::MORNING);
        let no = handed_over(&Desk::new(&store, &cfg, &c, actor()), 6);
        let until = store.member(&no).unwrap().unwrap().valid_until.unwrap();
        assert_eq!(until, jiff::civil::date(2028, 11, 28));
        let on = |t: &str| {
            let c = clock(t);
            check_in(&Desk::new(&store, &cfg, &c, actor()), &no, 60)
                .unwrap()
                .verdict
        };
        assert_eq!(on("2028-10-28T02:00:00Z"), Verdict::Welcome, "31 days left");
        assert!(matches!(
            on("2028-10-29T02:00:00Z"),
            Verdict::Warn(Reason::ExpiresSoon { days: 30, .. })
        ));
        assert!(matches!(
            on("2028-11-28T02:00:00Z"),
            Verdict::Warn(Reason::ExpiresSoon { days: 0, .. })
        ));
        // Expired: amber and counted by default (a public library lets everyone in).
        assert_eq!(
            on("2028-11-29T02:00:00Z"),
            Verdict::Warn(Reason::Expired { on: until })
        );
    }
}

#[test]
fn visit_list_json_names_members_and_guests_without_sensitive_data() {
    let site = common::Site::new();
    let no;
    let (nik, street, mother);
    {
        let store = Store::open(&site.store_file()).unwrap();
        let (cfg, c) = (config(), clock(common::MORNING));
        let desk = Desk::new(&store, &cfg, &c, actor());
        no = handed_over(&desk, 7);
        let m = store.member(&no).unwrap().unwrap();
        nik = m.nik.unwrap().as_str().to_string();
        street = m.address.street;
        mother = m.mother_name.0;
        check_in(&desk, &no, 60).unwrap();
        add_guest(
            &desk,
            Guest {
                name: "Bu Ratna".into(),
                institution: "SDN Pucang 1".into(),
                purpose: "Kunjungan kelas".into(),
                group_size: 25,
            },
        )
        .unwrap();
    }
    let out = site.ok(&["visit", "list", "--date", "2026-11-28", "--json"]);
    for secret in [&nik, &street, &mother] {
        assert!(!out.contains(secret.as_str()), "{secret} in {out}");
    }
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["count"]["people"], 26);
    assert_eq!(v["visits"][0]["member_no"], no.as_str());
    assert_eq!(v["visits"][0]["time"], "09:00");
    assert_eq!(v["visits"][1]["kind"], "guest");
    assert_eq!(v["visits"][1]["institution"], "SDN Pucang 1");
    assert_eq!(v["visits"][1]["people"], 25);
    let text = site.ok(&["visit", "list", "--date", "2026-11-28"]);
    assert!(text.contains("26 orang"), "{text}");
    let bad = site.run(&["visit", "list", "--date", "28/11/2026"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(common::stderr(&bad).contains("2026-11-28"));
}

/// Feeds `text` and Enter to the keyboard-wedge filter as a scanner types them, 5 ms apart,
/// and hands what comes out to the front desk as its loop would.
fn wedge_scan(fd: &mut FrontDesk, filter: &mut WedgeFilter, text: &str) {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut at = Instant::now();
    let keys = text
        .chars()
        .map(KeyCode::Char)
        .chain(std::iter::once(KeyCode::Enter));
    let mut routed = Vec::new();
    for k in keys {
        at += Duration::from_millis(5);
        routed.extend(filter.event(Event::Key(KeyEvent::new(k, KeyModifiers::NONE)), at));
    }
    routed.extend(filter.tick(at + Duration::from_secs(1)));
    for r in routed {
        match r {
            Routed::Scan(code) => fd.on_scan(&code),
            Routed::Event(Event::Key(k)) => drop(fd.handle_key(k)),
            Routed::Event(_) => {}
        }
    }
}

#[test]
fn the_old_card_is_refused_from_the_serial_scanner_and_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    for at in TestStore::each(dir.path(), "fd_6") {
        let store = at.open();
        let (cfg, c) = (config(), clock(common::MORNING));
        let desk = Desk::new(&store, &cfg, &c, actor());
        let no = handed_over(&desk, 7);
        desk.start(&no, RequestKind::Replacement, Source::Counter)
            .unwrap();
        advance(&desk, &no, 6);
        let mut fd = FrontDesk::new(&desk, Lang::Id, Picker::halfblocks());

        let socat = Socat::start(dir.path());
        let (tx, rx) = mpsc::channel();
        let scanner = ScannerConfig {
            port: Some(socat.scanner.display().to_string()),
            ..ScannerConfig::default()
        };
        spawn_serial_bridge(scanner, tx).unwrap();
        assert_eq!(next_scanner_event(&rx), ScannerEvent::Connected);
        let replaced = Verdict::Refuse(Reason::CardReplaced {
            by: format!("{no}-02"),
        });
        let number_only = Verdict::Refuse(Reason::NumberOnly {
            newest: format!("{no}-02"),
        });
        // The serial scanner: the old card's QR (its serial) and its member-number barcode.
        for (sent, want) in [(format!("{no}-01"), &replaced), (no.clone(), &number_only)] {
            socat.send(format!("{sent}\r").as_bytes());
            fd.on_scanner_event(next_scanner_event(&rx));
            assert_eq!(&fd.last_check_in().unwrap().verdict, want, "{sent}");
            assert!(fd.take_bell(), "{sent}: the bell rings");
        }
        // A keyboard-wedge scanner, and the same typed by hand in lower case, slowly.
        let mut filter = WedgeFilter::new(WedgeConfig::default());
        wedge_scan(&mut fd, &mut filter, &format!("{no}-01"));
        assert_eq!(fd.last_check_in().unwrap().verdict, replaced);
        for ch in format!("{no}-01").to_lowercase().chars() {
            fd.handle_key(crossterm::event::KeyEvent::new(
                crossterm::event::KeyCode::Char(ch),
                crossterm::event::KeyModifiers::NONE,
            ));
        }
        fd.handle_key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Enter,
            crossterm::event::KeyModifiers::NONE,
        ));
        assert_eq!(fd.last_check_in().unwrap().verdict, replaced);
        assert_eq!(member_visits(&store, &c, &no), 0, "no old card was counted");
        // The new card, from the scanner: welcome, and SOP 9 closes.
        socat.send(format!("{no}-02\r").as_bytes());
        fd.on_scanner_event(next_scanner_event(&rx));
        let ci = fd.last_check_in().unwrap();
        assert_eq!(ci.verdict, Verdict::Welcome);
        assert!(ci.first_scan_recorded && ci.visit_recorded);
    }
}
