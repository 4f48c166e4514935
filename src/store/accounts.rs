//! Staff accounts: adding them, password, role, disable and enable, the OS users linked to an
//! account, and wrong-password counts. Every change is one write with its audit line; the last
//! active administrator is checked inside it, so two administrators demoting each other at
//! once cannot leave the library with none.

use jiff::Timestamp;

use super::Result;
use crate::domain::staff::Account;
use crate::domain::workflow::Actor;

area! {
    /// Staff accounts.
    pub trait AccountStore {
        fn add_account(&self, a: &Account, actor: &Actor) -> Result<()>;

        fn account(&self, name: &str) -> Result<Option<Account>>;

        fn accounts(&self) -> Result<Vec<Account>>;

        /// Changes one account with `change`, which returns the audit detail (never a password
        /// or its hash), and records it as `action`. Refused when it would leave no active
        /// administrator.
        fn change_account(
            &self,
            name: &str,
            actor: &Actor,
            at: Timestamp,
            action: &str,
            change: impl FnOnce(&mut Account) -> String,
        ) -> Result<Account>;

        /// A wrong password for `name` (if it exists): counted, and audited, so that a
        /// guesser's tries show in the log. Returns the account as it is now.
        fn record_signin_failure(
            &self,
            name: &str,
            actor: &Actor,
            at: Timestamp,
        ) -> Result<Option<Account>>;

        /// A good sign-in: the count of wrong passwords starts again. No write when it is 0.
        fn record_signin_success(&self, name: &str) -> Result<()>;

        /// Links OS user `os_user` to account `name`, taking it from any other account: one
        /// shell login is recorded under one account.
        fn link_os_user(
            &self,
            name: &str,
            os_user: &str,
            actor: &Actor,
            at: Timestamp,
        ) -> Result<()>;
    }
}

/// Made of the area's own methods, so no backend writes it again.
impl super::Store {
    /// The active account linked to this OS user, if any.
    pub fn account_for_os_user(&self, os_user: &str) -> Result<Option<Account>> {
        Ok(self
            .accounts()?
            .into_iter()
            .find(|a| a.active && a.os_users.iter().any(|u| u == os_user)))
    }
}
