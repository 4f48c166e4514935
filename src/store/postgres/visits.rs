//! Visits in PostgreSQL: keyed by (local date, sequence), so a day's visits are one range;
//! members' visits also by member, so the front desk's check reads only that member's.

use jiff::Timestamp;
use jiff::civil::Date;
use postgres::{GenericClient, Transaction};

use super::{PgStore, bump, doc, micros, undoc};
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
        self.conn.write(|t| {
            if let Some(at) = last_visit_in(t, no.as_str(), dates, since)? {
                return Ok(Some(at));
            }
            bump(t, "changes")?;
            put_visit(t, date, visit)?;
            Ok(None)
        })
    }
}
