//! `loket import …` and `loket export …`: members from and to SLiMS and INLISLite.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};

use super::{CmdResult, Ctx, Failure, print_json};
use crate::config::os_actor;
use crate::i18n::{Lang, Localized};
use crate::interop::{
    self, ImportOptions, InteropError, PlanContext, SourceRow, System, inlislite, slims,
};
use crate::store::ImportBatch;

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

    if let Some(dir) = &a.photos {
        if dir
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
        {
            return Err(Failure::input(ctx.t(
                "Foto dalam ZIP belum bisa dibaca: ekstrak dulu ke folder, lalu --photos FOLDER.",
                "Photos in a ZIP cannot be read yet: unpack it to a folder, then --photos FOLDER.",
            )));
        }
        let links = interop::read_photo_links(dir).map_err(fail)?;
        let problems = interop::check_photo_links(dir, &links, &numbers, lang);
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
        // The store keeps no photos yet (the photo module brings them): importing the members
        // while silently dropping the photos would look like success. Refuse instead.
        if !a.dry_run {
            return Err(Failure::new(
                InteropError::PhotosUnsupported.localized(lang),
            ));
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
    let actor = os_actor();
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
    if a.photos.is_some() {
        // Said before anything is written: an export without the photos asked for is not
        // what the person wanted.
        return Err(Failure::new(match lang {
            Lang::Id => {
                "Foto belum bisa diekspor: loket belum menyimpan foto (modul foto belum terpasang). Ekspor tanpa --photos."
            }
            Lang::En => {
                "Photos cannot be exported yet: loket does not store photos (the photo module is not installed). Export without --photos."
            }
        }));
    }
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
            &os_actor(),
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
    Ok(())
}
