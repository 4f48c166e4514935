//! The rules of the card service, pure: no clock, no disk, no terminal. Time and the store are
//! passed in by callers, so every rule is tested in microseconds.

pub mod checkin;
pub mod checklist;
pub mod correction;
pub mod member;
pub mod member_no;
pub mod member_type;
pub mod nik;
pub mod region;
pub mod signin;
pub mod staff;
pub mod text;
pub mod undo;
pub mod visit;
pub mod workflow;
