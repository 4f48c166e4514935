//! The standard time (mutu baku) of each step, and how time spent in a step compares with it.

use jiff::SignedDuration;
use serde::{Deserialize, Serialize};

use super::{RequestState, Source, Step};

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
