//! Issue 13 at the counter, by keys against a real temp store: correcting a member's data,
//! undoing a step, the accounts screen, waits after wrong passwords, the idle lock, a
//! new password chosen at sign-in, and the small things (Esc asks, a paste is typing, the NIK
//! fills birth date and sex).

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use jiff::SignedDuration;

use super::{Fixture, PASSWORD, actor, press, screen_text, seeded, sign_in, snap_all, type_text};
use crate::domain::staff::Role;
use crate::domain::workflow::RequestState;
use crate::service::{Desk, accounts, demo, users};
use crate::tui::app::{Action, App, Screen};
use crate::tui::screens::detail::Mode;

fn ctrl_s(app: &mut App) {
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
}

fn add_admin(app: &App, f: &Fixture) {
    let a =
        users::new_account("admin", "Admin Perpustakaan", Role::Admin, PASSWORD, f.now).unwrap();
    app.store().add_account(&a, &actor("admin")).unwrap();
}

fn backspaces(app: &mut App, n: usize) {
    for _ in 0..n {
        press(app, KeyCode::Backspace);
    }
}

#[test]
fn e_on_the_request_screen_opens_the_form_filled_in_and_saves_the_correction() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    app.update(Action::OpenDetail(nos[4].clone()));
    let before = app.store().member(&nos[4]).unwrap().unwrap();
    press(&mut app, KeyCode::Char('e'));
    assert!(
        matches!(app.screen, Screen::Register(_)),
        "{}",
        screen_text(&mut app, 80, 24)
    );
    snap_all("correct_form", &mut app);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains(&before.full_name), "{text}");
    // Nothing changed: saving says so and keeps the form.
    ctrl_s(&mut app);
    assert!(
        app.notice()
            .unwrap()
            .text
            .contains("Tidak ada yang berubah")
    );
    // The name corrected.
    backspaces(&mut app, before.full_name.len());
    type_text(&mut app, "Siti Rahayu Putri");
    ctrl_s(&mut app);
    assert!(
        matches!(app.screen, Screen::Detail(_)),
        "back on the request"
    );
    assert!(
        app.notice().unwrap().text.contains("diperbaiki"),
        "{:?}",
        app.notice()
    );
    let after = app.store().member(&nos[4]).unwrap().unwrap();
    assert_eq!(after.full_name, "Siti Rahayu Putri");
    assert_eq!(after.member_no, before.member_no);
    let log = app.store().audit_log(5).unwrap();
    let e = log.iter().find(|e| e.action == "member-edit").unwrap();
    assert_eq!((e.user.as_str(), e.terminal.as_str()), ("rina", "loket-1"));
    assert!(e.detail.contains("Siti Rahayu Putri"), "{}", e.detail);

    // From the members screen too; Esc on the changed form asks before discarding.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "putri");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('e'));
    assert!(matches!(app.screen, Screen::Register(_)));
    type_text(&mut app, "x");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Register(_)), "asked first");
    assert!(app.notice().unwrap().text.contains("Esc sekali lagi"));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Detail(_)));
    assert_eq!(
        app.store().member(&nos[4]).unwrap().unwrap().full_name,
        "Siti Rahayu Putri"
    );
}

#[test]
fn a_checklist_data_failure_leads_into_the_correction_and_back_to_the_checklist() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    {
        let clock = crate::config::Clock::new(jiff::tz::TimeZone::UTC, Some(f.now));
        let desk = Desk::new(app.store(), &f.config, &clock, actor("rina"));
        desk.take_photo(&nos[4], &demo::portrait("x"), None)
            .unwrap();
    }
    app.update(Action::OpenDetail(nos[4].clone()));
    press(&mut app, KeyCode::Enter); // the checklist
    // Ticked: document seen, photo acceptable; "data match the document" left unticked.
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "nama di KTP Siti Rahayu");
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.screen, Screen::Register(_)),
        "{}",
        screen_text(&mut app, 80, 24)
    );
    assert!(
        app.notice()
            .unwrap()
            .text
            .contains("tidak cocok dengan dokumen")
    );
    let name = app.store().member(&nos[4]).unwrap().unwrap().full_name;
    backspaces(&mut app, name.len());
    type_text(&mut app, "Siti Rahayu");
    ctrl_s(&mut app);
    let Screen::Detail(d) = &app.screen else {
        panic!("{}", screen_text(&mut app, 80, 24))
    };
    assert!(
        matches!(d.mode, Mode::Checklist(_)),
        "back to the checklist"
    );
    // The failure and its reason are in the request's history on screen.
    press(&mut app, KeyCode::Esc);
    snap_all("history_with_failure", &mut app);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("✗ nama di KTP"), "{text}");
}

#[test]
fn z_undoes_the_clerk_s_own_step_inside_the_window_and_not_after_it() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    // nos[4] was called by rina 2 minutes ago.
    app.update(Action::OpenDetail(nos[4].clone()));
    press(&mut app, KeyCode::Char('z'));
    snap_all("undo_prompt", &mut app);
    press(&mut app, KeyCode::Enter); // no reason yet: nothing happens
    type_text(&mut app, "salah panggil");
    press(&mut app, KeyCode::Enter);
    let r = app.store().current_request_for(&nos[4]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::Registered);
    assert_eq!(r.history.last().unwrap().action, "undo");
    assert!(app.notice().unwrap().text.contains("Langkah dibatalkan"));
    assert!(screen_text(&mut app, 120, 40).contains("↶ batal"));
    // Nothing left to undo but the registration.
    press(&mut app, KeyCode::Char('z'));
    assert!(app.notice().unwrap().error);

    // With a one-minute window the 2-minute-old call is the supervisor's to undo.
    let mut f = Fixture::new();
    f.config.other.insert(
        "counter".into(),
        toml::Value::Table(toml::from_str("undo_minutes = 1").unwrap()),
    );
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    app.update(Action::OpenDetail(nos[4].clone()));
    press(&mut app, KeyCode::Char('z'));
    type_text(&mut app, "terlambat");
    press(&mut app, KeyCode::Enter);
    assert!(
        app.notice().unwrap().text.contains("lebih dari 1 menit"),
        "{:?}",
        app.notice()
    );
    assert_eq!(
        app.store()
            .current_request_for(&nos[4])
            .unwrap()
            .unwrap()
            .state,
        RequestState::WaitingAtCounter
    );
}

#[test]
fn five_wrong_passwords_make_the_account_wait_and_the_screen_says_how_long() {
    let f = Fixture::new();
    let (store, _) = seeded(&f);
    let mut app = f.app(store);
    type_text(&mut app, "rina");
    press(&mut app, KeyCode::Enter);
    for _ in 0..5 {
        type_text(&mut app, "salah-sandi");
        press(&mut app, KeyCode::Enter);
    }
    snap_all("login_waiting", &mut app);
    assert!(app.notice().unwrap().text.contains("Tunggu 1 menit"));
    type_text(&mut app, PASSWORD);
    press(&mut app, KeyCode::Enter);
    assert!(app.user().is_none(), "the right password waits too");
}

#[test]
fn the_idle_counter_locks_and_gives_the_same_clerk_the_half_done_form_back() {
    let f = Fixture::new();
    let (store, _) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Dewi Lestari");
    app.tick(f.now + SignedDuration::from_mins(9));
    assert!(
        matches!(app.screen, Screen::Register(_)),
        "9 minutes: still open"
    );
    app.tick(f.now + SignedDuration::from_mins(10));
    assert!(matches!(app.screen, Screen::Login(_)), "10 minutes: locked");
    assert!(app.user().is_none());
    snap_all("idle_locked", &mut app);
    // Esc does not close a locked counter; rina's password brings her form back.
    press(&mut app, KeyCode::Esc);
    assert!(!app.should_quit());
    type_text(&mut app, PASSWORD);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Register(_)));
    assert!(screen_text(&mut app, 80, 24).contains("Dewi Lestari"));

    // Locked again; another clerk signs in instead: rina's form is not theirs.
    app.tick(f.now + SignedDuration::from_mins(30));
    assert!(matches!(app.screen, Screen::Login(_)));
    backspaces(&mut app, 10);
    press(&mut app, KeyCode::Up);
    backspaces(&mut app, 10);
    type_text(&mut app, "kasi");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, PASSWORD);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.user().unwrap().name, "kasi");
    assert!(!screen_text(&mut app, 80, 24).contains("Dewi Lestari"));
}

#[test]
fn a_password_set_by_the_administrator_is_replaced_at_the_next_sign_in() {
    let f = Fixture::new();
    let (store, _) = seeded(&f);
    accounts::set_password(&store, "rina", "sementara-1", &actor("admin"), f.now).unwrap();
    let mut app = f.app(store);
    type_text(&mut app, "rina");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "sementara-1");
    press(&mut app, KeyCode::Enter);
    snap_all("new_password", &mut app);
    type_text(&mut app, "sandi-rina-baru");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "sandi-lain");
    press(&mut app, KeyCode::Enter);
    assert!(app.notice().unwrap().text.contains("tidak sama"));
    type_text(&mut app, "sandi-rina-baru");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "sandi-rina-baru");
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.screen, Screen::Queue(_)),
        "{}",
        screen_text(&mut app, 80, 24)
    );
    let a = app.store().account("rina").unwrap().unwrap();
    assert!(!a.must_change_password);
    assert!(users::verify_password(&a, "sandi-rina-baru"));
}

#[test]
fn the_administrators_accounts_screen_changes_roles_and_keeps_the_last_admin() {
    let f = Fixture::new();
    let (store, _) = seeded(&f);
    let mut app = f.app(store);
    add_admin(&app, &f);
    sign_in(&mut app, "admin");
    press(&mut app, KeyCode::Char('u'));
    assert!(matches!(app.screen, Screen::Accounts(_)));
    snap_all("accounts", &mut app);
    // The first row is admin, the only administrator: not demoted, not disabled.
    press(&mut app, KeyCode::Char('r'));
    assert!(
        app.notice()
            .unwrap()
            .text
            .contains("satu-satunya administrator")
    );
    press(&mut app, KeyCode::Char('n'));
    assert!(app.notice().unwrap().error);
    // kasi, then rina.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('n'));
    assert!(!app.store().account("rina").unwrap().unwrap().active);
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(
        app.store().account("rina").unwrap().unwrap().role,
        Role::Supervisor
    );
    press(&mut app, KeyCode::Char('p'));
    type_text(&mut app, "sandi-sementara");
    press(&mut app, KeyCode::Enter);
    let rina = app.store().account("rina").unwrap().unwrap();
    assert!(rina.must_change_password && users::verify_password(&rina, "sandi-sementara"));
    // Not for a clerk.
    let (store, _) = seeded(&Fixture::new());
    let mut app = Fixture::new().app(store);
    sign_in(&mut app, "rina");
    app.update(Action::Accounts(crate::tui::app::AccountAction::Open));
    assert!(!matches!(app.screen, Screen::Accounts(_)));
}

#[test]
fn a_fast_paste_on_the_sign_in_screen_is_typing_not_a_dropped_scan() {
    let f = Fixture::new();
    let (store, _) = seeded(&f);
    let mut app = f.app(store);
    app.scan("rina".into());
    app.scan(PASSWORD.into());
    assert_eq!(app.user().map(|u| u.name.as_str()), Some("rina"));
}

#[test]
fn a_nik_typed_first_fills_birth_date_and_sex_and_a_changed_one_is_flagged_where_it_differs() {
    let f = Fixture::new();
    let (store, _) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "3515125703050002");
    let Screen::Register(s) = &app.screen else {
        panic!()
    };
    let d = s.draft();
    assert_eq!((d.birth_date.as_str(), d.sex.as_str()), ("2005-03-17", "P"));
    // The clerk changes the sex: the sex field is marked, not only the NIK.
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "L");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    snap_all("register_nik_mismatch", &mut app);
    let text = screen_text(&mut app, 80, 24);
    let sex_row = text.lines().find(|l| l.contains("Jenis kelamin")).unwrap();
    assert!(sex_row.contains('✗'), "{text}");
    let date_row = text.lines().find(|l| l.contains("Tanggal lahir")).unwrap();
    assert!(!date_row.contains('✗'), "{text}");
}

#[test]
fn a_config_change_takes_effect_at_once_or_says_what_to_do() {
    let f = Fixture::new();
    let (store, _) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    let path = f.dir.path().join("loket.toml");
    let mut stamp = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000);
    let mut write = |text: &str| {
        std::fs::write(&path, text).unwrap();
        stamp += std::time::Duration::from_secs(1);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(stamp)
            .unwrap();
    };
    write("timezone = \"Asia/Jakarta\"\n");
    app.watch_config(path.clone());
    write(
        "timezone = \"Asia/Jakarta\"\n[card]\nprinter = \"loket-pdf\"\n[standard_minutes]\nphoto = 5\n",
    );
    app.tick(f.now);
    let n = app.notice().unwrap().text.clone();
    assert!(
        n.contains("langsung dipakai") && n.contains("printer") && n.contains("waktu baku"),
        "{n}"
    );
    write("timezone = \"Asia/Jakarta\"\n[card\n");
    app.tick(f.now);
    let n = app.notice().unwrap();
    assert!(
        n.error && n.text.contains("Pengaturan lama tetap dipakai"),
        "{}",
        n.text
    );
    write(
        "timezone = \"Asia/Jakarta\"\n[card]\nprinter = \"loket-pdf\"\n[standard_minutes]\nphoto = 5\n[scanner]\nport = \"/dev/ttyACM0\"\n",
    );
    app.tick(f.now);
    let n = app.notice().unwrap().text.clone();
    assert!(n.contains("dibuka ulang") && n.contains("pemindai"), "{n}");
    assert!(!n.contains("printer"), "only what changed: {n}");
}

#[test]
fn after_handover_the_clerk_is_refused_and_the_supervisor_is_told_the_card_is_old() {
    use crate::domain::workflow::Action as Step;
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let no = nos[4].clone();
    {
        let clock = crate::config::Clock::new(jiff::tz::TimeZone::UTC, Some(f.now));
        let desk = Desk::new(&store, &f.config, &clock, actor("rina"));
        desk.take_photo(&no, &demo::portrait("x"), None).unwrap();
        desk.verify(&no, &Default::default()).unwrap();
        let r = desk.open_request(&no).unwrap();
        desk.record_print(&r, None).unwrap();
        desk.act(&no, Step::Laminate).unwrap();
        let name = desk.member(&no).unwrap().full_name;
        desk.act(
            &no,
            Step::HandOver {
                received_by: name,
                representative: false,
            },
        )
        .unwrap();
    }
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    app.update(Action::OpenDetail(no.clone()));
    press(&mut app, KeyCode::Char('e'));
    assert!(matches!(app.screen, Screen::Detail(_)));
    assert!(
        app.notice().unwrap().text.contains("pengawas atau admin"),
        "{:?}",
        app.notice()
    );

    let mut app = f.app(f.store());
    sign_in(&mut app, "kasi");
    app.update(Action::OpenDetail(no.clone()));
    press(&mut app, KeyCode::Char('e'));
    assert!(matches!(app.screen, Screen::Register(_)));
    press(&mut app, KeyCode::End);
    type_text(&mut app, " Putri");
    ctrl_s(&mut app);
    let text = app.notice().unwrap().text.clone();
    assert!(
        text.contains("masih memuat data lama") && text.contains("m, lalu g"),
        "{text}"
    );
}
