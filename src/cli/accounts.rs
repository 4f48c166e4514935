//! `loket user …`: staff accounts. Changing one needs an administrator (`--as ADMIN`, an
//! administrator's linked OS user, or a shell user linked to no account, who owns the file).

use std::io::Read;

use clap::Subcommand;

use super::{CmdResult, Ctx, Failure};
use crate::domain::staff::{Account, Role};
use crate::domain::workflow::Actor;
use crate::i18n::{Lang, Localized};
use crate::service::accounts::{self, may_manage_accounts};
use crate::service::users;
use crate::store::Store;

#[derive(Subcommand, Debug)]
pub enum UserCmd {
    /// Adds a staff account; the password is read from standard input.
    Add {
        name: String,
        /// staff, supervisor or admin.
        #[arg(long)]
        role: String,
        #[arg(long, default_value = "")]
        full_name: String,
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// The accounts: role, whether active, whether a new password is due, linked OS users.
    List,
    /// Sets a forgotten password (read from standard input); the account chooses its own at
    /// its next sign-in, and any wait after wrong passwords ends.
    Passwd {
        /// The account name.
        name: String,
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Stops an account from signing in (a clerk who left); its history stays.
    Disable { name: String },
    /// Lets a disabled account sign in again.
    Enable { name: String },
    /// Changes an account's role: staff, supervisor or admin.
    Role {
        /// The account name.
        name: String,
        /// staff, supervisor or admin.
        role: String,
    },
    /// Records this OS user's commands under the account (e.g. the clerk's shell login).
    Link {
        /// The account name.
        name: String,
        /// The OS user name (as in `$USER`).
        #[arg(long, value_name = "USER")]
        os_user: String,
    },
}

fn read_password(ctx: &Ctx) -> Result<String, Failure> {
    let mut password = String::new();
    std::io::stdin()
        .read_to_string(&mut password)
        .map_err(|e| Failure::new(e.to_string()))?;
    let password = password.lines().next().unwrap_or("").to_string();
    if password.is_empty() {
        return Err(Failure::input(
            ctx.lang.text("cli-accounts-the-new-password-is-read-from"),
        ));
    }
    Ok(password)
}

fn role_arg(ctx: &Ctx, role: &str) -> Result<Role, Failure> {
    Role::from_code(role).ok_or_else(|| {
        Failure::input(
            ctx.lang
                .text("cli-accounts-the-role-must-be-staff-supervisor"),
        )
    })
}

pub fn role_name(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Staff => lang.text("cli-accounts-staff"),
        Role::Supervisor => lang.text("cli-accounts-supervisor"),
        Role::Admin => "admin",
    }
}

/// The store and who acts, refused unless that is an administrator.
fn as_admin(ctx: &Ctx) -> Result<(Store, Actor), Failure> {
    let store = ctx.open_store()?;
    let (actor, role) = ctx.acting(&store)?;
    may_manage_accounts(&actor, role).map_err(|e| ctx.fail(&e))?;
    Ok((store, actor))
}

pub fn user(ctx: &Ctx, cmd: UserCmd) -> CmdResult {
    let now = ctx.clock.now();
    match cmd {
        UserCmd::Add {
            name,
            role,
            full_name,
            password_stdin: _,
        } => {
            let role = role_arg(ctx, &role)?;
            let (store, actor) = as_admin(ctx)?;
            let password = read_password(ctx)?;
            let account = users::new_account(&name, &full_name, role, &password, now)
                .map_err(|e| Failure::input(e.localized(ctx.lang)))?;
            store
                .add_account(&account, &actor)
                .map_err(|e| ctx.fail(&e))?;
            println!(
                "{} {name} ({})",
                ctx.lang.text("cli-accounts-account-created"),
                role.code()
            );
            Ok(())
        }
        UserCmd::List => {
            let store = ctx.open_store()?;
            for a in store.accounts().map_err(|e| ctx.fail(&e))? {
                println!("{}", list_line(&a, ctx.lang));
            }
            Ok(())
        }
        UserCmd::Passwd { name, .. } => {
            let (store, actor) = as_admin(ctx)?;
            let password = read_password(ctx)?;
            accounts::set_password(&store, &name, &password, &actor, now)
                .map_err(|e| ctx.fail(&e))?;
            println!(
                "{}",
                crate::t!(
                    ctx.lang,
                    "cli-accounts-password-set-must-choose",
                    name = name.to_string()
                )
            );
            Ok(())
        }
        UserCmd::Disable { name } => set_active(ctx, &name, false),
        UserCmd::Enable { name } => set_active(ctx, &name, true),
        UserCmd::Role { name, role } => {
            let role = role_arg(ctx, &role)?;
            let (store, actor) = as_admin(ctx)?;
            accounts::set_role(&store, &name, role, &actor, now).map_err(|e| ctx.fail(&e))?;
            println!(
                "{}",
                crate::t!(
                    ctx.lang,
                    "cli-accounts-role-is-now",
                    name = name.to_string(),
                    role = role_name(role, ctx.lang).to_string()
                )
            );
            Ok(())
        }
        UserCmd::Link { name, os_user } => {
            let os_user = os_user.trim();
            if os_user.is_empty() {
                return Err(Failure::input(
                    ctx.lang.text("cli-accounts-give-the-os-user-name-after"),
                ));
            }
            let (store, actor) = as_admin(ctx)?;
            store
                .link_os_user(&name, os_user, &actor, now)
                .map_err(|e| ctx.fail(&e))?;
            println!(
                "{}",
                crate::t!(
                    ctx.lang,
                    "cli-accounts-loket-commands-by-os-user-are",
                    os_user = os_user.to_string(),
                    name = name.to_string()
                )
            );
            Ok(())
        }
    }
}

fn set_active(ctx: &Ctx, name: &str, active: bool) -> CmdResult {
    let (store, actor) = as_admin(ctx)?;
    accounts::set_active(&store, name, active, &actor, ctx.clock.now())
        .map_err(|e| ctx.fail(&e))?;
    let text = if active {
        crate::t!(ctx.lang, "cli-accounts-enabled", name = name)
    } else {
        crate::t!(ctx.lang, "cli-accounts-disabled-no-sign-in", name = name)
    };
    println!("{text}");
    Ok(())
}

fn list_line(a: &Account, lang: Lang) -> String {
    let mut notes = Vec::new();
    if !a.active {
        notes.push(lang.text("cli-accounts-disabled").to_string());
    }
    if a.must_change_password {
        notes.push(lang.text("cli-accounts-new-password-due").to_string());
    }
    if !a.os_users.is_empty() {
        notes.push(format!("os: {}", a.os_users.join(",")));
    }
    format!(
        "{:<20} {:<11} {:<24} {}",
        a.name,
        a.role.code(),
        a.full_name,
        notes.join("; ")
    )
}
