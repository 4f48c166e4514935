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

use super::barcode::{self, DOT_300DPI_MM, Symbology};
use super::font::Fonts;
use super::layout::fit_text;
use super::sheet::{self, SheetKind};
use super::template::{
    Align, CARD_H_MM, CARD_W_MM, Element, LinesSource, MmBox, Rgb, Side, Template,
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
        }
    }
}

/// Images decoded once per document and shared by every card.
struct Assets {
    logo: Option<Image>,
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
    let mut assets = Assets {
        logo: library.logo.as_deref().map(load_image).transpose()?,
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
        barcode_for(template, opts.symbology, card)?;
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
    };
    match opts.sheet {
        SheetKind::Card => {
            for i in 0..cards.len() {
                page(&mut doc, CARD_W_MM, CARD_H_MM, |s| {
                    draw_side(s, &template.front, &ctx(i), at(0.0, 0.0, opts.offset_mm))
                })?;
                if opts.backs {
                    page(&mut doc, CARD_W_MM, CARD_H_MM, |s| {
                        draw_side(
                            s,
                            &template.back,
                            &ctx(i),
                            at(0.0, 0.0, opts.back_offset_mm),
                        )
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
}

fn barcode_for(
    template: &Template,
    symbology: Symbology,
    card: &CardData,
) -> Result<Vec<(MmBox, barcode::Barcode)>, CardError> {
    let mut out = Vec::new();
    for side in [&template.front, &template.back] {
        for e in &side.elements {
            if let Element::Barcode { at, qr_box } = e {
                let b = match (symbology, qr_box) {
                    (Symbology::Qr, Some(q)) => *q,
                    _ => *at,
                };
                let code =
                    barcode::layout(symbology, &card.member_no, b.w, b.h).map_err(|source| {
                        CardError::Barcode {
                            member_no: card.member_no.clone(),
                            source,
                        }
                    })?;
                out.push((b, code));
            }
        }
    }
    Ok(out)
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
    fill(s, side.background);
    rect(s, 0.0, 0.0, CARD_W_MM, CARD_H_MM);
    if let Some(img) = side
        .background_image
        .as_ref()
        .and_then(|p| ctx.assets.files.get(p))
    {
        draw_image(
            s,
            img,
            MmBox {
                x: 0.0,
                y: 0.0,
                w: CARD_W_MM,
                h: CARD_H_MM,
            },
            true,
        );
    }
    let fonts = Fonts::get();
    for e in &side.elements {
        match e {
            Element::Rect { at, fill: c } => {
                fill(s, *c);
                rect(s, at.x, at.y, at.w, at.h);
            }
            Element::Text { text, at, style } => {
                let Some(text) = substitute(text, ctx) else {
                    continue;
                };
                let face = fonts.face(style.bold);
                let fitted = fit_text(face, &[&text], at.w, at.h, style);
                // Single texts sit in the middle of their box; `lines` start at its top.
                let top = at.y + (at.h - fitted.height_mm()).max(0.0) / 2.0;
                draw_lines(s, &fitted, face, *at, top, style.align, style.color);
            }
            Element::Lines { lines, at, style } => {
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
            Element::Barcode { at, qr_box } => {
                let b = match (ctx.symbology, qr_box) {
                    (Symbology::Qr, Some(q)) => *q,
                    _ => *at,
                };
                let code = barcode::layout(ctx.symbology, &ctx.card.member_no, b.w, b.h).map_err(
                    |source| CardError::Barcode {
                        member_no: ctx.card.member_no.clone(),
                        source,
                    },
                )?;
                // Bars start on a whole 300 dpi dot of the page, so that each module covers
                // the same number of printer dots (the module widths are whole dots already).
                let snap = |v: f32, o: f32| ((v + o) / DOT_300DPI_MM).round() * DOT_300DPI_MM - o;
                let x = snap(b.x + (b.w - code.width_mm) / 2.0, origin.0);
                let y = snap(b.y + (b.h - code.height_mm) / 2.0, origin.1);
                // White under the quiet zone, whatever the card's colours behind it.
                fill(s, Rgb::WHITE);
                rect(s, x, y, code.width_mm, code.height_mm);
                fill(s, Rgb::BLACK);
                let mut pb = PathBuilder::new();
                for bar in &code.bars {
                    if let Some(r) =
                        Rect::from_xywh((x + bar.x) * MM, (y + bar.y) * MM, bar.w * MM, bar.h * MM)
                    {
                        pb.push_rect(r);
                    }
                }
                if let Some(p) = pb.finish() {
                    s.draw_path(&p);
                }
            }
        }
    }
    s.pop();
    Ok(())
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
