//! Configuration (a TOML file) and where loket keeps its files. `--data-dir DIR` or
//! `LOKET_DATA_DIR` puts both the config and the store in DIR; otherwise the user's config and
//! data folders are used.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use crate::domain::member_no::MemberNoScheme;
use crate::domain::member_type::MemberType;
use crate::domain::workflow::{Actor, StandardTimes};
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Library {
    pub name: String,
    pub address: String,
    /// Province + regency code of the library's area (`3515` for Sidoarjo): NIKs from
    /// elsewhere are flagged at registration.
    pub regency_code: String,
    pub contact: Vec<String>,
    pub rules: Vec<String>,
    /// The library's logo on the card, PNG or JPEG. A relative path is taken from the folder
    /// of the store (the data folder), where `loket.toml` usually is too.
    pub logo: Option<PathBuf>,
}

impl Default for Library {
    fn default() -> Self {
        // The example library's own words, printed on its card in Indonesian whatever the
        // screens' language: each library writes its own in `[library]`.
        Library {
            // i18n: the example library's name, config data for the card
            name: "Perpustakaan Daerah Kabupaten Sidoarjo".into(),
            // i18n: its address, config data for the card
            address: "Jl. Pahlawan No. 1, Sidoarjo".into(),
            regency_code: "3515".into(),
            contact: vec!["perpustakaan@example.go.id".into()],
            rules: vec![
                // i18n: the card's printed rules, config data in the card's Indonesian
                "Kartu ini milik perpustakaan dan tidak dapat dipindahtangankan.".into(),
                // i18n: as above
                "Bawa kartu setiap berkunjung dan pindai di meja depan.".into(),
                // i18n: as above
                "Bila kartu hilang, segera laporkan ke loket.".into(),
            ],
            logo: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    pub language: Lang,
    /// An IANA zone such as `Asia/Jakarta`; empty means the system's zone.
    pub timezone: String,
    pub library: Library,
    pub member_no: MemberNoScheme,
    pub member_types: Vec<MemberType>,
    pub standard_minutes: StandardTimes,
    /// Other sections (photo, card, scanner, web) belong to their modules; kept verbatim so
    /// that an older build reading a newer file neither fails nor drops them.
    #[serde(flatten)]
    pub other: toml::Table,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            language: Lang::Id,
            timezone: String::new(),
            library: Library::default(),
            member_no: MemberNoScheme::default(),
            member_types: MemberType::defaults(),
            standard_minutes: StandardTimes::default(),
            other: toml::Table::new(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path} is not valid: {reason}")]
    Parse { path: String, reason: String },
    #[error("unknown time zone {0}")]
    TimeZone(String),
}

impl crate::i18n::Localized for ConfigError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            ConfigError::Read { path, reason } => crate::t!(
                lang,
                "config-read",
                path = path.as_str(),
                reason = reason.as_str()
            ),
            ConfigError::Parse { path, reason } => crate::t!(
                lang,
                "config-parse",
                path = path.as_str(),
                reason = reason.as_str()
            ),
            ConfigError::TimeZone(z) => crate::t!(lang, "config-time-zone", zone = z.as_str()),
        }
    }
}

impl Config {
    /// Reads the file if it exists; a missing file means the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => {
                return Err(ConfigError::Read {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                });
            }
        };
        toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.display().to_string(),
            reason: e.to_string(),
        })
    }

    pub fn time_zone(&self) -> Result<TimeZone, ConfigError> {
        if self.timezone.trim().is_empty() {
            Ok(TimeZone::system())
        } else {
            TimeZone::get(self.timezone.trim())
                .map_err(|_| ConfigError::TimeZone(self.timezone.clone()))
        }
    }

    pub fn member_type(&self, code: &str) -> Option<&MemberType> {
        self.member_types.iter().find(|t| t.code == code)
    }

    /// A module's own section, e.g. `[photo]`, read into its config type (defaults if absent).
    pub fn section<T: for<'de> Deserialize<'de> + Default>(
        &self,
        name: &str,
    ) -> Result<T, ConfigError> {
        match self.other.get(name) {
            None => Ok(T::default()),
            Some(v) => v
                .clone()
                .try_into()
                .map_err(|e: toml::de::Error| ConfigError::Parse {
                    path: format!("[{name}]"),
                    reason: e.to_string(),
                }),
        }
    }
}

/// Where the config and the store live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config_file: PathBuf,
    /// The redb store; with a PostgreSQL store, the folder beside which loket keeps its files
    /// (kept PDFs, the backup ledger).
    pub store_file: PathBuf,
    /// The PostgreSQL database holding the store (`postgres://…`), when one was chosen.
    pub store_url: Option<String>,
}

/// The config's `[store]` section: `url = "postgres://…"` (or a redb file's path).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct StoreSection {
    pub url: Option<String>,
}

impl Paths {
    pub fn resolve(data_dir: Option<&Path>) -> Paths {
        if let Some(dir) = data_dir {
            return Paths {
                config_file: dir.join("loket.toml"),
                store_file: dir.join("loket.redb"),
                store_url: None,
            };
        }
        let dirs = directories::ProjectDirs::from("id", "loket", "loket");
        let (config_dir, data_dir) = match &dirs {
            Some(d) => (d.config_dir().to_path_buf(), d.data_dir().to_path_buf()),
            None => (PathBuf::from("."), PathBuf::from(".")),
        };
        Paths {
            config_file: config_dir.join("loket.toml"),
            store_file: data_dir.join("loket.redb"),
            store_url: None,
        }
    }

    /// Where the store is, as it may be shown: the PostgreSQL URL with its password masked, or
    /// the redb file's path.
    pub fn store_shown(&self) -> String {
        match &self.store_url {
            Some(url) => crate::store::masked_url(url),
            None => self.store_file.display().to_string(),
        }
    }

    /// Chooses the store: `given` (`--store`, or `LOKET_STORE`) first, then the config's
    /// `[store] url`, else the redb file in the data folder. Either may be a `postgres://` URL
    /// or a redb file's path.
    pub fn with_store(mut self, given: Option<&str>, config: &Config) -> Paths {
        let from_config = config
            .section::<StoreSection>("store")
            .ok()
            .and_then(|s| s.url);
        let chosen = given
            .map(str::to_string)
            .or(from_config)
            .filter(|s| !s.trim().is_empty());
        match chosen {
            Some(url) if crate::store::is_postgres_url(&url) => self.store_url = Some(url),
            Some(file) => self.store_file = PathBuf::from(file),
            None => {}
        }
        self
    }
}

/// The library's clock: now, and today in the library's time zone. `LOKET_NOW` (an RFC 3339
/// instant) fixes it, for tests and for re-entering a day's paper records.
#[derive(Debug, Clone)]
pub struct Clock {
    tz: TimeZone,
    fixed: Option<Timestamp>,
}

impl Clock {
    pub fn new(tz: TimeZone, fixed: Option<Timestamp>) -> Clock {
        Clock { tz, fixed }
    }

    pub fn from_env(tz: TimeZone) -> Clock {
        let fixed = std::env::var("LOKET_NOW").ok().and_then(|s| s.parse().ok());
        Clock { tz, fixed }
    }

    pub fn now(&self) -> Timestamp {
        self.fixed.unwrap_or_else(Timestamp::now)
    }

    pub fn today(&self) -> Date {
        self.now().to_zoned(self.tz.clone()).date()
    }

    pub fn tz(&self) -> &TimeZone {
        &self.tz
    }

    /// Local wall-clock text of an instant, e.g. `28-11-2026 09:15`.
    pub fn local(&self, t: Timestamp) -> String {
        t.to_zoned(self.tz.clone())
            .strftime("%d-%m-%Y %H:%M")
            .to_string()
    }
}

/// The person and terminal behind a CLI command: the OS user (marked as a shell user), and
/// the host with its tty.
/// `LOKET_TERMINAL` overrides the terminal name (a counter PC's label, say).
/// How a shell user with no loket account is named in the history and the audit log.
pub const SHELL_MARK: &str = "shell:";

/// The OS user running this process: `$USER`, `$LOGNAME`, else the numeric user id (never a
/// made-up word such as "unknown").
pub fn os_user_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| {
            let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
            let uid = status
                .lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .and_then(|l| l.split_whitespace().next())
                .unwrap_or("?");
            format!("uid{uid}")
        })
}

pub fn os_actor() -> Actor {
    let user = format!("{SHELL_MARK}{}", os_user_name());
    let terminal = std::env::var("LOKET_TERMINAL").unwrap_or_else(|_| {
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .map(|h| h.trim().to_string())
            .unwrap_or_else(|_| "localhost".into());
        match std::fs::read_link("/proc/self/fd/0") {
            Ok(tty) if tty.starts_with("/dev/pts") || tty.starts_with("/dev/tty") => {
                format!("{host}:{}", tty.display())
            }
            _ => host,
        }
    });
    Actor { user, terminal }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_overrides_read_from_toml() {
        let c: Config = toml::from_str(
            r#"
            language = "en"
            timezone = "Asia/Jakarta"
            [library]
            name = "Perpustakaan Kota"
            [member_no]
            format = 2
            prefix = "B1-"
            [standard_minutes]
            photo = 4
            [photo]
            width = 600
            "#,
        )
        .unwrap();
        assert_eq!(c.language, Lang::En);
        assert_eq!(c.library.name, "Perpustakaan Kota");
        assert_eq!(c.library.regency_code, "3515");
        assert_eq!(c.member_no.prefix, "B1-");
        assert_eq!(c.standard_minutes.photo, 4);
        assert_eq!(c.standard_minutes.verify, 3);
        assert_eq!(c.member_types.len(), 3);
        assert!(c.other.contains_key("photo"));
        assert!(c.time_zone().is_ok());
    }

    #[test]
    fn today_follows_the_library_time_zone() {
        // 20:00 UTC on 28 Nov is already 29 Nov in Jakarta (UTC+7).
        let t: Timestamp = "2026-11-28T20:00:00Z".parse().unwrap();
        let clock = Clock::new(TimeZone::get("Asia/Jakarta").unwrap(), Some(t));
        assert_eq!(clock.today(), jiff::civil::date(2026, 11, 29));
        let utc = Clock::new(TimeZone::UTC, Some(t));
        assert_eq!(utc.today(), jiff::civil::date(2026, 11, 28));
    }

    #[test]
    fn data_dir_holds_config_and_store() {
        let p = Paths::resolve(Some(Path::new("/srv/loket")));
        assert_eq!(p.store_file, Path::new("/srv/loket/loket.redb"));
        assert_eq!(p.config_file, Path::new("/srv/loket/loket.toml"));
    }

    #[test]
    fn the_store_is_chosen_by_flag_then_config_then_data_folder() {
        let base = || Paths::resolve(Some(Path::new("/srv/loket")));
        let plain = Config::default();
        let with_url: Config =
            toml::from_str("[store]\nurl = \"postgres://loket:rahasia@db/perpus\"\n").unwrap();
        assert_eq!(
            base().with_store(None, &plain),
            base(),
            "redb stays the default"
        );
        let p = base().with_store(None, &with_url);
        assert_eq!(
            p.store_url.as_deref(),
            Some("postgres://loket:rahasia@db/perpus")
        );
        assert_eq!(p.store_shown(), "postgres://loket:***@db/perpus");
        let p = base().with_store(Some("/mnt/other.redb"), &with_url);
        assert_eq!(
            (p.store_url, p.store_file),
            (None, "/mnt/other.redb".into())
        );
        let p = base().with_store(Some("postgresql://h/x?password=s"), &plain);
        assert_eq!(p.store_shown(), "postgresql://h/x?password=***");
    }
}
