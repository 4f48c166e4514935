//! The counter program's state and its one way to change: screens turn keys into [`Action`]s,
//! [`App::update`] carries them out through the service layer, and drawing reads the state.
//! No terminal here: tests drive it with synthetic events and a `TestBackend`.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_image::picker::Picker;

use crate::config::{Clock, Config, os_actor};
use crate::domain::member::MemberDraft;
use crate::domain::staff::{Account, Role};
use crate::domain::workflow::{self, Actor, RequestKind, RequestState};
use crate::i18n::{Lang, Localized};

use crate::service::printing::PrintChoice;
use crate::service::{Desk, Verification, users};
use crate::store::Store;

use super::screens::audit::{self, AuditScreen};
use super::screens::dashboard::DashboardScreen;
use super::screens::detail::{DetailScreen, Mode, SideExit};
use super::screens::login::LoginScreen;
use super::screens::members::{MemberRow, MembersScreen};
use super::screens::queue::{QueueScreen, Row};
use super::screens::register::RegisterScreen;
use super::screens::{Keys, help};
use super::theme::{Theme, TuiConfig, no_color_from_env};

mod card_check;
mod care;
mod draw;
mod load;
mod marked;
mod reload;
mod signin;
mod steps;

pub use care::{AccountAction, Correct};

/// Everything that changes the program's state. Screens return these; only [`App::update`]
/// acts on them.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    ToggleHelp,
    ToggleLang,
    Login {
        name: String,
        password: String,
    },
    /// First run: the administrator's account.
    CreateAdmin {
        name: String,
        full_name: String,
        password: String,
        again: String,
    },
    /// The account's own new password, typed twice (after an administrator set one).
    ChoosePassword {
        password: String,
        again: String,
    },
    Logout,
    OpenRegister,
    Register(Box<MemberDraft>),
    /// The form holds a whole NIK: is it an active member's already?
    CheckNik(String),
    OpenDetail(String),
    /// Back to the queue.
    Back,
    /// A barcode scan (keyboard wedge or serial): the member number on a card or a slip.
    Scan(String),
    Step(Step),
    /// A screen's own message for the clerk: its id in the catalogues.
    Notice(&'static str),
    /// The marked verified requests, printed on one sheet (SOP 5).
    PrintMarked(Vec<String>),
    /// The marked printed requests, back from cutting and laminating (SOP 6).
    LaminateMarked(Vec<String>),
    /// The members screen (issue 3): search, cards and requests, renewal or replacement.
    OpenMembers,
    /// The members screen's search field changed.
    SearchMembers(String),
    /// The supervisor's dashboard (supervisors and administrators).
    OpenDashboard,
    /// The queue of card requests.
    OpenQueue,
    /// The audit log (administrators).
    OpenAudit,
    /// The audit screen's filter changed.
    SearchAudit(String),
    /// A renewal or a replacement for this member, opened at the counter.
    StartRequest {
        no: String,
        kind: RequestKind,
    },
    /// Correcting a member's data, undoing a step (issue 13).
    Correct(Correct),
    /// The administrator's accounts screen and its changes.
    Accounts(AccountAction),
}

/// The clerk's steps on the request shown in the detail screen (SOP 2–8).
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Call,
    /// A photo from this file, or (empty) from the capture command or the inbox folder.
    LoadPhoto(String),
    /// The photo already stored (sent with an online registration) into the editor, to be
    /// checked against the person and cropped: SOP 3 on the online path.
    EditStoredPhoto,
    SavePhoto,
    OpenChecklist,
    Verify(Verification),
    Print,
    Laminate,
    HandOver {
        received_by: String,
    },
    /// A supervisor hands the request to this clerk (not a step; audited).
    Reassign {
        to: String,
    },
    /// Reject, cancel or reprint, with the reason typed.
    SideExit {
        exit: SideExit,
        reason: String,
    },
}

impl PartialEq for Verification {
    fn eq(&self, other: &Self) -> bool {
        self.document == other.document
            && self.failed == other.failed
            && self.duplicate_reason == other.duplicate_reason
    }
}

pub enum Screen {
    Login(LoginScreen),
    Queue(QueueScreen),
    Register(Box<RegisterScreen>),
    Detail(Box<DetailScreen>),
    Members(Box<MembersScreen>),
    Audit(Box<AuditScreen>),
    Dashboard(Box<DashboardScreen>),
    Accounts(Box<super::screens::accounts::AccountsScreen>),
}

/// What drawing needs besides a screen's own state.
pub struct View<'a> {
    pub lang: Lang,
    pub theme: &'a Theme,
    pub clock: &'a Clock,
    pub now: Timestamp,
    pub config: &'a Config,
}

/// A message under the screen until the next key: what happened and what to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

pub struct App {
    store: Store,
    config: Config,
    clock: Clock,
    pub lang: Lang,
    theme: Theme,
    picker: Picker,
    terminal: String,
    user: Option<Account>,
    pub screen: Screen,
    help: bool,
    notice: Option<Notice>,
    /// The store's change counter when the screen last loaded its data.
    seen_changes: u64,
    now: Timestamp,
    quit: bool,
    /// `loket kiosk`: the registration form only, for applicants at a self-service terminal.
    kiosk: bool,
    /// When the last key came (the idle lock counts from it), and the screen the lock keeps.
    last_key: Timestamp,
    locked: Option<Box<Screen>>,
    undo_prompt: Option<super::screens::undo::UndoPrompt>,
    config_watch: Option<(std::path::PathBuf, Option<std::time::SystemTime>)>,
}

impl App {
    /// The self-service kiosk: no sign-in, only the registration form (SOP 1), which starts
    /// empty again after each applicant has seen their number. Registrations are recorded
    /// under the account name `kiosk` and this terminal.
    pub fn kiosk(store: Store, config: Config, clock: Clock, lang: Lang) -> anyhow::Result<App> {
        let mut app = App::new(store, config, clock, lang)?;
        app.kiosk = true;
        app.user = Some(users::kiosk_account(app.now));
        app.update(Action::OpenRegister);
        Ok(app)
    }

    pub fn new(store: Store, config: Config, clock: Clock, lang: Lang) -> anyhow::Result<App> {
        let first_run = store.accounts()?.is_empty();
        let tui: TuiConfig = config.section("tui")?;
        let theme = Theme::load(&tui, no_color_from_env()).unwrap_or_else(|_| Theme::default());
        let now = clock.now();
        Ok(App {
            seen_changes: store.changes()?,
            store,
            config,
            clock,
            lang,
            theme,
            picker: Picker::halfblocks(),
            terminal: os_actor().terminal,
            user: None,
            screen: Screen::Login(LoginScreen::new(first_run)),
            help: false,
            notice: None,
            now,
            quit: false,
            kiosk: false,
            last_key: now,
            locked: None,
            undo_prompt: None,
            config_watch: None,
        })
    }

    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The image protocol for photo previews (asked of the terminal by `run`).
    pub fn set_picker(&mut self, picker: Picker) {
        self.picker = picker;
    }

    pub fn set_terminal_name(&mut self, name: &str) {
        self.terminal = name.to_string();
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    pub fn user(&self) -> Option<&Account> {
        self.user.as_ref()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    fn role(&self) -> Option<Role> {
        self.user.as_ref().map(|u| u.role)
    }

    fn desk(&self) -> Desk<'_> {
        let user = self
            .user
            .as_ref()
            .map(|u| u.name.clone())
            .unwrap_or_default();
        Desk::new(
            &self.store,
            &self.config,
            &self.clock,
            Actor {
                user,
                terminal: self.terminal.clone(),
            },
        )
    }

    fn say(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
    }

    fn fail(&mut self, e: &dyn Localized) {
        self.notice = Some(Notice {
            text: e.localized(self.lang),
            error: true,
        });
    }

    /// A terminal event (after the wedge filter took the scans out).
    pub fn handle(&mut self, event: Event) {
        let Event::Key(key) = event else { return };
        if key.kind == KeyEventKind::Release {
            return;
        }
        self.notice = None;
        self.last_key = self.now;
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return;
        }
        if self.help {
            // Any key closes the overlay; it never reaches the screen behind it.
            self.help = false;
            return;
        }
        if self.undo_prompt_key(key) {
            return;
        }
        let typing = match &self.screen {
            Screen::Login(_) | Screen::Register(_) => true,
            Screen::Queue(q) => q.typing(),
            Screen::Detail(d) => d.typing(),
            Screen::Members(m) => m.typing(),
            Screen::Audit(a) => a.typing(),
            Screen::Dashboard(_) => false,
            Screen::Accounts(a) => a.typing(),
        };
        match key.code {
            KeyCode::F(1) => return self.update(Action::ToggleHelp),
            KeyCode::F(2) => return self.update(Action::ToggleLang),
            KeyCode::Char('?') if !typing => return self.update(Action::ToggleHelp),
            _ => {}
        }
        if let Some(action) = self.care_key(key).or_else(|| self.screen_key(key)) {
            self.update(action);
        }
    }

    fn screen_key(&mut self, key: KeyEvent) -> Option<Action> {
        match &mut self.screen {
            Screen::Login(s) => s.handle_key(key),
            Screen::Queue(s) => s.handle_key(key),
            Screen::Register(s) => s.handle_key(key),
            Screen::Detail(s) => s.handle_key(key),
            Screen::Members(s) => s.handle_key(key),
            Screen::Audit(s) => s.handle_key(key),
            Screen::Dashboard(s) => s.handle_key(key),
            Screen::Accounts(s) => s.handle_key(key),
        }
    }

    /// A scan from the keyboard wedge or the serial scanner.
    pub fn scan(&mut self, text: String) {
        if self.scan_as_typing(&text) {
            return;
        }
        self.update(Action::Scan(text));
    }

    /// Called a few times a second: the clock for the timings, and whatever other processes
    /// wrote since the last look.
    pub fn tick(&mut self, now: Timestamp) {
        self.now = now;
        self.lock_if_idle();
        self.reload_config_if_changed();
        // Time alone moves requests over their standard: the list is re-sorted every tick.
        if let Screen::Dashboard(d) = &mut self.screen {
            d.order(now, &self.config.standard_minutes);
        }
        match self.store.changes() {
            Ok(n) if n != self.seen_changes => self.reload(),
            Ok(_) => {}
            Err(e) => self.fail(&e),
        }
    }

    fn supervises(&self) -> bool {
        self.role().is_some_and(Role::supervises)
    }

    /// Where an account starts and Esc returns to: the dashboard for a supervisor (they
    /// watch the service), the queue for everyone else (they work it).
    fn go_home(&mut self) {
        if self.role() == Some(Role::Supervisor) {
            self.update(Action::OpenDashboard);
        } else {
            self.go_queue();
        }
    }

    fn go_queue(&mut self) {
        self.screen = Screen::Queue(QueueScreen::new());
        self.reload();
    }

    fn open_detail(&mut self, no: &str) {
        match self.detail_data(no) {
            Ok((m, r, p)) => {
                let role = self.role().unwrap_or(Role::Supervisor);
                let mut d = DetailScreen::new(no, role, self.picker.clone());
                d.set_data(m, r, p);
                self.screen = Screen::Detail(Box::new(d));
            }
            Err(e) => self.fail(&e),
        }
    }

    pub fn update(&mut self, action: Action) {
        // The kiosk knows one screen: leaving it, or anything a clerk does, starts a new form.
        if self.kiosk
            && matches!(
                action,
                Action::Back
                    | Action::OpenDetail(_)
                    | Action::Logout
                    | Action::Scan(_)
                    | Action::Step(_)
                    | Action::OpenMembers
                    | Action::SearchMembers(_)
                    | Action::OpenAudit
                    | Action::SearchAudit(_)
                    | Action::OpenDashboard
                    | Action::OpenQueue
                    | Action::StartRequest { .. }
                    | Action::Correct(_)
                    | Action::Accounts(_)
            )
        {
            return self.update(Action::OpenRegister);
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.help = !self.help,
            Action::ToggleLang => self.lang = self.lang.next(),
            Action::Notice(id) => {
                self.notice = Some(Notice {
                    text: crate::t!(self.lang, id),
                    error: true,
                });
            }
            Action::PrintMarked(_) | Action::LaminateMarked(_)
                if !self.role().is_some_and(Role::performs_steps) =>
            {
                self.supervisor_refused()
            }
            Action::PrintMarked(nos) => {
                self.print_marked(&nos);
                self.reload();
            }
            Action::LaminateMarked(nos) => {
                self.laminate_marked(&nos);
                self.reload();
            }
            Action::Login { name, password } => self.login(&name, &password),
            Action::CreateAdmin {
                name,
                full_name,
                password,
                again,
            } => self.create_admin(&name, &full_name, &password, &again),
            Action::ChoosePassword { password, again } => self.choose_password(&password, &again),
            Action::Correct(c) => self.correct(c),
            Action::Accounts(a) => self.accounts(a),
            Action::Logout => {
                self.user = None;
                self.locked = None;
                self.screen = Screen::Login(LoginScreen::new(false));
            }
            Action::OpenRegister => {
                if !self.role().is_some_and(Role::performs_steps) {
                    return self.supervisor_refused();
                }
                let s = {
                    let desk = self.desk();
                    let rules = desk.rules();
                    RegisterScreen::new(rules.today, rules.member_types, rules.regency_code)
                };
                self.screen = Screen::Register(Box::new(s));
            }
            Action::Register(draft) => {
                let result = self.desk().register(&draft, workflow::Source::Counter);
                match result {
                    Ok(r) => {
                        if let Screen::Register(s) = &mut self.screen {
                            s.registered(&r);
                        }
                    }
                    Err(crate::service::ServiceError::Invalid(errors)) => {
                        if let Screen::Register(s) = &mut self.screen {
                            s.show_errors(errors);
                        }
                        self.notice = Some(Notice {
                            text: crate::t!(self.lang, "tui-app-the-form-is-not-complete-fix"),
                            error: true,
                        });
                    }
                    Err(e) => self.fail(&e),
                }
            }
            Action::CheckNik(nik) => {
                let holder = self.store.nik_holder(&nik, None);
                match holder {
                    Ok(h) => {
                        if let Screen::Register(s) = &mut self.screen {
                            s.set_nik_holder(h.map(|m| m.member_no.to_string()));
                        }
                    }
                    Err(e) => self.fail(&e),
                }
            }
            Action::OpenDetail(no) => self.open_detail(&no),
            Action::Back => self.go_home(),
            Action::OpenQueue => self.go_queue(),
            Action::OpenDashboard => {
                if !self.supervises() {
                    return self
                        .update(Action::Notice("tui-app-the-overview-is-for-supervisor-and"));
                }
                self.screen = Screen::Dashboard(Box::new(DashboardScreen::new()));
                self.load_dashboard();
            }
            Action::Scan(text) => self.on_scan(&text),
            Action::Step(step) => {
                // Supervisors end requests and hand them on; the clerk's steps are staff's.
                let supervises = self.supervises();
                let performs = self.role().is_some_and(Role::performs_steps);
                let allowed = match &step {
                    Step::Reassign { .. } => supervises,
                    Step::SideExit {
                        exit: SideExit::Cancel,
                        ..
                    } => performs || supervises,
                    _ => performs,
                };
                if !allowed {
                    return self.supervisor_refused();
                }
                self.step(step);
                self.reload();
            }
            Action::OpenMembers => {
                if self.user.is_some() {
                    self.screen = Screen::Members(Box::new(MembersScreen::new()));
                }
            }
            Action::SearchMembers(query) => self.search_members(&query),
            Action::OpenAudit => {
                if self.role() != Some(Role::Admin) {
                    return self
                        .update(Action::Notice("tui-app-the-audit-log-is-for-administrator"));
                }
                self.screen = Screen::Audit(Box::new(AuditScreen::new()));
                self.load_audit("");
            }
            Action::SearchAudit(filter) => self.load_audit(&filter),
            Action::StartRequest { no, kind } => {
                if !self.role().is_some_and(Role::performs_steps) {
                    return self.supervisor_refused();
                }
                let started = self.desk().start(&no, kind, workflow::Source::Counter);
                match started {
                    Ok(_) => {
                        self.open_detail(&no);
                        let text = match kind {
                            RequestKind::Replacement => crate::t!(
                                self.lang,
                                "tui-app-replacement-request-opened-the-old-card"
                            ),
                            _ => crate::t!(
                                self.lang,
                                "tui-app-renewal-request-opened-enter-call-the"
                            ),
                        };
                        if self.notice.is_none() {
                            self.say(text);
                        }
                    }
                    Err(e) => self.fail(&e),
                }
            }
        }
    }

    fn supervisor_refused(&mut self) {
        self.notice = Some(Notice {
            text: crate::t!(self.lang, "tui-app-a-supervisor-s-account-watches-cancels"),
            error: true,
        });
    }
}

pub(super) fn role_text(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Staff => lang.text("tui-app-staff"),
        Role::Supervisor => lang.text("tui-app-supervisor"),
        Role::Admin => "admin",
    }
}
