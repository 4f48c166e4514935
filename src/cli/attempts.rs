//! `loket card attempts`: every print attempt with how it ended, so that a card sent while
//! the process died (interrupted) is looked for in the printer's tray instead of forgotten.

use super::{CmdResult, Ctx};
use crate::store::PrintOutcome;

pub fn list(ctx: &Ctx, limit: usize) -> CmdResult {
    let store = ctx.open_store()?;
    let attempts = store.print_attempts().map_err(|e| ctx.fail(&e))?;
    if attempts.is_empty() {
        println!(
            "{}",
            ctx.lang.text("cli-attempts-no-card-has-been-printed-yet")
        );
    }
    let skip = attempts.len().saturating_sub(limit);
    for a in &attempts[skip..] {
        let outcome = match &a.outcome {
            PrintOutcome::Claimed => ctx.lang.text("cli-attempts-being-sent").to_string(),
            PrintOutcome::Printed { job_id } => {
                format!("{} ({job_id})", ctx.lang.text("cli-attempts-printed"))
            }
            PrintOutcome::Failed { reason } => {
                format!("{}: {reason}", ctx.lang.text("cli-attempts-failed"))
            }
            PrintOutcome::Interrupted => ctx
                .lang
                .text("cli-attempts-interrupted-may-have-printed-look-in")
                .to_string(),
        };
        println!(
            "{:>5}  {}  {:<10} {:<24} {}  {}",
            a.attempt,
            ctx.clock.local(a.at),
            a.user,
            a.member_nos.join(","),
            outcome,
            a.pdf
        );
    }
    Ok(())
}
