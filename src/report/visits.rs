//! Visitor figures from the visitor book: by day, by hour, by member type, and guests. A
//! visit is counted as people: a member's scan is one, a guest group counts each person.

use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::period::Period;
use crate::domain::member_no::MemberNo;
use crate::domain::visit::{Visit, Visitor};
use crate::service::frontdesk::DayCount;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VisitFigures {
    pub total: DayCount,
    /// Every date of the period, days without visits included (a closed day shows as 0).
    pub by_day: Vec<(Date, DayCount)>,
    /// People per local hour of arrival, 0–23.
    pub by_hour: [u32; 24],
    /// Member visits per member type code, most first (then by code). A member no longer in
    /// the store is counted under an empty code.
    pub by_type: Vec<(String, u32)>,
    /// Guest entries in the book (a group is one entry); the people are `total.guests`.
    pub guest_entries: u32,
}

/// People per local hour of arrival (0–23) in the library's time zone.
pub fn visits_by_hour<'a>(visits: impl IntoIterator<Item = &'a Visit>, tz: &TimeZone) -> [u32; 24] {
    let mut hours = [0u32; 24];
    for v in visits {
        let h = v.at.to_zoned(tz.clone()).hour();
        hours[h as usize] += v.people();
    }
    hours
}

/// The figures of the visits in `period`. `member_type` gives a member's type code (the
/// caller looks it up once per member); visits outside the period are left out.
pub fn visit_figures(
    visits: &[Visit],
    period: &Period,
    tz: &TimeZone,
    member_type: impl Fn(&MemberNo) -> Option<String>,
) -> VisitFigures {
    let inside: Vec<&Visit> = visits.iter().filter(|v| period.contains(v.at)).collect();
    let mut days: BTreeMap<Date, DayCount> =
        period.dates().map(|d| (d, DayCount::default())).collect();
    let mut types: BTreeMap<String, u32> = BTreeMap::new();
    let mut total = DayCount::default();
    let mut guest_entries = 0;
    for v in &inside {
        total.add(v);
        days.entry(v.at.to_zoned(tz.clone()).date())
            .or_default()
            .add(v);
        match &v.visitor {
            Visitor::Member(no) => {
                *types
                    .entry(member_type(no).unwrap_or_default())
                    .or_default() += 1
            }
            Visitor::Guest(_) => guest_entries += 1,
        }
    }
    let mut by_type: Vec<(String, u32)> = types.into_iter().collect();
    by_type.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    VisitFigures {
        total,
        by_day: days.into_iter().collect(),
        by_hour: visits_by_hour(inside.iter().copied(), tz),
        by_type,
        guest_entries,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::visit::Guest;
    use crate::report::fixture::{at, the_day};

    fn member(no: &str, t: jiff::Timestamp) -> Visit {
        Visit {
            visitor: Visitor::Member(MemberNo::new(no)),
            at: t,
            terminal: "meja-depan".into(),
        }
    }

    #[test]
    fn by_day_hour_type_and_guests() {
        let visits = vec![
            member("A", at(-1, 59)),
            member("A", at(9, 5)),
            member("B", at(9, 40)),
            Visit {
                visitor: Visitor::Guest(Guest {
                    name: "Rombongan SD".into(),
                    institution: "SDN 1".into(),
                    purpose: "kunjungan".into(),
                    group_size: 3,
                }),
                at: at(10, 15),
                terminal: "meja-depan".into(),
            },
            member("A", at(13, 0)),
            member("C", at(13, 30)),
        ];
        let type_of = |no: &MemberNo| match no.as_str() {
            "A" => Some("umum".to_string()),
            "B" => Some("pelajar".to_string()),
            _ => None,
        };
        let f = visit_figures(&visits, &the_day(), &TimeZone::UTC, type_of);
        // The visit at 23:59 the day before is outside. People: 1+1+3+1+1 = 7.
        let want = DayCount {
            people: 7,
            members: 4,
            guests: 3,
        };
        assert_eq!(f.total, want);
        assert_eq!(f.by_day, vec![(jiff::civil::date(2026, 11, 28), want)]);
        let mut hours = [0u32; 24];
        hours[9] = 2;
        hours[10] = 3;
        hours[13] = 2;
        assert_eq!(f.by_hour, hours);
        assert_eq!(
            f.by_type,
            vec![
                ("umum".into(), 2),
                (String::new(), 1),
                ("pelajar".into(), 1)
            ]
        );
        assert_eq!(f.guest_entries, 1);
    }

    #[test]
    fn an_empty_month_lists_every_day_with_zero() {
        let p = Period::month(jiff::civil::date(2026, 2, 1), &TimeZone::UTC);
        let f = visit_figures(&[], &p, &TimeZone::UTC, |_| None);
        assert_eq!(f.by_day.len(), 28);
        assert!(f.by_day.iter().all(|(_, c)| *c == DayCount::default()));
        assert_eq!(f.by_hour, [0; 24]);
        assert!(f.by_type.is_empty());
    }
}
