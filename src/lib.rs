//! loket: the membership-card counter of a public library (see README.md).

pub mod domain;
pub mod i18n;
pub mod photo;
pub mod tui;
