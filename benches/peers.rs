//! loket's half of the side-by-side with SLiMS (`tools/peers/side-by-side.py`): the same work
//! on a store the script imported from the same CSV it loaded into SLiMS. Not a criterion
//! bench: the script reads the one JSON line per task this prints and sets it beside SLiMS's.
//! Without `LOKET_PEERS_DIR` (the data folder the script made) it says so and does nothing,
//! so `cargo bench` as a whole still runs.
//!
//! Tasks, each as its SLiMS counterpart does it:
//! - check-in by member number: scan, look-ups, the visit's durable commit, the 80×24 screen
//!   drawn with the member's photo (SLiMS: the visitor counter's POST, which records the visit);
//! - 10 cards: the members and photos read from the store and one PDF of an A4 sheet rendered
//!   (SLiMS: the ten put in the print queue and the queue's card page generated);
//! - name search: the first 20 members whose name matches (SLiMS: the membership list's search);
//! - the disk's floor, no SLiMS counterpart: 4 KB written beside the store and made durable
//!   (`fdatasync`), as often as there are check-ins. Every durable check-in waits at least this
//!   long on this disk, SLiMS's (MariaDB commits durably by default) as well as loket's.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use jiff::ToSpan;
use loket::config::{Clock, Config};
use loket::domain::workflow::Actor;
use loket::i18n::Lang;
use loket::service::Desk;
use loket::service::demo::portrait;
use loket::service::printing::PrintChoice;
use loket::store::Store;
use loket::tui::frontdesk::FrontDesk;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_image::picker::Picker;

fn actor() -> Actor {
    Actor {
        user: "bench".into(),
        terminal: "meja-depan".into(),
    }
}

/// Median and p99 of `times` in ms, and how many, as one JSON line for the script. With fewer
/// than 100 samples there is no p99 to speak of (at 50 the 99th percentile's index is the
/// second largest): the largest is reported instead, as the script does for its own runs.
fn report(task: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: usize| times[(times.len() * q / 100).saturating_sub(1)];
    let tail = match times.last() {
        Some(&max) if times.len() < 100 => max,
        _ => at(99),
    };
    println!(
        "{{\"task\":\"{task}\",\"n\":{},\"median_ms\":{:.3},\"p99_ms\":{:.3}}}",
        times.len(),
        ms(at(50)),
        ms(tail)
    );
}

fn lines(path: PathBuf) -> Vec<String> {
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect()
}

fn main() {
    let Some(dir) = std::env::var_os("LOKET_PEERS_DIR").map(PathBuf::from) else {
        eprintln!("peers: LOKET_PEERS_DIR is not set; run tools/peers/side-by-side.py");
        return;
    };
    let config = Config::load(&dir.join("loket.toml")).expect("the script's config");
    let store = Store::open(&dir.join("loket.redb")).expect("the store the script imported");
    let scanned = lines(dir.join("scan.txt"));
    let names = lines(dir.join("names.txt"));
    let tz = config.time_zone().expect("time zone");
    // Every scan a minute after the last, so none falls inside its member's visit window.
    let base: Timestamp = "2026-12-01T01:00:00Z".parse().unwrap();
    let clock = |n: i64| Clock::new(tz.clone(), Some(base.checked_add(n.minutes()).unwrap()));

    // Untimed: the scanned members get their photo, as a verified member has one.
    {
        let c = clock(0);
        let desk = Desk::new(&store, &config, &c, actor());
        for no in &scanned {
            desk.take_photo(no, &portrait(no), None)
                .unwrap_or_else(|e| panic!("photo for {no}: {e}"));
        }
    }

    let mut check_ins = Vec::new();
    for (n, no) in scanned.iter().enumerate() {
        let c = clock(n as i64 + 1);
        let desk = Desk::new(&store, &config, &c, actor());
        let mut fd = FrontDesk::new(&desk, Lang::Id, Picker::halfblocks());
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let t = Instant::now();
        fd.on_scan(no);
        term.draw(|f| fd.draw(f, f.area())).unwrap();
        check_ins.push(t.elapsed());
        let ci = fd.last_check_in().expect("checked in");
        assert!(ci.visit_recorded, "{no} was not counted");
    }
    report("check-in", check_ins);

    let c = clock(0);
    let desk = Desk::new(&store, &config, &c, actor());
    let mut cards = Vec::new();
    for ten in scanned.chunks_exact(10).take(50) {
        let t = Instant::now();
        let pdf = desk
            .render_cards(ten, &PrintChoice::default())
            .expect("ten cards render");
        cards.push(t.elapsed());
        assert!(pdf.starts_with(b"%PDF"));
    }
    report("10 cards", cards);

    let mut searches = Vec::new();
    for name in names.iter().cycle().take(200) {
        let t = Instant::now();
        let found = store.search_members(name, 20).expect("search");
        searches.push(t.elapsed());
        assert!(!found.is_empty(), "nobody named {name}");
    }
    report("name search", searches);

    // The floor under every durable commit on this disk, timed where the store lies.
    let floor_file = dir.join("fsync-floor.tmp");
    let mut f = std::fs::File::create(&floor_file).expect("a file beside the store");
    let page = [0x5au8; 4096];
    let mut syncs = Vec::new();
    for _ in &scanned {
        use std::io::{Seek, Write};
        let t = Instant::now();
        f.rewind().and_then(|_| f.write_all(&page)).expect("write");
        f.sync_data().expect("fdatasync");
        syncs.push(t.elapsed());
    }
    drop(f);
    let _ = std::fs::remove_file(&floor_file);
    report("durable write", syncs);
}
