//! Visits in PostgreSQL: keyed by (local date, sequence), so a day's visits are one range;
//! members' visits also by member, so the front desk's check reads only that member's.

use jiff::Timestamp;
use jiff::civil::Date;
use postgres::types::Type;
use postgres::{GenericClient, Transaction};

use super::{PgStore, bump, doc, from_micros, micros, undoc};
use crate::domain::visit::{Visit, Visitor};
use crate::store::{Result, VisitStore};

fn put_visit(t: &mut Transaction, date: Date, visit: &Visit) -> Result<()> {
    let seq = bump(t, "next_visit_seq")? as i64;
    let member = match &visit.visitor {
        Visitor::Member(no) => Some(no.as_str()),
        Visitor::Guest(_) => None,
    };
    t.execute(
        "INSERT INTO visits (day, seq, member_no, at, doc) VALUES ($1, $2, $3, $4, $5)",
        &[
            &date.to_string(),
            &seq,
            &member,
            &micros(visit.at),
            &doc(visit)?,
        ],
    )?;
    Ok(())
}

/// The latest visit of `no` after `since` on these local dates.
fn last_visit_in(
    c: &mut impl GenericClient,
    no: &str,
    dates: &[Date],
    since: Timestamp,
) -> Result<Option<Timestamp>> {
    let days: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
    let row = c.query_opt(
        "SELECT doc FROM visits WHERE member_no = $1 AND day = ANY($2) AND at > $3 \
         ORDER BY at DESC LIMIT 1",
        &[&no, &days, &micros(since)],
    )?;
    Ok(match row {
        Some(r) => Some(undoc::<Visit>(r.get(0))?.at),
        None => None,
    })
}

impl VisitStore for PgStore {
    fn record_visit(&self, date: Date, visit: &Visit) -> Result<()> {
        self.conn.write(|t| {
            bump(t, "changes")?;
            put_visit(t, date, visit)
        })
    }

    fn record_visits(&self, visits: &[(Date, Visit)]) -> Result<()> {
        self.conn.write(|t| {
            bump(t, "changes")?;
            visits.iter().try_for_each(|(d, v)| put_visit(t, *d, v))
        })
    }

    fn visits_between(&self, first: Date, last: Date) -> Result<Vec<Visit>> {
        self.conn.read(|c| {
            let rows = c.query(
                "SELECT doc FROM visits WHERE day >= $1 AND day <= $2 ORDER BY day, seq",
                &[&first.to_string(), &last.to_string()],
            )?;
            rows.into_iter().map(|r| undoc(r.get(0))).collect()
        })
    }

    fn last_visit_since(
        &self,
        no: &str,
        dates: &[Date],
        since: Timestamp,
    ) -> Result<Option<Timestamp>> {
        self.conn.read(|c| last_visit_in(c, no, dates, since))
    }

    /// Checked under the write lock, so two front-desk terminals scanning one card count one.
    /// The check, both counters and the insert are one statement, prepared once per connection
    /// (one round trip, not eight). It runs after the lock's statement, so its snapshot holds
    /// every visit committed before the lock was granted, as the separate statements' did.
    fn record_member_visit(
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
        let days: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
        let value = doc(visit)?;
        self.conn.write(|t| {
            let st = self.conn.prepared(
                t,
                RECORD_UNLESS_COUNTED,
                &[
                    Type::TEXT,
                    Type::TEXT_ARRAY,
                    Type::INT8,
                    Type::TEXT,
                    Type::INT8,
                    Type::JSONB,
                ],
            )?;
            let row = t.query_one(
                &st,
                &[
                    &no.as_str(),
                    &days,
                    &micros(since),
                    &date.to_string(),
                    &micros(visit.at),
                    &value,
                ],
            )?;
            row.get::<_, Option<i64>>(0).map(from_micros).transpose()
        })
    }
}

/// [`VisitStore::record_member_visit`]'s statement: the member's latest visit inside the
/// window, and only when there is none, the change counter and the visit sequence one up
/// (the `meta` rows `bump` keeps) and the visit in. A data-modifying CTE runs whether or not
/// it is read, hence the `WHERE NOT EXISTS` on each. Its one row: when the member was
/// counted, or NULL when this visit went in.
const RECORD_UNLESS_COUNTED: &str = "\
WITH counted AS (
    SELECT at FROM visits WHERE member_no = $1 AND day = ANY($2) AND at > $3
    ORDER BY at DESC LIMIT 1
), changes AS (
    INSERT INTO meta (key, value) SELECT 'changes', 1 WHERE NOT EXISTS (SELECT 1 FROM counted)
    ON CONFLICT (key) DO UPDATE SET value = meta.value + 1 RETURNING value
), seq AS (
    INSERT INTO meta (key, value) SELECT 'next_visit_seq', 1
    WHERE NOT EXISTS (SELECT 1 FROM counted)
    ON CONFLICT (key) DO UPDATE SET value = meta.value + 1 RETURNING value
), added AS (
    INSERT INTO visits (day, seq, member_no, at, doc) SELECT $4, value, $1, $5, $6 FROM seq
    RETURNING seq
)
SELECT (SELECT at FROM counted), (SELECT count(*) FROM added), (SELECT count(*) FROM changes)";
