//! The CSV dialect SLiMS speaks, both ways.
//!
//! SLiMS's member export (admin/modules/membership/export.php:95-122) is not RFC 4180: every
//! value is passed through `mysqli::escape_string` and then wrapped in the encloser, so a
//! quote arrives as `\"` or `\'`, a backslash as `\\`, a line break as `\n` (a record is
//! always one line), NUL as `\0`, Ctrl-Z as `\Z`. The header row ends with a separator, the
//! data rows do not; records end with `\n` (NEWLINE) or `\r` (RETURN). Files made by hand
//! or by a spreadsheet program double the encloser instead (`""`) and may break lines inside
//! a quoted field: both are read here.
//!
//! SLiMS's member import (admin/modules/membership/import.php:192-205) reads with PHP's
//! `fgetcsv(…, $field_sep, $field_enc)`, whose escape character is the backslash: inside an
//! enclosure, `\` followed by any character keeps both and does not end the field. So a
//! value with a backslash is written without encloser where it can be, and a backslash at
//! the end of an enclosed value is put after the closing encloser, where `fgetcsv` appends
//! it as it is. A backslash directly before the encloser cannot be written at all.

/// One record as read: its first line, its fields, and what went wrong reading it.
#[derive(Debug, Default)]
pub struct Record {
    pub line: u64,
    pub fields: Vec<String>,
    /// An encloser opened and never closed: the rest of the file ended up in this record.
    pub unclosed: bool,
    /// Bytes that are not UTF-8 (replaced by U+FFFD).
    pub not_utf8: bool,
}

/// Splits SLiMS member CSV into records. `sep` and `enc` are single bytes (SLiMS's form
/// fields are free text, but every SLiMS-made file seen uses one character each).
#[cfg(test)]
pub fn records(data: &[u8], sep: u8, enc: u8) -> Vec<Record> {
    let mut out = Vec::new();
    each_record(data, sep, enc, &mut |r| out.push(r));
    out
}

/// The same, one record at a time: a file of 100,000 members is never held as records and
/// as rows at once.
pub fn each_record(data: &[u8], sep: u8, enc: u8, each: &mut dyn FnMut(Record)) {
    let mut i = 0;
    let mut line: u64 = 1;
    let n = data.len();
    while i < n {
        let mut rec = Record {
            line,
            ..Record::default()
        };
        let mut field: Vec<u8> = Vec::new();
        let mut at_field_start = true;
        let mut enclosed = false;
        loop {
            if i >= n {
                if enclosed {
                    rec.unclosed = true;
                }
                push_field(&mut rec, &mut field);
                break;
            }
            let b = data[i];
            if enclosed {
                if b == b'\\' && i + 1 < n {
                    let next = data[i + 1];
                    let unescaped = match next {
                        b'n' => Some(b'\n'),
                        b'r' => Some(b'\r'),
                        b'0' => Some(0),
                        b'Z' => Some(0x1a),
                        b'\\' | b'\'' | b'"' => Some(next),
                        _ if next == enc => Some(next),
                        _ => None,
                    };
                    match unescaped {
                        Some(c) => {
                            field.push(c);
                            i += 2;
                        }
                        // Not an escape MySQL writes: a backslash typed by someone.
                        None => {
                            field.push(b);
                            i += 1;
                        }
                    }
                    continue;
                }
                if b == enc {
                    if i + 1 < n && data[i + 1] == enc {
                        field.push(enc);
                        i += 2;
                    } else {
                        enclosed = false;
                        i += 1;
                    }
                    continue;
                }
                if b == b'\n' || (b == b'\r' && data.get(i + 1) != Some(&b'\n')) {
                    line += 1;
                }
                field.push(b);
                i += 1;
                continue;
            }
            if at_field_start && b == enc {
                enclosed = true;
                at_field_start = false;
                i += 1;
                continue;
            }
            if b == sep {
                push_field(&mut rec, &mut field);
                at_field_start = true;
                i += 1;
                continue;
            }
            if b == b'\n' || b == b'\r' {
                i += if b == b'\r' && data.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                line += 1;
                push_field(&mut rec, &mut field);
                break;
            }
            // Outside an encloser everything is literal, as fgetcsv reads it.
            field.push(b);
            at_field_start = false;
            i += 1;
        }
        rec.not_utf8 |= rec.fields.iter().any(|f| f.contains('\u{FFFD}'));
        each(rec);
    }
}

fn push_field(rec: &mut Record, field: &mut Vec<u8>) {
    let bytes = std::mem::take(field);
    rec.fields.push(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    });
}

/// A value that `fgetcsv` cannot read back: a backslash right before the encloser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unwritable;

/// One value as SLiMS's import reads it back exactly (see the module comment).
pub fn encode(value: &str, sep: u8, enc: u8, out: &mut Vec<u8>) -> Result<(), Unwritable> {
    let bytes = value.as_bytes();
    let has_backslash = bytes.contains(&b'\\');
    let needs_encloser = bytes
        .iter()
        .any(|b| *b == sep || *b == enc || *b == b'\n' || *b == b'\r');
    if !has_backslash {
        out.push(enc);
        for b in bytes {
            if *b == enc {
                out.push(enc);
            }
            out.push(*b);
        }
        out.push(enc);
        return Ok(());
    }
    if !needs_encloser {
        // fgetcsv takes an unenclosed value literally, backslashes included.
        out.extend_from_slice(bytes);
        return Ok(());
    }
    let body_end = bytes.len() - bytes.iter().rev().take_while(|b| **b == b'\\').count();
    let (body, tail) = bytes.split_at(body_end);
    if body.windows(2).any(|w| w[0] == b'\\' && w[1] == enc) {
        return Err(Unwritable);
    }
    out.push(enc);
    for b in body {
        if *b == enc {
            out.push(enc);
        }
        out.push(*b);
    }
    out.push(enc);
    out.extend_from_slice(tail);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str, sep: u8, enc: u8) -> Vec<Vec<String>> {
        records(text.as_bytes(), sep, enc)
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    #[test]
    fn mysql_escapes_as_slims_export_writes_them() {
        // export.php writes every value escaped and enclosed; the header ends with `,`.
        let text =
            "\"member_id\",\"member_name\",\r\"S1\",\"Nur\\'aini \\\"Ani\\\" \\\\ x\\nbaris\"\r";
        assert_eq!(
            fields(text, b',', b'"'),
            vec![
                vec!["member_id", "member_name", ""],
                vec!["S1", "Nur'aini \"Ani\" \\ x\nbaris"],
            ]
        );
        let text = "'S1';'O\\'Brien'\n'S2';''\n";
        assert_eq!(
            fields(text, b';', b'\''),
            vec![vec!["S1", "O'Brien"], vec!["S2", ""]]
        );
    }

    #[test]
    fn doubled_enclosers_line_breaks_and_unknown_backslashes_as_spreadsheets_write_them() {
        let recs = records(b"a,\"b \"\"c\"\"\nd\",C:\\data\r\nx,y\n", b',', b'"');
        assert_eq!(recs[0].fields, vec!["a", "b \"c\"\nd", "C:\\data"]);
        assert_eq!((recs[0].line, recs[1].line), (1, 3));
        let recs = records(b"a,\"open\nb,c\n", b',', b'"');
        assert_eq!(recs.len(), 1);
        assert!(recs[0].unclosed);
    }

    #[test]
    fn values_are_written_so_that_fgetcsv_reads_them_back() {
        let enc = |v: &str| {
            let mut out = Vec::new();
            encode(v, b',', b'"', &mut out).map(|_| String::from_utf8(out).unwrap())
        };
        assert_eq!(enc("Nur'aini \"Ani\"").unwrap(), "\"Nur'aini \"\"Ani\"\"\"");
        assert_eq!(enc("a\\b").unwrap(), "a\\b");
        assert_eq!(enc("a, b\\").unwrap(), "\"a, b\"\\");
        assert_eq!(enc("x\\\"y"), Err(Unwritable));
        assert_eq!(enc("").unwrap(), "\"\"");
    }
}
