//! Which card a scan (or a typed number) stands for: a card serial from the card table, or a
//! bare member number, and whether that card is the member's valid one. The front desk, the
//! counter and the handover all ask here, so an old card is refused the same way everywhere.

use crate::domain::checkin::CardState;
use crate::domain::member::Member;
use crate::domain::staff::CardRecord;

use super::{Desk, Result};

/// What a scanned or typed code turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub struct Presented {
    pub member: Member,
    /// The card's serial when the code carried one (`NO-02`); `None` for a bare member number.
    pub serial: Option<String>,
    pub state: CardState,
}

impl Presented {
    pub fn member_no(&self) -> &str {
        self.member.member_no.as_str()
    }
}

/// Serials are `NO-01`, `NO-02`, …, `NO-100`: a longer one is newer, then the larger.
fn newest(cards: &[CardRecord]) -> Option<&CardRecord> {
    cards
        .iter()
        .max_by(|a, b| (a.serial.len(), &a.serial).cmp(&(b.serial.len(), &b.serial)))
}

/// The spellings a code may be stored under: as given, then upper and lower case, because
/// staff type member numbers and serials without minding case (`00001l2026`, `b1-…`).
pub(crate) fn spellings(code: &str) -> Vec<String> {
    let mut out = vec![code.to_string()];
    for s in [code.to_ascii_uppercase(), code.to_ascii_lowercase()] {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

impl Desk<'_> {
    /// The member and card behind `code`, or `None` when no card or member has it.
    ///
    /// A serial is usable only while it is the member's newest card and not blocked. A bare
    /// member number (a card printed before the barcode carried the serial, or the card's
    /// member-number barcode) is usable only while the member has had at most one card: after
    /// a replacement it could as well be the lost card.
    pub fn identify_card(&self, code: &str) -> Result<Option<Presented>> {
        let found = self.store.holder(&spellings(code.trim()))?;
        Ok(found.map(|h| presented(h.member, h.card, &h.cards)))
    }
}

/// What the card found by its serial (`None`: the code was a bare member number) is worth,
/// given all the member's cards: the rules [`Desk::identify_card`] states.
pub(crate) fn presented(
    member: Member,
    card: Option<CardRecord>,
    cards: &[CardRecord],
) -> Presented {
    match card {
        Some(card) => {
            let newer = newest(cards)
                .filter(|n| n.serial != card.serial)
                .map(|n| n.serial.clone());
            let state = match (newer, &card.blocked) {
                (Some(by), _) => CardState::Replaced { by },
                (None, Some(note)) => CardState::Blocked { note: note.clone() },
                (None, None) => CardState::Usable,
            };
            Presented {
                member,
                serial: Some(card.serial),
                state,
            }
        }
        None => {
            let state = match newest(cards) {
                Some(n) if cards.len() > 1 => CardState::NumberOnly {
                    newest: n.serial.clone(),
                },
                _ => CardState::Usable,
            };
            Presented {
                member,
                serial: None,
                state,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    fn card(serial: &str) -> CardRecord {
        CardRecord {
            serial: serial.into(),
            member_no: crate::domain::member_no::MemberNo::new("X"),
            request_id: 1,
            printed_at: Timestamp::UNIX_EPOCH,
            blocked: None,
        }
    }

    #[test]
    fn the_hundredth_card_is_newer_than_the_ninety_ninth() {
        let cards = [card("X-01"), card("X-100"), card("X-99")];
        assert_eq!(newest(&cards).unwrap().serial, "X-100");
        assert_eq!(spellings("b1-01"), vec!["b1-01", "B1-01"]);
        assert_eq!(spellings("123"), vec!["123"]);
    }
}
