//! Members in PostgreSQL: by member number, the NIK unique among pending and active members by
//! a partial unique index, name words in a table of their own for prefix search, and the
//! member-number sequences counted in a row locked by the registering transaction.

use std::collections::BTreeSet;

use jiff::Timestamp;
use postgres::{GenericClient, Transaction};

use super::audit::{append_audit, last_about};
use super::photos::put_photo_audited;
use super::requests::put_request;
use super::{PgStore, bump, doc, undoc};
use crate::domain::member::Member;
use crate::domain::text::name_words;
use crate::domain::workflow::{Actor, CardRequest, RequestKind};
use crate::store::members::{has_every_word, search};
use crate::store::{MemberStore, PhotoWrite, Registration, Result, StoreError};

/// The constraint a second pending or active holder of a NIK breaks.
const ACTIVE_NIK: &str = "members_active_nik";
const MEMBER_PKEY: &str = "members_pkey";

fn constraint(e: &postgres::Error) -> Option<&str> {
    e.as_db_error().and_then(|d| d.constraint())
}

/// Writes a member (a new one when `insert`) with its name words. The NIK's uniqueness is the
/// index's to keep: its violation is turned into the same [`StoreError::DuplicateNik`] the
/// redb backend gives, naming the holder.
pub(super) fn put_member(t: &mut Transaction, m: &Member, insert: bool) -> Result<()> {
    let no = m.member_no.as_str();
    let nik = m.nik.as_ref().map(|n| n.as_str());
    let holds = m.status.holds_nik();
    let value = doc(m)?;
    let written = {
        // A savepoint, so that a refused insert leaves the transaction usable to name the
        // holder (and the rest of an import to be rolled back as a whole).
        let mut sp = t.savepoint("put_member")?;
        let sql = if insert {
            "INSERT INTO members (member_no, nik, holds_nik, doc) VALUES ($1, $2, $3, $4)"
        } else {
            "UPDATE members SET nik = $2, holds_nik = $3, doc = $4 WHERE member_no = $1"
        };
        match sp.execute(sql, &[&no, &nik, &holds, &value]) {
            Ok(n) => {
                sp.commit()?;
                Ok(n)
            }
            Err(e) => Err(e),
        }
    };
    match written {
        Ok(0) => return Err(StoreError::NotFound(no.to_string())),
        Ok(_) => {}
        Err(e) if constraint(&e) == Some(ACTIVE_NIK) => {
            let holder = match nik {
                Some(nik) => nik_holders(t, nik, Some(no))?.into_iter().next(),
                None => None,
            };
            return Err(StoreError::DuplicateNik {
                existing: holder.map(|h| h.member_no.to_string()).unwrap_or_default(),
            });
        }
        Err(e) if constraint(&e) == Some(MEMBER_PKEY) => {
            return Err(StoreError::DuplicateMemberNo(no.to_string()));
        }
        Err(e) => return Err(e.into()),
    }
    if !insert {
        t.execute("DELETE FROM member_words WHERE member_no = $1", &[&no])?;
    }
    let words: Vec<String> = name_words(&m.full_name)
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if !words.is_empty() {
        t.execute(
            "INSERT INTO member_words (word, member_no) SELECT unnest($1::text[]), $2",
            &[&words, &no],
        )?;
    }
    Ok(())
}

/// The members other than `except` that hold this NIK now (pending or active).
pub(super) fn nik_holders(
    c: &mut impl GenericClient,
    nik: &str,
    except: Option<&str>,
) -> Result<Vec<Member>> {
    let rows = c.query(
        "SELECT doc FROM members WHERE nik = $1 AND holds_nik \
         AND member_no IS DISTINCT FROM $2 ORDER BY member_no",
        &[&nik, &except],
    )?;
    rows.into_iter().map(|r| undoc(r.get(0))).collect()
}

pub(super) fn member_in(c: &mut impl GenericClient, no: &str) -> Result<Option<Member>> {
    c.query_opt("SELECT doc FROM members WHERE member_no = $1", &[&no])?
        .map(|r| undoc(r.get(0)))
        .transpose()
}

/// One registration inside a write transaction: number, member, request, audit. The number's
/// sequence row stays locked until the transaction ends: two counters never get one number.
fn register_in(t: &mut Transaction, reg: &Registration) -> Result<(Member, CardRequest)> {
    let seq = match reg.scheme.sequence_scope(reg.today) {
        Some(scope) => {
            let row = t.query_one(
                "INSERT INTO sequences (scope, last) VALUES ($1, 1) \
                 ON CONFLICT (scope) DO UPDATE SET last = sequences.last + 1 RETURNING last",
                &[&scope.as_str()],
            )?;
            u32::try_from(row.get::<_, i64>(0)).unwrap_or(u32::MAX)
        }
        None => 1,
    };
    let no = reg
        .scheme
        .compose(seq, reg.today, reg.draft.sex, reg.draft.nik.as_ref())?;
    let member = reg.draft.clone().into_member(no, reg.at);
    put_member(t, &member, true)?;
    let id = bump(t, "next_request_id")?;
    let request = CardRequest::new(
        id,
        member.member_no.clone(),
        RequestKind::New,
        reg.source,
        reg.actor,
        reg.at,
    );
    put_request(t, &request)?;
    append_audit(
        t,
        reg.at,
        reg.actor,
        "register",
        member.member_no.as_str(),
        // i18n: an audit detail, kept in the log's one language (English)
        &format!("source {}, NIK {}", reg.source.code(), member.masked_nik()),
    )?;
    Ok((member, request))
}

impl MemberStore for PgStore {
    fn register(&self, reg: Registration) -> Result<(Member, CardRequest)> {
        self.conn.write(|t| register_in(t, &reg))
    }

    fn register_with_photo(
        &self,
        reg: Registration,
        photo: &PhotoWrite,
    ) -> Result<(Member, CardRequest)> {
        self.conn.write(|t| {
            let done = register_in(t, &reg)?;
            put_photo_audited(t, done.0.member_no.as_str(), photo, reg.actor, reg.at)?;
            Ok(done)
        })
    }

    fn register_many(&self, regs: Vec<Registration>) -> Result<Vec<(Member, CardRequest)>> {
        self.conn
            .write(|t| regs.iter().map(|r| register_in(t, r)).collect())
    }

    fn members_many(&self, nos: &[&str]) -> Result<Vec<Option<Member>>> {
        self.conn.read(|c| {
            let rows = c.query(
                "SELECT member_no, doc FROM members WHERE member_no = ANY($1)",
                &[&nos],
            )?;
            let mut found = std::collections::HashMap::new();
            for r in rows {
                found.insert(r.get::<_, String>(0), r.get::<_, serde_json::Value>(1));
            }
            nos.iter()
                .map(|no| found.remove(*no).map(undoc).transpose())
                .collect()
        })
    }

    fn member(&self, no: &str) -> Result<Option<Member>> {
        self.conn.read(|c| member_in(c, no))
    }

    fn member_count(&self) -> Result<u64> {
        self.conn.read(|c| {
            let n: i64 = c.query_one("SELECT count(*) FROM members", &[])?.get(0);
            Ok(n as u64)
        })
    }

    fn members(&self) -> Result<Vec<Member>> {
        self.conn.read(|c| {
            let rows = c.query("SELECT doc FROM members ORDER BY member_no", &[])?;
            rows.into_iter().map(|r| undoc(r.get(0))).collect()
        })
    }

    fn members_by_nik(&self, nik: &str) -> Result<Vec<Member>> {
        self.conn.read(|c| {
            let rows = c.query(
                "SELECT doc FROM members WHERE nik = $1 ORDER BY member_no",
                &[&nik],
            )?;
            rows.into_iter().map(|r| undoc(r.get(0))).collect()
        })
    }

    fn nik_holder(&self, nik: &str, except: Option<&str>) -> Result<Option<Member>> {
        self.conn
            .read(|c| Ok(nik_holders(c, nik, except)?.into_iter().next()))
    }

    fn search_members(&self, query: &str, limit: usize) -> Result<Vec<Member>> {
        search(self, query, limit, |longest, words| {
            let pattern = format!(
                "{}%",
                longest
                    .replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            self.conn.read(|c| {
                // The most selective word's prefix from the index; the other words on the record.
                let rows = c.query(
                    "SELECT w.member_no, m.doc FROM member_words w JOIN members m USING (member_no) \
                     WHERE w.word LIKE $1 ORDER BY w.word, w.member_no",
                    &[&pattern],
                )?;
                let mut seen = BTreeSet::new();
                let mut found = Vec::new();
                for r in rows {
                    if !seen.insert(r.get::<_, String>(0)) {
                        continue;
                    }
                    let m: Member = undoc(r.get(1))?;
                    if has_every_word(&m, words) {
                        found.push(m);
                        if found.len() >= limit {
                            break;
                        }
                    }
                }
                Ok(found)
            })
        })
    }

    fn update_member(&self, m: &Member, actor: &Actor, at: Timestamp, what: &str) -> Result<()> {
        self.conn.write(|t| {
            put_member(t, m, false)?;
            append_audit(t, at, actor, "member-update", m.member_no.as_str(), what)
        })
    }

    /// Optimistic, as a step on a request is: the row is locked and compared with what the
    /// clerk's form was filled from; a member changed since is refused, naming who did it.
    fn save_member_edit(
        &self,
        before: &Member,
        after: &Member,
        actor: &Actor,
        at: Timestamp,
        detail: &str,
    ) -> Result<()> {
        let no = before.member_no.as_str();
        self.conn.write(|t| {
            let row = t.query_opt(
                "SELECT doc FROM members WHERE member_no = $1 FOR UPDATE",
                &[&no],
            )?;
            let current: Member = match row {
                Some(r) => undoc(r.get(0))?,
                None => return Err(StoreError::NotFound(no.to_string())),
            };
            if current != *before {
                let last = last_about(t, no)?;
                return Err(StoreError::MemberChanged {
                    by: last.as_ref().map(|e| e.user.clone()).unwrap_or_default(),
                    terminal: last.map(|e| e.terminal).unwrap_or_default(),
                });
            }
            put_member(t, after, false)?;
            append_audit(t, at, actor, "member-edit", no, detail)
        })
    }
}
