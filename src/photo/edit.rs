//! The photo edit as data: where the 3:4 crop box sits, how the photo is turned, how bright.
//! Pure and cheap, so a key press is a few float operations and every rule is unit-tested.

use image::{Rgb, RgbImage, imageops};
use serde::{Deserialize, Serialize};

/// Brightness and contrast move in steps of this many points.
pub const LEVEL_STEP: i16 = 10;
pub const BRIGHTNESS_RANGE: (i16, i16) = (-100, 100);
/// Contrast −50 halves the spread of tones, +100 doubles it.
pub const CONTRAST_RANGE: (i16, i16) = (-50, 100);
/// A box move is this fraction of the box height, so the feel is the same at any zoom.
const NUDGE_FRACTION: f32 = 1.0 / 20.0;
const ZOOM_FACTOR: f32 = 1.1;
/// The smallest box, in source pixels: below this the printed photo is mush.
const MIN_BOX_HEIGHT: f32 = 64.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    /// A smaller box: the face gets bigger.
    In,
    /// A larger box.
    Out,
}

/// One edit of one source photo. Coordinates are in pixels of the source turned by `rotation`
/// (what staff see), so the box stays where they put it when they rotate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    /// Size of the upright source (after EXIF orientation, before `rotation`).
    pub source: (u32, u32),
    /// Quarter turns clockwise, 0..=3.
    pub rotation: u8,
    /// Centre of the crop box.
    pub centre: (f32, f32),
    /// Height of the crop box; the width is always 3/4 of it.
    pub box_height: f32,
    pub brightness: i16,
    pub contrast: i16,
}

impl Edit {
    /// The first box for a photo of `w` × `h`: the largest 3:4 box covering 90 % of the tighter
    /// side, centred left-right, its top 5 % below the top edge. A light heuristic rather than
    /// a face detector: at a counter the applicant sits centred in front of a fixed camera with
    /// the face in the upper half, and the pure-Rust detectors we found (rustface, a SeetaFace
    /// port) are unmaintained and ship a model file larger than this whole module.
    pub fn initial(w: u32, h: u32) -> Edit {
        let (wf, hf) = (w.max(1) as f32, h.max(1) as f32);
        let box_height = (hf * 0.9).min(wf * 0.9 * 4.0 / 3.0);
        let top = hf * 0.05;
        let mut e = Edit {
            source: (w.max(1), h.max(1)),
            rotation: 0,
            centre: (wf / 2.0, top + box_height / 2.0),
            box_height,
            brightness: 0,
            contrast: 0,
        };
        e.clamp();
        e
    }

    /// Width and height of the source as staff see it, after `rotation`.
    pub fn view_size(&self) -> (u32, u32) {
        let (w, h) = self.source;
        if self.rotation % 2 == 1 {
            (h, w)
        } else {
            (w, h)
        }
    }

    pub fn box_width(&self) -> f32 {
        self.box_height * 3.0 / 4.0
    }

    /// Moves the box by `dx`, `dy` steps (a step is 1/20 of the box height); stops at the edge.
    pub fn nudge(&mut self, dx: i32, dy: i32) {
        let step = self.box_height * NUDGE_FRACTION;
        self.centre.0 += dx as f32 * step;
        self.centre.1 += dy as f32 * step;
        self.clamp();
    }

    /// Shrinks or grows the box by 10 % around its centre, within the photo.
    pub fn zoom(&mut self, z: Zoom) {
        match z {
            Zoom::In => self.box_height /= ZOOM_FACTOR,
            Zoom::Out => self.box_height *= ZOOM_FACTOR,
        }
        self.clamp();
    }

    /// Turns the photo a quarter clockwise; the box turns with it and keeps its content.
    pub fn rotate(&mut self) {
        let (_, vh) = self.view_size();
        // Turning clockwise maps a point (x, y) of the old view to (old height − y, x).
        let (x, y) = self.centre;
        self.centre = (vh as f32 - y, x);
        self.rotation = (self.rotation + 1) % 4;
        self.clamp();
    }

    pub fn brighter(&mut self) {
        self.brightness = step_level(self.brightness, LEVEL_STEP, BRIGHTNESS_RANGE);
    }
    pub fn darker(&mut self) {
        self.brightness = step_level(self.brightness, -LEVEL_STEP, BRIGHTNESS_RANGE);
    }
    pub fn more_contrast(&mut self) {
        self.contrast = step_level(self.contrast, LEVEL_STEP, CONTRAST_RANGE);
    }
    pub fn less_contrast(&mut self) {
        self.contrast = step_level(self.contrast, -LEVEL_STEP, CONTRAST_RANGE);
    }

    /// The same edit for the same photo at another size (a preview copy, or the original after
    /// a re-decode): positions scale, turns and levels stay.
    pub fn scaled_to(&self, w: u32, h: u32) -> Edit {
        let (w, h) = (w.max(1), h.max(1));
        let k = w as f32 / self.source.0 as f32;
        let mut e = Edit {
            source: (w, h),
            centre: (self.centre.0 * k, self.centre.1 * k),
            box_height: self.box_height * k,
            ..*self
        };
        e.clamp();
        e
    }

    /// The crop box in whole view pixels: (x, y, width, height), inside the view.
    pub fn crop_rect(&self) -> (u32, u32, u32, u32) {
        let (vw, vh) = self.view_size();
        let bw = (self.box_width().round() as u32).clamp(1, vw);
        let bh = (self.box_height.round() as u32).clamp(1, vh);
        let x = ((self.centre.0 - bw as f32 / 2.0).round().max(0.0) as u32).min(vw - bw);
        let y = ((self.centre.1 - bh as f32 / 2.0).round().max(0.0) as u32).min(vh - bh);
        (x, y, bw, bh)
    }

    /// How much of the view the box covers, as a zoom factor for the help panel (1.0 = largest box).
    pub fn zoom_factor(&self) -> f32 {
        self.max_box_height() / self.box_height
    }

    fn max_box_height(&self) -> f32 {
        let (vw, vh) = self.view_size();
        (vh as f32).min(vw as f32 * 4.0 / 3.0)
    }

    /// Keeps the box 3:4, no smaller than the minimum (unless the photo is), no larger than the
    /// view, and wholly inside it.
    fn clamp(&mut self) {
        let max = self.max_box_height();
        self.box_height = self.box_height.clamp(MIN_BOX_HEIGHT.min(max), max);
        let (vw, vh) = self.view_size();
        let (hw, hh) = (self.box_width() / 2.0, self.box_height / 2.0);
        self.centre.0 = self.centre.0.clamp(hw, (vw as f32 - hw).max(hw));
        self.centre.1 = self.centre.1.clamp(hh, (vh as f32 - hh).max(hh));
    }
}

fn step_level(v: i16, by: i16, (lo, hi): (i16, i16)) -> i16 {
    (v + by).clamp(lo, hi)
}

/// The crop as it will be printed: `out` pixels (width, height), turned, cropped, scaled,
/// levels applied. Only the box is cut from the source before turning, so a 12 MP photo is
/// never turned whole. An `edit` made for another size of this photo is scaled to `src`.
pub fn render(src: &RgbImage, edit: &Edit, out: (u32, u32)) -> RgbImage {
    render_by(src, edit, out, downscale)
}

/// [`render`] for the stored photo: a shrink in fixed point (`resample`), several times faster
/// on a phone photo and within two levels of `image`'s resize; an enlargement is as before.
pub fn render_stored(src: &RgbImage, edit: &Edit, out: (u32, u32)) -> RgbImage {
    render_by(src, edit, out, |img, w, h| {
        if img.width() < w || img.height() < h {
            return downscale(img, w, h);
        }
        let factor = (img.width() / w).min(img.height() / h);
        if factor >= 3 {
            return super::resample::shrink(&box_shrink(img, factor - 1), w, h);
        }
        super::resample::shrink(img, w, h)
    })
}

fn render_by(
    src: &RgbImage,
    edit: &Edit,
    out: (u32, u32),
    scale: impl Fn(&RgbImage, u32, u32) -> RgbImage,
) -> RgbImage {
    let edit = if edit.source == src.dimensions() {
        *edit
    } else {
        edit.scaled_to(src.width(), src.height())
    };
    let (sw, sh) = edit.source;
    let (x, y, w, h) = edit.crop_rect();
    // The same box in source pixels (see Edit::rotate for the turn's mapping).
    let (sx, sy, cw, ch) = match edit.rotation {
        0 => (x, y, w, h),
        1 => (y, sh - x - w, h, w),
        2 => (sw - x - w, sh - y - h, w, h),
        _ => (sw - y - h, x, h, w),
    };
    let cut = imageops::crop_imm(src, sx, sy, cw, ch).to_image();
    let turned = match edit.rotation {
        0 => cut,
        1 => imageops::rotate90(&cut),
        2 => imageops::rotate180(&cut),
        _ => imageops::rotate270(&cut),
    };
    let mut img = scale(&turned, out.0.max(1), out.1.max(1));
    apply_levels(&mut img, edit.brightness, edit.contrast);
    img
}

/// Scales to exactly `w` × `h`. Large reductions first average whole blocks (cheap, and no
/// aliasing), then a triangle filter does the last factor below 2.
pub(super) fn downscale(img: &RgbImage, w: u32, h: u32) -> RgbImage {
    let factor = (img.width() / w).min(img.height() / h);
    let pre = if factor >= 3 {
        box_shrink(img, factor - 1)
    } else {
        img.clone()
    };
    if pre.dimensions() == (w, h) {
        return pre;
    }
    imageops::resize(&pre, w, h, imageops::FilterType::Triangle)
}

/// Averages each `k`×`k` block into one pixel (the right and bottom remainders are dropped,
/// which is less than one output pixel's worth after the final resize).
fn box_shrink(img: &RgbImage, k: u32) -> RgbImage {
    let (w, h) = (img.width() / k, img.height() / k);
    let n = k * k;
    let src = img.as_raw();
    let stride = img.width() as usize * 3;
    let mut out = RgbImage::new(w, h);
    let mut row_acc = vec![0u32; w as usize * 3];
    for oy in 0..h {
        row_acc.fill(0);
        for dy in 0..k {
            let row = &src[(oy * k + dy) as usize * stride..][..stride];
            for ox in 0..w as usize {
                let base = ox * k as usize * 3;
                let acc = &mut row_acc[ox * 3..ox * 3 + 3];
                for px in row[base..base + k as usize * 3].chunks_exact(3) {
                    acc[0] += u32::from(px[0]);
                    acc[1] += u32::from(px[1]);
                    acc[2] += u32::from(px[2]);
                }
            }
        }
        for ox in 0..w {
            let a = &row_acc[ox as usize * 3..ox as usize * 3 + 3];
            out.put_pixel(
                ox,
                oy,
                Rgb([(a[0] / n) as u8, (a[1] / n) as u8, (a[2] / n) as u8]),
            );
        }
    }
    out
}

/// Brightness shifts every tone by up to ±128; contrast spreads tones around mid-grey.
pub(super) fn apply_levels(img: &mut RgbImage, brightness: i16, contrast: i16) {
    if brightness == 0 && contrast == 0 {
        return;
    }
    let factor = 1.0 + f32::from(contrast) / 100.0;
    let offset = f32::from(brightness) * 1.28;
    let lut: Vec<u8> = (0..=255u8)
        .map(|v| ((f32::from(v) - 128.0) * factor + 128.0 + offset).clamp(0.0, 255.0) as u8)
        .collect();
    for v in img.iter_mut() {
        *v = lut[usize::from(*v)];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RED: Rgb<u8> = Rgb([255, 0, 0]);
    const BLUE: Rgb<u8> = Rgb([0, 0, 255]);
    const GREY: Rgb<u8> = Rgb([128, 128, 128]);

    /// 400×300 grey with a 100×100 red square in the top-left and a blue one bottom-right.
    fn marked() -> RgbImage {
        RgbImage::from_fn(400, 300, |x, y| {
            if x < 100 && y < 100 {
                RED
            } else if x >= 300 && y >= 200 {
                BLUE
            } else {
                GREY
            }
        })
    }

    fn close(a: Rgb<u8>, b: Rgb<u8>) -> bool {
        a.0.iter().zip(b.0).all(|(x, y)| x.abs_diff(y) <= 8)
    }

    /// An edit whose box is exactly (x, y, w, h) of the view.
    fn boxed(w: u32, h: u32, rotation: u8, rect: (f32, f32, f32)) -> Edit {
        let (cx, cy, bh) = rect;
        Edit {
            source: (w, h),
            rotation,
            centre: (cx, cy),
            box_height: bh,
            brightness: 0,
            contrast: 0,
        }
    }

    #[test]
    fn initial_box_is_3_by_4_upper_centre_and_inside() {
        for (w, h) in [(1280, 720), (400, 300), (3000, 4000), (600, 800), (50, 50)] {
            let e = Edit::initial(w, h);
            let (x, y, bw, bh) = e.crop_rect();
            assert!(
                x + bw <= w && y + bh <= h,
                "{w}x{h}: box {x},{y} {bw}x{bh} leaves the photo"
            );
            let ratio = bw as f32 / bh as f32;
            assert!((ratio - 0.75).abs() < 0.02, "{w}x{h}: ratio {ratio}");
            // Centred left-right (within a pixel of rounding).
            assert!(
                (x as i64 * 2 + bw as i64 - w as i64).abs() <= 2,
                "{w}x{h}: x {x}"
            );
            // Upper part: the box's centre is above the photo's.
            assert!(
                e.centre.1 <= h as f32 / 2.0 + 0.5,
                "{w}x{h}: centre {:?}",
                e.centre
            );
        }
        // A webcam frame: 90 % of the height, top at 5 %.
        let (x, y, bw, bh) = Edit::initial(1280, 720).crop_rect();
        assert_eq!((x, y, bw, bh), (397, 36, 486, 648));
    }

    #[test]
    fn crop_puts_the_red_corner_where_it_belongs() {
        // A 3:4 box of 150×200 at the top-left corner: red fills its top-left 100×100.
        let e = boxed(400, 300, 0, (75.0, 100.0, 200.0));
        assert_eq!(e.crop_rect(), (0, 0, 150, 200));
        let out = render(&marked(), &e, (300, 400));
        assert!(close(*out.get_pixel(20, 20), RED));
        assert!(close(*out.get_pixel(180, 180), RED)); // 90,90 in the source
        assert!(close(*out.get_pixel(220, 220), GREY)); // 110,110
        assert!(close(*out.get_pixel(290, 390), GREY));
    }

    #[test]
    fn zoom_in_keeps_the_centre_and_shrinks_the_box() {
        let mut e = boxed(400, 300, 0, (200.0, 150.0, 200.0));
        e.zoom(Zoom::In);
        assert!((e.box_height - 200.0 / 1.1).abs() < 0.01);
        assert_eq!(e.centre, (200.0, 150.0));
        for _ in 0..10 {
            e.zoom(Zoom::Out);
        }
        // Never taller than the photo.
        assert_eq!(e.box_height, 300.0);
        for _ in 0..100 {
            e.zoom(Zoom::In);
        }
        assert_eq!(e.box_height, MIN_BOX_HEIGHT);
    }

    #[test]
    fn zoomed_in_on_the_red_corner_shows_only_red() {
        let mut e = boxed(400, 300, 0, (50.0, 50.0, 99.0));
        e.zoom(Zoom::In);
        e.zoom(Zoom::In);
        assert_eq!(e.centre, (50.0, 50.0));
        // 99 / 1.1² ≈ 82 px high, centred on (50, 50) → wholly inside the red square.
        let (x, y, w, h) = e.crop_rect();
        assert!(x + w <= 100 && y + h <= 100, "{:?}", e.crop_rect());
        let out = render(&marked(), &e, (60, 80));
        assert!(out.pixels().all(|p| close(*p, RED)));
    }

    #[test]
    fn nudges_stop_at_the_edges() {
        let mut e = Edit::initial(400, 300);
        e.nudge(-1000, -1000);
        let (x, y, _, _) = e.crop_rect();
        assert_eq!((x, y), (0, 0));
        e.nudge(1000, 1000);
        let (x, y, w, h) = e.crop_rect();
        assert_eq!((x + w, y + h), (400, 300));
        // One step is 1/20 of the box height.
        let mut e = boxed(400, 300, 0, (200.0, 150.0, 200.0));
        e.nudge(1, -1);
        assert_eq!(e.centre, (210.0, 140.0));
    }

    #[test]
    fn rotation_turns_the_photo_clockwise() {
        // Whole view after a quarter turn is 300×400: the box 300×400 covers all of it.
        let mut e = boxed(400, 300, 0, (200.0, 150.0, 300.0));
        e.rotate();
        assert_eq!(e.view_size(), (300, 400));
        e.box_height = 400.0;
        e.centre = (150.0, 200.0);
        let out = render(&marked(), &e, (300, 400));
        // Clockwise: the source's top-left goes to the top-right, bottom-right to bottom-left.
        assert!(
            close(*out.get_pixel(250, 50), RED),
            "{:?}",
            out.get_pixel(250, 50)
        );
        assert!(
            close(*out.get_pixel(50, 350), BLUE),
            "{:?}",
            out.get_pixel(50, 350)
        );
        assert!(close(*out.get_pixel(50, 50), GREY));
        // Half a turn: red bottom-right, blue top-left.
        let e2 = boxed(400, 300, 2, (200.0, 150.0, 300.0));
        let out = render(&marked(), &e2, (225, 300));
        assert!(close(*out.get_pixel(220, 290), RED));
        assert!(close(*out.get_pixel(10, 10), BLUE));
        // Three quarters: red bottom-left, blue top-right.
        let e3 = Edit {
            box_height: 400.0,
            centre: (150.0, 200.0),
            ..boxed(400, 300, 3, (0.0, 0.0, 0.0))
        };
        let out = render(&marked(), &e3, (300, 400));
        assert!(close(*out.get_pixel(50, 350), RED));
        assert!(close(*out.get_pixel(250, 50), BLUE));
    }

    #[test]
    fn rotating_keeps_the_boxed_content() {
        // A small box on the red square stays on red through four turns.
        let mut e = boxed(400, 300, 0, (50.0, 50.0, 80.0));
        for turn in 1..=4 {
            e.rotate();
            let out = render(&marked(), &e, (30, 40));
            assert!(out.pixels().all(|p| close(*p, RED)), "turn {turn}: {e:?}");
        }
        assert_eq!(e.rotation, 0);
        assert_eq!(e.centre, (50.0, 50.0));
    }

    #[test]
    fn a_box_too_big_for_the_turned_view_shrinks() {
        // A tall 400×1000 photo: the first box is 360×480. Turned, the view is 1000×400, so the
        // box must come down to 400 high to stay inside.
        let mut e = Edit::initial(400, 1000);
        assert_eq!(e.box_height, 480.0);
        e.rotate();
        assert_eq!(e.box_height, 400.0);
        let (x, y, w, h) = e.crop_rect();
        assert!(x + w <= 1000 && y + h <= 400, "{:?}", e.crop_rect());
    }

    #[test]
    fn levels_are_stepped_and_bounded() {
        let mut e = Edit::initial(400, 300);
        for _ in 0..30 {
            e.brighter();
            e.more_contrast();
        }
        assert_eq!((e.brightness, e.contrast), (100, 100));
        for _ in 0..30 {
            e.darker();
            e.less_contrast();
        }
        assert_eq!((e.brightness, e.contrast), (-100, -50));
    }

    #[test]
    fn brightness_and_contrast_change_the_pixels() {
        let grey = RgbImage::from_pixel(40, 40, Rgb([100, 100, 100]));
        let mut e = Edit::initial(40, 40);
        e.brighter();
        e.brighter(); // +20 → +25.6
        let out = render(&grey, &e, (3, 4));
        assert_eq!(out.get_pixel(1, 1).0, [125, 125, 125]);
        let mut e = Edit::initial(40, 40);
        for _ in 0..10 {
            e.more_contrast(); // factor 2: 100 → 72
        }
        let out = render(&grey, &e, (3, 4));
        assert_eq!(out.get_pixel(1, 1).0, [72, 72, 72]);
    }

    #[test]
    fn render_gives_exactly_the_asked_size_from_a_large_source() {
        let big = RgbImage::from_pixel(4000, 3000, Rgb([10, 200, 30]));
        let out = render(&big, &Edit::initial(4000, 3000), (600, 800));
        assert_eq!(out.dimensions(), (600, 800));
        assert!(close(*out.get_pixel(300, 400), Rgb([10, 200, 30])));
    }

    #[test]
    fn an_edit_for_a_preview_copy_applies_to_the_full_photo() {
        let e = boxed(400, 300, 0, (75.0, 100.0, 200.0));
        let full = image::imageops::resize(&marked(), 800, 600, imageops::FilterType::Nearest);
        let out = render(&full, &e, (300, 400));
        assert!(close(*out.get_pixel(20, 20), RED));
        assert!(close(*out.get_pixel(290, 390), GREY));
    }
}
