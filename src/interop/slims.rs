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

use super::summary::Summary;
use super::{
    InteropError, ReadProblem, SourceFile, SourceRow, local_date, parse_source_date, slims_csv,
    strip_bom,
};
use crate::config::Config;
use crate::domain::member::{Field, Member, MemberStatus, Sex};
use crate::i18n::Lang;

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
        // i18n: column names in the report, Indonesian as INLISLite's, the same in every language
        Field::BirthPlace => "(tempat lahir)",
        // i18n: as above
        Field::MotherName => "(ibu kandung)",
        Field::Occupation => "(pekerjaan)",
        Field::Education => "(pendidikan)",
    }
}

/// Separator and quote: SLiMS asks for both on import and export (`,` and `"` by default;
/// import.php:375-377, export.php:156-158).
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

/// The SLiMS columns loket reads nothing from, by index, and the message saying why (for the
/// report).
const NOT_READ: [(usize, &str); 5] = [
    (6, "interop-slims-no-postal-code"),
    (9, "interop-slims-photo-file-name"),
    (12, "interop-slims-no-fax"),
    (17, "interop-slims-notes-not-read"),
    (18, "interop-slims-password-never-carried"),
];

/// Reads a SLiMS member CSV: SLiMS's own export (MySQL escapes, `\n` or `\r` records, a
/// header row ending in a separator) as well as one saved by a spreadsheet (BOM, CRLF,
/// doubled quotes, quoted line breaks), with or without the header row (recognised by
/// `member_id` in its first field).
pub fn read(data: &[u8], dialect: Dialect, _path: &str) -> Result<SourceFile, InteropError> {
    let data = strip_bom(data);
    let mut rows = Vec::new();
    let mut filled = [0usize; 19];
    let mut first = true;
    slims_csv::each_record(data, dialect.separator, dialect.quote, &mut |rec| {
        if std::mem::take(&mut first) && rec.fields.first().is_some_and(|f| f.trim() == "member_id")
        {
            return;
        }
        // A blank line at the end (or anywhere) is no member.
        if rec.fields.iter().all(|f| f.trim().is_empty()) {
            return;
        }
        let row = row(&rec);
        if !row.malformed {
            for (n, count) in filled.iter_mut().enumerate() {
                *count += usize::from(rec.fields.get(n).is_some_and(|f| !f.trim().is_empty()));
            }
        }
        rows.push(row);
    });
    let ignored = NOT_READ
        .iter()
        .map(|(i, _)| (COLUMNS_WITH_PASSWORD[*i].to_string(), filled[*i]))
        .collect();
    Ok(SourceFile { rows, ignored })
}

/// Why a SLiMS column was not read, for the report.
pub fn why_not_read(column: &str, lang: Lang) -> Option<String> {
    NOT_READ
        .iter()
        .find(|(i, _)| COLUMNS_WITH_PASSWORD[*i] == column)
        .map(|(_, why)| lang.text(why).to_string())
}

/// The 19 columns of SLiMS's import sample (import.php:62-68): the 18 of its export and
/// `mpasswd`.
const COLUMNS_WITH_PASSWORD: [&str; 19] = [
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
    "mpasswd",
];

fn row(rec: &slims_csv::Record) -> SourceRow {
    let f = |i: usize| {
        rec.fields
            .get(i)
            .map(|s| s.trim())
            .unwrap_or("")
            .to_string()
    };
    let mut row = SourceRow {
        line: rec.line,
        member_no: f(0),
        member_type: f(3),
        photo: f(9),
        ..SourceRow::default()
    };
    let width = rec.fields.len();
    if rec.unclosed || !(18..=19).contains(&width) {
        // Positions mean nothing in a row of the wrong width: reading on would put the phone
        // number in the NIK.
        row.draft.full_name = f(1);
        row.malformed = true;
        row.problems.push((
            String::new(),
            if rec.unclosed {
                ReadProblem::QuoteNeverClosed { line: rec.line }
            } else {
                ReadProblem::WrongWidth { width }
            },
        ));
        return row;
    }
    if rec.not_utf8 {
        row.problems.push((String::new(), ReadProblem::NotUtf8));
    }
    let d = &mut row.draft;
    d.full_name = f(1);
    d.sex = match f(2).as_str() {
        "1" => "L".into(),
        "0" => "P".into(),
        other => other.into(),
    };
    d.email = f(4);
    // SLiMS's address is a text area: its lines become one, as loket keeps addresses.
    d.address.street = f(5)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    d.institution = f(7);
    d.identity_no = f(10);
    d.phone = f(11);
    let mut date = |i: usize| match parse_source_date(&f(i)) {
        Ok(d) => d,
        Err(_) => {
            row.problems
                .push((COLUMNS[i].into(), ReadProblem::NotADate(f(i))));
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

/// SLiMS's stock member type, the one every install has (and the only one of a fresh one).
pub const STOCK_TYPE: &str = "Standard";

/// The file name SLiMS gives a member's photo in `images/persons/`
/// (admin/modules/membership/index.php:206 and 220): `member_<id>.<ext>`. Characters a file
/// name cannot hold become `_`.
pub fn photo_file_name(member_no: &str) -> String {
    let safe: String = member_no
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("member_{safe}.jpg")
}

/// How an export to SLiMS runs.
pub struct ExportOptions<'a> {
    pub dialect: Dialect,
    pub header: bool,
    /// `SLiMS name = loket code` entries, the same as on import.
    pub type_map: &'a [(String, String)],
    /// Also members without a card yet (their expiry: what their card will get).
    pub pending: bool,
    /// Members whose photo is exported as `photo_file_name`.
    pub with_photo: &'a dyn Fn(&str) -> bool,
    pub today: jiff::civil::Date,
    pub lang: Lang,
}

/// What an export wrote: the file, how many members, and the librarian's summary.
pub struct Exported {
    pub bytes: Vec<u8>,
    pub members: usize,
    pub summary: Summary,
}

/// Writes members as a SLiMS member CSV (18 columns, no password) that SLiMS's import reads
/// back exactly, with a header row when `header`. Types by the SLiMS name they map to, else
/// SLiMS's stock type (an unknown name would be created with a loan limit of 0); the expiry
/// always a real date (an empty one is stored as 0000-00-00: expired).
pub fn write(
    members: &[Member],
    config: &Config,
    tz: &TimeZone,
    opts: &ExportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<Exported, InteropError> {
    let lang = opts.lang;
    let Dialect { separator, quote } = opts.dialect;
    let mut out = Vec::with_capacity(members.len() * 200);
    let mut summary = Summary::default();
    if opts.header {
        push_record(
            &mut out,
            COLUMNS.iter().map(|c| c.to_string()),
            separator,
            quote,
        )
        .map_err(|_| unwritable_header())?;
    }
    let mut written: Vec<&Member> = Vec::new();
    let (mut pending_left, mut unwritable) = (0usize, Vec::new());
    let mut computed_expiry = 0usize;
    for m in members {
        progress(1);
        if m.status == MemberStatus::Pending && !opts.pending {
            pending_left += 1;
            continue;
        }
        let loket_type = config.member_type(&m.member_type);
        let type_label = loket_type
            .map(|t| t.name.clone())
            .unwrap_or_else(|| m.member_type.clone());
        let (type_name, how) = match opts
            .type_map
            .iter()
            .find(|(_, code)| *code == m.member_type)
        {
            Some((name, _)) => (name.clone(), "--type-map"),
            None => (
                STOCK_TYPE.to_string(),
                lang.text("interop-slims-slims-s-stock-type"),
            ),
        };
        let registered = local_date(m.registered_at, tz);
        let expiry = match m.valid_until {
            Some(d) => d,
            None => {
                computed_expiry += 1;
                loket_type
                    .map(|t| t.valid_until(registered.max(opts.today)))
                    .unwrap_or(opts.today)
            }
        };
        let rec = [
            m.member_no.to_string(),
            m.full_name.clone(),
            match m.sex {
                Sex::Male => "1".into(),
                Sex::Female => "0".into(),
            },
            type_name.clone(),
            m.email.clone(),
            m.address.one_line(),
            String::new(),
            m.institution.clone(),
            "0".into(),
            if (opts.with_photo)(m.member_no.as_str()) {
                photo_file_name(m.member_no.as_str())
            } else {
                String::new()
            },
            m.identity_no.0.clone(),
            m.phone.clone(),
            String::new(),
            registered.to_string(),
            registered.to_string(),
            expiry.to_string(),
            m.birth_date.to_string(),
            String::new(),
        ];
        let mut line = Vec::new();
        if push_record(&mut line, rec.into_iter(), separator, quote).is_err() {
            unwritable.push(m.member_no.to_string());
            continue;
        }
        out.extend_from_slice(&line);
        summary.map("member_type_name", &type_label, &type_name, how);
        written.push(m);
    }
    left_out(&written, &mut summary, lang);
    if pending_left > 0 {
        summary.notes.push(crate::t!(
            lang,
            "interop-slims-pending-not-exported",
            n = pending_left
        ));
    }
    if computed_expiry > 0 {
        summary.notes.push(crate::t!(
            lang,
            "interop-slims-expiry-computed",
            n = computed_expiry
        ));
    }
    if !unwritable.is_empty() {
        summary.notes.push(crate::t!(
            lang,
            "interop-slims-unwritable",
            members = unwritable.join(", ")
        ));
    }
    Ok(Exported {
        bytes: out,
        members: written.len(),
        summary,
    })
}

fn unwritable_header() -> InteropError {
    InteropError::Csv {
        path: "export".into(),
        line: 1,
        reason: "header".into(),
    }
}

fn push_record(
    out: &mut Vec<u8>,
    values: impl Iterator<Item = String>,
    sep: u8,
    quote: u8,
) -> Result<(), slims_csv::Unwritable> {
    for (i, v) in values.enumerate() {
        if i > 0 {
            out.push(sep);
        }
        slims_csv::encode(&v, sep, quote, out)?;
    }
    // SLiMS's own export ends records with "\n" (export.php:59-60).
    out.push(b'\n');
    Ok(())
}

/// loket's fields SLiMS has no column for, with how many exported members had a value.
fn left_out(members: &[&Member], summary: &mut Summary, lang: Lang) {
    let count = |f: &dyn Fn(&Member) -> bool| members.iter().filter(|m| f(m)).count();
    let none = lang.text("interop-slims-slims-has-no-field-for-it");
    for (field, n) in [
        (
            lang.text("interop-slims-mother-s-name"),
            count(&|m| !m.mother_name.0.is_empty()),
        ),
        (
            lang.text("interop-slims-birth-place"),
            count(&|m| !m.birth_place.is_empty()),
        ),
        (
            lang.text("interop-slims-identity-document"),
            count(&|_| true),
        ),
        (
            lang.text("interop-slims-occupation"),
            count(&|m| !m.occupation.is_empty()),
        ),
        (
            lang.text("interop-slims-education"),
            count(&|m| !m.education.is_empty()),
        ),
    ] {
        summary.leave_out(field, n, none.to_string());
    }
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
        let rows = read(text.as_bytes(), Dialect::default(), "t.csv")
            .unwrap()
            .rows;
        assert_eq!(rows.len(), 2);
        let r = &rows[0];
        assert_eq!(r.line, 2);
        assert_eq!(r.member_no, "S001");
        assert_eq!(r.draft.full_name, "Rahayu, Siti");
        assert_eq!(r.draft.sex, "P");
        assert_eq!(r.draft.address.street, "Jl. Mawar 3, RT 01, Sidoarjo");
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
        .unwrap()
        .rows;
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
        let rows = read(text.as_bytes(), Dialect::default(), "t.csv")
            .unwrap()
            .rows;
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].problems.len(), 1);
        assert_eq!(rows[1].problems[0].0, "expire_date");
    }

    #[test]
    fn broken_quoting_names_the_line() {
        let text = format!("{HEADER}\n\"S1,Ani\n");
        let rows = read(text.as_bytes(), Dialect::default(), "t.csv")
            .unwrap()
            .rows;
        // An unclosed quote runs to the end of the file: one short row, reported as such.
        assert_eq!(rows.len(), 1);
        assert!(!rows[0].problems.is_empty());
    }
}
