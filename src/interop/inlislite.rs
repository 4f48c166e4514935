//! INLISLite member spreadsheet, as INLISLite's member import expects it: a sheet "Sheet1"
//! whose first row names the columns (NO ANGGOTA, NAMA, …). Read from .xlsx or from a CSV
//! with the same header row; columns are found by name (case, spaces and dots ignored), not
//! by position, so extra columns and another order are fine.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

use super::{
    InteropError, LineCounter, ReadProblem, SourceFile, SourceRow, parse_source_date, strip_bom,
};
use crate::domain::member::{Field, IdentityKind, MemberStatus};

pub const SHEET: &str = "Sheet1";

/// The columns loket writes, in INLISLite's template order; each is read by name too.
pub const COLUMNS: [&str; 25] = [
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
    "NO. HP",
    "NO. TELP RUMAH",
    "JENIS IDENTITAS",
    "NO. IDENTITAS",
    "JENIS KELAMIN",
    "PEKERJAAN",
    "PENDIDIKAN TERAKHIR",
    "TANGGAL PENDAFTARAN",
    "TANGGAL AKHIR BERLAKU",
    "IBU KANDUNG",
    "ALAMAT EMAIL",
    "JENIS ANGGOTA",
    "STATUS ANGGOTA",
    "NAMA INSTITUSI",
];

/// Without these a row is no member: the file is refused as a whole, naming them.
const REQUIRED: [&str; 4] = ["NO ANGGOTA", "NAMA", "TANGGAL LAHIR", "JENIS KELAMIN"];

pub fn column(field: Field) -> &'static str {
    match field {
        Field::FullName => "NAMA",
        Field::IdentityKind => "JENIS IDENTITAS",
        Field::IdentityNo => "NO. IDENTITAS",
        Field::BirthPlace => "TEMPAT LAHIR",
        Field::BirthDate => "TANGGAL LAHIR",
        Field::Sex => "JENIS KELAMIN",
        Field::Street => "ALAMAT SESUAI KTP",
        Field::RtRw => "RT SESUAI KTP",
        Field::Kelurahan => "KELURAHAN SESUAI KTP",
        Field::Kecamatan => "KECAMATAN SESUAI KTP",
        Field::City => "KABUPATEN / KOTA SESUAI KTP",
        Field::Province => "PROPINSI SESUAI KTP",
        Field::Phone => "NO. HP",
        Field::Email => "ALAMAT EMAIL",
        Field::MotherName => "IBU KANDUNG",
        Field::Occupation => "PEKERJAAN",
        Field::Education => "PENDIDIKAN TERAKHIR",
        Field::Institution => "NAMA INSTITUSI",
        Field::MemberType => "JENIS ANGGOTA",
    }
}

/// A header as compared: letters and digits only, upper case. "Kabupaten/Kota sesuai KTP"
/// and "KABUPATEN / KOTA SESUAI KTP" are the same column; so are "NO. HP" and "No HP".
fn key(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A sheet as text: the header row and the rows under it with their 1-based row numbers.
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Reads "Sheet1" (or, failing that, the first sheet) of an .xlsx file.
pub fn read_xlsx(path: &Path) -> Result<Sheet, InteropError> {
    let fail = |reason: String| InteropError::Spreadsheet {
        path: path.display().to_string(),
        reason,
    };
    let mut wb: Xlsx<_> = open_workbook(path).map_err(|e| fail(format!("{e}")))?;
    let name = if wb.sheet_names().iter().any(|n| n == SHEET) {
        SHEET.to_string()
    } else {
        wb.sheet_names()
            .first()
            .cloned()
            .ok_or_else(|| InteropError::NoSheet {
                path: path.display().to_string(),
            })?
    };
    let range = wb
        .worksheet_range(&name)
        .map_err(|e| fail(format!("{e}")))?;
    let first_row = u64::from(range.start().map(|(r, _)| r).unwrap_or(0));
    let mut rows = range.rows().enumerate();
    let headers = match rows.next() {
        Some((_, cells)) => cells.iter().map(cell_text).collect(),
        None => Vec::new(),
    };
    let rows = rows
        .map(|(i, cells)| {
            (
                first_row + i as u64 + 1,
                cells.iter().map(cell_text).collect(),
            )
        })
        .collect();
    Ok(Sheet { headers, rows })
}

/// A cell as the text a CSV would hold. Numbers lose Excel's ".0"; dates become their
/// serial number, which `parse_source_date` reads like any other date.
fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // A 16-digit NIK typed as a number is below 2^53: it survives as a float exactly.
        Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_f64().to_string(),
    }
}

/// Reads a CSV with INLISLite's header row (comma or semicolon, as Excel writes it for an
/// Indonesian locale; BOM and CRLF allowed).
pub fn read_csv(data: &[u8], path: &str) -> Result<Sheet, InteropError> {
    let data = strip_bom(data);
    let first_line = data.split(|b| *b == b'\n').next().unwrap_or_default();
    let semicolons = first_line.iter().filter(|b| **b == b';').count();
    let commas = first_line.iter().filter(|b| **b == b',').count();
    let separator = if semicolons > commas { b';' } else { b',' };
    let mut lines = LineCounter::new(data);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(data);
    let mut headers = Vec::new();
    let mut rows = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| InteropError::Csv {
            path: path.into(),
            line: e.position().map(|p| p.line()).unwrap_or(0),
            reason: e.to_string(),
        })?;
        let cells: Vec<String> = rec.iter().map(str::to_string).collect();
        if i == 0 {
            headers = cells;
        } else {
            let byte = rec.position().map(|p| p.byte()).unwrap_or(0);
            rows.push((lines.line_at(byte), cells));
        }
    }
    Ok(Sheet { headers, rows })
}

/// Other names the same column has in another INLISLite version: 3.3's import names the
/// identity number `nomor identitas` and the home phone `phone`
/// (AnggotaImportController.php:85 and 106); 3.x's `NO. IDENTITAS` and `NO. TELP RUMAH`
/// (ImportMemberForm.php:78 and 90).
const ALIASES: [(&str, &str); 2] = [
    ("NO. IDENTITAS", "NOMOR IDENTITAS"),
    ("NO. TELP RUMAH", "PHONE"),
];

/// Turns the sheet into rows by header name. A missing required column refuses the file.
/// Columns loket does not read are counted (rows with a value) for the report.
pub fn rows(sheet: Sheet) -> Result<SourceFile, InteropError> {
    let keys: Vec<String> = sheet.headers.iter().map(|h| key(h)).collect();
    let find = |name: &str| {
        keys.iter().position(|k| *k == key(name)).or_else(|| {
            ALIASES
                .iter()
                .find(|(n, _)| *n == name)
                .and_then(|(_, alias)| keys.iter().position(|k| *k == key(alias)))
        })
    };
    let missing: Vec<String> = REQUIRED
        .iter()
        .filter(|c| find(c).is_none())
        .map(|c| c.to_string())
        .collect();
    if !missing.is_empty() {
        return Err(InteropError::MissingColumns(missing));
    }
    let idx: Vec<Option<usize>> = COLUMNS.iter().map(|c| find(c)).collect();
    let unread: Vec<usize> = (0..keys.len())
        .filter(|i| !idx.contains(&Some(*i)) && !keys[*i].is_empty() && keys[*i] != "NO")
        .collect();
    let mut filled = vec![0usize; unread.len()];
    let mut out = Vec::new();
    for (line, cells) in sheet.rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        for (n, i) in unread.iter().enumerate() {
            filled[n] += usize::from(cells.get(*i).is_some_and(|c| !c.trim().is_empty()));
        }
        let get = |name: &str| -> String {
            let i = COLUMNS
                .iter()
                .position(|c| *c == name)
                .expect("a known column");
            idx[i]
                .and_then(|j| cells.get(j))
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        out.push(row(line, &get));
    }
    let ignored = unread
        .iter()
        .zip(filled)
        .map(|(i, n)| (sheet.headers[*i].trim().to_string(), n))
        .collect();
    Ok(SourceFile { rows: out, ignored })
}

fn row(line: u64, get: &dyn Fn(&str) -> String) -> SourceRow {
    let mut row = SourceRow {
        line,
        member_no: get("NO ANGGOTA"),
        member_type: get("JENIS ANGGOTA"),
        ..SourceRow::default()
    };
    let mut problems = Vec::new();
    let mut date = |col: &str| match parse_source_date(&get(col)) {
        Ok(d) => d,
        Err(_) => {
            problems.push((col.to_string(), ReadProblem::NotADate(get(col))));
            None
        }
    };
    row.registered = date("TANGGAL PENDAFTARAN");
    row.valid_until = date("TANGGAL AKHIR BERLAKU");
    row.problems = problems;
    let d = &mut row.draft;
    d.full_name = get("NAMA");
    d.birth_place = get("TEMPAT LAHIR");
    let birth = get("TANGGAL LAHIR");
    d.birth_date = match parse_source_date(&birth) {
        Ok(Some(b)) => b.to_string(),
        Ok(None) => String::new(),
        Err(_) => birth,
    };
    d.address.street = get("ALAMAT SESUAI KTP");
    d.address.kecamatan = get("KECAMATAN SESUAI KTP");
    d.address.kelurahan = get("KELURAHAN SESUAI KTP");
    // INLISLite's template writes "RT 01" and "RW 07" (001_FormatAnggota.xlsx, I2:J2).
    let bare = |s: String, prefix: &str| {
        let t = s.trim();
        match t.get(..2) {
            Some(p) if p.eq_ignore_ascii_case(prefix) => t[2..].trim().to_string(),
            _ => t.to_string(),
        }
    };
    let (rt, rw) = (
        bare(get("RT SESUAI KTP"), "RT"),
        bare(get("RW SESUAI KTP"), "RW"),
    );
    d.address.rt_rw = match (rt.is_empty(), rw.is_empty()) {
        (true, true) => String::new(),
        _ => format!("{rt}/{rw}"),
    };
    d.address.province = get("PROPINSI SESUAI KTP");
    d.address.city = get("KABUPATEN / KOTA SESUAI KTP");
    // loket keeps one phone: the mobile, else the home line.
    let hp = phone(&get("NO. HP"));
    d.phone = if hp.is_empty() {
        phone(&get("NO. TELP RUMAH"))
    } else {
        hp
    };
    let kind = get("JENIS IDENTITAS");
    d.identity_kind = identity_kind(&kind)
        .map(|k| k.code().to_string())
        .unwrap_or(kind);
    d.identity_no = get("NO. IDENTITAS");
    let sex = get("JENIS KELAMIN");
    d.sex = match sex.to_uppercase().as_str() {
        "PRIA" | "LAKI - LAKI" => "L".into(),
        "WANITA" => "P".into(),
        _ => sex,
    };
    d.occupation = get("PEKERJAAN");
    d.education = get("PENDIDIKAN TERAKHIR");
    d.mother_name = get("IBU KANDUNG");
    d.email = get("ALAMAT EMAIL");
    d.institution = get("NAMA INSTITUSI");
    row.status = status(&get("STATUS ANGGOTA"));
    row
}

/// A phone number that went through a spreadsheet as a number lost its leading 0
/// ("81234567890"): Indonesian mobiles start 08, so a bare 8 gets its 0 back.
fn phone(s: &str) -> String {
    if s.starts_with('8') && s.chars().all(|c| c.is_ascii_digit()) {
        format!("0{s}")
    } else {
        s.to_string()
    }
}

/// INLISLite's identity document names (its master list), as loket's kinds.
fn identity_kind(s: &str) -> Option<IdentityKind> {
    match key(s).as_str() {
        "" => None,
        "KTP" | "EKTP" => Some(IdentityKind::Ktp),
        "KK" | "KARTUKELUARGA" => Some(IdentityKind::Kk),
        "KIA" | "KARTUIDENTITASANAK" => Some(IdentityKind::Kia),
        "KARTUPELAJAR" | "PELAJAR" | "KTM" | "KARTUMAHASISWA" | "KARTUPELAJARMAHASISWA" => {
            Some(IdentityKind::StudentCard)
        }
        "PASPOR" | "PASSPORT" => Some(IdentityKind::Passport),
        _ => None,
    }
}

pub(super) fn identity_name(k: IdentityKind) -> &'static str {
    match k {
        IdentityKind::Ktp => "KTP",
        IdentityKind::Kk => "KK",
        IdentityKind::Kia => "KIA",
        // i18n: INLISLite value: its JENIS IDENTITAS list names the student card so
        IdentityKind::StudentCard => "Kartu Pelajar",
        IdentityKind::Passport => "Paspor",
    }
}

/// INLISLite's member statuses. "Tidak aktif" is how it shows an expired card.
fn status(s: &str) -> Option<MemberStatus> {
    match key(s).as_str() {
        "AKTIF" | "ACTIVE" => Some(MemberStatus::Active),
        "PENDING" | "BELUMAKTIF" | "MENUNGGU" => Some(MemberStatus::Pending),
        "BLOKIR" | "DIBLOKIR" | "BLOCKED" => Some(MemberStatus::Blocked),
        "TIDAKAKTIF" | "NONAKTIF" | "KADALUARSA" | "KEDALUWARSA" | "EXPIRED" => {
            Some(MemberStatus::Expired)
        }
        _ => None,
    }
}

pub(super) fn status_name(s: MemberStatus) -> &'static str {
    match s {
        MemberStatus::Pending => "Pending",
        MemberStatus::Active => "Aktif",
        // i18n: INLISLite value: its STATUS ANGGOTA for an expired card
        MemberStatus::Expired => "Tidak Aktif",
        MemberStatus::Blocked => "Blokir",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn headers_by_name_in_any_order_with_any_spacing() {
        let csv = "\u{feff}Nama;No Anggota;Jenis Kelamin;Tanggal Lahir;KABUPATEN/KOTA SESUAI KTP;No. HP;JENIS IDENTITAS;RT SESUAI KTP;RW SESUAI KTP;KOLOM LAIN\r\n\
                   \"Siti; Rahayu\";A1;Perempuan;17/03/2005;Sidoarjo;81234567890;E-KTP;3;5;x\r\n";
        let rows = rows(read_csv(csv.as_bytes(), "t.csv").unwrap())
            .unwrap()
            .rows;
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(r.line, 2);
        assert_eq!(r.member_no, "A1");
        assert_eq!(r.draft.full_name, "Siti; Rahayu");
        assert_eq!(r.draft.birth_date, "2005-03-17");
        assert_eq!(r.draft.address.city, "Sidoarjo");
        assert_eq!(r.draft.address.rt_rw, "3/5");
        assert_eq!(r.draft.phone, "081234567890");
        assert_eq!(r.draft.identity_kind, "ktp");
        assert_eq!(r.draft.sex, "Perempuan");
    }

    #[test]
    fn a_missing_required_column_refuses_the_file() {
        let csv = "NO ANGGOTA,NAMA,JENIS KELAMIN\nA1,Siti,P\n";
        match rows(read_csv(csv.as_bytes(), "t.csv").unwrap()) {
            Err(InteropError::MissingColumns(c)) => assert_eq!(c, vec!["TANGGAL LAHIR"]),
            other => panic!("{:?}", other.map(|r| r.rows.len())),
        }
    }

    #[test]
    fn statuses_and_dates_as_inlislite_writes_them() {
        let csv = "NO ANGGOTA,NAMA,JENIS KELAMIN,TANGGAL LAHIR,TANGGAL AKHIR BERLAKU,STATUS ANGGOTA\n\
                   A1,Siti,P,17-03-2005,46037,Blokir\nA2,Budi,L,1990-08-17,2026-01-15 00:00:00,Aktif\n";
        let rows = rows(read_csv(csv.as_bytes(), "t.csv").unwrap())
            .unwrap()
            .rows;
        assert_eq!(rows[0].valid_until, Some(date(2026, 1, 15)));
        assert_eq!(rows[0].status, Some(MemberStatus::Blocked));
        assert_eq!(rows[1].valid_until, Some(date(2026, 1, 15)));
        assert_eq!(rows[1].status, Some(MemberStatus::Active));
    }

    #[test]
    fn an_xlsx_written_is_read_back_with_the_same_cells() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name(SHEET).unwrap();
        for (c, h) in [
            "NO ANGGOTA",
            "NAMA",
            "TANGGAL LAHIR",
            "JENIS KELAMIN",
            "NO. IDENTITAS",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "A1").unwrap();
        ws.write_string(1, 1, "Siti").unwrap();
        ws.write_number(1, 2, 38428.0).unwrap();
        ws.write_string(1, 3, "P").unwrap();
        ws.write_number(1, 4, 3515125703050002.0).unwrap();
        wb.save(&path).unwrap();
        let rows = rows(read_xlsx(&path).unwrap()).unwrap().rows;
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].draft.birth_date, "2005-03-17");
        assert_eq!(rows[0].draft.identity_no, "3515125703050002");
    }
}
