//! Reports for supervisors: the daily and monthly figures and the handover register (buku
//! tanda terima kartu), computed by pure functions over plain data and written as a terminal
//! table, CSV or a PDF to print and sign.
//!
//! The computations (`period`, `stats`, `steps`, `counts`, `visits`, `handover`) take
//! requests and visits already read from the store and never touch it, so the supervisor's
//! live dashboard calls the same functions the printed report uses (`summary` gathers them
//! for a report). The writers (`tables` into the neutral `sheet`, then `text`, `csv`, `pdf`)
//! make the three formats from the same rows; `labels` has their words in both languages.

pub mod config;
pub mod counts;
pub mod csv;
pub mod handover;
pub mod labels;
pub mod pdf;
pub mod period;
pub mod sheet;
pub mod stats;
pub mod steps;
pub mod summary;
pub mod tables;
pub mod text;
pub mod visits;

#[cfg(test)]
mod fixture;

pub use counts::{
    CardCounts, ClerkFigures, Registrations, card_counts, clerk_throughput, registrations,
};
pub use handover::{Handover, RegisterEntry, handovers};
pub use period::{Period, PeriodError, PeriodKind};
pub use stats::{median, percentile};
pub use steps::{StepFigures, StepSample, TIMED_STEPS, figures_of, step_samples, step_times};
pub use summary::Summary;
pub use visits::{VisitFigures, visit_figures, visits_by_hour};
