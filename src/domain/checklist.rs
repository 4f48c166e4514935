//! The verification checklist of SOP step 4 (cek data pribadi pemohon): each item recorded,
//! and what a failed item means for the request.

use serde::{Deserialize, Serialize};

use super::member::IdentityKind;
use super::workflow::RequestState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CheckItem {
    /// The identity document was seen: the KTP, or a KK photocopy for those without one.
    DocumentSeen,
    /// Name and birth data match the document.
    DataMatch,
    /// The NIK agrees with the birth date and sex (derived values shown beside typed ones).
    NikConsistent,
    PhotoAcceptable,
    /// No other active member holds this NIK (or the clerk recorded why to go on).
    NoDuplicate,
}

impl CheckItem {
    pub const ALL: [CheckItem; 5] = [
        CheckItem::DocumentSeen,
        CheckItem::DataMatch,
        CheckItem::NikConsistent,
        CheckItem::PhotoAcceptable,
        CheckItem::NoDuplicate,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CheckItem::DocumentSeen => "document",
            CheckItem::DataMatch => "data",
            CheckItem::NikConsistent => "nik",
            CheckItem::PhotoAcceptable => "photo",
            CheckItem::NoDuplicate => "duplicate",
        }
    }

    pub fn from_code(s: &str) -> Option<CheckItem> {
        CheckItem::ALL.into_iter().find(|i| i.code() == s.trim())
    }

    /// Where a failure sends the request: a bad photo goes back to the photo step; data or
    /// NIK that do not match stay for correction and a second check; no document, or a
    /// duplicate member, ends the request.
    pub fn on_failure(self) -> FailureOutcome {
        match self {
            CheckItem::PhotoAcceptable => FailureOutcome::SendBack(RequestState::WaitingAtCounter),
            CheckItem::DataMatch | CheckItem::NikConsistent => {
                FailureOutcome::SendBack(RequestState::PhotoTaken)
            }
            CheckItem::DocumentSeen | CheckItem::NoDuplicate => FailureOutcome::Reject,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureOutcome {
    SendBack(RequestState),
    Reject,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckResult {
    pub item: CheckItem,
    pub passed: bool,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    /// Which document was seen: KTP, or KK (photocopy) for applicants without a KTP.
    pub document: Option<IdentityKind>,
    pub results: Vec<CheckResult>,
}

impl Checklist {
    /// Every item passed, with a note where given.
    pub fn all_passed(document: IdentityKind) -> Checklist {
        Checklist {
            document: Some(document),
            results: CheckItem::ALL
                .into_iter()
                .map(|item| CheckResult {
                    item,
                    passed: true,
                    note: None,
                })
                .collect(),
        }
    }

    pub fn record(&mut self, item: CheckItem, passed: bool, note: Option<String>) {
        self.results.retain(|r| r.item != item);
        self.results.push(CheckResult { item, passed, note });
    }

    pub fn result(&self, item: CheckItem) -> Option<&CheckResult> {
        self.results.iter().find(|r| r.item == item)
    }

    /// Complete when a document is named and every item was checked and passed.
    pub fn is_complete(&self) -> bool {
        self.document.is_some()
            && CheckItem::ALL
                .iter()
                .all(|i| self.result(*i).is_some_and(|r| r.passed))
    }

    pub fn first_failure(&self) -> Option<&CheckResult> {
        CheckItem::ALL
            .iter()
            .filter_map(|i| self.result(*i))
            .find(|r| !r.passed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_only_when_every_item_passed_with_a_document() {
        let mut c = Checklist::all_passed(IdentityKind::Ktp);
        assert!(c.is_complete());
        c.record(CheckItem::PhotoAcceptable, false, Some("blurred".into()));
        assert!(!c.is_complete());
        assert_eq!(c.first_failure().unwrap().item, CheckItem::PhotoAcceptable);
        let mut none = Checklist::all_passed(IdentityKind::Kk);
        none.document = None;
        assert!(!none.is_complete());
    }

    #[test]
    fn failures_go_where_they_can_be_fixed() {
        assert_eq!(
            CheckItem::PhotoAcceptable.on_failure(),
            FailureOutcome::SendBack(RequestState::WaitingAtCounter)
        );
        assert_eq!(
            CheckItem::DataMatch.on_failure(),
            FailureOutcome::SendBack(RequestState::PhotoTaken)
        );
        assert_eq!(CheckItem::DocumentSeen.on_failure(), FailureOutcome::Reject);
        assert_eq!(
            CheckItem::from_code("photo"),
            Some(CheckItem::PhotoAcceptable)
        );
    }
}
