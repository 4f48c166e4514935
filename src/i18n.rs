//! Every message a person reads, in Indonesian (the default) and English. Messages say what
//! happened and what to do next; the English text of an error type's `Display` is for logs.

use serde::{Deserialize, Serialize};

use crate::domain::checkin::Reason;
use crate::domain::checklist::CheckItem;
use crate::domain::member::{Field, FieldError, Problem, Sex};
use crate::domain::member_no::MemberNoError;
use crate::domain::nik::{NikError, NikMismatch};
use crate::domain::workflow::{RequestState, TransitionError};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    /// The Indonesian or the English text.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    pub fn from_code(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" | "in" | "indonesia" | "indonesian" => Some(Lang::Id),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
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
        Field::IdentityKind => lang.pick(
            "ktp, kk, kia, student (kartu pelajar) atau passport; kosong = ktp",
            "ktp, kk, kia, student (student card) or passport; empty = ktp",
        ),
        Field::IdentityNo => lang.pick(
            "16 angka NIK dari KTP/KK (paspor/kartu pelajar: nomornya)",
            "The 16-digit NIK from the KTP/KK (passport/student card: its number)",
        ),
        Field::BirthDate => lang.pick(
            "hari-bulan-tahun, mis. 17-03-2005",
            "day-month-year, e.g. 17-03-2005",
        ),
        Field::Sex => lang.pick("L (laki-laki) atau P (perempuan)", "L (male) or P (female)"),
        Field::Phone | Field::Email => lang.pick(
            "nomor HP atau e-mail, paling sedikit salah satu",
            "a phone number or an e-mail, at least one",
        ),
        Field::MotherName => lang.pick(
            "untuk pertanyaan keamanan; tidak tampil di daftar",
            "for the security question; never shown in lists",
        ),
        Field::MemberType => lang.pick(
            "umum, pelajar atau anak; kosong = umum",
            "umum (general), pelajar (student) or anak (child); empty = umum",
        ),
        _ => "",
    }
}

impl Localized for Sex {
    fn localized(&self, lang: Lang) -> String {
        match self {
            Sex::Male => lang.pick("laki-laki", "male"),
            Sex::Female => lang.pick("perempuan", "female"),
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
            (NikError::Length(n), Lang::En) => {
                format!("A NIK has 16 digits; {n} were typed. Check it against the KTP/KK.")
            }
            (NikError::NotDigits, _) => lang
                .pick(
                    "NIK hanya berisi angka. Periksa huruf O atau I yang terketik sebagai angka.",
                    "A NIK has digits only. Look for a letter O or I typed for a digit.",
                )
                .into(),
            (NikError::UnknownProvince(p), Lang::Id) => {
                format!("Kode provinsi {p} di awal NIK tidak dikenal. Periksa dua angka pertama.")
            }
            (NikError::UnknownProvince(p), Lang::En) => {
                format!(
                    "Province code {p} at the start of the NIK is unknown. Check the first two digits."
                )
            }
            (NikError::ZeroRegion, _) => lang
                .pick(
                    "Kode kabupaten/kecamatan dalam NIK tidak boleh 00. Periksa angka 3–6.",
                    "The regency and district codes in a NIK cannot be 00. Check digits 3–6.",
                )
                .into(),
            (NikError::BadDate { day, month, yy }, Lang::Id) => format!(
                "Tanggal lahir dalam NIK ({day:02}-{month:02}-{yy:02}) bukan tanggal yang ada. Periksa angka 7–12."
            ),
            (NikError::BadDate { day, month, yy }, Lang::En) => format!(
                "The birth date in the NIK ({day:02}-{month:02}-{yy:02}) is not a real date. Check digits 7–12."
            ),
            (NikError::ZeroSerial, _) => lang
                .pick(
                    "Empat angka terakhir NIK tidak boleh 0000. Periksa lagi dari KTP/KK.",
                    "The last four digits of a NIK cannot be 0000. Check it against the KTP/KK.",
                )
                .into(),
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
            Lang::En => format!(
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
            Lang::En => format!(
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
            Problem::Required => lang.pick("wajib diisi", "is required").into(),
            Problem::TooLong { max } => match lang {
                Lang::Id => format!("terlalu panjang (paling banyak {max} huruf)"),
                Lang::En => format!("is too long (at most {max} characters)"),
            },
            Problem::Nik(e) => e.localized(lang),
            Problem::NikMismatch(found) => {
                let parts: Vec<String> = found.iter().map(|m| mismatch_text(m, lang)).collect();
                match lang {
                    Lang::Id => format!(
                        "tidak cocok dengan NIK: {}. Periksa NIK dan data lahir dengan KTP/KK; bila semuanya sudah benar, petugas loket dapat mendaftarkannya dengan mencatat alasannya.",
                        parts.join("; ")
                    ),
                    Lang::En => format!(
                        "does not match the NIK: {}. Check the NIK and birth data against the KTP/KK; if all is right as typed, the counter staff can register it with a recorded reason.",
                        parts.join("; ")
                    ),
                }
            }
            Problem::NotADate => lang
                .pick(
                    "bukan tanggal; tulis seperti 17-08-1990",
                    "is not a date; write it like 17-08-1990",
                )
                .into(),
            Problem::InTheFuture => lang
                .pick("tidak boleh di masa depan", "cannot be in the future")
                .into(),
            Problem::Phone => lang
                .pick(
                    "bukan nomor telepon; tulis angka saja, misalnya 081234567890",
                    "is not a phone number; use digits, for example 081234567890",
                )
                .into(),
            Problem::Email => lang
                .pick(
                    "bukan alamat e-mail; contoh: nama@contoh.id",
                    "is not an e-mail address; example: name@example.id",
                )
                .into(),
            Problem::PhoneOrEmailRequired => lang
                .pick(
                    "isi nomor HP atau e-mail yang aktif (salah satu)",
                    "give an active phone number or e-mail (either)",
                )
                .into(),
            Problem::UnknownMemberType => lang
                .pick(
                    "jenis anggota tidak dikenal; pilih dari daftar",
                    "is not a known member type; pick one from the list",
                )
                .into(),
            Problem::NeedsKkOrKia => lang
                .pick(
                    "anggota anak mendaftar dengan KK atau KIA",
                    "a child member registers with a KK or KIA",
                )
                .into(),
            Problem::UnknownSex => lang
                .pick(
                    "isi L (laki-laki) atau P (perempuan)",
                    "use L (male) or P (female)",
                )
                .into(),
            Problem::UnknownIdentityKind => lang
                .pick(
                    "pilih KTP, KK, KIA, kartu pelajar atau paspor",
                    "pick KTP, KK, KIA, student card or passport",
                )
                .into(),
            Problem::ControlCharacter => lang
                .pick(
                    "berisi karakter kendali (misalnya ESC atau baris baru) yang tidak boleh ada; ketik ulang isinya tanpa menempelnya dari tempat lain",
                    "holds a control character (such as ESC or a line break) that is not allowed; type it again rather than pasting it",
                )
                .into(),
            Problem::TooOld { earliest } => match lang {
                Lang::Id => format!(
                    "terlalu lampau (paling awal {}); periksa tahunnya di KTP/KK",
                    earliest.strftime("%d-%m-%Y")
                ),
                Lang::En => format!(
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
                Lang::En => format!(
                    "Step '{action}' cannot be done: this request is {}. See its history with 'loket request show'.",
                    state.localized(lang)
                ),
            },
            TransitionError::ChecklistIncomplete => lang
                .pick(
                    "Daftar periksa belum lengkap: centang semua butir, atau catat butir yang gagal beserta alasannya.",
                    "The checklist is incomplete: tick every item, or record the failed item with a reason.",
                )
                .into(),
            TransitionError::ReasonRequired => lang
                .pick("Tuliskan alasannya, lalu ulangi.", "Give a reason, then try again.")
                .into(),
            TransitionError::ReceiverRequired => lang
                .pick(
                    "Tuliskan nama penerima kartu (anggota sendiri atau wakilnya), lalu ulangi.",
                    "Give the name of who receives the card (the member or a representative), then try again.",
                )
                .into(),
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
                Lang::En => format!(
                    "The member numbers for this period are used up ({max}). Ask the administrator to change the number format in the config."
                ),
            },
            MemberNoError::NikRequired => lang
                .pick(
                    "Format nomor anggota 4 memakai NIK: isi NIK pendaftar.",
                    "Member number format 4 uses the NIK: give the applicant's NIK.",
                )
                .into(),
        }
    }
}

impl Localized for Reason {
    fn localized(&self, lang: Lang) -> String {
        match self {
            Reason::ExpiresSoon { days: 0, .. } => lang
                .pick(
                    "Kartu berlaku sampai hari ini. Sarankan perpanjangan di loket.",
                    "The card is valid until today. Suggest a renewal at the counter.",
                )
                .into(),
            Reason::ExpiresSoon { days, on } => match lang {
                Lang::Id => format!(
                    "Kartu habis dalam {days} hari ({}). Sarankan perpanjangan di loket.",
                    on.strftime("%d-%m-%Y")
                ),
                Lang::En => format!(
                    "The card expires in {days} day(s) ({}). Suggest a renewal at the counter.",
                    on.strftime("%d-%m-%Y")
                ),
            },
            Reason::NotHandedOver => lang
                .pick(
                    "Kartu sudah dicetak tetapi serah terimanya belum dicatat. Minta anggota ke loket.",
                    "A card was printed but its handover was never recorded. Send the member to the counter.",
                )
                .into(),
            Reason::NoValidUntil => lang
                .pick(
                    "Masa berlaku kartu tidak tercatat. Minta anggota memeriksakannya di loket.",
                    "The card's valid-until date is not on record. Ask the member to have it checked at the counter.",
                )
                .into(),
            Reason::Expired { on } => match lang {
                Lang::Id => format!(
                    "Kartu sudah habis masa berlakunya ({}). Perpanjang di loket.",
                    on.strftime("%d-%m-%Y")
                ),
                Lang::En => format!(
                    "The card expired ({}). Renew it at the counter.",
                    on.strftime("%d-%m-%Y")
                ),
            },
            Reason::MemberBlocked => lang
                .pick(
                    "Keanggotaan diblokir. Minta anggota menemui petugas loket.",
                    "The membership is blocked. Ask the member to see the counter staff.",
                )
                .into(),
            Reason::CardBlocked { note } => match lang {
                Lang::Id => format!(
                    "Kartu ini diblokir ({note}). Minta anggota ke loket untuk kartu pengganti."
                ),
                Lang::En => format!(
                    "This card is blocked ({note}). Ask the member to get a replacement at the counter."
                ),
            },
            Reason::CardReplaced { by } => match lang {
                Lang::Id => format!(
                    "Kartu ini sudah diganti dengan kartu {by}. Tahan kartu lama; pakai kartu yang baru."
                ),
                Lang::En => format!(
                    "This card was replaced by card {by}. Keep the old card; use the new one."
                ),
            },
            Reason::Pending => lang
                .pick(
                    "Kartu belum diterbitkan: pendaftaran belum selesai. Minta pendaftar menyelesaikannya di loket.",
                    "No card was issued yet: the registration is not finished. Ask the applicant to finish it at the counter.",
                )
                .into(),
            Reason::NumberOnly { newest } => match lang {
                Lang::Id => format!(
                    "Kode ini hanya nomor anggota, dan anggota ini sudah punya kartu lebih baru ({newest}); kartu lama tidak berlaku. Pindai kode QR di kartu terbaru, atau ketik nomor seri yang tercetak di kartu ({newest})."
                ),
                Lang::En => format!(
                    "This code is only the member number, and the member has a newer card ({newest}); older cards are not valid. Scan the QR code on the newest card, or type the serial printed on it ({newest})."
                ),
            },
            Reason::Unknown { code } => match lang {
                Lang::Id => format!(
                    "Nomor {code} tidak terdaftar. Pindai ulang, atau catat sebagai tamu (tombol g)."
                ),
                Lang::En => format!(
                    "Number {code} is not registered. Scan again, or enter a guest (key g)."
                ),
            },
            Reason::NotACode => lang
                .pick(
                    "Hasil pindai bukan nomor anggota. Pindai ulang barcode di kartu.",
                    "The scan is not a member number. Scan the barcode on the card again.",
                )
                .into(),
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
