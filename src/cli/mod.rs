//! The command line: a stable contract for scripts and tests. Every command goes through the
//! same service calls as the counter program; output is text for people or `--json`.

// Shadows std's macros for every module below (textual scope): each line printed by a CLI
// command is made terminal-safe and a closed pipe ends the command quietly, without every
// call site having to remember it.
macro_rules! println {
    () => {
        $crate::cli::out::line("")
    };
    ($($arg:tt)*) => {
        $crate::cli::out::line(&format!($($arg)*))
    };
}

macro_rules! print {
    ($($arg:tt)*) => {
        $crate::cli::out::text(&format!($($arg)*))
    };
}

macro_rules! eprintln {
    ($($arg:tt)*) => {
        $crate::cli::out::error_line(&format!($($arg)*))
    };
}

mod accounts;
mod admin;
mod attempts;
mod card;
mod edits;
mod export;
mod frontdesk;
mod guard;
mod help;
mod interop;
mod members;
mod out;
mod photo;
mod privacy;
mod report;
mod requests;
mod serve;
mod store;
mod who;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::config::{Clock, Config, Paths};
pub use crate::context::Ctx;
use crate::i18n::{Lang, Localized};
use crate::service::Desk;
use crate::store::Store;

#[derive(Parser, Debug)]
#[command(
    name = "loket",
    version,
    about = "Layanan kartu anggota perpustakaan / library membership-card counter"
)]
pub struct Cli {
    /// Keep the config and the store in DIR (instead of the user's config and data folders).
    #[arg(long, global = true, env = "LOKET_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The store: a PostgreSQL database (postgres://user@host/db) or a redb file; instead of
    /// the config's [store] url or the data folder's loket.redb.
    #[arg(long, global = true, env = "LOKET_STORE", value_name = "URL|FILE")]
    pub store: Option<String>,
    /// Language of messages: id (default), en, or a folder under LOKET_LOCALES.
    #[arg(long, global = true, env = "LOKET_LANG", value_name = "id|en")]
    pub lang: Option<String>,
    /// Act as this loket account (its password on the first line of standard input, or in
    /// LOKET_PASSWORD); without it, the account linked to your OS user, else your OS user.
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub as_user: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The counter program (also what `loket` alone opens on a terminal).
    Counter,
    /// The registration form alone, for a self-service terminal (no sign-in).
    Kiosk,
    /// Members: add, show, search, renew, replace.
    #[command(subcommand)]
    Member(members::MemberCmd),
    /// Applicant photos: import (the photo step), export.
    #[command(subcommand)]
    Photo(photo::PhotoCmd),
    /// Membership cards: render a preview, print (SOP 5).
    #[command(subcommand)]
    Card(card::CardCmd),
    /// Card requests and the SOP's steps on them.
    #[command(subcommand)]
    Request(requests::RequestCmd),
    /// The front desk: card scans check visitors in; guests without a card by key g.
    Frontdesk {
        /// Serial scanner port (overrides `[scanner] port`); without it a keyboard-wedge
        /// scanner is used.
        #[arg(long, value_name = "PORT")]
        scanner: Option<String>,
    },
    /// The visitor book (buku tamu): visits of a day.
    #[command(subcommand)]
    Visit(frontdesk::VisitCmd),
    /// Daily or monthly figures: registrations, cards, time per SOP step, visits.
    #[command(subcommand)]
    Report(report::ReportCmd),
    /// The handover register (buku tanda terima kartu): every card handed over.
    Register(report::RegisterArgs),
    /// The online registration form (KTA Online) over HTTP, for behind a TLS reverse proxy.
    Serve {
        /// Address and port to listen on (overrides `[web] listen`; default 127.0.0.1:8080).
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
    },
    /// Requests per state, the oldest waiting, overdue steps, members.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Staff accounts.
    #[command(subcommand)]
    User(accounts::UserCmd),
    /// Who did what, when, from which terminal (the audit log), newest last.
    Audit {
        /// How many entries.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Only this account's.
        #[arg(long, value_name = "NAME")]
        user: Option<String>,
        /// Only those about this member number (or account, for account changes).
        #[arg(long, value_name = "NO")]
        subject: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// A consistent copy of the store while others keep working.
    Backup { file: PathBuf },
    /// Checks the store's integrity.
    Check,
    /// The store itself: move it to PostgreSQL or back to a redb file, fill in the photo
    /// previews.
    #[command(subcommand)]
    Store(store::StoreCmd),
    /// Fills the store with made-up applicants in every state.
    Demo {
        #[arg(long, default_value_t = 27)]
        count: usize,
    },
    /// Where the config and store are, and the config in force.
    Config,
    /// Members from SLiMS or INLISLite: a report per row, all or nothing.
    Import(Box<interop::ImportArgs>),
    /// Members to a file SLiMS or INLISLite imports (holds NIKs: written for its owner only).
    Export(export::ExportArgs),
}

/// A failure to show the person at the terminal, already in their language.
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    pub fn new(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 1,
        }
    }

    /// Bad input from the person (a form field, an argument): exit code 2.
    pub fn input(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 2,
        }
    }
}

pub type CmdResult = Result<(), Failure>;

impl Ctx {
    pub fn open_store(&self) -> Result<Store, Failure> {
        Store::open_chosen(&self.paths).map_err(|e| Failure::new(e.localized(self.lang)))
    }

    pub fn fail(&self, e: &dyn Localized) -> Failure {
        Failure::new(e.localized(self.lang))
    }
}

pub fn with_desk<T>(ctx: &Ctx, f: impl FnOnce(&Desk) -> Result<T, Failure>) -> Result<T, Failure> {
    with_desk_as(ctx, |desk, _| f(desk))
}

/// As [`with_desk`], with the role of the account acting (`None`: a shell user).
pub fn with_desk_as<T>(
    ctx: &Ctx,
    f: impl FnOnce(&Desk, Option<crate::domain::staff::Role>) -> Result<T, Failure>,
) -> Result<T, Failure> {
    let store = ctx.open_store()?;
    let (actor, role) = ctx.acting(&store)?;
    let desk = Desk::new(&store, &ctx.config, &ctx.clock, actor);
    f(&desk, role)
}

pub fn main() -> ExitCode {
    // The command line as declared parses every command; only help, the version and a
    // refusal need the words, so the catalogues and the config are read for those alone.
    let matches = match Cli::command().try_get_matches() {
        Ok(m) => m,
        Err(_) => {
            let help_lang = help_language();
            // The words change no rule, so this refuses (or shows help) the same way.
            match help::localize(Cli::command(), help_lang).try_get_matches() {
                Ok(m) => m,
                Err(e) => match help::explain(&e, help_lang) {
                    Some(text) => {
                        eprintln!("{text}");
                        return ExitCode::from(2);
                    }
                    None => e.exit(),
                },
            }
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let paths = Paths::resolve(cli.data_dir.as_deref());
    let early_lang = cli
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_default();
    let config = match Config::load(&paths.config_file) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}", e.localized(early_lang));
            return ExitCode::from(1);
        }
    };
    let lang = match cli.lang.as_deref() {
        None => config.language,
        Some(code) => match Lang::from_code(code) {
            Some(lang) => lang,
            // A clerk who asked for a language must not get another one without a word.
            None => {
                let known: Vec<&str> = Lang::all().map(Lang::code).collect();
                eprintln!(
                    "{}",
                    crate::t!(
                        config.language,
                        "cli-mod-language-unknown",
                        code = code,
                        known = known.join(", ")
                    )
                );
                return ExitCode::from(2);
            }
        },
    };
    let tz = match config.time_zone() {
        Ok(tz) => tz,
        Err(e) => {
            eprintln!("{}", e.localized(lang));
            return ExitCode::from(1);
        }
    };
    let paths = paths.with_store(cli.store.as_deref(), &config);
    let ctx = Ctx {
        paths,
        clock: Clock::from_env(tz),
        config,
        lang,
        as_user: cli.as_user.clone(),
        acting: std::cell::OnceCell::new(),
    };
    let files: crate::fsutil::FilesConfig = match ctx.config.section("files") {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{}", e.localized(lang));
            return ExitCode::from(1);
        }
    };
    if let Err(e) = crate::fsutil::set_staff_group(&files) {
        eprintln!("{}", e.localized(lang));
        return ExitCode::from(1);
    }
    // After the staff group (the log file takes its mode), before anything logs. A bad
    // `[log]` section stops like any other config error.
    let log: crate::logging::LogConfig = match ctx.config.section("log") {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{}", e.localized(lang));
            return ExitCode::from(1);
        }
    };
    let sink = if runs_a_screen(cli.command.as_ref()) {
        crate::logging::Sink::beside_store(&ctx.paths.store_file)
    } else {
        crate::logging::Sink::Stderr
    };
    crate::logging::init(&log, &sink);
    guard::install_hook();
    let command = cli.command;
    let result =
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| dispatch(&ctx, command))) {
            Ok(r) => r,
            Err(panic) => return guard::after_panic(&ctx, panic),
        };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            guard::say(&f.message);
            ExitCode::from(f.code)
        }
    }
}

/// Whether `command` draws a full screen on the terminal, where a log line must not appear.
fn runs_a_screen(command: Option<&Command>) -> bool {
    match command {
        None => std::io::IsTerminal::is_terminal(&std::io::stdout()),
        Some(Command::Counter | Command::Kiosk | Command::Frontdesk { .. }) => true,
        Some(_) => false,
    }
}

fn dispatch(ctx: &Ctx, command: Option<Command>) -> CmdResult {
    match command {
        // On a terminal the counter program; piped (scripts, tests) the text overview, which
        // never waits for keys.
        None if std::io::IsTerminal::is_terminal(&std::io::stdout()) => counter(ctx),
        None => admin::overview(ctx),
        Some(Command::Counter) => counter(ctx),
        Some(Command::Kiosk) => kiosk(ctx),
        Some(Command::Member(c)) => members::run(ctx, c),
        Some(Command::Request(c)) => requests::run(ctx, c),
        Some(Command::Photo(c)) => photo::run(ctx, c),
        Some(Command::Card(c)) => card::run(ctx, c),
        Some(Command::Frontdesk { scanner }) => frontdesk::frontdesk(ctx, scanner),
        Some(Command::Visit(c)) => frontdesk::run(ctx, c),
        Some(Command::Report(c)) => report::run(ctx, c),
        Some(Command::Register(a)) => report::run_register(ctx, a),
        Some(Command::Serve { listen }) => serve::serve(ctx, listen),
        Some(Command::Status { json }) => admin::status(ctx, json),
        Some(Command::User(c)) => accounts::user(ctx, c),
        Some(Command::Audit {
            limit,
            user,
            subject,
            json,
        }) => admin::audit(ctx, limit, user, subject, json),
        Some(Command::Backup { file }) => admin::backup(ctx, &file),
        Some(Command::Check) => admin::check(ctx),
        Some(Command::Store(c)) => store::store(ctx, c),
        Some(Command::Demo { count }) => admin::demo(ctx, count),
        Some(Command::Config) => admin::show_config(ctx),
        Some(Command::Import(a)) => interop::import(ctx, *a),
        Some(Command::Export(a)) => export::export(ctx, a),
    }
}

fn counter(ctx: &Ctx) -> CmdResult {
    crate::tui::run(ctx).map_err(|e| Failure::new(format!("{e:#}")))
}

fn kiosk(ctx: &Ctx) -> CmdResult {
    crate::tui::run_kiosk(ctx).map_err(|e| Failure::new(format!("{e:#}")))
}

pub fn print_json<T: serde::Serialize>(v: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(v).expect("views serialise")
    );
}

/// The language `--help` is written in, known before the arguments are parsed: `--lang` or
/// `LOKET_LANG` if given and known, else the config's `language`, else Indonesian.
fn help_language() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let after = |flag: &str| {
        args.iter()
            .enumerate()
            .find_map(|(i, a)| match a.strip_prefix(flag) {
                Some("") => args.get(i + 1).cloned(),
                Some(v) => v.strip_prefix('=').map(String::from),
                None => None,
            })
    };
    let asked = after("--lang").or_else(|| std::env::var("LOKET_LANG").ok());
    if let Some(lang) = asked.as_deref().and_then(Lang::from_code) {
        return lang;
    }
    let dir = after("--data-dir")
        .or_else(|| std::env::var("LOKET_DATA_DIR").ok())
        .map(PathBuf::from);
    Config::load(&Paths::resolve(dir.as_deref()).config_file)
        .map(|c| c.language)
        .unwrap_or_default()
}
