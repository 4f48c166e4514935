//! Who a command runs as: `--as NAME` (the password from `LOKET_PASSWORD` or the first line
//! of standard input), else the account linked to the OS user, else the OS user marked as a
//! shell user. Resolved once per command, so a wrong password is counted once.

use std::io::BufRead;

use super::{Ctx, Failure};
use crate::config::os_actor;
use crate::domain::staff::Role;
use crate::domain::workflow::Actor;
use crate::i18n::Localized;
use crate::service::accounts::shell_actor;
use crate::store::Store;

/// The password for `--as`: `LOKET_PASSWORD` for scripts, else one line of standard input
/// (the rest of it stays for the command, e.g. a new password after `--password-stdin`).
fn password(ctx: &Ctx) -> Result<String, Failure> {
    if let Ok(p) = std::env::var("LOKET_PASSWORD") {
        return Ok(p);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Failure::new(e.to_string()))?;
    if line.is_empty() {
        return Err(Failure::input(
            ctx.lang.text("cli-who-as-needs-that-account-s-password"),
        ));
    }
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

impl Ctx {
    /// The account (and its role) this command acts as; `None` role for a shell user.
    pub fn acting(&self, store: &Store) -> Result<(Actor, Option<Role>), Failure> {
        if let Some(done) = self.acting.get() {
            return Ok(done.clone());
        }
        let os = os_actor();
        let pw;
        let as_name = match &self.as_user {
            Some(name) => {
                pw = password(self)?;
                Some((name.as_str(), pw.as_str()))
            }
            None => None,
        };
        let done = shell_actor(store, as_name, &os, self.clock.now())
            .map_err(|e| Failure::new(e.localized(self.lang)))?;
        let _ = self.acting.set(done.clone());
        Ok(done)
    }
}
