//! The care around the steps (issue 13): correcting a member's data from the request and
//! member screens, undoing a mistaken step, and the administrator's accounts screen.

use crossterm::event::{KeyCode, KeyEvent};

use crate::domain::correction::{draft_of, may_correct};
use crate::domain::member::MemberDraft;
use crate::domain::staff::Role;
use crate::i18n::Localized;
use crate::service::ServiceError;
use crate::service::accounts;
use crate::tui::screens::accounts::AccountsScreen;
use crate::tui::screens::detail::Mode;
use crate::tui::screens::history;
use crate::tui::screens::register::{Editing, RegisterScreen};
use crate::tui::screens::undo::{PromptKey, UndoPrompt};

use super::{Action, App, Notice, Screen, Step};

/// Corrections and undos.
#[derive(Debug, Clone, PartialEq)]
pub enum Correct {
    /// The registration form filled with this member's data.
    Open(String),
    /// The corrected form, for the member the form was opened for.
    Save(Box<MemberDraft>),
    /// The correction abandoned: back where it was opened from.
    Cancel,
    /// Ask for the reason to undo the last step of the request shown.
    AskUndo,
    Undo {
        reason: String,
    },
}

/// The administrator's changes to accounts.
#[derive(Debug, Clone, PartialEq)]
pub enum AccountAction {
    Open,
    SetRole { name: String, role: Role },
    SetActive { name: String, active: bool },
    SetPassword { name: String, password: String },
}

impl App {
    /// Keys of issue 13 on screens that do not know them: `e` (correct) and `z` (undo) on the
    /// request screen, `e` on the members screen, `u` (accounts) on an administrator's queue.
    pub(super) fn care_key(&mut self, key: KeyEvent) -> Option<Action> {
        let KeyCode::Char(c) = key.code else {
            return None;
        };
        match &self.screen {
            Screen::Detail(d) if !d.typing() && matches!(d.mode, Mode::View) => match c {
                'e' => Some(Action::Correct(Correct::Open(d.member_no().to_string()))),
                'z' if d.request().is_some() => Some(Action::Correct(Correct::AskUndo)),
                _ => None,
            },
            Screen::Members(m) if !m.typing() && c == 'e' => {
                m.selected_no().map(|no| Action::Correct(Correct::Open(no)))
            }
            Screen::Queue(q) if !q.typing() && c == 'u' && self.role() == Some(Role::Admin) => {
                Some(Action::Accounts(AccountAction::Open))
            }
            _ => None,
        }
    }

    /// The undo prompt takes every key while it is open. `true`: the key was its.
    pub(super) fn undo_prompt_key(&mut self, key: KeyEvent) -> bool {
        let Some(p) = &mut self.undo_prompt else {
            return false;
        };
        match p.handle_key(key) {
            PromptKey::Stay => {}
            PromptKey::Close => self.undo_prompt = None,
            PromptKey::Act(a) => {
                self.undo_prompt = None;
                self.update(a);
            }
        }
        true
    }

    pub(super) fn correct(&mut self, c: Correct) {
        match c {
            Correct::Open(no) => self.open_correction(&no, false),
            Correct::Save(draft) => self.save_correction(&draft),
            Correct::Cancel => {
                let back = match &self.screen {
                    Screen::Register(s) => s.editing().cloned(),
                    _ => None,
                };
                if let Some(e) = back {
                    self.back_from_correction(&e);
                    self.say(crate::t!(
                        self.lang,
                        "tui-app-care-the-correction-was-not-saved-the"
                    ));
                }
            }
            Correct::AskUndo => {
                let Screen::Detail(d) = &self.screen else {
                    return;
                };
                let lang = self.lang;
                let last = d
                    .request()
                    .and_then(|r| r.last_undoable())
                    .map(|t| (history::label(t, lang), t.by.clone()));
                match last {
                    Some((step, by)) => self.undo_prompt = Some(UndoPrompt::new(step, by)),
                    None => self.fail(&crate::domain::undo::UndoError::NothingToUndo),
                }
            }
            Correct::Undo { reason } => {
                let Screen::Detail(d) = &self.screen else {
                    return;
                };
                let no = d.member_no().to_string();
                let result = self.desk().undo_last(&no, self.role(), &reason);
                match result {
                    Ok(u) => {
                        let state = u.request.state.localized(self.lang);
                        let mut text =
                            crate::t!(self.lang, "tui-app-care-step-undone", state = state);
                        if let Some(serial) = u.spoiled_serial {
                            text.push(' ');
                            text.push_str(&crate::t!(
                                self.lang,
                                "tui-app-care-card-recorded-spoiled",
                                serial = serial.to_string()
                            ));
                        }
                        self.reload();
                        self.say(text);
                    }
                    Err(e) => self.fail(&e),
                }
            }
        }
    }

    /// The form filled with the member's data; `back_to_checklist` after a checklist found
    /// the data not matching the document.
    pub(super) fn open_correction(&mut self, no: &str, back_to_checklist: bool) {
        let desk = self.desk();
        let found = desk.member(no).and_then(|m| {
            let state = desk.store.current_request_for(no)?.map(|r| r.state);
            Ok((m, state))
        });
        let (member, state) = match found {
            Ok(f) => f,
            Err(e) => return self.fail(&e),
        };
        if let Err(e) = may_correct(self.role().unwrap_or(Role::Staff), state) {
            return self.fail(&ServiceError::from(e));
        }
        let rules = desk.rules();
        let s = RegisterScreen::for_correction(
            rules.today,
            rules.member_types,
            rules.regency_code,
            draft_of(&member),
            Editing {
                before: member,
                back_to_checklist,
            },
        );
        self.screen = Screen::Register(Box::new(s));
    }

    fn back_from_correction(&mut self, e: &Editing) {
        self.open_detail(e.before.member_no.as_str());
        if e.back_to_checklist {
            self.step(Step::OpenChecklist);
        }
    }

    fn save_correction(&mut self, draft: &MemberDraft) {
        let Screen::Register(s) = &self.screen else {
            return;
        };
        let Some(editing) = s.editing().cloned() else {
            return;
        };
        let result = self
            .desk()
            .correct_member(&editing.before, draft, self.role());
        match result {
            Ok(done) => {
                self.back_from_correction(&editing);
                let no = done.member.member_no.to_string();
                let mut text = crate::t!(self.lang, "tui-app-care-member-data-corrected", no = no);
                if done.card_out_of_date {
                    text.push(' ');
                    text.push_str(self.lang.text("tui-app-care-the-card-still-shows-the-old"));
                }
                if editing.back_to_checklist {
                    text.push(' ');
                    text.push_str(
                        self.lang
                            .text("tui-app-care-go-through-the-checklist-again"),
                    );
                }
                self.say(text);
            }
            Err(ServiceError::Invalid(errors)) => {
                if let Screen::Register(s) = &mut self.screen {
                    s.show_errors(errors);
                }
                self.notice = Some(Notice {
                    text: crate::t!(self.lang, "tui-app-care-the-correction-cannot-be-saved-yet"),
                    error: true,
                });
            }
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn accounts(&mut self, a: AccountAction) {
        if self.role() != Some(Role::Admin) {
            return self.update(Action::Notice(
                "tui-app-care-staff-accounts-are-managed-by-an",
            ));
        }
        let (store, actor, now, lang) =
            (&self.store, self.desk().actor, self.clock.now(), self.lang);
        let result = match &a {
            AccountAction::Open => {
                self.screen = Screen::Accounts(Box::new(AccountsScreen::new()));
                Ok(None)
            }
            AccountAction::SetRole { name, role } => {
                accounts::set_role(store, name, *role, &actor, now).map(|_| {
                    Some(crate::t!(
                        lang,
                        "tui-app-care-role-is-now",
                        name = name.as_str(),
                        role = super::role_text(*role, lang)
                    ))
                })
            }
            AccountAction::SetActive { name, active } => {
                accounts::set_active(store, name, *active, &actor, now).map(|_| {
                    let id = if *active {
                        "tui-app-care-account-active-again"
                    } else {
                        "tui-app-care-account-disabled"
                    };
                    Some(crate::t!(lang, id, name = name.as_str()))
                })
            }
            AccountAction::SetPassword { name, password } => {
                accounts::set_password(store, name, password, &actor, now).map(|_| {
                    Some(crate::t!(
                        lang,
                        "tui-app-care-password-was-set",
                        name = name.as_str()
                    ))
                })
            }
        };
        match result {
            Ok(text) => {
                self.load_accounts();
                if let Some(text) = text {
                    self.say(text);
                }
            }
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn load_accounts(&mut self) {
        match self.store.accounts() {
            Ok(rows) => {
                if let Screen::Accounts(s) = &mut self.screen {
                    s.set_rows(rows);
                }
            }
            Err(e) => self.fail(&e),
        }
    }
}
