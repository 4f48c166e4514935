//! The period a report covers: whole local days, from the first day's midnight to the
//! midnight after the last, in the library's time zone.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use serde::Serialize;

use crate::i18n::{Lang, Localized};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    Day,
    Month,
    /// Any run of days (`--from D --to D`), a week for the dashboard.
    Range,
}

/// Whole local days `first..=last`; `start..end` is the same span as instants (end excluded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    pub kind: PeriodKind,
    pub first: Date,
    pub last: Date,
    pub start: Timestamp,
    pub end: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("date '{0}' is not YYYY-MM-DD")]
    BadDate(String),
    #[error("month '{0}' is not YYYY-MM")]
    BadMonth(String),
    #[error("the period ends ({last}) before it starts ({first})")]
    Reversed { first: Date, last: Date },
}

impl Localized for PeriodError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            PeriodError::BadDate(s) => {
                crate::t!(lang, "report-period-bad-date", input = s.as_str())
            }
            PeriodError::BadMonth(s) => {
                crate::t!(lang, "report-period-bad-month", input = s.as_str())
            }
            PeriodError::Reversed { first, last } => crate::t!(
                lang,
                "report-period-reversed",
                first = first.to_string(),
                last = last.to_string()
            ),
        }
    }
}

/// Local midnight at the start of `d`. A zone whose clocks skip midnight gives the first
/// instant of the day that exists (jiff's compatible disambiguation).
fn midnight(d: Date, tz: &TimeZone) -> Timestamp {
    d.to_zoned(tz.clone())
        .map(|z| z.timestamp())
        // Only dates at the very ends of jiff's range fail; a report never asks for them.
        .unwrap_or(Timestamp::MAX)
}

impl Period {
    /// The days `first..=last`.
    pub fn days(first: Date, last: Date, tz: &TimeZone) -> Result<Period, PeriodError> {
        if last < first {
            return Err(PeriodError::Reversed { first, last });
        }
        Ok(Period::of(PeriodKind::Range, first, last, tz))
    }

    pub fn day(d: Date, tz: &TimeZone) -> Period {
        Period::of(PeriodKind::Day, d, d, tz)
    }

    /// The calendar month that holds `d`.
    pub fn month(d: Date, tz: &TimeZone) -> Period {
        Period::of(PeriodKind::Month, d.first_of_month(), d.last_of_month(), tz)
    }

    /// Monday to Sunday around `d`: "this week" on the dashboard.
    pub fn week(d: Date, tz: &TimeZone) -> Period {
        let monday = d.saturating_sub(i64::from(d.weekday().to_monday_zero_offset()).days());
        Period::of(
            PeriodKind::Range,
            monday,
            monday.saturating_add(6.days()),
            tz,
        )
    }

    fn of(kind: PeriodKind, first: Date, last: Date, tz: &TimeZone) -> Period {
        Period {
            kind,
            first,
            last,
            start: midnight(first, tz),
            end: midnight(last.saturating_add(1.days()), tz),
        }
    }

    pub fn contains(&self, t: Timestamp) -> bool {
        self.start <= t && t < self.end
    }

    /// Every date of the period, in order.
    pub fn dates(&self) -> impl Iterator<Item = Date> + '_ {
        self.first.series(1.day()).take_while(|d| *d <= self.last)
    }
}

/// A date as the CLI takes it: `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<Date, PeriodError> {
    s.trim()
        .parse()
        .map_err(|_| PeriodError::BadDate(s.trim().to_string()))
}

/// A month as the CLI takes it: `YYYY-MM`, or any date in it.
pub fn parse_month(s: &str) -> Result<Date, PeriodError> {
    let t = s.trim();
    if let Ok(d) = t.parse::<Date>() {
        return Ok(d.first_of_month());
    }
    format!("{t}-01")
        .parse::<Date>()
        .map_err(|_| PeriodError::BadMonth(t.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn jakarta() -> TimeZone {
        TimeZone::get("Asia/Jakarta").unwrap()
    }

    #[test]
    fn a_day_runs_from_local_midnight_to_the_next() {
        let p = Period::day(date(2026, 11, 28), &jakarta());
        // Jakarta is UTC+7: local midnight is 17:00 UTC the day before.
        assert_eq!(p.start, "2026-11-27T17:00:00Z".parse().unwrap());
        assert_eq!(p.end, "2026-11-28T17:00:00Z".parse().unwrap());
        assert!(p.contains("2026-11-27T17:00:00Z".parse().unwrap()));
        assert!(!p.contains("2026-11-28T17:00:00Z".parse().unwrap()));
        assert_eq!(p.dates().count(), 1);
    }

    #[test]
    fn a_month_is_the_calendar_month_of_any_day_in_it() {
        let p = Period::month(date(2026, 2, 17), &TimeZone::UTC);
        assert_eq!((p.first, p.last), (date(2026, 2, 1), date(2026, 2, 28)));
        assert_eq!(p.dates().count(), 28);
        assert_eq!(parse_month("2026-02").unwrap(), date(2026, 2, 1));
        assert_eq!(parse_month("2026-02-17").unwrap(), date(2026, 2, 1));
        assert!(matches!(parse_month("Feb"), Err(PeriodError::BadMonth(_))));
    }

    #[test]
    fn a_week_starts_on_monday_and_ranges_must_run_forwards() {
        // 28 Nov 2026 is a Saturday.
        let w = Period::week(date(2026, 11, 28), &TimeZone::UTC);
        assert_eq!((w.first, w.last), (date(2026, 11, 23), date(2026, 11, 29)));
        assert_eq!(
            Period::days(date(2026, 11, 2), date(2026, 11, 1), &TimeZone::UTC),
            Err(PeriodError::Reversed {
                first: date(2026, 11, 2),
                last: date(2026, 11, 1)
            })
        );
        assert!(matches!(
            parse_date("28-11-2026"),
            Err(PeriodError::BadDate(_))
        ));
        assert!(
            PeriodError::BadDate("x".into())
                .localized(Lang::En)
                .contains("2026-11-28")
        );
    }
}
