//! A triangle-filter shrink in integer arithmetic: the same taps as `image`'s
//! `FilterType::Triangle`, computed once per output column and row instead of per pixel, and
//! summed in fixed point. On a 12 MP phone photo's half-size crop (about 1000×1350 to the
//! stored 600×800) it is several times faster than `image::imageops::resize`, which was a fifth
//! of turning the photo into the stored one (issue 19, docs/decisions.md).

use image::RgbImage;

/// Fractional bits of a tap's weight.
const WEIGHT_BITS: u32 = 14;
/// Fractional bits kept between the horizontal and the vertical pass (255 << 7 fits a u16).
const MID_BITS: u32 = 7;

/// Per output sample: the first source sample and its weights, in 1/2^14, summing to 1.
struct Taps {
    first: Vec<usize>,
    weights: Vec<Vec<i32>>,
}

/// The taps `image`'s resize uses for a triangle filter from `from` samples to `to`.
fn taps(from: u32, to: u32) -> Taps {
    let ratio = from as f32 / to as f32;
    let sratio = ratio.max(1.0);
    let support = sratio; // the triangle's support is 1
    let mut first = Vec::with_capacity(to as usize);
    let mut weights = Vec::with_capacity(to as usize);
    for out in 0..to {
        let centre = (out as f32 + 0.5) * ratio;
        let left = ((centre - support).floor() as i64).clamp(0, i64::from(from) - 1) as u32;
        let right =
            ((centre + support).ceil() as i64).clamp(i64::from(left) + 1, i64::from(from)) as u32;
        let centre = centre - 0.5;
        let w: Vec<f32> = (left..right)
            .map(|i| (1.0 - ((i as f32 - centre) / sratio).abs()).max(0.0))
            .collect();
        let sum: f32 = w.iter().sum();
        let one = 1i32 << WEIGHT_BITS;
        let mut fixed: Vec<i32> = w
            .iter()
            .map(|x| (x / sum * one as f32).round() as i32)
            .collect();
        // Rounding may leave the weights a unit off 1: the largest tap takes the difference.
        let off = one - fixed.iter().sum::<i32>();
        if let Some(big) = (0..fixed.len()).max_by_key(|&i| fixed[i]) {
            fixed[big] += off;
        }
        first.push(left as usize);
        weights.push(fixed);
    }
    Taps { first, weights }
}

/// `img` shrunk to `w` × `h` (neither larger than the image) with a triangle filter.
pub(super) fn shrink(img: &RgbImage, w: u32, h: u32) -> RgbImage {
    let (sw, sh) = img.dimensions();
    let src = img.as_raw();
    let stride = sw as usize * 3;
    // Horizontal pass: every source row to `w` columns, with MID_BITS of fraction kept.
    let across = taps(sw, w);
    let mut mid = vec![0u16; w as usize * 3 * sh as usize];
    let round = 1i32 << (WEIGHT_BITS - MID_BITS - 1);
    for (row, out) in src
        .chunks_exact(stride)
        .zip(mid.chunks_exact_mut(w as usize * 3))
    {
        for (x, px) in out.chunks_exact_mut(3).enumerate() {
            let mut acc = [round; 3];
            let from = &row[across.first[x] * 3..];
            for (k, &wt) in across.weights[x].iter().enumerate() {
                acc[0] += wt * i32::from(from[k * 3]);
                acc[1] += wt * i32::from(from[k * 3 + 1]);
                acc[2] += wt * i32::from(from[k * 3 + 2]);
            }
            for c in 0..3 {
                px[c] = (acc[c] >> (WEIGHT_BITS - MID_BITS)) as u16;
            }
        }
    }
    // Vertical pass: `h` rows from the intermediate ones, back to 8 bits.
    let down = taps(sh, h);
    let mid_stride = w as usize * 3;
    let mut out = vec![0u8; w as usize * 3 * h as usize];
    let shift = WEIGHT_BITS + MID_BITS;
    let mut acc = vec![0i32; mid_stride];
    for (y, row) in out.chunks_exact_mut(mid_stride).enumerate() {
        acc.fill(1 << (shift - 1));
        for (k, &wt) in down.weights[y].iter().enumerate() {
            let from = &mid[(down.first[y] + k) * mid_stride..][..mid_stride];
            for (a, &v) in acc.iter_mut().zip(from) {
                *a += wt * i32::from(v);
            }
        }
        for (o, &a) in row.iter_mut().zip(&acc) {
            *o = (a >> shift).clamp(0, 255) as u8;
        }
    }
    RgbImage::from_raw(w, h, out).expect("the buffer is w × h × 3")
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;
    use image::imageops::{FilterType, resize};

    fn psnr(a: &RgbImage, b: &RgbImage) -> f64 {
        let se: f64 = a
            .as_raw()
            .iter()
            .zip(b.as_raw())
            .map(|(&x, &y)| (f64::from(x) - f64::from(y)).powi(2))
            .sum();
        10.0 * (255.0f64.powi(2) / (se / a.as_raw().len() as f64).max(1e-9)).log10()
    }

    /// Noise, edges and gradients: what a filter can get wrong.
    fn busy(w: u32, h: u32) -> RgbImage {
        let mut seed = 0x1234_5678_u32;
        RgbImage::from_fn(w, h, |x, y| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let edge = if (x / 37 + y / 23) % 2 == 0 { 180 } else { 40 };
            Rgb([edge, (x * 255 / w) as u8, (seed % 256) as u8])
        })
    }

    #[test]
    fn the_shrink_is_image_s_triangle_resize_within_rounding() {
        for (from, to) in [
            ((1012, 1350), (600, 800)),
            ((640, 480), (600, 300)),
            ((75, 100), (18, 24)),
        ] {
            let img = busy(from.0, from.1);
            let ours = shrink(&img, to.0, to.1);
            let theirs = resize(&img, to.0, to.1, FilterType::Triangle);
            assert_eq!(ours.dimensions(), theirs.dimensions());
            let worst = ours
                .as_raw()
                .iter()
                .zip(theirs.as_raw())
                .map(|(&a, &b)| a.abs_diff(b))
                .max()
                .unwrap();
            let db = psnr(&ours, &theirs);
            assert!(
                worst <= 2 && db > 50.0,
                "{from:?}→{to:?}: {worst} off, {db:.1} dB"
            );
        }
    }

    #[test]
    fn the_same_size_is_a_copy() {
        let img = busy(30, 40);
        assert_eq!(shrink(&img, 30, 40), img);
    }
}
