//! The guest form (buku tamu for visitors without a card): its fields and its popup.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Wrap};

use super::RED;
use crate::domain::visit::Guest;
use crate::i18n::Lang;

/// The guest form (key `g`): name, institution, purpose, group size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuestForm {
    pub fields: [String; 4],
    pub focus: usize,
    pub error: Option<String>,
}

impl Default for GuestForm {
    fn default() -> Self {
        GuestForm {
            fields: [String::new(), String::new(), String::new(), "1".into()],
            focus: 0,
            error: None,
        }
    }
}

impl GuestForm {
    /// The fields' labels, as message ids.
    const LABELS: [&'static str; 4] = [
        "tui-frontdesk-guest-name",
        "tui-frontdesk-guest-institution",
        "tui-frontdesk-guest-purpose",
        "tui-frontdesk-guest-group-size",
    ];

    pub(super) fn guest(&self) -> Guest {
        Guest {
            name: self.fields[0].clone(),
            institution: self.fields[1].clone(),
            purpose: self.fields[2].clone(),
            // Digits only are accepted by the form; an empty or huge number fails the check.
            group_size: self.fields[3].parse().unwrap_or(0),
        }
    }
}

pub(super) fn draw_form(frame: &mut Frame, area: Rect, form: &GuestForm, lang: Lang) {
    let [popup] = Layout::horizontal([Constraint::Length(60.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(11.min(area.height))])
        .flex(Flex::Center)
        .areas(popup);
    frame.render_widget(Clear, popup);
    let mut lines = Vec::new();
    for (i, label) in GuestForm::LABELS.iter().enumerate() {
        let focused = i == form.focus;
        let marker = if focused { "▸ " } else { "  " };
        let cursor = if focused { "_" } else { "" };
        let style = if focused {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{marker}{:<14}", lang.text(label)), style),
            Span::raw(format!("{}{cursor}", form.fields[i])),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::raw(
        lang.text("tui-frontdesk-guest-tab-enter-next-enter-on-the"),
    ));
    if let Some(e) = &form.error {
        lines.push(Line::styled(e.clone(), Style::new().fg(RED)));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .padding(Padding::horizontal(1))
                .title(lang.text("tui-frontdesk-guest-guest-without-a-card")),
        ),
        popup,
    );
}
