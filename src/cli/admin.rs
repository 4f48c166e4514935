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
        ctx.lang.text("cli-admin-store"),
        ctx.paths.store_shown()
    );
    println!(
        "{}",
        ctx.lang
            .text("cli-admin-commands-loket-demo-fill-with-example")
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
        println!("{}", ctx.lang.text("cli-admin-requests-by-state"));
        for c in &s.by_state {
            if c.count > 0 {
                println!("  {:<22} {:>6}", c.state.localized(ctx.lang), c.count);
            }
        }
        match &s.oldest_waiting {
            Some(w) => println!(
                "{} {} ({}, {} {} / {} {})",
                ctx.lang.text("cli-admin-oldest-waiting"),
                w.member_no,
                w.state.localized(ctx.lang),
                w.minutes,
                ctx.lang.text("cli-admin-min"),
                w.standard_minutes,
                ctx.lang.text("cli-admin-min-standard"),
            ),
            None => println!("{}", ctx.lang.text("cli-admin-nobody-is-waiting")),
        }
        println!(
            "{} {}   {} {}",
            ctx.lang.text("cli-admin-over-standard-time"),
            s.over_standard,
            ctx.lang.text("cli-admin-near"),
            s.near_standard
        );
        println!(
            "{} {}   {} {}",
            ctx.lang.text("cli-admin-members"),
            s.members,
            ctx.lang.text("cli-admin-visits-today"),
            s.visits_today
        );
        if s.previews_missing > 0 {
            println!(
                "{}",
                crate::t!(
                    ctx.lang,
                    "cli-admin-previews-missing",
                    n = s.previews_missing
                )
            );
        }
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
            ctx.lang
                .text("cli-admin-no-entries-match-loosen-the-filters")
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
        // The ledger is what a damaged store's message names the last backup from.
        if let Err(e) = crate::store::record_backup(desk.store.path(), file, ctx.clock.now()) {
            eprintln!(
                "{} ({e})",
                ctx.lang.text("cli-admin-the-backup-is-written-but-could")
            );
        }
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
            ctx.lang.text("cli-admin-backup-written"),
            file.display(),
            ctx.lang.text("cli-admin-records")
        );
        Ok(())
    })
}

pub fn check(ctx: &Ctx) -> CmdResult {
    if ctx.paths.store_url.is_some() {
        // A PostgreSQL store: reachable and at a schema this loket knows; its pages are the
        // server's to check.
        let store = ctx.open_store()?;
        let schema = store.schema_version().map_err(|e| ctx.fail(&e))?;
        println!(
            "{}",
            crate::t!(
                ctx.lang,
                "store-check-postgres",
                url = ctx.paths.store_shown(),
                schema = schema.unwrap_or(0)
            )
        );
        return Ok(());
    }
    let path = &ctx.paths.store_file;
    if !path.exists() {
        return Err(Failure::new(format!(
            "{} {}",
            ctx.lang.text("cli-admin-there-is-no-store-at"),
            path.display()
        )));
    }
    match Store::check(path) {
        Ok(true) => {
            println!("{}", ctx.lang.text("cli-admin-the-store-is-intact"));
            Ok(())
        }
        Ok(false) => {
            println!(
                "{}",
                ctx.lang.text("cli-admin-the-store-was-damaged-and-has")
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
            ctx.lang.text("cli-admin-example-data-created"),
            numbers.len(),
            ctx.lang.text("cli-admin-made-up-applicants")
        );
        Ok(())
    })
}

pub fn show_config(ctx: &Ctx) -> CmdResult {
    println!("# config: {}", ctx.paths.config_file.display());
    println!("# store:  {}", ctx.paths.store_shown());
    print!(
        "{}",
        toml::to_string_pretty(&ctx.config).map_err(|e| Failure::new(e.to_string()))?
    );
    Ok(())
}
