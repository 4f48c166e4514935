//! Card requests and their steps: each step saved only if nobody changed the request since it
//! was read (the version check), with the member, card and photo changes that go with it.

use jiff::Timestamp;

use super::photos::PhotoWrite;
use super::{Result, StoreError};
use crate::domain::member::Member;
use crate::domain::member_no::MemberNo;
use crate::domain::staff::CardRecord;
use crate::domain::workflow::{Actor, CardRequest, RequestKind, RequestState, Source};

/// A transition to save: the new request, the version it was computed from, and what else
/// changes with it (the member on activation, cards printed or blocked).
pub struct TransitionWrite<'a> {
    pub request: &'a CardRequest,
    pub expected_version: u32,
    pub member: Option<&'a Member>,
    pub cards: &'a [CardRecord],
    /// Stored in the same transaction as the photo step, so neither exists without the other.
    pub photo: Option<PhotoWrite<'a>>,
    pub actor: &'a Actor,
    pub detail: String,
}

area! {
    /// Card requests, their steps, and the queue's indexes.
    pub trait RequestStore {
        /// A request handed to another clerk by a supervisor: no step, so no history entry
        /// (the time in the step runs on), but the audit log says who moved it, from whom, to
        /// whom.
        fn save_reassignment(
            &self,
            request: &CardRequest,
            expected_version: u32,
            actor: &Actor,
            at: Timestamp,
            detail: &str,
        ) -> Result<()>;

        /// Requests with a step taken in `start..end`, each once, by id. Reads the step-time
        /// index, so a day's or a week's requests cost what they are, not the whole store.
        fn requests_with_steps_between(
            &self,
            start: Timestamp,
            end: Timestamp,
        ) -> Result<Vec<CardRequest>>;

        fn request(&self, id: u64) -> Result<Option<CardRequest>>;

        /// Every request of a member, oldest first.
        fn requests_for(&self, no: &str) -> Result<Vec<CardRequest>>;

        /// Requests in these states that came from these sources, oldest in its state first:
        /// the status count loads only the ones a standard time applies to, not every online
        /// registration still to come in.
        fn requests_in_from(
            &self,
            states: &[RequestState],
            sources: &[Source],
        ) -> Result<Vec<CardRequest>>;

        /// Requests per state, from the index alone.
        fn count_by_state(&self) -> Result<Vec<(RequestState, u64)>>;

        /// Opens a renewal or replacement request for a member with none open.
        fn open_request(
            &self,
            no: &MemberNo,
            kind: RequestKind,
            source: Source,
            actor: &Actor,
            at: Timestamp,
            replaces_serial: Option<String>,
        ) -> Result<CardRequest>;

        /// Saves a transition if nobody changed the request since it was read (optimistic
        /// check on the version), with the member and card changes that go with it.
        fn save_transition(&self, w: TransitionWrite) -> Result<()>;

        /// Saves many transitions in one transaction: all or none, each checked as
        /// [`Store::save_transition`](super::Store::save_transition) checks it. For
        /// re-entering a day's paper records and for building large stores in benchmarks,
        /// where a commit per step would be the cost.
        fn save_transitions(&self, writes: &[TransitionWrite]) -> Result<()>;

        /// Saves an undo if the request is still at `expected_version`. A print taken back
        /// leaves its card marked spoiled, so its serial is never given again. A verification
        /// taken back on a new member's request also takes back the activation (`member`,
        /// with its status and validity as before; name and NIK unchanged).
        fn save_undo(
            &self,
            request: &CardRequest,
            expected_version: u32,
            spoiled_serial: Option<&str>,
            member: Option<&Member>,
            actor: &Actor,
            detail: &str,
        ) -> Result<()>;
    }
}

/// Made of the area's own methods, so no backend writes them again.
impl super::Store {
    /// The member's request still on its way (at most one), else the latest one.
    pub fn current_request_for(&self, no: &str) -> Result<Option<CardRequest>> {
        let all = self.requests_for(no)?;
        let open = all.iter().rev().find(|r| r.state.is_open()).cloned();
        Ok(open.or_else(|| all.last().cloned()))
    }

    /// Requests in these states, oldest in its state first.
    pub fn requests_in(&self, states: &[RequestState]) -> Result<Vec<CardRequest>> {
        self.requests_in_from(states, &Source::ALL)
    }
}

/// The request as the store holds it, if its version is still the one the clerk read; else
/// who changed it since, from which terminal. The same check on every backend.
pub(crate) fn at_version(current: CardRequest, expected: u32) -> Result<CardRequest> {
    if current.version != expected {
        let last = current.history.last();
        return Err(StoreError::Conflict {
            expected,
            found: current.version,
            by: last.map(|t| t.by.clone()).unwrap_or_default(),
            terminal: last.map(|t| t.terminal.clone()).unwrap_or_default(),
        });
    }
    Ok(current)
}
