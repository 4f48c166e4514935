//! What can go wrong in the store, each with words for the clerk.

use crate::domain::member_no::MemberNoError;
use crate::i18n::{Lang, Localized};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store at {path}: {reason}")]
    Open { path: String, reason: String },
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
    #[error("store error: {0}")]
    Db(String),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

impl From<redb::Error> for StoreError {
    fn from(e: redb::Error) -> Self {
        StoreError::Db(e.to_string())
    }
}

macro_rules! from_redb {
    ($($t:ty),*) => {$(
        impl From<$t> for StoreError {
            fn from(e: $t) -> Self {
                StoreError::Db(e.to_string())
            }
        }
    )*};
}
from_redb!(
    redb::DatabaseError,
    redb::TransactionError,
    redb::TableError,
    redb::StorageError,
    redb::CommitError
);

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Corrupt(e.to_string())
    }
}

impl Localized for StoreError {
    fn localized(&self, lang: Lang) -> String {
        match (self, lang) {
            (StoreError::Open { path, reason }, Lang::Id) => format!(
                "Basis data di {path} tidak bisa dibuka ({reason}). Periksa foldernya dan hak aksesnya, atau pakai --data-dir."
            ),
            (StoreError::Open { path, reason }, Lang::En) => format!(
                "The store at {path} cannot be opened ({reason}). Check the folder and its permissions, or use --data-dir."
            ),
            (StoreError::NewerSchema { .. }, _) => lang
                .pick(
                    "Basis data ini dibuat oleh loket versi yang lebih baru. Perbarui loket di komputer ini.",
                    "This store was made by a newer loket. Update loket on this computer.",
                )
                .into(),
            (StoreError::DuplicateNik { existing }, Lang::Id) => format!(
                "NIK ini sudah dipakai anggota aktif {existing}. Cari anggota itu: mungkin cukup perpanjangan atau kartu pengganti."
            ),
            (StoreError::DuplicateNik { existing }, Lang::En) => format!(
                "This NIK already belongs to active member {existing}. Look that member up: a renewal or replacement card may be what is needed."
            ),
            (StoreError::DuplicateMemberNo(no), Lang::Id) => {
                format!("Nomor anggota {no} sudah ada. Tidak ada yang disimpan.")
            }
            (StoreError::DuplicateMemberNo(no), Lang::En) => {
                format!("Member number {no} already exists. Nothing was saved.")
            }
            (StoreError::Conflict { by, terminal, .. }, Lang::Id) => format!(
                "Permohonan ini baru saja diubah oleh {by} di {terminal}. Perubahan Anda tidak disimpan; lihat keadaannya sekarang lalu ulangi bila perlu."
            ),
            (StoreError::Conflict { by, terminal, .. }, Lang::En) => format!(
                "This request was just changed by {by} at {terminal}. Your change was not saved; look at it now and repeat if still needed."
            ),
            (StoreError::NotFound(what), Lang::Id) => {
                format!("{what} tidak ditemukan. Periksa nomornya lalu ulangi.")
            }
            (StoreError::NotFound(what), Lang::En) => {
                format!("{what} was not found. Check the number and try again.")
            }
            (StoreError::DuplicateUser(name), Lang::Id) => {
                format!("Akun {name} sudah ada. Pilih nama lain.")
            }
            (StoreError::DuplicateUser(name), Lang::En) => {
                format!("Account {name} already exists. Choose another name.")
            }
            (StoreError::NoAccount(name), Lang::Id) => format!(
                "Tidak ada akun bernama {name}. Lihat daftar akun: loket user list."
            ),
            (StoreError::NoAccount(name), Lang::En) => {
                format!("There is no account named {name}. See the accounts: loket user list.")
            }
            (StoreError::LastAdmin(name), Lang::Id) => format!(
                "{name} adalah satu-satunya administrator aktif; tidak bisa dinonaktifkan atau diturunkan. Jadikan akun lain admin dulu."
            ),
            (StoreError::LastAdmin(name), Lang::En) => format!(
                "{name} is the only active administrator and cannot be disabled or demoted. Make another account admin first."
            ),
            (StoreError::MemberChanged { by, terminal }, Lang::Id) => format!(
                "Data anggota ini baru saja diubah oleh {by} di {terminal}. Perbaikan Anda tidak disimpan; buka lagi datanya lalu ulangi bila masih perlu."
            ),
            (StoreError::MemberChanged { by, terminal }, Lang::En) => format!(
                "This member's data was just changed by {by} at {terminal}. Your correction was not saved; open the data again and repeat if still needed."
            ),
            (StoreError::MemberNo(e), _) => e.localized(lang),
            (StoreError::Corrupt(e) | StoreError::Db(e), Lang::Id) => format!(
                "Basis data bermasalah ({e}). Tidak ada yang hilang dari yang sudah tersimpan; jalankan 'loket check' dan hubungi admin."
            ),
            (StoreError::Corrupt(e) | StoreError::Db(e), Lang::En) => format!(
                "The store reported a problem ({e}). Nothing already saved is lost; run 'loket check' and call the administrator."
            ),
            (StoreError::Io(e), Lang::Id) => {
                format!("Berkas tidak bisa dibaca atau ditulis ({e}). Periksa foldernya.")
            }
            (StoreError::Io(e), Lang::En) => {
                format!("A file could not be read or written ({e}). Check the folder.")
            }
        }
    }
}
