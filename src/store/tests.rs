//! Schema migrations run on a store made by an older loket.

use jiff::Timestamp;

use super::*;

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

#[test]
fn schema_3_indexes_the_requests_of_a_schema_2_store_by_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.redb");
    let store = Store::open(&path).unwrap();
    let actor = Actor {
        user: "rina".into(),
        terminal: "loket-1".into(),
    };
    let new = |id, at| {
        CardRequest::new(
            id,
            MemberNo::new(format!("M{id}")),
            RequestKind::New,
            Source::Counter,
            &actor,
            t(at),
        )
    };
    // 1: registered on the 27th (UTC), called on the 28th; 2: registered on the 20th.
    let r1 = new(1, "2026-11-27T20:00:00Z")
        .apply(
            crate::domain::workflow::Action::Call,
            &actor,
            t("2026-11-28T01:00:00Z"),
        )
        .unwrap();
    let r2 = new(2, "2026-11-20T03:00:00Z");
    let txn = store.db.begin_write().unwrap();
    Store::put_request(&txn, &r1, None).unwrap();
    Store::put_request(&txn, &r2, None).unwrap();
    txn.commit().unwrap();
    // What a schema-2 store holds: the requests, no day index.
    let txn = store.db.begin_write().unwrap();
    assert!(txn.delete_table(REQUESTS_BY_DAY).unwrap());
    txn.open_table(META)
        .unwrap()
        .insert("schema_version", 2)
        .unwrap();
    txn.commit().unwrap();
    drop(store);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(3));
    let ids = |from: &str, to: &str| -> Vec<u64> {
        store
            .requests_touching(t(from), t(to))
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
    // The index finds 1 by its days; the exact check leaves it out, as neither step falls
    // between 21:00 on the 27th and 00:30 on the 28th.
    assert!(ids("2026-11-27T21:00:00Z", "2026-11-28T00:30:00Z").is_empty());
    // Jakarta's 28th (UTC+7) runs from 17:00 UTC on the 27th: both steps are in it.
    assert_eq!(ids("2026-11-27T17:00:00Z", "2026-11-28T17:00:00Z"), [1]);
}
