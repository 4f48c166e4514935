//! Files loket writes that hold personal data (the store, backups, card PDFs, photos, exports,
//! the web key) and reads of files from outside: private modes whatever the umask, and reads
//! bounded by the bytes actually read, never by the size a file claims.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::i18n::{Lang, Localized};

/// The staff group files are shared with (`[files] group` in the config), as a gid. Set once
/// per process at start; without it every file is the owner's alone.
static STAFF_GROUP: OnceLock<Option<u32>> = OnceLock::new();

/// The `[files]` section of the config.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct FilesConfig {
    /// A group whose members (the counter clerks' accounts) share the store: files are then
    /// 0660 and folders 2770 owned by that group. Empty: 0600 and 0700.
    pub group: String,
}

#[derive(Debug, thiserror::Error)]
pub enum GroupError {
    #[error("group {0} does not exist")]
    Unknown(String),
}

impl Localized for GroupError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            GroupError::Unknown(g) => {
                crate::t!(lang, "config-files-unknown-group", group = g.as_str())
            }
        }
    }
}

/// Sets the process's staff group from the config. Called once at start; later calls change
/// nothing (the first policy holds for the whole run).
pub fn set_staff_group(config: &FilesConfig) -> Result<(), GroupError> {
    let name = config.group.trim();
    let gid = if name.is_empty() {
        None
    } else {
        Some(group_id(name).ok_or_else(|| GroupError::Unknown(name.to_string()))?)
    };
    let _ = STAFF_GROUP.set(gid);
    Ok(())
}

fn staff_group() -> Option<u32> {
    STAFF_GROUP.get().copied().flatten()
}

/// A group's id from /etc/group, or the number itself.
fn group_id(name: &str) -> Option<u32> {
    if let Ok(n) = name.parse() {
        return Some(n);
    }
    let text = std::fs::read_to_string("/etc/group").ok()?;
    text.lines().find_map(|line| {
        let mut parts = line.split(':');
        (parts.next()? == name).then_some(())?;
        parts.nth(1)?.parse().ok()
    })
}

/// The mode of a file holding personal data.
pub fn file_mode() -> u32 {
    if staff_group().is_some() {
        0o660
    } else {
        0o600
    }
}

/// The mode of a folder holding such files (setgid with a group, so new files inherit it).
pub fn dir_mode() -> u32 {
    if staff_group().is_some() {
        0o2770
    } else {
        0o700
    }
}

/// Gives `path` the private mode (and the staff group) whatever the umask made of it.
/// Only the owner may change a mode: a file someone else made is left as it is.
pub fn make_private(path: &Path, dir: bool) -> std::io::Result<()> {
    let mode = if dir { dir_mode() } else { file_mode() };
    if let Some(gid) = staff_group() {
        std::os::unix::fs::chown(path, None, Some(gid))?;
    }
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

/// Narrows an existing file or folder that is more open than the policy (an older loket
/// made it 0644): best effort, since a file of another account cannot be changed.
pub fn tighten(path: &Path) {
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    let wanted = if meta.is_dir() {
        dir_mode()
    } else {
        file_mode()
    };
    if meta.permissions().mode() & 0o7777 & !wanted & 0o777 != 0 {
        let _ = make_private(path, meta.is_dir());
    }
}

/// Creates `dir` (and its parents) if needed; the folders made here get the private mode.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut missing = Vec::new();
    let mut at = Some(dir);
    while let Some(p) = at {
        if p.as_os_str().is_empty() || p.exists() {
            break;
        }
        missing.push(p.to_path_buf());
        at = p.parent();
    }
    std::fs::create_dir_all(dir)?;
    // Only the loket folder itself is narrowed; parents such as ~/.local/share stay as the
    // user's system makes them.
    if let Some(leaf) = missing.first() {
        make_private(leaf, true)?;
    }
    Ok(())
}

fn open_private_new(path: &Path) -> std::io::Result<File> {
    let f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    make_private(path, false)?;
    Ok(f)
}

/// Writes a new file that must not exist yet (a card PDF of one print attempt): two writers
/// never share it.
pub fn write_private_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        private_dir(dir)?;
    }
    let mut f = open_private_new(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Writes (or replaces) a file under another name first and renames it: the file is private
/// from its first byte, and a reader never sees half of it.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        private_dir(dir)?;
    }
    let tmp = partial_name(path);
    let _ = std::fs::remove_file(&tmp);
    let written = (|| {
        let mut f = open_private_new(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// `name.partial-PID` beside `path`: one per process, so two writers never share it.
pub fn partial_name(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".partial-{}", std::process::id()));
    path.with_file_name(name)
}

/// Why a file from outside was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: not found")]
    NotFound { path: PathBuf },
    #[error("{path}: not an ordinary file")]
    NotAFile { path: PathBuf },
    #[error("{path}: larger than {max} bytes")]
    TooLarge { path: PathBuf, max: u64 },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Localized for ReadError {
    fn localized(&self, lang: Lang) -> String {
        let file = |path: &Path| path.display().to_string();
        match self {
            ReadError::NotFound { path } => {
                crate::t!(lang, "config-files-not-found", file = file(path))
            }
            ReadError::NotAFile { path } => {
                crate::t!(lang, "config-files-not-a-file", file = file(path))
            }
            ReadError::TooLarge { path, max } => crate::t!(
                lang,
                "config-files-too-large",
                file = file(path),
                kb = max / 1024
            ),
            ReadError::Io { path, source } => crate::t!(
                lang,
                "config-files-io",
                file = file(path),
                reason = source.to_string()
            ),
        }
    }
}

/// Reads at most `max` bytes of an ordinary file. A device (`/dev/zero`), a pipe or a file
/// still growing cannot make it read more: the limit counts bytes read, not the size the file
/// claims. Opened without blocking, so a FIFO with no writer is refused at once.
pub fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let io = |source: std::io::Error| {
        if source.kind() == std::io::ErrorKind::NotFound {
            ReadError::NotFound {
                path: path.to_path_buf(),
            }
        } else {
            ReadError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    };
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(io)?;
    if !file.metadata().map_err(io)?.is_file() {
        return Err(ReadError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            max,
        });
    }
    Ok(bytes)
}

/// [`read_bounded`] for text (a template, a theme, an import file).
pub fn read_bounded_text(path: &Path, max: u64) -> Result<String, ReadError> {
    let bytes = read_bounded(path, max)?;
    String::from_utf8(bytes).map_err(|e| ReadError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_read_stops_at_the_limit_on_a_device() {
        let e = read_bounded(Path::new("/dev/zero"), 1024).unwrap_err();
        assert!(matches!(e, ReadError::NotAFile { .. }), "{e:?}");
    }

    #[test]
    fn bounded_read_refuses_a_file_over_the_limit_and_reads_one_under() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, vec![7u8; 2000]).unwrap();
        assert!(matches!(
            read_bounded(&p, 1999),
            Err(ReadError::TooLarge { max: 1999, .. })
        ));
        assert_eq!(read_bounded(&p, 2000).unwrap().len(), 2000);
        assert!(matches!(
            read_bounded(&dir.path().join("none"), 10),
            Err(ReadError::NotFound { .. })
        ));
    }

    #[test]
    fn a_fifo_without_writer_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("fifo");
        let c = std::ffi::CString::new(p.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(
            read_bounded(&p, 10),
            Err(ReadError::NotAFile { .. })
        ));
    }

    #[test]
    fn private_files_are_0600_whatever_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        let old = unsafe { libc::umask(0) };
        let sub = dir.path().join("cards");
        let p = sub.join("a.pdf");
        write_private_new(&p, b"x").unwrap();
        let q = dir.path().join("b");
        write_private(&q, b"y").unwrap();
        unsafe { libc::umask(old) };
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode(&p), 0o600);
        assert_eq!(mode(&q), 0o600);
        assert_eq!(mode(&sub), 0o700);
        assert!(write_private_new(&p, b"again").is_err(), "never shared");
    }
}
