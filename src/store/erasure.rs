//! Erasing a member's personal data in one transaction: the member record anonymised and
//! taken out of the NIK and name indexes, photos deleted with their history, requests'
//! reasons and receivers' names removed, cards blocked. Visits and counts stay.

use jiff::Timestamp;

use super::Result;
use crate::domain::member::Member;
use crate::domain::workflow::Actor;

area! {
    /// The erasure of a member's personal data.
    pub trait ErasureStore {
        /// Erases member `no`'s personal data; `reason` goes into the audit log (which never
        /// held more than a masked NIK). Returns the member as kept.
        fn erase_member(
            &self,
            no: &str,
            actor: &Actor,
            at: Timestamp,
            reason: &str,
        ) -> Result<Member>;
    }
}
