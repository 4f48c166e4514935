//! Helpers shared by the integration tests: a store folder of its own per test, the real
//! binary run as a separate process, and made-up applicants.
// Each test binary uses some helpers; `Site::new` makes a fresh folder, which `Default` would hide.
#![allow(dead_code, clippy::new_without_default)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_loket");

/// 09:00 in Jakarta on the day these tests pretend it is.
pub const MORNING: &str = "2026-11-28T02:00:00Z";

pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Default for Site {
    fn default() -> Self {
        Site::new()
    }
}

impl Site {
    pub fn new() -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("loket.toml"),
            "timezone = \"Asia/Jakarta\"\n",
        )
        .unwrap();
        Site { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn store_file(&self) -> PathBuf {
        self.dir.path().join("loket.redb")
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::new(BIN);
        c.env("LOKET_DATA_DIR", self.path())
            .env("LOKET_NOW", MORNING)
            .env("LOKET_TERMINAL", "loket-test")
            .env("USER", "petugas1")
            .env_remove("LOKET_LANG")
            // The developer's own log level would add lines to the stderr tests read.
            .env_remove("RUST_LOG");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("loket runs")
    }

    /// Runs and insists on success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "loket {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).expect("json output")
    }

    /// Registers a made-up applicant through the CLI; returns the member number.
    pub fn add(&self, name: &str, nik: &str, birth: &str, sex: &str) -> String {
        self.ok(&add_args(name, nik, birth, sex)).trim().to_string()
    }
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `member add` for a made-up applicant born in Sidoarjo, with a phone number; tests push
/// more flags or replace one with `with`.
pub fn add_args<'a>(name: &'a str, nik: &'a str, birth: &'a str, sex: &'a str) -> Vec<&'a str> {
    vec![
        "member",
        "add",
        "--name",
        name,
        "--nik",
        nik,
        "--birth-place",
        "Sidoarjo",
        "--birth-date",
        birth,
        "--sex",
        sex,
        "--address",
        "Jl. Contoh 1",
        "--mother",
        "Ibu Rekaan",
        "--phone",
        "081234567890",
    ]
}

/// The arguments with `flag`'s value replaced (or the flag removed, for `None`).
pub fn with<'a>(mut args: Vec<&'a str>, flag: &str, value: Option<&'a str>) -> Vec<&'a str> {
    if let Some(at) = args.iter().position(|a| *a == flag) {
        match value {
            Some(v) => args[at + 1] = v,
            None => {
                args.drain(at..at + 2);
            }
        }
    }
    args
}
