//! Members in redb: by member number, with multimap indexes by NIK and by folded name word,
//! and the member-number sequences allocated inside the registering transaction.

use std::collections::BTreeSet;

use jiff::Timestamp;
use redb::{
    MultimapTable, ReadableMultimapTable, ReadableTable, ReadableTableMetadata, Table,
    WriteTransaction,
};

use super::audit::append_audit;
use super::photos::put_photo_audited;
use super::requests::put_request;
use super::tables::*;
use super::{RedbStore, bump, json, parse};
use crate::domain::member::Member;
use crate::domain::text::name_words;
use crate::domain::workflow::{Actor, CardRequest, RequestKind};
use crate::store::members::{has_every_word, search};
use crate::store::{AuditEntry, MemberStore, PhotoWrite, Registration, Result, StoreError};

/// How far back the audit log is read to name who changed a member: a correction of the same
/// member is almost always among the newest lines.
const LOOK_BACK: usize = 5_000;

/// The key of one name word of one member in [`MEMBER_WORDS`]: the word, a NUL (which no
/// folded word holds, and which sorts before every other character, so a word's members come
/// before the longer words it begins), the member number.
pub(super) fn word_key(word: &str, no: &str) -> String {
    let mut key = String::with_capacity(word.len() + 1 + no.len());
    key.push_str(word);
    key.push('\0');
    key.push_str(no);
    key
}

/// The member number of a [`word_key`].
fn member_of_word_key(key: &str) -> &str {
    key.split_once('\0').map(|(_, no)| no).unwrap_or_default()
}

pub(super) fn index_member(
    by_nik: &mut MultimapTable<&str, &str>,
    by_word: &mut Table<&str, ()>,
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
        let key = word_key(&w, no);
        if insert {
            by_word.insert(key.as_str(), ())?;
        } else {
            by_word.remove(key.as_str())?;
        }
    }
    Ok(())
}

/// Refuses `m` when its NIK is held by another pending or active member (`except` is its own
/// number, for an update). A member whose status holds no NIK (expired, blocked) passes.
pub(super) fn refuse_held_nik(
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

/// The members other than `except` that hold this NIK now (pending or active).
pub(super) fn nik_holders(
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

/// One registration inside a write transaction: NIK check, number, member, request, audit.
fn register_in(txn: &WriteTransaction, reg: Registration) -> Result<(Member, CardRequest)> {
    let member;
    let request;
    {
        let mut members = txn.open_table(MEMBERS)?;
        let mut by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
        let mut by_word = txn.open_table(MEMBER_WORDS)?;
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
        put_request(txn, &request, None)?;
    }
    append_audit(
        txn,
        reg.at,
        reg.actor,
        "register",
        member.member_no.as_str(),
        // i18n: an audit detail, kept in the log's one language (English)
        &format!("source {}, NIK {}", reg.source.code(), member.masked_nik()),
    )?;
    Ok((member, request))
}

impl MemberStore for RedbStore {
    fn register(&self, reg: Registration) -> Result<(Member, CardRequest)> {
        let txn = self.db.begin_write()?;
        let done = register_in(&txn, reg)?;
        txn.commit()?;
        Ok(done)
    }

    fn register_with_photo(
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

    fn register_many(&self, regs: Vec<Registration>) -> Result<Vec<(Member, CardRequest)>> {
        let txn = self.db.begin_write()?;
        let done = regs
            .into_iter()
            .map(|r| register_in(&txn, r))
            .collect::<Result<Vec<_>>>()?;
        txn.commit()?;
        Ok(done)
    }

    fn members_many(&self, nos: &[&str]) -> Result<Vec<Option<Member>>> {
        let txn = self.read()?;
        let t = txn.open_table(MEMBERS)?;
        nos.iter()
            .map(|no| t.get(*no)?.map(|g| parse(g.value())).transpose())
            .collect()
    }

    fn member(&self, no: &str) -> Result<Option<Member>> {
        let txn = self.read()?;
        let t = txn.open_table(MEMBERS)?;
        t.get(no)?.map(|g| parse(g.value())).transpose()
    }

    fn member_count(&self) -> Result<u64> {
        Ok(self.read()?.open_table(MEMBERS)?.len()?)
    }

    fn members(&self) -> Result<Vec<Member>> {
        let txn = self.read()?;
        let t = txn.open_table(MEMBERS)?;
        t.iter()?.map(|r| parse(r?.1.value())).collect()
    }

    fn members_by_nik(&self, nik: &str) -> Result<Vec<Member>> {
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

    fn nik_holder(&self, nik: &str, except: Option<&str>) -> Result<Option<Member>> {
        let txn = self.read()?;
        let members = txn.open_table(MEMBERS)?;
        let by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
        Ok(nik_holders(&members, &by_nik, nik, except)?
            .into_iter()
            .next())
    }

    fn search_members(&self, query: &str, limit: usize) -> Result<Vec<Member>> {
        search(self, query, limit, |longest, words| {
            let txn = self.read()?;
            let members = txn.open_table(MEMBERS)?;
            let by_word = txn.open_table(MEMBER_WORDS)?;
            // Walk the most selective word's prefix range; check the other words on the record.
            // A key begins with its word, so the keys of the words beginning with `longest`
            // are the keys beginning with it.
            let mut seen = BTreeSet::new();
            let mut found = Vec::new();
            for entry in by_word.range(longest..)? {
                let key = entry?.0;
                let key = key.value();
                if !key.starts_with(longest) {
                    break;
                }
                let no = member_of_word_key(key);
                if !seen.insert(no.to_string()) {
                    continue;
                }
                let Some(g) = members.get(no)? else {
                    continue;
                };
                let m: Member = parse(g.value())?;
                if has_every_word(&m, words) {
                    found.push(m);
                    if found.len() >= limit {
                        return Ok(found);
                    }
                }
            }
            Ok(found)
        })
    }

    fn update_member(&self, m: &Member, actor: &Actor, at: Timestamp, what: &str) -> Result<()> {
        let txn = self.db.begin_write()?;
        {
            let mut members = txn.open_table(MEMBERS)?;
            let mut by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
            let mut by_word = txn.open_table(MEMBER_WORDS)?;
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

    /// Optimistic, as a step on a request is: the writer says what it read, and a member
    /// changed since is refused with the name of whoever changed it.
    fn save_member_edit(
        &self,
        before: &Member,
        after: &Member,
        actor: &Actor,
        at: Timestamp,
        detail: &str,
    ) -> Result<()> {
        let no = before.member_no.as_str();
        let txn = self.db.begin_write()?;
        {
            let mut members = txn.open_table(MEMBERS)?;
            let mut by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
            let mut by_word = txn.open_table(MEMBER_WORDS)?;
            let current: Member = match members.get(no)? {
                Some(g) => parse(g.value())?,
                None => return Err(StoreError::NotFound(no.to_string())),
            };
            if current != *before {
                let audit = txn.open_table(AUDIT)?;
                let mut last = None;
                for entry in audit.iter()?.rev().take(LOOK_BACK) {
                    let e: AuditEntry = parse(entry?.1.value())?;
                    if e.subject == no {
                        last = Some(e);
                        break;
                    }
                }
                return Err(StoreError::MemberChanged {
                    by: last.as_ref().map(|e| e.user.clone()).unwrap_or_default(),
                    terminal: last.map(|e| e.terminal).unwrap_or_default(),
                });
            }
            refuse_held_nik(&members, &by_nik, after, Some(no))?;
            index_member(&mut by_nik, &mut by_word, &current, false)?;
            index_member(&mut by_nik, &mut by_word, after, true)?;
            members.insert(no, json(after).as_slice())?;
        }
        append_audit(&txn, at, actor, "member-edit", no, detail)?;
        txn.commit()?;
        Ok(())
    }
}
