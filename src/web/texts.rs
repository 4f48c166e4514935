//! What the web form says when it refuses something, in Indonesian and English: what
//! happened and what to do next. Field problems come from the shared `Localized` texts.

use crate::i18n::{Lang, Localized};

/// Every way the web form turns a request down, besides the fields' own problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    PhotoRequired,
    ConsentRequired,
    /// The NIK is held by a pending or active member. Says nothing about who.
    DuplicateNik,
    /// The CSRF token was missing, foreign or too old.
    FormExpired,
    /// The hidden field a person never sees was filled in: a robot.
    Honeypot,
    TooLarge {
        max_mb: u64,
    },
    TooMany {
        retry_secs: u64,
    },
    Malformed,
    ServerError,
    NotFound,
    ConfirmationExpired,
}

impl Refusal {
    /// A short code for the log line.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::PhotoRequired => "photo-required",
            Refusal::ConsentRequired => "consent-required",
            Refusal::DuplicateNik => "duplicate-nik",
            Refusal::FormExpired => "csrf",
            Refusal::Honeypot => "honeypot",
            Refusal::TooLarge { .. } => "too-large",
            Refusal::TooMany { .. } => "rate-limited",
            Refusal::Malformed => "malformed",
            Refusal::ServerError => "server-error",
            Refusal::NotFound => "not-found",
            Refusal::ConfirmationExpired => "confirmation-expired",
        }
    }

    /// The page title when the refusal is a page of its own.
    pub fn title(&self, lang: Lang) -> &'static str {
        match self {
            Refusal::TooLarge { .. } => lang.pick("Kiriman terlalu besar", "Upload too large"),
            Refusal::TooMany { .. } => lang.pick("Terlalu banyak kiriman", "Too many submissions"),
            Refusal::NotFound => lang.pick("Halaman tidak ada", "Page not found"),
            Refusal::ServerError => lang.pick("Terjadi gangguan", "Something went wrong"),
            Refusal::ConfirmationExpired => {
                lang.pick("Tautan sudah tidak berlaku", "Link no longer valid")
            }
            _ => lang.pick("Pendaftaran tidak diterima", "Registration not accepted"),
        }
    }
}

impl Localized for Refusal {
    fn localized(&self, lang: Lang) -> String {
        match (self, lang) {
            (Refusal::PhotoRequired, _) => lang
                .pick(
                    "Pilih foto diri Anda (JPEG atau PNG), wajah terlihat jelas, lalu kirim lagi.",
                    "Choose a photo of yourself (JPEG or PNG) with your face clearly visible, then send again.",
                )
                .into(),
            (Refusal::ConsentRequired, _) => lang
                .pick(
                    "Baca pemberitahuan privasi lalu centang persetujuannya; tanpa itu data tidak bisa disimpan.",
                    "Read the privacy notice and tick your consent; without it the data cannot be saved.",
                )
                .into(),
            (Refusal::DuplicateNik, _) => lang
                .pick(
                    "NIK ini sudah terdaftar. Silakan datang ke loket perpustakaan dengan membawa KTP (atau KK) Anda; petugas akan membantu.",
                    "This NIK is already registered. Please come to the library counter with your KTP (or KK); the staff will help you.",
                )
                .into(),
            (Refusal::FormExpired, _) => lang
                .pick(
                    "Formulir ini sudah kedaluwarsa atau dibuka di tempat lain. Isian Anda masih ada di bawah: pilih foto lagi, lalu kirim sekali lagi.",
                    "This form has expired or was opened elsewhere. Your entries are still below: choose the photo again, then send once more.",
                )
                .into(),
            (Refusal::Honeypot, _) => lang
                .pick(
                    "Kiriman ini tidak bisa diterima. Bila Anda mengisi formulir sendiri, buka formulirnya lagi dan kirim ulang, atau daftar langsung di loket.",
                    "This submission cannot be accepted. If you filled in the form yourself, open it again and resend, or register at the counter.",
                )
                .into(),
            (Refusal::TooLarge { max_mb }, Lang::Id) => format!(
                "Kiriman lebih dari {max_mb} MB. Pilih foto yang lebih kecil (atau kecilkan ukurannya di HP), lalu kirim lagi."
            ),
            (Refusal::TooLarge { max_mb }, Lang::En) => format!(
                "The upload is larger than {max_mb} MB. Choose a smaller photo (or reduce its size on your phone), then send again."
            ),
            (Refusal::TooMany { retry_secs }, Lang::Id) => format!(
                "Terlalu banyak kiriman dari alamat Anda. Tunggu {} menit, lalu coba lagi.",
                retry_secs.div_ceil(60)
            ),
            (Refusal::TooMany { retry_secs }, Lang::En) => format!(
                "Too many submissions from your address. Wait {} minute(s), then try again.",
                retry_secs.div_ceil(60)
            ),
            (Refusal::Malformed, _) => lang
                .pick(
                    "Kiriman tidak bisa dibaca. Buka formulirnya lagi, isi, lalu kirim.",
                    "The submission could not be read. Open the form again, fill it in and send it.",
                )
                .into(),
            (Refusal::ServerError, _) => lang
                .pick(
                    "Pendaftaran tidak tersimpan karena gangguan di server. Coba lagi beberapa menit lagi, atau daftar langsung di loket.",
                    "The registration was not saved because of a problem on the server. Try again in a few minutes, or register at the counter.",
                )
                .into(),
            (Refusal::NotFound, _) => lang
                .pick(
                    "Halaman ini tidak ada. Buka formulir pendaftaran dari halaman depan.",
                    "This page does not exist. Open the registration form from the front page.",
                )
                .into(),
            (Refusal::ConfirmationExpired, _) => lang
                .pick(
                    "Tautan konfirmasi ini sudah tidak berlaku. Nomor anggota Anda tetap berlaku: sebutkan nama dan tunjukkan KTP di loket.",
                    "This confirmation link is no longer valid. Your member number still stands: give your name and show your KTP at the counter.",
                )
                .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_speaks_both_languages_and_says_what_next() {
        let all = [
            Refusal::PhotoRequired,
            Refusal::ConsentRequired,
            Refusal::DuplicateNik,
            Refusal::FormExpired,
            Refusal::Honeypot,
            Refusal::TooLarge { max_mb: 21 },
            Refusal::TooMany { retry_secs: 90 },
            Refusal::Malformed,
            Refusal::ServerError,
            Refusal::NotFound,
            Refusal::ConfirmationExpired,
        ];
        for r in &all {
            let (id, en) = (r.localized(Lang::Id), r.localized(Lang::En));
            assert_ne!(id, en, "{r:?}");
            assert!(id.ends_with('.') && en.ends_with('.'), "{r:?}");
            assert_ne!(r.title(Lang::Id), r.title(Lang::En));
        }
        assert!(
            Refusal::TooMany { retry_secs: 90 }
                .localized(Lang::En)
                .contains("2 minute")
        );
        // The duplicate message names no member.
        assert!(
            !Refusal::DuplicateNik
                .localized(Lang::Id)
                .chars()
                .any(|c| c.is_ascii_digit())
        );
    }
}
