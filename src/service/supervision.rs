//! The supervisor's dashboard (issue 7): the state of the service now, read in one go so a
//! refresh is one look at the store. Figures come from the same pure functions as the
//! reports, over the requests with a step this week (the step-time index) and today's visits.

use std::cmp::Reverse;

use jiff::{SignedDuration, Timestamp};

use super::frontdesk::DayCount;
use super::{Desk, Result};
use crate::domain::workflow::{CardRequest, RequestState, StandardTimes};
use crate::report::{self, ClerkFigures, Period, StepFigures};

/// How many requests the dashboard lists with their members' names: more than a screen
/// scrolls through in a glance, and a bounded cost when a backlog has built up (the counts
/// above the list always cover every request).
pub const LISTED: usize = 200;

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
    /// Every request on its way, as much as the counts need: its state and how long it has
    /// been in it against the standard, worked out when the screen draws.
    pub open: Vec<(RequestState, Option<SignedDuration>, Timestamp)>,
    /// The [`LISTED`] furthest over their standard at `at`, with their members' names.
    pub listed: Vec<Waiting>,
    /// This week's figures per timed step (SOP 2–7), as of `steps_at`.
    pub steps_week: Vec<StepFigures>,
    pub steps_at: Timestamp,
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

impl Dashboard {
    /// Requests per open state at `now`, with those over their standard counted, beside the
    /// week's figures of the step that leaves the state.
    pub fn state_lines(&self, now: Timestamp) -> Vec<StateLine> {
        RequestState::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .map(|state| {
                let here = self.open.iter().filter(|(s, ..)| *s == state);
                StateLine {
                    state,
                    count: here.clone().count(),
                    over: here
                        .filter(|(_, standard, since)| {
                            standard.is_some_and(|std| now.duration_since(*since) > std)
                        })
                        .count(),
                    step: state
                        .next_step()
                        .and_then(|s| self.steps_week.iter().find(|f| f.step == s).cloned()),
                }
            })
            .collect()
    }
}

/// The order the dashboard lists requests in: the furthest over their standard first; those
/// without a standard now (online applicants not yet at the counter) last, oldest first.
pub fn most_overdue_first<T>(
    items: &mut [T],
    request: impl Fn(&T) -> &CardRequest,
    now: Timestamp,
    standards: &StandardTimes,
) {
    items.sort_by_cached_key(|item| {
        let r = request(item);
        match r.timing(now, standards) {
            Some((elapsed, standard, _)) => (0, Reverse(elapsed - standard), r.since(), r.id),
            None => (1, Reverse(SignedDuration::ZERO), r.since(), r.id),
        }
    });
}

/// How old the week's step figures may be before a refresh works them out again: a week's
/// medians move slowly, and reading the week's requests is the costly part of a refresh.
pub const WEEK_FIGURES_FOR: SignedDuration = SignedDuration::from_secs(60);

impl Desk<'_> {
    /// Everything the dashboard shows, read now.
    pub fn dashboard(&self) -> Result<Dashboard> {
        self.dashboard_after(None)
    }

    /// A refresh after `previous`: as [`Desk::dashboard`], but the week's step figures are
    /// kept while they are younger than [`WEEK_FIGURES_FOR`] and of the same week.
    pub fn dashboard_after(&self, previous: Option<&Dashboard>) -> Result<Dashboard> {
        let now = self.clock.now();
        let today = self.clock.today();
        let tz = self.clock.tz();
        let standards = &self.config.standard_minutes;
        let open_states: Vec<RequestState> = RequestState::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .collect();
        let mut open = self.store.requests_in(&open_states)?;
        most_overdue_first(&mut open, |r| r, now, standards);
        let counts = open
            .iter()
            .map(|r| (r.state, standards.for_state(r.state, r.source), r.since()))
            .collect();
        open.truncate(LISTED);
        let nos: Vec<&str> = open.iter().map(|r| r.member_no.as_str()).collect();
        let members = self.store.members_many(&nos)?;
        let listed = open
            .into_iter()
            .zip(members)
            .map(|(request, m)| Waiting {
                request,
                name: m.map(|m| m.full_name).unwrap_or_default(),
            })
            .collect();
        let week = Period::week(today, tz);
        let (steps_week, steps_at) = match previous {
            Some(p)
                if week.contains(p.steps_at)
                    && p.steps_at <= now
                    && now.duration_since(p.steps_at) < WEEK_FIGURES_FOR =>
            {
                (p.steps_week.clone(), p.steps_at)
            }
            _ => {
                let this_week = self
                    .store
                    .requests_with_steps_between(week.start, week.end)?;
                (report::step_times(&this_week, &week, standards), now)
            }
        };
        let day = Period::day(today, tz);
        let today_requests = self.store.requests_with_steps_between(day.start, day.end)?;
        let visits = self.store.visits_on(today)?;
        Ok(Dashboard {
            at: now,
            open: counts,
            listed,
            steps_week,
            steps_at,
            issued_today: report::card_counts(&today_requests, &day).issued,
            registered_today: report::registrations(&today_requests, &day).total(),
            clerks_today: report::clerk_throughput(&today_requests, &day),
            visits_by_hour: report::visits_by_hour(&visits, tz),
            visits_today: DayCount::of(&visits),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member_no::MemberNo;
    use crate::domain::workflow::{Action, Actor, RequestKind, Source};

    fn at(hhmm: &str) -> Timestamp {
        format!("2026-11-28T{hhmm}:00Z").parse().unwrap()
    }

    fn request(id: u64, source: Source, registered: &str, called: Option<&str>) -> CardRequest {
        let clerk = Actor {
            user: "rina".into(),
            terminal: "loket-1".into(),
        };
        let r = CardRequest::new(
            id,
            MemberNo::new(format!("M{id}")),
            RequestKind::New,
            source,
            &clerk,
            at(registered),
        );
        match called {
            Some(t) => r.apply(Action::Call, &clerk, at(t)).unwrap(),
            None => r,
        }
    }

    #[test]
    fn the_furthest_over_its_standard_comes_first_and_online_arrivals_last() {
        let standards = StandardTimes::default();
        // At 09:00: 1 reported 5 minutes ago (1-minute standard: 4 over); 2 called 10
        // minutes ago (3-minute photo step: 7 over); 3 online, not yet come (no standard);
        // 4 reported just now (within); 5 online, older than 3.
        let mut rs = vec![
            request(1, Source::Counter, "08:55", None),
            request(2, Source::Counter, "08:40", Some("08:50")),
            request(3, Source::Online, "08:30", None),
            request(4, Source::Counter, "09:00", None),
            request(5, Source::Online, "07:00", None),
        ];
        most_overdue_first(&mut rs, |r| r, at("09:00"), &standards);
        let ids: Vec<u64> = rs.iter().map(|r| r.id).collect();
        assert_eq!(ids, [2, 1, 4, 5, 3]);
    }

    #[test]
    fn counts_per_state_follow_the_clock() {
        let standards = StandardTimes::default();
        let rs = [
            request(1, Source::Counter, "08:55", None),
            request(2, Source::Counter, "08:40", Some("08:58")),
            request(3, Source::Online, "08:30", None),
        ];
        let d = Dashboard {
            at: at("09:00"),
            open: rs
                .iter()
                .map(|r| (r.state, standards.for_state(r.state, r.source), r.since()))
                .collect(),
            listed: Vec::new(),
            steps_week: Vec::new(),
            steps_at: at("09:00"),
            issued_today: 0,
            registered_today: 0,
            clerks_today: Vec::new(),
            visits_by_hour: [0; 24],
            visits_today: DayCount::default(),
        };
        let line = |now: &str, state: RequestState| {
            let l = d
                .state_lines(at(now))
                .into_iter()
                .find(|l| l.state == state)
                .unwrap();
            (l.count, l.over)
        };
        assert_eq!(
            line("09:00", RequestState::Registered),
            (2, 1),
            "online not counted over"
        );
        assert_eq!(line("09:00", RequestState::WaitingAtCounter), (1, 0));
        assert_eq!(
            line("09:02", RequestState::WaitingAtCounter),
            (1, 1),
            "4 minutes > 3"
        );
    }
}
