//! A print is claimed in the store before its job goes out: eight `loket card print` at once
//! send one job and record one print; a print killed while its job was out is recorded as
//! interrupted, never forgotten. A fake `lp` on PATH stands for CUPS; with LOKET_TEST_CUPS=1
//! the same race runs against the cups-pdf queue.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::{Site, stderr};
use loket::store::{PrintOutcome, Store};

const NIK: &str = "3515015703050002";

/// A verified request, ready to print.
fn verified(site: &Site) -> String {
    let no = site.add("Siti Rahayu", NIK, "2005-03-17", "P");
    site.ok(&["request", "call", &no]);
    let photo = site.path().join("kamera.jpg");
    std::fs::write(&photo, loket::service::demo::portrait("x")).unwrap();
    site.ok(&["photo", "import", &no, photo.to_str().unwrap()]);
    site.ok(&["request", "verify", &no]);
    no
}

/// A folder with an `lp` that logs the file it was given, waits `secs` (a slow spooler
/// widens the race), and answers as CUPS does.
fn fake_lp(site: &Site, secs: &str) -> (PathBuf, PathBuf) {
    let bin = site.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = site.path().join("lp.log");
    let script = format!(
        "#!/bin/sh\nfor last; do :; done\necho \"$last\" >> {}\nsleep {secs}\necho \"request id is fake-$$ (1 file(s))\"\n",
        log.display()
    );
    let lp = bin.join("lp");
    std::fs::write(&lp, script).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).unwrap();
    (bin, log)
}

fn print_with(site: &Site, bin: &Path, no: &str, printer: &str) -> Child {
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    site.cmd()
        .env("PATH", path)
        .args(["card", "print", no, "--printer", printer])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn prints_recorded(site: &Site, no: &str) -> u64 {
    site.json(&["request", "show", no, "--json"])["request"]["print_count"]
        .as_u64()
        .unwrap()
}

/// Eight prints at once: one job out, one print recorded, the seven others told why.
fn race(site: &Site, bin: &Path, no: &str, printer: &str) -> usize {
    let children: Vec<Child> = (0..8).map(|_| print_with(site, bin, no, printer)).collect();
    let mut sent = 0;
    for c in children {
        let out = c.wait_with_output().unwrap();
        if out.status.success() {
            sent += 1;
        } else {
            let msg = stderr(&out);
            assert!(
                msg.contains("sedang dicetak") || msg.contains("belum bisa dicetak"),
                "{msg}"
            );
        }
    }
    sent
}

#[test]
fn eight_prints_at_once_send_one_job_and_record_it() {
    let site = Site::new();
    let no = verified(&site);
    let (bin, log) = fake_lp(&site, "0.3");
    assert_eq!(race(&site, &bin, &no, "fake"), 1);
    let jobs = std::fs::read_to_string(&log).unwrap();
    assert_eq!(jobs.lines().count(), 1, "{jobs}");
    assert_eq!(prints_recorded(&site, &no), 1);
    let store = Store::open(&site.store_file()).unwrap();
    let attempts = store.print_attempts().unwrap();
    assert_eq!(attempts.len(), 1, "{attempts:?}");
    assert!(matches!(attempts[0].outcome, PrintOutcome::Printed { .. }));
    assert_eq!(attempts[0].pdf, jobs.trim());
    // A reprint is its own attempt with its own file: the first PDF is kept as it was.
    let first = std::fs::read(jobs.trim()).unwrap();
    site.cmd()
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .args([
            "card",
            "print",
            &no,
            "--printer",
            "fake",
            "--reprint-reason",
            "macet",
        ])
        .output()
        .unwrap();
    let attempts = store.print_attempts().unwrap();
    assert_eq!(attempts.len(), 2);
    assert_ne!(attempts[0].pdf, attempts[1].pdf);
    assert_eq!(std::fs::read(&attempts[0].pdf).unwrap(), first);
}

#[test]
fn a_refused_job_is_recorded_failed_and_the_card_can_be_printed_again() {
    let site = Site::new();
    let no = verified(&site);
    let out = site.run(&["card", "print", &no, "--printer", "no-such-printer-here"]);
    assert_eq!(out.status.code(), Some(1));
    let store = Store::open(&site.store_file()).unwrap();
    let attempts = store.print_attempts().unwrap();
    assert!(
        matches!(attempts[0].outcome, PrintOutcome::Failed { .. }),
        "{attempts:?}"
    );
    let (bin, log) = fake_lp(&site, "0");
    let out = print_with(&site, &bin, &no, "fake")
        .wait_with_output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(log).unwrap().lines().count(), 1);
    assert_eq!(prints_recorded(&site, &no), 1);
}

#[test]
fn a_print_killed_while_its_job_is_out_is_recorded_interrupted() {
    let site = Site::new();
    let no = verified(&site);
    let (bin, log) = fake_lp(&site, "30");
    let mut c = print_with(&site, &bin, &no, "fake");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !log.exists() {
        assert!(Instant::now() < deadline, "lp never ran");
        std::thread::sleep(Duration::from_millis(20));
    }
    // While the first is alive, a second print is refused: the card is on its way.
    let (fast, _) = fake_lp(&site, "30");
    let second = site.run(&["card", "print", &no, "--printer", "fake"]);
    assert!(
        stderr(&second).contains("sedang dicetak"),
        "{}",
        stderr(&second)
    );
    c.kill().unwrap();
    c.wait().unwrap();
    std::fs::write(
        fast.join("lp"),
        "#!/bin/sh\necho 'request id is fake-2 (1 file(s))'\n",
    )
    .unwrap();
    let out = print_with(&site, &bin, &no, "fake")
        .wait_with_output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let store = Store::open(&site.store_file()).unwrap();
    let outcomes: Vec<_> = store
        .print_attempts()
        .unwrap()
        .into_iter()
        .map(|a| a.outcome)
        .collect();
    assert!(
        matches!(outcomes[0], PrintOutcome::Interrupted),
        "{outcomes:?}"
    );
    assert!(
        matches!(outcomes[1], PrintOutcome::Printed { .. }),
        "{outcomes:?}"
    );
    let shown = site.ok(&["audit", "--subject", &no]);
    assert!(shown.contains("print-interrupted"), "{shown}");
    assert!(site.ok(&["card", "attempts"]).contains("terputus"));
}

#[test]
fn eight_prints_at_once_on_the_cups_pdf_queue_send_one_job() {
    if std::env::var("LOKET_TEST_CUPS").as_deref() != Ok("1") {
        eprintln!("CUPS test skipped: set LOKET_TEST_CUPS=1 after running .ci/setup-cups.sh");
        return;
    }
    let site = Site::new();
    let no = verified(&site);
    let empty = site.path().join("nobin");
    std::fs::create_dir_all(&empty).unwrap();
    assert_eq!(race(&site, &empty, &no, "loket-pdf"), 1);
    assert_eq!(prints_recorded(&site, &no), 1);
    let store = Store::open(&site.store_file()).unwrap();
    let attempts = store.print_attempts().unwrap();
    assert_eq!(attempts.len(), 1, "{attempts:?}");
    assert!(
        matches!(&attempts[0].outcome, PrintOutcome::Printed { job_id } if job_id.starts_with("loket-pdf-"))
    );
}
