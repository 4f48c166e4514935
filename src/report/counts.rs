//! Counts over a period from requests' histories: registrations by source, cards printed,
//! reprinted and handed over, and each clerk's steps.

use std::collections::BTreeMap;

use serde::Serialize;

use super::period::Period;
use crate::domain::workflow::{CardRequest, RequestKind, Source, Step};

/// Requests opened in the period. A registration is a new-card request (SOP 1, or an import
/// that opened one); renewals and replacements are counted beside it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Registrations {
    pub counter: u64,
    pub online: u64,
    pub import: u64,
    pub renewals: u64,
    pub replacements: u64,
}

impl Registrations {
    pub fn of_source(&self, s: Source) -> u64 {
        match s {
            Source::Counter => self.counter,
            Source::Online => self.online,
            Source::Import => self.import,
        }
    }

    /// New-card registrations from every source.
    pub fn total(&self) -> u64 {
        self.counter + self.online + self.import
    }
}

/// Requests whose first history entry (registration or opening) falls in `period`.
pub fn registrations(requests: &[CardRequest], period: &Period) -> Registrations {
    let mut r = Registrations::default();
    for req in requests
        .iter()
        .filter(|q| period.contains(q.registered_at()))
    {
        match (req.kind, req.source) {
            (RequestKind::New, Source::Counter) => r.counter += 1,
            (RequestKind::New, Source::Online) => r.online += 1,
            (RequestKind::New, Source::Import) => r.import += 1,
            (RequestKind::Renewal, _) => r.renewals += 1,
            (RequestKind::Replacement, _) => r.replacements += 1,
        }
    }
    r
}

/// Cards over a period. "Issued" is a card handed over (SOP 7–8); a replacement issued is a
/// card that replaced a lost or damaged one. Printing counts every print, issued or not yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CardCounts {
    pub issued: u64,
    pub issued_new: u64,
    pub issued_renewal: u64,
    /// Replacement cards handed over.
    pub replaced: u64,
    /// First prints (SOP 5).
    pub printed: u64,
    /// Prints again before handover (jammed, smudged), each with its reason in the history.
    pub reprinted: u64,
}

pub fn card_counts(requests: &[CardRequest], period: &Period) -> CardCounts {
    let mut c = CardCounts::default();
    for r in requests {
        // Prints count as they happened (a spoiled card was printed); an undone handover is
        // not a card issued.
        for t in r.history.iter().filter(|t| period.contains(t.at)) {
            match t.action.as_str() {
                "print" => c.printed += 1,
                "reprint" => c.reprinted += 1,
                "handover" if !undone(r, t) => {
                    c.issued += 1;
                    match r.kind {
                        RequestKind::New => c.issued_new += 1,
                        RequestKind::Renewal => c.issued_renewal += 1,
                        RequestKind::Replacement => c.replaced += 1,
                    }
                }
                _ => {}
            }
        }
    }
    c
}

/// Whether this line of `r`'s history was taken back by an undo.
fn undone(r: &CardRequest, t: &crate::domain::workflow::Transition) -> bool {
    !r.effective_history()
        .into_iter()
        .any(|e| std::ptr::eq(e, t))
}

/// One clerk's work over a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ClerkFigures {
    /// The account name recorded on the transitions.
    pub clerk: String,
    /// SOP steps done (registration at the counter to handover; reprints, send-backs and the
    /// front desk's first scan are not steps done by a clerk).
    pub steps: u64,
    /// Cards handed over.
    pub handovers: u64,
}

/// Each clerk's steps done in `period`, most steps first (then by name).
pub fn clerk_throughput(requests: &[CardRequest], period: &Period) -> Vec<ClerkFigures> {
    let mut by: BTreeMap<&str, ClerkFigures> = BTreeMap::new();
    for r in requests {
        for t in r
            .effective_history()
            .into_iter()
            .filter(|t| period.contains(t.at))
        {
            let Some(step) = t.step.filter(|s| *s != Step::FirstScan) else {
                continue;
            };
            // An online or imported registration was nobody's work at the counter.
            if step == Step::Register && r.source != Source::Counter {
                continue;
            }
            let f = by.entry(t.by.as_str()).or_insert_with(|| ClerkFigures {
                clerk: t.by.clone(),
                ..ClerkFigures::default()
            });
            f.steps += 1;
            f.handovers += u64::from(step == Step::Handover);
        }
    }
    let mut out: Vec<ClerkFigures> = by.into_values().collect();
    out.sort_by(|a, b| b.steps.cmp(&a.steps).then_with(|| a.clerk.cmp(&b.clerk)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture::{five, the_day};

    #[test]
    fn registrations_by_source_in_the_day() {
        // 1 and 2 at the counter, 3 online; 4 was the day before; 5 is a renewal.
        assert_eq!(
            registrations(&five(), &the_day()),
            Registrations {
                counter: 2,
                online: 1,
                import: 0,
                renewals: 1,
                replacements: 0
            }
        );
    }

    #[test]
    fn cards_printed_reprinted_and_issued() {
        assert_eq!(
            card_counts(&five(), &the_day()),
            CardCounts {
                issued: 4,
                issued_new: 3,
                issued_renewal: 1,
                replaced: 0,
                printed: 4,
                reprinted: 1
            }
        );
        assert_eq!(card_counts(&[], &the_day()), CardCounts::default());
    }

    #[test]
    fn each_clerks_steps() {
        // rina: registrations of 1, 2 and 5 at the counter (3), request 1's six steps and
        // request 3's six (its online registration is nobody's) = 15, two handovers.
        // budi: six steps each of 2 and 5 = 12 (the reprint is not a step), two handovers.
        assert_eq!(
            clerk_throughput(&five(), &the_day()),
            vec![
                ClerkFigures {
                    clerk: "rina".into(),
                    steps: 15,
                    handovers: 2
                },
                ClerkFigures {
                    clerk: "budi".into(),
                    steps: 12,
                    handovers: 2
                },
            ]
        );
    }
}
