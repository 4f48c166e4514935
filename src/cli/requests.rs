//! `loket request …`: the queue, one request's history, and the SOP's steps that need no
//! device. Photo and print steps are done by `loket photo import` and `loket card print`,
//! which do their work first: no step is marked done without it.

use clap::Subcommand;
use serde::Serialize;

use super::{CmdResult, Ctx, Failure, print_json, with_desk_as};
use crate::domain::checklist::CheckItem;
use crate::domain::member::IdentityKind;
use crate::domain::workflow::{Action, CardRequest, RequestState, Timing};
use crate::i18n::Localized;
use crate::service::{Desk, Verification};

#[derive(Subcommand, Debug)]
pub enum RequestCmd {
    /// Requests on their way (or in one state), oldest first.
    List {
        /// registered, waiting, photo-taken, verified, printed, laminated, handed-over,
        /// first-scan, rejected, cancelled
        #[arg(long)]
        state: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// A member's current request with its history.
    Show {
        no: String,
        #[arg(long)]
        json: bool,
    },
    /// SOP 2: the applicant reported the member number at the counter.
    Call { no: String },
    /// SOP 4: the verification checklist. Without --fail every item passed.
    Verify {
        no: String,
        /// The document seen: ktp, or kk (photocopy) for applicants without a KTP.
        #[arg(long)]
        document: Option<String>,
        /// The item that failed: document, data, nik, photo, duplicate.
        #[arg(long, requires = "reason")]
        fail: Option<String>,
        #[arg(long)]
        reason: Option<String>,
        /// Go on although another active member holds the NIK, for this recorded reason.
        #[arg(long)]
        duplicate_reason: Option<String>,
    },
    /// SOP 6: the card was cut and laminated.
    Laminate { no: String },
    /// SOP 7–8: the card was handed over; the receipt register gets the entry.
    Handover {
        no: String,
        #[arg(long)]
        received_by: String,
        /// The receiver is a representative (a parent, say), not the member.
        #[arg(long)]
        representative: bool,
        /// The card in hand, as scanned or typed (its serial, e.g. 26112800001-02): a card
        /// that is not this applicant's, or an older one, stops the handover. Without it the
        /// handover is recorded as unchecked, where `[handover] allow_unchecked` allows it.
        #[arg(long)]
        card: Option<String>,
    },
    /// Refuses the request for good (no KTP, false data), with the reason recorded.
    Reject {
        no: String,
        #[arg(long)]
        reason: String,
    },
    /// Ends the request at the applicant's wish (they left, came another day).
    Cancel {
        no: String,
        #[arg(long)]
        reason: String,
    },
    /// Takes back the last step on the member's request: your own within the configured
    /// window (15 minutes by default), any step for a supervisor. A print taken back records
    /// the card as spoiled.
    Undo {
        /// The member number.
        no: String,
        /// Why the step is taken back (kept in the history beside the undo).
        #[arg(long)]
        reason: String,
    },
    /// Hands a request in progress to another clerk (a supervisor's move; audited).
    Reassign {
        no: String,
        /// The clerk's account name.
        #[arg(long)]
        to: String,
    },
}

#[derive(Serialize)]
pub struct RequestView {
    pub id: u64,
    pub member_no: String,
    pub name: String,
    pub kind: String,
    pub source: String,
    pub state: RequestState,
    pub since: String,
    pub minutes_in_step: i64,
    pub standard_minutes: Option<i64>,
    pub timing: Option<Timing>,
}

fn view(desk: &Desk, r: &CardRequest) -> RequestView {
    let now = desk.clock.now();
    let timing = r.timing(now, &desk.config.standard_minutes);
    RequestView {
        id: r.id,
        member_no: r.member_no.to_string(),
        name: desk
            .store
            .member(r.member_no.as_str())
            .ok()
            .flatten()
            .map(|m| m.full_name)
            .unwrap_or_default(),
        kind: r.kind.code().into(),
        source: r.source.code().into(),
        state: r.state,
        since: r.since().to_string(),
        minutes_in_step: now.duration_since(r.since()).as_secs() / 60,
        standard_minutes: timing.map(|(_, s, _)| s.as_secs() / 60),
        timing: timing.map(|(_, _, t)| t),
    }
}

pub fn run(ctx: &Ctx, cmd: RequestCmd) -> CmdResult {
    with_desk_as(ctx, |desk, role| match cmd {
        RequestCmd::List { state, json } => list(ctx, desk, state, json),
        RequestCmd::Show { no, json } => show(ctx, desk, &no, json),
        RequestCmd::Call { no } => step(ctx, desk, &no, |d| d.call(&no)),
        RequestCmd::Verify {
            no,
            document,
            fail,
            reason,
            duplicate_reason,
        } => {
            let document = match document.as_deref() {
                None => None,
                Some(d) => match IdentityKind::from_code(d) {
                    Some(k @ (IdentityKind::Ktp | IdentityKind::Kk)) => Some(k),
                    _ => {
                        return Err(Failure::input(
                            ctx.lang.text("cli-requests-document-must-be-ktp-or-kk"),
                        ));
                    }
                },
            };
            let failed = match fail.as_deref() {
                None => None,
                Some(code) => match CheckItem::from_code(code) {
                    Some(item) => Some((item, reason.clone().unwrap_or_default())),
                    None => {
                        return Err(Failure::input(
                            ctx.lang.text("cli-requests-fail-must-be-one-of-document"),
                        ));
                    }
                },
            };
            let v = Verification {
                document,
                failed,
                duplicate_reason,
            };
            step(ctx, desk, &no, |d| d.verify(&no, &v))
        }
        RequestCmd::Laminate { no } => step(ctx, desk, &no, |d| d.act(&no, Action::Laminate)),
        RequestCmd::Handover {
            no,
            received_by,
            representative,
            card,
        } => {
            if card.as_deref().is_some_and(|c| c.trim().is_empty()) {
                return Err(Failure::input(
                    ctx.lang.text("cli-requests-card-is-empty-give-the-serial"),
                ));
            }
            step(ctx, desk, &no, |d| {
                let r = d.open_request(&no)?;
                d.hand_over(&r, &received_by, representative, card.as_deref())
            })
        }
        RequestCmd::Reject { no, reason } => {
            step(ctx, desk, &no, |d| d.act(&no, Action::Reject { reason }))
        }
        RequestCmd::Cancel { no, reason } => {
            step(ctx, desk, &no, |d| d.act(&no, Action::Cancel { reason }))
        }
        RequestCmd::Undo { no, reason } => super::edits::undo(ctx, desk, role, &no, &reason),
        RequestCmd::Reassign { no, to } => {
            let r = desk.reassign(&no, &to).map_err(|e| ctx.fail(&e))?;
            println!(
                "{no}: {} {}",
                ctx.lang.text("cli-requests-handled-by"),
                r.handler().unwrap_or("-")
            );
            Ok(())
        }
    })
}

fn step(
    ctx: &Ctx,
    desk: &Desk,
    no: &str,
    f: impl FnOnce(&Desk) -> crate::service::Result<CardRequest>,
) -> CmdResult {
    let r = f(desk).map_err(|e| ctx.fail(&e))?;
    let state = r.state.localized(ctx.lang);
    let by = &desk.actor.user;
    println!(
        "{}",
        crate::t!(
            ctx.lang,
            "cli-requests-step-recorded",
            no = no,
            by = by.as_str(),
            state = state.as_str()
        )
    );
    if let Some(note) = r.history.last().and_then(|t| t.note.as_ref())
        && matches!(
            r.state,
            RequestState::Rejected | RequestState::WaitingAtCounter | RequestState::PhotoTaken
        )
        && r.history.last().is_some_and(|t| t.action != "photo")
    {
        println!("  {note}");
    }
    Ok(())
}

fn list(ctx: &Ctx, desk: &Desk, state: Option<String>, json: bool) -> CmdResult {
    let states: Vec<RequestState> = match state.as_deref() {
        None => RequestState::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .collect(),
        Some(code) => match RequestState::from_code(code) {
            Some(s) => vec![s],
            None => {
                let all: Vec<&str> = RequestState::ALL.iter().map(|s| s.code()).collect();
                return Err(Failure::input(format!(
                    "{} {}",
                    ctx.lang.text("cli-requests-state-must-be-one-of"),
                    all.join(", ")
                )));
            }
        },
    };
    let requests = desk.store.requests_in(&states).map_err(|e| ctx.fail(&e))?;
    let views: Vec<RequestView> = requests.iter().map(|r| view(desk, r)).collect();
    if json {
        print_json(&views);
        return Ok(());
    }
    if views.is_empty() {
        println!("{}", ctx.lang.text("cli-requests-the-queue-is-empty"));
    }
    for v in views {
        let mark = match v.timing {
            Some(Timing::Over) => "!!",
            Some(Timing::Near) => "! ",
            _ => "  ",
        };
        println!(
            "{mark} {:<16} {:<28} {:<8} {:<20} {:>4} min",
            v.member_no,
            v.name,
            v.source,
            v.state.localized(ctx.lang),
            v.minutes_in_step
        );
    }
    Ok(())
}

#[derive(Serialize)]
struct RequestDetail<'a> {
    #[serde(flatten)]
    view: RequestView,
    request: &'a CardRequest,
}

fn show(ctx: &Ctx, desk: &Desk, no: &str, json: bool) -> CmdResult {
    desk.member(no).map_err(|e| ctx.fail(&e))?;
    let Some(r) = desk
        .store
        .current_request_for(no)
        .map_err(|e| ctx.fail(&e))?
    else {
        return Err(ctx.fail(&crate::service::ServiceError::NoOpenRequest(no.into())));
    };
    if json {
        print_json(&RequestDetail {
            view: view(desk, &r),
            request: &r,
        });
        return Ok(());
    }
    let v = view(desk, &r);
    println!(
        "{} {} — {}",
        v.member_no,
        v.name,
        v.state.localized(ctx.lang)
    );
    println!(
        "{}: {} / {}",
        ctx.lang.text("cli-requests-kind-source"),
        v.kind,
        v.source
    );
    if let Some(s) = &r.card_serial {
        println!("{}: {s}", ctx.lang.text("cli-requests-card-serial"));
    }
    if let Some(h) = r.handler() {
        println!("{}: {h}", ctx.lang.text("cli-requests-handled-by-2"));
    }
    let mut prev = None;
    for t in &r.history {
        let took = prev
            .map(|p: jiff::Timestamp| format!("{:>4} min", t.at.duration_since(p).as_secs() / 60))
            .unwrap_or_else(|| "        ".into());
        let undo = if t.action == crate::domain::undo::UNDO {
            ctx.lang.text("cli-requests-undo")
        } else {
            ""
        };
        println!(
            "  {}  {took}  {undo}{:<20} {:<10} {}{}",
            desk.clock.local(t.at),
            t.to.localized(ctx.lang),
            t.by,
            t.terminal,
            t.note
                .as_ref()
                .map(|n| format!("  ({n})"))
                .unwrap_or_default()
        );
        prev = Some(t.at);
    }
    Ok(())
}
