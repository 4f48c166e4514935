//! Card rendering speed and size: one card (front and back, ID-1 pages) and an A4 sheet of
//! ten with backs. Aims from issue 5: under 10 ms a card, under 60 ms a sheet.
//! Run: `cargo bench --bench card -- --warm-up-time 1 --measurement-time 5`.

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use loket::card::{
    CardData, LibraryInfo, RenderOptions, SheetKind, Template, default_rules, render_pdf,
};

/// A different photo per card: identical images would be stored once and flatter the size.
fn photo(seed: u32) -> Vec<u8> {
    // A gradient rather than a flat colour, so the JPEG is as big as a real photo's.
    let img = image::RgbImage::from_fn(600, 800, |x, y| {
        image::Rgb([
            (x / 3) as u8,
            (y / 4) as u8,
            ((x + y + seed * 37) / 6) as u8,
        ])
    });
    let mut buf = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, 85)
        .encode_image(&img)
        .expect("encode test photo");
    buf
}

fn cards(n: usize) -> Vec<CardData> {
    (0..n)
        .map(|i| CardData {
            member_no: format!("261128{:05}", i + 1),
            full_name: format!("Anggota Perpustakaan Nomor {}", i + 1),
            member_type: "Umum".into(),
            valid_until: date(2028, 11, 28),
            photo_jpeg: Some(photo(i as u32)),
            serial: Some(format!("261128{:05}-01", i + 1)),
        })
        .collect()
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

fn bench(c: &mut Criterion) {
    let template = Template::builtin();
    let lib = library();
    let one = cards(1);
    let ten = cards(10);
    let card_opts = RenderOptions {
        sheet: SheetKind::Card,
        ..RenderOptions::default()
    };
    let a4 = RenderOptions::default();
    let photo_len = one[0].photo_jpeg.as_ref().map_or(0, Vec::len);
    let single = render_pdf(&one, &lib, &template, &card_opts).expect("render one card");
    let sheet = render_pdf(&ten, &lib, &template, &a4).expect("render a sheet");
    println!(
        "bytes: one card {} (photo {photo_len}); A4 sheet of 10: {} = {} per card",
        single.len(),
        sheet.len(),
        sheet.len() / 10
    );
    c.bench_function("card/one ID-1 card, front and back", |b| {
        b.iter(|| render_pdf(&one, &lib, &template, &card_opts))
    });
    c.bench_function("card/A4 sheet of 10, fronts and backs", |b| {
        b.iter(|| render_pdf(&ten, &lib, &template, &a4))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
