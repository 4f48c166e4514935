//! Scans at the counter: at handover the card in hand is checked against the applicant (a
//! wrong or older card blocks the handover, and is audited by the service); elsewhere a scan
//! calls up the card's holder, unless the card is an old one, which is refused in red.

use crate::domain::checkin::{CardState, Reason};
use crate::domain::workflow::CardRequest;
use crate::i18n::{Lang, Localized};
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
                Ok(_) => self.say(self.t(
                    "Kartu cocok dengan pemohon ini. Enter: catat serah terimanya.",
                    "The card matches this applicant. Enter: record the handover.",
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
                let text = match self.lang {
                    Lang::Id => format!(
                        "{} Data anggota {} dicari dengan / lalu nama atau nomornya.",
                        reason.localized(self.lang),
                        p.member_no()
                    ),
                    _ => format!(
                        "{} Look member {} up with / and the name or number.",
                        reason.localized(self.lang),
                        p.member_no()
                    ),
                };
                self.notice = Some(Notice { text, error: true });
            }
            Ok(None) => {
                let text = match self.lang {
                    Lang::Id => format!(
                        "Hasil pindai {code} bukan nomor anggota yang terdaftar. Cari dengan / lalu ketik nama atau NIK."
                    ),
                    _ => format!(
                        "The scan {code} is not a registered member number. Search with / and type the name or NIK."
                    ),
                };
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
                self.say(match self.lang {
                    Lang::Id => format!(
                        "Kartu diserahkan kepada {received_by} dan tercatat. Minta anggota memindai kartunya di meja depan. Esc: kembali ke antrean."
                    ),
                    _ => format!(
                        "Card handed to {received_by} and recorded. Ask the member to scan the card at the front desk. Esc: back to the queue."
                    ),
                });
            }
            Err(e) => self.fail(&e),
        }
    }
}
