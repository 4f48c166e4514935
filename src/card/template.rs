//! The card template: what goes where on the front and the back, read from TOML.
//! Positions are millimetres from the card's top-left corner; the built-in default is
//! `default-card.toml` beside this file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Localized};

/// ISO/IEC 7810 ID-1 (CR80), in mm.
pub const CARD_W_MM: f32 = 85.60;
pub const CARD_H_MM: f32 = 53.98;

pub const DEFAULT_TEMPLATE: &str = include_str!("default-card.toml");

/// A box `[x, y, width, height]` in mm.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(from = "[f32; 4]", into = "[f32; 4]")]
pub struct MmBox {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl From<[f32; 4]> for MmBox {
    fn from([x, y, w, h]: [f32; 4]) -> Self {
        MmBox { x, y, w, h }
    }
}

impl From<MmBox> for [f32; 4] {
    fn from(b: MmBox) -> Self {
        [b.x, b.y, b.w, b.h]
    }
}

/// A colour written `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const BLACK: Rgb = Rgb(0, 0, 0);
    pub const WHITE: Rgb = Rgb(255, 255, 255);
}

impl TryFrom<String> for Rgb {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let hex = s.trim().trim_start_matches('#');
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("x"), 16);
        match (hex.len(), byte(0), byte(2), byte(4)) {
            (6, Ok(r), Ok(g), Ok(b)) => Ok(Rgb(r, g, b)),
            // i18n: serde's detail inside card-template-mistake, naming the template's own key syntax
            _ => Err(format!("colour {s:?} is not #rrggbb")),
        }
    }
}

impl From<Rgb> for String {
    fn from(c: Rgb) -> String {
        format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// Which list of lines from `LibraryInfo` a `lines` element shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinesSource {
    Rules,
    Contact,
}

fn default_size() -> f32 {
    7.0
}

fn default_min_size() -> f32 {
    4.0
}

fn default_max_lines() -> usize {
    1
}

fn black() -> Rgb {
    Rgb::BLACK
}

/// How a piece of text is set: size, shrink limit, weight, colour, alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextStyle {
    /// Points.
    #[serde(default = "default_size")]
    pub size: f32,
    /// The smallest size the text may shrink to before it wraps or is cut.
    #[serde(default = "default_min_size")]
    pub min_size: f32,
    /// Lines one text may wrap to (for `lines` elements: per entry).
    #[serde(default = "default_max_lines")]
    pub max_lines: usize,
    #[serde(default)]
    pub bold: bool,
    #[serde(default = "black")]
    pub color: Rgb,
    #[serde(default)]
    pub align: Align,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// No deny_unknown_fields here: serde cannot combine it with the flattened style.
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Element {
    /// A filled rectangle: bands, rules, frames.
    Rect {
        #[serde(rename = "box")]
        at: MmBox,
        fill: Rgb,
    },
    /// Text with `{field}` placeholders.
    Text {
        text: String,
        #[serde(rename = "box")]
        at: MmBox,
        /// Drawn only with (or without) a logo or a signature: lets a text take the room
        /// that is free when there is none.
        #[serde(default)]
        when: Option<When>,
        #[serde(flatten)]
        style: TextStyle,
    },
    /// The library's rules or contact lines, one entry per line (wrapping if long).
    Lines {
        lines: LinesSource,
        #[serde(rename = "box")]
        at: MmBox,
        #[serde(default)]
        when: Option<When>,
        #[serde(flatten)]
        style: TextStyle,
    },
    /// The head's signature block with the stamp (`[card.signature]`); nothing without one.
    Signature {
        #[serde(rename = "box")]
        at: MmBox,
    },
    /// The member's photo, 3:4, centred in the box.
    Photo {
        #[serde(rename = "box")]
        at: MmBox,
    },
    /// The library's logo, kept in proportion inside the box.
    Logo {
        #[serde(rename = "box")]
        at: MmBox,
    },
    /// An image file from disk (a seal, a sponsor's mark), kept in proportion.
    Image {
        path: PathBuf,
        #[serde(rename = "box")]
        at: MmBox,
    },
    /// The member number as a barcode; `qr_box` is used instead of `box` for QR, which wants
    /// a square where 1D codes want width.
    Barcode {
        #[serde(rename = "box")]
        at: MmBox,
        #[serde(default)]
        qr_box: Option<MmBox>,
    },
}

/// What an element's `when` asks of the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    Logo,
    NoLogo,
    Signature,
    NoSignature,
}

impl When {
    pub fn holds(self, has_logo: bool, has_signature: bool) -> bool {
        match self {
            When::Logo => has_logo,
            When::NoLogo => !has_logo,
            When::Signature => has_signature,
            When::NoSignature => !has_signature,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Side {
    #[serde(default = "white")]
    pub background: Rgb,
    /// An image stretched over the whole side under everything else (JPEG or PNG).
    #[serde(default)]
    pub background_image: Option<PathBuf>,
    #[serde(default)]
    pub elements: Vec<Element>,
}

fn white() -> Rgb {
    Rgb::WHITE
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub front: Side,
    pub back: Side,
}

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("cannot read card template {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("card template {path} is not valid: {message}")]
    Parse { path: PathBuf, message: String },
}

impl Localized for TemplateError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            TemplateError::Read { path, source } => crate::t!(
                lang,
                "card-template-unreadable",
                path = path.display().to_string(),
                error = source.to_string()
            ),
            TemplateError::Parse { path, message } => crate::t!(
                lang,
                "card-template-mistake",
                path = path.display().to_string(),
                message = message.as_str()
            ),
        }
    }
}

/// The largest template file read.
const TEMPLATE_MAX_BYTES: u64 = 1 << 20;

impl Template {
    pub fn parse(toml_text: &str, path: &Path) -> Result<Template, TemplateError> {
        toml::from_str(toml_text).map_err(|e| TemplateError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })
    }

    /// The built-in card for a regency library.
    pub fn builtin() -> Template {
        // Parsed in a test, so a broken default fails the build's tests, not a counter.
        Template::parse(DEFAULT_TEMPLATE, Path::new("default-card.toml"))
            .expect("the built-in card template parses")
    }

    /// The template at `path`, or the built-in one when there is none.
    pub fn load(path: Option<&Path>) -> Result<Template, TemplateError> {
        let Some(path) = path else {
            return Ok(Template::builtin());
        };
        // A template is a few KB; a larger file is not one (and is never read whole).
        let text = crate::fsutil::read_bounded_text(path, TEMPLATE_MAX_BYTES).map_err(|e| {
            TemplateError::Read {
                path: path.to_path_buf(),
                source: std::io::Error::other(e.to_string()),
            }
        })?;
        let mut t = Template::parse(&text, path)?;
        // Image paths in a template are relative to the template, as people expect.
        if let Some(dir) = path.parent() {
            for side in [&mut t.front, &mut t.back] {
                if let Some(p) = &mut side.background_image {
                    *p = dir.join(&*p);
                }
                for e in &mut side.elements {
                    if let Element::Image { path, .. } = e {
                        *path = dir.join(&*path);
                    }
                }
            }
        }
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_template_parses_and_keeps_every_box_on_the_card() {
        let t = Template::builtin();
        assert!(
            t.front
                .elements
                .iter()
                .any(|e| matches!(e, Element::Photo { .. }))
        );
        assert!(
            t.front
                .elements
                .iter()
                .any(|e| matches!(e, Element::Barcode { .. }))
        );
        assert!(t.back.elements.iter().any(|e| matches!(
            e,
            Element::Lines {
                lines: LinesSource::Rules,
                ..
            }
        )));
        for side in [&t.front, &t.back] {
            for e in &side.elements {
                let (Element::Rect { at, .. }
                | Element::Text { at, .. }
                | Element::Lines { at, .. }
                | Element::Photo { at }
                | Element::Logo { at }
                | Element::Image { at, .. }
                | Element::Signature { at }
                | Element::Barcode { at, .. }) = e;
                assert!(
                    at.x >= 0.0
                        && at.y >= 0.0
                        && at.x + at.w <= CARD_W_MM + 1e-3
                        && at.y + at.h <= CARD_H_MM + 1e-3,
                    "{e:?}"
                );
            }
        }
    }

    #[test]
    fn builtin_codes_keep_two_millimetres_from_every_edge_and_clear_of_the_photo() {
        let t = Template::builtin();
        let edge = crate::card::codes::EDGE_MM;
        let photo = t
            .front
            .elements
            .iter()
            .find_map(|e| match e {
                Element::Photo { at } => Some(*at),
                _ => None,
            })
            .unwrap();
        for e in &t.front.elements {
            if let Element::Barcode { at, qr_box } = e {
                for b in std::iter::once(at).chain(qr_box.as_ref()) {
                    assert!(b.x >= edge && b.y >= edge, "{b:?}");
                    assert!(
                        b.x + b.w <= CARD_W_MM - edge && b.y + b.h <= CARD_H_MM - edge,
                        "{b:?}"
                    );
                    let apart = b.y >= photo.y + photo.h || b.x >= photo.x + photo.w;
                    assert!(apart, "{b:?} overlaps the photo {photo:?}");
                }
            }
        }
    }

    #[test]
    fn bad_templates_say_where() {
        let e = Template::parse(
            "[front]\n[back]\n[[back.elements]]\nkind = \"circle\"",
            Path::new("x.toml"),
        )
        .unwrap_err();
        assert!(e.to_string().contains("circle"), "{e}");
        assert!(e.localized(Lang::Id).contains("x.toml"));
        let bad_colour = "[front]\nbackground = \"blue\"\n[back]\n";
        assert!(Template::parse(bad_colour, Path::new("x.toml")).is_err());
        assert!(matches!(
            Template::load(Some(Path::new("/nonexistent/card.toml"))),
            Err(TemplateError::Read { .. })
        ));
    }
}
