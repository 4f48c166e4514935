//! Visits in redb: keyed by (local date, sequence), so a day's visits are one range.

use jiff::Timestamp;
use jiff::civil::Date;
use redb::ReadableTable;

use super::tables::{META, VISITS};
use super::{RedbStore, bump, json, parse};
use crate::domain::visit::{Visit, Visitor};
use crate::store::{Result, VisitStore};

impl VisitStore for RedbStore {
    fn record_visit(&self, date: Date, visit: &Visit) -> Result<()> {
        let txn = self.db.begin_write()?;
        {
            let seq = bump(&mut txn.open_table(META)?, "next_visit_seq")?;
            bump(&mut txn.open_table(META)?, "changes")?;
            let day = date.to_string();
            txn.open_table(VISITS)?
                .insert((day.as_str(), seq), json(visit).as_slice())?;
        }
        txn.commit()?;
        Ok(())
    }

    fn record_visits(&self, visits: &[(Date, Visit)]) -> Result<()> {
        let txn = self.db.begin_write()?;
        {
            let mut meta = txn.open_table(META)?;
            let mut table = txn.open_table(VISITS)?;
            bump(&mut meta, "changes")?;
            for (date, visit) in visits {
                let seq = bump(&mut meta, "next_visit_seq")?;
                let day = date.to_string();
                table.insert((day.as_str(), seq), json(visit).as_slice())?;
            }
        }
        txn.commit()?;
        Ok(())
    }

    /// One range of the table, as its key starts with the date.
    fn visits_between(&self, first: Date, last: Date) -> Result<Vec<Visit>> {
        let txn = self.read()?;
        let t = txn.open_table(VISITS)?;
        let (from, to) = (first.to_string(), last.to_string());
        t.range((from.as_str(), 0)..=(to.as_str(), u64::MAX))?
            .map(|r| parse(r?.1.value()))
            .collect()
    }

    fn last_visit_since(
        &self,
        no: &str,
        dates: &[Date],
        since: Timestamp,
    ) -> Result<Option<Timestamp>> {
        let txn = self.read()?;
        let t = txn.open_table(VISITS)?;
        last_visit_in(&t, no, dates, since)
    }

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
        let txn = self.db.begin_write()?;
        {
            let mut visits = txn.open_table(VISITS)?;
            if let Some(at) = last_visit_in(&visits, no.as_str(), dates, since)? {
                return Ok(Some(at));
            }
            let seq = bump(&mut txn.open_table(META)?, "next_visit_seq")?;
            bump(&mut txn.open_table(META)?, "changes")?;
            let day = date.to_string();
            visits.insert((day.as_str(), seq), json(visit).as_slice())?;
        }
        txn.commit()?;
        Ok(None)
    }
}

/// Walks each day backwards and stops at the first visit not after `since`, so the cost is
/// the visits inside the window, not the day's.
fn last_visit_in(
    t: &impl ReadableTable<(&'static str, u64), &'static [u8]>,
    no: &str,
    dates: &[Date],
    since: Timestamp,
) -> Result<Option<Timestamp>> {
    let mut latest: Option<Timestamp> = None;
    for date in dates {
        let day = date.to_string();
        for entry in t.range((day.as_str(), 0)..=(day.as_str(), u64::MAX))?.rev() {
            let visit: Visit = parse(entry?.1.value())?;
            // Exactly `since` is outside: a window of 60 minutes counts 10:00 after 09:00.
            if visit.at <= since {
                break;
            }
            if matches!(&visit.visitor, Visitor::Member(m) if m.as_str() == no) {
                latest = latest.max(Some(visit.at));
                break;
            }
        }
    }
    Ok(latest)
}
