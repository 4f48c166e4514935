//! Helpers shared by the integration tests: a store folder of its own per test, the real
//! binary run as a separate process, and made-up applicants.
// Each test binary uses some helpers; `Site::new` makes a fresh folder, which `Default` would hide.
#![allow(dead_code, clippy::new_without_default)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use loket::store::Store;

pub const BIN: &str = env!("CARGO_BIN_EXE_loket");

/// 09:00 in Jakarta on the day these tests pretend it is.
pub const MORNING: &str = "2026-11-28T02:00:00Z";

pub struct Site {
    pub dir: tempfile::TempDir,
    /// A PostgreSQL store (its URL) instead of the folder's redb file.
    pub store_url: Option<String>,
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
        Site {
            dir,
            store_url: None,
        }
    }

    /// A site on redb, and one on a fresh PostgreSQL schema when `LOKET_TEST_PG` is set: the
    /// same test body runs on each.
    pub fn each(name: &str) -> Vec<Site> {
        let mut all = vec![Site::new()];
        if let Some(url) = database() {
            let mut pg = Site::new();
            pg.store_url = Some(fresh_schema(&url, name));
            all.push(pg);
        }
        all
    }

    /// The site's store, opened as another process opens it.
    pub fn open_store(&self) -> Store {
        match &self.store_url {
            Some(url) => open_target(url, self.path()),
            None => open_target(&self.store_file().display().to_string(), self.path()),
        }
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
            .env_remove("LOKET_STORE")
            // The developer's own log level would add lines to the stderr tests read.
            .env_remove("RUST_LOG");
        if let Some(url) = &self.store_url {
            c.env("LOKET_STORE", url);
        }
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

/// The PostgreSQL database the tests may use (`LOKET_TEST_PG`; `bash .ci/setup-postgres.sh`
/// starts one), or `None`, said on stderr, when it is unset.
pub fn database() -> Option<String> {
    let url = std::env::var("LOKET_TEST_PG").ok();
    if url.is_none() {
        eprintln!(
            "skipped on PostgreSQL: LOKET_TEST_PG is not set (bash .ci/setup-postgres.sh makes one)"
        );
    }
    url
}

/// A fresh schema of its own in the database at `url`, and the URL that works in it.
pub fn fresh_schema(url: &str, name: &str) -> String {
    let schema = format!("f_{name}_{}", std::process::id());
    let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
    c.batch_execute(&format!(
        "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
    ))
    .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-c%20search_path%3D{schema}")
}

/// Where a test's store lives, so that one test body runs on each backend: a redb file in the
/// test's folder, or a PostgreSQL schema of its own (files such as card PDFs still go to the
/// folder).
pub struct TestStore {
    /// The redb file's path or the PostgreSQL URL, as `--store`/`LOKET_STORE` take it.
    pub target: String,
    pub dir: PathBuf,
}

impl TestStore {
    /// The redb store in `dir`, and, when `LOKET_TEST_PG` is set, a fresh PostgreSQL one named
    /// after the test.
    pub fn each(dir: &Path, name: &str) -> Vec<TestStore> {
        let mut all = vec![TestStore {
            target: dir.join("loket.redb").display().to_string(),
            dir: dir.to_path_buf(),
        }];
        if let Some(url) = database() {
            all.push(TestStore {
                target: fresh_schema(&url, name),
                dir: dir.to_path_buf(),
            });
        }
        all
    }

    pub fn open(&self) -> Store {
        open_target(&self.target, &self.dir)
    }

    pub fn backend(&self) -> &'static str {
        if self.target.starts_with("postgres") {
            "postgres"
        } else {
            "redb"
        }
    }
}

/// The store a target names: a PostgreSQL URL, else a redb file path.
pub fn open_target(target: &str, dir: &Path) -> Store {
    if loket::store::is_postgres_url(target) {
        Store::open_postgres(target, &dir.join("loket.redb")).expect("PostgreSQL store opens")
    } else {
        Store::open(Path::new(target)).expect("redb store opens")
    }
}
