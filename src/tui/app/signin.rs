//! Signing in, the first run's administrator, choosing one's own password, and the idle lock
//! that keeps a clerk's half-done screen for the same clerk.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::domain::signin::idle_expired;
use crate::domain::staff::Role;
use crate::domain::workflow::Actor;
use crate::service::settings::CounterSettings;
use crate::service::{accounts, users};
use crate::tui::screens::login::LoginScreen;

use super::{App, Notice, Screen};

impl App {
    pub(super) fn login(&mut self, name: &str, password: &str) {
        // Nobody is signed in yet: a wrong password is recorded against the account typed
        // (the subject) from this terminal, not as that account's own act.
        let actor = Actor {
            user: "-".into(),
            terminal: self.terminal.clone(),
        };
        match accounts::sign_in(&self.store, name, password, &actor, self.clock.now()) {
            Ok(a) => {
                let locked_for = match &self.screen {
                    Screen::Login(s) => s.locked_for().map(str::to_string),
                    _ => None,
                };
                let kept = self.locked.take();
                let must_change = a.must_change_password;
                let same_clerk = locked_for.as_deref() == Some(a.name.as_str());
                self.user = Some(a);
                match kept {
                    // The same clerk back at a locked counter: their screen as they left it.
                    Some(screen) if same_clerk && !must_change => {
                        self.screen = *screen;
                        self.reload();
                    }
                    _ if must_change => {
                        let name = self
                            .user
                            .as_ref()
                            .map(|u| u.name.clone())
                            .unwrap_or_default();
                        self.screen = Screen::Login(LoginScreen::new_password(&name));
                    }
                    _ => self.go_home(),
                }
            }
            Err(e) => {
                if let Screen::Login(s) = &mut self.screen {
                    s.clear_password();
                }
                self.fail(&e);
            }
        }
    }

    /// The account's own password, after an administrator set one.
    pub(super) fn choose_password(&mut self, password: &str, again: &str) {
        if password != again {
            self.notice = Some(Notice {
                text: crate::t!(
                    self.lang,
                    "tui-app-signin-the-two-passwords-differ-type-the"
                ),
                error: true,
            });
            if let Screen::Login(s) = &mut self.screen {
                s.clear_password();
            }
            return;
        }
        let Some(name) = self.user.as_ref().map(|u| u.name.clone()) else {
            return;
        };
        let actor = self.desk().actor;
        match accounts::choose_own_password(&self.store, &name, password, &actor, self.clock.now())
        {
            Ok(a) => {
                self.user = Some(a);
                self.go_home();
                self.say(crate::t!(
                    self.lang,
                    "tui-app-signin-your-new-password-is-saved-use"
                ));
            }
            Err(e) => {
                if let Screen::Login(s) = &mut self.screen {
                    s.clear_password();
                }
                self.fail(&e);
            }
        }
    }

    /// Locks a signed-in counter left idle for the configured time: the screen is kept for
    /// the same clerk behind the sign-in box.
    pub(super) fn lock_if_idle(&mut self) {
        if self.kiosk || self.locked.is_some() {
            return;
        }
        let Some(name) = self.user.as_ref().map(|u| u.name.clone()) else {
            return;
        };
        // The supervisor's overview is a screen left up to watch (a wall screen, say); it
        // opens nothing by itself, and a request opened from it counts as a key.
        if matches!(self.screen, Screen::Login(_) | Screen::Dashboard(_)) {
            return;
        }
        let idle = self
            .config
            .section::<CounterSettings>("counter")
            .unwrap_or_default()
            .idle_lock();
        if !idle_expired(self.last_key, self.now, idle) {
            return;
        }
        let screen = std::mem::replace(&mut self.screen, Screen::Login(LoginScreen::locked(&name)));
        self.locked = Some(Box::new(screen));
        self.user = None;
        self.undo_prompt = None;
        self.help = false;
        self.notice = None;
    }

    /// A fast burst of keys ending in Enter where a scan means nothing (signing in, the first
    /// run, a form, the undo's reason): it was typed or pasted, so it is typed into the field.
    /// `true`: done so.
    pub(super) fn scan_as_typing(&mut self, text: &str) -> bool {
        let typing = self.undo_prompt.is_some()
            || matches!(self.screen, Screen::Login(_) | Screen::Register(_));
        if !typing {
            return false;
        }
        for c in text.chars() {
            self.handle(Event::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
        self.handle(Event::Key(KeyEvent::new(
            KeyCode::Enter,
            KeyModifiers::NONE,
        )));
        true
    }

    pub(super) fn create_admin(
        &mut self,
        name: &str,
        full_name: &str,
        password: &str,
        again: &str,
    ) {
        if password != again {
            self.notice = Some(Notice {
                text: crate::t!(
                    self.lang,
                    "tui-app-signin-the-two-passwords-differ-type-the-2"
                ),
                error: true,
            });
            return;
        }
        let account = match users::new_account(
            name.trim(),
            full_name.trim(),
            Role::Admin,
            password,
            self.clock.now(),
        ) {
            Ok(a) => a,
            Err(e) => return self.fail(&e),
        };
        let actor = Actor {
            user: account.name.clone(),
            terminal: self.terminal.clone(),
        };
        if let Err(e) = self.store.add_account(&account, &actor) {
            return self.fail(&e);
        }
        self.user = Some(account);
        self.go_queue();
        self.say(crate::t!(
            self.lang,
            "tui-app-signin-administrator-account-created-add-staff-accounts"
        ));
    }
}
