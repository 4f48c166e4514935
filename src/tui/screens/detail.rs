//! One card request: the member's data, the history (step, who, when, how long) and the next
//! step on Enter: call → photo → checklist → print → laminate → handover (SOP 2–8).

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Padding, Paragraph, Row, Table, Wrap};
use ratatui_image::picker::Picker;

use super::Keys;
use super::handover::CardCheck;
use super::photo::{EditorOutcome, PhotoEditor};
use super::queue::source_text;
use crate::domain::checklist::Checklist;
use crate::domain::member::{IdentityKind, Member};
use crate::domain::staff::Role;
use crate::domain::workflow::{CardRequest, RequestState, Source};
use crate::i18n::{Lang, Localized};
use crate::tui::app::{Action, Step, View};
use crate::tui::widgets::{PhotoPreview, TextInput};

/// Columns of the photo beside the data: a 3:4 portrait ten rows high in half-blocks.
const PHOTO_COLS: u16 = 16;

mod checklist;

pub use checklist::ChecklistForm;
use checklist::{checklist_key, checklist_lines};

/// What the detail screen is doing now.
pub enum Mode {
    View,
    /// The path of a photo file, or empty for the camera / inbox.
    PhotoSource(TextInput),
    Editing {
        editor: Box<PhotoEditor>,
        bytes: Vec<u8>,
    },
    Checklist(ChecklistForm),
    /// Who receives the card (prefilled with the member's name), and the card's number typed
    /// where there is no scanner (Tab moves between the two).
    Handover {
        receiver: TextInput,
        card: TextInput,
        on_card: bool,
    },
    /// A supervisor names the clerk to take the request over.
    Reassign(TextInput),
    /// The reason for a side exit: reject, cancel, or print again.
    Reason {
        exit: SideExit,
        input: TextInput,
    },
}

/// The ways off the main path, each with a reason that goes into the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideExit {
    /// Ditolak: the request ends (no document, a duplicate member, …).
    Reject,
    /// Dibatalkan: the applicant left or asked to stop.
    Cancel,
    /// Cetak ulang: printed again before handover (jammed, smudged); same serial.
    Reprint,
}

impl SideExit {
    fn title(self, lang: Lang) -> &'static str {
        match self {
            SideExit::Reject => lang.text("tui-detail-reject-the-request"),
            SideExit::Cancel => lang.text("tui-detail-cancel-the-request"),
            SideExit::Reprint => lang.text("tui-detail-print-the-card-again"),
        }
    }
}

pub struct DetailScreen {
    no: String,
    can_act: bool,
    /// Supervisors (and administrators) cancel and hand requests to another clerk.
    can_supervise: bool,
    member: Option<Member>,
    request: Option<CardRequest>,
    /// The stored photo: the one taken at the counter, or sent with an online registration.
    photo: Option<Vec<u8>>,
    preview: PhotoPreview,
    /// What the card check at handover said (the service checks; the popup shows it).
    pub card_check: CardCheck,
    pub mode: Mode,
}

impl DetailScreen {
    pub fn new(no: &str, role: Role, picker: Picker) -> DetailScreen {
        DetailScreen {
            no: no.to_string(),
            can_act: role.performs_steps(),
            can_supervise: role.supervises(),
            member: None,
            request: None,
            photo: None,
            preview: PhotoPreview::new(picker),
            card_check: CardCheck::NotScanned,
            mode: Mode::View,
        }
    }

    pub fn member_no(&self) -> &str {
        &self.no
    }

    pub fn member(&self) -> Option<&Member> {
        self.member.as_ref()
    }

    pub fn request(&self) -> Option<&CardRequest> {
        self.request.as_ref()
    }

    pub fn set_data(
        &mut self,
        member: Member,
        request: Option<CardRequest>,
        photo: Option<Vec<u8>>,
    ) {
        self.member = Some(member);
        self.request = request;
        self.photo = photo;
    }

    pub fn open_checklist(&mut self, computed: Checklist) {
        let document = self
            .member
            .as_ref()
            .map(|m| match m.identity_kind {
                IdentityKind::Kk | IdentityKind::Kia => IdentityKind::Kk,
                _ => IdentityKind::Ktp,
            })
            .unwrap_or(IdentityKind::Ktp);
        self.mode = Mode::Checklist(ChecklistForm {
            computed,
            ticked: [false; 3],
            focus: 0,
            document,
            reason: None,
        });
    }

    pub fn typing(&self) -> bool {
        match &self.mode {
            Mode::PhotoSource(_) | Mode::Handover { .. } | Mode::Reassign(_) => true,
            Mode::Checklist(c) => c.reason.is_some(),
            _ => false,
        }
    }

    /// `r`: a supervisor hands a request someone is working on to another clerk.
    fn offers_reassign(&self) -> bool {
        self.can_supervise && self.request.as_ref().is_some_and(|r| r.handler().is_some())
    }

    /// `f`: a new photo in place of the one taken, or of the one an online applicant sent.
    fn offers_new_photo(&self) -> bool {
        self.can_act
            && match self.state() {
                Some(RequestState::PhotoTaken) => true,
                Some(RequestState::WaitingAtCounter) => self.photo_sent(),
                _ => false,
            }
    }

    /// An online applicant's photo came with the form and has not been through the photo
    /// step yet: the step is checking it. (One refused at the checklist is taken anew.)
    fn photo_sent(&self) -> bool {
        self.photo.is_some()
            && self.request.as_ref().is_some_and(|r| {
                r.source == Source::Online
                    && !r.history.iter().any(|t| t.to == RequestState::PhotoTaken)
            })
    }

    fn state(&self) -> Option<RequestState> {
        self.request.as_ref().map(|r| r.state)
    }

    /// The next step's name, for the footer and the line under the data.
    fn next_step(&self, lang: Lang) -> Option<&'static str> {
        Some(match self.state()? {
            RequestState::Registered => lang.text("tui-detail-call-the-applicant-sop-2"),
            // An online applicant sent a photo: the step is checking it against the person.
            RequestState::WaitingAtCounter if self.photo_sent() => {
                lang.text("tui-detail-check-the-photo-sent-sop-3")
            }
            RequestState::WaitingAtCounter => lang.text("tui-detail-take-the-photo-sop-3"),
            RequestState::PhotoTaken => lang.text("tui-detail-check-the-data-sop-4"),
            RequestState::Verified => lang.text("tui-detail-print-the-card-sop-5"),
            RequestState::Printed => lang.text("tui-detail-cut-laminated-sop-6"),
            RequestState::Laminated => lang.text("tui-detail-hand-over-the-card-sop-7"),
            _ => return None,
        })
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        match &mut self.mode {
            Mode::View => {}
            Mode::PhotoSource(input) => {
                match key.code {
                    KeyCode::Esc => self.mode = Mode::View,
                    KeyCode::Enter => {
                        return Some(Action::Step(Step::LoadPhoto(input.value.clone())));
                    }
                    _ => {
                        input.edit(&key);
                    }
                }
                return None;
            }
            Mode::Editing { editor, .. } => {
                return match editor.handle_key(key) {
                    Some(EditorOutcome::Accept) => Some(Action::Step(Step::SavePhoto)),
                    Some(EditorOutcome::Cancel) => {
                        self.mode = Mode::View;
                        None
                    }
                    _ => None,
                };
            }
            Mode::Handover {
                receiver,
                card,
                on_card,
            } => {
                match key.code {
                    KeyCode::Esc => self.mode = Mode::View,
                    KeyCode::Tab | KeyCode::BackTab => *on_card = !*on_card,
                    // The typed number is checked as a scan would be, then back to the name.
                    KeyCode::Enter if *on_card => {
                        let typed = card.value.trim().to_string();
                        card.value.clear();
                        *on_card = false;
                        if !typed.is_empty() {
                            return Some(Action::Scan(typed));
                        }
                    }
                    KeyCode::Enter if !receiver.value.trim().is_empty() => {
                        return Some(Action::Step(Step::HandOver {
                            received_by: receiver.value.clone(),
                        }));
                    }
                    _ if *on_card => {
                        card.edit(&key);
                    }
                    _ => {
                        receiver.edit(&key);
                    }
                }
                return None;
            }
            Mode::Checklist(form) => {
                let (action, close) = checklist_key(form, key);
                if close {
                    self.mode = Mode::View;
                }
                return action;
            }
            Mode::Reassign(input) => {
                match key.code {
                    KeyCode::Esc => self.mode = Mode::View,
                    KeyCode::Enter if !input.value.trim().is_empty() => {
                        let to = input.value.trim().to_string();
                        self.mode = Mode::View;
                        return Some(Action::Step(Step::Reassign { to }));
                    }
                    _ => {
                        input.edit(&key);
                    }
                }
                return None;
            }
            Mode::Reason { exit, input } => {
                match key.code {
                    KeyCode::Esc => self.mode = Mode::View,
                    KeyCode::Enter if !input.value.trim().is_empty() => {
                        let step = Step::SideExit {
                            exit: *exit,
                            reason: input.value.trim().to_string(),
                        };
                        self.mode = Mode::View;
                        return Some(Action::Step(step));
                    }
                    _ => {
                        input.edit(&key);
                    }
                }
                return None;
            }
        }
        let open = self.state().is_some_and(RequestState::is_open);
        let printed = matches!(
            self.state(),
            Some(RequestState::Printed | RequestState::Laminated)
        );
        let exit = match key.code {
            KeyCode::Char('x') if open => Some(SideExit::Reject),
            KeyCode::Char('b') if open => Some(SideExit::Cancel),
            KeyCode::Char('u') if printed => Some(SideExit::Reprint),
            _ => None,
        };
        if let Some(exit) = exit {
            // Supervisors may end a request (recorded with the reason), not take its steps.
            let allowed = self.can_act || (exit == SideExit::Cancel && self.can_supervise);
            if !allowed {
                // Asks anyway, so the app can say why nothing happens.
                return Some(Action::Step(Step::Call));
            }
            self.mode = Mode::Reason {
                exit,
                input: TextInput::default(),
            };
            return None;
        }
        match key.code {
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Char('r') if self.offers_reassign() => {
                self.mode = Mode::Reassign(TextInput::default());
                None
            }
            KeyCode::Char('f') if self.offers_new_photo() => {
                self.mode = Mode::PhotoSource(TextInput::default());
                None
            }
            // A supervisor's Enter still asks, so the app can say why nothing happens.
            KeyCode::Enter if !self.can_act => Some(Action::Step(Step::Call)),
            KeyCode::Enter => match self.state()? {
                RequestState::Registered => Some(Action::Step(Step::Call)),
                RequestState::WaitingAtCounter if self.photo_sent() => {
                    Some(Action::Step(Step::EditStoredPhoto))
                }
                RequestState::WaitingAtCounter => {
                    self.mode = Mode::PhotoSource(TextInput::default());
                    None
                }
                RequestState::PhotoTaken => Some(Action::Step(Step::OpenChecklist)),
                RequestState::Verified => Some(Action::Step(Step::Print)),
                RequestState::Printed => Some(Action::Step(Step::Laminate)),
                RequestState::Laminated => {
                    let name = self
                        .member
                        .as_ref()
                        .map(|m| m.full_name.as_str())
                        .unwrap_or("");
                    self.card_check = CardCheck::NotScanned;
                    self.mode = Mode::Handover {
                        receiver: TextInput::new(name),
                        card: TextInput::default(),
                        on_card: false,
                    };
                    None
                }
                _ => None,
            },
            _ => None,
        }
    }

    pub fn keys(&self, lang: Lang) -> Keys {
        match &self.mode {
            Mode::View => {
                let mut k = Vec::new();
                if self.can_act
                    && let Some(step) = self.next_step(lang)
                {
                    k.push(("Enter", step));
                }
                if self.offers_new_photo() {
                    k.push(("f", lang.text("tui-detail-new-photo")));
                }
                if self.can_act
                    && matches!(
                        self.state(),
                        Some(RequestState::Printed | RequestState::Laminated)
                    )
                {
                    k.push(("u", lang.text("tui-detail-reprint")));
                }
                let open = self.state().is_some_and(RequestState::is_open);
                if self.can_act && open {
                    k.push(("x", lang.text("tui-detail-reject")));
                }
                if (self.can_act || self.can_supervise) && open {
                    k.push(("b", lang.text("tui-detail-cancel")));
                }
                if self.offers_reassign() {
                    k.push(("r", lang.text("tui-detail-reassign")));
                }
                k.push(("Esc", lang.text("tui-detail-to-the-queue")));
                k
            }
            Mode::PhotoSource(_) => vec![
                ("Enter", lang.text("tui-detail-get-the-photo")),
                ("Esc", lang.text("tui-detail-cancel")),
            ],
            Mode::Editing { .. } => vec![
                ("Enter", lang.text("tui-detail-save-the-photo")),
                ("←↑→↓ + − R", lang.text("tui-detail-adjust-the-crop")),
                ("Esc", lang.text("tui-detail-cancel")),
            ],
            Mode::Checklist(c) if c.reason.is_some() => vec![
                ("Enter", lang.text("tui-detail-record-with-the-reason")),
                ("Esc", lang.text("tui-detail-back")),
            ],
            Mode::Checklist(_) => vec![
                (lang.text("tui-detail-space"), lang.text("tui-detail-tick")),
                ("a", lang.text("tui-detail-all-fine")),
                ("d", lang.text("tui-detail-ktp-kk")),
                ("Enter", lang.text("tui-detail-record-the-check")),
                ("Esc", lang.text("tui-detail-cancel")),
            ],
            Mode::Handover { on_card: true, .. } => vec![
                ("Enter", lang.text("tui-detail-check-the-card-number")),
                ("Tab", lang.text("tui-detail-to-the-receiver-s-name")),
                ("Esc", lang.text("tui-detail-cancel")),
            ],
            Mode::Handover { .. } => vec![
                ("Enter", lang.text("tui-detail-record-the-handover")),
                ("Tab", lang.text("tui-detail-type-the-card-number")),
                ("Esc", lang.text("tui-detail-cancel")),
            ],
            Mode::Reassign(_) => vec![
                ("Enter", lang.text("tui-detail-reassign-2")),
                ("Esc", lang.text("tui-detail-cancel")),
            ],
            Mode::Reason { .. } => vec![
                ("Enter", lang.text("tui-detail-record-with-the-reason")),
                ("Esc", lang.text("tui-detail-back")),
            ],
        }
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, v: &View) {
        let lang = v.lang;
        if let Mode::Editing { editor, .. } = &mut self.mode {
            editor.draw(frame, area, lang);
            return;
        }
        let wide = area.width >= 100;
        let (data_area, history_area) = if wide {
            let [a, b] =
                Layout::horizontal([Constraint::Length(54), Constraint::Min(30)]).areas(area);
            (a, b)
        } else {
            let [a, b] = Layout::vertical([Constraint::Length(12), Constraint::Min(3)]).areas(area);
            (a, b)
        };
        self.draw_data(frame, data_area, v);
        self.draw_history(frame, history_area, v);
        match &self.mode {
            Mode::PhotoSource(input) => {
                let text =
                    prompt_lines(lang.text("tui-detail-type-the-photo-file-s-path"), input, v);
                popup(frame, area, lang.text("tui-detail-photo-sop-3"), text, 9);
            }
            Mode::Handover {
                receiver,
                card,
                on_card,
            } => {
                let mut text = vec![
                    Line::raw(lang.text("tui-detail-name-of-who-receives-the-card")),
                    Line::raw(""),
                    field_line(receiver, !*on_card, v),
                    Line::raw(""),
                ];
                let card_line = self.card_check.line(lang, v.theme.error);
                if *on_card {
                    text.push(Line::from(vec![
                        Span::raw(lang.text("tui-detail-card-number")),
                        Span::styled(format!("{}▏", card.value), v.theme.selection),
                    ]));
                } else if let Some(line) = card_line {
                    text.push(line);
                } else {
                    text.push(Line::raw(lang.text("tui-detail-scan-the-card-or-tab-type")));
                }
                popup(
                    frame,
                    area,
                    lang.text("tui-detail-handover-sop-7-8"),
                    text,
                    10,
                );
            }
            Mode::Reassign(input) => {
                let text = prompt_lines(
                    lang.text("tui-detail-account-name-of-the-clerk-taking"),
                    input,
                    v,
                );
                popup(
                    frame,
                    area,
                    lang.text("tui-detail-reassign-to-another-clerk"),
                    text,
                    7,
                );
            }
            Mode::Reason { exit, input } => {
                let text = prompt_lines(
                    lang.text("tui-detail-write-the-reason-it-goes-into"),
                    input,
                    v,
                );
                popup(frame, area, exit.title(lang), text, 7);
            }
            Mode::Checklist(form) => {
                let text = checklist_lines(form, self.member.as_ref(), v);
                popup(
                    frame,
                    area,
                    lang.text("tui-detail-data-check-sop-4"),
                    text,
                    16,
                );
            }
            _ => {}
        }
    }

    /// The member's data, with the photo beside it so the clerk can compare it with the
    /// person at the counter (SOP 4 and the handover).
    fn draw_data(&mut self, frame: &mut Frame, area: Rect, v: &View) {
        let block = Block::bordered()
            .padding(Padding::horizontal(1))
            .title(v.lang.text("tui-detail-member"));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let text_area = match &self.photo {
            Some(jpeg) if inner.width >= 50 => {
                let [text, _gap, photo] = Layout::horizontal([
                    Constraint::Min(30),
                    Constraint::Length(1),
                    Constraint::Length(PHOTO_COLS),
                ])
                .areas(inner);
                self.preview.draw(frame, photo, jpeg);
                text
            }
            _ => inner,
        };
        frame.render_widget(self.data(v), text_area);
    }

    fn data(&self, v: &View) -> Paragraph<'static> {
        let lang = v.lang;
        let Some(m) = &self.member else {
            return Paragraph::new("");
        };
        let row = |label: &str, value: String| {
            Line::from(vec![
                Span::styled(format!("{label:<14}"), v.theme.accent),
                Span::raw(value),
            ])
        };
        // Who has it rides on the state's row: at 80×24 a row of its own would push the
        // next step's line out of the panel.
        let state = self
            .request
            .as_ref()
            .map(|r| {
                let mut s = format!(
                    "{} · {}",
                    r.state.localized(lang),
                    source_text(r.source, lang)
                );
                if let Some(h) = r.handler() {
                    s.push_str(&format!(" · {} {h}", lang.text("tui-detail-with")));
                }
                s
            })
            .unwrap_or_else(|| lang.text("tui-detail-no-request").to_string());
        let mut lines = vec![
            row(lang.text("tui-detail-name"), m.full_name.clone()),
            row(lang.text("tui-detail-member-no"), m.member_no.to_string()),
            row("NIK", m.masked_nik()),
            row(
                lang.text("tui-detail-born"),
                format!("{}, {}", m.birth_place, m.birth_date.strftime("%d-%m-%Y")),
            ),
            row(lang.text("tui-detail-address"), m.address.one_line()),
            row(lang.text("tui-detail-type"), m.member_type.clone()),
            row(
                lang.text("tui-detail-photo"),
                if self.photo.is_some() {
                    lang.text("tui-detail-stored")
                } else {
                    lang.text("tui-detail-none-yet")
                }
                .to_string(),
            ),
            row(lang.text("tui-detail-state"), state),
        ];

        match self.next_step(lang) {
            Some(step) if self.can_act => {
                lines.push(Line::styled(format!("Enter → {step}"), v.theme.selection))
            }
            Some(_) => lines.push(Line::raw(
                lang.text("tui-detail-supervisor-s-account-view-cancel-b"),
            )),
            None => {}
        }
        Paragraph::new(lines).wrap(Wrap { trim: true })
    }

    fn draw_history(&self, frame: &mut Frame, area: Rect, v: &View) {
        let lang = v.lang;
        let block = Block::bordered().title(lang.text("tui-detail-history"));
        let Some(r) = &self.request else {
            frame.render_widget(block, area);
            return;
        };
        let mut rows = Vec::new();
        for (i, t) in r.history.iter().enumerate() {
            let took = if i == 0 {
                String::new()
            } else {
                let d = t.at.duration_since(r.history[i - 1].at);
                format!("{} {}", d.as_secs() / 60, lang.text("tui-detail-min"))
            };
            rows.push(Row::new(vec![
                Cell::from(super::history::label(t, lang)),
                Cell::from(t.by.clone()),
                Cell::from(v.clock.local(t.at)),
                Cell::from(took),
            ]));
        }
        let header = Row::new(vec![
            lang.text("tui-detail-step"),
            lang.text("tui-detail-by"),
            lang.text("tui-detail-when"),
            lang.text("tui-detail-took"),
        ])
        .style(v.theme.accent);
        let table = Table::new(
            rows,
            [
                Constraint::Min(16),
                Constraint::Length(10),
                Constraint::Length(16),
                Constraint::Length(7),
            ],
        )
        .header(header)
        .block(block);
        frame.render_widget(table, area);
    }
}

/// A question and the answer being typed, with the cursor: the body of every text prompt.
fn prompt_lines<'a>(prompt: &'a str, input: &TextInput, v: &View) -> Vec<Line<'a>> {
    vec![Line::raw(prompt), Line::raw(""), field_line(input, true, v)]
}

/// A text field: highlighted with the cursor when it has the keys, plain otherwise.
fn field_line(input: &TextInput, focused: bool, v: &View) -> Line<'static> {
    if focused {
        Line::styled(format!("{}▏", input.value), v.theme.selection)
    } else {
        Line::raw(input.value.clone())
    }
}

fn popup(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>, height: u16) {
    let width = 70.min(area.width);
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [p] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    frame.render_widget(Clear, p);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .title(title.to_string())
                .padding(Padding::horizontal(1)),
        ),
        p,
    );
}
