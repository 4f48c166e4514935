//! The queue: card requests on their way, oldest first, with the time in the current step
//! against the SOP's standard; filters by state and source, search by name, number or NIK.

use std::collections::BTreeSet;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row as TableRow, Table, TableState};

use super::Keys;
use crate::domain::member::Member;
use crate::domain::workflow::{CardRequest, RequestState, Source};
use crate::i18n::{Lang, Localized};
use crate::tui::app::{Action, View};
use crate::tui::widgets::{TextInput, select_down};

/// One request with what the list shows of its member.
#[derive(Debug, Clone)]
pub struct Row {
    pub request: CardRequest,
    pub name: String,
    /// Whole, for search only; the list shows it masked.
    nik: Option<String>,
    masked_nik: String,
}

impl Row {
    pub fn new(request: CardRequest, member: Option<&Member>) -> Row {
        Row {
            name: member.map(|m| m.full_name.clone()).unwrap_or_default(),
            nik: member.and_then(|m| m.nik.as_ref().map(|n| n.as_str().to_string())),
            masked_nik: member.map(|m| m.masked_nik()).unwrap_or_default(),
            request,
        }
    }

    /// `q`: the search as typed, trimmed and lower-cased once by the caller.
    fn matches(&self, q: &str) -> bool {
        if q.is_empty() {
            return true;
        }
        self.name.to_lowercase().contains(q)
            || self.request.member_no.as_str().to_lowercase().contains(q)
            // A NIK matches whole or by its last digits (as read off a KTP held at the counter).
            || (q.len() >= 4
                && q.chars().all(|c| c.is_ascii_digit())
                && self.nik.as_deref().is_some_and(|n| n == q || n.ends_with(q)))
    }
}

pub fn source_text(s: Source, lang: Lang) -> &'static str {
    match s {
        Source::Counter => lang.text("tui-queue-counter"),
        Source::Online => lang.text("tui-queue-online"),
        Source::Import => lang.text("tui-queue-import"),
    }
}

/// The states a filter cycles through: every open one.
fn open_states() -> Vec<RequestState> {
    RequestState::ALL
        .into_iter()
        .filter(|s| s.is_open())
        .collect()
}

#[derive(Default)]
pub struct QueueScreen {
    rows: Vec<Row>,
    state_filter: Option<RequestState>,
    source_filter: Option<Source>,
    search: TextInput,
    searching: bool,
    table: TableState,
    /// Requests marked with Space for one print run (verified) or one laminating batch
    /// (printed), by request id so they stay marked while the list refreshes.
    marked: BTreeSet<u64>,
}

/// The states a mark makes sense in: verified cards print together on one sheet, printed ones
/// come back from the laminator together.
fn markable(state: RequestState) -> bool {
    matches!(state, RequestState::Verified | RequestState::Printed)
}

impl QueueScreen {
    pub fn new() -> QueueScreen {
        QueueScreen::default()
    }

    /// New data from the store; the selection stays on the same request where it can.
    pub fn set_rows(&mut self, rows: Vec<Row>) {
        let selected = self.selected().map(|r| r.request.id);
        self.rows = rows;
        // A request that moved on past printing (or left the queue) is no longer marked.
        let keep: BTreeSet<u64> = self
            .rows
            .iter()
            .filter(|r| markable(r.request.state))
            .map(|r| r.request.id)
            .collect();
        self.marked.retain(|id| keep.contains(id));
        let visible = self.visible();
        let at = selected
            .and_then(|id| visible.iter().position(|r| r.request.id == id))
            .unwrap_or(0);
        let len = visible.len();
        self.table.select(if len == 0 {
            None
        } else {
            Some(at.min(len - 1))
        });
    }

    pub fn typing(&self) -> bool {
        self.searching
    }

    fn visible(&self) -> Vec<&Row> {
        let query = self.search.value.trim().to_lowercase();
        self.rows
            .iter()
            .filter(|r| self.state_filter.is_none_or(|s| r.request.state == s))
            .filter(|r| self.source_filter.is_none_or(|s| r.request.source == s))
            .filter(|r| r.matches(&query))
            .collect()
    }

    fn selected(&self) -> Option<&Row> {
        let i = self.table.selected()?;
        self.visible().get(i).copied()
    }

    /// Member numbers of the marked requests in `state`, in the queue's order.
    fn marked_in(&self, state: RequestState) -> Vec<String> {
        self.rows
            .iter()
            .filter(|r| r.request.state == state && self.marked.contains(&r.request.id))
            .map(|r| r.request.member_no.to_string())
            .collect()
    }

    fn refit(&mut self) {
        let len = self.visible().len();
        self.table.select(if len == 0 { None } else { Some(0) });
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if self.searching {
            match key.code {
                KeyCode::Esc => {
                    self.search.value.clear();
                    self.searching = false;
                }
                KeyCode::Enter => self.searching = false,
                KeyCode::Up | KeyCode::Down => {
                    self.searching = false;
                    return self.handle_key(key);
                }
                _ => {
                    self.search.edit(&key);
                }
            }
            self.refit();
            return None;
        }
        let len = self.visible().len();
        match key.code {
            KeyCode::Char('q') => return Some(Action::Quit),
            KeyCode::Char('x') => return Some(Action::Logout),
            KeyCode::Char('n') => return Some(Action::OpenRegister),
            KeyCode::Char('m') => return Some(Action::OpenMembers),
            KeyCode::Char('a') => return Some(Action::OpenAudit),
            KeyCode::Char('d') => return Some(Action::OpenDashboard),
            KeyCode::Char('/') => {
                self.searching = true;
                self.search.value.clear();
                self.refit();
            }
            KeyCode::Esc => {
                self.search.value.clear();
                self.state_filter = None;
                self.source_filter = None;
                self.refit();
            }
            KeyCode::Char('s') => {
                let states = open_states();
                self.state_filter = match self.state_filter {
                    None => states.first().copied(),
                    Some(s) => states
                        .iter()
                        .position(|x| *x == s)
                        .and_then(|i| states.get(i + 1).copied()),
                };
                self.refit();
            }
            KeyCode::Char('o') => {
                self.source_filter = match self.source_filter {
                    None => Some(Source::Counter),
                    Some(Source::Counter) => Some(Source::Online),
                    Some(Source::Online) => Some(Source::Import),
                    Some(Source::Import) => None,
                };
                self.refit();
            }
            KeyCode::Up => self.table.select_previous(),
            KeyCode::Down => select_down(&mut self.table, len),
            KeyCode::Home => self.table.select_first(),
            KeyCode::Char(' ') => {
                let row = self.selected()?;
                let (id, state) = (row.request.id, row.request.state);
                if !markable(state) {
                    return Some(Action::Notice(
                        "tui-queue-only-verified-requests-to-print-together",
                    ));
                }
                if !self.marked.remove(&id) {
                    self.marked.insert(id);
                }
                select_down(&mut self.table, len);
            }
            KeyCode::Char('p') => {
                return Some(Action::PrintMarked(self.marked_in(RequestState::Verified)));
            }
            KeyCode::Char('l') => {
                return Some(Action::LaminateMarked(
                    self.marked_in(RequestState::Printed),
                ));
            }
            KeyCode::Enter => {
                return self
                    .selected()
                    .map(|r| Action::OpenDetail(r.request.member_no.to_string()));
            }
            _ => {}
        }
        None
    }

    pub fn keys(&self, lang: Lang) -> Keys {
        if self.searching {
            return vec![
                ("Enter", lang.text("tui-queue-done-searching")),
                ("Esc", lang.text("tui-queue-clear-the-search")),
            ];
        }
        let mut keys = vec![
            ("Enter", lang.text("tui-queue-open")),
            ("/", lang.text("tui-queue-search")),
            ("n", lang.text("tui-queue-register")),
        ];
        // The batch keys lead once something is marked: that is what the clerk is doing.
        if self.marked.is_empty() {
            keys.push((lang.text("tui-queue-space"), lang.text("tui-queue-mark")));
        } else {
            keys.splice(
                0..0,
                [
                    ("p", lang.text("tui-queue-print-the-marked")),
                    ("l", lang.text("tui-queue-marked-laminated")),
                    (lang.text("tui-queue-space"), lang.text("tui-queue-mark")),
                ],
            );
        }
        keys.extend([
            ("m", lang.text("tui-queue-members")),
            ("s", lang.text("tui-queue-filter-state")),
            ("o", lang.text("tui-queue-filter-source")),
            ("Esc", lang.text("tui-queue-clear-filters")),
            ("x", lang.text("tui-queue-sign-out")),
            ("q", lang.text("tui-queue-quit")),
        ]);
        keys
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, v: &View) {
        let lang = v.lang;
        let [bar, table_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        let all = lang.text("tui-queue-all");
        let state = self
            .state_filter
            .map(|s| s.localized(lang))
            .unwrap_or_else(|| all.to_string());
        let source = self
            .source_filter
            .map(|s| source_text(s, lang))
            .unwrap_or(all);
        let search = if self.searching {
            format!("{}▏", self.search.value)
        } else {
            self.search.value.clone()
        };
        let visible_count = self.visible().len();
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::raw(format!(
                    " {} {state} · {} {source} · ",
                    lang.text("tui-queue-state"),
                    lang.text("tui-queue-source"),
                )),
                Span::styled(
                    format!("{} {search}", lang.text("tui-queue-search-2")),
                    if self.searching {
                        v.theme.selection
                    } else {
                        Default::default()
                    },
                ),
                Span::raw(format!(
                    " · {visible_count}/{} {}",
                    self.rows.len(),
                    lang.text("tui-queue-requests")
                )),
                Span::styled(
                    match self.marked.len() {
                        0 => String::new(),
                        n => format!(" · {n} {}", lang.text("tui-queue-marked")),
                    },
                    v.theme.accent,
                ),
            ])),
            bar,
        );

        let wide = area.width >= 100;
        let mut header = vec![
            lang.text("tui-queue-member-no"),
            lang.text("tui-queue-name"),
        ];
        if wide {
            header.push("NIK");
        }
        header.extend([
            lang.text("tui-queue-source-2"),
            lang.text("tui-queue-state-2"),
            lang.text("tui-queue-min-std"),
        ]);
        let visible = self.visible();
        if visible.is_empty() {
            let text = if self.rows.is_empty() {
                lang.text("tui-queue-no-requests-are-waiting-a-new")
            } else {
                lang.text("tui-queue-nothing-matches-the-filters-esc-clears")
            };
            frame.render_widget(Paragraph::new(format!("\n  {text}")), table_area);
            return;
        }
        // Only the rows that fit are built: with a thousand waiting, building every row for
        // each frame was most of the frame's time. The scroll offset is kept as ratatui keeps
        // it (moved only when the selection leaves the window).
        let fit = usize::from(table_area.height.saturating_sub(1)).max(1);
        let selected = self.table.selected().unwrap_or(0).min(visible.len() - 1);
        let mut offset = self.table.offset().min(visible.len() - 1);
        if selected < offset {
            offset = selected;
        } else if selected >= offset + fit {
            offset = selected + 1 - fit;
        }
        let window = &visible[offset..(offset + fit).min(visible.len())];
        let rows: Vec<TableRow> = window
            .iter()
            .map(|r| {
                let timing = r.request.timing(v.now, &v.config.standard_minutes);
                let time = match timing {
                    Some((elapsed, standard, t)) => Cell::from(format!(
                        "{:>3}/{}",
                        elapsed.as_secs() / 60,
                        standard.as_secs() / 60
                    ))
                    .style(v.theme.timing(t)),
                    None => Cell::from("  —"),
                };
                let mark = if self.marked.contains(&r.request.id) {
                    "✓"
                } else {
                    " "
                };
                let mut cells = vec![
                    Cell::from(format!("{mark}{}", r.request.member_no)),
                    Cell::from(r.name.clone()),
                ];
                if wide {
                    cells.push(Cell::from(r.masked_nik.clone()));
                }
                cells.extend([
                    Cell::from(source_text(r.request.source, lang)),
                    Cell::from(r.request.state.localized(lang)),
                    time,
                ]);
                TableRow::new(cells)
            })
            .collect();
        let mut widths = vec![Constraint::Length(14), Constraint::Min(12)];
        if wide {
            widths.push(Constraint::Length(16));
        }
        widths.extend([
            Constraint::Length(7),
            Constraint::Length(18),
            Constraint::Length(10),
        ]);
        let table = Table::new(rows, widths)
            .header(TableRow::new(header).style(v.theme.accent))
            .row_highlight_style(v.theme.selection)
            .highlight_symbol("▸");
        let mut shown = TableState::default().with_selected(Some(selected - offset));
        frame.render_stateful_widget(table, table_area, &mut shown);
        *self.table.offset_mut() = offset;
    }
}
