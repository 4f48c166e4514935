//! The terminal programs: the counter (`loket`, `loket counter`) with the terminal set up and
//! always restored, and the loop that feeds the app events, scans and ticks (the app itself is
//! in `app`); and the front desk with its own small loop (`frontdesk`).

pub mod app;
pub mod frontdesk;
pub mod screens;
pub mod theme;
pub mod widgets;

use std::io::Stdout;
use std::time::{Duration, Instant};

use anyhow::Context;
use crossterm::event;
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::context::Ctx;
use crate::photo::PhotoConfig;
use crate::scanner::frame::ScannerConfig;
use crate::scanner::wedge::{Routed, WedgeFilter};
use crate::store::Store;
use app::App;

/// How often the store's change counter is read when nothing else happens: other counters'
/// work shows within a second, and an idle program costs a read transaction per tick.
const TICK: Duration = Duration::from_millis(250);

/// Leaves raw mode and the alternate screen. Safe to call twice (exit after a panic hook).
fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        std::io::stdout(),
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

pub fn run(ctx: &Ctx) -> anyhow::Result<()> {
    run_app(ctx, false)
}

/// `loket kiosk`: the registration form alone, for a self-service terminal.
pub fn run_kiosk(ctx: &Ctx) -> anyhow::Result<()> {
    run_app(ctx, true)
}

fn run_app(ctx: &Ctx, kiosk: bool) -> anyhow::Result<()> {
    let store = Store::open_chosen(&ctx.paths)
        .map_err(|e| anyhow::anyhow!(crate::i18n::Localized::localized(&e, ctx.lang)))?;
    let (config, clock) = (ctx.config.clone(), ctx.clock.clone());
    let mut app = if kiosk {
        App::kiosk(store, config, clock, ctx.lang)?
    } else {
        App::new(store, config, clock, ctx.lang)?
    };
    app.watch_config(ctx.paths.config_file.clone());
    let scanner: ScannerConfig = ctx.config.section("scanner").unwrap_or_default();
    let photo: PhotoConfig = ctx.config.section("photo").unwrap_or_default();

    // A panic must not leave the counter PC's only terminal in raw mode: restore first, then
    // let the default hook print the message where it can be read.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        default_hook(info);
    }));
    enable_raw_mode().context(ctx.lang.text("tui-mod-raw-mode"))?;
    execute!(std::io::stdout(), EnterAlternateScreen)
        .context(ctx.lang.text("tui-mod-alternate-screen"))?;
    // Asked of the terminal after entering the alternate screen, before reading events.
    app.set_picker(screens::photo::picker_for(photo.preview));
    let mut terminal = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    let result = run_loop(
        &mut terminal,
        &mut app,
        WedgeFilter::new(scanner.wedge),
        ctx,
    );
    restore();
    result
}

fn run_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    mut wedge: WedgeFilter,
    ctx: &Ctx,
) -> anyhow::Result<()> {
    let mut last_tick = Instant::now();
    while !app.should_quit() {
        terminal.draw(|f| app.draw(f))?;
        // Block in poll until a key, the wedge's deadline or the next tick: no busy loop.
        let now = Instant::now();
        let mut wake = last_tick + TICK;
        if let Some(d) = wedge.deadline() {
            wake = wake.min(d);
        }
        let routed = if event::poll(wake.saturating_duration_since(now))? {
            wedge.event(event::read()?, Instant::now())
        } else {
            wedge.tick(Instant::now())
        };
        for r in routed {
            match r {
                Routed::Scan(text) => app.scan(text),
                Routed::Event(ev) => app.handle(ev),
            }
        }
        if last_tick.elapsed() >= TICK {
            app.tick(ctx.clock.now());
            last_tick = Instant::now();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
