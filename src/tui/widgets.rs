//! Small pieces the screens share: a one-line text field and the large member number.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A one-line text field. Typing goes to the end (counter forms are short; a cursor that
/// moves is a thing to get lost in).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    pub value: String,
    /// Shown as dots (passwords).
    pub secret: bool,
}

impl TextInput {
    pub fn new(value: &str) -> TextInput {
        TextInput {
            value: value.to_string(),
            secret: false,
        }
    }

    pub fn secret() -> TextInput {
        TextInput {
            value: String::new(),
            secret: true,
        }
    }

    /// Applies an editing key; false when the key is not one (the screen handles it).
    pub fn edit(&mut self, key: &KeyEvent) -> bool {
        match key.code {
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.value.clear();
                true
            }
            KeyCode::Char(_) if key.modifiers.contains(KeyModifiers::CONTROL) => false,
            KeyCode::Char(c) => {
                self.value.push(c);
                true
            }
            KeyCode::Backspace => {
                self.value.pop();
                true
            }
            _ => false,
        }
    }

    /// What the screen shows: the text, or a dot per character.
    pub fn shown(&self) -> String {
        if self.secret {
            "•".repeat(self.value.chars().count())
        } else {
            self.value.clone()
        }
    }
}

/// Glyphs three cells wide and three rows high for the member number shown large after
/// registration (read across the counter by the applicant, SOP 2).
fn glyph(c: char) -> [&'static str; 3] {
    match c {
        '0' => ["█▀█", "█ █", "▀▀▀"],
        '1' => [" ▀█", "  █", "  ▀"],
        '2' => ["▀▀█", "█▀▀", "▀▀▀"],
        '3' => ["▀▀█", " ▀█", "▀▀▀"],
        '4' => ["█ █", "▀▀█", "  ▀"],
        '5' => ["█▀▀", "▀▀█", "▀▀▀"],
        '6' => ["█▀▀", "█▀█", "▀▀▀"],
        '7' => ["▀▀█", "  █", "  ▀"],
        '8' => ["█▀█", "█▀█", "▀▀▀"],
        '9' => ["█▀█", "▀▀█", "▀▀▀"],
        '-' => ["   ", "▀▀▀", "   "],
        _ => ["   ", " ? ", "   "],
    }
}

/// A member number in large glyphs, three lines; letters other than digits are spelled out
/// small underneath by the caller (formats 3 and the prefix hold letters).
pub fn big_text(s: &str) -> [String; 3] {
    let mut rows = [String::new(), String::new(), String::new()];
    for (i, c) in s.chars().enumerate() {
        let g = glyph(c);
        for (row, part) in rows.iter_mut().zip(g) {
            if i > 0 {
                row.push(' ');
            }
            row.push_str(part);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_and_erasing() {
        let mut t = TextInput::default();
        for c in "abc".chars() {
            assert!(t.edit(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
        }
        t.edit(&KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        assert_eq!(t.value, "ab");
        assert!(!t.edit(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
        t.edit(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(t.value, "");
        let mut p = TextInput::secret();
        p.value = "rahasia".into();
        assert_eq!(p.shown(), "•••••••");
    }

    #[test]
    fn big_digits_are_three_rows_of_equal_width() {
        let rows = big_text("26112800001");
        let w = rows[0].chars().count();
        assert_eq!(w, 11 * 4 - 1);
        assert!(rows.iter().all(|r| r.chars().count() == w));
    }
}
