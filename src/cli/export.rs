//! `loket export …`: members to SLiMS and INLISLite, in the files their imports read, with a
//! summary of what went where.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::interop::{dialect, progress_bar};
use super::{CmdResult, Ctx, Failure};
use crate::domain::member::Member;
use crate::i18n::Lang;
use crate::interop::inlislite_write::{self, Version};
use crate::interop::{self, InteropError, System, slims};
use crate::photo::{EXPORT_MAX_KB, export_under};
use crate::store::Store;

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    system: System,
    /// The file to write; for inlislite, .csv writes CSV, anything else .xlsx.
    file: PathBuf,
    /// A folder to write the members' photos to (SLiMS: copy them into its images/persons).
    #[arg(long, value_name = "DIR")]
    photos: Option<PathBuf>,
    /// Maps a member type of the other system to a loket type code: NAME=code (repeatable,
    /// the same entries as on import). Unmapped types go to SLiMS as its stock type Standard.
    #[arg(long, value_name = "NAME=code")]
    type_map: Vec<String>,
    /// Which INLISLite reads the file: 3 (3.0-3.2) or 3.3.
    #[arg(long, value_enum, default_value = "3")]
    version: Version,
    /// SLiMS: also members without a card yet (SLiMS's import never updates a member later).
    #[arg(long)]
    pending: bool,
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

pub fn export(ctx: &Ctx, a: ExportArgs) -> CmdResult {
    let lang = ctx.lang;
    let fail = |e: InteropError| ctx.fail(&e);
    let dialect = dialect(a.separator, a.quote, ctx)?;
    let type_map = interop::parse_type_map(&a.type_map, &ctx.config).map_err(fail)?;
    let store = ctx.open_store()?;
    let members = store.members().map_err(|e| ctx.fail(&e))?;
    let with_photo: HashSet<String> = match &a.photos {
        Some(_) => members
            .iter()
            .filter(|m| matches!(store.photo(m.member_no.as_str()), Ok(Some(_))))
            .map(|m| m.member_no.to_string())
            .collect(),
        None => HashSet::new(),
    };
    let has_photo = |no: &str| with_photo.contains(no);
    let bar = progress_bar(members.len() as u64, ctx.lang.text("cli-export-exporting"));
    let mut tick = |n| bar.inc(n);
    let tz = ctx.clock.tz();
    let today = ctx.clock.today();
    let (bytes, written, mut summary) = match a.system {
        System::Slims => {
            let opts = slims::ExportOptions {
                dialect,
                header: !a.no_header,
                type_map: &type_map,
                pending: a.pending,
                with_photo: &has_photo,
                today,
                lang,
            };
            let e = slims::write(&members, &ctx.config, tz, &opts, &mut tick).map_err(fail)?;
            (e.bytes, e.members, e.summary)
        }
        System::Inlislite => {
            let opts = inlislite_write::ExportOptions {
                version: a.version,
                type_map: &type_map,
                with_photo: &has_photo,
                today,
                lang,
            };
            let csv = a
                .file
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
            let e = if csv {
                inlislite_write::write_csv(&members, &ctx.config, tz, &opts, &mut tick)
            } else {
                inlislite_write::write_xlsx(&members, &ctx.config, tz, &opts, &mut tick)
            }
            .map_err(fail)?;
            (e.bytes, e.members, e.summary)
        }
    };
    bar.finish_and_clear();
    interop::write_private(&a.file, &bytes).map_err(fail)?;
    let peer = match a.system {
        System::Slims => "SLiMS",
        System::Inlislite => a.version.label(),
    };
    store
        .audit(
            ctx.clock.now(),
            &ctx.acting(&store)?.0,
            "export",
            a.system.name(),
            // i18n: an audit detail, kept in the store once, in the log's English
            &format!("{written} members to {}", a.file.display()),
        )
        .map_err(|e| ctx.fail(&e))?;
    let sensitive = match a.system {
        System::Slims => lang.text("cli-export-sensitive-slims"),
        System::Inlislite => lang.text("cli-export-sensitive-inlislite"),
    };
    eprintln!(
        "{}",
        crate::t!(
            lang,
            "cli-export-file-holds-personal-data",
            sensitive = sensitive,
            peer = a.system.name()
        )
    );
    if let Some(dir) = &a.photos {
        let n =
            export_photos(&store, &members, &with_photo, a.system, dir).map_err(Failure::new)?;
        let id = match a.system {
            System::Slims => "cli-export-photos-for-slims",
            System::Inlislite => "cli-export-photos-for-inlislite",
        };
        let folder = dir.display().to_string();
        summary
            .notes
            .push(crate::t!(lang, id, n = n, folder = folder));
    } else if a.system == System::Slims {
        summary.notes.push(
            ctx.lang
                .text("cli-export-member-image-left-empty-add-photos")
                .to_string(),
        );
    }
    println!("{}", done_line(written, members.len(), peer, &a.file, lang));
    print!("{}", summary.render(lang));
    Ok(())
}

fn done_line(written: usize, all: usize, peer: &str, file: &Path, lang: Lang) -> String {
    crate::t!(
        lang,
        "cli-export-done",
        written = written,
        all = all,
        peer = peer,
        file = file.display().to_string()
    )
}

/// Writes each member's photo (at most 500 KB, what SLiMS and INLISLite take) under the name
/// the export's photo column gives it, and the `number,filename` link file that
/// `loket import --photos` reads back.
fn export_photos(
    store: &Store,
    members: &[Member],
    with_photo: &HashSet<String>,
    system: System,
    dir: &Path,
) -> Result<usize, String> {
    crate::fsutil::private_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut links = String::from("number,filename\n");
    let mut n = 0;
    for m in members {
        let no = m.member_no.as_str();
        if !with_photo.contains(no) {
            continue;
        }
        let Some(photo) = store.photo(no).map_err(|e| e.to_string())? else {
            continue;
        };
        let jpeg = export_under(&photo, EXPORT_MAX_KB).map_err(|e| e.to_string())?;
        let file = match system {
            System::Slims => slims::photo_file_name(no),
            System::Inlislite => format!("{no}.jpg"),
        };
        interop::write_private(&dir.join(&file), &jpeg).map_err(|e| format!("{file}: {e}"))?;
        links.push_str(&format!("{no},{file}\n"));
        n += 1;
    }
    const LINKS: &str = "photos.csv";
    std::fs::write(dir.join(LINKS), links).map_err(|e| format!("{LINKS}: {e}"))?;
    Ok(n)
}
