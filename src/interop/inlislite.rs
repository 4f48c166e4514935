//! INLISLite member spreadsheet, as INLISLite's member import expects it: a sheet "Sheet1"
//! whose first row names the columns (NO ANGGOTA, NAMA, …). Read from .xlsx or from a CSV
//! with the same header row; columns are found by name (case, spaces and dots ignored), not
//! by position, so extra columns and another order are fine.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use jiff::tz::TimeZone;

use super::{InteropError, LineCounter, SourceRow, local_date, parse_source_date, strip_bom};
use crate::config::Config;
use crate::domain::member::{Field, IdentityKind, Member, MemberStatus, Sex};

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
            .ok_or_else(|| fail("no sheet".into()))?
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

/// Turns the sheet into rows by header name. A missing required column refuses the file.
pub fn rows(sheet: Sheet) -> Result<Vec<SourceRow>, InteropError> {
    let keys: Vec<String> = sheet.headers.iter().map(|h| key(h)).collect();
    let find = |name: &str| keys.iter().position(|k| *k == key(name));
    let missing: Vec<String> = REQUIRED
        .iter()
        .filter(|c| find(c).is_none())
        .map(|c| c.to_string())
        .collect();
    if !missing.is_empty() {
        return Err(InteropError::MissingColumns(missing));
    }
    let idx: Vec<Option<usize>> = COLUMNS.iter().map(|c| find(c)).collect();
    let mut out = Vec::new();
    for (line, cells) in sheet.rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
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
    Ok(out)
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
            problems.push((
                col.to_string(),
                format!("'{}' bukan tanggal / is not a date", get(col)),
            ));
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
    let (rt, rw) = (get("RT SESUAI KTP"), get("RW SESUAI KTP"));
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

fn identity_name(k: IdentityKind) -> &'static str {
    match k {
        IdentityKind::Ktp => "KTP",
        IdentityKind::Kk => "KK",
        IdentityKind::Kia => "KIA",
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

fn status_name(s: MemberStatus) -> &'static str {
    match s {
        MemberStatus::Pending => "Pending",
        MemberStatus::Active => "Aktif",
        MemberStatus::Expired => "Tidak Aktif",
        MemberStatus::Blocked => "Blokir",
    }
}

/// The cells of one member, in `COLUMNS` order. Dates as dd-mm-yyyy text, as INLISLite shows
/// them (a text cell survives every spreadsheet program's date guessing).
fn cells(m: &Member, config: &Config, tz: &TimeZone) -> Vec<String> {
    let dmy = |d: jiff::civil::Date| d.strftime("%d-%m-%Y").to_string();
    let (rt, rw) = m
        .address
        .rt_rw
        .split_once('/')
        .unwrap_or((&m.address.rt_rw, ""));
    let type_name = config
        .member_type(&m.member_type)
        .map(|t| t.name.clone())
        .unwrap_or_else(|| m.member_type.clone());
    vec![
        m.member_no.to_string(),
        m.full_name.clone(),
        m.birth_place.clone(),
        dmy(m.birth_date),
        m.address.street.clone(),
        m.address.kecamatan.clone(),
        m.address.kelurahan.clone(),
        rt.to_string(),
        rw.to_string(),
        m.address.province.clone(),
        m.address.city.clone(),
        m.phone.clone(),
        String::new(),
        identity_name(m.identity_kind).into(),
        m.identity_no.0.clone(),
        match m.sex {
            Sex::Male => "Laki-laki".into(),
            Sex::Female => "Perempuan".into(),
        },
        m.occupation.clone(),
        m.education.clone(),
        dmy(local_date(m.registered_at, tz)),
        m.valid_until.map(dmy).unwrap_or_default(),
        m.mother_name.0.clone(),
        m.email.clone(),
        type_name,
        status_name(m.status).into(),
        m.institution.clone(),
    ]
}

/// Writes the members as an .xlsx workbook with one sheet "Sheet1", every cell text (a NIK
/// or phone number as a number would lose digits or its leading 0).
pub fn write_xlsx(
    members: &[Member],
    config: &Config,
    tz: &TimeZone,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<u8>, InteropError> {
    let fail = |e: rust_xlsxwriter::XlsxError| InteropError::Spreadsheet {
        path: "export".into(),
        reason: e.to_string(),
    };
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(SHEET).map_err(fail)?;
    for (c, h) in COLUMNS.iter().enumerate() {
        ws.write_string(0, c as u16, *h).map_err(fail)?;
    }
    for (r, m) in members.iter().enumerate() {
        for (c, v) in cells(m, config, tz).iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32 + 1, c as u16, v).map_err(fail)?;
            }
        }
        progress(1);
    }
    wb.save_to_buffer().map_err(fail)
}

/// The same as a CSV (comma, CRLF, header row).
pub fn write_csv(
    members: &[Member],
    config: &Config,
    tz: &TimeZone,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<u8>, InteropError> {
    let fail = |e: String| InteropError::Csv {
        path: "export".into(),
        line: 0,
        reason: e,
    };
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(COLUMNS).map_err(|e| fail(e.to_string()))?;
    for m in members {
        w.write_record(cells(m, config, tz))
            .map_err(|e| fail(e.to_string()))?;
        progress(1);
    }
    w.into_inner().map_err(|e| fail(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn headers_by_name_in_any_order_with_any_spacing() {
        let csv = "\u{feff}Nama;No Anggota;Jenis Kelamin;Tanggal Lahir;KABUPATEN/KOTA SESUAI KTP;No. HP;JENIS IDENTITAS;RT SESUAI KTP;RW SESUAI KTP;KOLOM LAIN\r\n\
                   \"Siti; Rahayu\";A1;Perempuan;17/03/2005;Sidoarjo;81234567890;E-KTP;3;5;x\r\n";
        let rows = rows(read_csv(csv.as_bytes(), "t.csv").unwrap()).unwrap();
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
            other => panic!("{:?}", other.map(|r| r.len())),
        }
    }

    #[test]
    fn statuses_and_dates_as_inlislite_writes_them() {
        let csv = "NO ANGGOTA,NAMA,JENIS KELAMIN,TANGGAL LAHIR,TANGGAL AKHIR BERLAKU,STATUS ANGGOTA\n\
                   A1,Siti,P,17-03-2005,46037,Blokir\nA2,Budi,L,1990-08-17,2026-01-15 00:00:00,Aktif\n";
        let rows = rows(read_csv(csv.as_bytes(), "t.csv").unwrap()).unwrap();
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
        let rows = rows(read_xlsx(&path).unwrap()).unwrap();
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].draft.birth_date, "2005-03-17");
        assert_eq!(rows[0].draft.identity_no, "3515125703050002");
    }
}
