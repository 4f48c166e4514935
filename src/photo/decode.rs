//! Bytes from a camera, a phone or the web form → an upright RGB image, or a typed refusal.
//! Every check that can be made on the header is made before a pixel buffer is allocated.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, RgbImage};

use super::PhotoError;

/// What an incoming file may cost us. The defaults are far above any webcam or phone photo
/// (a 50 MP phone JPEG is about 15 MB) and far below what would hurt a counter PC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_bytes: u64,
    /// Largest width × height accepted: the guard against decompression bombs, where a small
    /// file claims an image that would need gigabytes once decoded.
    pub max_pixels: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 20 * 1024 * 1024,
            max_pixels: 50_000_000,
        }
    }
}

impl Limits {
    /// The image crate's own limits, as a second line of defence behind our header check:
    /// enough for 16-bit RGBA at `max_pixels` (8 bytes a pixel), nothing more.
    pub fn for_image_crate(&self) -> image::Limits {
        let mut l = image::Limits::default();
        l.max_alloc = Some(self.max_pixels.saturating_mul(8));
        l
    }
}

/// Decodes JPEG, PNG or WebP bytes into an upright RGB image: the EXIF orientation is applied,
/// transparency is laid over white (the card background).
pub fn decode(bytes: &[u8], limits: &Limits) -> Result<RgbImage, PhotoError> {
    decode_reduced(bytes, limits, |_| 1)
}

/// `decode`, but a JPEG may come out at 1/2, 1/4 or 1/8 of its size, scaled inside the IDCT:
/// `divisor` is told the upright size and answers the largest reduction the caller can use.
/// Every check on the header is made first, at full size, so a reduced decode refuses exactly
/// what a full one does; a file the reducing decoder cannot read is decoded at full size.
pub fn decode_reduced(
    bytes: &[u8],
    limits: &Limits,
    divisor: impl FnOnce((u32, u32)) -> u32,
) -> Result<RgbImage, PhotoError> {
    if bytes.is_empty() {
        return Err(PhotoError::Empty);
    }
    if bytes.len() as u64 > limits.max_bytes {
        return Err(PhotoError::TooLarge {
            bytes: bytes.len() as u64,
            max: limits.max_bytes,
        });
    }
    let format = sniff(bytes)?;
    // zune-jpeg fills a cut-off scan with grey and reports success, so a half-copied photo would
    // pass silently; the segment walk below notices the missing end marker instead.
    if format == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(PhotoError::Truncated);
    }

    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut crate_limits = limits.for_image_crate();
    reader.limits(crate_limits.clone());
    let mut decoder = reader.into_decoder().map_err(from_image_error)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > limits.max_pixels {
        return Err(PhotoError::TooManyPixels { width, height });
    }
    if crate_limits.reserve(decoder.total_bytes()).is_err() {
        return Err(PhotoError::OverMemoryLimit);
    }
    // A broken EXIF block must not cost the photo: it is then shown as stored.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let upright = if turns_sideways(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    let by = divisor(upright);
    let reduced = (format == ImageFormat::Jpeg && by > 1)
        .then(|| super::reduce::decode_jpeg(bytes, (width, height), by))
        .flatten();
    let mut img = match reduced {
        Some(small) => DynamicImage::ImageRgb8(small),
        None => DynamicImage::from_decoder(decoder).map_err(from_image_error)?,
    };
    img.apply_orientation(orientation);
    Ok(flatten_on_white(img))
}

/// Orientations 5 to 8 turn the photo a quarter: its upright width is the stored height.
fn turns_sideways(o: image::metadata::Orientation) -> bool {
    use image::metadata::Orientation as O;
    matches!(
        o,
        O::Rotate90 | O::Rotate270 | O::Rotate90FlipH | O::Rotate270FlipH
    )
}

/// Only width and height, read from the header: for a quick "is this usable" in lists.
pub fn dimensions(bytes: &[u8], limits: &Limits) -> Result<(u32, u32), PhotoError> {
    let format = sniff(bytes)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits.for_image_crate());
    reader.into_dimensions().map_err(from_image_error)
}

/// Names the format from its first bytes. The file name is not trusted: a phone may call a
/// HEIC file `.jpg`, and a form upload's name is whatever the browser sent.
pub fn sniff(bytes: &[u8]) -> Result<ImageFormat, PhotoError> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if bytes.is_empty() {
        return Err(PhotoError::Empty);
    }
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return Ok(ImageFormat::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Ok(ImageFormat::Png);
    }
    if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Ok(ImageFormat::WebP);
    }
    let unsupported = |format: &'static str| Err(PhotoError::Unsupported { format });
    // ISO base media files (HEIC, AVIF, MP4, MOV): a box size, then `ftyp` and a brand.
    if bytes.get(4..8) == Some(b"ftyp") {
        let brand = bytes.get(8..12).unwrap_or_default();
        return match brand {
            b"avif" | b"avis" => unsupported("AVIF"),
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
                unsupported("HEIC")
            }
            // i18n: a format's name, "video" in Indonesian too
            _ => unsupported("MP4/MOV video"),
        };
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return unsupported("GIF");
    }
    if starts(b"II*\0") || starts(b"MM\0*") {
        return unsupported("TIFF");
    }
    if starts(b"%PDF") {
        return unsupported("PDF");
    }
    if starts(&[0xFF, 0x0A]) || starts(b"\0\0\0\x0CJXL \r\n\x87\n") {
        return unsupported("JPEG XL");
    }
    if starts(b"BM") && bytes.len() >= 26 {
        return unsupported("BMP");
    }
    Err(PhotoError::NotAnImage)
}

/// Whether a JPEG has its end-of-image marker after the first scan. The header segments are
/// walked by their lengths (an EXIF thumbnail carries its own markers inside APP1), then the
/// scan data is searched: inside it 0xFF is always followed by 0x00 or a restart marker, so
/// `FF D9` there can only be the real end.
pub fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut i = 2; // after SOI
    loop {
        // Fill bytes (0xFF runs) may precede a marker.
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(i), bytes.get(i + 1)) else {
            return false;
        };
        match marker {
            0xD9 => return true, // an image with no scan: complete, the decoder will judge it
            0x01 | 0xD0..=0xD7 => i += 2,
            _ => {
                let Some(len) = bytes.get(i + 2..i + 4) else {
                    return false;
                };
                let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
                if marker == 0xDA {
                    let scan = bytes.get(i + 2 + len..).unwrap_or_default();
                    // From the end, where the marker is: 2 ms less on a 3.5 MB photo.
                    return scan.windows(2).rev().any(|w| w == [0xFF, 0xD9]);
                }
                i += 2 + len;
            }
        }
    }
}

fn flatten_on_white(img: DynamicImage) -> RgbImage {
    if !img.color().has_alpha() {
        return img.into_rgb8();
    }
    let rgba = img.into_rgba8();
    let (w, h) = rgba.dimensions();
    RgbImage::from_fn(w, h, |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    })
}

fn from_image_error(e: ImageError) -> PhotoError {
    match e {
        ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            PhotoError::Truncated
        }
        ImageError::Limits(_) => PhotoError::OverMemoryLimit,
        ImageError::Unsupported(u) => PhotoError::Corrupt {
            detail: u.to_string(),
        },
        other => {
            #[rustfmt::skip]
            // i18n: the codecs' own words for a file cut short, matched, never shown
            const CUT_SHORT: [&str; 5] = ["eof", "end of file", "unexpected end", "truncated", "no more bytes"];
            let detail = other.to_string();
            // The codecs say "end of file" in their own words; staff need one message for it.
            let lower = detail.to_ascii_lowercase();
            if CUT_SHORT.iter().any(|w| lower.contains(w)) {
                PhotoError::Truncated
            } else {
                PhotoError::Corrupt { detail }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use image::codecs::jpeg::JpegEncoder;
    use image::{Rgb, Rgba, RgbaImage};
    use std::time::{Duration, Instant};

    const RED: [u8; 3] = [255, 0, 0];
    const GREEN: [u8; 3] = [0, 255, 0];
    const BLUE: [u8; 3] = [0, 0, 255];
    const WHITE: [u8; 3] = [255, 255, 255];

    /// 64×32, four flat quadrants: red, green / blue, white. Flat areas survive JPEG.
    fn quadrants() -> RgbImage {
        RgbImage::from_fn(64, 32, |x, y| {
            Rgb(match (x < 32, y < 16) {
                (true, true) => RED,
                (false, true) => GREEN,
                (true, false) => BLUE,
                (false, false) => WHITE,
            })
        })
    }

    pub(crate) fn jpeg(img: &RgbImage, quality: u8) -> Vec<u8> {
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, quality)
            .encode_image(img)
            .unwrap();
        out
    }

    /// `jpeg` with an EXIF APP1 segment right after SOI carrying only `Orientation` (big-endian
    /// TIFF: header, one IFD entry of type SHORT, no next IFD).
    pub(crate) fn with_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
        let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
        tiff.extend_from_slice(&1u16.to_be_bytes());
        tiff.extend_from_slice(&0x0112u16.to_be_bytes());
        tiff.extend_from_slice(&3u16.to_be_bytes());
        tiff.extend_from_slice(&1u32.to_be_bytes());
        tiff.extend_from_slice(&orientation.to_be_bytes());
        tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    type Corners = [[u8; 3]; 4];

    /// The colour at the centre of each quadrant: [top-left, top-right, bottom-left, bottom-right].
    fn corners(img: &RgbImage) -> Corners {
        let (w, h) = img.dimensions();
        let near = |c: [u8; 3]| {
            [RED, GREEN, BLUE, WHITE]
                .into_iter()
                .find(|k| k.iter().zip(c).all(|(a, b)| a.abs_diff(b) < 40))
                .unwrap_or(c)
        };
        [
            near(img.get_pixel(w / 4, h / 4).0),
            near(img.get_pixel(3 * w / 4, h / 4).0),
            near(img.get_pixel(w / 4, 3 * h / 4).0),
            near(img.get_pixel(3 * w / 4, 3 * h / 4).0),
        ]
    }

    #[test]
    fn all_eight_exif_orientations_are_applied() {
        let stored = jpeg(&quadrants(), 95);
        // Stored quadrants R G / B W; where each lands once shown upright (EXIF 2.32, 4.6.4).
        let cases: [(u16, (u32, u32), Corners); 8] = [
            (1, (64, 32), [RED, GREEN, BLUE, WHITE]),
            (2, (64, 32), [GREEN, RED, WHITE, BLUE]), // mirrored left-right
            (3, (64, 32), [WHITE, BLUE, GREEN, RED]), // half turn
            (4, (64, 32), [BLUE, WHITE, RED, GREEN]), // mirrored top-bottom
            (5, (32, 64), [RED, BLUE, GREEN, WHITE]), // transposed
            (6, (32, 64), [BLUE, RED, WHITE, GREEN]), // quarter turn clockwise
            (7, (32, 64), [WHITE, GREEN, BLUE, RED]), // transversed
            (8, (32, 64), [GREEN, WHITE, RED, BLUE]), // quarter turn anticlockwise
        ];
        for (orientation, size, expected) in cases {
            let img = decode(&with_orientation(&stored, orientation), &Limits::default())
                .unwrap_or_else(|e| panic!("orientation {orientation}: {e}"));
            assert_eq!(img.dimensions(), size, "orientation {orientation}");
            assert_eq!(corners(&img), expected, "orientation {orientation}");
        }
    }

    #[test]
    fn png_and_webp_decode_and_transparency_turns_white() {
        let mut rgba = RgbaImage::from_pixel(8, 8, Rgba([255, 0, 0, 255]));
        rgba.put_pixel(0, 0, Rgba([0, 0, 0, 0]));
        let mut png = Vec::new();
        rgba.write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .unwrap();
        let img = decode(&png, &Limits::default()).unwrap();
        assert_eq!(img.get_pixel(0, 0).0, WHITE);
        assert_eq!(img.get_pixel(1, 1).0, RED);

        let mut webp = Vec::new();
        quadrants()
            .write_to(&mut Cursor::new(&mut webp), ImageFormat::WebP)
            .unwrap();
        assert_eq!(sniff(&webp).unwrap(), ImageFormat::WebP);
        let img = decode(&webp, &Limits::default()).unwrap();
        assert_eq!(corners(&img), [RED, GREEN, BLUE, WHITE]);
    }

    #[test]
    fn an_empty_file_is_refused() {
        assert_eq!(decode(&[], &Limits::default()), Err(PhotoError::Empty));
    }

    #[test]
    fn a_truncated_jpeg_is_refused() {
        let full = jpeg(&crate::photo::encode::tests::busy(200, 150), 90);
        assert!(decode(&full, &Limits::default()).is_ok());
        for cut in [full.len() / 2, full.len() - 2, 300] {
            assert_eq!(
                decode(&full[..cut], &Limits::default()),
                Err(PhotoError::Truncated),
                "cut at {cut} of {}",
                full.len()
            );
        }
        // Cut inside the header segments.
        assert_eq!(
            decode(&full[..10], &Limits::default()),
            Err(PhotoError::Truncated)
        );
    }

    #[test]
    fn an_end_marker_inside_exif_does_not_hide_a_truncated_scan() {
        // An EXIF block whose bytes contain FF D9 (as a thumbnail's would), then a cut scan.
        let full = jpeg(&crate::photo::encode::tests::busy(200, 150), 90);
        let mut app1 = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\0\xFF\xD8\xFF\xD9".to_vec();
        app1.extend_from_slice(&[0; 8]);
        let mut bytes = full[..2].to_vec();
        bytes.extend_from_slice(&[0xFF, 0xE1]);
        bytes.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
        bytes.extend_from_slice(&app1);
        bytes.extend_from_slice(&full[2..full.len() / 2]);
        assert!(!jpeg_is_complete(&bytes));
        assert_eq!(
            decode(&bytes, &Limits::default()),
            Err(PhotoError::Truncated)
        );
    }

    #[test]
    fn a_truncated_png_is_refused() {
        let mut png = Vec::new();
        crate::photo::encode::tests::busy(200, 150)
            .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .unwrap();
        let err = decode(&png[..png.len() / 2], &Limits::default()).unwrap_err();
        assert_eq!(err, PhotoError::Truncated);
    }

    #[test]
    fn a_text_file_named_jpg_is_not_an_image() {
        let text = b"Nama: Siti Aminah\nNIK: 3515014506900001\n";
        assert_eq!(
            decode(text, &Limits::default()),
            Err(PhotoError::NotAnImage)
        );
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
    }

    /// A well-formed PNG header claiming `w`×`h` RGB, with one tiny IDAT: 60 bytes that would
    /// decode to gigabytes.
    pub(crate) fn png_bomb(w: u32, h: u32) -> Vec<u8> {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = w.to_be_bytes().to_vec();
        ihdr.extend_from_slice(&h.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit, RGB, deflate, no filter, no interlace
        png_chunk(&mut png, b"IHDR", &ihdr);
        png_chunk(
            &mut png,
            b"IDAT",
            &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
        );
        png_chunk(&mut png, b"IEND", &[]);
        png
    }

    #[test]
    fn a_png_claiming_60000_by_60000_fails_fast_without_allocating() {
        let started = Instant::now();
        let err = decode(&png_bomb(60_000, 60_000), &Limits::default()).unwrap_err();
        assert_eq!(
            err,
            PhotoError::TooManyPixels {
                width: 60_000,
                height: 60_000
            }
        );
        // Allocating and filling 10.8 GB would take far longer than this (or abort).
        assert!(started.elapsed() < Duration::from_millis(500));
        // The same header within the limits gets past the size check (and then fails on the
        // missing pixel data), so the refusal above is the limit's doing.
        let small = decode(&png_bomb(100, 100), &Limits::default()).unwrap_err();
        assert_ne!(std::mem::discriminant(&small), std::mem::discriminant(&err));
    }

    #[test]
    fn a_file_over_the_byte_limit_is_refused_before_decoding() {
        let bytes = jpeg(&quadrants(), 90);
        let limits = Limits {
            max_bytes: 100,
            ..Limits::default()
        };
        assert_eq!(
            decode(&bytes, &limits),
            Err(PhotoError::TooLarge {
                bytes: bytes.len() as u64,
                max: 100
            })
        );
    }

    #[test]
    fn the_pixel_limit_is_configurable() {
        let bytes = jpeg(&quadrants(), 90);
        let limits = Limits {
            max_pixels: 64 * 32 - 1,
            ..Limits::default()
        };
        assert_eq!(
            decode(&bytes, &limits),
            Err(PhotoError::TooManyPixels {
                width: 64,
                height: 32
            })
        );
    }

    #[test]
    fn other_formats_are_named() {
        let cases: [(&[u8], &str); 8] = [
            (b"\0\0\0\x18ftypheic\0\0\0\0mif1heic", "HEIC"),
            (b"\0\0\0\x18ftypmif1\0\0\0\0mif1heic", "HEIC"),
            (b"\0\0\0\x1cftypavif\0\0\0\0avifmif1", "AVIF"),
            (b"GIF89a\x01\0\x01\0\0\0\0", "GIF"),
            (b"II*\0\x08\0\0\0", "TIFF"),
            (b"%PDF-1.7\n%\xE2\xE3", "PDF"),
            (
                b"BM\x3a\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0\x01\0\0\0\x01\0\0\0\x01\0",
                "BMP",
            ),
            (b"\0\0\0\x14ftypqt  \0\0\0\0qt  ", "MP4/MOV video"),
        ];
        for (bytes, format) in cases {
            assert_eq!(
                decode(bytes, &Limits::default()),
                Err(PhotoError::Unsupported { format }),
                "{format}"
            );
        }
    }

    #[test]
    fn dimensions_come_from_the_header() {
        assert_eq!(
            dimensions(&jpeg(&quadrants(), 90), &Limits::default()),
            Ok((64, 32))
        );
    }
}
