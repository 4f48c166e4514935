//! The schema and its migrations, versioned as redb's are: migration `n` brings a database
//! from schema `n` to `n + 1`, and the `loket_migrations` table holds a row per version
//! applied. All run in one transaction under the write lock: all or nothing, and a process
//! that lost the race finds nothing to do.

use postgres::{Client, GenericClient, Transaction};

use super::conn::Conn;
use crate::store::{Result, StoreError};

/// The schema this build writes; a database at a higher one was set up by a newer loket.
pub const SCHEMA_VERSION: u64 = 2;

/// Text keys are compared byte by byte (`COLLATE "C"`), as redb orders them, whatever the
/// database's own collation: member numbers list in the same order on both backends, and a
/// prefix search uses the index. Photos are `bytea` in the database (docs/decisions.md).
const V1: &str = r#"
CREATE TABLE meta (key text COLLATE "C" PRIMARY KEY, value bigint NOT NULL);
CREATE TABLE members (
    member_no text COLLATE "C" PRIMARY KEY,
    nik text COLLATE "C",
    holds_nik boolean NOT NULL,
    doc jsonb NOT NULL
);
-- NIK unique among pending and active members: a constraint, not a check before the insert.
CREATE UNIQUE INDEX members_active_nik ON members (nik) WHERE holds_nik;
CREATE INDEX members_nik ON members (nik);
CREATE TABLE member_words (
    word text COLLATE "C" NOT NULL,
    member_no text COLLATE "C" NOT NULL REFERENCES members ON DELETE CASCADE,
    PRIMARY KEY (word, member_no)
);
CREATE INDEX member_words_member ON member_words (member_no);
CREATE TABLE sequences (scope text COLLATE "C" PRIMARY KEY, last bigint NOT NULL);
CREATE TABLE requests (
    id bigint PRIMARY KEY,
    member_no text COLLATE "C" NOT NULL,
    state text NOT NULL,
    source text NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX requests_state ON requests (state, source);
CREATE INDEX requests_member ON requests (member_no, id);
CREATE TABLE request_steps (at bigint NOT NULL, request_id bigint NOT NULL,
    PRIMARY KEY (at, request_id));
CREATE TABLE cards (
    serial text COLLATE "C" PRIMARY KEY,
    member_no text COLLATE "C" NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX cards_member ON cards (member_no, serial);
CREATE TABLE users (name text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);
CREATE TABLE audit (seq bigint PRIMARY KEY, subject text NOT NULL, doc jsonb NOT NULL);
CREATE FUNCTION loket_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION loket_audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION loket_audit_append_only();
CREATE TABLE visits (
    day text COLLATE "C" NOT NULL,
    seq bigint NOT NULL,
    member_no text COLLATE "C",
    at bigint NOT NULL,
    doc jsonb NOT NULL,
    PRIMARY KEY (day, seq)
);
CREATE INDEX visits_member ON visits (member_no, day) WHERE member_no IS NOT NULL;
CREATE TABLE photos (member_no text COLLATE "C" PRIMARY KEY, stored bytea NOT NULL);
CREATE TABLE photo_originals (member_no text COLLATE "C" PRIMARY KEY, original bytea NOT NULL);
CREATE TABLE photo_history (
    member_no text COLLATE "C" NOT NULL,
    seq bigint NOT NULL,
    stored bytea NOT NULL,
    PRIMARY KEY (member_no, seq)
);
CREATE TABLE print_attempts (attempt bigint PRIMARY KEY, doc jsonb NOT NULL);
CREATE TABLE print_claims (request_id bigint PRIMARY KEY, attempt bigint NOT NULL);
CREATE TABLE form_tokens (
    made bigint NOT NULL,
    nonce text COLLATE "C" NOT NULL,
    member_no text NOT NULL,
    PRIMARY KEY (made, nonce)
);
"#;

/// The front desk's preview of each photo (`photo::preview`, about 1.3 KB, kept in the row
/// beside the JPEG it was made from), so that a scan decodes no JPEG (issue 19). A nullable
/// column without a default: PostgreSQL adds it to the catalogue only, rewriting no row, so
/// the lock it takes lasts a moment however many photos there are. Photos stored before it
/// have none (NULL) until they are stored again; a read makes theirs from the photo, as every
/// read did before. Not made here for them all: 100,000 decodes would hold the write lock for
/// minutes.
const V2: &str = "ALTER TABLE photos ADD COLUMN preview bytea;";

/// Migration `n` brings the database from schema `n` to `n + 1`.
const MIGRATIONS: [&str; SCHEMA_VERSION as usize] = [V1, V2];

/// The schema the database is at; `None` before loket set it up.
pub(super) fn version(c: &mut Client) -> Result<Option<u64>> {
    version_in(c)
}

fn version_in(c: &mut impl GenericClient) -> Result<Option<u64>> {
    let exists: bool = c
        .query_one("SELECT to_regclass('loket_migrations') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(None);
    }
    let row = c.query_one("SELECT max(version) FROM loket_migrations", &[])?;
    Ok(row.get::<_, Option<i64>>(0).map(|v| v as u64))
}

fn migrate_in(t: &mut Transaction) -> Result<()> {
    t.batch_execute(
        "CREATE TABLE IF NOT EXISTS loket_migrations (
            version bigint PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now()
        )",
    )?;
    let from = version_in(t)?.unwrap_or(0);
    if from > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: from,
            known: SCHEMA_VERSION,
        });
    }
    for v in from..SCHEMA_VERSION {
        t.batch_execute(MIGRATIONS[v as usize])?;
        t.execute(
            "INSERT INTO loket_migrations (version) VALUES ($1)",
            &[&((v + 1) as i64)],
        )?;
    }
    Ok(())
}

impl Conn {
    pub(super) fn migrate(&self) -> Result<()> {
        // Read first: most opens find the schema current and take no lock.
        if self.read(version)? == Some(SCHEMA_VERSION) {
            return Ok(());
        }
        self.write(migrate_in)
    }
}
