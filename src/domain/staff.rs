//! Staff accounts (petugas) and what each role may do.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// Counter and front-desk staff: perform the SOP's steps.
    Staff,
    /// Kasi / Kabid: watch, report, cancel or reassign; not the clerk's steps.
    Supervisor,
    /// Accounts, configuration, import and export, and every step.
    Admin,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Staff => "staff",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
        }
    }

    pub fn from_code(s: &str) -> Option<Role> {
        match s.trim().to_ascii_lowercase().as_str() {
            "staff" | "petugas" => Some(Role::Staff),
            "supervisor" | "kasi" | "kabid" => Some(Role::Supervisor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Whether this role performs the clerk's steps (call, photo, verify, print, …).
    pub fn performs_steps(self) -> bool {
        matches!(self, Role::Staff | Role::Admin)
    }

    /// Whether this role watches the service: the dashboard, cancelling and reassigning.
    pub fn supervises(self) -> bool {
        matches!(self, Role::Supervisor | Role::Admin)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub name: String,
    pub full_name: String,
    pub role: Role,
    /// An argon2id PHC string; never the password.
    pub password_hash: String,
    pub created_at: Timestamp,
    pub active: bool,
    /// Set by an administrator's `passwd`: the next sign-in must choose a new password.
    #[serde(default)]
    pub must_change_password: bool,
    /// Wrong passwords since the last good sign-in, and when the latest was typed.
    #[serde(default)]
    pub failed_signins: u32,
    #[serde(default)]
    pub last_failed_at: Option<Timestamp>,
    /// OS user names (shell logins) whose CLI commands are recorded under this account.
    #[serde(default)]
    pub os_users: Vec<String>,
}

/// A card that was printed, by its serial. A replacement blocks the card it replaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardRecord {
    pub serial: String,
    pub member_no: super::member_no::MemberNo,
    pub request_id: u64,
    pub printed_at: Timestamp,
    pub blocked: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supervisors_watch_but_do_not_perform_steps() {
        assert!(!Role::Supervisor.performs_steps());
        assert!(Role::Staff.performs_steps());
        assert_eq!(Role::from_code("Kasi"), Some(Role::Supervisor));
    }
}
