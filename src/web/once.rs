//! One registration per form: the CSRF token of a form that registered someone is spent.
//! A second send of it (a double click, a replay of the request) registers nobody and goes to
//! the confirmation of the registration the first send made.

use crate::i18n::Lang;
use crate::store::{Store, StoreError, TokenUse};

/// The time a token was made and its nonce: `MADE-NONCE.SIGNATURE`, already checked by
/// `Signer::check_csrf`.
pub fn token_parts(token: &str) -> Option<(i64, &str)> {
    let (body, _sig) = token.rsplit_once('.')?;
    let (made, nonce) = body.split_once('-')?;
    Some((made.parse().ok()?, nonce))
}

/// A form's token, claimed for its one registration.
pub struct Spent<'a> {
    store: &'a Store,
    made: i64,
    nonce: &'a str,
}

impl<'a> Spent<'a> {
    /// Claims `token`: `Ok(Err(use))` when it was used already.
    pub fn claim(
        store: &'a Store,
        token: &'a str,
        now: i64,
        max_age_secs: i64,
    ) -> Result<Result<Spent<'a>, TokenUse>, StoreError> {
        let Some((made, nonce)) = token_parts(token) else {
            return Ok(Err(TokenUse::InFlight));
        };
        // Twice the form's age and a minute: a token that old is refused as expired anyway.
        let forget_before = now - 2 * max_age_secs - 60;
        Ok(match store.use_form_token(made, nonce, forget_before)? {
            TokenUse::Fresh => Ok(Spent { store, made, nonce }),
            used => Err(used),
        })
    }

    /// After the registration: spent for `member_no`, or given back when none was made.
    pub fn settle(self, member_no: Option<&str>) {
        if let Err(e) = self
            .store
            .settle_form_token(self.made, self.nonce, member_no)
        {
            tracing::warn!("a form token could not be settled: {e}");
        }
    }
}

/// What the person reads when the same form is being sent twice at once.
pub fn in_flight_text(lang: Lang) -> String {
    lang.text("web-once-this-form-is-being-sent-already").into()
}
