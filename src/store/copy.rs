//! Moving a store from one backend to another (`loket store migrate --to …`): every record
//! read in one snapshot of the source and written in one transaction of the target, which
//! commits only when its own counts match what was read, and what was read matches the
//! source's own counts. All or nothing: a failed move leaves the target as it was (empty).

use std::collections::BTreeMap;

use super::{AuditEntry, PrintAttempt, Result, Store, StoreError};
use crate::domain::member::Member;
use crate::domain::staff::{Account, CardRecord};
use crate::domain::visit::Visit;
use crate::domain::workflow::CardRequest;

/// One record of a store, as both backends keep it. Records go one at a time from the source's
/// read to the target's write, so the size of the largest (a member) costs nothing.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Record {
    /// A counter (`changes`, `next_request_id`, …); never the schema version, each target
    /// keeps its own.
    Meta(String, u64),
    /// A member-number sequence scope and the last number given out.
    Sequence(String, u64),
    Member(Member),
    Request(CardRequest),
    Card(CardRecord),
    User(Account),
    Audit(AuditEntry),
    /// (local date, sequence, visit)
    Visit(String, u64, Visit),
    Photo(String, Vec<u8>),
    PhotoOriginal(String, Vec<u8>),
    PhotoHistory(String, u64, Vec<u8>),
    PrintAttempt(PrintAttempt),
    PrintClaim(u64, u64),
    /// (second made, nonce, member number or empty)
    FormToken(i64, String, String),
}

impl Record {
    /// The table it counts in, the same name on both backends.
    pub(crate) fn table(&self) -> &'static str {
        match self {
            Record::Meta(..) => "meta",
            Record::Sequence(..) => "sequences",
            Record::Member(_) => "members",
            Record::Request(_) => "requests",
            Record::Card(_) => "cards",
            Record::User(_) => "users",
            Record::Audit(_) => "audit",
            Record::Visit(..) => "visits",
            Record::Photo(..) => "photos",
            Record::PhotoOriginal(..) => "photo_originals",
            Record::PhotoHistory(..) => "photo_history",
            Record::PrintAttempt(_) => "print_attempts",
            Record::PrintClaim(..) => "print_claims",
            Record::FormToken(..) => "form_tokens",
        }
    }
}

/// Records per table.
pub type Counts = BTreeMap<&'static str, u64>;

/// Where the records read go: the target's writer.
pub(crate) type Sink<'a> = dyn FnMut(Record) -> Result<()> + 'a;

/// A backend as the source of a move: every record of one snapshot, and the snapshot's own
/// counts per table.
pub(crate) trait CopySource {
    fn each_record(&self, sink: &mut Sink) -> Result<Counts>;
    /// The records per table now (for a progress bar's length).
    fn counts(&self) -> Result<Counts>;
}

/// A backend as the target of a move: refuses unless empty, writes what `feed` gives in one
/// transaction, and commits only if its counts then equal `feed`'s.
pub(crate) trait CopyTarget {
    fn is_empty(&self) -> Result<bool>;
    fn load(&self, feed: &mut dyn FnMut(&mut Sink) -> Result<Counts>) -> Result<Counts>;
}

impl Store {
    /// The records per table a move would carry now.
    pub fn record_counts(&self) -> Result<Counts> {
        match &self.backend {
            super::Backend::Redb(b) => CopySource::counts(b),
            super::Backend::Postgres(b) => CopySource::counts(&**b),
        }
    }

    /// Copies everything into `target`, which must be empty; `progress` hears each record.
    /// Returns the counts per table, the same on both sides.
    pub fn migrate_to(&self, target: &Store, progress: &mut dyn FnMut(u64)) -> Result<Counts> {
        let empty = match &target.backend {
            super::Backend::Redb(b) => CopyTarget::is_empty(b)?,
            super::Backend::Postgres(b) => CopyTarget::is_empty(&**b)?,
        };
        if !empty {
            return Err(StoreError::TargetNotEmpty);
        }
        let mut feed = |sink: &mut Sink| -> Result<Counts> {
            let mut read = Counts::new();
            let mut counted = |r: Record| {
                *read.entry(r.table()).or_default() += 1;
                progress(1);
                sink(r)
            };
            let own = match &self.backend {
                super::Backend::Redb(b) => b.each_record(&mut counted)?,
                super::Backend::Postgres(b) => b.each_record(&mut counted)?,
            };
            check_counts(&own, &read)?;
            Ok(read)
        };
        match &target.backend {
            super::Backend::Redb(b) => b.load(&mut feed),
            super::Backend::Postgres(b) => b.load(&mut feed),
        }
    }
}

/// The counts of two sides, table by table (a table absent on one side counts 0).
pub(crate) fn check_counts(expected: &Counts, found: &Counts) -> Result<()> {
    for table in expected.keys().chain(found.keys()) {
        let (e, f) = (
            expected.get(table).copied().unwrap_or(0),
            found.get(table).copied().unwrap_or(0),
        );
        if e != f {
            return Err(StoreError::CountsDiffer {
                table: table.to_string(),
                expected: e,
                found: f,
            });
        }
    }
    Ok(())
}
