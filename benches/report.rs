//! Reports at library scale: 100,000 members registered over 2026 (each request taken
//! through the SOP's steps the day it was registered, some left open or cancelled) and a
//! year of visits, about 300,000. Times the monthly report (aim < 1 s), the daily report
//! and the daily handover register, plus the read of a month's requests they start with.
//! Run: `cargo bench --bench report -- --warm-up-time 1 --measurement-time 5`. The store is
//! built once (a few minutes) and kept under the target folder; figures go to
//! docs/performance.md.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use loket::config::Config;
use loket::domain::checklist::Checklist;
use loket::domain::member::{FormRules, IdentityKind};
use loket::domain::member_no::MemberNo;
use loket::domain::staff::CardRecord;
use loket::domain::visit::{Guest, Visit, Visitor};
use loket::domain::workflow::{Action, Actor, CardRequest, Source};
use loket::report::Period;
use loket::service::demo::{Dice, made_up_draft};
use loket::service::report::{register, summary};
use loket::store::{Registration, Store, TransitionWrite};

const MEMBERS: usize = 100_000;
const VISITS_PER_DAY: usize = 820;
const CLERKS: [&str; 4] = ["rina", "budi", "sari", "agus"];

fn jakarta() -> TimeZone {
    TimeZone::get("Asia/Jakarta").unwrap()
}

fn config() -> Config {
    Config {
        timezone: "Asia/Jakarta".into(),
        ..Config::default()
    }
}

fn cache_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("bench-cache")
}

/// Seconds for a step whose standard is `minutes`: 30% to 160% of it.
fn took(dice: &mut Dice, minutes: i64) -> i64 {
    minutes * 60 * (30 + dice.next(131) as i64) / 100
}

fn local(d: Date, secs_after_eight: i64) -> Timestamp {
    d.at(8, 0, 0, 0).to_zoned(jakarta()).unwrap().timestamp() + secs_after_eight.seconds()
}

/// The request taken through the steps with made-up durations: most to the handover, one in
/// twenty cancelled at the counter, one in twenty left waiting.
fn walk(r: &CardRequest, dice: &mut Dice, start: Timestamp) -> (CardRequest, Vec<CardRecord>) {
    let clerk = Actor {
        user: CLERKS[dice.next(4)].into(),
        terminal: "loket-1".into(),
    };
    let mut t = start;
    let mut next = r.clone();
    let mut cards = Vec::new();
    let fate = dice.next(20);
    if fate == 0 {
        return (next, cards);
    }
    let serial = format!("{}-01", r.member_no);
    let steps = [
        (
            if r.source == Source::Counter { 1 } else { 30 },
            Action::Call,
        ),
        (3, Action::TakePhoto),
        (3, Action::Verify(Checklist::all_passed(IdentityKind::Ktp))),
        (
            5,
            Action::Print {
                card_serial: serial.clone(),
            },
        ),
        (2, Action::Laminate),
        (
            2,
            Action::HandOver {
                received_by: "anggota".into(),
                representative: dice.next(10) == 0,
            },
        ),
    ];
    for (i, (minutes, action)) in steps.into_iter().enumerate() {
        if fate == 1 && i == 2 {
            let reason = "pendaftar pergi".to_string();
            next = next
                .apply(Action::Cancel { reason }, &clerk, t + 60.seconds())
                .unwrap();
            break;
        }
        t += took(dice, minutes).seconds();
        if matches!(action, Action::Print { .. }) {
            cards.push(CardRecord {
                serial: serial.clone(),
                member_no: r.member_no.clone(),
                request_id: r.id,
                printed_at: t,
                blocked: None,
            });
        }
        next = next.apply(action, &clerk, t).unwrap();
    }
    (next, cards)
}

/// The year 2026: every day 274 members register (100,000 in all) and go through the
/// steps, and 820 visits (one in twenty a guest group) come in from members registered so
/// far. Built once under a temporary name, so an interrupted build is never taken for a
/// finished one.
fn cached_store() -> PathBuf {
    let dir = cache_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("report-100k.redb");
    if file.exists() {
        return file;
    }
    eprintln!("building a store of {MEMBERS} members and a year of visits (once)…");
    let tmp = dir.join("report-100k.redb.building");
    let _ = std::fs::remove_file(&tmp);
    let store = Store::open(&tmp).unwrap();
    let cfg = config();
    let actor = Actor {
        user: "rina".into(),
        terminal: "loket-1".into(),
    };
    let mut dice = Dice(0x5EED);
    let mut members: Vec<MemberNo> = Vec::with_capacity(MEMBERS);
    let days: Vec<Date> = date(2026, 1, 1)
        .series(1.day())
        .take_while(|d| d.year() == 2026)
        .collect();
    let per_day = MEMBERS.div_ceil(days.len());
    for (n, day) in days.iter().enumerate() {
        let first = n * per_day;
        let last = ((n + 1) * per_day).min(MEMBERS);
        let rules = FormRules {
            today: *day,
            member_types: &cfg.member_types,
            regency_code: "3515",
        };
        let starts: Vec<Timestamp> = (first..last)
            .map(|i| local(*day, ((i - first) * 8 * 3600 / per_day) as i64))
            .collect();
        let regs = (first..last)
            .map(|i| {
                let mut d = made_up_draft(i, 9);
                // Distinct valid Sidoarjo NIKs: district 01–11, born 01-01-1990, male.
                d.identity_no = format!("3515{:02}010190{:04}", 1 + i / 9999, 1 + i % 9999);
                d.birth_date = "1990-01-01".into();
                d.sex = "L".into();
                d.member_type = ["umum", "umum", "pelajar", "anak"][i % 4].into();
                if d.member_type == "anak" {
                    d.identity_kind = "kk".into();
                }
                Registration {
                    draft: d.validate(&rules).expect("made-up drafts are valid"),
                    scheme: &cfg.member_no,
                    today: *day,
                    at: starts[i - first],
                    actor: &actor,
                    source: match i % 10 {
                        0..=5 => Source::Counter,
                        6..=8 => Source::Online,
                        _ => Source::Import,
                    },
                }
            })
            .collect();
        let done = store.register_many(regs).unwrap();
        let walked: Vec<(CardRequest, u32, Vec<CardRecord>)> = done
            .iter()
            .zip(&starts)
            .map(|((_, r), start)| {
                let (next, cards) = walk(r, &mut dice, *start);
                (next, r.version, cards)
            })
            .collect();
        let writes: Vec<TransitionWrite> = walked
            .iter()
            .filter(|(next, version, _)| next.version != *version)
            .map(|(next, version, cards)| TransitionWrite {
                request: next,
                expected_version: *version,
                member: None,
                cards,
                photo: None,
                actor: &actor,
                detail: String::new(),
            })
            .collect();
        store.save_transitions(&writes).unwrap();
        members.extend(done.into_iter().map(|(m, _)| m.member_no));
        let visits: Vec<(Date, Visit)> = (0..VISITS_PER_DAY)
            .map(|k| {
                let at = local(*day, (k * 9 * 3600 / VISITS_PER_DAY) as i64);
                let visitor = if dice.next(20) == 0 {
                    Visitor::Guest(Guest {
                        name: "Rombongan".into(),
                        institution: "SDN".into(),
                        purpose: "kunjungan".into(),
                        group_size: 1 + dice.next(30) as u32,
                    })
                } else {
                    Visitor::Member(members[dice.next(members.len())].clone())
                };
                (
                    *day,
                    Visit {
                        visitor,
                        at,
                        terminal: "meja-depan".into(),
                    },
                )
            })
            .collect();
        store.record_visits(&visits).unwrap();
    }
    assert_eq!(store.member_count().unwrap(), MEMBERS as u64);
    drop(store);
    std::fs::rename(&tmp, &file).unwrap();
    file
}

fn benches(c: &mut Criterion) {
    let file = cached_store();
    // A store built by an older schema is migrated here, once: its time is worth knowing.
    let t = std::time::Instant::now();
    let store = Store::open(&file).unwrap();
    eprintln!("store opened in {:.2} s", t.elapsed().as_secs_f64());
    let cfg = config();
    let tz = jakarta();
    let now: Timestamp = "2026-12-01T02:00:00Z".parse().unwrap();
    let month = Period::month(date(2026, 11, 1), &tz);
    let day = Period::day(date(2026, 11, 27), &tz);
    let s = summary(&store, &month, &tz, &cfg.standard_minutes, now).unwrap();
    eprintln!(
        "November 2026: {} registrations, {} cards issued, {} visitors, {} handover steps timed",
        s.registrations.total(),
        s.cards.issued,
        s.visits.total.people,
        s.steps.last().map_or(0, |f| f.count)
    );
    let mut g = c.benchmark_group("report-100k");
    g.sample_size(10);
    g.bench_function("requests with steps in a month (step index)", |b| {
        b.iter(|| {
            black_box(
                store
                    .requests_with_steps_between(month.start, month.end)
                    .unwrap(),
            )
        })
    });
    g.bench_function("monthly report (figures)", |b| {
        b.iter(|| black_box(summary(&store, &month, &tz, &cfg.standard_minutes, now).unwrap()))
    });
    g.bench_function("daily report (figures)", |b| {
        b.iter(|| black_box(summary(&store, &day, &tz, &cfg.standard_minutes, now).unwrap()))
    });
    g.bench_function("daily handover register", |b| {
        b.iter(|| black_box(register(&store, &day).unwrap()))
    });
    // The supervisor's dashboard at 11:00 on a weekday: every open request with its member's
    // name, this week's step medians, today's clerks and visitors by hour. One refresh, as
    // the dashboard does on every change it sees.
    let clock =
        loket::config::Clock::new(tz.clone(), Some("2026-11-27T04:00:00Z".parse().unwrap()));
    let kasi = Actor {
        user: "kasi".into(),
        terminal: "ssh".into(),
    };
    let desk = loket::service::Desk::new(&store, &cfg, &clock, kasi);
    let d = desk.dashboard().unwrap();
    eprintln!(
        "dashboard: {} open requests, {} visitors so far today, {} clerks today",
        d.open.len(),
        d.visits_today.people,
        d.clerks_today.len()
    );
    g.bench_function("dashboard first load", |b| {
        b.iter(|| black_box(desk.dashboard().unwrap()))
    });
    // What the dashboard does on each change it sees: the week's step figures are kept for a
    // minute (WEEK_FIGURES_FOR), everything else is read again.
    g.bench_function("dashboard refresh", |b| {
        b.iter(|| black_box(desk.dashboard_after(Some(&d)).unwrap()))
    });
    g.finish();
}

criterion_group!(report_benches, benches);
criterion_main!(report_benches);
