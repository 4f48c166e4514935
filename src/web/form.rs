//! The web form as submitted (multipart): the shared `MemberDraft`, the photo's bytes, and the
//! fields only the web has (language, CSRF token, consent, honeypot).

use axum::extract::Multipart;
use axum::extract::multipart::MultipartError;
use axum::http::StatusCode;

use crate::domain::member::{Field, MemberDraft};
use crate::i18n::Lang;

/// The web form's own field names, beside `Field::code` for the member's fields.
pub const LANG: &str = "lang";
pub const CSRF: &str = "csrf";
pub const CONSENT: &str = "consent";
pub const PHOTO: &str = "photo";
/// The honeypot: a text field hidden from people (and from screen readers), which form-filling
/// robots fill in.
pub const HONEYPOT: &str = "website";

/// A text field longer than this is cut before it is kept: validation refuses it anyway (no
/// field allows more than 200 characters) and it is not worth echoing back whole.
const TEXT_KEEP: usize = 1000;

#[derive(Debug, Default)]
pub struct Submission {
    pub draft: MemberDraft,
    pub lang: Option<Lang>,
    pub csrf: Option<String>,
    pub consent: bool,
    pub honeypot: String,
    pub photo: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormError {
    /// The body went over the limit while it was read.
    TooLarge,
    Malformed,
}

impl From<MultipartError> for FormError {
    fn from(e: MultipartError) -> FormError {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            FormError::TooLarge
        } else {
            FormError::Malformed
        }
    }
}

/// Reads every part. Unknown parts are skipped, so an older page in a browser's cache still
/// submits.
pub async fn read(mut multipart: Multipart) -> Result<Submission, FormError> {
    let mut s = Submission::default();
    while let Some(part) = multipart.next_field().await? {
        let name = part.name().unwrap_or_default().to_string();
        if name == PHOTO {
            s.photo = part.bytes().await?.to_vec();
            continue;
        }
        let mut text = part.text().await?;
        if let Some((cut, _)) = text.char_indices().nth(TEXT_KEEP) {
            text.truncate(cut);
        }
        match name.as_str() {
            LANG => s.lang = Lang::from_code(&text),
            CSRF => s.csrf = Some(text),
            CONSENT => s.consent = !text.is_empty(),
            HONEYPOT => s.honeypot = text,
            other => {
                if let Some(field) = Field::from_code(other) {
                    *s.draft.field_mut(field) = text;
                }
            }
        }
    }
    Ok(s)
}
