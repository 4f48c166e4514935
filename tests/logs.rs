//! The log at its most talkative never holds a NIK or a mother's name: the real binary, the
//! web form and the command line, at `trace` (every crate's every line), read back from
//! stderr. Each test also finds the lines it expects, so an empty log cannot pass. Every
//! person and NIK here is made up.

mod common;
mod webclient;

use common::{Site, add_args, stderr};
use webclient::{Browser, Server, applicant, nik, photo_jpeg};

/// The mother's names the helpers type (`Ibu Rekaan`, `Ibu Rekaan Rahasia`).
const MOTHER: &str = "Rekaan";

fn assert_clean(log: &str, niks: &[String]) {
    for n in niks {
        assert!(
            !log.contains(n.as_str()),
            "a whole NIK {n} in the log:\n{log}"
        );
    }
    assert!(
        !log.contains(MOTHER),
        "the mother's name in the log:\n{log}"
    );
}

#[test]
fn the_web_form_at_trace_logs_the_registration_without_nik_or_mother() {
    let site = Site::new();
    // The level from the config key, the way an administrator sets it.
    let config = site.path().join("loket.toml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str("\n[log]\nlevel = \"trace\"\n");
    std::fs::write(&config, text).unwrap();
    let server = Server::start(&site, "");

    let b = Browser::open(server.addr, "/");
    let (_, no) = b.register(&applicant("Budi Santoso", 1), &photo_jpeg());
    // The same NIK again (refused as a duplicate), and a form with a field wrong.
    let again = Browser::open(server.addr, "/");
    again.send(&applicant("Budi Santoso", 1), Some(&photo_jpeg()));
    let bad = Browser::open(server.addr, "/");
    bad.send(&applicant("", 2), Some(&photo_jpeg()));

    let log = server.log();
    assert!(
        log.contains(&format!("loket::web: registered {no}")),
        "{log}"
    );
    assert!(log.contains("rejected duplicate-nik"), "{log}");
    assert!(log.contains("rejected invalid"), "{log}");
    // The config's level is on: below info, the service's own line for the registration.
    assert!(
        log.contains(&format!(
            "DEBUG loket::service: member registered member={no}"
        )),
        "{log}"
    );
    assert!(log.contains("3515********0001"), "{log}");
    assert_clean(&log, &[nik(1), nik(2)]);
}

#[test]
fn the_command_line_with_rust_log_trace_logs_steps_without_nik_or_mother() {
    let site = Site::new();
    let the_nik = "3515125703050002";
    let run = |args: &[&str]| {
        let out = site
            .cmd()
            .env("RUST_LOG", "trace")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr(&out),
        )
    };
    let (no, added) = run(&add_args("Siti Rahayu", the_nik, "17-03-2005", "P"));
    let no = no.trim();
    assert!(added.contains("member registered"), "{added}");
    assert!(added.contains(no), "{added}");
    let (_, shown) = run(&["member", "show", no]);
    let (_, listed) = run(&["request", "list"]);
    assert_clean(&format!("{added}{shown}{listed}"), &[the_nik.to_string()]);
}

#[test]
fn without_rust_log_a_command_says_only_its_message() {
    let site = Site::new();
    let out = site
        .cmd()
        .env_remove("RUST_LOG")
        .args(add_args(
            "Siti Rahayu",
            "3515125703050002",
            "17-03-2005",
            "P",
        ))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!err.contains("member registered"), "{err}");
    assert!(!err.contains(" INFO "), "{err}");
}

#[test]
fn a_full_screen_program_logs_to_its_private_file_not_over_the_screen() {
    use std::os::unix::fs::PermissionsExt;
    use std::process::Command;
    use std::time::{Duration, Instant};

    let site = Site::new();
    let socket = format!("loket-logs-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .output()
            .expect("tmux is installed (apt-get install tmux)")
    };
    let cmd = format!(
        "env LOKET_DATA_DIR='{}' LOKET_NOW={} TERM=xterm-256color RUST_LOG=debug {} frontdesk",
        site.path().display(),
        common::MORNING,
        common::BIN
    );
    let started = tmux(&["-f", "/dev/null", "new-session", "-d", "-s", "t"]);
    assert!(started.status.success(), "{started:?}");
    tmux(&["respawn-pane", "-k", "-t", "t", &cmd]);

    let file = site.path().join("loket.log");
    let deadline = Instant::now() + Duration::from_secs(10);
    let log = loop {
        let log = std::fs::read_to_string(&file).unwrap_or_default();
        if log.contains("front desk screen starting") {
            break log;
        }
        if Instant::now() > deadline {
            tmux(&["kill-server"]);
            panic!("no log line in {}: {log:?}", file.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    std::thread::sleep(Duration::from_millis(500));
    let pane =
        String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned();
    tmux(&["kill-server"]);
    assert!(log.contains("loket::cli::frontdesk"), "{log}");
    assert!(
        !pane.contains("loket::"),
        "a log line on the screen:\n{pane}"
    );
    assert!(!pane.trim().is_empty(), "the screen is drawn");
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the log file is private");
}
