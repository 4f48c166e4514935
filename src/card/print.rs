//! Sending a card PDF to the printer through CUPS (`lp`). Nothing here changes a card
//! request: the caller marks it printed only after `submit` returns a job.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::i18n::{Lang, Localized};

/// A job CUPS accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintJob {
    /// CUPS's request id, e.g. `loket-pdf-12`.
    pub job_id: String,
    /// The PDF that was sent, kept beside the request for reprints and disputes.
    pub pdf: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("no printer is configured")]
    NoPrinter,
    #[error("cannot run {program}: {source}")]
    LpMissing {
        program: String,
        source: std::io::Error,
    },
    #[error("cannot keep the PDF at {path}: {source}")]
    Keep {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("printer {printer} refused the job: {message}")]
    Rejected { printer: String, message: String },
}

impl Localized for PrintError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            PrintError::NoPrinter => lang.text("card-print-no-printer").to_string(),
            PrintError::LpMissing { program, source } => crate::t!(
                lang,
                "card-print-lp-missing",
                program = program.as_str(),
                error = source.to_string()
            ),
            PrintError::Keep { path, source } => crate::t!(
                lang,
                "card-print-cannot-keep-pdf",
                path = path.display().to_string(),
                error = source.to_string()
            ),
            PrintError::Rejected { printer, message } => crate::t!(
                lang,
                "card-print-rejected",
                printer = printer.as_str(),
                message = message.as_str()
            ),
        }
    }
}

/// Where the PDF of a request's print is kept: `<dir>/<request>-<attempt>.pdf`, so a reprint
/// never overwrites the PDF of an earlier print.
pub fn kept_pdf_path(dir: &Path, request: &str, attempt: impl std::fmt::Display) -> PathBuf {
    dir.join(format!("{request}-{attempt}.pdf"))
}

/// Writes `pdf` to `keep_at`, then sends it to `printer` with `lp`. Writing first means the
/// PDF exists even when the printer refuses, so the clerk can look at it or print it elsewhere.
pub fn print_pdf(
    printer: &str,
    options: &[String],
    pdf: &[u8],
    keep_at: &Path,
) -> Result<PrintJob, PrintError> {
    if printer.trim().is_empty() {
        return Err(PrintError::NoPrinter);
    }
    // Private (it shows names and photos) and new: an attempt never shares its file.
    crate::fsutil::write_private_new(keep_at, pdf).map_err(|source| PrintError::Keep {
        path: keep_at.to_path_buf(),
        source,
    })?;
    submit(printer, options, keep_at)
}

/// `lp -d PRINTER [-o OPTION]… FILE`, run directly (no shell, so no quoting surprises).
pub fn submit(printer: &str, options: &[String], file: &Path) -> Result<PrintJob, PrintError> {
    submit_with("lp", printer, options, file)
}

/// `submit` with another `lp` program: for tests and for systems where it is elsewhere.
pub fn submit_with(
    lp: &str,
    printer: &str,
    options: &[String],
    file: &Path,
) -> Result<PrintJob, PrintError> {
    if printer.trim().is_empty() {
        return Err(PrintError::NoPrinter);
    }
    let mut cmd = Command::new(lp);
    cmd.arg("-d").arg(printer);
    for o in options {
        cmd.arg("-o").arg(o);
    }
    // `--` so a file name starting with `-` is never read as an option.
    cmd.arg("--").arg(file);
    // lp's messages in English whatever the machine's locale: we show our own text around them.
    cmd.env("LC_ALL", "C");
    let out = cmd.output().map_err(|source| PrintError::LpMissing {
        program: lp.to_string(),
        source,
    })?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        let message = [stderr.trim(), stdout.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        return Err(PrintError::Rejected {
            printer: printer.to_string(),
            message: if message.is_empty() {
                // i18n: lp's own detail, in lp's English like its messages (LC_ALL=C above)
                format!("lp exited with {}", out.status)
            } else {
                message
            },
        });
    }
    match parse_job_id(&stdout) {
        Some(job_id) => Ok(PrintJob {
            job_id,
            pdf: file.to_path_buf(),
        }),
        None => Err(PrintError::Rejected {
            printer: printer.to_string(),
            // i18n: lp's own detail, in lp's English like its messages (LC_ALL=C above)
            message: format!("lp gave no job id: {}", stdout.trim()),
        }),
    }
}

/// The id in lp's `request id is loket-pdf-12 (1 file(s))`.
pub fn parse_job_id(stdout: &str) -> Option<String> {
    // i18n: lp's output under LC_ALL=C, read, not shown
    let rest = stdout.split("request id is ").nth(1)?;
    rest.split_whitespace().next().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_ids_come_from_lp_output() {
        assert_eq!(
            parse_job_id("request id is loket-pdf-12 (1 file(s))\n").as_deref(),
            Some("loket-pdf-12")
        );
        assert_eq!(parse_job_id("lp: error"), None);
    }

    #[test]
    fn a_missing_lp_or_printer_name_is_a_typed_error() {
        let f = Path::new("/nonexistent.pdf");
        assert!(matches!(submit("  ", &[], f), Err(PrintError::NoPrinter)));
        let e = submit_with("/nonexistent/lp", "x", &[], f).unwrap_err();
        assert!(matches!(e, PrintError::LpMissing { .. }));
        assert!(e.localized(Lang::Id).contains("cups-client"));
    }

    #[test]
    fn a_refusal_carries_lps_message_and_the_pdf_is_kept_anyway() {
        // `false` stands in for an lp that fails, so this runs without CUPS.
        let dir = tempfile::tempdir().unwrap();
        let keep = kept_pdf_path(dir.path(), "req7", 2);
        let e = print_pdf("x", &[], b"%PDF-1.7", &keep);
        assert!(e.is_err());
        assert!(keep.exists());
        let e = submit_with("false", "nowhere", &[], &keep).unwrap_err();
        match &e {
            PrintError::Rejected { printer, message } => {
                assert_eq!(printer, "nowhere");
                assert!(message.contains("exited"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        assert!(e.localized(Lang::En).contains("lpstat -p"));
    }
}
