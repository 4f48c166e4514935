//! `loket card …`: a preview of cards in any state, and SOP 5 (print) for verified requests.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};

use super::{CmdResult, Ctx, Failure, with_desk};
use crate::card::SheetKind;
use crate::i18n::Localized;
use crate::service::printing::PrintChoice;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Sheet {
    /// One card per page (card printers).
    Card,
    /// A4 sheets of ten with crop marks (ordinary printers and a cutter).
    A4,
}

impl From<Sheet> for SheetKind {
    fn from(s: Sheet) -> SheetKind {
        match s {
            Sheet::Card => SheetKind::Card,
            Sheet::A4 => SheetKind::A4,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum CardCmd {
    /// Renders the cards of these members into a PDF, in any state (a preview).
    Render {
        #[arg(required = true)]
        no: Vec<String>,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_enum)]
        sheet: Option<Sheet>,
        /// On a partly used A4 sheet: the first free slot (1–10, left to right, top to
        /// bottom), where the first card goes. Default 1, a fresh sheet.
        #[arg(long)]
        start: Option<usize>,
    },
    /// Prints the cards of verified requests (SOP 5) and records it once the printer took them.
    Print {
        #[arg(required = true)]
        no: Vec<String>,
        #[arg(long)]
        printer: Option<String>,
        #[arg(long, value_enum)]
        sheet: Option<Sheet>,
        /// On a partly used A4 sheet: the first free slot (1–10, left to right, top to
        /// bottom), where the first card goes. Default 1, a fresh sheet.
        #[arg(long)]
        start: Option<usize>,
        /// Print again a card printed but not handed over (jammed, smudged): the reason.
        #[arg(long)]
        reprint_reason: Option<String>,
    },
    /// Every print attempt and how it ended (printed, failed, interrupted), newest last.
    Attempts {
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
}

pub fn run(ctx: &Ctx, cmd: CardCmd) -> CmdResult {
    match cmd {
        CardCmd::Attempts { limit } => super::attempts::list(ctx, limit),
        CardCmd::Render {
            no,
            out,
            sheet,
            start,
        } => with_desk(ctx, |desk| {
            let choice = PrintChoice {
                sheet: sheet.map(Into::into),
                start,
                ..PrintChoice::default()
            };
            let pdf = desk.render_cards(&no, &choice).map_err(|e| ctx.fail(&e))?;
            crate::fsutil::write_private(&out, &pdf)
                .map_err(|e| Failure::new(format!("{}: {e}", out.display())))?;
            println!("{} ({} KB)", out.display(), pdf.len().div_ceil(1024));
            Ok(())
        }),
        CardCmd::Print {
            no,
            printer,
            sheet,
            start,
            reprint_reason,
        } => with_desk(ctx, |desk| {
            let choice = PrintChoice {
                sheet: sheet.map(Into::into),
                start,
                printer,
                reprint_reason,
            };
            let (job, done) = desk.print_cards(&no, &choice).map_err(|e| ctx.fail(&e))?;
            println!(
                "{} {} ({})",
                ctx.lang.text("cli-card-sent-to-the-printer"),
                job.job_id,
                job.pdf.display()
            );
            for r in done {
                println!(
                    "{}: {} — {}",
                    r.member_no,
                    r.state.localized(ctx.lang),
                    r.card_serial.unwrap_or_default()
                );
            }
            Ok(())
        }),
    }
}
