//! Several real processes on one store file: concurrent registrations get distinct numbers,
//! a reader sees them arrive, and a writer killed mid-write loses nothing it reported.
//!
//! The child processes are this test binary run again on one of the `#[ignore]`d helper
//! functions below, so that they use the library exactly as loket's own processes do.

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;

use common::{TestStore, open_target};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use loket::config::{Clock, Config};
use loket::domain::member::{Address, MemberDraft};
use loket::domain::workflow::{Actor, Source};
use loket::service::Desk;
use loket::store::Store;

/// A made-up applicant unique per (writer, i): the writer picks the kecamatan and birth
/// day, `i` the NIK serial.
fn applicant(writer: usize, i: usize) -> MemberDraft {
    let district = 1 + writer % 18;
    let day = 1 + (writer / 18) % 28;
    MemberDraft {
        full_name: format!("Pendaftar {writer} {i}"),
        identity_no: format!("3515{district:02}{day:02}0890{:04}", i + 1),
        birth_place: "Sidoarjo".into(),
        birth_date: format!("1990-08-{day:02}"),
        sex: "L".into(),
        address: Address {
            street: "Jl. Uji".into(),
            ..Address::default()
        },
        phone: "081234567890".into(),
        mother_name: "Ibu Rekaan".into(),
        ..MemberDraft::default()
    }
}

fn spawn_child(helper: &str, store: &TestStore, envs: &[(&str, String)]) -> Child {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args([
        "--exact",
        helper,
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("LOKET_CHILD_STORE", &store.target)
    .env("LOKET_CHILD_DIR", &store.dir)
    .stdout(Stdio::piped())
    .stderr(Stdio::inherit());
    for (k, v) in envs {
        c.env(k, v);
    }
    c.spawn().expect("child process starts")
}

/// The store the parent named, on whichever backend.
fn child_store() -> Store {
    let var = |k: &str| std::env::var(k).unwrap();
    open_target(
        &var("LOKET_CHILD_STORE"),
        Path::new(&var("LOKET_CHILD_DIR")),
    )
}

/// Lines a child printed with the given tag, e.g. `NO 26112800001` → `26112800001`. The tag
/// may follow the test harness's own `test child_writer ... ` on the same line.
fn tagged(line: &str, tag: &str) -> Option<String> {
    let at = line.find(&format!("{tag} "))?;
    Some(line[at + tag.len() + 1..].trim().to_string())
}

#[test]
#[ignore = "helper: run by the tests below as a child process"]
fn child_writer() {
    let store = child_store();
    let writer: usize = std::env::var("LOKET_CHILD_WRITER")
        .unwrap()
        .parse()
        .unwrap();
    let count: usize = std::env::var("LOKET_CHILD_COUNT").unwrap().parse().unwrap();
    let config = Config::default();
    let clock = Clock::new(TimeZone::get("Asia/Jakarta").unwrap(), None);
    let desk = Desk::new(
        &store,
        &config,
        &clock,
        Actor {
            user: format!("writer{writer}"),
            terminal: format!("proc{}", std::process::id()),
        },
    );
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for i in 0..count {
        let r = desk
            .register(&applicant(writer, i), Source::Counter)
            .unwrap();
        // Printed only after the commit returned: every number printed must survive.
        writeln!(out, "NO {}", r.member.member_no).unwrap();
        out.flush().unwrap();
    }
}

#[test]
#[ignore = "helper: run by the tests below as a child process"]
fn child_reader() {
    let store = child_store();
    let target: u64 = std::env::var("LOKET_CHILD_TARGET")
        .unwrap()
        .parse()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut last = u64::MAX;
    let mut last_changes = u64::MAX;
    while Instant::now() < deadline {
        // Poll the change counter as screens do; count members only when it moved.
        let changes = store.changes().unwrap();
        if changes != last_changes {
            last_changes = changes;
            let n = store.member_count().unwrap();
            if n != last {
                println!("COUNT {n}");
                last = n;
            }
            if n >= target {
                return;
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn four_writers_get_a_thousand_distinct_numbers_while_a_reader_watches() {
    let dir = tempfile::tempdir().unwrap();
    for store in TestStore::each(dir.path(), "four_writers") {
        eprintln!("on {}", store.backend());
        four_writers_and_a_reader(&store);
    }
}

fn four_writers_and_a_reader(path: &TestStore) {
    path.open();
    let reader = spawn_child(
        "child_reader",
        path,
        &[("LOKET_CHILD_TARGET", "1000".into())],
    );
    let writers: Vec<Child> = (0..4)
        .map(|w| {
            spawn_child(
                "child_writer",
                path,
                &[
                    ("LOKET_CHILD_WRITER", w.to_string()),
                    ("LOKET_CHILD_COUNT", "250".into()),
                ],
            )
        })
        .collect();
    let mut printed = Vec::new();
    for w in writers {
        let out = w.wait_with_output().unwrap();
        assert!(out.status.success(), "a writer failed");
        let text = String::from_utf8(out.stdout).unwrap();
        printed.extend(text.lines().filter_map(|l| tagged(l, "NO")));
    }
    let out = reader.wait_with_output().unwrap();
    assert!(out.status.success());
    let counts: Vec<u64> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| tagged(l, "COUNT"))
        .map(|n| n.parse().unwrap())
        .collect();

    assert_eq!(printed.len(), 1000);
    let distinct: BTreeSet<&String> = printed.iter().collect();
    assert_eq!(distinct.len(), 1000, "every member number is distinct");
    let store = path.open();
    assert_eq!(store.member_count().unwrap(), 1000);
    for no in &printed {
        assert!(store.member(no).unwrap().is_some(), "{no} is in the store");
    }
    assert!(
        counts.windows(2).all(|w| w[0] < w[1]),
        "the count only grows"
    );
    assert_eq!(counts.last(), Some(&1000));
    assert!(
        counts.len() >= 3,
        "the reader saw the count grow while writers worked: {counts:?}"
    );
}

#[test]
fn a_writer_killed_mid_run_loses_nothing_it_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("loket.toml"), "").unwrap();
    for store in TestStore::each(dir.path(), "killed_writer") {
        eprintln!("on {}", store.backend());
        killed_writers(&store);
    }
}

fn killed_writers(path: &TestStore) {
    let dir = &path.dir;
    path.open();
    let mut printed = Vec::new();
    // Several rounds, two writers each, killed after a different number of commits.
    for round in 0..4 {
        let mut writers: Vec<Child> = (0..2)
            .map(|w| {
                spawn_child(
                    "child_writer",
                    path,
                    &[
                        ("LOKET_CHILD_WRITER", (20 + round * 2 + w).to_string()),
                        ("LOKET_CHILD_COUNT", "100000".into()),
                    ],
                )
            })
            .collect();
        let mut lines = BufReader::new(writers[0].stdout.take().unwrap()).lines();
        let kill_after = 20 + round * 37;
        let mut seen = 0;
        while seen < kill_after {
            let line = lines.next().expect("writer keeps writing").unwrap();
            if let Some(no) = tagged(&line, "NO") {
                printed.push(no);
                seen += 1;
            }
        }
        // SIGKILL: no destructor, no flush, possibly inside a commit.
        for w in &mut writers {
            w.kill().unwrap();
        }
        for line in lines {
            match line {
                Ok(l) => printed.extend(tagged(&l, "NO")),
                Err(_) => break,
            }
        }
        let second = writers.pop().unwrap().wait_with_output().unwrap();
        printed.extend(
            String::from_utf8_lossy(&second.stdout)
                .lines()
                .filter_map(|l| tagged(l, "NO")),
        );
        writers.pop().unwrap().wait().unwrap();
    }

    let check = Command::new(common::BIN)
        .env("LOKET_DATA_DIR", dir)
        .env("LOKET_STORE", &path.target)
        .arg("check")
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "loket check: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    let store = path.open();
    let distinct: BTreeSet<&String> = printed.iter().collect();
    assert_eq!(distinct.len(), printed.len(), "no number given twice");
    for no in &printed {
        assert!(
            store.member(no).unwrap().is_some(),
            "{no} survived the kill"
        );
    }
    // Anything committed but not yet printed when the kill came is there too, once.
    let total = store.member_count().unwrap() as usize;
    assert!(total >= printed.len());
    assert!(
        total <= printed.len() + 8,
        "at most one unreported commit per killed writer"
    );
    // And the store takes new registrations after all that.
    let config = Config::default();
    let clock = Clock::new(TimeZone::UTC, Some(Timestamp::now()));
    let desk = Desk::new(
        &store,
        &config,
        &clock,
        Actor {
            user: "after".into(),
            terminal: "t".into(),
        },
    );
    desk.register(&applicant(99, 0), Source::Counter).unwrap();
}
