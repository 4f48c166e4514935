//! Used form tokens in PostgreSQL, keyed by the token's time so that the old ones go in one
//! range.

use super::PgStore;
use crate::store::{FormTokenStore, Result, TokenUse};

impl FormTokenStore for PgStore {
    fn use_form_token(&self, made: i64, nonce: &str, forget_before: i64) -> Result<TokenUse> {
        let found = self.conn.write(|t| {
            t.execute("DELETE FROM form_tokens WHERE made < $1", &[&forget_before])?;
            let found = t
                .query_opt(
                    "SELECT member_no FROM form_tokens WHERE made = $1 AND nonce = $2",
                    &[&made, &nonce],
                )?
                .map(|r| r.get::<_, String>(0));
            if found.is_none() {
                t.execute(
                    "INSERT INTO form_tokens (made, nonce, member_no) VALUES ($1, $2, '')",
                    &[&made, &nonce],
                )?;
            }
            Ok(found)
        })?;
        Ok(match found {
            None => TokenUse::Fresh,
            Some(no) if no.is_empty() => TokenUse::InFlight,
            Some(no) => TokenUse::Registered(no),
        })
    }

    fn settle_form_token(&self, made: i64, nonce: &str, member_no: Option<&str>) -> Result<()> {
        self.conn.write(|t| {
            match member_no {
                Some(no) => t.execute(
                    "INSERT INTO form_tokens (made, nonce, member_no) VALUES ($1, $2, $3) \
                     ON CONFLICT (made, nonce) DO UPDATE SET member_no = excluded.member_no",
                    &[&made, &nonce, &no],
                )?,
                None => t.execute(
                    "DELETE FROM form_tokens WHERE made = $1 AND nonce = $2",
                    &[&made, &nonce],
                )?,
            };
            Ok(())
        })
    }
}
