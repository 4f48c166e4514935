//! `loket import …` and `loket export …`: members from and to SLiMS and INLISLite.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};

use super::{CmdResult, Ctx, Failure, print_json};
use crate::i18n::Localized;
use crate::interop::{
    self, ImportOptions, InteropError, PhotoLink, PlanContext, SourceFile, System, inlislite, slims,
};
use crate::photo::source::read_file;
use crate::photo::{Limits, PhotoConfig};
use crate::store::{ImportBatch, PhotoWrite};

/// The largest member list read: far above any library's, far below what would fill memory.
const IMPORT_MAX_BYTES: u64 = 256 << 20;

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// slims (member CSV) or inlislite (member .xlsx, or CSV with the same headers).
    system: System,
    file: PathBuf,
    /// Check and report every row; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Import the good rows even if others are rejected (default: all or nothing).
    #[arg(long)]
    partial: bool,
    /// Open a card request (source import) for each imported member who has no card yet.
    #[arg(long)]
    requests: bool,
    /// A folder of photos with a link file photos.csv (number,filename).
    #[arg(long, value_name = "DIR")]
    photos: Option<PathBuf>,
    /// Maps a member type of the other system to a loket type code: NAME=code (repeatable).
    #[arg(long, value_name = "NAME=code")]
    type_map: Vec<String>,
    /// SLiMS CSV field separator.
    #[arg(long, default_value = ",")]
    separator: char,
    /// SLiMS CSV quote character.
    #[arg(long, default_value = "\"")]
    quote: char,
    /// The report as JSON.
    #[arg(long)]
    json: bool,
}

/// A bar on stderr for long runs, drawn only when stderr is a terminal: scripts and tests
/// get clean output.
pub(super) fn progress_bar(len: u64, what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() || len < 1_000 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} {eta}")
            .expect("a valid template")
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

pub(super) fn dialect(separator: char, quote: char, ctx: &Ctx) -> Result<slims::Dialect, Failure> {
    match (u8::try_from(separator), u8::try_from(quote)) {
        // The same character for both, or a line break, would make every file unreadable.
        (Ok(s), Ok(q)) if usable(s) && usable(q) && s != q => Ok(slims::Dialect {
            separator: s,
            quote: q,
        }),
        _ => Err(Failure::input(
            ctx.lang.text("cli-interop-separator-and-quote-must-be-one"),
        )),
    }
}

fn usable(b: u8) -> bool {
    b.is_ascii() && !matches!(b, b'\n' | b'\r' | b'\\')
}

fn read_rows(
    system: System,
    file: &Path,
    dialect: slims::Dialect,
) -> Result<SourceFile, InteropError> {
    let name = file.display().to_string();
    let is_xlsx = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    match system {
        System::Inlislite if is_xlsx => inlislite::rows(inlislite::read_xlsx(file)?),
        _ => {
            // Bounded by bytes read: a member list is never near 256 MiB; a device or a pipe
            // that never ends is refused rather than read until the memory is full.
            let data = crate::fsutil::read_bounded(file, IMPORT_MAX_BYTES)
                .map_err(|e| InteropError::io(file, std::io::Error::other(e.to_string())))?;
            match system {
                System::Slims => slims::read(&data, dialect, &name),
                System::Inlislite => inlislite::rows(inlislite::read_csv(&data, &name)?),
            }
        }
    }
}

pub fn import(ctx: &Ctx, a: ImportArgs) -> CmdResult {
    let lang = ctx.lang;
    let fail = |e: InteropError| ctx.fail(&e);
    let dialect = dialect(a.separator, a.quote, ctx)?;
    let type_map = interop::parse_type_map(&a.type_map, &ctx.config).map_err(fail)?;
    let file = read_rows(a.system, &a.file, dialect).map_err(fail)?;
    let rows = file.rows;
    let numbers: Vec<String> = rows
        .iter()
        .map(|r| r.member_no.trim().to_string())
        .collect();
    // SLiMS names each member's photo in member_image; a copy of its images/persons folder
    // needs no link file.
    let named_photos: Vec<PhotoLink> = rows
        .iter()
        .filter(|r| a.photos.is_some() && !r.photo.is_empty())
        .map(|r| PhotoLink {
            line: r.line,
            member_no: r.member_no.trim().to_string(),
            file: r.photo.clone(),
        })
        .collect();

    let store = ctx.open_store()?;
    let opts = ImportOptions {
        dry_run: a.dry_run,
        partial: a.partial,
        requests: a.requests,
        type_map,
    };
    let cx = PlanContext {
        store: &store,
        config: &ctx.config,
        today: ctx.clock.today(),
        tz: ctx.clock.tz(),
    };
    let mut plan = interop::plan_import(a.system, rows, &cx, &opts, lang).map_err(fail)?;
    for (column, n) in &file.ignored {
        if a.photos.is_some() && column == "member_image" {
            continue;
        }
        let why = match a.system {
            System::Slims => slims::why_not_read(column, lang),
            System::Inlislite => None,
        }
        .unwrap_or_else(|| {
            ctx.lang
                .text("cli-interop-loket-does-not-keep-it")
                .to_string()
        });
        plan.report.summary.leave_out(column, *n, why);
    }
    if a.json {
        print_json(&plan.report);
    } else {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        // A closed pipe (`| head`) is not the import's failure: the report stops there.
        let _ = plan
            .report
            .write_to(&mut out, lang)
            .and_then(|_| std::io::Write::flush(&mut out));
    }

    let mut photos: Vec<(String, Vec<u8>, Option<Vec<u8>>)> = Vec::new();
    if let Some(dir) = &a.photos {
        // A ZIP is unpacked into a private folder (removed afterwards) and read as one.
        let unpacked = if dir
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
        {
            Some(interop::unpack_photo_zip(dir).map_err(fail)?)
        } else {
            None
        };
        let dir = unpacked.as_ref().map(|u| u.0.as_path()).unwrap_or(dir);
        let links = if a.system == System::Slims && !dir.join("photos.csv").exists() {
            named_photos
        } else {
            interop::read_photo_links(dir).map_err(fail)?
        };
        let mut problems = interop::check_photo_links(dir, &links, &numbers, lang);
        // Each linked photo goes through the same decoding, limits and crop as one taken at
        // the counter, before anything is written: a bad photo fails the import, not a
        // member half-imported without it.
        let config: PhotoConfig = ctx.config.section("photo").map_err(|e| ctx.fail(&e))?;
        let limits = Limits::default();
        for l in &links {
            let path = dir.join(&l.file);
            if !numbers.contains(&l.member_no) || l.file.contains("..") || !path.is_file() {
                continue; // already reported by check_photo_links
            }
            let made = read_file(&path, &limits).and_then(|bytes| {
                let stored = crate::photo::process(&bytes, &limits, None, &config)?;
                Ok((stored.jpeg, config.keep_original.then_some(bytes)))
            });
            match made {
                Ok((stored, original)) => photos.push((l.member_no.clone(), stored, original)),
                Err(e) => {
                    problems.push(format!("{} {}: {}", l.member_no, l.file, e.localized(lang)))
                }
            }
        }
        for p in &problems {
            eprintln!("{p}");
        }
        eprintln!(
            "{}",
            crate::t!(
                lang,
                "cli-interop-photo-links-checked",
                checked = links.len(),
                problems = problems.len()
            )
        );
        if !problems.is_empty() && !a.partial {
            return Err(Failure::input(
                ctx.lang
                    .text("cli-interop-nothing-was-written-some-photos-have"),
            ));
        }
    }

    let totals = plan.report.totals();
    // The report is printed: its 100,000 rows need not stay in memory beside the writes.
    let writes = plan.writes;
    drop(plan.report);
    if totals.rejected > 0 && !a.partial {
        return Err(Failure::input(crate::t!(
            lang,
            "cli-interop-rows-rejected-nothing-written",
            n = totals.rejected
        )));
    }
    if a.dry_run {
        println!(
            "{}",
            ctx.lang.text("cli-interop-dry-run-dry-run-nothing-was")
        );
        return Ok(());
    }
    let origin = format!(
        "{} {}",
        a.system.name(),
        a.file.file_name().unwrap_or_default().to_string_lossy()
    );
    let (actor, _) = ctx.acting(&store)?;
    let bar = progress_bar(writes.len() as u64, ctx.lang.text("cli-interop-writing"));
    let done = store
        .import_members(
            ImportBatch {
                writes,
                scheme: &ctx.config.member_no,
                actor: &actor,
                at: ctx.clock.now(),
                origin: &origin,
            },
            &mut |n| bar.inc(n),
        )
        .map_err(|e| ctx.fail(&e))?;
    bar.finish_and_clear();
    for (no, stored, original) in &photos {
        let write = PhotoWrite {
            stored,
            original: original.as_deref(),
        };
        store
            .put_photo(no, &write, &actor, ctx.clock.now())
            .map_err(|e| ctx.fail(&e))?;
    }
    if !photos.is_empty() {
        println!(
            "{} {}",
            ctx.lang.text("cli-interop-photos-stored"),
            photos.len()
        );
    }
    println!(
        "{}",
        crate::t!(
            lang,
            "cli-interop-saved",
            added = done.added,
            updated = done.updated,
            requests = done.requests
        )
    );
    Ok(())
}
