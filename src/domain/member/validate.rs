//! Checking a `MemberDraft` field by field: every problem at once, so a form can mark them
//! all; at the counter's strictness or an import's.

use jiff::civil::Date;

use super::{
    Address, Field, FieldError, FormRules, IdentityKind, IdentityNo, MemberDraft, MotherName,
    Problem, Sex, Strictness, ValidDraft, Warning,
};
use crate::domain::nik::Nik;

const NAME_MAX: usize = 100;
const TEXT_MAX: usize = 200;

/// Accepts `YYYY-MM-DD`, `DD-MM-YYYY` and `DD/MM/YYYY`.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if let [d, m, y] = parts[..]
        && y.len() == 4
    {
        return Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok();
    }
    None
}

/// Indonesian mobile and landline numbers: digits with an optional leading `+`, 8–15 digits
/// once spaces and dashes are removed.
pub fn normalize_phone(s: &str) -> Option<String> {
    let kept: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.'))
        .collect();
    let digits = kept.strip_prefix('+').unwrap_or(&kept);
    if (8..=15).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) {
        Some(kept)
    } else {
        None
    }
}

/// A plain shape check: one `@`, a dot in the domain, no spaces. Delivery is the real test.
pub fn valid_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(char::is_whitespace)
        && !domain.contains('@')
        && s.len() <= 254
}

impl MemberDraft {
    /// Checks every field and returns every problem at once, so a form can mark them all.
    pub fn validate(&self, rules: &FormRules) -> Result<ValidDraft, Vec<FieldError>> {
        self.validate_as(rules, Strictness::Form).map(|(v, _)| v)
    }

    /// Validation at the given strictness: the valid draft with the problems let through as
    /// flags (always none for `Form`), or every problem that stops it.
    pub fn validate_as(
        &self,
        rules: &FormRules,
        strictness: Strictness,
    ) -> Result<(ValidDraft, Vec<FieldError>), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field, problem| errors.push(FieldError { field, problem });

        let full_name = collapse_spaces(&self.full_name);
        if full_name.is_empty() {
            err(Field::FullName, Problem::Required);
        } else if full_name.chars().count() > NAME_MAX {
            err(Field::FullName, Problem::TooLong { max: NAME_MAX });
        }

        let identity_kind = if self.identity_kind.trim().is_empty() {
            Some(IdentityKind::Ktp)
        } else {
            let k = IdentityKind::from_code(&self.identity_kind);
            if k.is_none() {
                err(Field::IdentityKind, Problem::UnknownIdentityKind);
            }
            k
        };

        let birth_date = if self.birth_date.trim().is_empty() {
            err(Field::BirthDate, Problem::Required);
            None
        } else {
            match parse_date(&self.birth_date) {
                Some(d) if d > rules.today => {
                    err(Field::BirthDate, Problem::InTheFuture);
                    None
                }
                Some(d) => Some(d),
                None => {
                    err(Field::BirthDate, Problem::NotADate);
                    None
                }
            }
        };

        let sex = if self.sex.trim().is_empty() {
            err(Field::Sex, Problem::Required);
            None
        } else {
            let s = Sex::from_letter(&self.sex);
            if s.is_none() {
                err(Field::Sex, Problem::UnknownSex);
            }
            s
        };

        let mut nik = None;
        let mut warnings = Vec::new();
        let identity_no = self.identity_no.trim().to_string();
        let mut nik_mismatch_reason = None;
        if identity_no.is_empty() {
            err(Field::IdentityNo, Problem::Required);
        } else if identity_kind.is_some_and(IdentityKind::carries_nik) {
            match Nik::parse(&identity_no, rules.today) {
                Ok(n) => {
                    if let (Some(b), Some(s)) = (birth_date, sex) {
                        let found = n.mismatches(b, s, rules.today);
                        let reason = self.nik_mismatch_reason.trim();
                        if !found.is_empty() {
                            if reason.is_empty() {
                                err(Field::IdentityNo, Problem::NikMismatch(found));
                            } else {
                                nik_mismatch_reason = Some(reason.to_string());
                            }
                        }
                    }
                    if n.is_outside(rules.regency_code) {
                        warnings.push(Warning::NikOutsideRegency {
                            regency: n.regency_code().to_string(),
                        });
                    }
                    nik = Some(n);
                }
                Err(e) => err(Field::IdentityNo, Problem::Nik(e)),
            }
        } else if identity_no.chars().count() > 30 {
            err(Field::IdentityNo, Problem::TooLong { max: 30 });
        }

        let birth_place = collapse_spaces(&self.birth_place);
        if birth_place.is_empty() {
            err(Field::BirthPlace, Problem::Required);
        }
        let address = Address {
            street: collapse_spaces(&self.address.street),
            rt_rw: self.address.rt_rw.trim().to_string(),
            kelurahan: collapse_spaces(&self.address.kelurahan),
            kecamatan: collapse_spaces(&self.address.kecamatan),
            city: collapse_spaces(&self.address.city),
            province: collapse_spaces(&self.address.province),
        };
        if address.street.is_empty() {
            err(Field::Street, Problem::Required);
        }
        for (field, value) in [
            (Field::Street, &address.street),
            (Field::Kelurahan, &address.kelurahan),
            (Field::Kecamatan, &address.kecamatan),
            (Field::City, &address.city),
            (Field::Province, &address.province),
            (Field::BirthPlace, &birth_place),
        ] {
            if value.chars().count() > TEXT_MAX {
                err(field, Problem::TooLong { max: TEXT_MAX });
            }
        }

        let phone_raw = self.phone.trim();
        let email = self.email.trim().to_string();
        let phone = if phone_raw.is_empty() {
            String::new()
        } else {
            match normalize_phone(phone_raw) {
                Some(p) => p,
                None => {
                    err(Field::Phone, Problem::Phone);
                    String::new()
                }
            }
        };
        if !email.is_empty() && !valid_email(&email) {
            err(Field::Email, Problem::Email);
        }
        if phone_raw.is_empty() && email.is_empty() {
            err(Field::Phone, Problem::PhoneOrEmailRequired);
        }

        let mother_name = collapse_spaces(&self.mother_name);
        if mother_name.is_empty() {
            err(Field::MotherName, Problem::Required);
        } else if mother_name.chars().count() > NAME_MAX {
            err(Field::MotherName, Problem::TooLong { max: NAME_MAX });
        }

        let type_code = if self.member_type.trim().is_empty() {
            rules
                .member_types
                .first()
                .map(|t| t.code.clone())
                .unwrap_or_default()
        } else {
            self.member_type.trim().to_lowercase()
        };
        match rules.member_types.iter().find(|t| t.code == type_code) {
            None => err(Field::MemberType, Problem::UnknownMemberType),
            Some(t) => {
                if let Some(kind) = identity_kind
                    && !t.identity_kinds.is_empty()
                    && !t.identity_kinds.contains(&kind)
                {
                    err(Field::IdentityKind, Problem::NeedsKkOrKia);
                }
            }
        }

        for (field, value) in [
            (Field::Occupation, &self.occupation),
            (Field::Education, &self.education),
            (Field::Institution, &self.institution),
        ] {
            if value.chars().count() > TEXT_MAX {
                err(field, Problem::TooLong { max: TEXT_MAX });
            }
        }

        errors.extend(crate::domain::controls::draft_errors(self, rules.today));
        // A soft problem leaves every value the draft is built from in place (an empty string
        // or no NIK), so letting it through cannot reach an `expect` below.
        let (flags, errors): (Vec<_>, Vec<_>) = match strictness {
            Strictness::Form => (Vec::new(), errors),
            Strictness::Import => errors.into_iter().partition(FieldError::is_soft_for_import),
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let valid = ValidDraft {
            full_name,
            identity_kind: identity_kind.expect("checked"),
            identity_no: IdentityNo(nik.as_ref().map(|n| n.to_string()).unwrap_or(identity_no)),
            nik,
            birth_place,
            birth_date: birth_date.expect("checked"),
            sex: sex.expect("checked"),
            address,
            phone,
            email,
            mother_name: MotherName(mother_name),
            occupation: collapse_spaces(&self.occupation),
            education: collapse_spaces(&self.education),
            institution: collapse_spaces(&self.institution),
            member_type: type_code,
            nik_mismatch_reason,
            warnings,
        };
        Ok((valid, flags))
    }
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::{Address, MemberStatus};
    use crate::domain::member_type::MemberType;
    use jiff::Timestamp;
    use jiff::civil::date;

    pub(crate) fn draft() -> MemberDraft {
        MemberDraft {
            full_name: "  Siti   Rahayu ".into(),
            identity_kind: "ktp".into(),
            identity_no: "3515125703050002".into(),
            birth_place: "Sidoarjo".into(),
            birth_date: "2005-03-17".into(),
            sex: "P".into(),
            address: Address {
                street: "Jl. Mawar 3".into(),
                ..Address::default()
            },
            phone: "0812-3456-7890".into(),
            mother_name: "Aminah".into(),
            ..MemberDraft::default()
        }
    }

    fn rules(types: &[MemberType]) -> FormRules<'_> {
        FormRules {
            today: date(2026, 11, 28),
            member_types: types,
            regency_code: "3515",
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<Field> {
        errors.iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_good_draft_validates_and_is_tidied() {
        let types = MemberType::defaults();
        let ok = draft().validate(&rules(&types)).unwrap();
        assert_eq!(ok.full_name, "Siti Rahayu");
        assert_eq!(ok.phone, "081234567890");
        assert_eq!(ok.sex, Sex::Female);
        assert_eq!(ok.member_type, "umum");
        assert!(ok.warnings.is_empty());
    }

    #[test]
    fn an_empty_draft_names_every_required_field() {
        let types = MemberType::defaults();
        let errs = MemberDraft::default().validate(&rules(&types)).unwrap_err();
        let f = fields(&errs);
        for want in [
            Field::FullName,
            Field::IdentityNo,
            Field::BirthPlace,
            Field::BirthDate,
            Field::Sex,
            Field::Street,
            Field::Phone,
            Field::MotherName,
        ] {
            assert!(f.contains(&want), "{want:?} missing from {f:?}");
        }
    }

    #[test]
    fn a_nik_contradicting_the_form_needs_a_reason() {
        let types = MemberType::defaults();
        let mut d = draft();
        d.sex = "L".into();
        let errs = d.validate(&rules(&types)).unwrap_err();
        assert!(matches!(errs[0].problem, Problem::NikMismatch(_)));
        d.nik_mismatch_reason = "KTP checked: sex on the KTP is wrong".into();
        let ok = d.validate(&rules(&types)).unwrap();
        assert!(ok.nik_mismatch_reason.is_some());
    }

    #[test]
    fn phone_or_email_either_will_do_but_not_neither_nor_nonsense() {
        let types = MemberType::defaults();
        let mut d = draft();
        d.phone.clear();
        d.email = "siti@example.org".into();
        assert!(d.validate(&rules(&types)).is_ok());
        d.email.clear();
        let errs = d.validate(&rules(&types)).unwrap_err();
        assert_eq!(errs[0].problem, Problem::PhoneOrEmailRequired);
        d.email = "not-an-address".into();
        assert_eq!(
            d.validate(&rules(&types)).unwrap_err()[0].problem,
            Problem::Email
        );
        d.phone = "12ab".into();
        assert!(
            d.validate(&rules(&types))
                .unwrap_err()
                .iter()
                .any(|e| e.problem == Problem::Phone)
        );
    }

    #[test]
    fn a_child_registers_with_kk_or_kia() {
        let types = MemberType::defaults();
        let mut d = draft();
        d.member_type = "anak".into();
        let errs = d.validate(&rules(&types)).unwrap_err();
        assert_eq!(errs[0].problem, Problem::NeedsKkOrKia);
        d.identity_kind = "kia".into();
        assert!(d.validate(&rules(&types)).is_ok());
    }

    #[test]
    fn outside_regency_warns_only() {
        let types = MemberType::defaults();
        let mut d = draft();
        d.identity_no = "3578125703050002".into();
        let ok = d.validate(&rules(&types)).unwrap();
        assert_eq!(
            ok.warnings,
            vec![Warning::NikOutsideRegency {
                regency: "3578".into()
            }]
        );
    }

    #[test]
    fn dates_in_both_orders_and_not_in_the_future() {
        assert_eq!(parse_date("17-03-2005"), Some(date(2005, 3, 17)));
        assert_eq!(parse_date("17/03/2005"), Some(date(2005, 3, 17)));
        assert_eq!(parse_date("2005-02-30"), None);
        let types = MemberType::defaults();
        let mut d = draft();
        d.birth_date = "2030-01-01".into();
        assert!(
            d.validate(&rules(&types))
                .unwrap_err()
                .iter()
                .any(|e| e.problem == Problem::InTheFuture)
        );
    }

    #[test]
    fn unknown_member_type_is_named() {
        let types = MemberType::defaults();
        let mut d = draft();
        d.member_type = "vip".into();
        assert_eq!(
            fields(&d.validate(&rules(&types)).unwrap_err()),
            vec![Field::MemberType]
        );
    }

    #[test]
    fn an_import_lets_missing_data_through_as_flags_but_not_a_bad_nik() {
        let types = MemberType::defaults();
        let mut d = draft();
        d.mother_name.clear();
        d.birth_place.clear();
        d.phone.clear();
        assert!(
            d.validate(&rules(&types)).is_err(),
            "the counter's form insists"
        );
        let (ok, flags) = d.validate_as(&rules(&types), Strictness::Import).unwrap();
        assert_eq!(ok.mother_name.0, "");
        assert_eq!(
            fields(&flags),
            vec![Field::BirthPlace, Field::Phone, Field::MotherName]
        );
        d.identity_no = "351512570305000".into();
        let errs = d
            .validate_as(&rules(&types), Strictness::Import)
            .unwrap_err();
        assert_eq!(fields(&errs), vec![Field::IdentityNo]);
        d.identity_no.clear();
        let (ok, flags) = d.validate_as(&rules(&types), Strictness::Import).unwrap();
        assert!(ok.nik.is_none());
        assert!(fields(&flags).contains(&Field::IdentityNo));
    }

    #[test]
    fn debug_output_hides_sensitive_fields() {
        let types = MemberType::defaults();
        let ok = draft().validate(&rules(&types)).unwrap();
        let m = ok.into_member(
            crate::domain::member_no::MemberNo::new("26112800001"),
            Timestamp::UNIX_EPOCH,
        );
        let shown = format!("{m:?}");
        assert!(!shown.contains("3515125703050002"), "{shown}");
        assert!(!shown.contains("Aminah"), "{shown}");
    }

    #[test]
    fn activation_sets_validity_and_renewal_extends_from_the_end() {
        let types = MemberType::defaults();
        let general = &types[0];
        let mut m = draft().validate(&rules(&types)).unwrap().into_member(
            crate::domain::member_no::MemberNo::new("1"),
            Timestamp::UNIX_EPOCH,
        );
        m.activate(general, date(2026, 11, 28));
        assert_eq!(m.status, MemberStatus::Active);
        assert_eq!(m.valid_until, Some(date(2028, 11, 28)));
        m.activate(general, date(2027, 1, 5));
        assert_eq!(m.valid_until, Some(date(2030, 11, 28)));
        assert_eq!(m.status_on(date(2030, 11, 29)), MemberStatus::Expired);
    }
}
