//! A card request and its history: one line per step, never rewritten.

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::{
    Action, REPRESENTATIVE_NOTE, RequestKind, RequestState, Source, StandardTimes, Step, Timing,
    TransitionError,
};
use crate::domain::checklist::Checklist;
use crate::domain::member_no::MemberNo;

/// Who acted, and from where. Recorded on every transition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user: String,
    pub terminal: String,
}

/// One line of a request's history; never rewritten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    pub from: Option<RequestState>,
    pub to: RequestState,
    pub action: String,
    pub step: Option<Step>,
    pub by: String,
    pub terminal: String,
    pub at: Timestamp,
    pub note: Option<String>,
}

impl Transition {
    /// A handover whose card was taken by a representative (a parent, say), not the member.
    pub fn received_by_representative(&self) -> bool {
        self.action == "handover"
            && self
                .note
                .as_deref()
                .is_some_and(|n| n.starts_with(REPRESENTATIVE_NOTE))
    }
}

/// A card request: one member's way from registration to a card in hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardRequest {
    pub id: u64,
    pub member_no: MemberNo,
    pub kind: RequestKind,
    pub source: Source,
    pub state: RequestState,
    pub history: Vec<Transition>,
    pub checklist: Option<Checklist>,
    pub card_serial: Option<String>,
    /// For a replacement: the serial of the card it replaces (blocked when this one prints).
    pub replaces_serial: Option<String>,
    pub print_count: u32,
    pub received_by: Option<String>,
    /// The clerk a supervisor handed the request to; cleared by the next step, after which
    /// whoever took it is the one handling it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<String>,
    /// Bumped by every transition; a write expecting an older version is refused.
    pub version: u32,
}

impl CardRequest {
    pub fn new(
        id: u64,
        member_no: MemberNo,
        kind: RequestKind,
        source: Source,
        actor: &Actor,
        at: Timestamp,
    ) -> CardRequest {
        CardRequest {
            id,
            member_no,
            kind,
            source,
            state: RequestState::Registered,
            history: vec![Transition {
                from: None,
                to: RequestState::Registered,
                action: "register".into(),
                step: Some(Step::Register),
                by: actor.user.clone(),
                terminal: actor.terminal.clone(),
                at,
                note: None,
            }],
            checklist: None,
            card_serial: None,
            replaces_serial: None,
            print_count: 0,
            received_by: None,
            assigned_to: None,
            version: 1,
        }
    }

    /// When the request entered its current state.
    pub fn since(&self) -> Timestamp {
        self.history.last().map(|t| t.at).unwrap_or_default()
    }

    pub fn registered_at(&self) -> Timestamp {
        self.history.first().map(|t| t.at).unwrap_or_default()
    }

    /// Time in the current step against its standard, where it has one.
    pub fn timing(
        &self,
        now: Timestamp,
        standards: &StandardTimes,
    ) -> Option<(SignedDuration, SignedDuration, Timing)> {
        let standard = standards.for_state(self.state, self.source)?;
        let elapsed = now.duration_since(self.since());
        Some((elapsed, standard, Timing::classify(elapsed, standard)))
    }

    /// Applies an action, giving the next version of the request; the original is untouched.
    pub fn apply(
        &self,
        action: Action,
        actor: &Actor,
        at: Timestamp,
    ) -> Result<CardRequest, TransitionError> {
        match &action {
            Action::Verify(c) if self.state == RequestState::PhotoTaken && !c.is_complete() => {
                return Err(TransitionError::ChecklistIncomplete);
            }
            Action::SendBack { reason, .. }
            | Action::Reprint { reason }
            | Action::Reject { reason }
            | Action::Cancel { reason }
                if reason.trim().is_empty() =>
            {
                return Err(TransitionError::ReasonRequired);
            }
            Action::HandOver { received_by, .. } if received_by.trim().is_empty() => {
                return Err(TransitionError::ReceiverRequired);
            }
            _ => {}
        }
        let to = action
            .target(self.state)
            .ok_or(TransitionError::NotAllowed {
                action: action.code(),
                state: self.state,
            })?;
        let mut next = self.clone();
        next.history.push(Transition {
            from: Some(self.state),
            to,
            action: action.code().into(),
            step: action.step(),
            by: actor.user.clone(),
            terminal: actor.terminal.clone(),
            at,
            note: action.note(),
        });
        match action {
            Action::Verify(c) | Action::SendBack { checklist: c, .. } => next.checklist = Some(c),
            Action::Print { card_serial } => {
                next.card_serial = Some(card_serial);
                next.print_count += 1;
            }
            Action::Reprint { .. } => next.print_count += 1,
            Action::HandOver { received_by, .. } => next.received_by = Some(received_by),
            _ => {}
        }
        next.state = to;
        next.assigned_to = None;
        next.version += 1;
        Ok(next)
    }

    /// The clerk the request is with: the one a supervisor handed it to, else whoever took its
    /// last step at the counter. Nobody before it is called (SOP 2) or once it is closed.
    pub fn handler(&self) -> Option<&str> {
        if !self.state.is_open() || self.state == RequestState::Registered {
            return None;
        }
        self.assigned_to
            .as_deref()
            .or_else(|| self.history.last().map(|t| t.by.as_str()))
    }

    /// The request handed to `clerk` by a supervisor (not a step: the state and its clock stay).
    pub fn reassigned(&self, clerk: &str) -> Result<CardRequest, TransitionError> {
        if !self.state.is_open() || self.state == RequestState::Registered {
            return Err(TransitionError::NotAllowed {
                action: "reassign",
                state: self.state,
            });
        }
        let mut next = self.clone();
        next.assigned_to = Some(clerk.to_string());
        next.version += 1;
        Ok(next)
    }

    /// Durations of the steps done and not undone: (step, time since the previous one).
    pub fn step_durations(&self) -> Vec<(Step, SignedDuration)> {
        self.effective_history()
            .windows(2)
            .filter_map(|w| Some((w[1].step?, w[1].at.duration_since(w[0].at))))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checklist::CheckItem;
    use crate::domain::member::IdentityKind;

    fn actor() -> Actor {
        Actor {
            user: "rina".into(),
            terminal: "loket-1".into(),
        }
    }

    fn t(mins: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + mins * 60).unwrap()
    }

    fn request() -> CardRequest {
        CardRequest::new(
            1,
            MemberNo::new("26112800001"),
            RequestKind::New,
            Source::Counter,
            &actor(),
            t(0),
        )
    }

    fn every_action() -> Vec<Action> {
        let checked = Checklist::all_passed(IdentityKind::Ktp);
        vec![
            Action::Call,
            Action::TakePhoto,
            Action::Verify(checked.clone()),
            Action::SendBack {
                to: RequestState::WaitingAtCounter,
                checklist: checked.clone(),
                reason: "blurred photo".into(),
            },
            Action::SendBack {
                to: RequestState::PhotoTaken,
                checklist: checked.clone(),
                reason: "name misspelt".into(),
            },
            Action::SendBack {
                to: RequestState::Verified,
                checklist: checked,
                reason: "nonsense".into(),
            },
            Action::Print {
                card_serial: "K000001".into(),
            },
            Action::Reprint {
                reason: "paper jam".into(),
            },
            Action::Laminate,
            Action::HandOver {
                received_by: "Siti".into(),
                representative: false,
            },
            Action::FirstScan,
            Action::Reject {
                reason: "no KTP".into(),
            },
            Action::Cancel {
                reason: "applicant left".into(),
            },
        ]
    }

    /// The full table: for every state and every action, allowed exactly where the SOP's
    /// diagram allows it, and to the state it names.
    #[test]
    fn every_allowed_and_every_forbidden_transition() {
        use RequestState::*;
        let allowed: &[(RequestState, &str, RequestState)] = &[
            (Registered, "call", WaitingAtCounter),
            (WaitingAtCounter, "photo", PhotoTaken),
            (PhotoTaken, "photo", PhotoTaken),
            (PhotoTaken, "verify", Verified),
            (PhotoTaken, "send-back>waiting", WaitingAtCounter),
            (PhotoTaken, "send-back>photo-taken", PhotoTaken),
            (Verified, "send-back>waiting", WaitingAtCounter),
            (Verified, "send-back>photo-taken", PhotoTaken),
            (Verified, "print", Printed),
            (Printed, "reprint", Printed),
            (Laminated, "reprint", Printed),
            (Printed, "laminate", Laminated),
            (Laminated, "handover", HandedOver),
            (HandedOver, "first-scan", FirstScanned),
        ];
        let mut count_allowed = 0;
        for from in RequestState::ALL {
            for action in every_action() {
                let label = match &action {
                    Action::SendBack { to, .. } => format!("send-back>{}", to.code()),
                    a => a.code().to_string(),
                };
                let mut expected = allowed
                    .iter()
                    .find(|(f, a, _)| *f == from && *a == label)
                    .map(|(_, _, to)| *to);
                if matches!(action, Action::Reject { .. } | Action::Cancel { .. })
                    && matches!(
                        from,
                        Registered | WaitingAtCounter | PhotoTaken | Verified | Printed | Laminated
                    )
                {
                    expected = Some(if action.code() == "reject" {
                        Rejected
                    } else {
                        Cancelled
                    });
                }
                let mut r = request();
                r.state = from;
                let got = r.apply(action.clone(), &actor(), t(5));
                match expected {
                    Some(to) => {
                        count_allowed += 1;
                        let next = got.unwrap_or_else(|e| panic!("{from} {label}: {e}"));
                        assert_eq!(next.state, to, "{from} {label}");
                        assert_eq!(next.version, r.version + 1);
                        let last = next.history.last().unwrap();
                        assert_eq!((last.from, last.to), (Some(from), to));
                        assert_eq!(last.by, "rina");
                    }
                    None => assert_eq!(
                        got,
                        Err(TransitionError::NotAllowed {
                            action: action.code(),
                            state: from
                        }),
                        "{from} {label} should be refused"
                    ),
                }
            }
        }
        // 14 listed + reject and cancel from each of the 6 states before handover.
        assert_eq!(count_allowed, 14 + 12);
    }

    #[test]
    fn the_walk_in_path_records_each_step() {
        let a = actor();
        let mut r = request();
        let steps = [
            Action::Call,
            Action::TakePhoto,
            Action::Verify(Checklist::all_passed(IdentityKind::Ktp)),
            Action::Print {
                card_serial: "K000001".into(),
            },
            Action::Laminate,
            Action::HandOver {
                received_by: "Siti Rahayu".into(),
                representative: false,
            },
            Action::FirstScan,
        ];
        for (i, s) in steps.into_iter().enumerate() {
            r = r.apply(s, &a, t(i as i64 + 1)).unwrap();
        }
        assert_eq!(r.state, RequestState::FirstScanned);
        assert_eq!(r.history.len(), 8);
        assert_eq!(r.card_serial.as_deref(), Some("K000001"));
        assert_eq!(r.received_by.as_deref(), Some("Siti Rahayu"));
        let steps: Vec<Step> = r.step_durations().iter().map(|(s, _)| *s).collect();
        assert_eq!(
            steps,
            vec![
                Step::Report,
                Step::Photo,
                Step::Verify,
                Step::Print,
                Step::Laminate,
                Step::Handover,
                Step::FirstScan
            ]
        );
        assert!(
            r.step_durations()
                .iter()
                .all(|(_, d)| *d == SignedDuration::from_mins(1))
        );
    }

    #[test]
    fn verify_needs_a_complete_checklist() {
        let mut r = request();
        r.state = RequestState::PhotoTaken;
        let mut c = Checklist::all_passed(IdentityKind::Ktp);
        c.record(CheckItem::DataMatch, false, None);
        assert_eq!(
            r.apply(Action::Verify(c), &actor(), t(1)),
            Err(TransitionError::ChecklistIncomplete)
        );
    }

    #[test]
    fn reasons_and_receivers_are_required() {
        let mut r = request();
        assert_eq!(
            r.apply(Action::Cancel { reason: " ".into() }, &actor(), t(1)),
            Err(TransitionError::ReasonRequired)
        );
        r.state = RequestState::Laminated;
        assert_eq!(
            r.apply(
                Action::HandOver {
                    received_by: "".into(),
                    representative: false
                },
                &actor(),
                t(1)
            ),
            Err(TransitionError::ReceiverRequired)
        );
    }

    #[test]
    fn reprint_counts_prints_and_keeps_the_serial() {
        let mut r = request();
        r.state = RequestState::Verified;
        let r = r
            .apply(
                Action::Print {
                    card_serial: "K7".into(),
                },
                &actor(),
                t(1),
            )
            .unwrap()
            .apply(Action::Laminate, &actor(), t(2))
            .unwrap()
            .apply(
                Action::Reprint {
                    reason: "smudged".into(),
                },
                &actor(),
                t(3),
            )
            .unwrap();
        assert_eq!(r.state, RequestState::Printed);
        assert_eq!(r.print_count, 2);
        assert_eq!(r.card_serial.as_deref(), Some("K7"));
    }

    #[test]
    fn timing_against_the_standard() {
        let s = StandardTimes::default();
        let mut r = request();
        r.state = RequestState::WaitingAtCounter;
        // Photo standard is 3 minutes.
        assert_eq!(r.timing(t(1), &s).unwrap().2, Timing::Within);
        assert_eq!(
            r.timing(Timestamp::from_second(1_800_000_000 + 150).unwrap(), &s)
                .unwrap()
                .2,
            Timing::Near
        );
        assert_eq!(r.timing(t(4), &s).unwrap().2, Timing::Over);
        // Online applicants waiting to come in are not late.
        r.state = RequestState::Registered;
        r.source = Source::Online;
        assert!(r.timing(t(600), &s).is_none());
        assert_eq!(s.minutes(Step::Handover), Some(2));
    }
}
