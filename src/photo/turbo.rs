//! libjpeg-turbo's decoder (the one inside mozjpeg, built from the C source the crate carries)
//! at 1/2, 1/4 or 1/8 of the size inside the IDCT. It is a fifth faster than jpeg-decoder only
//! when nasm was on the build machine (its IDCT and colour conversion then SIMD); built from
//! plain C it is no faster, so it is then left unused (`has_simd`). Figures in
//! docs/performance.md, the choice in docs/decisions.md.
//!
//! libjpeg reports a fatal error by calling `error_exit`, which must not return, and prints
//! warnings to stderr by default. Here both unwind (without the panic hook, so nothing is
//! printed) to the `catch_unwind` below, and the file goes to the next decoder: a warning is
//! corrupt data, which the pure-Rust decoders then refuse or decode as they always did.

use std::os::raw::c_int;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::OnceLock;

use image::RgbImage;
use mozjpeg::Decompress;
use mozjpeg_sys::{J_COLOR_SPACE, jpeg_common_struct, jpeg_error_mgr, jpeg_std_error};

unsafe extern "C" {
    /// libjpeg-turbo's own answer to "is there SIMD code for the IDCT on this CPU": 0 where the
    /// library was built without nasm (jsimd_none.c) or the CPU lacks the instructions.
    fn jsimd_can_idct_islow() -> c_int;
}

/// Whether libjpeg-turbo runs with its SIMD code here, the only case where it is the faster.
pub fn has_simd() -> bool {
    static SIMD: OnceLock<bool> = OnceLock::new();
    // SAFETY: a query without arguments; it only reads the CPU's features once.
    *SIMD.get_or_init(|| unsafe { jsimd_can_idct_islow() } != 0)
}

/// Decodes `bytes` (already checked: complete, within the limits, `raw` pixels before EXIF
/// orientation, a plain 8-bit Huffman frame) at 1/`by` of its size, or `None` where libjpeg
/// refuses the file, warns about it, or reads it otherwise than the header check did.
pub fn decode_scaled(bytes: &[u8], raw: (u32, u32), by: u32) -> Option<RgbImage> {
    // libjpeg scales by scale_num/8.
    let eighths = match by {
        2 => 4,
        4 => 2,
        8 => 1,
        _ => return None,
    };
    // Unwinding leaves nothing half-done behind: `Decompress` is dropped on the way out, which
    // releases libjpeg's memory, and nothing outside this call is touched.
    catch_unwind(AssertUnwindSafe(|| decode_or_unwind(bytes, raw, eighths)))
        .ok()
        .flatten()
}

fn decode_or_unwind(bytes: &[u8], raw: (u32, u32), eighths: u8) -> Option<RgbImage> {
    let mut jpeg = Decompress::with_err(quiet_errors()).from_mem(bytes).ok()?;
    // The limits were checked on the header zune-jpeg read; a file that libjpeg reads as
    // another size (two frames, say) is left to the decoders that were checked.
    let same_size = u32::try_from(jpeg.width()).ok() == Some(raw.0)
        && u32::try_from(jpeg.height()).ok() == Some(raw.1);
    let known_colours = matches!(
        jpeg.color_space(),
        J_COLOR_SPACE::JCS_YCbCr | J_COLOR_SPACE::JCS_GRAYSCALE | J_COLOR_SPACE::JCS_RGB
    );
    if !same_size || !known_colours {
        return None;
    }
    jpeg.scale(eighths);
    let mut started = jpeg.rgb().ok()?;
    let (w, h) = (started.width(), started.height());
    let pixels: Vec<u8> = started.read_scanlines().ok()?;
    started.finish().ok()?;
    RgbImage::from_raw(u32::try_from(w).ok()?, u32::try_from(h).ok()?, pixels)
}

/// libjpeg's standard error manager with every way out of it replaced: errors and warnings
/// unwind, messages are never written.
fn quiet_errors() -> jpeg_error_mgr {
    // SAFETY: jpeg_error_mgr is plain C data (integers, pointers, optional function pointers),
    // for which all zeroes is valid; jpeg_std_error then fills in every field it uses.
    let mut err: jpeg_error_mgr = unsafe { std::mem::zeroed() };
    // SAFETY: `err` is a valid, exclusively borrowed error manager.
    unsafe { jpeg_std_error(&mut err) };
    err.error_exit = Some(give_up);
    err.emit_message = Some(give_up_on_warning);
    err.output_message = Some(say_nothing);
    err
}

/// What unwinds out of libjpeg: carries nothing, as the caller only falls back.
struct Refused;

extern "C-unwind" fn give_up(_: &mut jpeg_common_struct) {
    // resume_unwind, not panic!: the panic hook would print to the terminal.
    resume_unwind(Box::new(Refused));
}

/// Level -1 is a warning (corrupt data, a premature end); higher levels are trace messages,
/// which are only formatted when asked for, and are ignored.
extern "C-unwind" fn give_up_on_warning(_: &mut jpeg_common_struct, level: c_int) {
    if level < 0 {
        resume_unwind(Box::new(Refused));
    }
}

extern "C-unwind" fn say_nothing(_: &mut jpeg_common_struct) {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photo::decode::tests::jpeg;
    use crate::photo::{Limits, decode, decode_reduced};
    use image::Rgb;
    use std::io::{Read, Seek};
    use std::os::fd::AsRawFd;

    /// Smooth gradients, so that a pixel of the half-size decode is near its full-size corner.
    fn picture(w: u32, h: u32) -> RgbImage {
        RgbImage::from_fn(w, h, |x, y| {
            let (r, g) = ((x * 255 / w) as u8, (y * 255 / h) as u8);
            Rgb([r, g, 255 - r / 2 - g / 2])
        })
    }

    /// Where the entropy-coded data of the first scan starts: after the SOS segment.
    fn scan_start(bytes: &[u8]) -> usize {
        let sos = bytes.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
        sos + 2 + usize::from(u16::from_be_bytes([bytes[sos + 2], bytes[sos + 3]]))
    }

    /// The frame header's height and width, rewritten.
    fn with_size(bytes: &[u8], w: u16, h: u16) -> Vec<u8> {
        let mut b = bytes.to_vec();
        let sof = b.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        b[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
        b[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
        b
    }

    /// Runs `f` with the process's stderr (fd 2) sent to a file, and returns what was written
    /// there: libjpeg's own messages would go straight to fd 2, past the test harness.
    fn stderr_of(f: impl FnOnce()) -> String {
        let mut file = tempfile::tempfile().unwrap();
        // SAFETY: plain descriptor calls on descriptors this function owns or restores.
        let saved = unsafe { libc::dup(2) };
        assert!(saved >= 0);
        unsafe { libc::dup2(file.as_raw_fd(), 2) };
        f();
        unsafe {
            libc::dup2(saved, 2);
            libc::close(saved);
        }
        let mut out = String::new();
        file.rewind().unwrap();
        file.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn a_scaled_decode_is_the_size_asked_for_and_close_to_the_rust_decoders() {
        let bytes = jpeg(&picture(800, 600), 90);
        for (by, size) in [(2, (400, 300)), (4, (200, 150)), (8, (100, 75))] {
            let img = decode_scaled(&bytes, (800, 600), by).unwrap();
            assert_eq!(img.dimensions(), size);
        }
        // An odd size rounds up, as jpeg-decoder's does.
        let odd = jpeg(&picture(801, 601), 90);
        let img = decode_scaled(&odd, (801, 601), 2).unwrap();
        assert_eq!(img.dimensions(), (401, 301));
        // The same pixels as the full decode shrunk, within JPEG's own noise.
        let full = decode(&bytes, &Limits::default()).unwrap();
        let small = decode_scaled(&bytes, (800, 600), 2).unwrap();
        let near = small.enumerate_pixels().all(|(x, y, p)| {
            let q = full.get_pixel(x * 2, y * 2);
            p.0.iter().zip(q.0).all(|(&a, b)| a.abs_diff(b) < 8)
        });
        assert!(near);
        // A whole number of eighths only: anything else is left to the other decoders.
        assert!(decode_scaled(&bytes, (800, 600), 3).is_none());
        assert!(decode_scaled(&bytes, (800, 600), 1).is_none());
    }

    #[test]
    fn hostile_files_are_refused_without_a_word_and_fall_back() {
        // A camera's size (over 2 MP), so that the pipeline below goes through libjpeg too.
        let (w, h) = (1800u16, 1200u16);
        let good = jpeg(&picture(w.into(), h.into()), 90);
        let at = (u32::from(w), u32::from(h));
        let start = scan_start(&good);
        // Cut off in the middle of the scan: libjpeg would make up an end and warn.
        let truncated = good[..good.len() / 2].to_vec();
        // Nothing but noise after the start-of-image marker.
        let mut garbage = vec![0xFF, 0xD8];
        garbage.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
        // A header claiming 30000×30000 pixels over the scan, and the same file for a
        // caller that believed the header.
        let huge = with_size(&good, 30000, 30000);
        assert_eq!(with_size(&good, w, h), good);
        // Huffman data no table can decode (sixteen 1 bits are never a code), mid-scan.
        let mut corrupt = good.clone();
        for i in (start + 200..start + 400).step_by(2) {
            corrupt[i] = 0xFF;
            corrupt[i + 1] = 0x00;
        }
        let said = stderr_of(|| {
            assert!(decode_scaled(&truncated, at, 2).is_none());
            assert!(decode_scaled(&garbage, at, 2).is_none());
            assert!(decode_scaled(&huge, at, 2).is_none());
            assert!(decode_scaled(&huge, (30000, 30000), 8).is_none());
            assert!(decode_scaled(&corrupt, at, 2).is_none());
            assert!(decode_scaled(&[], at, 2).is_none());
        });
        // Other tests run meanwhile and may spawn commands that write to the same fd 2, so
        // what is looked for is libjpeg's wording (jerror.h), not silence from everyone.
        for word in [
            "JPEG",
            "Huffman",
            "marker",
            "Corrupt",
            "Bogus",
            "Premature",
            "Invalid",
        ] {
            assert!(
                !said.contains(word),
                "libjpeg printed to the terminal: {said}"
            );
        }
        // Through the photo pipeline: the same answer as the full decode, refusal or picture.
        for bad in [truncated, garbage, huge, corrupt] {
            let reduced = decode_reduced(&bad, &Limits::default(), |_| 2);
            match decode(&bad, &Limits::default()) {
                Err(e) => assert_eq!(reduced.unwrap_err(), e),
                Ok(full) => {
                    let small = reduced.unwrap();
                    assert!(small.width() <= full.width() && small.height() <= full.height());
                }
            }
        }
    }

    #[test]
    fn grey_photos_come_out_as_rgb() {
        let grey = image::DynamicImage::ImageRgb8(picture(160, 120)).into_luma8();
        let mut g = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut g, 90)
            .encode_image(&grey)
            .unwrap();
        let img = decode_scaled(&g, (160, 120), 2).unwrap();
        assert_eq!(img.dimensions(), (80, 60));
        let p = img.get_pixel(40, 30).0;
        assert!(p[0] == p[1] && p[1] == p[2]);
    }
}
