//! The counter's queue at scale: drawing it with 1,000 pending requests, the bytes sent to the
//! terminal for one key press (what a slow SSH link carries), and the cost of the idle tick
//! that looks for other processes' changes.
//!
//!     cargo bench --bench tui

use std::hint::black_box;
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use loket::config::{Clock, Config};
use loket::domain::member::FormRules;
use loket::domain::staff::Role;
use loket::domain::workflow::{Actor, Source};
use loket::i18n::Lang;
use loket::service::{demo, users};
use loket::store::{Registration, Store};
use loket::tui::app::App;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const PENDING: usize = 1_000;

/// A terminal that only counts what would be written to it.
#[derive(Clone, Default)]
struct Counted(Arc<AtomicUsize>);

impl Write for Counted {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn press(app: &mut App, code: KeyCode) {
    app.handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn app_with_queue(dir: &std::path::Path) -> App {
    let store = Store::open(&dir.join("loket.redb")).unwrap();
    let config = Config::default();
    let tz = TimeZone::get("Asia/Jakarta").unwrap();
    let now: Timestamp = "2026-11-28T03:00:00Z".parse().unwrap();
    let clock = Clock::new(tz, Some(now));
    let actor = Actor {
        user: "bench".into(),
        terminal: "bench".into(),
    };
    let rules = FormRules {
        today: clock.today(),
        member_types: &config.member_types,
        regency_code: "3515",
    };
    // Made-up applicants with distinct NIKs: demo's generator varies the serial with `i`.
    let regs = (0..PENDING)
        .map(|i| Registration {
            draft: demo::made_up_draft(i, 1).validate(&rules).unwrap(),
            scheme: &config.member_no,
            today: clock.today(),
            at: now,
            actor: &actor,
            source: Source::Counter,
        })
        .collect();
    store.register_many(regs).unwrap();
    let account = users::new_account("rina", "Rina", Role::Staff, "rahasia-123", now).unwrap();
    store.add_account(&account, &actor).unwrap();
    let mut app = App::new(store, config, clock, Lang::Id).unwrap();
    for c in "rina".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    for c in "rahasia-123".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    app
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_queue(dir.path());
    let mut g = c.benchmark_group("tui");

    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    assert!(
        t.backend().to_string().contains(&format!("{PENDING}")),
        "the queue holds the 1,000 requests"
    );
    g.bench_function("draw the queue, 1,000 pending, 80x24", |b| {
        b.iter(|| {
            t.draw(|f| app.draw(f)).unwrap();
            black_box(&t);
        })
    });
    let mut big = Terminal::new(TestBackend::new(120, 40)).unwrap();
    g.bench_function("draw the queue, 1,000 pending, 120x40", |b| {
        b.iter(|| {
            big.draw(|f| app.draw(f)).unwrap();
            black_box(&big);
        })
    });
    g.bench_function("idle tick (read the change counter)", |b| {
        let now: Timestamp = "2026-11-28T03:00:01Z".parse().unwrap();
        b.iter(|| app.tick(black_box(now)))
    });
    g.finish();

    // Bytes per key press: what ratatui's diff sends for one step down the queue, at 80×24.
    let counter = Counted::default();
    // A fixed viewport: the counting writer is no terminal to ask for its size.
    let mut term = Terminal::with_options(
        CrosstermBackend::new(counter.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
        },
    )
    .unwrap();
    term.draw(|f| app.draw(f)).unwrap();
    let first = counter.0.swap(0, Ordering::Relaxed);
    let mut per_key = Vec::new();
    for _ in 0..50 {
        press(&mut app, KeyCode::Down);
        term.draw(|f| app.draw(f)).unwrap();
        per_key.push(counter.0.swap(0, Ordering::Relaxed));
    }
    per_key.sort();
    println!(
        "bytes to the terminal at 80x24: first frame {first}; per Down key: median {}, max {}",
        per_key[per_key.len() / 2],
        per_key[per_key.len() - 1]
    );
}

criterion_group!(tui_benches, benches);
criterion_main!(tui_benches);
