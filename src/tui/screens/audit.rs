//! The audit log for administrators: who did what, when, from which terminal; newest first,
//! narrowed by typing (an account, a terminal, a member number, an action).

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row as TableRow, Table, TableState};

use super::Keys;
use crate::i18n::Lang;
use crate::store::AuditEntry;
use crate::tui::app::{Action, View};
use crate::tui::widgets::{TextInput, select_down};

/// How many entries the screen loads: a day at a busy library, and always quick to read.
pub const SHOWN: usize = 500;

/// Whether an entry matches what was typed: any of its fields holds the text (any case).
pub fn matches(e: &AuditEntry, filter: &str) -> bool {
    let f = filter.trim().to_lowercase();
    f.is_empty()
        || [&e.user, &e.terminal, &e.action, &e.subject, &e.detail]
            .iter()
            .any(|field| field.to_lowercase().contains(&f))
}

#[derive(Default)]
pub struct AuditScreen {
    filter: TextInput,
    searching: bool,
    /// Newest first.
    rows: Vec<AuditEntry>,
    table: TableState,
}

impl AuditScreen {
    pub fn new() -> AuditScreen {
        AuditScreen::default()
    }

    pub fn filter(&self) -> &str {
        &self.filter.value
    }

    pub fn typing(&self) -> bool {
        self.searching
    }

    /// Entries as the store gives them (newest last); shown newest first, the selection kept
    /// on the same entry where it can.
    pub fn set_rows(&mut self, mut rows: Vec<AuditEntry>) {
        let selected = self
            .table
            .selected()
            .and_then(|i| self.rows.get(i))
            .map(|e| e.seq);
        rows.reverse();
        self.rows = rows;
        let at = selected
            .and_then(|seq| self.rows.iter().position(|e| e.seq == seq))
            .unwrap_or(0);
        self.table
            .select((!self.rows.is_empty()).then(|| at.min(self.rows.len() - 1)));
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if self.searching {
            match key.code {
                KeyCode::Enter | KeyCode::Down | KeyCode::Up => self.searching = false,
                KeyCode::Esc => {
                    self.searching = false;
                    self.filter.value.clear();
                    return Some(Action::SearchAudit(String::new()));
                }
                _ => {
                    if self.filter.edit(&key) {
                        return Some(Action::SearchAudit(self.filter.value.clone()));
                    }
                }
            }
            return None;
        }
        let len = self.rows.len();
        match key.code {
            KeyCode::Esc => return Some(Action::Back),
            KeyCode::Char('/') => self.searching = true,
            KeyCode::Up => self.table.select_previous(),
            KeyCode::Down => select_down(&mut self.table, len),
            KeyCode::Home => self.table.select_first(),
            _ => {}
        }
        None
    }

    pub fn keys(&self, lang: Lang) -> Keys {
        if self.searching {
            return vec![
                ("Enter", lang.text("tui-audit-done-filtering")),
                ("Esc", lang.text("tui-audit-clear-the-filter")),
            ];
        }
        vec![
            ("/", lang.text("tui-audit-filter")),
            ("↑↓", lang.text("tui-audit-scroll")),
            ("Esc", lang.text("tui-audit-back-to-the-queue")),
        ]
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, v: &View) {
        let lang = v.lang;
        let [bar, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        let filter = if self.searching {
            format!("{}▏", self.filter.value)
        } else {
            self.filter.value.clone()
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(
                    format!(" {} {filter}", lang.text("tui-audit-filter-2")),
                    if self.searching {
                        v.theme.selection
                    } else {
                        Default::default()
                    },
                ),
                Span::raw(format!(
                    " · {} {}",
                    self.rows.len(),
                    lang.text("tui-audit-latest-entries")
                )),
            ])),
            bar,
        );
        if self.rows.is_empty() {
            let text = lang.text("tui-audit-no-entries-match-esc-in-the");
            frame.render_widget(Paragraph::new(format!("\n  {text}")), list);
            return;
        }
        let wide = area.width >= 100;
        let mut header = vec![lang.text("tui-audit-when"), lang.text("tui-audit-account")];
        let mut widths = vec![Constraint::Length(16), Constraint::Length(10)];
        if wide {
            header.push("Terminal");
            widths.push(Constraint::Length(16));
        }
        header.extend([
            lang.text("tui-audit-action"),
            lang.text("tui-audit-about"),
            lang.text("tui-audit-detail"),
        ]);
        widths.extend([
            Constraint::Length(12),
            Constraint::Length(12),
            Constraint::Min(10),
        ]);
        let rows: Vec<TableRow> = self
            .rows
            .iter()
            .map(|e| {
                let mut cells = vec![Cell::from(v.clock.local(e.at)), Cell::from(e.user.clone())];
                if wide {
                    cells.push(Cell::from(e.terminal.clone()));
                }
                cells.extend([
                    Cell::from(e.action.clone()),
                    Cell::from(e.subject.clone()),
                    Cell::from(e.detail.clone()),
                ]);
                TableRow::new(cells)
            })
            .collect();
        let table = Table::new(rows, widths)
            .header(TableRow::new(header).style(v.theme.accent))
            .row_highlight_style(v.theme.selection)
            .highlight_symbol("▸");
        frame.render_stateful_widget(table, list, &mut self.table);
    }
}
