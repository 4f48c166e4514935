//! Every screen of the counter program at 80×24 and 120×40 in both languages (the pictures
//! are the spec), and the behaviour behind them, driven by keys against a real temp store.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::{App, Screen};
use crate::config::{Clock, Config};
use crate::domain::staff::Role;
use crate::domain::workflow::{Actor, RequestState, Source};
use crate::i18n::Lang;
use crate::service::{Desk, demo, users};
use crate::store::Store;

/// 09:00 in Jakarta on the day the tests pretend it is.
const MORNING: &str = "2026-11-28T02:00:00Z";
pub(super) const PASSWORD: &str = "rahasia-123";

pub(super) struct Fixture {
    pub dir: tempfile::TempDir,
    pub config: Config,
    pub now: Timestamp,
}

impl Fixture {
    pub fn new() -> Fixture {
        let config: Config = toml::from_str(
            "timezone = \"Asia/Jakarta\"\n[library]\nname = \"Perpustakaan Kabupaten Sidoarjo\"\n[card]\nprinter = \"tidak-ada\"\n",
        )
        .unwrap();
        Fixture {
            dir: tempfile::tempdir().unwrap(),
            config,
            now: MORNING.parse().unwrap(),
        }
    }

    fn clock_at(&self, seconds_ago: i64) -> Clock {
        Clock::new(
            TimeZone::get("Asia/Jakarta").unwrap(),
            Some(self.now - SignedDuration::from_secs(seconds_ago)),
        )
    }

    pub fn store(&self) -> Store {
        Store::open(&self.dir.path().join("loket.redb")).unwrap()
    }

    pub fn app(&self, store: Store) -> App {
        let mut app = App::new(store, self.config.clone(), self.clock_at(0), Lang::Id).unwrap();
        app.set_theme(super::theme::Theme::default());
        app.set_terminal_name("loket-1");
        app
    }
}

pub(super) fn actor(user: &str) -> Actor {
    Actor {
        user: user.into(),
        terminal: "loket-1".into(),
    }
}

/// Accounts and five applicants registered at the counter: 30 minutes ago (over the 1-minute
/// standard for reporting the number, SOP 2), 50 s ago (near), 10 s ago (within); one online
/// 20 minutes ago (no standard until they come); one called 2 minutes ago (within the
/// 3-minute photo step).
pub(super) fn seeded(f: &Fixture) -> (Store, Vec<String>) {
    let store = f.store();
    for (name, full, role) in [
        ("rina", "Rina Wulandari", Role::Staff),
        ("kasi", "Bambang Kasi", Role::Supervisor),
    ] {
        let a = users::new_account(name, full, role, PASSWORD, f.now).unwrap();
        store.add_account(&a, &actor("admin")).unwrap();
    }
    let mut nos = Vec::new();
    for (i, (ago, source)) in [
        (30 * 60, Source::Counter),
        (50, Source::Counter),
        (10, Source::Counter),
        (20 * 60, Source::Online),
        (8 * 60, Source::Counter),
    ]
    .into_iter()
    .enumerate()
    {
        let clock = f.clock_at(ago);
        let desk = Desk::new(&store, &f.config, &clock, actor("rina"));
        let r = desk.register(&demo::made_up_draft(i, 7), source).unwrap();
        nos.push(r.member.member_no.to_string());
    }
    let clock = f.clock_at(2 * 60);
    Desk::new(&store, &f.config, &clock, actor("rina"))
        .call(&nos[4])
        .unwrap();
    (store, nos)
}

pub(super) fn press(app: &mut App, code: KeyCode) {
    app.handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub(super) fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

pub(super) fn sign_in(app: &mut App, name: &str) {
    type_text(app, name);
    press(app, KeyCode::Enter);
    type_text(app, PASSWORD);
    press(app, KeyCode::Enter);
}

pub(super) fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    t
}

pub(super) fn screen_text(app: &mut App, w: u16, h: u16) -> String {
    render(app, w, h).backend().to_string()
}

/// The screen at both sizes in both languages, each a snapshot of its own.
pub(super) fn snap_all(name: &str, app: &mut App) {
    let lang = app.lang;
    for (w, h) in [(80, 24), (120, 40)] {
        for l in [Lang::Id, Lang::En] {
            app.lang = l;
            let code = match l {
                Lang::Id => "id",
                _ => "en",
            };
            insta::assert_snapshot!(
                format!("{name}_{w}x{h}_{code}"),
                render(app, w, h).backend()
            );
        }
    }
    app.lang = lang;
}

#[test]
fn first_run_creates_the_administrator_and_signs_in() {
    let f = Fixture::new();
    let mut app = f.app(f.store());
    type_text(&mut app, "admin");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Admin Perpustakaan");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "sandi-admin-1");
    snap_all("first_run", &mut app);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "sandi-lain-22");
    press(&mut app, KeyCode::Enter);
    assert!(app.notice().unwrap().error, "different passwords refused");
    assert!(app.user().is_none());
    // The second password is typed again and matches.
    for _ in 0.."sandi-lain-22".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "sandi-admin-1");
    press(&mut app, KeyCode::Enter);
    let user = app.user().expect("signed in");
    assert_eq!((user.name.as_str(), user.role), ("admin", Role::Admin));
    assert_eq!(app.store().accounts().unwrap().len(), 1);
    assert!(matches!(app.screen, Screen::Queue(_)));
}

#[test]
fn login_screen_and_a_wrong_password() {
    let f = Fixture::new();
    let (store, _) = seeded(&f);
    let mut app = f.app(store);
    snap_all("login", &mut app);
    type_text(&mut app, "rina");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "salah-sandi");
    press(&mut app, KeyCode::Enter);
    assert!(app.user().is_none());
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("kata sandi salah"), "{text}");
    // The password field was emptied and has the focus: typing the right one signs in.
    type_text(&mut app, PASSWORD);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.user().unwrap().name, "rina");
}

#[test]
fn the_queue_oldest_first_with_timings_coloured_against_the_standard() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    snap_all("queue", &mut app);
    // Off the first row, so the selection's colours do not hide the timing's.
    press(&mut app, KeyCode::Down);
    let t = render(&mut app, 120, 40);
    let text = t.backend().to_string();
    // Oldest first by registration: 30 min, 20 min, 8 min, 50 s, 10 s ago.
    let pos = |no: &str| text.find(no).unwrap_or_else(|| panic!("{no} in\n{text}"));
    assert!(pos(&nos[0]) < pos(&nos[3]) && pos(&nos[3]) < pos(&nos[4]));
    assert!(pos(&nos[4]) < pos(&nos[1]) && pos(&nos[1]) < pos(&nos[2]));
    // NIKs are masked in the list, even at full width.
    let nik = demo::made_up_draft(0, 7).identity_no;
    assert!(!text.contains(&nik), "whole NIK in the list");
    assert!(text.contains(&format!("{}********{}", &nik[..4], &nik[12..])));
    // Time in step coloured by the theme: 30/1 over, 50 s of 1 min near, 10 s within.
    let theme = *app.theme();
    let buf = t.backend().buffer();
    let style_of = |needle: &str| {
        let y = (0..buf.area.height)
            .find(|&y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    .contains(needle)
            })
            .unwrap();
        // The timing column starts under its header; its first non-blank cell is the figure.
        let header: String = (0..buf.area.width).map(|x| buf[(x, 2)].symbol()).collect();
        let col = header[..header.find("Menit/baku").unwrap()].chars().count() as u16;
        let x = (col..buf.area.width)
            .find(|&x| buf[(x, y)].symbol() != " ")
            .unwrap();
        buf[(x, y)].fg
    };
    assert_eq!(style_of(&nos[0]), theme.over.fg.unwrap());
    assert_eq!(style_of(&nos[1]), theme.near.fg.unwrap());
    assert_eq!(style_of(&nos[2]), theme.within.fg.unwrap());
}

#[test]
fn filters_and_search_by_name_number_or_nik() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    let name = demo::made_up_draft(2, 7).full_name;
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, &name.to_lowercase());
    press(&mut app, KeyCode::Enter);
    snap_all("queue_search", &mut app);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains(&nos[2]) && !text.contains(&nos[0]), "{text}");
    // By the NIK's last digits.
    press(&mut app, KeyCode::Char('/'));
    let nik = demo::made_up_draft(1, 7).identity_no;
    type_text(&mut app, &nik);
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains(&nos[1]) && !text.contains(&nos[2]), "{text}");
    // Source filter: online only.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('o'));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains(&nos[3]) && !text.contains(&nos[0]), "{text}");
    // State filter: registered first, then waiting at the counter.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('s'));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains(&nos[4]) && !text.contains(&nos[0]), "{text}");
}

#[test]
fn another_process_s_change_appears_on_the_next_tick_without_a_key() {
    let f = Fixture::new();
    let (store, _) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    let before = screen_text(&mut app, 120, 40);
    let draft = demo::made_up_draft(9, 7);
    assert!(!before.contains(&draft.full_name));
    let clock = f.clock_at(0);
    Desk::new(app.store(), &f.config, &clock, actor("web"))
        .register(&draft, Source::Online)
        .unwrap();
    assert!(!screen_text(&mut app, 120, 40).contains(&draft.full_name));
    app.tick(f.now);
    assert!(screen_text(&mut app, 120, 40).contains(&draft.full_name));
}

#[test]
fn the_registration_form_checks_as_typed_and_shows_the_number_large() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Siti Rahayu");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "35151257030");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Up);
    snap_all("register_errors", &mut app);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("NIK harus 16 angka"), "{text}");
    // The NIK of an active member: warned while typing.
    let dup = demo::made_up_draft(0, 7).identity_no;
    {
        let clock = f.clock_at(0);
        let desk = Desk::new(app.store(), &f.config, &clock, actor("rina"));
        let r = desk.open_request(&nos[0]).unwrap();
        desk.act_on(&r, crate::domain::workflow::Action::Call)
            .unwrap();
        desk.take_photo(&nos[0], &demo::portrait("x"), None)
            .unwrap();
        desk.verify(&nos[0], &Default::default()).unwrap();
    }
    for _ in 0..11 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, &dup);
    let text = screen_text(&mut app, 80, 24);
    assert!(
        text.contains(&format!("anggota aktif {}", nos[0])),
        "{text}"
    );

    // A whole valid form saves; the number is shown large.
    for _ in 0..16 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "3515125703050002");
    let fields = [
        "Sidoarjo",
        "17-03-2005",
        "P",
        "Jl. Mawar 5",
        "001/002",
        "Sekardangan",
        "Sidoarjo",
        "Sidoarjo",
        "Jawa Timur",
        "081234567890",
        "",
        "Ibu Rekaan",
        "Pelajar",
        "SMA",
        "SMAN 1 Sidoarjo",
        "pelajar",
    ];
    for v in fields {
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, v);
    }
    press(&mut app, KeyCode::Enter);
    let Screen::Register(s) = &app.screen else {
        panic!("still on the form")
    };
    let no = s.done().expect("registered").to_string();
    let m = app.store().member(&no).unwrap().unwrap();
    assert_eq!(
        (m.full_name.as_str(), m.member_type.as_str()),
        ("Siti Rahayu", "pelajar")
    );
    snap_all("registered", &mut app);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Detail(_)));
}

#[test]
fn the_detail_screen_its_prompts_and_the_help_overlay() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    press(&mut app, KeyCode::Char('?'));
    snap_all("help_queue", &mut app);
    press(&mut app, KeyCode::Char('x'));
    assert!(
        matches!(app.screen, Screen::Queue(_)),
        "the key only closed help"
    );
    app.update(super::app::Action::OpenDetail(nos[4].clone()));
    snap_all("detail_waiting", &mut app);
    press(&mut app, KeyCode::Enter);
    snap_all("detail_photo_source", &mut app);
    // No camera and no inbox configured, nothing typed: the clerk is told what to do.
    press(&mut app, KeyCode::Enter);
    assert!(app.notice().unwrap().text.contains("jalur berkas foto"));
    press(&mut app, KeyCode::Esc);
    {
        let clock = f.clock_at(0);
        let desk = Desk::new(app.store(), &f.config, &clock, actor("rina"));
        desk.take_photo(&nos[4], &demo::portrait("x"), None)
            .unwrap();
    }
    app.tick(f.now);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Char(' '));
    snap_all("detail_checklist", &mut app);
    // The photo item unticked: Enter asks for the reason, which sends the request back.
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "foto buram");
    press(&mut app, KeyCode::Enter);
    let r = app.store().current_request_for(&nos[4]).unwrap().unwrap();
    assert_eq!(
        r.state,
        RequestState::WaitingAtCounter,
        "a bad photo goes back to the photo step"
    );
    // A new one, from a file, into the editor.
    let file = f.dir.path().join("foto-baru.jpg");
    std::fs::write(&file, demo::portrait("baru")).unwrap();
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, file.to_str().unwrap());
    press(&mut app, KeyCode::Enter);
    snap_all("detail_photo_editor", &mut app);
    press(&mut app, KeyCode::Enter);
    let r = app.store().current_request_for(&nos[4]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::PhotoTaken);
}

#[test]
fn the_handover_prompt_offers_the_member_s_name() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    advance(&f, &store, &nos[2], Stage::Laminated);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    app.update(super::app::Action::OpenDetail(nos[2].clone()));
    assert!(screen_text(&mut app, 80, 24).contains("serahkan kartu"));
    press(&mut app, KeyCode::Enter);
    snap_all("detail_handover", &mut app);

    // Without a scanner the clerk types the card's number: Tab, the number, Enter.
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, &nos[0]);
    assert!(screen_text(&mut app, 80, 24).contains(&format!("Nomor kartu: {}", nos[0])));
    press(&mut app, KeyCode::Enter);
    let n = app.notice().expect("a notice").clone();
    assert!(
        n.error && n.text.contains("bukan kartu pemohon ini"),
        "{}",
        n.text
    );
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, &nos[2]);
    press(&mut app, KeyCode::Enter);
    let n = app.notice().expect("a notice").clone();
    assert!(!n.error && n.text.contains("Kartu cocok"), "{}", n.text);
    // The name field has the keys again, still holding the member's name; Esc leaves.
    assert!(screen_text(&mut app, 80, 24).contains("sudah diperiksa: cocok"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);

    // A scan at handover checks the card in hand: another member's card is refused, the
    // applicant's own (by number or by the printed serial) is confirmed, and the screen stays.
    app.scan(nos[1].clone());
    let n = app.notice().expect("a notice");
    assert!(
        n.error && n.text.contains("bukan kartu pemohon ini"),
        "{}",
        n.text
    );
    assert!(screen_text(&mut app, 80, 24).contains("ditolak"));
    app.scan(format!("{}-01", nos[2]));
    let n = app.notice().expect("a notice");
    assert!(!n.error && n.text.contains("Kartu cocok"), "{}", n.text);
    assert!(screen_text(&mut app, 80, 24).contains("cocok"));
    assert!(matches!(app.screen, Screen::Detail(_)));
}

#[test]
fn a_supervisor_sees_the_request_but_gets_no_clerk_step() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "kasi");
    // A supervisor starts on the dashboard; the queue is a key away.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('n'));
    assert!(
        matches!(app.screen, Screen::Queue(_)),
        "no registration form"
    );
    app.update(super::app::Action::OpenDetail(nos[0].clone()));
    snap_all("detail_supervisor", &mut app);
    press(&mut app, KeyCode::Enter);
    assert!(app.notice().unwrap().text.contains("pengawas"));
    let r = app.store().current_request_for(&nos[0]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::Registered);
}

#[test]
fn a_supervisor_hands_a_request_to_another_clerk_and_cancels_one() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let budi = users::new_account("budi", "Budi Santoso", Role::Staff, PASSWORD, f.now).unwrap();
    store.add_account(&budi, &actor("admin")).unwrap();
    let mut app = f.app(store);
    sign_in(&mut app, "kasi");
    // nos[4] was called by rina: she has it.
    app.update(super::app::Action::OpenDetail(nos[4].clone()));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("loket · ditangani rina"), "{text}");
    assert!(text.contains("r alihkan petugas"), "{text}");
    press(&mut app, KeyCode::Char('r'));
    snap_all("detail_reassign", &mut app);
    type_text(&mut app, "budi");
    press(&mut app, KeyCode::Enter);
    assert!(
        app.notice().unwrap().text.contains("dialihkan ke budi"),
        "{:?}",
        app.notice()
    );
    let r = app.store().current_request_for(&nos[4]).unwrap().unwrap();
    assert_eq!(r.assigned_to.as_deref(), Some("budi"));
    assert_eq!(r.state, RequestState::WaitingAtCounter);
    let last = app.store().audit_log(1).unwrap().pop().unwrap();
    assert_eq!(
        (
            last.user.as_str(),
            last.action.as_str(),
            last.detail.as_str()
        ),
        ("kasi", "reassign", "from rina to budi")
    );
    assert!(screen_text(&mut app, 80, 24).contains("ditangani budi"));

    // Cancelling is the supervisor's too, with the reason in the history.
    press(&mut app, KeyCode::Char('b'));
    type_text(&mut app, "pemohon tidak kembali");
    press(&mut app, KeyCode::Enter);
    let r = app.store().current_request_for(&nos[4]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::Cancelled);
    let t = r.history.last().unwrap();
    assert_eq!(
        (t.by.as_str(), t.note.as_deref()),
        ("kasi", Some("pemohon tidak kembali"))
    );

    // A clerk's step (reject) stays the clerk's.
    app.update(super::app::Action::OpenDetail(nos[1].clone()));
    press(&mut app, KeyCode::Char('x'));
    assert!(app.notice().unwrap().text.contains("pengawas"));
    let r = app.store().current_request_for(&nos[1]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::Registered);
}

#[test]
fn language_switches_by_key_and_a_scan_opens_the_request() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    press(&mut app, KeyCode::F(2));
    assert!(screen_text(&mut app, 80, 24).contains("Card queue"));
    app.scan(nos[1].clone());
    assert!(matches!(app.screen, Screen::Detail(_)));
    app.scan("99999".into());
    assert!(
        app.notice()
            .unwrap()
            .text
            .contains("not a registered member number")
    );
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(app.should_quit());
}

#[test]
fn an_online_applicant_s_qr_code_scanned_at_the_counter_calls_the_request_up() {
    let f = Fixture::new();
    let (store, _) = seeded(&f);
    // Registered through the web form's call: the member with the uploaded photo.
    let clock = f.clock_at(60);
    let desk = Desk::new(&store, &f.config, &clock, actor("online"));
    let upload = image::RgbImage::from_pixel(300, 400, image::Rgb([180, 150, 120]));
    let mut png = Vec::new();
    upload
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let photo = desk.prepare_photo(&png).unwrap();
    let r = desk
        .register_with_photo(&demo::made_up_draft(11, 7), Source::Online, &photo)
        .unwrap();
    let no = r.member.member_no.to_string();
    assert_eq!(store.photo(&no).unwrap(), Some(photo.jpeg));
    assert_eq!(r.request.state, RequestState::Registered);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    // The QR code on the applicant's phone holds the member number alone, as a card's does.
    app.scan(format!("{no}\r\n"));
    assert!(matches!(app.screen, Screen::Detail(_)));
    assert!(screen_text(&mut app, 120, 40).contains(&r.member.full_name));
}

#[test]
fn the_kiosk_shows_only_the_form_and_starts_it_again_for_the_next_applicant() {
    let f = Fixture::new();
    let store = f.store();
    let mut app = App::kiosk(store, f.config.clone(), f.clock_at(0), Lang::Id).unwrap();
    assert!(
        matches!(app.screen, Screen::Register(_)),
        "no sign-in, the form at once"
    );
    let draft = demo::made_up_draft(0, 3);
    let name = draft.full_name.clone();
    type_text(&mut app, &name);
    assert!(
        screen_text(&mut app, 80, 24).contains(&name),
        "typed into the form"
    );
    app.update(super::app::Action::Register(Box::new(draft)));
    assert!(f.store().member("26112800001").unwrap().is_some());
    // The applicant leaves: Esc (or anything that would leave the form) gives a new, empty form.
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Register(_)));
    assert!(
        !screen_text(&mut app, 80, 24).contains(&name),
        "the last applicant's data is gone"
    );
    // A card scanned at the kiosk opens nothing.
    app.scan("26112800001".into());
    assert!(matches!(app.screen, Screen::Register(_)));
    let store = f.store();
    let r = store.current_request_for("26112800001").unwrap().unwrap();
    assert_eq!(r.history[0].by, "kiosk");
}

#[test]
fn reject_cancel_and_reprint_take_a_reason_from_the_detail_screen() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    advance(&f, &store, &nos[2], Stage::Printed);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");

    // Cancel: b, a reason, Enter. An empty reason is not taken.
    app.update(super::app::Action::OpenDetail(nos[4].clone()));
    press(&mut app, KeyCode::Char('b'));
    assert!(screen_text(&mut app, 80, 24).contains("Batalkan permohonan"));
    press(&mut app, KeyCode::Enter);
    assert!(
        screen_text(&mut app, 80, 24).contains("Batalkan permohonan"),
        "still asking"
    );
    type_text(&mut app, "pemohon pulang");
    press(&mut app, KeyCode::Enter);
    let r = f.store().current_request_for(&nos[4]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::Cancelled);
    assert_eq!(
        r.history.last().unwrap().note.as_deref(),
        Some("pemohon pulang")
    );
    assert_eq!(r.history.last().unwrap().by, "rina");

    // Reprint goes to the printer; this one does not exist, so nothing changes and the
    // printer's refusal is shown.
    app.update(super::app::Action::OpenDetail(nos[2].clone()));
    press(&mut app, KeyCode::Char('u'));
    type_text(&mut app, "macet");
    press(&mut app, KeyCode::Enter);
    let n = app.notice().expect("the printer's refusal");
    assert!(n.error && n.text.contains("tidak-ada"), "{}", n.text);
    let r = f.store().current_request_for(&nos[2]).unwrap().unwrap();
    assert_eq!((r.state, r.print_count), (RequestState::Printed, 1));

    // Reject: x.
    press(&mut app, KeyCode::Char('x'));
    type_text(&mut app, "KTP tidak dibawa");
    press(&mut app, KeyCode::Enter);
    let r = f.store().current_request_for(&nos[2]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::Rejected);
}

/// `nos[2]` called, photographed, verified, printed, laminated and handed over: a member with
/// a card in hand and no open request.
fn handed_over(f: &Fixture, store: &Store, no: &str) {
    advance(f, store, no, Stage::HandedOver);
}

/// How far `advance` takes a request, through the same service calls as a clerk.
#[derive(PartialEq)]
enum Stage {
    Verified,
    Printed,
    Laminated,
    HandedOver,
}

fn advance(f: &Fixture, store: &Store, no: &str, to: Stage) {
    let clock = f.clock_at(1);
    let desk = Desk::new(store, &f.config, &clock, actor("rina"));
    desk.call(no).unwrap();
    desk.take_photo(no, &demo::portrait("x"), None).unwrap();
    desk.verify(no, &Default::default()).unwrap();
    if to == Stage::Verified {
        return;
    }
    let r = desk.open_request(no).unwrap();
    let r = desk.record_print(&r, None).unwrap();
    if to == Stage::Printed {
        return;
    }
    let r = desk
        .act_on(&r, crate::domain::workflow::Action::Laminate)
        .unwrap();
    if to == Stage::Laminated {
        return;
    }
    let name = desk.member(no).unwrap().full_name;
    desk.act_on(
        &r,
        crate::domain::workflow::Action::HandOver {
            received_by: name,
            representative: false,
        },
    )
    .unwrap();
}

/// Part of the name: the first word and the start of the second.
fn part_of_name(i: usize) -> String {
    let name = demo::made_up_draft(i, 7).full_name;
    let mut words = name.split_whitespace();
    let first = words.next().unwrap().to_string();
    match words.next() {
        Some(w) => format!("{first} {}", w.chars().take(3).collect::<String>()),
        None => first.chars().take(4).collect(),
    }
}

#[test]
fn members_found_by_part_of_the_name_and_a_renewal_started() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    handed_over(&f, &store, &nos[2]);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    press(&mut app, KeyCode::Char('m'));
    assert!(matches!(app.screen, Screen::Members(_)));
    type_text(&mut app, &part_of_name(2));
    press(&mut app, KeyCode::Enter);
    snap_all("members", &mut app);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains(&nos[2]), "{text}");
    let nik = demo::made_up_draft(2, 7).identity_no;
    assert!(!text.contains(&nik), "whole NIK shown");
    assert!(
        text.contains(&format!("{}********{}", &nik[..4], &nik[12..])),
        "{text}"
    );
    assert!(
        text.contains(&format!("{}-01", nos[2])),
        "the card's serial"
    );

    press(&mut app, KeyCode::Char('p'));
    let n = app.notice().expect("a notice");
    assert!(!n.error, "{}", n.text);
    let Screen::Detail(d) = &app.screen else {
        panic!("the new request's detail")
    };
    assert_eq!(d.member_no(), nos[2]);
    let r = app.store().current_request_for(&nos[2]).unwrap().unwrap();
    assert_eq!(r.kind, crate::domain::workflow::RequestKind::Renewal);
    assert!(r.state.is_open());
    // Esc from the members screen goes back to the queue.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Queue(_)));
}

#[test]
fn a_supervisor_looks_up_members_but_starts_nothing() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    handed_over(&f, &store, &nos[2]);
    let mut app = f.app(store);
    sign_in(&mut app, "kasi");
    press(&mut app, KeyCode::Char('m'));
    type_text(&mut app, &nos[2]);
    press(&mut app, KeyCode::Enter);
    assert!(screen_text(&mut app, 80, 24).contains(&nos[2]));
    let before = app.store().requests_for(&nos[2]).unwrap();
    press(&mut app, KeyCode::Char('p'));
    assert!(app.notice().unwrap().text.contains("pengawas"));
    press(&mut app, KeyCode::Char('g'));
    assert!(app.notice().unwrap().error);
    assert!(matches!(app.screen, Screen::Members(_)));
    assert_eq!(app.store().requests_for(&nos[2]).unwrap(), before);
}

/// Searches the queue for `no` and marks its row with Space, then clears the search. What
/// Space said, if anything (the next key clears it).
fn mark(app: &mut App, no: &str) -> Option<super::app::Notice> {
    press(app, KeyCode::Char('/'));
    type_text(app, no);
    press(app, KeyCode::Enter);
    press(app, KeyCode::Char(' '));
    let said = app.notice().cloned();
    press(app, KeyCode::Esc);
    said
}

#[test]
fn marked_requests_print_on_one_sheet_and_come_back_from_the_laminator_together() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    advance(&f, &store, &nos[0], Stage::Verified);
    advance(&f, &store, &nos[1], Stage::Verified);
    advance(&f, &store, &nos[2], Stage::Printed);
    advance(&f, &store, &nos[3], Stage::Printed);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");

    // A request still waiting for its photo is not for a batch: the clerk is told why.
    let notice = mark(&mut app, &nos[4]).expect("a message");
    assert!(
        notice.error && notice.text.contains("terverifikasi"),
        "{notice:?}"
    );

    for no in [&nos[0], &nos[1], &nos[2]] {
        assert_eq!(mark(&mut app, no), None);
    }
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("3 ditandai"), "{text}");
    assert_eq!(text.matches('✓').count(), 3, "{text}");
    assert!(text.contains("p cetak yang ditandai"), "{text}");
    snap_all("queue_marked", &mut app);

    // p prints the two verified ones in one job; this printer does not exist, so the clerk
    // reads the printer's trouble and nothing is recorded.
    press(&mut app, KeyCode::Char('p'));
    let notice = app.notice().expect("a message").clone();
    assert!(
        notice.error && notice.text.contains("tidak-ada"),
        "{notice:?}"
    );
    for no in [&nos[0], &nos[1]] {
        let r = f.store().current_request_for(no).unwrap().unwrap();
        assert_eq!(r.state, RequestState::Verified);
        assert_eq!(r.print_count, 0);
    }

    // l records the marked printed card (only it: nos[3] is printed but not marked).
    press(&mut app, KeyCode::Char('l'));
    let notice = app.notice().expect("a message").clone();
    assert!(
        !notice.error && notice.text.starts_with("1 kartu"),
        "{notice:?}"
    );
    let state = |no: &str| f.store().current_request_for(no).unwrap().unwrap().state;
    assert_eq!(state(&nos[2]), RequestState::Laminated);
    assert_eq!(state(&nos[3]), RequestState::Printed);
    let laminated = f.store().current_request_for(&nos[2]).unwrap().unwrap();
    let last = laminated.history.last().unwrap();
    assert_eq!(
        (last.by.as_str(), last.terminal.as_str()),
        ("rina", "loket-1")
    );

    // The laminated one left the marks; the two verified ones are still marked for p.
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("2 ditandai"), "{text}");

    // With nothing of a kind marked, the key says how to mark.
    press(&mut app, KeyCode::Char('l'));
    let notice = app.notice().expect("a message").clone();
    assert!(notice.error && notice.text.contains("Spasi"), "{notice:?}");
}

#[test]
fn a_supervisor_marks_but_prints_nothing() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    advance(&f, &store, &nos[0], Stage::Verified);
    let mut app = f.app(store);
    sign_in(&mut app, "kasi");
    press(&mut app, KeyCode::Char('a'));
    mark(&mut app, &nos[0]);
    press(&mut app, KeyCode::Char('p'));
    let notice = app.notice().expect("a message").clone();
    assert!(notice.text.contains("pengawas"), "{notice:?}");
    let r = f.store().current_request_for(&nos[0]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::Verified);
}

fn a_morning(f: &Fixture) -> (Store, Vec<String>) {
    let (store, nos) = seeded(f);
    advance(f, &store, &nos[2], Stage::HandedOver);
    for (ago, no) in [(70 * 60, &nos[2]), (40 * 60, &nos[0]), (0, &nos[1])] {
        let clock = f.clock_at(ago);
        let desk = Desk::new(&store, &f.config, &clock, actor("meja-depan"));
        crate::service::frontdesk::add_guest(
            &desk,
            crate::domain::visit::Guest {
                name: format!("Tamu {no}"),
                institution: "SMA 1".into(),
                purpose: "kunjungan".into(),
                group_size: 2,
            },
        )
        .unwrap();
    }
    (store, nos)
}

#[test]
fn a_supervisor_signs_in_to_the_dashboard_overdue_first() {
    let f = Fixture::new();
    let (store, nos) = a_morning(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "kasi");
    assert!(
        matches!(app.screen, Screen::Dashboard(_)),
        "{}",
        screen_text(&mut app, 80, 24)
    );
    let text = screen_text(&mut app, 80, 24);
    // nos[0] has waited 30 minutes for a 1-minute step: first, marked over without colour too.
    let first = text.lines().position(|l| l.contains(&nos[0])).unwrap();
    let called = text.lines().position(|l| l.contains(&nos[4])).unwrap();
    assert!(first < called, "{text}");
    assert!(
        text.lines().nth(first).unwrap().contains("30/1 !"),
        "{text}"
    );
    assert!(text.contains("lewat baku: 1"), "{text}");
    assert!(text.contains("kartu diserahkan 1"), "{text}");
    assert!(
        text.contains("Pengunjung hari ini: 6"),
        "three groups of two: {text}"
    );
    snap_all("dashboard", &mut app);

    // Colour and no colour (NO_COLOR, TERM=vt100): the same screen, its styles in the snapshot.
    for (name, theme) in [
        ("dashboard_colour_80x24", super::theme::Theme::default()),
        ("dashboard_no_colour_80x24", super::theme::Theme::plain()),
    ] {
        app.set_theme(theme);
        let t = render(&mut app, 80, 24);
        insta::assert_snapshot!(name, format!("{:?}", t.backend().buffer()));
    }
    let plain = format!("{:?}", render(&mut app, 80, 24).backend().buffer());
    assert!(
        !plain.contains("fg: Red") && !plain.contains("fg: LightRed"),
        "{plain}"
    );

    // Enter opens the overdue request; Esc comes back to the dashboard, the supervisor's home.
    press(&mut app, KeyCode::Enter);
    let Screen::Detail(d) = &app.screen else {
        panic!("{}", screen_text(&mut app, 80, 24))
    };
    assert_eq!(d.member_no(), nos[0]);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Dashboard(_)));
    press(&mut app, KeyCode::Char('a'));
    assert!(matches!(app.screen, Screen::Queue(_)));
    press(&mut app, KeyCode::Char('d'));
    assert!(matches!(app.screen, Screen::Dashboard(_)));
}

#[test]
fn the_dashboard_follows_another_counter_s_step_and_the_clock() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "kasi");
    let row = |app: &mut App, no: &str| {
        screen_text(app, 120, 40)
            .lines()
            .find(|l| l.contains(no))
            .unwrap_or_default()
            .to_string()
    };
    assert!(row(&mut app, &nos[1]).contains("terdaftar"));
    // Another process calls nos[1]: the next tick shows it, no key pressed.
    {
        let clock = f.clock_at(0);
        Desk::new(&f.store(), &f.config, &clock, actor("rina"))
            .call(&nos[1])
            .unwrap();
    }
    app.tick(f.now);
    assert!(
        row(&mut app, &nos[1]).contains("menunggu di loket"),
        "{}",
        row(&mut app, &nos[1])
    );
    // Ten minutes on, with nothing written, nos[1] is over its 3-minute photo step.
    app.tick(f.now + jiff::SignedDuration::from_mins(10));
    assert!(
        row(&mut app, &nos[1]).contains("10/3 !"),
        "{}",
        row(&mut app, &nos[1])
    );
}

mod audit_and_scroll;
mod dashboard_narrow;
mod handover;
