//! The whole photo as staff see it (turned, levels applied) with the crop box drawn on it and
//! what falls outside the box dimmed, so the clerk sees what the card will cut off.

use image::{RgbImage, imageops};

use super::edit::{Edit, apply_levels, downscale};

/// How much of its brightness the part outside the box keeps.
const OUTSIDE: u16 = 45;
/// The box's outline: yellow reads on skin, hair, and the usual blue or red backdrops.
const OUTLINE: [u8; 3] = [255, 214, 0];

/// The whole view of `src` under `edit`, fitted in `fit` pixels (width, height) keeping its
/// proportions, with the box outlined by lines at least `line` pixels (across, down) thick:
/// a preview that is scaled down again (half-blocks: a cell is one pixel across, two down)
/// needs lines as thick as what one of its pixels covers. Returns the picture and the box in
/// its pixels.
pub fn render_overview(
    src: &RgbImage,
    edit: &Edit,
    fit: (u32, u32),
    line: (u32, u32),
) -> (RgbImage, (u32, u32, u32, u32)) {
    let edit = if edit.source == src.dimensions() {
        *edit
    } else {
        edit.scaled_to(src.width(), src.height())
    };
    let turned = match edit.rotation {
        0 => src.clone(),
        1 => imageops::rotate90(src),
        2 => imageops::rotate180(src),
        _ => imageops::rotate270(src),
    };
    let (vw, vh) = turned.dimensions();
    let scale = (fit.0.max(1) as f32 / vw as f32).min(fit.1.max(1) as f32 / vh as f32);
    let (w, h) = (
        ((vw as f32 * scale).round() as u32).max(1),
        ((vh as f32 * scale).round() as u32).max(1),
    );
    let mut img = downscale(&turned, w, h);
    apply_levels(&mut img, edit.brightness, edit.contrast);
    let (bx, by, bw, bh) = edit.crop_rect();
    let at = |v: u32, limit: u32| ((v as f32 * scale).round() as u32).min(limit);
    let (x0, y0) = (at(bx, w - 1), at(by, h - 1));
    let (x1, y1) = (
        at(bx + bw, w).max(x0 + 1) - 1,
        at(by + bh, h).max(y0 + 1) - 1,
    );
    // At least one picture pixel wide, a little wider on large previews.
    let t = (w.max(h) / 120).max(1);
    let (tx, ty) = (line.0.max(t), line.1.max(t));
    for (x, y, p) in img.enumerate_pixels_mut() {
        let inside = x >= x0 && x <= x1 && y >= y0 && y <= y1;
        let edge = inside && (x < x0 + tx || x + tx > x1 || y < y0 + ty || y + ty > y1);
        if edge {
            p.0 = OUTLINE;
        } else if !inside {
            for c in &mut p.0 {
                *c = (u16::from(*c) * OUTSIDE / 100) as u8;
            }
        }
    }
    (img, (x0, y0, x1 - x0 + 1, y1 - y0 + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_is_outlined_where_it_is_and_the_rest_is_dimmed() {
        let src = RgbImage::from_pixel(400, 300, image::Rgb([200, 200, 200]));
        let edit = Edit {
            centre: (100.0, 150.0),
            box_height: 200.0,
            ..Edit::initial(400, 300)
        };
        let (img, (x, y, w, h)) = render_overview(&src, &edit, (200, 200), (1, 1));
        assert_eq!(
            img.dimensions(),
            (200, 150),
            "whole photo, proportions kept"
        );
        // The box is 150 × 200 source pixels at half scale, left of centre.
        assert_eq!((x, y, w, h), (13, 25, 75, 100));
        assert_eq!(img.get_pixel(x, y + h / 2).0, OUTLINE, "left edge");
        assert_eq!(
            img.get_pixel(x + w / 2, y + h / 2).0,
            [200, 200, 200],
            "inside untouched"
        );
        assert!(img.get_pixel(180, 75).0[0] < 100, "outside dimmed");
        // Turned a quarter, the whole view is turned too.
        let mut turned = edit;
        turned.rotate();
        let (img, _) = render_overview(&src, &turned, (200, 200), (1, 1));
        assert_eq!(img.dimensions(), (150, 200));
    }
}
