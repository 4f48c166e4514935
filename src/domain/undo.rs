//! Taking back a mistaken step (membatalkan langkah). The history is append-only: an undo is a
//! line of its own that names the step it takes back, and everything that measures steps
//! (time per step, the handover register) reads the history with undone steps left out.

use jiff::{SignedDuration, Timestamp};

use super::staff::Role;
use super::workflow::{Actor, CardRequest, RequestState, Transition};

/// The action code of an undo line in a request's history.
pub const UNDO: &str = "undo";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UndoError {
    #[error("there is no step to undo")]
    NothingToUndo,
    #[error("the last step was {by}'s: only they or a supervisor may undo it")]
    NotYours { by: String },
    #[error("the last step is older than {window_minutes} minutes")]
    TooLate { window_minutes: i64 },
    #[error("a reason is required")]
    ReasonRequired,
}

/// What an undo took back, for the service to finish (a print's card is spoiled).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    pub request: CardRequest,
    /// The action code of the step taken back (`print`, `handover`, …).
    pub action: String,
    /// A print taken back: this card exists and is spoiled; its serial is never given again.
    pub spoiled_serial: Option<String>,
}

impl CardRequest {
    /// The history as if undone steps had never happened: each undo line takes out the latest
    /// step still standing, and is itself left out.
    pub fn effective_history(&self) -> Vec<&Transition> {
        let mut standing: Vec<&Transition> = Vec::with_capacity(self.history.len());
        for t in &self.history {
            if t.action == UNDO {
                // The registration (the first line) is never undone.
                if standing.len() > 1 {
                    standing.pop();
                }
            } else {
                standing.push(t);
            }
        }
        standing
    }

    /// The latest step still standing that an undo would take back (never the registration).
    pub fn last_undoable(&self) -> Option<&Transition> {
        let h = self.effective_history();
        if h.len() < 2 {
            return None;
        }
        h.last().copied()
    }

    /// Takes back the latest step standing: the clerk who took it within `window`, a
    /// supervisor or an administrator any time. The request returns to the state before that
    /// step with the step's own effects undone (the serial of a print, the receiver of a
    /// handover, the checklist of a verification).
    pub fn undo(
        &self,
        actor: &Actor,
        role: Role,
        reason: &str,
        at: Timestamp,
        window: SignedDuration,
    ) -> Result<Undone, UndoError> {
        if reason.trim().is_empty() {
            return Err(UndoError::ReasonRequired);
        }
        let last = self.last_undoable().ok_or(UndoError::NothingToUndo)?;
        if !role.supervises() {
            if last.by != actor.user {
                return Err(UndoError::NotYours {
                    by: last.by.clone(),
                });
            }
            if at.duration_since(last.at) > window {
                return Err(UndoError::TooLate {
                    window_minutes: window.as_mins(),
                });
            }
        }
        let back_to = last.from.unwrap_or(RequestState::Registered);
        let action = last.action.clone();
        let mut next = self.clone();
        let mut spoiled_serial = None;
        match action.as_str() {
            "print" => spoiled_serial = next.card_serial.take(),
            "handover" => next.received_by = None,
            "verify" => next.checklist = None,
            _ => {}
        }
        next.history.push(Transition {
            from: Some(self.state),
            to: back_to,
            action: UNDO.into(),
            step: None,
            by: actor.user.clone(),
            terminal: actor.terminal.clone(),
            at,
            note: Some(format!("{action}: {}", reason.trim())),
        });
        next.state = back_to;
        next.assigned_to = None;
        next.version += 1;
        Ok(Undone {
            request: next,
            action,
            spoiled_serial,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checklist::Checklist;
    use crate::domain::member::IdentityKind;
    use crate::domain::member_no::MemberNo;
    use crate::domain::workflow::{Action, RequestKind, Source, Step};

    fn who(user: &str) -> Actor {
        Actor {
            user: user.into(),
            terminal: "loket-1".into(),
        }
    }

    fn t(mins: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + mins * 60).unwrap()
    }

    const WINDOW: SignedDuration = SignedDuration::from_mins(15);

    fn printed() -> CardRequest {
        let rina = who("rina");
        let r = CardRequest::new(
            1,
            MemberNo::new("26112800001"),
            RequestKind::New,
            Source::Counter,
            &rina,
            t(0),
        );
        [
            Action::Call,
            Action::TakePhoto,
            Action::Verify(Checklist::all_passed(IdentityKind::Ktp)),
            Action::Print {
                card_serial: "26112800001-01".into(),
            },
        ]
        .into_iter()
        .enumerate()
        .fold(r, |r, (i, a)| r.apply(a, &rina, t(i as i64 + 1)).unwrap())
    }

    #[test]
    fn the_clerk_undoes_their_own_step_inside_the_window_only() {
        let r = printed();
        let inside = r.undo(&who("rina"), Role::Staff, "wrong applicant", t(19), WINDOW);
        let u = inside.unwrap();
        assert_eq!(u.request.state, RequestState::Verified);
        assert_eq!(u.spoiled_serial.as_deref(), Some("26112800001-01"));
        assert_eq!(u.request.card_serial, None);
        assert_eq!(u.request.version, r.version + 1);
        // Both the print and its undo stay in the history.
        assert_eq!(u.request.history.len(), r.history.len() + 1);
        assert_eq!(u.request.history.last().unwrap().action, UNDO);
        assert_eq!(
            r.undo(&who("rina"), Role::Staff, "late", t(20), WINDOW),
            Err(UndoError::TooLate { window_minutes: 15 })
        );
    }

    #[test]
    fn another_clerk_may_not_but_a_supervisor_may_any_time() {
        let r = printed();
        assert_eq!(
            r.undo(&who("budi"), Role::Staff, "x", t(5), WINDOW),
            Err(UndoError::NotYours { by: "rina".into() })
        );
        let u = r
            .undo(&who("kasi"), Role::Supervisor, "misprint", t(600), WINDOW)
            .unwrap();
        assert_eq!(u.request.state, RequestState::Verified);
        assert_eq!(
            r.undo(&who("rina"), Role::Staff, " ", t(5), WINDOW),
            Err(UndoError::ReasonRequired)
        );
    }

    #[test]
    fn undone_steps_are_not_steps_done() {
        let r = printed();
        let u = r
            .undo(&who("rina"), Role::Staff, "wrong", t(5), WINDOW)
            .unwrap()
            .request;
        let steps: Vec<Step> = u.step_durations().iter().map(|(s, _)| *s).collect();
        assert_eq!(steps, vec![Step::Report, Step::Photo, Step::Verify]);
        // Undo twice takes back the verification too, never the registration.
        let u = u
            .undo(&who("rina"), Role::Staff, "wrong", t(6), WINDOW)
            .unwrap()
            .request;
        assert_eq!(u.state, RequestState::PhotoTaken);
        assert_eq!(u.checklist, None);
        let mut r = u;
        for i in 0..2 {
            r = r
                .undo(&who("kasi"), Role::Admin, "back", t(7 + i), WINDOW)
                .unwrap()
                .request;
        }
        assert_eq!(r.state, RequestState::Registered);
        assert_eq!(
            r.undo(&who("kasi"), Role::Admin, "more", t(20), WINDOW),
            Err(UndoError::NothingToUndo)
        );
    }
}
