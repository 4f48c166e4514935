//! Photos that come with an import: a folder or ZIP with a `photos.csv` link file.

use std::path::Path;

use super::{InteropError, LineCounter, strip_bom};
use crate::i18n::Lang;

/// One photo link: a member number and the photo's file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoLink {
    pub line: u64,
    pub member_no: String,
    pub file: String,
}

/// Largest archive contents accepted, and largest single file: far above any real set of
/// member photos, far below what a zip bomb would unpack to.
const ZIP_TOTAL_MAX: u64 = 4 << 30;
const ZIP_FILE_MAX: u64 = 50 << 20;

/// A photo archive unpacked into a folder of its own, removed again when dropped.
pub struct UnpackedPhotos(pub std::path::PathBuf);

impl Drop for UnpackedPhotos {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Unpacks a ZIP of photos (with its `photos.csv`) into a private temporary folder, so the
/// same checks as for a folder apply. Sizes are checked from the archive's directory first;
/// names that would land outside the folder are refused by the zip crate's extraction.
pub fn unpack_photo_zip(zip_path: &Path) -> Result<UnpackedPhotos, InteropError> {
    let bad = |e: &dyn std::fmt::Display| InteropError::PhotoZip(e.to_string());
    let file = std::fs::File::open(zip_path).map_err(|e| InteropError::io(zip_path, e))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| bad(&e))?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|e| bad(&e))?;
        if entry.size() > ZIP_FILE_MAX {
            let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
            return Err(InteropError::PhotoZipEntryTooLarge {
                name,
                max_mb: ZIP_FILE_MAX >> 20,
            });
        }
        total += entry.size();
    }
    if total > ZIP_TOTAL_MAX {
        return Err(InteropError::PhotoZipTooLarge {
            max_gb: ZIP_TOTAL_MAX >> 30,
        });
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("loket-photos-{}-{nanos}", std::process::id()));
    std::fs::create_dir(&dir).map_err(|e| InteropError::io(&dir, e))?;
    let unpacked = UnpackedPhotos(dir);
    archive.extract(&unpacked.0).map_err(|e| bad(&e))?;
    Ok(unpacked)
}

/// Reads `photos.csv` (`number,filename`, header optional) from a photo folder.
pub fn read_photo_links(dir: &Path) -> Result<Vec<PhotoLink>, InteropError> {
    let path = dir.join("photos.csv");
    let data = std::fs::read(&path).map_err(|e| InteropError::io(&path, e))?;
    let data = strip_bom(&data);
    let mut lines = LineCounter::new(data);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data);
    let mut links = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| InteropError::PhotoLinks(e.to_string()))?;
        let line = lines.line_at(rec.position().map(|p| p.byte()).unwrap_or(0));
        let (no, file) = (
            rec.get(0).unwrap_or("").trim(),
            rec.get(1).unwrap_or("").trim(),
        );
        if line == 1 && (no.eq_ignore_ascii_case("number") || no.eq_ignore_ascii_case("member_id"))
        {
            continue;
        }
        if no.is_empty() || file.is_empty() || rec.len() != 2 {
            return Err(InteropError::PhotoLinks(format!("line {line}")));
        }
        links.push(PhotoLink {
            line,
            member_no: no.into(),
            file: file.into(),
        });
    }
    Ok(links)
}

/// The most a photo may weigh for SLiMS and INLISLite uploads.
pub const PHOTO_MAX_BYTES: u64 = 500 * 1024;

/// Checks each link: a member of the import, a file that exists under the folder (no path
/// outside it), at most `PHOTO_MAX_BYTES`. Returns the problems, line by line.
pub fn check_photo_links(
    dir: &Path,
    links: &[PhotoLink],
    numbers: &[String],
    lang: Lang,
) -> Vec<String> {
    let mut problems = Vec::new();
    for l in links {
        let inside = !l.file.contains("..") && !l.file.starts_with('/');
        let path = dir.join(&l.file);
        let problem = if !numbers.contains(&l.member_no) {
            Some(
                lang.text("interop-photos-member-number-not-in-the-import")
                    .to_string(),
            )
        } else if !inside {
            Some(
                lang.text("interop-photos-file-outside-the-photo-folder")
                    .to_string(),
            )
        } else {
            match std::fs::metadata(&path) {
                Err(_) => Some(lang.text("interop-photos-photo-file-not-found").to_string()),
                Ok(m) if m.len() > PHOTO_MAX_BYTES => Some(crate::t!(
                    lang,
                    "interop-photos-photo-too-large",
                    kb = m.len() / 1024,
                    max_kb = PHOTO_MAX_BYTES / 1024,
                )),
                Ok(_) => None,
            }
        };
        if let Some(p) = problem {
            // i18n: the link file's name, its line and member number: no words to translate
            problems.push(format!("photos.csv {} {}: {p}", l.line, l.member_no));
        }
    }
    problems
}
