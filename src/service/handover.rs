//! SOP 7–8 with the card in hand checked against the applicant: the card printed for this
//! request, not another applicant's and not an older card of the same member. A wrong card
//! stops the handover and is written to the audit log; a handover with no card checked at all
//! is allowed only where `[handover] allow_unchecked` says so, and is recorded as unchecked.

use serde::{Deserialize, Serialize};

use crate::domain::checkin::CardState;
use crate::domain::workflow::{Action, CardRequest};
use crate::i18n::{Lang, Localized};
use crate::store::TransitionWrite;

use super::{Desk, Result, ServiceError};

/// `[handover]` in `loket.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HandoverConfig {
    /// A handover may be recorded without the card scanned or typed (the audit log says
    /// "card not checked"). On by default, for counters without a scanner; `false` makes the
    /// check compulsory.
    pub allow_unchecked: bool,
}

impl Default for HandoverConfig {
    fn default() -> Self {
        HandoverConfig {
            allow_unchecked: true,
        }
    }
}

/// Why the handover cannot be recorded with this card.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandoverRefusal {
    #[error("card {scanned} is not the card of {member_no} ({expected})")]
    NotThisApplicants {
        scanned: String,
        member_no: String,
        expected: String,
    },
    #[error("card {scanned} is an older card of {member_no}; the new one is {expected}")]
    OlderCard {
        scanned: String,
        member_no: String,
        expected: String,
    },
    #[error("the handover of {member_no} needs the card checked")]
    CardRequired { member_no: String },
}

impl Localized for HandoverRefusal {
    fn localized(&self, lang: Lang) -> String {
        match self {
            HandoverRefusal::NotThisApplicants {
                scanned, expected, ..
            } => crate::t!(
                lang,
                "service-handover-not-this-applicants",
                scanned = scanned.as_str(),
                expected = expected.as_str()
            ),
            HandoverRefusal::OlderCard {
                scanned, expected, ..
            } => crate::t!(
                lang,
                "service-handover-older-card",
                scanned = scanned.as_str(),
                expected = expected.as_str()
            ),
            HandoverRefusal::CardRequired { .. } => lang
                .text("service-handover-the-handover-needs-the-card-checked")
                .into(),
        }
    }
}

impl Desk<'_> {
    pub fn handover_config(&self) -> Result<HandoverConfig> {
        Ok(self.config.section("handover")?)
    }

    /// Checks that `code` (scanned or typed) is the card printed for `request`: its serial,
    /// or the bare member number while the member has no other card. A refusal is audited.
    /// Returns the serial checked.
    pub fn check_handover_card(&self, request: &CardRequest, code: &str) -> Result<String> {
        let no = request.member_no.as_str();
        let expected = request
            .card_serial
            .clone()
            .unwrap_or_else(|| format!("{no}-01"));
        let scanned = code.trim().to_string();
        let presented = self.identify_card(&scanned)?;
        let refusal = match &presented {
            Some(p) if p.member_no() != no => Some(HandoverRefusal::NotThisApplicants {
                scanned: scanned.clone(),
                member_no: no.to_string(),
                expected: expected.clone(),
            }),
            None => Some(HandoverRefusal::NotThisApplicants {
                scanned: scanned.clone(),
                member_no: no.to_string(),
                expected: expected.clone(),
            }),
            Some(p) => match (&p.serial, &p.state) {
                (Some(s), _) if *s == expected => None,
                (None, CardState::Usable) => None,
                _ => Some(HandoverRefusal::OlderCard {
                    scanned: scanned.clone(),
                    member_no: no.to_string(),
                    expected: expected.clone(),
                }),
            },
        };
        match refusal {
            None => Ok(expected),
            Some(r) => {
                self.store.audit(
                    self.clock.now(),
                    &self.actor,
                    "handover-card-refused",
                    no,
                    // i18n: the audit log's detail, stored as written
                    &format!("scanned {scanned}, expected {expected}"),
                )?;
                Err(ServiceError::Handover(r))
            }
        }
    }

    /// SOP 7–8: records the handover of `request` to `received_by`, with the card checked
    /// first when `card` is given (and refused if it is the wrong one). Without a card the
    /// handover is recorded as unchecked, where the config allows it.
    pub fn hand_over(
        &self,
        request: &CardRequest,
        received_by: &str,
        representative: bool,
        card: Option<&str>,
    ) -> Result<CardRequest> {
        let checked = match card.map(str::trim).filter(|c| !c.is_empty()) {
            Some(code) => Some(self.check_handover_card(request, code)?),
            None if self.handover_config()?.allow_unchecked => None,
            None => {
                return Err(ServiceError::Handover(HandoverRefusal::CardRequired {
                    member_no: request.member_no.to_string(),
                }));
            }
        };
        let action = Action::HandOver {
            received_by: received_by.trim().to_string(),
            representative,
        };
        let next = request.apply(action, &self.actor, self.clock.now())?;
        let note = next
            .history
            .last()
            .and_then(|t| t.note.clone())
            .unwrap_or_default();
        // The audit log's detail, stored as written.
        let detail = match &checked {
            // i18n: the audit log's detail
            Some(serial) => format!("{note}; card checked {serial}"),
            // i18n: the audit log's detail
            None => format!("{note}; card not checked"),
        };
        self.store.save_transition(TransitionWrite {
            request: &next,
            expected_version: request.version,
            member: None,
            cards: &[],
            photo: None,
            actor: &self.actor,
            detail,
        })?;
        Ok(next)
    }
}
