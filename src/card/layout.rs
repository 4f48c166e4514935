//! Fitting text into a box on the card: shrink to the minimum size, then wrap, then cut with
//! an ellipsis. Whatever the name, the result stays inside its box.

use super::font::Face;
use super::template::TextStyle;

pub const PT_TO_MM: f32 = 25.4 / 72.0;
const STEP_PT: f32 = 0.25;
const ELLIPSIS: char = '…';

/// Lines set at one size; `line_height_mm` apart, the first baseline `ascent_mm` below the top.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    pub size_pt: f32,
    pub line_height_mm: f32,
    pub ascent_mm: f32,
    pub lines: Vec<String>,
}

impl Fitted {
    pub fn height_mm(&self) -> f32 {
        self.lines.len() as f32 * self.line_height_mm
    }
}

fn line_height_mm(face: &Face, size: f32) -> f32 {
    (face.ascent + face.descent) * size * PT_TO_MM
}

/// Sets `paragraphs` (each starts a new line) in a box `w_mm` × `h_mm`.
pub fn fit_text(
    face: &Face,
    paragraphs: &[&str],
    w_mm: f32,
    h_mm: f32,
    style: &TextStyle,
) -> Fitted {
    let paragraphs: Vec<String> = paragraphs
        .iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let max = style.size.max(style.min_size);
    let min = style.min_size.min(max);
    let max_lines = style.max_lines.max(1);
    let fits_width = |s: &str, size: f32| face.width_pt(s, size) * PT_TO_MM <= w_mm + 1e-4;
    let sizes = || {
        let steps = ((max - min) / STEP_PT).floor() as usize;
        (0..=steps).map(move |i| max - i as f32 * STEP_PT)
    };
    let done = |size: f32, lines: Vec<String>| Fitted {
        size_pt: size,
        line_height_mm: line_height_mm(face, size),
        ascent_mm: face.ascent * size * PT_TO_MM,
        lines,
    };

    // 1. One line each, shrinking.
    for size in sizes() {
        let lh = line_height_mm(face, size);
        if paragraphs.len() as f32 * lh <= h_mm + 1e-4
            && paragraphs.iter().all(|p| fits_width(p, size))
        {
            return done(size, paragraphs);
        }
    }
    // 2. Wrapped at word boundaries, up to `max_lines` each, shrinking.
    if max_lines > 1 || paragraphs.len() > 1 {
        for size in sizes() {
            let lh = line_height_mm(face, size);
            let wrapped: Option<Vec<Vec<String>>> = paragraphs
                .iter()
                .map(|p| wrap_words(p, &|s| fits_width(s, size)).filter(|l| l.len() <= max_lines))
                .collect();
            if let Some(wrapped) = wrapped {
                let lines: Vec<String> = wrapped.into_iter().flatten().collect();
                if lines.len() as f32 * lh <= h_mm + 1e-4 {
                    return done(size, lines);
                }
            }
        }
    }
    // 3. At the minimum size, cut what does not fit and mark the cut with an ellipsis.
    let fits = |s: &str| fits_width(s, min);
    let room = ((h_mm + 1e-4) / line_height_mm(face, min)).floor().max(1.0) as usize;
    let mut lines: Vec<String> = Vec::new();
    for p in &paragraphs {
        let mut wrapped = wrap_breaking(p, &fits);
        if wrapped.len() > max_lines {
            wrapped.truncate(max_lines);
            let last = wrapped.pop().unwrap_or_default();
            wrapped.push(ellipsize(&last, &fits));
        }
        lines.extend(wrapped);
    }
    if lines.len() > room {
        lines.truncate(room);
        let last = lines.pop().unwrap_or_default();
        lines.push(ellipsize(&last, &fits));
    }
    done(min, lines)
}

/// Greedy word wrap; `None` when one word alone is wider than the box. With every word
/// fitting, `wrap_breaking` never breaks one, so it is the same wrap.
fn wrap_words(text: &str, fits: &dyn Fn(&str) -> bool) -> Option<Vec<String>> {
    if text.split(' ').any(|word| !fits(word)) {
        return None;
    }
    Some(wrap_breaking(text, fits))
}

/// Word wrap that breaks a word too long for the box between letters.
fn wrap_breaking(text: &str, fits: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split(' ') {
        let candidate = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if fits(&candidate) {
            cur = candidate;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        }
        for ch in word.chars() {
            cur.push(ch);
            if !fits(&cur) {
                cur.pop();
                if !cur.is_empty() {
                    lines.push(std::mem::take(&mut cur));
                }
                cur.push(ch);
            }
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// `line` followed by an ellipsis, shortened until both fit.
fn ellipsize(line: &str, fits: &dyn Fn(&str) -> bool) -> String {
    let mut kept: Vec<char> = line.trim_end().chars().collect();
    loop {
        let s: String =
            kept.iter().collect::<String>().trim_end().to_string() + &ELLIPSIS.to_string();
        if fits(&s) || kept.is_empty() {
            return s;
        }
        kept.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::font::Fonts;
    use crate::card::template::{Align, Rgb};

    fn style(size: f32, min: f32, max_lines: usize) -> TextStyle {
        TextStyle {
            size,
            min_size: min,
            max_lines,
            bold: true,
            color: Rgb::BLACK,
            align: Align::Left,
        }
    }

    fn assert_inside(f: &Fitted, face: &Face, w: f32, h: f32) {
        assert!(f.height_mm() <= h + 1e-3, "{f:?} taller than {h}");
        for l in &f.lines {
            let lw = face.width_pt(l, f.size_pt) * PT_TO_MM;
            assert!(lw <= w + 1e-3, "{l:?} is {lw} mm wide, box {w}");
        }
    }

    #[test]
    fn a_short_name_keeps_its_size_on_one_line() {
        let face = &Fonts::get().bold;
        let f = fit_text(face, &["Siti Rahayu"], 55.6, 8.4, &style(9.0, 6.0, 2));
        assert_eq!((f.size_pt, f.lines.len()), (9.0, 1));
    }

    #[test]
    fn a_longer_name_shrinks_before_it_wraps() {
        let face = &Fonts::get().bold;
        let name = "Raden Ajeng Kartini Wulandari Putri";
        let at_full = face.width_pt(name, 9.0) * PT_TO_MM;
        assert!(at_full > 55.6, "test name too short: {at_full}");
        let f = fit_text(face, &[name], 55.6, 8.4, &style(9.0, 6.0, 2));
        assert_eq!(f.lines, vec![name.to_string()]);
        assert!(f.size_pt < 9.0 && f.size_pt >= 6.0);
        assert_inside(&f, face, 55.6, 8.4);
    }

    #[test]
    fn a_sixty_letter_name_wraps_and_stays_in_its_box() {
        let face = &Fonts::get().bold;
        let name = "Muhammad Rizky Pratama Nugroho Wicaksono Adiputra Sastrowardoy";
        assert!(name.chars().count() >= 60);
        let f = fit_text(face, &[name], 55.6, 8.4, &style(9.0, 6.0, 2));
        assert_eq!(f.lines.len(), 2, "{f:?}");
        assert_eq!(
            f.lines.join(" "),
            name,
            "nothing is lost when wrapping suffices"
        );
        assert_inside(&f, face, 55.6, 8.4);
    }

    #[test]
    fn what_cannot_fit_is_cut_with_an_ellipsis_inside_the_box() {
        let face = &Fonts::get().bold;
        let name = "Ni Luh Putu Ayu Ṣekar Séruni Kusumawardhani Prameswari Dewi Anggraeni Laksmi";
        let f = fit_text(face, &[name], 30.0, 6.0, &style(9.0, 6.0, 2));
        assert!(f.lines.len() <= 2);
        assert!(f.lines.last().unwrap().ends_with('…'), "{f:?}");
        assert_inside(&f, face, 30.0, 6.0);
        // One unbroken word wider than the box is broken between letters.
        let f = fit_text(
            face,
            &["Wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww"],
            20.0,
            3.0,
            &style(8.0, 6.0, 1),
        );
        assert_eq!(f.lines.len(), 1);
        assert_inside(&f, face, 20.0, 3.0);
    }

    #[test]
    fn rules_wrap_per_entry_and_drop_what_the_box_cannot_hold() {
        let face = &Fonts::get().regular;
        let rules = ["1. Kartu ini wajib dibawa setiap kali berkunjung dan meminjam koleksi perpustakaan.";
            20];
        let f = fit_text(face, &rules, 77.6, 27.0, &style(6.0, 4.2, 2));
        assert_inside(&f, face, 77.6, 27.0);
        assert!(f.lines.last().unwrap().ends_with('…'));
    }
}
