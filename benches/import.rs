//! Importing 100,000 members from a SLiMS CSV into an empty store: read, check every row
//! (NIK, dates, types), look each up in the store, write all in one transaction.
//! Run: `cargo bench --bench import`. The aim is under 10 s; the figure is in docs/performance.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use loket::config::Config;
use loket::domain::workflow::Actor;
use loket::i18n::Lang;
use loket::interop::{ImportOptions, PlanContext, System, plan_import, slims};
use loket::store::{ImportBatch, Store};

const ROWS: usize = 100_000;

/// Made-up members with valid, distinct Sidoarjo NIKs (born 01-01-1990, male).
fn sample_csv() -> Vec<u8> {
    let mut s = String::from(
        "member_id,member_name,gender,member_type_name,member_email,member_address,postal_code,inst_name,is_new,member_image,pin,member_phone,member_fax,member_since_date,register_date,expire_date,birth_date,member_notes\r\n",
    );
    for i in 0..ROWS {
        let district = 1 + i / 9999;
        let serial = 1 + i % 9999;
        s.push_str(&format!(
            "B{i:06},\"Anggota Rekaan {i}\",1,Umum,a{i}@example.org,\"Jl. Contoh {i}, Sidoarjo\",61252,,0,,3515{district:02}010190{serial:04},0812{i:08},,2024-01-15,2024-01-15,2027-01-15,1990-01-01,\r\n"
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
                let rows = slims::read(&data, slims::Dialect::default(), "bench.csv").unwrap();
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

criterion_group!(benches, import);
criterion_main!(benches);
