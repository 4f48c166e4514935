//! Signing in and looking after accounts: wrong-password waits, passwords an administrator
//! sets (to be changed at the next sign-in), roles, disable and enable, and which account a
//! shell command runs as.

use crate::domain::signin::{FREE_TRIES, minutes_to_wait};
use crate::domain::staff::{Account, Role};
use crate::domain::workflow::Actor;
use crate::i18n::{Lang, Localized};
use crate::store::{Store, StoreError};

use super::users::{AccountError, hash_password, verify_password};

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("wrong account name or password ({tries_left} tries before a wait)")]
    Wrong { tries_left: u32 },
    #[error("too many wrong passwords: wait {minutes} minutes")]
    Waiting { minutes: i64 },
    #[error("the account is disabled")]
    Disabled,
    #[error("{0} may not do this")]
    NotAllowed(String),
    #[error(transparent)]
    Account(#[from] AccountError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Localized for SignInError {
    fn localized(&self, lang: Lang) -> String {
        match (self, lang) {
            (SignInError::Wrong { tries_left }, _) if *tries_left <= 2 => crate::t!(
                lang,
                "service-accounts-wrong-tries-left",
                tries_left = *tries_left
            ),
            (SignInError::Wrong { .. }, _) => lang
                .text("service-accounts-wrong-account-name-or-password-type")
                .into(),
            (SignInError::Waiting { minutes }, _) => {
                crate::t!(lang, "service-accounts-waiting", minutes = *minutes)
            }
            (SignInError::Disabled, _) => lang
                .text("service-accounts-this-account-is-disabled-ask-the")
                .into(),
            (SignInError::NotAllowed(who), _) => {
                crate::t!(lang, "service-accounts-not-allowed", who = who.as_str())
            }
            (SignInError::Account(e), _) => e.localized(lang),
            (SignInError::Store(e), _) => e.localized(lang),
        }
    }
}

/// Checks a sign-in: an account that is waiting is not even tried (so guessing stays slow),
/// a wrong password is counted, a right one starts the count again.
pub fn sign_in(
    store: &Store,
    name: &str,
    password: &str,
    actor: &Actor,
    now: jiff::Timestamp,
) -> Result<Account, SignInError> {
    let name = name.trim();
    let Some(account) = store.account(name)? else {
        return Err(SignInError::Wrong {
            tries_left: FREE_TRIES,
        });
    };
    if let Some(minutes) = minutes_to_wait(&account, now) {
        return Err(SignInError::Waiting { minutes });
    }
    if !verify_password(&account, password) {
        let after = store
            .record_signin_failure(name, actor, now)?
            .unwrap_or(account);
        return Err(match minutes_to_wait(&after, now) {
            Some(minutes) => SignInError::Waiting { minutes },
            None => SignInError::Wrong {
                tries_left: FREE_TRIES.saturating_sub(after.failed_signins),
            },
        });
    }
    if !account.active {
        return Err(SignInError::Disabled);
    }
    store.record_signin_success(name)?;
    Ok(account)
}

fn checked_password(password: &str) -> Result<String, AccountError> {
    if password.chars().count() < 8 {
        return Err(AccountError::ShortPassword);
    }
    Ok(hash_password(password))
}

/// An administrator sets a password: the account chooses its own at the next sign-in, and
/// any wait for wrong passwords ends.
pub fn set_password(
    store: &Store,
    name: &str,
    password: &str,
    actor: &Actor,
    now: jiff::Timestamp,
) -> Result<Account, SignInError> {
    let hash = checked_password(password)?;
    Ok(store.change_account(name, actor, now, "user-passwd", |a| {
        a.password_hash = hash;
        a.must_change_password = true;
        a.failed_signins = 0;
        a.last_failed_at = None;
        // i18n: the audit log's detail, stored as written and read by administrators
        "password set by administrator; to be changed at next sign-in".into()
    })?)
}

/// The account's own new password, chosen at sign-in after an administrator set one.
pub fn choose_own_password(
    store: &Store,
    name: &str,
    password: &str,
    actor: &Actor,
    now: jiff::Timestamp,
) -> Result<Account, SignInError> {
    let hash = checked_password(password)?;
    Ok(store.change_account(name, actor, now, "user-passwd", |a| {
        a.password_hash = hash;
        a.must_change_password = false;
        // i18n: the audit log's detail, stored as written and read by administrators
        "password changed by its owner".into()
    })?)
}

pub fn set_active(
    store: &Store,
    name: &str,
    active: bool,
    actor: &Actor,
    now: jiff::Timestamp,
) -> Result<Account, SignInError> {
    let action = if active {
        "user-enable"
    } else {
        "user-disable"
    };
    Ok(store.change_account(name, actor, now, action, |a| {
        a.active = active;
        if active {
            a.failed_signins = 0;
            a.last_failed_at = None;
        }
        String::new()
    })?)
}

pub fn set_role(
    store: &Store,
    name: &str,
    role: Role,
    actor: &Actor,
    now: jiff::Timestamp,
) -> Result<Account, SignInError> {
    Ok(store.change_account(name, actor, now, "user-role", |a| {
        let detail = format!("{} → {}", a.role.code(), role.code());
        a.role = role;
        detail
    })?)
}

/// Who a shell command runs as. `--as NAME` with its password; else the account linked to
/// the OS user; else the OS user itself, marked as a shell user (`shell:budi`), with no role.
pub fn shell_actor(
    store: &Store,
    as_name: Option<(&str, &str)>,
    os: &Actor,
    now: jiff::Timestamp,
) -> Result<(Actor, Option<Role>), SignInError> {
    if let Some((name, password)) = as_name {
        let a = sign_in(store, name, password, os, now)?;
        let actor = Actor {
            user: a.name,
            terminal: os.terminal.clone(),
        };
        return Ok((actor, Some(a.role)));
    }
    let os_name = os
        .user
        .strip_prefix(crate::config::SHELL_MARK)
        .unwrap_or(&os.user);
    if let Some(a) = store.account_for_os_user(os_name)? {
        let actor = Actor {
            user: a.name,
            terminal: os.terminal.clone(),
        };
        return Ok((actor, Some(a.role)));
    }
    Ok((os.clone(), None))
}

/// Account changes need an administrator. A shell user linked to no account owns the store
/// file and may do anything with it anyway, so it is let through (it is how the first
/// accounts are made from a script); its name in the audit log says it was the shell.
pub fn may_manage_accounts(actor: &Actor, role: Option<Role>) -> Result<(), SignInError> {
    match role {
        None | Some(Role::Admin) => Ok(()),
        Some(_) => Err(SignInError::NotAllowed(actor.user.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::users::new_account;
    use jiff::Timestamp;

    fn at(secs: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + secs).unwrap()
    }

    fn actor() -> Actor {
        Actor {
            user: "shell:root".into(),
            terminal: "t".into(),
        }
    }

    #[test]
    fn five_wrong_passwords_make_the_account_wait_even_for_the_right_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.redb")).unwrap();
        let a = new_account("rina", "Rina", Role::Staff, "rahasia-123", at(0)).unwrap();
        store.add_account(&a, &actor()).unwrap();
        for i in 0..4 {
            let e = sign_in(&store, "rina", "salah-sekali", &actor(), at(i)).unwrap_err();
            assert!(matches!(e, SignInError::Wrong { .. }), "{e}");
        }
        let e = sign_in(&store, "rina", "salah-sekali", &actor(), at(5)).unwrap_err();
        assert!(matches!(e, SignInError::Waiting { minutes: 1 }), "{e}");
        assert!(e.localized(Lang::Id).contains("Tunggu 1 menit"));
        // The right password during the wait is not tried.
        let e = sign_in(&store, "rina", "rahasia-123", &actor(), at(30)).unwrap_err();
        assert!(matches!(e, SignInError::Waiting { .. }), "{e}");
        // After the wait it works, and the count starts again.
        assert!(sign_in(&store, "rina", "rahasia-123", &actor(), at(70)).is_ok());
        assert_eq!(store.account("rina").unwrap().unwrap().failed_signins, 0);
    }

    #[test]
    fn the_last_active_administrator_stays() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.redb")).unwrap();
        for (n, r) in [("admin", Role::Admin), ("kasi", Role::Supervisor)] {
            let a = new_account(n, n, r, "rahasia-123", at(0)).unwrap();
            store.add_account(&a, &actor()).unwrap();
        }
        let e = set_active(&store, "admin", false, &actor(), at(1)).unwrap_err();
        assert!(
            matches!(e, SignInError::Store(StoreError::LastAdmin(_))),
            "{e}"
        );
        let e = set_role(&store, "admin", Role::Staff, &actor(), at(1)).unwrap_err();
        assert!(e.localized(Lang::Id).contains("satu-satunya administrator"));
        set_role(&store, "kasi", Role::Admin, &actor(), at(2)).unwrap();
        set_role(&store, "admin", Role::Staff, &actor(), at(3)).unwrap();
        assert_eq!(store.account("admin").unwrap().unwrap().role, Role::Staff);
    }
}
