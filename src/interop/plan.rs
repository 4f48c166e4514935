//! Deciding every row of an import against the rules and the store, before anything is written.

use std::collections::HashMap;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::report::{self, Outcome, Report, RowReport};
use super::{
    ImportOptions, InteropError, SourceRow, System, TypeMatch, resolve_type_how, start_of,
};
use crate::config::Config;
use crate::domain::member::{
    Field, FieldError, FormRules, IdentityKind, Member, MemberStatus, Problem, Strictness,
};
use crate::domain::member_no::MemberNo;
use crate::i18n::{Lang, Localized};
use crate::store::{ImportMatch, ImportWrite, Store};

/// What an import would do: the report, and the writes for the store.
pub struct Plan {
    pub report: Report,
    pub writes: Vec<ImportWrite>,
}

/// Everything a plan needs from outside: the store (read only), the config, the date, the
/// zone (for registration dates).
pub struct PlanContext<'a> {
    pub store: &'a Store,
    pub config: &'a Config,
    pub today: Date,
    pub tz: &'a TimeZone,
}

/// Decides every row: rejected (with each field and reason), skipped, updated or imported.
/// Reads the store in one transaction; writes nothing.
pub fn plan_import(
    system: System,
    rows: Vec<SourceRow>,
    cx: &PlanContext,
    opts: &ImportOptions,
    lang: Lang,
) -> Result<Plan, InteropError> {
    let rules = FormRules {
        today: cx.today,
        member_types: &cx.config.member_types,
        regency_code: &cx.config.library.regency_code,
    };
    let mut report = Report::new(system);
    let mut writes = Vec::new();

    // First pass: the rules on each row alone.
    // Rows are taken from the back and their buffer shrunk as it empties, so the rows and
    // what they become are not both held in full (a 100,000-row dry run stays under 300 MB).
    let mut rows = rows;
    rows.reverse();
    let mut checked = Vec::with_capacity(rows.len());
    while let Some(row) = rows.pop() {
        checked.push(check_row(system, row, &rules, cx, opts, lang));
        if rows.len().is_multiple_of(8192) {
            rows.shrink_to_fit();
        }
    }
    drop(rows);

    // One read of the store for every row that got through.
    let keys: Vec<(&str, Option<&str>)> = checked
        .iter()
        .map(|c| match c {
            Checked::Good { member, .. } => (
                member.member_no.as_str(),
                member.nik.as_ref().map(|n| n.as_str()),
            ),
            Checked::Bad(_) => ("", None),
        })
        .collect();
    let matches = cx.store.import_matches(&keys)?;
    drop(keys);

    let mut seen_no: HashMap<String, u64> = HashMap::new();
    let mut seen_nik: HashMap<String, u64> = HashMap::new();
    for (c, found) in checked.into_iter().zip(matches) {
        let (row, member, flags, type_match) = match c {
            Checked::Bad(r) => {
                report.rows.push(r);
                continue;
            }
            Checked::Good {
                row,
                member,
                flags,
                type_match,
            } => (row, member, flags, type_match),
        };
        let mut out = RowReport::of(system, row.line, &member, &flags, lang);
        // A duplicate within the file: the first one stands, the later one is rejected.
        let dup = seen_no
            .get(member.member_no.as_str())
            .map(|l| (*l, true))
            .or_else(|| {
                let nik = member.nik.as_ref()?;
                seen_nik.get(nik.as_str()).map(|l| (*l, false))
            });
        if let Some((first, same_no)) = dup {
            let column = if same_no {
                report::number_column(system)
            } else {
                system.column(Field::IdentityNo)
            };
            out.outcome = Outcome::Rejected {
                reasons: vec![(
                    column.to_string(),
                    report::duplicate_text(first, same_no, lang),
                )],
            };
            out.flags.clear();
            report.rows.push(out);
            continue;
        }
        seen_no.insert(member.member_no.to_string(), row.line);
        let to = cx
            .config
            .member_type(&member.member_type)
            .map(|t| format!("{} ({})", t.name, t.code))
            .unwrap_or_else(|| member.member_type.clone());
        report.summary.map(
            system.column(Field::MemberType),
            row.member_type.trim(),
            &to,
            type_match.how(lang),
        );
        if let Some(n) = &member.nik {
            seen_nik.insert(n.to_string(), row.line);
        }
        match found {
            ImportMatch {
                by_number: Some(old),
                ..
            } => {
                let merged = decide_update(&mut out, &mut writes, *old, *member, false, &row);
                out.flags = still_missing(system, &merged, &flags, lang);
            }
            ImportMatch {
                by_nik: Some(old), ..
            } => {
                let merged = decide_update(&mut out, &mut writes, *old, *member, true, &row);
                out.flags = still_missing(system, &merged, &flags, lang);
            }
            ImportMatch { .. } => {
                let request = opts.requests && member.status == MemberStatus::Pending;
                out.outcome = Outcome::Imported { request };
                if !opts.dry_run {
                    writes.push(ImportWrite::Add { member, request });
                }
            }
        }
        report.rows.push(out);
    }
    Ok(Plan { report, writes })
}

/// What a good row's plan still needs of the row once its member is made: the draft's
/// strings are dropped (at 100,000 rows they are most of a dry run's memory).
struct Kept {
    line: u64,
    member_type: String,
    status: Option<MemberStatus>,
    identity_kind_given: bool,
}

// Lives only while one import is planned; boxing the big variant would add an allocation
// per row and save nothing (the rows' strings are on the heap either way).
#[allow(clippy::large_enum_variant)]
enum Checked {
    Good {
        row: Kept,
        member: Box<Member>,
        flags: Vec<FieldError>,
        type_match: TypeMatch,
    },
    Bad(RowReport),
}

fn check_row(
    system: System,
    mut row: SourceRow,
    rules: &FormRules,
    cx: &PlanContext,
    opts: &ImportOptions,
    lang: Lang,
) -> Checked {
    let mut errors: Vec<(String, String)> = std::mem::take(&mut row.problems)
        .into_iter()
        .map(|(column, p)| {
            let column = p.column(lang).map_or(column, str::to_string);
            (column, p.localized(lang))
        })
        .collect();
    if row.malformed {
        return Checked::Bad(RowReport::rejected(&row, errors));
    }
    let no = row.member_no.trim().to_string();
    if no.is_empty() {
        errors.push((
            report::number_column(system).into(),
            lang.text("interop-plan-is-required").into(),
        ));
    }
    let mut type_match = TypeMatch::Name;
    match resolve_type_how(&row.member_type, cx.config, &opts.type_map) {
        Some((code, how)) => {
            type_match = how;
            // A source without an identity kind: a NIK for a child's type comes from the KK.
            if row.draft.identity_kind.trim().is_empty()
                && let Some(t) = cx.config.member_type(&code)
                && let Some(first) = t.identity_kinds.first()
                && !t.identity_kinds.contains(&IdentityKind::Ktp)
            {
                row.draft.identity_kind = first.code().into();
            }
            row.draft.member_type = code;
        }
        None => errors.push((
            system.column(Field::MemberType).into(),
            report::unknown_type_text(&row.member_type, lang),
        )),
    }
    let validated = row.draft.validate_as(rules, Strictness::Import);
    let (valid, flags) = match validated {
        Ok(v) if errors.is_empty() => v,
        Ok(_) => return Checked::Bad(RowReport::rejected(&row, errors)),
        Err(field_errors) => {
            errors.extend(field_errors.iter().map(|e| {
                (
                    system.column(e.field).to_string(),
                    e.problem.localized(lang),
                )
            }));
            return Checked::Bad(RowReport::rejected(&row, errors));
        }
    };
    let registered = row.registered.unwrap_or(cx.today);
    let mut member = valid.into_member(MemberNo::new(no), start_of(registered, cx.tz));
    // A member without a card has no expiry yet: the date an export gave a pending member
    // (the one their card will get) is not a card's.
    member.valid_until = match row.status {
        Some(MemberStatus::Pending) => None,
        _ => row.valid_until,
    };
    member.status = match (row.status, row.valid_until) {
        (Some(s @ (MemberStatus::Pending | MemberStatus::Blocked)), _) => s,
        (_, Some(until)) if until < cx.today => MemberStatus::Expired,
        (_, Some(_)) => MemberStatus::Active,
        (Some(s), None) => s,
        (None, None) => MemberStatus::Pending,
    };
    Checked::Good {
        row: Kept {
            line: row.line,
            identity_kind_given: !row.draft.identity_kind.trim().is_empty(),
            member_type: row.member_type,
            status: row.status,
        },
        member: Box::new(member),
        flags,
        type_match,
    }
}

/// A row that matches a member already in the store: the file's non-empty values win, loket
/// keeps what the file lacks (SLiMS has no mother's name: it is not wiped). Unchanged → skip.
fn decide_update(
    out: &mut RowReport,
    writes: &mut Vec<ImportWrite>,
    old: Member,
    new: Member,
    by_nik: bool,
    row: &Kept,
) -> Member {
    let mut m = old.clone();
    let take = |to: &mut String, from: &str| {
        if !from.is_empty() {
            *to = from.to_string();
        }
    };
    take(&mut m.full_name, &new.full_name);
    if row.identity_kind_given {
        m.identity_kind = new.identity_kind;
    }
    if !new.identity_no.0.is_empty() {
        m.identity_no = new.identity_no.clone();
        m.nik = new.nik.clone();
    }
    take(&mut m.birth_place, &new.birth_place);
    m.birth_date = new.birth_date;
    m.sex = new.sex;
    take(&mut m.address.street, &new.address.street);
    take(&mut m.address.rt_rw, &new.address.rt_rw);
    take(&mut m.address.kelurahan, &new.address.kelurahan);
    take(&mut m.address.kecamatan, &new.address.kecamatan);
    take(&mut m.address.city, &new.address.city);
    take(&mut m.address.province, &new.address.province);
    take(&mut m.phone, &new.phone);
    take(&mut m.email, &new.email);
    take(&mut m.mother_name.0, &new.mother_name.0);
    take(&mut m.occupation, &new.occupation);
    take(&mut m.education, &new.education);
    take(&mut m.institution, &new.institution);
    m.member_type = new.member_type.clone();
    if new.valid_until.is_some() || row.status.is_some() {
        m.valid_until = new.valid_until.or(m.valid_until);
        m.status = new.status;
    }
    out.member_no = m.member_no.to_string();
    if m == old {
        out.outcome = Outcome::Skipped { by_nik };
    } else {
        out.outcome = Outcome::Updated { by_nik };
        writes.push(ImportWrite::Update {
            member: Box::new(m.clone()),
        });
    }
    m
}

/// The flags of a row that matched a stored member, less those the store already answers
/// (SLiMS has no mother's name, but loket may have it from the counter).
fn still_missing(
    system: System,
    m: &Member,
    flags: &[FieldError],
    lang: Lang,
) -> Vec<(String, String)> {
    let kept: Vec<FieldError> = flags
        .iter()
        .filter(|f| match f.field {
            Field::MotherName => m.mother_name.0.is_empty(),
            Field::BirthPlace => m.birth_place.is_empty(),
            Field::Street => m.address.street.is_empty(),
            Field::Phone => m.phone.is_empty() && m.email.is_empty(),
            Field::IdentityNo if f.problem == Problem::Required => m.identity_no.0.is_empty(),
            _ => true,
        })
        .cloned()
        .collect();
    report::flag_texts(system, &kept, lang)
}
