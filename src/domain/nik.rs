//! The NIK (Nomor Induk Kependudukan), Indonesia's 16-digit national identity number:
//! `PP RR SS DDMMYY XXXX`. Its structure, the birth date and sex it encodes, and masking.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::member::Sex;
use super::region;

/// A structurally valid NIK. Holds the digits only; what they encode is derived on demand.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nik(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NikError {
    #[error("a NIK has 16 digits, this one has {0}")]
    Length(usize),
    #[error("a NIK has only digits")]
    NotDigits,
    #[error("unknown province code {0}")]
    UnknownProvince(String),
    #[error("regency and district codes cannot be 00")]
    ZeroRegion,
    #[error("the birth date in the NIK ({day:02}-{month:02}-{yy:02}) is not a calendar date")]
    BadDate { day: u8, month: u8, yy: u8 },
    #[error("the serial (last four digits) cannot be 0000")]
    ZeroSerial,
}

/// A difference between what the NIK encodes and what was typed on the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NikMismatch {
    BirthDate { in_nik: Date, typed: Date },
    Sex { in_nik: Sex, typed: Sex },
}

/// How far back a birth date may lie: the oldest person a library registers. Typed birth
/// dates before `today - EARLIEST_BIRTH_YEARS` are refused (an 1800 typed for 1980 would
/// otherwise agree with the NIK's two year digits).
pub const EARLIEST_BIRTH_YEARS: i16 = 120;

/// The earliest birth date accepted on `today`.
pub fn earliest_birth_date(today: Date) -> Date {
    today
        .checked_sub(jiff::Span::new().years(EARLIEST_BIRTH_YEARS))
        .unwrap_or(Date::MIN)
}

impl Nik {
    /// Parses typed input; spaces and dots (as people copy them from a KTP) are ignored.
    /// `today` resolves the two-digit birth year to a century: a year after this one's is
    /// taken as the 1900s.
    pub fn parse(input: &str, today: Date) -> Result<Nik, NikError> {
        let digits: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.')
            .collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(NikError::NotDigits);
        }
        if digits.len() != 16 {
            return Err(NikError::Length(digits.chars().count()));
        }
        let nik = Nik(digits);
        if region::province_name(nik.province_code()).is_none() {
            return Err(NikError::UnknownProvince(nik.province_code().to_string()));
        }
        if &nik.0[2..4] == "00" || &nik.0[4..6] == "00" {
            return Err(NikError::ZeroRegion);
        }
        if &nik.0[12..16] == "0000" {
            return Err(NikError::ZeroSerial);
        }
        nik.birth_date(today)?;
        Ok(nik)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn province_code(&self) -> &str {
        &self.0[0..2]
    }

    /// Four digits: province and regency (kabupaten/kota), `3515` for Sidoarjo.
    pub fn regency_code(&self) -> &str {
        &self.0[0..4]
    }

    /// Six digits: province, regency and district (kecamatan) where the NIK was issued.
    pub fn district_code(&self) -> &str {
        &self.0[0..6]
    }

    fn field(&self, at: usize) -> u8 {
        self.0[at..at + 2].parse().expect("digits checked on parse")
    }

    /// Women's NIKs carry the day of birth plus 40.
    pub fn sex(&self) -> Sex {
        if self.field(6) > 40 {
            Sex::Female
        } else {
            Sex::Male
        }
    }

    /// The birth date the NIK holds. The century rule: the two year digits are read as the
    /// year within the 100 years that end this year (on 2026-12-02, `26` is 2026 and `27` is
    /// 1927). A person over 100 has digits that read a century late; the typed birth date
    /// (bounded by [`EARLIEST_BIRTH_YEARS`]) is compared by its last two digits for that
    /// reason, in [`Nik::mismatches`].
    pub fn birth_date(&self, today: Date) -> Result<Date, NikError> {
        let raw_day = self.field(6);
        let day = if raw_day > 40 { raw_day - 40 } else { raw_day };
        let month = self.field(8);
        let yy = self.field(10);
        let this_yy = (today.year() % 100) as u8;
        let century = if yy <= this_yy {
            today.year() - today.year() % 100
        } else {
            today.year() - today.year() % 100 - 100
        };
        Date::new(century + i16::from(yy), month as i8, day as i8).map_err(|_| NikError::BadDate {
            day,
            month,
            yy,
        })
    }

    /// Compares with the typed birth date and sex. Years are compared by their last two
    /// digits, since that is all a NIK holds: a 1925 birth must not look like a 2025 one.
    pub fn mismatches(&self, typed_birth: Date, typed_sex: Sex, today: Date) -> Vec<NikMismatch> {
        let mut found = Vec::new();
        if let Ok(in_nik) = self.birth_date(today) {
            let same = in_nik.day() == typed_birth.day()
                && in_nik.month() == typed_birth.month()
                && in_nik.year() % 100 == typed_birth.year() % 100;
            if !same {
                found.push(NikMismatch::BirthDate {
                    in_nik,
                    typed: typed_birth,
                });
            }
        }
        if self.sex() != typed_sex {
            found.push(NikMismatch::Sex {
                in_nik: self.sex(),
                typed: typed_sex,
            });
        }
        found
    }

    /// A NIK issued outside the library's regency is allowed, only flagged for the clerk.
    pub fn is_outside(&self, regency_code: &str) -> bool {
        !regency_code.is_empty() && self.regency_code() != regency_code
    }

    /// The form used in lists and logs: regency kept, the rest hidden but the serial's last
    /// four (`3515********0001`).
    pub fn masked(&self) -> String {
        mask_nik(&self.0)
    }
}

/// Masks anything that looks like a NIK, valid or not, so that even rejected input stays
/// out of logs in the clear.
pub fn mask_nik(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    if chars.len() < 8 {
        return "*".repeat(chars.len());
    }
    let n = chars.len();
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| if i < 4 || i >= n - 4 { *c } else { '*' })
        .collect()
}

impl fmt::Display for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Debug never prints the whole NIK: a `{:?}` in a log line must not leak it.
impl fmt::Debug for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Nik({})", self.masked())
    }
}

impl TryFrom<String> for Nik {
    type Error = NikError;
    /// Stored NIKs were validated when they were written; only the structure is re-checked,
    /// so no clock is needed to read a record.
    fn try_from(s: String) -> Result<Self, NikError> {
        if s.len() != 16 || !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(NikError::Length(s.len()));
        }
        Ok(Nik(s))
    }
}

impl From<Nik> for String {
    fn from(n: Nik) -> String {
        n.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 28);

    #[test]
    fn male_nik_gives_birth_date_and_sex() {
        let nik = Nik::parse("3515011708900001", TODAY).unwrap();
        assert_eq!(nik.sex(), Sex::Male);
        assert_eq!(nik.birth_date(TODAY).unwrap(), date(1990, 8, 17));
        assert_eq!(nik.district_code(), "351501");
        assert!(!nik.is_outside("3515"));
    }

    #[test]
    fn female_nik_has_day_plus_forty() {
        let nik = Nik::parse("3515125703050002", TODAY).unwrap();
        assert_eq!(nik.sex(), Sex::Female);
        assert_eq!(nik.birth_date(TODAY).unwrap(), date(2005, 3, 17));
    }

    #[test]
    fn spaces_and_dots_are_ignored() {
        let nik = Nik::parse("3515.01 170890 0001", TODAY).unwrap();
        assert_eq!(nik.as_str(), "3515011708900001");
    }

    #[test]
    fn leap_day_only_in_leap_years() {
        // 2004 is a leap year; 2003 is not.
        assert!(Nik::parse("3515012902040001", TODAY).is_ok());
        assert_eq!(
            Nik::parse("3515012902030001", TODAY),
            Err(NikError::BadDate {
                day: 29,
                month: 2,
                yy: 3
            })
        );
        // A woman born on 29 Feb 2000 (a leap year, being divisible by 400).
        let nik = Nik::parse("3515016902000003", TODAY).unwrap();
        assert_eq!(nik.birth_date(TODAY).unwrap(), date(2000, 2, 29));
    }

    #[test]
    fn impossible_days_and_months_are_refused() {
        for bad in ["3515013201900001", "3515017201900001", "3515011513900001"] {
            assert!(
                matches!(Nik::parse(bad, TODAY), Err(NikError::BadDate { .. })),
                "{bad}"
            );
        }
        // Day 00 and day 40 (a woman's day 0) are not days either.
        assert!(Nik::parse("3515010001900001", TODAY).is_err());
        assert!(Nik::parse("3515014001900001", TODAY).is_err());
    }

    #[test]
    fn wrong_length_and_letters() {
        assert_eq!(
            Nik::parse("351501170890001", TODAY),
            Err(NikError::Length(15))
        );
        assert_eq!(
            Nik::parse("35150117089000011", TODAY),
            Err(NikError::Length(17))
        );
        assert_eq!(
            Nik::parse("35150117O8900001", TODAY),
            Err(NikError::NotDigits)
        );
        assert_eq!(Nik::parse("", TODAY), Err(NikError::Length(0)));
    }

    #[test]
    fn unknown_province_zero_region_and_zero_serial() {
        assert_eq!(
            Nik::parse("2015011708900001", TODAY),
            Err(NikError::UnknownProvince("20".into()))
        );
        assert_eq!(
            Nik::parse("3500011708900001", TODAY),
            Err(NikError::ZeroRegion)
        );
        assert_eq!(
            Nik::parse("3515011708900000", TODAY),
            Err(NikError::ZeroSerial)
        );
    }

    #[test]
    fn outside_the_regency_is_flagged_not_refused() {
        let surabaya = Nik::parse("3578011708900001", TODAY).unwrap();
        assert!(surabaya.is_outside("3515"));
    }

    #[test]
    fn two_digit_year_resolves_against_today() {
        let nik = Nik::parse("3515011708260001", TODAY).unwrap();
        assert_eq!(nik.birth_date(TODAY).unwrap().year(), 2026);
        let nik = Nik::parse("3515011708270001", TODAY).unwrap();
        assert_eq!(nik.birth_date(TODAY).unwrap().year(), 1927);
    }

    #[test]
    fn mismatches_name_what_differs() {
        let nik = Nik::parse("3515011708900001", TODAY).unwrap();
        assert!(
            nik.mismatches(date(1990, 8, 17), Sex::Male, TODAY)
                .is_empty()
        );
        // 1890 and 1990 share their last two digits: not a mismatch a NIK can see.
        assert!(
            nik.mismatches(date(1890, 8, 17), Sex::Male, TODAY)
                .is_empty()
        );
        let found = nik.mismatches(date(1990, 8, 18), Sex::Female, TODAY);
        assert_eq!(found.len(), 2);
        assert!(matches!(found[0], NikMismatch::BirthDate { .. }));
        assert_eq!(
            found[1],
            NikMismatch::Sex {
                in_nik: Sex::Male,
                typed: Sex::Female
            }
        );
    }

    #[test]
    fn masking_hides_the_middle() {
        let nik = Nik::parse("3515011708900001", TODAY).unwrap();
        assert_eq!(nik.masked(), "3515********0001");
        assert_eq!(format!("{nik:?}"), "Nik(3515********0001)");
        assert_eq!(mask_nik("12345"), "*****");
    }
}
