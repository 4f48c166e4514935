//! Form tokens already used: the online form's CSRF token is good for one registration. The
//! second send of one form (a double click, a replay) registers nobody and is shown the
//! registration the first one made.

use super::Result;

/// What a form token was used for already.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenUse {
    /// First use: the registration may go on.
    Fresh,
    /// Another send of this form is registering right now.
    InFlight,
    /// This form registered that member already.
    Registered(String),
}

area! {
    /// The online form's used tokens.
    pub trait FormTokenStore {
        /// Claims a form token for one registration. Tokens made before `forget_before` (older
        /// than any form may be) are dropped on the way: the store holds only open forms.
        fn use_form_token(&self, made: i64, nonce: &str, forget_before: i64) -> Result<TokenUse>;

        /// The registration a claimed token made; `None` gives the token back (the
        /// registration was refused, and the same form may be sent again once corrected).
        fn settle_form_token(&self, made: i64, nonce: &str, member_no: Option<&str>) -> Result<()>;
    }
}
