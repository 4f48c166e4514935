//! The terminal program: the counter screens. Only the photo editor so far.

pub mod screens;
