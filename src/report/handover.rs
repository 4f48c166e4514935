//! The handover register (buku tanda terima kartu): every card handed over in a period, with
//! who handed it over and who received it, read from the requests' histories.

use jiff::Timestamp;
use serde::Serialize;

use super::period::Period;
use crate::domain::member_no::MemberNo;
use crate::domain::workflow::{CardRequest, RequestKind};

/// One entry of the register. Names the member by number only; the caller adds the name.
/// Nothing here can hold a NIK or a mother's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Handover {
    pub at: Timestamp,
    pub request_id: u64,
    pub member_no: MemberNo,
    pub kind: RequestKind,
    pub card_serial: Option<String>,
    /// The clerk's account name.
    pub clerk: String,
    pub terminal: String,
    /// The person who took the card: the member, or a named representative.
    pub received_by: String,
    pub representative: bool,
}

/// Handovers in `period`, oldest first (ties by request id, so the numbering is stable).
pub fn handovers(requests: &[CardRequest], period: &Period) -> Vec<Handover> {
    let mut out: Vec<Handover> = requests
        .iter()
        .flat_map(|r| {
            // An undone handover is not in the register: the card did not go out then.
            r.effective_history()
                .into_iter()
                .filter(|t| t.action == "handover" && period.contains(t.at))
                .map(move |t| Handover {
                    at: t.at,
                    request_id: r.id,
                    member_no: r.member_no.clone(),
                    kind: r.kind,
                    card_serial: r.card_serial.clone(),
                    clerk: t.by.clone(),
                    terminal: t.terminal.clone(),
                    received_by: r.received_by.clone().unwrap_or_default(),
                    representative: t.received_by_representative(),
                })
        })
        .collect();
    out.sort_by(|a, b| a.at.cmp(&b.at).then(a.request_id.cmp(&b.request_id)));
    out
}

/// A register line as printed: the handover with the member's name and the clerk's full
/// name (the account's, or the account name when the account is gone) filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegisterEntry {
    #[serde(flatten)]
    pub handover: Handover,
    pub name: String,
    pub clerk_name: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture::{at, five, the_day};

    #[test]
    fn the_days_handovers_in_order_with_receivers() {
        let h = handovers(&five(), &the_day());
        let got: Vec<(u64, Timestamp, &str, &str, bool)> = h
            .iter()
            .map(|h| {
                (
                    h.request_id,
                    h.at,
                    h.clerk.as_str(),
                    h.received_by.as_str(),
                    h.representative,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    3,
                    at(9, 13) + jiff::SignedDuration::from_secs(30),
                    "rina",
                    "the member",
                    false
                ),
                (1, at(9, 14), "rina", "the member", false),
                (2, at(9, 30), "budi", "Ibu Sari", true),
                (5, at(11, 8), "budi", "the member", false),
            ]
        );
        assert_eq!(h[2].card_serial.as_deref(), Some("K-01"));
        assert_eq!(h[3].kind, RequestKind::Renewal);
    }

    #[test]
    fn no_handovers_outside_the_period() {
        let next_day = Period::day(jiff::civil::date(2026, 11, 29), &jiff::tz::TimeZone::UTC);
        assert!(handovers(&five(), &next_day).is_empty());
    }
}
