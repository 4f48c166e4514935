//! Drawing the counter program: the header, the screen, the notice and the footer with the
//! screen's keys (help over all), from the state alone.

use super::*;

impl App {
    pub(super) fn keys(&self) -> Keys {
        let lang = self.lang;
        let mut keys = match &self.screen {
            Screen::Login(s) => s.keys(lang),
            Screen::Queue(s) => s.keys(lang),
            Screen::Register(s) => s.keys(lang),
            Screen::Detail(s) => s.keys(lang),
            Screen::Members(s) => s.keys(lang),
            Screen::Audit(s) => s.keys(lang),
            Screen::Dashboard(s) => s.keys(lang),
            Screen::Accounts(s) => s.keys(lang),
        };
        if let Screen::Detail(d) = &self.screen
            && matches!(d.mode, Mode::View)
        {
            keys.push(("e", lang.text("tui-app-correct-data")));
            keys.push(("z", lang.text("tui-app-undo-step")));
        }
        if matches!(self.screen, Screen::Queue(_)) && self.supervises() {
            keys.push(("d", lang.text("tui-app-overview")));
        }
        if matches!(self.screen, Screen::Queue(_)) && self.role() == Some(Role::Admin) {
            keys.push(("a", lang.text("tui-app-audit-log")));
            keys.push(("u", lang.text("tui-app-accounts")));
        }
        keys.push(("F1", lang.text("tui-app-help")));
        // The key names the language it switches to, in that language's own words.
        keys.push(("F2", lang.next().text("language-short")));
        keys
    }

    pub(super) fn title(&self) -> &'static str {
        let lang = self.lang;
        match &self.screen {
            Screen::Login(s) => s.title(lang),
            Screen::Queue(_) => lang.text("tui-app-card-queue"),
            Screen::Register(s) => s.title(lang),
            Screen::Detail(_) => lang.text("tui-app-card-request"),
            Screen::Members(_) => lang.text("tui-app-members"),
            Screen::Audit(_) => lang.text("tui-app-audit-log-2"),
            Screen::Dashboard(_) => lang.text("tui-app-card-service-overview"),
            Screen::Accounts(_) => lang.text("tui-app-staff-accounts"),
        }
    }

    /// Header, the screen, the notice, the footer with the screen's keys; help over all.
    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        let lang = self.lang;
        let notice_lines = self
            .notice
            .as_ref()
            .map(|n| wrapped_height(&n.text, area.width))
            .unwrap_or(0);
        let keys = self.keys();
        let footer_text = footer_lines(&keys, area.width);
        let [header, body, notice, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(notice_lines),
            Constraint::Length(footer_text.len() as u16),
        ])
        .areas(area);

        let who = match &self.user {
            Some(u) => format!("{} ({})", u.name, role_text(u.role, lang)),
            None => lang.text("tui-app-not-signed-in").to_string(),
        };
        let right = format!(
            "{who} · {} · {} ",
            self.clock.local(self.now),
            lang.code().to_uppercase()
        );
        let left = format!(" loket · {}", self.title());
        frame.render_widget(
            Paragraph::new(spread(&left, &right, header.width)).style(self.theme.header),
            header,
        );

        let view = View {
            lang,
            theme: &self.theme,
            clock: &self.clock,
            now: self.now,
            config: &self.config,
        };
        match &mut self.screen {
            Screen::Login(s) => s.draw(frame, body, &view),
            Screen::Queue(s) => s.draw(frame, body, &view),
            Screen::Register(s) => s.draw(frame, body, &view),
            Screen::Detail(s) => s.draw(frame, body, &view),
            Screen::Members(s) => s.draw(frame, body, &view),
            Screen::Audit(s) => s.draw(frame, body, &view),
            Screen::Dashboard(s) => s.draw(frame, body, &view),
            Screen::Accounts(s) => s.draw(frame, body, &view),
        }
        if let Some(p) = &self.undo_prompt {
            p.draw(frame, body, &view);
        }

        if let Some(n) = &self.notice {
            let style = if n.error {
                self.theme.error
            } else {
                self.theme.accent
            };
            frame.render_widget(
                Paragraph::new(n.text.as_str())
                    .style(style)
                    .wrap(Wrap { trim: true }),
                notice,
            );
        }

        frame.render_widget(Paragraph::new(footer_text).style(self.theme.footer), footer);
        if self.help {
            help::draw(frame, body, &keys, &view);
        }
    }
}

/// Rows a paragraph of `text` takes at `width` (wrapping by words, roughly as ratatui does),
/// at most 4 so the screen keeps its room.
fn wrapped_height(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let mut rows = 0usize;
    for line in text.lines() {
        let mut used = 0usize;
        rows += 1;
        for word in line.split_whitespace() {
            let w = word.chars().count();
            let need = if used == 0 { w } else { used + 1 + w };
            if need > width && used > 0 {
                rows += 1;
                used = w;
            } else {
                used = need;
            }
        }
    }
    rows.clamp(1, 4) as u16
}

/// `left` and `right` on one line of `width`, the right one cut first.
fn spread(left: &str, right: &str, width: u16) -> String {
    let width = usize::from(width);
    let l = left.chars().count();
    let r = right.chars().count();
    if l + r + 1 > width {
        return left.chars().take(width).collect();
    }
    format!("{left}{}{right}", " ".repeat(width - l - r))
}

/// The keys as `Key label` pairs on at most two rows, as many as fit; help (F1) lists them
/// all. At 80 columns one row holds five or six, and the ones cut were the ones a clerk looks
/// for (the language, a filter), so a second row is worth a row of the screen.
fn footer_lines(keys: &Keys, width: u16) -> Vec<Line<'static>> {
    const ROWS: usize = 2;
    let width = usize::from(width);
    // F1 goes first when space is short: it is the way to the rest.
    let mut ordered: Vec<&(&str, &str)> = keys.iter().filter(|k| k.0 == "F1").collect();
    ordered.extend(keys.iter().filter(|k| k.0 != "F1"));
    let mut lines: Vec<Vec<Span<'static>>> = vec![vec![Span::raw(" ")]];
    let mut used = 1usize;
    for (k, label) in ordered {
        let w = k.chars().count() + 1 + label.chars().count() + 2;
        if used + w > width {
            if lines.len() == ROWS {
                break;
            }
            lines.push(vec![Span::raw(" ")]);
            used = 1;
            if used + w > width {
                break;
            }
        }
        let line = lines.last_mut().expect("one row at least");
        line.push(Span::styled(
            k.to_string(),
            Style::new().add_modifier(ratatui::style::Modifier::BOLD),
        ));
        line.push(Span::raw(format!(" {label}  ")));
        used += w;
    }
    lines.into_iter().map(Line::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_keeps_help_when_short_of_room() {
        let keys: Keys = vec![
            ("Enter", "buka"),
            ("/", "cari"),
            ("n", "daftar baru"),
            ("F1", "bantuan"),
        ];
        let lines = footer_lines(&keys, 20);
        assert_eq!(lines.len(), 2);
        let first = lines[0].to_string();
        assert!(first.contains("F1 bantuan"), "{first}");
        let all: String = lines.iter().map(|l| l.to_string()).collect();
        assert!(all.contains("Enter buka"), "{all}");
        assert!(!all.contains("daftar"), "{all}");
        assert_eq!(footer_lines(&keys[..1].to_vec(), 80).len(), 1);
    }

    #[test]
    fn notices_wrap_into_at_most_four_rows() {
        assert_eq!(wrapped_height("satu dua", 80), 1);
        assert_eq!(wrapped_height("aaaa bbbb cccc", 8), 3);
        assert_eq!(wrapped_height(&"kata ".repeat(200), 20), 4);
    }
}
