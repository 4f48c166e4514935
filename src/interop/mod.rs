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
pub mod report;
pub mod slims;

use std::collections::HashMap;
use std::path::Path;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::config::Config;
use crate::domain::member::{
    Field, FieldError, FormRules, IdentityKind, Member, MemberDraft, MemberStatus, Problem,
    Strictness,
};
use crate::domain::member_no::MemberNo;
use crate::i18n::{Lang, Localized};
use crate::store::{ImportMatch, ImportWrite, Store, StoreError};
pub use report::{Outcome, Report, RowReport};

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
            (InteropError::Io { path, source }, Lang::En) => {
                format!(
                    "File {path} cannot be read/written: {source}. Check its name and permissions."
                )
            }
            (InteropError::Csv { path, line, reason }, Lang::Id) => format!(
                "{path} baris {line} bukan CSV yang benar ({reason}). Periksa pemisah (--separator) dan tanda kutip (--quote)."
            ),
            (InteropError::Csv { path, line, reason }, Lang::En) => format!(
                "{path} line {line} is not valid CSV ({reason}). Check the separator (--separator) and quote (--quote)."
            ),
            (InteropError::Spreadsheet { path, reason }, Lang::Id) => format!(
                "{path} tidak bisa dibaca sebagai spreadsheet ({reason}). Simpan ulang sebagai .xlsx dengan sheet \"Sheet1\", atau sebagai CSV."
            ),
            (InteropError::Spreadsheet { path, reason }, Lang::En) => format!(
                "{path} cannot be read as a spreadsheet ({reason}). Save it again as .xlsx with a sheet \"Sheet1\", or as CSV."
            ),
            (InteropError::MissingColumns(cols), Lang::Id) => format!(
                "Kolom wajib tidak ada: {}. Tambahkan kolom itu (nama di baris judul) lalu impor lagi.",
                cols.join(", ")
            ),
            (InteropError::MissingColumns(cols), Lang::En) => format!(
                "Required columns are missing: {}. Add them (named in the header row) and import again.",
                cols.join(", ")
            ),
            (InteropError::TypeMap(s), Lang::Id) => format!(
                "--type-map '{s}' tidak dimengerti. Tulis NAMA=kode, misalnya --type-map \"Mahasiswa=pelajar\"; kode harus ada di konfigurasi."
            ),
            (InteropError::TypeMap(s), Lang::En) => format!(
                "--type-map '{s}' is not understood. Write NAME=code, e.g. --type-map \"Mahasiswa=pelajar\"; the code must be configured."
            ),
            (InteropError::PhotoLinks(s), Lang::Id) => format!(
                "Berkas tautan foto (photos.csv: nomor,berkas) bermasalah: {s}. Perbaiki lalu coba lagi."
            ),
            (InteropError::PhotoLinks(s), Lang::En) => format!(
                "The photo link file (photos.csv: number,filename) has a problem: {s}. Fix it and try again."
            ),
            (InteropError::PhotoZip(s), Lang::Id) => format!(
                "Arsip foto (ZIP) tidak bisa dibaca: {s}. Periksa berkasnya, atau ekstrak ke folder lalu pakai --photos FOLDER."
            ),
            (InteropError::PhotoZip(s), Lang::En) => format!(
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

/// Parses `--type-map NAME=code` entries against the configured types.
pub fn parse_type_map(
    entries: &[String],
    config: &Config,
) -> Result<Vec<(String, String)>, InteropError> {
    entries
        .iter()
        .map(|e| match e.split_once('=') {
            Some((name, code)) if config.member_type(code.trim()).is_some() => {
                Ok((name.trim().to_lowercase(), code.trim().to_string()))
            }
            _ => Err(InteropError::TypeMap(e.clone())),
        })
        .collect()
}

/// The loket type code for a type as the file names it: blank → the first configured type;
/// else the `--type-map` entry, a configured code, or a configured name (Indonesian or
/// English), ignoring case. `None`: unknown, the row is rejected.
pub fn resolve_type(raw: &str, config: &Config, type_map: &[(String, String)]) -> Option<String> {
    let want = raw.trim().to_lowercase();
    if want.is_empty() {
        return config.member_types.first().map(|t| t.code.clone());
    }
    if let Some((_, code)) = type_map.iter().find(|(name, _)| *name == want) {
        return Some(code.clone());
    }
    config
        .member_types
        .iter()
        .find(|t| {
            t.code.to_lowercase() == want
                || t.name.to_lowercase() == want
                || t.name_en.to_lowercase() == want
        })
        .map(|t| t.code.clone())
}

/// A cell that should hold a date and holds something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotADate;

/// Dates as SLiMS and INLISLite write them: `yyyy-mm-dd` (with a time after it, too),
/// `dd-mm-yyyy`, `dd/mm/yyyy`, `yyyy/mm/dd`, and spreadsheet serial numbers (days since
/// 1899-12-30, as Excel and LibreOffice count). Blank and SLiMS's `0000-00-00` are no date:
/// `Ok(None)`. Anything else is an error.
pub fn parse_source_date(s: &str) -> Result<Option<Date>, NotADate> {
    let s = s.trim();
    if s.is_empty() || s.starts_with("0000-00-00") {
        return Ok(None);
    }
    // A timestamp: the date part is what counts.
    let s = s.split([' ', 'T']).next().unwrap_or(s);
    if let Some(d) = crate::domain::member::parse_date(s) {
        return Ok(Some(d));
    }
    let parts: Vec<&str> = s.split('/').collect();
    if let [y, m, d] = parts[..]
        && y.len() == 4
    {
        return match (y.parse(), m.parse(), d.parse()) {
            (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d).map(Some).map_err(|_| NotADate),
            _ => Err(NotADate),
        };
    }
    // Serial numbers: integral days (a time of day may follow the point). 1 to 2958465 is
    // what spreadsheets accept (1900-01-01 to 9999-12-31); dates before March 1900 are
    // off by Excel's phantom 29 February 1900 and no member was born then.
    if let Ok(serial) = s.parse::<f64>()
        && (61.0..2_958_466.0).contains(&serial)
    {
        let epoch = Date::constant(1899, 12, 30);
        return epoch
            .checked_add(jiff::Span::new().days(serial.trunc() as i64))
            .map(Some)
            .map_err(|_| NotADate);
    }
    Err(NotADate)
}

/// Strips a UTF-8 byte-order mark: Excel writes one at the start of "CSV UTF-8" files.
pub fn strip_bom(data: &[u8]) -> &[u8] {
    data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data)
}

/// Line numbers of CSV records, for the report. The csv crate's own line count lags behind
/// by the terminator it has not consumed yet, so it is counted here from the byte offset
/// (skipping the previous record's line end), in one pass over the file.
pub struct LineCounter<'a> {
    data: &'a [u8],
    pos: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    pub fn new(data: &'a [u8]) -> LineCounter<'a> {
        LineCounter {
            data,
            pos: 0,
            line: 1,
        }
    }

    /// The 1-based line a record starting at `byte` begins on; offsets must not go back.
    pub fn line_at(&mut self, byte: u64) -> u64 {
        let mut at = (byte as usize).min(self.data.len());
        while at < self.data.len() && matches!(self.data[at], b'\r' | b'\n') {
            at += 1;
        }
        if at > self.pos {
            self.line += self.data[self.pos..at]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            self.pos = at;
        }
        self.line
    }
}

/// Midnight of a date in the library's zone: the registration time an imported member gets
/// when the file has only a date.
pub fn start_of(date: Date, tz: &TimeZone) -> Timestamp {
    date.to_zoned(tz.clone())
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

/// What an import would do: the report, and the writes for the store.
pub struct Plan {
    pub report: Report,
    pub writes: Vec<ImportWrite>,
}

/// Everything a plan needs from outside: the store (read only), the config, the date, the
/// zone (for registration dates).
pub struct PlanContext<'a> {
    pub store: &'a Store,
    pub config: &'a Config,
    pub today: Date,
    pub tz: &'a TimeZone,
}

/// Decides every row: rejected (with each field and reason), skipped, updated or imported.
/// Reads the store in one transaction; writes nothing.
pub fn plan_import(
    system: System,
    rows: Vec<SourceRow>,
    cx: &PlanContext,
    opts: &ImportOptions,
    lang: Lang,
) -> Result<Plan, InteropError> {
    let rules = FormRules {
        today: cx.today,
        member_types: &cx.config.member_types,
        regency_code: &cx.config.library.regency_code,
    };
    let mut report = Report::new(system);
    let mut writes = Vec::new();

    // First pass: the rules on each row alone.
    let mut checked = Vec::with_capacity(rows.len());
    for row in rows {
        checked.push(check_row(system, row, &rules, cx, opts, lang));
    }

    // One read of the store for every row that got through.
    let keys: Vec<(&str, Option<&str>)> = checked
        .iter()
        .map(|c| match c {
            Checked::Good { member, .. } => (
                member.member_no.as_str(),
                member.nik.as_ref().map(|n| n.as_str()),
            ),
            Checked::Bad(_) => ("", None),
        })
        .collect();
    let matches = cx.store.import_matches(&keys)?;
    drop(keys);

    let mut seen_no: HashMap<String, u64> = HashMap::new();
    let mut seen_nik: HashMap<String, u64> = HashMap::new();
    for (c, found) in checked.into_iter().zip(matches) {
        let (row, member, flags) = match c {
            Checked::Bad(r) => {
                report.rows.push(r);
                continue;
            }
            Checked::Good { row, member, flags } => (row, member, flags),
        };
        let mut out = RowReport::of(system, row.line, &member, &flags, lang);
        // A duplicate within the file: the first one stands, the later one is rejected.
        let dup = seen_no
            .get(member.member_no.as_str())
            .map(|l| (*l, true))
            .or_else(|| {
                let nik = member.nik.as_ref()?;
                seen_nik.get(nik.as_str()).map(|l| (*l, false))
            });
        if let Some((first, same_no)) = dup {
            let column = if same_no {
                report::number_column(system)
            } else {
                system.column(Field::IdentityNo)
            };
            out.outcome = Outcome::Rejected(vec![(
                column.to_string(),
                report::duplicate_text(first, same_no, lang),
            )]);
            out.flags.clear();
            report.rows.push(out);
            continue;
        }
        seen_no.insert(member.member_no.to_string(), row.line);
        if let Some(n) = &member.nik {
            seen_nik.insert(n.to_string(), row.line);
        }
        match found {
            ImportMatch {
                by_number: Some(old),
                ..
            } => {
                let merged = decide_update(&mut out, &mut writes, old, member, false, &row);
                out.flags = still_missing(system, &merged, &flags, lang);
            }
            ImportMatch {
                by_nik: Some(old), ..
            } => {
                let merged = decide_update(&mut out, &mut writes, old, member, true, &row);
                out.flags = still_missing(system, &merged, &flags, lang);
            }
            ImportMatch { .. } => {
                let request = opts.requests && member.status == MemberStatus::Pending;
                out.outcome = Outcome::Imported { request };
                writes.push(ImportWrite::Add { member, request });
            }
        }
        report.rows.push(out);
    }
    Ok(Plan { report, writes })
}

// Lives only while one import is planned; boxing the big variant would add an allocation
// per row and save nothing (the rows' strings are on the heap either way).
#[allow(clippy::large_enum_variant)]
enum Checked {
    Good {
        row: SourceRow,
        member: Member,
        flags: Vec<FieldError>,
    },
    Bad(RowReport),
}

fn check_row(
    system: System,
    mut row: SourceRow,
    rules: &FormRules,
    cx: &PlanContext,
    opts: &ImportOptions,
    lang: Lang,
) -> Checked {
    let mut errors: Vec<(String, String)> = std::mem::take(&mut row.problems);
    if row.malformed {
        return Checked::Bad(RowReport::rejected(&row, errors));
    }
    let no = row.member_no.trim().to_string();
    if no.is_empty() {
        errors.push((
            report::number_column(system).into(),
            lang.pick("wajib diisi", "is required").into(),
        ));
    }
    match resolve_type(&row.member_type, cx.config, &opts.type_map) {
        Some(code) => {
            // A source without an identity kind: a NIK for a child's type comes from the KK.
            if row.draft.identity_kind.trim().is_empty()
                && let Some(t) = cx.config.member_type(&code)
                && let Some(first) = t.identity_kinds.first()
                && !t.identity_kinds.contains(&IdentityKind::Ktp)
            {
                row.draft.identity_kind = first.code().into();
            }
            row.draft.member_type = code;
        }
        None => errors.push((
            system.column(Field::MemberType).into(),
            report::unknown_type_text(&row.member_type, lang),
        )),
    }
    let validated = row.draft.validate_as(rules, Strictness::Import);
    let (valid, flags) = match validated {
        Ok(v) if errors.is_empty() => v,
        Ok(_) => return Checked::Bad(RowReport::rejected(&row, errors)),
        Err(field_errors) => {
            errors.extend(field_errors.iter().map(|e| {
                (
                    system.column(e.field).to_string(),
                    e.problem.localized(lang),
                )
            }));
            return Checked::Bad(RowReport::rejected(&row, errors));
        }
    };
    let registered = row.registered.unwrap_or(cx.today);
    let mut member = valid.into_member(MemberNo::new(no), start_of(registered, cx.tz));
    member.valid_until = row.valid_until;
    member.status = match (row.status, row.valid_until) {
        (Some(s @ (MemberStatus::Pending | MemberStatus::Blocked)), _) => s,
        (_, Some(until)) if until < cx.today => MemberStatus::Expired,
        (_, Some(_)) => MemberStatus::Active,
        (Some(s), None) => s,
        (None, None) => MemberStatus::Pending,
    };
    Checked::Good { row, member, flags }
}

/// A row that matches a member already in the store: the file's non-empty values win, loket
/// keeps what the file lacks (SLiMS has no mother's name: it is not wiped). Unchanged → skip.
fn decide_update(
    out: &mut RowReport,
    writes: &mut Vec<ImportWrite>,
    old: Member,
    new: Member,
    by_nik: bool,
    row: &SourceRow,
) -> Member {
    let mut m = old.clone();
    let take = |to: &mut String, from: &str| {
        if !from.is_empty() {
            *to = from.to_string();
        }
    };
    take(&mut m.full_name, &new.full_name);
    if !row.draft.identity_kind.trim().is_empty() {
        m.identity_kind = new.identity_kind;
    }
    if !new.identity_no.0.is_empty() {
        m.identity_no = new.identity_no.clone();
        m.nik = new.nik.clone();
    }
    take(&mut m.birth_place, &new.birth_place);
    m.birth_date = new.birth_date;
    m.sex = new.sex;
    take(&mut m.address.street, &new.address.street);
    take(&mut m.address.rt_rw, &new.address.rt_rw);
    take(&mut m.address.kelurahan, &new.address.kelurahan);
    take(&mut m.address.kecamatan, &new.address.kecamatan);
    take(&mut m.address.city, &new.address.city);
    take(&mut m.address.province, &new.address.province);
    take(&mut m.phone, &new.phone);
    take(&mut m.email, &new.email);
    take(&mut m.mother_name.0, &new.mother_name.0);
    take(&mut m.occupation, &new.occupation);
    take(&mut m.education, &new.education);
    take(&mut m.institution, &new.institution);
    m.member_type = new.member_type.clone();
    if new.valid_until.is_some() || row.status.is_some() {
        m.valid_until = new.valid_until.or(m.valid_until);
        m.status = new.status;
    }
    out.member_no = m.member_no.to_string();
    if m == old {
        out.outcome = Outcome::Skipped { by_nik };
    } else {
        out.outcome = Outcome::Updated { by_nik };
        writes.push(ImportWrite::Update { member: m.clone() });
    }
    m
}

/// The flags of a row that matched a stored member, less those the store already answers
/// (SLiMS has no mother's name, but loket may have it from the counter).
fn still_missing(
    system: System,
    m: &Member,
    flags: &[FieldError],
    lang: Lang,
) -> Vec<(String, String)> {
    let kept: Vec<FieldError> = flags
        .iter()
        .filter(|f| match f.field {
            Field::MotherName => m.mother_name.0.is_empty(),
            Field::BirthPlace => m.birth_place.is_empty(),
            Field::Street => m.address.street.is_empty(),
            Field::Phone => m.phone.is_empty() && m.email.is_empty(),
            Field::IdentityNo if f.problem == Problem::Required => m.identity_no.0.is_empty(),
            _ => true,
        })
        .cloned()
        .collect();
    report::flag_texts(system, &kept, lang)
}

/// One photo link: a member number and the photo's file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoLink {
    pub line: u64,
    pub member_no: String,
    pub file: String,
}

/// Largest archive contents accepted, and largest single file: far above any real set of
/// member photos, far below what a zip bomb would unpack to.
const ZIP_TOTAL_MAX: u64 = 4 << 30;
const ZIP_FILE_MAX: u64 = 50 << 20;

/// A photo archive unpacked into a folder of its own, removed again when dropped.
pub struct UnpackedPhotos(pub std::path::PathBuf);

impl Drop for UnpackedPhotos {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Unpacks a ZIP of photos (with its `photos.csv`) into a private temporary folder, so the
/// same checks as for a folder apply. Sizes are checked from the archive's directory first;
/// names that would land outside the folder are refused by the zip crate's extraction.
pub fn unpack_photo_zip(zip_path: &Path) -> Result<UnpackedPhotos, InteropError> {
    let bad = |e: &dyn std::fmt::Display| InteropError::PhotoZip(e.to_string());
    let file = std::fs::File::open(zip_path).map_err(|e| InteropError::io(zip_path, e))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| bad(&e))?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|e| bad(&e))?;
        if entry.size() > ZIP_FILE_MAX {
            let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
            return Err(bad(&format!(
                "{name} is larger than {} MB",
                ZIP_FILE_MAX >> 20
            )));
        }
        total += entry.size();
    }
    if total > ZIP_TOTAL_MAX {
        return Err(bad(&format!(
            "it unpacks to more than {} GB",
            ZIP_TOTAL_MAX >> 30
        )));
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("loket-photos-{}-{nanos}", std::process::id()));
    std::fs::create_dir(&dir).map_err(|e| InteropError::io(&dir, e))?;
    let unpacked = UnpackedPhotos(dir);
    archive.extract(&unpacked.0).map_err(|e| bad(&e))?;
    Ok(unpacked)
}

/// Reads `photos.csv` (`number,filename`, header optional) from a photo folder.
pub fn read_photo_links(dir: &Path) -> Result<Vec<PhotoLink>, InteropError> {
    let path = dir.join("photos.csv");
    let data = std::fs::read(&path).map_err(|e| InteropError::io(&path, e))?;
    let data = strip_bom(&data);
    let mut lines = LineCounter::new(data);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data);
    let mut links = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| InteropError::PhotoLinks(e.to_string()))?;
        let line = lines.line_at(rec.position().map(|p| p.byte()).unwrap_or(0));
        let (no, file) = (
            rec.get(0).unwrap_or("").trim(),
            rec.get(1).unwrap_or("").trim(),
        );
        if line == 1 && (no.eq_ignore_ascii_case("number") || no.eq_ignore_ascii_case("member_id"))
        {
            continue;
        }
        if no.is_empty() || file.is_empty() || rec.len() != 2 {
            return Err(InteropError::PhotoLinks(format!("line {line}")));
        }
        links.push(PhotoLink {
            line,
            member_no: no.into(),
            file: file.into(),
        });
    }
    Ok(links)
}

/// The most a photo may weigh for SLiMS and INLISLite uploads.
pub const PHOTO_MAX_BYTES: u64 = 500 * 1024;

/// Checks each link: a member of the import, a file that exists under the folder (no path
/// outside it), at most `PHOTO_MAX_BYTES`. Returns the problems, line by line.
pub fn check_photo_links(
    dir: &Path,
    links: &[PhotoLink],
    numbers: &[String],
    lang: Lang,
) -> Vec<String> {
    let mut problems = Vec::new();
    for l in links {
        let inside = !l.file.contains("..") && !l.file.starts_with('/');
        let path = dir.join(&l.file);
        let problem = if !numbers.contains(&l.member_no) {
            Some(
                lang.pick(
                    "nomor anggota tidak ada di berkas impor",
                    "member number not in the import file",
                )
                .to_string(),
            )
        } else if !inside {
            Some(
                lang.pick(
                    "berkas di luar folder foto",
                    "file outside the photo folder",
                )
                .to_string(),
            )
        } else {
            match std::fs::metadata(&path) {
                Err(_) => Some(
                    lang.pick("berkas foto tidak ada", "photo file not found")
                        .to_string(),
                ),
                Ok(m) if m.len() > PHOTO_MAX_BYTES => Some(match lang {
                    Lang::Id => format!("foto {} KB, paling besar 500 KB", m.len() / 1024),
                    Lang::En => format!("photo is {} KB, at most 500 KB", m.len() / 1024),
                }),
                Ok(_) => None,
            }
        };
        if let Some(p) = problem {
            problems.push(format!("photos.csv {} {}: {p}", l.line, l.member_no));
        }
    }
    problems
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

/// The local date of an instant, for the registration-date columns.
pub fn local_date(t: Timestamp, tz: &TimeZone) -> Date {
    t.to_zoned(tz.clone()).date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_as_the_other_systems_write_them() {
        let want = Some(date(2005, 3, 17));
        for s in [
            "2005-03-17",
            "17-03-2005",
            "17/03/2005",
            "2005/03/17",
            "2005-03-17 10:22:33",
            " 38428 ",
            "38428.0",
            "38428.5",
        ] {
            assert_eq!(parse_source_date(s), Ok(want), "{s}");
        }
        assert_eq!(parse_source_date(""), Ok(None));
        assert_eq!(parse_source_date("0000-00-00"), Ok(None));
        for bad in ["2005-02-30", "17-3-05", "kemarin", "12", "-5"] {
            assert_eq!(parse_source_date(bad), Err(NotADate), "{bad}");
        }
    }

    #[test]
    fn types_by_code_name_or_map_and_blank_is_the_default() {
        let config = Config::default();
        assert_eq!(resolve_type("", &config, &[]).as_deref(), Some("umum"));
        assert_eq!(
            resolve_type("PELAJAR", &config, &[]).as_deref(),
            Some("pelajar")
        );
        assert_eq!(
            resolve_type("Pelajar/Mahasiswa", &config, &[]).as_deref(),
            Some("pelajar")
        );
        assert_eq!(resolve_type("Child", &config, &[]).as_deref(), Some("anak"));
        assert_eq!(resolve_type("Dosen", &config, &[]), None);
        let map = parse_type_map(&["Dosen = umum".into()], &config).unwrap();
        assert_eq!(
            resolve_type("dosen", &config, &map).as_deref(),
            Some("umum")
        );
        assert!(parse_type_map(&["Dosen=vip".into()], &config).is_err());
        assert!(parse_type_map(&["Dosen".into()], &config).is_err());
    }

    #[test]
    fn a_bom_is_stripped_once() {
        assert_eq!(strip_bom(b"\xEF\xBB\xBFmember_id"), b"member_id");
        assert_eq!(strip_bom(b"member_id"), b"member_id");
    }
}
