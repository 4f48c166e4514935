//! printpdf 0.12 against krilla 0.8 (through loket's renderer) on the built-in card: time per
//! card, bytes per card, and whether the stored JPEG reaches the PDF byte for byte.

use std::time::Instant;

use jiff::civil::date;
use loket::card::font::Fonts;
use loket::card::layout::{PT_TO_MM, fit_text};
use loket::card::template::{CARD_H_MM, CARD_W_MM, Element, LinesSource, Rgb, Side, Template};
use loket::card::{
    CardData, LibraryInfo, RenderOptions, SheetKind, Symbology, barcode, default_rules, render_pdf,
};
use printpdf::*;

fn photo() -> Vec<u8> {
    let img = ::image::RgbImage::from_fn(600, 800, |x, y| {
        ::image::Rgb([(x / 3) as u8, (y / 4) as u8, 120])
    });
    let mut buf = Vec::new();
    ::image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, 85)
        .encode_image(&img)
        .unwrap();
    buf
}

fn card(jpeg: &[u8]) -> CardData {
    CardData {
        member_no: "26112800001".into(),
        full_name: "Siti Rahayu Kusumawardhani".into(),
        member_type: "Umum".into(),
        valid_until: date(2028, 11, 28),
        photo_jpeg: Some(jpeg.to_vec()),
        serial: Some("26112800001-01".into()),
    }
}

fn library() -> LibraryInfo {
    LibraryInfo {
        name: "Dinas Perpustakaan dan Kearsipan Kabupaten Sidoarjo".into(),
        address: "Jl. Jaksa Agung Suprapto No. 5, Sidoarjo, Jawa Timur".into(),
        contact: vec!["Telp. (031) 0000000 · perpustakaan@example.go.id".into()],
        rules: default_rules(),
        logo: None,
    }
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0 as f32 / 255.0,
        g: c.1 as f32 / 255.0,
        b: c.2 as f32 / 255.0,
        icc_profile: None,
    })
}

fn rect_op(x: f32, y: f32, w: f32, h: f32) -> Op {
    // printpdf measures from the bottom-left corner.
    Op::DrawRectangle {
        rectangle: printpdf::Rect {
            x: Mm(x).into_pt(),
            y: Mm(CARD_H_MM - y - h).into_pt(),
            width: Mm(w).into_pt(),
            height: Mm(h).into_pt(),
            mode: Some(PaintMode::Fill),
            winding_order: Some(WindingOrder::NonZero),
        },
    }
}

/// One side, drawn element by element as loket's krilla renderer does.
fn side_ops(
    side: &Side,
    c: &CardData,
    lib: &LibraryInfo,
    photo: &XObjectId,
    photo_px: (u32, u32),
    fonts: (FontId, FontId),
) -> Vec<Op> {
    let mut ops = vec![
        Op::SetFillColor {
            col: color(side.background),
        },
        rect_op(0.0, 0.0, CARD_W_MM, CARD_H_MM),
    ];
    let sub = |t: &str| {
        t.replace("{library_name}", &lib.name)
            .replace("{library_address}", &lib.address)
            .replace("{full_name}", &c.full_name)
            .replace("{member_no}", &c.member_no)
            .replace("{member_type}", &c.member_type)
            .replace("{valid_until}", &c.valid_until_text())
            .replace("{serial}", c.serial.as_deref().unwrap_or(""))
    };
    let text = |ops: &mut Vec<Op>,
                paras: Vec<String>,
                at: loket::card::template::MmBox,
                style: &loket::card::template::TextStyle| {
        let face = Fonts::get().face(style.bold);
        let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
        let f = fit_text(face, &refs, at.w, at.h, style);
        let font = if style.bold {
            fonts.1.clone()
        } else {
            fonts.0.clone()
        };
        ops.push(Op::SetFillColor {
            col: color(style.color),
        });
        for (i, line) in f.lines.iter().enumerate() {
            let base = at.y + f.ascent_mm + i as f32 * f.line_height_mm;
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font.clone()),
                size: Pt(f.size_pt),
            });
            ops.push(Op::SetTextCursor {
                pos: Point {
                    x: Mm(at.x).into_pt(),
                    y: Mm(CARD_H_MM - base).into_pt(),
                },
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(line.clone())],
            });
            ops.push(Op::EndTextSection);
        }
        let _ = PT_TO_MM;
    };
    for e in &side.elements {
        match e {
            Element::Rect { at, fill } => {
                ops.push(Op::SetFillColor { col: color(*fill) });
                ops.push(rect_op(at.x, at.y, at.w, at.h));
            }
            Element::Text { text: t, at, style } => text(&mut ops, vec![sub(t)], *at, style),
            Element::Lines { lines, at, style } => {
                let src = match lines {
                    LinesSource::Rules => &lib.rules,
                    LinesSource::Contact => &lib.contact,
                };
                text(&mut ops, src.clone(), *at, style)
            }
            Element::Photo { at } => {
                let native_pt = |px: u32| px as f32 * 72.0 / 300.0;
                ops.push(Op::UseXobject {
                    id: photo.clone(),
                    transform: XObjectTransform {
                        translate_x: Some(Mm(at.x).into_pt()),
                        translate_y: Some(Mm(CARD_H_MM - at.y - at.h).into_pt()),
                        scale_x: Some(Mm(at.w).into_pt().0 / native_pt(photo_px.0)),
                        scale_y: Some(Mm(at.h).into_pt().0 / native_pt(photo_px.1)),
                        dpi: Some(300.0),
                        ..Default::default()
                    },
                });
            }
            Element::Barcode { at, .. } => {
                let code = barcode::layout(Symbology::Code128, &c.member_no, at.w, at.h).unwrap();
                let x0 = at.x + (at.w - code.width_mm) / 2.0;
                ops.push(Op::SetFillColor {
                    col: color(Rgb::BLACK),
                });
                for b in code.bars {
                    ops.push(rect_op(x0 + b.x, at.y + b.y, b.w, b.h));
                }
            }
            Element::Logo { .. } | Element::Image { .. } => {}
        }
    }
    ops
}

/// Fonts are parsed once outside the timed loop, as loket's krilla renderer does.
fn printpdf_card(
    c: &CardData,
    lib: &LibraryInfo,
    t: &Template,
    regular: &ParsedFont,
    bold: &ParsedFont,
) -> Vec<u8> {
    let mut doc = PdfDocument::new("card");
    let mut warnings = Vec::new();
    let fonts = (doc.add_font(regular), doc.add_font(bold));
    let jpeg = c.photo_jpeg.as_deref().unwrap();
    let img = RawImage::decode_from_bytes(jpeg, &mut warnings).unwrap();
    let px = (img.width as u32, img.height as u32);
    let photo = doc.add_image(&img);
    let front = side_ops(&t.front, c, lib, &photo, px, fonts.clone());
    let back = side_ops(&t.back, c, lib, &photo, px, fonts);
    doc.with_pages(vec![
        PdfPage::new(Mm(CARD_W_MM), Mm(CARD_H_MM), front),
        PdfPage::new(Mm(CARD_W_MM), Mm(CARD_H_MM), back),
    ]);
    doc.save(&PdfSaveOptions::default(), &mut Vec::new())
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn time<F: FnMut() -> Vec<u8>>(name: &str, n: u32, mut f: F, jpeg: &[u8]) {
    let out = f();
    let start = Instant::now();
    for _ in 0..n {
        std::hint::black_box(f());
    }
    let per = start.elapsed() / n;
    println!(
        "{name:<10} {:>8.2} ms/card  {:>7} bytes/card  JPEG byte for byte: {}",
        per.as_secs_f64() * 1000.0,
        out.len(),
        if contains(&out, jpeg) {
            "yes"
        } else {
            "no (re-encoded)"
        }
    );
    std::fs::write(format!("/tmp/pdf-compare-{name}.pdf"), out).unwrap();
}

fn main() {
    let jpeg = photo();
    println!(
        "photo: 600x800 JPEG, {} bytes; one card = front + back page (ID-1)",
        jpeg.len()
    );
    let c = card(&jpeg);
    let lib = library();
    let t = Template::builtin();
    let opts = RenderOptions {
        sheet: SheetKind::Card,
        ..RenderOptions::default()
    };
    time(
        "krilla",
        50,
        || render_pdf(std::slice::from_ref(&c), &lib, &t, &opts).unwrap(),
        &jpeg,
    );
    let regular =
        ParsedFont::from_bytes(dejavu::sans_condensed::regular(), 0, &mut Vec::new()).unwrap();
    let bold = ParsedFont::from_bytes(dejavu::sans_condensed::bold(), 0, &mut Vec::new()).unwrap();
    time(
        "printpdf",
        20,
        || printpdf_card(&c, &lib, &t, &regular, &bold),
        &jpeg,
    );
}
