//! The front desk (meja depan / buku tamu): a scanned card checks the visitor in, a guest
//! without a card is written in by hand, and the first scan after a handover closes SOP 9.

use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};

use crate::domain::checkin::{self, Admit, Decision, Facts, Policy, Verdict};
use crate::domain::member::Member;
use crate::domain::visit::{Guest, Visit, Visitor};
use crate::domain::workflow::{Action, RequestState};
use crate::store::StoreError;

use super::{Desk, Result, ServiceError};

/// The `[frontdesk]` section of `loket.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FrontDeskConfig {
    /// A member is counted once per this many minutes, however often the card is scanned
    /// (going out for lunch and coming back is one visit).
    pub window_minutes: u32,
    /// `warn` (amber, counted: the default) or `refuse` (red) for a member whose card expired.
    pub expired: Admit,
    /// The same for a registered member whose card was not issued yet.
    pub not_issued: Admit,
}

impl Default for FrontDeskConfig {
    fn default() -> Self {
        FrontDeskConfig {
            window_minutes: 60,
            expired: Admit::Warn,
            not_issued: Admit::Warn,
        }
    }
}

impl FrontDeskConfig {
    pub fn policy(&self) -> Policy {
        Policy {
            expired: self.expired,
            not_issued: self.not_issued,
        }
    }
}

/// What the front desk may show of a member: nothing that identifies them beyond the card
/// itself. No NIK, address or mother's name, by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberSummary {
    pub member_no: String,
    pub name: String,
    /// Member type's name in Indonesian and in English.
    pub type_name: String,
    pub type_name_en: String,
    pub valid_until: Option<Date>,
}

impl MemberSummary {
    pub fn of(m: &Member, desk: &Desk) -> MemberSummary {
        let t = desk.config.member_type(&m.member_type);
        MemberSummary {
            member_no: m.member_no.to_string(),
            name: m.full_name.clone(),
            type_name: t.map_or_else(|| m.member_type.clone(), |t| t.name.clone()),
            type_name_en: t.map_or_else(|| m.member_type.clone(), |t| t.name_en.clone()),
            valid_until: m.valid_until,
        }
    }
}

/// One scan's outcome, for the screen and the tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckIn {
    pub scanned: String,
    pub at: Timestamp,
    pub verdict: Verdict,
    pub member: Option<MemberSummary>,
    /// The stored photo (JPEG), to show beside the name.
    pub photo: Option<Vec<u8>>,
    /// Its small preview (`photo::preview`), which half-blocks draw without decoding the JPEG.
    pub preview: Option<Vec<u8>>,
    pub visit_recorded: bool,
    /// Already counted inside the window; `last_visit` says when.
    pub repeat: bool,
    pub last_visit: Option<Timestamp>,
    /// SOP 9 was recorded on the member's request by this scan.
    pub first_scan_recorded: bool,
}

/// Visitors of a day: people (a guest group counts its size), and entries of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DayCount {
    pub people: u32,
    pub members: u32,
    pub guests: u32,
}

impl DayCount {
    pub fn of(visits: &[Visit]) -> DayCount {
        let mut c = DayCount::default();
        for v in visits {
            c.add(v);
        }
        c
    }

    pub fn add(&mut self, v: &Visit) {
        self.people += v.people();
        match v.visitor {
            Visitor::Member(_) => self.members += 1,
            Visitor::Guest(_) => self.guests += v.people(),
        }
    }
}

/// The local dates a window ending now can reach: today, and yesterday when the window
/// starts before midnight.
fn window_dates(desk: &Desk, since: Timestamp) -> Vec<Date> {
    let today = desk.clock.today();
    let first = since.to_zoned(desk.clock.tz().clone()).date();
    if first < today {
        vec![today, first]
    } else {
        vec![today]
    }
}

/// Checks in whoever holds the scanned card: decides (domain), records the visit when the
/// member may enter and was not counted inside the window, and records SOP 9 on a request
/// whose card was handed over and is now scanned for the first time.
pub fn check_in(desk: &Desk, scanned: &str, window_minutes: u32) -> Result<CheckIn> {
    let policy = desk
        .config
        .section::<FrontDeskConfig>("frontdesk")
        .unwrap_or_default()
        .policy();
    check_in_with(desk, scanned, window_minutes, policy)
}

/// [`check_in`] with the admission policy given (the front desk reads it once at start).
pub fn check_in_with(
    desk: &Desk,
    scanned: &str,
    window_minutes: u32,
    policy: Policy,
) -> Result<CheckIn> {
    let now = desk.clock.now();
    let today = desk.clock.today();
    let mut out = CheckIn {
        scanned: scanned.trim().to_string(),
        at: now,
        verdict: Verdict::Welcome,
        member: None,
        photo: None,
        preview: None,
        visit_recorded: false,
        repeat: false,
        last_visit: None,
        first_scan_recorded: false,
    };
    let code = match checkin::code_of(scanned) {
        Ok(c) => c,
        Err(reason) => {
            out.verdict = Verdict::Refuse(reason);
            return Ok(out);
        }
    };
    let since = now
        .checked_sub(i64::from(window_minutes).minutes())
        .unwrap_or(now);
    let dates = window_dates(desk, since);
    // Every look-up of the scan in one go (issue 19): one read transaction on redb, one
    // statement on PostgreSQL. The card table is asked first (a serial is a key there), then
    // the members. The writes come after.
    let Some(found) = desk
        .store
        .scanned(&super::cards::spellings(code.trim()), &dates, since)?
    else {
        let d = checkin::decide(code, None, today, now, window_minutes, policy);
        out.verdict = d.verdict;
        return Ok(out);
    };
    out.photo = found.photo;
    out.preview = found.preview;
    let (request, last_visit) = (found.request, found.last_visit);
    let presented = super::cards::presented(found.member, found.card, &found.cards);
    let member = presented.member.clone();
    let card_state = presented.state.clone();
    let printed_not_handed_over = request
        .as_ref()
        .is_some_and(|r| matches!(r.state, RequestState::Printed | RequestState::Laminated));
    let facts = Facts {
        status: member.status_on(today),
        valid_until: member.valid_until,
        card: card_state,
        printed_not_handed_over,
        last_visit,
    };
    let Decision {
        verdict,
        record_visit,
        repeat,
    } = checkin::decide(code, Some(&facts), today, now, window_minutes, policy);
    out.member = Some(MemberSummary::of(&member, desk));
    out.repeat = repeat;
    out.last_visit = last_visit;
    if record_visit {
        let visit = Visit {
            visitor: Visitor::Member(member.member_no.clone()),
            at: now,
            terminal: desk.actor.terminal.clone(),
        };
        match desk
            .store
            .record_member_visit(today, &visit, &dates, since)?
        {
            None => out.visit_recorded = true,
            // Another front-desk terminal counted this member a moment ago.
            Some(at) => {
                out.repeat = true;
                out.last_visit = Some(at);
            }
        }
    }
    // SOP 9: only the card that was handed over closes it (an old card scanned by serial
    // does not), and only for a member who may come in.
    if verdict.may_enter()
        && let Some(r) = request.filter(|r| r.state == RequestState::HandedOver)
        && (presented.serial.is_none() || presented.serial == r.card_serial)
    {
        match desk.act_on(&r, Action::FirstScan) {
            Ok(_) => out.first_scan_recorded = true,
            // Two terminals scanned the first time at once: the other one recorded it.
            Err(ServiceError::Store(StoreError::Conflict { .. })) => {}
            Err(e) => return Err(e),
        }
    }
    out.verdict = verdict;
    Ok(out)
}

/// A guest's entry is refused for these, with the field to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuestProblem {
    NameMissing,
    GroupSize,
}

/// Largest group one entry may stand for: a school visit is a few classes; more is a typo.
pub const MAX_GROUP: u32 = 500;

impl crate::i18n::Localized for GuestProblem {
    fn localized(&self, lang: crate::i18n::Lang) -> String {
        match self {
            GuestProblem::NameMissing => lang
                .text("service-frontdesk-the-guest-s-name-is-missing")
                .into(),
            GuestProblem::GroupSize => {
                crate::t!(lang, "service-frontdesk-group-size", max = MAX_GROUP)
            }
        }
    }
}

pub fn check_guest(g: &Guest) -> std::result::Result<(), GuestProblem> {
    if g.name.trim().is_empty() {
        return Err(GuestProblem::NameMissing);
    }
    if g.group_size == 0 || g.group_size > MAX_GROUP {
        return Err(GuestProblem::GroupSize);
    }
    Ok(())
}

/// Writes a guest without a card in the visitor book, after [`check_guest`].
pub fn add_guest(desk: &Desk, guest: Guest) -> Result<Visit> {
    check_guest(&guest).map_err(ServiceError::Guest)?;
    let guest = Guest {
        name: guest.name.trim().to_string(),
        institution: guest.institution.trim().to_string(),
        purpose: guest.purpose.trim().to_string(),
        group_size: guest.group_size,
    };
    let visit = Visit {
        visitor: Visitor::Guest(guest),
        at: desk.clock.now(),
        terminal: desk.actor.terminal.clone(),
    };
    desk.store.record_visit(desk.clock.today(), &visit)?;
    Ok(visit)
}

/// Today's visitors so far.
pub fn today_count(desk: &Desk) -> Result<DayCount> {
    Ok(DayCount::of(&desk.store.visits_on(desk.clock.today())?))
}
