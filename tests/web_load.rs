//! A bounded load test on loopback: 20 concurrent clients send 500 registrations to the real
//! `loket serve`; every one must come back with its own member number. Latencies are printed
//! (docs/performance.md), never asserted.
//!
//! One submission in ten carries a small generated photo; the others none (the server runs
//! with `photo_required = false`). In the test profile the photo pipeline's generic image
//! code is compiled unoptimised inside loket and costs about 0.45 s a photo, so photos on all
//! 500 would take minutes of CPU; the commit path, which is what concurrency can break, is
//! exercised by every submission.

mod common;
mod webclient;

use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use common::Site;
use loket::domain::workflow::{RequestState, Source};
use loket::store::Store;
use webclient::{Browser, Server, applicant, photo_jpeg};

const CLIENTS: usize = 20;
const REGISTRATIONS: u32 = 500;
/// Every n-th submission carries the photo; `LOKET_LOAD_PHOTO_EVERY=1` sends one with each
/// (for measuring a release build: `cargo test --release --test web_load -- --nocapture`).
fn photo_every() -> u32 {
    std::env::var("LOKET_LOAD_PHOTO_EVERY")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(10)
}

#[test]
fn twenty_clients_register_five_hundred_members_with_distinct_numbers() {
    let site = Site::new();
    // One address sends everything here, so the per-address limit is lifted for this test.
    let server = Server::start(
        &site,
        "rate_burst = 100000\nrate_per_minute = 0\nphoto_required = false",
    );
    let photo = photo_jpeg();
    let photo_every = photo_every();
    let next = AtomicU32::new(1);
    let latencies = Mutex::new(Vec::new());
    let numbers = Mutex::new(Vec::new());
    let errors = Mutex::new(Vec::new());
    let started = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..CLIENTS {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i > REGISTRATIONS {
                        break;
                    }
                    // A form (and its token) per registration, as applicants do: a token is
                    // good for one registration.
                    let b = Browser::open(server.addr, "/");
                    let t = Instant::now();
                    let photo = i.is_multiple_of(photo_every).then_some(photo.as_slice());
                    let r = b.send(&applicant(&format!("Pendaftar Uji {i}"), i), photo);
                    let took = t.elapsed();
                    let Some(location) = r.header("location").filter(|_| r.status == 303) else {
                        errors
                            .lock()
                            .unwrap()
                            .push(format!("{i}: {} {}", r.status, r.body));
                        continue;
                    };
                    latencies.lock().unwrap().push((photo.is_some(), took));
                    let page = webclient::get(server.addr, location, None);
                    match page.by_id("member-no") {
                        Some(no) => numbers.lock().unwrap().push(no),
                        None => errors.lock().unwrap().push(format!("{i}: no number")),
                    }
                }
            });
        }
    });
    let wall = started.elapsed();
    let errors = errors.into_inner().unwrap();
    assert!(
        errors.is_empty(),
        "{} errors, first: {:?}",
        errors.len(),
        errors.first()
    );

    let numbers = numbers.into_inner().unwrap();
    assert_eq!(numbers.len(), REGISTRATIONS as usize);
    let distinct: HashSet<&String> = numbers.iter().collect();
    assert_eq!(
        distinct.len(),
        REGISTRATIONS as usize,
        "a number was given twice"
    );
    let store = Store::open(&site.store_file()).unwrap();
    assert_eq!(store.member_count().unwrap(), u64::from(REGISTRATIONS));
    let online = store
        .requests_in(&[RequestState::Registered])
        .unwrap()
        .into_iter()
        .filter(|r| r.source == Source::Online)
        .count();
    assert_eq!(online, REGISTRATIONS as usize);
    let photos = numbers
        .iter()
        .filter(|no| store.photo(no).unwrap().is_some())
        .count();
    assert_eq!(
        photos,
        (REGISTRATIONS / photo_every) as usize,
        "a photo was lost"
    );

    let all = latencies.into_inner().unwrap();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let figures = |with_photo: Option<bool>| {
        let mut l: Vec<Duration> = all
            .iter()
            .filter(|(p, _)| with_photo.is_none_or(|w| *p == w))
            .map(|(_, d)| *d)
            .collect();
        l.sort();
        // Nearest rank, as every median and percentile loket shows.
        let (Some(median), Some(p99), Some(max)) = (
            loket::report::median(&l),
            loket::report::percentile(&l, 99),
            l.last(),
        ) else {
            return "0 submissions".to_string();
        };
        format!(
            "{} submissions: median {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            l.len(),
            ms(median),
            ms(p99),
            ms(*max)
        )
    };
    eprintln!(
        "web load: {REGISTRATIONS} registrations by {CLIENTS} clients in {:.1} s\n  all {}\n  without photo {}\n  with photo {}",
        wall.as_secs_f64(),
        figures(None),
        figures(Some(false)),
        figures(Some(true)),
    );
}
