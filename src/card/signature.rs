//! The head librarian's signature block (tanda tangan kepala perpustakaan) with the library's
//! stamp (stempel) over it, as Indonesian library cards carry them: `[card.signature]`.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::template::MmBox;

/// `[card.signature]` in the config. Drawn where the template has a `signature` element.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SignatureConfig {
    /// The head's title, e.g. "Kepala Dinas Perpustakaan dan Kearsipan".
    pub title: String,
    pub name: String,
    /// A line under the name, e.g. "NIP. 19700101 199003 1 001"; empty for none.
    pub id_line: String,
    /// The scanned signature, PNG (transparent background) or JPEG.
    pub image: Option<PathBuf>,
    /// The library's stamp, PNG with a transparent background, drawn over the signature.
    pub stamp: Option<PathBuf>,
}

impl SignatureConfig {
    /// Anything to draw at all: an empty section draws nothing, not an empty frame.
    pub fn is_set(&self) -> bool {
        !self.title.trim().is_empty()
            || !self.name.trim().is_empty()
            || self.image.is_some()
            || self.stamp.is_some()
    }
}

/// Where each part of the block goes inside its box: the title on top, the signature in the
/// middle, the name and the id line at the bottom; the stamp over the left half of the
/// signature, reaching up into the title, as a hand stamp lands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SignatureLayout {
    pub title: MmBox,
    pub image: MmBox,
    pub stamp: MmBox,
    pub name: MmBox,
    pub id_line: MmBox,
}

pub fn layout(b: MmBox, has_id_line: bool) -> SignatureLayout {
    let title_h = (b.h * 0.26).min(6.0);
    let name_h = (b.h * 0.16).min(3.4);
    let id_h = if has_id_line {
        (b.h * 0.12).min(2.6)
    } else {
        0.0
    };
    let image_h = (b.h - title_h - name_h - id_h).max(0.0);
    let image = MmBox {
        x: b.x,
        y: b.y + title_h,
        w: b.w,
        h: image_h,
    };
    let side = (image_h * 1.15).min(b.w * 0.6);
    SignatureLayout {
        title: MmBox {
            x: b.x,
            y: b.y,
            w: b.w,
            h: title_h,
        },
        image,
        stamp: MmBox {
            x: b.x + b.w * 0.08,
            y: image.y + (image.h - side) / 2.0,
            w: side,
            h: side,
        },
        name: MmBox {
            x: b.x,
            y: image.y + image_h,
            w: b.w,
            h: name_h,
        },
        id_line: MmBox {
            x: b.x,
            y: image.y + image_h + name_h,
            w: b.w,
            h: id_h,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parts_stay_in_the_box_and_the_stamp_overlaps_the_signature() {
        let b = MmBox {
            x: 50.0,
            y: 10.0,
            w: 32.0,
            h: 27.0,
        };
        let l = layout(b, true);
        for part in [l.title, l.image, l.name, l.id_line, l.stamp] {
            assert!(
                part.x >= b.x - 1e-4 && part.x + part.w <= b.x + b.w + 1e-4,
                "{part:?}"
            );
            assert!(
                part.y >= b.y - 1e-4 && part.y + part.h <= b.y + b.h + 1e-4,
                "{part:?}"
            );
        }
        assert!(l.stamp.x < l.image.x + l.image.w / 2.0 && l.stamp.y < l.image.y + l.image.h);
        assert!(!SignatureConfig::default().is_set());
    }
}
