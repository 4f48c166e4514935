//! The photo sources end to end: a configured capture command run for real, and the inbox
//! folder a camera or phone drops files into. Images are generated here, never committed.

use std::fs::{File, FileTimes};
use std::io::Cursor;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use image::{ImageFormat, Rgb, RgbImage};
use loket::i18n::{Lang, Localized};
use loket::photo::source::{capture, newest_in_inbox, read_file};
use loket::photo::{Edit, Limits, PhotoConfig, PhotoError, decode, process};

/// A 640×480 "webcam frame": grey with a red block where a face would be.
fn frame_png() -> Vec<u8> {
    let img = RgbImage::from_fn(640, 480, |x, y| {
        if (270..370).contains(&x) && (60..200).contains(&y) {
            Rgb([220, 30, 30])
        } else {
            Rgb([120, 120, 120])
        }
    });
    let mut png = Vec::new();
    img.write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .unwrap();
    png
}

fn quote(p: &Path) -> String {
    format!("'{}'", p.display())
}

const TIMEOUT: Duration = Duration::from_secs(10);

#[test]
fn a_capture_command_writes_the_photo_and_it_goes_through_to_the_stored_jpeg() {
    let dir = tempfile::tempdir().unwrap();
    let camera_output = dir.path().join("kamera.png");
    std::fs::write(&camera_output, frame_png()).unwrap();
    // An output path with a space and shell syntax in it: it must arrive as one argument.
    let out = dir.path().join("foto loket; $(id).png");
    // The "camera" is a shell script taking its file arguments the way a wrapper script would.
    let template = format!(
        "sh -c 'cat \"$0\" > \"$1\"' {} {{out}}",
        quote(&camera_output)
    );
    let bytes = capture(&template, &out, TIMEOUT).unwrap();
    assert_eq!(bytes, frame_png());

    let img = decode(&bytes, &Limits::default()).unwrap();
    let edit = Edit::initial(img.width(), img.height());
    let stored = process(
        &bytes,
        &Limits::default(),
        Some(&edit),
        &PhotoConfig::default(),
    )
    .unwrap();
    assert_eq!((stored.width, stored.height), (600, 800));
    assert!(stored.jpeg.len() <= 150 * 1024);
    let back = decode(&stored.jpeg, &Limits::default()).unwrap();
    assert_eq!(back.dimensions(), (600, 800));
    // The initial box is centred on the upper part: the red "face" lands top-centre.
    let p = back.get_pixel(300, 250).0;
    assert!(p[0] > 180 && p[1] < 80, "top-centre is {p:?}");
}

#[test]
fn a_plain_program_with_out_as_argument_works_too() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src.png");
    std::fs::write(&src, frame_png()).unwrap();
    let out = dir.path().join("out.png");
    let bytes = capture(&format!("cp {} {{out}}", quote(&src)), &out, TIMEOUT).unwrap();
    assert_eq!(bytes.len(), frame_png().len());
}

#[test]
fn a_failing_camera_reports_its_own_last_words() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jpg");
    let err = capture(
        "sh -c 'echo warming up >&2; echo no video device >&2; exit 3' sh {out}",
        &out,
        TIMEOUT,
    )
    .unwrap_err();
    match &err {
        PhotoError::CaptureFailed { program, code, .. } => {
            assert_eq!(program, "sh");
            assert_eq!(*code, Some(3));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.localized(Lang::Id).contains("no video device"));
    assert!(err.localized(Lang::En).contains("no video device"));
}

#[test]
fn a_camera_that_writes_nothing_is_reported_and_an_old_photo_is_not_reused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.png");
    // The previous applicant's photo is still there.
    std::fs::write(&out, frame_png()).unwrap();
    let err = capture("sh -c 'exit 0' sh {out}", &out, TIMEOUT).unwrap_err();
    assert_eq!(
        err,
        PhotoError::CaptureNoOutput {
            program: "sh".into()
        }
    );
}

#[test]
fn a_hung_camera_is_stopped_at_the_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.png");
    let started = Instant::now();
    let err = capture(
        "sh -c 'sleep 30' sh {out}",
        &out,
        Duration::from_millis(300),
    )
    .unwrap_err();
    assert!(matches!(err, PhotoError::CaptureTimeout { .. }), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_missing_camera_program_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let err = capture(
        "loket-no-such-camera-program {out}",
        &dir.path().join("o.jpg"),
        TIMEOUT,
    )
    .unwrap_err();
    assert!(
        matches!(&err, PhotoError::CaptureStart { program, .. } if program == "loket-no-such-camera-program"),
        "{err:?}"
    );
}

fn write_at(path: &Path, bytes: &[u8], modified: SystemTime) {
    std::fs::write(path, bytes).unwrap();
    File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_times(FileTimes::new().set_modified(modified))
        .unwrap();
}

#[test]
fn the_inbox_gives_the_newest_photo_since_the_applicant_was_called() {
    let dir = tempfile::tempdir().unwrap();
    let now = SystemTime::now();
    let called = now - Duration::from_secs(60);
    let at = |secs_after_call: u64| called + Duration::from_secs(secs_after_call);
    let png = frame_png();
    // The previous applicant's photo, from before the call: never picked.
    write_at(
        &dir.path().join("DSC_0001.JPG"),
        &png,
        called - Duration::from_secs(30),
    );
    assert_eq!(newest_in_inbox(dir.path(), called).unwrap(), None);

    write_at(&dir.path().join("DSC_0002.JPG"), &png, at(10));
    write_at(&dir.path().join("IMG_0003.png"), &png, at(20));
    // Newer, but not photos: notes, hidden files, downloads still in progress.
    write_at(&dir.path().join("catatan.txt"), b"x", at(30));
    write_at(&dir.path().join(".IMG_0004.jpg"), &png, at(30));
    write_at(&dir.path().join("IMG_0005.jpg.part"), &png, at(30));
    write_at(&dir.path().join("IMG_0006.jpg.crdownload"), &png, at(30));
    std::fs::create_dir(dir.path().join("folder.jpg")).unwrap();

    let newest = newest_in_inbox(dir.path(), called).unwrap().unwrap();
    assert_eq!(newest.file_name().unwrap(), "IMG_0003.png");
    let bytes = read_file(&newest, &Limits::default()).unwrap();
    assert_eq!(decode(&bytes, &Limits::default()).unwrap().width(), 640);

    // A phone's HEIC photo is picked up, then refused by name rather than ignored.
    write_at(
        &dir.path().join("IMG_0007.HEIC"),
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
        at(40),
    );
    let newest = newest_in_inbox(dir.path(), called).unwrap().unwrap();
    let bytes = read_file(&newest, &Limits::default()).unwrap();
    assert_eq!(
        decode(&bytes, &Limits::default()),
        Err(PhotoError::Unsupported { format: "HEIC" })
    );
}

#[test]
fn a_missing_inbox_or_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("tidak-ada");
    assert!(matches!(
        newest_in_inbox(&gone, SystemTime::UNIX_EPOCH),
        Err(PhotoError::FileNotFound { .. })
    ));
    assert!(matches!(
        read_file(&gone, &Limits::default()),
        Err(PhotoError::FileNotFound { .. })
    ));
}

#[test]
fn a_file_over_the_limit_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("besar.jpg");
    // A sparse 30 MB file: the size is known from the metadata alone.
    File::create(&path)
        .unwrap()
        .set_len(30 * 1024 * 1024)
        .unwrap();
    assert_eq!(
        read_file(&path, &Limits::default()),
        Err(PhotoError::TooLarge {
            bytes: 30 * 1024 * 1024,
            max: 20 * 1024 * 1024
        })
    );
}
