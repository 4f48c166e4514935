//! Importing 100,000 members from a SLiMS CSV into an empty store: read, check every row
//! (NIK, dates, types), look each up in the store, write all in one transaction.
//! And the dry run of the same migration (read and check, write nothing), with the peak of
//! heap memory it held. Run: `cargo bench --bench import`. The aims are under 10 s, and under
//! 300 MB for the dry run; the figures are in docs/performance.md.

use std::alloc::{GlobalAlloc, Layout, System as Heap};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use loket::config::Config;
use loket::domain::workflow::Actor;
use loket::i18n::Lang;
use loket::interop::{ImportOptions, PlanContext, System, plan_import, slims};
use loket::store::{ImportBatch, Store};

const ROWS: usize = 100_000;

/// The system allocator, counting the bytes held and their peak, for the dry run's memory.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { Heap.alloc(layout) };
        if !p.is_null() {
            let now = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { Heap.dealloc(p, layout) };
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = unsafe { Heap.realloc(p, layout, new_size) };
        if !q.is_null() {
            if new_size > layout.size() {
                let now = HELD.fetch_add(new_size - layout.size(), Ordering::Relaxed)
                    + (new_size - layout.size());
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                HELD.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Made-up members with valid, distinct Sidoarjo NIKs (born 01-01-1990, male), as SLiMS's
/// own export page writes them: every value enclosed and MySQL-escaped, a header row ending
/// in a separator, one line per record.
fn sample_csv() -> Vec<u8> {
    let mut s = String::from(
        "\"member_id\",\"member_name\",\"gender\",\"member_type_name\",\"member_email\",\"member_address\",\"postal_code\",\"inst_name\",\"is_new\",\"member_image\",\"pin\",\"member_phone\",\"member_fax\",\"member_since_date\",\"register_date\",\"expire_date\",\"birth_date\",\"member_notes\",\n",
    );
    for i in 0..ROWS {
        let district = 1 + i / 9999;
        let serial = 1 + i % 9999;
        s.push_str(&format!(
            "\"B{i:06}\",\"Anggota Nur\\'aini {i}\",\"1\",\"Standard\",\"a{i}@example.org\",\"Jl. Contoh {i}\\r\\nSidoarjo\",\"61252\",\"\",\"0\",\"member_B{i:06}.jpg\",\"3515{district:02}010190{serial:04}\",\"0812{i:08}\",\"\",\"2024-01-15\",\"2024-01-15\",\"2027-01-15\",\"1990-01-01\",\"\"\n"
        ));
    }
    s.into_bytes()
}

fn import(c: &mut Criterion) {
    let data = sample_csv();
    let config = Config::default();
    let tz = jiff::tz::TimeZone::get("Asia/Jakarta").unwrap();
    let actor = Actor {
        user: "bench".into(),
        terminal: "bench".into(),
    };
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.warm_up_time(Duration::from_secs(1));
    g.bench_function("slims_csv_100k_into_empty_store", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                let store = Store::open(&dir.path().join("loket.redb")).unwrap();
                let rows = slims::read(&data, slims::Dialect::default(), "bench.csv")
                    .unwrap()
                    .rows;
                let cx = PlanContext {
                    store: &store,
                    config: &config,
                    today: date(2026, 11, 28),
                    tz: &tz,
                };
                let plan = plan_import(
                    System::Slims,
                    rows,
                    &cx,
                    &ImportOptions::default(),
                    Lang::Id,
                )
                .unwrap();
                assert_eq!(plan.report.totals().imported, ROWS);
                let done = store
                    .import_members(
                        ImportBatch {
                            writes: plan.writes,
                            scheme: &config.member_no,
                            actor: &actor,
                            at: jiff::Timestamp::UNIX_EPOCH,
                            origin: "bench",
                        },
                        &mut |_| {},
                    )
                    .unwrap();
                black_box(done);
                dir
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

/// `loket import slims FILE --dry-run` without the process around it: read the file, check
/// every row against an empty store, build the report; nothing written.
fn dry_run(c: &mut Criterion) {
    let data = sample_csv();
    // LOKET_BENCH_CSV=FILE writes the sample out, for timing the CLI on the same file.
    if let Ok(path) = std::env::var("LOKET_BENCH_CSV") {
        std::fs::write(path, &data).unwrap();
    }
    let config = Config::default();
    let tz = jiff::tz::TimeZone::get("Asia/Jakarta").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("loket.redb")).unwrap();
    let opts = ImportOptions {
        dry_run: true,
        ..ImportOptions::default()
    };
    let run = || {
        let file = slims::read(&data, slims::Dialect::default(), "bench.csv").unwrap();
        let cx = PlanContext {
            store: &store,
            config: &config,
            today: date(2026, 11, 28),
            tz: &tz,
        };
        let plan = plan_import(System::Slims, file.rows, &cx, &opts, Lang::Id).unwrap();
        assert_eq!(plan.report.totals().imported, ROWS);
        black_box(plan.report.render(Lang::Id).len())
    };
    // The peak of one run, above what the input file itself holds.
    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    run();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    eprintln!(
        "dry run of {ROWS} members: peak heap {} MB beyond the {} MB file",
        peak >> 20,
        data.len() >> 20
    );
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.bench_function("slims_csv_100k_dry_run", |b| b.iter(run));
    g.finish();
}

criterion_group!(benches, import, dry_run);
criterion_main!(benches);
