//! The registration form as typed (`MemberDraft`, every field a string), what a check of it
//! finds (`FieldError`), and what passed (`ValidDraft`, the values a `Member` is built from).

use jiff::{Timestamp, civil::Date};
use serde::{Deserialize, Serialize};

use super::{Address, Field, IdentityKind, IdentityNo, Member, MemberStatus, MotherName, Sex};
use crate::domain::member_no::MemberNo;
use crate::domain::member_type::MemberType;
use crate::domain::nik::{Nik, NikError, NikMismatch};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    Nik(NikError),
    NikMismatch(Vec<NikMismatch>),
    NotADate,
    InTheFuture,
    Phone,
    Email,
    PhoneOrEmailRequired,
    UnknownMemberType,
    /// Child members register with a KK or KIA.
    NeedsKkOrKia,
    UnknownSex,
    UnknownIdentityKind,
    /// An ESC or another control character; a birth date too far back (see `controls`).
    ControlCharacter,
    TooOld {
        earliest: Date,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// Things the clerk should see but that do not stop a registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    NikOutsideRegency { regency: String },
}

/// The form as typed: every field a string, so that half-filled input can be held and
/// checked field by field while it is typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberDraft {
    pub full_name: String,
    pub identity_kind: String,
    pub identity_no: String,
    pub birth_place: String,
    /// YYYY-MM-DD, or DD-MM-YYYY as people write it.
    pub birth_date: String,
    /// L or P
    pub sex: String,
    pub address: Address,
    pub phone: String,
    pub email: String,
    pub mother_name: String,
    pub occupation: String,
    pub education: String,
    pub institution: String,
    pub member_type: String,
    /// Given by a clerk who has seen the document and goes on despite a NIK mismatch.
    pub nik_mismatch_reason: String,
}

impl MemberDraft {
    /// The text typed into `field`: forms keep their inputs in the draft itself, so every
    /// form (counter, kiosk, web) maps fields to the draft the same way.
    pub fn field(&self, field: Field) -> &str {
        match field {
            Field::FullName => &self.full_name,
            Field::IdentityKind => &self.identity_kind,
            Field::IdentityNo => &self.identity_no,
            Field::BirthPlace => &self.birth_place,
            Field::BirthDate => &self.birth_date,
            Field::Sex => &self.sex,
            Field::Street => &self.address.street,
            Field::RtRw => &self.address.rt_rw,
            Field::Kelurahan => &self.address.kelurahan,
            Field::Kecamatan => &self.address.kecamatan,
            Field::City => &self.address.city,
            Field::Province => &self.address.province,
            Field::Phone => &self.phone,
            Field::Email => &self.email,
            Field::MotherName => &self.mother_name,
            Field::Occupation => &self.occupation,
            Field::Education => &self.education,
            Field::Institution => &self.institution,
            Field::MemberType => &self.member_type,
        }
    }

    pub fn field_mut(&mut self, field: Field) -> &mut String {
        match field {
            Field::FullName => &mut self.full_name,
            Field::IdentityKind => &mut self.identity_kind,
            Field::IdentityNo => &mut self.identity_no,
            Field::BirthPlace => &mut self.birth_place,
            Field::BirthDate => &mut self.birth_date,
            Field::Sex => &mut self.sex,
            Field::Street => &mut self.address.street,
            Field::RtRw => &mut self.address.rt_rw,
            Field::Kelurahan => &mut self.address.kelurahan,
            Field::Kecamatan => &mut self.address.kecamatan,
            Field::City => &mut self.address.city,
            Field::Province => &mut self.address.province,
            Field::Phone => &mut self.phone,
            Field::Email => &mut self.email,
            Field::MotherName => &mut self.mother_name,
            Field::Occupation => &mut self.occupation,
            Field::Education => &mut self.education,
            Field::Institution => &mut self.institution,
            Field::MemberType => &mut self.member_type,
        }
    }
}

/// What validation needs from outside the form: the date, the member types, the regency.
pub struct FormRules<'a> {
    pub today: Date,
    pub member_types: &'a [MemberType],
    pub regency_code: &'a str,
}

/// A draft that passed validation, with the parsed values a `Member` is built from.
#[derive(Debug, Clone)]
pub struct ValidDraft {
    pub full_name: String,
    pub identity_kind: IdentityKind,
    pub identity_no: IdentityNo,
    pub nik: Option<Nik>,
    pub birth_place: String,
    pub birth_date: Date,
    pub sex: Sex,
    pub address: Address,
    pub phone: String,
    pub email: String,
    pub mother_name: MotherName,
    pub occupation: String,
    pub education: String,
    pub institution: String,
    pub member_type: String,
    pub nik_mismatch_reason: Option<String>,
    pub warnings: Vec<Warning>,
}

impl ValidDraft {
    pub fn into_member(self, member_no: MemberNo, registered_at: Timestamp) -> Member {
        Member {
            member_no,
            full_name: self.full_name,
            identity_kind: self.identity_kind,
            identity_no: self.identity_no,
            nik: self.nik,
            birth_place: self.birth_place,
            birth_date: self.birth_date,
            sex: self.sex,
            address: self.address,
            phone: self.phone,
            email: self.email,
            mother_name: self.mother_name,
            occupation: self.occupation,
            education: self.education,
            institution: self.institution,
            member_type: self.member_type,
            registered_at,
            valid_until: None,
            status: MemberStatus::Pending,
            nik_mismatch_reason: self.nik_mismatch_reason,
        }
    }
}

/// How much a validation demands. The counter's form asks for everything the SOP needs; an
/// import takes members another system (SLiMS, INLISLite) already registered, and must not
/// demand what that system never kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    Form,
    /// Birth place, street, phone or e-mail, mother's name and the NIK may be missing, and a
    /// NIK that contradicts the birth date or sex is let through: each comes back as a flag,
    /// for the clerk to complete at verification (SOP 4). Whatever is present is checked as
    /// strictly as at the counter: a malformed NIK is still an error.
    Import,
}

impl FieldError {
    /// Problems an import records as flags instead of refusing the member (see `Strictness`).
    pub fn is_soft_for_import(&self) -> bool {
        matches!(
            (self.field, &self.problem),
            (Field::IdentityNo, Problem::Required)
                | (Field::IdentityNo, Problem::NikMismatch(_))
                | (Field::BirthPlace, Problem::Required)
                | (Field::Street, Problem::Required)
                | (Field::Phone, Problem::PhoneOrEmailRequired)
                | (Field::MotherName, Problem::Required)
        )
    }
}
