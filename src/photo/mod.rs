//! The applicant's photo (SOP step 3): from camera, inbox folder, file or upload, through the
//! crop editor, to the small JPEG the store keeps. No storage here: the store calls `process`.

pub mod decode;
pub mod edit;
pub mod encode;
pub mod overview;
pub mod preview;
mod reduce;
mod resample;
pub mod source;
mod turbo;

use std::path::PathBuf;

use image::RgbImage;
use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Localized};

pub use decode::{Limits, decode, decode_reduced};
pub use edit::{Edit, Zoom, render, render_stored};
pub use encode::{encode_jpeg, export_under};
pub use overview::render_overview;

/// SLiMS and INLISLite refuse member photos above this size on import.
pub const EXPORT_MAX_KB: u32 = 500;

/// How the preview is drawn in the terminal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PreviewProtocol {
    /// Ask the terminal; half-blocks inside tmux or when it does not answer.
    #[default]
    Auto,
    /// Coloured half-block characters: works everywhere, also over SSH.
    Halfblocks,
    Kitty,
    Sixel,
    Iterm2,
}

/// The `[photo]` part of the config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PhotoConfig {
    /// Stored photo size in pixels, width × height (3:4 to fit the card's photo box).
    pub width: u32,
    pub height: u32,
    /// Largest stored photo, in KiB.
    pub max_kb: u32,
    /// Keep the photo as received, so the crop can be redone later.
    pub keep_original: bool,
    /// A command that writes one photo to `{out}`, e.g. `fswebcam --no-banner -r 1280x720 {out}`.
    pub capture_command: Option<String>,
    /// Seconds the capture command may take before it is stopped.
    pub capture_timeout_secs: u64,
    /// A folder where a camera or phone drops photos.
    pub inbox: Option<PathBuf>,
    pub preview: PreviewProtocol,
}

impl Default for PhotoConfig {
    fn default() -> Self {
        PhotoConfig {
            width: 600,
            height: 800,
            max_kb: 150,
            keep_original: true,
            capture_command: None,
            capture_timeout_secs: 15,
            inbox: None,
            preview: PreviewProtocol::Auto,
        }
    }
}

/// The photo as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPhoto {
    /// A baseline JPEG with no metadata.
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Received bytes → the stored photo: decode (with the limits), apply the edit, encode.
/// `edit` may have been made on a preview copy of another size; it is scaled to the photo.
/// Without one the box is placed as [`Edit::initial`] places it. A JPEG whose box has pixels
/// to spare is decoded at a reduced size (see `reduce`): a phone photo in a fraction of the time.
pub fn process(
    bytes: &[u8],
    limits: &Limits,
    edit: Option<&Edit>,
    config: &PhotoConfig,
) -> Result<StoredPhoto, PhotoError> {
    let out = (config.width.max(1), config.height.max(1));
    let mut chosen = edit.copied();
    let src = decode_reduced(bytes, limits, |upright| {
        let e = *chosen.get_or_insert_with(|| Edit::initial(upright.0, upright.1));
        reduce::divisor_for(&e, upright, out)
    })?;
    let edit = chosen.unwrap_or_else(|| Edit::initial(src.width(), src.height()));
    store_edited(&src, &edit, config)
}

/// An already decoded photo → the stored photo (the editor has the decoded source in hand).
pub fn store_edited(
    src: &RgbImage,
    edit: &Edit,
    config: &PhotoConfig,
) -> Result<StoredPhoto, PhotoError> {
    let (width, height) = (config.width.max(1), config.height.max(1));
    let img = edit::render_stored(src, edit, (width, height));
    let jpeg = encode_jpeg(&img, config.max_kb)?;
    Ok(StoredPhoto {
        jpeg,
        width,
        height,
    })
}

/// Why a photo could not be taken, read or stored. `Display` is the English text for logs;
/// staff see [`Localized::localized`].
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum PhotoError {
    #[error("the file is empty")]
    Empty,
    #[error("the file has {bytes} bytes, more than the limit of {max}")]
    TooLarge { bytes: u64, max: u64 },
    #[error("the image claims {width}×{height} pixels, more than the limit")]
    TooManyPixels { width: u32, height: u32 },
    #[error("decoding the image would need more memory than allowed")]
    OverMemoryLimit,
    #[error("the image data ends early (truncated file)")]
    Truncated,
    #[error("the image data is damaged: {detail}")]
    Corrupt { detail: String },
    #[error("{format} images are not supported")]
    Unsupported { format: &'static str },
    #[error("the file is not an image")]
    NotAnImage,
    #[error("encoding the JPEG failed: {detail}")]
    Encode { detail: String },
    #[error("the photo does not fit in {max_kb} KB (smallest {kb} KB)")]
    CannotFit { kb: u32, max_kb: u32 },
    #[error("file not found: {path}")]
    FileNotFound { path: PathBuf },
    #[error("{path} is not an ordinary file")]
    NotAFile { path: PathBuf },
    #[error("cannot read {path}: {detail}")]
    Io { path: PathBuf, detail: String },
    #[error("the capture command in the config is not usable: {detail}")]
    BadCommand { detail: source::CommandFault },
    #[error("the capture program {program} could not be started: {detail}")]
    CaptureStart { program: String, detail: String },
    #[error("the capture program {program} failed (exit code {code:?}): {stderr}")]
    CaptureFailed {
        program: String,
        code: Option<i32>,
        stderr: String,
    },
    #[error("the capture program {program} did not finish within {secs} s")]
    CaptureTimeout { program: String, secs: u64 },
    #[error("the capture program {program} finished but wrote no photo")]
    CaptureNoOutput { program: String },
}

impl Localized for PhotoError {
    fn localized(&self, lang: Lang) -> String {
        use PhotoError as E;
        let mb = |b: u64| b.div_ceil(1024 * 1024);
        let path_of = |p: &std::path::Path| p.display().to_string();
        match self {
            E::Empty => lang.text("photo-the-photo-file-is-empty-0").into(),
            E::TooLarge { bytes, max } => crate::t!(
                lang,
                "photo-file-too-large",
                mb = mb(*bytes),
                max_mb = mb(*max)
            ),
            E::TooManyPixels { width, height } => crate::t!(
                lang,
                "photo-too-many-pixels",
                width = *width,
                height = *height
            ),
            E::OverMemoryLimit => lang.text("photo-this-image-needs-too-much-memory").into(),
            E::Truncated => lang.text("photo-the-photo-file-is-cut-short").into(),
            E::Corrupt { .. } => lang.text("photo-the-photo-file-is-damaged-and").into(),
            E::Unsupported { format } => {
                crate::t!(lang, "photo-format-unsupported", format = *format)
            }
            E::NotAnImage => lang.text("photo-this-file-is-not-an-image").into(),
            E::Encode { .. } => lang.text("photo-the-photo-could-not-be-saved").into(),
            E::CannotFit { kb, max_kb } => {
                crate::t!(lang, "photo-cannot-fit", kb = *kb, max_kb = *max_kb)
            }
            E::NotAFile { path } => crate::t!(lang, "photo-not-a-file", path = path_of(path)),
            E::FileNotFound { path } => {
                crate::t!(lang, "photo-file-not-found", path = path_of(path))
            }
            E::Io { path, detail } => crate::t!(
                lang,
                "photo-file-unreadable",
                path = path_of(path),
                detail = detail.as_str()
            ),
            E::BadCommand { detail } => crate::t!(
                lang,
                "photo-bad-capture-command",
                detail = detail.localized(lang)
            ),
            E::CaptureStart { program, .. } => crate::t!(
                lang,
                "photo-capture-cannot-start",
                program = program.as_str()
            ),
            E::CaptureFailed {
                program, stderr, ..
            } => crate::t!(
                lang,
                "photo-capture-failed",
                program = program.as_str(),
                detail = last_line(stderr)
            ),
            E::CaptureTimeout { secs, .. } => {
                crate::t!(lang, "photo-capture-timeout", secs = *secs)
            }
            E::CaptureNoOutput { .. } => lang
                .text("photo-the-camera-program-finished-but-produced")
                .into(),
        }
    }
}

/// The last non-empty line of a program's error output: usually the one that says why.
fn last_line(s: &str) -> &str {
    s.lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_defaults_and_toml() {
        let c: PhotoConfig = toml::from_str("").unwrap();
        assert_eq!(c, PhotoConfig::default());
        assert_eq!((c.width, c.height, c.max_kb), (600, 800, 150));
        assert!(c.keep_original);
        let c: PhotoConfig = toml::from_str(
            "capture_command = \"fswebcam --no-banner -r 1280x720 {out}\"\npreview = \"halfblocks\"\ninbox = \"/srv/foto\"",
        )
        .unwrap();
        assert_eq!(c.preview, PreviewProtocol::Halfblocks);
        assert_eq!(c.inbox, Some(PathBuf::from("/srv/foto")));
        assert!(toml::from_str::<PhotoConfig>("preview = \"ascii\"").is_err());
    }

    #[test]
    fn every_error_speaks_both_languages_and_says_what_next() {
        let all = [
            PhotoError::Empty,
            PhotoError::TooLarge {
                bytes: 30 << 20,
                max: 20 << 20,
            },
            PhotoError::TooManyPixels {
                width: 60000,
                height: 60000,
            },
            PhotoError::OverMemoryLimit,
            PhotoError::Truncated,
            PhotoError::Corrupt { detail: "x".into() },
            PhotoError::Unsupported { format: "HEIC" },
            PhotoError::NotAnImage,
            PhotoError::Encode { detail: "x".into() },
            PhotoError::CannotFit {
                kb: 200,
                max_kb: 150,
            },
            PhotoError::FileNotFound { path: "/a".into() },
            PhotoError::Io {
                path: "/a".into(),
                detail: "x".into(),
            },
            PhotoError::BadCommand {
                detail: source::CommandFault::Empty,
            },
            PhotoError::CaptureStart {
                program: "fswebcam".into(),
                detail: "x".into(),
            },
            PhotoError::CaptureFailed {
                program: "fswebcam".into(),
                code: Some(1),
                stderr: "no device\n".into(),
            },
            PhotoError::CaptureTimeout {
                program: "fswebcam".into(),
                secs: 15,
            },
            PhotoError::CaptureNoOutput {
                program: "fswebcam".into(),
            },
        ];
        for e in &all {
            let (id, en) = (e.localized(Lang::Id), e.localized(Lang::En));
            assert_ne!(id, en, "{e:?}");
            // Two sentences at least: what happened, then what to do.
            assert!(id.matches(". ").count() >= 1, "{e:?}: {id}");
            assert!(en.matches(". ").count() >= 1, "{e:?}: {en}");
        }
        assert!(
            PhotoError::Unsupported { format: "HEIC" }
                .localized(Lang::Id)
                .contains("HEIC")
        );
        assert!(
            PhotoError::CaptureFailed {
                program: "f".into(),
                code: Some(1),
                stderr: "warming up\nno device\n\n".into()
            }
            .localized(Lang::En)
            .contains("no device")
        );
    }
}
