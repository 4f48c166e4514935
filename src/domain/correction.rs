//! Correcting a member's data (perbaikan data): the form filled in from the member, the
//! corrected member, what changed (for the audit, NIK masked, mother's name never written), and
//! who may correct once a card with the old data was handed over.

use super::member::{Field, Member, MemberDraft, ValidDraft};
use super::nik::mask_nik;
use super::staff::Role;
use super::workflow::RequestState;

/// The registration form as the member's data fills it: what a correction starts from.
pub fn draft_of(m: &Member) -> MemberDraft {
    MemberDraft {
        full_name: m.full_name.clone(),
        identity_kind: m.identity_kind.code().into(),
        identity_no: m.identity_no.0.clone(),
        birth_place: m.birth_place.clone(),
        birth_date: m.birth_date.to_string(),
        sex: m.sex.letter().to_string(),
        address: m.address.clone(),
        phone: m.phone.clone(),
        email: m.email.clone(),
        mother_name: m.mother_name.0.clone(),
        occupation: m.occupation.clone(),
        education: m.education.clone(),
        institution: m.institution.clone(),
        member_type: m.member_type.clone(),
        nik_mismatch_reason: m.nik_mismatch_reason.clone().unwrap_or_default(),
    }
}

/// The member with the corrected data: number, registration time, status and validity stay.
pub fn corrected(before: &Member, valid: ValidDraft) -> Member {
    let mut m = valid.into_member(before.member_no.clone(), before.registered_at);
    m.status = before.status;
    m.valid_until = before.valid_until;
    m
}

/// One changed field as the audit log keeps it: `name "Siti Rahyu" → "Siti Rahayu"`. The NIK
/// is masked on both sides; the mother's name is said to have changed, never written.
pub fn changes(before: &Member, after: &Member) -> Vec<String> {
    let (a, b) = (draft_of(before), draft_of(after));
    Field::FORM
        .into_iter()
        .filter(|f| a.field(*f) != b.field(*f))
        .map(|f| match f {
            // i18n: the audit log's record, kept in one form for every reader
            Field::MotherName => "mother changed".to_string(),
            Field::IdentityNo => format!("nik {} → {}", mask_nik(a.field(f)), mask_nik(b.field(f))),
            _ => format!("{} \"{}\" → \"{}\"", f.code(), a.field(f), b.field(f)),
        })
        .collect()
}

/// Whether this correction touches what the card shows (name, number, type, validity): after
/// a handover such a card is out of date and a reprint is offered.
pub fn changes_the_card(before: &Member, after: &Member) -> bool {
    before.full_name != after.full_name || before.member_type != after.member_type
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CorrectionError {
    /// The member holds a card printed with the old data: a supervisor's or an administrator's
    /// decision.
    #[error("a card was handed over: only a supervisor or an administrator corrects the data")]
    CardHandedOver,
    #[error("nothing changed")]
    NothingChanged,
}

/// May `role` correct a member whose latest request is in `state` (`None`: no request)?
/// Before the handover the card does not exist yet, so the clerk fixes the typo; after it the
/// card in the member's hands shows the old data, and a supervisor decides.
pub fn may_correct(role: Role, state: Option<RequestState>) -> Result<(), CorrectionError> {
    let handed_over = matches!(
        state,
        Some(RequestState::HandedOver | RequestState::FirstScanned)
    );
    if handed_over && !role.supervises() {
        return Err(CorrectionError::CardHandedOver);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::FormRules;
    use crate::domain::member_no::MemberNo;
    use crate::domain::member_type::MemberType;
    use jiff::Timestamp;
    use jiff::civil::date;

    fn member() -> Member {
        let types = MemberType::defaults();
        let rules = FormRules {
            today: date(2026, 11, 28),
            member_types: &types,
            regency_code: "3515",
        };
        MemberDraft {
            full_name: "Siti Rahayu".into(),
            identity_kind: "ktp".into(),
            identity_no: "3515125703050002".into(),
            birth_place: "Sidoarjo".into(),
            birth_date: "2005-03-17".into(),
            sex: "P".into(),
            address: crate::domain::member::Address {
                street: "Jl. Mawar 3".into(),
                ..Default::default()
            },
            phone: "081234567890".into(),
            mother_name: "Aminah".into(),
            ..MemberDraft::default()
        }
        .validate(&rules)
        .unwrap()
        .into_member(MemberNo::new("26112800001"), Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn the_form_filled_from_a_member_gives_the_same_member_back() {
        let m = member();
        let types = MemberType::defaults();
        let rules = FormRules {
            today: date(2026, 11, 28),
            member_types: &types,
            regency_code: "3515",
        };
        let again = corrected(&m, draft_of(&m).validate(&rules).unwrap());
        assert_eq!(again, m);
        assert!(changes(&m, &again).is_empty());
    }

    #[test]
    fn the_audit_text_masks_the_nik_and_never_holds_the_mothers_name() {
        let before = member();
        let mut after = before.clone();
        after.full_name = "Siti Rahayu Putri".into();
        after.mother_name.0 = "Maimunah".into();
        after.identity_no.0 = "3515125703050003".into();
        let text = changes(&before, &after).join("; ");
        assert!(text.contains("name \""), "{text}");
        assert!(text.contains("mother changed"), "{text}");
        assert!(
            !text.contains("Maimunah") && !text.contains("Aminah"),
            "{text}"
        );
        assert!(text.contains("3515********0003"), "{text}");
        assert!(!text.contains("3515125703050003"), "{text}");
        assert!(changes_the_card(&before, &after));
    }

    #[test]
    fn after_handover_only_supervisors_and_administrators_correct() {
        use RequestState::*;
        assert_eq!(may_correct(Role::Staff, Some(Verified)), Ok(()));
        assert_eq!(may_correct(Role::Staff, None), Ok(()));
        assert_eq!(
            may_correct(Role::Staff, Some(HandedOver)),
            Err(CorrectionError::CardHandedOver)
        );
        assert_eq!(may_correct(Role::Supervisor, Some(FirstScanned)), Ok(()));
        assert_eq!(may_correct(Role::Admin, Some(HandedOver)), Ok(()));
    }
}
