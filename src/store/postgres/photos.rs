//! Photos in PostgreSQL, as `bytea` in the database (docs/decisions.md): the stored one and
//! the original by member number, the replaced ones by (member number, sequence).

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
    t.execute(
        "INSERT INTO photos (member_no, stored) VALUES ($1, $2) \
         ON CONFLICT (member_no) DO UPDATE SET stored = excluded.stored",
        &[&no, &photo.stored],
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

    /// Made from the stored photo at each call (about a millisecond): PostgreSQL keeps no
    /// preview column yet; redb keeps one since its schema 4.
    fn photo_preview(&self, no: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .photo(no)?
            .and_then(|jpeg| crate::photo::preview::make(&jpeg)))
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
