//! The schema and its migrations: migration `n` brings a store from schema `n` to `n + 1`, all
//! in one write transaction, so a migration is all or nothing.

use redb::{MultimapTableDefinition, ReadableTable, WriteTransaction};

use super::members::word_key;
use super::requests::{index_steps, state_key};
use super::tables::*;
use super::{RedbStore, parse};
use crate::domain::member::Member;
use crate::domain::text::name_words;
use crate::domain::workflow::CardRequest;
use crate::store::{MaintenanceStore, Result, StoreError};

/// Migration `n` brings a store from schema `n` to `n + 1`.
const MIGRATIONS: [fn(&WriteTransaction) -> Result<()>; SCHEMA_VERSION as usize] = [
    create_tables_v1,
    add_photos_v2,
    index_request_steps_v3,
    preview_photos_v4,
    index_name_words_v5,
];

/// The name-word index of schemas 1 to 4 (word → member numbers), replaced by
/// [`MEMBER_WORDS`] in schema 5: made by migration 1 and removed by migration 5.
const MEMBERS_BY_WORD_V1: MultimapTableDefinition<&str, &str> =
    MultimapTableDefinition::new("members_by_word");

fn create_tables_v1(txn: &WriteTransaction) -> Result<()> {
    txn.open_table(MEMBERS)?;
    txn.open_multimap_table(MEMBERS_BY_NIK)?;
    txn.open_multimap_table(MEMBERS_BY_WORD_V1)?;
    txn.open_table(SEQUENCES)?;
    txn.open_table(REQUESTS)?;
    txn.open_multimap_table(REQUESTS_BY_STATE)?;
    txn.open_multimap_table(REQUESTS_BY_MEMBER)?;
    txn.open_table(CARDS)?;
    txn.open_table(USERS)?;
    txn.open_table(AUDIT)?;
    txn.open_table(VISITS)?;
    Ok(())
}

fn add_photos_v2(txn: &WriteTransaction) -> Result<()> {
    txn.open_table(PHOTOS)?;
    txn.open_table(PHOTO_ORIGINALS)?;
    txn.open_table(PHOTO_HISTORY)?;
    Ok(())
}

/// Fills the step-time index from every request already stored, and builds the state index
/// again: before schema 3 an import keyed its requests by state alone, so they never reached
/// the queue.
fn index_request_steps_v3(txn: &WriteTransaction) -> Result<()> {
    txn.delete_multimap_table(REQUESTS_BY_STATE)?;
    let requests = txn.open_table(REQUESTS)?;
    let mut steps = txn.open_table(REQUEST_STEPS)?;
    let mut by_state = txn.open_multimap_table(REQUESTS_BY_STATE)?;
    for entry in requests.iter()? {
        let r: CardRequest = parse(entry?.1.value())?;
        index_steps(&mut steps, &r)?;
        by_state.insert(state_key(r.state, r.source).as_str(), r.id)?;
    }
    Ok(())
}

/// Makes the table of the front desk's previews, and nothing more: making the preview of every
/// photo already stored here would hold the write lock of every process on the PC for about a
/// millisecond a photo (100 s at 100,000 photos). Those previews are filled in afterwards, a
/// batch at a time (`RedbStore::fill_previews`, `loket store previews`); until then a read
/// makes a photo's preview from the photo, as every read did before schema 4.
fn preview_photos_v4(txn: &WriteTransaction) -> Result<()> {
    txn.open_table(PHOTO_PREVIEWS)?;
    Ok(())
}

/// Builds the name-word index as a plain table of `word\0member_no` keys from the members
/// themselves, and drops the multimap it replaces: inserting into a multimap's value trees
/// was a quarter of a 100,000-member import's writing (docs/decisions.md). The keys go in
/// sorted, as an import's do.
fn index_name_words_v5(txn: &WriteTransaction) -> Result<()> {
    let members = txn.open_table(MEMBERS)?;
    let mut keys = Vec::new();
    for entry in members.iter()? {
        let m: Member = parse(entry?.1.value())?;
        let no = m.member_no.as_str();
        keys.extend(name_words(&m.full_name).iter().map(|w| word_key(w, no)));
    }
    keys.sort_unstable();
    let mut words = txn.open_table(MEMBER_WORDS)?;
    for key in &keys {
        words.insert(key.as_str(), ())?;
    }
    txn.delete_multimap_table(MEMBERS_BY_WORD_V1)?;
    Ok(())
}

impl RedbStore {
    pub(super) fn migrate(&self) -> Result<()> {
        // Read first: most opens find the schema current and need no write lock.
        if self.schema_version()? == Some(SCHEMA_VERSION) {
            return Ok(());
        }
        let txn = self.db.begin_write()?;
        let found = txn
            .open_table(META)?
            .get("schema_version")?
            .map(|g| g.value());
        let from = found.unwrap_or(0);
        if from > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                found: from,
                known: SCHEMA_VERSION,
            });
        }
        // Each step brings the schema one version up; all run in this one transaction, so a
        // migration is all or nothing, and a process that lost the race finds nothing to do.
        for version in from..SCHEMA_VERSION {
            MIGRATIONS[version as usize](&txn)?;
        }
        txn.open_table(META)?
            .insert("schema_version", SCHEMA_VERSION)?;
        txn.commit()?;
        Ok(())
    }
}
