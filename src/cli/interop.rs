//! `loket import …` and `loket export …`: members from and to SLiMS and INLISLite.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};

use super::{CmdResult, Ctx, Failure, print_json};
use crate::i18n::{Lang, Localized};
use crate::interop::{
    self, ImportOptions, InteropError, PlanContext, SourceRow, System, inlislite, slims,
};
use crate::photo::source::read_file;
use crate::photo::{EXPORT_MAX_KB, Limits, PhotoConfig, export_under};
use crate::store::{ImportBatch, PhotoWrite};

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

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    system: System,
    /// The file to write; for inlislite, .csv writes CSV, anything else .xlsx.
    file: PathBuf,
    /// A folder to write the members' photos to.
    #[arg(long, value_name = "DIR")]
    photos: Option<PathBuf>,
    /// SLiMS CSV field separator.
    #[arg(long, default_value = ",")]
    separator: char,
    /// SLiMS CSV quote character.
    #[arg(long, default_value = "\"")]
    quote: char,
    /// Leave out the SLiMS header row.
    #[arg(long)]
    no_header: bool,
}

/// A bar on stderr for long runs, drawn only when stderr is a terminal: scripts and tests
/// get clean output.
fn progress_bar(len: u64, what: &str) -> ProgressBar {
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

fn dialect(separator: char, quote: char, ctx: &Ctx) -> Result<slims::Dialect, Failure> {
    match (u8::try_from(separator), u8::try_from(quote)) {
        (Ok(s), Ok(q)) if s.is_ascii() && q.is_ascii() => Ok(slims::Dialect {
            separator: s,
            quote: q,
        }),
        _ => Err(Failure::input(ctx.t(
            "--separator dan --quote harus satu huruf ASCII, misalnya , ; atau \".",
            "--separator and --quote must be one ASCII character, e.g. , ; or \".",
        ))),
    }
}

fn read_rows(
    system: System,
    file: &Path,
    dialect: slims::Dialect,
) -> Result<Vec<SourceRow>, InteropError> {
    let name = file.display().to_string();
    let is_xlsx = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    match system {
        System::Inlislite if is_xlsx => inlislite::rows(inlislite::read_xlsx(file)?),
        _ => {
            let data = std::fs::read(file).map_err(|e| InteropError::io(file, e))?;
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
    let rows = read_rows(a.system, &a.file, dialect).map_err(fail)?;
    let numbers: Vec<String> = rows
        .iter()
        .map(|r| r.member_no.trim().to_string())
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
    let plan = interop::plan_import(a.system, rows, &cx, &opts, lang).map_err(fail)?;
    if a.json {
        print_json(&plan.report);
    } else {
        print!("{}", plan.report.render(lang));
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
        let links = interop::read_photo_links(dir).map_err(fail)?;
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
            match lang {
                Lang::Id => format!(
                    "Tautan foto: {} diperiksa, {} bermasalah.",
                    links.len(),
                    problems.len()
                ),
                Lang::En => format!(
                    "Photo links: {} checked, {} with problems.",
                    links.len(),
                    problems.len()
                ),
            }
        );
        if !problems.is_empty() && !a.partial {
            return Err(Failure::input(ctx.t(
                "Tidak ada yang ditulis: ada foto yang bermasalah (lihat di atas). Perbaiki foto atau tautannya lalu impor lagi, atau tambahkan --partial.",
                "Nothing was written: some photos have problems (see above). Fix the photos or their links and import again, or add --partial.",
            )));
        }
    }

    let totals = plan.report.totals();
    if totals.rejected > 0 && !a.partial {
        return Err(Failure::input(match lang {
            Lang::Id => format!(
                "Tidak ada yang ditulis: {} baris ditolak. Perbaiki baris itu di berkas lalu impor lagi, atau tambahkan --partial untuk mengimpor baris yang baik saja.",
                totals.rejected
            ),
            Lang::En => format!(
                "Nothing was written: {} rows were rejected. Fix them in the file and import again, or add --partial to import the good rows only.",
                totals.rejected
            ),
        }));
    }
    if a.dry_run {
        println!(
            "{}",
            ctx.t(
                "Uji coba (--dry-run): tidak ada yang ditulis.",
                "Dry run (--dry-run): nothing was written."
            )
        );
        return Ok(());
    }
    let origin = format!(
        "{} {}",
        a.system.name(),
        a.file.file_name().unwrap_or_default().to_string_lossy()
    );
    let (actor, _) = ctx.acting(&store)?;
    let bar = progress_bar(plan.writes.len() as u64, ctx.t("menulis", "writing"));
    let done = store
        .import_members(
            ImportBatch {
                writes: plan.writes,
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
            ctx.t("Foto tersimpan:", "Photos stored:"),
            photos.len()
        );
    }
    println!(
        "{}",
        match lang {
            Lang::Id => format!(
                "Tersimpan: {} anggota baru, {} diperbarui, {} permohonan kartu.",
                done.added, done.updated, done.requests
            ),
            Lang::En => format!(
                "Saved: {} new members, {} updated, {} card requests.",
                done.added, done.updated, done.requests
            ),
        }
    );
    Ok(())
}

pub fn export(ctx: &Ctx, a: ExportArgs) -> CmdResult {
    let lang = ctx.lang;
    let fail = |e: InteropError| ctx.fail(&e);
    let dialect = dialect(a.separator, a.quote, ctx)?;
    let store = ctx.open_store()?;
    let members = store.members().map_err(|e| ctx.fail(&e))?;
    let bar = progress_bar(members.len() as u64, ctx.t("mengekspor", "exporting"));
    let mut tick = |n| bar.inc(n);
    let tz = ctx.clock.tz();
    let bytes = match a.system {
        System::Slims => slims::write(&members, &ctx.config, tz, dialect, !a.no_header, &mut tick),
        System::Inlislite
            if a.file
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv")) =>
        {
            inlislite::write_csv(&members, &ctx.config, tz, &mut tick)
        }
        System::Inlislite => inlislite::write_xlsx(&members, &ctx.config, tz, &mut tick),
    }
    .map_err(fail)?;
    bar.finish_and_clear();
    interop::write_private(&a.file, &bytes).map_err(fail)?;
    store
        .audit(
            ctx.clock.now(),
            &ctx.acting(&store)?.0,
            "export",
            a.system.name(),
            &format!("{} members to {}", members.len(), a.file.display()),
        )
        .map_err(|e| ctx.fail(&e))?;
    let sensitive = match (a.system, lang) {
        (System::Slims, Lang::Id) => "NIK",
        (System::Slims, Lang::En) => "NIKs",
        (System::Inlislite, Lang::Id) => "NIK dan nama ibu kandung",
        (System::Inlislite, Lang::En) => "NIKs and mothers' birth names",
    };
    eprintln!(
        "{}",
        match lang {
            Lang::Id => format!(
                "Perhatian: berkas ini berisi {sensitive} (data pribadi, UU 27/2022). Hanya pemiliknya yang bisa membacanya (mode 0600). Serahkan langsung ke admin {}, lalu hapus.",
                a.system.name()
            ),
            Lang::En => format!(
                "Note: this file holds {sensitive} (personal data, UU 27/2022). Only its owner can read it (mode 0600). Hand it straight to the {} administrator, then delete it.",
                a.system.name()
            ),
        }
    );
    println!(
        "{}",
        match lang {
            Lang::Id => format!(
                "{} anggota diekspor ke {}.",
                members.len(),
                a.file.display()
            ),
            Lang::En => format!(
                "{} members exported to {}.",
                members.len(),
                a.file.display()
            ),
        }
    );
    if let Some(dir) = &a.photos {
        let n = export_photos(&store, &members, dir).map_err(Failure::new)?;
        println!(
            "{} {n} → {}",
            ctx.t("Foto diekspor:", "Photos exported:"),
            dir.display()
        );
    }
    Ok(())
}

/// Writes each member's photo as `NO.jpg` (at most 500 KB, what SLiMS and INLISLite take) and
/// the `number,filename` link file that `loket import --photos` reads back.
fn export_photos(
    store: &crate::store::Store,
    members: &[crate::domain::member::Member],
    dir: &Path,
) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut links = String::from("number,filename\n");
    let mut n = 0;
    for m in members {
        let no = m.member_no.as_str();
        let Some(photo) = store.photo(no).map_err(|e| e.to_string())? else {
            continue;
        };
        let jpeg = export_under(&photo, EXPORT_MAX_KB).map_err(|e| e.to_string())?;
        let file = format!("{no}.jpg");
        std::fs::write(dir.join(&file), jpeg).map_err(|e| format!("{file}: {e}"))?;
        links.push_str(&format!("{no},{file}\n"));
        n += 1;
    }
    std::fs::write(dir.join("photos.csv"), links).map_err(|e| format!("photos.csv: {e}"))?;
    Ok(n)
}
