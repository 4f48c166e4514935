//! Scans at the counter: at handover the card in hand is checked against the applicant (a
//! wrong or older card blocks the handover, and is audited by the service); elsewhere a scan
//! calls up the card's holder, unless the card is an old one, which is refused in red.

use crate::domain::checkin::{CardState, Reason};
use crate::domain::workflow::CardRequest;
use crate::i18n::Localized;
use crate::tui::screens::handover::CardCheck;

use super::{App, Mode, Notice, Screen};

impl App {
    pub(super) fn on_scan(&mut self, text: &str) {
        if self.user.is_none() {
            return;
        }
        let code = text.trim().to_string();
        if let Screen::Detail(d) = &self.screen
            && matches!(d.mode, Mode::Handover { .. })
        {
            let Some(r) = d.request().cloned() else {
                return;
            };
            let checked = self.desk().check_handover_card(&r, &code);
            if let Screen::Detail(d) = &mut self.screen {
                d.card_check = match &checked {
                    Ok(serial) => CardCheck::Matches(serial.clone()),
                    Err(_) => CardCheck::Refused(code.clone()),
                };
            }
            return match checked {
                Ok(_) => self.say(crate::t!(
                    self.lang,
                    "tui-app-card-check-the-card-matches-this-applicant-enter"
                )),
                Err(e) => self.fail(&e),
            };
        }
        match self.desk().identify_card(&code) {
            Ok(Some(p)) => {
                let reason = match p.state.clone() {
                    CardState::Usable => return self.open_detail(p.member_no()),
                    CardState::Replaced { by } => Reason::CardReplaced { by },
                    CardState::Blocked { note } => Reason::CardBlocked { note },
                    CardState::NumberOnly { newest } => Reason::NumberOnly { newest },
                };
                let text = crate::t!(
                    self.lang,
                    "tui-app-card-check-look-member-up",
                    reason = reason.localized(self.lang),
                    no = p.member_no().to_string()
                );
                self.notice = Some(Notice { text, error: true });
            }
            Ok(None) => {
                let text = crate::t!(
                    self.lang,
                    "tui-app-card-check-scan-not-a-member",
                    code = code
                );
                self.notice = Some(Notice { text, error: true });
            }
            Err(e) => self.fail(&e),
        }
    }

    /// SOP 7–8 from the handover popup: recorded only if the card check allows it.
    pub(super) fn hand_over(&mut self, r: &CardRequest, received_by: &str, member_name: &str) {
        let allow = match self.desk().handover_config() {
            Ok(c) => c.allow_unchecked,
            Err(e) => return self.fail(&e),
        };
        let Screen::Detail(d) = &self.screen else {
            return;
        };
        let serial = match d.card_check.may_record(allow) {
            Ok(s) => s.map(String::from),
            Err(refusal) => {
                self.notice = Some(Notice {
                    text: refusal.message(self.lang).into(),
                    error: true,
                });
                return;
            }
        };
        let received_by = received_by.trim().to_string();
        let representative = !received_by.eq_ignore_ascii_case(member_name.trim());
        match self
            .desk()
            .hand_over(r, &received_by, representative, serial.as_deref())
        {
            Ok(_) => {
                if let Screen::Detail(d) = &mut self.screen {
                    d.mode = Mode::View;
                    d.card_check = CardCheck::NotScanned;
                }
                self.say(crate::t!(
                    self.lang,
                    "tui-app-card-check-card-handed-to",
                    received_by = received_by
                ));
            }
            Err(e) => self.fail(&e),
        }
    }
}
