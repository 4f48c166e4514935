//! The small preview kept beside each stored photo: a few thousand raw RGB pixels, which the
//! front desk draws as half-blocks on every scan without decoding a JPEG (issue 19).
//!
//! Bytes: width (1 byte), height (1 byte), then width × height RGB triples, row by row.

use image::RgbImage;
use image::imageops::FilterType;

use super::Limits;

/// Pixels of a preview: what the front desk's photo column shows, 18 half-block cells across
/// and 12 down, two pixels a cell (a 3:4 portrait; `tui::frontdesk`'s `PHOTO_COLS`).
pub const SIZE: (u32, u32) = (18, 24);

/// The photo as ratatui-image's half-blocks size it before sampling the cells: 10×20 pixels a
/// cell. The preview goes through it so that it is, pixel for pixel, what decoding the JPEG at
/// each scan drew (the front desk's snapshots are unchanged by the preview).
const CELL_PIXELS: (u32, u32) = (SIZE.0 * 10, SIZE.1 / 2 * 20);

/// The preview of a stored photo (a JPEG), or `None` if it does not decode.
pub fn make(jpeg: &[u8]) -> Option<Vec<u8>> {
    // At 1/8 inside the IDCT the stored 600×800 photo comes out 75×100: enough, and cheap.
    let img = super::decode_reduced(jpeg, &Limits::default(), |(w, h)| {
        [8, 4, 2]
            .into_iter()
            .find(|d| w / d >= SIZE.0 && h / d >= SIZE.1)
            .unwrap_or(1)
    })
    .ok()?;
    let cells = image::imageops::resize(&img, CELL_PIXELS.0, CELL_PIXELS.1, FilterType::Triangle);
    let small = image::imageops::resize(&cells, SIZE.0, SIZE.1, FilterType::Triangle);
    let mut out = Vec::with_capacity(2 + small.as_raw().len());
    out.extend([SIZE.0 as u8, SIZE.1 as u8]);
    out.extend_from_slice(small.as_raw());
    Some(out)
}

/// The pixels of preview bytes made by [`make`]; `None` for anything else.
pub fn pixels(bytes: &[u8]) -> Option<RgbImage> {
    let (&w, rest) = bytes.split_first()?;
    let (&h, rgb) = rest.split_first()?;
    if w == 0 || h == 0 {
        return None;
    }
    RgbImage::from_raw(u32::from(w), u32::from(h), rgb.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photo::decode::tests::jpeg;
    use image::Rgb;

    #[test]
    fn a_preview_is_a_few_kilobytes_and_reads_back() {
        let photo = RgbImage::from_fn(600, 800, |x, y| Rgb([(x / 3) as u8, (y / 4) as u8, 90]));
        let bytes = make(&jpeg(&photo, 90)).expect("a stored photo has a preview");
        assert_eq!(bytes.len(), 2 + 18 * 24 * 3);
        let img = pixels(&bytes).unwrap();
        assert_eq!(img.dimensions(), SIZE);
        // The colours are the photo's: top left without red, bottom right reddest and greenest.
        let (tl, br) = (img.get_pixel(0, 0).0, img.get_pixel(17, 23).0);
        assert!(tl[0] < 20 && br[0] > 180 && br[1] > 180, "{tl:?} {br:?}");
    }

    #[test]
    fn what_is_not_a_preview_is_refused() {
        assert!(make(b"not a jpeg").is_none());
        assert!(pixels(&[]).is_none());
        assert!(pixels(&[0, 4]).is_none());
        assert!(pixels(&[2, 2, 1, 2, 3]).is_none(), "too few pixels");
    }
}
