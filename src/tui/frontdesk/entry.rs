//! Keys at the front desk other than the guest form: a number typed by hand (a damaged
//! barcode, a scanner that is down) checks in like a scan on Enter, whatever the typing speed;
//! leaving takes F10 (or Ctrl+C) and then `y`, so a visitor leaning on the keyboard or a lone
//! Esc never closes the entrance screen.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Wrap};

use crate::domain::checkin::MAX_CODE_LEN;
use crate::i18n::Lang;

/// What the desk does with a key while no guest form is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKey {
    /// Check this typed code in, as a scan.
    CheckIn(String),
    OpenGuestForm,
    /// Ask whether to leave (F10, Ctrl+C).
    AskToLeave,
    /// Nothing more to do (the typed text changed, or the key means nothing here).
    Handled,
}

/// The code being typed by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypedEntry {
    pub text: String,
}

/// Characters a member number or a card serial can have (as `checkin::code_of` accepts).
fn code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.' | '_')
}

impl TypedEntry {
    pub fn key(&mut self, key: KeyEvent) -> EntryKey {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('c') if ctrl => EntryKey::AskToLeave,
            KeyCode::F(10) => EntryKey::AskToLeave,
            _ if ctrl => EntryKey::Handled,
            KeyCode::Enter if !self.text.trim().is_empty() => {
                EntryKey::CheckIn(std::mem::take(&mut self.text))
            }
            KeyCode::Esc => {
                self.text.clear();
                EntryKey::Handled
            }
            KeyCode::Backspace => {
                self.text.pop();
                EntryKey::Handled
            }
            // `g` opens the guest form only before anything is typed: member numbers of
            // format 3 and branch prefixes have letters.
            KeyCode::Char('g' | 'G') if self.text.is_empty() => EntryKey::OpenGuestForm,
            KeyCode::Char(c) if code_char(c) && self.text.len() < MAX_CODE_LEN => {
                self.text.push(c);
                EntryKey::Handled
            }
            _ => EntryKey::Handled,
        }
    }
}

/// The line showing what is being typed, at the foot of `area`.
pub fn draw_typed(frame: &mut Frame, area: Rect, typed: &TypedEntry, lang: Lang) {
    if typed.text.is_empty() || area.height < 6 {
        return;
    }
    // Inside the panel's frame, above its bottom border.
    let area = area.inner(ratatui::layout::Margin::new(1, 1));
    let [_, foot] = Layout::vertical([Constraint::Min(0), Constraint::Length(3)]).areas(area);
    let [foot] = Layout::horizontal([Constraint::Length(64.min(foot.width))])
        .flex(Flex::Center)
        .areas(foot);
    frame.render_widget(Clear, foot);
    let line = Line::from(vec![
        Span::raw(lang.text("tui-frontdesk-entry-number-typed")),
        Span::styled(
            format!("{}▏", typed.text),
            Style::new().add_modifier(Modifier::BOLD),
        ),
    ]);
    frame.render_widget(
        Paragraph::new(line).block(
            Block::bordered()
                .padding(Padding::horizontal(1))
                .title(lang.text("tui-frontdesk-entry-enter-check-esc-clear")),
        ),
        foot,
    );
}

/// The question before the front desk closes.
pub fn draw_leave(frame: &mut Frame, area: Rect, lang: Lang) {
    let [popup] = Layout::horizontal([Constraint::Length(56.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(7.min(area.height))])
        .flex(Flex::Center)
        .areas(popup);
    frame.render_widget(Clear, popup);
    let lines = vec![
        Line::styled(
            lang.text("tui-frontdesk-entry-close-the-front-desk-visitors-cannot"),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Line::raw(""),
        Line::raw(lang.text("tui-frontdesk-entry-y-yes-close-any-other-key")),
    ];
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .padding(Padding::horizontal(1))
                .title(lang.text("tui-frontdesk-entry-leave")),
        ),
        popup,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn typed_codes_keep_their_characters_and_enter_hands_them_on() {
        let mut t = TypedEntry::default();
        assert_eq!(t.key(k(KeyCode::Char('g'))), EntryKey::OpenGuestForm);
        for c in "00001l2026 ü!".chars() {
            t.key(k(KeyCode::Char(c)));
        }
        assert_eq!(t.text, "00001l2026", "space, ü and ! are not in any code");
        assert_eq!(t.key(k(KeyCode::Char('g'))), EntryKey::Handled);
        t.key(k(KeyCode::Backspace));
        assert_eq!(
            t.key(k(KeyCode::Enter)),
            EntryKey::CheckIn("00001l2026".into())
        );
        assert!(t.text.is_empty());
        assert_eq!(
            t.key(k(KeyCode::Enter)),
            EntryKey::Handled,
            "Enter twice: nothing"
        );
        for c in "x".repeat(MAX_CODE_LEN + 5).chars() {
            t.key(k(KeyCode::Char(c)));
        }
        assert_eq!(t.text.len(), MAX_CODE_LEN);
        t.key(k(KeyCode::Esc));
        assert!(t.text.is_empty());
    }

    #[test]
    fn only_f10_and_ctrl_c_ask_to_leave() {
        let mut t = TypedEntry::default();
        assert_eq!(t.key(k(KeyCode::Esc)), EntryKey::Handled);
        assert_eq!(t.key(k(KeyCode::Char('q'))), EntryKey::Handled);
        assert_eq!(t.key(k(KeyCode::F(10))), EntryKey::AskToLeave);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(t.key(ctrl_c), EntryKey::AskToLeave);
    }
}
