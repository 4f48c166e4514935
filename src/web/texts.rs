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
            Refusal::TooLarge { .. } => lang.text("web-texts-upload-too-large"),
            Refusal::TooMany { .. } => lang.text("web-texts-too-many-submissions"),
            Refusal::NotFound => lang.text("web-texts-page-not-found"),
            Refusal::ServerError => lang.text("web-texts-something-went-wrong"),
            Refusal::ConfirmationExpired => lang.text("web-texts-link-no-longer-valid"),
            _ => lang.text("web-texts-registration-not-accepted"),
        }
    }
}

impl Localized for Refusal {
    fn localized(&self, lang: Lang) -> String {
        match (self, lang) {
            (Refusal::PhotoRequired, _) => lang
                .text("web-texts-choose-a-photo-of-yourself-jpeg")
                .into(),
            (Refusal::ConsentRequired, _) => lang
                .text("web-texts-read-the-privacy-notice-and-tick")
                .into(),
            (Refusal::DuplicateNik, _) => lang
                .text("web-texts-this-nik-is-already-registered-please")
                .into(),
            (Refusal::FormExpired, _) => lang.text("web-texts-this-form-has-expired-or-was").into(),
            (Refusal::Honeypot, _) => lang
                .text("web-texts-this-submission-cannot-be-accepted-if")
                .into(),
            (Refusal::TooLarge { max_mb }, _) => {
                crate::t!(lang, "web-texts-upload-larger-than", max_mb = *max_mb)
            }
            (Refusal::TooMany { retry_secs }, _) => crate::t!(
                lang,
                "web-texts-too-many-wait",
                minutes = retry_secs.div_ceil(60)
            ),
            (Refusal::Malformed, _) => lang
                .text("web-texts-the-submission-could-not-be-read")
                .into(),
            (Refusal::ServerError, _) => lang
                .text("web-texts-the-registration-was-not-saved-because")
                .into(),
            (Refusal::NotFound, _) => lang.text("web-texts-this-page-does-not-exist-open").into(),
            (Refusal::ConfirmationExpired, _) => lang
                .text("web-texts-this-confirmation-link-is-no-longer")
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
