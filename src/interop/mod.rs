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
    /// the column it is in (empty when the problem is the row's own: it names its column).
    pub problems: Vec<(String, ReadProblem)>,
    /// The row could not be read at all (wrong width): only `problems` are reported, not the
    /// rule errors of fields read from the wrong places.
    pub malformed: bool,
}

/// A problem the reader found in a row. Readers know no language: the import's plan says it
/// in the clerk's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadProblem {
    /// The cell's text, which should be a date.
    NotADate(String),
    /// A quote opened on this line and never closed: the rest of the file is in the row.
    QuoteNeverClosed { line: u64 },
    /// A row of this many columns, where SLiMS writes 18 or 19.
    WrongWidth { width: usize },
    /// Bytes that are not UTF-8.
    NotUtf8,
}

impl ReadProblem {
    /// The report's column for a problem of the whole row, which has no column of its own.
    pub fn column(&self, lang: Lang) -> Option<&'static str> {
        match self {
            ReadProblem::NotADate(_) => None,
            ReadProblem::QuoteNeverClosed { .. } => Some(lang.text("interop-read-quote-column")),
            ReadProblem::WrongWidth { .. } => Some(lang.text("interop-read-columns-column")),
            ReadProblem::NotUtf8 => Some(lang.text("interop-read-text-column")),
        }
    }
}

impl Localized for ReadProblem {
    fn localized(&self, lang: Lang) -> String {
        match self {
            ReadProblem::NotADate(value) => {
                crate::t!(lang, "interop-read-not-a-date", value = value.as_str())
            }
            ReadProblem::QuoteNeverClosed { line } => {
                crate::t!(lang, "interop-read-quote-never-closed", line = *line)
            }
            ReadProblem::WrongWidth { width } => {
                crate::t!(lang, "interop-read-wrong-width", width = *width)
            }
            ReadProblem::NotUtf8 => crate::t!(lang, "interop-read-not-utf8"),
        }
    }
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
    /// A workbook without a single sheet.
    #[error("{path}: no sheet")]
    NoSheet { path: String },
    #[error("missing columns: {}", .0.join(", "))]
    MissingColumns(Vec<String>),
    #[error("bad --type-map entry {0}")]
    TypeMap(String),
    #[error("photo link file: {0}")]
    PhotoLinks(String),
    #[error("photo archive: {0}")]
    PhotoZip(String),
    /// One file in the photo archive is larger than `max_mb`.
    #[error("photo archive: {name} is larger than {max_mb} MB")]
    PhotoZipEntryTooLarge { name: String, max_mb: u64 },
    /// The photo archive unpacks to more than `max_gb`.
    #[error("photo archive: it unpacks to more than {max_gb} GB")]
    PhotoZipTooLarge { max_gb: u64 },
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
        let spreadsheet = |path: &str, reason: &str| {
            crate::t!(
                lang,
                "interop-error-spreadsheet",
                path = path,
                reason = reason
            )
        };
        let zip = |problem: String| crate::t!(lang, "interop-error-photo-zip", problem = problem);
        match self {
            InteropError::Io { path, source } => crate::t!(
                lang,
                "interop-error-io",
                path = path.as_str(),
                source = source.to_string(),
            ),
            InteropError::Csv { path, line, reason } => crate::t!(
                lang,
                "interop-error-csv",
                path = path.as_str(),
                line = *line,
                reason = reason.as_str(),
            ),
            InteropError::Spreadsheet { path, reason } => spreadsheet(path, reason),
            InteropError::NoSheet { path } => {
                spreadsheet(path, lang.text("interop-error-no-sheet"))
            }
            InteropError::MissingColumns(cols) => crate::t!(
                lang,
                "interop-error-missing-columns",
                columns = cols.join(", ")
            ),
            InteropError::TypeMap(s) => {
                crate::t!(lang, "interop-error-type-map", entry = s.as_str())
            }
            InteropError::PhotoLinks(s) => {
                crate::t!(lang, "interop-error-photo-links", problem = s.as_str())
            }
            InteropError::PhotoZip(s) => zip(s.clone()),
            InteropError::PhotoZipEntryTooLarge { name, max_mb } => zip(crate::t!(
                lang,
                "interop-error-zip-entry-too-large",
                name = name.as_str(),
                mb = *max_mb,
            )),
            InteropError::PhotoZipTooLarge { max_gb } => {
                zip(crate::t!(lang, "interop-error-zip-too-large", gb = *max_gb))
            }
            InteropError::Store(e) => e.localized(lang),
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
