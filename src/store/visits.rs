//! The visitor book: visits under their local date, and the front desk's one count per member
//! within its window, checked inside the write so two terminals scanning one card count one.

use jiff::Timestamp;
use jiff::civil::Date;

use super::Result;
use crate::domain::visit::Visit;

area! {
    /// Visits to the library.
    pub trait VisitStore {
        /// Adds a visit to the visitor book under its local date.
        fn record_visit(&self, date: Date, visit: &Visit) -> Result<()>;

        /// Adds many visits in one transaction (a paper visitor book typed in afterwards, a
        /// benchmark's year of visits), each under its local date.
        fn record_visits(&self, visits: &[(Date, Visit)]) -> Result<()>;

        /// The visits of the local dates `first..=last`, day by day, each day in the order
        /// they were recorded.
        fn visits_between(&self, first: Date, last: Date) -> Result<Vec<Visit>>;

        /// The latest visit of member `no` after `since`, looked for in the visits of
        /// `dates` (the window's local dates). The cost is the visits inside the window, not
        /// the day's.
        fn last_visit_since(
            &self,
            no: &str,
            dates: &[Date],
            since: Timestamp,
        ) -> Result<Option<Timestamp>>;

        /// Records a member's visit unless one of theirs after `since` is already there,
        /// checked inside the write transaction, so two front-desk terminals scanning the same
        /// card at once count one visit. `Some(t)`: not recorded, the member was counted at
        /// `t`.
        fn record_member_visit(
            &self,
            date: Date,
            visit: &Visit,
            dates: &[Date],
            since: Timestamp,
        ) -> Result<Option<Timestamp>>;
    }
}

/// Made of the area's own methods, so no backend writes it again.
impl super::Store {
    /// The visits of one local date, in the order they were recorded.
    pub fn visits_on(&self, date: Date) -> Result<Vec<Visit>> {
        self.visits_between(date, date)
    }
}
