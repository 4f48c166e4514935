//! Imports: what the store holds for each incoming row, and a whole import written in one
//! transaction, every member or none, with the same checks as registration and correction.

use jiff::Timestamp;

use super::Result;
use crate::domain::member::Member;
use crate::domain::member_no::MemberNoScheme;
use crate::domain::workflow::Actor;

/// What the store holds that an incoming row may be: the member with its number, and the
/// pending or active member holding its NIK. Boxed: an import of 100,000 new members holds
/// 100,000 of these, nearly all empty, and two unboxed members would be 128 MB of nothing.
#[derive(Debug, Clone, Default)]
pub struct ImportMatch {
    pub by_number: Option<Box<Member>>,
    pub by_nik: Option<Box<Member>>,
}

/// One member an import writes. Boxed: the plan's list of 100,000 writes then holds
/// pointers, not a second copy of every member's fields.
#[derive(Debug, Clone)]
pub enum ImportWrite {
    /// A member new to the store, with a new-card request (source import) when `request`.
    Add { member: Box<Member>, request: bool },
    /// A member already in the store, corrected from the file.
    Update { member: Box<Member> },
}

/// A whole import, written in one transaction.
pub struct ImportBatch<'a> {
    pub writes: Vec<ImportWrite>,
    pub scheme: &'a MemberNoScheme,
    pub actor: &'a Actor,
    pub at: Timestamp,
    /// Where the members came from, for the audit log (e.g. `slims members.csv`).
    pub origin: &'a str,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportDone {
    pub added: usize,
    pub updated: usize,
    pub requests: usize,
}

area! {
    /// Members brought in from another system's files.
    pub trait ImportStore {
        /// What the store holds for each incoming (member number, NIK) pair, read in one read
        /// transaction: an import of 100,000 rows must not open 200,000 of them.
        fn import_matches(&self, keys: &[(&str, Option<&str>)]) -> Result<Vec<ImportMatch>>;

        /// Writes a whole import in one write transaction: every member or none. The same
        /// checks as registration and correction run again here (another process may have
        /// registered the NIK or the number since the import was planned). Imported members
        /// keep their numbers; a number in the configured scheme raises its sequence so that
        /// later registrations do not collide with it. One audit line per member (NIK masked)
        /// and one for the import.
        fn import_members(
            &self,
            batch: ImportBatch,
            progress: &mut dyn FnMut(u64),
        ) -> Result<ImportDone>;
    }
}
