//! The serial scanner task against a pseudo-terminal pair made by socat: the task opens the
//! `scanner` end as if it were the device, the test writes what a scanner would send into the
//! `host` end. Stopping socat makes the device vanish, as unplugging a USB scanner does.
//! socat is required (CI installs it); without it these tests fail, they do not skip.

use std::time::Duration;

use loket::scanner::serial::{self, ScannerEvent};
use loket::scanner::{DisconnectReason, ScannerConfig, Suffix};
use tokio::sync::mpsc;

mod socat;
use socat::{Socat, WAIT};

struct Rig {
    _dir: tempfile::TempDir,
    socat: Socat,
    rx: mpsc::Receiver<ScannerEvent>,
}

/// socat up, the scanner task running on its `scanner` end, and the first event (Connected)
/// already checked.
async fn rig(f: impl FnOnce(&mut ScannerConfig)) -> Rig {
    let dir = tempfile::tempdir().unwrap();
    let socat = Socat::start(dir.path());
    let mut config = ScannerConfig {
        port: Some(socat.scanner.display().to_string()),
        ..ScannerConfig::default()
    };
    f(&mut config);
    let (tx, rx) = mpsc::channel(16);
    let _task = serial::spawn(config, tx);
    let mut rig = Rig {
        _dir: dir,
        socat,
        rx,
    };
    rig.expect(ScannerEvent::Connected).await;
    rig
}

impl Rig {
    async fn next(&mut self) -> ScannerEvent {
        tokio::time::timeout(WAIT, self.rx.recv())
            .await
            .unwrap_or_else(|_| panic!("no scanner event within {WAIT:?}"))
            .expect("the scanner task ended")
    }

    /// The very next event is `want`: nothing extra came before it.
    async fn expect(&mut self, want: ScannerEvent) {
        assert_eq!(self.next().await, want);
    }

    async fn expect_scan(&mut self, code: &str) {
        self.expect(ScannerEvent::Scan(code.into())).await;
    }
}

async fn pause(ms: u64) {
    tokio::time::sleep(Duration::from_millis(ms)).await;
}

#[tokio::test]
async fn suffix_cr() {
    let mut r = rig(|c| c.suffix = Suffix::Cr).await;
    r.socat.send(b"25011500007\r");
    r.expect_scan("25011500007").await;
    r.socat.send(b"A1\rB2\r");
    r.expect_scan("A1").await;
    r.expect_scan("B2").await;
}

#[tokio::test]
async fn suffix_lf() {
    let mut r = rig(|c| c.suffix = Suffix::Lf).await;
    r.socat.send(b"25011500007\nB2\n");
    r.expect_scan("25011500007").await;
    r.expect_scan("B2").await;
}

#[tokio::test]
async fn suffix_crlf() {
    let mut r = rig(|c| c.suffix = Suffix::Crlf).await;
    r.socat.send(b"25011500007\r\nB2\r\n");
    r.expect_scan("25011500007").await;
    r.expect_scan("B2").await;
}

#[tokio::test]
async fn suffix_none_ends_a_code_when_the_line_goes_quiet() {
    let mut r = rig(|c| {
        c.suffix = Suffix::None;
        c.idle_ms = 50;
    })
    .await;
    r.socat.send(b"25011500007");
    // Well past idle_ms: the first code must come out on its own, not glued to the second.
    pause(300).await;
    r.socat.send(b"B2");
    r.expect_scan("25011500007").await;
    r.expect_scan("B2").await;
}

#[tokio::test]
async fn a_code_split_across_two_writes_is_joined() {
    let mut r = rig(|_| ()).await;
    r.socat.send(b"250115");
    pause(150).await;
    r.socat.send(b"00007\r");
    r.expect_scan("25011500007").await;
}

#[tokio::test]
async fn garbage_is_removed_and_noise_frames_and_empty_frames_dropped() {
    let mut r = rig(|_| ()).await;
    r.socat.send(b"\x00\xff12345\x07\r");
    r.expect_scan("12345").await;
    // Pure noise, a mostly-noise frame and empty frames: none may reach the screen, so the
    // marker scan must be the very next event.
    r.socat.send(b"\x01\x02\xfe\r\xe07\x80\x1b\r\r\r");
    r.socat.send(b"MARK\r");
    r.expect_scan("MARK").await;
}

#[tokio::test]
async fn aim_identifier_and_prefix_are_stripped() {
    let mut r = rig(|c| {
        c.strip_aim = true;
        c.strip_prefix = Some("LKT".into());
    })
    .await;
    r.socat.send(b"]C025011500007\r");
    r.expect_scan("25011500007").await;
    r.socat.send(b"LKT]Q1REQ-0042\r");
    r.expect_scan("REQ-0042").await;
}

#[tokio::test]
async fn unplug_is_reported_and_scanning_resumes_after_replug() {
    let mut r = rig(|_| ()).await;
    r.socat.send(b"BEFORE\r");
    r.expect_scan("BEFORE").await;

    r.socat.unplug();
    match r.next().await {
        ScannerEvent::Disconnected {
            reason: DisconnectReason::Lost { .. },
        } => {}
        other => panic!("expected Disconnected(Lost) after the unplug, got {other:?}"),
    }
    // Unplugged for a while: the task keeps retrying without flooding the screen.
    pause(1200).await;
    assert!(
        r.rx.try_recv().is_err(),
        "no event expected while the scanner stays unplugged"
    );

    // Replug: same link names, a new pty behind them, as a replugged USB scanner gets.
    let dir = r.socat.scanner.parent().unwrap().to_path_buf();
    r.socat = Socat::start(&dir);
    r.expect(ScannerEvent::Connected).await;
    r.socat.send(b"AFTER\r");
    r.expect_scan("AFTER").await;
}

#[tokio::test]
async fn a_scanner_plugged_in_after_start_is_picked_up() {
    let dir = tempfile::tempdir().unwrap();
    let config = ScannerConfig {
        port: Some(dir.path().join("scanner").display().to_string()),
        ..ScannerConfig::default()
    };
    let (tx, rx) = mpsc::channel(16);
    let _task = serial::spawn(config, tx);
    // No socat yet: the clerk is told to plug the scanner in.
    let mut r = Rig {
        socat: Socat {
            child: None,
            scanner: dir.path().join("scanner"),
            host: dir.path().join("host"),
        },
        rx,
        _dir: dir,
    };
    r.expect(ScannerEvent::Disconnected {
        reason: DisconnectReason::NotFound,
    })
    .await;
    let d = r.socat.scanner.parent().unwrap().to_path_buf();
    r.socat = Socat::start(&d);
    r.expect(ScannerEvent::Connected).await;
    r.socat.send(b"25011500007\r");
    r.expect_scan("25011500007").await;
}
