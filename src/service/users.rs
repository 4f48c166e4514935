//! Staff accounts: argon2id password hashes, never the passwords themselves.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use jiff::Timestamp;

use crate::domain::staff::{Account, Role};

/// Hashes with argon2id at the crate's default cost (19 MiB, 2 passes): about a twentieth
/// of a second here, slow enough to stop guessing, quick enough for a login.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 accepts any password with a generated salt")
        .to_string()
}

pub fn verify_password(account: &Account, password: &str) -> bool {
    PasswordHash::new(&account.password_hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error("account names are 2–32 letters, digits, dots, dashes or underscores")]
    BadName,
    #[error("a password has at least 8 characters")]
    ShortPassword,
}

impl crate::i18n::Localized for AccountError {
    fn localized(&self, lang: crate::i18n::Lang) -> String {
        match self {
            AccountError::BadName => lang.text("service-users-an-account-name-is-2-32"),
            AccountError::ShortPassword => lang.text("service-users-a-password-has-at-least-8"),
        }
        .to_string()
    }
}

pub fn new_account(
    name: &str,
    full_name: &str,
    role: Role,
    password: &str,
    at: Timestamp,
) -> Result<Account, AccountError> {
    let ok_name = (2..=32).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if !ok_name {
        return Err(AccountError::BadName);
    }
    if password.chars().count() < 8 {
        return Err(AccountError::ShortPassword);
    }
    Ok(Account {
        name: name.to_string(),
        full_name: full_name.to_string(),
        role,
        password_hash: hash_password(password),
        created_at: at,
        active: true,
        must_change_password: false,
        failed_signins: 0,
        last_failed_at: None,
        os_users: Vec::new(),
    })
}

/// The kiosk's own name for what applicants register themselves: not an account in the store,
/// and no password signs in as it.
pub fn kiosk_account(at: Timestamp) -> Account {
    Account {
        name: "kiosk".into(),
        full_name: "Kiosk".into(),
        role: Role::Staff,
        password_hash: String::new(),
        created_at: at,
        active: true,
        must_change_password: false,
        failed_signins: 0,
        last_failed_at: None,
        os_users: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_and_are_not_stored() {
        let a = new_account(
            "rina",
            "Rina",
            Role::Staff,
            "rahasia-123",
            Timestamp::UNIX_EPOCH,
        )
        .unwrap();
        assert!(a.password_hash.starts_with("$argon2id$"));
        assert!(!a.password_hash.contains("rahasia"));
        assert!(verify_password(&a, "rahasia-123"));
        assert!(!verify_password(&a, "rahasia-124"));
    }

    #[test]
    fn names_and_passwords_are_checked() {
        let at = Timestamp::UNIX_EPOCH;
        assert_eq!(
            new_account("a b", "", Role::Staff, "12345678", at),
            Err(AccountError::BadName)
        );
        assert_eq!(
            new_account("rina", "", Role::Staff, "short", at),
            Err(AccountError::ShortPassword)
        );
    }
}
