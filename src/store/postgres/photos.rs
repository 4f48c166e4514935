//! Photos in PostgreSQL, as `bytea` in the database (docs/decisions.md): the stored one and
//! the original by member number, the replaced ones by (member number, sequence). The front
//! desk's preview is kept in the stored photo's row (schema 2).

use jiff::Timestamp;
use postgres::Transaction;

use super::audit::append_audit;
use super::{PgStore, bump};
use crate::domain::workflow::Actor;
use crate::store::{PhotoStore, PhotoWrite, Result, StoreError};

/// Stores a member's new photo, keeping the one it replaces in the history.
pub(super) fn put_photo_in(t: &mut Transaction, no: &str, photo: &PhotoWrite) -> Result<()> {
    let previous = t.query_opt("SELECT stored FROM photos WHERE member_no = $1", &[&no])?;
    if let Some(prev) = previous {
        let seq = bump(t, "next_photo_seq")? as i64;
        let prev: Vec<u8> = prev.get(0);
        t.execute(
            "INSERT INTO photo_history (member_no, seq, stored) VALUES ($1, $2, $3)",
            &[&no, &seq, &prev],
        )?;
    }
    // The preview goes with the photo it was made from; a photo that does not decode (none
    // should: the store gets what photo::process encoded) leaves none behind.
    let preview = crate::photo::preview::make(photo.stored);
    t.execute(
        "INSERT INTO photos (member_no, stored, preview) VALUES ($1, $2, $3) \
         ON CONFLICT (member_no) DO UPDATE SET stored = excluded.stored, \
         preview = excluded.preview",
        &[&no, &photo.stored, &preview],
    )?;
    if let Some(original) = photo.original {
        t.execute(
            "INSERT INTO photo_originals (member_no, original) VALUES ($1, $2) \
             ON CONFLICT (member_no) DO UPDATE SET original = excluded.original",
            &[&no, &original],
        )?;
    }
    Ok(())
}

/// A photo kept outside a step (online upload, import), with its line in the audit log.
pub(super) fn put_photo_audited(
    t: &mut Transaction,
    no: &str,
    photo: &PhotoWrite,
    actor: &Actor,
    at: Timestamp,
) -> Result<()> {
    put_photo_in(t, no, photo)?;
    append_audit(
        t,
        at,
        actor,
        "photo",
        no,
        &format!("{} bytes", photo.stored.len()),
    )
}

impl PhotoStore for PgStore {
    fn put_photo(&self, no: &str, photo: &PhotoWrite, actor: &Actor, at: Timestamp) -> Result<()> {
        self.conn.write(|t| {
            if t.query_opt("SELECT 1 FROM members WHERE member_no = $1", &[&no])?
                .is_none()
            {
                return Err(StoreError::NotFound(no.to_string()));
            }
            put_photo_audited(t, no, photo, actor, at)
        })
    }

    fn photo(&self, no: &str) -> Result<Option<Vec<u8>>> {
        self.conn.read(|c| {
            let row = c.query_opt("SELECT stored FROM photos WHERE member_no = $1", &[&no])?;
            Ok(row.map(|r| r.get(0)))
        })
    }

    /// The one kept with the photo. A photo stored before schema 2 has none: its preview is
    /// made from it at each read (about a millisecond) until it is stored again. One round
    /// trip either way: the JPEG comes back only when there is no preview.
    fn photo_preview(&self, no: &str) -> Result<Option<Vec<u8>>> {
        let row = self.conn.read(|c| {
            Ok(c.query_opt(
                "SELECT preview, CASE WHEN preview IS NULL THEN stored END \
                 FROM photos WHERE member_no = $1",
                &[&no],
            )?)
        })?;
        let Some(row) = row else {
            return Ok(None);
        };
        let (kept, stored): (Option<Vec<u8>>, Option<Vec<u8>>) = (row.get(0), row.get(1));
        Ok(kept.or_else(|| stored.and_then(|jpeg| crate::photo::preview::make(&jpeg))))
    }

    fn photo_original(&self, no: &str) -> Result<Option<Vec<u8>>> {
        self.conn.read(|c| {
            let row = c.query_opt(
                "SELECT original FROM photo_originals WHERE member_no = $1",
                &[&no],
            )?;
            Ok(row.map(|r| r.get(0)))
        })
    }

    fn photo_history(&self, no: &str) -> Result<Vec<Vec<u8>>> {
        self.conn.read(|c| {
            let rows = c.query(
                "SELECT stored FROM photo_history WHERE member_no = $1 ORDER BY seq",
                &[&no],
            )?;
            Ok(rows.iter().map(|r| r.get(0)).collect())
        })
    }
}
