//! The tables of the store and the schema version they make up. Values are JSON so that a
//! field added later reads old records through serde defaults, without a rewrite.

use redb::{MultimapTableDefinition, TableDefinition};

/// Counters and the schema version: `schema_version`, `changes`, `next_request_id`,
/// `next_audit_seq`.
pub const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
/// Member number → member (JSON).
pub const MEMBERS: TableDefinition<&str, &[u8]> = TableDefinition::new("members");
/// NIK → member numbers holding it (several only when earlier ones expired or were blocked).
pub const MEMBERS_BY_NIK: MultimapTableDefinition<&str, &str> =
    MultimapTableDefinition::new("members_by_nik");
/// `word\0member_no` for each folded word of each member's name, for prefix search per word:
/// a plain table, so an import inserts keys in order instead of a multimap's per-word value
/// trees (a quarter of a 100,000-member import's writing). Since schema 5; before it the
/// index was the multimap `members_by_word` (see `schema.rs`).
pub const MEMBER_WORDS: TableDefinition<&str, ()> = TableDefinition::new("member_words");
/// Sequence scope (`d20261128`, `m202611`, `y2026`) → last number given out.
pub const SEQUENCES: TableDefinition<&str, u64> = TableDefinition::new("sequences");
/// Request id → card request (JSON).
pub const REQUESTS: TableDefinition<u64, &[u8]> = TableDefinition::new("requests");
/// `state/source` (e.g. `waiting/online`) → request ids.
pub const REQUESTS_BY_STATE: MultimapTableDefinition<&str, u64> =
    MultimapTableDefinition::new("requests_by_state");
pub const REQUESTS_BY_MEMBER: MultimapTableDefinition<&str, u64> =
    MultimapTableDefinition::new("requests_by_member");
/// Card serial → card record (JSON).
pub const CARDS: TableDefinition<&str, &[u8]> = TableDefinition::new("cards");
/// Staff account name → account (JSON).
pub const USERS: TableDefinition<&str, &[u8]> = TableDefinition::new("users");
/// Sequence → audit entry (JSON); append-only.
pub const AUDIT: TableDefinition<u64, &[u8]> = TableDefinition::new("audit");

/// (local date `YYYY-MM-DD`, sequence) → visit (JSON): a day's visits are one range.
pub const VISITS: TableDefinition<(&str, u64), &[u8]> = TableDefinition::new("visits");

/// Member number → the stored photo (a small JPEG, the one on the card). Since schema 2.
pub const PHOTOS: TableDefinition<&str, &[u8]> = TableDefinition::new("photos");
/// Member number → the photo as received, so that the crop can be redone. Since schema 2.
pub const PHOTO_ORIGINALS: TableDefinition<&str, &[u8]> = TableDefinition::new("photo_originals");
/// (member number, sequence) → a stored photo that was replaced. Since schema 2.
pub const PHOTO_HISTORY: TableDefinition<(&str, u64), &[u8]> =
    TableDefinition::new("photo_history");
/// Member number → the stored photo's small preview (`photo::preview`: raw RGB, a few KB),
/// which the front desk draws on every scan without decoding the JPEG. Since schema 4.
pub const PHOTO_PREVIEWS: TableDefinition<&str, &[u8]> = TableDefinition::new("photo_previews");

/// (Unix second of a step, request id): each request under the time of every step in its
/// history, so the supervisor's dashboard and the reports read the requests of a day, a week
/// or a month without parsing every request ever made. Since schema 3.
pub const REQUEST_STEPS: TableDefinition<(i64, u64), ()> = TableDefinition::new("request_steps");

/// The schema this build writes. A store with a higher version was made by a newer loket and
/// is refused rather than misread.
pub const SCHEMA_VERSION: u64 = 5;
