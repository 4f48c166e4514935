//! What can go wrong in the store, each with words for the clerk.

use crate::domain::member_no::MemberNoError;
use crate::i18n::{Lang, Localized};

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
            (StoreError::Open { path, reason }, _) => format!(
                "The store at {path} cannot be opened ({reason}). Check the folder and its permissions, or use --data-dir."
            ),
            (
                StoreError::Damaged {
                    path,
                    reason,
                    last_backup,
                },
                _,
            ) => damaged_text(lang, path, reason, last_backup.as_deref()),
            (
                StoreError::Missing {
                    path,
                    marker,
                    last_backup,
                },
                _,
            ) => missing_text(lang, path, marker, last_backup.as_deref()),
            (StoreError::NewerSchema { .. }, _) => {
                lang.text("store-error-this-store-was-made-by-a").into()
            }
            (StoreError::DuplicateNik { existing }, Lang::Id) => format!(
                "NIK ini sudah dipakai anggota aktif {existing}. Cari anggota itu: mungkin cukup perpanjangan atau kartu pengganti."
            ),
            (StoreError::DuplicateNik { existing }, _) => format!(
                "This NIK already belongs to active member {existing}. Look that member up: a renewal or replacement card may be what is needed."
            ),
            (StoreError::DuplicateMemberNo(no), Lang::Id) => {
                format!("Nomor anggota {no} sudah ada. Tidak ada yang disimpan.")
            }
            (StoreError::DuplicateMemberNo(no), _) => {
                format!("Member number {no} already exists. Nothing was saved.")
            }
            (StoreError::Conflict { by, terminal, .. }, Lang::Id) => format!(
                "Permohonan ini baru saja diubah oleh {by} di {terminal}. Perubahan Anda tidak disimpan; lihat keadaannya sekarang lalu ulangi bila perlu."
            ),
            (StoreError::Conflict { by, terminal, .. }, _) => format!(
                "This request was just changed by {by} at {terminal}. Your change was not saved; look at it now and repeat if still needed."
            ),
            (
                StoreError::PrintClaimed {
                    member_no,
                    by,
                    terminal,
                },
                Lang::Id,
            ) => format!(
                "Kartu {member_no} sedang dicetak oleh {by} di {terminal}. Tidak dikirim lagi; tunggu hasilnya di printer, lalu lihat status permohonannya."
            ),
            (
                StoreError::PrintClaimed {
                    member_no,
                    by,
                    terminal,
                },
                _,
            ) => format!(
                "The card of {member_no} is being printed by {by} at {terminal}. It was not sent again; wait for it at the printer, then look at the request's state."
            ),
            (StoreError::NotFound(what), Lang::Id) => {
                format!("{what} tidak ditemukan. Periksa nomornya lalu ulangi.")
            }
            (StoreError::NotFound(what), _) => {
                format!("{what} was not found. Check the number and try again.")
            }
            (StoreError::DuplicateUser(name), Lang::Id) => {
                format!("Akun {name} sudah ada. Pilih nama lain.")
            }
            (StoreError::DuplicateUser(name), _) => {
                format!("Account {name} already exists. Choose another name.")
            }
            (StoreError::NoAccount(name), Lang::Id) => {
                format!("Tidak ada akun bernama {name}. Lihat daftar akun: loket user list.")
            }
            (StoreError::NoAccount(name), _) => {
                format!("There is no account named {name}. See the accounts: loket user list.")
            }
            (StoreError::LastAdmin(name), Lang::Id) => format!(
                "{name} adalah satu-satunya administrator aktif; tidak bisa dinonaktifkan atau diturunkan. Jadikan akun lain admin dulu."
            ),
            (StoreError::LastAdmin(name), _) => format!(
                "{name} is the only active administrator and cannot be disabled or demoted. Make another account admin first."
            ),
            (StoreError::MemberChanged { by, terminal }, Lang::Id) => format!(
                "Data anggota ini baru saja diubah oleh {by} di {terminal}. Perbaikan Anda tidak disimpan; buka lagi datanya lalu ulangi bila masih perlu."
            ),
            (StoreError::MemberChanged { by, terminal }, _) => format!(
                "This member's data was just changed by {by} at {terminal}. Your correction was not saved; open the data again and repeat if still needed."
            ),
            (StoreError::MemberNo(e), _) => e.localized(lang),
            (StoreError::Corrupt(e) | StoreError::Db(e), Lang::Id) => format!(
                "Basis data bermasalah ({e}). Jalankan 'loket check' dan hubungi admin; bila dinyatakan rusak, pulihkan cadangan terakhir."
            ),
            (StoreError::Corrupt(e) | StoreError::Db(e), _) => format!(
                "The store reported a problem ({e}). Run 'loket check' and call the administrator; if it says the store is damaged, restore the last backup."
            ),
            (StoreError::Io(e), Lang::Id) => {
                format!("Berkas tidak bisa dibaca atau ditulis ({e}). Periksa foldernya.")
            }
            (StoreError::Io(e), _) => {
                format!("A file could not be read or written ({e}). Check the folder.")
            }
        }
    }
}

/// What to do about a damaged store: restore the last backup, named when there is one.
fn restore_hint(lang: Lang, path: &str, last_backup: Option<&str>, keep: bool) -> String {
    let keep = match (keep, lang) {
        (false, _) => String::new(),
        (true, Lang::Id) => format!("simpan berkas yang rusak (mv {path} {path}.rusak), "),
        (true, _) => format!("keep the damaged file (mv {path} {path}.damaged-copy), "),
    };
    match (last_backup, lang) {
        (Some(b), Lang::Id) => format!(
            "Cadangan terakhir: {b}. Hentikan loket di semua komputer, {keep}pulihkan cadangan (cp {b} {path}), lalu jalankan 'loket check'. Yang dicatat sesudah cadangan itu harus dimasukkan lagi."
        ),
        (Some(b), _) => format!(
            "Last backup: {b}. Stop loket on every computer, {keep}restore the backup (cp {b} {path}), then run 'loket check'. What was recorded after that backup must be entered again."
        ),
        (None, Lang::Id) => format!(
            "Tidak ada cadangan yang tercatat oleh 'loket backup'. Hentikan loket di semua komputer, {keep}cari salinan {path} (cadangan harian administrator) dan pulihkan, lalu jalankan 'loket check'."
        ),
        (None, _) => format!(
            "No backup was recorded by 'loket backup'. Stop loket on every computer, {keep}find a copy of {path} (the administrator's daily backups) and restore it, then run 'loket check'."
        ),
    }
}

/// The reasons loket finds itself (see `open::not_a_store`) in the clerk's language; redb's
/// own are technical detail and stay as redb words them.
fn reason_text(lang: Lang, reason: &str) -> &str {
    match reason {
        "the file is empty (0 bytes)" => lang.pick("berkasnya kosong (0 byte)", reason),
        "the file is not a loket store" => lang.pick("berkas itu bukan basis data loket", reason),
        "not an ordinary file" => lang.pick("bukan berkas biasa", reason),
        _ => reason,
    }
}

fn damaged_text(lang: Lang, path: &str, reason: &str, last_backup: Option<&str>) -> String {
    let reason = reason_text(lang, reason);
    let head = match lang {
        Lang::Id => format!(
            "Basis data di {path} rusak ({reason}). Loket tidak membukanya dan tidak menulis apa pun ke dalamnya."
        ),
        _ => format!(
            "The store at {path} is damaged ({reason}). loket does not open it and writes nothing into it."
        ),
    };
    format!("{head} {}", restore_hint(lang, path, last_backup, true))
}

fn missing_text(lang: Lang, path: &str, marker: &str, last_backup: Option<&str>) -> String {
    let head = match lang {
        Lang::Id => format!(
            "Basis data {path} tidak ada, padahal folder ini pernah menyimpannya. Loket tidak membuat basis data kosong baru sebagai gantinya."
        ),
        _ => format!(
            "The store {path} is missing, though this folder held one. loket does not make a new empty store in its place."
        ),
    };
    let fresh = match lang {
        Lang::Id => format!(
            "Bila memang ingin mulai dengan basis data baru yang kosong, hapus {marker} lalu ulangi."
        ),
        _ => {
            format!("To start a new, empty store on purpose, delete {marker} and try again.")
        }
    };
    format!(
        "{head} {} {fresh}",
        restore_hint(lang, path, last_backup, false)
    )
}
