//! The front desk screen by keys and scans, with a snapshot of each state.

use super::*;
use crate::config::{Clock, Config};
use crate::domain::workflow::{Action, Actor, Source};
use crate::service::demo::{made_up_draft, portrait};
use crate::service::{Desk, Verification};
use crate::store::Store;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// 09:00 in Jakarta, 28 November 2026.
const MORNING: &str = "2026-11-28T02:00:00Z";

struct Site {
    _dir: tempfile::TempDir,
    store: Store,
    config: Config,
}

fn site() -> Site {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("loket.redb")).unwrap();
    let config = Config {
        timezone: "Asia/Jakarta".into(),
        ..Config::default()
    };
    Site {
        _dir: dir,
        store,
        config,
    }
}

fn clock(at: &str) -> Clock {
    Clock::new(
        TimeZone::get("Asia/Jakarta").unwrap(),
        Some(at.parse::<Timestamp>().unwrap()),
    )
}

fn actor() -> Actor {
    Actor {
        user: "petugas1".into(),
        terminal: "meja-depan".into(),
    }
}

/// Registers a made-up member and takes the request through `steps` SOP steps after
/// registration (0: pending; 6: handed over). Returns the member number.
fn member(desk: &Desk, i: usize, steps: usize) -> String {
    let no = desk
        .register(&made_up_draft(i, 7), Source::Counter)
        .unwrap()
        .member
        .member_no
        .to_string();
    for step in 0..steps {
        match step {
            0 => drop(desk.call(&no).unwrap()),
            1 => drop(desk.take_photo(&no, &portrait(&no), None).unwrap()),
            2 => drop(desk.verify(&no, &Verification::default()).unwrap()),
            3 => {
                let r = desk.open_request(&no).unwrap();
                drop(desk.record_print(&r, None).unwrap())
            }
            4 => drop(desk.act(&no, Action::Laminate).unwrap()),
            _ => drop(
                desk.act(
                    &no,
                    Action::HandOver {
                        received_by: "Anggota".into(),
                        representative: false,
                    },
                )
                .unwrap(),
            ),
        }
    }
    no
}

fn draw(fd: &mut FrontDesk) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| fd.draw(f, f.area())).unwrap();
    t
}

/// The banner's background colour, from the cell in the middle of the third row.
fn banner_colour(t: &Terminal<TestBackend>) -> Color {
    t.backend().buffer()[(40, 5)].bg
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn type_text(fd: &mut FrontDesk, s: &str) {
    for c in s.chars() {
        fd.handle_key(key(KeyCode::Char(c)));
    }
}

#[test]
fn snapshot_green_welcome_with_photo() {
    let s = site();
    let c = clock(MORNING);
    let desk = Desk::new(&s.store, &s.config, &c, actor());
    let no = member(&desk, 1, 6);
    let mut fd = FrontDesk::new(&desk, Lang::Id, Picker::halfblocks());
    fd.on_scan(&no);
    assert!(!fd.take_bell());
    let t = draw(&mut fd);
    assert_eq!(banner_colour(&t), GREEN);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn snapshot_amber_printed_but_not_handed_over() {
    let s = site();
    let c = clock(MORNING);
    let desk = Desk::new(&s.store, &s.config, &c, actor());
    let no = member(&desk, 2, 5);
    // No photo in this picture: the reason gets the whole width.
    let mut fd = FrontDesk::new(&desk, Lang::Id, Picker::halfblocks());
    fd.on_scan(&format!("{no}-01"));
    assert!(!fd.take_bell());
    let t = draw(&mut fd);
    assert_eq!(banner_colour(&t), AMBER);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn snapshot_amber_expiring_in_english() {
    let s = site();
    let morning = clock(MORNING);
    let desk = Desk::new(&s.store, &s.config, &morning, actor());
    let no = member(&desk, 3, 6);
    // Two years on less ten days: 10 days left on a general member's card.
    let later = clock("2028-11-18T02:00:00Z");
    let desk = Desk::new(&s.store, &s.config, &later, actor());
    let mut fd = FrontDesk::new(&desk, Lang::En, Picker::halfblocks());
    fd.on_scan(&no);
    let t = draw(&mut fd);
    assert_eq!(banner_colour(&t), AMBER);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn snapshot_amber_card_not_issued_yet_is_counted() {
    let s = site();
    let c = clock(MORNING);
    let desk = Desk::new(&s.store, &s.config, &c, actor());
    let no = member(&desk, 4, 1);
    let mut fd = FrontDesk::new(&desk, Lang::Id, Picker::halfblocks());
    fd.on_scan(&no);
    assert!(!fd.take_bell(), "amber does not ring");
    let t = draw(&mut fd);
    assert_eq!(banner_colour(&t), AMBER);
    assert_eq!(
        fd.count().people,
        1,
        "a public library counts whoever comes in"
    );
    insta::assert_snapshot!(t.backend());
}

#[test]
fn the_library_may_refuse_members_without_a_card_and_that_rings_the_bell() {
    let s = site();
    let mut config = s.config.clone();
    config.other.insert(
        "frontdesk".into(),
        toml::from_str::<toml::Table>("not_issued = \"refuse\"\nexpired = \"refuse\"")
            .unwrap()
            .into(),
    );
    let c = clock(MORNING);
    let desk = Desk::new(&s.store, &config, &c, actor());
    let no = member(&desk, 4, 1);
    let mut fd = FrontDesk::new(&desk, Lang::Id, Picker::halfblocks());
    fd.on_scan(&no);
    assert!(fd.take_bell(), "red rings the bell");
    assert!(!fd.take_bell(), "once");
    let t = draw(&mut fd);
    assert_eq!(banner_colour(&t), RED);
    assert_eq!(fd.count().people, 0, "a refused card is not counted");
}

#[test]
fn snapshot_red_unknown_number() {
    let s = site();
    let c = clock(MORNING);
    let desk = Desk::new(&s.store, &s.config, &c, actor());
    let mut fd = FrontDesk::new(&desk, Lang::Id, Picker::halfblocks());
    fd.on_scan("2611289999");
    assert!(fd.take_bell());
    let t = draw(&mut fd);
    assert_eq!(banner_colour(&t), RED);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn snapshot_guest_entry_counts_the_group() {
    let s = site();
    let c = clock(MORNING);
    let desk = Desk::new(&s.store, &s.config, &c, actor());
    let mut fd = FrontDesk::new(&desk, Lang::Id, Picker::halfblocks());
    fd.handle_key(key(KeyCode::Char('g')));
    assert!(fd.guest_form().is_some());
    type_text(&mut fd, "Bu Ratna");
    fd.handle_key(key(KeyCode::Tab));
    type_text(&mut fd, "SDN Pucang 1");
    fd.handle_key(key(KeyCode::Enter));
    type_text(&mut fd, "Kunjungan kelas");
    fd.handle_key(key(KeyCode::Enter));
    fd.handle_key(key(KeyCode::Backspace));
    type_text(&mut fd, "2x5");
    let form = draw(&mut fd);
    insta::assert_snapshot!("guest_form", form.backend());
    fd.handle_key(key(KeyCode::Enter));
    assert!(fd.guest_form().is_none(), "saved and closed");
    assert_eq!(fd.count().people, 25, "a group counts its size");
    let visits = s.store.visits_on(c.today()).unwrap();
    assert_eq!(visits.len(), 1);
    let t = draw(&mut fd);
    assert_eq!(banner_colour(&t), GREEN);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn a_guest_without_a_name_is_not_saved() {
    let s = site();
    let c = clock(MORNING);
    let desk = Desk::new(&s.store, &s.config, &c, actor());
    let mut fd = FrontDesk::new(&desk, Lang::En, Picker::halfblocks());
    fd.handle_key(key(KeyCode::Char('g')));
    for _ in 0..4 {
        fd.handle_key(key(KeyCode::Enter));
    }
    let form = fd.guest_form().expect("still open");
    assert!(form.error.as_deref().unwrap().contains("name is missing"));
    assert!(s.store.visits_on(c.today()).unwrap().is_empty());
    // Esc leaves the form, and never the front desk.
    assert_eq!(fd.handle_key(key(KeyCode::Esc)), Outcome::Continue);
    assert!(fd.guest_form().is_none());
    assert_eq!(fd.handle_key(key(KeyCode::Esc)), Outcome::Continue);
}

#[test]
fn no_nik_address_or_mother_name_on_the_screen() {
    let s = site();
    let c = clock(MORNING);
    let desk = Desk::new(&s.store, &s.config, &c, actor());
    let no = member(&desk, 5, 6);
    let m = s.store.member(&no).unwrap().unwrap();
    let mut fd = FrontDesk::new(&desk, Lang::Id, Picker::halfblocks());
    fd.on_scan(&no);
    let t = draw(&mut fd);
    let screen: String = t
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(screen.contains(&m.full_name), "the name is shown");
    let nik = m.nik.as_ref().unwrap().as_str().to_string();
    for secret in [&nik, &m.address.street, &m.mother_name.0] {
        assert!(!screen.contains(secret), "{secret:?} on the screen");
    }
}

#[test]
fn the_count_survives_a_refresh_and_a_repeat_is_not_counted() {
    let s = site();
    let c = clock(MORNING);
    let desk = Desk::new(&s.store, &s.config, &c, actor());
    let no = member(&desk, 6, 6);
    let mut fd = FrontDesk::new(&desk, Lang::Id, Picker::halfblocks());
    fd.on_scan(&no);
    fd.on_scan(&no);
    assert!(fd.last_check_in().unwrap().repeat);
    assert_eq!(fd.count().people, 1);
    fd.refresh();
    assert_eq!(fd.count().people, 1);
    let t = draw(&mut fd);
    let screen: String = t
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(screen.contains("Sudah tercatat pukul 09:00"), "{screen}");
}

#[test]
fn scanner_events_change_the_status_line_and_scans_check_in() {
    let s = site();
    let c = clock(MORNING);
    let desk = Desk::new(&s.store, &s.config, &c, actor());
    let no = member(&desk, 8, 6);
    let mut fd = FrontDesk::new(&desk, Lang::En, Picker::halfblocks());
    fd.on_scanner_event(ScannerEvent::Disconnected {
        reason: crate::scanner::DisconnectReason::NotFound,
    });
    let t = draw(&mut fd);
    assert_eq!(t.backend().buffer()[(1, 23)].fg, RED);
    fd.on_scanner_event(ScannerEvent::Connected);
    fd.on_scanner_event(ScannerEvent::Scan(no.clone()));
    let t = draw(&mut fd);
    assert_eq!(t.backend().buffer()[(1, 23)].fg, GREEN);
    assert_eq!(fd.count().members, 1);
}

fn screen_text(t: &Terminal<TestBackend>) -> String {
    t.backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect()
}

#[test]
fn snapshot_a_number_typed_slowly_checks_in_on_enter_in_any_case() {
    let s = site();
    let c = clock(MORNING);
    let desk = Desk::new(&s.store, &s.config, &c, actor());
    let no = member(&desk, 9, 6);
    let mut fd = FrontDesk::new(&desk, Lang::Id, Picker::halfblocks());
    // A serial typed by hand, in lower case as people type it, one key at a time.
    let typed = format!("{no}-01").to_lowercase();
    type_text(&mut fd, &typed);
    let t = draw(&mut fd);
    insta::assert_snapshot!("typing", t.backend());
    fd.handle_key(key(KeyCode::Enter));
    let ci = fd.last_check_in().expect("checked in");
    assert_eq!(ci.verdict, Verdict::Welcome);
    assert!(ci.visit_recorded);
    assert_eq!(fd.count().members, 1);
    // Enter again with nothing typed does nothing.
    fd.handle_key(key(KeyCode::Enter));
    assert_eq!(fd.count().members, 1);
}

#[test]
fn an_old_card_typed_at_the_desk_is_refused_after_a_replacement() {
    use crate::domain::workflow::RequestKind;
    let s = site();
    let c = clock(MORNING);
    let desk = Desk::new(&s.store, &s.config, &c, actor());
    let no = member(&desk, 10, 6);
    desk.start(&no, RequestKind::Replacement, Source::Counter)
        .unwrap();
    desk.call(&no).unwrap();
    desk.take_photo(&no, &portrait(&no), None).unwrap();
    desk.verify(&no, &Verification::default()).unwrap();
    let r = desk.open_request(&no).unwrap();
    desk.record_print(&r, None).unwrap();
    let mut fd = FrontDesk::new(&desk, Lang::Id, Picker::halfblocks());
    for old in [format!("{no}-01"), no.clone()] {
        type_text(&mut fd, &old);
        fd.handle_key(key(KeyCode::Enter));
        assert!(fd.take_bell(), "{old}: red");
        let ci = fd.last_check_in().unwrap();
        assert!(!ci.verdict.may_enter(), "{old}: {:?}", ci.verdict);
        let t = draw(&mut fd);
        assert_eq!(banner_colour(&t), RED);
        assert!(
            screen_text(&t).contains(&format!("{no}-02")),
            "names the newer card"
        );
    }
    assert_eq!(fd.count().people, 0);
}

#[test]
fn snapshot_leaving_takes_f10_and_y_never_a_lone_esc() {
    let s = site();
    let c = clock(MORNING);
    let desk = Desk::new(&s.store, &s.config, &c, actor());
    let mut fd = FrontDesk::new(&desk, Lang::Id, Picker::halfblocks());
    for k in [KeyCode::Esc, KeyCode::Char('q'), KeyCode::Esc] {
        assert_eq!(fd.handle_key(key(k)), Outcome::Continue, "{k:?}");
    }
    // Asked, then kept open by any other key (a scan's Enter, say).
    assert_eq!(fd.handle_key(key(KeyCode::F(10))), Outcome::Continue);
    assert_eq!(fd.handle_key(key(KeyCode::Enter)), Outcome::Continue);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(fd.handle_key(ctrl_c), Outcome::Continue);
    assert_eq!(fd.handle_key(key(KeyCode::Esc)), Outcome::Continue);
    assert_eq!(fd.handle_key(key(KeyCode::F(10))), Outcome::Continue);
    let t = draw(&mut fd);
    insta::assert_snapshot!(t.backend());
    assert_eq!(fd.handle_key(key(KeyCode::Char('y'))), Outcome::Quit);
}
