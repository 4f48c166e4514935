//! loket: the membership-card counter of a public library (see README.md).

pub mod card;
pub mod cli;
pub mod config;
pub mod context;
pub mod domain;
pub mod fsutil;
pub mod i18n;
pub mod interop;
pub mod logging;
pub mod photo;
pub mod report;
pub mod scanner;
pub mod service;
pub mod store;
pub mod tui;
pub mod web;
