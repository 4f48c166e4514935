//! The PostgreSQL backend as the source and the target of a move between backends: every
//! table read in one REPEATABLE READ snapshot, streamed row by row (photos are never all in
//! memory); written in one transaction into a database that holds nothing yet.

use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;
use postgres::{GenericClient, IsolationLevel, Row, Transaction};

use super::members::put_member;
use super::requests::{put_card, put_request};
use super::{PgStore, doc, undoc};
use crate::store::copy::{CopySource, CopyTarget, Counts, Record, Sink, check_counts};
use crate::store::{Result, StoreError};

/// The tables a move carries, the same names as the records' (see [`Record::table`]).
const TABLES: [&str; 14] = [
    "meta",
    "sequences",
    "members",
    "requests",
    "cards",
    "users",
    "audit",
    "visits",
    "photos",
    "photo_originals",
    "photo_history",
    "print_attempts",
    "print_claims",
    "form_tokens",
];

fn counts(c: &mut impl GenericClient) -> Result<Counts> {
    let mut out = Counts::new();
    for table in TABLES {
        let n: i64 = c
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])?
            .get(0);
        if n > 0 {
            out.insert(table, n as u64);
        }
    }
    Ok(out)
}

/// Every row of `sql`, one at a time, made a record.
fn stream(
    t: &mut Transaction,
    sql: &str,
    sink: &mut Sink,
    record: impl Fn(&Row) -> Result<Record>,
) -> Result<()> {
    let none: [&(dyn ToSql + Sync); 0] = [];
    let mut rows = t.query_raw(sql, none)?;
    while let Some(row) = rows.next()? {
        sink(record(&row)?)?;
    }
    Ok(())
}

/// A record made from a row's `doc`.
type MakeRecord = fn(serde_json::Value) -> Result<Record>;

fn u(v: i64) -> u64 {
    v as u64
}

impl CopySource for PgStore {
    fn each_record(&self, sink: &mut Sink) -> Result<Counts> {
        self.conn.read(|c| {
            let mut t = c
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()?;
            stream(&mut t, "SELECT key, value FROM meta", sink, |r| {
                Ok(Record::Meta(r.get(0), u(r.get(1))))
            })?;
            stream(&mut t, "SELECT scope, last FROM sequences", sink, |r| {
                Ok(Record::Sequence(r.get(0), u(r.get(1))))
            })?;
            let docs: [(&str, MakeRecord); 6] = [
                ("SELECT doc FROM members ORDER BY member_no", |v| {
                    Ok(Record::Member(undoc(v)?))
                }),
                ("SELECT doc FROM requests ORDER BY id", |v| {
                    Ok(Record::Request(undoc(v)?))
                }),
                ("SELECT doc FROM cards ORDER BY serial", |v| {
                    Ok(Record::Card(undoc(v)?))
                }),
                ("SELECT doc FROM users ORDER BY name", |v| {
                    Ok(Record::User(undoc(v)?))
                }),
                ("SELECT doc FROM audit ORDER BY seq", |v| {
                    Ok(Record::Audit(undoc(v)?))
                }),
                ("SELECT doc FROM print_attempts ORDER BY attempt", |v| {
                    Ok(Record::PrintAttempt(undoc(v)?))
                }),
            ];
            for (sql, make) in docs {
                stream(&mut t, sql, sink, |r| make(r.get(0)))?;
            }
            stream(
                &mut t,
                "SELECT day, seq, doc FROM visits ORDER BY day, seq",
                sink,
                |r| Ok(Record::Visit(r.get(0), u(r.get(1)), undoc(r.get(2))?)),
            )?;
            stream(&mut t, "SELECT member_no, stored FROM photos", sink, |r| {
                Ok(Record::Photo(r.get(0), r.get(1)))
            })?;
            stream(
                &mut t,
                "SELECT member_no, original FROM photo_originals",
                sink,
                |r| Ok(Record::PhotoOriginal(r.get(0), r.get(1))),
            )?;
            stream(
                &mut t,
                "SELECT member_no, seq, stored FROM photo_history",
                sink,
                |r| Ok(Record::PhotoHistory(r.get(0), u(r.get(1)), r.get(2))),
            )?;
            stream(
                &mut t,
                "SELECT request_id, attempt FROM print_claims",
                sink,
                |r| Ok(Record::PrintClaim(u(r.get(0)), u(r.get(1)))),
            )?;
            stream(
                &mut t,
                "SELECT made, nonce, member_no FROM form_tokens",
                sink,
                |r| Ok(Record::FormToken(r.get(0), r.get(1), r.get(2))),
            )?;
            let own = counts(&mut t)?;
            t.commit()?;
            Ok(own)
        })
    }

    fn counts(&self) -> Result<Counts> {
        self.conn.read(counts)
    }
}

fn put(t: &mut Transaction, r: Record) -> Result<()> {
    let i = |v: u64| v as i64;
    match r {
        Record::Meta(k, v) => t.execute(
            "INSERT INTO meta (key, value) VALUES ($1, $2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&k, &i(v)],
        )?,
        Record::Sequence(k, v) => t.execute(
            "INSERT INTO sequences (scope, last) VALUES ($1, $2)",
            &[&k, &i(v)],
        )?,
        Record::Member(m) => {
            put_member(t, &m, true)?;
            0
        }
        Record::Request(r) => {
            put_request(t, &r)?;
            0
        }
        Record::Card(c) => {
            put_card(t, &c)?;
            0
        }
        Record::User(a) => t.execute(
            "INSERT INTO users (name, doc) VALUES ($1, $2)",
            &[&a.name, &doc(&a)?],
        )?,
        Record::Audit(e) => t.execute(
            "INSERT INTO audit (seq, subject, doc) VALUES ($1, $2, $3)",
            &[&i(e.seq), &e.subject, &doc(&e)?],
        )?,
        Record::Visit(day, seq, v) => {
            let member = match &v.visitor {
                crate::domain::visit::Visitor::Member(no) => Some(no.to_string()),
                crate::domain::visit::Visitor::Guest(_) => None,
            };
            t.execute(
                "INSERT INTO visits (day, seq, member_no, at, doc) VALUES ($1, $2, $3, $4, $5)",
                &[&day, &i(seq), &member, &super::micros(v.at), &doc(&v)?],
            )?
        }
        Record::Photo(no, b) => t.execute(
            "INSERT INTO photos (member_no, stored, preview) VALUES ($1, $2, $3)",
            &[&no, &b, &crate::photo::preview::make(&b)],
        )?,
        Record::PhotoOriginal(no, b) => t.execute(
            "INSERT INTO photo_originals (member_no, original) VALUES ($1, $2)",
            &[&no, &b],
        )?,
        Record::PhotoHistory(no, seq, b) => t.execute(
            "INSERT INTO photo_history (member_no, seq, stored) VALUES ($1, $2, $3)",
            &[&no, &i(seq), &b],
        )?,
        Record::PrintAttempt(a) => t.execute(
            "INSERT INTO print_attempts (attempt, doc) VALUES ($1, $2)",
            &[&i(a.attempt), &doc(&a)?],
        )?,
        Record::PrintClaim(id, a) => t.execute(
            "INSERT INTO print_claims (request_id, attempt) VALUES ($1, $2)",
            &[&i(id), &i(a)],
        )?,
        Record::FormToken(made, nonce, no) => t.execute(
            "INSERT INTO form_tokens (made, nonce, member_no) VALUES ($1, $2, $3)",
            &[&made, &nonce, &no],
        )?,
    };
    Ok(())
}

/// Rows of the large tables gathered to go in one statement each (`unnest` of arrays): a
/// hundred thousand members cost a hundred round trips, not a few hundred thousand.
/// Each field is a table's columns, one array each, in the order of its INSERT.
#[derive(Default)]
#[allow(clippy::type_complexity)]
struct Batch {
    members: (
        Vec<String>,
        Vec<Option<String>>,
        Vec<bool>,
        Vec<serde_json::Value>,
    ),
    words: (Vec<String>, Vec<String>),
    requests: (
        Vec<i64>,
        Vec<String>,
        Vec<String>,
        Vec<String>,
        Vec<serde_json::Value>,
    ),
    steps: (Vec<i64>, Vec<i64>),
    audit: (Vec<i64>, Vec<String>, Vec<serde_json::Value>),
    /// Member number, photo, and the front desk's preview made from it (a move carries no
    /// preview: each target makes its own, as when a photo is stored).
    photos: (Vec<String>, Vec<Vec<u8>>, Vec<Option<Vec<u8>>>),
    rows: usize,
}

/// Rows per statement.
const BATCH: usize = 2_000;

impl Batch {
    fn push(&mut self, t: &mut Transaction, r: Record) -> Result<()> {
        match r {
            Record::Member(m) => {
                let no = m.member_no.to_string();
                let words: std::collections::BTreeSet<String> =
                    crate::domain::text::name_words(&m.full_name)
                        .into_iter()
                        .collect();
                for w in words {
                    self.words.0.push(w);
                    self.words.1.push(no.clone());
                }
                self.members.0.push(no);
                self.members
                    .1
                    .push(m.nik.as_ref().map(|n| n.as_str().to_string()));
                self.members.2.push(m.status.holds_nik());
                self.members.3.push(doc(&m)?);
            }
            Record::Request(r) => {
                for s in &r.history {
                    self.steps.0.push(s.at.as_second());
                    self.steps.1.push(r.id as i64);
                }
                self.requests.0.push(r.id as i64);
                self.requests.1.push(r.member_no.to_string());
                self.requests.2.push(r.state.code().to_string());
                self.requests.3.push(r.source.code().to_string());
                self.requests.4.push(doc(&r)?);
            }
            Record::Audit(e) => {
                self.audit.0.push(e.seq as i64);
                self.audit.1.push(e.subject.clone());
                self.audit.2.push(doc(&e)?);
            }
            Record::Photo(no, b) => {
                self.photos.0.push(no);
                self.photos.2.push(crate::photo::preview::make(&b));
                self.photos.1.push(b);
            }
            other => return put(t, other),
        }
        self.rows += 1;
        if self.rows >= BATCH {
            self.flush(t)?;
        }
        Ok(())
    }

    fn flush(&mut self, t: &mut Transaction) -> Result<()> {
        let b = std::mem::take(self);
        // Members before their name words (the words' foreign key), requests after members.
        if !b.members.0.is_empty() {
            t.execute(
                "INSERT INTO members (member_no, nik, holds_nik, doc) \
                 SELECT * FROM unnest($1::text[], $2::text[], $3::bool[], $4::jsonb[])",
                &[&b.members.0, &b.members.1, &b.members.2, &b.members.3],
            )?;
        }
        if !b.words.0.is_empty() {
            t.execute(
                "INSERT INTO member_words (word, member_no) \
                 SELECT * FROM unnest($1::text[], $2::text[])",
                &[&b.words.0, &b.words.1],
            )?;
        }
        if !b.requests.0.is_empty() {
            t.execute(
                "INSERT INTO requests (id, member_no, state, source, doc) SELECT * FROM \
                 unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::jsonb[])",
                &[
                    &b.requests.0,
                    &b.requests.1,
                    &b.requests.2,
                    &b.requests.3,
                    &b.requests.4,
                ],
            )?;
        }
        if !b.steps.0.is_empty() {
            t.execute(
                "INSERT INTO request_steps (at, request_id) \
                 SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING",
                &[&b.steps.0, &b.steps.1],
            )?;
        }
        if !b.audit.0.is_empty() {
            t.execute(
                "INSERT INTO audit (seq, subject, doc) \
                 SELECT * FROM unnest($1::bigint[], $2::text[], $3::jsonb[])",
                &[&b.audit.0, &b.audit.1, &b.audit.2],
            )?;
        }
        if !b.photos.0.is_empty() {
            t.execute(
                "INSERT INTO photos (member_no, stored, preview) \
                 SELECT * FROM unnest($1::text[], $2::bytea[], $3::bytea[])",
                &[&b.photos.0, &b.photos.1, &b.photos.2],
            )?;
        }
        Ok(())
    }
}

impl CopyTarget for PgStore {
    fn is_empty(&self) -> Result<bool> {
        Ok(self.conn.read(counts)?.is_empty())
    }

    fn load(&self, feed: &mut dyn FnMut(&mut Sink) -> Result<Counts>) -> Result<Counts> {
        self.conn.write(|t| {
            // Another process may have begun writing since `is_empty`: under the write lock now.
            if !counts(t)?.is_empty() {
                return Err(StoreError::TargetNotEmpty);
            }
            let mut batch = Batch::default();
            let read = feed(&mut |r| batch.push(t, r))?;
            batch.flush(t)?;
            check_counts(&read, &counts(t)?)?;
            Ok(read)
        })
    }
}
