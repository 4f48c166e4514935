//! The redb backend's own tests: the migration that builds the step-time index for a store
//! written by an older loket.

use jiff::Timestamp;
use redb::{Database, ReadableDatabase, ReadableMultimapTable};

use super::RedbStore;
use super::requests::put_request;
use super::tables::{META, REQUEST_STEPS, REQUESTS_BY_MEMBER, REQUESTS_BY_STATE, SCHEMA_VERSION};
use crate::domain::workflow::{Actor, CardRequest, RequestKind, RequestState, Source};
use crate::store::Store;
use crate::store::tests::{found, three_steps};

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
    // An import before schema 3 keyed its request by state alone: B's is such a one.
    {
        let db = Database::create(&path).unwrap();
        let txn = db.begin_write().unwrap();
        let id = txn
            .open_multimap_table(REQUESTS_BY_MEMBER)
            .unwrap()
            .get(b.as_str())
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .value();
        let mut by_state = txn.open_multimap_table(REQUESTS_BY_STATE).unwrap();
        by_state.remove("registered/counter", id).unwrap();
        by_state.insert("registered", id).unwrap();
        drop(by_state);
        txn.commit().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(SCHEMA_VERSION));
    let waiting: Vec<String> = store
        .requests_in(&[RequestState::Registered])
        .unwrap()
        .iter()
        .map(|r| r.member_no.to_string())
        .collect();
    assert_eq!(waiting, [b.as_str()], "B back in the queue");
    assert_eq!(found(&store, "09:30", "10:30"), [a.as_str()]);
    assert_eq!(found(&store, "07:00", "11:00"), [a, b]);
}

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// Requests written straight into a store made schema 2 again (from the report branch's test).
#[test]
fn a_schema_2_store_finds_requests_by_their_steps_across_utc_and_local_days() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.redb");
    let store = RedbStore::open(&path).unwrap();
    let actor = Actor {
        user: "rina".into(),
        terminal: "loket-1".into(),
    };
    let new = |id, at| {
        CardRequest::new(
            id,
            crate::domain::member_no::MemberNo::new(format!("M{id}")),
            RequestKind::New,
            Source::Counter,
            &actor,
            ts(at),
        )
    };
    // 1: registered on the 27th (UTC), called on the 28th; 2: registered on the 20th.
    let r1 = new(1, "2026-11-27T20:00:00Z")
        .apply(
            crate::domain::workflow::Action::Call,
            &actor,
            ts("2026-11-28T01:00:00Z"),
        )
        .unwrap();
    let r2 = new(2, "2026-11-20T03:00:00Z");
    let txn = store.db.begin_write().unwrap();
    put_request(&txn, &r1, None).unwrap();
    put_request(&txn, &r2, None).unwrap();
    txn.commit().unwrap();
    // What a schema-2 store holds: the requests, no day index.
    let txn = store.db.begin_write().unwrap();
    assert!(txn.delete_table(REQUEST_STEPS).unwrap());
    txn.open_table(META)
        .unwrap()
        .insert("schema_version", 2)
        .unwrap();
    txn.commit().unwrap();
    drop(store);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(SCHEMA_VERSION));
    let ids = |from: &str, to: &str| -> Vec<u64> {
        store
            .requests_with_steps_between(ts(from), ts(to))
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect()
    };
    assert_eq!(ids("2026-11-28T00:00:00Z", "2026-11-29T00:00:00Z"), [1]);
    assert_eq!(ids("2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z"), [1]);
    assert_eq!(ids("2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z"), [2]);
    assert_eq!(ids("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"), [1, 2]);
    assert!(ids("2026-11-21T00:00:00Z", "2026-11-27T00:00:00Z").is_empty());
    // Neither step of 1 falls between 21:00 on the 27th and 00:30 on the 28th.
    assert!(ids("2026-11-27T21:00:00Z", "2026-11-28T00:30:00Z").is_empty());
    // Jakarta's 28th (UTC+7) runs from 17:00 UTC on the 27th: both steps are in it.
    assert_eq!(ids("2026-11-27T17:00:00Z", "2026-11-28T17:00:00Z"), [1]);
}
