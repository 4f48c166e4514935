//! Reports and the register as PDF, to print and sign: the library's header on every page,
//! the title and period, tables that continue over pages with their header repeated, a
//! signature block, and "page i of n" at the foot. Drawn with krilla and the card's DejaVu
//! font, so accents print the same on every machine.

use krilla::Document;
use krilla::geom::PathBuilder;
use krilla::paint::Stroke;
use krilla::surface::Surface;

use super::config::ReportConfig;
use super::sheet::{Cell, Table};
use crate::card::font::Fonts;
use crate::card::layout::{PT_TO_MM, fit_text};
use crate::card::pdf::{draw_lines, page};
use crate::card::template::{Align, MmBox, Rgb, TextStyle};
use crate::config::Library;
use crate::i18n::{Lang, Localized};

const MM: f32 = 72.0 / 25.4;
const MARGIN: f32 = 15.0;
/// Kept free at the foot of each page for the page number.
const FOOT: f32 = 10.0;

/// Paper: A4 upright for reports, on its side for the register's many columns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Paper {
    A4Portrait,
    A4Landscape,
}

impl Paper {
    fn size(self) -> (f32, f32) {
        match self {
            Paper::A4Portrait => (210.0, 297.0),
            Paper::A4Landscape => (297.0, 210.0),
        }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("PDF: {0}")]
pub struct PdfError(String);

impl Localized for PdfError {
    fn localized(&self, lang: Lang) -> String {
        crate::t!(lang, "report-pdf-failed", detail = self.0.as_str())
    }
}

/// What every page carries at its top.
pub struct Heading<'a> {
    pub library: &'a Library,
    pub title: String,
    pub period: String,
    /// "Dibuat 28-11-2026 09:15" or its English.
    pub generated: String,
}

enum Op {
    Text {
        x: f32,
        /// Top of the text's box, mm from the top of the page.
        y: f32,
        w: f32,
        h: f32,
        text: String,
        style: TextStyle,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
}

fn style(size: f32, bold: bool, align: Align, max_lines: usize) -> TextStyle {
    TextStyle {
        size,
        // Long names shrink a little before they wrap, and wrap before they are cut.
        min_size: (size - 1.5).max(6.0),
        max_lines,
        bold,
        color: Rgb::BLACK,
        align,
    }
}

/// The pages as drawing operations, laid out before anything is drawn, so the foot can say
/// how many pages there are.
pub struct Layout<'a> {
    heading: Heading<'a>,
    lang: Lang,
    paper: Paper,
    pages: Vec<Vec<Op>>,
    /// Where the next thing goes, mm from the top.
    y: f32,
}

impl<'a> Layout<'a> {
    pub fn new(heading: Heading<'a>, paper: Paper, lang: Lang) -> Layout<'a> {
        let mut l = Layout {
            heading,
            lang,
            paper,
            pages: Vec::new(),
            y: 0.0,
        };
        l.new_page();
        l
    }

    fn width(&self) -> f32 {
        self.paper.size().0 - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        self.paper.size().1 - MARGIN - FOOT
    }

    fn op(&mut self, op: Op) {
        if let Some(p) = self.pages.last_mut() {
            p.push(op);
        }
    }

    fn text(&mut self, x: f32, w: f32, h: f32, text: &str, style: TextStyle) {
        let y = self.y;
        self.op(Op::Text {
            x,
            y,
            w,
            h,
            text: text.to_string(),
            style,
        });
    }

    fn rule(&mut self, x1: f32, x2: f32, width: f32) {
        let y = self.y;
        self.op(Op::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
        });
    }

    /// A line of text across the page, then the cursor below it.
    fn line_of(&mut self, text: &str, size: f32, bold: bool) {
        let h = size * PT_TO_MM * 1.35;
        let w = self.width();
        self.text(MARGIN, w, h, text, style(size, bold, Align::Left, 1));
        self.y += h;
    }

    /// A fresh page with the library's header, the title and the period.
    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
        let name = self.heading.library.name.clone();
        let address = self.heading.library.address.clone();
        self.line_of(&name, 13.0, true);
        self.line_of(&address, 9.0, false);
        self.y += 1.5;
        self.rule(MARGIN, MARGIN + self.width(), 0.8);
        self.y += 3.0;
        let (title, period, generated) = (
            self.heading.title.clone(),
            self.heading.period.clone(),
            self.heading.generated.clone(),
        );
        self.line_of(&title, 12.0, true);
        self.line_of(&period, 10.0, false);
        self.line_of(&generated, 8.0, false);
        self.y += 4.0;
    }

    /// Room for `h` mm more on this page, or a new page.
    fn room(&mut self, h: f32) {
        if self.y + h > self.bottom() {
            self.new_page();
        }
    }

    /// A paragraph of one line (an empty period says so).
    pub fn note(&mut self, text: &str) {
        self.room(6.0);
        self.line_of(text, 10.0, false);
        self.y += 2.0;
    }

    /// A table: its title, a header row, the rows `row_h` mm high with a rule under each.
    /// On a new page the title (marked as continued) and the header come again.
    pub fn table(&mut self, t: &Table, row_h: f32, size: f32) {
        // A weight is at most 3 cm: a label with one count stays a narrow table instead of
        // a label far from its number across the page.
        let total: f32 = t.columns.iter().map(|c| c.weight).sum();
        let unit = (self.width() / total.max(f32::EPSILON)).min(30.0);
        let xs: Vec<(f32, f32)> = t
            .columns
            .iter()
            .scan(MARGIN, |x, c| {
                let here = (*x, c.weight * unit);
                *x += c.weight * unit;
                Some(here)
            })
            .collect();
        let right = MARGIN + total * unit;
        let head_h = size * PT_TO_MM * 2.6;
        let header = |l: &mut Layout, continued: bool| {
            if !t.title.is_empty() {
                let title = if continued {
                    format!("{} ({})", t.title, l.lang.text("report-pdf-continued"))
                } else {
                    t.title.clone()
                };
                l.line_of(&title, size + 1.0, true);
            }
            let first = t.rows.first().map(|r| r.cells.as_slice()).unwrap_or(&[]);
            for (i, (c, (x, w))) in t.columns.iter().zip(&xs).enumerate() {
                let right = first.get(i).is_some_and(Cell::right_aligned);
                let align = if right { Align::Right } else { Align::Left };
                l.text(
                    *x + 0.8,
                    w - 1.6,
                    head_h,
                    &c.header,
                    style(size, true, align, 2),
                );
            }
            l.y += head_h;
            l.rule(MARGIN, right, 0.6);
        };
        self.room(head_h + 2.0 * row_h + 6.0);
        header(self, false);
        if t.rows.is_empty() {
            self.y += 1.0;
            self.line_of(&t.empty, size, false);
        }
        for r in &t.rows {
            if self.y + row_h > self.bottom() {
                self.new_page();
                header(self, true);
            }
            for (cell, (x, w)) in r.cells.iter().zip(&xs) {
                let align = if cell.right_aligned() {
                    Align::Right
                } else {
                    Align::Left
                };
                self.text(
                    *x + 0.8,
                    w - 1.6,
                    row_h,
                    &cell.display(),
                    style(size, false, align, 2),
                );
            }
            self.y += row_h;
            self.rule(MARGIN, right, 0.2);
        }
        self.y += 6.0;
    }

    /// "Mengetahui, <office>", room to sign, the signer's name line and NIP, on the right.
    pub fn signature(&mut self, cfg: &ReportConfig) {
        let h = 48.0;
        self.room(h);
        let w = 85.0_f32.min(self.width());
        let x = MARGIN + self.width() - w;
        let size = 10.0;
        let lh = size * PT_TO_MM * 1.4;
        let title = cfg.signer_title_in(self.lang).to_string();
        let known = self.lang.text("report-pdf-acknowledged-by");
        self.text(x, w, lh, known, style(size, false, Align::Left, 1));
        self.y += lh;
        self.text(x, w, 2.0 * lh, &title, style(size, false, Align::Left, 2));
        // The blank where the section head signs.
        self.y += 2.0 * lh + 20.0;
        self.rule(x, x + w * 0.85, 0.4);
        self.y += 1.0;
        let name = if cfg.signer_name.trim().is_empty() {
            self.lang.text("report-pdf-name").to_string()
        } else {
            cfg.signer_name.clone()
        };
        self.text(x, w, lh, &name, style(size, false, Align::Left, 1));
        self.y += lh;
        let nip = format!("NIP. {}", cfg.signer_nip);
        self.text(x, w, lh, &nip, style(size, false, Align::Left, 1));
        self.y += lh;
    }

    /// The PDF: every page drawn, each with "Halaman i dari n" at its foot.
    pub fn finish(self) -> Result<Vec<u8>, PdfError> {
        let (pw, ph) = self.paper.size();
        let n = self.pages.len();
        let mut doc = Document::new();
        for (i, ops) in self.pages.iter().enumerate() {
            let foot = crate::t!(self.lang, "report-pdf-page-of", page = i + 1, pages = n);
            page(&mut doc, pw, ph, |s| {
                for op in ops {
                    draw(s, op);
                }
                draw(
                    s,
                    &Op::Text {
                        x: MARGIN,
                        y: ph - MARGIN - 4.0,
                        w: pw - 2.0 * MARGIN,
                        h: 4.0,
                        text: foot,
                        style: style(8.0, false, Align::Center, 1),
                    },
                );
                Ok(())
            })
            .map_err(|e| PdfError(e.to_string()))?;
        }
        doc.finish().map_err(|e| PdfError(format!("{e:?}")))
    }
}

fn draw(s: &mut Surface, op: &Op) {
    match op {
        Op::Text {
            x,
            y,
            w,
            h,
            text,
            style,
        } => {
            let face = Fonts::get().face(style.bold);
            let fitted = fit_text(face, &[text], *w, *h, style);
            // Centred in its box from top to bottom, as a table cell is.
            let top = y + (h - fitted.height_mm()).max(0.0) / 2.0;
            let at = MmBox {
                x: *x,
                y: *y,
                w: *w,
                h: *h,
            };
            draw_lines(s, &fitted, face, at, top, style.align, style.color);
        }
        Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
        } => {
            s.set_fill(None);
            s.set_stroke(Some(Stroke {
                width: *width,
                ..Stroke::default()
            }));
            let mut pb = PathBuilder::new();
            pb.move_to(x1 * MM, y1 * MM);
            pb.line_to(x2 * MM, y2 * MM);
            if let Some(p) = pb.finish() {
                s.draw_path(&p);
            }
            s.set_stroke(None);
        }
    }
}

/// The report as a PDF on A4: header, tables, signature block.
pub fn summary_pdf(
    heading: Heading,
    tables: &[Table],
    empty_note: Option<&str>,
    signer: &ReportConfig,
    lang: Lang,
) -> Result<Vec<u8>, PdfError> {
    let mut l = Layout::new(heading, Paper::A4Portrait, lang);
    if let Some(n) = empty_note {
        l.note(n);
    }
    for t in tables {
        l.table(t, 6.0, 9.0);
    }
    l.signature(signer);
    l.finish()
}

/// The register as a PDF on A4 landscape: the terminal's columns with the full date, and a
/// signature column (tanda tangan) high enough to sign in, so the printout stands in for
/// the paper book.
pub fn register_pdf(
    heading: Heading,
    register: &Table,
    empty_note: Option<&str>,
    signer: &ReportConfig,
    lang: Lang,
) -> Result<Vec<u8>, PdfError> {
    let mut t = register.clone();
    t.columns.push(super::sheet::Column::new(
        "signature",
        lang.text("report-pdf-signature"),
        0,
        2.6,
    ));
    for r in &mut t.rows {
        r.cells.push(Cell::Text(String::new()));
    }
    let mut l = Layout::new(heading, Paper::A4Landscape, lang);
    if let Some(n) = empty_note {
        l.note(n);
    }
    l.table(&t, 12.0, 9.0);
    l.signature(signer);
    l.finish()
}
