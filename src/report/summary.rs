//! Every figure of a daily or monthly report, computed in one call from plain data.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::counts::{
    CardCounts, ClerkFigures, Registrations, card_counts, clerk_throughput, registrations,
};
use super::period::Period;
use super::steps::{StepFigures, step_times};
use super::visits::{VisitFigures, visit_figures};
use crate::domain::member_no::MemberNo;
use crate::domain::visit::Visit;
use crate::domain::workflow::{CardRequest, StandardTimes};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub period: Period,
    pub generated_at: Timestamp,
    pub registrations: Registrations,
    pub cards: CardCounts,
    pub steps: Vec<StepFigures>,
    pub clerks: Vec<ClerkFigures>,
    pub visits: VisitFigures,
}

impl Summary {
    /// The figures of `period` from the requests and visits touching it (others are ignored,
    /// so a caller may pass more).
    pub fn compute(
        requests: &[CardRequest],
        visits: &[Visit],
        period: &Period,
        tz: &TimeZone,
        standards: &StandardTimes,
        member_type: impl Fn(&MemberNo) -> Option<String>,
        generated_at: Timestamp,
    ) -> Summary {
        Summary {
            period: period.clone(),
            generated_at,
            registrations: registrations(requests, period),
            cards: card_counts(requests, period),
            steps: step_times(requests, period, standards),
            clerks: clerk_throughput(requests, period),
            visits: visit_figures(visits, period, tz, member_type),
        }
    }

    /// Nothing happened: no request moved and nobody came in (a holiday, a wrong date).
    pub fn is_empty(&self) -> bool {
        self.registrations == Registrations::default()
            && self.cards == CardCounts::default()
            && self.clerks.is_empty()
            && self.steps.iter().all(|s| s.count == 0)
            && self.visits.total.people == 0
    }
}
