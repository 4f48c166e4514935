//! socat joining two pseudo-terminals, for the tests that need a serial scanner: the scanner
//! task opens the `scanner` end as if it were the device, the test writes what a scanner would
//! send into the `host` end. Shared by tests/scanner.rs and tests/frontdesk.rs.
// Each test binary uses some of it.
#![allow(dead_code)]

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Upper bound for anything the test waits for; generous for a loaded CI machine.
pub const WAIT: Duration = Duration::from_secs(5);

/// A socat process joining two ptys, with stable link names like a udev rule gives.
pub struct Socat {
    pub child: Option<Child>,
    pub scanner: PathBuf,
    pub host: PathBuf,
}

impl Socat {
    pub fn start(dir: &Path) -> Socat {
        let scanner = dir.join("scanner");
        let host = dir.join("host");
        let child = Command::new("socat")
            .arg("-d")
            .arg("-d")
            .arg(format!("pty,raw,echo=0,link={}", scanner.display()))
            .arg(format!("pty,raw,echo=0,link={}", host.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start socat ({e}): the scanner tests need it. Install it \
                     (apt-get install socat); CI installs it."
                )
            });
        let mut s = Socat {
            child: Some(child),
            scanner,
            host,
        };
        s.wait_for_links();
        s
    }

    fn wait_for_links(&mut self) {
        let until = std::time::Instant::now() + WAIT;
        while !(self.scanner.exists() && self.host.exists()) {
            if let Some(status) = self
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                panic!("socat exited at once ({status}); run it by hand to see why");
            }
            assert!(
                std::time::Instant::now() < until,
                "socat made no pty links within {WAIT:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// What a scanner sends, in one write.
    pub fn send(&self, bytes: &[u8]) {
        let mut host = OpenOptions::new()
            .write(true)
            .open(&self.host)
            .expect("open the host end of the pty pair");
        host.write_all(bytes).expect("write to the host end");
        host.flush().unwrap();
    }

    /// The unplug: SIGTERM, so socat closes both ptys and removes its links, as udev removes
    /// `/dev/serial/by-id/…` when the cable is pulled.
    pub fn unplug(&mut self) {
        let mut child = self.child.take().expect("socat is running");
        let status = Command::new("kill")
            .arg("-TERM")
            .arg(child.id().to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -TERM socat failed");
        let until = std::time::Instant::now() + WAIT;
        while child.try_wait().unwrap().is_none() {
            assert!(
                std::time::Instant::now() < until,
                "socat did not exit on SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(!self.scanner.exists(), "socat left its scanner link behind");
    }
}

impl Drop for Socat {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}
