//! Time per SOP step, measured from a request's history: how long the request sat in the
//! state a step leaves, set against the SOP's standard time (mutu baku) for that step.

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use super::period::Period;
use super::stats::{median, percentile};
use crate::domain::workflow::{CardRequest, StandardTimes, Step};

/// The steps with a standard that loket can time: from reporting at the counter (SOP 2) to the
/// handover with its receipt (SOP 7–8, one action at the counter). SOP 1 starts before loket
/// knows of the applicant, and the first scan (SOP 9) is the member's own time.
pub const TIMED_STEPS: &[Step] = Step::ALL.split_at(7).0.split_at(1).1;

/// One step done once: when it was done, how long it took, and its standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StepSample {
    pub request_id: u64,
    pub step: Step,
    /// When the step was done (the transition that completes it).
    pub at: Timestamp,
    /// From the transition before it to this one.
    pub took: SignedDuration,
    pub standard: SignedDuration,
}

impl StepSample {
    /// Within the standard: not longer than it (the same line `Timing::Over` draws).
    pub fn within(&self) -> bool {
        self.took <= self.standard
    }
}

/// The figures of one step over a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepFigures {
    pub step: Step,
    pub standard: SignedDuration,
    /// Times the step was done in the period.
    pub count: usize,
    /// Nearest-rank median and 90th percentile (see [`super::stats::percentile`]).
    pub median: Option<SignedDuration>,
    pub p90: Option<SignedDuration>,
    /// How many took no longer than the standard.
    pub within: usize,
}

impl StepFigures {
    /// The share done within the standard, 0.0–1.0; `None` when the step was not done.
    pub fn share_within(&self) -> Option<f64> {
        (self.count > 0).then(|| self.within as f64 / self.count as f64)
    }
}

/// Every timed step done in `period`, in history order per request. Each transition that
/// completes one of [`TIMED_STEPS`] is one sample, timed from the transition just before it
/// (a retaken photo is a second photo sample, timed from the first). The standard is the one
/// for the state the step leaves (`StandardTimes::for_state`), so the time an online applicant
/// takes to come to the counter is not held against SOP 2, as the live queue does not either.
pub fn step_samples(
    requests: &[CardRequest],
    period: &Period,
    standards: &StandardTimes,
) -> Vec<StepSample> {
    let mut out = Vec::new();
    for r in requests {
        // Undone steps are left out: a step taken back was not done.
        for w in r.effective_history().windows(2) {
            let (before, done) = (w[0], w[1]);
            let Some(step) = done.step.filter(|s| TIMED_STEPS.contains(s)) else {
                continue;
            };
            if !period.contains(done.at) {
                continue;
            }
            let Some(standard) = standards.for_state(before.to, r.source) else {
                continue;
            };
            out.push(StepSample {
                request_id: r.id,
                step,
                at: done.at,
                took: done.at.duration_since(before.at),
                standard,
            });
        }
    }
    out
}

/// Median, 90th percentile and share within the standard of each of [`TIMED_STEPS`] done in
/// `period`, in SOP order; a step not done has a count of 0 and no median.
pub fn step_times(
    requests: &[CardRequest],
    period: &Period,
    standards: &StandardTimes,
) -> Vec<StepFigures> {
    figures_of(&step_samples(requests, period, standards), standards)
}

/// [`step_times`] over samples already collected (the dashboard keeps them between redraws).
pub fn figures_of(samples: &[StepSample], standards: &StandardTimes) -> Vec<StepFigures> {
    TIMED_STEPS
        .iter()
        .map(|&step| {
            let mut took: Vec<SignedDuration> = samples
                .iter()
                .filter(|s| s.step == step)
                .map(|s| s.took)
                .collect();
            took.sort();
            StepFigures {
                step,
                standard: SignedDuration::from_mins(i64::from(
                    standards.minutes(step).unwrap_or(0),
                )),
                count: took.len(),
                median: median(&took),
                p90: percentile(&took, 90),
                within: samples
                    .iter()
                    .filter(|s| s.step == step && s.within())
                    .count(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture::{five, the_day};

    fn secs(s: i64) -> Option<SignedDuration> {
        Some(SignedDuration::from_secs(s))
    }

    #[test]
    fn figures_per_step_worked_by_hand() {
        let f = step_times(&five(), &the_day(), &StandardTimes::default());
        type Row = (
            Step,
            usize,
            Option<SignedDuration>,
            Option<SignedDuration>,
            usize,
        );
        let got: Vec<Row> = f
            .iter()
            .map(|s| (s.step, s.count, s.median, s.p90, s.within))
            .collect();
        assert_eq!(
            got,
            vec![
                // Report (standard 60 s): 60, 60, 120; the online applicant's hour is not
                // timed. Median rank ⌈1.5⌉ = 2 → 60; p90 rank ⌈2.7⌉ = 3 → 120; 2 within.
                (Step::Report, 3, secs(60), secs(120), 2),
                // Photo (180 s): 60, 120, 180, 240 → median rank 2 → 120, p90 rank ⌈3.6⌉ = 4
                // → 240; 180 is within (not over), so 3 within.
                (Step::Photo, 4, secs(120), secs(240), 3),
                // Verify (180 s): 60, 120, 180, 240 → the same.
                (Step::Verify, 4, secs(120), secs(240), 3),
                // Print (300 s): 120, 240, 300, 360 → 240, 360; 3 within.
                (Step::Print, 4, secs(240), secs(360), 3),
                // Laminate (120 s): 60, 60 (timed from the reprint), 120, 180 → 60, 180; 3.
                (Step::Laminate, 4, secs(60), secs(180), 3),
                // Handover + receipt (60 + 60 s): 60, 60, 90, 180 → 60, 180; 3.
                (Step::Handover, 4, secs(60), secs(180), 3),
            ]
        );
        assert_eq!(f[0].standard, SignedDuration::from_mins(1));
        assert_eq!(f[5].standard, SignedDuration::from_mins(2));
        assert_eq!(f[0].share_within(), Some(2.0 / 3.0));
        assert_eq!(f[1].share_within(), Some(0.75));
    }

    #[test]
    fn an_empty_period_has_counts_of_zero_and_no_medians() {
        let f = step_times(&[], &the_day(), &StandardTimes::default());
        assert_eq!(f.len(), TIMED_STEPS.len());
        assert!(
            f.iter()
                .all(|s| s.count == 0 && s.median.is_none() && s.p90.is_none())
        );
        assert_eq!(f[0].share_within(), None);
    }

    #[test]
    fn configured_standards_move_the_line() {
        let strict = StandardTimes {
            photo: 1,
            ..StandardTimes::default()
        };
        let f = step_times(&five(), &the_day(), &strict);
        // Photo within 60 s: only the 60 s one.
        assert_eq!(
            (f[1].standard, f[1].within),
            (SignedDuration::from_mins(1), 1)
        );
    }
}
