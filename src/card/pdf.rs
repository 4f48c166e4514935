//! Cards to PDF with krilla: one card per page or A4 sheets. Everything is vector except the
//! photo, logo and background images, which go in as their own bytes (a JPEG is not re-encoded).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;

use super::barcode::{DOT_300DPI_MM, Symbology};
use super::codes::{self, SerialCode};
use super::font::Fonts;
use super::layout::fit_text;
use super::sheet::{self, SheetKind};
use super::signature::{self, SignatureConfig};
use super::template::{
    Align, CARD_H_MM, CARD_W_MM, Element, LinesSource, MmBox, Rgb, Side, Template, When,
};
use super::{CardData, CardError, LibraryInfo};

const MM: f32 = 72.0 / 25.4;

/// How to lay cards out on paper (from `CardConfig::render_options`).
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    pub symbology: Symbology,
    pub sheet: SheetKind,
    /// Slots of the first A4 sheet already used (0 for a fresh sheet).
    pub skip: usize,
    /// Calibration shift of the fronts and of the backs, (right, down) in mm.
    pub offset_mm: (f32, f32),
    pub back_offset_mm: (f32, f32),
    /// Render the backs too.
    pub backs: bool,
    /// Where the card serial goes (`[card] serial_code`).
    pub serial_code: SerialCode,
    /// The head's signature and the stamp, where the template has a `signature` element.
    pub signature: Option<SignatureConfig>,
    /// Colour running this far past the cut on one-card pages, for printing shops that
    /// trim after printing (`[card] bleed_mm`, e.g. 2). 0 for card printers.
    pub bleed_mm: f32,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            symbology: Symbology::Code128,
            sheet: SheetKind::A4,
            skip: 0,
            offset_mm: (0.0, 0.0),
            back_offset_mm: (0.0, 0.0),
            backs: true,
            serial_code: SerialCode::default(),
            signature: None,
            bleed_mm: 0.0,
        }
    }
}

/// Images decoded once per document and shared by every card.
struct Assets {
    logo: Option<Image>,
    signature: Option<SignatureConfig>,
    signature_image: Option<Image>,
    stamp: Option<Image>,
    files: HashMap<PathBuf, Image>,
}

fn load_image(path: &Path) -> Result<Image, CardError> {
    let err = |message: String| CardError::Image {
        path: path.to_path_buf(),
        message,
    };
    // A logo or background is a picture of at most a few MB: read no more than the photo limit.
    let bytes = crate::fsutil::read_bounded(path, crate::photo::Limits::default().max_bytes)
        .map_err(|e| err(e.to_string()))?;
    image_from_bytes(bytes).map_err(err)
}

fn image_from_bytes(bytes: Vec<u8>) -> Result<Image, String> {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        Image::from_jpeg(bytes.into(), true)
    } else if bytes.starts_with(b"\x89PNG") {
        Image::from_png(bytes.into(), true)
    } else {
        // i18n: a detail inside card-image-unusable, in English like the image decoders' own
        Err("not a JPEG or PNG file".into())
    }
}

/// The cards as one PDF: for `SheetKind::Card` a front page and (with backs) a back page per
/// card; for A4, each sheet of fronts followed by its sheet of mirrored backs.
pub fn render_pdf(
    cards: &[CardData],
    library: &LibraryInfo,
    template: &Template,
    opts: &RenderOptions,
) -> Result<Vec<u8>, CardError> {
    if cards.is_empty() {
        return Err(CardError::NoCards);
    }
    if opts.sheet == SheetKind::A4 && opts.skip >= sheet::A4_SLOTS {
        return Err(CardError::SkipTooLarge {
            skip: opts.skip,
            slots: sheet::A4_SLOTS,
        });
    }
    let signature = opts.signature.clone().filter(SignatureConfig::is_set);
    let sig_file = |f: fn(&SignatureConfig) -> &Option<PathBuf>| {
        signature
            .as_ref()
            .and_then(|s| f(s).as_deref())
            .map(load_image)
            .transpose()
    };
    let mut assets = Assets {
        logo: library.logo.as_deref().map(load_image).transpose()?,
        signature_image: sig_file(|s| &s.image)?,
        stamp: sig_file(|s| &s.stamp)?,
        signature,
        files: HashMap::new(),
    };
    for side in [&template.front, &template.back] {
        let paths = side
            .background_image
            .iter()
            .chain(side.elements.iter().filter_map(|e| match e {
                Element::Image { path, .. } => Some(path),
                _ => None,
            }));
        for p in paths {
            if !assets.files.contains_key(p) {
                assets.files.insert(p.clone(), load_image(p)?);
            }
        }
    }
    // Every barcode and photo is checked before the first page, so a bad card stops the
    // whole job with its own message instead of printing half a sheet.
    let mut photos = Vec::with_capacity(cards.len());
    for card in cards {
        barcode_for(template, opts, card)?;
        let photo = match &card.photo_jpeg {
            Some(bytes) => Some(Image::from_jpeg(bytes.clone().into(), true).map_err(
                |message| CardError::Photo {
                    member_no: card.member_no.clone(),
                    message,
                },
            )?),
            None => None,
        };
        photos.push(photo);
    }

    let mut doc = Document::new();
    let ctx = |i: usize| Ctx {
        card: &cards[i],
        photo: photos[i].as_ref(),
        library,
        assets: &assets,
        symbology: opts.symbology,
        serial_code: opts.serial_code,
        bleed: 0.0,
    };
    // Only one-card pages bleed: on A4 the colour would run into the neighbouring card.
    let bleed = opts.bleed_mm.clamp(0.0, 5.0);
    match opts.sheet {
        SheetKind::Card => {
            let (w, h) = (CARD_W_MM + 2.0 * bleed, CARD_H_MM + 2.0 * bleed);
            for i in 0..cards.len() {
                page(&mut doc, w, h, |s| {
                    let c = Ctx { bleed, ..ctx(i) };
                    draw_side(s, &template.front, &c, at(bleed, bleed, opts.offset_mm))
                })?;
                if opts.backs {
                    page(&mut doc, w, h, |s| {
                        let c = Ctx { bleed, ..ctx(i) };
                        draw_side(s, &template.back, &c, at(bleed, bleed, opts.back_offset_mm))
                    })?;
                }
            }
        }
        SheetKind::A4 => {
            for slots in sheet::paginate(cards.len(), opts.skip) {
                page(&mut doc, sheet::A4_W_MM, sheet::A4_H_MM, |s| {
                    for &(i, slot) in &slots {
                        let (x, y) = sheet::a4_slot(slot);
                        draw_crop_marks(s, x, y, opts.offset_mm);
                        draw_side(s, &template.front, &ctx(i), at(x, y, opts.offset_mm))?;
                    }
                    Ok(())
                })?;
                if opts.backs {
                    page(&mut doc, sheet::A4_W_MM, sheet::A4_H_MM, |s| {
                        for &(i, slot) in &slots {
                            let (x, y) = sheet::a4_slot(slot);
                            let x = sheet::mirror_x(x);
                            draw_crop_marks(s, x, y, opts.back_offset_mm);
                            draw_side(s, &template.back, &ctx(i), at(x, y, opts.back_offset_mm))?;
                        }
                        Ok(())
                    })?;
                }
            }
        }
    }
    doc.finish().map_err(|e| CardError::Pdf(format!("{e:?}")))
}

fn at(x: f32, y: f32, offset: (f32, f32)) -> (f32, f32) {
    (x + offset.0, y + offset.1)
}

pub(crate) fn page(
    doc: &mut Document,
    w_mm: f32,
    h_mm: f32,
    draw: impl FnOnce(&mut Surface) -> Result<(), CardError>,
) -> Result<(), CardError> {
    let settings = PageSettings::from_wh(w_mm * MM, h_mm * MM)
        // i18n: a detail inside card-pdf-failed for the administrator, like krilla's own errors
        .ok_or_else(|| CardError::Pdf("page size".into()))?;
    let mut page = doc.start_page_with(settings);
    let mut surface = page.surface();
    let r = draw(&mut surface);
    surface.finish();
    page.finish();
    r
}

struct Ctx<'a> {
    card: &'a CardData,
    photo: Option<&'a Image>,
    library: &'a LibraryInfo,
    assets: &'a Assets,
    symbology: Symbology,
    serial_code: SerialCode,
    /// Bleed of this page: backgrounds and bands at an edge run this far past it.
    bleed: f32,
}

/// Lays out every code of `card`, so that one that cannot be made stops the job up front.
fn barcode_for(
    template: &Template,
    opts: &RenderOptions,
    card: &CardData,
) -> Result<(), CardError> {
    for side in [&template.front, &template.back] {
        for e in &side.elements {
            if let Element::Barcode { at, qr_box } = e {
                codes::codes_for(*at, *qr_box, opts.symbology, opts.serial_code, card)?;
            }
        }
    }
    Ok(())
}

/// `b` grown by `bleed` on each side where it touches the card's edge.
fn bled(b: MmBox, bleed: f32) -> MmBox {
    if bleed <= 0.0 {
        return b;
    }
    let eps = 0.05;
    let left = if b.x <= eps { bleed } else { 0.0 };
    let top = if b.y <= eps { bleed } else { 0.0 };
    let right = if b.x + b.w >= CARD_W_MM - eps {
        bleed
    } else {
        0.0
    };
    let bottom = if b.y + b.h >= CARD_H_MM - eps {
        bleed
    } else {
        0.0
    };
    MmBox {
        x: b.x - left,
        y: b.y - top,
        w: b.w + left + right,
        h: b.h + top + bottom,
    }
}

fn fill(s: &mut Surface, c: Rgb) {
    s.set_stroke(None);
    s.set_fill(Some(Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        ..Fill::default()
    }));
}

fn rect(s: &mut Surface, x: f32, y: f32, w: f32, h: f32) {
    if let Some(r) = Rect::from_xywh(x * MM, y * MM, w * MM, h * MM) {
        let mut pb = PathBuilder::new();
        pb.push_rect(r);
        if let Some(p) = pb.finish() {
            s.draw_path(&p);
        }
    }
}

/// `image` scaled to fit `b` in proportion, centred.
fn draw_image(s: &mut Surface, image: &Image, b: MmBox, stretch: bool) {
    let (iw, ih) = image.size();
    let (w, h) = if stretch || iw == 0 || ih == 0 {
        (b.w, b.h)
    } else {
        let scale = (b.w / iw as f32).min(b.h / ih as f32);
        (iw as f32 * scale, ih as f32 * scale)
    };
    let (x, y) = (b.x + (b.w - w) / 2.0, b.y + (b.h - h) / 2.0);
    if let Some(size) = Size::from_wh(w * MM, h * MM) {
        s.push_transform(&Transform::from_translate(x * MM, y * MM));
        s.draw_image(image.clone(), size);
        s.pop();
    }
}

fn draw_crop_marks(s: &mut Surface, x: f32, y: f32, offset: (f32, f32)) {
    s.set_fill(None);
    s.set_stroke(Some(Stroke {
        // Hairline: visible to the cutter's eye, too thin to show if the cut is a bit off.
        width: 0.25,
        ..Stroke::default()
    }));
    let mut pb = PathBuilder::new();
    for m in sheet::crop_marks(x, y) {
        pb.move_to((m.x1 + offset.0) * MM, (m.y1 + offset.1) * MM);
        pb.line_to((m.x2 + offset.0) * MM, (m.y2 + offset.1) * MM);
    }
    if let Some(p) = pb.finish() {
        s.draw_path(&p);
    }
    s.set_stroke(None);
}

/// `template` with `{field}` replaced; `None` when a field it uses is empty.
fn substitute(template: &str, ctx: &Ctx) -> Option<String> {
    let c = ctx.card;
    let fields = [
        ("{library_name}", ctx.library.name.clone()),
        ("{library_address}", ctx.library.address.clone()),
        ("{full_name}", c.full_name.clone()),
        ("{member_no}", c.member_no.clone()),
        ("{member_type}", c.member_type.clone()),
        ("{valid_until}", c.valid_until_text()),
        ("{serial}", c.serial.clone().unwrap_or_default()),
    ];
    let mut out = template.to_string();
    for (key, value) in fields {
        if out.contains(key) {
            if value.trim().is_empty() {
                return None;
            }
            out = out.replace(key, &value);
        }
    }
    Some(out)
}

/// One side of one card with its top-left corner at `origin` (mm on the page).
fn draw_side(s: &mut Surface, side: &Side, ctx: &Ctx, origin: (f32, f32)) -> Result<(), CardError> {
    s.push_transform(&Transform::from_translate(origin.0 * MM, origin.1 * MM));
    let whole = bled(
        MmBox {
            x: 0.0,
            y: 0.0,
            w: CARD_W_MM,
            h: CARD_H_MM,
        },
        ctx.bleed,
    );
    fill(s, side.background);
    rect(s, whole.x, whole.y, whole.w, whole.h);
    if let Some(img) = side
        .background_image
        .as_ref()
        .and_then(|p| ctx.assets.files.get(p))
    {
        draw_image(s, img, whole, true);
    }
    let fonts = Fonts::get();
    let has_logo = ctx.assets.logo.is_some();
    let has_signature = ctx.assets.signature.is_some();
    let shown = |when: &Option<When>| when.is_none_or(|w| w.holds(has_logo, has_signature));
    for e in &side.elements {
        match e {
            Element::Rect { at, fill: c } => {
                fill(s, *c);
                let at = bled(*at, ctx.bleed);
                rect(s, at.x, at.y, at.w, at.h);
            }
            Element::Text { when, .. } | Element::Lines { when, .. } if !shown(when) => {}
            Element::Text {
                text, at, style, ..
            } => {
                let Some(text) = substitute(text, ctx) else {
                    continue;
                };
                let face = fonts.face(style.bold);
                let fitted = fit_text(face, &[&text], at.w, at.h, style);
                // Single texts sit in the middle of their box; `lines` start at its top.
                let top = at.y + (at.h - fitted.height_mm()).max(0.0) / 2.0;
                draw_lines(s, &fitted, face, *at, top, style.align, style.color);
            }
            Element::Lines {
                lines, at, style, ..
            } => {
                let src = match lines {
                    LinesSource::Rules => &ctx.library.rules,
                    LinesSource::Contact => &ctx.library.contact,
                };
                let paragraphs: Vec<&str> = src.iter().map(String::as_str).collect();
                let face = fonts.face(style.bold);
                let fitted = fit_text(face, &paragraphs, at.w, at.h, style);
                draw_lines(s, &fitted, face, *at, at.y, style.align, style.color);
            }
            Element::Photo { at } => match ctx.photo {
                Some(img) => draw_image(s, img, *at, false),
                None => {
                    // A frame where the clerk can glue a printed photo if the camera failed.
                    fill(s, Rgb(0xdd, 0xdd, 0xdd));
                    rect(s, at.x, at.y, at.w, at.h);
                }
            },
            Element::Logo { at } => {
                if let Some(img) = &ctx.assets.logo {
                    draw_image(s, img, *at, false);
                }
            }
            Element::Image { path, at } => {
                if let Some(img) = ctx.assets.files.get(path) {
                    draw_image(s, img, *at, false);
                }
            }
            Element::Signature { at } => {
                if let Some(sig) = &ctx.assets.signature {
                    draw_signature(s, sig, ctx.assets, *at);
                }
            }
            Element::Barcode { at, qr_box } => {
                for placed in
                    codes::codes_for(*at, *qr_box, ctx.symbology, ctx.serial_code, ctx.card)?
                {
                    draw_code(s, &placed, origin);
                }
            }
        }
    }
    s.pop();
    Ok(())
}

fn draw_code(s: &mut Surface, placed: &codes::PlacedCode, origin: (f32, f32)) {
    let (b, code) = (placed.at, &placed.code);
    // Bars start on a whole 300 dpi dot of the page, so that each module covers the same
    // number of printer dots (the module widths are whole dots already).
    let snap = |v: f32, o: f32| ((v + o) / DOT_300DPI_MM).round() * DOT_300DPI_MM - o;
    let x = snap(b.x + (b.w - code.width_mm) / 2.0, origin.0);
    let y = snap(b.y + (b.h - code.height_mm) / 2.0, origin.1);
    // White under the quiet zone, whatever the card's colours behind it.
    fill(s, Rgb::WHITE);
    rect(s, x, y, code.width_mm, code.height_mm);
    fill(s, Rgb::BLACK);
    let mut pb = PathBuilder::new();
    for bar in &code.bars {
        if let Some(r) = Rect::from_xywh((x + bar.x) * MM, (y + bar.y) * MM, bar.w * MM, bar.h * MM)
        {
            pb.push_rect(r);
        }
    }
    if let Some(p) = pb.finish() {
        s.draw_path(&p);
    }
}

/// The title, the signature with the stamp over it, the name and the id line.
fn draw_signature(s: &mut Surface, sig: &SignatureConfig, assets: &Assets, at: MmBox) {
    let l = signature::layout(at, !sig.id_line.trim().is_empty());
    let fonts = Fonts::get();
    let style = |size: f32, bold: bool, max_lines: usize| super::template::TextStyle {
        size,
        min_size: 3.5,
        max_lines,
        bold,
        color: Rgb(0x11, 0x11, 0x11),
        align: Align::Center,
    };
    let mut text = |t: &str, b: MmBox, st: super::template::TextStyle| {
        if t.trim().is_empty() || b.h <= 0.0 {
            return;
        }
        let face = fonts.face(st.bold);
        let fitted = fit_text(face, &[t], b.w, b.h, &st);
        let top = b.y + (b.h - fitted.height_mm()).max(0.0) / 2.0;
        draw_lines(s, &fitted, face, b, top, st.align, st.color);
    };
    text(&sig.title, l.title, style(5.0, false, 2));
    text(&sig.name, l.name, style(5.5, true, 1));
    text(&sig.id_line, l.id_line, style(4.5, false, 1));
    if let Some(img) = &assets.signature_image {
        draw_image(s, img, l.image, false);
    }
    // After the signature: ink of a stamp lies over the ink of the pen.
    if let Some(img) = &assets.stamp {
        draw_image(s, img, l.stamp, false);
    }
}

pub(crate) fn draw_lines(
    s: &mut Surface,
    fitted: &super::layout::Fitted,
    face: &super::font::Face,
    at: MmBox,
    top: f32,
    align: Align,
    color: Rgb,
) {
    fill(s, color);
    for (i, line) in fitted.lines.iter().enumerate() {
        let w = face.width_pt(line, fitted.size_pt) / MM;
        let x = match align {
            Align::Left => at.x,
            Align::Center => at.x + (at.w - w) / 2.0,
            Align::Right => at.x + at.w - w,
        };
        let baseline = top + fitted.ascent_mm + i as f32 * fitted.line_height_mm;
        s.draw_glyphs(
            Point::from_xy(x * MM, baseline * MM),
            &face.glyphs(line),
            face.pdf_font(),
            line,
            fitted.size_pt,
            false,
        );
    }
}
