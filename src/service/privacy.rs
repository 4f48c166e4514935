//! A member's rights under UU 27/2022: access (everything held about them, for them) and
//! erasure (a supervisor's act, audited; the statistics keep their counts).

use serde::Serialize;

use super::{Desk, Result, ServiceError};
use crate::domain::member::Member;
use crate::domain::staff::CardRecord;
use crate::domain::visit::{Visit, Visitor};
use crate::domain::workflow::{Action, CardRequest};
use crate::store::AuditEntry;

/// Everything the store holds about one member, as handed to that member.
#[derive(Debug, Serialize)]
pub struct OwnData {
    pub member: Member,
    pub requests: Vec<CardRequest>,
    pub cards: Vec<CardRecord>,
    pub visits: Vec<Visit>,
    pub audit: Vec<AuditEntry>,
    /// The stored photo (JPEG), written beside the export rather than into it.
    #[serde(skip)]
    pub photo: Option<Vec<u8>>,
    pub photos_in_history: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum PrivacyError {
    #[error("{0} is not an active supervisor account")]
    NotASupervisor(String),
    #[error("the reason is empty")]
    NoReason,
}

impl crate::i18n::Localized for PrivacyError {
    fn localized(&self, lang: crate::i18n::Lang) -> String {
        match self {
            PrivacyError::NotASupervisor(u) => {
                crate::t!(lang, "service-privacy-not-a-supervisor", user = u.as_str())
            }
            PrivacyError::NoReason => lang.text("service-privacy-no-reason").into(),
        }
    }
}

impl From<PrivacyError> for ServiceError {
    fn from(e: PrivacyError) -> Self {
        ServiceError::Privacy(e)
    }
}

impl Desk<'_> {
    /// Everything held about member `no` (the right of access).
    pub fn own_data(&self, no: &str) -> Result<OwnData> {
        let member = self.member(no)?;
        let first = member
            .registered_at
            .to_zoned(self.clock.tz().clone())
            .date();
        let visits = self
            .store
            .visits_between(first, self.clock.today())?
            .into_iter()
            .filter(|v| matches!(&v.visitor, Visitor::Member(m) if m.as_str() == no))
            .collect();
        Ok(OwnData {
            requests: self.store.requests_for(no)?,
            cards: self.store.cards_for(no)?,
            visits,
            audit: self.store.audit_matching(usize::MAX, |e| e.subject == no)?,
            photo: self.store.photo(no)?,
            photos_in_history: self.store.photo_history(no)?.len(),
            member,
        })
    }

    /// Erases member `no`'s personal data (the right of erasure). Only an active supervisor
    /// account may; a request still on its way is cancelled first.
    pub fn erase_member(&self, no: &str, reason: &str) -> Result<Member> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(PrivacyError::NoReason.into());
        }
        if crate::domain::controls::has_forbidden(reason) {
            return Err(ServiceError::ControlCharacter);
        }
        let user = &self.actor.user;
        if !self
            .store
            .account(user)?
            .is_some_and(|a| a.active && a.role.supervises())
        {
            return Err(PrivacyError::NotASupervisor(user.clone()).into());
        }
        self.member(no)?;
        let cancel = Action::Cancel {
            reason: "erased".into(),
        };
        if let Some(r) = self.store.current_request_for(no)?
            && cancel.target(r.state).is_some()
        {
            self.act_on(&r, cancel)?;
        }
        Ok(self
            .store
            .erase_member(no, &self.actor, self.clock.now(), reason)?)
    }
}
