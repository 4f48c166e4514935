//! SLiMS member CSV, in the column order of SLiMS's own member export (and its import):
//! member_id, member_name, gender, member_type_name, member_email, member_address,
//! postal_code, inst_name, is_new, member_image, pin, member_phone, member_fax,
//! member_since_date, register_date, expire_date, birth_date, member_notes, and an optional
//! 19th column, the password hash, which is never read.
//!
//! SLiMS has no NIK column. Its `pin` ("Personal ID Number", *nomor identitas*) holds the
//! identity number, so the NIK goes there, both ways; `member_notes` stays free text that
//! loket neither reads nor writes (staff write anything there, and a NIK in a note would be
//! shown unmasked on SLiMS's screens). SLiMS keeps no mother's name, birth place, identity
//! kind, occupation or education: those are left empty on import and flagged.

use jiff::tz::TimeZone;

use super::{InteropError, LineCounter, SourceRow, local_date, parse_source_date, strip_bom};
use crate::config::Config;
use crate::domain::member::{Field, Member, Sex};

pub const COLUMNS: [&str; 18] = [
    "member_id",
    "member_name",
    "gender",
    "member_type_name",
    "member_email",
    "member_address",
    "postal_code",
    "inst_name",
    "is_new",
    "member_image",
    "pin",
    "member_phone",
    "member_fax",
    "member_since_date",
    "register_date",
    "expire_date",
    "birth_date",
    "member_notes",
];

/// The column a loket field comes from, for the report.
pub fn column(field: Field) -> &'static str {
    match field {
        Field::FullName => "member_name",
        Field::IdentityKind | Field::IdentityNo => "pin",
        Field::BirthDate => "birth_date",
        Field::Sex => "gender",
        Field::Street
        | Field::RtRw
        | Field::Kelurahan
        | Field::Kecamatan
        | Field::City
        | Field::Province => "member_address",
        Field::Phone => "member_phone",
        Field::Email => "member_email",
        Field::Institution => "inst_name",
        Field::MemberType => "member_type_name",
        // Not in SLiMS: the report names loket's field instead.
        Field::BirthPlace => "(tempat lahir)",
        Field::MotherName => "(ibu kandung)",
        Field::Occupation => "(pekerjaan)",
        Field::Education => "(pendidikan)",
    }
}

/// Separator and quote: SLiMS asks for both on import and export (`,` and `"` by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    pub separator: u8,
    pub quote: u8,
}

impl Default for Dialect {
    fn default() -> Self {
        Dialect {
            separator: b',',
            quote: b'"',
        }
    }
}

/// Reads a SLiMS member CSV: BOM or not, CRLF or LF, quoted fields with separators and line
/// breaks, with or without a header row (recognised by `member_id` in its first field).
pub fn read(data: &[u8], dialect: Dialect, path: &str) -> Result<Vec<SourceRow>, InteropError> {
    let data = strip_bom(data);
    let mut lines = LineCounter::new(data);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(dialect.separator)
        .quote(dialect.quote)
        .from_reader(data);
    let mut rows = Vec::new();
    let mut first = true;
    for rec in r.records() {
        let rec = rec.map_err(|e| InteropError::Csv {
            path: path.into(),
            line: e.position().map(|p| p.line()).unwrap_or(0),
            reason: e.to_string(),
        })?;
        let line = lines.line_at(rec.position().map(|p| p.byte()).unwrap_or(0));
        if std::mem::take(&mut first) && rec.get(0).is_some_and(|f| f.trim() == "member_id") {
            continue;
        }
        // A blank line at the end (or anywhere) is no member.
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        rows.push(row(line, &rec));
    }
    Ok(rows)
}

fn row(line: u64, rec: &csv::StringRecord) -> SourceRow {
    let f = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
    let mut row = SourceRow {
        line,
        member_no: f(0),
        member_type: f(3),
        ..SourceRow::default()
    };
    if !(18..=19).contains(&rec.len()) {
        // Positions mean nothing in a row of the wrong width: reading on would put the phone
        // number in the NIK.
        row.draft.full_name = f(1);
        row.malformed = true;
        row.problems.push((
            "(kolom / columns)".into(),
            format!(
                "{} kolom, SLiMS menulis 18 atau 19 / {} columns, SLiMS writes 18 or 19",
                rec.len(),
                rec.len()
            ),
        ));
        return row;
    }
    let d = &mut row.draft;
    d.full_name = f(1);
    d.sex = match f(2).as_str() {
        "1" => "L".into(),
        "0" => "P".into(),
        other => other.into(),
    };
    d.email = f(4);
    d.address.street = f(5);
    d.institution = f(7);
    d.identity_no = f(10);
    d.phone = f(11);
    let mut date = |i: usize| match parse_source_date(&f(i)) {
        Ok(d) => d,
        Err(_) => {
            row.problems.push((
                COLUMNS[i].into(),
                format!("'{}' bukan tanggal / is not a date", f(i)),
            ));
            None
        }
    };
    let since = date(13);
    let registered = date(14);
    let expire = date(15);
    // Birth dates go through the form's own check (required, not in the future), so they
    // are passed on as text; a date in a spreadsheet-ish form is rewritten first.
    let birth = f(16);
    row.registered = since.or(registered);
    row.valid_until = expire;
    row.draft.birth_date = match parse_source_date(&birth) {
        Ok(Some(d)) => d.to_string(),
        Ok(None) => String::new(),
        Err(_) => birth,
    };
    row
}

/// Writes members as a SLiMS member CSV (18 columns, no password), with a header row when
/// `header`. The member type is written by name, as SLiMS matches it.
pub fn write(
    members: &[Member],
    config: &Config,
    tz: &TimeZone,
    dialect: Dialect,
    header: bool,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<u8>, InteropError> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(dialect.separator)
        .quote(dialect.quote)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fail = |e: csv::Error| InteropError::Csv {
        path: "export".into(),
        line: 0,
        reason: e.to_string(),
    };
    if header {
        w.write_record(COLUMNS).map_err(fail)?;
    }
    for m in members {
        let type_name = config
            .member_type(&m.member_type)
            .map(|t| t.name.clone())
            .unwrap_or_else(|| m.member_type.clone());
        let registered = local_date(m.registered_at, tz).to_string();
        let rec = [
            m.member_no.to_string(),
            m.full_name.clone(),
            match m.sex {
                Sex::Male => "1".into(),
                Sex::Female => "0".into(),
            },
            type_name,
            m.email.clone(),
            m.address.one_line(),
            String::new(),
            m.institution.clone(),
            "0".into(),
            String::new(),
            m.identity_no.0.clone(),
            m.phone.clone(),
            String::new(),
            registered.clone(),
            registered,
            m.valid_until.map(|d| d.to_string()).unwrap_or_default(),
            m.birth_date.to_string(),
            String::new(),
        ];
        w.write_record(&rec).map_err(fail)?;
        progress(1);
    }
    w.into_inner().map_err(|e| InteropError::Csv {
        path: "export".into(),
        line: 0,
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const HEADER: &str = "member_id,member_name,gender,member_type_name,member_email,member_address,postal_code,inst_name,is_new,member_image,pin,member_phone,member_fax,member_since_date,register_date,expire_date,birth_date,member_notes";

    fn line(no: &str, name: &str, extra: &str) -> String {
        format!(
            "{no},{name},0,Umum,siti@example.org,\"Jl. Mawar 3, RT 01\nSidoarjo\",61252,,0,,3515125703050002,081234567890,,2024-01-15,15-01-2024,46037,17-03-2005,catatan{extra}"
        )
    }

    #[test]
    fn bom_crlf_quotes_and_line_breaks_with_a_header() {
        let text = format!(
            "\u{feff}{HEADER}\r\n{}\r\n{}\r\n",
            line("S001", "\"Rahayu, Siti\"", ""),
            line("S002", "Budi", ",$2y$10$hash")
        );
        let rows = read(text.as_bytes(), Dialect::default(), "t.csv").unwrap();
        assert_eq!(rows.len(), 2);
        let r = &rows[0];
        assert_eq!(r.line, 2);
        assert_eq!(r.member_no, "S001");
        assert_eq!(r.draft.full_name, "Rahayu, Siti");
        assert_eq!(r.draft.sex, "P");
        assert_eq!(r.draft.address.street, "Jl. Mawar 3, RT 01\nSidoarjo");
        assert_eq!(r.draft.identity_no, "3515125703050002");
        assert_eq!(r.draft.birth_date, "2005-03-17");
        assert_eq!(r.registered, Some(date(2024, 1, 15)));
        assert_eq!(r.valid_until, Some(date(2026, 1, 15)), "a serial date");
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(
            rows[1].line, 4,
            "the quoted line break moves the next row down"
        );
        assert!(
            rows[1].problems.is_empty(),
            "a 19th column (password) is ignored"
        );
    }

    #[test]
    fn no_header_another_separator_and_quote() {
        let text = "S9;'Wati; Sri';0;;;'Jl. A';;;;;;0812345678;;;;;1990-08-17;\n";
        let rows = read(
            text.as_bytes(),
            Dialect {
                separator: b';',
                quote: b'\'',
            },
            "t.csv",
        )
        .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].line, 1);
        assert_eq!(rows[0].draft.full_name, "Wati; Sri");
        assert_eq!(rows[0].valid_until, None);
    }

    #[test]
    fn a_short_row_or_a_bad_date_is_a_problem_of_that_row() {
        let text = format!(
            "{HEADER}\nS1,Ani,0\n{}\n",
            line("S2", "Ani", "").replace("46037", "31-31-2024")
        );
        let rows = read(text.as_bytes(), Dialect::default(), "t.csv").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].problems.len(), 1);
        assert_eq!(rows[1].problems[0].0, "expire_date");
    }

    #[test]
    fn broken_quoting_names_the_line() {
        let text = format!("{HEADER}\n\"S1,Ani\n");
        let rows = read(text.as_bytes(), Dialect::default(), "t.csv").unwrap();
        // An unclosed quote runs to the end of the file: one short row, reported as such.
        assert_eq!(rows.len(), 1);
        assert!(!rows[0].problems.is_empty());
    }
}
