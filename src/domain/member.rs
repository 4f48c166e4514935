//! The member (anggota) and the registration form every entry point shares: the counter's
//! form, the kiosk, the web form, the CLI and imports all validate through `MemberDraft`.
//! Here: the member as registered and the form's fields; the form as typed in `draft`, its
//! checks in `validate`.

mod draft;
mod validate;

use std::fmt;

use jiff::{Timestamp, civil::Date};
use serde::{Deserialize, Serialize};

use super::member_no::MemberNo;
use super::member_type::MemberType;
use super::nik::{Nik, mask_nik};

pub use draft::{FieldError, FormRules, MemberDraft, Problem, Strictness, ValidDraft, Warning};
pub use validate::{normalize_phone, parse_date, valid_email};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    /// Laki-laki
    Male,
    /// Perempuan
    Female,
}

impl Sex {
    /// The letter Indonesian forms use: L (laki-laki) or P (perempuan).
    pub fn letter(self) -> char {
        match self {
            Sex::Male => 'L',
            Sex::Female => 'P',
        }
    }

    pub fn from_letter(s: &str) -> Option<Sex> {
        match s.trim().to_ascii_uppercase().as_str() {
            "L" | "M" | "LAKI-LAKI" | "MALE" => Some(Sex::Male),
            "P" | "F" | "PEREMPUAN" | "FEMALE" => Some(Sex::Female),
            _ => None,
        }
    }
}

/// The document the applicant identifies with. KTP, KK and KIA carry the NIK.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IdentityKind {
    /// Kartu Tanda Penduduk, the identity card.
    Ktp,
    /// Kartu Keluarga, the family card (for minors and those without a KTP).
    Kk,
    /// Kartu Identitas Anak, the child's identity card.
    Kia,
    /// Kartu pelajar / mahasiswa.
    StudentCard,
    Passport,
}

impl IdentityKind {
    pub const ALL: [IdentityKind; 5] = [
        IdentityKind::Ktp,
        IdentityKind::Kk,
        IdentityKind::Kia,
        IdentityKind::StudentCard,
        IdentityKind::Passport,
    ];

    pub fn carries_nik(self) -> bool {
        matches!(
            self,
            IdentityKind::Ktp | IdentityKind::Kk | IdentityKind::Kia
        )
    }

    pub fn code(self) -> &'static str {
        match self {
            IdentityKind::Ktp => "ktp",
            IdentityKind::Kk => "kk",
            IdentityKind::Kia => "kia",
            IdentityKind::StudentCard => "student",
            IdentityKind::Passport => "passport",
        }
    }

    pub fn from_code(s: &str) -> Option<IdentityKind> {
        let s = s.trim().to_ascii_lowercase();
        IdentityKind::ALL.into_iter().find(|k| k.code() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MemberStatus {
    /// Registered, card not yet issued.
    Pending,
    Active,
    Expired,
    Blocked,
}

impl MemberStatus {
    pub fn code(self) -> &'static str {
        match self {
            MemberStatus::Pending => "pending",
            MemberStatus::Active => "active",
            MemberStatus::Expired => "expired",
            MemberStatus::Blocked => "blocked",
        }
    }

    /// Pending and active members hold their NIK: no second registration may take it.
    pub fn holds_nik(self) -> bool {
        matches!(self, MemberStatus::Pending | MemberStatus::Active)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub street: String,
    /// e.g. "003/005"
    pub rt_rw: String,
    pub kelurahan: String,
    pub kecamatan: String,
    pub city: String,
    pub province: String,
}

impl Address {
    pub fn one_line(&self) -> String {
        let mut parts = vec![self.street.clone()];
        if !self.rt_rw.is_empty() {
            parts.push(format!("RT/RW {}", self.rt_rw));
        }
        for p in [&self.kelurahan, &self.kecamatan, &self.city, &self.province] {
            if !p.is_empty() {
                parts.push(p.clone());
            }
        }
        parts.retain(|p| !p.is_empty());
        parts.join(", ")
    }
}

/// Nama ibu kandung: a security question, sensitive personal data. Its Debug hides it.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MotherName(pub String);

impl fmt::Debug for MotherName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MotherName(***)")
    }
}

/// The identity document's number. For KTP, KK and KIA it is the NIK; Debug masks it.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdentityNo(pub String);

impl fmt::Debug for IdentityNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IdentityNo({})", mask_nik(&self.0))
    }
}

/// A registered member (anggota).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub member_no: MemberNo,
    pub full_name: String,
    pub identity_kind: IdentityKind,
    /// The document's number: for KTP, KK and KIA the NIK (also in `nik`).
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
    /// The code of a configured `MemberType`.
    pub member_type: String,
    pub registered_at: Timestamp,
    pub valid_until: Option<Date>,
    pub status: MemberStatus,
    /// Why the clerk went on although the NIK contradicts the typed birth date or sex.
    #[serde(default)]
    pub nik_mismatch_reason: Option<String>,
}

impl Member {
    pub fn masked_nik(&self) -> String {
        match &self.nik {
            Some(n) => n.masked(),
            None => mask_nik(&self.identity_no.0),
        }
    }

    /// Status as of `today`: an active card past its date is expired even before a job
    /// rewrites the record.
    pub fn status_on(&self, today: Date) -> MemberStatus {
        match (self.status, self.valid_until) {
            (MemberStatus::Active, Some(until)) if until < today => MemberStatus::Expired,
            (s, _) => s,
        }
    }

    /// Activation (card verified for issue): the validity runs from `today`, or for a renewal
    /// from the current end date if that is later, so early renewals lose no days.
    pub fn activate(&mut self, member_type: &MemberType, today: Date) {
        let from = match self.valid_until {
            Some(until) if until > today && self.status == MemberStatus::Active => until,
            _ => today,
        };
        self.valid_until = Some(member_type.valid_until(from));
        self.status = MemberStatus::Active;
    }
}

/// A field of the registration form, named the same everywhere it is shown or checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    FullName,
    IdentityKind,
    IdentityNo,
    BirthPlace,
    BirthDate,
    Sex,
    Street,
    RtRw,
    Kelurahan,
    Kecamatan,
    City,
    Province,
    Phone,
    Email,
    MotherName,
    Occupation,
    Education,
    Institution,
    MemberType,
}

impl Field {
    /// Every field in the order of the paper form: the counter's form and the web form show
    /// them in this order.
    pub const FORM: [Field; 19] = [
        Field::FullName,
        Field::IdentityKind,
        Field::IdentityNo,
        Field::BirthPlace,
        Field::BirthDate,
        Field::Sex,
        Field::Street,
        Field::RtRw,
        Field::Kelurahan,
        Field::Kecamatan,
        Field::City,
        Field::Province,
        Field::Phone,
        Field::Email,
        Field::MotherName,
        Field::Occupation,
        Field::Education,
        Field::Institution,
        Field::MemberType,
    ];

    pub fn from_code(code: &str) -> Option<Field> {
        Field::FORM.into_iter().find(|f| f.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Field::FullName => "name",
            Field::IdentityKind => "identity-kind",
            Field::IdentityNo => "nik",
            Field::BirthPlace => "birth-place",
            Field::BirthDate => "birth-date",
            Field::Sex => "sex",
            Field::Street => "address",
            Field::RtRw => "rt-rw",
            Field::Kelurahan => "kelurahan",
            Field::Kecamatan => "kecamatan",
            Field::City => "city",
            Field::Province => "province",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::MotherName => "mother",
            Field::Occupation => "occupation",
            Field::Education => "education",
            Field::Institution => "institution",
            Field::MemberType => "type",
        }
    }
}
