//! `loket member edit` and `loket request undo`: correcting a member's data and taking back a
//! mistaken step, from the shell, under the account the command runs as.

use super::{CmdResult, Ctx, Failure, with_desk_as};
use crate::domain::correction::draft_of;
use crate::domain::staff::Role;
use crate::i18n::Localized;
use crate::service::Desk;
use crate::service::ServiceError;

/// Every field of `member add`, each optional: only those given change.
#[derive(clap::Args, Debug)]
pub struct EditArgs {
    /// The member number.
    no: String,
    #[arg(long)]
    name: Option<String>,
    /// The NIK (for KTP, KK, KIA) or the document's number.
    #[arg(long)]
    nik: Option<String>,
    /// ktp, kk, kia, student, passport.
    #[arg(long)]
    identity: Option<String>,
    #[arg(long)]
    birth_place: Option<String>,
    /// YYYY-MM-DD (or DD-MM-YYYY).
    #[arg(long)]
    birth_date: Option<String>,
    /// L (laki-laki) or P (perempuan).
    #[arg(long)]
    sex: Option<String>,
    /// Street address (jalan, nomor).
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    rt_rw: Option<String>,
    #[arg(long)]
    kelurahan: Option<String>,
    #[arg(long)]
    kecamatan: Option<String>,
    #[arg(long)]
    city: Option<String>,
    #[arg(long)]
    province: Option<String>,
    /// Mother's birth name (nama ibu kandung); never written to the audit log.
    #[arg(long)]
    mother: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    occupation: Option<String>,
    #[arg(long)]
    education: Option<String>,
    #[arg(long)]
    institution: Option<String>,
    /// Member type code (see `loket config`).
    #[arg(long = "type")]
    member_type: Option<String>,
    /// Go on although the NIK contradicts the birth date or sex, for this recorded reason.
    #[arg(long)]
    nik_mismatch_reason: Option<String>,
}

pub fn edit(ctx: &Ctx, a: EditArgs) -> CmdResult {
    with_desk_as(ctx, |desk, role| {
        let before = desk.member(&a.no).map_err(|e| ctx.fail(&e))?;
        let mut d = draft_of(&before);
        let set = |field: &mut String, v: Option<String>| {
            if let Some(v) = v {
                *field = v;
            }
        };
        set(&mut d.full_name, a.name);
        set(&mut d.identity_no, a.nik);
        set(&mut d.identity_kind, a.identity);
        set(&mut d.birth_place, a.birth_place);
        set(&mut d.birth_date, a.birth_date);
        set(&mut d.sex, a.sex);
        set(&mut d.address.street, a.address);
        set(&mut d.address.rt_rw, a.rt_rw);
        set(&mut d.address.kelurahan, a.kelurahan);
        set(&mut d.address.kecamatan, a.kecamatan);
        set(&mut d.address.city, a.city);
        set(&mut d.address.province, a.province);
        set(&mut d.mother_name, a.mother);
        set(&mut d.phone, a.phone);
        set(&mut d.email, a.email);
        set(&mut d.occupation, a.occupation);
        set(&mut d.education, a.education);
        set(&mut d.institution, a.institution);
        set(&mut d.member_type, a.member_type);
        set(&mut d.nik_mismatch_reason, a.nik_mismatch_reason);
        let done = match desk.correct_member(&before, &d, role) {
            Ok(done) => done,
            Err(e @ ServiceError::Invalid(_)) => return Err(Failure::input(e.localized(ctx.lang))),
            Err(e) => return Err(ctx.fail(&e)),
        };
        let no = &a.no;
        println!(
            "{}",
            crate::t!(
                ctx.lang,
                "cli-edits-member-s-data-corrected-fields",
                no = no.to_string(),
                n = done.changes.len(),
                changes = done.changes.join("; ")
            )
        );
        if done.card_out_of_date {
            println!(
                "{}",
                crate::t!(
                    ctx.lang,
                    "cli-edits-the-card-already-handed-over-shows",
                    no = no.to_string()
                )
            );
        }
        Ok(())
    })
}

pub fn undo(ctx: &Ctx, desk: &Desk, role: Option<Role>, no: &str, reason: &str) -> CmdResult {
    let done = desk.undo_last(no, role, reason).map_err(|e| ctx.fail(&e))?;
    let state = done.request.state.localized(ctx.lang);
    let action = &done.action;
    println!(
        "{}",
        crate::t!(
            ctx.lang,
            "cli-edits-step-on-undone-the-request-is",
            action = action.to_string(),
            no = no.to_string(),
            state = state.to_string()
        )
    );
    if let Some(serial) = &done.spoiled_serial {
        println!(
            "{}",
            crate::t!(
                ctx.lang,
                "cli-edits-card-is-recorded-as-spoiled-not",
                serial = serial.to_string()
            )
        );
    }
    Ok(())
}
