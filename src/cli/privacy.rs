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
            ctx.t(
                "Data anggota untuk anggota itu:",
                "The member's data, for the member:"
            ),
            file.display(),
            data.requests.len(),
            ctx.t("permohonan", "requests"),
            data.visits.len(),
            ctx.t("kunjungan", "visits"),
            data.audit.len(),
            ctx.t("catatan audit", "audit entries"),
        );
        println!(
            "{}",
            ctx.t(
                "Berkas ini berisi NIK lengkap: serahkan hanya kepada anggota itu sendiri, lalu hapus dari komputer ini.",
                "The file holds the whole NIK: hand it to the member in person only, then delete it from this computer."
            )
        );
        Ok(())
    })
}

pub fn erase(ctx: &Ctx, no: &str, reason: &str) -> CmdResult {
    with_desk(ctx, |desk| {
        let kept = desk.erase_member(no, reason).map_err(|e| ctx.fail(&e))?;
        println!(
            "{no}: {}",
            ctx.t(
                "data pribadi dihapus. Yang tersisa untuk statistik: jenis anggota, jenis kelamin, tahun lahir, kota, tanggal daftar, kunjungan dan kartu.",
                "personal data erased. Kept for the statistics: member type, sex, birth year, city, registration date, visits and cards."
            )
        );
        println!(
            "{}: {} {}",
            ctx.t("Kartu", "Card"),
            kept.status.code(),
            ctx.t("(tidak berlaku lagi)", "(no longer valid)")
        );
        Ok(())
    })
}
