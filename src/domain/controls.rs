//! Control characters in text people type: refused where text enters (an ESC sequence in a
//! name from the web form would clear or recolour a clerk's terminal when printed), and made
//! harmless on the way out for anything already stored.

use std::borrow::Cow;

use jiff::civil::Date;

use super::member::{Field, FieldError, MemberDraft, Problem, parse_date};

/// A character that text fields never hold: C0 and C1 controls (ESC, CSI, newline, tab …)
/// and the bidirectional overrides that make a terminal show text in another order than it
/// is stored.
pub fn is_forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

pub fn has_forbidden(s: &str) -> bool {
    s.chars().any(is_forbidden)
}

/// Fields whose runs of whitespace validation collapses into one space: a line break or a
/// tab in them (an address over two lines in a SLiMS export) is whitespace, not a control.
const COLLAPSED: [Field; 11] = [
    Field::FullName,
    Field::BirthPlace,
    Field::Street,
    Field::Kelurahan,
    Field::Kecamatan,
    Field::City,
    Field::Province,
    Field::MotherName,
    Field::Occupation,
    Field::Education,
    Field::Institution,
];

fn forbidden_in(field: Field, s: &str) -> bool {
    if COLLAPSED.contains(&field) {
        s.chars().any(|c| is_forbidden(c) && !c.is_whitespace())
    } else {
        has_forbidden(s)
    }
}

/// The fields of a draft that hold a forbidden character, each as a field error, and a birth
/// date before the oldest plausible one (`nik::EARLIEST_BIRTH_YEARS`): the limits of what a
/// form may hold, beside the field-by-field checks of `MemberDraft::validate_as`.
pub fn draft_errors(d: &MemberDraft, today: Date) -> Vec<FieldError> {
    let mut errors: Vec<FieldError> = Field::FORM
        .into_iter()
        .filter(|f| forbidden_in(*f, d.field(*f)))
        .map(|field| FieldError {
            field,
            problem: Problem::ControlCharacter,
        })
        .collect();
    if has_forbidden(&d.nik_mismatch_reason) && !errors.iter().any(|e| e.field == Field::IdentityNo)
    {
        errors.push(FieldError {
            field: Field::IdentityNo,
            problem: Problem::ControlCharacter,
        });
    }
    let earliest = super::nik::earliest_birth_date(today);
    if parse_date(&d.birth_date).is_some_and(|b| b < earliest) {
        errors.push(FieldError {
            field: Field::BirthDate,
            problem: Problem::TooOld { earliest },
        });
    }
    errors
}

/// Text made safe for a terminal: every forbidden character but newline and tab (which the
/// caller's own layout uses) becomes `�`, so what was stored shows as text and never acts.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_forbidden(c) && c != '\n' && c != '\t') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if is_forbidden(c) && c != '\n' && c != '\t' {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// One line of stored text (a name, a reason): newlines and tabs too become `�`, so a value
/// cannot forge a line of its own in a list.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if !has_forbidden(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_forbidden(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_refused_in_every_field_and_shown_harmless() {
        let mut d = MemberDraft {
            full_name: "Budi\u{1b}[2J\u{1b}[31m".into(),
            ..MemberDraft::default()
        };
        d.address.city = "Sidoarjo\u{9b}0m".into();
        d.email = "a@b.id\r\n".into();
        // An address over two lines is whitespace, collapsed into one space by validation.
        d.address.street = "Jl. Mawar 3, RT 01\nDesa Contoh".into();
        let today = jiff::civil::date(2026, 11, 28);
        let fields: Vec<Field> = draft_errors(&d, today)
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec![Field::FullName, Field::City, Field::Email]);
        assert_eq!(printable("Budi\u{1b}[2J"), "Budi\u{FFFD}[2J");
        assert_eq!(printable("a\nb"), "a\nb");
        assert_eq!(one_line("a\nb\u{202E}c"), "a\u{FFFD}b\u{FFFD}c");
        assert!(matches!(printable("Siti Aminah"), Cow::Borrowed(_)));
        assert!(!has_forbidden("Ñoño – Ärger"));
    }
}
