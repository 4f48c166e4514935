//! A JPEG decoded at 1/2, 1/4 or 1/8 of its size inside the inverse DCT, when the crop that is
//! kept still has the stored photo's pixels: most of a 12 MP phone photo is thrown away anyway.

use image::RgbImage;
use jpeg_decoder::{Decoder, PixelFormat};

use super::edit::Edit;

/// The largest reduction (1, 2, 4 or 8) at which the box of `edit`, on a photo of `upright`
/// size, still has at least `out` pixels: the stored photo is then only ever scaled down.
pub fn divisor_for(edit: &Edit, upright: (u32, u32), out: (u32, u32)) -> u32 {
    // The edit may have been made on a preview copy; its box is scaled to the photo.
    let k = upright.0.max(1) as f32 / edit.source.0.max(1) as f32;
    let (bw, bh) = (edit.box_width() * k, edit.box_height * k);
    [8u32, 4, 2]
        .into_iter()
        .find(|&d| {
            // What the decoder makes of the box, rounded down, against what is stored.
            let fits = |len: f32, need: u32| (len / d as f32).floor() as u32 >= need.max(1);
            fits(bw, out.0) && fits(bh, out.1)
        })
        .unwrap_or(1)
}

/// The size from which a photo is a camera's (2 MP; the stored photo is 0.48 MP) and worth
/// libjpeg-turbo's SIMD decoder.
const TURBO_FROM_PIXELS: u64 = 2_000_000;

/// Decodes `bytes` (already checked: complete, within the limits, `raw` pixels before EXIF
/// orientation) at 1/`by` of its size. `None` where this decoder does not take the file (an
/// unusual frame, a colour model other than grey or YCbCr, a decoding error): the caller then
/// decodes at full size, which names the problem if there is one.
pub fn decode_jpeg(bytes: &[u8], raw: (u32, u32), by: u32) -> Option<RgbImage> {
    if !plain_frame(bytes) {
        return None;
    }
    // libjpeg-turbo first where it is the faster (built with SIMD); jpeg-decoder after it,
    // for what libjpeg refuses or warns about, and where it was built from plain C. Only for
    // a camera's photo: the stored 600×800 photo decodes in a few milliseconds either way,
    // and through one decoder the screens that draw it are the same pixel for pixel whether
    // or not the build had nasm (the screens' snapshots hold them).
    if u64::from(raw.0) * u64::from(raw.1) >= TURBO_FROM_PIXELS
        && super::turbo::has_simd()
        && let Some(img) = super::turbo::decode_scaled(bytes, raw, by)
    {
        return Some(img);
    }
    let mut decoder = Decoder::new(Scan(bytes));
    let want = |len: u32| u16::try_from(len.div_ceil(by)).ok();
    let (w, h) = decoder.scale(want(raw.0)?, want(raw.1)?).ok()?;
    let pixels = decoder.decode().ok()?;
    let (w, h) = (u32::from(w), u32::from(h));
    match decoder.info()?.pixel_format {
        PixelFormat::RGB24 => RgbImage::from_raw(w, h, pixels),
        PixelFormat::L8 => {
            let rgb = pixels.iter().flat_map(|&v| [v, v, v]).collect();
            RgbImage::from_raw(w, h, rgb)
        }
        PixelFormat::L16 | PixelFormat::CMYK32 => None,
    }
}

/// The JPEG's bytes as the decoder reads them. A reader type of loket's own, so that the
/// decoder's generic code is built in a unit of its own, where the Huffman decoding is inlined.
struct Scan<'a>(&'a [u8]);

impl std::io::Read for Scan<'_> {
    #[inline]
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(buf)
    }
    #[inline]
    fn read_exact(&mut self, buf: &mut [u8]) -> std::io::Result<()> {
        self.0.read_exact(buf)
    }
}

/// Whether the frame is one this path handles: baseline, extended or progressive Huffman
/// (SOF0–SOF2), 8-bit samples, one or three components, as every camera and phone writes.
/// Checked on the bytes so that nothing else reaches the decoder (whose `info` would panic on
/// a crafted lossless frame of under 2 bits).
fn plain_frame(bytes: &[u8]) -> bool {
    let mut i = 2; // after SOI
    loop {
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(i), bytes.get(i + 1)) else {
            return false;
        };
        if matches!(marker, 0x01 | 0xD0..=0xD7) {
            i += 2;
            continue;
        }
        let Some(len) = bytes.get(i + 2..i + 4) else {
            return false;
        };
        let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
        match marker {
            0xC0..=0xC2 => {
                // Segment: length (2), precision (1), height (2), width (2), components (1).
                let precision = bytes.get(i + 4);
                let components = bytes.get(i + 9);
                return precision == Some(&8) && matches!(components, Some(&1) | Some(&3));
            }
            // Any other frame type (lossless, arithmetic, hierarchical), or the scan before a frame.
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF | 0xDA | 0xD9 => return false,
            _ => i += 2 + len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photo::decode::tests::{jpeg, with_orientation};
    use crate::photo::{Limits, decode, decode_reduced};
    use image::Rgb;

    /// A photo-like test image: a light gradient, a darker oval, fine noise.
    fn photo(w: u32, h: u32) -> RgbImage {
        let mut seed = 0x2545_F491_u32;
        RgbImage::from_fn(w, h, |x, y| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let n = (seed % 16) as i32 - 8;
            let (dx, dy) = (x as i32 - w as i32 / 2, y as i32 - h as i32 / 3);
            let face = dx * dx * 9 + dy * dy * 5 < (w as i32 / 6).pow(2) * 9;
            let base = if face {
                [200, 150, 120]
            } else {
                [60 + (y * 120 / h) as i32, 110, 180 - (x * 100 / w) as i32]
            };
            let c = |v: i32| (v + n).clamp(0, 255) as u8;
            Rgb([c(base[0]), c(base[1]), c(base[2])])
        })
    }

    #[test]
    fn the_reduction_keeps_at_least_the_stored_pixels() {
        let out = (600, 800);
        // A 12 MP landscape photo: the first box is 2700 high, so half size (1350) is the most.
        let e = Edit::initial(4000, 3000);
        assert_eq!(divisor_for(&e, (4000, 3000), out), 2);
        // The same edit made on a 1000×750 preview copy means the same box on the photo.
        let preview = Edit::initial(1000, 750);
        assert_eq!(divisor_for(&preview, (4000, 3000), out), 2);
        // A 50 MP photo has room for a quarter; a webcam's 1280×720 for none.
        assert_eq!(
            divisor_for(&Edit::initial(8000, 6000), (8000, 6000), out),
            4
        );
        assert_eq!(divisor_for(&Edit::initial(1280, 720), (1280, 720), out), 1);
        // Zoomed in on the face, the box is small: full size.
        let mut z = Edit::initial(4000, 3000);
        for _ in 0..8 {
            z.zoom(crate::photo::Zoom::In);
        }
        assert_eq!(divisor_for(&z, (4000, 3000), out), 1);
    }

    /// Peak signal-to-noise ratio of `b` against `a`, in dB, over all three channels.
    fn psnr(a: &RgbImage, b: &RgbImage) -> f64 {
        assert_eq!(a.dimensions(), b.dimensions());
        let se: f64 = a
            .as_raw()
            .iter()
            .zip(b.as_raw())
            .map(|(&x, &y)| (f64::from(x) - f64::from(y)).powi(2))
            .sum();
        let mse = se / a.as_raw().len() as f64;
        10.0 * (255.0f64.powi(2) / mse.max(1e-9)).log10()
    }

    #[test]
    fn the_stored_photo_from_a_reduced_decode_matches_the_full_one() {
        use crate::photo::{PhotoConfig, process, store_edited};
        // 2400×1800: the first box is 1620 high, so the photo is decoded at half size.
        let bytes = jpeg(&photo(2400, 1800), 92);
        let config = PhotoConfig::default();
        let edit = Edit::initial(2400, 1800);
        assert_eq!(divisor_for(&edit, (2400, 1800), (600, 800)), 2);
        let full = decode(&bytes, &Limits::default()).unwrap();
        let before = store_edited(&full, &edit, &config).unwrap();
        let after = process(&bytes, &Limits::default(), None, &config).unwrap();
        let (before, after) = (
            decode(&before.jpeg, &Limits::default()).unwrap(),
            decode(&after.jpeg, &Limits::default()).unwrap(),
        );
        assert_eq!(after.dimensions(), (600, 800));
        let db = psnr(&before, &after);
        eprintln!("PSNR reduced vs full: {db:.1} dB");
        // Two JPEG generations of the same 600×800 crop; 35 dB is "no visible difference".
        assert!(db > 35.0, "PSNR {db:.1} dB");
    }

    /// Against the stored photo as loket made it before issue 19: the whole photo decoded,
    /// cropped and resized by `image`, encoded. Now: decoded at half size in the IDCT, shrunk
    /// in fixed point (`resample`). A 12 MP phone photo, made here.
    #[test]
    fn the_stored_photo_of_a_12_mp_photo_matches_what_the_full_decode_made() {
        use crate::photo::{PhotoConfig, encode_jpeg, process, render};
        let bytes = jpeg(&photo(4000, 3000), 90);
        let config = PhotoConfig::default();
        let edit = Edit::initial(4000, 3000);
        let full = decode(&bytes, &Limits::default()).unwrap();
        let before = encode_jpeg(&render(&full, &edit, (600, 800)), config.max_kb).unwrap();
        let after = process(&bytes, &Limits::default(), None, &config).unwrap();
        let (before, after) = (
            decode(&before, &Limits::default()).unwrap(),
            decode(&after.jpeg, &Limits::default()).unwrap(),
        );
        assert_eq!(after.dimensions(), (600, 800));
        let db = psnr(&before, &after);
        eprintln!("PSNR of the 12 MP photo, now against before: {db:.1} dB");
        assert!(db > 35.0, "PSNR {db:.1} dB");
    }

    #[test]
    fn a_reduced_decode_is_the_size_asked_for_and_upright() {
        let bytes = jpeg(&photo(800, 600), 90);
        let img = decode_reduced(&bytes, &Limits::default(), |_| 2).unwrap();
        assert_eq!(img.dimensions(), (400, 300));
        // EXIF orientation 6 (turn clockwise): upright it is portrait, at half size too.
        let turned = with_orientation(&bytes, 6);
        let mut seen = None;
        let img = decode_reduced(&turned, &Limits::default(), |up| {
            seen = Some(up);
            4
        })
        .unwrap();
        assert_eq!(
            seen,
            Some((600, 800)),
            "the divisor is told the upright size"
        );
        assert_eq!(img.dimensions(), (150, 200));
        // Grey JPEGs come out as RGB like every other photo.
        let grey = image::DynamicImage::ImageRgb8(photo(160, 120)).into_luma8();
        let mut g = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut g, 90)
            .encode_image(&grey)
            .unwrap();
        let img = decode_reduced(&g, &Limits::default(), |_| 2).unwrap();
        assert_eq!(img.dimensions(), (80, 60));
        let p = img.get_pixel(40, 30).0;
        assert!(p[0] == p[1] && p[1] == p[2]);
    }

    #[test]
    fn hostile_files_are_refused_as_by_the_full_decode() {
        let bytes = jpeg(&photo(320, 240), 90);
        for bad in [
            Vec::new(),
            bytes[..bytes.len() / 2].to_vec(),
            b"not an image at all".to_vec(),
        ] {
            assert_eq!(
                decode_reduced(&bad, &Limits::default(), |_| 8).unwrap_err(),
                decode(&bad, &Limits::default()).unwrap_err()
            );
        }
        // A frame this path does not take (a lossless SOF3 header) is left to the full decoder.
        let mut sof3 = bytes.clone();
        let at = sof3.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        sof3[at + 1] = 0xC3;
        assert!(!plain_frame(&sof3));
        assert!(decode_jpeg(&sof3, (320, 240), 2).is_none());
        assert!(plain_frame(&bytes));
    }
}
