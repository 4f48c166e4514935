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

impl Lang {
    /// The Indonesian or the English text; for messages not yet moved into the catalogues.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        if self == Lang::Id { id } else { en }
    }
}

/// Something that can say itself to a person in their language.
pub trait Localized {
    fn localized(&self, lang: Lang) -> String;
}

impl Localized for Field {
    fn localized(&self, lang: Lang) -> String {
        let (id, en) = match self {
            Field::FullName => ("Nama lengkap", "Full name"),
            Field::IdentityKind => ("Jenis identitas", "Identity document"),
            Field::IdentityNo => ("NIK / nomor identitas", "NIK / identity number"),
            Field::BirthPlace => ("Tempat lahir", "Place of birth"),
            Field::BirthDate => ("Tanggal lahir", "Date of birth"),
            Field::Sex => ("Jenis kelamin", "Sex"),
            Field::Street => ("Alamat", "Address"),
            Field::RtRw => ("RT/RW", "RT/RW"),
            Field::Kelurahan => ("Kelurahan/Desa", "Kelurahan/village"),
            Field::Kecamatan => ("Kecamatan", "Kecamatan (district)"),
            Field::City => ("Kabupaten/Kota", "Regency/city"),
            Field::Province => ("Provinsi", "Province"),
            Field::Phone => ("Nomor HP", "Phone"),
            Field::Email => ("E-mail", "E-mail"),
            Field::MotherName => ("Nama ibu kandung", "Mother's birth name"),
            Field::Occupation => ("Pekerjaan", "Occupation"),
            Field::Education => ("Pendidikan terakhir", "Education"),
            Field::Institution => ("Institusi / sekolah", "Institution / school"),
            Field::MemberType => ("Jenis anggota", "Member type"),
        };
        lang.pick(id, en).to_string()
    }
}

/// The line under a form field that says what to type, on the counter and on the web.
pub fn field_hint(field: Field, lang: Lang) -> &'static str {
    match field {
        Field::IdentityKind => lang.text("i18n-ktp-kk-kia-student-student-card"),
        Field::IdentityNo => lang.text("i18n-the-16-digit-nik-from-the"),
        Field::BirthDate => lang.text("i18n-day-month-year-e-g-17"),
        Field::Sex => lang.text("i18n-l-male-or-p-female"),
        Field::Phone | Field::Email => lang.text("i18n-a-phone-number-or-an-e"),
        Field::MotherName => lang.text("i18n-for-the-security-question-never-shown"),
        Field::MemberType => lang.text("i18n-umum-general-pelajar-student-or-anak"),
        _ => "",
    }
}

impl Localized for Sex {
    fn localized(&self, lang: Lang) -> String {
        match self {
            Sex::Male => lang.text("i18n-male"),
            Sex::Female => lang.text("i18n-female"),
        }
        .to_string()
    }
}

impl Localized for NikError {
    fn localized(&self, lang: Lang) -> String {
        match (self, lang) {
            (NikError::Length(n), Lang::Id) => {
                format!("NIK harus 16 angka, yang diketik {n} angka. Periksa lagi dari KTP/KK.")
            }
            (NikError::Length(n), _) => {
                format!("A NIK has 16 digits; {n} were typed. Check it against the KTP/KK.")
            }
            (NikError::NotDigits, _) => lang.text("i18n-a-nik-has-digits-only-look").into(),
            (NikError::UnknownProvince(p), Lang::Id) => {
                format!("Kode provinsi {p} di awal NIK tidak dikenal. Periksa dua angka pertama.")
            }
            (NikError::UnknownProvince(p), _) => {
                format!(
                    "Province code {p} at the start of the NIK is unknown. Check the first two digits."
                )
            }
            (NikError::ZeroRegion, _) => lang.text("i18n-the-regency-and-district-codes-in").into(),
            (NikError::BadDate { day, month, yy }, Lang::Id) => format!(
                "Tanggal lahir dalam NIK ({day:02}-{month:02}-{yy:02}) bukan tanggal yang ada. Periksa angka 7–12."
            ),
            (NikError::BadDate { day, month, yy }, _) => format!(
                "The birth date in the NIK ({day:02}-{month:02}-{yy:02}) is not a real date. Check digits 7–12."
            ),
            (NikError::ZeroSerial, _) => lang.text("i18n-the-last-four-digits-of-a").into(),
        }
    }
}

fn mismatch_text(m: &NikMismatch, lang: Lang) -> String {
    match m {
        NikMismatch::BirthDate { in_nik, typed } => match lang {
            Lang::Id => format!(
                "menurut NIK lahir {}, yang diketik {}",
                in_nik.strftime("%d-%m-%Y"),
                typed.strftime("%d-%m-%Y")
            ),
            _ => format!(
                "the NIK says born {}, {} was typed",
                in_nik.strftime("%d-%m-%Y"),
                typed.strftime("%d-%m-%Y")
            ),
        },
        NikMismatch::Sex { in_nik, typed } => match lang {
            Lang::Id => format!(
                "menurut NIK {}, yang diketik {}",
                in_nik.localized(lang),
                typed.localized(lang)
            ),
            _ => format!(
                "the NIK says {}, {} was typed",
                in_nik.localized(lang),
                typed.localized(lang)
            ),
        },
    }
}

impl Localized for Problem {
    fn localized(&self, lang: Lang) -> String {
        match self {
            Problem::Required => lang.text("i18n-is-required").into(),
            Problem::TooLong { max } => match lang {
                Lang::Id => format!("terlalu panjang (paling banyak {max} huruf)"),
                _ => format!("is too long (at most {max} characters)"),
            },
            Problem::Nik(e) => e.localized(lang),
            Problem::NikMismatch(found) => {
                let parts: Vec<String> = found.iter().map(|m| mismatch_text(m, lang)).collect();
                match lang {
                    Lang::Id => format!(
                        "tidak cocok dengan NIK: {}. Periksa NIK dan data lahir dengan KTP/KK; bila semuanya sudah benar, petugas loket dapat mendaftarkannya dengan mencatat alasannya.",
                        parts.join("; ")
                    ),
                    _ => format!(
                        "does not match the NIK: {}. Check the NIK and birth data against the KTP/KK; if all is right as typed, the counter staff can register it with a recorded reason.",
                        parts.join("; ")
                    ),
                }
            }
            Problem::NotADate => lang.text("i18n-is-not-a-date-write-it").into(),
            Problem::InTheFuture => lang.text("i18n-cannot-be-in-the-future").into(),
            Problem::Phone => lang.text("i18n-is-not-a-phone-number-use").into(),
            Problem::Email => lang.text("i18n-is-not-an-e-mail-address").into(),
            Problem::PhoneOrEmailRequired => {
                lang.text("i18n-give-an-active-phone-number-or").into()
            }
            Problem::UnknownMemberType => lang.text("i18n-is-not-a-known-member-type").into(),
            Problem::NeedsKkOrKia => lang.text("i18n-a-child-member-registers-with-a").into(),
            Problem::UnknownSex => lang.text("i18n-use-l-male-or-p-female").into(),
            Problem::UnknownIdentityKind => lang.text("i18n-pick-ktp-kk-kia-student-card").into(),
            Problem::ControlCharacter => lang.text("i18n-holds-a-control-character-such-as").into(),
            Problem::TooOld { earliest } => match lang {
                Lang::Id => format!(
                    "terlalu lampau (paling awal {}); periksa tahunnya di KTP/KK",
                    earliest.strftime("%d-%m-%Y")
                ),
                _ => format!(
                    "is too far back (the earliest is {}); check the year on the KTP/KK",
                    earliest.strftime("%d-%m-%Y")
                ),
            },
        }
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
        let (id, en) = match self {
            RequestState::Registered => ("terdaftar", "registered"),
            RequestState::WaitingAtCounter => ("menunggu di loket", "waiting at counter"),
            RequestState::PhotoTaken => ("sudah difoto", "photo taken"),
            RequestState::Verified => ("terverifikasi", "verified"),
            RequestState::Printed => ("tercetak", "printed"),
            RequestState::Laminated => ("dipotong & dipres", "cut & laminated"),
            RequestState::HandedOver => ("sudah diserahkan", "handed over"),
            RequestState::FirstScanned => ("sudah dipindai", "first scan"),
            RequestState::Rejected => ("ditolak", "rejected"),
            RequestState::Cancelled => ("dibatalkan", "cancelled"),
        };
        lang.pick(id, en).to_string()
    }
}

impl Localized for CheckItem {
    fn localized(&self, lang: Lang) -> String {
        let (id, en) = match self {
            CheckItem::DocumentSeen => (
                "Dokumen identitas dilihat (KTP, atau fotokopi KK)",
                "Identity document seen (KTP, or KK photocopy)",
            ),
            CheckItem::DataMatch => (
                "Nama dan data lahir cocok dengan dokumen",
                "Name and birth data match the document",
            ),
            CheckItem::NikConsistent => ("NIK konsisten", "NIK consistent"),
            CheckItem::PhotoAcceptable => ("Foto layak", "Photo acceptable"),
            CheckItem::NoDuplicate => ("Tidak ada anggota ganda", "No duplicate member"),
        };
        lang.pick(id, en).to_string()
    }
}

impl Localized for TransitionError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            TransitionError::NotAllowed { action, state } => match lang {
                Lang::Id => format!(
                    "Langkah '{action}' tidak bisa dilakukan: permohonan ini berstatus {}. Lihat riwayatnya dengan 'loket request show'.",
                    state.localized(lang)
                ),
                _ => format!(
                    "Step '{action}' cannot be done: this request is {}. See its history with 'loket request show'.",
                    state.localized(lang)
                ),
            },
            TransitionError::ChecklistIncomplete => lang
                .text("i18n-the-checklist-is-incomplete-tick-every")
                .into(),
            TransitionError::ReasonRequired => {
                lang.text("i18n-give-a-reason-then-try-again").into()
            }
            TransitionError::ReceiverRequired => {
                lang.text("i18n-give-the-name-of-who-receives").into()
            }
        }
    }
}

impl Localized for MemberNoError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            MemberNoError::SequenceExhausted { max, .. } => match lang {
                Lang::Id => format!(
                    "Nomor anggota untuk periode ini sudah habis ({max}). Minta admin mengganti format nomor anggota di konfigurasi."
                ),
                _ => format!(
                    "The member numbers for this period are used up ({max}). Ask the administrator to change the number format in the config."
                ),
            },
            MemberNoError::NikRequired => lang.text("i18n-member-number-format-4-uses-the").into(),
        }
    }
}

impl Localized for Reason {
    fn localized(&self, lang: Lang) -> String {
        match self {
            Reason::ExpiresSoon { days: 0, .. } => {
                lang.text("i18n-the-card-is-valid-until-today").into()
            }
            Reason::ExpiresSoon { days, on } => match lang {
                Lang::Id => format!(
                    "Kartu habis dalam {days} hari ({}). Sarankan perpanjangan di loket.",
                    on.strftime("%d-%m-%Y")
                ),
                _ => format!(
                    "The card expires in {days} day(s) ({}). Suggest a renewal at the counter.",
                    on.strftime("%d-%m-%Y")
                ),
            },
            Reason::NotHandedOver => lang.text("i18n-a-card-was-printed-but-its").into(),
            Reason::NoValidUntil => lang.text("i18n-the-card-s-valid-until-date").into(),
            Reason::Expired { on } => match lang {
                Lang::Id => format!(
                    "Kartu sudah habis masa berlakunya ({}). Perpanjang di loket.",
                    on.strftime("%d-%m-%Y")
                ),
                _ => format!(
                    "The card expired ({}). Renew it at the counter.",
                    on.strftime("%d-%m-%Y")
                ),
            },
            Reason::MemberBlocked => lang.text("i18n-the-membership-is-blocked-ask-the").into(),
            Reason::CardBlocked { note } => match lang {
                Lang::Id => format!(
                    "Kartu ini diblokir ({note}). Minta anggota ke loket untuk kartu pengganti."
                ),
                _ => format!(
                    "This card is blocked ({note}). Ask the member to get a replacement at the counter."
                ),
            },
            Reason::CardReplaced { by } => match lang {
                Lang::Id => format!(
                    "Kartu ini sudah diganti dengan kartu {by}. Tahan kartu lama; pakai kartu yang baru."
                ),
                _ => format!(
                    "This card was replaced by card {by}. Keep the old card; use the new one."
                ),
            },
            Reason::Pending => lang.text("i18n-no-card-was-issued-yet-the").into(),
            Reason::NumberOnly { newest } => match lang {
                Lang::Id => format!(
                    "Kode ini hanya nomor anggota, dan anggota ini sudah punya kartu lebih baru ({newest}); kartu lama tidak berlaku. Pindai kode QR di kartu terbaru, atau ketik nomor seri yang tercetak di kartu ({newest})."
                ),
                _ => format!(
                    "This code is only the member number, and the member has a newer card ({newest}); older cards are not valid. Scan the QR code on the newest card, or type the serial printed on it ({newest})."
                ),
            },
            Reason::Unknown { code } => match lang {
                Lang::Id => format!(
                    "Nomor {code} tidak terdaftar. Pindai ulang, atau catat sebagai tamu (tombol g)."
                ),
                _ => format!(
                    "Number {code} is not registered. Scan again, or enter a guest (key g)."
                ),
            },
            Reason::NotACode => lang.text("i18n-the-scan-is-not-a-member").into(),
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
