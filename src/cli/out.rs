//! Where the command line's text goes: every `println!`/`print!`/`eprintln!` under `cli`
//! lands here (see the macros in `cli/mod.rs`). Stored text is shown, never obeyed: an ESC
//! sequence that got into a name before it was refused at the door prints as `�`. A reader
//! that went away (`| head -1`) ends the command quietly.

use std::io::Write;

use crate::domain::controls::printable;

/// The panic payload that `guard` turns into a quiet exit, as for `println!`'s own.
// i18n: the standard library's own panic words, matched, never shown
const BROKEN_PIPE: &str = "failed printing to stdout: Broken pipe";

pub fn text(s: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(printable(s).as_bytes()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::panic::panic_any(BROKEN_PIPE.to_string());
        }
        panic!("failed printing to stdout: {e}");
    }
}

pub fn line(s: &str) {
    text(&format!("{s}\n"));
}

/// To stderr; a stderr that is gone too is ignored (there is nobody left to tell).
pub fn error_line(s: &str) {
    let _ = writeln!(std::io::stderr(), "{}", printable(s));
}
