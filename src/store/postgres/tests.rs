//! What only the PostgreSQL backend has to show: the audit log refused to UPDATE and DELETE by
//! the database itself, another process's change heard within 250 ms without polling, member
//! numbers apart across two connections (two PCs), and the photos of schema 1 read with a
//! preview made from them.

use std::time::{Duration, Instant};

use crate::store::tests::{open_postgres, three_steps};
use crate::store::{Store, StoreError};

/// A second store on the same schema: another process, another PC.
fn second(first: &Store) -> Store {
    let url = std::env::var("LOKET_TEST_PG").unwrap();
    let schema = current_schema(first);
    let sep = if url.contains('?') { '&' } else { '?' };
    let url = format!("{url}{sep}options=-c%20search_path%3D{schema}");
    Store::open_postgres(&url, first.path()).unwrap()
}

fn current_schema(store: &Store) -> String {
    match &store.backend {
        crate::store::Backend::Postgres(pg) => pg
            .conn
            .read(|c| Ok(c.query_one("SELECT current_schema()", &[])?.get(0)))
            .unwrap(),
        crate::store::Backend::Redb(_) => unreachable!("a PostgreSQL store"),
    }
}

#[test]
fn the_audit_log_cannot_be_changed_nor_emptied() {
    let Some(opened) = open_postgres() else {
        return;
    };
    let store = opened.store();
    three_steps(store);
    let crate::store::Backend::Postgres(pg) = &store.backend else {
        unreachable!()
    };
    for sql in [
        "UPDATE audit SET subject = 'x'",
        "DELETE FROM audit",
        "TRUNCATE audit",
    ] {
        let refused = pg.conn.read(|c| Ok(c.batch_execute(sql)));
        let err = refused.unwrap().expect_err(sql);
        let said = super::conn::describe(&err);
        assert!(said.contains("append-only"), "{sql}: {said}");
    }
    assert_eq!(store.audit_log(10).unwrap().len(), 3);
}

#[test]
fn another_process_sees_a_change_within_250_ms() {
    let Some(opened) = open_postgres() else {
        return;
    };
    let a = opened.store();
    let b = second(a);
    // The listener connects on its own thread: wait until it hears.
    let start = Instant::now();
    while !matches!(&b.backend, crate::store::Backend::Postgres(pg) if pg.changes.heard().is_some())
    {
        assert!(start.elapsed() < Duration::from_secs(5), "listener up");
        std::thread::sleep(Duration::from_millis(10));
    }
    let before = b.changes().unwrap();
    three_steps(a);
    let written = Instant::now();
    while b.changes().unwrap() == before {
        assert!(
            written.elapsed() < Duration::from_millis(250),
            "heard within 250 ms"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn two_pcs_registering_at_once_never_get_one_number() {
    let Some(opened) = open_postgres() else {
        return;
    };
    let a = opened.store();
    let b = second(a);
    let stores = [a, &b];
    let nos: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = stores
            .iter()
            .enumerate()
            .map(|(k, store)| {
                s.spawn(move || {
                    (0..10)
                        .map(|i| {
                            let draft = crate::service::demo::made_up_draft(k * 10 + i, 3);
                            let config: crate::config::Config =
                                toml::from_str("timezone = \"UTC\"\n").unwrap();
                            let clock = crate::config::Clock::new(jiff::tz::TimeZone::UTC, None);
                            let actor = crate::domain::workflow::Actor {
                                user: "rina".into(),
                                terminal: format!("loket-{k}"),
                            };
                            crate::service::Desk::new(store, &config, &clock, actor)
                                .register(&draft, crate::domain::workflow::Source::Counter)
                                .unwrap()
                                .member
                                .member_no
                                .to_string()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let distinct: std::collections::BTreeSet<_> = nos.iter().collect();
    assert_eq!(distinct.len(), 20);
    assert_eq!(b.member_count().unwrap(), 20);
}

/// Runs `f` on both stores at once (two PCs), returning both results.
fn at_once<T: Send>(a: &Store, b: &Store, f: impl Fn(&Store, usize) -> T + Sync) -> [T; 2] {
    let barrier = std::sync::Barrier::new(2);
    std::thread::scope(|s| {
        let ha = s.spawn(|| {
            barrier.wait();
            f(a, 0)
        });
        let hb = s.spawn(|| {
            barrier.wait();
            f(b, 1)
        });
        [ha.join().unwrap(), hb.join().unwrap()]
    })
}

#[test]
fn one_nik_registered_on_two_pcs_at_once_is_held_once() {
    let Some(opened) = open_postgres() else {
        return;
    };
    let a = opened.store();
    let b = second(a);
    for round in 0..5 {
        let draft = crate::service::demo::made_up_draft(round, 3);
        let done = at_once(a, &b, |store, k| {
            let config: crate::config::Config = toml::from_str("timezone = \"UTC\"\n").unwrap();
            let clock = crate::config::Clock::new(jiff::tz::TimeZone::UTC, None);
            let actor = crate::domain::workflow::Actor {
                user: "rina".into(),
                terminal: format!("loket-{k}"),
            };
            crate::service::Desk::new(store, &config, &clock, actor)
                .register(&draft, crate::domain::workflow::Source::Counter)
                .map(|r| r.member.member_no.to_string())
        });
        let won: Vec<_> = done.iter().filter_map(|r| r.as_ref().ok()).collect();
        assert_eq!(won.len(), 1, "round {round}: one registration");
        let lost = done.iter().find_map(|r| r.as_ref().err()).unwrap();
        assert!(
            matches!(lost, crate::service::ServiceError::Store(StoreError::DuplicateNik { existing }) if existing == won[0]),
            "{lost:?}"
        );
    }
    assert_eq!(a.member_count().unwrap(), 5);
}

#[test]
fn two_clerks_on_one_request_at_once_one_step_is_saved() {
    let Some(opened) = open_postgres() else {
        return;
    };
    let a = opened.store();
    let b = second(a);
    let (no, _) = three_steps(a);
    for _ in 0..5 {
        let read = a.current_request_for(&no).unwrap().unwrap();
        let done = at_once(a, &b, |store, k| {
            let actor = crate::domain::workflow::Actor {
                user: format!("clerk{k}"),
                terminal: format!("loket-{k}"),
            };
            let mut next = read.clone();
            next.version += 1;
            store.save_reassignment(&next, read.version, &actor, read.since(), "x")
        });
        assert_eq!(done.iter().filter(|r| r.is_ok()).count(), 1, "{done:?}");
        assert!(
            done.iter()
                .any(|r| matches!(r, Err(StoreError::Conflict { .. })))
        );
    }
}

#[test]
fn one_card_scanned_at_two_doors_at_once_counts_one_visit() {
    let Some(opened) = open_postgres() else {
        return;
    };
    let a = opened.store();
    let b = second(a);
    let (no, _) = three_steps(a);
    let day = crate::store::tests::at("10:00")
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    let done = at_once(a, &b, |store, k| {
        let visit = crate::domain::visit::Visit {
            visitor: crate::domain::visit::Visitor::Member(
                crate::domain::member_no::MemberNo::new(no.clone()),
            ),
            at: crate::store::tests::at(if k == 0 { "10:00" } else { "10:01" }),
            terminal: format!("pintu-{k}"),
        };
        store
            .record_member_visit(day, &visit, &[day], crate::store::tests::at("09:00"))
            .unwrap()
    });
    assert_eq!(done.iter().filter(|r| r.is_none()).count(), 1, "{done:?}");
    assert_eq!(a.visits_on(day).unwrap().len(), 1);
}

fn pg(store: &Store) -> &super::PgStore {
    match &store.backend {
        crate::store::Backend::Postgres(pg) => pg,
        crate::store::Backend::Redb(_) => unreachable!("a PostgreSQL store"),
    }
}

fn put_photo(store: &Store, no: &str, jpeg: &[u8]) {
    let actor = crate::domain::workflow::Actor {
        user: "rina".into(),
        terminal: "loket-1".into(),
    };
    let w = crate::store::PhotoWrite {
        stored: jpeg,
        original: None,
    };
    store
        .put_photo(no, &w, &actor, crate::store::tests::at("11:00"))
        .unwrap();
}

#[test]
fn photos_stored_before_schema_2_have_their_preview_made_when_read() {
    let Some(opened) = open_postgres() else {
        return;
    };
    let store = opened.store();
    let (no, _) = three_steps(store);
    let jpeg = crate::store::tests::stored_photo(90);
    put_photo(store, &no, &jpeg);
    // Back to schema 1, the photo kept: what a database set up by an older loket holds.
    pg(store)
        .conn
        .write(|t| {
            t.batch_execute(
                "ALTER TABLE photos DROP COLUMN preview; \
                 DELETE FROM loket_migrations WHERE version = 2",
            )?;
            Ok(())
        })
        .unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(1));
    // Opened again by this build: the migration to schema 2 runs.
    let again = second(store);
    assert_eq!(
        again.schema_version().unwrap(),
        Some(super::schema::SCHEMA_VERSION)
    );
    let kept: Option<Vec<u8>> = pg(&again)
        .conn
        .read(|c| Ok(c.query_one("SELECT preview FROM photos", &[])?.get(0)))
        .unwrap();
    assert_eq!(kept, None, "the migration made no preview");
    let made = crate::photo::preview::make(&jpeg);
    assert!(made.is_some());
    assert_eq!(
        again.photo_preview(&no).unwrap(),
        made,
        "made from the photo"
    );
    put_photo(&again, &no, &jpeg);
    let kept: Option<Vec<u8>> = pg(&again)
        .conn
        .read(|c| Ok(c.query_one("SELECT preview FROM photos", &[])?.get(0)))
        .unwrap();
    assert_eq!(kept, made, "stored again, the photo keeps its preview");
}
