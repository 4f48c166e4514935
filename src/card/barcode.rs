//! The member number as a barcode: Code 128, Code 39 or QR, as vector rectangles in mm with
//! the quiet zones included, sized for a 300 dpi card or office printer.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Localized};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Symbology {
    /// Compact for digits (two per symbol), read by every scanner: the default.
    #[default]
    Code128,
    /// For libraries whose old scanners or INLISLite cards use Code 39.
    Code39,
    Qr,
}

impl Symbology {
    pub const ALL: [Symbology; 3] = [Symbology::Code128, Symbology::Code39, Symbology::Qr];

    pub fn name(self) -> &'static str {
        match self {
            Symbology::Code128 => "Code 128",
            Symbology::Code39 => "Code 39",
            Symbology::Qr => "QR",
        }
    }
}

/// One dark rectangle, in mm from the top-left corner of the barcode's quiet zone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// A laid-out barcode: its outer size (quiet zones included) and its dark parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Barcode {
    pub width_mm: f32,
    pub height_mm: f32,
    /// The narrow bar or QR cell size chosen.
    pub module_mm: f32,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BarcodeError {
    #[error("{symbology:?} cannot encode {ch:?} in {data:?}")]
    Unsupported {
        symbology: Symbology,
        data: String,
        ch: char,
    },
    #[error("{symbology:?} of {data:?} needs {needed_mm:.1} mm but the box is {box_mm:.1} mm")]
    TooBig {
        symbology: Symbology,
        data: String,
        needed_mm: f32,
        box_mm: f32,
    },
    #[error("nothing to encode")]
    Empty,
}

impl Localized for BarcodeError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            BarcodeError::Unsupported {
                symbology,
                data,
                ch,
            } => crate::t!(
                lang,
                "card-barcode-cannot-encode",
                data = data.as_str(),
                ch = format!("{ch:?}"),
                symbology = symbology.name(),
            ),
            BarcodeError::TooBig {
                symbology,
                data,
                needed_mm,
                box_mm,
            } => crate::t!(
                lang,
                "card-barcode-box-too-small",
                symbology = symbology.name(),
                data = data.as_str(),
                needed_mm = format!("{needed_mm:.1}"),
                box_mm = format!("{box_mm:.1}"),
            ),
            BarcodeError::Empty => lang
                .text("card-barcode-the-member-number-is-empty-there")
                .to_string(),
        }
    }
}

/// One printer dot at 300 dpi. Bars a whole number of dots wide print without one bar coming
/// out a dot wider than its neighbour, which is what makes thin bars unreadable.
pub const DOT_300DPI_MM: f32 = 25.4 / 300.0;
/// The thinnest 1D module we allow: 3 dots, 0.254 mm (10 mil), read by any handheld scanner.
pub const MIN_MODULE_MM: f32 = 3.0 * DOT_300DPI_MM;
/// Thicker bars scan faster, but past 6 dots the code only wastes card space.
const MAX_MODULE_DOTS: u32 = 6;
/// Quiet zone of Code 128 and Code 39: ten modules each side (ISO/IEC 15417, 16388).
const QUIET_1D: u32 = 10;
/// Quiet zone of QR: four modules each side (ISO/IEC 18004).
const QUIET_QR: u32 = 4;
/// QR cells below this are hard for phone-camera scanners at the front desk.
const MIN_QR_MODULE_MM: f32 = 0.33;

/// Lays out `data` as `symbology` inside a box of `box_w` × `box_h` mm.
pub fn layout(
    symbology: Symbology,
    data: &str,
    box_w: f32,
    box_h: f32,
) -> Result<Barcode, BarcodeError> {
    if data.is_empty() {
        return Err(BarcodeError::Empty);
    }
    match symbology {
        Symbology::Code128 => linear(symbology, data, &code128_widths(data)?, box_w, box_h),
        Symbology::Code39 => linear(symbology, data, &code39_widths(data)?, box_w, box_h),
        Symbology::Qr => qr(data, box_w, box_h),
    }
}

/// Bar and space widths in modules, starting with a bar, to rectangles.
fn linear(
    symbology: Symbology,
    data: &str,
    widths: &[u32],
    box_w: f32,
    box_h: f32,
) -> Result<Barcode, BarcodeError> {
    let modules: u32 = widths.iter().sum::<u32>() + 2 * QUIET_1D;
    let Some(dots) = (3..=MAX_MODULE_DOTS)
        .rev()
        .find(|d| modules as f32 * *d as f32 * DOT_300DPI_MM <= box_w + 1e-4)
    else {
        return Err(BarcodeError::TooBig {
            symbology,
            data: data.to_string(),
            needed_mm: modules as f32 * MIN_MODULE_MM,
            box_mm: box_w,
        });
    };
    let m = dots as f32 * DOT_300DPI_MM;
    let mut bars = Vec::new();
    let mut x = QUIET_1D;
    for (i, w) in widths.iter().enumerate() {
        if i % 2 == 0 {
            bars.push(Bar {
                x: x as f32 * m,
                y: 0.0,
                w: *w as f32 * m,
                h: box_h,
            });
        }
        x += w;
    }
    Ok(Barcode {
        width_mm: modules as f32 * m,
        height_mm: box_h,
        module_mm: m,
        bars,
    })
}

fn qr(data: &str, box_w: f32, box_h: f32) -> Result<Barcode, BarcodeError> {
    // Level M survives a scratched laminate; member numbers are short enough that it costs
    // no extra version.
    let code = qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M)
        .map_err(|_| BarcodeError::TooBig {
            symbology: Symbology::Qr,
            data: data.to_string(),
            needed_mm: f32::INFINITY,
            box_mm: box_w.min(box_h),
        })?;
    let n = code.width() as u32;
    let total = n + 2 * QUIET_QR;
    let side = box_w.min(box_h);
    // Whole printer dots per cell, as for the 1D codes.
    let m = (side / total as f32 / DOT_300DPI_MM).floor() * DOT_300DPI_MM;
    if m < MIN_QR_MODULE_MM {
        return Err(BarcodeError::TooBig {
            symbology: Symbology::Qr,
            data: data.to_string(),
            needed_mm: total as f32 * MIN_QR_MODULE_MM,
            box_mm: side,
        });
    }
    let colors = code.to_colors();
    let mut bars = Vec::new();
    for row in 0..n {
        // Runs of dark cells in a row become one rectangle: fewer PDF operators, no seams.
        let mut col = 0;
        while col < n {
            if colors[(row * n + col) as usize] == qrcode::Color::Dark {
                let start = col;
                while col < n && colors[(row * n + col) as usize] == qrcode::Color::Dark {
                    col += 1;
                }
                bars.push(Bar {
                    x: (QUIET_QR + start) as f32 * m,
                    y: (QUIET_QR + row) as f32 * m,
                    w: (col - start) as f32 * m,
                    h: m,
                });
            } else {
                col += 1;
            }
        }
    }
    Ok(Barcode {
        width_mm: total as f32 * m,
        height_mm: total as f32 * m,
        module_mm: m,
        bars,
    })
}

/// Code 128 symbol patterns, values 0–105 (bar, space, … widths); the stop is separate.
const C128: [&str; 106] = [
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212",
    "221213", "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221",
    "223211", "221132", "221231", "213212", "223112", "312131", "311222", "321122", "321221",
    "312212", "322112", "322211", "212123", "212321", "232121", "111323", "131123", "131321",
    "112313", "132113", "132311", "211313", "231113", "231311", "112133", "112331", "132131",
    "113123", "113321", "133121", "313121", "211331", "231131", "213113", "213311", "213131",
    "311123", "311321", "331121", "312113", "312311", "332111", "314111", "221411", "431111",
    "111224", "111422", "121124", "121421", "141122", "141221", "112214", "112412", "122114",
    "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111", "111242",
    "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311",
    "113141", "114131", "311141", "411131", "211412", "211214", "211232",
];
const C128_STOP: &str = "2331112";
const CODE_C: u32 = 99;
const CODE_B: u32 = 100;
const START_B: u32 = 104;
const START_C: u32 = 105;

/// Code 128 symbol values: set C (two digits a symbol) for runs of digits long enough to
/// pay for the switch, set B for the rest.
pub fn code128_values(data: &str) -> Result<Vec<u32>, BarcodeError> {
    let chars: Vec<char> = data.chars().collect();
    if let Some(&ch) = chars.iter().find(|c| !(' '..='~').contains(*c)) {
        return Err(BarcodeError::Unsupported {
            symbology: Symbology::Code128,
            data: data.to_string(),
            ch,
        });
    }
    let digit_run = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut values = Vec::new();
    let mut i = 0;
    let first_run = digit_run(0);
    let mut in_c = first_run >= 4 || (first_run == chars.len() && first_run % 2 == 0);
    if in_c && first_run % 2 == 1 {
        // An odd run: one digit in B first, then the rest as pairs.
        in_c = false;
    }
    values.push(if in_c { START_C } else { START_B });
    while i < chars.len() {
        let run = digit_run(i);
        if in_c {
            if run >= 2 {
                values
                    .push((chars[i] as u32 - '0' as u32) * 10 + (chars[i + 1] as u32 - '0' as u32));
                i += 2;
                continue;
            }
            values.push(CODE_B);
            in_c = false;
        }
        let at_end = i + run == chars.len();
        if run >= 4 && (at_end || run >= 6) && run % 2 == 0 {
            values.push(CODE_C);
            in_c = true;
            continue;
        }
        values.push(chars[i] as u32 - 32);
        i += 1;
    }
    let check = values
        .iter()
        .enumerate()
        .map(|(pos, v)| pos.max(1) as u32 * v)
        .sum::<u32>()
        % 103;
    values.push(check);
    Ok(values)
}

fn code128_widths(data: &str) -> Result<Vec<u32>, BarcodeError> {
    let values = code128_values(data)?;
    let digits = values
        .iter()
        .flat_map(|v| C128[*v as usize].bytes())
        .chain(C128_STOP.bytes());
    Ok(digits.map(|b| u32::from(b - b'0')).collect())
}

const C39: [(char, &str); 44] = [
    ('0', "000110100"),
    ('1', "100100001"),
    ('2', "001100001"),
    ('3', "101100000"),
    ('4', "000110001"),
    ('5', "100110000"),
    ('6', "001110000"),
    ('7', "000100101"),
    ('8', "100100100"),
    ('9', "001100100"),
    ('A', "100001001"),
    ('B', "001001001"),
    ('C', "101001000"),
    ('D', "000011001"),
    ('E', "100011000"),
    ('F', "001011000"),
    ('G', "000001101"),
    ('H', "100001100"),
    ('I', "001001100"),
    ('J', "000011100"),
    ('K', "100000011"),
    ('L', "001000011"),
    ('M', "101000010"),
    ('N', "000010011"),
    ('O', "100010010"),
    ('P', "001010010"),
    ('Q', "000000111"),
    ('R', "100000110"),
    ('S', "001000110"),
    ('T', "000010110"),
    ('U', "110000001"),
    ('V', "011000001"),
    ('W', "111000000"),
    ('X', "010010001"),
    ('Y', "110010000"),
    ('Z', "011010000"),
    ('-', "010000101"),
    ('.', "110000100"),
    (' ', "011000100"),
    ('$', "010101000"),
    ('/', "010100010"),
    ('+', "010001010"),
    ('%', "000101010"),
    ('*', "010010100"),
];
/// Wide elements are 3 narrow ones: the ratio the standard allows at the top of its range,
/// which keeps wide and narrow apart even when the printer spreads ink.
const C39_WIDE: u32 = 3;

fn code39_widths(data: &str) -> Result<Vec<u32>, BarcodeError> {
    let pattern = |ch: char| C39.iter().find(|(c, _)| *c == ch).map(|(_, p)| *p);
    // `*` is the start/stop character and cannot appear inside the data.
    if let Some(ch) = data.chars().find(|c| *c == '*' || pattern(*c).is_none()) {
        return Err(BarcodeError::Unsupported {
            symbology: Symbology::Code39,
            data: data.to_string(),
            ch,
        });
    }
    let mut widths = Vec::new();
    for (n, ch) in std::iter::once('*')
        .chain(data.chars())
        .chain(std::iter::once('*'))
        .enumerate()
    {
        if n > 0 {
            // The narrow gap between characters is a space in the bar/space flow.
            widths.push(1);
        }
        let p = pattern(ch).unwrap_or_default();
        widths.extend(p.bytes().map(|b| if b == b'1' { C39_WIDE } else { 1 }));
    }
    Ok(widths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code128_packs_digits_in_set_c() {
        // Even run of digits: start C, pairs, checksum.
        let v = code128_values("123456").unwrap();
        assert_eq!(v[0], START_C);
        assert_eq!(&v[1..4], &[12, 34, 56]);
        // 105 + 1*12 + 2*34 + 3*56 = 353; 353 mod 103 = 44
        assert_eq!(v[4], 44);
        // Odd run: one digit in B, then C.
        let v = code128_values("26112800001").unwrap();
        assert_eq!(&v[..3], &[START_B, '2' as u32 - 32, CODE_C]);
        assert_eq!(v.len(), 3 + 5 + 1);
        // Letters stay in B.
        let v = code128_values("00012L2026").unwrap();
        assert!(v.contains(&('L' as u32 - 32)));
    }

    #[test]
    fn every_code128_symbol_is_eleven_modules() {
        for p in C128 {
            assert_eq!(
                p.bytes().map(|b| u32::from(b - b'0')).sum::<u32>(),
                11,
                "{p}"
            );
        }
        assert_eq!(
            C128_STOP.bytes().map(|b| u32::from(b - b'0')).sum::<u32>(),
            13
        );
    }

    #[test]
    fn code39_patterns_have_three_wide_elements_and_reject_lower_case() {
        for (c, p) in C39 {
            assert_eq!(p.bytes().filter(|b| *b == b'1').count(), 3, "{c}");
        }
        assert!(matches!(
            layout(Symbology::Code39, "ab", 80.0, 10.0),
            Err(BarcodeError::Unsupported { ch: 'a', .. })
        ));
        assert!(matches!(
            layout(Symbology::Code39, "A*B", 80.0, 10.0),
            Err(BarcodeError::Unsupported { ch: '*', .. })
        ));
    }

    #[test]
    fn modules_are_whole_dots_and_the_code_fits_its_box_or_errs() {
        for s in Symbology::ALL {
            let (w, h) = if s == Symbology::Qr {
                (14.0, 14.0)
            } else {
                (79.6, 9.0)
            };
            let b = layout(s, "26112800001", w, h).unwrap();
            assert!(b.width_mm <= w + 1e-3 && b.height_mm <= h + 1e-3, "{s:?}");
            assert!(b.module_mm >= 0.25, "{s:?} {}", b.module_mm);
            assert!(
                b.bars
                    .iter()
                    .all(|r| r.x >= 0.0 && r.x + r.w <= b.width_mm + 1e-3)
            );
        }
        let b = layout(Symbology::Code128, "26112800001", 56.0, 9.0).unwrap();
        let dots = b.module_mm / DOT_300DPI_MM;
        assert!((dots - dots.round()).abs() < 1e-3);
        // Quiet zone: nothing dark in the first ten modules.
        assert!(b.bars[0].x >= 10.0 * b.module_mm - 1e-4);
        let err = layout(Symbology::Code39, "26112800001", 20.0, 13.0).unwrap_err();
        assert!(matches!(err, BarcodeError::TooBig { .. }));
        assert!(err.localized(Lang::Id).contains("Perlebar"));
        assert!(layout(Symbology::Qr, "26112800001", 5.0, 5.0).is_err());
        assert_eq!(
            layout(Symbology::Qr, "", 5.0, 5.0),
            Err(BarcodeError::Empty)
        );
    }
}
