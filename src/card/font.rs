//! The card's typeface and its metrics: DejaVu Sans Condensed, compiled into the binary.
//! Measuring and drawing use the same glyph ids and advances, so a fitted line is exactly as
//! wide on paper as the fitting code thought.

use std::sync::OnceLock;

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider, charmap::Charmap};

/// One face: its bytes for the PDF, its cmap and advances for layout.
pub struct Face {
    pdf_font: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    /// Ascent and descent as fractions of the font size (descent positive, below the baseline).
    pub ascent: f32,
    pub descent: f32,
}

/// A glyph placed by `Face::shape`: id and advance in em.
#[derive(Debug, Clone, Copy)]
struct Shaped {
    gid: u32,
    advance_em: f32,
}

impl Face {
    fn load(data: &'static [u8]) -> Face {
        // The bytes are compiled in and known good; a failure here is a build defect.
        let font = FontRef::new(data).expect("embedded DejaVu font parses");
        let m = font.metrics(Size::unscaled(), LocationRef::default());
        let upem = f32::from(m.units_per_em);
        Face {
            pdf_font: Font::new(data.into(), 0).expect("embedded DejaVu font loads in krilla"),
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em: upem,
            ascent: m.ascent / upem,
            descent: -m.descent / upem,
        }
    }

    pub(crate) fn pdf_font(&self) -> Font {
        self.pdf_font.clone()
    }

    /// Characters the font lacks become `?` rather than an invisible box, so a clerk sees
    /// that something is off; combining accents keep their zero advance.
    fn shape<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, char, Shaped)> + 'a {
        let fallback = self.charmap.map('?').map(|g| g.to_u32()).unwrap_or(0);
        text.char_indices().map(move |(i, c)| {
            let gid = self.charmap.map(c).map(|g| g.to_u32()).unwrap_or(fallback);
            let advance = self
                .metrics
                .advance_width(skrifa::GlyphId::new(gid))
                .unwrap_or(0.0);
            (
                i,
                c,
                Shaped {
                    gid,
                    advance_em: advance / self.units_per_em,
                },
            )
        })
    }

    /// Width of `text` set at `size_pt`, in points.
    pub fn width_pt(&self, text: &str, size_pt: f32) -> f32 {
        self.shape(text).map(|(_, _, s)| s.advance_em).sum::<f32>() * size_pt
    }

    /// The glyphs krilla draws for `text`, with the advances `width_pt` summed.
    pub(crate) fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        self.shape(text)
            .map(|(i, c, s)| KrillaGlyph {
                glyph_id: GlyphId::new(s.gid),
                text_range: i..i + c.len_utf8(),
                x_advance: s.advance_em,
                x_offset: 0.0,
                y_offset: 0.0,
                y_advance: 0.0,
                location: None,
            })
            .collect()
    }
}

/// The regular and bold faces, loaded once per process.
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts {
            regular: Face::load(dejavu::sans_condensed::regular()),
            bold: Face::load(dejavu::sans_condensed::bold()),
        })
    }

    pub fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size_and_accents_are_known() {
        let f = &Fonts::get().regular;
        let a = f.width_pt("Siti", 10.0);
        assert!(a > 5.0 && a < 30.0, "{a}");
        assert!((f.width_pt("Siti", 20.0) - 2.0 * a).abs() < 1e-3);
        assert!(f.width_pt("Siti Rahayu", 10.0) > a);
        // An accented letter the font has is not replaced by `?`.
        let q = f.glyphs("?")[0].glyph_id;
        assert_ne!(f.glyphs("é")[0].glyph_id, q);
        assert!(Fonts::get().bold.width_pt("Siti", 10.0) > a);
    }
}
