//! Two clerks act on the same request at once: one wins, the other is told who did what,
//! and nothing is half-written. Each clerk has a store handle of its own on the same file, as
//! two counter PCs' processes would — on a redb file, and on PostgreSQL when `LOKET_TEST_PG` is
//! set.

mod common;

use common::TestStore;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use loket::config::{Clock, Config};
use loket::domain::member::{Address, MemberDraft};
use loket::domain::workflow::{Action, Actor, RequestState, Source};
use loket::i18n::{Lang, Localized};
use loket::service::{Desk, ServiceError};
use loket::store::StoreError;

fn clerk(user: &str, terminal: &str) -> Actor {
    Actor {
        user: user.into(),
        terminal: terminal.into(),
    }
}

#[test]
fn the_second_clerk_gets_a_clear_error_and_the_first_clerks_step_stands() {
    let dir = tempfile::tempdir().unwrap();
    for store in TestStore::each(dir.path(), "second_clerk_told") {
        eprintln!("on {}", store.backend());
        second_clerk_told(&store);
    }
}

fn second_clerk_told(path: &TestStore) {
    let config = Config::default();
    let clock = Clock::new(
        TimeZone::get("Asia/Jakarta").unwrap(),
        Some("2026-11-28T02:00:00Z".parse::<Timestamp>().unwrap()),
    );
    let store_a = path.open();
    let store_b = path.open();
    let rina = Desk::new(&store_a, &config, &clock, clerk("rina", "loket-1"));
    let budi = Desk::new(&store_b, &config, &clock, clerk("budi", "loket-2"));

    let draft = MemberDraft {
        full_name: "Siti Rahayu".into(),
        identity_no: "3515125703050002".into(),
        birth_place: "Sidoarjo".into(),
        birth_date: "2005-03-17".into(),
        sex: "P".into(),
        address: Address {
            street: "Jl. Mawar 3".into(),
            ..Address::default()
        },
        phone: "081234567890".into(),
        mother_name: "Ibu Rekaan".into(),
        ..MemberDraft::default()
    };
    let no = rina
        .register(&draft, Source::Counter)
        .unwrap()
        .member
        .member_no
        .to_string();

    // Both call up the same applicant and see the same version …
    let seen_by_rina = rina.open_request(&no).unwrap();
    let seen_by_budi = budi.open_request(&no).unwrap();
    assert_eq!(seen_by_rina.version, seen_by_budi.version);
    // … Rina acts first: cancelled at the applicant's wish.
    rina.act_on(
        &seen_by_rina,
        Action::Cancel {
            reason: "applicant left".into(),
        },
    )
    .unwrap();
    // Budi's call, computed from what he saw, is refused and names Rina and her counter.
    let err = budi.act_on(&seen_by_budi, Action::Call).unwrap_err();
    match &err {
        ServiceError::Store(StoreError::Conflict { by, terminal, .. }) => {
            assert_eq!((by.as_str(), terminal.as_str()), ("rina", "loket-1"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let msg = err.localized(Lang::Id);
    assert!(msg.contains("rina") && msg.contains("loket-1"), "{msg}");
    assert!(msg.contains("tidak disimpan"), "{msg}");
    assert!(err.localized(Lang::En).contains("was not saved"));

    // The store holds Rina's step only, once.
    let r = store_b.current_request_for(&no).unwrap().unwrap();
    assert_eq!(r.state, RequestState::Cancelled);
    assert_eq!(r.history.len(), 2);
    assert_eq!(r.history[1].by, "rina");
    // Reading again and retrying gives Budi the real reason it cannot be done.
    let again = budi.call(&no).unwrap_err();
    assert!(matches!(again, ServiceError::NoOpenRequest(_)), "{again:?}");
}

/// Two counters correct the same member from the same form contents: the first correction
/// stands, the second is refused naming the first clerk and terminal, and nothing of it is
/// written (the name index still finds the first one's spelling only).
#[test]
fn two_clerks_correcting_one_member_at_once_one_wins_the_other_is_told() {
    let dir = tempfile::tempdir().unwrap();
    for store in TestStore::each(dir.path(), "two_corrections") {
        eprintln!("on {}", store.backend());
        two_corrections(&store);
    }
}

fn two_corrections(path: &TestStore) {
    use loket::domain::correction::draft_of;
    let config = Config::default();
    let clock = Clock::new(
        TimeZone::get("Asia/Jakarta").unwrap(),
        Some("2026-11-28T02:00:00Z".parse::<Timestamp>().unwrap()),
    );
    let store_a = path.open();
    let store_b = path.open();
    let rina = Desk::new(&store_a, &config, &clock, clerk("rina", "loket-1"));
    let budi = Desk::new(&store_b, &config, &clock, clerk("budi", "loket-2"));
    let draft = MemberDraft {
        full_name: "Siti Rahyu".into(),
        identity_no: "3515125703050002".into(),
        birth_place: "Sidoarjo".into(),
        birth_date: "2005-03-17".into(),
        sex: "P".into(),
        address: Address {
            street: "Jl. Mawar 3".into(),
            ..Address::default()
        },
        phone: "081234567890".into(),
        mother_name: "Ibu Rekaan".into(),
        ..MemberDraft::default()
    };
    let no = rina
        .register(&draft, Source::Counter)
        .unwrap()
        .member
        .member_no
        .to_string();
    let seen_by_rina = rina.member(&no).unwrap();
    let seen_by_budi = budi.member(&no).unwrap();
    let mut fixed_a = draft_of(&seen_by_rina);
    fixed_a.full_name = "Siti Rahayu".into();
    let mut fixed_b = draft_of(&seen_by_budi);
    fixed_b.full_name = "Siti Rahayuningsih".into();
    rina.correct_member(&seen_by_rina, &fixed_a, None).unwrap();
    let err = budi
        .correct_member(&seen_by_budi, &fixed_b, None)
        .unwrap_err();
    match &err {
        ServiceError::Store(StoreError::MemberChanged { by, terminal }) => {
            assert_eq!((by.as_str(), terminal.as_str()), ("rina", "loket-1"));
        }
        other => panic!("expected a member conflict, got {other:?}"),
    }
    let msg = err.localized(Lang::Id);
    assert!(
        msg.contains("rina") && msg.contains("tidak disimpan"),
        "{msg}"
    );
    assert_eq!(
        store_b.member(&no).unwrap().unwrap().full_name,
        "Siti Rahayu"
    );
    assert!(
        store_b
            .search_members("rahayuningsih", 5)
            .unwrap()
            .is_empty()
    );
    assert_eq!(store_b.search_members("rahayu", 5).unwrap().len(), 1);
    assert!(store_b.search_members("rahyu", 5).unwrap().is_empty());
}

/// Undoing a new member's verification takes the activation back with it; verified again,
/// the member is active once more.
#[test]
fn an_undone_verification_takes_the_activation_back() {
    let dir = tempfile::tempdir().unwrap();
    for store in TestStore::each(dir.path(), "undone_verification") {
        eprintln!("on {}", store.backend());
        undone_verification(&store);
    }
}

fn undone_verification(at: &TestStore) {
    use loket::domain::member::MemberStatus;
    use loket::domain::staff::Role;
    let store = at.open();
    let config = Config::default();
    let clock = Clock::new(
        TimeZone::get("Asia/Jakarta").unwrap(),
        Some("2026-11-28T02:00:00Z".parse::<Timestamp>().unwrap()),
    );
    let rina = Desk::new(&store, &config, &clock, clerk("rina", "loket-1"));
    let draft = MemberDraft {
        full_name: "Siti Rahayu".into(),
        identity_no: "3515125703050002".into(),
        birth_place: "Sidoarjo".into(),
        birth_date: "2005-03-17".into(),
        sex: "P".into(),
        address: Address {
            street: "Jl. Mawar 3".into(),
            ..Address::default()
        },
        phone: "081234567890".into(),
        mother_name: "Ibu Rekaan".into(),
        ..MemberDraft::default()
    };
    let no = rina
        .register(&draft, Source::Counter)
        .unwrap()
        .member
        .member_no
        .to_string();
    rina.call(&no).unwrap();
    rina.take_photo(&no, &loket::service::demo::portrait("x"), None)
        .unwrap();
    rina.verify(&no, &Default::default()).unwrap();
    assert_eq!(rina.member(&no).unwrap().status, MemberStatus::Active);
    rina.undo_last(&no, Some(Role::Staff), "too soon").unwrap();
    let m = rina.member(&no).unwrap();
    assert_eq!((m.status, m.valid_until), (MemberStatus::Pending, None));
    rina.verify(&no, &Default::default()).unwrap();
    assert_eq!(rina.member(&no).unwrap().status, MemberStatus::Active);
}
