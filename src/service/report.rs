//! Reads what a report or the handover register needs from the store, in as few reads as
//! it can, and hands it to the pure computations in `crate::report`.

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::domain::visit::{Visit, Visitor};
use crate::domain::workflow::StandardTimes;
use crate::report::{Period, RegisterEntry, Summary, handovers};
use crate::store::{Result, Store};

/// The member type of every member who visited, looked up once per member.
fn visitor_types(store: &Store, visits: &[Visit]) -> Result<HashMap<String, Option<String>>> {
    let mut types = HashMap::new();
    for v in visits {
        if let Visitor::Member(no) = &v.visitor
            && !types.contains_key(no.as_str())
        {
            let t = store.member(no.as_str())?.map(|m| m.member_type);
            types.insert(no.to_string(), t);
        }
    }
    Ok(types)
}

/// The daily or monthly figures of `period`.
pub fn summary(
    store: &Store,
    period: &Period,
    tz: &TimeZone,
    standards: &StandardTimes,
    now: Timestamp,
) -> Result<Summary> {
    let requests = store.requests_with_steps_between(period.start, period.end)?;
    let visits = store.visits_between(period.first, period.last)?;
    let types = visitor_types(store, &visits)?;
    Ok(Summary::compute(
        &requests,
        &visits,
        period,
        tz,
        standards,
        |no| types.get(no.as_str()).cloned().flatten(),
        now,
    ))
}

/// The handover register of `period`: each handover with the member's name as it is now
/// and the clerk's full name.
pub fn register(store: &Store, period: &Period) -> Result<Vec<RegisterEntry>> {
    let requests = store.requests_with_steps_between(period.start, period.end)?;
    let clerks: HashMap<String, String> = store
        .accounts()?
        .into_iter()
        .map(|a| (a.name, a.full_name))
        .collect();
    handovers(&requests, period)
        .into_iter()
        .map(|h| {
            let name = store
                .member(h.member_no.as_str())?
                .map(|m| m.full_name)
                .unwrap_or_default();
            let clerk_name = clerks
                .get(&h.clerk)
                .filter(|n| !n.trim().is_empty())
                .cloned()
                .unwrap_or_else(|| h.clerk.clone());
            Ok(RegisterEntry {
                handover: h,
                name,
                clerk_name,
            })
        })
        .collect()
}
