//! `loket report daily|monthly` and `loket register`: the supervisor's figures and the
//! handover register, as a terminal table, CSV, JSON or a PDF to print and sign.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{CmdResult, Ctx, Failure, print_json, with_desk};
use crate::i18n::Localized;
use crate::report::config::ReportConfig;
use crate::report::csv::{register_csv, summary_csv};
use crate::report::labels::{period_label, register_title, report_title};
use crate::report::pdf::{Heading, register_pdf, summary_pdf};
use crate::report::period::{parse_date, parse_month};
use crate::report::tables::{register_table, summary_tables};
use crate::report::text::{generated_line, no_handovers, nothing_in, register_text, summary_text};
use crate::report::{Period, PeriodError, PeriodKind};
use crate::service::report::{register, summary};

#[derive(Subcommand, Debug)]
pub enum ReportCmd {
    /// One day's figures (default: today).
    Daily(ReportArgs),
    /// One month's figures: --date any day of the month, or YYYY-MM (default: this month).
    Monthly(ReportArgs),
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The day (YYYY-MM-DD); for monthly also YYYY-MM.
    #[arg(long)]
    date: Option<String>,
    #[command(flatten)]
    output: Output,
}

#[derive(Args, Debug)]
pub struct RegisterArgs {
    /// One day (YYYY-MM-DD; default: today).
    #[arg(long)]
    date: Option<String>,
    /// The first day of a run of days (with --to).
    #[arg(long)]
    from: Option<String>,
    /// The last day of a run of days (with --from).
    #[arg(long)]
    to: Option<String>,
    #[command(flatten)]
    output: Output,
}

#[derive(Args, Debug)]
struct Output {
    /// table (default), csv, pdf or json.
    #[arg(long, default_value = "table")]
    format: String,
    /// Write to FILE instead of the terminal (a PDF without --out is saved under a name
    /// made from the period, in the current folder).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Table,
    Csv,
    Pdf,
    Json,
}

impl Output {
    fn format(&self, ctx: &Ctx) -> Result<Format, Failure> {
        match self.format.trim().to_ascii_lowercase().as_str() {
            "table" | "tabel" => Ok(Format::Table),
            "csv" => Ok(Format::Csv),
            "pdf" => Ok(Format::Pdf),
            "json" => Ok(Format::Json),
            other => Err(Failure::input(crate::t!(
                ctx.lang,
                "cli-report-format-unknown",
                format = other
            ))),
        }
    }

    /// Text to the terminal or to --out; a PDF always to a file, said on the terminal.
    fn write(&self, ctx: &Ctx, bytes: &[u8], pdf_name: &str) -> CmdResult {
        let file = match (&self.out, self.format(ctx)?) {
            (Some(f), _) => f.clone(),
            (None, Format::Pdf) => PathBuf::from(pdf_name),
            (None, _) => {
                print!("{}", String::from_utf8_lossy(bytes));
                return Ok(());
            }
        };
        // The handover register names members: written for its owner only.
        crate::fsutil::write_private(&file, bytes).map_err(|e| write_failed(ctx, &file, &e))?;
        println!("{} {}", ctx.lang.text("cli-report-saved"), file.display());
        Ok(())
    }
}

fn write_failed(ctx: &Ctx, file: &Path, e: &std::io::Error) -> Failure {
    Failure::new(crate::t!(
        ctx.lang,
        "cli-report-file-cannot-be-written-check-the",
        file = file.display().to_string(),
        e = e.to_string()
    ))
}

fn bad_period(ctx: &Ctx, e: PeriodError) -> Failure {
    Failure::input(e.localized(ctx.lang))
}

fn day_or_today(ctx: &Ctx, date: &Option<String>) -> Result<jiff::civil::Date, Failure> {
    match date {
        None => Ok(ctx.clock.today()),
        Some(d) => parse_date(d).map_err(|e| bad_period(ctx, e)),
    }
}

/// A file name for the PDF from what it covers: `laporan-harian-2026-11-28.pdf`.
fn pdf_name(prefix: &str, p: &Period) -> String {
    match p.kind {
        PeriodKind::Day => format!("{prefix}-{}.pdf", p.first),
        PeriodKind::Month => format!("{prefix}-{}.pdf", p.first.strftime("%Y-%m")),
        PeriodKind::Range => format!("{prefix}-{}_{}.pdf", p.first, p.last),
    }
}

/// The top of every PDF page: the library, the title, the period, when it was made.
fn heading<'a>(ctx: &'a Ctx, title: &str, period: &Period) -> Heading<'a> {
    Heading {
        library: &ctx.config.library,
        title: title.into(),
        period: period_label(period, ctx.lang),
        generated: generated_line(ctx.clock.now(), ctx.clock.tz(), ctx.lang),
    }
}

fn signer(ctx: &Ctx) -> Result<ReportConfig, Failure> {
    ctx.config.section("report").map_err(|e| ctx.fail(&e))
}

pub fn run(ctx: &Ctx, cmd: ReportCmd) -> CmdResult {
    let tz = ctx.clock.tz().clone();
    let (args, period) = match cmd {
        ReportCmd::Daily(a) => {
            let d = day_or_today(ctx, &a.date)?;
            (a, Period::day(d, &tz))
        }
        ReportCmd::Monthly(a) => {
            let d = match &a.date {
                None => ctx.clock.today(),
                Some(d) => parse_month(d).map_err(|e| bad_period(ctx, e))?,
            };
            (a, Period::month(d, &tz))
        }
    };
    let format = args.output.format(ctx)?;
    let signer = signer(ctx)?;
    let s = with_desk(ctx, |desk| {
        summary(
            desk.store,
            &period,
            &tz,
            &ctx.config.standard_minutes,
            ctx.clock.now(),
        )
        .map_err(|e| ctx.fail(&e))
    })?;
    if format == Format::Json {
        print_json(&s);
        return Ok(());
    }
    let tables = summary_tables(&s, &ctx.config.member_types, ctx.lang);
    let lib = &ctx.config.library;
    let bytes = match format {
        Format::Csv => summary_csv(&s, &tables).into_bytes(),
        Format::Pdf => {
            let empty = s.is_empty().then(|| nothing_in(&period, ctx.lang));
            summary_pdf(
                heading(ctx, report_title(&period, ctx.lang), &period),
                &tables,
                empty.as_deref(),
                &signer,
                ctx.lang,
            )
            .map_err(|e| ctx.fail(&e))?
        }
        _ => summary_text(&s, &tables, lib, &tz, ctx.lang).into_bytes(),
    };
    let prefix = match period.kind {
        PeriodKind::Month => ctx.lang.text("cli-report-monthly-report"),
        _ => ctx.lang.text("cli-report-daily-report"),
    };
    args.output.write(ctx, &bytes, &pdf_name(prefix, &period))
}

fn register_period(ctx: &Ctx, a: &RegisterArgs) -> Result<Period, Failure> {
    let tz = ctx.clock.tz();
    match (&a.date, &a.from, &a.to) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => Err(Failure::input(
            ctx.lang.text("cli-report-use-date-for-one-day-or"),
        )),
        (_, Some(from), Some(to)) => {
            let (from, to) = (
                parse_date(from).map_err(|e| bad_period(ctx, e))?,
                parse_date(to).map_err(|e| bad_period(ctx, e))?,
            );
            Period::days(from, to, tz).map_err(|e| bad_period(ctx, e))
        }
        (_, Some(_), None) | (_, None, Some(_)) => Err(Failure::input(
            ctx.lang.text("cli-report-several-days-need-both-from-and"),
        )),
        (date, None, None) => Ok(Period::day(day_or_today(ctx, date)?, tz)),
    }
}

pub fn run_register(ctx: &Ctx, a: RegisterArgs) -> CmdResult {
    let tz = ctx.clock.tz().clone();
    let period = register_period(ctx, &a)?;
    let format = a.output.format(ctx)?;
    let signer = signer(ctx)?;
    let entries = with_desk(ctx, |desk| {
        register(desk.store, &period).map_err(|e| ctx.fail(&e))
    })?;
    if format == Format::Json {
        print_json(&entries);
        return Ok(());
    }
    let lib = &ctx.config.library;
    let generated = generated_line(ctx.clock.now(), &tz, ctx.lang);
    let bytes = match format {
        Format::Csv => register_csv(&entries, &tz).into_bytes(),
        Format::Pdf => {
            let empty = entries.is_empty().then(|| no_handovers(&period, ctx.lang));
            register_pdf(
                heading(ctx, register_title(ctx.lang), &period),
                &register_table(&entries, &tz, ctx.lang, true),
                empty.as_deref(),
                &signer,
                ctx.lang,
            )
            .map_err(|e| ctx.fail(&e))?
        }
        _ => register_text(&entries, &period, lib, &generated, &tz, ctx.lang).into_bytes(),
    };
    a.output.write(
        ctx,
        &bytes,
        &pdf_name(ctx.lang.text("cli-report-card-receipts"), &period),
    )
}
