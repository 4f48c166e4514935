//! Every screen of the counter program at 80×24 and 120×40 in both languages (the pictures
//! are the spec), and the behaviour behind them, driven by keys against a real temp store.
//! Here the fixture and the helpers every screen's tests share; the tests, one file a screen,
//! below. The pictures keep their names whichever file takes them (`snap_all` names them).

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

mod audit_and_scroll;
mod care;
mod dashboard;
mod dashboard_narrow;
mod detail;
mod handover;
mod login;
mod members;
mod queue;
mod register;
