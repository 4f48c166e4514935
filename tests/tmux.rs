//! The real binary in a real terminal: `loket` in a detached tmux session, driven by
//! send-keys and read by capture-pane. Catches what a TestBackend cannot: raw mode, the
//! alternate screen, the poll loop, and another process's registration appearing by itself.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, MORNING, Site};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(site: &Site, width: u16, height: u16) -> Tmux {
        Tmux::start_in(site, width, height, "TERM=xterm-256color")
    }

    /// With `env` (`NAME=value …`) for the program, the terminal type among them.
    fn start_in(site: &Site, width: u16, height: u16, env: &str) -> Tmux {
        let found = Command::new("tmux").arg("-V").output();
        assert!(
            found.is_ok_and(|o| o.status.success()),
            "tmux is not installed: install it (apt-get install tmux) to run this test"
        );
        // One tmux server per test: the tests of this file run at once.
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let socket = format!("loket-test-{}-{n}", std::process::id());
        let cmd = format!(
            "env LOKET_DATA_DIR='{}' LOKET_NOW={MORNING} LOKET_TERMINAL=loket-tmux {env} {BIN}",
            site.path().display()
        );
        let ok = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "t",
            ])
            .args(["-x", &width.to_string(), "-y", &height.to_string(), &cmd])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux new-session failed");
        Tmux { socket }
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend(keys);
        self.tmux(&args);
    }

    /// Literal text (`-l`), a character at a time at a typist's pace: a fast burst ending in
    /// Enter is what a keyboard-wedge scanner sends, and would be taken for a scan.
    fn text(&self, text: &str) {
        for c in text.chars() {
            self.tmux(&["send-keys", "-t", "t", "-l", &c.to_string()]);
            std::thread::sleep(Duration::from_millis(80));
        }
        std::thread::sleep(Duration::from_millis(100));
    }

    fn pane(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Waits up to 10 s for `needle` on the screen; fails with the screen as it is.
    fn wait_for(&self, needle: &str) {
        self.wait_for_line(needle, |_| true);
    }

    /// Waits up to 10 s for a line holding `needle` that `also` accepts; how long it took.
    fn wait_for_line(&self, needle: &str, also: impl Fn(&str) -> bool) -> Duration {
        let start = Instant::now();
        loop {
            let pane = self.pane();
            if pane.lines().any(|l| l.contains(needle) && also(l)) {
                return start.elapsed();
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited 10 s for {needle:?}; the screen:\n{pane}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn alive(&self) -> bool {
        self.tmux(&["has-session", "-t", "t"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

fn add_account(site: &Site, name: &str, role: &str) {
    let mut add = site
        .cmd()
        .args(["user", "add", name, "--role", role, "--password-stdin"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    add.stdin
        .take()
        .unwrap()
        .write_all(b"rahasia-123\n")
        .unwrap();
    assert!(add.wait().unwrap().success());
}

#[test]
fn sign_in_see_another_counter_s_registration_appear_and_quit() {
    let site = Site::new();
    add_account(&site, "rina", "staff");

    let t = Tmux::start(&site, 100, 30);
    t.wait_for("Nama akun");
    t.text("rina");
    t.keys(&["Enter"]);
    t.text("rahasia-123");
    t.keys(&["Enter"]);
    t.wait_for("Antrean kartu anggota");
    t.wait_for("Tidak ada permohonan");

    // Another process registers; the queue shows it with no key pressed.
    let no = site.add("Siti Rahayu", "3515125703050002", "2005-03-17", "P");
    t.wait_for(&no);
    t.wait_for("Siti Rahayu");

    // Help, then the language key.
    t.keys(&["F1"]);
    t.wait_for("Bantuan");
    t.keys(&["Space"]); // any key closes help (Escape could merge with the next key)
    t.keys(&["F2"]);
    t.wait_for("Card queue");

    t.keys(&["q"]);
    let start = Instant::now();
    while t.alive() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "loket did not exit on q:\n{}",
            t.pane()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_supervisor_watches_a_counter_s_steps_arrive_on_the_dashboard() {
    let site = Site::new();
    add_account(&site, "kasi", "supervisor");
    let no = site.add("Siti Rahayu", "3515125703050002", "2005-03-17", "P");
    let photo = site.path().join("foto.jpg");
    std::fs::write(&photo, loket::service::demo::portrait("siti")).unwrap();

    // A plain 80×24 terminal without colour, as over SSH from an old laptop.
    let t = Tmux::start_in(&site, 80, 24, "TERM=vt100 NO_COLOR=1");
    t.wait_for("Nama akun");
    t.text("kasi");
    t.keys(&["Enter"]);
    t.text("rahasia-123");
    t.keys(&["Enter"]);
    t.wait_for("Pengawasan layanan KTA");
    t.wait_for_line(&no, |l| l.contains("terdaftar"));

    // The counter (other processes) takes the steps; each shows on the dashboard by itself.
    let photo = photo.to_str().unwrap();
    let steps: [(&[&str], &str); 3] = [
        (&["request", "call", &no], "menunggu di loket"),
        (&["photo", "import", &no, photo], "sudah difoto"),
        (&["request", "verify", &no], "terverifikasi"),
    ];
    let mut took = Vec::new();
    for (args, state) in steps {
        site.ok(args);
        took.push(t.wait_for_line(&no, |l| l.contains(state)));
    }
    eprintln!("the dashboard showed each step after {took:?} (the tick is 250 ms)");
    let pane = t.pane();
    assert!(pane.contains("Petugas: shell:petugas1 4 langkah"), "{pane}");
    t.keys(&["q"]);
}
