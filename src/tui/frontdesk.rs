//! `loket frontdesk`: the entrance screen. Scans (serial or keyboard wedge) check visitors in,
//! `g` writes in a guest; the last check-in stays large in its colour until the next one.

use std::io::Write;
use std::sync::mpsc as std_mpsc;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui_image::picker::Picker;

use crate::domain::checkin::Verdict;
use crate::domain::visit::{Visit, Visitor};
use crate::i18n::{Lang, Localized};
use crate::scanner::{Routed, ScannerConfig, ScannerEvent, WedgeFilter};
use crate::service::Desk;
use crate::service::frontdesk::{self, CheckIn, DayCount, FrontDeskConfig, check_guest};
use crate::tui::widgets::PhotoPreview;

mod entry;
mod guest;

use entry::{EntryKey, TypedEntry};
pub use guest::GuestForm;

const GREEN: Color = Color::Green;
/// Terminals have no amber; their yellow is the closest, and reads as "careful" everywhere.
const AMBER: Color = Color::Yellow;
pub(crate) const RED: Color = Color::Red;
/// Columns of the photo: a 3:4 portrait in half-blocks (two pixels a cell, one above the other).
const PHOTO_COLS: u16 = 18;

/// What a key did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    Quit,
}

/// Where the serial scanner stands, as the task last said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScannerStatus {
    /// No serial scanner configured: a keyboard-wedge scanner (or none) is in use.
    WedgeOnly,
    /// Configured; the serial task has not said anything yet.
    Connecting,
    Connected,
    Disconnected(crate::scanner::DisconnectReason),
}

/// What the big panel shows.
#[derive(Debug, Clone)]
enum Shown {
    Idle,
    CheckIn(Box<CheckIn>),
    Guest(Visit),
    Error(String),
}

/// The front desk's state. Headless: tests drive it with [`FrontDesk::on_scan`] and
/// [`FrontDesk::handle_key`] and draw it on a `TestBackend`.
pub struct FrontDesk<'a> {
    desk: &'a Desk<'a>,
    lang: Lang,
    window_minutes: u32,
    shown: Shown,
    count: DayCount,
    scanner: ScannerStatus,
    form: Option<GuestForm>,
    bell: bool,
    photo: PhotoPreview,
    policy: crate::domain::checkin::Policy,
    typed: TypedEntry,
    /// F10 was pressed: the next `y` closes the desk, any other key keeps it open.
    leaving: bool,
}

impl<'a> FrontDesk<'a> {
    pub fn new(desk: &'a Desk<'a>, lang: Lang, picker: Picker) -> FrontDesk<'a> {
        let config: FrontDeskConfig = desk.config.section("frontdesk").unwrap_or_default();
        let mut fd = FrontDesk {
            desk,
            lang,
            window_minutes: config.window_minutes,
            shown: Shown::Idle,
            count: DayCount::default(),
            scanner: ScannerStatus::WedgeOnly,
            form: None,
            bell: false,
            photo: PhotoPreview::new(picker),
            policy: config.policy(),
            typed: TypedEntry::default(),
            leaving: false,
        };
        fd.refresh();
        fd
    }

    pub fn with_window(mut self, minutes: u32) -> Self {
        self.window_minutes = minutes;
        self
    }

    /// Re-reads today's count (another front desk counted someone, or the day changed).
    pub fn refresh(&mut self) {
        match frontdesk::today_count(self.desk) {
            Ok(c) => self.count = c,
            Err(e) => self.shown = Shown::Error(e.localized(self.lang)),
        }
    }

    pub fn count(&self) -> DayCount {
        self.count
    }

    pub fn last_check_in(&self) -> Option<&CheckIn> {
        match &self.shown {
            Shown::CheckIn(c) => Some(c),
            _ => None,
        }
    }

    pub fn guest_form(&self) -> Option<&GuestForm> {
        self.form.as_ref()
    }

    /// Whether the bell should ring now (a red verdict since the last call).
    pub fn take_bell(&mut self) -> bool {
        std::mem::take(&mut self.bell)
    }

    /// A scan from either scanner: check the visitor in and show the outcome.
    pub fn on_scan(&mut self, scanned: &str) {
        // A scan in the middle of typing wins; what was typed is dropped, not glued to it.
        self.typed = TypedEntry::default();
        self.leaving = false;
        match frontdesk::check_in_with(self.desk, scanned, self.window_minutes, self.policy) {
            Ok(c) => {
                if c.visit_recorded {
                    self.count.people += 1;
                    self.count.members += 1;
                }
                self.bell = matches!(c.verdict, Verdict::Refuse(_));
                self.shown = Shown::CheckIn(Box::new(c));
            }
            Err(e) => {
                self.bell = true;
                self.shown = Shown::Error(e.localized(self.lang));
            }
        }
    }

    /// What the serial task reported.
    pub fn on_scanner_event(&mut self, ev: ScannerEvent) {
        match ev {
            ScannerEvent::Scan(code) => self.on_scan(&code),
            ScannerEvent::Connected => self.scanner = ScannerStatus::Connected,
            ScannerEvent::Disconnected { reason } => {
                self.scanner = ScannerStatus::Disconnected(reason)
            }
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::Continue;
        }
        if self.leaving {
            self.leaving = false;
            return match key.code {
                KeyCode::Char('y' | 'Y') => Outcome::Quit,
                _ => Outcome::Continue,
            };
        }
        let Some(form) = self.form.as_mut() else {
            match self.typed.key(key) {
                EntryKey::CheckIn(code) => self.on_scan(&code),
                EntryKey::OpenGuestForm => self.form = Some(GuestForm::default()),
                EntryKey::AskToLeave => self.leaving = true,
                EntryKey::Handled => {}
            }
            return Outcome::Continue;
        };
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.leaving = true;
            return Outcome::Continue;
        }
        match key.code {
            KeyCode::Esc => self.form = None,
            KeyCode::Tab | KeyCode::Down => form.focus = (form.focus + 1) % 4,
            KeyCode::BackTab | KeyCode::Up => form.focus = (form.focus + 3) % 4,
            KeyCode::Enter if form.focus < 3 => form.focus += 1,
            KeyCode::Enter => self.submit_guest(),
            KeyCode::Backspace => {
                form.fields[form.focus].pop();
            }
            // The group size takes digits only; anything else typed there is dropped.
            KeyCode::Char(c)
                if form.focus == 3 && c.is_ascii_digit() && form.fields[3].len() < 4 =>
            {
                form.fields[3].push(c);
            }
            KeyCode::Char(_) if form.focus == 3 => {}
            KeyCode::Char(c) if form.fields[form.focus].chars().count() < 60 => {
                form.fields[form.focus].push(c);
            }
            _ => {}
        }
        Outcome::Continue
    }

    fn submit_guest(&mut self) {
        let Some(form) = self.form.as_mut() else {
            return;
        };
        let guest = form.guest();
        if let Err(p) = check_guest(&guest) {
            form.error = Some(p.localized(self.lang));
            return;
        }
        match frontdesk::add_guest(self.desk, guest) {
            Ok(v) => {
                self.count.add(&v);
                self.shown = Shown::Guest(v);
                self.form = None;
            }
            Err(e) => form.error = Some(e.localized(self.lang)),
        }
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect) {
        let [top, main, bottom] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(6),
            Constraint::Length(1),
        ])
        .areas(area);
        self.draw_top(frame, top);
        match self.shown.clone() {
            Shown::Idle => self.draw_idle(frame, main),
            Shown::CheckIn(c) => self.draw_check_in(frame, main, &c),
            Shown::Guest(v) => self.draw_guest(frame, main, &v),
            Shown::Error(msg) => self.draw_banner_panel(
                frame,
                main,
                RED,
                self.lang.text("tui-frontdesk-problem"),
                vec![Line::raw(msg)],
            ),
        }
        self.draw_bottom(frame, bottom);
        if let Some(form) = &self.form {
            guest::draw_form(frame, main, form, self.lang);
        } else {
            entry::draw_typed(frame, main, &self.typed, self.lang);
        }
        if self.leaving {
            entry::draw_leave(frame, main, self.lang);
        }
    }

    fn draw_top(&self, frame: &mut Frame, area: Rect) {
        let c = self.count;
        let count = crate::t!(
            self.lang,
            "tui-frontdesk-visitors-today",
            people = c.people,
            members = c.members,
            guests = c.guests
        );
        // The library's name in the frame, the count alone and bold inside it: the count is
        // what staff glance at, and a long library name must never push it off the screen.
        let block = Block::bordered().title(format!(
            " {} — {} ",
            self.lang.text("tui-frontdesk-front-desk"),
            self.desk.config.library.name
        ));
        frame.render_widget(
            Paragraph::new(Span::styled(
                count,
                Style::new().add_modifier(Modifier::BOLD),
            ))
            .alignment(Alignment::Center)
            .block(block),
            area,
        );
    }

    fn draw_bottom(&self, frame: &mut Frame, area: Rect) {
        let (text, style) = match &self.scanner {
            ScannerStatus::WedgeOnly => (
                self.lang.text("tui-frontdesk-scanner-keyboard").to_string(),
                Style::new(),
            ),
            ScannerStatus::Connecting => (
                self.lang
                    .text("tui-frontdesk-scanner-connecting")
                    .to_string(),
                Style::new(),
            ),
            ScannerStatus::Connected => (
                self.lang
                    .text("tui-frontdesk-scanner-connected")
                    .to_string(),
                Style::new().fg(GREEN),
            ),
            ScannerStatus::Disconnected(r) => (
                r.localized(self.lang),
                Style::new().fg(RED).add_modifier(Modifier::BOLD),
            ),
        };
        let keys = self
            .lang
            .text("tui-frontdesk-type-number-enter-g-guest-f10");
        let [left, right] = Layout::horizontal([
            Constraint::Min(10),
            Constraint::Length(keys.chars().count() as u16),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {text}"), style)),
            left,
        );
        frame.render_widget(Paragraph::new(keys), right);
    }

    fn draw_idle(&self, frame: &mut Frame, area: Rect) {
        let block = Block::bordered();
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [mid] = Layout::vertical([Constraint::Length(3)])
            .flex(Flex::Center)
            .areas(inner);
        let text = vec![
            Line::styled(
                self.lang
                    .text("tui-frontdesk-please-scan-your-membership-card"),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Line::raw(""),
            Line::raw(
                self.lang
                    .text("tui-frontdesk-guests-without-a-card-press-g"),
            ),
        ];
        frame.render_widget(Paragraph::new(text).alignment(Alignment::Center), mid);
    }

    /// A panel with a coloured banner on top (the verdict, readable from across the room) and
    /// `body` below.
    fn draw_banner_panel(
        &self,
        frame: &mut Frame,
        area: Rect,
        colour: Color,
        title: &str,
        body: Vec<Line<'static>>,
    ) {
        let rest = banner_panel(frame, area, colour, title);
        frame.render_widget(Paragraph::new(body).wrap(Wrap { trim: false }), rest);
    }

    fn draw_check_in(&mut self, frame: &mut Frame, area: Rect, c: &CheckIn) {
        let (colour, title) = match &c.verdict {
            Verdict::Welcome => (GREEN, self.lang.text("tui-frontdesk-welcome")),
            Verdict::Warn(_) => (AMBER, self.lang.text("tui-frontdesk-come-in-note")),
            Verdict::Refuse(_) => (RED, self.lang.text("tui-frontdesk-cannot-enter")),
        };
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let mut body: Vec<Line<'static>> = Vec::new();
        if let Some(m) = &c.member {
            body.push(Line::styled(m.name.clone(), bold));
            body.push(Line::raw(""));
            let row = |k: &str, v: String| Line::raw(format!("{k:<16}{v}"));
            body.push(row(
                self.lang.text("tui-frontdesk-member-no"),
                m.member_no.clone(),
            ));
            body.push(row(
                self.lang.text("tui-frontdesk-member-type"),
                // The member type's two names come from the configuration, not the catalogues.
                if self.lang == Lang::En {
                    m.type_name_en.clone()
                } else {
                    m.type_name.clone()
                },
            ));
            body.push(row(
                self.lang.text("tui-frontdesk-valid-until"),
                m.valid_until
                    .map_or_else(|| "—".into(), |d| d.strftime("%d-%m-%Y").to_string()),
            ));
            body.push(Line::raw(""));
        }
        if let Some(r) = c.verdict.reason() {
            body.push(Line::styled(r.localized(self.lang), bold.fg(colour)));
        }
        if c.repeat {
            let at = c
                .last_visit
                .map(|t| {
                    t.to_zoned(self.desk.clock.tz().clone())
                        .strftime("%H:%M")
                        .to_string()
                })
                .unwrap_or_default();
            body.push(Line::raw(crate::t!(
                self.lang,
                "tui-frontdesk-already-counted-at",
                at = at
            )));
        }
        if c.first_scan_recorded {
            body.push(Line::raw(
                self.lang.text("tui-frontdesk-first-scan-of-the-new-card"),
            ));
        }
        let rest = banner_panel(frame, area, colour, title);
        let text_area = match (&c.member, &c.photo) {
            (Some(_), Some(jpeg)) => {
                let [photo, _gap, text] = Layout::horizontal([
                    Constraint::Length(PHOTO_COLS),
                    Constraint::Length(2),
                    Constraint::Min(10),
                ])
                .areas(rest);
                self.photo
                    .draw_with(frame, photo, jpeg, c.preview.as_deref());
                text
            }
            _ => rest,
        };
        frame.render_widget(Paragraph::new(body).wrap(Wrap { trim: false }), text_area);
    }

    fn draw_guest(&self, frame: &mut Frame, area: Rect, v: &Visit) {
        let Visitor::Guest(g) = &v.visitor else {
            return;
        };
        let row = |k: &str, v: String| Line::raw(format!("{k:<16}{v}"));
        let body = vec![
            Line::styled(g.name.clone(), Style::new().add_modifier(Modifier::BOLD)),
            Line::raw(""),
            row(
                self.lang.text("tui-frontdesk-institution"),
                g.institution.clone(),
            ),
            row(self.lang.text("tui-frontdesk-purpose"), g.purpose.clone()),
            row(
                self.lang.text("tui-frontdesk-group-size"),
                g.group_size.to_string(),
            ),
        ];
        self.draw_banner_panel(
            frame,
            area,
            GREEN,
            self.lang.text("tui-frontdesk-guest-recorded"),
            body,
        );
    }
}

/// Draws the bordered panel and its coloured banner; returns the area below the banner.
fn banner_panel(frame: &mut Frame, area: Rect, colour: Color, title: &str) -> Rect {
    let block = Block::bordered().border_style(Style::new().fg(colour));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [banner, rest] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(inner);
    let style = Style::new()
        .bg(colour)
        .fg(Color::Black)
        .add_modifier(Modifier::BOLD);
    frame.render_widget(
        Paragraph::new(vec![Line::raw(""), Line::raw(title.to_string())])
            .alignment(Alignment::Center)
            .style(style),
        banner,
    );
    rest.inner(ratatui::layout::Margin::new(1, 1))
}

/// What the loop waits for: a terminal event or a word from the serial task.
#[derive(Debug)]
pub enum Input {
    Terminal(Event, Instant),
    Scanner(ScannerEvent),
}

/// Runs the serial task on a runtime of its own thread and forwards its events into `tx`,
/// so the screen's loop waits on one channel for keys and scans alike, with no polling.
pub fn spawn_serial_bridge(
    config: ScannerConfig,
    tx: std_mpsc::Sender<Input>,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name("scanner".into())
        .spawn(move || {
            let rt = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(_) => return,
            };
            rt.block_on(async move {
                let (stx, mut srx) = tokio::sync::mpsc::channel(16);
                let _task = crate::scanner::serial::spawn(config, stx);
                while let Some(ev) = srx.recv().await {
                    if tx.send(Input::Scanner(ev)).is_err() {
                        break;
                    }
                }
            });
        })
}

/// How often the count is re-read for visits other front desks recorded.
const REFRESH: Duration = Duration::from_secs(2);

/// The front desk on the real terminal until `q`. The terminal is restored on every way
/// out, a panic included, so the entrance PC never stays in raw mode.
pub fn run_frontdesk(
    desk: &Desk,
    lang: Lang,
    scanner: ScannerConfig,
    preview: crate::photo::PreviewProtocol,
) -> anyhow::Result<()> {
    use crossterm::{execute, terminal};
    let wedge = scanner.wedge.clone();
    crossterm::terminal::enable_raw_mode()?;
    execute!(std::io::stdout(), terminal::EnterAlternateScreen)?;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::terminal::disable_raw_mode();
        let _ = execute!(std::io::stdout(), crossterm::terminal::LeaveAlternateScreen);
        hook(info);
    }));
    let result = run_loop(desk, lang, scanner, preview, wedge);
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = execute!(std::io::stdout(), terminal::LeaveAlternateScreen);
    let _ = std::panic::take_hook();
    result
}

fn run_loop(
    desk: &Desk,
    lang: Lang,
    scanner: ScannerConfig,
    preview: crate::photo::PreviewProtocol,
    wedge: crate::scanner::WedgeConfig,
) -> anyhow::Result<()> {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))?;
    // The picker asks the terminal, so before the event thread starts reading its answers.
    let picker = crate::tui::screens::photo::picker_for(preview);
    let mut fd = FrontDesk::new(desk, lang, picker);
    let (tx, rx) = std_mpsc::channel();
    if scanner.port.is_some() {
        fd.scanner = ScannerStatus::Connecting;
        spawn_serial_bridge(scanner, tx.clone())?;
    }
    std::thread::Builder::new()
        .name("keys".into())
        .spawn(move || {
            while let Ok(ev) = crossterm::event::read() {
                if tx.send(Input::Terminal(ev, Instant::now())).is_err() {
                    break;
                }
            }
        })?;
    let mut filter = WedgeFilter::new(wedge);
    let mut changes = desk.store.changes().unwrap_or(0);
    let mut next_refresh = Instant::now() + REFRESH;
    let mut day = desk.clock.today();
    loop {
        terminal.draw(|f| fd.draw(f, f.area()))?;
        if fd.take_bell() {
            let mut out = std::io::stdout();
            out.write_all(b"\x07")?;
            out.flush()?;
        }
        let wake = filter
            .deadline()
            .map_or(next_refresh, |d| d.min(next_refresh));
        let routed = match rx.recv_timeout(wake.saturating_duration_since(Instant::now())) {
            Ok(Input::Terminal(ev, at)) => filter.event(ev, at),
            Ok(Input::Scanner(ev)) => {
                fd.on_scanner_event(ev);
                Vec::new()
            }
            Err(std_mpsc::RecvTimeoutError::Timeout) => filter.tick(Instant::now()),
            Err(std_mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        };
        for r in routed {
            match r {
                Routed::Scan(code) => fd.on_scan(&code),
                Routed::Event(Event::Key(k)) => {
                    if fd.handle_key(k) == Outcome::Quit {
                        return Ok(());
                    }
                }
                Routed::Event(_) => {}
            }
        }
        if Instant::now() >= next_refresh {
            next_refresh = Instant::now() + REFRESH;
            // Someone else wrote, or midnight passed: today's count is to be read again.
            let now = desk.store.changes().unwrap_or(changes);
            if now != changes || desk.clock.today() != day {
                changes = now;
                day = desk.clock.today();
                fd.refresh();
            }
        }
    }
}

#[cfg(test)]
mod tests;
