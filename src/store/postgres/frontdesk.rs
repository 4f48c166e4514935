//! The front desk's look-up in PostgreSQL: one statement, one round trip, for what took seven
//! queries of two round trips each (docs/performance.md, "The front desk on PostgreSQL").

use jiff::Timestamp;
use jiff::civil::Date;
use postgres::types::Type;
use serde_json::Value;

use super::{PgStore, from_micros, micros, undoc};
use crate::domain::workflow::RequestState;
use crate::store::Result;
use crate::store::frontdesk::Scanned;

/// The holder of the first spelling that is a card's serial, else of the first that is a
/// member number (a card whose member is gone finds no one, as `Desk::identify_card` has it);
/// then the member's cards, the request still on its way else the latest (what
/// `current_request_for` picks), the latest visit inside the window, and the photo with its
/// preview. Every look-up is by an index.
const SCANNED: &str = "\
WITH spelt AS (
    SELECT s, n FROM unnest($1::text[]) WITH ORDINALITY AS t(s, n)
), card AS (
    SELECT c.member_no, c.doc FROM spelt JOIN cards c ON c.serial = spelt.s
    ORDER BY spelt.n LIMIT 1
), holder AS (
    SELECT m.member_no, m.doc FROM card JOIN members m USING (member_no)
    UNION ALL
    (SELECT m.member_no, m.doc FROM spelt JOIN members m ON m.member_no = spelt.s
     WHERE NOT EXISTS (SELECT 1 FROM card) ORDER BY spelt.n LIMIT 1)
)
SELECT h.doc, (SELECT doc FROM card),
    (SELECT coalesce(jsonb_agg(c.doc ORDER BY c.serial), '[]'::jsonb)
     FROM cards c WHERE c.member_no = h.member_no),
    (SELECT r.doc FROM requests r WHERE r.member_no = h.member_no
     ORDER BY r.state = ANY($2) DESC, r.id DESC LIMIT 1),
    (SELECT v.at FROM visits v WHERE v.member_no = h.member_no AND v.day = ANY($3) AND v.at > $4
     ORDER BY v.at DESC LIMIT 1),
    p.stored, p.preview
FROM holder h LEFT JOIN photos p ON p.member_no = h.member_no";

impl PgStore {
    /// See [`crate::store::Store::scanned`].
    pub(in crate::store) fn scanned(
        &self,
        spellings: &[String],
        dates: &[Date],
        since: Timestamp,
    ) -> Result<Option<Scanned>> {
        let open: Vec<&str> = RequestState::ALL
            .iter()
            .filter(|s| s.is_open())
            .map(|s| s.code())
            .collect();
        let days: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
        // Prepared once per connection: one round trip, and no plan made at each scan (the
        // statement's planning, 0.36 ms, was most of what it cost).
        let row = self.conn.read(|c| {
            let st = self.conn.prepared(
                c,
                SCANNED,
                &[
                    Type::TEXT_ARRAY,
                    Type::TEXT_ARRAY,
                    Type::TEXT_ARRAY,
                    Type::INT8,
                ],
            )?;
            Ok(c.query_opt(&st, &[&spellings, &open, &days, &micros(since)])?)
        })?;
        let Some(row) = row else {
            return Ok(None);
        };
        let card: Option<Value> = row.get(1);
        let request: Option<Value> = row.get(3);
        let last_visit: Option<i64> = row.get(4);
        let photo: Option<Vec<u8>> = row.get(5);
        let kept: Option<Vec<u8>> = row.get(6);
        // A photo stored before schema 2 has no preview kept: made here, as photo_preview does.
        let preview = match kept {
            Some(p) => Some(p),
            None => photo.as_deref().and_then(crate::photo::preview::make),
        };
        Ok(Some(Scanned {
            member: undoc(row.get(0))?,
            card: card.map(undoc).transpose()?,
            cards: undoc(row.get(2))?,
            request: request.map(undoc).transpose()?,
            last_visit: last_visit.map(from_micros).transpose()?,
            photo,
            preview,
        }))
    }
}
