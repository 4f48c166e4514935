//! Member numbers (nomor anggota) in INLISLite's four formats, with an optional branch prefix
//! and check digit. The store allocates the sequence; this module only composes and checks.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::member::Sex;
use super::nik::Nik;

#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MemberNo(String);

impl MemberNo {
    pub fn new(s: impl Into<String>) -> MemberNo {
        MemberNo(s.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MemberNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for MemberNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MemberNo({})", self.0)
    }
}

/// INLISLite's numbering formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum MemberNoFormat {
    /// 1: `YYMMDD` + a 5-digit sequence that starts again each day.
    DailySequence,
    /// 2: `YYYYMM` + a 5-digit sequence that starts again each month.
    MonthlySequence,
    /// 3: a 5-digit sequence + `L`/`P` + `YYYY`, the sequence starting again each year.
    SequenceSexYear,
    /// 4: the NIK itself. Discouraged: the card then carries the NIK as a barcode.
    Nik,
}

/// A number in the config that names no format: read by serde inside the config file's parse
/// error, which is the TOML reader's (English) text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("member number format {0} does not exist; use 1, 2, 3 or 4")]
pub struct UnknownMemberNoFormat(pub u8);

impl TryFrom<u8> for MemberNoFormat {
    type Error = UnknownMemberNoFormat;
    fn try_from(n: u8) -> Result<Self, UnknownMemberNoFormat> {
        match n {
            1 => Ok(MemberNoFormat::DailySequence),
            2 => Ok(MemberNoFormat::MonthlySequence),
            3 => Ok(MemberNoFormat::SequenceSexYear),
            4 => Ok(MemberNoFormat::Nik),
            _ => Err(UnknownMemberNoFormat(n)),
        }
    }
}

impl From<MemberNoFormat> for u8 {
    fn from(f: MemberNoFormat) -> u8 {
        match f {
            MemberNoFormat::DailySequence => 1,
            MemberNoFormat::MonthlySequence => 2,
            MemberNoFormat::SequenceSexYear => 3,
            MemberNoFormat::Nik => 4,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberNoScheme {
    pub format: MemberNoFormat,
    /// A branch prefix, e.g. `SDA-`.
    pub prefix: String,
    /// Appends a Luhn check digit, so a mistyped number is caught at once.
    pub check_digit: bool,
}

impl Default for MemberNoScheme {
    fn default() -> Self {
        MemberNoScheme {
            format: MemberNoFormat::DailySequence,
            prefix: String::new(),
            check_digit: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MemberNoError {
    #[error("the sequence for {scope} is used up ({max} numbers)")]
    SequenceExhausted { scope: String, max: u32 },
    #[error("member number format 4 (the NIK) needs a NIK")]
    NikRequired,
}

pub const SEQUENCE_MAX: u32 = 99_999;

impl MemberNoScheme {
    /// The key under which the store counts: one sequence per day, month or year. `None` for
    /// format 4, which has no sequence.
    pub fn sequence_scope(&self, today: Date) -> Option<String> {
        let y = today.year();
        let m = today.month();
        let d = today.day();
        match self.format {
            MemberNoFormat::DailySequence => Some(format!("d{y:04}{m:02}{d:02}")),
            MemberNoFormat::MonthlySequence => Some(format!("m{y:04}{m:02}")),
            MemberNoFormat::SequenceSexYear => Some(format!("y{y:04}")),
            MemberNoFormat::Nik => None,
        }
    }

    /// Builds the number from the next sequence value (1-based).
    pub fn compose(
        &self,
        seq: u32,
        today: Date,
        sex: Sex,
        nik: Option<&Nik>,
    ) -> Result<MemberNo, MemberNoError> {
        if seq > SEQUENCE_MAX || seq == 0 {
            return Err(MemberNoError::SequenceExhausted {
                scope: self.sequence_scope(today).unwrap_or_default(),
                max: SEQUENCE_MAX,
            });
        }
        let y = today.year();
        let m = today.month();
        let d = today.day();
        let body = match self.format {
            MemberNoFormat::DailySequence => format!("{:02}{m:02}{d:02}{seq:05}", y % 100),
            MemberNoFormat::MonthlySequence => format!("{y:04}{m:02}{seq:05}"),
            MemberNoFormat::SequenceSexYear => format!("{seq:05}{}{y:04}", sex.letter()),
            MemberNoFormat::Nik => nik.ok_or(MemberNoError::NikRequired)?.to_string(),
        };
        let mut no = format!("{}{body}", self.prefix);
        if self.check_digit {
            no.push(luhn_digit(&body));
        }
        Ok(MemberNo(no))
    }

    /// The sequence scope and value inside a number of this scheme, if it is one. Imported
    /// members keep the numbers their old system gave them; the store raises the scope's
    /// counter past such a number, so that a later registration does not compose it again.
    pub fn sequence_of(&self, no: &str) -> Option<(String, u32)> {
        let body = no.strip_prefix(self.prefix.as_str())?;
        if !body.is_ascii() {
            return None;
        }
        let body = if self.check_digit {
            let (b, digit) = body.split_at(body.len().checked_sub(1)?);
            if !digit.starts_with(luhn_digit(b)) {
                return None;
            }
            b
        } else {
            body
        };
        let num = |s: &str| -> Option<u32> {
            if s.chars().all(|c| c.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let (scope, seq) = match self.format {
            MemberNoFormat::DailySequence if body.len() == 11 => {
                let day = Date::new(
                    2000 + num(&body[0..2])? as i16,
                    num(&body[2..4])? as i8,
                    num(&body[4..6])? as i8,
                )
                .ok()?;
                (self.sequence_scope(day)?, num(&body[6..])?)
            }
            MemberNoFormat::MonthlySequence if body.len() == 11 => {
                let day = Date::new(num(&body[0..4])? as i16, num(&body[4..6])? as i8, 1).ok()?;
                (self.sequence_scope(day)?, num(&body[6..])?)
            }
            MemberNoFormat::SequenceSexYear if body.len() == 10 => {
                Sex::from_letter(&body[5..6])?;
                let day = Date::new(num(&body[6..])? as i16, 1, 1).ok()?;
                (self.sequence_scope(day)?, num(&body[0..5])?)
            }
            _ => return None,
        };
        (seq > 0).then_some((scope, seq))
    }

    /// Whether a scanned or typed number carries a correct check digit (always true when the
    /// scheme has none).
    pub fn check(&self, no: &str) -> bool {
        if !self.check_digit {
            return true;
        }
        let Some(body) = no.strip_prefix(&self.prefix) else {
            return false;
        };
        let mut chars = body.chars();
        let Some(last) = chars.next_back() else {
            return false;
        };
        luhn_digit(chars.as_str()) == last
    }
}

/// The Luhn digit over the digits of `body` (letters such as the L/P of format 3 are skipped).
pub fn luhn_digit(body: &str) -> char {
    let sum: u32 = body
        .chars()
        .rev()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 0 {
                let dd = d * 2;
                if dd > 9 { dd - 9 } else { dd }
            } else {
                d
            }
        })
        .sum();
    char::from_digit((10 - sum % 10) % 10, 10).expect("a digit")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const DAY: Date = date(2026, 11, 28);

    fn scheme(format: MemberNoFormat) -> MemberNoScheme {
        MemberNoScheme {
            format,
            ..MemberNoScheme::default()
        }
    }

    #[test]
    fn the_sequence_inside_a_number_is_found_again() {
        for f in [
            MemberNoFormat::DailySequence,
            MemberNoFormat::MonthlySequence,
            MemberNoFormat::SequenceSexYear,
        ] {
            for check_digit in [false, true] {
                let s = MemberNoScheme {
                    format: f,
                    prefix: "SDA-".into(),
                    check_digit,
                };
                let no = s.compose(42, DAY, Sex::Female, None).unwrap();
                assert_eq!(
                    s.sequence_of(no.as_str()),
                    Some((s.sequence_scope(DAY).unwrap(), 42)),
                    "{f:?} {no}"
                );
            }
        }
        let s = scheme(MemberNoFormat::DailySequence);
        assert_eq!(s.sequence_of("2611280000"), None, "too short");
        assert_eq!(s.sequence_of("26133000001"), None, "no 30th of month 13");
        assert_eq!(s.sequence_of("A2345678901"), None);
        assert_eq!(s.sequence_of("26112800000"), None, "sequences start at 1");
        assert_eq!(
            scheme(MemberNoFormat::Nik).sequence_of("3515125703050002"),
            None
        );
    }

    #[test]
    fn format_1_daily_sequence_resets_each_day() {
        let s = scheme(MemberNoFormat::DailySequence);
        assert_eq!(
            s.compose(1, DAY, Sex::Male, None).unwrap().as_str(),
            "26112800001"
        );
        assert_eq!(
            s.compose(42, DAY, Sex::Male, None).unwrap().as_str(),
            "26112800042"
        );
        assert_ne!(s.sequence_scope(DAY), s.sequence_scope(date(2026, 11, 29)));
        assert_eq!(
            s.compose(1, date(2026, 11, 29), Sex::Male, None)
                .unwrap()
                .as_str(),
            "26112900001"
        );
    }

    #[test]
    fn format_2_monthly() {
        let s = scheme(MemberNoFormat::MonthlySequence);
        assert_eq!(
            s.compose(7, DAY, Sex::Female, None).unwrap().as_str(),
            "20261100007"
        );
        assert_eq!(s.sequence_scope(DAY), s.sequence_scope(date(2026, 11, 1)));
        assert_ne!(s.sequence_scope(DAY), s.sequence_scope(date(2026, 12, 1)));
    }

    #[test]
    fn format_3_sequence_sex_year() {
        let s = scheme(MemberNoFormat::SequenceSexYear);
        assert_eq!(
            s.compose(12, DAY, Sex::Female, None).unwrap().as_str(),
            "00012P2026"
        );
        assert_eq!(
            s.compose(12, DAY, Sex::Male, None).unwrap().as_str(),
            "00012L2026"
        );
        assert_eq!(s.sequence_scope(DAY), s.sequence_scope(date(2026, 1, 1)));
    }

    #[test]
    fn format_4_is_the_nik() {
        let s = scheme(MemberNoFormat::Nik);
        let nik = Nik::parse("3515011708900001", DAY).unwrap();
        assert_eq!(s.sequence_scope(DAY), None);
        assert_eq!(
            s.compose(1, DAY, Sex::Male, Some(&nik)).unwrap().as_str(),
            "3515011708900001"
        );
        assert_eq!(
            s.compose(1, DAY, Sex::Male, None),
            Err(MemberNoError::NikRequired)
        );
    }

    #[test]
    fn a_sequence_overflows_clearly() {
        let s = scheme(MemberNoFormat::DailySequence);
        assert!(s.compose(99_999, DAY, Sex::Male, None).is_ok());
        assert!(matches!(
            s.compose(100_000, DAY, Sex::Male, None),
            Err(MemberNoError::SequenceExhausted { max: 99_999, .. })
        ));
    }

    #[test]
    fn prefix_and_check_digit() {
        let s = MemberNoScheme {
            format: MemberNoFormat::DailySequence,
            prefix: "SDA-".into(),
            check_digit: true,
        };
        let no = s.compose(1, DAY, Sex::Male, None).unwrap();
        assert!(no.as_str().starts_with("SDA-26112800001"));
        assert_eq!(no.as_str().len(), "SDA-26112800001".len() + 1);
        assert!(s.check(no.as_str()));
        // A single mistyped digit is caught.
        let typo = no.as_str().replacen("00001", "00007", 1);
        assert!(!s.check(&typo));
        // The classic Luhn example: 7992739871 + 3.
        assert_eq!(luhn_digit("7992739871"), '3');
    }

    #[test]
    fn format_numbers_round_trip_through_config() {
        let s: MemberNoScheme = toml::from_str("format = 3\nprefix = \"B\"").unwrap();
        assert_eq!(s.format, MemberNoFormat::SequenceSexYear);
        assert!(toml::from_str::<MemberNoScheme>("format = 5").is_err());
    }
}
