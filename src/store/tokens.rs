//! Form tokens already used: the online form's CSRF token is good for one registration. The
//! second send of one form (a double click, a replay) registers nobody and is shown the
//! registration the first one made.

use redb::{ReadableTable, TableDefinition};

use super::{Result, Store};

/// (second the token was made, its nonce) → the member number it registered, or empty while
/// its registration is on its way. Made on first use.
const FORM_TOKENS: TableDefinition<(i64, &str), &str> = TableDefinition::new("form_tokens");

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

impl Store {
    /// Claims a form token for one registration. Tokens made before `forget_before` (older
    /// than any form may be) are dropped on the way: the table holds only open forms.
    pub fn use_form_token(&self, made: i64, nonce: &str, forget_before: i64) -> Result<TokenUse> {
        let txn = self.db.begin_write()?;
        let found = {
            let mut t = txn.open_table(FORM_TOKENS)?;
            t.retain_in((i64::MIN, "")..(forget_before, ""), |_, _| false)?;
            let found = t.get((made, nonce))?.map(|g| g.value().to_string());
            if found.is_none() {
                t.insert((made, nonce), "")?;
            }
            found
        };
        txn.commit()?;
        Ok(match found {
            None => TokenUse::Fresh,
            Some(no) if no.is_empty() => TokenUse::InFlight,
            Some(no) => TokenUse::Registered(no),
        })
    }

    /// The registration a claimed token made; `None` gives the token back (the registration
    /// was refused, and the same form may be sent again once corrected).
    pub fn settle_form_token(&self, made: i64, nonce: &str, member_no: Option<&str>) -> Result<()> {
        let txn = self.db.begin_write()?;
        {
            let mut t = txn.open_table(FORM_TOKENS)?;
            match member_no {
                Some(no) => {
                    t.insert((made, nonce), no)?;
                }
                None => {
                    t.remove((made, nonce))?;
                }
            }
        }
        txn.commit()?;
        Ok(())
    }
}
