//! Member types (jenis anggota) and how long a card of each stays valid.

use jiff::{ToSpan, civil::Date};
use serde::{Deserialize, Serialize};

use super::member::IdentityKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberType {
    /// Short code used in config, CLI and storage, e.g. `umum`.
    pub code: String,
    /// The name on the card and screens, in Indonesian.
    pub name: String,
    pub name_en: String,
    /// How long a card is valid after activation.
    pub validity_months: u32,
    /// Documents this type registers with; empty means any.
    #[serde(default)]
    pub identity_kinds: Vec<IdentityKind>,
}

impl MemberType {
    /// Defaults for a regency library: general members for two years; students for one (their
    /// school or campus changes); children for one, with a family card or child ID.
    pub fn defaults() -> Vec<MemberType> {
        vec![
            MemberType {
                code: "umum".into(),
                name: "Umum".into(),
                name_en: "General".into(),
                validity_months: 24,
                identity_kinds: vec![],
            },
            MemberType {
                code: "pelajar".into(),
                name: "Pelajar/Mahasiswa".into(),
                name_en: "Student".into(),
                validity_months: 12,
                identity_kinds: vec![],
            },
            MemberType {
                code: "anak".into(),
                name: "Anak".into(),
                name_en: "Child".into(),
                validity_months: 12,
                identity_kinds: vec![IdentityKind::Kk, IdentityKind::Kia],
            },
        ]
    }

    /// The last day the card is valid when activated (or extended) from `from`.
    /// 31 January plus one month clamps to the end of February.
    pub fn valid_until(&self, from: Date) -> Date {
        from.saturating_add((self.validity_months as i64).months())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn validity_counts_months_and_clamps_month_ends() {
        let t = &MemberType::defaults()[1];
        assert_eq!(t.valid_until(date(2026, 11, 28)), date(2027, 11, 28));
        assert_eq!(t.valid_until(date(2024, 2, 29)), date(2025, 2, 28));
    }
}
