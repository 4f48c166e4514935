//! The report and the register for a terminal (80 columns), in the reader's language.

use jiff::tz::TimeZone;

use super::handover::RegisterEntry;
use super::labels::{local_time, long_date, period_label, register_title, report_title};
use super::period::Period;
use super::sheet::Table;
use super::summary::Summary;
use super::tables::register_table;
use crate::config::Library;
use crate::i18n::Lang;

/// The lines above every report: library, title, period, when it was made.
pub fn heading(
    library: &Library,
    title: &str,
    period: &Period,
    generated: &str,
    lang: Lang,
) -> String {
    format!(
        "{}\n{title} — {}\n{generated}\n",
        library.name,
        period_label(period, lang)
    )
}

/// "Dibuat 28-11-2026 09:15" in the library's zone.
pub fn generated_line(at: jiff::Timestamp, tz: &TimeZone, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.text("report-text-generated"),
        local_time(at, tz, "%d-%m-%Y %H:%M")
    )
}

/// What an empty period says, with what to try next.
pub fn nothing_in(period: &Period, lang: Lang) -> String {
    crate::t!(
        lang,
        "report-text-nothing-in",
        period = period_label(period, lang)
    )
}

pub fn no_handovers(period: &Period, lang: Lang) -> String {
    crate::t!(
        lang,
        "report-text-no-handovers",
        period = period_label(period, lang)
    )
}

pub fn summary_text(
    s: &Summary,
    tables: &[Table],
    library: &Library,
    tz: &TimeZone,
    lang: Lang,
) -> String {
    let mut out = heading(
        library,
        report_title(&s.period, lang),
        &s.period,
        &generated_line(s.generated_at, tz, lang),
        lang,
    );
    if s.is_empty() {
        out.push_str(&format!("\n{}\n", nothing_in(&s.period, lang)));
    }
    for t in tables {
        out.push('\n');
        out.push_str(&t.text());
    }
    out
}

/// The register: a heading line per date, then that day's numbered handovers.
pub fn register_text(
    entries: &[RegisterEntry],
    period: &Period,
    library: &Library,
    generated: &str,
    tz: &TimeZone,
    lang: Lang,
) -> String {
    let mut out = heading(library, register_title(lang), period, generated, lang);
    if entries.is_empty() {
        out.push_str(&format!("\n{}\n", no_handovers(period, lang)));
        return out;
    }
    let table = register_table(entries, tz, lang, false);
    let mut day = String::new();
    for (i, r) in table.rows.iter().enumerate() {
        if r.key != day {
            day = r.key.clone();
            let date = entries[i].handover.at.to_zoned(tz.clone()).date();
            let one_day = Table {
                title: format!("\n{}", long_date(date, lang)),
                rows: table
                    .rows
                    .iter()
                    .filter(|x| x.key == day)
                    .cloned()
                    .collect(),
                ..table.clone()
            };
            out.push_str(&one_day.text());
        }
    }
    if entries.iter().any(|e| e.handover.representative) {
        out.push_str(lang.text("report-text-received-by-a-representative-not-the"));
    }
    out.push_str(&format!(
        "\n{}: {}\n",
        lang.text("report-text-cards-handed-over"),
        entries.len()
    ));
    out
}
