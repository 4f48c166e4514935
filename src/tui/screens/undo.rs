//! The small box that asks why a step is being undone: the reason goes into the request's
//! history beside the undo, which never erases the step itself.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Wrap};

use crate::tui::app::{Action, Correct, View};
use crate::tui::widgets::TextInput;

pub struct UndoPrompt {
    /// The step that would be undone, as the history shows it.
    pub step: String,
    pub by: String,
    input: TextInput,
}

/// What a key in the prompt did.
pub enum PromptKey {
    Stay,
    Close,
    Act(Action),
}

impl UndoPrompt {
    pub fn new(step: String, by: String) -> UndoPrompt {
        UndoPrompt {
            step,
            by,
            input: TextInput::default(),
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> PromptKey {
        match key.code {
            KeyCode::Esc => PromptKey::Close,
            KeyCode::Enter if self.input.value.trim().is_empty() => PromptKey::Stay,
            KeyCode::Enter => PromptKey::Act(Action::Correct(Correct::Undo {
                reason: self.input.value.trim().to_string(),
            })),
            _ => {
                self.input.edit(&key);
                PromptKey::Stay
            }
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, v: &View) {
        let lang = v.lang;
        let lines = vec![
            Line::raw(crate::t!(
                lang,
                "tui-undo-undo-the-last-step",
                step = self.step.as_str(),
                by = self.by.as_str()
            )),
            Line::raw(""),
            Line::raw(lang.text("tui-undo-reason-then-enter-esc-do-not")),
            Line::styled(format!("{}▏", self.input.shown()), v.theme.selection),
        ];
        let [row] = Layout::vertical([Constraint::Length(10)])
            .flex(Flex::Center)
            .areas(area);
        let [boxed] = Layout::horizontal([Constraint::Length(64.min(area.width))])
            .flex(Flex::Center)
            .areas(row);
        frame.render_widget(Clear, boxed);
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: false }).block(
                Block::bordered()
                    .padding(Padding::horizontal(1))
                    .title(lang.text("tui-undo-undo-a-step")),
            ),
            boxed,
        );
    }
}
