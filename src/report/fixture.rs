//! Requests with timelines set by hand, for the report's unit tests.

use jiff::{Timestamp, ToSpan};

use crate::domain::checklist::Checklist;
use crate::domain::member::IdentityKind;
use crate::domain::member_no::MemberNo;
use crate::domain::workflow::{Action, Actor, CardRequest, RequestKind, Source};

/// 2026-11-28 at `hh:mm` UTC (the tests use the UTC zone).
pub fn at(hh: i64, mm: i64) -> Timestamp {
    let midnight: Timestamp = "2026-11-28T00:00:00Z".parse().unwrap();
    midnight + hh.hours() + mm.minutes()
}

pub fn clerk(name: &str) -> Actor {
    Actor {
        user: name.into(),
        terminal: "loket-1".into(),
    }
}

/// A request registered at `start` and taken through `steps`, each `(seconds after the step
/// before, action, clerk)`.
pub fn walk(
    id: u64,
    source: Source,
    kind: RequestKind,
    start: Timestamp,
    steps: &[(i64, Action, &str)],
) -> CardRequest {
    let mut r = CardRequest::new(
        id,
        MemberNo::new(format!("261128{id:05}")),
        kind,
        source,
        &clerk("rina"),
        start,
    );
    let mut t = start;
    for (secs, action, by) in steps {
        t += secs.seconds();
        r = r.apply(action.clone(), &clerk(by), t).unwrap();
    }
    r
}

/// The six timed steps in order, each taking the given seconds, by `by`, received by the
/// member unless `representative` names someone else.
pub fn through_handover<'a>(
    secs: [i64; 6],
    by: &'a str,
    representative: Option<&str>,
) -> Vec<(i64, Action, &'a str)> {
    let checked = Checklist::all_passed(IdentityKind::Ktp);
    let (received_by, rep) = match representative {
        Some(name) => (name.to_string(), true),
        None => ("the member".to_string(), false),
    };
    let actions = [
        Action::Call,
        Action::TakePhoto,
        Action::Verify(checked),
        Action::Print {
            card_serial: "K-01".into(),
        },
        Action::Laminate,
        Action::HandOver {
            received_by,
            representative: rep,
        },
    ];
    secs.into_iter()
        .zip(actions)
        .map(|(s, a)| (s, a, by))
        .collect()
}

/// Five requests whose figures are worked out by hand in the tests (all times UTC):
/// 1. counter, new, 09:00, steps 60/120/240/300/60/60 s by rina → handed over 09:14
/// 2. counter, new, 09:10, steps 120/240/120/360/180/180 s by budi, to representative
///    "Ibu Sari" → 09:30
/// 3. online, new, 08:00, called after an hour, then 180/180/240/120/90 s by rina → 09:13:30
/// 4. counter, new, registered and called the day before: outside the day
/// 5. counter, renewal, 11:00, by budi: 60/60/60/120, a reprint 60 s later, laminated 60 s
///    after the reprint, handed over 60 s later → 11:08
pub fn five() -> Vec<CardRequest> {
    let r1 = walk(
        1,
        Source::Counter,
        RequestKind::New,
        at(9, 0),
        &through_handover([60, 120, 240, 300, 60, 60], "rina", None),
    );
    let r2 = walk(
        2,
        Source::Counter,
        RequestKind::New,
        at(9, 10),
        &through_handover([120, 240, 120, 360, 180, 180], "budi", Some("Ibu Sari")),
    );
    let r3 = walk(
        3,
        Source::Online,
        RequestKind::New,
        at(8, 0),
        &through_handover([3600, 180, 180, 240, 120, 90], "rina", None),
    );
    let r4 = walk(
        4,
        Source::Counter,
        RequestKind::New,
        at(-14, 0),
        &[(120, Action::Call, "rina")],
    );
    let mut steps = through_handover([60, 60, 60, 120, 60, 60], "budi", None);
    steps.insert(
        4,
        (
            60,
            Action::Reprint {
                reason: "smudged".into(),
            },
            "budi",
        ),
    );
    let r5 = walk(5, Source::Counter, RequestKind::Renewal, at(11, 0), &steps);
    vec![r1, r2, r3, r4, r5]
}

pub fn the_day() -> super::Period {
    super::Period::day(jiff::civil::date(2026, 11, 28), &jiff::tz::TimeZone::UTC)
}
