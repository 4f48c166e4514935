//! The built-in card as the library sees it: its logo, the head's signature with the stamp,
//! the codes that tell one card of a member from the next, the bleed for printing shops, and a
//! picture of the card kept beside the tests (tests/snapshots/card-builtin.png) so that a change
//! of design shows in the diff. The images are drawn here, not kept as files.

use std::path::{Path, PathBuf};
use std::process::Command;

use image::{Rgba, RgbaImage};
use jiff::civil::date;
use loket::card::{
    CardData, LibraryInfo, RenderOptions, SheetKind, SignatureConfig, Symbology, Template,
    default_rules, render_pdf,
};

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} is needed for this test ({e}): apt-get install poppler-utils zbar-tools")
    });
    assert!(
        out.status.success() || tool == "zbarimg",
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn save_png(img: &RgbaImage, path: &Path) -> PathBuf {
    img.save(path).unwrap();
    path.to_path_buf()
}

/// A round emblem in the library's blue and yellow, transparent around it.
fn logo(dir: &Path) -> PathBuf {
    let n = 240;
    let img = RgbaImage::from_fn(n, n, |x, y| {
        let (dx, dy) = (x as f32 - 120.0, y as f32 - 120.0);
        let r = (dx * dx + dy * dy).sqrt();
        match r {
            r if r < 70.0 => Rgba([242, 183, 5, 255]),
            r if r < 110.0 => Rgba([255, 255, 255, 255]),
            r if r < 118.0 => Rgba([242, 183, 5, 255]),
            _ => Rgba([0, 0, 0, 0]),
        }
    });
    save_png(&img, &dir.join("logo.png"))
}

/// A pen stroke: a dark blue wave on a transparent background.
fn signature(dir: &Path) -> PathBuf {
    let (w, h) = (400u32, 160u32);
    let mut img = RgbaImage::from_pixel(w, h, Rgba([0, 0, 0, 0]));
    for x in 20..380 {
        let t = x as f32 / 38.0;
        let y = 80.0 + 45.0 * t.sin() * (1.0 - x as f32 / 500.0);
        for dy in -3i32..=3 {
            let yy = (y as i32 + dy).clamp(0, h as i32 - 1) as u32;
            img.put_pixel(x, yy, Rgba([20, 30, 110, 255]));
        }
    }
    save_png(&img, &dir.join("signature.png"))
}

/// A round violet stamp, half transparent, as the ink of a rubber stamp.
fn stamp(dir: &Path) -> PathBuf {
    let n = 260;
    let img = RgbaImage::from_fn(n, n, |x, y| {
        let (dx, dy) = (x as f32 - 130.0, y as f32 - 130.0);
        let r = (dx * dx + dy * dy).sqrt();
        let ring = (112.0..126.0).contains(&r) || (84.0..90.0).contains(&r);
        let star = r < 40.0 && (dx.abs() < 8.0 || dy.abs() < 8.0);
        if ring || star {
            Rgba([110, 40, 160, 170])
        } else {
            Rgba([0, 0, 0, 0])
        }
    });
    save_png(&img, &dir.join("stamp.png"))
}

fn photo_jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_fn(600, 800, |x, y| {
        let face = ((x as f32 - 300.0) / 170.0).powi(2) + ((y as f32 - 330.0) / 220.0).powi(2);
        if face < 1.0 {
            image::Rgb([214, 170, 130])
        } else if y > 600 {
            image::Rgb([40, 60, 120])
        } else {
            image::Rgb([200, 40, 40])
        }
    });
    let mut buf = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, 85)
        .encode_image(&img)
        .unwrap();
    buf
}

fn card(serial: &str) -> CardData {
    CardData {
        member_no: "26112800001".into(),
        full_name: "Siti Rahayu Wulandari".into(),
        member_type: "Umum".into(),
        valid_until: date(2028, 11, 28),
        photo_jpeg: Some(photo_jpeg()),
        serial: Some(serial.into()),
    }
}

fn library(logo: Option<PathBuf>) -> LibraryInfo {
    LibraryInfo {
        name: "Dinas Perpustakaan dan Kearsipan Kabupaten Sidoarjo".into(),
        address: "Jl. Jaksa Agung Suprapto No. 5, Sidoarjo, Jawa Timur".into(),
        contact: vec!["Telp. (031) 8921234 · perpustakaan@sidoarjokab.go.id".into()],
        rules: default_rules(),
        logo,
    }
}

fn signature_config(dir: &Path) -> SignatureConfig {
    SignatureConfig {
        title: "Kepala Dinas Perpustakaan dan Kearsipan".into(),
        name: "Drs. Bambang Wicaksono, M.Si.".into(),
        id_line: "NIP. 19700101 199003 1 001".into(),
        image: Some(signature(dir)),
        stamp: Some(stamp(dir)),
    }
}

fn one_card_opts(signature: Option<SignatureConfig>) -> RenderOptions {
    RenderOptions {
        sheet: SheetKind::Card,
        signature,
        ..RenderOptions::default()
    }
}

fn write(dir: &Path, name: &str, pdf: Vec<u8>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, pdf).unwrap();
    p
}

/// Page `page` of `pdf` as a PNG at `dpi`.
fn raster(pdf: &Path, page: usize, dpi: u32) -> PathBuf {
    let prefix = pdf.with_extension(format!("p{page}-{dpi}"));
    let p = page.to_string();
    let d = dpi.to_string();
    run(
        "pdftoppm",
        &[
            "-r",
            &d,
            "-png",
            "-f",
            &p,
            "-l",
            &p,
            "-singlefile",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    PathBuf::from(format!("{}.png", prefix.display()))
}

fn codes_on(pdf: &Path, page: usize) -> Vec<String> {
    let png = raster(pdf, page, 300);
    let mut v: Vec<String> = run("zbarimg", &["-q", "--raw", png.to_str().unwrap()])
        .lines()
        .map(str::to_string)
        .collect();
    v.sort();
    v
}

#[test]
fn the_first_and_the_second_card_of_a_member_read_differently() {
    let dir = tempfile::tempdir().unwrap();
    for symbology in Symbology::ALL {
        let opts = RenderOptions {
            symbology,
            ..one_card_opts(None)
        };
        let lib = library(None);
        let t = Template::builtin();
        let first = write(
            dir.path(),
            "01.pdf",
            render_pdf(&[card("26112800001-01")], &lib, &t, &opts).unwrap(),
        );
        let second = write(
            dir.path(),
            "02.pdf",
            render_pdf(&[card("26112800001-02")], &lib, &t, &opts).unwrap(),
        );
        let (a, b) = (codes_on(&first, 1), codes_on(&second, 1));
        assert_ne!(a, b, "{symbology:?}: both cards read {a:?}");
        assert!(a.contains(&"26112800001-01".to_string()), "{a:?}");
        assert!(b.contains(&"26112800001-02".to_string()), "{b:?}");
        if symbology != Symbology::Qr {
            // The member-number barcode SLiMS and INLISLite look members up by is on both.
            assert!(
                a.contains(&"26112800001".to_string()) && b.contains(&"26112800001".to_string())
            );
        }
    }
}

/// `pdfimages -list` rows: (page, width, height) of each image.
fn images(pdf: &Path) -> Vec<(u32, u32, u32)> {
    run("pdfimages", &["-list", pdf.to_str().unwrap()])
        .lines()
        .skip(2)
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            Some((
                f.first()?.parse().ok()?,
                f.get(3)?.parse().ok()?,
                f.get(4)?.parse().ok()?,
            ))
        })
        .collect()
}

#[test]
fn the_logo_signature_and_stamp_are_in_the_pdf_and_nothing_without_them() {
    let dir = tempfile::tempdir().unwrap();
    let t = Template::builtin();
    let with = write(
        dir.path(),
        "with.pdf",
        render_pdf(
            &[card("26112800001-01")],
            &library(Some(logo(dir.path()))),
            &t,
            &one_card_opts(Some(signature_config(dir.path()))),
        )
        .unwrap(),
    );
    let list = images(&with);
    let sizes: Vec<(u32, u32)> = list.iter().map(|&(_, w, h)| (w, h)).collect();
    // Page 1 the front: the photo and the logo; page 2 the back: signature and stamp.
    assert!(list.contains(&(1, 600, 800)), "photo: {list:?}");
    assert!(list.contains(&(1, 240, 240)), "logo: {list:?}");
    assert!(list.contains(&(2, 400, 160)), "signature: {list:?}");
    assert!(list.contains(&(2, 260, 260)), "stamp: {list:?}");
    let text = run("pdftotext", &[with.to_str().unwrap(), "-"]);
    assert!(text.contains("Drs. Bambang Wicaksono"), "{text}");
    assert!(text.contains("NIP. 19700101"), "{text}");

    let without = write(
        dir.path(),
        "without.pdf",
        render_pdf(
            &[card("26112800001-01")],
            &library(None),
            &t,
            &one_card_opts(None),
        )
        .unwrap(),
    );
    let list = images(&without);
    assert_eq!(
        list,
        vec![(1, 600, 800)],
        "only the photo: {list:?} (was {sizes:?})"
    );
    let text = run("pdftotext", &[without.to_str().unwrap(), "-"]);
    assert!(!text.contains("Kepala"), "{text}");
}

#[test]
fn no_logo_leaves_no_empty_square_before_the_library_name() {
    let dir = tempfile::tempdir().unwrap();
    let t = Template::builtin();
    let pdf = write(
        dir.path(),
        "nologo.pdf",
        render_pdf(
            &[card("26112800001-01")],
            &library(None),
            &t,
            &one_card_opts(None),
        )
        .unwrap(),
    );
    // The name starts where the logo would have been, not 13 mm in.
    let bbox = run(
        "pdftotext",
        &["-bbox", "-f", "1", "-l", "1", pdf.to_str().unwrap(), "-"],
    );
    let x_of = |word: &str| {
        bbox.lines()
            .find(|l| l.contains(&format!(">{word}<")))
            .and_then(|l| l.split("xMin=\"").nth(1))
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse::<f64>().ok())
            .map(|pt| pt * 25.4 / 72.0)
    };
    let x = x_of("Dinas").expect("library name on the card");
    assert!(x < 6.0, "library name starts {x:.1} mm in");
}

#[test]
fn bleed_grows_the_page_and_runs_the_colour_past_the_cut() {
    let dir = tempfile::tempdir().unwrap();
    let opts = RenderOptions {
        bleed_mm: 2.0,
        ..one_card_opts(None)
    };
    let pdf = write(
        dir.path(),
        "bleed.pdf",
        render_pdf(
            &[card("26112800001-01")],
            &library(None),
            &Template::builtin(),
            &opts,
        )
        .unwrap(),
    );
    let info = run("pdfinfo", &[pdf.to_str().unwrap()]);
    let size: Vec<f64> = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap()
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    let (w, h) = (size[0] * 25.4 / 72.0, size[1] * 25.4 / 72.0);
    assert!(
        (w - 89.6).abs() < 0.1 && (h - 57.98).abs() < 0.1,
        "{w} x {h}"
    );
    // The blue header band reaches the page's top-left corner, inside the bleed.
    let png = image::open(raster(&pdf, 1, 100)).unwrap().to_rgb8();
    let corner = png.get_pixel(2, 2);
    assert!(
        corner[2] > 100 && corner[0] < 60,
        "corner is {corner:?}, not the band's blue"
    );
    assert_eq!(codes_on(&pdf, 1), vec!["26112800001", "26112800001-01"]);
}

/// The built-in card, front above back, with a logo, the signature and the stamp, compared
/// with the picture kept beside the tests. Fonts and poppler differ a little between
/// machines, so the comparison allows small differences: a pixel counts as changed when a
/// channel moved by more than 48, and up to 1.5% of pixels may change. Set
/// LOKET_UPDATE_CARD_SNAPSHOT=1 to write a new picture after a deliberate change.
#[test]
fn the_builtin_card_looks_as_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(
        dir.path(),
        "snapshot.pdf",
        render_pdf(
            &[card("26112800001-01")],
            &library(Some(logo(dir.path()))),
            &Template::builtin(),
            &one_card_opts(Some(signature_config(dir.path()))),
        )
        .unwrap(),
    );
    let front = image::open(raster(&pdf, 1, 120)).unwrap().to_rgb8();
    let back = image::open(raster(&pdf, 2, 120)).unwrap().to_rgb8();
    let gap = 8;
    let mut both = image::RgbImage::from_pixel(
        front.width().max(back.width()),
        front.height() + gap + back.height(),
        image::Rgb([128, 128, 128]),
    );
    image::imageops::replace(&mut both, &front, 0, 0);
    image::imageops::replace(&mut both, &back, 0, i64::from(front.height() + gap));

    let kept = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/card-builtin.png");
    if std::env::var_os("LOKET_UPDATE_CARD_SNAPSHOT").is_some() || !kept.exists() {
        std::fs::create_dir_all(kept.parent().unwrap()).unwrap();
        both.save(&kept).unwrap();
        assert!(
            std::env::var_os("LOKET_UPDATE_CARD_SNAPSHOT").is_some(),
            "no snapshot yet: wrote {}; look at it and commit it",
            kept.display()
        );
        return;
    }
    let want = image::open(&kept).unwrap().to_rgb8();
    assert_eq!(
        want.dimensions(),
        both.dimensions(),
        "the card's size changed; LOKET_UPDATE_CARD_SNAPSHOT=1 after checking the new picture"
    );
    let changed = want
        .pixels()
        .zip(both.pixels())
        .filter(|(a, b)| (0..3).any(|c| a[c].abs_diff(b[c]) > 48))
        .count();
    let share = changed as f64 / f64::from(want.width() * want.height());
    if share > 0.015 {
        let seen = dir.path().join("card-builtin.new.png");
        both.save(&seen).unwrap();
        let keep = std::env::temp_dir().join("card-builtin.new.png");
        let _ = std::fs::copy(&seen, &keep);
        panic!(
            "{:.1}% of the card's pixels differ from tests/snapshots/card-builtin.png; the new picture is {}",
            share * 100.0,
            keep.display()
        );
    }
}
