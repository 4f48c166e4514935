//! Moving members between loket and the two library systems Indonesian libraries run: SLiMS
//! (member CSV) and INLISLite (member spreadsheet). Readers turn a file into `SourceRow`s;
//! `plan_import` decides per row; the store writes the plan in one transaction.
//!
//! Decisions (see docs/interop.md):
//! - Imported members keep their member numbers: the card in the member's pocket stays
//!   valid. The store raises the day's (month's, year's) sequence past an imported number
//!   in the configured scheme, so a later registration cannot compose the same number.
//! - Validation is the counter's, at `Strictness::Import`: what the source system never kept
//!   (SLiMS has no mother's name, birth place or identity kind) may be missing and is flagged
//!   in the report, to be completed at verification; what is present is checked as strictly
//!   as at the counter (a malformed NIK rejects the row).
//! - Rows are matched on member number, then on NIK (a pending or active member holding it).
//!   A match is updated with the file's non-empty values; loket keeps what the file lacks.
//! - Status comes from the expiry date (active until it, expired after), unless INLISLite's
//!   STATUS ANGGOTA says pending or blocked; no expiry date means no card yet: pending.

pub mod inlislite;
pub mod inlislite_write;
mod photos;
mod plan;
pub mod report;
pub mod slims;
mod slims_csv;
mod source;
pub mod summary;
mod types;

use std::path::Path;

use jiff::civil::Date;

use crate::domain::member::{Field, MemberDraft, MemberStatus};
use crate::i18n::{Lang, Localized};
use crate::store::StoreError;
pub use photos::{
    PHOTO_MAX_BYTES, PhotoLink, UnpackedPhotos, check_photo_links, read_photo_links,
    unpack_photo_zip,
};
pub use plan::{Plan, PlanContext, plan_import};
pub use report::{Outcome, Report, RowReport};
pub use source::{LineCounter, NotADate, local_date, parse_source_date, start_of, strip_bom};
pub use types::{TypeMatch, parse_type_map, resolve_type, resolve_type_how};

/// The other system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum System {
    Slims,
    Inlislite,
}

impl System {
    pub fn name(self) -> &'static str {
        match self {
            System::Slims => "SLiMS",
            System::Inlislite => "INLISLite",
        }
    }

    /// The column a field comes from in this system's file, for the report.
    pub fn column(self, field: Field) -> &'static str {
        match self {
            System::Slims => slims::column(field),
            System::Inlislite => inlislite::column(field),
        }
    }
}

/// One member as read from a file, before any rule is applied. Strings as found, dates
/// already read in whichever way the source system writes them.
#[derive(Debug, Clone, Default)]
pub struct SourceRow {
    /// The line (CSV) or row (spreadsheet) it starts on, 1-based, for the report.
    pub line: u64,
    pub member_no: String,
    pub draft: MemberDraft,
    /// The member type as the file names it (name or code); blank → the default type.
    pub member_type: String,
    /// The photo's file name, where the file names one (SLiMS's `member_image`).
    pub photo: String,
    pub registered: Option<Date>,
    pub valid_until: Option<Date>,
    /// A status the file states (INLISLite); `None`: from the expiry date.
    pub status: Option<MemberStatus>,
    /// Problems found while reading (a date that is no date, a row too short), each with
    /// the column it is in.
    pub problems: Vec<(String, String)>,
    /// The row could not be read at all (wrong width): only `problems` are reported, not the
    /// rule errors of fields read from the wrong places.
    pub malformed: bool,
}

/// A file as read: its rows, and the other system's columns loket does not read, each with
/// how many rows had a value there (for the report's "left out").
#[derive(Debug, Default)]
pub struct SourceFile {
    pub rows: Vec<SourceRow>,
    pub ignored: Vec<(String, usize)>,
}

/// What can stop a whole import or export (as opposed to one row).
#[derive(Debug, thiserror::Error)]
pub enum InteropError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} line {line}: {reason}")]
    Csv {
        path: String,
        line: u64,
        reason: String,
    },
    #[error("{path}: {reason}")]
    Spreadsheet { path: String, reason: String },
    #[error("missing columns: {}", .0.join(", "))]
    MissingColumns(Vec<String>),
    #[error("bad --type-map entry {0}")]
    TypeMap(String),
    #[error("photo link file: {0}")]
    PhotoLinks(String),
    #[error("photo archive: {0}")]
    PhotoZip(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl InteropError {
    pub fn io(path: &Path, source: std::io::Error) -> InteropError {
        InteropError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

impl Localized for InteropError {
    fn localized(&self, lang: Lang) -> String {
        match (self, lang) {
            (InteropError::Io { path, source }, Lang::Id) => {
                format!(
                    "Berkas {path} tidak bisa dibaca/ditulis: {source}. Periksa nama dan izinnya."
                )
            }
            (InteropError::Io { path, source }, _) => {
                format!(
                    "File {path} cannot be read/written: {source}. Check its name and permissions."
                )
            }
            (InteropError::Csv { path, line, reason }, Lang::Id) => format!(
                "{path} baris {line} bukan CSV yang benar ({reason}). Periksa pemisah (--separator) dan tanda kutip (--quote)."
            ),
            (InteropError::Csv { path, line, reason }, _) => format!(
                "{path} line {line} is not valid CSV ({reason}). Check the separator (--separator) and quote (--quote)."
            ),
            (InteropError::Spreadsheet { path, reason }, Lang::Id) => format!(
                "{path} tidak bisa dibaca sebagai spreadsheet ({reason}). Simpan ulang sebagai .xlsx dengan sheet \"Sheet1\", atau sebagai CSV."
            ),
            (InteropError::Spreadsheet { path, reason }, _) => format!(
                "{path} cannot be read as a spreadsheet ({reason}). Save it again as .xlsx with a sheet \"Sheet1\", or as CSV."
            ),
            (InteropError::MissingColumns(cols), Lang::Id) => format!(
                "Kolom wajib tidak ada: {}. Tambahkan kolom itu (nama di baris judul) lalu impor lagi.",
                cols.join(", ")
            ),
            (InteropError::MissingColumns(cols), _) => format!(
                "Required columns are missing: {}. Add them (named in the header row) and import again.",
                cols.join(", ")
            ),
            (InteropError::TypeMap(s), Lang::Id) => format!(
                "--type-map '{s}' tidak dimengerti. Tulis NAMA=kode, misalnya --type-map \"Mahasiswa=pelajar\"; kode harus ada di konfigurasi."
            ),
            (InteropError::TypeMap(s), _) => format!(
                "--type-map '{s}' is not understood. Write NAME=code, e.g. --type-map \"Mahasiswa=pelajar\"; the code must be configured."
            ),
            (InteropError::PhotoLinks(s), Lang::Id) => format!(
                "Berkas tautan foto (photos.csv: nomor,berkas) bermasalah: {s}. Perbaiki lalu coba lagi."
            ),
            (InteropError::PhotoLinks(s), _) => format!(
                "The photo link file (photos.csv: number,filename) has a problem: {s}. Fix it and try again."
            ),
            (InteropError::PhotoZip(s), Lang::Id) => format!(
                "Arsip foto (ZIP) tidak bisa dibaca: {s}. Periksa berkasnya, atau ekstrak ke folder lalu pakai --photos FOLDER."
            ),
            (InteropError::PhotoZip(s), _) => format!(
                "The photo archive (ZIP) cannot be read: {s}. Check the file, or unpack it to a folder and use --photos FOLDER."
            ),
            (InteropError::Store(e), lang) => e.localized(lang),
        }
    }
}

/// How an import runs.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Report only; write nothing.
    pub dry_run: bool,
    /// Write the good rows even when others are rejected (default: all or nothing).
    pub partial: bool,
    /// Open a new-card request (source import) for each imported member still without a card.
    pub requests: bool,
    /// The other system's member type name → a loket type code.
    pub type_map: Vec<(String, String)>,
}

/// Writes an export readable by its owner only (it holds NIKs and mothers' names): a new file
/// created with mode 0600, renamed over the target only once complete.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), InteropError> {
    use std::io::Write;
    let tmp = path.with_extension("partial");
    let _ = std::fs::remove_file(&tmp);
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(&tmp).map_err(|e| InteropError::io(&tmp, e))?;
    f.write_all(bytes)
        .and_then(|_| f.sync_all())
        .map_err(|e| InteropError::io(&tmp, e))?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(|e| InteropError::io(path, e))
}
