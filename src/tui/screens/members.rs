//! Members: find a member by name prefixes, member number or NIK, see their cards and
//! requests, and start a renewal (perpanjangan, `p`) or a replacement (ganti kartu, `g`).

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row as TableRow, Table, TableState};

use super::Keys;
use crate::domain::member::{Member, MemberStatus};
use crate::domain::staff::CardRecord;
use crate::domain::workflow::{CardRequest, RequestKind};
use crate::i18n::{Lang, Localized};
use crate::tui::app::{Action, View};
use crate::tui::widgets::{TextInput, select_down};

/// A found member with their cards and requests, loaded by the app.
#[derive(Debug, Clone)]
pub struct MemberRow {
    pub member: Member,
    pub cards: Vec<CardRecord>,
    pub requests: Vec<CardRequest>,
}

pub fn status_text(s: MemberStatus, lang: Lang) -> &'static str {
    match s {
        MemberStatus::Pending => lang.text("tui-members-awaiting-card"),
        MemberStatus::Active => lang.text("tui-members-active"),
        MemberStatus::Expired => lang.text("tui-members-expired"),
        MemberStatus::Blocked => lang.text("tui-members-blocked"),
    }
}

pub fn kind_text(k: RequestKind, lang: Lang) -> &'static str {
    match k {
        RequestKind::New => lang.text("tui-members-new"),
        RequestKind::Renewal => lang.text("tui-members-renewal"),
        RequestKind::Replacement => lang.text("tui-members-replacement"),
    }
}

pub struct MembersScreen {
    search: TextInput,
    /// The search field has the keys; otherwise the list has them.
    searching: bool,
    rows: Vec<MemberRow>,
    table: TableState,
}

impl Default for MembersScreen {
    fn default() -> Self {
        MembersScreen {
            search: TextInput::default(),
            searching: true,
            rows: Vec::new(),
            table: TableState::default(),
        }
    }
}

impl MembersScreen {
    pub fn new() -> MembersScreen {
        MembersScreen::default()
    }

    pub fn query(&self) -> &str {
        &self.search.value
    }

    pub fn typing(&self) -> bool {
        self.searching
    }

    /// New results; the selection stays on the same member where it can.
    pub fn set_rows(&mut self, rows: Vec<MemberRow>) {
        let selected = self.selected().map(|r| r.member.member_no.to_string());
        self.rows = rows;
        let at = selected
            .and_then(|no| {
                self.rows
                    .iter()
                    .position(|r| r.member.member_no.as_str() == no)
            })
            .unwrap_or(0);
        let len = self.rows.len();
        self.table.select(if len == 0 {
            None
        } else {
            Some(at.min(len - 1))
        });
    }

    fn selected(&self) -> Option<&MemberRow> {
        self.rows.get(self.table.selected()?)
    }

    /// The member number of the row selected, for `e` (correct the data).
    pub fn selected_no(&self) -> Option<String> {
        self.selected().map(|r| r.member.member_no.to_string())
    }

    fn start(&self, kind: RequestKind) -> Option<Action> {
        self.selected().map(|r| Action::StartRequest {
            no: r.member.member_no.to_string(),
            kind,
        })
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if key.code == KeyCode::Esc {
            return Some(Action::Back);
        }
        if self.searching {
            match key.code {
                KeyCode::Enter | KeyCode::Down | KeyCode::Up => {
                    self.searching = false;
                    if key.code != KeyCode::Enter {
                        return self.handle_key(key);
                    }
                }
                _ => {
                    if self.search.edit(&key) {
                        return Some(Action::SearchMembers(self.search.value.clone()));
                    }
                }
            }
            return None;
        }
        let len = self.rows.len();
        match key.code {
            KeyCode::Char('/') => self.searching = true,
            KeyCode::Up => self.table.select_previous(),
            KeyCode::Down => select_down(&mut self.table, len),
            KeyCode::Char('p') => return self.start(RequestKind::Renewal),
            KeyCode::Char('g') => return self.start(RequestKind::Replacement),
            _ => {}
        }
        None
    }

    pub fn keys(&self, lang: Lang) -> Keys {
        if self.searching {
            return vec![
                ("Enter", lang.text("tui-members-to-the-results")),
                ("Esc", lang.text("tui-members-back-to-the-queue")),
            ];
        }
        vec![
            ("p", lang.text("tui-members-renew")),
            ("g", lang.text("tui-members-replace-card")),
            ("e", lang.text("tui-members-correct-data")),
            ("/", lang.text("tui-members-search")),
            ("Esc", lang.text("tui-members-back-to-the-queue")),
        ]
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, v: &View) {
        let lang = v.lang;
        let [bar, list_area, more] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(8),
        ])
        .areas(area);
        let search = if self.searching {
            format!("{}▏", self.search.value)
        } else {
            self.search.value.clone()
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(
                    format!(
                        " {} {search}",
                        lang.text("tui-members-search-name-member-no-nik")
                    ),
                    if self.searching {
                        v.theme.selection
                    } else {
                        Default::default()
                    },
                ),
                Span::raw(format!(
                    " · {} {}",
                    self.rows.len(),
                    lang.text("tui-members-found")
                )),
            ])),
            bar,
        );

        if self.rows.is_empty() {
            let text = if self.search.value.trim().is_empty() {
                lang.text("tui-members-type-the-start-of-a-name")
            } else {
                lang.text("tui-members-no-member-matches-check-the-spelling")
            };
            frame.render_widget(Paragraph::new(format!("\n  {text}")), list_area);
            return;
        }

        let today = v.clock.today();
        // The NIK always shown, masked: the clerk checks its ends against the KTP.
        let header = vec![
            lang.text("tui-members-member-no"),
            lang.text("tui-members-name"),
            "NIK",
            lang.text("tui-members-status"),
            lang.text("tui-members-valid-until"),
        ];
        let rows: Vec<TableRow> = self
            .rows
            .iter()
            .map(|r| {
                let m = &r.member;
                let cells = vec![
                    Cell::from(m.member_no.to_string()),
                    Cell::from(m.full_name.clone()),
                    Cell::from(m.masked_nik()),
                    Cell::from(status_text(m.status_on(today), lang)),
                    Cell::from(
                        m.valid_until
                            .map(|d| d.strftime("%d-%m-%Y").to_string())
                            .unwrap_or_else(|| "—".into()),
                    ),
                ];
                TableRow::new(cells)
            })
            .collect();
        let widths = [
            Constraint::Length(13),
            Constraint::Min(12),
            Constraint::Length(16),
            Constraint::Length(15),
            Constraint::Length(12),
        ];
        let table = Table::new(rows, widths)
            .header(TableRow::new(header).style(v.theme.accent))
            .row_highlight_style(v.theme.selection)
            .highlight_symbol("▸");
        frame.render_stateful_widget(table, list_area, &mut self.table);

        let Some(sel) = self.selected() else { return };
        let [cards_area, requests_area] =
            Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
                .areas(more);
        let cards: Vec<TableRow> = sel
            .cards
            .iter()
            .map(|c| {
                TableRow::new(vec![
                    Cell::from(c.serial.clone()),
                    match &c.blocked {
                        Some(_) => {
                            Cell::from(lang.text("tui-members-blocked")).style(v.theme.error)
                        }
                        None => Cell::from(lang.text("tui-members-valid")),
                    },
                ])
            })
            .collect();
        let cards_block = Block::default()
            .borders(Borders::TOP)
            .title(lang.text("tui-members-cards"));
        if cards.is_empty() {
            frame.render_widget(
                Paragraph::new(lang.text("tui-members-no-card-printed-yet")).block(cards_block),
                cards_area,
            );
        } else {
            frame.render_widget(
                Table::new(cards, [Constraint::Length(16), Constraint::Min(8)]).block(cards_block),
                cards_area,
            );
        }
        let mut requests: Vec<&CardRequest> = sel.requests.iter().collect();
        requests.sort_by_key(|r| std::cmp::Reverse((r.registered_at(), r.id)));
        let requests: Vec<TableRow> = requests
            .iter()
            .map(|r| {
                TableRow::new(vec![
                    Cell::from(kind_text(r.kind, lang)),
                    Cell::from(r.state.localized(lang)),
                    Cell::from(
                        r.registered_at()
                            .to_zoned(v.clock.tz().clone())
                            .strftime("%d-%m-%Y")
                            .to_string(),
                    ),
                ])
            })
            .collect();
        frame.render_widget(
            Table::new(
                requests,
                [
                    Constraint::Length(13),
                    Constraint::Min(12),
                    Constraint::Length(10),
                ],
            )
            .block(
                Block::default()
                    .borders(Borders::TOP)
                    .title(lang.text("tui-members-requests")),
            ),
            requests_area,
        );
    }
}
