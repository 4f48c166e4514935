//! Every message a person reads, in Indonesian (the default) and English. Messages say what
//! happened and what to do next; the English text of an error type's `Display` is for logs.

use crate::domain::checkin::Reason;
use crate::domain::checklist::CheckItem;
use crate::domain::member::{Field, FieldError, Problem, Sex};
use crate::domain::member_no::MemberNoError;
use crate::domain::nik::{NikError, NikMismatch};
use crate::domain::workflow::{RequestState, TransitionError};

mod catalog;

pub use catalog::{LOCALES_ENV, Lang};
pub use fluent_bundle::FluentValue;

/// Something that can say itself to a person in their language.
pub trait Localized {
    fn localized(&self, lang: Lang) -> String;
}

/// The catalogue message that names a form field; its `.hint` attribute is the field's hint.
fn field_message(field: Field) -> &'static str {
    match field {
        Field::FullName => "domain-field-full-name",
        Field::IdentityKind => "domain-field-identity-kind",
        Field::IdentityNo => "domain-field-identity-no",
        Field::BirthPlace => "domain-field-birth-place",
        Field::BirthDate => "domain-field-birth-date",
        Field::Sex => "domain-field-sex",
        Field::Street => "domain-field-street",
        Field::RtRw => "domain-field-rt-rw",
        Field::Kelurahan => "domain-field-kelurahan",
        Field::Kecamatan => "domain-field-kecamatan",
        Field::City => "domain-field-city",
        Field::Province => "domain-field-province",
        Field::Phone => "domain-field-phone",
        Field::Email => "domain-field-email",
        Field::MotherName => "domain-field-mother-name",
        Field::Occupation => "domain-field-occupation",
        Field::Education => "domain-field-education",
        Field::Institution => "domain-field-institution",
        Field::MemberType => "domain-field-member-type",
    }
}

impl Localized for Field {
    fn localized(&self, lang: Lang) -> String {
        lang.text(field_message(*self)).to_string()
    }
}

/// The line under a form field that says what to type, on the counter and on the web.
pub fn field_hint(field: Field, lang: Lang) -> &'static str {
    // Only these fields have a `.hint` in the catalogue; the rest need none.
    match field {
        Field::IdentityKind => lang.text("domain-field-identity-kind.hint"),
        Field::IdentityNo => lang.text("domain-field-identity-no.hint"),
        Field::BirthDate => lang.text("domain-field-birth-date.hint"),
        Field::Sex => lang.text("domain-field-sex.hint"),
        Field::Phone => lang.text("domain-field-phone.hint"),
        Field::Email => lang.text("domain-field-email.hint"),
        Field::MotherName => lang.text("domain-field-mother-name.hint"),
        Field::MemberType => lang.text("domain-field-member-type.hint"),
        _ => "",
    }
}

impl Localized for Sex {
    fn localized(&self, lang: Lang) -> String {
        match self {
            Sex::Male => lang.text("domain-sex-male"),
            Sex::Female => lang.text("domain-sex-female"),
        }
        .to_string()
    }
}

/// Dates in messages as the KTP writes them: day-month-year.
fn dmy(d: &jiff::civil::Date) -> String {
    d.strftime("%d-%m-%Y").to_string()
}

impl Localized for NikError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            NikError::Length(n) => crate::t!(lang, "domain-nik-length", n = *n),
            NikError::NotDigits => crate::t!(lang, "domain-nik-not-digits"),
            NikError::UnknownProvince(p) => {
                crate::t!(lang, "domain-nik-unknown-province", code = p.as_str())
            }
            NikError::ZeroRegion => crate::t!(lang, "domain-nik-zero-region"),
            NikError::BadDate { day, month, yy } => crate::t!(
                lang,
                "domain-nik-bad-date",
                day = format!("{day:02}"),
                month = format!("{month:02}"),
                yy = format!("{yy:02}"),
            ),
            NikError::ZeroSerial => crate::t!(lang, "domain-nik-zero-serial"),
        }
    }
}

fn mismatch_text(m: &NikMismatch, lang: Lang) -> String {
    match m {
        NikMismatch::BirthDate { in_nik, typed } => crate::t!(
            lang,
            "domain-mismatch-birth-date",
            in_nik = dmy(in_nik),
            typed = dmy(typed),
        ),
        NikMismatch::Sex { in_nik, typed } => crate::t!(
            lang,
            "domain-mismatch-sex",
            in_nik = in_nik.localized(lang),
            typed = typed.localized(lang),
        ),
    }
}

impl Localized for Problem {
    fn localized(&self, lang: Lang) -> String {
        let id = match self {
            Problem::TooLong { max } => {
                return crate::t!(lang, "domain-problem-too-long", max = *max);
            }
            Problem::Nik(e) => return e.localized(lang),
            Problem::NikMismatch(found) => {
                let parts: Vec<String> = found.iter().map(|m| mismatch_text(m, lang)).collect();
                return crate::t!(
                    lang,
                    "domain-problem-nik-mismatch",
                    found = parts.join("; ")
                );
            }
            Problem::TooOld { earliest } => {
                return crate::t!(lang, "domain-problem-too-old", earliest = dmy(earliest));
            }
            Problem::Required => "domain-problem-required",
            Problem::NotADate => "domain-problem-not-a-date",
            Problem::InTheFuture => "domain-problem-in-the-future",
            Problem::Phone => "domain-problem-phone",
            Problem::Email => "domain-problem-email",
            Problem::PhoneOrEmailRequired => "domain-problem-phone-or-email-required",
            Problem::UnknownMemberType => "domain-problem-unknown-member-type",
            Problem::NeedsKkOrKia => "domain-problem-needs-kk-or-kia",
            Problem::UnknownSex => "domain-problem-unknown-sex",
            Problem::UnknownIdentityKind => "domain-problem-unknown-identity-kind",
            Problem::ControlCharacter => "domain-problem-control-character",
        };
        lang.text(id).to_string()
    }
}

impl Localized for FieldError {
    fn localized(&self, lang: Lang) -> String {
        format!(
            "{}: {}",
            self.field.localized(lang),
            self.problem.localized(lang)
        )
    }
}

impl Localized for RequestState {
    fn localized(&self, lang: Lang) -> String {
        let id = match self {
            RequestState::Registered => "domain-state-registered",
            RequestState::WaitingAtCounter => "domain-state-waiting-at-counter",
            RequestState::PhotoTaken => "domain-state-photo-taken",
            RequestState::Verified => "domain-state-verified",
            RequestState::Printed => "domain-state-printed",
            RequestState::Laminated => "domain-state-laminated",
            RequestState::HandedOver => "domain-state-handed-over",
            RequestState::FirstScanned => "domain-state-first-scanned",
            RequestState::Rejected => "domain-state-rejected",
            RequestState::Cancelled => "domain-state-cancelled",
        };
        lang.text(id).to_string()
    }
}

impl Localized for CheckItem {
    fn localized(&self, lang: Lang) -> String {
        let id = match self {
            CheckItem::DocumentSeen => "domain-check-document-seen",
            CheckItem::DataMatch => "domain-check-data-match",
            CheckItem::NikConsistent => "domain-check-nik-consistent",
            CheckItem::PhotoAcceptable => "domain-check-photo-acceptable",
            CheckItem::NoDuplicate => "domain-check-no-duplicate",
        };
        lang.text(id).to_string()
    }
}

impl Localized for TransitionError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            TransitionError::NotAllowed { action, state } => crate::t!(
                lang,
                "domain-transition-not-allowed",
                action = *action,
                state = state.localized(lang),
            ),
            TransitionError::ChecklistIncomplete => {
                crate::t!(lang, "domain-transition-checklist-incomplete")
            }
            TransitionError::ReasonRequired => crate::t!(lang, "domain-transition-reason-required"),
            TransitionError::ReceiverRequired => {
                crate::t!(lang, "domain-transition-receiver-required")
            }
        }
    }
}

impl Localized for MemberNoError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            MemberNoError::SequenceExhausted { max, .. } => {
                crate::t!(lang, "domain-member-no-sequence-exhausted", max = *max)
            }
            MemberNoError::NikRequired => crate::t!(lang, "domain-member-no-nik-required"),
        }
    }
}

impl Localized for Reason {
    fn localized(&self, lang: Lang) -> String {
        match self {
            Reason::ExpiresSoon { days: 0, .. } => {
                crate::t!(lang, "domain-reason-valid-until-today")
            }
            Reason::ExpiresSoon { days, on } => {
                crate::t!(
                    lang,
                    "domain-reason-expires-soon",
                    days = *days,
                    on = dmy(on)
                )
            }
            Reason::NotHandedOver => crate::t!(lang, "domain-reason-not-handed-over"),
            Reason::NoValidUntil => crate::t!(lang, "domain-reason-no-valid-until"),
            Reason::Expired { on } => crate::t!(lang, "domain-reason-expired", on = dmy(on)),
            Reason::MemberBlocked => crate::t!(lang, "domain-reason-member-blocked"),
            Reason::CardBlocked { note } => {
                crate::t!(lang, "domain-reason-card-blocked", note = note.as_str())
            }
            Reason::CardReplaced { by } => {
                crate::t!(lang, "domain-reason-card-replaced", by = by.as_str())
            }
            Reason::Pending => crate::t!(lang, "domain-reason-pending"),
            Reason::NumberOnly { newest } => {
                crate::t!(lang, "domain-reason-number-only", newest = newest.as_str())
            }
            Reason::Unknown { code } => {
                crate::t!(lang, "domain-reason-unknown", code = code.as_str())
            }
            Reason::NotACode => crate::t!(lang, "domain-reason-not-a-code"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_say_what_to_do_next() {
        let e = NikError::Length(15);
        assert!(e.localized(Lang::Id).contains("16 angka"));
        assert!(e.localized(Lang::En).contains("16 digits"));
        let fe = FieldError {
            field: Field::Phone,
            problem: Problem::PhoneOrEmailRequired,
        };
        assert_eq!(
            fe.localized(Lang::En),
            "Phone: give an active phone number or e-mail (either)"
        );
    }
}
