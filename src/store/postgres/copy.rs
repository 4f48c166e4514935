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
            "INSERT INTO photos (member_no, stored) VALUES ($1, $2)",
            &[&no, &b],
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
            let read = feed(&mut |r| put(t, r))?;
            check_counts(&read, &counts(t)?)?;
            Ok(read)
        })
    }
}
