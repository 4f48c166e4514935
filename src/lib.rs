//! loket: the membership-card counter of a public library (see README.md).

pub mod card;
pub mod domain;
pub mod i18n;
