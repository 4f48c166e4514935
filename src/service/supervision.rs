//! The supervisor's dashboard (issue 7): the state of the service now, read in one go so a
//! refresh is one look at the store. Figures come from the same pure functions as the
//! reports, over the requests with a step this week (the step-time index) and today's visits.

use jiff::Timestamp;

use super::frontdesk::DayCount;
use super::{Desk, Result};
use crate::domain::workflow::{CardRequest, RequestState, Timing};
use crate::report::{self, ClerkFigures, Period, StepFigures};

/// One open state: the requests in it now, and the week's figures of the step that moves a
/// request out of it (SOP 2 leaves "registered", SOP 3 "waiting at counter", …).
#[derive(Debug, Clone, PartialEq)]
pub struct StateLine {
    pub state: RequestState,
    pub count: usize,
    /// Of them, past the standard for their step now.
    pub over: usize,
    pub step: Option<StepFigures>,
}

/// A request on its way, with its member's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    pub request: CardRequest,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub at: Timestamp,
    pub states: Vec<StateLine>,
    /// Every open request; the screen orders them by how far over their standard they are
    /// at the moment it draws (the clock runs on between refreshes).
    pub waiting: Vec<Waiting>,
    /// Cards handed over today (SOP 7–8).
    pub issued_today: u64,
    /// New-card registrations today, every source.
    pub registered_today: u64,
    /// Each clerk's steps and handovers today, most steps first.
    pub clerks_today: Vec<ClerkFigures>,
    /// People per local hour of arrival today.
    pub visits_by_hour: [u32; 24],
    pub visits_today: DayCount,
}

impl Desk<'_> {
    pub fn dashboard(&self) -> Result<Dashboard> {
        let now = self.clock.now();
        let today = self.clock.today();
        let tz = self.clock.tz();
        let standards = &self.config.standard_minutes;
        let open: Vec<RequestState> = RequestState::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .collect();
        let mut waiting = Vec::new();
        for request in self.store.requests_in(&open)? {
            let name = self
                .store
                .member(request.member_no.as_str())?
                .map(|m| m.full_name)
                .unwrap_or_default();
            waiting.push(Waiting { request, name });
        }
        let week = Period::week(today, tz);
        let day = Period::day(today, tz);
        let this_week = self
            .store
            .requests_with_steps_between(week.start, week.end)?;
        let steps = report::step_times(&this_week, &week, standards);
        let states = open
            .iter()
            .map(|&state| {
                let here: Vec<&Waiting> = waiting
                    .iter()
                    .filter(|w| w.request.state == state)
                    .collect();
                StateLine {
                    state,
                    count: here.len(),
                    over: here
                        .iter()
                        .filter(|w| {
                            w.request
                                .timing(now, standards)
                                .is_some_and(|(_, _, t)| t == Timing::Over)
                        })
                        .count(),
                    step: state
                        .next_step()
                        .and_then(|s| steps.iter().find(|f| f.step == s).cloned()),
                }
            })
            .collect();
        let visits = self.store.visits_on(today)?;
        Ok(Dashboard {
            at: now,
            states,
            waiting,
            issued_today: report::card_counts(&this_week, &day).issued,
            registered_today: report::registrations(&this_week, &day).total(),
            clerks_today: report::clerk_throughput(&this_week, &day),
            visits_by_hour: report::visits_by_hour(&visits, tz),
            visits_today: DayCount::of(&visits),
        })
    }
}
