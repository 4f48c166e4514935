//! Adding a language is adding a folder: a test language under `LOKET_LOCALES` speaks through the
//! real binary, falls back to Indonesian for what it has not translated yet, can correct a word
//! of a shipped language, and an unknown `--lang` is refused with the choices instead of being
//! quietly replaced by another language.

mod common;

use common::{Site, stderr};
use std::path::Path;

/// A made-up test language. Its messages carry a marker no shipped catalogue has, so a match
/// proves the text came from this folder.
const TEST_LANG: &str = "jv";

fn write(dir: &Path, lang: &str, file: &str, text: &str) {
    let folder = dir.join(lang);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join(file), text).unwrap();
}

fn run(site: &Site, locales: &Path, args: &[&str]) -> std::process::Output {
    site.cmd()
        .env("LOKET_LOCALES", locales)
        .args(args)
        .output()
        .expect("loket runs")
}

#[test]
fn a_language_folder_speaks_and_falls_back_to_indonesian_for_the_rest() {
    let site = Site::new();
    let locales = tempfile::tempdir().unwrap();
    write(
        locales.path(),
        TEST_LANG,
        "report.ftl",
        "report-labels-daily-report-membership-cards = [jv] Laporan Saben Dina\n",
    );
    write(
        locales.path(),
        TEST_LANG,
        "cli.ftl",
        "cli-report-format-unknown = [jv] Format '{ $format }' ora dikenal.\n",
    );

    let out = run(
        &site,
        locales.path(),
        &[
            "--lang",
            TEST_LANG,
            "report",
            "daily",
            "--date",
            "2026-11-28",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("[jv] Laporan Saben Dina"), "{text}");
    // Not translated in the test folder: said in Indonesian, never as a bare message id.
    assert!(text.contains("Tidak ada pendaftaran"), "{text}");
    assert!(!text.contains("report-text-"), "{text}");

    // A message with a variable: the variable is filled in by the folder's own wording.
    let out = run(
        &site,
        locales.path(),
        &["--lang", TEST_LANG, "report", "daily", "--format", "bogus"],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("[jv] Format 'bogus' ora dikenal."),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_folder_named_for_a_shipped_language_corrects_one_message_and_keeps_the_others() {
    let site = Site::new();
    let locales = tempfile::tempdir().unwrap();
    write(
        locales.path(),
        "en",
        "fix.ftl",
        "report-labels-daily-report-membership-cards = Daily Report of Library Cards\n",
    );
    let out = run(
        &site,
        locales.path(),
        &["--lang", "en", "report", "daily", "--date", "2026-11-28"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Daily Report of Library Cards"), "{text}");
    assert!(text.contains("No registrations"), "{text}");
}

#[test]
fn an_unknown_language_is_refused_with_the_choices() {
    let site = Site::new();
    let locales = tempfile::tempdir().unwrap();
    write(
        locales.path(),
        TEST_LANG,
        "cli.ftl",
        "cli-x-test = [jv] x\n",
    );
    let out = run(&site, locales.path(), &["--lang", "zz", "status"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("'zz'"), "{err}");
    assert!(err.contains("id, en, jv"), "{err}");
    // Nothing else ran: no store was made for a command that never started.
    assert!(!site.store_file().exists());
}
