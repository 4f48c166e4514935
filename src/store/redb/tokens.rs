//! Used form tokens in redb: a table made on first use, keyed by the token's time so that the
//! old ones go in one range.

use redb::{ReadableTable, TableDefinition};

use super::RedbStore;
use crate::store::{FormTokenStore, Result, TokenUse};

/// (second the token was made, its nonce) → the member number it registered, or empty while
/// its registration is on its way. Made on first use.
pub(super) const FORM_TOKENS: TableDefinition<(i64, &str), &str> =
    TableDefinition::new("form_tokens");

impl FormTokenStore for RedbStore {
    fn use_form_token(&self, made: i64, nonce: &str, forget_before: i64) -> Result<TokenUse> {
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

    fn settle_form_token(&self, made: i64, nonce: &str, member_no: Option<&str>) -> Result<()> {
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
