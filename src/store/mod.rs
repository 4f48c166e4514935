//! The repository: the only module that sees redb. One file shared by every loket process
//! (counter, supervisor, front desk, web server, CLI) in redb's multi-writer mode.

mod accounts;
mod edits;
mod error;
mod tables;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;
use redb::{
    ConcurrencyMode, Database, MultimapTable, ReadTransaction, ReadableDatabase,
    ReadableMultimapTable, ReadableTable, ReadableTableMetadata, Table, WriteTransaction,
};
use serde::{Deserialize, Serialize};

pub use error::StoreError;
use tables::*;

use crate::domain::member::{Member, ValidDraft};
use crate::domain::member_no::{MemberNo, MemberNoScheme};
use crate::domain::staff::CardRecord;
use crate::domain::text::name_words;
use crate::domain::visit::{Visit, Visitor};
use crate::domain::workflow::{Actor, CardRequest, RequestKind, RequestState, Source};

pub type Result<T> = std::result::Result<T, StoreError>;

/// Small on purpose: several processes each hold a cache, and look-ups touch few pages.
const CACHE_BYTES: usize = 32 * 1024 * 1024;

/// One line of the audit log: who did what, when, from where. Sensitive values are masked
/// before they get here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: u64,
    pub at: Timestamp,
    pub user: String,
    pub terminal: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

/// What a registration writes, all in one transaction.
pub struct Registration<'a> {
    pub draft: ValidDraft,
    pub scheme: &'a MemberNoScheme,
    pub today: Date,
    pub at: Timestamp,
    pub actor: &'a Actor,
    pub source: Source,
}

/// A photo to store: the JPEG for the card, and the file as received if it is kept.
pub struct PhotoWrite<'a> {
    pub stored: &'a [u8],
    pub original: Option<&'a [u8]>,
}

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

/// What the store holds that an incoming row may be: the member with its number, and the
/// pending or active member holding its NIK.
#[derive(Debug, Clone, Default)]
pub struct ImportMatch {
    pub by_number: Option<Member>,
    pub by_nik: Option<Member>,
}

/// One member an import writes.
#[derive(Debug, Clone)]
pub enum ImportWrite {
    /// A member new to the store, with a new-card request (source import) when `request`.
    Add { member: Member, request: bool },
    /// A member already in the store, corrected from the file.
    Update { member: Member },
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

pub struct Store {
    db: Database,
    path: PathBuf,
}

fn json<T: Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).expect("records serialise")
}

fn parse<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T> {
    Ok(serde_json::from_slice(bytes)?)
}

fn bump(meta: &mut Table<&str, u64>, key: &str) -> Result<u64> {
    let next = meta.get(key)?.map(|g| g.value()).unwrap_or(0) + 1;
    meta.insert(key, next)?;
    Ok(next)
}

fn append_audit(
    txn: &WriteTransaction,
    at: Timestamp,
    actor: &Actor,
    action: &str,
    subject: &str,
    detail: &str,
) -> Result<()> {
    let seq = {
        let mut meta = txn.open_table(META)?;
        bump(&mut meta, "changes")?;
        bump(&mut meta, "next_audit_seq")?
    };
    let entry = AuditEntry {
        seq,
        at,
        user: actor.user.clone(),
        terminal: actor.terminal.clone(),
        action: action.into(),
        subject: subject.into(),
        detail: detail.into(),
    };
    txn.open_table(AUDIT)?
        .insert(seq, json(&entry).as_slice())?;
    Ok(())
}

fn index_member(
    by_nik: &mut MultimapTable<&str, &str>,
    by_word: &mut MultimapTable<&str, &str>,
    m: &Member,
    insert: bool,
) -> Result<()> {
    let no = m.member_no.as_str();
    if let Some(nik) = &m.nik {
        if insert {
            by_nik.insert(nik.as_str(), no)?;
        } else {
            by_nik.remove(nik.as_str(), no)?;
        }
    }
    for w in name_words(&m.full_name) {
        if insert {
            by_word.insert(w.as_str(), no)?;
        } else {
            by_word.remove(w.as_str(), no)?;
        }
    }
    Ok(())
}

/// The members other than `except` that hold this NIK now (pending or active).
/// Refuses `m` when its NIK is held by another pending or active member (`except` is its own
/// number, for an update). A member whose status holds no NIK (expired, blocked) passes.
fn refuse_held_nik(
    members: &impl ReadableTable<&'static str, &'static [u8]>,
    by_nik: &impl ReadableMultimapTable<&'static str, &'static str>,
    m: &Member,
    except: Option<&str>,
) -> Result<()> {
    if let Some(nik) = &m.nik
        && m.status.holds_nik()
        && let Some(h) = nik_holders(members, by_nik, nik.as_str(), except)?.first()
    {
        return Err(StoreError::DuplicateNik {
            existing: h.member_no.to_string(),
        });
    }
    Ok(())
}

fn nik_holders(
    members: &impl ReadableTable<&'static str, &'static [u8]>,
    by_nik: &impl ReadableMultimapTable<&'static str, &'static str>,
    nik: &str,
    except: Option<&str>,
) -> Result<Vec<Member>> {
    let mut found = Vec::new();
    for no in by_nik.get(nik)? {
        let no = no?;
        if Some(no.value()) == except {
            continue;
        }
        if let Some(bytes) = members.get(no.value())? {
            let m: Member = parse(bytes.value())?;
            if m.status.holds_nik() {
                found.push(m);
            }
        }
    }
    Ok(found)
}

/// Migration `n` brings a store from schema `n` to `n + 1`.
const MIGRATIONS: [fn(&WriteTransaction) -> Result<()>; SCHEMA_VERSION as usize] =
    [create_tables_v1, add_photos_v2, index_request_steps_v3];

fn create_tables_v1(txn: &WriteTransaction) -> Result<()> {
    txn.open_table(MEMBERS)?;
    txn.open_multimap_table(MEMBERS_BY_NIK)?;
    txn.open_multimap_table(MEMBERS_BY_WORD)?;
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

/// The request as stored, if it is still at the version the writer read: otherwise someone
/// else changed it meanwhile, and the conflict names them.
fn current_at_version(txn: &WriteTransaction, id: u64, expected: u32) -> Result<CardRequest> {
    let requests = txn.open_table(REQUESTS)?;
    let current: CardRequest = match requests.get(id)? {
        Some(g) => parse(g.value())?,
        None => return Err(StoreError::NotFound(format!("request {id}"))),
    };
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

fn index_steps(steps: &mut redb::Table<(i64, u64), ()>, r: &CardRequest) -> Result<()> {
    // Every step, not only the newest: an insert of a key already there changes nothing, and
    // a request written by an import or a migration is whole at once.
    for t in &r.history {
        steps.insert((t.at.as_second(), r.id), ())?;
    }
    Ok(())
}

/// See [`Store::save_transition`]: the checks and writes of one transition, inside `txn`.
fn save_transition_in(txn: &WriteTransaction, w: &TransitionWrite) -> Result<()> {
    let at = w.request.since();
    {
        let current = current_at_version(txn, w.request.id, w.expected_version)?;
        Store::put_request(txn, w.request, Some(current.state))?;
        if let Some(m) = w.member {
            let mut members = txn.open_table(MEMBERS)?;
            let by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
            refuse_held_nik(&members, &by_nik, m, Some(m.member_no.as_str()))?;
            // Status and validity change here, not the name or NIK: the indexes stay.
            members.insert(m.member_no.as_str(), json(m).as_slice())?;
        }
        if let Some(p) = &w.photo {
            put_photo_in(txn, w.request.member_no.as_str(), p)?;
        }
        let mut cards = txn.open_table(CARDS)?;
        for c in w.cards {
            cards.insert(c.serial.as_str(), json(c).as_slice())?;
        }
    }
    let action = w
        .request
        .history
        .last()
        .map(|t| t.action.clone())
        .unwrap_or_default();
    append_audit(
        txn,
        at,
        w.actor,
        &action,
        w.request.member_no.as_str(),
        &w.detail,
    )?;
    Ok(())
}

/// Stores a member's new photo, keeping the one it replaces in the history.
fn put_photo_in(txn: &WriteTransaction, no: &str, photo: &PhotoWrite) -> Result<()> {
    let mut photos = txn.open_table(PHOTOS)?;
    let previous = photos.get(no)?.map(|g| g.value().to_vec());
    if let Some(prev) = previous {
        let seq = bump(&mut txn.open_table(META)?, "next_photo_seq")?;
        txn.open_table(PHOTO_HISTORY)?
            .insert((no, seq), prev.as_slice())?;
    }
    photos.insert(no, photo.stored)?;
    if let Some(original) = photo.original {
        txn.open_table(PHOTO_ORIGINALS)?.insert(no, original)?;
    }
    Ok(())
}

/// A photo kept outside a step (online upload, import), with its line in the audit log.
fn put_photo_audited(
    txn: &WriteTransaction,
    no: &str,
    photo: &PhotoWrite,
    actor: &Actor,
    at: Timestamp,
) -> Result<()> {
    put_photo_in(txn, no, photo)?;
    append_audit(
        txn,
        at,
        actor,
        "photo",
        no,
        &format!("{} bytes", photo.stored.len()),
    )
}

/// The state index's key: state and source, so that online registrations waiting for their
/// applicant (no standard time runs) are never loaded to compute what is overdue.
fn state_key(state: RequestState, source: Source) -> String {
    format!("{}/{}", state.code(), source.code())
}

/// One registration inside a write transaction: NIK check, number, member, request, audit.
fn register_in(txn: &WriteTransaction, reg: Registration) -> Result<(Member, CardRequest)> {
    let member;
    let request;
    {
        let mut members = txn.open_table(MEMBERS)?;
        let mut by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
        let mut by_word = txn.open_multimap_table(MEMBERS_BY_WORD)?;
        if let Some(nik) = &reg.draft.nik
            && let Some(holder) = nik_holders(&members, &by_nik, nik.as_str(), None)?.first()
        {
            return Err(StoreError::DuplicateNik {
                existing: holder.member_no.to_string(),
            });
        }
        let seq = match reg.scheme.sequence_scope(reg.today) {
            Some(scope) => {
                let mut seqs = txn.open_table(SEQUENCES)?;
                let next = seqs.get(scope.as_str())?.map(|g| g.value()).unwrap_or(0) + 1;
                seqs.insert(scope.as_str(), next)?;
                u32::try_from(next).unwrap_or(u32::MAX)
            }
            None => 1,
        };
        let no = reg
            .scheme
            .compose(seq, reg.today, reg.draft.sex, reg.draft.nik.as_ref())?;
        if members.get(no.as_str())?.is_some() {
            return Err(StoreError::DuplicateMemberNo(no.to_string()));
        }
        member = reg.draft.into_member(no, reg.at);
        members.insert(member.member_no.as_str(), json(&member).as_slice())?;
        index_member(&mut by_nik, &mut by_word, &member, true)?;

        let id = bump(&mut txn.open_table(META)?, "next_request_id")?;
        request = CardRequest::new(
            id,
            member.member_no.clone(),
            RequestKind::New,
            reg.source,
            reg.actor,
            reg.at,
        );
        Store::put_request(txn, &request, None)?;
    }
    append_audit(
        txn,
        reg.at,
        reg.actor,
        "register",
        member.member_no.as_str(),
        &format!("source {}, NIK {}", reg.source.code(), member.masked_nik()),
    )?;
    Ok((member, request))
}

impl Store {
    /// Opens the store, creating it (and its folder) if needed, and brings its schema up to
    /// date. Safe when several processes do it at once: the schema is set up in a write
    /// transaction, so the second finds it done.
    pub fn open(path: &Path) -> Result<Store> {
        let fail = |reason: String| StoreError::Open {
            path: path.display().to_string(),
            reason,
        };
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|e| fail(e.to_string()))?;
        }
        let db = Database::builder()
            .set_cache_size(CACHE_BYTES)
            .set_concurrency_mode(ConcurrencyMode::MultiWriter)
            .create(path)
            .map_err(|e| fail(e.to_string()))?;
        let store = Store {
            db,
            path: path.to_path_buf(),
        };
        store.migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn migrate(&self) -> Result<()> {
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

    fn read(&self) -> Result<ReadTransaction> {
        Ok(self.db.begin_read()?)
    }

    pub fn schema_version(&self) -> Result<Option<u64>> {
        let txn = self.read()?;
        match txn.open_table(META) {
            Ok(t) => Ok(t.get("schema_version")?.map(|g| g.value())),
            Err(redb::TableError::TableDoesNotExist(_)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Bumped by every write. Pollers compare it to know when to reload.
    pub fn changes(&self) -> Result<u64> {
        let txn = self.read()?;
        Ok(txn
            .open_table(META)?
            .get("changes")?
            .map(|g| g.value())
            .unwrap_or(0))
    }

    // ---- members -------------------------------------------------------------------------

    /// Registers a member (pending) with a new-card request, allocating the member number
    /// inside the same write transaction so that two counters never get the same number.
    pub fn register(&self, reg: Registration) -> Result<(Member, CardRequest)> {
        let txn = self.db.begin_write()?;
        let done = register_in(&txn, reg)?;
        txn.commit()?;
        Ok(done)
    }

    /// Registers a member together with the photo they sent (the online form): one
    /// transaction, so there is never an online member whose upload was lost, nor a photo
    /// without its member. The photo step is not recorded: it is checked at the counter.
    pub fn register_with_photo(
        &self,
        reg: Registration,
        photo: &PhotoWrite,
    ) -> Result<(Member, CardRequest)> {
        let txn = self.db.begin_write()?;
        let (at, actor) = (reg.at, reg.actor);
        let done = register_in(&txn, reg)?;
        put_photo_audited(&txn, done.0.member_no.as_str(), photo, actor, at)?;
        txn.commit()?;
        Ok(done)
    }

    /// Registers many in one transaction: all or none. For imports and for building large
    /// stores in benchmarks, where a commit per member would be the cost.
    pub fn register_many(&self, regs: Vec<Registration>) -> Result<Vec<(Member, CardRequest)>> {
        let txn = self.db.begin_write()?;
        let done = regs
            .into_iter()
            .map(|r| register_in(&txn, r))
            .collect::<Result<Vec<_>>>()?;
        txn.commit()?;
        Ok(done)
    }

    /// Several members read in one read transaction, in the order asked (`None` for a number
    /// not in the store): a list of a hundred names costs one look, not a hundred.
    pub fn members_many(&self, nos: &[&str]) -> Result<Vec<Option<Member>>> {
        let txn = self.read()?;
        let t = txn.open_table(MEMBERS)?;
        nos.iter()
            .map(|no| t.get(*no)?.map(|g| parse(g.value())).transpose())
            .collect()
    }

    pub fn member(&self, no: &str) -> Result<Option<Member>> {
        let txn = self.read()?;
        let t = txn.open_table(MEMBERS)?;
        t.get(no)?.map(|g| parse(g.value())).transpose()
    }

    pub fn member_count(&self) -> Result<u64> {
        Ok(self.read()?.open_table(MEMBERS)?.len()?)
    }

    /// Every member, in member-number order (exports, reports).
    pub fn members(&self) -> Result<Vec<Member>> {
        let txn = self.read()?;
        let t = txn.open_table(MEMBERS)?;
        t.iter()?.map(|r| parse(r?.1.value())).collect()
    }

    /// Members registered under this NIK, current or past.
    pub fn members_by_nik(&self, nik: &str) -> Result<Vec<Member>> {
        let txn = self.read()?;
        let members = txn.open_table(MEMBERS)?;
        let by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
        let mut found = Vec::new();
        for no in by_nik.get(nik)? {
            if let Some(g) = members.get(no?.value())? {
                found.push(parse(g.value())?);
            }
        }
        Ok(found)
    }

    /// The pending or active member holding this NIK, if any.
    pub fn nik_holder(&self, nik: &str, except: Option<&str>) -> Result<Option<Member>> {
        let txn = self.read()?;
        let members = txn.open_table(MEMBERS)?;
        let by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
        Ok(nik_holders(&members, &by_nik, nik, except)?
            .into_iter()
            .next())
    }

    /// Finds members by a member number, a NIK, or name-word prefixes ("sit rah" finds
    /// "Siti Rahayu"), case- and accent-insensitive. At most `limit` results.
    pub fn search_members(&self, query: &str, limit: usize) -> Result<Vec<Member>> {
        let q = query.trim();
        if q.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        if let Some(m) = self.member(q)? {
            return Ok(vec![m]);
        }
        let digits: String = q
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.')
            .collect();
        if digits.len() == 16 && digits.chars().all(|c| c.is_ascii_digit()) {
            let mut found = self.members_by_nik(&digits)?;
            found.truncate(limit);
            return Ok(found);
        }
        let words = name_words(q);
        let Some(longest) = words.iter().max_by_key(|w| w.len()) else {
            return Ok(Vec::new());
        };
        let txn = self.read()?;
        let members = txn.open_table(MEMBERS)?;
        let by_word = txn.open_multimap_table(MEMBERS_BY_WORD)?;
        // Walk the most selective word's prefix range; check the other words on the record.
        let mut seen = BTreeSet::new();
        let mut found = Vec::new();
        for entry in by_word.range(longest.as_str()..)? {
            let (word, nos) = entry?;
            if !word.value().starts_with(longest.as_str()) {
                break;
            }
            for no in nos {
                let no = no?;
                if !seen.insert(no.value().to_string()) {
                    continue;
                }
                let Some(g) = members.get(no.value())? else {
                    continue;
                };
                let m: Member = parse(g.value())?;
                let own = name_words(&m.full_name);
                if words
                    .iter()
                    .all(|w| own.iter().any(|o| o.starts_with(w.as_str())))
                {
                    found.push(m);
                    if found.len() >= limit {
                        return Ok(found);
                    }
                }
            }
        }
        Ok(found)
    }

    /// Saves a changed member (data corrected at the counter), keeping indexes right and
    /// NIK unique among pending and active members.
    pub fn update_member(
        &self,
        m: &Member,
        actor: &Actor,
        at: Timestamp,
        what: &str,
    ) -> Result<()> {
        let txn = self.db.begin_write()?;
        {
            let mut members = txn.open_table(MEMBERS)?;
            let mut by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
            let mut by_word = txn.open_multimap_table(MEMBERS_BY_WORD)?;
            let old: Member = match members.get(m.member_no.as_str())? {
                Some(g) => parse(g.value())?,
                None => return Err(StoreError::NotFound(m.member_no.to_string())),
            };
            refuse_held_nik(&members, &by_nik, m, Some(m.member_no.as_str()))?;
            index_member(&mut by_nik, &mut by_word, &old, false)?;
            index_member(&mut by_nik, &mut by_word, m, true)?;
            members.insert(m.member_no.as_str(), json(m).as_slice())?;
        }
        append_audit(&txn, at, actor, "member-update", m.member_no.as_str(), what)?;
        txn.commit()?;
        Ok(())
    }

    // ---- requests ------------------------------------------------------------------------

    fn put_request(
        txn: &WriteTransaction,
        r: &CardRequest,
        old: Option<RequestState>,
    ) -> Result<()> {
        txn.open_table(REQUESTS)?.insert(r.id, json(r).as_slice())?;
        let mut by_state = txn.open_multimap_table(REQUESTS_BY_STATE)?;
        if let Some(old) = old {
            by_state.remove(state_key(old, r.source).as_str(), r.id)?;
        }
        by_state.insert(state_key(r.state, r.source).as_str(), r.id)?;
        txn.open_multimap_table(REQUESTS_BY_MEMBER)?
            .insert(r.member_no.as_str(), r.id)?;
        index_steps(&mut txn.open_table(REQUEST_STEPS)?, r)?;
        Ok(())
    }

    /// A request handed to another clerk by a supervisor: no step, so no history entry (the
    /// time in the step runs on), but the audit log says who moved it, from whom, to whom.
    pub fn save_reassignment(
        &self,
        request: &CardRequest,
        expected_version: u32,
        actor: &Actor,
        at: Timestamp,
        detail: &str,
    ) -> Result<()> {
        let txn = self.db.begin_write()?;
        let current = current_at_version(&txn, request.id, expected_version)?;
        Self::put_request(&txn, request, Some(current.state))?;
        append_audit(
            &txn,
            at,
            actor,
            "reassign",
            request.member_no.as_str(),
            detail,
        )?;
        txn.commit()?;
        Ok(())
    }

    /// Requests with a step taken in `start..end`, each once, by id. Reads the step-time
    /// index, so a day's or a week's requests cost what they are, not the whole store.
    pub fn requests_with_steps_between(
        &self,
        start: Timestamp,
        end: Timestamp,
    ) -> Result<Vec<CardRequest>> {
        let txn = self.read()?;
        let steps = txn.open_table(REQUEST_STEPS)?;
        let mut ids = BTreeSet::new();
        for entry in steps.range((start.as_second(), 0)..(end.as_second(), 0))? {
            ids.insert(entry?.0.value().1);
        }
        let requests = txn.open_table(REQUESTS)?;
        let mut found = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(g) = requests.get(id)? {
                found.push(parse(g.value())?);
            }
        }
        Ok(found)
    }

    pub fn request(&self, id: u64) -> Result<Option<CardRequest>> {
        let txn = self.read()?;
        let t = txn.open_table(REQUESTS)?;
        t.get(id)?.map(|g| parse(g.value())).transpose()
    }

    /// Every request of a member, oldest first.
    pub fn requests_for(&self, no: &str) -> Result<Vec<CardRequest>> {
        let txn = self.read()?;
        let requests = txn.open_table(REQUESTS)?;
        let by_member = txn.open_multimap_table(REQUESTS_BY_MEMBER)?;
        let mut found = Vec::new();
        for id in by_member.get(no)? {
            if let Some(g) = requests.get(id?.value())? {
                found.push(parse(g.value())?);
            }
        }
        Ok(found)
    }

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

    /// Requests in these states that came from these sources: the status count loads only
    /// the ones a standard time applies to, not every online registration still to come in.
    pub fn requests_in_from(
        &self,
        states: &[RequestState],
        sources: &[Source],
    ) -> Result<Vec<CardRequest>> {
        let txn = self.read()?;
        let requests = txn.open_table(REQUESTS)?;
        let by_state = txn.open_multimap_table(REQUESTS_BY_STATE)?;
        let mut found = Vec::new();
        for s in states {
            for src in sources {
                for id in by_state.get(state_key(*s, *src).as_str())? {
                    if let Some(g) = requests.get(id?.value())? {
                        found.push(parse::<CardRequest>(g.value())?);
                    }
                }
            }
        }
        found.sort_by_key(|r| (r.since(), r.id));
        Ok(found)
    }

    /// Requests per state, from the index alone.
    pub fn count_by_state(&self) -> Result<Vec<(RequestState, u64)>> {
        let txn = self.read()?;
        let by_state = txn.open_multimap_table(REQUESTS_BY_STATE)?;
        RequestState::ALL
            .iter()
            .map(|s| {
                let mut n = 0;
                for src in Source::ALL {
                    n += by_state.get(state_key(*s, src).as_str())?.len();
                }
                Ok((*s, n))
            })
            .collect()
    }

    /// Opens a renewal or replacement request for a member with none open.
    pub fn open_request(
        &self,
        no: &MemberNo,
        kind: RequestKind,
        source: Source,
        actor: &Actor,
        at: Timestamp,
        replaces_serial: Option<String>,
    ) -> Result<CardRequest> {
        let txn = self.db.begin_write()?;
        let request;
        {
            let members = txn.open_table(MEMBERS)?;
            if members.get(no.as_str())?.is_none() {
                return Err(StoreError::NotFound(no.to_string()));
            }
            let requests = txn.open_table(REQUESTS)?;
            let by_member = txn.open_multimap_table(REQUESTS_BY_MEMBER)?;
            for id in by_member.get(no.as_str())? {
                if let Some(g) = requests.get(id?.value())? {
                    let r: CardRequest = parse(g.value())?;
                    if r.state.is_open() {
                        let by = r.history.last().map(|t| t.by.clone()).unwrap_or_default();
                        let terminal = r
                            .history
                            .last()
                            .map(|t| t.terminal.clone())
                            .unwrap_or_default();
                        return Err(StoreError::Conflict {
                            expected: 0,
                            found: r.version,
                            by,
                            terminal,
                        });
                    }
                }
            }
            drop((requests, by_member, members));
            let id = bump(&mut txn.open_table(META)?, "next_request_id")?;
            let mut r = CardRequest::new(id, no.clone(), kind, source, actor, at);
            r.replaces_serial = replaces_serial;
            request = r;
            Self::put_request(&txn, &request, None)?;
        }
        append_audit(&txn, at, actor, kind.code(), no.as_str(), "request opened")?;
        txn.commit()?;
        Ok(request)
    }

    /// Saves a transition if nobody changed the request since it was read (optimistic check
    /// on the version), with the member and card changes that go with it.
    pub fn save_transition(&self, w: TransitionWrite) -> Result<()> {
        let txn = self.db.begin_write()?;
        save_transition_in(&txn, &w)?;
        txn.commit()?;
        Ok(())
    }

    /// Saves many transitions in one transaction: all or none, each checked as
    /// [`Store::save_transition`] checks it. For re-entering a day's paper records and for
    /// building large stores in benchmarks, where a commit per step would be the cost.
    pub fn save_transitions(&self, writes: &[TransitionWrite]) -> Result<()> {
        let txn = self.db.begin_write()?;
        for w in writes {
            save_transition_in(&txn, w)?;
        }
        txn.commit()?;
        Ok(())
    }

    // ---- cards ---------------------------------------------------------------------------

    pub fn card(&self, serial: &str) -> Result<Option<CardRecord>> {
        let txn = self.read()?;
        let t = txn.open_table(CARDS)?;
        t.get(serial)?.map(|g| parse(g.value())).transpose()
    }

    /// Cards printed for a member, oldest first (serials are `NO-01`, `NO-02`, …).
    pub fn cards_for(&self, no: &str) -> Result<Vec<CardRecord>> {
        let txn = self.read()?;
        let t = txn.open_table(CARDS)?;
        let from = format!("{no}-");
        let mut found = Vec::new();
        for entry in t.range(from.as_str()..)? {
            let (k, v) = entry?;
            if !k.value().starts_with(&from) {
                break;
            }
            found.push(parse(v.value())?);
        }
        Ok(found)
    }

    // ---- photos --------------------------------------------------------------------------

    /// Stores a photo outside a step (an online upload, an import).
    pub fn put_photo(
        &self,
        no: &str,
        photo: &PhotoWrite,
        actor: &Actor,
        at: Timestamp,
    ) -> Result<()> {
        let txn = self.db.begin_write()?;
        if txn.open_table(MEMBERS)?.get(no)?.is_none() {
            return Err(StoreError::NotFound(no.to_string()));
        }
        put_photo_audited(&txn, no, photo, actor, at)?;
        txn.commit()?;
        Ok(())
    }

    pub fn photo(&self, no: &str) -> Result<Option<Vec<u8>>> {
        let txn = self.read()?;
        let t = txn.open_table(PHOTOS)?;
        Ok(t.get(no)?.map(|g| g.value().to_vec()))
    }

    pub fn photo_original(&self, no: &str) -> Result<Option<Vec<u8>>> {
        let txn = self.read()?;
        let t = txn.open_table(PHOTO_ORIGINALS)?;
        Ok(t.get(no)?.map(|g| g.value().to_vec()))
    }

    /// Earlier photos of a member, oldest first.
    pub fn photo_history(&self, no: &str) -> Result<Vec<Vec<u8>>> {
        let txn = self.read()?;
        let t = txn.open_table(PHOTO_HISTORY)?;
        t.range((no, 0)..=(no, u64::MAX))?
            .map(|r| Ok(r?.1.value().to_vec()))
            .collect()
    }

    // ---- visits --------------------------------------------------------------------------

    /// Adds a visit to the visitor book under its local date.
    pub fn record_visit(&self, date: Date, visit: &Visit) -> Result<()> {
        let txn = self.db.begin_write()?;
        {
            let seq = bump(&mut txn.open_table(META)?, "next_visit_seq")?;
            bump(&mut txn.open_table(META)?, "changes")?;
            let day = date.to_string();
            txn.open_table(VISITS)?
                .insert((day.as_str(), seq), json(visit).as_slice())?;
        }
        txn.commit()?;
        Ok(())
    }

    /// Adds many visits in one transaction (a paper visitor book typed in afterwards, a
    /// benchmark's year of visits), each under its local date.
    pub fn record_visits(&self, visits: &[(Date, Visit)]) -> Result<()> {
        let txn = self.db.begin_write()?;
        {
            let mut meta = txn.open_table(META)?;
            let mut table = txn.open_table(VISITS)?;
            bump(&mut meta, "changes")?;
            for (date, visit) in visits {
                let seq = bump(&mut meta, "next_visit_seq")?;
                let day = date.to_string();
                table.insert((day.as_str(), seq), json(visit).as_slice())?;
            }
        }
        txn.commit()?;
        Ok(())
    }

    /// The visits of one local date, in the order they were recorded.
    pub fn visits_on(&self, date: Date) -> Result<Vec<Visit>> {
        self.visits_between(date, date)
    }

    /// The visits of the local dates `first..=last`, day by day, each day in the order they
    /// were recorded: one range of the table, as its key starts with the date.
    pub fn visits_between(&self, first: Date, last: Date) -> Result<Vec<Visit>> {
        let txn = self.read()?;
        let t = txn.open_table(VISITS)?;
        let (from, to) = (first.to_string(), last.to_string());
        t.range((from.as_str(), 0)..=(to.as_str(), u64::MAX))?
            .map(|r| parse(r?.1.value()))
            .collect()
    }

    /// The latest visit of member `no` after `since`, looked for in the visits of
    /// `dates` (the window's local dates). Walks each day backwards and stops at the first
    /// visit not after `since`, so the cost is the visits inside the window, not the day's.
    pub fn last_visit_since(
        &self,
        no: &str,
        dates: &[Date],
        since: Timestamp,
    ) -> Result<Option<Timestamp>> {
        let txn = self.read()?;
        let t = txn.open_table(VISITS)?;
        last_visit_in(&t, no, dates, since)
    }

    /// Records a member's visit unless one of theirs after `since` is already there, checked
    /// inside the write transaction, so two front-desk terminals scanning the same card at
    /// once count one visit. `Some(t)`: not recorded, the member was counted at `t`.
    pub fn record_member_visit(
        &self,
        date: Date,
        visit: &Visit,
        dates: &[Date],
        since: Timestamp,
    ) -> Result<Option<Timestamp>> {
        let Visitor::Member(no) = &visit.visitor else {
            self.record_visit(date, visit)?;
            return Ok(None);
        };
        let txn = self.db.begin_write()?;
        {
            let mut visits = txn.open_table(VISITS)?;
            if let Some(at) = last_visit_in(&visits, no.as_str(), dates, since)? {
                return Ok(Some(at));
            }
            let seq = bump(&mut txn.open_table(META)?, "next_visit_seq")?;
            bump(&mut txn.open_table(META)?, "changes")?;
            let day = date.to_string();
            visits.insert((day.as_str(), seq), json(visit).as_slice())?;
        }
        txn.commit()?;
        Ok(None)
    }

    // ---- audit ---------------------------------------------------------------------------

    /// Records something done outside a request or member write (a login, an export).
    pub fn audit(
        &self,
        at: Timestamp,
        actor: &Actor,
        action: &str,
        subject: &str,
        detail: &str,
    ) -> Result<()> {
        let txn = self.db.begin_write()?;
        append_audit(&txn, at, actor, action, subject, detail)?;
        txn.commit()?;
        Ok(())
    }

    /// The newest `limit` audit entries, newest last.
    pub fn audit_log(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        self.audit_matching(limit, |_| true)
    }

    /// The newest `limit` audit entries that `keep` accepts, newest last. Reads from the
    /// newest back and stops at `limit`, so a narrow filter over a long log costs only what
    /// it has to read.
    pub fn audit_matching(
        &self,
        limit: usize,
        keep: impl Fn(&AuditEntry) -> bool,
    ) -> Result<Vec<AuditEntry>> {
        let txn = self.read()?;
        let t = txn.open_table(AUDIT)?;
        let mut found = Vec::new();
        for entry in t.iter()?.rev() {
            if found.len() == limit {
                break;
            }
            let e: AuditEntry = parse(entry?.1.value())?;
            if keep(&e) {
                found.push(e);
            }
        }
        found.reverse();
        Ok(found)
    }

    // ---- import --------------------------------------------------------------------------

    /// What the store holds for each incoming (member number, NIK) pair, read in one read
    /// transaction: an import of 100,000 rows must not open 200,000 of them.
    pub fn import_matches(&self, keys: &[(&str, Option<&str>)]) -> Result<Vec<ImportMatch>> {
        let txn = self.read()?;
        let members = txn.open_table(MEMBERS)?;
        let by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
        keys.iter()
            .map(|(no, nik)| {
                let by_number = members.get(*no)?.map(|g| parse(g.value())).transpose()?;
                let by_nik = match nik {
                    Some(nik) => nik_holders(&members, &by_nik, nik, None)?
                        .into_iter()
                        .next(),
                    None => None,
                };
                Ok(ImportMatch { by_number, by_nik })
            })
            .collect()
    }

    /// Writes a whole import in one write transaction: every member or none. The same
    /// checks as registration and correction run again here (another process may have
    /// registered the NIK or the number since the import was planned). Imported members keep
    /// their numbers; a number in the configured scheme raises its sequence so that later
    /// registrations do not collide with it. One audit line per member (NIK masked) and one
    /// for the import.
    pub fn import_members(
        &self,
        batch: ImportBatch,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportDone> {
        let txn = self.db.begin_write()?;
        let mut done = ImportDone::default();
        {
            let mut members = txn.open_table(MEMBERS)?;
            let mut by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
            let mut by_word = txn.open_multimap_table(MEMBERS_BY_WORD)?;
            let mut seqs = txn.open_table(SEQUENCES)?;
            let mut requests = txn.open_table(REQUESTS)?;
            let mut by_state = txn.open_multimap_table(REQUESTS_BY_STATE)?;
            let mut by_member = txn.open_multimap_table(REQUESTS_BY_MEMBER)?;
            let mut steps = txn.open_table(REQUEST_STEPS)?;
            let mut meta = txn.open_table(META)?;
            let mut audit = txn.open_table(AUDIT)?;
            let mut note = |meta: &mut Table<&str, u64>, subject: &str, detail: String| {
                bump(meta, "changes")?;
                let seq = bump(meta, "next_audit_seq")?;
                let entry = AuditEntry {
                    seq,
                    at: batch.at,
                    user: batch.actor.user.clone(),
                    terminal: batch.actor.terminal.clone(),
                    action: "import".into(),
                    subject: subject.into(),
                    detail,
                };
                audit.insert(seq, json(&entry).as_slice())?;
                Ok::<_, StoreError>(())
            };
            for write in batch.writes {
                match write {
                    ImportWrite::Add { member: m, request } => {
                        let no = m.member_no.as_str();
                        if members.get(no)?.is_some() {
                            return Err(StoreError::DuplicateMemberNo(no.to_string()));
                        }
                        refuse_held_nik(&members, &by_nik, &m, None)?;
                        members.insert(no, json(&m).as_slice())?;
                        index_member(&mut by_nik, &mut by_word, &m, true)?;
                        if let Some((scope, seq)) = batch.scheme.sequence_of(no) {
                            let last = seqs.get(scope.as_str())?.map(|g| g.value()).unwrap_or(0);
                            if u64::from(seq) > last {
                                seqs.insert(scope.as_str(), u64::from(seq))?;
                            }
                        }
                        if request {
                            let id = bump(&mut meta, "next_request_id")?;
                            let r = CardRequest::new(
                                id,
                                m.member_no.clone(),
                                RequestKind::New,
                                Source::Import,
                                batch.actor,
                                batch.at,
                            );
                            requests.insert(r.id, json(&r).as_slice())?;
                            by_state.insert(state_key(r.state, r.source).as_str(), r.id)?;
                            by_member.insert(no, r.id)?;
                            index_steps(&mut steps, &r)?;
                            done.requests += 1;
                        }
                        note(
                            &mut meta,
                            no,
                            format!("added from {}, NIK {}", batch.origin, m.masked_nik()),
                        )?;
                        done.added += 1;
                    }
                    ImportWrite::Update { member: m } => {
                        let no = m.member_no.as_str();
                        let old: Member = match members.get(no)? {
                            Some(g) => parse(g.value())?,
                            None => return Err(StoreError::NotFound(no.to_string())),
                        };
                        refuse_held_nik(&members, &by_nik, &m, Some(no))?;
                        index_member(&mut by_nik, &mut by_word, &old, false)?;
                        index_member(&mut by_nik, &mut by_word, &m, true)?;
                        members.insert(no, json(&m).as_slice())?;
                        note(
                            &mut meta,
                            no,
                            format!("updated from {}, NIK {}", batch.origin, m.masked_nik()),
                        )?;
                        done.updated += 1;
                    }
                }
                progress(1);
            }
            note(
                &mut meta,
                batch.origin,
                format!(
                    "{} added, {} updated, {} card requests",
                    done.added, done.updated, done.requests
                ),
            )?;
        }
        txn.commit()?;
        Ok(done)
    }

    // ---- maintenance ---------------------------------------------------------------------

    /// Copies everything, as of one read transaction, into a new store file while other
    /// processes go on writing. Returns the number of records copied.
    pub fn backup_to(&self, dest: &Path) -> Result<u64> {
        if dest.exists() {
            return Err(StoreError::Io(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("{} already exists", dest.display()),
            )));
        }
        let tmp = dest.with_extension("partial");
        let _ = std::fs::remove_file(&tmp);
        let out = Database::builder().create(&tmp)?;
        let src = self.read()?;
        let dst = out.begin_write()?;
        let mut n = 0;
        n += copy(&src, &dst, META)?;
        n += copy(&src, &dst, MEMBERS)?;
        n += copy(&src, &dst, SEQUENCES)?;
        n += copy(&src, &dst, REQUESTS)?;
        n += copy(&src, &dst, CARDS)?;
        n += copy(&src, &dst, USERS)?;
        n += copy(&src, &dst, AUDIT)?;
        n += copy(&src, &dst, VISITS)?;
        n += copy(&src, &dst, PHOTOS)?;
        n += copy(&src, &dst, PHOTO_ORIGINALS)?;
        n += copy(&src, &dst, PHOTO_HISTORY)?;
        n += copy(&src, &dst, REQUEST_STEPS)?;
        n += copy_multi(&src, &dst, MEMBERS_BY_NIK)?;
        n += copy_multi(&src, &dst, MEMBERS_BY_WORD)?;
        n += copy_multi(&src, &dst, REQUESTS_BY_STATE)?;
        n += copy_multi(&src, &dst, REQUESTS_BY_MEMBER)?;
        dst.commit()?;
        drop(out);
        // Only a complete copy takes the backup's name.
        std::fs::rename(&tmp, dest)?;
        Ok(n)
    }

    /// Verifies every page's checksum and the allocator state, on a handle of its own.
    pub fn check(path: &Path) -> Result<bool> {
        let mut db = Database::builder()
            .set_cache_size(CACHE_BYTES)
            .set_concurrency_mode(ConcurrencyMode::MultiWriter)
            .open(path)
            .map_err(|e| StoreError::Open {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
        Ok(db.check_integrity()?)
    }
}

fn copy<K: redb::Key + 'static, V: redb::Value + 'static>(
    src: &ReadTransaction,
    dst: &WriteTransaction,
    def: redb::TableDefinition<K, V>,
) -> Result<u64> {
    let from = src.open_table(def)?;
    let mut to = dst.open_table(def)?;
    let mut n = 0;
    for entry in from.iter()? {
        let (k, v) = entry?;
        to.insert(k.value(), v.value())?;
        n += 1;
    }
    Ok(n)
}

fn copy_multi<K: redb::Key + 'static, V: redb::Key + 'static>(
    src: &ReadTransaction,
    dst: &WriteTransaction,
    def: redb::MultimapTableDefinition<K, V>,
) -> Result<u64> {
    let from = src.open_multimap_table(def)?;
    let mut to = dst.open_multimap_table(def)?;
    let mut n = 0;
    for entry in from.iter()? {
        let (k, vs) = entry?;
        for v in vs {
            to.insert(k.value(), v?.value())?;
            n += 1;
        }
    }
    Ok(n)
}

/// See [`Store::last_visit_since`].
fn last_visit_in(
    t: &impl ReadableTable<(&'static str, u64), &'static [u8]>,
    no: &str,
    dates: &[Date],
    since: Timestamp,
) -> Result<Option<Timestamp>> {
    let mut latest: Option<Timestamp> = None;
    for date in dates {
        let day = date.to_string();
        for entry in t.range((day.as_str(), 0)..=(day.as_str(), u64::MAX))?.rev() {
            let visit: Visit = parse(entry?.1.value())?;
            // Exactly `since` is outside: a window of 60 minutes counts 10:00 after 09:00.
            if visit.at <= since {
                break;
            }
            if matches!(&visit.visitor, Visitor::Member(m) if m.as_str() == no) {
                latest = latest.max(Some(visit.at));
                break;
            }
        }
    }
    Ok(latest)
}

#[cfg(test)]
mod tests;
