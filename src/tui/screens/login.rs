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

pub struct LoginScreen {
    first_run: bool,
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
            fields,
            focus: 0,
        }
    }

    pub fn title(&self, lang: Lang) -> &'static str {
        if self.first_run {
            lang.pick("Pemakaian pertama", "First run")
        } else {
            lang.pick("Masuk", "Sign in")
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
        if self.first_run {
            vec![
                lang.pick("Nama akun", "Account name"),
                lang.pick("Nama lengkap", "Full name"),
                lang.pick("Kata sandi", "Password"),
                lang.pick("Ulangi sandi", "Again"),
            ]
        } else {
            vec![
                lang.pick("Nama akun", "Account name"),
                lang.pick("Kata sandi", "Password"),
            ]
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        let last = self.fields.len() - 1;
        match key.code {
            KeyCode::Esc => return Some(Action::Quit),
            KeyCode::Up | KeyCode::BackTab => self.focus = self.focus.saturating_sub(1),
            KeyCode::Down | KeyCode::Tab => self.focus = (self.focus + 1).min(last),
            KeyCode::Enter if self.focus < last => self.focus += 1,
            KeyCode::Enter => {
                let v: Vec<String> = self.fields.iter().map(|f| f.value.clone()).collect();
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
            ("Enter", lang.pick("lanjut / masuk", "next / sign in")),
            ("↑↓", lang.pick("pindah kolom", "move between fields")),
            ("Esc", lang.pick("keluar", "quit")),
        ]
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, v: &View) {
        let lang = v.lang;
        let mut lines = vec![Line::raw(if self.first_run {
            lang.pick(
                "Belum ada akun. Buat akun administrator dulu; akun petugas ditambah sesudahnya.",
                "There are no accounts yet. Create the administrator first; staff accounts come after.",
            )
        } else {
            lang.pick(
                "Masuk dengan akun petugas. Setiap langkah dicatat atas nama Anda.",
                "Sign in with your staff account. Every step is recorded under your name.",
            )
        })];
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
            lines.push(Line::raw(lang.pick(
                "Kata sandi paling sedikit 8 karakter.",
                "A password has at least 8 characters.",
            )));
        }
        // Borders and padding take 4 rows; the intro wraps onto a second row in a 60-column box.
        let height = (lines.len() as u16 + 5).min(area.height);
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
