//! The store's own tests: the step-time index, and the migration that builds it for a store
//! written by an older loket.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use redb::{Database, ReadableDatabase};

use super::tables::{META, REQUEST_STEPS};
use super::*;
use crate::config::{Clock, Config};
use crate::service::{Desk, demo};

fn at(hhmm: &str) -> Timestamp {
    format!("2026-11-28T{hhmm}:00Z").parse().unwrap()
}

/// A registered 08:00 and called 10:00, B registered 09:00: their member numbers.
fn three_steps(store: &Store) -> (String, String) {
    let config: Config = toml::from_str("timezone = \"UTC\"\n").unwrap();
    let desk_at = |t: &str, f: &dyn Fn(&Desk) -> String| {
        let clock = Clock::new(TimeZone::UTC, Some(at(t)));
        let actor = Actor {
            user: "rina".into(),
            terminal: "loket-1".into(),
        };
        f(&Desk::new(store, &config, &clock, actor))
    };
    let register = |i: usize| {
        move |d: &Desk| {
            d.register(&demo::made_up_draft(i, 3), Source::Counter)
                .unwrap()
                .member
                .member_no
                .to_string()
        }
    };
    let a = desk_at("08:00", &register(0));
    let b = desk_at("09:00", &register(1));
    desk_at("10:00", &|d: &Desk| {
        d.call(&a).unwrap().member_no.to_string()
    });
    (a, b)
}

fn found(store: &Store, from: &str, to: &str) -> Vec<String> {
    store
        .requests_with_steps_between(at(from), at(to))
        .unwrap()
        .into_iter()
        .map(|r| r.member_no.to_string())
        .collect()
}

#[test]
fn requests_are_found_by_the_time_of_any_of_their_steps() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("loket.redb")).unwrap();
    let (a, b) = three_steps(&store);
    assert_eq!(
        found(&store, "09:30", "10:30"),
        [a.as_str()],
        "called at 10:00"
    );
    assert_eq!(found(&store, "08:30", "09:30"), [b.as_str()]);
    assert_eq!(
        found(&store, "07:00", "08:00"),
        Vec::<String>::new(),
        "end excluded"
    );
    assert_eq!(
        found(&store, "08:00", "08:01"),
        [a.as_str()],
        "start included"
    );
    assert_eq!(found(&store, "07:00", "11:00"), [a, b], "each request once");
}

#[test]
fn a_schema_2_store_gets_its_step_index_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.redb");
    let (a, b) = {
        let store = Store::open(&path).unwrap();
        three_steps(&store)
    };
    // Make it the store an older loket left: no step index, schema 2.
    {
        let db = Database::create(&path).unwrap();
        let txn = db.begin_write().unwrap();
        assert!(txn.delete_table(REQUEST_STEPS).unwrap());
        txn.open_table(META)
            .unwrap()
            .insert("schema_version", 2)
            .unwrap();
        txn.commit().unwrap();
        let read = db.begin_read().unwrap();
        assert!(read.open_table(REQUEST_STEPS).is_err());
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(SCHEMA_VERSION));
    assert_eq!(found(&store, "09:30", "10:30"), [a.as_str()]);
    assert_eq!(found(&store, "07:00", "11:00"), [a, b]);
}
