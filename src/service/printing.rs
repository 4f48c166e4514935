//! SOP 5: cards rendered from the template and printed through CUPS. The request is marked
//! printed only after the printer took the job; a refused job changes nothing.

use std::path::PathBuf;

use crate::card::print::{PrintError, PrintJob, kept_pdf_path};
use crate::card::template::Template;
use crate::card::{CardConfig, CardData, CardError, LibraryInfo, SheetKind, pdf::render_pdf};
use crate::domain::workflow::{CardRequest, RequestState};

use super::{Desk, Result, ServiceError};
use crate::store::{PrintClaim, PrintOutcome, StoreError};

/// How to lay out this run: the config's, with what the clerk chose for this print.
#[derive(Debug, Clone, Default)]
pub struct PrintChoice {
    pub sheet: Option<SheetKind>,
    /// 1-based slot on a partly used A4 sheet where the first card goes.
    pub start: Option<usize>,
    pub printer: Option<String>,
    /// Printing again a card already printed and not yet handed over.
    pub reprint_reason: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum PrintingError {
    #[error(transparent)]
    Card(#[from] CardError),
    #[error(transparent)]
    Print(#[from] PrintError),
    #[error(transparent)]
    Template(#[from] crate::card::template::TemplateError),
    #[error("request of {member_no} is {state}, not ready to print")]
    NotReady {
        member_no: String,
        state: RequestState,
    },
}

impl crate::i18n::Localized for PrintingError {
    fn localized(&self, lang: crate::i18n::Lang) -> String {
        match self {
            PrintingError::Card(e) => e.localized(lang),
            PrintingError::Print(e) => e.localized(lang),
            PrintingError::Template(e) => e.localized(lang),
            PrintingError::NotReady { member_no, state } => crate::t!(
                lang,
                "service-printing-not-ready",
                member_no = member_no.as_str(),
                state = state.localized(lang)
            ),
        }
    }
}

impl From<PrintingError> for ServiceError {
    fn from(e: PrintingError) -> Self {
        ServiceError::Printing(Box::new(e))
    }
}

impl Desk<'_> {
    pub fn card_config(&self) -> Result<CardConfig> {
        Ok(self.config.section("card")?)
    }

    pub fn library_info(&self) -> LibraryInfo {
        let l = &self.config.library;
        LibraryInfo {
            name: l.name.clone(),
            address: l.address.clone(),
            contact: l.contact.clone(),
            rules: l.rules.clone(),
            logo: l.logo.as_ref().map(|p| self.data_path(p)),
        }
    }

    /// `p` as given when absolute, else inside the store's folder.
    pub fn data_path(&self, p: &std::path::Path) -> PathBuf {
        match self.store.path().parent() {
            Some(dir) if p.is_relative() => dir.join(p),
            _ => p.to_path_buf(),
        }
    }

    /// The card of a member as it would print now. A member not yet verified is shown with
    /// the validity activation would give today, so a preview works in any state.
    pub fn card_data(&self, no: &str, serial: Option<String>) -> Result<CardData> {
        let mut member = self.member(no)?;
        let member_type = self
            .config
            .member_type(&member.member_type)
            .ok_or_else(|| ServiceError::UnknownMemberType(member.member_type.clone()))?;
        if member.valid_until.is_none() {
            member.activate(member_type, self.clock.today());
        }
        let photo = self.store.photo(no)?;
        Ok(CardData::from_member(&member, member_type, photo, serial)
            .map_err(PrintingError::from)?)
    }

    /// Renders the cards of these members into one PDF (a preview: no state changes).
    pub fn render_cards(&self, nos: &[String], choice: &PrintChoice) -> Result<Vec<u8>> {
        let config = self.card_config()?;
        let mut cards = Vec::new();
        for no in nos {
            let serial = match self.store.current_request_for(no)? {
                Some(r) if r.state.is_open() => Some(self.card_serial_for(&r)?),
                _ => None,
            };
            cards.push(self.card_data(no, serial)?);
        }
        self.render(&cards, &config, choice)
    }

    fn render(
        &self,
        cards: &[CardData],
        config: &CardConfig,
        choice: &PrintChoice,
    ) -> Result<Vec<u8>> {
        let template = Template::load(config.template.as_deref()).map_err(PrintingError::from)?;
        // `--start` is the first free slot, 1–10; 0 is no slot at all, so it is refused
        // (as the slot after the last is) rather than taken for 1.
        let skip = match choice.start {
            None => 0,
            Some(start) if start == 0 || start > crate::card::sheet::A4_SLOTS => {
                return Err(PrintingError::from(CardError::StartSlot {
                    start,
                    slots: crate::card::sheet::A4_SLOTS,
                })
                .into());
            }
            Some(start) => start - 1,
        };
        let mut opts = config.render_options(skip);
        if let Some(sig) = &mut opts.signature {
            sig.image = sig.image.as_ref().map(|p| self.data_path(p));
            sig.stamp = sig.stamp.as_ref().map(|p| self.data_path(p));
        }
        if let Some(sheet) = choice.sheet {
            opts.sheet = sheet;
        }
        Ok(render_pdf(cards, &self.library_info(), &template, &opts)
            .map_err(PrintingError::from)?)
    }

    /// Where printed PDFs are kept: beside the store, under `cards/`.
    pub fn cards_dir(&self) -> PathBuf {
        self.store
            .path()
            .parent()
            .map(|p| p.join("cards"))
            .unwrap_or_else(|| PathBuf::from("cards"))
    }

    /// SOP 5 for one or several verified requests, on one sheet. Nothing is recorded unless
    /// the printer accepted the job.
    pub fn print_cards(
        &self,
        nos: &[String],
        choice: &PrintChoice,
    ) -> Result<(PrintJob, Vec<CardRequest>)> {
        let mut config = self.card_config()?;
        if let Some(p) = &choice.printer {
            config.printer = p.clone();
        }
        if let Some(sheet) = choice.sheet {
            config.sheet = sheet;
        }
        let mut requests = Vec::new();
        let mut cards = Vec::new();
        for no in nos {
            let r = self.open_request(no)?;
            let ready = match r.state {
                RequestState::Verified => true,
                RequestState::Printed | RequestState::Laminated => choice.reprint_reason.is_some(),
                _ => false,
            };
            if !ready {
                return Err(PrintingError::NotReady {
                    member_no: no.clone(),
                    state: r.state,
                }
                .into());
            }
            cards.push(self.card_data(no, Some(self.card_serial_for(&r)?))?);
            requests.push(r);
        }
        let pdf = self.render(&cards, &config, choice)?;
        let ids: Vec<String> = requests.iter().map(|r| r.id.to_string()).collect();
        // The attempt's number comes from the store, so each attempt has a PDF of its own.
        let pattern = kept_pdf_path(
            &self.cards_dir(),
            &format!("request-{}", ids.join("-")),
            "{attempt}",
        );
        let claimed: Vec<(u64, u32, String)> = requests
            .iter()
            .map(|r| (r.id, r.version, r.member_no.to_string()))
            .collect();
        let attempt = self
            .store
            .claim_print(&PrintClaim {
                requests: &claimed,
                actor: &self.actor,
                at: self.clock.now(),
                pdf_pattern: &pattern.display().to_string(),
            })
            .map_err(|e| match e {
                StoreError::Conflict { .. } => match requests.first() {
                    // Printed meanwhile (a second press, another counter): say what it is now.
                    Some(r) => match self.store.request(r.id) {
                        Ok(Some(now)) if now.state != r.state => {
                            ServiceError::from(PrintingError::NotReady {
                                member_no: r.member_no.to_string(),
                                state: now.state,
                            })
                        }
                        _ => e.into(),
                    },
                    None => e.into(),
                },
                e => e.into(),
            })?;
        let keep_at = PathBuf::from(&attempt.pdf);
        let job = match config.print(&pdf, &keep_at) {
            Ok(job) => job,
            Err(e) => {
                let reason = e.to_string();
                self.store.finish_print(
                    &attempt,
                    PrintOutcome::Failed { reason },
                    &self.actor,
                    self.clock.now(),
                )?;
                return Err(PrintingError::from(e).into());
            }
        };
        let mut done = Vec::new();
        let mut failed = None;
        for r in &requests {
            match self.record_print(r, choice.reprint_reason.clone()) {
                Ok(next) => done.push(next),
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        // The job is out either way: the attempt says so even when a request changed meanwhile.
        self.store.finish_print(
            &attempt,
            PrintOutcome::Printed {
                job_id: job.job_id.clone(),
            },
            &self.actor,
            self.clock.now(),
        )?;
        if let Some(e) = failed {
            return Err(e);
        }
        Ok((job, done))
    }
}
