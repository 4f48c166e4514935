//! One screen, one file. A screen turns keys into [`crate::tui::app::Action`]s and draws from
//! its own state and the [`crate::tui::app::View`]; it never opens the store.

pub mod accounts;
pub mod audit;
pub mod dashboard;
pub mod detail;
pub mod handover;
pub mod help;
pub mod history;
pub mod login;
pub mod members;
pub mod photo;
pub mod queue;
pub mod register;
pub mod undo;

/// A screen's keys as (key, what it does), already in the screen's language: the footer shows
/// them and the help overlay lists them, from this one list.
pub type Keys = Vec<(&'static str, &'static str)>;
