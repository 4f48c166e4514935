//! The card as it comes out of the printer: PDFs checked with poppler (pdfinfo, pdftotext,
//! pdftoppm) and the barcodes read back by zbar, as a front-desk scanner would.
//! CUPS tests run only with LOKET_TEST_CUPS=1, after `.ci/setup-cups.sh`.

use std::path::{Path, PathBuf};
use std::process::Command;

use jiff::civil::date;
use loket::card::{
    CardData, LibraryInfo, PrintError, RenderOptions, SheetKind, Symbology, Template,
    default_rules, render_pdf,
};
use loket::domain::member::{
    Address, IdentityKind, IdentityNo, Member, MemberStatus, MotherName, Sex,
};
use loket::domain::member_no::MemberNo;
use loket::domain::member_type::MemberType;
use loket::domain::nik::Nik;
use loket::i18n::{Lang, Localized};

const NIK: &str = "3515011708900001";
const MOTHER: &str = "Sumiati Wulandari";

/// Runs a tool that CI installs; a missing tool fails the test with what to install.
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

fn photo_jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(600, 800, image::Rgb([176, 124, 92]));
    let mut buf = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, 85)
        .encode_image(&img)
        .unwrap();
    buf
}

fn member(no: &str, name: &str) -> Member {
    let today = date(2026, 11, 28);
    Member {
        member_no: MemberNo::new(no),
        full_name: name.into(),
        identity_kind: IdentityKind::Ktp,
        identity_no: IdentityNo(NIK.into()),
        nik: Some(Nik::parse(NIK, today).unwrap()),
        birth_place: "Sidoarjo".into(),
        birth_date: date(1990, 8, 17),
        sex: Sex::Male,
        address: Address {
            street: "Jl. Mawar 3".into(),
            ..Address::default()
        },
        phone: "081234567890".into(),
        email: String::new(),
        mother_name: MotherName(MOTHER.into()),
        occupation: String::new(),
        education: String::new(),
        institution: String::new(),
        member_type: "umum".into(),
        registered_at: "2026-11-28T02:00:00Z".parse().unwrap(),
        valid_until: Some(date(2028, 11, 28)),
        status: MemberStatus::Active,
        nik_mismatch_reason: None,
    }
}

const PEOPLE: [(&str, &str); 6] = [
    ("26112800001", "Siti Rahayu"),
    ("26112800002", "Bambang Hariyanto"),
    ("26112800003", "Dewi Lestari Ningsih"),
    ("26112800004", "Agus Salim"),
    ("26112800005", "Ni Made Ayu Kusuma"),
    ("26112800006", "Rudi Hartono"),
];

fn cards(n: usize) -> Vec<CardData> {
    let umum = &MemberType::defaults()[0];
    PEOPLE[..n]
        .iter()
        .map(|(no, name)| {
            CardData::from_member(
                &member(no, name),
                umum,
                Some(photo_jpeg()),
                Some(format!("{no}-01")),
            )
            .unwrap()
        })
        .collect()
}

fn library() -> LibraryInfo {
    LibraryInfo {
        name: "Dinas Perpustakaan dan Kearsipan Kabupaten Sidoarjo".into(),
        address: "Jl. Jaksa Agung Suprapto No. 5, Sidoarjo, Jawa Timur".into(),
        contact: vec![
            "Telp. (031) 8921234 · perpustakaan@sidoarjokab.go.id".into(),
            "perpustakaan.sidoarjokab.go.id · Instagram @perpussidoarjo".into(),
        ],
        rules: default_rules(),
        logo: None,
    }
}

fn render(n: usize, sheet: SheetKind, symbology: Symbology, dir: &Path) -> PathBuf {
    let opts = RenderOptions {
        symbology,
        sheet,
        ..RenderOptions::default()
    };
    let pdf = render_pdf(&cards(n), &library(), &Template::builtin(), &opts).unwrap();
    let path = dir.join(format!("{sheet:?}-{symbology:?}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    path
}

/// What a scanner reads off these people's first cards, sorted: with a 1D symbology the
/// member number (for SLiMS and INLISLite) and the QR code of the card serial beside it; with
/// QR the one code, the serial.
fn codes_of(people: &[(&str, &str)], symbology: Symbology) -> Vec<String> {
    let mut want: Vec<String> = people.iter().map(|(no, _)| format!("{no}-01")).collect();
    if symbology != Symbology::Qr {
        want.extend(people.iter().map(|(no, _)| no.to_string()));
    }
    want.sort();
    want
}

/// Page sizes in mm as pdfinfo reports them.
fn page_sizes_mm(pdf: &Path) -> Vec<(f64, f64)> {
    let info = run("pdfinfo", &["-f", "1", "-l", "999", pdf.to_str().unwrap()]);
    info.lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            let nums: Vec<f64> = l
                .split(':')
                .nth(1)
                .unwrap()
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (nums[0] * 25.4 / 72.0, nums[1] * 25.4 / 72.0)
        })
        .collect()
}

/// Every code zbar reads on page `page` rasterised at 300 dpi.
fn scan_page(pdf: &Path, page: usize) -> Vec<String> {
    let prefix = pdf.with_extension(format!("p{page}"));
    let p = page.to_string();
    run(
        "pdftoppm",
        &[
            "-r",
            "300",
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
    let png = prefix.with_extension(format!("p{page}.png"));
    let png = if png.exists() {
        png
    } else {
        PathBuf::from(format!("{}.png", prefix.display()))
    };
    let out = run("zbarimg", &["-q", "--raw", png.to_str().unwrap()]);
    out.lines().map(str::to_string).collect()
}

fn assert_private_data_absent(pdf: &Path) {
    let bytes = std::fs::read(pdf).unwrap();
    let text = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    for secret in [NIK, MOTHER] {
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret} is in the PDF bytes"
        );
        assert!(!text.contains(secret), "{secret} is in the PDF text");
    }
}

#[test]
fn a_single_card_is_id1_sized_readable_and_without_private_data() {
    let dir = tempfile::tempdir().unwrap();
    for symbology in Symbology::ALL {
        let pdf = render(1, SheetKind::Card, symbology, dir.path());
        let sizes = page_sizes_mm(&pdf);
        assert_eq!(sizes.len(), 2, "front and back");
        for (w, h) in sizes {
            assert!(
                (w - 85.60).abs() <= 0.1 && (h - 53.98).abs() <= 0.1,
                "{w} x {h} mm"
            );
        }
        let mut read = scan_page(&pdf, 1);
        read.sort();
        assert_eq!(read, codes_of(&PEOPLE[..1], symbology), "{symbology:?}");
        let text = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        assert!(
            text.contains(PEOPLE[0].1) && text.contains(PEOPLE[0].0),
            "{text}"
        );
        assert!(
            text.contains("KARTU ANGGOTA") && text.contains("28-11-2028"),
            "{text}"
        );
        assert_private_data_absent(&pdf);
    }
}

#[test]
fn every_card_on_an_a4_sheet_scans_in_every_symbology() {
    let dir = tempfile::tempdir().unwrap();
    for symbology in Symbology::ALL {
        let pdf = render(PEOPLE.len(), SheetKind::A4, symbology, dir.path());
        let sizes = page_sizes_mm(&pdf);
        assert_eq!(sizes.len(), 2, "a sheet of fronts and one of backs");
        for (w, h) in sizes {
            assert!(
                (w - 210.0).abs() <= 0.1 && (h - 297.0).abs() <= 0.1,
                "{w} x {h} mm"
            );
        }
        let mut read = scan_page(&pdf, 1);
        read.sort();
        let want = codes_of(&PEOPLE, symbology);
        assert_eq!(read, want, "{symbology:?}: zbarimg read {read:?}");
        let text = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        for (no, name) in PEOPLE {
            assert!(
                text.contains(no) && text.contains(name),
                "{name} / {no} missing"
            );
        }
        assert_private_data_absent(&pdf);
    }
}

#[test]
fn the_stored_jpeg_goes_into_the_pdf_byte_for_byte() {
    let jpeg = photo_jpeg();
    let pdf = render_pdf(
        &cards(1),
        &library(),
        &Template::builtin(),
        &RenderOptions::default(),
    )
    .unwrap();
    assert!(
        pdf.windows(jpeg.len()).any(|w| w == jpeg.as_slice()),
        "the photo was re-encoded"
    );
}

#[test]
fn a_sheet_started_part_way_leaves_the_used_slots_empty() {
    let dir = tempfile::tempdir().unwrap();
    let opts = RenderOptions {
        skip: 9,
        ..RenderOptions::default()
    };
    let pdf = render_pdf(&cards(2), &library(), &Template::builtin(), &opts).unwrap();
    let path = dir.path().join("skip.pdf");
    std::fs::write(&path, pdf).unwrap();
    // Slot 9 (last) on the first sheet, slot 0 on the next: two sheets, fronts and backs.
    assert_eq!(page_sizes_mm(&path).len(), 4);
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let code128 = Symbology::Code128;
    assert_eq!(sorted(scan_page(&path, 1)), codes_of(&PEOPLE[..1], code128));
    assert_eq!(
        sorted(scan_page(&path, 3)),
        codes_of(&PEOPLE[1..2], code128)
    );
    let too_far = RenderOptions {
        skip: 10,
        ..RenderOptions::default()
    };
    let e = render_pdf(&cards(1), &library(), &Template::builtin(), &too_far).unwrap_err();
    assert!(
        e.localized(Lang::Id).contains("1 sampai 10"),
        "{}",
        e.localized(Lang::Id)
    );
}

#[test]
fn a_member_not_yet_verified_has_no_card() {
    let mut m = member("26112800009", "Belum Verifikasi");
    m.valid_until = None;
    let e = CardData::from_member(&m, &MemberType::defaults()[0], None, None).unwrap_err();
    assert!(e.localized(Lang::Id).contains("verifikasi"));
}

fn cups_enabled() -> bool {
    if std::env::var("LOKET_TEST_CUPS").as_deref() == Ok("1") {
        return true;
    }
    eprintln!("CUPS test skipped: set LOKET_TEST_CUPS=1 after running .ci/setup-cups.sh");
    false
}

#[test]
fn printing_to_the_cups_pdf_queue_produces_the_pdf() {
    if !cups_enabled() {
        return;
    }
    let out_dir = PathBuf::from(
        std::env::var("LOKET_CUPS_PDF_OUT").unwrap_or_else(|_| "/var/spool/cups-pdf/loket".into()),
    );
    let dir = tempfile::tempdir().unwrap();
    let pdf = render_pdf(
        &cards(2),
        &library(),
        &Template::builtin(),
        &RenderOptions::default(),
    )
    .unwrap();
    let stem = format!("loketcard{}", std::process::id());
    let keep = loket::card::print::kept_pdf_path(dir.path(), &stem, 1);
    let job = loket::card::print::print_pdf("loket-pdf", &[], &pdf, &keep).unwrap();
    assert!(job.job_id.starts_with("loket-pdf-"), "{job:?}");
    assert!(keep.exists(), "the PDF is kept beside the request");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let found = std::fs::read_dir(&out_dir)
            .map(|entries| {
                entries
                    .flatten()
                    .find(|e| e.file_name().to_string_lossy().contains(&stem))
                    .map(|e| e.path())
            })
            .unwrap_or(None);
        if let Some(p) = found {
            // cups-pdf writes the file through Ghostscript: it is done once poppler can read
            // it whole.
            let complete = Command::new("pdfinfo")
                .arg(&p)
                .output()
                .is_ok_and(|o| o.status.success());
            if complete {
                assert_eq!(
                    page_sizes_mm(&p).len(),
                    2,
                    "an A4 sheet of fronts and of backs"
                );
                break;
            }
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no PDF with {stem} in {} after 30 s (job {}); see /var/log/cups/error_log",
            out_dir.display(),
            job.job_id
        );
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
}

#[test]
fn printing_to_a_printer_that_does_not_exist_fails_clearly() {
    if !cups_enabled() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let keep = dir.path().join("x.pdf");
    let e =
        loket::card::print::print_pdf("no-such-printer", &[], b"%PDF-1.7\n", &keep).unwrap_err();
    match &e {
        PrintError::Rejected { printer, message } => {
            assert_eq!(printer, "no-such-printer");
            assert!(message.contains("does not exist"), "{message}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(e.localized(Lang::Id).contains("lpstat -p"));
    assert!(keep.exists());
}

/// Left edges (mm) of the words `word` on page `page`, from `pdftotext -bbox`.
fn word_x_mm(pdf: &Path, page: usize, word: &str) -> Vec<f64> {
    let p = page.to_string();
    let html = run(
        "pdftotext",
        &["-bbox", "-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
    );
    html.lines()
        .filter(|l| l.contains(&format!(">{word}</word>")))
        .filter_map(|l| {
            let x = l.split("xMin=\"").nth(1)?.split('"').next()?;
            x.parse::<f64>().ok().map(|pt| pt * 25.4 / 72.0)
        })
        .collect()
}

#[test]
fn backs_are_mirrored_for_duplex_and_offsets_move_each_side() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("duplex.pdf");
    let plain = render_pdf(
        &cards(1),
        &library(),
        &Template::builtin(),
        &RenderOptions::default(),
    )
    .unwrap();
    std::fs::write(&path, plain).unwrap();
    // The card in the top-left slot: its front on the left half, its back on the right half.
    let front = word_x_mm(&path, 1, "KARTU");
    let back = word_x_mm(&path, 2, "KETENTUAN");
    assert!(front.len() == 1 && front[0] < 105.0, "front at {front:?}");
    assert!(back.len() == 1 && back[0] > 105.0, "back at {back:?}");

    let shifted = RenderOptions {
        offset_mm: (2.0, 0.0),
        back_offset_mm: (-1.5, 0.0),
        ..RenderOptions::default()
    };
    let pdf = render_pdf(&cards(1), &library(), &Template::builtin(), &shifted).unwrap();
    std::fs::write(&path, pdf).unwrap();
    let front2 = word_x_mm(&path, 1, "KARTU");
    let back2 = word_x_mm(&path, 2, "KETENTUAN");
    assert!(
        (front2[0] - front[0] - 2.0).abs() < 0.05,
        "{front:?} -> {front2:?}"
    );
    assert!(
        (back2[0] - back[0] + 1.5).abs() < 0.05,
        "{back:?} -> {back2:?}"
    );
}

#[test]
fn a_photo_that_is_not_a_jpeg_stops_the_job_with_what_to_do() {
    let mut c = cards(2);
    c[1].photo_jpeg = Some(b"GIF89a not a photo".to_vec());
    let e = render_pdf(
        &c,
        &library(),
        &Template::builtin(),
        &RenderOptions::default(),
    )
    .unwrap_err();
    let msg = e.localized(Lang::Id);
    assert!(
        msg.contains(PEOPLE[1].0) && msg.contains("Ambil ulang"),
        "{msg}"
    );
}
