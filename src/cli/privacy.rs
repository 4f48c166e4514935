//! `loket member export-own` and `loket member erase`: a member's rights of access and
//! erasure (UU 27/2022). See docs/deploy.md.

use std::path::Path;

use super::{CmdResult, Ctx, Failure, with_desk};

pub fn export_own(ctx: &Ctx, no: &str, out: &Path) -> CmdResult {
    with_desk(ctx, |desk| {
        let data = desk.own_data(no).map_err(|e| ctx.fail(&e))?;
        let json = serde_json::to_vec_pretty(&data).map_err(|e| Failure::new(e.to_string()))?;
        let file = out.join(format!("{no}.json"));
        let write = |path: &Path, bytes: &[u8]| {
            crate::fsutil::write_private(path, bytes)
                .map_err(|e| Failure::new(format!("{}: {e}", path.display())))
        };
        crate::fsutil::private_dir(out)
            .map_err(|e| Failure::new(format!("{}: {e}", out.display())))?;
        write(&file, &json)?;
        if let Some(photo) = &data.photo {
            write(&out.join(format!("{no}-foto.jpg")), photo)?;
        }
        desk.store
            .audit(
                ctx.clock.now(),
                &desk.actor,
                "export-own",
                no,
                &format!("to {}", out.display()),
            )
            .map_err(|e| ctx.fail(&e))?;
        println!(
            "{} {} ({} {}, {} {}, {} {})",
            ctx.lang.text("cli-privacy-the-member-s-data-for-the"),
            file.display(),
            data.requests.len(),
            ctx.lang.text("cli-privacy-requests"),
            data.visits.len(),
            ctx.lang.text("cli-privacy-visits"),
            data.audit.len(),
            ctx.lang.text("cli-privacy-audit-entries"),
        );
        println!(
            "{}",
            ctx.lang.text("cli-privacy-the-file-holds-the-whole-nik")
        );
        Ok(())
    })
}

pub fn erase(ctx: &Ctx, no: &str, reason: &str) -> CmdResult {
    with_desk(ctx, |desk| {
        let kept = desk.erase_member(no, reason).map_err(|e| ctx.fail(&e))?;
        println!(
            "{no}: {}",
            ctx.lang
                .text("cli-privacy-personal-data-erased-kept-for-the")
        );
        println!(
            "{}: {} {}",
            ctx.lang.text("cli-privacy-card"),
            kept.status.code(),
            ctx.lang.text("cli-privacy-no-longer-valid")
        );
        Ok(())
    })
}
