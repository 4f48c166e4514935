//! The change counter as LISTEN/NOTIFY: every write sends the new count with its COMMIT, and
//! a thread of each process listens on a connection of its own. `changes()` then costs no
//! query, and another process's change is seen as soon as the server sends it (milliseconds),
//! where the redb backend's pollers read the counter.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, Config, NoTls};

/// How often the listener looks whether its store was dropped, and how long it waits before
/// connecting again after the server went away.
const TICK: Duration = Duration::from_millis(250);

pub(super) struct Changes {
    value: AtomicU64,
    /// Listening now: `value` is current. Otherwise (the server away) readers ask the database.
    live: AtomicBool,
    stop: AtomicBool,
}

impl Changes {
    pub(super) fn start(config: Config, channel: String) -> Arc<Changes> {
        let shared = Arc::new(Changes {
            value: AtomicU64::new(0),
            live: AtomicBool::new(false),
            stop: AtomicBool::new(false),
        });
        let mine = Arc::clone(&shared);
        let started = std::thread::Builder::new()
            .name("loket-listen".into())
            .spawn(move || mine.run(&config, &channel));
        // Without the thread the store still works: `heard` says nothing, readers ask.
        drop(started);
        shared
    }

    pub(super) fn heard(&self) -> Option<u64> {
        self.live
            .load(Ordering::SeqCst)
            .then(|| self.value.load(Ordering::SeqCst))
    }

    pub(super) fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }

    fn run(&self, config: &Config, channel: &str) {
        while !self.stop.load(Ordering::SeqCst) {
            if let Ok(mut client) = config.connect(NoTls) {
                self.listen(&mut client, channel);
            }
            self.live.store(false, Ordering::SeqCst);
            if !self.stop.load(Ordering::SeqCst) {
                std::thread::sleep(TICK);
            }
        }
    }

    /// Listens until the connection breaks or the store is dropped.
    fn listen(&self, client: &mut Client, channel: &str) {
        let quoted = channel.replace('"', "\"\"");
        if client
            .batch_execute(&format!("LISTEN \"{quoted}\""))
            .is_err()
        {
            return;
        }
        // Changes made while nobody listened: read once, after LISTEN, so none falls between.
        let Ok(row) = client.query_one(
            "SELECT coalesce((SELECT value FROM meta WHERE key = 'changes'), 0)",
            &[],
        ) else {
            return;
        };
        self.value
            .fetch_max(row.get::<_, i64>(0) as u64, Ordering::SeqCst);
        self.live.store(true, Ordering::SeqCst);
        while !self.stop.load(Ordering::SeqCst) {
            {
                let mut notes = client.notifications();
                let mut waiting = notes.timeout_iter(TICK);
                loop {
                    match waiting.next() {
                        Ok(Some(n)) => {
                            if let Ok(v) = n.payload().parse::<u64>() {
                                self.value.fetch_max(v, Ordering::SeqCst);
                            }
                        }
                        Ok(None) => break,
                        Err(_) => return,
                    }
                }
            }
            if client.is_closed() {
                return;
            }
        }
    }
}
