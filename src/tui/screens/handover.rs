//! The card check in the handover popup (SOP 7–8): whether the card in hand was scanned or
//! typed, and what the check said. The check itself is the service's
//! (`Desk::check_handover_card`); this is what the popup shows and whether Enter may record.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::i18n::Lang;

/// The card check of the handover now open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum CardCheck {
    /// Nothing scanned or typed yet.
    #[default]
    NotScanned,
    /// This serial is the card printed for this request.
    Matches(String),
    /// This code was refused (another applicant's card, or an older one): Enter does not
    /// record until the right card is scanned.
    Refused(String),
}

impl CardCheck {
    /// The card's serial to record the handover with, or why Enter may not record now.
    pub fn may_record(&self, allow_unchecked: bool) -> Result<Option<&str>, Refusal> {
        match self {
            CardCheck::Matches(serial) => Ok(Some(serial)),
            CardCheck::Refused(_) => Err(Refusal::WrongCard),
            CardCheck::NotScanned if allow_unchecked => Ok(None),
            CardCheck::NotScanned => Err(Refusal::NoCard),
        }
    }

    /// The popup's line about the card.
    pub fn line(&self, lang: Lang, error: Style) -> Option<Line<'static>> {
        match self {
            CardCheck::NotScanned => None,
            CardCheck::Matches(serial) => Some(Line::raw(crate::t!(
                lang,
                "tui-handover-card-checked-matches",
                serial = serial.as_str()
            ))),
            CardCheck::Refused(code) => Some(Line::from(Span::styled(
                crate::t!(lang, "tui-handover-card-refused", code = code.as_str()),
                error,
            ))),
        }
    }
}

/// Why Enter did not record the handover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    WrongCard,
    NoCard,
}

impl Refusal {
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            Refusal::WrongCard => lang.text("tui-handover-the-card-scanned-is-not-this"),
            Refusal::NoCard => lang.text("tui-handover-the-handover-needs-the-card-checked"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_card_blocks_the_handover_even_where_unchecked_is_allowed() {
        assert_eq!(
            CardCheck::Refused("X".into()).may_record(true),
            Err(Refusal::WrongCard)
        );
        assert_eq!(CardCheck::NotScanned.may_record(true), Ok(None));
        assert_eq!(
            CardCheck::NotScanned.may_record(false),
            Err(Refusal::NoCard)
        );
        assert_eq!(
            CardCheck::Matches("N-02".into()).may_record(false),
            Ok(Some("N-02"))
        );
    }
}
