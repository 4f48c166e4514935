//! The per-row report of an import: what happened to each row and why, in the clerk's
//! language. NIKs appear masked only, mothers' names never.

use serde::Serialize;

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
    /// Not imported: each (column, reason).
    Rejected(Vec<(String, String)>),
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

    pub fn rejected(row: &SourceRow, errors: Vec<(String, String)>) -> RowReport {
        let nik = row.draft.identity_no.trim();
        RowReport {
            line: row.line,
            member_no: row.member_no.trim().to_string(),
            name: row
                .draft
                .full_name
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            nik: if nik.is_empty() {
                String::new()
            } else {
                mask_nik(nik)
            },
            outcome: Outcome::Rejected(errors),
            flags: Vec::new(),
        }
    }
}

pub fn flag_texts(system: System, flags: &[FieldError], lang: Lang) -> Vec<(String, String)> {
    flags.iter().map(|f| flag_text(system, f, lang)).collect()
}

fn flag_text(system: System, f: &FieldError, lang: Lang) -> (String, String) {
    let text = match (&f.problem, f.field) {
        (Problem::NikMismatch(_), _) => format!(
            "{} {}",
            f.problem.localized(lang),
            lang.pick(
                "(diperiksa saat verifikasi)",
                "(to be checked at verification)"
            )
        ),
        (_, Field::MotherName) => lang
            .pick(
                "kosong; tanyakan saat verifikasi (SLiMS tidak menyimpannya)",
                "empty; ask for it at verification (SLiMS does not keep it)",
            )
            .into(),
        _ => lang
            .pick(
                "kosong; lengkapi saat verifikasi",
                "empty; complete it at verification",
            )
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
    match (same_number, lang) {
        (true, Lang::Id) => format!("nomor anggota sama dengan baris {first_line} di berkas ini"),
        (true, Lang::En) => format!("same member number as line {first_line} of this file"),
        (false, Lang::Id) => format!("NIK sama dengan baris {first_line} di berkas ini"),
        (false, Lang::En) => format!("same NIK as line {first_line} of this file"),
    }
}

pub fn unknown_type_text(raw: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "jenis anggota '{}' tidak dikenal; tambahkan ke konfigurasi atau petakan dengan --type-map \"{}=kode\"",
            raw.trim(),
            raw.trim()
        ),
        Lang::En => format!(
            "member type '{}' is unknown; configure it or map it with --type-map \"{}=code\"",
            raw.trim(),
            raw.trim()
        ),
    }
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
}

impl Report {
    pub fn new(system: System) -> Report {
        Report {
            system: system.name(),
            rows: Vec::new(),
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
                Outcome::Rejected(_) => t.rejected += 1,
            }
            t.flagged += usize::from(!r.flags.is_empty());
        }
        t
    }

    /// One line per row (and one per reason or flag under it), then the totals.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        for r in &self.rows {
            let what = match (&r.outcome, lang) {
                (Outcome::Imported { request: false }, _) => {
                    lang.pick("diimpor", "imported").into()
                }
                (Outcome::Imported { request: true }, _) => lang
                    .pick(
                        "diimpor, permohonan kartu dibuat",
                        "imported, card request opened",
                    )
                    .into(),
                (Outcome::Updated { by_nik: false }, _) => {
                    lang.pick("diperbarui", "updated").into()
                }
                (Outcome::Updated { by_nik: true }, _) => lang
                    .pick("diperbarui (cocok lewat NIK)", "updated (matched by NIK)")
                    .into(),
                (Outcome::Skipped { by_nik: false }, _) => lang
                    .pick(
                        "dilewati: sudah ada, data sama",
                        "skipped: already there, same data",
                    )
                    .into(),
                (Outcome::Skipped { by_nik: true }, _) => lang
                    .pick(
                        "dilewati: sudah ada (cocok lewat NIK), data sama",
                        "skipped: already there (matched by NIK), same data",
                    )
                    .into(),
                (Outcome::Rejected(_), _) => lang.pick("DITOLAK", "REJECTED").to_string(),
            };
            let line = lang.pick("baris", "line");
            out.push_str(&format!(
                "{line} {:>5}  {:<14} {:<30} {:<16}  {what}\n",
                r.line, r.member_no, r.name, r.nik
            ));
            if let Outcome::Rejected(errors) = &r.outcome {
                for (col, why) in errors {
                    out.push_str(&format!("            ✗ {col}: {why}\n"));
                }
            }
            for (col, why) in &r.flags {
                out.push_str(&format!("            ! {col}: {why}\n"));
            }
        }
        let t = self.totals();
        out.push_str(&match lang {
            Lang::Id => format!(
                "{}: {} diimpor, {} diperbarui, {} dilewati, {} ditolak; {} permohonan kartu; {} perlu dilengkapi.\n",
                self.system, t.imported, t.updated, t.skipped, t.rejected, t.requests, t.flagged
            ),
            Lang::En => format!(
                "{}: {} imported, {} updated, {} skipped, {} rejected; {} card requests; {} to complete.\n",
                self.system, t.imported, t.updated, t.skipped, t.rejected, t.requests, t.flagged
            ),
        });
        out
    }
}
