//! The store at library scale: 100,000 members. Register (a durable commit), look up by
//! member number and by NIK, search by name prefix, and `loket status`, in process and as a
//! whole process. The 100k store is built once and kept under the target dir.
//!
//!     cargo bench --bench store

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use loket::config::{Clock, Config};
use loket::domain::member::{Address, MemberDraft};
use loket::domain::workflow::{Actor, Source};
use loket::service::{Desk, status::status};
use loket::store::{Registration, Store};

const MEMBERS: usize = 100_000;
const GIVEN: [&str; 20] = [
    "Siti", "Budi", "Dewi", "Agus", "Rina", "Joko", "Ayu", "Hendra", "Wulan", "Fajar", "Putri",
    "Bayu", "Indah", "Rizky", "Lestari", "Dimas", "Nur", "Eko", "Sri", "Yusuf",
];
const MIDDLE: [&str; 10] = [
    "", "Ayu", "Dwi", "Tri", "Nur", "Putra", "Putri", "Adi", "Sari", "Indra",
];
const FAMILY: [&str; 16] = [
    "Rahayu",
    "Santoso",
    "Wijaya",
    "Kusuma",
    "Pratama",
    "Handayani",
    "Saputra",
    "Lestari",
    "Nugroho",
    "Permata",
    "Hidayat",
    "Maharani",
    "Setiawan",
    "Utomo",
    "Rahmawati",
    "Susanto",
];

/// A made-up applicant; `i` maps one-to-one onto (kecamatan, day, month, serial), so every
/// NIK is distinct.
fn applicant(i: usize) -> MemberDraft {
    let district = 1 + i % 18;
    let day = 1 + (i / 18) % 28;
    let month = 1 + (i / 504) % 12;
    let serial = 1 + i / 6048;
    let female = i % 2 == 1;
    let nik_day = if female { day + 40 } else { day };
    let name = [GIVEN[i % 20], MIDDLE[(i / 20) % 10], FAMILY[(i / 200) % 16]]
        .into_iter()
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    MemberDraft {
        full_name: name,
        identity_no: format!("3515{district:02}{nik_day:02}{month:02}85{serial:04}"),
        birth_place: "Sidoarjo".into(),
        birth_date: format!("1985-{month:02}-{day:02}"),
        sex: if female { "P" } else { "L" }.into(),
        address: Address {
            street: format!("Jl. Contoh {}", i % 300),
            city: "Sidoarjo".into(),
            ..Address::default()
        },
        phone: format!("0812{:08}", i),
        mother_name: "Ibu Rekaan".into(),
        ..MemberDraft::default()
    }
}

fn jakarta() -> TimeZone {
    TimeZone::get("Asia/Jakarta").unwrap()
}

/// Builds (once) a store of 100,000 members registered over 20 days, 5,000 a day.
fn big_store() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("store-100k");
    let path = dir.join("loket.redb");
    let done = dir.join("complete");
    if done.exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("loket.toml"), "timezone = \"Asia/Jakarta\"\n").unwrap();
    let store = Store::open(&path).unwrap();
    let config = Config::default();
    let actor = Actor {
        user: "bench".into(),
        terminal: "bench".into(),
    };
    let start: Timestamp = "2026-10-01T02:00:00Z".parse().unwrap();
    for batch in 0..MEMBERS / 5_000 {
        let at = start + (batch as i64 * 24).hours();
        let today = at.to_zoned(jakarta()).date();
        let regs = (batch * 5_000..(batch + 1) * 5_000)
            .map(|i| Registration {
                draft: applicant(i)
                    .validate(&loket::domain::member::FormRules {
                        today,
                        member_types: &config.member_types,
                        regency_code: "3515",
                    })
                    .unwrap(),
                scheme: &config.member_no,
                today,
                at,
                actor: &actor,
                // Imported members wait without a standard time, as most of a real store does.
                source: Source::Import,
            })
            .collect();
        store.register_many(regs).unwrap();
    }
    std::fs::write(&done, "").unwrap();
    dir
}

fn benches(c: &mut Criterion) {
    let dir = big_store();
    let store = Store::open(&dir.join("loket.redb")).unwrap();
    assert!(store.member_count().unwrap() >= MEMBERS as u64);
    let config = Config::default();
    let clock = Clock::new(jakarta(), Some("2026-11-28T03:00:00Z".parse().unwrap()));
    let desk = Desk::new(
        &store,
        &config,
        &clock,
        Actor {
            user: "bench".into(),
            terminal: "bench".into(),
        },
    );
    // Fifty applicants at the counter, so status has real work among the 100k.
    let counter_day = Clock::new(jakarta(), Some("2026-11-28T01:00:00Z".parse().unwrap()));
    let early = Desk::new(&store, &config, &counter_day, desk.actor.clone());
    let next = AtomicUsize::new(MEMBERS + store.member_count().unwrap() as usize);
    if store
        .requests_in(&[loket::domain::workflow::RequestState::WaitingAtCounter])
        .unwrap()
        .len()
        < 50
    {
        for _ in 0..50 {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let r = early.register(&applicant(i), Source::Counter).unwrap();
            early.call(r.member.member_no.as_str()).unwrap();
        }
    }

    let some_no = |i: usize| {
        let day = 1 + (i % 20) as i8;
        let d = jiff::civil::date(2026, 10, 1).saturating_add((day as i64 - 1).days());
        format!(
            "{:02}{:02}{:02}{:05}",
            d.year() % 100,
            d.month(),
            d.day(),
            1 + (i * 7919) % 5_000
        )
    };
    let mut g = c.benchmark_group("store-100k");
    let mut i = 0;
    g.bench_function("lookup by member number", |b| {
        b.iter(|| {
            i += 1;
            black_box(store.member(&some_no(i)).unwrap().unwrap())
        })
    });
    let mut j = 0;
    g.bench_function("lookup by NIK", |b| {
        b.iter(|| {
            j = (j + 7919) % MEMBERS;
            let nik = applicant(j).identity_no;
            black_box(store.nik_holder(&nik, None).unwrap().unwrap())
        })
    });
    g.bench_function("search name prefix 'sit rah' (20)", |b| {
        b.iter(|| black_box(store.search_members("sit rah", 20).unwrap()))
    });
    g.bench_function("status (in process)", |b| {
        b.iter(|| {
            black_box(status(&store, clock.now(), clock.today(), &config.standard_minutes).unwrap())
        })
    });
    g.sample_size(30);
    g.bench_function("register (durable commit)", |b| {
        b.iter(|| {
            let n = next.fetch_add(1, Ordering::Relaxed);
            black_box(desk.register(&applicant(n), Source::Counter).unwrap())
        })
    });
    g.bench_function("loket status (whole process)", |b| {
        b.iter(|| {
            let out = Command::new(env!("CARGO_BIN_EXE_loket"))
                .arg("status")
                .env("LOKET_DATA_DIR", &dir)
                .output()
                .unwrap();
            assert!(out.status.success());
        })
    });
    g.finish();
}

criterion_group!(store_benches, benches);
criterion_main!(store_benches);
