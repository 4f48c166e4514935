//! The stored photo's bytes: a baseline JPEG with no metadata, under a size budget.
//! Baseline (not progressive) because SLiMS, INLISLite and card printers' drivers all read it.

use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, RgbImage, imageops};

use super::PhotoError;
use super::decode::{Limits, decode};

/// Qualities tried in turn until the file fits; 90 looks like the original on a card, 40 is
/// still a recognisable face.
const QUALITIES: [u8; 8] = [90, 85, 80, 75, 70, 60, 50, 40];

/// Encodes `img` as a baseline JPEG of at most `max_kb` KiB, stepping the quality down as
/// needed. Nothing but pixels goes in: no EXIF (so no GPS position or camera serial of the
/// applicant's phone), no comment.
pub fn encode_jpeg(img: &RgbImage, max_kb: u32) -> Result<Vec<u8>, PhotoError> {
    let max = max_kb as usize * 1024;
    let mut smallest = usize::MAX;
    for q in QUALITIES {
        let bytes = jpeg_at(img, q)?;
        if bytes.len() <= max {
            return Ok(bytes);
        }
        smallest = smallest.min(bytes.len());
    }
    Err(PhotoError::CannotFit {
        kb: smallest.div_ceil(1024) as u32,
        max_kb,
    })
}

/// A JPEG of at most `max_kb` KiB for another system's import (SLiMS, INLISLite: 500 KB): the
/// stored photo is returned as it is when it fits, otherwise re-encoded at a lower quality,
/// then halved in size until it fits.
pub fn export_under(bytes: &[u8], max_kb: u32) -> Result<Vec<u8>, PhotoError> {
    if bytes.len() <= max_kb as usize * 1024 {
        return Ok(bytes.to_vec());
    }
    let mut img = decode(bytes, &Limits::default())?;
    loop {
        match encode_jpeg(&img, max_kb) {
            Err(PhotoError::CannotFit { .. }) if img.width() > 64 => {
                img = imageops::resize(
                    &img,
                    img.width() / 2,
                    img.height() / 2,
                    imageops::FilterType::Triangle,
                );
            }
            other => return other,
        }
    }
}

fn jpeg_at(img: &RgbImage, quality: u8) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::with_capacity(img.as_raw().len() / 8);
    JpegEncoder::new_with_quality(&mut out, quality)
        .encode(
            img.as_raw(),
            img.width(),
            img.height(),
            ExtendedColorType::Rgb8,
        )
        .map_err(|e| PhotoError::Encode {
            detail: e.to_string(),
        })?;
    Ok(out)
}

/// The markers of a JPEG's header segments, in order, up to the first scan: what tests and
/// the store check to be sure a photo is baseline and carries no metadata.
pub fn jpeg_markers(bytes: &[u8]) -> Vec<u8> {
    let mut markers = Vec::new();
    let mut i = 2;
    while let (Some(&0xFF), Some(&m)) = (bytes.get(i), bytes.get(i + 1)) {
        markers.push(m);
        let Some(len) = bytes.get(i + 2..i + 4) else {
            break;
        };
        if m == 0xDA {
            break;
        }
        i += 2 + usize::from(u16::from_be_bytes([len[0], len[1]]));
    }
    markers
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use image::Rgb;

    /// A photo-like image that JPEG cannot squeeze much: smooth gradients plus fine noise.
    pub(crate) fn busy(w: u32, h: u32) -> RgbImage {
        let mut seed = 0x2545_F491_u32;
        RgbImage::from_fn(w, h, |x, y| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let n = (seed & 0x3F) as u8;
            Rgb([
                ((x * 255 / w) as u8).wrapping_add(n),
                ((y * 255 / h) as u8).wrapping_add(n / 2),
                (((x + y) % 256) as u8) ^ n,
            ])
        })
    }

    #[test]
    fn stored_jpeg_is_baseline_without_exif_and_under_budget() {
        let img = busy(600, 800);
        let bytes = encode_jpeg(&img, 150).unwrap();
        assert!(bytes.len() <= 150 * 1024, "{} bytes", bytes.len());
        let markers = jpeg_markers(&bytes);
        assert!(markers.contains(&0xC0), "no baseline SOF0: {markers:x?}");
        assert!(!markers.contains(&0xC2), "progressive: {markers:x?}");
        assert!(
            !markers.contains(&0xE1),
            "an APP1 (EXIF/XMP) segment: {markers:x?}"
        );
        let back = decode(&bytes, &Limits::default()).unwrap();
        assert_eq!(back.dimensions(), (600, 800));
    }

    #[test]
    fn quality_steps_down_to_fit_a_tight_budget() {
        let img = busy(600, 800);
        let roomy = encode_jpeg(&img, 10_000).unwrap();
        let tight_kb = (roomy.len() / 1024 / 2) as u32;
        let tight = encode_jpeg(&img, tight_kb).unwrap();
        assert!(tight.len() < roomy.len());
        assert!(tight.len() <= tight_kb as usize * 1024);
    }

    #[test]
    fn a_budget_no_quality_meets_is_an_error() {
        let err = encode_jpeg(&busy(600, 800), 1).unwrap_err();
        assert!(
            matches!(err, PhotoError::CannotFit { max_kb: 1, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn export_keeps_a_small_photo_and_shrinks_a_big_one() {
        let photo = encode_jpeg(&busy(300, 400), 1000).unwrap();
        let kb = (photo.len() / 1024) as u32;
        assert!(kb > 20, "test photo too small: {kb} KB");
        // Under the limit: the very bytes, untouched.
        assert_eq!(export_under(&photo, kb + 1).unwrap(), photo);
        // Over it: a lower quality, the same size.
        let out = export_under(&photo, kb / 2).unwrap();
        assert!(out.len() <= (kb / 2) as usize * 1024);
        assert_eq!(
            decode(&out, &Limits::default()).unwrap().dimensions(),
            (300, 400)
        );
        assert!(jpeg_markers(&out).contains(&0xC0));
        // Far over it: halved until it fits.
        let out = export_under(&photo, 3).unwrap();
        assert!(out.len() <= 3 * 1024);
        assert!(decode(&out, &Limits::default()).unwrap().width() < 300);
    }
}
