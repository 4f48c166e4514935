//! Reading what the other systems write: their dates, a BOM, line numbers of CSV records.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

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
    fn a_bom_is_stripped_once() {
        assert_eq!(strip_bom(b"\xEF\xBB\xBFmember_id"), b"member_id");
        assert_eq!(strip_bom(b"member_id"), b"member_id");
    }
}
