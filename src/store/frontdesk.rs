//! The front desk's look-up of a scanned code: everything a scan decides on and shows, asked
//! of the store at once. On redb that is the areas' own reads in one read transaction; on
//! PostgreSQL one statement, since there each read is a round trip to the server and a scan
//! asked seven queries (issue 19).

use jiff::Timestamp;
use jiff::civil::Date;

use super::{Backend, Result, Store};
use crate::domain::member::Member;
use crate::domain::staff::CardRecord;
use crate::domain::workflow::CardRequest;

/// What the store holds about the holder of a scanned code.
#[derive(Debug, Clone, PartialEq)]
pub struct Scanned {
    /// The card whose serial the code is; `None` when the code is a bare member number.
    pub card: Option<CardRecord>,
    pub member: Member,
    /// Every card of the member, by serial.
    pub cards: Vec<CardRecord>,
    /// [`Store::current_request_for`] the member.
    pub request: Option<CardRequest>,
    /// [`Store::last_visit_since`] with the same window.
    pub last_visit: Option<Timestamp>,
    pub photo: Option<Vec<u8>>,
    /// [`Store::photo_preview`].
    pub preview: Option<Vec<u8>>,
}

/// The holder of a scanned or typed code ([`Store::holder`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Holder {
    /// The card whose serial the code is; `None` when the code is a bare member number.
    pub card: Option<CardRecord>,
    pub member: Member,
    /// Every card of the member, by serial.
    pub cards: Vec<CardRecord>,
}

impl Store {
    /// The holder of the code spelt any of these ways (tried in order: first as a card's
    /// serial, then as a member number), with their cards, current request, last visit inside
    /// the window (`dates`, `since` as for [`Store::last_visit_since`]), photo and preview.
    /// `None` when no card or member has the code, or a card's member is gone.
    pub fn scanned(
        &self,
        spellings: &[String],
        dates: &[Date],
        since: Timestamp,
    ) -> Result<Option<Scanned>> {
        match &self.backend {
            Backend::Redb(b) => b.reading(|| self.scanned_read_by_read(spellings, dates, since)),
            Backend::Postgres(b) => b.scanned(spellings, dates, since),
        }
    }

    /// The card whose serial is the first spelling found as one, else `None` and the member
    /// whose number is the first found as one; with the member and all their cards. `None`
    /// when neither is found, or a card's member is gone. What `Desk::identify_card` and the
    /// front desk's scan read a code by.
    pub fn holder(&self, spellings: &[String]) -> Result<Option<Holder>> {
        // The first spelling found, or the first error met on the way.
        let card = spellings
            .iter()
            .find_map(|s| self.card(s).transpose())
            .transpose()?;
        let member = match &card {
            Some(c) => self.member(c.member_no.as_str())?,
            None => spellings
                .iter()
                .find_map(|s| self.member(s).transpose())
                .transpose()?,
        };
        let Some(member) = member else {
            return Ok(None);
        };
        let cards = self.cards_for(member.member_no.as_str())?;
        Ok(Some(Holder {
            card,
            member,
            cards,
        }))
    }

    /// [`Store::scanned`] made of the areas' own reads: what redb runs (in one read
    /// transaction), and what PostgreSQL's one statement is held to by the contract tests.
    pub(crate) fn scanned_read_by_read(
        &self,
        spellings: &[String],
        dates: &[Date],
        since: Timestamp,
    ) -> Result<Option<Scanned>> {
        let Some(Holder {
            card,
            member,
            cards,
        }) = self.holder(spellings)?
        else {
            return Ok(None);
        };
        let no = member.member_no.to_string();
        Ok(Some(Scanned {
            card,
            cards,
            request: self.current_request_for(&no)?,
            last_visit: self.last_visit_since(&no, dates, since)?,
            photo: self.photo(&no)?,
            preview: self.photo_preview(&no)?,
            member,
        }))
    }
}
