//! `loket photo …`: SOP step 3 from the command line, and photos out for other systems.

use std::path::PathBuf;

use clap::Subcommand;

use super::{CmdResult, Ctx, Failure, with_desk};
use crate::i18n::Localized;
use crate::photo::{EXPORT_MAX_KB, Limits, export_under, source::read_file};

#[derive(Subcommand, Debug)]
pub enum PhotoCmd {
    /// Stores a photo for a member from a file (JPEG, PNG, WebP), cropped 3:4 automatically.
    /// With the applicant at the counter, this is the photo step (SOP 3).
    Import { no: String, file: PathBuf },
    /// Writes the member's stored photo as a JPEG of at most --max-kb.
    Export {
        no: String,
        file: PathBuf,
        #[arg(long, default_value_t = EXPORT_MAX_KB)]
        max_kb: u32,
    },
}

pub fn run(ctx: &Ctx, cmd: PhotoCmd) -> CmdResult {
    match cmd {
        PhotoCmd::Import { no, file } => with_desk(ctx, |desk| {
            let bytes = read_file(&file, &Limits::default()).map_err(|e| ctx.fail(&e))?;
            let (stored, request) = desk
                .take_photo(&no, &bytes, None)
                .map_err(|e| ctx.fail(&e))?;
            println!(
                "{no}: {} ({}×{}, {} KB)",
                ctx.lang.text("cli-photo-photo-stored"),
                stored.width,
                stored.height,
                stored.jpeg.len().div_ceil(1024)
            );
            match request {
                Some(r) => println!("{no}: {}", r.state.localized(ctx.lang)),
                None => println!(
                    "{}",
                    ctx.lang.text("cli-photo-the-photo-step-is-not-recorded")
                ),
            }
            Ok(())
        }),
        PhotoCmd::Export { no, file, max_kb } => with_desk(ctx, |desk| {
            desk.member(&no).map_err(|e| ctx.fail(&e))?;
            let Some(photo) = desk.store.photo(&no).map_err(|e| ctx.fail(&e))? else {
                return Err(Failure::new(format!(
                    "{no}: {}",
                    ctx.lang.text("cli-photo-has-no-photo-yet-take-the")
                )));
            };
            let out = export_under(&photo, max_kb).map_err(|e| ctx.fail(&e))?;
            // A face is personal data: the file is its owner's, whatever the umask.
            crate::fsutil::write_private(&file, &out).map_err(|e| Failure::new(e.to_string()))?;
            println!("{} ({} KB)", file.display(), out.len().div_ceil(1024));
            Ok(())
        }),
    }
}
