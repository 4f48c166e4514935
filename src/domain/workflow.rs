//! The card request (permohonan KTA) and its workflow: the SOP's steps as states, the only
//! transitions allowed between them, and the standard time (mutu baku) of each step.

use std::fmt;

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::checklist::Checklist;
use super::member_no::MemberNo;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RequestKind {
    New,
    /// Perpanjangan: extends the validity.
    Renewal,
    /// Penggantian: a lost or damaged card; the old card's serial is blocked.
    Replacement,
}

impl RequestKind {
    pub fn code(self) -> &'static str {
        match self {
            RequestKind::New => "new",
            RequestKind::Renewal => "renewal",
            RequestKind::Replacement => "replacement",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Counter,
    Online,
    Import,
}

impl Source {
    pub const ALL: [Source; 3] = [Source::Counter, Source::Online, Source::Import];
    pub fn code(self) -> &'static str {
        match self {
            Source::Counter => "counter",
            Source::Online => "online",
            Source::Import => "import",
        }
    }
    pub fn from_code(s: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|x| x.code() == s)
    }
}

/// Where a request stands: the last SOP step done, or a side exit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RequestState {
    /// SOP 1 done: the registration form succeeded.
    #[serde(rename = "registered")]
    Registered,
    /// SOP 2 done: the applicant reported the number at the counter.
    #[serde(rename = "waiting")]
    WaitingAtCounter,
    /// SOP 3 done.
    #[serde(rename = "photo-taken")]
    PhotoTaken,
    /// SOP 4 done.
    #[serde(rename = "verified")]
    Verified,
    /// SOP 5 done.
    #[serde(rename = "printed")]
    Printed,
    /// SOP 6 done: cut and pressed.
    #[serde(rename = "laminated")]
    Laminated,
    /// SOP 7–8 done: handed over, receipt recorded.
    #[serde(rename = "handed-over")]
    HandedOver,
    /// SOP 9 done: the card was scanned at the front desk.
    #[serde(rename = "first-scan")]
    FirstScanned,
    #[serde(rename = "rejected")]
    Rejected,
    #[serde(rename = "cancelled")]
    Cancelled,
}

impl RequestState {
    pub const ALL: [RequestState; 10] = [
        RequestState::Registered,
        RequestState::WaitingAtCounter,
        RequestState::PhotoTaken,
        RequestState::Verified,
        RequestState::Printed,
        RequestState::Laminated,
        RequestState::HandedOver,
        RequestState::FirstScanned,
        RequestState::Rejected,
        RequestState::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RequestState::Registered => "registered",
            RequestState::WaitingAtCounter => "waiting",
            RequestState::PhotoTaken => "photo-taken",
            RequestState::Verified => "verified",
            RequestState::Printed => "printed",
            RequestState::Laminated => "laminated",
            RequestState::HandedOver => "handed-over",
            RequestState::FirstScanned => "first-scan",
            RequestState::Rejected => "rejected",
            RequestState::Cancelled => "cancelled",
        }
    }

    pub fn from_code(s: &str) -> Option<RequestState> {
        RequestState::ALL.into_iter().find(|x| x.code() == s)
    }

    /// Still on its way to the member's hands: the queue shows these.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            RequestState::HandedOver
                | RequestState::FirstScanned
                | RequestState::Rejected
                | RequestState::Cancelled
        )
    }

    /// The SOP step whose work leaves this state, which the time spent here is measured against.
    pub fn next_step(self) -> Option<Step> {
        match self {
            RequestState::Registered => Some(Step::Report),
            RequestState::WaitingAtCounter => Some(Step::Photo),
            RequestState::PhotoTaken => Some(Step::Verify),
            RequestState::Verified => Some(Step::Print),
            RequestState::Printed => Some(Step::Laminate),
            RequestState::Laminated => Some(Step::Handover),
            RequestState::HandedOver => Some(Step::FirstScan),
            _ => None,
        }
    }
}

impl fmt::Display for RequestState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The SOP's numbered steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Step {
    Register = 1,
    Report = 2,
    Photo = 3,
    Verify = 4,
    Print = 5,
    Laminate = 6,
    Handover = 7,
    Receipt = 8,
    FirstScan = 9,
}

impl Step {
    pub const ALL: [Step; 9] = [
        Step::Register,
        Step::Report,
        Step::Photo,
        Step::Verify,
        Step::Print,
        Step::Laminate,
        Step::Handover,
        Step::Receipt,
        Step::FirstScan,
    ];

    pub fn number(self) -> u8 {
        self as u8
    }
}

/// Standard time per step in minutes (mutu baku: 10, 1, 3, 3, 5, 2, 1, 1), configurable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StandardTimes {
    pub register: u32,
    pub report: u32,
    pub photo: u32,
    pub verify: u32,
    pub print: u32,
    pub laminate: u32,
    pub handover: u32,
    pub receipt: u32,
}

impl Default for StandardTimes {
    fn default() -> Self {
        StandardTimes {
            register: 10,
            report: 1,
            photo: 3,
            verify: 3,
            print: 5,
            laminate: 2,
            handover: 1,
            receipt: 1,
        }
    }
}

impl StandardTimes {
    pub fn minutes(&self, step: Step) -> Option<u32> {
        match step {
            Step::Register => Some(self.register),
            Step::Report => Some(self.report),
            Step::Photo => Some(self.photo),
            Step::Verify => Some(self.verify),
            Step::Print => Some(self.print),
            Step::Laminate => Some(self.laminate),
            // Handing over and writing the receipt happen as one action at the counter.
            Step::Handover => Some(self.handover + self.receipt),
            Step::Receipt => Some(self.receipt),
            Step::FirstScan => None,
        }
    }

    /// The standard for time spent in `state`. An online applicant comes in when they
    /// choose, so time in `Registered` is only held against the standard at the counter.
    pub fn for_state(&self, state: RequestState, source: Source) -> Option<SignedDuration> {
        if state == RequestState::Registered && source != Source::Counter {
            return None;
        }
        let step = state.next_step()?;
        self.minutes(step)
            .map(|m| SignedDuration::from_mins(i64::from(m)))
    }
}

/// How time spent in a step compares with its standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Timing {
    Within,
    /// Past 80% of the standard.
    Near,
    Over,
}

impl Timing {
    pub fn classify(elapsed: SignedDuration, standard: SignedDuration) -> Timing {
        if elapsed > standard {
            Timing::Over
        } else if elapsed.as_millis() * 5 >= standard.as_millis() * 4 {
            Timing::Near
        } else {
            Timing::Within
        }
    }
}

/// What a clerk (or the front desk) does to a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// The applicant reported the member number at the counter (SOP 2).
    Call,
    /// A photo was stored for the member (SOP 3); again to retake.
    TakePhoto,
    /// Every checklist item passed (SOP 4).
    Verify(Checklist),
    /// A checklist item failed: back to the state that fixes it.
    SendBack {
        to: RequestState,
        checklist: Checklist,
        reason: String,
    },
    /// The card was printed (SOP 5) under this serial.
    Print {
        card_serial: String,
    },
    /// Printed again before handover (jammed, misprinted); same serial.
    Reprint {
        reason: String,
    },
    /// Cut and pressed (SOP 6).
    Laminate,
    /// Handed over and the receipt recorded (SOP 7–8).
    HandOver {
        received_by: String,
        /// Received by someone other than the member (a parent, say).
        representative: bool,
    },
    /// The first scan at the front desk (SOP 9).
    FirstScan,
    Reject {
        reason: String,
    },
    Cancel {
        reason: String,
    },
}

impl Action {
    pub fn code(&self) -> &'static str {
        match self {
            Action::Call => "call",
            Action::TakePhoto => "photo",
            Action::Verify(_) => "verify",
            Action::SendBack { .. } => "send-back",
            Action::Print { .. } => "print",
            Action::Reprint { .. } => "reprint",
            Action::Laminate => "laminate",
            Action::HandOver { .. } => "handover",
            Action::FirstScan => "first-scan",
            Action::Reject { .. } => "reject",
            Action::Cancel { .. } => "cancel",
        }
    }

    /// The SOP step this action completes, for timing reports.
    pub fn step(&self) -> Option<Step> {
        match self {
            Action::Call => Some(Step::Report),
            Action::TakePhoto => Some(Step::Photo),
            Action::Verify(_) => Some(Step::Verify),
            Action::Print { .. } => Some(Step::Print),
            Action::Laminate => Some(Step::Laminate),
            Action::HandOver { .. } => Some(Step::Handover),
            Action::FirstScan => Some(Step::FirstScan),
            _ => None,
        }
    }

    /// The state the action leads to from `from`, or `None` where the SOP does not allow it.
    pub fn target(&self, from: RequestState) -> Option<RequestState> {
        use RequestState::*;
        let open_before_handover = matches!(
            from,
            Registered | WaitingAtCounter | PhotoTaken | Verified | Printed | Laminated
        );
        match (self, from) {
            (Action::Call, Registered) => Some(WaitingAtCounter),
            (Action::TakePhoto, WaitingAtCounter | PhotoTaken) => Some(PhotoTaken),
            (Action::Verify(c), PhotoTaken) if c.is_complete() => Some(Verified),
            (Action::SendBack { to, .. }, PhotoTaken | Verified)
                if matches!(to, WaitingAtCounter | PhotoTaken) =>
            {
                Some(*to)
            }
            (Action::Print { .. }, Verified) => Some(Printed),
            (Action::Reprint { .. }, Printed | Laminated) => Some(Printed),
            (Action::Laminate, Printed) => Some(Laminated),
            (Action::HandOver { .. }, Laminated) => Some(HandedOver),
            (Action::FirstScan, HandedOver) => Some(FirstScanned),
            (Action::Reject { .. } | Action::Cancel { .. }, _) if open_before_handover => {
                Some(match self {
                    Action::Reject { .. } => Rejected,
                    _ => Cancelled,
                })
            }
            _ => None,
        }
    }

    fn note(&self) -> Option<String> {
        match self {
            Action::SendBack { reason, .. }
            | Action::Reprint { reason }
            | Action::Reject { reason }
            | Action::Cancel { reason } => Some(reason.clone()),
            Action::HandOver {
                received_by,
                representative,
            } => Some(if *representative {
                format!("{REPRESENTATIVE_NOTE}{received_by}")
            } else {
                // i18n: the history's note is a record kept in one form for every reader
                format!("received by {received_by}")
            }),
            Action::Print { card_serial } => Some(format!("card {card_serial}")),
            _ => None,
        }
    }
}

/// How a handover's note begins when a representative took the card: the history keeps the
/// flag in the note, which is never rewritten.
// i18n: the history's note, read back by this prefix: never translated
pub(crate) const REPRESENTATIVE_NOTE: &str = "received by representative ";

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

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("{action} is not possible for a request that is {state}")]
    NotAllowed {
        action: &'static str,
        state: RequestState,
    },
    #[error("the verification checklist is incomplete")]
    ChecklistIncomplete,
    #[error("a reason is required")]
    ReasonRequired,
    #[error("the name of the person receiving the card is required")]
    ReceiverRequired,
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
