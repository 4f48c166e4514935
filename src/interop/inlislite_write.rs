//! The member sheet each INLISLite version's import reads, written from loket's members.
//!
//! - 3.x (Yii2, `pizaini/inlislite`): src/backend/models/ImportMemberForm.php reads sheet
//!   "Sheet1" (line 50) with the first row as keys (line 48) and takes every one of 48
//!   columns by its exact header (`$row['NO ANGGOTA']`, lines 56-320): a missing header is
//!   an undefined index and the import stops. Dates go through `Helpers::DateToMysqlFormat('-')`
//!   (src/common/components/Helpers.php:50-53), which reverses `dd-mm-yyyy`; an empty date
//!   has no third part and fails. Column order: its template
//!   src/uploaded_files/templates/datasheet/anggota/001_FormatAnggota.xlsx (row 1, A to AW).
//! - 3.3 (CodeIgniter 4, `INLISLite-Perpusnas/INLISLIteV33`):
//!   app/Modules/SubModule/Keanggotaan/Anggota/Controllers/AnggotaImportController.php reads
//!   the active sheet (line 57), lower-cases the headers (line 62) and maps those it knows
//!   (lines 63-107); dates `yyyy-mm-dd` pass as they are (line 222). Coded fields (sex,
//!   identity type, member type, status, education…) are looked up with `LIKE '%value%'`
//!   (lines 126-164): a blank cell matches the first entry of the list, so a column loket
//!   has no value for is left out of the sheet, not written blank.

use jiff::tz::TimeZone;

use super::inlislite::{SHEET, identity_name, status_name};
use super::summary::Summary;
use super::{InteropError, local_date};
use crate::config::Config;
use crate::domain::member::{Member, MemberStatus, Sex};
use crate::i18n::Lang;

/// Which INLISLite reads the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Version {
    /// INLISLite 3.0-3.2 (Yii2).
    #[default]
    #[value(name = "3")]
    V3,
    /// INLISLite 3.3 (CodeIgniter 4).
    #[value(name = "3.3")]
    V33,
}

/// 3.x's sheet: its template's header row (001_FormatAnggota.xlsx, A1:AW1), every column
/// ImportMemberForm.php reads plus the template's running `NO`.
pub const COLUMNS_3: [&str; 49] = [
    "NO",
    "NO ANGGOTA",
    "NAMA",
    "TEMPAT LAHIR",
    "TANGGAL LAHIR",
    "ALAMAT SESUAI KTP",
    "KECAMATAN SESUAI KTP",
    "KELURAHAN SESUAI KTP",
    "RT SESUAI KTP",
    "RW SESUAI KTP",
    "PROPINSI SESUAI KTP",
    "KABUPATEN / KOTA SESUAI KTP",
    "ALAMAT TEMPAT TINGGAL SEKARANG",
    "KECAMATAN SEKARANG",
    "KELURAHAN SEKARANG",
    "RT SEKARANG",
    "RW SEKARANG",
    "PROPINSI SEKARANG",
    "KABUPATEN / KOTA SEKARANG",
    "NO. HP",
    "NO. TELP RUMAH",
    "JENIS IDENTITAS",
    "NO. IDENTITAS",
    "JENIS KELAMIN",
    "AGAMA",
    "PEKERJAAN",
    "IBU KANDUNG",
    "ALAMAT EMAIL",
    "JENIS ANGGOTA",
    "PENDIDIKAN TERAKHIR",
    "STATUS PERKAWINAN",
    "TANGGAL PENDAFTARAN",
    "TANGGAL AKHIR BERLAKU",
    "JENIS PERMOHONAN",
    "STATUS ANGGOTA",
    "NAMA INSTITUSI",
    "ALAMAT INSTITUSI",
    "NO TELP INSTITUSI",
    "NAMA (KEADAAN DARURAT)",
    "ALAMAT (KEADAAN DARURAT)",
    "NO TELP (KEADAAN DARURAT)",
    "STATUS HUBUNGAN (DARURAT)",
    "UNIT KERJA",
    "TAHUN AJARAN",
    "FAKULTAS",
    "JURUSAN",
    "PROGRAM STUDI",
    "KELAS SISWA",
    "PHOTO URL",
];

/// 3.3's sheet: the headers of its `$columnMap` (AnggotaImportController.php:64-106), in
/// that order, upper case as INLISLite shows them (it lower-cases before matching), less
/// `agama`, `status perkawinan`, `unit kerja`, `fakultas`, `kelas` and `program studi`:
/// loket keeps none of them, and a blank one would be matched to the first entry.
pub const COLUMNS_33: [&str; 37] = [
    "NO ANGGOTA",
    "NAMA",
    "TEMPAT LAHIR",
    "TANGGAL LAHIR",
    "ALAMAT SESUAI KTP",
    "PROPINSI SESUAI KTP",
    "KABUPATEN/KOTA SESUAI KTP",
    "KECAMATAN SESUAI KTP",
    "KELURAHAN SESUAI KTP",
    "RT SESUAI KTP",
    "RW SESUAI KTP",
    "ALAMAT TEMPAT TINGGAL SEKARANG",
    "PROPINSI SEKARANG",
    "KABUPATEN/KOTA SEKARANG",
    "KECAMATAN SEKARANG",
    "KELURAHAN SEKARANG",
    "RT SEKARANG",
    "RW SEKARANG",
    "NO. HP",
    "JENIS IDENTITAS",
    "NOMOR IDENTITAS",
    "JENIS KELAMIN",
    "PHOTO URL",
    "PEKERJAAN",
    "IBU KANDUNG",
    "ALAMAT EMAIL",
    "JENIS ANGGOTA",
    "PENDIDIKAN TERAKHIR",
    "TANGGAL PENDAFTARAN",
    "TANGGAL AKHIR BERLAKU",
    "JENIS PERMOHONAN",
    "STATUS ANGGOTA",
    "NAMA INSTITUSI",
    "ALAMAT INSTITUSI",
    "NO TELP INSTITUSI",
    "TAHUN AJARAN",
    "PHONE",
];

impl Version {
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Version::V3 => &COLUMNS_3,
            Version::V33 => &COLUMNS_33,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Version::V3 => "INLISLite 3",
            Version::V33 => "INLISLite 3.3",
        }
    }

    /// 3.x reverses `dd-mm-yyyy` (Helpers.php:50-53); 3.3 takes `yyyy-mm-dd` as it is
    /// (AnggotaImportController.php:222).
    fn date(self, d: jiff::civil::Date) -> String {
        match self {
            Version::V3 => d.strftime("%d-%m-%Y").to_string(),
            Version::V33 => d.to_string(),
        }
    }
}

/// How an export to INLISLite runs.
pub struct ExportOptions<'a> {
    pub version: Version,
    /// `INLISLite name = loket code`, the same entries as on import.
    pub type_map: &'a [(String, String)],
    /// Members whose photo is exported, as `NO.jpg`.
    pub with_photo: &'a dyn Fn(&str) -> bool,
    pub today: jiff::civil::Date,
    pub lang: Lang,
}

/// The cells of one member, in the version's column order (`n`: its running number).
fn cells(
    n: usize,
    m: &Member,
    config: &Config,
    tz: &TimeZone,
    opts: &ExportOptions,
    summary: &mut Summary,
) -> Vec<String> {
    let v = opts.version;
    let (rt, rw) = m
        .address
        .rt_rw
        .split_once('/')
        .unwrap_or((&m.address.rt_rw, ""));
    let loket_type = config.member_type(&m.member_type);
    let type_label = loket_type
        .map(|t| t.name.clone())
        .unwrap_or_else(|| m.member_type.clone());
    let type_name = match opts.type_map.iter().find(|(_, c)| *c == m.member_type) {
        Some((name, _)) => {
            summary.map("JENIS ANGGOTA", &type_label, name, "--type-map");
            name.clone()
        }
        None => {
            summary.map(
                "JENIS ANGGOTA",
                &type_label,
                &type_label,
                opts.lang
                    .text("interop-inlislite-write-must-exist-in-inlislite-under-this"),
            );
            type_label.clone()
        }
    };
    let registered = local_date(m.registered_at, tz);
    // Never blank: 3.x cannot read an empty date, and no expiry means expired.
    let expiry = m.valid_until.unwrap_or_else(|| {
        loket_type
            .map(|t| t.valid_until(registered.max(opts.today)))
            .unwrap_or(opts.today)
    });
    let photo = if (opts.with_photo)(m.member_no.as_str()) {
        format!("{}.jpg", m.member_no)
    } else {
        String::new()
    };
    v.columns()
        .iter()
        .map(|col| match *col {
            "NO" => n.to_string(),
            "NO ANGGOTA" => m.member_no.to_string(),
            "NAMA" => m.full_name.clone(),
            "TEMPAT LAHIR" => m.birth_place.clone(),
            "TANGGAL LAHIR" => v.date(m.birth_date),
            // loket keeps one address, the one the member lives at and is reached at.
            "ALAMAT SESUAI KTP" | "ALAMAT TEMPAT TINGGAL SEKARANG" => m.address.street.clone(),
            "KECAMATAN SESUAI KTP" | "KECAMATAN SEKARANG" => m.address.kecamatan.clone(),
            "KELURAHAN SESUAI KTP" | "KELURAHAN SEKARANG" => m.address.kelurahan.clone(),
            "RT SESUAI KTP" | "RT SEKARANG" => rt.to_string(),
            "RW SESUAI KTP" | "RW SEKARANG" => rw.to_string(),
            "PROPINSI SESUAI KTP" | "PROPINSI SEKARANG" => m.address.province.clone(),
            "KABUPATEN / KOTA SESUAI KTP"
            | "KABUPATEN/KOTA SESUAI KTP"
            | "KABUPATEN / KOTA SEKARANG"
            | "KABUPATEN/KOTA SEKARANG" => m.address.city.clone(),
            "NO. HP" => m.phone.clone(),
            "JENIS IDENTITAS" => identity_name(m.identity_kind).into(),
            "NO. IDENTITAS" | "NOMOR IDENTITAS" => m.identity_no.0.clone(),
            // The names INLISLite's lists hold (template rows 2-3; 3.3 LaporanSirkulasi.php:65).
            "JENIS KELAMIN" => match m.sex {
                Sex::Male => "Laki-laki".into(),
                Sex::Female => "Perempuan".into(),
            },
            "PEKERJAAN" => m.occupation.clone(),
            "IBU KANDUNG" => m.mother_name.0.clone(),
            "ALAMAT EMAIL" => m.email.clone(),
            "JENIS ANGGOTA" => type_name.clone(),
            "PENDIDIKAN TERAKHIR" => m.education.clone(),
            "TANGGAL PENDAFTARAN" => v.date(registered),
            "TANGGAL AKHIR BERLAKU" => v.date(expiry),
            // A first registration, as the template's rows say.
            "JENIS PERMOHONAN" => "Baru".into(),
            "STATUS ANGGOTA" => status_name(m.status).into(),
            "NAMA INSTITUSI" => m.institution.clone(),
            "PHOTO URL" => photo.clone(),
            _ => String::new(),
        })
        .collect()
}

/// What an export wrote.
pub struct Exported {
    pub bytes: Vec<u8>,
    pub members: usize,
    pub summary: Summary,
}

fn summary_notes(members: &[Member], opts: &ExportOptions, summary: &mut Summary) {
    let lang = opts.lang;
    let without = members.iter().filter(|m| m.valid_until.is_none()).count();
    if without > 0 {
        summary.notes.push(crate::t!(
            lang,
            "interop-inlislite-write-expiry-computed",
            n = without,
            status = status_name(MemberStatus::Pending),
        ));
    }
    let none = lang.text("interop-inlislite-write-left-blank-loket-does-not-keep");
    let blank: Vec<&str> = opts
        .version
        .columns()
        .iter()
        .copied()
        .filter(|c| {
            matches!(
                *c,
                "NO. TELP RUMAH"
                    | "PHONE"
                    | "AGAMA"
                    | "STATUS PERKAWINAN"
                    | "ALAMAT INSTITUSI"
                    | "NO TELP INSTITUSI"
                    | "NAMA (KEADAAN DARURAT)"
                    | "ALAMAT (KEADAAN DARURAT)"
                    | "NO TELP (KEADAAN DARURAT)"
                    | "STATUS HUBUNGAN (DARURAT)"
                    | "UNIT KERJA"
                    | "TAHUN AJARAN"
                    | "FAKULTAS"
                    | "JURUSAN"
                    | "PROGRAM STUDI"
                    | "KELAS SISWA"
            )
        })
        .collect();
    if !blank.is_empty() {
        summary.notes.push(format!(
            "{} {}: {none}.",
            lang.text("interop-inlislite-write-columns"),
            blank.join(", ")
        ));
    }
}

/// Writes the members as an .xlsx workbook with one sheet "Sheet1", every cell text (a NIK
/// or phone number as a number would lose digits or its leading 0).
pub fn write_xlsx(
    members: &[Member],
    config: &Config,
    tz: &TimeZone,
    opts: &ExportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<Exported, InteropError> {
    let fail = |e: rust_xlsxwriter::XlsxError| InteropError::Spreadsheet {
        path: "export".into(),
        reason: e.to_string(),
    };
    let mut summary = Summary::default();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(SHEET).map_err(fail)?;
    for (c, h) in opts.version.columns().iter().enumerate() {
        ws.write_string(0, c as u16, *h).map_err(fail)?;
    }
    for (r, m) in members.iter().enumerate() {
        for (c, v) in cells(r + 1, m, config, tz, opts, &mut summary)
            .iter()
            .enumerate()
        {
            if !v.is_empty() {
                ws.write_string(r as u32 + 1, c as u16, v).map_err(fail)?;
            }
        }
        progress(1);
    }
    summary_notes(members, opts, &mut summary);
    Ok(Exported {
        bytes: wb.save_to_buffer().map_err(fail)?,
        members: members.len(),
        summary,
    })
}

/// The same as a CSV (comma, CRLF, header row).
pub fn write_csv(
    members: &[Member],
    config: &Config,
    tz: &TimeZone,
    opts: &ExportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<Exported, InteropError> {
    let fail = |e: String| InteropError::Csv {
        path: "export".into(),
        line: 0,
        reason: e,
    };
    let mut summary = Summary::default();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(opts.version.columns())
        .map_err(|e| fail(e.to_string()))?;
    for (r, m) in members.iter().enumerate() {
        w.write_record(cells(r + 1, m, config, tz, opts, &mut summary))
            .map_err(|e| fail(e.to_string()))?;
        progress(1);
    }
    summary_notes(members, opts, &mut summary);
    Ok(Exported {
        bytes: w.into_inner().map_err(|e| fail(e.to_string()))?,
        members: members.len(),
        summary,
    })
}
