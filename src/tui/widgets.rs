//! Small pieces the screens share: a one-line text field, the large member number and a
//! stored photo's preview.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use image::DynamicImage;
use ratatui::Frame;
use ratatui::layout::{Rect, Size};
use ratatui_image::picker::{Picker, ProtocolType};
use ratatui_image::protocol::Protocol;
use ratatui_image::protocol::halfblocks::Halfblocks;
use ratatui_image::{Image, Resize};

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

/// Moves a list's selection one row down, stopping at the last of its `len` rows (the lists
/// of the queue, the members, the audit log and the dashboard).
pub fn select_down(table: &mut ratatui::widgets::TableState, len: usize) {
    if len > 0 {
        table.select(Some(table.selected().map_or(0, |i| (i + 1).min(len - 1))));
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

/// A stored photo (JPEG) drawn as a 3:4 portrait at the top left of an area, in whatever the
/// picker speaks (half-blocks over SSH). The encoded picture is kept for its bytes and area,
/// so redraws (a tick a second, every key) do not decode the JPEG again.
pub struct PhotoPreview {
    picker: Picker,
    shown: Option<(Vec<u8>, Rect, Protocol)>,
}

impl PhotoPreview {
    pub fn new(picker: Picker) -> PhotoPreview {
        PhotoPreview {
            picker,
            shown: None,
        }
    }

    /// Draws `jpeg` into `area`. A photo that cannot be decoded is left out: the screen
    /// around it matters more, and the photo step says what is wrong with it.
    pub fn draw(&mut self, frame: &mut Frame, area: Rect, jpeg: &[u8]) {
        self.draw_with(frame, area, jpeg, None);
    }

    /// [`Self::draw`], given the photo's small preview too (`photo::preview`): half-blocks are
    /// then drawn from it, without decoding the JPEG, which is what a front-desk scan can afford.
    pub fn draw_with(
        &mut self,
        frame: &mut Frame,
        area: Rect,
        jpeg: &[u8],
        preview: Option<&[u8]>,
    ) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let fresh = matches!(&self.shown, Some((b, a, _)) if b == jpeg && *a == area);
        if !fresh {
            let made = preview.and_then(|p| self.encode_preview(area, p));
            self.shown = made
                .or_else(|| self.encode(area, jpeg))
                .map(|p| (jpeg.to_vec(), area, p));
        }
        if let Some((_, _, proto)) = &self.shown {
            let size = proto.size();
            let at = Rect::new(area.x, area.y, size.width, size.height).intersection(area);
            frame.render_widget(Image::new(proto), at);
        }
    }

    /// The cells a 3:4 portrait takes in `area`, and its size in the font's pixels.
    fn cells(&self, area: Rect) -> (Size, (u32, u32)) {
        let font = self.picker.font_size();
        let (fw, fh) = (u32::from(font.width.max(1)), u32::from(font.height.max(1)));
        let (aw, ah) = (u32::from(area.width) * fw, u32::from(area.height) * fh);
        let ph = ah.min(aw * 4 / 3).max(4);
        let pw = (ph * 3 / 4).max(3);
        let cells = Size::new(
            pw.div_ceil(fw).min(u32::from(area.width)) as u16,
            ph.div_ceil(fh).min(u32::from(area.height)) as u16,
        );
        (cells, (pw, ph))
    }

    /// Half-blocks straight from the preview's pixels (one resize to the cells' pixels, as the
    /// JPEG path ends with); `None` for other protocols, whose real pixels want the photo.
    fn encode_preview(&self, area: Rect, preview: &[u8]) -> Option<Protocol> {
        if self.picker.protocol_type() != ProtocolType::Halfblocks {
            return None;
        }
        let pixels = crate::photo::preview::pixels(preview)?;
        let (cells, _) = self.cells(area);
        Halfblocks::new(DynamicImage::ImageRgb8(pixels), cells)
            .ok()
            .map(Protocol::Halfblocks)
    }

    fn encode(&self, area: Rect, jpeg: &[u8]) -> Option<Protocol> {
        let (cells, (pw, ph)) = self.cells(area);
        // Half-blocks show two pixels a cell, so a few dozen pixels across are all that is
        // seen; decoding the stored 600×800 photo at 1/8 size inside the IDCT is then enough,
        // and is what keeps a front-desk scan within its aim (docs/performance.md).
        let seen = match self.picker.protocol_type() {
            ProtocolType::Halfblocks => (u32::from(cells.width), u32::from(cells.height) * 2),
            _ => (pw, ph),
        };
        let img = crate::photo::decode_reduced(jpeg, &crate::photo::Limits::default(), |(w, h)| {
            [8, 4, 2]
                .into_iter()
                .find(|d| w / d >= seen.0 && h / d >= seen.1)
                .unwrap_or(1)
        })
        .ok()?;
        let img = image::imageops::resize(&img, pw, ph, image::imageops::FilterType::Triangle);
        self.picker
            .new_protocol(DynamicImage::ImageRgb8(img), cells, Resize::Fit(None))
            .ok()
    }
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
