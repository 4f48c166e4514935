//! The card request (permohonan KTA) and its workflow: the SOP's steps as states, the only
//! transitions allowed between them, and the standard time (mutu baku) of each step. Here: the
//! states, steps and actions; the request and its history in `request`, the standard times
//! in `timing`.

mod request;
mod timing;

use std::fmt;

use serde::{Deserialize, Serialize};

use super::checklist::Checklist;

pub use request::{Actor, CardRequest, Transition};
pub use timing::{StandardTimes, Timing};

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
