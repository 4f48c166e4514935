//! What each screen shows, loaded from the store: on opening it, and again whenever another
//! process or another counter changed something.

use super::*;

impl App {
    /// Reloads what the current screen shows from the store.
    pub fn reload(&mut self) {
        match self.store.changes() {
            Ok(n) => self.seen_changes = n,
            Err(e) => return self.fail(&e),
        }
        let result = match &self.screen {
            Screen::Queue(_) => self.queue_rows().map(Some),
            _ => Ok(None),
        };
        match result {
            Ok(Some(rows)) => {
                if let Screen::Queue(q) = &mut self.screen {
                    q.set_rows(rows);
                }
            }
            Ok(None) => {}
            Err(e) => return self.fail(&e),
        }
        if let Screen::Members(m) = &self.screen {
            let query = m.query().to_string();
            self.search_members(&query);
        }
        if let Screen::Audit(a) = &self.screen {
            let filter = a.filter().to_string();
            self.load_audit(&filter);
        }
        if matches!(self.screen, Screen::Dashboard(_)) {
            self.load_dashboard();
        }
        if matches!(self.screen, Screen::Accounts(_)) {
            self.load_accounts();
        }
        if let Screen::Detail(d) = &self.screen {
            let no = d.member_no().to_string();
            match self.detail_data(&no) {
                Ok((m, r, p)) => {
                    if let Screen::Detail(d) = &mut self.screen {
                        d.set_data(m, r, p);
                    }
                }
                Err(e) => self.fail(&e),
            }
        }
    }

    pub(super) fn queue_rows(&self) -> crate::store::Result<Vec<Row>> {
        let open: Vec<RequestState> = RequestState::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .collect();
        let mut rows = Vec::new();
        for request in self.store.requests_in(&open)? {
            let member = self.store.member(request.member_no.as_str())?;
            rows.push(Row::new(request, member.as_ref()));
        }
        rows.sort_by_key(|r| (r.request.registered_at(), r.request.id));
        Ok(rows)
    }

    #[allow(clippy::type_complexity)]
    pub(super) fn detail_data(
        &self,
        no: &str,
    ) -> crate::service::Result<(
        crate::domain::member::Member,
        Option<workflow::CardRequest>,
        Option<Vec<u8>>,
    )> {
        let desk = self.desk();
        let member = desk.member(no)?;
        let request = self.store.current_request_for(no)?;
        let photo = self.store.photo(no)?;
        Ok((member, request, photo))
    }

    /// The members matching `query`, each with their cards and requests, into the screen.
    pub(super) fn search_members(&mut self, query: &str) {
        let found = (|| -> crate::store::Result<Vec<MemberRow>> {
            let mut rows = Vec::new();
            for member in self.store.search_members(query, 50)? {
                let no = member.member_no.to_string();
                rows.push(MemberRow {
                    cards: self.store.cards_for(&no)?,
                    requests: self.store.requests_for(&no)?,
                    member,
                });
            }
            Ok(rows)
        })();
        match found {
            Ok(rows) => {
                if let Screen::Members(m) = &mut self.screen {
                    m.set_rows(rows);
                }
            }
            Err(e) => self.fail(&e),
        }
    }

    /// The newest audit entries matching the filter, into the audit screen.
    pub(super) fn load_audit(&mut self, filter: &str) {
        match self
            .store
            .audit_matching(audit::SHOWN, |e| audit::matches(e, filter))
        {
            Ok(rows) => {
                if let Screen::Audit(a) = &mut self.screen {
                    a.set_rows(rows);
                }
            }
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn load_dashboard(&mut self) {
        // Taken out rather than copied: the refresh only reads it (for the week's figures).
        let previous = match &mut self.screen {
            Screen::Dashboard(d) => d.take_data(),
            _ => None,
        };
        let data = self.desk().dashboard_after(previous.as_ref());
        let (now, standards) = (self.now, self.config.standard_minutes);
        let shown = match data {
            Ok(data) => Some(data),
            Err(e) => {
                self.fail(&e);
                previous
            }
        };
        if let (Screen::Dashboard(d), Some(data)) = (&mut self.screen, shown) {
            d.set_data(data, now, &standards);
        }
    }
}
