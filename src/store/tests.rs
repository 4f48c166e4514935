//! The store's contract: what every backend must do, in test bodies that take no backend of
//! their own. The helpers here are shared with the backends' own tests.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::Store;
use crate::config::{Clock, Config};
use crate::domain::workflow::{Actor, Source};
use crate::service::{Desk, demo};
pub(crate) fn at(hhmm: &str) -> Timestamp {
    format!("2026-11-28T{hhmm}:00Z").parse().unwrap()
}

/// A registered 08:00 and called 10:00, B registered 09:00: their member numbers.
pub(crate) fn three_steps(store: &Store) -> (String, String) {
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

pub(crate) fn found(store: &Store, from: &str, to: &str) -> Vec<String> {
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
