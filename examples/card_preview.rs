//! Renders sample cards to a PDF for looking at a template: `cargo run --example card_preview
//! -- OUT.pdf [card|a4] [code128|code39|qr] [TEMPLATE.toml]`.

use jiff::civil::date;
use loket::card::{
    CardData, LibraryInfo, RenderOptions, SheetKind, Symbology, Template, default_rules, render_pdf,
};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = args
        .first()
        .map(String::as_str)
        .unwrap_or("card-preview.pdf");
    let sheet = match args.get(1).map(String::as_str) {
        Some("card") => SheetKind::Card,
        _ => SheetKind::A4,
    };
    let symbology = match args.get(2).map(String::as_str) {
        Some("code39") => Symbology::Code39,
        Some("qr") => Symbology::Qr,
        _ => Symbology::Code128,
    };
    let template = Template::load(args.get(3).map(std::path::Path::new))?;
    let names = [
        "Siti Rahayu",
        "Muhammad Rizky Pratama Nugroho Wicaksono Adiputra Sastrowardoyo",
        "Ṣekar Ayu Séruni",
    ];
    let cards: Vec<CardData> = names
        .iter()
        .enumerate()
        .map(|(i, n)| CardData {
            member_no: format!("2611280000{}", i + 1),
            full_name: n.to_string(),
            member_type: "Umum".into(),
            valid_until: date(2028, 11, 28),
            photo_jpeg: None,
            serial: Some(format!("2611280000{}-01", i + 1)),
        })
        .collect();
    let library = LibraryInfo {
        name: "Dinas Perpustakaan dan Kearsipan Kabupaten Sidoarjo".into(),
        address: "Jl. Jaksa Agung Suprapto No. 5, Sidoarjo, Jawa Timur".into(),
        contact: vec!["Telp. (031) 0000000 · perpustakaan@example.go.id".into()],
        rules: default_rules(),
        logo: None,
    };
    let opts = RenderOptions {
        symbology,
        sheet,
        ..RenderOptions::default()
    };
    std::fs::write(out, render_pdf(&cards, &library, &template, &opts)?)?;
    eprintln!("wrote {out}");
    Ok(())
}
