//! The help overlay (F1 or ?): every key of the current screen, from the same list the
//! footer shows, and what the counter's steps are.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Wrap};

use super::Keys;
use crate::tui::app::View;

pub fn draw(frame: &mut Frame, area: Rect, keys: &Keys, v: &View) {
    let lang = v.lang;
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(k, label)| {
            Line::from(vec![
                Span::styled(
                    format!("{k:<10}"),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(label.to_string()),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::raw(
        lang.text("tui-help-order-register-call-photo-check-print"),
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        lang.text("tui-help-press-any-key-to-close"),
        v.theme.accent,
    ));
    let height = (lines.len() as u16 + 6).min(area.height);
    let width = 64.min(area.width);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(
            Block::bordered()
                .padding(Padding::horizontal(1))
                .title(lang.text("tui-help-help-keys-of-this-screen")),
        ),
        popup,
    );
}
