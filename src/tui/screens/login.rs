//! Signing in with a staff account; on a store with no accounts yet, the first-run form that
//! creates the administrator (so a fresh install never runs with nobody answerable).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};

use super::Keys;
use crate::i18n::Lang;
use crate::tui::app::{Action, View};
use crate::tui::widgets::TextInput;

/// What the sign-in box is for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Purpose {
    SignIn,
    FirstRun,
    /// The counter locked itself while `name` was signed in; their screen waits behind it.
    Locked {
        name: String,
    },
    /// An administrator set `name`'s password: they choose their own before going on.
    NewPassword {
        name: String,
    },
}

pub struct LoginScreen {
    first_run: bool,
    purpose: Purpose,
    fields: Vec<TextInput>,
    focus: usize,
}

impl LoginScreen {
    pub fn new(first_run: bool) -> LoginScreen {
        let fields = if first_run {
            vec![
                TextInput::default(),
                TextInput::default(),
                TextInput::secret(),
                TextInput::secret(),
            ]
        } else {
            vec![TextInput::default(), TextInput::secret()]
        };
        LoginScreen {
            first_run,
            purpose: if first_run {
                Purpose::FirstRun
            } else {
                Purpose::SignIn
            },
            fields,
            focus: 0,
        }
    }

    /// The idle lock: the clerk's name filled in, the password to type.
    pub fn locked(name: &str) -> LoginScreen {
        let mut s = LoginScreen::new(false);
        s.fields[0].value = name.to_string();
        s.focus = 1;
        s.purpose = Purpose::Locked {
            name: name.to_string(),
        };
        s
    }

    /// After signing in with a password an administrator set: a new one, twice.
    pub fn new_password(name: &str) -> LoginScreen {
        LoginScreen {
            first_run: false,
            purpose: Purpose::NewPassword {
                name: name.to_string(),
            },
            fields: vec![TextInput::secret(), TextInput::secret()],
            focus: 0,
        }
    }

    /// Whose screen the lock keeps, when this is the idle lock.
    pub fn locked_for(&self) -> Option<&str> {
        match &self.purpose {
            Purpose::Locked { name } => Some(name),
            _ => None,
        }
    }

    pub fn title(&self, lang: Lang) -> &'static str {
        match self.purpose {
            Purpose::FirstRun => lang.text("tui-login-first-run"),
            Purpose::SignIn => lang.text("tui-login-sign-in"),
            Purpose::Locked { .. } => lang.text("tui-login-counter-locked"),
            Purpose::NewPassword { .. } => lang.text("tui-login-new-password"),
        }
    }

    /// After a failed attempt: the name stays, the password is typed again.
    pub fn clear_password(&mut self) {
        for f in self.fields.iter_mut().filter(|f| f.secret) {
            f.value.clear();
        }
        self.focus = self.fields.iter().position(|f| f.secret).unwrap_or(0);
    }

    fn labels(&self, lang: Lang) -> Vec<&'static str> {
        if let Purpose::NewPassword { .. } = self.purpose {
            return vec![
                lang.text("tui-login-new-password-2"),
                lang.text("tui-login-again"),
            ];
        }
        if self.first_run {
            vec![
                lang.text("tui-login-account-name"),
                lang.text("tui-login-full-name"),
                lang.text("tui-login-password"),
                lang.text("tui-login-again"),
            ]
        } else {
            vec![
                lang.text("tui-login-account-name"),
                lang.text("tui-login-password"),
            ]
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        let last = self.fields.len() - 1;
        match key.code {
            // A locked counter is not closed by whoever walks up to it; a new password is
            // chosen or the sign-in starts again.
            KeyCode::Esc => {
                return match self.purpose {
                    Purpose::Locked { .. } => None,
                    Purpose::NewPassword { .. } => Some(Action::Logout),
                    _ => Some(Action::Quit),
                };
            }
            KeyCode::Up | KeyCode::BackTab => self.focus = self.focus.saturating_sub(1),
            KeyCode::Down | KeyCode::Tab => self.focus = (self.focus + 1).min(last),
            KeyCode::Enter if self.focus < last => self.focus += 1,
            KeyCode::Enter => {
                let v: Vec<String> = self.fields.iter().map(|f| f.value.clone()).collect();
                if let Purpose::NewPassword { .. } = self.purpose {
                    return Some(Action::ChoosePassword {
                        password: v[0].clone(),
                        again: v[1].clone(),
                    });
                }
                return Some(if self.first_run {
                    Action::CreateAdmin {
                        name: v[0].clone(),
                        full_name: v[1].clone(),
                        password: v[2].clone(),
                        again: v[3].clone(),
                    }
                } else {
                    Action::Login {
                        name: v[0].clone(),
                        password: v[1].clone(),
                    }
                });
            }
            _ if key.modifiers.contains(KeyModifiers::ALT) => {}
            _ => {
                self.fields[self.focus].edit(&key);
            }
        }
        None
    }

    pub fn keys(&self, lang: Lang) -> Keys {
        vec![
            ("Enter", lang.text("tui-login-next-sign-in")),
            ("↑↓", lang.text("tui-login-move-between-fields")),
        ]
        .into_iter()
        .chain(match self.purpose {
            Purpose::Locked { .. } => None,
            Purpose::NewPassword { .. } => Some(("Esc", lang.text("tui-login-cancel-sign-in"))),
            _ => Some(("Esc", lang.text("tui-login-quit"))),
        })
        .collect()
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, v: &View) {
        let lang = v.lang;
        let intro = match &self.purpose {
            Purpose::FirstRun => lang
                .text("tui-login-there-are-no-accounts-yet-create")
                .to_string(),
            Purpose::SignIn => lang
                .text("tui-login-sign-in-with-your-staff-account")
                .to_string(),
            Purpose::Locked { name } => {
                crate::t!(lang, "tui-login-locked-after-idle", name = name.as_str())
            }
            Purpose::NewPassword { name } => {
                crate::t!(
                    lang,
                    "tui-login-password-set-by-admin",
                    name = name.as_str()
                )
            }
        };
        let mut lines = vec![Line::raw(intro)];
        lines.push(Line::raw(""));
        for (i, (label, field)) in self.labels(lang).into_iter().zip(&self.fields).enumerate() {
            let mark = if i == self.focus { "▸ " } else { "  " };
            let text = format!("{mark}{label:<14} {}", field.shown());
            if i == self.focus {
                lines.push(Line::styled(format!("{text}▏"), v.theme.selection));
            } else {
                lines.push(Line::raw(text));
            }
        }
        if self.first_run {
            lines.push(Line::raw(""));
            lines.push(Line::raw(lang.text("tui-login-a-password-has-at-least-8")));
        }
        // Borders and padding take 4 rows; the intro wraps onto two or three rows in a
        // 60-column box.
        let extra = if matches!(self.purpose, Purpose::SignIn | Purpose::FirstRun) {
            5
        } else {
            7
        };
        let height = (lines.len() as u16 + extra).min(area.height);
        let width = 60.min(area.width);
        let [row] = Layout::vertical([Constraint::Length(height)])
            .flex(Flex::Center)
            .areas(area);
        let [boxed] = Layout::horizontal([Constraint::Length(width)])
            .flex(Flex::Center)
            .areas(row);
        let name = v.config.library.name.clone();
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: false }).block(
                Block::bordered()
                    .padding(Padding::uniform(1))
                    .title(format!(" {name} ")),
            ),
            boxed,
        );
    }
}
