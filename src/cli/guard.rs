//! The command line's last line of defence: a closed pipe (`loket request list | head -1`)
//! ends the command quietly, and a panic inside redb (a damaged store) becomes the damaged
//! store's message with the last backup named, never a stack trace.

use std::any::Any;
use std::process::ExitCode;
use std::sync::Once;

use super::Ctx;
use crate::i18n::Localized;
use crate::store::{StoreError, last_backup, mark_damaged, redb_panicked};

fn payload_text(p: &(dyn Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// `println!` panics when the reader of stdout went away; that is not an error of loket's.
fn is_broken_pipe(text: &str) -> bool {
    // i18n: the standard library's own panic words, matched, never shown
    text.starts_with("failed printing to std") && text.contains("Broken pipe")
}

/// Silences the panic text of a closed pipe; every other panic prints as it would.
pub fn install_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !is_broken_pipe(&payload_text(info.payload())) {
                previous(info);
            }
        }));
    });
}

/// What the process does after a command panicked.
pub fn after_panic(ctx: &Ctx, panic: Box<dyn Any + Send>) -> ExitCode {
    let text = payload_text(&*panic);
    if is_broken_pipe(&text) {
        return ExitCode::SUCCESS;
    }
    if redb_panicked() {
        let path = &ctx.paths.store_file;
        mark_damaged(path, &text);
        let e = StoreError::Damaged {
            path: path.display().to_string(),
            reason: text,
            last_backup: last_backup(path).map(|p| p.display().to_string()),
        };
        say(&e.localized(ctx.lang));
        return ExitCode::from(1);
    }
    std::panic::resume_unwind(panic)
}

/// Writes a message to stderr, ignoring a stderr that is gone too.
pub fn say(message: &str) {
    super::out::error_line(message);
}
