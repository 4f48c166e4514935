//! The queue's marked requests, several at once: printed on one sheet (SOP 5), back from the
//! laminator together (SOP 6).

use super::*;

impl App {
    /// SOP 5 for several verified requests at once: one job, the cards side by side on the
    /// configured sheet. Nothing is recorded unless the printer took the job.
    pub(super) fn print_marked(&mut self, nos: &[String]) {
        if nos.is_empty() {
            return self.update(Action::Notice("tui-app-no-verified-request-is-marked-mark"));
        }
        match self.desk().print_cards(nos, &PrintChoice::default()) {
            Ok((job, done)) => self.say(crate::t!(
                self.lang,
                "tui-app-cards-sent-to-the-printer",
                n = done.len(),
                job = job.job_id.as_str()
            )),
            Err(e) => self.fail(&e),
        }
    }

    /// SOP 6 for a batch back from the laminator. Each request is its own step: one that
    /// another counter moved meanwhile is named and the rest still recorded.
    pub(super) fn laminate_marked(&mut self, nos: &[String]) {
        if nos.is_empty() {
            return self.update(Action::Notice("tui-app-no-printed-request-is-marked-mark"));
        }
        let desk = self.desk();
        let mut done = 0;
        let mut failed = Vec::new();
        for no in nos {
            match desk.act(no, workflow::Action::Laminate) {
                Ok(_) => done += 1,
                Err(e) => failed.push(format!("{no}: {}", e.localized(self.lang))),
            }
        }
        let mut text = crate::t!(self.lang, "tui-app-cards-recorded-as-laminated", n = done);
        for f in &failed {
            text.push('\n');
            text.push_str(f);
        }
        self.notice = Some(Notice {
            text,
            error: !failed.is_empty(),
        });
    }
}
