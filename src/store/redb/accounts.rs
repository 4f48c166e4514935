//! Staff accounts in redb: one table by account name. Every change is one write transaction
//! with its audit line, the last active administrator counted inside it.

use jiff::Timestamp;
use redb::ReadableTable;

use super::audit::append_audit;
use super::tables::USERS;
use super::{RedbStore, json, parse};
use crate::domain::staff::{Account, Role};
use crate::domain::workflow::Actor;
use crate::store::{AccountStore, Result, StoreError};

fn active_admins(users: &impl ReadableTable<&'static str, &'static [u8]>) -> Result<usize> {
    let mut n = 0;
    for entry in users.iter()? {
        let a: Account = parse(entry?.1.value())?;
        n += usize::from(a.active && a.role == Role::Admin);
    }
    Ok(n)
}

impl AccountStore for RedbStore {
    fn add_account(&self, a: &Account, actor: &Actor) -> Result<()> {
        let txn = self.db.begin_write()?;
        {
            let mut users = txn.open_table(USERS)?;
            if users.get(a.name.as_str())?.is_some() {
                return Err(StoreError::DuplicateUser(a.name.clone()));
            }
            users.insert(a.name.as_str(), json(a).as_slice())?;
        }
        append_audit(
            &txn,
            a.created_at,
            actor,
            "user-add",
            &a.name,
            &format!("role {}", a.role.code()),
        )?;
        txn.commit()?;
        Ok(())
    }

    fn account(&self, name: &str) -> Result<Option<Account>> {
        let txn = self.read()?;
        let t = txn.open_table(USERS)?;
        t.get(name)?.map(|g| parse(g.value())).transpose()
    }

    fn accounts(&self) -> Result<Vec<Account>> {
        let txn = self.read()?;
        let t = txn.open_table(USERS)?;
        t.iter()?.map(|r| parse(r?.1.value())).collect()
    }

    fn change_account(
        &self,
        name: &str,
        actor: &Actor,
        at: Timestamp,
        action: &str,
        change: impl FnOnce(&mut Account) -> String,
    ) -> Result<Account> {
        let txn = self.db.begin_write()?;
        let (account, detail) = {
            let mut users = txn.open_table(USERS)?;
            let mut a: Account = match users.get(name)? {
                Some(g) => parse(g.value())?,
                None => return Err(StoreError::NoAccount(name.to_string())),
            };
            let was_admin = a.active && a.role == Role::Admin;
            let detail = change(&mut a);
            let still_admin = a.active && a.role == Role::Admin;
            if was_admin && !still_admin && active_admins(&users)? <= 1 {
                return Err(StoreError::LastAdmin(name.to_string()));
            }
            users.insert(name, json(&a).as_slice())?;
            (a, detail)
        };
        append_audit(&txn, at, actor, action, name, &detail)?;
        txn.commit()?;
        Ok(account)
    }

    fn record_signin_failure(
        &self,
        name: &str,
        actor: &Actor,
        at: Timestamp,
    ) -> Result<Option<Account>> {
        let txn = self.db.begin_write()?;
        let account = {
            let mut users = txn.open_table(USERS)?;
            let mut a: Account = match users.get(name)? {
                Some(g) => parse(g.value())?,
                None => return Ok(None),
            };
            a.failed_signins += 1;
            a.last_failed_at = Some(at);
            users.insert(name, json(&a).as_slice())?;
            a
        };
        // i18n: an audit detail, kept in the log's one language (English)
        let detail = format!("wrong password, {} in a row", account.failed_signins);
        append_audit(&txn, at, actor, "signin-failed", name, &detail)?;
        txn.commit()?;
        Ok(Some(account))
    }

    fn record_signin_success(&self, name: &str) -> Result<()> {
        if self.account(name)?.is_none_or(|a| a.failed_signins == 0) {
            return Ok(());
        }
        let txn = self.db.begin_write()?;
        {
            let mut users = txn.open_table(USERS)?;
            let Some(g) = users.get(name)? else {
                return Ok(());
            };
            let mut a: Account = parse(g.value())?;
            drop(g);
            a.failed_signins = 0;
            a.last_failed_at = None;
            users.insert(name, json(&a).as_slice())?;
        }
        txn.commit()?;
        Ok(())
    }

    fn link_os_user(&self, name: &str, os_user: &str, actor: &Actor, at: Timestamp) -> Result<()> {
        let txn = self.db.begin_write()?;
        {
            let mut users = txn.open_table(USERS)?;
            if users.get(name)?.is_none() {
                return Err(StoreError::NoAccount(name.to_string()));
            }
            let mut all = Vec::new();
            for entry in users.iter()? {
                all.push(parse::<Account>(entry?.1.value())?);
            }
            for mut a in all {
                let had = a.os_users.iter().any(|u| u == os_user);
                let wants = a.name == name;
                if had != wants {
                    a.os_users.retain(|u| u != os_user);
                    if wants {
                        a.os_users.push(os_user.to_string());
                    }
                    users.insert(a.name.as_str(), json(&a).as_slice())?;
                }
            }
        }
        append_audit(
            &txn,
            at,
            actor,
            "user-link",
            name,
            // i18n: an audit detail, kept in the log's one language (English)
            &format!("os user {os_user}"),
        )?;
        txn.commit()?;
        Ok(())
    }
}
