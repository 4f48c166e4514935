//! The supervisor's dashboard (Kasi/Kabid, often over SSH at 80×24): requests per state with
//! the overdue ones counted and the week's median per step beside its standard; every request
//! on its way, the furthest over its standard first (the 200 furthest, in a backlog); today's
//! cards, clerks and visitors by
//! hour. It refreshes by itself (the app reloads it on the store's change counter and re-sorts
//! it on every tick) and reads without colour: over the standard is marked `!` as well.

use crossterm::event::{KeyCode, KeyEvent};
use jiff::{SignedDuration, Timestamp};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{BarChart, Block, Cell, Paragraph, Row as TableRow, Table, TableState};

use super::Keys;
use super::queue::source_text;
use crate::domain::workflow::{StandardTimes, Timing};
use crate::i18n::{Lang, Localized};
use crate::service::supervision::{Dashboard, LISTED, StateLine, Waiting, most_overdue_first};
use crate::tui::app::{Action, View};
use crate::tui::widgets::select_down;

/// Opening hours the chart always shows; hours with visits outside them are added.
const OPEN_HOURS: (usize, usize) = (8, 16);

/// A request on its way as the list shows it now.
struct Listed {
    waiting: Waiting,
    /// (time in the step, its standard, how they compare); `None` with no standard now.
    timing: Option<(SignedDuration, SignedDuration, Timing)>,
}

#[derive(Default)]
pub struct DashboardScreen {
    data: Option<Dashboard>,
    /// The requests on their way in the order shown.
    lines: Vec<Listed>,
    table: TableState,
}

/// Minutes as the dashboard prints them: tenths under ten minutes, whole minutes above.
/// Below this width the dashboard drops the visitors chart and the clerk column.
const NARROW: u16 = 80;

pub fn minutes(d: SignedDuration) -> String {
    let m = d.as_secs_f64() / 60.0;
    if m < 10.0 {
        format!("{m:.1}")
    } else {
        format!("{m:.0}")
    }
}

impl DashboardScreen {
    pub fn new() -> DashboardScreen {
        DashboardScreen::default()
    }

    /// What the screen last loaded, for the refresh that replaces it (it keeps the week's
    /// step figures a while).
    pub fn take_data(&mut self) -> Option<Dashboard> {
        self.data.take()
    }

    /// New figures from the store.
    pub fn set_data(&mut self, data: Dashboard, now: Timestamp, standards: &StandardTimes) {
        self.data = Some(data);
        self.order(now, standards);
    }

    /// Re-sorts the list at `now` (see [`most_overdue_first`]). Called on every tick: time
    /// moves requests up the list between changes in the store.
    pub fn order(&mut self, now: Timestamp, standards: &StandardTimes) {
        let selected = self
            .table
            .selected()
            .and_then(|i| self.lines.get(i))
            .map(|l| l.waiting.request.id);
        let Some(d) = &self.data else { return };
        let mut lines: Vec<Listed> = d
            .listed
            .iter()
            .map(|w| Listed {
                timing: w.request.timing(now, standards),
                waiting: w.clone(),
            })
            .collect();
        most_overdue_first(&mut lines, |l| &l.waiting.request, now, standards);
        self.lines = lines;
        let at = selected
            .and_then(|id| self.lines.iter().position(|l| l.waiting.request.id == id))
            .unwrap_or(0);
        self.table
            .select((!self.lines.is_empty()).then(|| at.min(self.lines.len() - 1)));
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        let len = self.lines.len();
        match key.code {
            KeyCode::Char('q') => return Some(Action::Quit),
            KeyCode::Char('x') => return Some(Action::Logout),
            KeyCode::Char('a') => return Some(Action::OpenQueue),
            KeyCode::Char('m') => return Some(Action::OpenMembers),
            KeyCode::Up => self.table.select_previous(),
            KeyCode::Down => select_down(&mut self.table, len),
            KeyCode::Enter => {
                let line = self.lines.get(self.table.selected()?)?;
                return Some(Action::OpenDetail(
                    line.waiting.request.member_no.to_string(),
                ));
            }
            _ => {}
        }
        None
    }

    pub fn keys(&self, lang: Lang) -> Keys {
        vec![
            ("Enter", lang.text("tui-dashboard-open-the-request")),
            ("a", lang.text("tui-dashboard-queue")),
            ("m", lang.text("tui-dashboard-members")),
            ("x", lang.text("tui-dashboard-sign-out")),
            ("q", lang.text("tui-dashboard-quit")),
        ]
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, v: &View) {
        let lang = v.lang;
        let Some(d) = &self.data else {
            frame.render_widget(Paragraph::new(lang.text("tui-dashboard-loading")), area);
            return;
        };
        let [top, middle, bottom] = Layout::vertical([
            Constraint::Length(9),
            Constraint::Min(4),
            Constraint::Length(4),
        ])
        .areas(area);
        // Below 80 columns (a phone over SSH, a split tmux) the chart gives its room to the
        // figures: a column is dropped rather than a number cut (12 must never read "1").
        let narrow = area.width < NARROW;
        let states_area = if narrow {
            top
        } else {
            let [states_area, chart_area] =
                Layout::horizontal([Constraint::Length(46), Constraint::Min(30)]).areas(top);
            draw_visits(frame, chart_area, d, v);
            states_area
        };
        draw_today(frame, bottom, d, v, narrow);
        let states = d.state_lines(v.now);
        let (total, over) = (d.open.len(), states.iter().map(|s| s.over).sum());
        self.draw_states(frame, states_area, &states, v);
        self.draw_waiting(frame, middle, total, over, v);
    }

    fn draw_states(&self, frame: &mut Frame, area: Rect, states: &[StateLine], v: &View) {
        let lang = v.lang;
        // State name, count, over and the week's median need 44 columns with the frame.
        let with_week = area.width >= 44;
        let rows: Vec<TableRow> = states
            .iter()
            .map(|s| {
                let over = if s.over > 0 {
                    Cell::from(format!("{:>3} !", s.over)).style(v.theme.over)
                } else {
                    Cell::from(format!("{:>3}", 0))
                };
                let week = match &s.step {
                    Some(f) => match f.median {
                        Some(m) => {
                            let text = format!("{}/{}", minutes(m), f.standard.as_secs() / 60);
                            if m > f.standard {
                                Cell::from(format!("{text} !")).style(v.theme.over)
                            } else {
                                Cell::from(text).style(v.theme.within)
                            }
                        }
                        None => Cell::from(format!("—/{}", f.standard.as_secs() / 60)),
                    },
                    None => Cell::from("—"),
                };
                let mut cells = vec![
                    Cell::from(s.state.localized(lang)),
                    Cell::from(format!("{:>3}", s.count)),
                    over,
                ];
                if with_week {
                    cells.push(week);
                }
                TableRow::new(cells)
            })
            .collect();
        let mut header = vec![
            lang.text("tui-dashboard-state"),
            lang.text("tui-dashboard-now"),
            lang.text("tui-dashboard-over"),
        ];
        // Figures get their full width first; the state's name takes what is left.
        let mut widths = vec![
            Constraint::Fill(1),
            Constraint::Length(4),
            Constraint::Length(5),
        ];
        if with_week {
            header.push(lang.text("tui-dashboard-week-med"));
            widths.push(Constraint::Length(11));
        }
        let header = TableRow::new(header).style(v.theme.accent);
        let table = Table::new(rows, widths)
            .header(header)
            .block(Block::bordered().title(lang.text("tui-dashboard-requests-minutes-standard")));
        frame.render_widget(table, area);
    }

    fn draw_waiting(&mut self, frame: &mut Frame, area: Rect, total: usize, over: usize, v: &View) {
        let lang = v.lang;
        // A backlog longer than the list says how much of it is shown.
        let shown = if total > LISTED {
            crate::t!(lang, "tui-dashboard-most-overdue-shown", n = LISTED)
        } else {
            String::new()
        };
        let title = crate::t!(
            lang,
            "tui-dashboard-in-progress-title",
            total = total,
            over = over,
            shown = shown
        );
        let block = Block::bordered().title(title);
        if self.lines.is_empty() {
            frame.render_widget(
                Paragraph::new(lang.text("tui-dashboard-no-request-is-in-progress")).block(block),
                area,
            );
            return;
        }
        let wide = area.width >= 100;
        let with_clerk = area.width >= NARROW;
        let rows: Vec<TableRow> = self
            .lines
            .iter()
            .map(|l| {
                let r = &l.waiting.request;
                let time = match l.timing {
                    Some((elapsed, standard, t)) => {
                        let mark = if t == Timing::Over { " !" } else { "" };
                        Cell::from(format!(
                            "{:>3}/{}{mark}",
                            elapsed.as_secs() / 60,
                            standard.as_secs() / 60
                        ))
                        .style(v.theme.timing(t))
                    }
                    None => Cell::from("  —"),
                };
                let mut cells = vec![
                    Cell::from(r.member_no.to_string()),
                    Cell::from(l.waiting.name.clone()),
                    Cell::from(r.state.localized(lang)),
                    time,
                ];
                if with_clerk {
                    cells.push(Cell::from(r.handler().unwrap_or("").to_string()));
                }
                if wide {
                    cells.insert(2, Cell::from(source_text(r.source, lang)));
                }
                TableRow::new(cells)
            })
            .collect();
        let mut header = vec![
            lang.text("tui-dashboard-member-no"),
            lang.text("tui-dashboard-name"),
            lang.text("tui-dashboard-state"),
            lang.text("tui-dashboard-min-std"),
        ];
        // The name gives way first; member numbers and minutes keep their width.
        let mut widths = vec![
            Constraint::Length(12),
            Constraint::Fill(1),
            Constraint::Length(18),
            Constraint::Length(9),
        ];
        if with_clerk {
            header.push(lang.text("tui-dashboard-clerk"));
            widths.push(Constraint::Length(8));
        }
        if wide {
            header.insert(2, lang.text("tui-dashboard-source"));
            widths.insert(2, Constraint::Length(7));
        }
        let table = Table::new(rows, widths)
            .header(TableRow::new(header).style(v.theme.accent))
            .row_highlight_style(v.theme.selection)
            .highlight_symbol("▸")
            .block(block);
        frame.render_stateful_widget(table, area, &mut self.table);
    }
}

/// Visitors today by hour of arrival, as bars.
fn draw_visits(frame: &mut Frame, area: Rect, d: &Dashboard, v: &View) {
    let lang = v.lang;
    let busy: Vec<usize> = (0..24).filter(|&h| d.visits_by_hour[h] > 0).collect();
    let first = busy
        .first()
        .copied()
        .unwrap_or(OPEN_HOURS.0)
        .min(OPEN_HOURS.0);
    let last = busy
        .last()
        .copied()
        .unwrap_or(OPEN_HOURS.1)
        .max(OPEN_HOURS.1);
    let labels: Vec<String> = (first..=last).map(|h| format!("{h:02}")).collect();
    let data: Vec<(&str, u64)> = labels
        .iter()
        .zip(first..=last)
        .map(|(l, h)| (l.as_str(), u64::from(d.visits_by_hour[h])))
        .collect();
    let hours = (last - first + 1) as u16;
    // Bars as wide as the panel allows (at least the two digits of the hour under them).
    let inner = area.width.saturating_sub(2);
    let width = (inner / hours).saturating_sub(1).clamp(2, 5);
    let title = crate::t!(
        lang,
        "tui-dashboard-visitors-today-title",
        people = d.visits_today.people
    );
    let chart = BarChart::default()
        .block(Block::bordered().title(title))
        .data(data.as_slice())
        .bar_width(width)
        .bar_gap(1)
        .bar_style(v.theme.accent)
        .value_style(v.theme.selection);
    frame.render_widget(chart, area);
}

/// Today's cards and registrations, and each clerk's steps and handovers.
/// `narrow`: the visitors chart is not shown, so the visitors' total is said here.
fn draw_today(frame: &mut Frame, area: Rect, d: &Dashboard, v: &View, narrow: bool) {
    let lang = v.lang;
    let mut summary = crate::t!(
        lang,
        "tui-dashboard-today-summary",
        registered = d.registered_today,
        issued = d.issued_today,
        guests = d.visits_today.guests
    );
    if narrow {
        summary = crate::t!(
            lang,
            "tui-dashboard-visitors-and-summary",
            people = d.visits_today.people,
            summary = summary
        );
    }
    let mut clerks = vec![Span::styled(
        lang.text("tui-dashboard-clerks"),
        v.theme.accent,
    )];
    if d.clerks_today.is_empty() {
        clerks.push(Span::raw(lang.text("tui-dashboard-no-steps-yet")));
    }
    for (i, c) in d.clerks_today.iter().enumerate() {
        if i > 0 {
            clerks.push(Span::raw(" · "));
        }
        clerks.push(Span::raw(crate::t!(
            lang,
            "tui-dashboard-clerk-figures",
            clerk = c.clerk.as_str(),
            steps = c.steps,
            cards = c.handovers
        )));
    }
    frame.render_widget(
        Paragraph::new(vec![Line::raw(summary), Line::from(clerks)])
            .wrap(ratatui::widgets::Wrap { trim: true })
            .block(Block::bordered().title(lang.text("tui-dashboard-today"))),
        area,
    );
}
