//! The counter's own settings (`[counter]` in loket.toml): how long a clerk may take back their
//! own step, and after how long an untouched counter locks itself.

use jiff::SignedDuration;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CounterSettings {
    /// Minutes within which a clerk may undo their own last step (a supervisor any time).
    pub undo_minutes: u32,
    /// Minutes without a key before the counter locks; 0 never locks (not for a public counter).
    pub idle_lock_minutes: u32,
}

impl Default for CounterSettings {
    fn default() -> Self {
        CounterSettings {
            undo_minutes: 15,
            idle_lock_minutes: 10,
        }
    }
}

impl CounterSettings {
    pub fn undo_window(&self) -> SignedDuration {
        SignedDuration::from_mins(i64::from(self.undo_minutes))
    }

    pub fn idle_lock(&self) -> SignedDuration {
        SignedDuration::from_mins(i64::from(self.idle_lock_minutes))
    }
}
