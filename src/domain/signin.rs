//! Signing in at a public counter: after five wrong passwords an account waits, longer after
//! each further one, so a guesser gets a handful of tries an hour; and an idle counter locks
//! itself. Pure: the caller passes the time.

use jiff::{SignedDuration, Timestamp};

use super::staff::Account;

/// Wrong passwords allowed before the account has to wait.
pub const FREE_TRIES: u32 = 5;
/// The longest wait, however many tries: a clerk is never locked out for the day.
const LONGEST_WAIT_MINS: i64 = 60;

/// How long an account waits after `failures` wrong passwords in a row: none for the first
/// four, one minute after the fifth, then doubling (2, 4, 8 …) up to an hour.
pub fn wait_after(failures: u32) -> Option<SignedDuration> {
    if failures < FREE_TRIES {
        return None;
    }
    let doublings = (failures - FREE_TRIES).min(6);
    let mins = (1i64 << doublings).min(LONGEST_WAIT_MINS);
    Some(SignedDuration::from_mins(mins))
}

/// Whole minutes still to wait before `account` may try again at `now` (rounded up, so "1
/// minute" is never shown as 0), or `None` when it may try now.
pub fn minutes_to_wait(account: &Account, now: Timestamp) -> Option<i64> {
    let wait = wait_after(account.failed_signins)?;
    let last = account.last_failed_at?;
    let left = wait - now.duration_since(last);
    if left <= SignedDuration::ZERO {
        return None;
    }
    let secs = left.as_secs();
    Some((secs + 59) / 60)
}

/// Whether the counter, last touched at `last_key`, should lock at `now`.
pub fn idle_expired(last_key: Timestamp, now: Timestamp, idle: SignedDuration) -> bool {
    idle > SignedDuration::ZERO && now.duration_since(last_key) >= idle
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::staff::Role;

    fn t(secs: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + secs).unwrap()
    }

    fn account(failures: u32, last: i64) -> Account {
        Account {
            name: "rina".into(),
            full_name: String::new(),
            role: Role::Staff,
            password_hash: String::new(),
            created_at: t(0),
            active: true,
            must_change_password: false,
            failed_signins: failures,
            last_failed_at: Some(t(last)),
            os_users: Vec::new(),
        }
    }

    #[test]
    fn five_wrong_passwords_then_a_growing_wait() {
        assert_eq!(wait_after(4), None);
        assert_eq!(wait_after(5), Some(SignedDuration::from_mins(1)));
        assert_eq!(wait_after(6), Some(SignedDuration::from_mins(2)));
        assert_eq!(wait_after(8), Some(SignedDuration::from_mins(8)));
        assert_eq!(wait_after(40), Some(SignedDuration::from_mins(60)));
    }

    #[test]
    fn the_wait_is_shown_in_whole_minutes_and_ends() {
        assert_eq!(minutes_to_wait(&account(4, 0), t(1)), None);
        assert_eq!(minutes_to_wait(&account(5, 0), t(1)), Some(1));
        assert_eq!(minutes_to_wait(&account(7, 0), t(30)), Some(4));
        assert_eq!(minutes_to_wait(&account(7, 0), t(4 * 60)), None);
    }

    #[test]
    fn the_counter_locks_after_the_idle_time_and_never_when_it_is_off() {
        let idle = SignedDuration::from_mins(10);
        assert!(!idle_expired(t(0), t(599), idle));
        assert!(idle_expired(t(0), t(600), idle));
        assert!(!idle_expired(t(0), t(6000), SignedDuration::ZERO));
    }
}
