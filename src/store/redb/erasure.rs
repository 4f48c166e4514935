//! Erasure in redb: one write transaction over members, their indexes, photos, requests and
//! cards. Visits and counts stay.

use jiff::Timestamp;
use redb::{ReadableMultimapTable, ReadableTable};

use super::audit::append_audit;
use super::members::index_member;
use super::tables::*;
use super::{RedbStore, json, parse};
use crate::domain::erasure::{erased_member, erased_request};
use crate::domain::member::Member;
use crate::domain::staff::CardRecord;
use crate::domain::workflow::{Actor, CardRequest};
use crate::store::{ErasureStore, Result, StoreError};

impl ErasureStore for RedbStore {
    fn erase_member(&self, no: &str, actor: &Actor, at: Timestamp, reason: &str) -> Result<Member> {
        let txn = self.db.begin_write()?;
        let kept;
        let masked;
        {
            let mut members = txn.open_table(MEMBERS)?;
            let old: Member = match members.get(no)? {
                Some(g) => parse(g.value())?,
                None => return Err(StoreError::NotFound(format!("member {no}"))),
            };
            masked = old.masked_nik();
            kept = erased_member(&old);
            let mut by_nik = txn.open_multimap_table(MEMBERS_BY_NIK)?;
            let mut by_word = txn.open_table(MEMBER_WORDS)?;
            index_member(&mut by_nik, &mut by_word, &old, false)?;
            members.insert(no, json(&kept).as_slice())?;

            txn.open_table(PHOTOS)?.remove(no)?;
            txn.open_table(PHOTO_ORIGINALS)?.remove(no)?;
            txn.open_table(PHOTO_PREVIEWS)?.remove(no)?;
            txn.open_table(PHOTO_HISTORY)?
                .retain_in((no, 0)..=(no, u64::MAX), |_, _| false)?;

            let ids: Vec<u64> = txn
                .open_multimap_table(REQUESTS_BY_MEMBER)?
                .get(no)?
                .map(|v| v.map(|g| g.value()))
                .collect::<std::result::Result<_, _>>()?;
            let mut requests = txn.open_table(REQUESTS)?;
            for id in ids {
                let Some(r) = requests.get(id)?.map(|g| g.value().to_vec()) else {
                    continue;
                };
                let r: CardRequest = parse(&r)?;
                requests.insert(id, json(&erased_request(&r)).as_slice())?;
            }

            let mut cards = txn.open_table(CARDS)?;
            let mine: Vec<CardRecord> = cards
                .iter()?
                .filter_map(|e| e.ok())
                .filter_map(|(_, v)| parse::<CardRecord>(v.value()).ok())
                .filter(|c| c.member_no.as_str() == no)
                .collect();
            for mut c in mine {
                if c.blocked.is_none() {
                    c.blocked = Some("erased".into());
                }
                cards.insert(c.serial.as_str(), json(&c).as_slice())?;
            }
        }
        append_audit(
            &txn,
            at,
            actor,
            "erase",
            no,
            // i18n: an audit detail, kept in the log's one language (English)
            &format!("NIK {masked}; reason: {reason}"),
        )?;
        txn.commit()?;
        Ok(kept)
    }
}
