//! The counter's work, shared by the TUI, the CLI and the web form: each SOP step as one call
//! that checks the rule (domain), then writes it (store). Screens and commands call these;
//! none of them writes to the store on its own.

pub mod accounts;
pub mod cards;
pub mod corrections;
pub mod demo;
pub mod frontdesk;
pub mod handover;
pub mod printing;
pub mod privacy;
pub mod report;
pub mod settings;
pub mod status;
pub mod supervision;
pub mod users;

use jiff::Timestamp;

use crate::config::{Clock, Config};
use crate::domain::checklist::{CheckItem, Checklist, FailureOutcome};
use crate::domain::member::{
    FieldError, FormRules, IdentityKind, Member, MemberDraft, MemberStatus, Warning,
};
use crate::domain::member_no::MemberNo;
use crate::domain::staff::CardRecord;
use crate::domain::workflow::{
    Action, Actor, CardRequest, RequestKind, RequestState, Source, TransitionError,
};
use crate::i18n::{Lang, Localized};
use crate::photo::{Edit, Limits, PhotoConfig, PhotoError, StoredPhoto};
use crate::store::{PhotoWrite, Registration, Store, StoreError, TransitionWrite};

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("the form has {} problem(s)", .0.len())]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Transition(#[from] TransitionError),
    #[error("member {0} not found")]
    UnknownMember(String),
    #[error("member {0} has no card request on its way")]
    NoOpenRequest(String),
    #[error("member {0} already has a card request on its way")]
    RequestOpen(String),
    #[error("member type {0} is not configured")]
    UnknownMemberType(String),
    #[error(transparent)]
    Photo(#[from] PhotoError),
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error(transparent)]
    Printing(Box<printing::PrintingError>),
    #[error("guest entry: {0:?}")]
    Guest(frontdesk::GuestProblem),
    #[error("{0} is not an active staff account")]
    NotAClerk(String),
    #[error(transparent)]
    Handover(#[from] handover::HandoverRefusal),
    #[error(transparent)]
    Correction(#[from] crate::domain::correction::CorrectionError),
    #[error(transparent)]
    Undo(#[from] crate::domain::undo::UndoError),
    #[error("a reason or name holds a control character")]
    ControlCharacter,
    #[error(transparent)]
    Privacy(privacy::PrivacyError),
}

impl Localized for ServiceError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            ServiceError::Invalid(errors) => errors
                .iter()
                .map(|e| e.localized(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            ServiceError::Store(e) => e.localized(lang),
            ServiceError::Transition(e) => e.localized(lang),
            ServiceError::UnknownMember(no) => {
                crate::t!(lang, "service-unknown-member", no = no.as_str())
            }
            ServiceError::NoOpenRequest(no) => {
                crate::t!(lang, "service-no-open-request", no = no.as_str())
            }
            ServiceError::RequestOpen(no) => {
                crate::t!(lang, "service-request-open", no = no.as_str())
            }
            ServiceError::Photo(e) => e.localized(lang),
            ServiceError::Config(e) => e.localized(lang),
            ServiceError::Printing(e) => e.localized(lang),
            ServiceError::Guest(p) => p.localized(lang),
            ServiceError::Handover(r) => r.localized(lang),
            ServiceError::Correction(e) => e.localized(lang),
            ServiceError::Undo(e) => e.localized(lang),
            ServiceError::Privacy(e) => e.localized(lang),
            ServiceError::ControlCharacter => {
                lang.text("service-the-reason-or-name-typed-holds").into()
            }
            ServiceError::NotAClerk(name) => {
                crate::t!(lang, "service-not-a-clerk", name = name.as_str())
            }
            ServiceError::UnknownMemberType(t) => {
                crate::t!(
                    lang,
                    "service-unknown-member-type",
                    member_type = t.as_str()
                )
            }
        }
    }
}

pub type Result<T> = std::result::Result<T, ServiceError>;

/// A registration that succeeded: the number to show large, and warnings for the clerk.
#[derive(Debug, Clone)]
pub struct Registered {
    pub member: Member,
    pub request: CardRequest,
    pub warnings: Vec<Warning>,
}

/// What the clerk decided at verification (SOP 4).
#[derive(Debug, Clone, Default)]
pub struct Verification {
    /// The document seen: KTP, or KK for applicants without one. `None`: the member's own.
    pub document: Option<IdentityKind>,
    /// A failed item and the reason; everything else passed.
    pub failed: Option<(CheckItem, String)>,
    /// Why to go on although another active member holds the NIK.
    pub duplicate_reason: Option<String>,
}

/// One clerk (or process) at work: the store, the rules, the clock and who is acting.
pub struct Desk<'a> {
    pub store: &'a Store,
    pub config: &'a Config,
    pub clock: &'a Clock,
    pub actor: Actor,
}

impl<'a> Desk<'a> {
    pub fn new(store: &'a Store, config: &'a Config, clock: &'a Clock, actor: Actor) -> Self {
        Desk {
            store,
            config,
            clock,
            actor,
        }
    }

    pub fn rules(&self) -> FormRules<'_> {
        FormRules {
            today: self.clock.today(),
            member_types: &self.config.member_types,
            regency_code: &self.config.library.regency_code,
        }
    }

    /// SOP 1: validates the form and registers the member with a new-card request.
    pub fn register(&self, draft: &MemberDraft, source: Source) -> Result<Registered> {
        self.register_then(draft, source, |store, reg| store.register(reg))
    }

    /// The online form (online SOP 1–2): the member and the photo they uploaded, made by
    /// [`Desk::prepare_photo`], in one transaction. The photo is kept without recording the
    /// photo step: the clerk checks it when the applicant comes to the counter.
    pub fn register_with_photo(
        &self,
        draft: &MemberDraft,
        source: Source,
        photo: &StoredPhoto,
    ) -> Result<Registered> {
        // The file as uploaded is not kept: it carries the phone's EXIF (GPS position, serial).
        let write = PhotoWrite {
            stored: &photo.jpeg,
            original: None,
        };
        self.register_then(draft, source, |store, reg| {
            store.register_with_photo(reg, &write)
        })
    }

    fn register_then(
        &self,
        draft: &MemberDraft,
        source: Source,
        write: impl FnOnce(
            &Store,
            Registration,
        ) -> std::result::Result<(Member, CardRequest), StoreError>,
    ) -> Result<Registered> {
        let valid = draft
            .validate(&self.rules())
            .map_err(ServiceError::Invalid)?;
        let warnings = valid.warnings.clone();
        let (member, request) = write(
            self.store,
            Registration {
                draft: valid,
                scheme: &self.config.member_no,
                today: self.clock.today(),
                at: self.clock.now(),
                actor: &self.actor,
                source,
            },
        )?;
        // Numbers and codes only: the member's record holds the NIK and the mother's name.
        tracing::debug!(
            member = %member.member_no,
            request = %request.id,
            source = ?source,
            user = %self.actor.user,
            "member registered"
        );
        Ok(Registered {
            member,
            request,
            warnings,
        })
    }

    /// An uploaded image made into the stored photo, cropped 3:4 automatically: decoded with
    /// the limits, EXIF orientation applied, re-encoded without any metadata. Slow (hundreds
    /// of milliseconds for a phone photo), so it runs before, never inside, a transaction.
    pub fn prepare_photo(&self, image: &[u8]) -> Result<StoredPhoto> {
        Ok(crate::photo::process(
            image,
            &Limits::default(),
            None,
            &self.photo_config()?,
        )?)
    }

    pub fn member(&self, no: &str) -> Result<Member> {
        self.store
            .member(no)?
            .ok_or_else(|| ServiceError::UnknownMember(no.to_string()))
    }

    /// The member's request that is still on its way.
    pub fn open_request(&self, no: &str) -> Result<CardRequest> {
        self.member(no)?;
        match self.store.current_request_for(no)? {
            Some(r) if r.state.is_open() => Ok(r),
            _ => Err(ServiceError::NoOpenRequest(no.to_string())),
        }
    }

    /// Applies an action to the request as it was read (`request.version`): if someone else
    /// changed it since, the store refuses and says who.
    pub fn act_on(&self, request: &CardRequest, action: Action) -> Result<CardRequest> {
        self.act_on_with(request, action, None)
    }

    fn act_on_with(
        &self,
        request: &CardRequest,
        action: Action,
        photo: Option<PhotoWrite>,
    ) -> Result<CardRequest> {
        // Reasons and names typed at a step are stored and printed like a member's name.
        let typed = match &action {
            Action::SendBack { reason, .. }
            | Action::Reprint { reason }
            | Action::Reject { reason }
            | Action::Cancel { reason } => Some(reason.as_str()),
            Action::HandOver { received_by, .. } => Some(received_by.as_str()),
            _ => None,
        };
        if typed.is_some_and(crate::domain::controls::has_forbidden) {
            return Err(ServiceError::ControlCharacter);
        }
        let now = self.clock.now();
        let mut member_change = None;
        let mut cards = Vec::new();
        match &action {
            Action::Verify(_) => {
                let mut m = self.member(request.member_no.as_str())?;
                // A renewal verified, undone and verified again is extended once: the undo
                // leaves the first extension standing (see `undo_last`).
                let extended_before = request.kind == RequestKind::Renewal
                    && request.history.iter().any(|t| t.action == "verify");
                if request.kind != RequestKind::Replacement && !extended_before {
                    let t = self
                        .config
                        .member_type(&m.member_type)
                        .ok_or_else(|| ServiceError::UnknownMemberType(m.member_type.clone()))?;
                    m.activate(t, self.clock.today());
                }
                member_change = Some(m);
            }
            Action::Print { card_serial } => {
                cards.push(CardRecord {
                    serial: card_serial.clone(),
                    member_no: request.member_no.clone(),
                    request_id: request.id,
                    printed_at: now,
                    blocked: None,
                });
                // The card being replaced stops working once its successor exists.
                if let Some(old) = &request.replaces_serial
                    && let Some(mut c) = self.store.card(old)?
                {
                    // i18n: the card record's stored reason, kept as written
                    c.blocked = Some(format!("replaced by {card_serial}"));
                    cards.push(c);
                }
            }
            _ => {}
        }
        let next = request.apply(action, &self.actor, now)?;
        let detail = next
            .history
            .last()
            .and_then(|t| t.note.clone())
            .unwrap_or_default();
        self.store.save_transition(TransitionWrite {
            request: &next,
            expected_version: request.version,
            member: member_change.as_ref(),
            cards: &cards,
            photo,
            actor: &self.actor,
            detail,
        })?;
        // Not the step's note: a reason is typed freely and a receiver is a person's name.
        tracing::debug!(
            member = %next.member_no,
            request = %next.id,
            step = next.history.last().map(|t| t.action.as_str()).unwrap_or(""),
            user = %self.actor.user,
            "request step"
        );
        Ok(next)
    }

    /// Reads the member's open request and acts on it.
    pub fn act(&self, no: &str, action: Action) -> Result<CardRequest> {
        let r = self.open_request(no)?;
        self.act_on(&r, action)
    }

    pub fn photo_config(&self) -> Result<PhotoConfig> {
        Ok(self.config.section("photo")?)
    }

    /// SOP 3: makes the stored photo from an image (camera, inbox, file, upload) and keeps it
    /// with the member. With the applicant at the counter, the photo step is recorded in the
    /// same transaction; before that (an online upload) the photo is only kept, to be checked
    /// when the applicant comes. `edit` is the clerk's crop; `None` places it automatically.
    pub fn take_photo(
        &self,
        no: &str,
        image: &[u8],
        edit: Option<Edit>,
    ) -> Result<(StoredPhoto, Option<CardRequest>)> {
        // An unknown member is refused before the photo is decoded, which is the slow part.
        self.member(no)?;
        // The request as it was when the photo arrived: a step recorded by someone else while
        // this one was decoding is a conflict, not a second "photo taken".
        let open = self.store.current_request_for(no)?.filter(|r| {
            matches!(
                r.state,
                RequestState::WaitingAtCounter | RequestState::PhotoTaken
            )
        });
        let config = self.photo_config()?;
        let stored = crate::photo::process(image, &Limits::default(), edit.as_ref(), &config)?;
        let write = PhotoWrite {
            stored: &stored.jpeg,
            original: config.keep_original.then_some(image),
        };
        let already = |r: &CardRequest| -> Result<bool> {
            Ok(r.state == RequestState::PhotoTaken
                && self.store.photo(no)?.as_deref() == Some(stored.jpeg.as_slice()))
        };
        let request = match open {
            // The same photo again (Enter twice, a second import): the step stands once.
            Some(r) if already(&r)? => Some(r),
            Some(r) => match self.act_on_with(&r, Action::TakePhoto, Some(write)) {
                Ok(next) => Some(next),
                Err(ServiceError::Store(StoreError::Conflict { .. }))
                    if self
                        .store
                        .request(r.id)?
                        .is_some_and(|now| already(&now).unwrap_or(false)) =>
                {
                    self.store.request(r.id)?
                }
                Err(e) => return Err(e),
            },
            None => {
                self.store
                    .put_photo(no, &write, &self.actor, self.clock.now())?;
                None
            }
        };
        Ok((stored, request))
    }

    /// A supervisor hands a request in progress to another clerk (one went on a break, a queue
    /// grew at one counter). Recorded in the audit log with both names.
    pub fn reassign(&self, no: &str, clerk: &str) -> Result<CardRequest> {
        let clerk = clerk.trim();
        let account = self.store.account(clerk)?;
        if !account.is_some_and(|a| a.active && a.role.performs_steps()) {
            return Err(ServiceError::NotAClerk(clerk.to_string()));
        }
        let r = self.open_request(no)?;
        let from = r.handler().unwrap_or("-").to_string();
        let next = r.reassigned(clerk)?;
        self.store.save_reassignment(
            &next,
            r.version,
            &self.actor,
            self.clock.now(),
            // i18n: the audit log's detail, stored as written
            &format!("from {from} to {clerk}"),
        )?;
        Ok(next)
    }

    /// SOP 2: the applicant reported their number at the counter.
    pub fn call(&self, no: &str) -> Result<CardRequest> {
        self.act(no, Action::Call)
    }

    /// The checklist as the clerk decided it, with the two items loket can check itself (NIK
    /// consistency and duplicates) worked out from the data.
    pub fn checklist(&self, member: &Member, v: &Verification) -> Result<Checklist> {
        let document = v.document.unwrap_or(match member.identity_kind {
            IdentityKind::Kk | IdentityKind::Kia => IdentityKind::Kk,
            _ => IdentityKind::Ktp,
        });
        let mut c = Checklist::all_passed(document);
        if let Some(nik) = &member.nik {
            let found = nik.mismatches(member.birth_date, member.sex, self.clock.today());
            if !found.is_empty() {
                match &member.nik_mismatch_reason {
                    Some(reason) => c.record(CheckItem::NikConsistent, true, Some(reason.clone())),
                    None => c.record(
                        CheckItem::NikConsistent,
                        false,
                        // i18n: the checklist's stored note, kept as written in the history
                        Some("NIK does not match birth date or sex".into()),
                    ),
                }
            }
            if let Some(other) = self
                .store
                .nik_holder(nik.as_str(), Some(member.member_no.as_str()))?
            {
                match &v.duplicate_reason {
                    Some(reason) => c.record(CheckItem::NoDuplicate, true, Some(reason.clone())),
                    None => c.record(
                        CheckItem::NoDuplicate,
                        false,
                        // i18n: the checklist's stored note, kept as written in the history
                        Some(format!("NIK held by member {}", other.member_no)),
                    ),
                }
            }
        }
        if let Some((item, reason)) = &v.failed {
            c.record(*item, false, Some(reason.clone()));
        }
        Ok(c)
    }

    /// SOP 4: verifies with the checklist; a failed item sends the request back to the step
    /// that fixes it, or rejects it, as the item says.
    pub fn verify(&self, no: &str, v: &Verification) -> Result<CardRequest> {
        let request = self.open_request(no)?;
        let member = self.member(no)?;
        let checklist = self.checklist(&member, v)?;
        let action = match checklist.first_failure() {
            None => Action::Verify(checklist),
            Some(failure) => {
                let reason = failure
                    .note
                    .clone()
                    .unwrap_or_else(|| failure.item.code().to_string());
                match failure.item.on_failure() {
                    FailureOutcome::SendBack(to) => Action::SendBack {
                        to,
                        checklist: checklist.clone(),
                        reason,
                    },
                    FailureOutcome::Reject => Action::Reject { reason },
                }
            }
        };
        self.act_on(&request, action)
    }

    /// The serial the member's next card gets: `NO-01` for the first, `NO-02` for the next.
    /// A reprint before handover keeps the serial it has.
    pub fn card_serial_for(&self, request: &CardRequest) -> Result<String> {
        if let Some(s) = &request.card_serial {
            return Ok(s.clone());
        }
        let n = self.store.cards_for(request.member_no.as_str())?.len() + 1;
        Ok(format!("{}-{n:02}", request.member_no))
    }

    /// SOP 5, recorded after the printer accepted the job (never before).
    pub fn record_print(
        &self,
        request: &CardRequest,
        reprint_reason: Option<String>,
    ) -> Result<CardRequest> {
        let action = match (request.state, reprint_reason) {
            (RequestState::Printed | RequestState::Laminated, Some(reason)) => {
                Action::Reprint { reason }
            }
            _ => Action::Print {
                card_serial: self.card_serial_for(request)?,
            },
        };
        self.act_on(request, action)
    }

    /// Opens a renewal (extends validity) or a replacement (lost or damaged card; the old
    /// card is blocked when the new one prints).
    pub fn start(&self, no: &str, kind: RequestKind, source: Source) -> Result<CardRequest> {
        let member = self.member(no)?;
        if member.status == MemberStatus::Blocked {
            return Err(ServiceError::Store(StoreError::NotFound(format!(
                "{no} (blocked)"
            ))));
        }
        let replaces = match kind {
            RequestKind::Replacement => self
                .store
                .cards_for(no)?
                .into_iter()
                .rev()
                .find(|c| c.blocked.is_none())
                .map(|c| c.serial),
            _ => None,
        };
        self.store
            .open_request(
                &MemberNo::new(no),
                kind,
                source,
                &self.actor,
                self.clock.now(),
                replaces,
            )
            .map_err(|e| match e {
                StoreError::Conflict { .. } => ServiceError::RequestOpen(no.to_string()),
                e => e.into(),
            })
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }
}
