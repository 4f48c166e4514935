//! Corrections and undos: a member's data changed after registration, and a step taken back.
//! Both are optimistic: the writer says what it read, and a record changed since is refused
//! with the name of whoever changed it, as a step on a request is.

use jiff::Timestamp;
use redb::ReadableTable;

use super::tables::{AUDIT, CARDS, MEMBERS, MEMBERS_BY_NIK, MEMBERS_BY_WORD};
use super::{
    AuditEntry, Result, Store, StoreError, append_audit, current_at_version, index_member, json,
    parse, refuse_held_nik,
};
use crate::domain::member::Member;
use crate::domain::staff::CardRecord;
use crate::domain::workflow::{Actor, CardRequest};

/// How far back the audit log is read to name who changed a member: a correction of the same
/// member is almost always among the newest lines.
const LOOK_BACK: usize = 5_000;

impl Store {
    /// Saves a corrected member if the stored one is still `before` (what the clerk's form was
    /// filled from); otherwise refuses and names who changed it. The NIK stays unique among
    /// pending and active members, and the name and NIK indexes follow the change.
    pub fn save_member_edit(
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
            let mut by_word = txn.open_multimap_table(MEMBERS_BY_WORD)?;
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

    /// Saves an undo if the request is still at `expected_version`. A print taken back leaves
    /// its card in the cards table marked spoiled, so its serial is never given again.
    /// A verification taken back on a new member's request also takes back the activation
    /// (`member`, with its status and validity as before; name and NIK unchanged).
    pub fn save_undo(
        &self,
        request: &CardRequest,
        expected_version: u32,
        spoiled_serial: Option<&str>,
        member: Option<&Member>,
        actor: &Actor,
        detail: &str,
    ) -> Result<()> {
        let at = request.since();
        let txn = self.db.begin_write()?;
        {
            let current = current_at_version(&txn, request.id, expected_version)?;
            Store::put_request(&txn, request, Some(current.state))?;
            if let Some(m) = member {
                txn.open_table(MEMBERS)?
                    .insert(m.member_no.as_str(), json(m).as_slice())?;
            }
            if let Some(serial) = spoiled_serial {
                let mut cards = txn.open_table(CARDS)?;
                let card: Option<CardRecord> =
                    cards.get(serial)?.map(|g| parse(g.value())).transpose()?;
                if let Some(mut c) = card {
                    c.blocked = Some(format!("spoiled: {detail}"));
                    cards.insert(serial, json(&c).as_slice())?;
                }
            }
        }
        append_audit(&txn, at, actor, "undo", request.member_no.as_str(), detail)?;
        txn.commit()?;
        Ok(())
    }
}
