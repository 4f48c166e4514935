//! The administrator's accounts screen: every staff account with its role and state; keys
//! change the role, disable or enable, and set a new password (to be changed at the next
//! sign-in). The last active administrator is protected by the store, not by this screen.

use crossterm::event::{KeyCode, KeyEvent};
use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState};

use super::Keys;
use crate::domain::signin::minutes_to_wait;
use crate::domain::staff::{Account, Role};
use crate::i18n::Lang;
use crate::tui::app::{AccountAction, Action, View};
use crate::tui::widgets::{TextInput, select_down};

#[derive(Default)]
pub struct AccountsScreen {
    rows: Vec<Account>,
    table: TableState,
    /// A new password being typed for the selected account.
    password: Option<TextInput>,
}

fn role_text(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Staff => lang.text("tui-accounts-staff"),
        Role::Supervisor => lang.text("tui-accounts-supervisor"),
        Role::Admin => "admin",
    }
}

/// The role after `role` when the clerk presses `r`: staff → supervisor → admin → staff.
fn next_role(role: Role) -> Role {
    match role {
        Role::Staff => Role::Supervisor,
        Role::Supervisor => Role::Admin,
        Role::Admin => Role::Staff,
    }
}

impl AccountsScreen {
    pub fn new() -> AccountsScreen {
        AccountsScreen::default()
    }

    pub fn typing(&self) -> bool {
        self.password.is_some()
    }

    pub fn set_rows(&mut self, rows: Vec<Account>) {
        let selected = self.selected().map(|a| a.name.clone());
        self.rows = rows;
        let at = selected
            .and_then(|n| self.rows.iter().position(|a| a.name == n))
            .unwrap_or(0);
        self.table
            .select((!self.rows.is_empty()).then(|| at.min(self.rows.len() - 1)));
    }

    fn selected(&self) -> Option<&Account> {
        self.rows.get(self.table.selected()?)
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if let Some(input) = &mut self.password {
            match key.code {
                KeyCode::Esc => self.password = None,
                KeyCode::Enter => {
                    let password = input.value.clone();
                    self.password = None;
                    let name = self.selected()?.name.clone();
                    return Some(Action::Accounts(AccountAction::SetPassword {
                        name,
                        password,
                    }));
                }
                _ => {
                    input.edit(&key);
                }
            }
            return None;
        }
        let len = self.rows.len();
        match key.code {
            KeyCode::Esc => return Some(Action::Back),
            KeyCode::Up => self.table.select_previous(),
            KeyCode::Down => select_down(&mut self.table, len),
            KeyCode::Char('r') => {
                let a = self.selected()?;
                return Some(Action::Accounts(AccountAction::SetRole {
                    name: a.name.clone(),
                    role: next_role(a.role),
                }));
            }
            KeyCode::Char('n') => {
                let a = self.selected()?;
                return Some(Action::Accounts(AccountAction::SetActive {
                    name: a.name.clone(),
                    active: !a.active,
                }));
            }
            KeyCode::Char('p') if self.selected().is_some() => {
                self.password = Some(TextInput::secret());
            }
            _ => {}
        }
        None
    }

    pub fn keys(&self, lang: Lang) -> Keys {
        if self.password.is_some() {
            return vec![
                ("Enter", lang.text("tui-accounts-save-password")),
                ("Esc", lang.text("tui-accounts-cancel")),
            ];
        }
        vec![
            ("↑↓", lang.text("tui-accounts-choose-account")),
            ("r", lang.text("tui-accounts-change-role")),
            ("n", lang.text("tui-accounts-disable-enable")),
            ("p", lang.text("tui-accounts-new-password")),
            ("Esc", lang.text("tui-accounts-back")),
        ]
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, v: &View) {
        let lang = v.lang;
        let [list, info] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(4)]).areas(area);
        let rows: Vec<Row> = self
            .rows
            .iter()
            .map(|a| {
                Row::new(vec![
                    Cell::from(a.name.clone()),
                    Cell::from(a.full_name.clone()),
                    Cell::from(role_text(a.role, lang)),
                    Cell::from(state_text(a, v.now, lang)),
                ])
            })
            .collect();
        let header = Row::new(vec![
            lang.text("tui-accounts-account"),
            lang.text("tui-accounts-name"),
            lang.text("tui-accounts-role"),
            lang.text("tui-accounts-state"),
        ])
        .style(v.theme.accent);
        let table = Table::new(
            rows,
            [
                Constraint::Length(14),
                Constraint::Min(12),
                Constraint::Length(10),
                Constraint::Min(18),
            ],
        )
        .header(header)
        .row_highlight_style(v.theme.selection)
        .block(Block::bordered().title(lang.text("tui-accounts-staff-accounts")));
        frame.render_stateful_widget(table, list, &mut self.table);
        let text = match (&self.password, self.selected()) {
            (Some(input), Some(a)) => vec![
                Line::raw(crate::t!(
                    lang,
                    "tui-accounts-new-password-for",
                    name = a.name.as_str()
                )),
                Line::styled(format!("{}▏", input.shown()), v.theme.selection),
            ],
            _ => vec![Line::raw(
                lang.text("tui-accounts-the-last-active-administrator-cannot-be"),
            )],
        };
        frame.render_widget(
            Paragraph::new(text)
                .wrap(ratatui::widgets::Wrap { trim: true })
                .block(Block::bordered()),
            info,
        );
    }
}

fn state_text(a: &Account, now: Timestamp, lang: Lang) -> String {
    if !a.active {
        return lang.text("tui-accounts-disabled").into();
    }
    if let Some(m) = minutes_to_wait(a, now) {
        return crate::t!(lang, "tui-accounts-waiting-minutes", m = m);
    }
    if a.must_change_password {
        return lang.text("tui-accounts-active-new-password-due").into();
    }
    lang.text("tui-accounts-active").into()
}
