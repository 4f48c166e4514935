//! `loket frontdesk` (the entrance screen) and `loket visit list` (the visitor book of a day).
//! Neither shows NIK, address or mother's name: the list names members by number and name.

use clap::Subcommand;
use jiff::civil::Date;
use serde::Serialize;

use super::{CmdResult, Ctx, Failure, print_json, with_desk};
use crate::domain::visit::Visitor;
use crate::photo::PhotoConfig;
use crate::scanner::ScannerConfig;
use crate::service::frontdesk::{DayCount, FrontDeskConfig};

#[derive(Subcommand, Debug)]
pub enum VisitCmd {
    /// The visits of one day: members by number and name, guests with institution, purpose
    /// and group size.
    List {
        /// The local date, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn frontdesk(ctx: &Ctx, scanner_port: Option<String>) -> CmdResult {
    let mut scanner: ScannerConfig = ctx.config.section("scanner").map_err(|e| ctx.fail(&e))?;
    if let Some(port) = scanner_port {
        scanner.port = Some(port);
    }
    // Read here so that a typo in `[frontdesk]` stops with a message, not a silent default.
    let _: FrontDeskConfig = ctx.config.section("frontdesk").map_err(|e| ctx.fail(&e))?;
    let photo: PhotoConfig = ctx.config.section("photo").map_err(|e| ctx.fail(&e))?;
    // Logged to the file beside the store: this screen owns the terminal.
    tracing::info!(
        port = scanner.port.as_deref().unwrap_or("-"),
        "front desk screen starting"
    );
    with_desk(ctx, |desk| {
        crate::tui::frontdesk::run_frontdesk(desk, ctx.lang, scanner, photo.preview).map_err(|e| {
            tracing::error!("the front desk screen stopped: {e:#}");
            Failure::new(format!(
                "{}: {e:#}",
                ctx.lang
                    .text("cli-frontdesk-the-front-desk-screen-stopped-on")
            ))
        })
    })
}

/// One line of the visitor book, as `--json` gives it.
#[derive(Debug, Serialize)]
struct VisitRow {
    /// Local time, HH:MM.
    time: String,
    at: jiff::Timestamp,
    kind: &'static str,
    /// Members only.
    member_no: Option<String>,
    name: String,
    /// Guests only.
    institution: Option<String>,
    purpose: Option<String>,
    people: u32,
    terminal: String,
}

#[derive(Debug, Serialize)]
struct VisitList {
    date: Date,
    count: DayCount,
    visits: Vec<VisitRow>,
}

pub fn run(ctx: &Ctx, cmd: VisitCmd) -> CmdResult {
    let VisitCmd::List { date, json } = cmd;
    let date: Date = match date {
        None => ctx.clock.today(),
        Some(d) => d.trim().parse().map_err(|_| {
            Failure::input(crate::t!(
                ctx.lang,
                "cli-frontdesk-date-not-understood",
                date = d.as_str()
            ))
        })?,
    };
    with_desk(ctx, |desk| {
        let visits = desk.store.visits_on(date).map_err(|e| ctx.fail(&e))?;
        let count = DayCount::of(&visits);
        let mut rows = Vec::with_capacity(visits.len());
        for v in &visits {
            let time =
                v.at.to_zoned(ctx.clock.tz().clone())
                    .strftime("%H:%M")
                    .to_string();
            let row = match &v.visitor {
                Visitor::Member(no) => {
                    // The name as it is now; a member removed since still shows the number.
                    let name = desk
                        .store
                        .member(no.as_str())
                        .map_err(|e| ctx.fail(&e))?
                        .map(|m| m.full_name)
                        .unwrap_or_default();
                    VisitRow {
                        time,
                        at: v.at,
                        kind: "member",
                        member_no: Some(no.to_string()),
                        name,
                        institution: None,
                        purpose: None,
                        people: 1,
                        terminal: v.terminal.clone(),
                    }
                }
                Visitor::Guest(g) => VisitRow {
                    time,
                    at: v.at,
                    kind: "guest",
                    member_no: None,
                    name: g.name.clone(),
                    institution: Some(g.institution.clone()),
                    purpose: Some(g.purpose.clone()),
                    people: v.people(),
                    terminal: v.terminal.clone(),
                },
            };
            rows.push(row);
        }
        if json {
            print_json(&VisitList {
                date,
                count,
                visits: rows,
            });
            return Ok(());
        }
        println!(
            "{} {}: {} {} ({} {}, {} {})",
            ctx.lang.text("cli-frontdesk-visits-on"),
            date,
            count.people,
            ctx.lang.text("cli-frontdesk-people"),
            ctx.lang.text("cli-frontdesk-members"),
            count.members,
            ctx.lang.text("cli-frontdesk-guests"),
            count.guests
        );
        for r in rows {
            match r.member_no {
                Some(no) => println!("{}  {no:<14} {}", r.time, r.name),
                None => println!(
                    "{}  {:<14} {} — {}, {} ({} {})",
                    r.time,
                    ctx.lang.text("cli-frontdesk-guest"),
                    r.name,
                    r.institution.unwrap_or_default(),
                    r.purpose.unwrap_or_default(),
                    r.people,
                    ctx.lang.text("cli-frontdesk-people")
                ),
            }
        }
        Ok(())
    })
}
