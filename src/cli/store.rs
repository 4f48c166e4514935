//! `loket store migrate --to URL|FILE`: the store moved into an empty PostgreSQL database or a
//! new redb file, all or nothing, the counts checked on both sides. `loket store previews`: the
//! front desk's previews of photos kept before redb's schema 4, filled in a batch at a time.

use std::path::PathBuf;

use clap::Subcommand;

use super::{CmdResult, Ctx, Failure};
use crate::i18n::Localized;
use crate::store::{Store, is_postgres_url};
use crate::t;

#[derive(Subcommand, Debug)]
pub enum StoreCmd {
    /// Copies the store into an empty PostgreSQL database (postgres://…) or a new .redb file:
    /// all or nothing, with the counts checked on both sides.
    Migrate {
        /// The target: postgres://user@host/db or a .redb file that does not exist yet.
        #[arg(long, value_name = "URL|FILE")]
        to: String,
    },
    /// Stores the front desk's preview of every photo kept before schema 4, a few hundred
    /// photos to a short write transaction, while the other PCs work on. Safe to stop and run
    /// again: what was stored stays, the rest is done next time.
    Previews {
        /// Photos per write transaction.
        #[arg(long, default_value_t = 256, value_name = "N")]
        batch: usize,
    },
}

pub fn store(ctx: &Ctx, cmd: StoreCmd) -> CmdResult {
    match cmd {
        StoreCmd::Migrate { to } => migrate(ctx, &to),
        StoreCmd::Previews { batch } => previews(ctx, batch),
    }
}

fn migrate(ctx: &Ctx, to: &str) -> CmdResult {
    let source = ctx.open_store()?;
    let (target, made) = if is_postgres_url(to) {
        let t = Store::open_postgres(to, &ctx.paths.store_file).map_err(|e| ctx.fail(&e))?;
        (t, None)
    } else {
        let file = PathBuf::from(to);
        if file.exists() {
            return Err(Failure::input(t!(
                ctx.lang,
                "store-migrate-file-exists",
                file = file.display().to_string()
            )));
        }
        (Store::open(&file).map_err(|e| ctx.fail(&e))?, Some(file))
    };
    let total: u64 = source
        .record_counts()
        .map_err(|e| ctx.fail(&e))?
        .values()
        .sum();
    let bar = super::interop::progress_bar(total, ctx.lang.text("store-migrate-progress"));
    let moved = source.migrate_to(&target, &mut |n| bar.inc(n));
    bar.finish_and_clear();
    drop(target);
    let counts = match moved {
        Ok(c) => c,
        Err(e) => {
            // A new file that did not take the move is not left to look like a store.
            if let Some(file) = made {
                let _ = std::fs::remove_file(&file);
            }
            return Err(Failure::new(e.localized(ctx.lang)));
        }
    };
    for (table, n) in &counts {
        println!("{table:<16} {n}");
    }
    println!(
        "{}",
        t!(
            ctx.lang,
            "store-migrate-done",
            n = counts.values().sum::<u64>(),
            to = crate::store::masked_url(to)
        )
    );
    Ok(())
}

fn previews(ctx: &Ctx, batch: usize) -> CmdResult {
    let store = ctx.open_store()?;
    let missing = store.previews_missing().map_err(|e| ctx.fail(&e))?;
    if missing == 0 {
        println!("{}", ctx.lang.text("store-previews-none-missing"));
        return Ok(());
    }
    let bar = super::interop::progress_bar(missing, ctx.lang.text("store-previews-progress"));
    let filled = store.fill_previews(batch, &mut |n| bar.inc(n));
    bar.finish_and_clear();
    let filled = filled.map_err(|e| ctx.fail(&e))?;
    println!("{}", t!(ctx.lang, "store-previews-done", n = filled.stored));
    if filled.undecodable > 0 {
        println!(
            "{}",
            t!(
                ctx.lang,
                "store-previews-undecodable",
                n = filled.undecodable
            )
        );
    }
    Ok(())
}
