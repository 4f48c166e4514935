//! The words of the reports in Indonesian and English: step and source names, months, the
//! period as a heading.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::period::{Period, PeriodKind};
use crate::domain::workflow::{Source, Step};
use crate::i18n::Lang;

pub fn step_name(step: Step, lang: Lang) -> &'static str {
    match step {
        Step::Register => lang.text("report-labels-step-register"),
        Step::Report => lang.text("report-labels-step-report"),
        Step::Photo => lang.text("report-labels-step-photo"),
        Step::Verify => lang.text("report-labels-step-verify"),
        Step::Print => lang.text("report-labels-step-print"),
        Step::Laminate => lang.text("report-labels-step-laminate"),
        Step::Handover => lang.text("report-labels-step-handover"),
        Step::Receipt => lang.text("report-labels-step-receipt"),
        Step::FirstScan => lang.text("report-labels-step-first-scan"),
    }
}

pub fn source_name(source: Source, lang: Lang) -> &'static str {
    match source {
        Source::Counter => lang.text("report-labels-counter"),
        Source::Online => lang.text("report-labels-online"),
        Source::Import => lang.text("report-labels-import"),
    }
}

fn month_name(month: i8, lang: Lang) -> &'static str {
    match month.clamp(1, 12) {
        1 => lang.text("report-labels-january"),
        2 => lang.text("report-labels-february"),
        3 => lang.text("report-labels-march"),
        4 => lang.text("report-labels-april"),
        5 => lang.text("report-labels-may"),
        6 => lang.text("report-labels-june"),
        7 => lang.text("report-labels-july"),
        8 => lang.text("report-labels-august"),
        9 => lang.text("report-labels-september"),
        10 => lang.text("report-labels-october"),
        11 => lang.text("report-labels-november"),
        _ => lang.text("report-labels-december"),
    }
}

/// `28 November 2026`.
pub fn long_date(d: Date, lang: Lang) -> String {
    format!("{} {} {}", d.day(), month_name(d.month(), lang), d.year())
}

/// The period as a report heading: a day, a month, or a run of days.
pub fn period_label(p: &Period, lang: Lang) -> String {
    match p.kind {
        PeriodKind::Day => long_date(p.first, lang),
        PeriodKind::Month => format!("{} {}", month_name(p.first.month(), lang), p.first.year()),
        PeriodKind::Range if p.first == p.last => long_date(p.first, lang),
        PeriodKind::Range => format!(
            "{} {} {}",
            long_date(p.first, lang),
            lang.text("report-labels-to"),
            long_date(p.last, lang)
        ),
    }
}

/// The report's title: daily, monthly, or for a run of days.
pub fn report_title(p: &Period, lang: Lang) -> &'static str {
    match p.kind {
        PeriodKind::Day => lang.text("report-labels-daily-report-membership-cards"),
        PeriodKind::Month => lang.text("report-labels-monthly-report-membership-cards"),
        PeriodKind::Range => lang.text("report-labels-report-membership-cards"),
    }
}

pub fn register_title(lang: Lang) -> &'static str {
    lang.text("report-labels-membership-card-receipt-register")
}

/// `28-11-2026 09:15` in the library's zone.
pub fn local_time(t: Timestamp, tz: &TimeZone, format: &str) -> String {
    t.to_zoned(tz.clone()).strftime(format).to_string()
}

/// A duration as minutes and seconds (`2:30`), with hours when it has them (`1:02:05`).
pub fn duration_text(d: Option<jiff::SignedDuration>) -> String {
    let Some(d) = d else {
        return "–".into();
    };
    let s = d.as_secs();
    let (sign, s) = if s < 0 { ("-", -s) } else { ("", s) };
    if s >= 3600 {
        format!("{sign}{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
    } else {
        format!("{sign}{}:{:02}", s / 60, s % 60)
    }
}

/// A share as a whole percentage (`67%`), or a dash for none.
pub fn share_text(share: Option<f64>) -> String {
    share.map_or_else(|| "–".into(), |s| format!("{:.0}%", s * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::SignedDuration;
    use jiff::civil::date;

    #[test]
    fn durations_shares_and_periods_read_as_people_write_them() {
        assert_eq!(duration_text(Some(SignedDuration::from_secs(150))), "2:30");
        assert_eq!(
            duration_text(Some(SignedDuration::from_secs(3725))),
            "1:02:05"
        );
        assert_eq!(duration_text(None), "–");
        assert_eq!(share_text(Some(2.0 / 3.0)), "67%");
        let m = Period::month(date(2026, 2, 3), &TimeZone::UTC);
        assert_eq!(period_label(&m, Lang::Id), "Februari 2026");
        assert_eq!(period_label(&m, Lang::En), "February 2026");
        let r = Period::days(date(2026, 11, 1), date(2026, 11, 7), &TimeZone::UTC).unwrap();
        assert_eq!(
            period_label(&r, Lang::Id),
            "1 November 2026 s.d. 7 November 2026"
        );
    }
}
