//! One screen, one file.

pub mod photo;
