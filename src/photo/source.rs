//! Where photo bytes come from: the counter camera (a configured command), the inbox folder a
//! camera or phone drops files into, or a file. The web form's upload hands bytes to `process`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use super::PhotoError;
use super::decode::Limits;
use crate::i18n::{Lang, Localized};

/// Names an inbox file may have. HEIC is listed so that a phone's HEIC photo is picked up and
/// refused by name ("HEIC is not supported") rather than silently ignored.
const IMAGE_EXTENSIONS: [&str; 8] = ["jpg", "jpeg", "png", "webp", "heic", "heif", "avif", "jfif"];

/// Runs the configured capture command and returns the bytes it wrote to `out`.
///
/// The template is split into arguments here (quotes `'…'` and `"…"` group words, as in a
/// shell) and `{out}` is replaced inside the arguments, then the program is run directly, not
/// through `sh -c`. So no path, however it is named, is ever read as shell syntax, and the
/// config holds a command line rather than a script; an administrator who needs a pipeline
/// points the command at a script of their own.
pub fn capture(template: &str, out: &Path, timeout: Duration) -> Result<Vec<u8>, PhotoError> {
    let argv = command_argv(template, out)?;
    let program = argv[0].clone();
    // A photo left by the previous applicant must not pass for this one's.
    match std::fs::remove_file(out) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_error(out, e)),
    }
    let mut child = Command::new(&program)
        .args(&argv[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| PhotoError::CaptureStart {
            program: program.clone(),
            detail: e.to_string(),
        })?;
    // Drained on a thread: ffmpeg and fswebcam talk a lot, and a full pipe would block them.
    let mut stderr_pipe = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(p) = stderr_pipe.as_mut() {
            let _ = p.read_to_string(&mut s);
        }
        s
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PhotoError::CaptureTimeout {
                    program,
                    secs: timeout.as_secs().max(1),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => {
                return Err(PhotoError::CaptureStart {
                    program,
                    detail: e.to_string(),
                });
            }
        }
    };
    let stderr = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(PhotoError::CaptureFailed {
            program,
            code: status.code(),
            stderr: tail(&stderr, 500),
        });
    }
    // A capture program writing without end must not fill the memory either.
    match crate::fsutil::read_bounded(out, Limits::default().max_bytes) {
        Ok(bytes) if !bytes.is_empty() => Ok(bytes),
        Ok(_) | Err(crate::fsutil::ReadError::NotFound { .. }) => {
            Err(PhotoError::CaptureNoOutput { program })
        }
        Err(crate::fsutil::ReadError::TooLarge { max, .. }) => Err(PhotoError::TooLarge {
            bytes: std::fs::metadata(out).map(|m| m.len()).unwrap_or(max + 1),
            max,
        }),
        Err(e) => Err(PhotoError::Io {
            path: out.to_path_buf(),
            detail: e.to_string(),
        }),
    }
}

/// What is wrong with the configured capture command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CommandFault {
    #[error("{{out}} is missing")]
    NoOut,
    #[error("the output path is not valid UTF-8")]
    OutNotUtf8,
    #[error("a quote is not closed")]
    OpenQuote,
    #[error("it is empty")]
    Empty,
}

impl Localized for CommandFault {
    fn localized(&self, lang: Lang) -> String {
        match self {
            CommandFault::NoOut => lang.text("photo-source-command-no-out"),
            CommandFault::OutNotUtf8 => lang.text("photo-source-command-out-not-utf8"),
            CommandFault::OpenQuote => lang.text("photo-source-command-open-quote"),
            CommandFault::Empty => lang.text("photo-source-command-empty"),
        }
        .to_string()
    }
}

/// The argument vector for `template` with `{out}` replaced by `out`.
pub fn command_argv(template: &str, out: &Path) -> Result<Vec<String>, PhotoError> {
    let bad = |detail| PhotoError::BadCommand { detail };
    if !template.contains("{out}") {
        return Err(bad(CommandFault::NoOut));
    }
    let out = out.to_str().ok_or_else(|| bad(CommandFault::OutNotUtf8))?;
    let words = split_words(template).ok_or_else(|| bad(CommandFault::OpenQuote))?;
    if words.is_empty() {
        return Err(bad(CommandFault::Empty));
    }
    Ok(words.iter().map(|w| w.replace("{out}", out)).collect())
}

/// Splits a command line into words: whitespace separates, `'…'` is literal, `"…"` groups
/// words and honours `\"` and `\\`, a backslash outside quotes escapes the next character.
/// `None` for an unclosed quote.
fn split_words(s: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '\'' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '\'' => break,
                        c => word.push(c),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '"' => break,
                        '\\' => match chars.next()? {
                            c @ ('"' | '\\') => word.push(c),
                            c => {
                                word.push('\\');
                                word.push(c);
                            }
                        },
                        c => word.push(c),
                    }
                }
            }
            '\\' => {
                in_word = true;
                word.push(chars.next()?);
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Some(words)
}

/// The newest image file in `dir` modified after `since` (when the applicant was called), or
/// `None` when nothing new has arrived yet. Hidden files and browser/FTP partial downloads are
/// skipped; a file still being written shows up as `PhotoError::Truncated` at decode, and the
/// counter simply looks again.
pub fn newest_in_inbox(dir: &Path, since: SystemTime) -> Result<Option<PathBuf>, PhotoError> {
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
    let mut best: Option<(SystemTime, PathBuf)> = None;
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.starts_with('.') || name.starts_with('~') {
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if !IMAGE_EXTENSIONS.contains(&ext.as_str()) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let Ok(modified) = meta.modified() else {
            continue;
        };
        if !meta.is_file() || modified <= since {
            continue;
        }
        if best.as_ref().is_none_or(|(t, _)| modified > *t) {
            best = Some((modified, path));
        }
    }
    Ok(best.map(|(_, p)| p))
}

/// Reads a photo file, at most the size limit: the count is of bytes read, so `/dev/zero`, a
/// pipe or a file still growing cannot make it read more than that.
pub fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>, PhotoError> {
    use crate::fsutil::{ReadError, read_bounded};
    read_bounded(path, limits.max_bytes).map_err(|e| match e {
        ReadError::NotFound { path } => PhotoError::FileNotFound { path },
        ReadError::TooLarge { max, .. } => PhotoError::TooLarge {
            bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(max + 1),
            max,
        },
        ReadError::NotAFile { path } => PhotoError::NotAFile { path },
        ReadError::Io { path, source } => PhotoError::Io {
            path,
            detail: source.to_string(),
        },
    })
}

fn io_error(path: &Path, e: std::io::Error) -> PhotoError {
    if e.kind() == std::io::ErrorKind::NotFound {
        PhotoError::FileNotFound {
            path: path.to_path_buf(),
        }
    } else {
        PhotoError::Io {
            path: path.to_path_buf(),
            detail: e.to_string(),
        }
    }
}

fn tail(s: &str, max: usize) -> String {
    let start = s.len().saturating_sub(max);
    let start = (start..=s.len())
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(s.len());
    s[start..].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(t: &str, out: &str) -> Result<Vec<String>, PhotoError> {
        command_argv(t, Path::new(out))
    }

    #[test]
    fn template_is_split_like_a_shell_and_out_is_one_argument() {
        assert_eq!(
            argv("fswebcam --no-banner -r 1280x720 {out}", "/tmp/a b.jpg").unwrap(),
            ["fswebcam", "--no-banner", "-r", "1280x720", "/tmp/a b.jpg"]
        );
        assert_eq!(
            argv(
                "ffmpeg -f v4l2 -i /dev/video0 -frames:v 1 -y '{out}'",
                "/tmp/x.jpg"
            )
            .unwrap()
            .last()
            .unwrap(),
            "/tmp/x.jpg"
        );
        assert_eq!(
            argv(r#"cam --title "Loket 1" --out={out}"#, "/o.jpg").unwrap(),
            ["cam", "--title", "Loket 1", "--out=/o.jpg"]
        );
        // A hostile path stays one literal argument: nothing here is a shell.
        assert_eq!(
            argv("cam {out}", "/tmp/x; rm -rf ~ $(id).jpg").unwrap(),
            ["cam", "/tmp/x; rm -rf ~ $(id).jpg"]
        );
    }

    #[test]
    fn unusable_templates_are_refused() {
        for t in ["fswebcam -r 1280x720", "cam 'oops {out}", "   "] {
            assert!(
                matches!(argv(t, "/o.jpg"), Err(PhotoError::BadCommand { .. })),
                "{t}"
            );
        }
    }
}
