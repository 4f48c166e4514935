//! What only the PostgreSQL backend has to show: the audit log refused to UPDATE and DELETE by
//! the database itself, another process's change heard within 250 ms without polling, and
//! member numbers apart across two connections (two PCs).

use std::time::{Duration, Instant};

use crate::store::Store;
use crate::store::tests::{open_postgres, three_steps};

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
