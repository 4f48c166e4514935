//! The registration form (SOP 1): every field of the member, checked as it is typed by the
//! same `MemberDraft::validate` the CLI and the web form use; on success the member number
//! shown large for the applicant to note (SOP 2).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};

use super::Keys;
use crate::domain::member::{Field, FieldError, FormRules, Member, MemberDraft, Problem, Warning};
use crate::domain::member_type::MemberType;
use crate::domain::nik::{Nik, NikMismatch};
use crate::i18n::{Lang, Localized, field_hint};
use crate::service::Registered;
use crate::tui::app::{Action, Correct, View};
use crate::tui::widgets::{TextInput, big_text};

/// The form's fields in the order of the paper form.
pub const FIELDS: [Field; 19] = Field::FORM;

const LABEL_WIDTH: usize = 22;
/// Where the NIK, the birth date and sex are in [`FIELDS`].
const NIK_AT: usize = 2;
const BIRTH_DATE_AT: usize = 4;
const SEX_AT: usize = 5;

pub struct RegisterScreen {
    today: Date,
    member_types: Vec<MemberType>,
    regency_code: String,
    fields: Vec<TextInput>,
    /// Fields the clerk has left: their problems are shown (an empty form is not all red).
    touched: Vec<bool>,
    focus: usize,
    errors: Vec<FieldError>,
    warnings: Vec<Warning>,
    /// The member who already holds the NIK typed, if an active one does.
    nik_holder: Option<String>,
    done: Option<(String, String)>,
    /// The form as it was opened: Esc asks before throwing away anything typed since.
    initial: MemberDraft,
    /// Esc was pressed once on a changed form; a second Esc discards it.
    confirm_discard: bool,
    /// Correcting this member's data rather than registering a new one.
    editing: Option<Editing>,
    /// Birth date and sex as last filled in from the NIK: replaced when the NIK changes,
    /// kept once the clerk types over them.
    from_nik: Option<(String, String)>,
}

/// A correction: the member as the form was filled from (the store refuses the save if
/// someone changed it since), and whether the checklist comes back after it.
#[derive(Debug, Clone)]
pub struct Editing {
    pub before: Member,
    pub back_to_checklist: bool,
}

impl RegisterScreen {
    pub fn new(today: Date, member_types: &[MemberType], regency_code: &str) -> RegisterScreen {
        let mut s = RegisterScreen {
            today,
            member_types: member_types.to_vec(),
            regency_code: regency_code.to_string(),
            fields: vec![TextInput::default(); FIELDS.len()],
            touched: vec![false; FIELDS.len()],
            focus: 0,
            errors: Vec::new(),
            warnings: Vec::new(),
            nik_holder: None,
            done: None,
            initial: MemberDraft::default(),
            confirm_discard: false,
            editing: None,
            from_nik: None,
        };
        s.validate();
        s
    }

    /// The form filled with a member's data, to correct it.
    pub fn for_correction(
        today: Date,
        member_types: &[MemberType],
        regency_code: &str,
        draft: MemberDraft,
        editing: Editing,
    ) -> RegisterScreen {
        let mut s = RegisterScreen::new(today, member_types, regency_code);
        for (field, input) in FIELDS.iter().zip(s.fields.iter_mut()) {
            input.value = draft.field(*field).to_string();
        }
        s.initial = s.draft();
        s.editing = Some(editing);
        s.touched.iter_mut().for_each(|t| *t = true);
        s.validate();
        s
    }

    pub fn editing(&self) -> Option<&Editing> {
        self.editing.as_ref()
    }

    pub fn title(&self, lang: Lang) -> &'static str {
        if self.editing.is_some() {
            lang.text("tui-register-correcting-a-member-s-data")
        } else {
            lang.text("tui-register-registration-sop-1")
        }
    }

    fn save(&mut self) -> Option<Action> {
        self.touched.iter_mut().for_each(|t| *t = true);
        let draft = Box::new(self.draft());
        Some(match self.editing {
            Some(_) => Action::Correct(Correct::Save(draft)),
            None => Action::Register(draft),
        })
    }

    /// A whole, valid NIK typed: birth date and sex filled from it where empty or where they
    /// were filled from an earlier NIK. The clerk may still change them; a disagreement is then
    /// marked on the field that disagrees.
    fn fill_from_nik(&mut self) {
        let Ok(nik) = Nik::parse(&self.fields[NIK_AT].value, self.today) else {
            return;
        };
        let Ok(birth) = nik.birth_date(self.today) else {
            return;
        };
        let (date, sex) = (birth.to_string(), nik.sex().letter().to_string());
        let (old_date, old_sex) = self.from_nik.clone().unwrap_or_default();
        let date_field = &mut self.fields[BIRTH_DATE_AT].value;
        if date_field.is_empty() || *date_field == old_date {
            *date_field = date.clone();
        }
        let sex_field = &mut self.fields[SEX_AT].value;
        if sex_field.is_empty() || *sex_field == old_sex {
            *sex_field = sex.clone();
        }
        self.from_nik = Some((date, sex));
    }

    pub fn draft(&self) -> MemberDraft {
        let mut d = MemberDraft::default();
        for (field, input) in FIELDS.iter().zip(&self.fields) {
            *d.field_mut(*field) = input.value.clone();
        }
        d
    }

    fn validate(&mut self) {
        let rules = FormRules {
            today: self.today,
            member_types: &self.member_types,
            regency_code: &self.regency_code,
        };
        match self.draft().validate(&rules) {
            Ok(valid) => {
                self.errors.clear();
                self.warnings = valid.warnings;
            }
            Err(errors) => {
                self.errors = errors;
                self.warnings.clear();
            }
        }
    }

    /// Errors the service found on saving (the same rules; shown on every field).
    pub fn show_errors(&mut self, errors: Vec<FieldError>) {
        self.touched.iter_mut().for_each(|t| *t = true);
        self.errors = errors;
    }

    pub fn set_nik_holder(&mut self, holder: Option<String>) {
        self.nik_holder = holder;
    }

    pub fn registered(&mut self, r: &Registered) {
        self.done = Some((r.member.member_no.to_string(), r.member.full_name.clone()));
    }

    pub fn done(&self) -> Option<&str> {
        self.done.as_ref().map(|(no, _)| no.as_str())
    }

    /// A field's problems; a NIK contradicting the birth date or sex is shown on those fields
    /// too, as it is one of them that is wrong.
    fn errors_of(&self, field: Field) -> Vec<&FieldError> {
        self.errors
            .iter()
            .filter(|e| {
                e.field == field
                    || matches!(&e.problem, Problem::NikMismatch(found) if found.iter().any(|m| {
                        matches!(
                            (m, field),
                            (NikMismatch::BirthDate { .. }, Field::BirthDate)
                                | (NikMismatch::Sex { .. }, Field::Sex)
                        )
                    }))
            })
            .collect()
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if let Some((no, _)) = &self.done {
            return match key.code {
                KeyCode::Enter => Some(Action::OpenDetail(no.clone())),
                KeyCode::Esc => Some(Action::Back),
                _ => None,
            };
        }
        let last = FIELDS.len() - 1;
        let confirming = std::mem::take(&mut self.confirm_discard);
        match key.code {
            KeyCode::Esc if !confirming && self.draft() != self.initial => {
                self.confirm_discard = true;
                return Some(Action::Notice("tui-register-the-form-is-not-saved-esc"));
            }
            KeyCode::Esc if self.editing.is_some() => {
                return Some(Action::Correct(Correct::Cancel));
            }
            KeyCode::Esc => return Some(Action::Back),
            KeyCode::Char('s') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return self.save();
            }
            KeyCode::Enter if self.focus == last => return self.save(),
            KeyCode::Up | KeyCode::BackTab => {
                self.touched[self.focus] = true;
                self.focus = self.focus.saturating_sub(1);
            }
            KeyCode::Down | KeyCode::Tab | KeyCode::Enter => {
                self.touched[self.focus] = true;
                self.focus = (self.focus + 1).min(last);
            }
            _ => {
                // A value filled from the NIK is a suggestion: typing over it replaces it.
                let suggested = self.from_nik.as_ref().is_some_and(|(date, sex)| {
                    let v = &self.fields[self.focus].value;
                    (self.focus == BIRTH_DATE_AT && v == date) || (self.focus == SEX_AT && v == sex)
                });
                if suggested && matches!(key.code, KeyCode::Char(_)) {
                    self.fields[self.focus].value.clear();
                }
                if self.fields[self.focus].edit(&key) {
                    if self.focus == NIK_AT {
                        self.fill_from_nik();
                    }
                    self.validate();
                    if FIELDS[self.focus] == Field::IdentityNo {
                        let nik = self.fields[self.focus].value.trim().to_string();
                        if nik.len() == 16 && nik.chars().all(|c| c.is_ascii_digit()) {
                            return Some(Action::CheckNik(nik));
                        }
                        self.nik_holder = None;
                    }
                }
            }
        }
        None
    }

    pub fn keys(&self, lang: Lang) -> Keys {
        if self.done.is_some() {
            return vec![
                ("Enter", lang.text("tui-register-open-the-request")),
                ("Esc", lang.text("tui-register-to-the-queue")),
            ];
        }
        vec![
            ("Enter", lang.text("tui-register-next-field")),
            ("↑↓", lang.text("tui-register-move")),
            ("Ctrl+S", lang.text("tui-register-save")),
            ("Esc", lang.text("tui-register-cancel")),
        ]
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, v: &View) {
        if let Some((no, name)) = &self.done {
            return draw_done(frame, area, v, no, name);
        }
        let lang = v.lang;
        let [list, info] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(5)]).areas(area);
        // Keep the focused field in view on a 24-line terminal.
        let rows = usize::from(list.height);
        let first = (self.focus + 1).saturating_sub(rows);
        let mut lines = Vec::new();
        for (i, field) in FIELDS.iter().enumerate().skip(first).take(rows) {
            let bad = self.touched[i] && !self.errors_of(*field).is_empty();
            let mark = if bad { "✗" } else { " " };
            let focus = i == self.focus;
            let cursor = if focus { "▏" } else { "" };
            let label = field.localized(lang);
            let text = format!(
                "{}{mark} {label:<LABEL_WIDTH$} {}{cursor}",
                if focus { "▸" } else { " " },
                self.fields[i].shown()
            );
            let style = if focus {
                v.theme.selection
            } else if bad {
                v.theme.error
            } else {
                Style::new()
            };
            lines.push(Line::styled(text, style));
        }
        frame.render_widget(Paragraph::new(lines), list);

        let field = FIELDS[self.focus];
        let mut msg: Vec<Line> = Vec::new();
        for e in self.errors_of(field) {
            if self.touched[self.focus] || !self.fields[self.focus].value.is_empty() {
                msg.push(Line::styled(
                    format!("✗ {}", e.localized(lang)),
                    v.theme.error,
                ));
            }
        }
        if field == Field::IdentityNo
            && let Some(holder) = &self.nik_holder
        {
            msg.push(Line::styled(
                crate::t!(
                    lang,
                    "tui-register-nik-belongs-to-member",
                    holder = holder.as_str()
                ),
                v.theme.near,
            ));
        }
        if msg.is_empty() {
            let h = field_hint(field, lang);
            if !h.is_empty() {
                msg.push(Line::raw(h));
            }
        }
        let problems = self
            .errors
            .iter()
            .filter(|e| self.touched[FIELDS.iter().position(|f| *f == e.field).unwrap_or(0)])
            .count();
        let title = crate::t!(
            lang,
            "tui-register-field-problems-title",
            field = field.localized(lang),
            n = problems
        );
        frame.render_widget(
            Paragraph::new(msg).wrap(Wrap { trim: true }).block(
                Block::bordered()
                    .title(title)
                    .padding(Padding::horizontal(1)),
            ),
            info,
        );
    }
}

fn draw_done(frame: &mut Frame, area: Rect, v: &View, no: &str, name: &str) {
    let lang = v.lang;
    let mut lines = vec![
        Line::raw(""),
        Line::raw(crate::t!(
            lang,
            "tui-register-registration-succeeded",
            name = name
        )),
        Line::raw(lang.text("tui-register-member-number-note-it-then-say")),
        Line::raw(""),
    ];
    for row in big_text(no) {
        lines.push(Line::styled(format!("  {row}"), v.theme.accent));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(format!("  {no}"), v.theme.accent));
    lines.push(Line::raw(""));
    lines.push(Line::raw(
        lang.text("tui-register-enter-open-the-request-and-call"),
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
