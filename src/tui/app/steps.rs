//! The clerk's steps on the request in the detail screen (SOP 2–8), carried out through the
//! service layer; moved out of `app.rs` so that the app loop stays one screen long.

use crate::domain::checklist::CheckItem;
use crate::domain::workflow::{self, RequestState};
use crate::i18n::Localized;
use crate::photo::{Limits, PhotoConfig};
use crate::service::Verification;
use crate::service::printing::PrintChoice;

use super::super::screens::detail::{Mode, SideExit};
use super::{App, Notice, Screen, Step};

impl App {
    /// One of the clerk's steps on the request in the detail screen.
    pub(super) fn step(&mut self, step: Step) {
        let Screen::Detail(d) = &self.screen else {
            return;
        };
        let no = d.member_no().to_string();
        let shown = d.request().cloned();
        let member_name = d.member().map(|m| m.full_name.clone()).unwrap_or_default();
        let lang = self.lang;
        match step {
            Step::Call => {
                let Some(r) = shown else { return };
                match self.desk().act_on(&r, workflow::Action::Call) {
                    Ok(_) => self.say(crate::t!(
                        self.lang,
                        "tui-app-steps-applicant-called-enter-take-the-photo"
                    )),
                    Err(e) => self.fail(&e),
                }
            }
            Step::EditStoredPhoto => {
                // The original as uploaded when it was kept: recropping the stored crop
                // would lose resolution each time.
                let stored = self
                    .store
                    .photo_original(&no)
                    .and_then(|o| Ok(o.or(self.store.photo(&no)?)));
                match stored {
                    Ok(Some(bytes)) => self.open_editor(bytes),
                    Ok(None) => self.step(Step::LoadPhoto(String::new())),
                    Err(e) => self.fail(&e),
                }
            }
            Step::LoadPhoto(path) => match self.load_photo(&path, shown.as_ref()) {
                Ok(bytes) => self.open_editor(bytes),
                Err(Some(e)) => self.fail(&e),
                Err(None) => {
                    self.notice = Some(Notice {
                        text: crate::t!(self.lang, "tui-app-steps-no-camera-or-photo-inbox-is"),
                        error: true,
                    });
                }
            },
            Step::SavePhoto => {
                let Screen::Detail(d) = &self.screen else {
                    return;
                };
                let Mode::Editing { editor, bytes } = &d.mode else {
                    return;
                };
                let edit = *editor.edit();
                let result = self.desk().take_photo(&no, bytes, Some(edit));
                match result {
                    Ok(_) => {
                        if let Screen::Detail(d) = &mut self.screen {
                            d.mode = Mode::View;
                        }
                        self.say(crate::t!(
                            self.lang,
                            "tui-app-steps-photo-saved-enter-check-the-applicant"
                        ));
                    }
                    Err(e) => {
                        let text = e.localized(lang);
                        if let Screen::Detail(d) = &mut self.screen
                            && let Mode::Editing { editor, .. } = &mut d.mode
                            && let crate::service::ServiceError::Photo(pe) = e
                        {
                            editor.set_error(pe);
                        }
                        self.notice = Some(Notice { text, error: true });
                    }
                }
            }
            Step::OpenChecklist => {
                let desk = self.desk();
                let computed = desk
                    .member(&no)
                    .and_then(|m| desk.checklist(&m, &Verification::default()));
                match computed {
                    Ok(c) => {
                        if let Screen::Detail(d) = &mut self.screen {
                            d.open_checklist(c);
                        }
                    }
                    Err(e) => self.fail(&e),
                }
            }
            Step::Verify(v) => match self.desk().verify(&no, &v) {
                // The data does not match the document: straight into the correction, and
                // back to the checklist after it. The failure and its reason are in the history.
                Ok(r)
                    if r.state != RequestState::Verified
                        && v.failed
                            .as_ref()
                            .is_some_and(|(item, _)| *item == CheckItem::DataMatch) =>
                {
                    self.open_correction(&no, true);
                    if matches!(self.screen, Screen::Register(_)) {
                        self.say(crate::t!(
                            self.lang,
                            "tui-app-steps-the-data-does-not-match-the"
                        ));
                    }
                }
                Ok(r) if r.state == RequestState::Verified => {
                    if let Screen::Detail(d) = &mut self.screen {
                        d.mode = Mode::View;
                    }
                    self.say(crate::t!(
                        self.lang,
                        "tui-app-steps-data-verified-enter-print-the-card"
                    ));
                }
                Ok(r) => {
                    if let Screen::Detail(d) = &mut self.screen {
                        d.mode = Mode::View;
                    }
                    let state = r.state.localized(lang);
                    self.notice = Some(Notice {
                        text: crate::t!(
                            lang,
                            "tui-app-steps-verification-did-not-pass",
                            state = state
                        ),
                        error: true,
                    });
                }
                Err(e) => self.fail(&e),
            },
            Step::Print => {
                let result = self.desk().print_cards(&[no], &PrintChoice::default());
                match result {
                    Ok((job, _)) => self.say(crate::t!(
                        lang,
                        "tui-app-steps-card-sent-to-the-printer",
                        job = job.job_id.as_str()
                    )),
                    Err(e) => self.fail(&e),
                }
            }
            Step::SideExit { exit, reason } => {
                let Some(r) = shown else { return };
                let result = match exit {
                    SideExit::Reject => self
                        .desk()
                        .act_on(&r, workflow::Action::Reject { reason })
                        .map(|_| {
                            crate::t!(
                                self.lang,
                                "tui-app-steps-request-rejected-the-reason-is-recorded"
                            )
                        }),
                    SideExit::Cancel => self
                        .desk()
                        .act_on(&r, workflow::Action::Cancel { reason })
                        .map(|_| {
                            crate::t!(
                                self.lang,
                                "tui-app-steps-request-cancelled-the-reason-is-recorded"
                            )
                        }),
                    SideExit::Reprint => {
                        let choice = PrintChoice {
                            reprint_reason: Some(reason),
                            ..PrintChoice::default()
                        };
                        self.desk().print_cards(&[no], &choice).map(|_| {
                            crate::t!(
                                self.lang,
                                "tui-app-steps-card-printed-again-same-serial-once"
                            )
                        })
                    }
                };
                match result {
                    Ok(text) => self.say(text),
                    Err(e) => self.fail(&e),
                }
            }
            Step::Reassign { to } => match self.desk().reassign(&no, &to) {
                Ok(r) => self.say(crate::t!(
                    lang,
                    "tui-app-steps-request-handed-to",
                    clerk = r.handler().unwrap_or(&to)
                )),
                Err(e) => self.fail(&e),
            },
            Step::Laminate => {
                let Some(r) = shown else { return };
                match self.desk().act_on(&r, workflow::Action::Laminate) {
                    Ok(_) => self.say(crate::t!(
                        self.lang,
                        "tui-app-steps-card-cut-and-laminated-enter-hand"
                    )),
                    Err(e) => self.fail(&e),
                }
            }
            Step::HandOver { received_by } => {
                let Some(r) = shown else { return };
                self.hand_over(&r, &received_by, &member_name);
            }
        }
    }

    /// The photo editor on these bytes, in the detail screen.
    fn open_editor(&mut self, bytes: Vec<u8>) {
        match crate::photo::decode(&bytes, &Limits::default()) {
            Ok(img) => {
                let editor = crate::tui::screens::photo::PhotoEditor::new(img, self.picker.clone());
                if let Screen::Detail(d) = &mut self.screen {
                    d.mode = Mode::Editing {
                        editor: Box::new(editor),
                        bytes,
                    };
                }
            }
            Err(e) => self.fail(&e),
        }
    }

    /// The photo's bytes: from the typed file, else the capture command, else the newest new
    /// file in the inbox. `Err(None)`: none of them is set up or has a photo yet.
    fn load_photo(
        &self,
        path: &str,
        request: Option<&workflow::CardRequest>,
    ) -> Result<Vec<u8>, Option<crate::photo::PhotoError>> {
        use crate::photo::source;
        let limits = Limits::default();
        let path = path.trim();
        if !path.is_empty() {
            return source::read_file(std::path::Path::new(path), &limits).map_err(Some);
        }
        let config: PhotoConfig = self.config.section("photo").unwrap_or_default();
        if let Some(cmd) = &config.capture_command {
            let out =
                std::env::temp_dir().join(format!("loket-capture-{}.jpg", std::process::id()));
            let timeout = std::time::Duration::from_secs(config.capture_timeout_secs);
            return source::capture(cmd, &out, timeout).map_err(Some);
        }
        if let Some(dir) = &config.inbox {
            let since = request
                .map(|r| std::time::SystemTime::from(r.since()))
                .unwrap_or(std::time::UNIX_EPOCH);
            if let Some(file) = source::newest_in_inbox(dir, since).map_err(Some)? {
                return source::read_file(&file, &limits).map_err(Some);
            }
        }
        Err(None)
    }
}
