//! What one run of loket knows before it does anything: where its files are, the config, the
//! clock, the language, and who acts. The command line builds it; the counter program reads it.

use crate::config::{Clock, Config, Paths};
use crate::domain::staff::Role;
use crate::domain::workflow::Actor;
use crate::i18n::Lang;

/// What every command and screen needs: where things are, the config, the clock, the language.
pub struct Ctx {
    pub paths: Paths,
    pub config: Config,
    pub clock: Clock,
    pub lang: Lang,
    /// `--as NAME`.
    pub as_user: Option<String>,
    /// Who the command acts as, once resolved (by the command line's `who`).
    pub acting: std::cell::OnceCell<(Actor, Option<Role>)>,
}
