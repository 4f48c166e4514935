//! `loket member …`: register, look up, renew, replace.

use clap::Subcommand;
use serde::Serialize;

use super::{CmdResult, Ctx, Failure, print_json, with_desk};
use crate::domain::member::{Address, Member, MemberDraft, Warning};
use crate::domain::workflow::{RequestKind, Source};
use crate::i18n::{Lang, Localized};
use crate::service::ServiceError;

#[derive(Subcommand, Debug)]
pub enum MemberCmd {
    /// Registers an applicant (SOP step 1) and prints the new member number alone.
    Add(Box<AddArgs>),
    /// One member's data (NIK masked).
    Show {
        no: String,
        #[arg(long)]
        json: bool,
    },
    /// Finds members by name (word prefixes), member number or NIK.
    Search {
        text: String,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Everything held about one member, for that member (right of access): NO.json and the
    /// photo in DIR, readable by their owner only. The NIK is in the file, never on screen.
    ExportOwn {
        no: String,
        #[arg(long, value_name = "DIR")]
        out: std::path::PathBuf,
    },
    /// Erases a member's personal data (right of erasure; supervisors only, audited). The
    /// visits and card counts stay for the statistics.
    Erase {
        no: String,
        #[arg(long)]
        reason: String,
    },
    /// Starts a renewal: the validity is extended when it is verified.
    Renew { no: String },
    /// Corrects a member's data: only the fields given change, checked as at registration.
    Edit(Box<super::edits::EditArgs>),
    /// Starts a replacement for a lost or damaged card; the old card is blocked on printing.
    Replace {
        no: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(clap::Args, Debug)]
pub struct AddArgs {
    #[arg(long)]
    name: String,
    /// The NIK (for KTP, KK, KIA) or the document's number.
    #[arg(long)]
    nik: String,
    /// ktp (default), kk, kia, student, passport.
    #[arg(long, default_value = "ktp")]
    identity: String,
    #[arg(long)]
    birth_place: String,
    /// YYYY-MM-DD (or DD-MM-YYYY).
    #[arg(long)]
    birth_date: String,
    /// L (laki-laki) or P (perempuan).
    #[arg(long)]
    sex: String,
    /// Street address (jalan, nomor).
    #[arg(long)]
    address: String,
    #[arg(long, default_value = "")]
    rt_rw: String,
    #[arg(long, default_value = "")]
    kelurahan: String,
    #[arg(long, default_value = "")]
    kecamatan: String,
    #[arg(long, default_value = "")]
    city: String,
    #[arg(long, default_value = "")]
    province: String,
    /// Mother's birth name (nama ibu kandung).
    #[arg(long)]
    mother: String,
    #[arg(long, default_value = "")]
    phone: String,
    #[arg(long, default_value = "")]
    email: String,
    #[arg(long, default_value = "")]
    occupation: String,
    #[arg(long, default_value = "")]
    education: String,
    #[arg(long, default_value = "")]
    institution: String,
    /// Member type code (see `loket config`); the first configured type by default.
    #[arg(long = "type", default_value = "")]
    member_type: String,
    /// Go on although the NIK contradicts the birth date or sex, for this recorded reason.
    #[arg(long, default_value = "")]
    nik_mismatch_reason: String,
    /// counter (default), online or import.
    #[arg(long, default_value = "counter")]
    source: String,
}

/// How a member is shown outside the counter's verification screen: NIK masked, the
/// mother's name left out.
#[derive(Serialize)]
pub struct MemberView {
    pub member_no: String,
    pub full_name: String,
    pub identity_kind: String,
    pub nik: String,
    pub birth_place: String,
    pub birth_date: String,
    pub sex: char,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub member_type: String,
    pub status: String,
    pub registered_at: String,
    pub valid_until: Option<String>,
}

impl MemberView {
    pub fn of(m: &Member, ctx: &Ctx) -> MemberView {
        MemberView {
            member_no: m.member_no.to_string(),
            full_name: m.full_name.clone(),
            identity_kind: m.identity_kind.code().into(),
            nik: m.masked_nik(),
            birth_place: m.birth_place.clone(),
            birth_date: m.birth_date.to_string(),
            sex: m.sex.letter(),
            address: m.address.one_line(),
            phone: m.phone.clone(),
            email: m.email.clone(),
            member_type: m.member_type.clone(),
            status: m.status_on(ctx.clock.today()).code().into(),
            registered_at: ctx.clock.local(m.registered_at),
            valid_until: m.valid_until.map(|d| d.to_string()),
        }
    }
}

fn warning_text(w: &Warning, lang: Lang) -> String {
    match w {
        Warning::NikOutsideRegency { regency } => crate::t!(
            lang,
            "cli-members-nik-outside-regency",
            regency = regency.to_string()
        ),
    }
}

pub fn run(ctx: &Ctx, cmd: MemberCmd) -> CmdResult {
    match cmd {
        MemberCmd::ExportOwn { no, out } => super::privacy::export_own(ctx, &no, &out),
        MemberCmd::Erase { no, reason } => super::privacy::erase(ctx, &no, &reason),
        MemberCmd::Add(a) => add(ctx, *a),
        MemberCmd::Edit(a) => super::edits::edit(ctx, *a),
        MemberCmd::Show { no, json } => with_desk(ctx, |desk| {
            let m = desk.member(&no).map_err(|e| ctx.fail(&e))?;
            let view = MemberView::of(&m, ctx);
            if json {
                print_json(&view);
            } else {
                let rows = [
                    (ctx.lang.text("cli-members-member-number"), view.member_no),
                    (ctx.lang.text("cli-members-name"), view.full_name),
                    ("NIK", view.nik),
                    (
                        ctx.lang.text("cli-members-born"),
                        format!("{}, {}", view.birth_place, view.birth_date),
                    ),
                    (ctx.lang.text("cli-members-sex"), view.sex.to_string()),
                    (ctx.lang.text("cli-members-address"), view.address),
                    (ctx.lang.text("cli-members-phone"), view.phone),
                    ("E-mail", view.email),
                    (ctx.lang.text("cli-members-member-type"), view.member_type),
                    ("Status", view.status),
                    (ctx.lang.text("cli-members-registered"), view.registered_at),
                    (
                        ctx.lang.text("cli-members-valid-until"),
                        view.valid_until.unwrap_or_else(|| "-".into()),
                    ),
                ];
                for (k, v) in rows {
                    println!("{k:<18} {v}");
                }
            }
            Ok(())
        }),
        MemberCmd::Search { text, json, limit } => with_desk(ctx, |desk| {
            let found = desk
                .store
                .search_members(&text, limit)
                .map_err(|e| ctx.fail(&e))?;
            let views: Vec<MemberView> = found.iter().map(|m| MemberView::of(m, ctx)).collect();
            if json {
                print_json(&views);
            } else if views.is_empty() {
                println!(
                    "{}",
                    ctx.lang.text("cli-members-no-member-matches-try-part-of")
                );
            } else {
                for v in views {
                    println!(
                        "{:<16} {:<32} {:<18} {}",
                        v.member_no, v.full_name, v.nik, v.status
                    );
                }
            }
            Ok(())
        }),
        MemberCmd::Renew { no } => start(ctx, &no, RequestKind::Renewal),
        MemberCmd::Replace { no, reason } => {
            if reason.trim().is_empty() {
                return Err(Failure::input(
                    ctx.lang
                        .text("cli-members-give-the-reason-for-the-replacement"),
                ));
            }
            start(ctx, &no, RequestKind::Replacement)
        }
    }
}

fn start(ctx: &Ctx, no: &str, kind: RequestKind) -> CmdResult {
    with_desk(ctx, |desk| {
        let r = desk
            .start(no, kind, Source::Counter)
            .map_err(|e| ctx.fail(&e))?;
        // The request number alone on stdout for scripts; the sentence for people on stderr.
        println!("{}", r.id);
        eprintln!(
            "{}",
            crate::t!(
                ctx.lang,
                match kind {
                    RequestKind::Replacement => "cli-members-replacement-opened",
                    _ => "cli-members-renewal-opened",
                },
                id = r.id.to_string(),
                no = no.to_string()
            )
        );
        Ok(())
    })
}

fn add(ctx: &Ctx, a: AddArgs) -> CmdResult {
    let Some(source) = Source::from_code(&a.source) else {
        return Err(Failure::input(
            ctx.lang
                .text("cli-members-source-must-be-counter-online-or"),
        ));
    };
    let draft = MemberDraft {
        full_name: a.name,
        identity_kind: a.identity,
        identity_no: a.nik,
        birth_place: a.birth_place,
        birth_date: a.birth_date,
        sex: a.sex,
        address: Address {
            street: a.address,
            rt_rw: a.rt_rw,
            kelurahan: a.kelurahan,
            kecamatan: a.kecamatan,
            city: a.city,
            province: a.province,
        },
        phone: a.phone,
        email: a.email,
        mother_name: a.mother,
        occupation: a.occupation,
        education: a.education,
        institution: a.institution,
        member_type: a.member_type,
        nik_mismatch_reason: a.nik_mismatch_reason,
    };
    with_desk(ctx, |desk| match desk.register(&draft, source) {
        Ok(r) => {
            for w in &r.warnings {
                eprintln!("{}", warning_text(w, ctx.lang));
            }
            // The number alone on stdout: scripts and the tests read it.
            println!("{}", r.member.member_no);
            Ok(())
        }
        Err(e @ ServiceError::Invalid(_)) => Err(Failure::input(e.localized(ctx.lang))),
        Err(e) => Err(ctx.fail(&e)),
    })
}
