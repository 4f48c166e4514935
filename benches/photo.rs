//! SOP step 3 should take well under a minute: the machine's share of that is turning a phone's
//! 12 MP JPEG into the stored photo, and redrawing the preview after each key.
//! Run: cargo bench --bench photo -- --warm-up-time 1 --measurement-time 5

use std::cell::Cell;
use std::hint::black_box;
use std::io::Write;
use std::rc::Rc;

use criterion::{Criterion, criterion_group, criterion_main};
use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};
use loket::i18n::Lang;
use loket::photo::{
    Edit, Limits, PhotoConfig, decode, decode_reduced, encode_jpeg, process, render, render_stored,
    store_edited,
};
use loket::tui::screens::photo::PhotoEditor;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use ratatui_image::picker::Picker;

/// A 4000×3000 photo-like image: smooth light falloff, a darker "face" oval, fine sensor noise
/// (so the JPEG is phone-sized, about 3 MB, not a trivially compressible gradient).
fn phone_photo() -> RgbImage {
    let mut seed = 0x9E37_79B9_u32;
    RgbImage::from_fn(4000, 3000, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let noise = (seed % 24) as i32 - 12;
        let (dx, dy) = (x as i32 - 2000, y as i32 - 1100);
        let face = dx * dx * 9 + dy * dy * 5 < 600 * 600 * 9;
        let base = if face {
            [200, 150, 120]
        } else {
            [90 + (y / 30) as i32, 110, 140 - (x / 40) as i32]
        };
        let c = |v: i32| (v + noise).clamp(0, 255) as u8;
        Rgb([c(base[0]), c(base[1]), c(base[2])])
    })
}

/// Counts what would be written to the terminal.
struct Counting(Rc<Cell<usize>>);

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes a real terminal receives for one frame of the editor at 80×24 in half-blocks: a first
/// draw, an idle redraw, a redraw after one key. For docs/decisions.md.
fn bytes_per_frame(photo: &RgbImage) {
    let mut editor = PhotoEditor::new(photo.clone(), Picker::halfblocks());
    let count = Rc::new(Cell::new(0usize));
    let backend = CrosstermBackend::new(Counting(count.clone()));
    let mut t = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
        },
    )
    .unwrap();
    let mut measure = |label: &str, editor: &mut PhotoEditor, key: Option<char>| {
        if let Some(c) = key {
            editor.handle_key(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Char(c),
            ));
        }
        t.draw(|f| editor.draw(f, f.area(), Lang::Id)).unwrap();
        eprintln!("{label}: {} bytes", count.replace(0));
    };
    measure("half-block frame, first draw", &mut editor, None);
    measure("half-block frame, idle redraw", &mut editor, None);
    measure(
        "half-block frame, after one zoom key",
        &mut editor,
        Some('+'),
    );
    std::io::stderr().flush().unwrap();
}

fn bench(c: &mut Criterion) {
    let photo = phone_photo();
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&photo)
        .unwrap();
    eprintln!("12 MP test JPEG: {} KB", jpeg.len() / 1024);
    bytes_per_frame(&photo);

    let limits = Limits::default();
    let config = PhotoConfig::default();
    let edit = Edit::initial(4000, 3000);
    let stored = process(&jpeg, &limits, Some(&edit), &config).unwrap();
    eprintln!("stored photo: {} KB", stored.jpeg.len() / 1024);

    // The same photo as a phone writes it: chroma at half size both ways (4:2:0).
    let mut phone = Vec::new();
    let mut enc = jpeg_encoder::Encoder::new(&mut phone, 90);
    enc.set_sampling_factor(jpeg_encoder::SamplingFactor::R_4_2_0);
    enc.encode(photo.as_raw(), 4000, 3000, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    eprintln!("12 MP test JPEG in 4:2:0: {} KB", phone.len() / 1024);

    let mut g = c.benchmark_group("photo");
    g.sample_size(10);
    g.bench_function("12MP JPEG to stored 600x800", |b| {
        b.iter(|| process(black_box(&jpeg), &limits, Some(&edit), &config).unwrap())
    });
    // The path before the fixed-point shrink (image's resize), for the same run to compare.
    g.bench_function(
        "12MP JPEG to stored 600x800, image's resize (before)",
        |b| {
            b.iter(|| {
                let src = decode_reduced(black_box(&jpeg), &limits, |_| 2).unwrap();
                let img = render(&src, &edit, (600, 800));
                encode_jpeg(&img, config.max_kb).unwrap()
            })
        },
    );
    g.bench_function("12MP 4:2:0 JPEG (as phones write) to stored 600x800", |b| {
        b.iter(|| process(black_box(&phone), &limits, Some(&edit), &config).unwrap())
    });
    g.bench_function("12MP 4:2:0 JPEG decode only, half size in the IDCT", |b| {
        b.iter(|| decode_reduced(black_box(&phone), &limits, |_| 2).unwrap())
    });
    // The path before the reduced decode, kept beside it so one run compares the two.
    g.bench_function("12MP JPEG to stored 600x800, full-size decode", |b| {
        b.iter(|| {
            let src = decode(black_box(&jpeg), &limits).unwrap();
            store_edited(&src, &edit, &config).unwrap()
        })
    });
    // The step the fixed-point shrink replaced, alone: the half-size decode's crop to 600×800.
    let half = decode_reduced(&jpeg, &limits, |_| 2).unwrap();
    g.bench_function(
        "crop of the half-size decode to 600x800, image's resize",
        |b| b.iter(|| render(black_box(&half), &edit, (600, 800))),
    );
    g.bench_function(
        "crop of the half-size decode to 600x800, fixed point",
        |b| b.iter(|| render_stored(black_box(&half), &edit, (600, 800))),
    );
    g.bench_function("12MP JPEG decode only", |b| {
        b.iter(|| decode(black_box(&jpeg), &limits).unwrap())
    });
    g.bench_function("12MP JPEG decode only, half size in the IDCT", |b| {
        b.iter(|| decode_reduced(black_box(&jpeg), &limits, |_| 2).unwrap())
    });
    let mut editor = PhotoEditor::new(photo.clone(), Picker::halfblocks());
    let mut t = Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let mut zoom_in = true;
    g.bench_function("editor key + half-block preview frame", |b| {
        b.iter(|| {
            // Alternate so each frame has a changed edit to re-render.
            let key = if zoom_in { '+' } else { '-' };
            zoom_in = !zoom_in;
            editor.handle_key(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Char(key),
            ));
            t.draw(|f| editor.draw(f, f.area(), Lang::Id)).unwrap();
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
