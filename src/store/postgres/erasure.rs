//! Erasure in PostgreSQL: one write transaction over members, their name words, photos,
//! requests and cards. Visits and counts stay; the audit log keeps its lines (a masked NIK).

use jiff::Timestamp;

use super::audit::append_audit;
use super::members::{member_in, put_member};
use super::requests::{put_card, put_request};
use super::{PgStore, undoc};
use crate::domain::erasure::{erased_member, erased_request};
use crate::domain::member::Member;
use crate::domain::staff::CardRecord;
use crate::domain::workflow::{Actor, CardRequest};
use crate::store::{ErasureStore, Result, StoreError};

impl ErasureStore for PgStore {
    fn erase_member(&self, no: &str, actor: &Actor, at: Timestamp, reason: &str) -> Result<Member> {
        self.conn.write(|t| {
            let Some(old) = member_in(t, no)? else {
                return Err(StoreError::NotFound(format!("member {no}")));
            };
            let masked = old.masked_nik();
            let kept = erased_member(&old);
            put_member(t, &kept, false)?;
            // The front desk's preview is a column of `photos`: it goes with the photo's row.
            for table in ["photos", "photo_originals", "photo_history"] {
                t.execute(&format!("DELETE FROM {table} WHERE member_no = $1"), &[&no])?;
            }
            let rows = t.query("SELECT doc FROM requests WHERE member_no = $1", &[&no])?;
            for r in rows {
                let r: CardRequest = undoc(r.get(0))?;
                put_request(t, &erased_request(&r))?;
            }
            let rows = t.query("SELECT doc FROM cards WHERE member_no = $1", &[&no])?;
            for r in rows {
                let mut c: CardRecord = undoc(r.get(0))?;
                if c.blocked.is_none() {
                    c.blocked = Some("erased".into());
                }
                put_card(t, &c)?;
            }
            append_audit(
                t,
                at,
                actor,
                "erase",
                no,
                // i18n: an audit detail, kept in the log's one language (English)
                &format!("NIK {masked}; reason: {reason}"),
            )?;
            Ok(kept)
        })
    }
}
