//! The photo editor (SOP step 3): the whole photo with the crop box on it (what is cut off is
//! dimmed), the crop as it will be printed, and the keys that change it. Keys become `Edit`
//! changes; drawing reads the state; storing is the caller's business.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use image::{DynamicImage, RgbImage, imageops};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect, Size};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};
use ratatui_image::picker::{Picker, ProtocolType};
use ratatui_image::protocol::Protocol;
use ratatui_image::{Image, Resize};

use crate::i18n::{Lang, Localized};
use crate::photo::{
    Edit, PhotoConfig, PhotoError, PreviewProtocol, StoredPhoto, Zoom, render, render_overview,
};

/// The preview works on a copy at most this many pixels on its long side: a key press then
/// re-renders in a millisecond or two even from a 12 MP photo. Accept renders from the full one.
const PROXY_LONG_SIDE: u32 = 1200;
/// Shift + arrow moves this many steps at once.
const BIG_STEP: i32 = 5;
const PANEL_WIDTH: u16 = 34;

/// What a key press did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorOutcome {
    /// The edit changed; redraw.
    Changed,
    /// Staff accepted the crop: store it (see [`PhotoEditor::finish`]).
    Accept,
    /// Staff left without storing.
    Cancel,
}

/// The picker for the configured preview protocol. `Auto` asks the terminal, so call it after
/// entering the alternate screen and before reading events; never in tests. Inside tmux it
/// chooses half-blocks, because graphics there need `allow-passthrough`, which we cannot assume.
pub fn picker_for(protocol: PreviewProtocol) -> Picker {
    let query = || Picker::from_query_stdio().unwrap_or_else(|_| Picker::halfblocks());
    let forced = |kind: ProtocolType| {
        // The query still gives the font size the protocol needs.
        let mut p = query();
        p.set_protocol_type(kind);
        p
    };
    match protocol {
        PreviewProtocol::Halfblocks => Picker::halfblocks(),
        PreviewProtocol::Auto if std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()) => {
            Picker::halfblocks()
        }
        PreviewProtocol::Auto => query(),
        PreviewProtocol::Kitty => forced(ProtocolType::Kitty),
        PreviewProtocol::Sixel => forced(ProtocolType::Sixel),
        PreviewProtocol::Iterm2 => forced(ProtocolType::Iterm2),
    }
}

/// The editor's state: the decoded photo, a small copy for the preview, the edit, and the
/// last encoded preview (kept until the edit or the area changes, so idle redraws are free).
pub struct PhotoEditor {
    source: RgbImage,
    proxy: RgbImage,
    edit: Edit,
    picker: Picker,
    preview: Option<(Edit, Rect, Protocol)>,
    /// The same for the whole photo with the box drawn on it.
    overview: Option<(Edit, Rect, Protocol)>,
    error: Option<PhotoError>,
}

/// Where the editor's parts go in `area`: the whole photo, the crop as printed, the keys.
/// The crop gets a third of the room left by the keys; the whole photo the rest.
fn editor_areas(area: Rect) -> [Rect; 3] {
    let [pictures, panel] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(PANEL_WIDTH)]).areas(area);
    let [whole, crop] =
        Layout::horizontal([Constraint::Fill(2), Constraint::Fill(1)]).areas(pictures);
    [whole, crop, panel]
}

impl PhotoEditor {
    /// An editor on an upright, decoded photo with the box where [`Edit::initial`] puts it.
    pub fn new(source: RgbImage, picker: Picker) -> PhotoEditor {
        let (w, h) = source.dimensions();
        let scale = PROXY_LONG_SIDE as f32 / w.max(h) as f32;
        let proxy = if scale < 1.0 {
            let (pw, ph) = (
                ((w as f32 * scale).round() as u32).max(1),
                ((h as f32 * scale).round() as u32).max(1),
            );
            imageops::resize(&source, pw, ph, imageops::FilterType::Triangle)
        } else {
            source.clone()
        };
        PhotoEditor {
            edit: Edit::initial(w, h),
            source,
            proxy,
            picker,
            preview: None,
            overview: None,
            error: None,
        }
    }

    /// The current edit, in the full photo's pixels.
    pub fn edit(&self) -> &Edit {
        &self.edit
    }

    /// Starts from an earlier edit (redoing a crop from the kept original).
    pub fn set_edit(&mut self, edit: Edit) {
        let (w, h) = self.source.dimensions();
        self.edit = edit.scaled_to(w, h);
    }

    pub fn source(&self) -> &RgbImage {
        &self.source
    }

    /// Shows an error (from storing, say) in the panel until the next key.
    pub fn set_error(&mut self, error: PhotoError) {
        self.error = Some(error);
    }

    /// The stored photo for the current edit, rendered from the full photo.
    pub fn finish(&self, config: &PhotoConfig) -> Result<StoredPhoto, PhotoError> {
        crate::photo::store_edited(&self.source, &self.edit, config)
    }

    /// Applies a key. `None`: not an editor key (the caller may handle it).
    pub fn handle_key(&mut self, key: KeyEvent) -> Option<EditorOutcome> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let step = if key.modifiers.contains(KeyModifiers::SHIFT) {
            BIG_STEP
        } else {
            1
        };
        let e = &mut self.edit;
        match key.code {
            KeyCode::Enter => return Some(EditorOutcome::Accept),
            KeyCode::Esc => return Some(EditorOutcome::Cancel),
            KeyCode::Left => e.nudge(-step, 0),
            KeyCode::Right => e.nudge(step, 0),
            KeyCode::Up => e.nudge(0, -step),
            KeyCode::Down => e.nudge(0, step),
            // `=` is `+` without Shift on most keyboards; `_` is Shift + `-`.
            KeyCode::Char('+' | '=') => e.zoom(Zoom::In),
            KeyCode::Char('-' | '_') => e.zoom(Zoom::Out),
            KeyCode::Char('r' | 'R') => e.rotate(),
            KeyCode::Char('1') => e.darker(),
            KeyCode::Char('2') => e.brighter(),
            KeyCode::Char('3') => e.less_contrast(),
            KeyCode::Char('4') => e.more_contrast(),
            KeyCode::Char('0') => {
                let (w, h) = self.source.dimensions();
                *e = Edit::initial(w, h);
            }
            _ => return None,
        }
        self.error = None;
        Some(EditorOutcome::Changed)
    }

    /// The whole photo with the box on the left, the crop as printed beside it, the keys and
    /// the current values on the right.
    pub fn draw(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let [whole, crop, right] = editor_areas(area);
        let block = Block::bordered().title(lang.text("tui-photo-whole-photo"));
        let inner = block.inner(whole);
        frame.render_widget(block, whole);
        if let Some(proto) = self.overview_for(inner) {
            frame.render_widget(Image::new(proto), centred(proto.size(), inner));
        }
        let block = Block::bordered().title(lang.text("tui-photo-printed"));
        let inner = block.inner(crop);
        frame.render_widget(block, crop);
        if let Some(proto) = self.preview_for(inner) {
            frame.render_widget(Image::new(proto), centred(proto.size(), inner));
        }
        frame.render_widget(self.panel(lang), right);
    }

    /// The encoded whole photo with the box for `area`, cached as the crop preview is.
    fn overview_for(&mut self, area: Rect) -> Option<&Protocol> {
        if area.width == 0 || area.height == 0 {
            return None;
        }
        let fresh = matches!(&self.overview, Some((e, a, _)) if *e == self.edit && *a == area);
        if !fresh {
            let font = self.picker.font_size();
            let (fw, fh) = (u32::from(font.width.max(1)), u32::from(font.height.max(1)));
            let fit = (u32::from(area.width) * fw, u32::from(area.height) * fh);
            // Half-blocks show a cell as one pixel across and two down: the box's lines must
            // cover that much of the picture or the scaling to cells averages them away.
            let line = match self.picker.protocol_type() {
                ProtocolType::Halfblocks => (fw, fh.div_ceil(2)),
                _ => (1, 1),
            };
            let (img, _) = render_overview(&self.proxy, &self.edit, fit, line);
            let cells = Size::new(
                img.width().div_ceil(fw).min(u32::from(area.width)) as u16,
                img.height().div_ceil(fh).min(u32::from(area.height)) as u16,
            );
            let proto = self
                .picker
                .new_protocol(DynamicImage::ImageRgb8(img), cells, Resize::Fit(None))
                .ok()?;
            self.overview = Some((self.edit, area, proto));
        }
        self.overview.as_ref().map(|(_, _, p)| p)
    }

    /// The encoded preview for `area`, re-encoded only when the edit or the area changed.
    fn preview_for(&mut self, area: Rect) -> Option<&Protocol> {
        if area.width == 0 || area.height == 0 {
            return None;
        }
        let fresh = matches!(&self.preview, Some((e, a, _)) if *e == self.edit && *a == area);
        if !fresh {
            let font = self.picker.font_size();
            let (fw, fh) = (u32::from(font.width.max(1)), u32::from(font.height.max(1)));
            // The largest 3:4 picture (in pixels at this font size) that fits the area.
            let (aw, ah) = (u32::from(area.width) * fw, u32::from(area.height) * fh);
            let ph = ah.min(aw * 4 / 3).max(4);
            let pw = (ph * 3 / 4).max(3);
            let img = render(&self.proxy, &self.edit, (pw, ph));
            let cells = Size::new(
                pw.div_ceil(fw).min(u32::from(area.width)) as u16,
                ph.div_ceil(fh).min(u32::from(area.height)) as u16,
            );
            let proto = self
                .picker
                .new_protocol(DynamicImage::ImageRgb8(img), cells, Resize::Fit(None))
                .ok()?;
            self.preview = Some((self.edit, area, proto));
        }
        self.preview.as_ref().map(|(_, _, p)| p)
    }

    fn panel(&self, lang: Lang) -> Paragraph<'static> {
        let key = |k: &'static str, label: &'static str| {
            Line::from(vec![
                Span::styled(format!("{k:<8}"), Style::new().add_modifier(Modifier::BOLD)),
                Span::raw(lang.text(label)),
            ])
        };
        let e = &self.edit;
        let mut lines = vec![
            Line::raw(lang.text("tui-photo-yellow-box-what-is-printed-the")),
            key("←↑→↓", "tui-photo-key-move-the-box"),
            key("⇧ ←↑→↓", "tui-photo-key-move-further"),
            key("+ −", "tui-photo-key-zoom-in-out"),
            key("R", "tui-photo-key-rotate"),
            key("1 2", "tui-photo-key-darker-brighter"),
            key("3 4", "tui-photo-key-contrast"),
            key("0", "tui-photo-key-start-over"),
            key("Enter", "tui-photo-key-save-the-photo"),
            key("Esc", "tui-photo-key-cancel"),
            Line::raw(""),
            Line::raw(format!(
                "{} {:.1}×   {} {}°",
                lang.text("tui-photo-zoom"),
                e.zoom_factor(),
                lang.text("tui-photo-turn"),
                u16::from(e.rotation) * 90
            )),
            Line::raw(format!(
                "{} {:+}   {} {:+}",
                lang.text("tui-photo-bright"),
                e.brightness,
                lang.text("tui-photo-contrast"),
                e.contrast
            )),
        ];
        if let Some(err) = &self.error {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                err.localized(lang),
                Style::new().add_modifier(Modifier::BOLD),
            ));
        }
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .padding(Padding::horizontal(1))
                .title(lang.text("tui-photo-keys")),
        )
    }
}

/// A picture of `size` cells centred in `area`: the protocol's size is what it really covers.
fn centred(size: Size, area: Rect) -> Rect {
    let x = area.x + area.width.saturating_sub(size.width) / 2;
    let y = area.y + area.height.saturating_sub(size.height) / 2;
    Rect::new(x, y, size.width, size.height).intersection(area)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Color;

    /// 400×300 grey with a red 100×100 square top-left.
    fn marked() -> RgbImage {
        RgbImage::from_fn(400, 300, |x, y| {
            if x < 100 && y < 100 {
                image::Rgb([255, 0, 0])
            } else {
                image::Rgb([128, 128, 128])
            }
        })
    }

    fn editor() -> PhotoEditor {
        PhotoEditor::new(marked(), Picker::halfblocks())
    }

    fn press(ed: &mut PhotoEditor, code: KeyCode) -> Option<EditorOutcome> {
        ed.handle_key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn draw(ed: &mut PhotoEditor, lang: Lang) -> Terminal<TestBackend> {
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| ed.draw(f, f.area(), lang)).unwrap();
        t
    }

    #[test]
    fn snapshot_indonesian() {
        let mut ed = editor();
        insta::assert_snapshot!(draw(&mut ed, Lang::Id).backend());
    }

    #[test]
    fn snapshot_english_after_edits() {
        let mut ed = editor();
        for k in [
            KeyCode::Char('+'),
            KeyCode::Char('r'),
            KeyCode::Char('2'),
            KeyCode::Char('4'),
        ] {
            press(&mut ed, k);
        }
        insta::assert_snapshot!(draw(&mut ed, Lang::En).backend());
    }

    #[test]
    fn snapshot_with_an_error_in_the_panel() {
        let mut ed = editor();
        ed.set_error(PhotoError::CannotFit {
            kb: 180,
            max_kb: 150,
        });
        insta::assert_snapshot!(draw(&mut ed, Lang::Id).backend());
    }

    #[test]
    fn keys_change_the_edit_and_say_what_happened() {
        let mut ed = editor();
        let start = *ed.edit();
        assert_eq!(press(&mut ed, KeyCode::Left), Some(EditorOutcome::Changed));
        assert!(ed.edit().centre.0 < start.centre.0);
        press(&mut ed, KeyCode::Char('+'));
        assert!(ed.edit().box_height < start.box_height);
        press(&mut ed, KeyCode::Char('r'));
        assert_eq!(ed.edit().rotation, 1);
        press(&mut ed, KeyCode::Char('2'));
        press(&mut ed, KeyCode::Char('3'));
        assert_eq!((ed.edit().brightness, ed.edit().contrast), (10, -10));
        press(&mut ed, KeyCode::Char('0'));
        assert_eq!(*ed.edit(), start);
        assert_eq!(press(&mut ed, KeyCode::Enter), Some(EditorOutcome::Accept));
        assert_eq!(press(&mut ed, KeyCode::Esc), Some(EditorOutcome::Cancel));
        assert_eq!(press(&mut ed, KeyCode::Char('x')), None);
        // Shift moves five steps (zoomed in first, so there is room to move).
        for _ in 0..3 {
            press(&mut ed, KeyCode::Char('+'));
        }
        let before = ed.edit().centre.0;
        ed.handle_key(KeyEvent::new(KeyCode::Left, KeyModifiers::SHIFT));
        let step = ed.edit().box_height / 20.0;
        assert!((before - ed.edit().centre.0 - 5.0 * step).abs() < 0.01);
    }

    /// The preview's cells, row by row: (column, row, colour of the upper half, of the lower
    /// half). Half-blocks put the brighter half in the foreground, so the glyph says which is which.
    fn preview_cells(t: &Terminal<TestBackend>) -> Vec<(u16, u16, Color, Color)> {
        let buf = t.backend().buffer();
        let [_, crop, _] = editor_areas(buf.area);
        picture_cells(t, crop)
    }

    /// The picture cells inside `area`, as [`preview_cells`] gives them.
    fn picture_cells(t: &Terminal<TestBackend>, area: Rect) -> Vec<(u16, u16, Color, Color)> {
        let buf = t.backend().buffer();
        let mut cells = Vec::new();
        for y in area.y..area.y + area.height {
            for x in area.x..area.x + area.width {
                let c = &buf[(x, y)];
                if !matches!(c.bg, Color::Rgb(..)) {
                    continue;
                }
                let (up, down) = match c.symbol() {
                    "▀" => (c.fg, c.bg),
                    "▄" => (c.bg, c.fg),
                    _ => (c.bg, c.bg),
                };
                cells.push((x, y, up, down));
            }
        }
        cells
    }

    fn reddish(c: Color) -> bool {
        matches!(c, Color::Rgb(r, g, b) if r > 200 && g < 60 && b < 60)
    }

    #[test]
    fn the_preview_shows_the_crop_where_it_will_be_printed() {
        let mut ed = editor();
        // The box on the red corner: the top-left of the preview is red, the bottom-right grey.
        ed.set_edit(Edit {
            centre: (75.0, 100.0),
            box_height: 200.0,
            ..Edit::initial(400, 300)
        });
        let t = draw(&mut ed, Lang::Id);
        let cells = preview_cells(&t);
        assert!(!cells.is_empty(), "no preview drawn");
        let first = cells.first().unwrap();
        let last = cells.last().unwrap();
        assert!(reddish(first.2), "top-left {first:?}");
        assert!(!reddish(last.3), "bottom-right {last:?}");
        // 3:4 on cells twice as tall as wide: about 1.5 columns per row.
        let cols = cells.iter().filter(|c| c.1 == first.1).count() as f32;
        let rows = cells.iter().filter(|c| c.0 == first.0).count() as f32;
        assert!(
            (cols / rows - 1.5).abs() < 0.15,
            "{cols} cols × {rows} rows"
        );

        // Turned a quarter clockwise, red is at the top-right.
        press(&mut ed, KeyCode::Char('r'));
        ed.set_edit(Edit {
            centre: (150.0, 200.0),
            box_height: 400.0,
            ..*ed.edit()
        });
        let t = draw(&mut ed, Lang::Id);
        let cells = preview_cells(&t);
        let top_right = cells.iter().rfind(|c| c.1 == cells[0].1).unwrap();
        assert!(reddish(top_right.2), "top-right {top_right:?}");
        assert!(!reddish(cells[0].2), "top-left {:?}", cells[0]);
    }

    fn yellow(c: Color) -> bool {
        matches!(c, Color::Rgb(r, g, b) if r > 200 && g > 180 && b < 60)
    }

    #[test]
    fn the_whole_photo_shows_the_box_and_what_is_cut_off() {
        let mut ed = editor();
        ed.set_edit(Edit {
            centre: (75.0, 100.0),
            box_height: 200.0,
            ..Edit::initial(400, 300)
        });
        let t = draw(&mut ed, Lang::Id);
        let [whole, _, _] = editor_areas(t.backend().buffer().area);
        let cells = picture_cells(&t, whole);
        assert!(!cells.is_empty(), "no whole photo drawn");
        // The whole 4:3 photo: about 2.7 columns per row on cells twice as tall as wide.
        let first = cells[0];
        let cols = cells.iter().filter(|c| c.1 == first.1).count() as f32;
        let rows = cells.iter().filter(|c| c.0 == first.0).count() as f32;
        assert!(
            (cols / rows - 8.0 / 3.0).abs() < 0.4,
            "{cols} cols × {rows} rows"
        );
        // The outline is there, on the left part of the photo where the box is.
        let outline: Vec<_> = cells
            .iter()
            .filter(|c| yellow(c.2) || yellow(c.3))
            .collect();
        assert!(!outline.is_empty(), "no box outline");
        let mid = first.0 + cols as u16 / 2;
        assert!(outline.iter().all(|c| c.0 < mid), "box on the left half");
        // What is cut off (the right half) is dimmed grey: darker than the 128 of the photo.
        let right = cells
            .iter()
            .rfind(|c| c.1 == first.1 + rows as u16 / 2)
            .unwrap();
        assert!(
            matches!(right.2, Color::Rgb(r, _, _) if r < 100),
            "outside not dimmed: {right:?}"
        );
    }

    #[test]
    fn finish_renders_the_stored_size_from_the_full_photo() {
        let ed = editor();
        let stored = ed.finish(&PhotoConfig::default()).unwrap();
        assert_eq!((stored.width, stored.height), (600, 800));
        assert!(stored.jpeg.len() <= 150 * 1024);
    }
}
