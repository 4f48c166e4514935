//! `loket status`: the state of the service at a glance, as a supervisor asks for it over SSH.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use crate::domain::workflow::{RequestState, Source, StandardTimes, Timing};
use crate::store::{Result, Store};

#[derive(Debug, Clone, Serialize)]
pub struct Waiting {
    pub member_no: String,
    pub state: RequestState,
    pub since: Timestamp,
    pub minutes: i64,
    pub standard_minutes: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct StateCount {
    pub state: RequestState,
    pub count: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub by_state: Vec<StateCount>,
    /// The request longest in its current step, among those with a standard time.
    pub oldest_waiting: Option<Waiting>,
    pub over_standard: u64,
    pub near_standard: u64,
    pub members: u64,
    /// People through the front desk today (a group of guests counts each person).
    pub visits_today: u64,
    /// Photos kept from before the front desk's previews (redb schema 4) with no preview yet:
    /// each is decoded again at every scan until `loket store previews` is run.
    pub previews_missing: u64,
}

pub fn status(
    store: &Store,
    now: Timestamp,
    today: Date,
    standards: &StandardTimes,
) -> Result<Status> {
    // Only requests a standard applies to: registered at the counter, and every source once
    // the applicant is at the counter.
    let timed: Vec<RequestState> = RequestState::ALL
        .into_iter()
        .filter(|s| s.is_open() && *s != RequestState::Registered)
        .collect();
    let mut requests = store.requests_in(&timed)?;
    requests.extend(store.requests_in_from(&[RequestState::Registered], &[Source::Counter])?);
    let mut over = 0;
    let mut near = 0;
    let mut oldest: Option<Waiting> = None;
    for r in &requests {
        let Some((elapsed, standard, timing)) = r.timing(now, standards) else {
            continue;
        };
        match timing {
            Timing::Over => over += 1,
            Timing::Near => near += 1,
            Timing::Within => {}
        }
        if oldest.as_ref().is_none_or(|o| r.since() < o.since) {
            oldest = Some(Waiting {
                member_no: r.member_no.to_string(),
                state: r.state,
                since: r.since(),
                minutes: elapsed.as_secs() / 60,
                standard_minutes: standard.as_secs() / 60,
            });
        }
    }
    Ok(Status {
        by_state: store
            .count_by_state()?
            .into_iter()
            .map(|(state, count)| StateCount { state, count })
            .collect(),
        oldest_waiting: oldest,
        over_standard: over,
        near_standard: near,
        members: store.member_count()?,
        visits_today: store
            .visits_on(today)?
            .iter()
            .map(|v| u64::from(v.people()))
            .sum(),
        previews_missing: store.previews_missing()?,
    })
}
