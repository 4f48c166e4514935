//! The connection: one `postgres::Client` behind a mutex, made again when the server went
//! away (a restart, a network cut). A read whose connection broke is asked again on the new
//! one; so is a write that broke before its COMMIT was sent (the server rolled it back). A
//! write that broke during its COMMIT may or may not be in: it is reported, never repeated.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use postgres::types::Type;
use postgres::{Client, Config, GenericClient, Statement, Transaction};

use super::tls::Tls;

use crate::store::{Result, StoreError};

/// Every write transaction takes this advisory lock first, so writes follow one another as
/// redb's do (the checks inside a write see every write before it) while reads go on.
const WRITE_LOCK: i64 = 0x006c_6f6b_6574; // "loket"

/// How long a process waits for the server to come back (a restart takes a few seconds)
/// before it tells the clerk.
const RECONNECT_FOR: Duration = Duration::from_secs(20);

pub(super) struct Conn {
    config: Config,
    tls: Tls,
    /// The URL as it may be shown: the password masked.
    shown: String,
    client: Mutex<Option<Client>>,
    /// The hot statements (the front desk's), prepared once on the current connection: a
    /// statement made there is one round trip to run and is not planned again each time.
    /// Emptied when the connection is made again.
    prepared: Mutex<HashMap<&'static str, Statement>>,
    /// The change counter as of this process's last committed write.
    written: AtomicU64,
}

/// The URL with its password replaced by `***`, for messages and logs: in the user part of
/// a URL, as `password=` in its query, or in a `key=value` connection string.
pub fn masked_url(url: &str) -> String {
    let mask = |p: &str| {
        if p.starts_with("password=") {
            "password=***".to_string()
        } else {
            p.to_string()
        }
    };
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.split(' ').map(mask).collect::<Vec<_>>().join(" ");
    };
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    let rest = match rest.rsplit_once('@') {
        Some((auth, host)) => match auth.split_once(':') {
            Some((user, _)) => format!("{user}:***@{host}"),
            None => rest.to_string(),
        },
        None => rest.to_string(),
    };
    match query {
        None => format!("{scheme}://{rest}"),
        Some(q) => {
            let q: Vec<String> = q.split('&').map(mask).collect();
            format!("{scheme}://{rest}?{}", q.join("&"))
        }
    }
}

/// A PostgreSQL error in words that hold no value of a record: the server's DETAIL line
/// ("Key (nik)=(…) already exists") would put a NIK in a log.
pub(super) fn describe(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{} {}: {}", db.severity(), db.code().code(), db.message()),
        // "error connecting to server" says little; its cause ("Connection refused") more.
        None => match std::error::Error::source(e) {
            Some(cause) => format!("{e}: {cause}"),
            None => e.to_string(),
        },
    }
}

/// The password from `PGPASSWORD`, or from `PGPASSFILE` (or ~/.pgpass) lines
/// `host:port:db:user:password`, when the URL carries none.
fn password_from_env(config: &mut Config) {
    if config.get_password().is_some() {
        return;
    }
    if let Ok(p) = std::env::var("PGPASSWORD") {
        config.password(p);
        return;
    }
    let file = std::env::var_os("PGPASSFILE")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".pgpass")));
    let Some(text) = file.and_then(|f| std::fs::read_to_string(f).ok()) else {
        return;
    };
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        _ => "localhost".into(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let db = config.get_dbname().unwrap_or_default().to_string();
    let user = config.get_user().unwrap_or_default().to_string();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.splitn(5, ':').collect();
        if f.len() == 5
            && [&host, &port, &db, &user]
                .iter()
                .zip(&f)
                .all(|(want, got)| *got == "*" || got == want)
        {
            config.password(f[4]);
            return;
        }
    }
}

impl Conn {
    /// Connects once: a server not there at start is the clerk's to hear about at once.
    pub(super) fn open(url: &str) -> Result<Conn> {
        let shown = masked_url(url);
        let mut config: Config =
            url.parse()
                .map_err(|e: postgres::Error| StoreError::Unreachable {
                    url: shown.clone(),
                    reason: e.to_string(),
                })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(5));
        }
        config.application_name("loket");
        password_from_env(&mut config);
        let tls = Tls::for_config(&config).map_err(|reason| StoreError::Unreachable {
            url: shown.clone(),
            reason,
        })?;
        let client = tls.connect(&config).map_err(|e| StoreError::Unreachable {
            url: shown.clone(),
            reason: describe(&e),
        })?;
        Ok(Conn {
            config,
            tls,
            shown,
            client: Mutex::new(Some(client)),
            prepared: Mutex::new(HashMap::new()),
            written: AtomicU64::new(0),
        })
    }

    pub(super) fn config(&self) -> &Config {
        &self.config
    }

    pub(super) fn tls(&self) -> &Tls {
        &self.tls
    }

    pub(super) fn last_changes(&self) -> u64 {
        self.written.load(Ordering::SeqCst)
    }

    /// The NOTIFY channel of this store: one per schema, so stores in one database (the
    /// tests' schemas) do not wake each other.
    pub(super) fn channel(&self) -> Result<String> {
        self.read(|c| {
            // The same expression as the NOTIFY's: a channel name is at most 63 bytes.
            let row = c.query_one("SELECT left('loket_changes_' || current_schema(), 63)", &[])?;
            Ok(row.get(0))
        })
    }

    fn lock(&self) -> MutexGuard<'_, Option<Client>> {
        // A panic while holding the client leaves it as it was: the next call checks it.
        self.client.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The client, connected again if the last one broke; retried until `RECONNECT_FOR`.
    fn connected<'a>(&self, slot: &'a mut Option<Client>) -> Result<&'a mut Client> {
        if slot.as_ref().is_none_or(|c| c.is_closed()) {
            *slot = None;
            // Statements belong to the connection that prepared them.
            self.prepared
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .clear();
            let until = Instant::now() + RECONNECT_FOR;
            loop {
                match self.tls.connect(&self.config) {
                    Ok(c) => {
                        *slot = Some(c);
                        break;
                    }
                    Err(e) if Instant::now() >= until => {
                        return Err(StoreError::Unreachable {
                            url: self.shown.clone(),
                            reason: describe(&e),
                        });
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(250)),
                }
            }
        }
        slot.as_mut()
            .ok_or_else(|| StoreError::Db("no connection".into()))
    }

    /// `sql` prepared on the connection `c` is (a read's client or a write's transaction),
    /// once per connection.
    pub(super) fn prepared(
        &self,
        c: &mut impl GenericClient,
        sql: &'static str,
        types: &[postgres::types::Type],
    ) -> Result<Statement> {
        let known = self
            .prepared
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(sql)
            .cloned();
        if let Some(s) = known {
            return Ok(s);
        }
        let s = c.prepare_typed(sql, types)?;
        self.prepared
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(sql, s.clone());
        Ok(s)
    }

    /// Runs a read; asked once more on a new connection when the old one broke under it.
    pub(super) fn read<T>(&self, mut f: impl FnMut(&mut Client) -> Result<T>) -> Result<T> {
        let mut slot = self.lock();
        for attempt in 0..2 {
            let client = self.connected(&mut slot)?;
            match f(client) {
                Err(_) if attempt == 0 && gone(client) => continue,
                done => return done,
            }
        }
        Err(StoreError::Db("connection lost".into()))
    }

    /// Runs `f` in one write transaction (after the write lock) and commits, then tells the
    /// other processes the new change count. Broken before COMMIT: the server rolled it back,
    /// and it runs again on a new connection. Broken during COMMIT: [`StoreError::CommitUnknown`].
    pub(super) fn write<T>(&self, mut f: impl FnMut(&mut Transaction) -> Result<T>) -> Result<T> {
        let mut slot = self.lock();
        for attempt in 0..2 {
            let client = self.connected(&mut slot)?;
            let outcome = match client.transaction() {
                Err(e) => Err(Err(e.into())),
                Ok(mut txn) => match body(&mut txn, &mut f) {
                    Err(e) => Err(Err(e)),
                    Ok((v, changes)) => match txn.commit() {
                        Ok(()) => Ok((v, changes)),
                        Err(e) => Err(Ok(e)),
                    },
                },
            };
            match outcome {
                Ok((v, changes)) => {
                    self.written.fetch_max(changes, Ordering::SeqCst);
                    return Ok(v);
                }
                // Before COMMIT on a connection now closed: nothing was written.
                Err(Err(_)) if attempt == 0 && gone(client) => continue,
                Err(Err(e)) => return Err(e),
                Err(Ok(e)) if gone(client) => {
                    return Err(StoreError::CommitUnknown {
                        url: self.shown.clone(),
                        reason: describe(&e),
                    });
                }
                Err(Ok(e)) => return Err(e.into()),
            }
        }
        Err(StoreError::Unreachable {
            url: self.shown.clone(),
            reason: "connection lost twice".into(),
        })
    }
}

/// Whether the connection is gone after an error: closed, or the server ending it ("terminating
/// connection due to administrator command" arrives before the socket closes). A refusal of
/// the store's own (a NIK held) costs one more round trip here, and is rare.
fn gone(client: &mut Client) -> bool {
    client.is_closed() || client.is_valid(Duration::from_secs(2)).is_err()
}

/// The write lock, the writer's work, and the NOTIFY that goes out with its COMMIT.
fn body<T>(
    txn: &mut Transaction,
    f: &mut impl FnMut(&mut Transaction) -> Result<T>,
) -> Result<(T, u64)> {
    // Typed, as the two below: one round trip each (parse, bind and run in one message)
    // where a prepared statement costs two; every write pays for these.
    txn.query_typed(
        "SELECT pg_advisory_xact_lock($1)",
        &[(&WRITE_LOCK, Type::INT8)],
    )?;
    let v = f(txn)?;
    // The count as this transaction leaves it, and the NOTIFY that the server sends to every
    // listener when (and only if) it commits.
    let row = txn.query_typed_one(
        "SELECT n, pg_notify(left('loket_changes_' || current_schema(), 63), n::text)::text \
         FROM (SELECT coalesce((SELECT value FROM meta WHERE key = 'changes'), 0) AS n) c",
        &[],
    )?;
    Ok((v, row.get::<_, i64>(0) as u64))
}
