//! The process's log: one `tracing` subscriber, set up once at start by [`init`].
//!
//! The level is `RUST_LOG` when it is set (and understood), else `[log] level` in the config
//! (default `info`). Both take `EnvFilter` directives: a level (`debug`) or levels per target
//! (`info,loket::web=debug`). Every line names its target, the module that logged it
//! (`loket::web`, `loket::scanner::serial`), and is plain text: colours only when stderr is a
//! terminal, no timestamp when journald keeps the stream (it stamps each line itself).
//!
//! Whatever a caller writes, a run of 16 or more digits (a NIK, or a member number made from
//! one under member-number format 4) leaves this module masked like the screens mask it.

use std::fs::OpenOptions;
use std::io::{self, IsTerminal, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

/// `[log]` in `loket.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LogConfig {
    /// `EnvFilter` directives; `RUST_LOG` wins over it.
    pub level: String,
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            level: "info".into(),
        }
    }
}

/// The file the full-screen programs log to, in the data folder beside the store.
pub const LOG_FILE: &str = "loket.log";

/// Where the lines go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sink {
    /// Commands and `loket serve`: stderr, which systemd hands to journald.
    Stderr,
    /// The counter, kiosk and front-desk screens own the terminal: a line on stderr would be
    /// drawn over them and stay there until the next full redraw. Their logs go to this file
    /// (private like the store, since it names members by number) at the configured level,
    /// so a scanner that keeps dropping out can still be read about afterwards. Turning them
    /// off below `warn` was the other choice, but a warning has nowhere to go on that screen
    /// either. When the file cannot be opened, nothing is logged: never onto the screen.
    File(PathBuf),
}

impl Sink {
    /// The file sink in the folder of `store_file`.
    pub fn beside_store(store_file: &Path) -> Sink {
        let dir = store_file.parent().unwrap_or(Path::new("."));
        Sink::File(dir.join(LOG_FILE))
    }
}

/// The filter's directives: `RUST_LOG` when set and valid, else the config's, else `info`.
/// The second value is a config level that was not understood, to be warned about.
fn directives(config: &LogConfig, rust_log: Option<&str>) -> (String, Option<String>) {
    if let Some(env) = rust_log.map(str::trim).filter(|s| !s.is_empty())
        && EnvFilter::try_new(env).is_ok()
    {
        return (env.to_string(), None);
    }
    let level = config.level.trim();
    if EnvFilter::try_new(level).is_ok() && !level.is_empty() {
        (level.to_string(), None)
    } else {
        ("info".into(), Some(config.level.clone()))
    }
}

/// Sets up the subscriber. A second call (tests that run `cli::main` twice) leaves the first.
pub fn init(config: &LogConfig, sink: &Sink) {
    let rust_log = std::env::var("RUST_LOG").ok();
    let (wanted, bad) = directives(config, rust_log.as_deref());
    let filter = || EnvFilter::new(&wanted);
    let builder = || {
        tracing_subscriber::fmt()
            .with_env_filter(filter())
            .with_target(true)
    };
    match sink {
        Sink::Stderr => {
            let ansi = io::stderr().is_terminal();
            let b = builder()
                .with_ansi(ansi)
                .with_writer(Masked(io::stderr as fn() -> io::Stderr));
            // systemd sets JOURNAL_STREAM for a unit whose stderr is the journal.
            let _ = if std::env::var_os("JOURNAL_STREAM").is_some() {
                b.without_time().try_init()
            } else {
                b.try_init()
            };
        }
        Sink::File(path) => match open_log_file(path) {
            Ok(file) => {
                let _ = builder()
                    .with_ansi(false)
                    .with_writer(Masked(Mutex::new(file)))
                    .try_init();
            }
            Err(_) => return,
        },
    }
    if let Some(bad) = bad {
        tracing::warn!(level = %bad, "[log] level is not understood; logging at info");
    }
}

/// Opens the log file for appending, with the store's file mode (0600, or 0660 for the staff
/// group), making the data folder privately if it is not there yet.
fn open_log_file(path: &Path) -> io::Result<std::fs::File> {
    if let Some(dir) = path.parent() {
        crate::fsutil::private_dir(dir)?;
    }
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .mode(crate::fsutil::file_mode())
        .open(path)?;
    crate::fsutil::tighten(path);
    Ok(file)
}

/// Masks the middle of every run of 16 or more ASCII digits, keeping four at each end
/// (`3515********0002`), as [`crate::domain::nik::mask_nik`] does.
pub fn mask_digit_runs(line: &[u8]) -> Vec<u8> {
    let mut out = line.to_vec();
    let mut i = 0;
    while i < out.len() {
        if !out[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < out.len() && out[i].is_ascii_digit() {
            i += 1;
        }
        if i - start >= 16 {
            out[start + 4..i - 4].fill(b'*');
        }
    }
    out
}

/// A writer maker whose writers mask digit runs. The formatter writes each event in one
/// `write_all`, so a run is never split between two calls.
struct Masked<M>(M);

struct MaskedWriter<W>(W);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for Masked<M> {
    type Writer = MaskedWriter<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        MaskedWriter(self.0.make_writer())
    }
}

impl<W: Write> Write for MaskedWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write_all(&mask_digit_runs(buf))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn the_level_defaults_to_info_and_is_read_from_the_log_section() {
        let c = Config::default();
        let log: LogConfig = c.section("log").unwrap();
        assert_eq!(log.level, "info");
        let c: Config = toml::from_str("[log]\nlevel = \"debug,loket::web=trace\"\n").unwrap();
        let log: LogConfig = c.section("log").unwrap();
        assert_eq!(log.level, "debug,loket::web=trace");
    }

    #[test]
    fn rust_log_wins_over_the_config_and_a_bad_level_falls_back_to_info() {
        let debug = LogConfig {
            level: "debug".into(),
        };
        assert_eq!(directives(&debug, None), ("debug".into(), None));
        assert_eq!(directives(&debug, Some("")), ("debug".into(), None));
        assert_eq!(
            directives(&debug, Some("warn,loket=trace")),
            ("warn,loket=trace".into(), None)
        );
        // A RUST_LOG that does not parse is passed over for the config.
        assert_eq!(directives(&debug, Some("=[")), ("debug".into(), None));
        let bad = LogConfig {
            level: "loud=[".into(),
        };
        assert_eq!(
            directives(&bad, None),
            ("info".into(), Some("loud=[".into()))
        );
    }

    #[test]
    fn sixteen_digits_in_a_row_are_masked_shorter_numbers_are_not() {
        let line = b"registered 261128-0001 NIK 3515125703050002 at 12:00, 2026";
        assert_eq!(
            String::from_utf8(mask_digit_runs(line)).unwrap(),
            "registered 261128-0001 NIK 3515********0002 at 12:00, 2026"
        );
        assert_eq!(
            mask_digit_runs(b"x35151257030500021y"),
            b"x3515*********0021y"
        );
    }

    #[test]
    fn the_masked_writer_masks_what_passes_through_it() {
        let mut w = MaskedWriter(Vec::new());
        w.write_all(b"NIK 3515125703050002\n").unwrap();
        assert_eq!(w.0, b"NIK 3515********0002\n");
    }
}
