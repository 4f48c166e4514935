//! `loket status`, backup, check, demo, config.

use std::path::Path;

use super::{CmdResult, Ctx, Failure, print_json, with_desk};
use crate::i18n::Localized;
use crate::service::{demo, status::status as service_status};
use crate::store::Store;

/// `loket` with no command when stdout is not a terminal (a script, a pipe): the status,
/// where the store is and what to type next, instead of a screen that waits for keys.
pub fn overview(ctx: &Ctx) -> CmdResult {
    status(ctx, false)?;
    println!();
    println!(
        "{} {}",
        ctx.t("Basis data:", "Store:"),
        ctx.paths.store_file.display()
    );
    println!(
        "{}",
        ctx.t(
            "Perintah: loket demo (isi data contoh), loket request list, loket member add, loket --help",
            "Commands: loket demo (fill with example data), loket request list, loket member add, loket --help"
        )
    );
    Ok(())
}

pub fn status(ctx: &Ctx, json: bool) -> CmdResult {
    with_desk(ctx, |desk| {
        let s = service_status(
            desk.store,
            ctx.clock.now(),
            ctx.clock.today(),
            &ctx.config.standard_minutes,
        )
        .map_err(|e| ctx.fail(&e))?;
        if json {
            print_json(&s);
            return Ok(());
        }
        println!("{}", ctx.config.library.name);
        println!("{}", ctx.t("Permohonan per tahap:", "Requests by state:"));
        for c in &s.by_state {
            if c.count > 0 {
                println!("  {:<22} {:>6}", c.state.localized(ctx.lang), c.count);
            }
        }
        match &s.oldest_waiting {
            Some(w) => println!(
                "{} {} ({}, {} {} / {} {})",
                ctx.t("Terlama menunggu:", "Oldest waiting:"),
                w.member_no,
                w.state.localized(ctx.lang),
                w.minutes,
                ctx.t("menit", "min"),
                w.standard_minutes,
                ctx.t("menit baku", "min standard"),
            ),
            None => println!(
                "{}",
                ctx.t("Tidak ada yang menunggu.", "Nobody is waiting.")
            ),
        }
        println!(
            "{} {}   {} {}",
            ctx.t("Lewat waktu baku:", "Over standard time:"),
            s.over_standard,
            ctx.t("hampir:", "near:"),
            s.near_standard
        );
        println!(
            "{} {}   {} {}",
            ctx.t("Anggota:", "Members:"),
            s.members,
            ctx.t("Kunjungan hari ini:", "Visits today:"),
            s.visits_today
        );
        Ok(())
    })
}

pub fn audit(
    ctx: &Ctx,
    limit: usize,
    user: Option<String>,
    subject: Option<String>,
    json: bool,
) -> CmdResult {
    let store = ctx.open_store()?;
    let entries = store
        .audit_matching(limit, |e| {
            user.as_deref().is_none_or(|u| e.user == u)
                && subject.as_deref().is_none_or(|s| e.subject == s)
        })
        .map_err(|e| ctx.fail(&e))?;
    if json {
        print_json(&entries);
        return Ok(());
    }
    if entries.is_empty() {
        println!(
            "{}",
            ctx.t(
                "Tidak ada catatan yang cocok. Longgarkan saringan (--user, --subject).",
                "No entries match. Loosen the filters (--user, --subject)."
            )
        );
    }
    for e in &entries {
        println!(
            "{}  {:<10} {:<14} {:<14} {:<12} {}",
            ctx.clock.local(e.at),
            e.user,
            e.terminal,
            e.action,
            e.subject,
            e.detail
        );
    }
    Ok(())
}

pub fn backup(ctx: &Ctx, file: &Path) -> CmdResult {
    with_desk(ctx, |desk| {
        let n = desk.store.backup_to(file).map_err(|e| ctx.fail(&e))?;
        desk.store
            .audit(
                ctx.clock.now(),
                &desk.actor,
                "backup",
                &file.display().to_string(),
                &format!("{n} records"),
            )
            .map_err(|e| ctx.fail(&e))?;
        println!(
            "{} {} ({n} {})",
            ctx.t("Cadangan tersimpan:", "Backup written:"),
            file.display(),
            ctx.t("catatan", "records")
        );
        Ok(())
    })
}

pub fn check(ctx: &Ctx) -> CmdResult {
    let path = &ctx.paths.store_file;
    if !path.exists() {
        return Err(Failure::new(format!(
            "{} {}",
            ctx.t("Basis data belum ada di", "There is no store at"),
            path.display()
        )));
    }
    match Store::check(path) {
        Ok(true) => {
            println!("{}", ctx.t("Basis data utuh.", "The store is intact."));
            Ok(())
        }
        Ok(false) => {
            println!(
                "{}",
                ctx.t(
                    "Basis data sempat rusak dan sudah diperbaiki. Buat cadangan sekarang.",
                    "The store was damaged and has been repaired. Make a backup now."
                )
            );
            Ok(())
        }
        Err(e) => Err(ctx.fail(&e)),
    }
}

pub fn demo(ctx: &Ctx, count: usize) -> CmdResult {
    with_desk(ctx, |desk| {
        let seed = desk.store.changes().map_err(|e| ctx.fail(&e))?;
        let numbers = demo::fill(desk, count, seed).map_err(|e| ctx.fail(&e))?;
        println!(
            "{} {} {}",
            ctx.t("Data contoh dibuat:", "Example data created:"),
            numbers.len(),
            ctx.t("pendaftar rekaan.", "made-up applicants.")
        );
        Ok(())
    })
}

pub fn show_config(ctx: &Ctx) -> CmdResult {
    println!("# config: {}", ctx.paths.config_file.display());
    println!("# store:  {}", ctx.paths.store_file.display());
    print!(
        "{}",
        toml::to_string_pretty(&ctx.config).map_err(|e| Failure::new(e.to_string()))?
    );
    Ok(())
}
