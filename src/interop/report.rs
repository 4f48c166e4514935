//! The per-row report of an import: what happened to each row and why, in the clerk's
//! language. NIKs appear masked only, mothers' names never.

use serde::Serialize;

use super::summary::Summary;
use super::{SourceRow, System};
use crate::domain::member::{Field, FieldError, Member, Problem};
use crate::domain::nik::mask_nik;
use crate::i18n::{Lang, Localized};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "lowercase")]
pub enum Outcome {
    /// New to the store; `request`: a new-card request was opened for it.
    Imported { request: bool },
    /// Already in the store (by number, or by NIK under another number), corrected.
    Updated { by_nik: bool },
    /// Already in the store with the same data.
    Skipped { by_nik: bool },
    /// Not imported: each (column, reason). A struct variant: serde cannot tag a sequence.
    Rejected { reasons: Vec<(String, String)> },
}

#[derive(Debug, Clone, Serialize)]
pub struct RowReport {
    pub line: u64,
    pub member_no: String,
    pub name: String,
    /// Masked: `3515********0002`.
    pub nik: String,
    #[serde(flatten)]
    pub outcome: Outcome,
    /// Imported, but with something to complete at the counter: (column, what).
    pub flags: Vec<(String, String)>,
}

impl RowReport {
    pub fn of(
        system: System,
        line: u64,
        m: &Member,
        flags: &[FieldError],
        lang: Lang,
    ) -> RowReport {
        RowReport {
            line,
            member_no: m.member_no.to_string(),
            name: m.full_name.clone(),
            nik: if m.identity_no.0.is_empty() {
                String::new()
            } else {
                m.masked_nik()
            },
            outcome: Outcome::Imported { request: false },
            flags: flag_texts(system, flags, lang),
        }
    }

    /// A rejected row echoes what the file holds, which for a row read with the wrong
    /// separator or an unclosed quote is the raw line, NIK and all: NIK-like digit runs in it
    /// are masked, and the echo is cut short.
    pub fn rejected(row: &SourceRow, errors: Vec<(String, String)>) -> RowReport {
        let nik = row.draft.identity_no.trim();
        let echo = |s: &str| {
            let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut masked = mask_digit_runs(&one_line);
            if masked.chars().count() > ECHO_MAX {
                masked = masked.chars().take(ECHO_MAX).collect::<String>() + "…";
            }
            masked
        };
        RowReport {
            line: row.line,
            member_no: echo(&row.member_no),
            name: echo(&row.draft.full_name),
            nik: if nik.is_empty() {
                String::new()
            } else {
                mask_nik(nik)
            },
            outcome: Outcome::Rejected { reasons: errors },
            flags: Vec::new(),
        }
    }
}

/// The most of a rejected row's raw text the report shows.
const ECHO_MAX: usize = 60;

/// Masks every run of 15 or more digits (a NIK, or one a digit short or long) as NIKs are
/// masked everywhere: `3515********0002`.
pub fn mask_digit_runs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= 15 {
            out.push_str(&mask_nik(run));
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in s.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

pub fn flag_texts(system: System, flags: &[FieldError], lang: Lang) -> Vec<(String, String)> {
    flags.iter().map(|f| flag_text(system, f, lang)).collect()
}

fn flag_text(system: System, f: &FieldError, lang: Lang) -> (String, String) {
    let text = match (&f.problem, f.field) {
        (Problem::NikMismatch(_), _) => format!(
            "{} {}",
            f.problem.localized(lang),
            lang.text("interop-report-to-be-checked-at-verification")
        ),
        (_, Field::MotherName) => lang
            .text("interop-report-empty-ask-for-it-at-verification")
            .into(),
        _ => lang
            .text("interop-report-empty-complete-it-at-verification")
            .into(),
    };
    (system.column(f.field).to_string(), text)
}

pub fn number_column(system: System) -> &'static str {
    match system {
        System::Slims => "member_id",
        System::Inlislite => "NO ANGGOTA",
    }
}

pub fn duplicate_text(first_line: u64, same_number: bool, lang: Lang) -> String {
    let id = if same_number {
        "interop-report-same-number-as-line"
    } else {
        "interop-report-same-nik-as-line"
    };
    crate::t!(lang, id, line = first_line)
}

pub fn unknown_type_text(raw: &str, lang: Lang) -> String {
    crate::t!(lang, "interop-report-unknown-type", name = raw.trim())
}

/// Counts per outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub imported: usize,
    pub updated: usize,
    pub skipped: usize,
    pub rejected: usize,
    pub requests: usize,
    pub flagged: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub system: &'static str,
    pub rows: Vec<RowReport>,
    /// What was mapped and what left out, for the whole file.
    #[serde(flatten)]
    pub summary: Summary,
}

impl Report {
    pub fn new(system: System) -> Report {
        Report {
            system: system.name(),
            rows: Vec::new(),
            summary: Summary::default(),
        }
    }

    pub fn totals(&self) -> Totals {
        let mut t = Totals::default();
        for r in &self.rows {
            match &r.outcome {
                Outcome::Imported { request } => {
                    t.imported += 1;
                    t.requests += usize::from(*request);
                }
                Outcome::Updated { .. } => t.updated += 1,
                Outcome::Skipped { .. } => t.skipped += 1,
                Outcome::Rejected { .. } => t.rejected += 1,
            }
            t.flagged += usize::from(!r.flags.is_empty());
        }
        t
    }

    /// One line per row (and one per reason or flag under it), then the totals.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = Vec::new();
        self.write_to(&mut out, lang)
            .expect("writing to memory does not fail");
        String::from_utf8(out).expect("the report is text")
    }

    /// The same, written as it goes (a report of 100,000 rows is not built in memory first).
    pub fn write_to(&self, out: &mut dyn std::io::Write, lang: Lang) -> std::io::Result<()> {
        for r in &self.rows {
            let what = match (&r.outcome, lang) {
                (Outcome::Imported { request: false }, _) => {
                    lang.text("interop-report-imported").into()
                }
                (Outcome::Imported { request: true }, _) => lang
                    .text("interop-report-imported-card-request-opened")
                    .into(),
                (Outcome::Updated { by_nik: false }, _) => {
                    lang.text("interop-report-updated").into()
                }
                (Outcome::Updated { by_nik: true }, _) => {
                    lang.text("interop-report-updated-matched-by-nik").into()
                }
                (Outcome::Skipped { by_nik: false }, _) => lang
                    .text("interop-report-skipped-already-there-same-data")
                    .into(),
                (Outcome::Skipped { by_nik: true }, _) => lang
                    .text("interop-report-skipped-already-there-matched-by-nik")
                    .into(),
                (Outcome::Rejected { .. }, _) => lang.text("interop-report-rejected").to_string(),
            };
            let line = lang.text("interop-report-line");
            writeln!(
                out,
                "{line} {:>5}  {:<14} {:<30} {:<16}  {what}",
                r.line, r.member_no, r.name, r.nik
            )?;
            if let Outcome::Rejected { reasons: errors } = &r.outcome {
                for (col, why) in errors {
                    writeln!(out, "            ✗ {col}: {why}")?;
                }
            }
            for (col, why) in &r.flags {
                writeln!(out, "            ! {col}: {why}")?;
            }
        }
        let t = self.totals();
        let totals = crate::t!(
            lang,
            "interop-report-totals",
            system = self.system,
            imported = t.imported,
            updated = t.updated,
            skipped = t.skipped,
            rejected = t.rejected,
            requests = t.requests,
            flagged = t.flagged,
        );
        writeln!(out, "{totals}")?;
        out.write_all(self.summary.render(lang).as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nik_like_runs_are_masked_in_raw_echoes() {
        assert_eq!(
            mask_digit_runs("S1;Siti;3515125703050002;081234567890"),
            "S1;Siti;3515********0002;081234567890"
        );
        assert_eq!(mask_digit_runs("351512570305000x"), "3515*******5000x");
        assert_eq!(mask_digit_runs("no digits"), "no digits");
    }
}
