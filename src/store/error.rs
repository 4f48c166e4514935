//! What can go wrong in the store, each with words for the clerk.

use super::redb::open::{EMPTY_FILE, NOT_A_FILE, NOT_A_STORE};
use crate::domain::member_no::MemberNoError;
use crate::i18n::{Lang, Localized};
use crate::t;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store at {path}: {reason}")]
    Open { path: String, reason: String },
    #[error("the store at {path} is damaged: {reason}")]
    Damaged {
        path: String,
        reason: String,
        last_backup: Option<String>,
    },
    #[error("the store at {path} is missing though this folder held one")]
    Missing {
        path: String,
        marker: String,
        last_backup: Option<String>,
    },
    #[error("the store was written by a newer loket (schema {found}, this one knows {known})")]
    NewerSchema { found: u64, known: u64 },
    #[error("the NIK is already held by member {existing}")]
    DuplicateNik { existing: String },
    #[error("member number {0} already exists")]
    DuplicateMemberNo(String),
    #[error("the request was changed by {by} at {terminal} (version {found}, expected {expected})")]
    Conflict {
        expected: u32,
        found: u32,
        by: String,
        terminal: String,
    },
    #[error("the card of {member_no} is being printed by {by} at {terminal}")]
    PrintClaimed {
        member_no: String,
        by: String,
        terminal: String,
    },
    #[error("not found: {0}")]
    NotFound(String),
    #[error("account {0} already exists")]
    DuplicateUser(String),
    #[error("there is no account {0}")]
    NoAccount(String),
    #[error("{0} is the last active administrator")]
    LastAdmin(String),
    #[error("the member was changed by {by} at {terminal}")]
    MemberChanged { by: String, terminal: String },
    #[error(transparent)]
    MemberNo(#[from] MemberNoError),
    #[error("a record could not be read: {0}")]
    Corrupt(String),
    #[error("cannot reach the database at {url}: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("the connection to {url} broke while a write was being committed: {reason}")]
    CommitUnknown { url: String, reason: String },
    #[error("the store to move into is not empty")]
    TargetNotEmpty,
    #[error("{table}: {expected} records read, {found} written")]
    CountsDiffer {
        table: String,
        expected: u64,
        found: u64,
    },
    #[error("a PostgreSQL store is backed up with pg_dump")]
    BackupIsPgDump,
    #[error("store error: {0}")]
    Db(String),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Corrupt(e.to_string())
    }
}

impl Localized for StoreError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            StoreError::Open { path, reason } => t!(
                lang,
                "store-error-open",
                path = path.as_str(),
                reason = reason.as_str()
            ),
            StoreError::Damaged {
                path,
                reason,
                last_backup,
            } => t!(
                lang,
                "store-error-damaged",
                path = path.as_str(),
                reason = reason_text(lang, reason),
                restore = restore_hint(lang, path, last_backup.as_deref(), true)
            ),
            StoreError::Missing {
                path,
                marker,
                last_backup,
            } => t!(
                lang,
                "store-error-missing",
                path = path.as_str(),
                marker = marker.as_str(),
                restore = restore_hint(lang, path, last_backup.as_deref(), false)
            ),
            StoreError::NewerSchema { .. } => {
                lang.text("store-error-this-store-was-made-by-a").into()
            }
            StoreError::DuplicateNik { existing } => {
                t!(
                    lang,
                    "store-error-duplicate-nik",
                    existing = existing.as_str()
                )
            }
            StoreError::DuplicateMemberNo(no) => {
                t!(lang, "store-error-duplicate-member-no", no = no.as_str())
            }
            StoreError::Conflict { by, terminal, .. } => t!(
                lang,
                "store-error-conflict",
                by = by.as_str(),
                terminal = terminal.as_str()
            ),
            StoreError::PrintClaimed {
                member_no,
                by,
                terminal,
            } => t!(
                lang,
                "store-error-print-claimed",
                member_no = member_no.as_str(),
                by = by.as_str(),
                terminal = terminal.as_str()
            ),
            StoreError::NotFound(what) => {
                t!(lang, "store-error-not-found", what = what.as_str())
            }
            StoreError::DuplicateUser(name) => {
                t!(lang, "store-error-duplicate-user", name = name.as_str())
            }
            StoreError::NoAccount(name) => {
                t!(lang, "store-error-no-account", name = name.as_str())
            }
            StoreError::LastAdmin(name) => {
                t!(lang, "store-error-last-admin", name = name.as_str())
            }
            StoreError::MemberChanged { by, terminal } => t!(
                lang,
                "store-error-member-changed",
                by = by.as_str(),
                terminal = terminal.as_str()
            ),
            StoreError::Unreachable { url, reason } => t!(
                lang,
                "store-error-unreachable",
                url = url.as_str(),
                reason = reason.as_str()
            ),
            StoreError::CommitUnknown { url, reason } => t!(
                lang,
                "store-error-commit-unknown",
                url = url.as_str(),
                reason = reason.as_str()
            ),
            StoreError::TargetNotEmpty => lang.text("store-error-target-not-empty").into(),
            StoreError::CountsDiffer {
                table,
                expected,
                found,
            } => t!(
                lang,
                "store-error-counts-differ",
                table = table.as_str(),
                expected = *expected,
                found = *found
            ),
            StoreError::BackupIsPgDump => lang.text("store-error-backup-is-pg-dump").into(),
            StoreError::MemberNo(e) => e.localized(lang),
            StoreError::Corrupt(e) | StoreError::Db(e) => {
                t!(lang, "store-error-db", problem = e.as_str())
            }
            StoreError::Io(e) => t!(lang, "store-error-io", problem = e.to_string()),
        }
    }
}

/// What to do about a damaged store: restore the last backup, named when there is one.
fn restore_hint(lang: Lang, path: &str, last_backup: Option<&str>, keep: bool) -> String {
    let keep = if keep {
        t!(lang, "store-error-restore-keep", path = path)
    } else {
        String::new()
    };
    match last_backup {
        Some(b) => t!(
            lang,
            "store-error-restore-backup",
            backup = b,
            keep = keep,
            path = path
        ),
        None => t!(lang, "store-error-restore-none", keep = keep, path = path),
    }
}

/// The reasons loket finds itself (see `redb::open`) in the clerk's language; a database's
/// own are technical detail and stay as the database words them.
fn reason_text(lang: Lang, reason: &str) -> &str {
    match reason {
        EMPTY_FILE => lang.text("store-error-reason-empty-file"),
        NOT_A_STORE => lang.text("store-error-reason-not-a-store"),
        NOT_A_FILE => lang.text("store-error-reason-not-a-file"),
        _ => reason,
    }
}
