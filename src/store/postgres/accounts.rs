//! Staff accounts in PostgreSQL: one table by account name. Every change is one write with
//! its audit line, the last active administrator counted inside it (writes follow one another
//! under the write lock, so two administrators demoting each other cannot both pass).

use jiff::Timestamp;
use postgres::Transaction;

use super::audit::append_audit;
use super::{PgStore, doc, undoc};
use crate::domain::staff::{Account, Role};
use crate::domain::workflow::Actor;
use crate::store::{AccountStore, Result, StoreError};

fn all_accounts(c: &mut impl postgres::GenericClient) -> Result<Vec<Account>> {
    let rows = c.query("SELECT doc FROM users ORDER BY name", &[])?;
    rows.into_iter().map(|r| undoc(r.get(0))).collect()
}

fn account_in(t: &mut Transaction, name: &str) -> Result<Option<Account>> {
    t.query_opt("SELECT doc FROM users WHERE name = $1 FOR UPDATE", &[&name])?
        .map(|r| undoc(r.get(0)))
        .transpose()
}

fn put_account(t: &mut Transaction, a: &Account) -> Result<()> {
    t.execute(
        "INSERT INTO users (name, doc) VALUES ($1, $2) \
         ON CONFLICT (name) DO UPDATE SET doc = excluded.doc",
        &[&a.name, &doc(a)?],
    )?;
    Ok(())
}

impl AccountStore for PgStore {
    fn add_account(&self, a: &Account, actor: &Actor) -> Result<()> {
        self.conn.write(|t| {
            if account_in(t, &a.name)?.is_some() {
                return Err(StoreError::DuplicateUser(a.name.clone()));
            }
            put_account(t, a)?;
            append_audit(
                t,
                a.created_at,
                actor,
                "user-add",
                &a.name,
                &format!("role {}", a.role.code()),
            )
        })
    }

    fn account(&self, name: &str) -> Result<Option<Account>> {
        self.conn.read(|c| {
            c.query_opt("SELECT doc FROM users WHERE name = $1", &[&name])?
                .map(|r| undoc(r.get(0)))
                .transpose()
        })
    }

    fn accounts(&self) -> Result<Vec<Account>> {
        self.conn.read(all_accounts)
    }

    fn change_account(
        &self,
        name: &str,
        actor: &Actor,
        at: Timestamp,
        action: &str,
        change: impl FnOnce(&mut Account) -> String,
    ) -> Result<Account> {
        // The change runs once: a write broken before COMMIT is asked again with the detail it
        // gave (the account read again, `change`'s result applied as the field values it set).
        let mut change = Some(change);
        let mut applied: Option<(Account, String)> = None;
        self.conn.write(|t| {
            let Some(mut a) = account_in(t, name)? else {
                return Err(StoreError::NoAccount(name.to_string()));
            };
            let was_admin = a.active && a.role == Role::Admin;
            let detail = match (change.take(), &applied) {
                (Some(f), _) => {
                    let d = f(&mut a);
                    applied = Some((a.clone(), d.clone()));
                    d
                }
                (None, Some((changed, d))) => {
                    a = changed.clone();
                    d.clone()
                }
                (None, None) => return Err(StoreError::Db("change lost".into())),
            };
            let still_admin = a.active && a.role == Role::Admin;
            if was_admin && !still_admin {
                let admins = all_accounts(t)?
                    .iter()
                    .filter(|x| x.active && x.role == Role::Admin)
                    .count();
                if admins <= 1 {
                    return Err(StoreError::LastAdmin(name.to_string()));
                }
            }
            put_account(t, &a)?;
            append_audit(t, at, actor, action, name, &detail)?;
            Ok(a)
        })
    }

    fn record_signin_failure(
        &self,
        name: &str,
        actor: &Actor,
        at: Timestamp,
    ) -> Result<Option<Account>> {
        self.conn.write(|t| {
            let Some(mut a) = account_in(t, name)? else {
                return Ok(None);
            };
            a.failed_signins += 1;
            a.last_failed_at = Some(at);
            put_account(t, &a)?;
            // i18n: an audit detail, kept in the log's one language (English)
            let detail = format!("wrong password, {} in a row", a.failed_signins);
            append_audit(t, at, actor, "signin-failed", name, &detail)?;
            Ok(Some(a))
        })
    }

    fn record_signin_success(&self, name: &str) -> Result<()> {
        if self.account(name)?.is_none_or(|a| a.failed_signins == 0) {
            return Ok(());
        }
        self.conn.write(|t| {
            let Some(mut a) = account_in(t, name)? else {
                return Ok(());
            };
            a.failed_signins = 0;
            a.last_failed_at = None;
            put_account(t, &a)
        })
    }

    fn link_os_user(&self, name: &str, os_user: &str, actor: &Actor, at: Timestamp) -> Result<()> {
        self.conn.write(|t| {
            if account_in(t, name)?.is_none() {
                return Err(StoreError::NoAccount(name.to_string()));
            }
            for mut a in all_accounts(t)? {
                let had = a.os_users.iter().any(|u| u == os_user);
                let wants = a.name == name;
                if had != wants {
                    a.os_users.retain(|u| u != os_user);
                    if wants {
                        a.os_users.push(os_user.to_string());
                    }
                    put_account(t, &a)?;
                }
            }
            append_audit(
                t,
                at,
                actor,
                "user-link",
                name,
                // i18n: an audit detail, kept in the log's one language (English)
                &format!("os user {os_user}"),
            )
        })
    }
}
