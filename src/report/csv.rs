//! The report and the register as CSV for spreadsheets. The report is in long ("tidy")
//! form, one value per line with a `section` column, so every table fits one sheet and a
//! pivot table gets any view back; the register is one line per handover.

use jiff::tz::TimeZone;

use super::handover::RegisterEntry;
use super::labels::local_time;
use super::sheet::Table;
use super::summary::Summary;

/// Columns: `section,key,label,measure,value`. The first section, `report`, says the
/// period and when the report was made; durations are whole seconds, shares fractions.
pub fn summary_csv(s: &Summary, tables: &[Table]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut put = |rec: [&str; 5]| w.write_record(rec).expect("writing to memory");
    put(["section", "key", "label", "measure", "value"]);
    let first = s.period.first.to_string();
    let last = s.period.last.to_string();
    let generated = s.generated_at.to_string();
    put(["report", "period", "", "first", &first]);
    put(["report", "period", "", "last", &last]);
    put(["report", "generated_at", "", "at", &generated]);
    for t in tables {
        for r in &t.rows {
            let label = r.cells.first().map(|c| c.display()).unwrap_or_default();
            for (c, cell) in t.columns.iter().zip(&r.cells).skip(1) {
                put([t.id, &r.key, &label, c.id, &cell.machine()]);
            }
        }
    }
    String::from_utf8(w.into_inner().expect("writing to memory")).expect("CSV of UTF-8 text")
}

/// One line per handover, oldest first, numbered as in the printed register.
pub fn register_csv(entries: &[RegisterEntry], tz: &TimeZone) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut put = |rec: &[&str]| w.write_record(rec).expect("writing to memory");
    put(&[
        "no",
        "date",
        "time",
        "member_no",
        "name",
        "card_serial",
        "kind",
        "clerk",
        "clerk_name",
        "received_by",
        "representative",
        "terminal",
    ]);
    for (i, e) in entries.iter().enumerate() {
        let h = &e.handover;
        put(&[
            &(i + 1).to_string(),
            &local_time(h.at, tz, "%Y-%m-%d"),
            &local_time(h.at, tz, "%H:%M:%S"),
            h.member_no.as_str(),
            &e.name,
            h.card_serial.as_deref().unwrap_or(""),
            h.kind.code(),
            &h.clerk,
            &e.clerk_name,
            &h.received_by,
            if h.representative { "yes" } else { "no" },
            &h.terminal,
        ]);
    }
    String::from_utf8(w.into_inner().expect("writing to memory")).expect("CSV of UTF-8 text")
}
