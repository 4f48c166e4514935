//! Members: registration (the member number allocated inside it), look-ups by number, NIK and
//! name, and corrections. The NIK is unique among pending and active members in every backend.

use jiff::Timestamp;
use jiff::civil::Date;

use super::Result;
use super::photos::PhotoWrite;
use crate::domain::member::{Member, ValidDraft};
use crate::domain::member_no::MemberNoScheme;
use crate::domain::text::name_words;
use crate::domain::workflow::{Actor, CardRequest, Source};

/// What a registration writes, all in one transaction.
pub struct Registration<'a> {
    pub draft: ValidDraft,
    pub scheme: &'a MemberNoScheme,
    pub today: Date,
    pub at: Timestamp,
    pub actor: &'a Actor,
    pub source: Source,
}

area! {
    /// Members and their registration.
    pub trait MemberStore {
        /// Registers a member (pending) with a new-card request, allocating the member number
        /// inside the same write transaction so that two counters never get the same number.
        fn register(&self, reg: Registration) -> Result<(Member, CardRequest)>;

        /// Registers a member together with the photo they sent (the online form): one
        /// transaction, so there is never an online member whose upload was lost, nor a photo
        /// without its member. The photo step is not recorded: it is checked at the counter.
        fn register_with_photo(
            &self,
            reg: Registration,
            photo: &PhotoWrite,
        ) -> Result<(Member, CardRequest)>;

        /// Registers many in one transaction: all or none. For imports and for building large
        /// stores in benchmarks, where a commit per member would be the cost.
        fn register_many(&self, regs: Vec<Registration>) -> Result<Vec<(Member, CardRequest)>>;

        /// Several members read in one read transaction, in the order asked (`None` for a
        /// number not in the store): a list of a hundred names costs one look, not a hundred.
        fn members_many(&self, nos: &[&str]) -> Result<Vec<Option<Member>>>;

        fn member(&self, no: &str) -> Result<Option<Member>>;

        fn member_count(&self) -> Result<u64>;

        /// Every member, in member-number order (exports, reports).
        fn members(&self) -> Result<Vec<Member>>;

        /// Members registered under this NIK, current or past.
        fn members_by_nik(&self, nik: &str) -> Result<Vec<Member>>;

        /// The pending or active member holding this NIK, if any.
        fn nik_holder(&self, nik: &str, except: Option<&str>) -> Result<Option<Member>>;

        /// Finds members by a member number, a NIK, or name-word prefixes ("sit rah" finds
        /// "Siti Rahayu"), case- and accent-insensitive. At most `limit` results.
        fn search_members(&self, query: &str, limit: usize) -> Result<Vec<Member>>;

        /// Saves a changed member (data corrected at the counter), keeping indexes right and
        /// NIK unique among pending and active members.
        fn update_member(&self, m: &Member, actor: &Actor, at: Timestamp, what: &str) -> Result<()>;

        /// Saves a corrected member if the stored one is still `before` (what the clerk's form
        /// was filled from); otherwise refuses and names who changed it. The NIK stays unique
        /// among pending and active members, and the name and NIK indexes follow the change.
        fn save_member_edit(
            &self,
            before: &Member,
            after: &Member,
            actor: &Actor,
            at: Timestamp,
            detail: &str,
        ) -> Result<()>;
    }
}

/// `search_members` as every backend answers it: a member number first, then a whole NIK,
/// else name words, where `by_words(longest, words)` walks the backend's word index from the
/// longest word's prefix (the most selective) and keeps the members whose name has every word
/// ([`has_every_word`]), at most `limit`.
pub(crate) fn search<S: MemberStore + ?Sized>(
    store: &S,
    query: &str,
    limit: usize,
    by_words: impl FnOnce(&str, &[String]) -> Result<Vec<Member>>,
) -> Result<Vec<Member>> {
    let q = query.trim();
    if q.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    if let Some(m) = store.member(q)? {
        return Ok(vec![m]);
    }
    let digits: String = q
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if digits.len() == 16 && digits.chars().all(|c| c.is_ascii_digit()) {
        let mut found = store.members_by_nik(&digits)?;
        found.truncate(limit);
        return Ok(found);
    }
    let words = name_words(q);
    match words.iter().max_by_key(|w| w.len()) {
        Some(longest) => by_words(longest, &words),
        None => Ok(Vec::new()),
    }
}

/// Whether every word searched for begins a word of the member's name.
pub(crate) fn has_every_word(m: &Member, words: &[String]) -> bool {
    let own = name_words(&m.full_name);
    words
        .iter()
        .all(|w| own.iter().any(|o| o.starts_with(w.as_str())))
}
