//! The store's contract: what every backend must do, in test bodies that take no backend of
//! their own. `contract_tests!(open)` runs every body against the store `open` gives: a redb
//! file, and a PostgreSQL schema of its own when `LOKET_TEST_PG` names a database (each test
//! its own schema, so they run in parallel). The helpers here are shared with the backends'
//! own tests.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::{Store, StoreError};
use crate::config::{Clock, Config};
use crate::domain::visit::{Visit, Visitor};
use crate::domain::workflow::{Actor, Source};
use crate::service::{Desk, demo};
use crate::store::PhotoWrite;
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

/// A store opened for one test, with what it lives in (a folder, a schema) dropped after it.
pub(crate) struct Opened {
    pub store: Option<Store>,
    _dir: tempfile::TempDir,
    schema: Option<(String, String)>,
}

impl Opened {
    pub fn store(&self) -> &Store {
        self.store.as_ref().expect("open until dropped")
    }
}

impl Drop for Opened {
    fn drop(&mut self) {
        self.store = None;
        if let Some((url, schema)) = &self.schema
            && let Ok(mut c) = ::postgres::Client::connect(url, ::postgres::NoTls)
        {
            let _ = c.batch_execute(&format!("DROP SCHEMA \"{schema}\" CASCADE"));
        }
    }
}

pub(crate) fn open_redb() -> Option<Opened> {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("loket.redb")).unwrap();
    Some(Opened {
        store: Some(store),
        _dir: dir,
        schema: None,
    })
}

/// A fresh schema in the database `LOKET_TEST_PG` names, and a store in it; `None` (the test
/// skips, saying so) when it names none.
pub(crate) fn open_postgres() -> Option<Opened> {
    let Ok(url) = std::env::var("LOKET_TEST_PG") else {
        eprintln!("skipped: LOKET_TEST_PG is not set (bash .ci/setup-postgres.sh makes one)");
        return None;
    };
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let schema = format!(
        "t_{}_{}_{}",
        std::process::id(),
        N.fetch_add(1, std::sync::atomic::Ordering::SeqCst),
        jiff::Timestamp::now().as_millisecond()
    );
    let mut c = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
    c.batch_execute(&format!("CREATE SCHEMA \"{schema}\""))
        .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    let in_schema = format!("{url}{sep}options=-c%20search_path%3D{schema}");
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_postgres(&in_schema, &dir.path().join("loket.redb")).unwrap();
    Some(Opened {
        store: Some(store),
        _dir: dir,
        schema: Some((url, schema)),
    })
}

/// Every body below, as a `#[test]` on the store `$open` gives.
macro_rules! contract_tests {
    ($open:path) => {
        contract_tests!(@each $open;
            requests_are_found_by_the_time_of_any_of_their_steps,
            a_nik_is_held_by_one_pending_or_active_member,
            member_numbers_are_never_given_twice,
            a_step_on_a_request_changed_since_it_was_read_is_refused,
            every_write_leaves_its_line_in_the_audit_log,
            the_change_counter_grows_with_every_write,
            a_new_photo_keeps_the_one_it_replaces,
            a_photo_is_stored_with_its_preview_and_erased_with_it,
            reads_in_one_scope_read_what_is_there,
            a_member_scanned_twice_in_the_window_counts_once,
            members_are_found_by_name_words_and_nik,
            a_scan_is_read_in_one_go_as_read_by_read,
        );
    };
    (@each $open:path; $($test:ident),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                let Some(opened) = $open() else { return };
                super::$test(opened.store());
            }
        )*
    };
}

mod on_redb {
    contract_tests!(super::open_redb);
}

mod on_postgres {
    contract_tests!(super::open_postgres);
}

fn desk_at<T>(store: &Store, t: &str, f: impl FnOnce(&Desk) -> T) -> T {
    let config: Config = toml::from_str("timezone = \"UTC\"\n").unwrap();
    let clock = Clock::new(TimeZone::UTC, Some(at(t)));
    let actor = Actor {
        user: "rina".into(),
        terminal: "loket-1".into(),
    };
    f(&Desk::new(store, &config, &clock, actor))
}

fn requests_are_found_by_the_time_of_any_of_their_steps(store: &Store) {
    let (a, b) = three_steps(store);
    assert_eq!(
        found(store, "09:30", "10:30"),
        [a.as_str()],
        "called at 10:00"
    );
    assert_eq!(found(store, "08:30", "09:30"), [b.as_str()]);
    assert_eq!(
        found(store, "07:00", "08:00"),
        Vec::<String>::new(),
        "end excluded"
    );
    assert_eq!(
        found(store, "08:00", "08:01"),
        [a.as_str()],
        "start included"
    );
    assert_eq!(found(store, "07:00", "11:00"), [a, b], "each request once");
}

fn a_nik_is_held_by_one_pending_or_active_member(store: &Store) {
    let draft = demo::made_up_draft(0, 3);
    let first = desk_at(store, "08:00", |d| d.register(&draft, Source::Counter)).unwrap();
    let again = desk_at(store, "08:05", |d| d.register(&draft, Source::Counter));
    match again {
        Err(crate::service::ServiceError::Store(StoreError::DuplicateNik { existing })) => {
            assert_eq!(existing, first.member.member_no.to_string());
        }
        other => panic!(
            "expected the NIK refused, got {:?}",
            other.map(|r| r.member)
        ),
    }
    assert_eq!(store.member_count().unwrap(), 1, "nothing half-written");
    let nik = first.member.nik.clone().unwrap();
    let holder = store.nik_holder(nik.as_str(), None).unwrap().unwrap();
    assert_eq!(holder.member_no, first.member.member_no);
    assert!(
        store
            .nik_holder(nik.as_str(), Some(first.member.member_no.as_str()))
            .unwrap()
            .is_none()
    );
}

fn member_numbers_are_never_given_twice(store: &Store) {
    let nos: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|t| {
                s.spawn(move || {
                    (0..5)
                        .map(|i| {
                            let draft = demo::made_up_draft(t * 5 + i, 3);
                            desk_at(store, "08:00", |d| d.register(&draft, Source::Counter))
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
    assert_eq!(store.member_count().unwrap(), 20);
    assert_eq!(store.members().unwrap().len(), 20);
}

fn a_step_on_a_request_changed_since_it_was_read_is_refused(store: &Store) {
    let (a, _) = three_steps(store);
    let read = store.current_request_for(&a).unwrap().unwrap();
    let actor = Actor {
        user: "budi".into(),
        terminal: "loket-2".into(),
    };
    let stale = store.save_reassignment(&read, read.version - 1, &actor, at("11:00"), "x");
    match stale {
        Err(StoreError::Conflict { by, terminal, .. }) => {
            assert_eq!((by.as_str(), terminal.as_str()), ("rina", "loket-1"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    store
        .save_reassignment(&read, read.version, &actor, at("11:00"), "x")
        .unwrap();
}

fn every_write_leaves_its_line_in_the_audit_log(store: &Store) {
    let (a, b) = three_steps(store);
    let log = store.audit_log(10).unwrap();
    let lines: Vec<(&str, &str)> = log
        .iter()
        .map(|e| (e.action.as_str(), e.subject.as_str()))
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0], ("register", a.as_str()));
    assert_eq!(lines[1], ("register", b.as_str()));
    assert_eq!(lines[2].1, a.as_str());
    assert!(log.windows(2).all(|w| w[0].seq < w[1].seq), "newest last");
    assert_eq!(store.audit_log(1).unwrap(), log[2..]);
    let only_b = store.audit_matching(5, |e| e.subject == b).unwrap();
    assert_eq!(only_b.len(), 1);
}

fn the_change_counter_grows_with_every_write(store: &Store) {
    let before = store.changes().unwrap();
    three_steps(store);
    let after = store.changes().unwrap();
    assert!(after >= before + 3, "{before} then {after}");
}

fn a_new_photo_keeps_the_one_it_replaces(store: &Store) {
    let (a, _) = three_steps(store);
    let actor = Actor {
        user: "rina".into(),
        terminal: "loket-1".into(),
    };
    let put = |bytes: &[u8], original: Option<&[u8]>| {
        let w = PhotoWrite {
            stored: bytes,
            original,
        };
        store.put_photo(&a, &w, &actor, at("11:00")).unwrap();
    };
    put(b"first", Some(b"raw"));
    put(b"second", None);
    assert_eq!(store.photo(&a).unwrap().as_deref(), Some(&b"second"[..]));
    assert_eq!(
        store.photo_original(&a).unwrap().as_deref(),
        Some(&b"raw"[..])
    );
    assert_eq!(store.photo_history(&a).unwrap(), vec![b"first".to_vec()]);
    let w = PhotoWrite {
        stored: b"x",
        original: None,
    };
    assert!(matches!(
        store.put_photo("NOPE", &w, &actor, at("11:00")),
        Err(StoreError::NotFound(_))
    ));
}

/// A 600×800 JPEG, as `photo::process` stores them.
pub(crate) fn stored_photo(blue: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(600, 800, |x, y| {
        image::Rgb([(x / 3) as u8, (y / 4) as u8, blue])
    });
    crate::photo::decode::tests::jpeg(&img, 90)
}

fn a_photo_is_stored_with_its_preview_and_erased_with_it(store: &Store) {
    let (a, b) = three_steps(store);
    let actor = Actor {
        user: "rina".into(),
        terminal: "loket-1".into(),
    };
    let put = |jpeg: &[u8]| {
        let w = PhotoWrite {
            stored: jpeg,
            original: None,
        };
        store.put_photo(&a, &w, &actor, at("11:00")).unwrap();
    };
    let preview_of = |jpeg: &[u8]| crate::photo::preview::make(jpeg).unwrap();
    put(&stored_photo(90));
    assert_eq!(
        store.photo_preview(&a).unwrap(),
        Some(preview_of(&stored_photo(90)))
    );
    assert_eq!(
        store.photo_preview(&b).unwrap(),
        None,
        "no photo, no preview"
    );
    // A new photo brings its own preview; one that does not decode, none.
    put(&stored_photo(200));
    assert_eq!(
        store.photo_preview(&a).unwrap(),
        Some(preview_of(&stored_photo(200)))
    );
    put(b"not a jpeg");
    assert_eq!(store.photo_preview(&a).unwrap(), None);
    put(&stored_photo(90));
    store
        .erase_member(&a, &actor, at("12:00"), "asked to")
        .unwrap();
    assert_eq!(store.photo_preview(&a).unwrap(), None);
}

/// A scope's reads give what reads outside it give, a scope inside one joins it, and a write
/// made inside one (which `f` should not do) is not lost.
fn reads_in_one_scope_read_what_is_there(store: &Store) {
    let (a, b) = three_steps(store);
    let outside = (
        store.member(&a).unwrap(),
        store.current_request_for(&b).unwrap(),
    );
    let inside = store
        .reading(|| -> Result<_, StoreError> {
            let m = store.member(&a)?;
            let r = store.reading(|| store.current_request_for(&b))?;
            Ok((m, r))
        })
        .unwrap();
    assert_eq!(format!("{inside:?}"), format!("{outside:?}"));
    let actor = Actor {
        user: "rina".into(),
        terminal: "loket-1".into(),
    };
    let w = PhotoWrite {
        stored: b"in the scope",
        original: None,
    };
    store
        .reading(|| store.put_photo(&a, &w, &actor, at("11:00")))
        .unwrap();
    assert_eq!(
        store.photo(&a).unwrap().as_deref(),
        Some(&b"in the scope"[..])
    );
    // An error inside a scope ends it: the reads after it work.
    let refused = store.reading(|| -> Result<(), StoreError> {
        store.member(&a)?;
        Err(StoreError::NotFound("on purpose".into()))
    });
    assert!(refused.is_err());
    assert!(store.member(&b).unwrap().is_some());
}

fn a_member_scanned_twice_in_the_window_counts_once(store: &Store) {
    let (a, _) = three_steps(store);
    let no = crate::domain::member_no::MemberNo::new(a.clone());
    let day = at("10:00").to_zoned(TimeZone::UTC).date();
    let visit = |t: &str| Visit {
        visitor: Visitor::Member(no.clone()),
        at: at(t),
        terminal: "pintu".into(),
    };
    let since = at("09:00");
    assert_eq!(
        store
            .record_member_visit(day, &visit("10:00"), &[day], since)
            .unwrap(),
        None
    );
    assert_eq!(
        store
            .record_member_visit(day, &visit("10:10"), &[day], since)
            .unwrap(),
        Some(at("10:00"))
    );
    assert_eq!(store.visits_on(day).unwrap(), vec![visit("10:00")]);
    assert_eq!(
        store.last_visit_since(&a, &[day], since).unwrap(),
        Some(at("10:00"))
    );
    assert_eq!(
        store.last_visit_since(&a, &[day], at("10:00")).unwrap(),
        None
    );
}

fn members_are_found_by_name_words_and_nik(store: &Store) {
    let (a, _) = three_steps(store);
    let m = store.member(&a).unwrap().unwrap();
    let words: Vec<&str> = m.full_name.split_whitespace().collect();
    let prefix: String = words[0].chars().take(3).collect::<String>().to_lowercase();
    let hits = store.search_members(&prefix, 10).unwrap();
    assert!(hits.iter().any(|h| h.member_no == m.member_no), "{prefix}");
    let nik = m.nik.clone().unwrap();
    let by_nik = store.search_members(nik.as_str(), 10).unwrap();
    assert_eq!(by_nik.len(), 1);
    assert_eq!(by_nik[0].member_no, m.member_no);
    assert_eq!(
        store.search_members(&a, 10).unwrap()[0].member_no,
        m.member_no
    );
    let many = store.members_many(&[a.as_str(), "NOPE"]).unwrap();
    assert!(many[0].is_some() && many[1].is_none());
}

/// The front desk's look-up in one go ([`Store::scanned`]: one statement on PostgreSQL) gives
/// what the areas' reads one by one give, for an old card's serial and the new one's in any
/// case, a bare member number, a member without card or photo, a visit inside the window and
/// one just outside it, a code nobody has, and a member erased.
fn a_scan_is_read_in_one_go_as_read_by_read(store: &Store) {
    use crate::domain::workflow::{Action, RequestKind, RequestState};
    let (a, b) = three_steps(store);
    // A's first card handed over, then a replacement printed: two cards, the request open.
    desk_at(store, "10:05", |d| {
        let print = |d: &Desk| {
            d.take_photo(&a, &demo::portrait(&a), None).unwrap();
            d.verify(&a, &crate::service::Verification::default())
                .unwrap();
            let r = d.open_request(&a).unwrap();
            d.record_print(&r, None).unwrap();
        };
        print(d);
        d.act(&a, Action::Laminate).unwrap();
        let handover = Action::HandOver {
            received_by: "Anggota".into(),
            representative: false,
        };
        d.act(&a, handover).unwrap();
        d.start(&a, RequestKind::Replacement, Source::Counter)
            .unwrap();
        d.call(&a).unwrap();
        print(d);
    });
    let day = at("10:30").to_zoned(TimeZone::UTC).date();
    let visit = Visit {
        visitor: Visitor::Member(crate::domain::member_no::MemberNo::new(a.clone())),
        at: at("10:30"),
        terminal: "pintu".into(),
    };
    store
        .record_member_visit(day, &visit, &[day], at("09:30"))
        .unwrap();
    let spelt = |code: &str| crate::service::cards::spellings(code);
    let both = |code: &str, since: &str| {
        let one_go = store.scanned(&spelt(code), &[day], at(since)).unwrap();
        let by_read = store
            .scanned_read_by_read(&spelt(code), &[day], at(since))
            .unwrap();
        assert_eq!(one_go, by_read, "{code} since {since}");
        one_go
    };
    let old = both(&format!("{a}-01"), "10:00").expect("the old card's member");
    assert_eq!(old.card.map(|c| c.serial), Some(format!("{a}-01")));
    assert_eq!(old.cards.len(), 2);
    assert_eq!(old.last_visit, Some(at("10:30")));
    assert_eq!(old.request.map(|r| r.state), Some(RequestState::Printed));
    assert!(old.photo.is_some() && old.preview.is_some());
    for code in [
        format!("{a}-02"),
        format!("{a}-02").to_lowercase(),
        a.to_lowercase(),
    ] {
        both(&code, "10:00").expect("A");
    }
    let bare = both(&a, "10:30").expect("A by number");
    assert_eq!((bare.card, bare.last_visit), (None, None));
    let plain = both(&b, "10:00").expect("B");
    assert!(plain.cards.is_empty() && plain.photo.is_none() && plain.preview.is_none());
    assert_eq!(plain.request.map(|r| r.member_no.to_string()), Some(b));
    assert_eq!(both("NOBODY-01", "10:00"), None);
    let actor = Actor {
        user: "rina".into(),
        terminal: "loket-1".into(),
    };
    store
        .erase_member(&a, &actor, at("11:00"), "asked to")
        .unwrap();
    both(&format!("{a}-02"), "10:00");
    both(&a, "10:00");
}
