//! Corrections and undos at the counter: a member's data fixed through the registration
//! form's own checks, and a mistaken step taken back. Both audited with who and what.

use crate::domain::correction::{self, CorrectionError};
use crate::domain::member::{Member, MemberDraft, MemberStatus, Warning};
use crate::domain::staff::Role;
use crate::domain::undo::Undone;
use crate::domain::workflow::{RequestKind, RequestState};
use crate::i18n::{Lang, Localized};

use super::settings::CounterSettings;
use super::{Desk, Result, ServiceError};

/// A correction that was saved.
#[derive(Debug, Clone)]
pub struct Corrected {
    pub member: Member,
    /// What changed, as the audit log has it (NIK masked, mother's name not written).
    pub changes: Vec<String>,
    /// A card with the old name or type is in the member's hands: offer a new one.
    pub card_out_of_date: bool,
    pub warnings: Vec<Warning>,
}

impl Localized for CorrectionError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            CorrectionError::CardHandedOver => {
                lang.text("service-corrections-this-member-s-card-was-already")
            }
            CorrectionError::NothingChanged => {
                lang.text("service-corrections-nothing-changed-the-member-s-data")
            }
        }
        .to_string()
    }
}

impl Localized for crate::domain::undo::UndoError {
    fn localized(&self, lang: Lang) -> String {
        use crate::domain::undo::UndoError::*;
        match (self, lang) {
            (NothingToUndo, _) => lang
                .text("service-corrections-there-is-no-step-to-undo")
                .into(),
            (NotYours { by }, _) => {
                crate::t!(lang, "service-corrections-not-yours", by = by.as_str())
            }
            (TooLate { window_minutes }, _) => crate::t!(
                lang,
                "service-corrections-too-late",
                window_minutes = *window_minutes
            ),
            (ReasonRequired, _) => lang
                .text("service-corrections-give-the-reason-for-undoing-the")
                .into(),
        }
    }
}

impl Desk<'_> {
    pub fn counter_settings(&self) -> Result<CounterSettings> {
        Ok(self.config.section("counter")?)
    }

    /// Saves the corrected form for member `before` (as the clerk's form was filled from it):
    /// the registration's checks, NIK unique, and after a handover a supervisor's decision.
    /// `role`: `None` for a shell user with no account, who counts as a clerk.
    pub fn correct_member(
        &self,
        before: &Member,
        draft: &MemberDraft,
        role: Option<Role>,
    ) -> Result<Corrected> {
        let no = before.member_no.as_str();
        let state = self.store.current_request_for(no)?.map(|r| r.state);
        correction::may_correct(role.unwrap_or(Role::Staff), state)?;
        let valid = draft
            .validate(&self.rules())
            .map_err(ServiceError::Invalid)?;
        let warnings = valid.warnings.clone();
        let after = correction::corrected(before, valid);
        let changes = correction::changes(before, &after);
        if changes.is_empty() {
            return Err(CorrectionError::NothingChanged.into());
        }
        self.store.save_member_edit(
            before,
            &after,
            &self.actor,
            self.now(),
            &changes.join("; "),
        )?;
        let handed_over = matches!(
            state,
            Some(RequestState::HandedOver | RequestState::FirstScanned)
        );
        Ok(Corrected {
            card_out_of_date: handed_over && correction::changes_the_card(before, &after),
            member: after,
            changes,
            warnings,
        })
    }

    /// Takes back the last step on member `no`'s current request (see
    /// [`crate::domain::workflow::CardRequest::undo`]); a print taken back spoils its card.
    pub fn undo_last(&self, no: &str, role: Option<Role>, reason: &str) -> Result<Undone> {
        self.member(no)?;
        let request = self
            .store
            .current_request_for(no)?
            .ok_or_else(|| ServiceError::NoOpenRequest(no.to_string()))?;
        let window = self.counter_settings()?.undo_window();
        let undone = request.undo(
            &self.actor,
            role.unwrap_or(Role::Staff),
            reason,
            self.now(),
            window,
        )?;
        let detail = undone
            .request
            .history
            .last()
            .and_then(|t| t.note.clone())
            .unwrap_or_default();
        // A new member's activation came with the verification: it goes with its undo. A
        // renewal's extension stays, and verifying it again does not extend it twice.
        let member = match (undone.action.as_str(), request.kind) {
            ("verify", RequestKind::New) => {
                let mut m = self.member(no)?;
                m.status = MemberStatus::Pending;
                m.valid_until = None;
                Some(m)
            }
            _ => None,
        };
        self.store.save_undo(
            &undone.request,
            request.version,
            undone.spoiled_serial.as_deref(),
            member.as_ref(),
            &self.actor,
            &detail,
        )?;
        Ok(undone)
    }
}
