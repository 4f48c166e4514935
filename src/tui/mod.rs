//! The terminal program: the counter screens, and the front desk with its own small loop.

pub mod frontdesk;
pub mod screens;
