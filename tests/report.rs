//! `loket report` and `loket register` against a store seeded with timelines set by hand:
//! every figure below is worked out in the comments and checked in each format — the
//! terminal table, the CSV parsed back, the PDF read back with `pdftotext -layout`.

mod common;

use std::collections::HashMap;
use std::process::Command;

use common::Site;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use loket::config::{Clock, Config};
use loket::domain::member::MemberDraft;
use loket::domain::member_no::MemberNo;
use loket::domain::staff::{Account, Role};
use loket::domain::visit::{Guest, Visit, Visitor};
use loket::domain::workflow::{Action, Actor, RequestKind, Source};
use loket::service::demo::{made_up_draft, portrait};
use loket::service::{Desk, Verification};
use loket::store::Store;

fn config() -> Config {
    Config {
        timezone: "Asia/Jakarta".into(),
        ..Config::default()
    }
}

/// A local time in Jakarta on 28 November 2026 (or the day given), as an instant.
fn local(day: u8, hh: u8, mm: u8) -> Timestamp {
    format!("2026-11-{day:02}T{hh:02}:{mm:02}:00+07:00")
        .parse()
        .unwrap()
}

/// Does each step at a set time, as `clerk`: the clock moves forward by the seconds given
/// before each action, as the service's demo timeline does.
struct Timeline<'a> {
    store: &'a Store,
    config: &'a Config,
    at: Timestamp,
}

impl Timeline<'_> {
    fn then<T>(&mut self, secs: i64, clerk: &str, f: impl FnOnce(&Desk) -> T) -> T {
        self.at += SignedDuration::from_secs(secs);
        let clock = Clock::new(TimeZone::get("Asia/Jakarta").unwrap(), Some(self.at));
        let actor = Actor {
            user: clerk.into(),
            terminal: "loket-1".into(),
        };
        f(&Desk::new(self.store, self.config, &clock, actor))
    }

    /// Call, photo, verify, print, laminate, hand over: each `secs[i]` after the one before.
    fn through_handover(&mut self, no: &str, secs: [i64; 6], clerk: &str, receiver: Option<&str>) {
        self.then(secs[0], clerk, |d| d.call(no).unwrap());
        self.then(secs[1], clerk, |d| {
            d.take_photo(no, &portrait(no), None).unwrap()
        });
        self.then(secs[2], clerk, |d| {
            d.verify(no, &Verification::default()).unwrap()
        });
        self.then(secs[3], clerk, |d| {
            let r = d.open_request(no).unwrap();
            d.record_print(&r, None).unwrap()
        });
        self.then(secs[4], clerk, |d| d.act(no, Action::Laminate).unwrap());
        self.then(secs[5], clerk, |d| {
            let (received_by, representative) = match receiver {
                Some(r) => (r.to_string(), true),
                None => (d.member(no).unwrap().full_name, false),
            };
            d.act(
                no,
                Action::HandOver {
                    received_by,
                    representative,
                },
            )
            .unwrap()
        });
    }
}

/// What the seeded store holds, for the assertions.
struct Seeded {
    /// Members A, B, C (handed over on the 28th) and D (called on the 27th only).
    nos: Vec<String>,
    drafts: Vec<MemberDraft>,
}

fn register(
    store: &Store,
    config: &Config,
    at: Timestamp,
    draft: &MemberDraft,
    source: Source,
) -> String {
    let mut t = Timeline { store, config, at };
    t.then(0, "rina", |d| d.register(draft, source).unwrap())
        .member
        .member_no
        .to_string()
}

/// The day of 28 November 2026 in Jakarta:
/// - A: counter, registered 08:00 by rina; steps 60/120/240/300/60/60 s by rina, received by
///   the member at 08:14.
/// - B (pelajar): counter, 08:10 by rina; steps 120/240/120/360/180/180 s by budi, received
///   by representative "Ibu Sari" at 08:30.
/// - C: online, 07:00; called an hour later (not timed: online), then 180/180/240/120/90 s by
///   rina, handed over at 08:13:30.
/// - D: counter, registered and called on the 27th: outside the day.
/// - E: a replacement of A's card opened by budi at 13:00; steps 60/60/60/120, a reprint
///   60 s later, laminated 60 s after the reprint, handed over 60 s later (13:08) by budi.
/// - Visits: A at 09:05 and 13:00, B at 09:40, a guest group of 3 at 10:15, an unknown card
///   at 13:30; and one on the 27th at 23:59 that is not the 28th's.
fn seed(site: &Site) -> Seeded {
    let config = config();
    let store = Store::open(&site.store_file()).unwrap();
    let now = local(28, 7, 0);
    store
        .add_account(
            &Account {
                name: "rina".into(),
                full_name: "Rina Wulandari".into(),
                role: Role::Staff,
                password_hash: "not-a-hash".into(),
                created_at: now,
                active: true,
                must_change_password: false,
                failed_signins: 0,
                last_failed_at: None,
                os_users: Vec::new(),
            },
            &Actor {
                user: "admin".into(),
                terminal: "t".into(),
            },
        )
        .unwrap();
    let mut drafts: Vec<MemberDraft> = (0..4).map(|i| made_up_draft(i, 77)).collect();
    drafts[1].member_type = "pelajar".into();
    let a = register(
        &store,
        &config,
        local(28, 8, 0),
        &drafts[0],
        Source::Counter,
    );
    let b = register(
        &store,
        &config,
        local(28, 8, 10),
        &drafts[1],
        Source::Counter,
    );
    let c = register(&store, &config, local(28, 7, 0), &drafts[2], Source::Online);
    let d = register(
        &store,
        &config,
        local(27, 10, 0),
        &drafts[3],
        Source::Counter,
    );

    let tl = |at| Timeline {
        store: &store,
        config: &config,
        at,
    };
    tl(local(28, 8, 0)).through_handover(&a, [60, 120, 240, 300, 60, 60], "rina", None);
    tl(local(28, 8, 10)).through_handover(
        &b,
        [120, 240, 120, 360, 180, 180],
        "budi",
        Some("Ibu Sari"),
    );
    tl(local(28, 7, 0)).through_handover(&c, [3600, 180, 180, 240, 120, 90], "rina", None);
    tl(local(27, 10, 0)).then(120, "rina", |dk| dk.call(&d).unwrap());

    let mut e = tl(local(28, 13, 0));
    e.then(0, "budi", |dk| {
        dk.start(&a, RequestKind::Replacement, Source::Counter)
            .unwrap()
    });
    e.then(60, "budi", |dk| dk.call(&a).unwrap());
    e.then(60, "budi", |dk| {
        dk.take_photo(&a, &portrait(&a), None).unwrap()
    });
    e.then(60, "budi", |dk| {
        dk.verify(&a, &Verification::default()).unwrap()
    });
    e.then(120, "budi", |dk| {
        let r = dk.open_request(&a).unwrap();
        dk.record_print(&r, None).unwrap()
    });
    e.then(60, "budi", |dk| {
        let r = dk.open_request(&a).unwrap();
        dk.record_print(&r, Some("macet di printer".into()))
            .unwrap()
    });
    e.then(60, "budi", |dk| dk.act(&a, Action::Laminate).unwrap());
    e.then(60, "budi", |dk| {
        let name = dk.member(&a).unwrap().full_name;
        dk.act(
            &a,
            Action::HandOver {
                received_by: name,
                representative: false,
            },
        )
        .unwrap()
    });

    let visit = |visitor, at| Visit {
        visitor,
        at,
        terminal: "meja-depan".into(),
    };
    let member = |no: &str| Visitor::Member(MemberNo::new(no));
    let day = jiff::civil::date(2026, 11, 28);
    store
        .record_visits(&[
            (
                day.yesterday().unwrap(),
                visit(member(&a), local(27, 23, 59)),
            ),
            (day, visit(member(&a), local(28, 9, 5))),
            (day, visit(member(&b), local(28, 9, 40))),
            (
                day,
                visit(
                    Visitor::Guest(Guest {
                        name: "Bu Guru Ani".into(),
                        institution: "SDN Sidoarjo 1".into(),
                        purpose: "kunjungan kelas".into(),
                        group_size: 3,
                    }),
                    local(28, 10, 15),
                ),
            ),
            (day, visit(member(&a), local(28, 13, 0))),
            (day, visit(member("99999999999"), local(28, 13, 30))),
        ])
        .unwrap();
    Seeded {
        nos: vec![a, b, c, d],
        drafts,
    }
}

/// The whitespace-separated words of the first line that starts with `label` (after its
/// indent), with the label's own words removed.
fn figures_after(text: &str, label: &str) -> Vec<String> {
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no line '{label}' in:\n{text}"));
    line.trim_start()[label.len()..]
        .split_whitespace()
        .map(String::from)
        .collect()
}

/// The expected step figures, worked by hand (standards: 1, 3, 3, 5, 2, and 1 + 1 minutes).
/// Samples per step, sorted; nearest rank: median at ⌈n/2⌉, p90 at ⌈0.9·n⌉.
/// - 2 report: A 60, E 60, B 120 (C is online: not timed) → n 3, median 60 (rank 2),
///   p90 120 (rank 3), within 2 → 67%
/// - 3 photo: E 60, A 120, C 180, B 240 → n 4, median 120 (rank 2), p90 240 (rank 4),
///   within 3 (180 is not over 180) → 75%
/// - 4 verify: E 60, B 120, C 180, A 240 → 120, 240, 3 → 75%
/// - 5 print: E 120, C 240, A 300, B 360 → 240, 360, 3 → 75%
/// - 6 laminate: A 60, E 60 (from the reprint), C 120, B 180 → 60, 180, 3 → 75%
/// - 7 handover: A 60, E 60, C 90, B 180 → 60, 180, 3 → 75%
///
/// As (key, label, n, median s, p90 s, standard s, within).
const STEPS: [(&str, &str, u64, i64, i64, i64, u64); 6] = [
    ("2", "2 Lapor nomor ke petugas", 3, 60, 120, 60, 2),
    ("3", "3 Foto", 4, 120, 240, 180, 3),
    ("4", "4 Periksa data", 4, 120, 240, 180, 3),
    ("5", "5 Cetak kartu", 4, 240, 360, 300, 3),
    ("6", "6 Potong & pres", 4, 60, 180, 120, 3),
    ("7", "7 Serah & tanda terima", 4, 60, 180, 120, 3),
];

/// Each step's line shows n, median, p90, standard, within and its share, as worked out.
fn assert_steps(text: &str) {
    for (_, label, n, med, p90, std, within) in STEPS {
        let share = format!("{:.0}%", within as f64 * 100.0 / n as f64);
        let want = [
            n.to_string(),
            mmss(med),
            mmss(p90),
            mmss(std),
            within.to_string(),
            share,
        ];
        assert_eq!(figures_after(text, label), want, "{label} in\n{text}");
    }
}

fn mmss(s: i64) -> String {
    format!("{}:{:02}", s / 60, s % 60)
}

#[test]
fn daily_report_as_a_table_matches_the_figures_worked_by_hand() {
    let site = Site::new();
    seed(&site);
    let text = site.ok(&["report", "daily", "--date", "2026-11-28"]);
    assert!(
        text.contains("Laporan Harian Layanan KTA — 28 November 2026"),
        "{text}"
    );
    assert_steps(&text);
    // Registrations: A and B at the counter, C online; D was on the 27th; E a replacement.
    assert_eq!(figures_after(&text, "Loket"), ["2"]);
    assert_eq!(figures_after(&text, "Daring"), ["1"]);
    assert_eq!(figures_after(&text, "Impor"), ["0"]);
    assert_eq!(figures_after(&text, "Penggantian (hilang/rusak)"), ["1"]);
    // Cards: A, B, C, E handed over (E replaced A's card); four prints and one reprint.
    assert_eq!(figures_after(&text, "Kartu diserahkan"), ["4"]);
    assert_eq!(figures_after(&text, "kartu baru"), ["3"]);
    assert_eq!(figures_after(&text, "pengganti (hilang/rusak)"), ["1"]);
    assert_eq!(figures_after(&text, "Kartu dicetak ulang"), ["1"]);
    assert_eq!(figures_after(&text, "Kartu dicetak "), ["4"]);
    // Clerks: rina registered A and B (2) and did A's six steps and C's six = 14, two
    // handovers; budi opened E (1) and did B's six and E's six = 13 (a reprint is no step).
    assert_eq!(figures_after(&text, "rina"), ["14", "2"]);
    assert_eq!(figures_after(&text, "budi"), ["13", "2"]);
    // Visits on the 28th: 1 + 1 + 3 + 1 + 1 = 7 people, 4 member scans, 3 guests.
    assert_eq!(figures_after(&text, "28-11-2026"), ["7", "4", "3"]);
    assert_eq!(figures_after(&text, "09.00–09.59"), ["2"]);
    assert_eq!(figures_after(&text, "10.00–10.59"), ["3"]);
    assert_eq!(figures_after(&text, "13.00–13.59"), ["2"]);
    assert_eq!(figures_after(&text, "Umum"), ["2"]);
    assert_eq!(figures_after(&text, "Pelajar/Mahasiswa"), ["1"]);
    assert_eq!(figures_after(&text, "(tidak diketahui)"), ["1"]);
    assert_eq!(figures_after(&text, "Entri di buku tamu"), ["1"]);
    assert!(
        text.lines().all(|l| l.chars().count() <= 80),
        "wider than 80 columns:\n{text}"
    );
}

#[test]
fn daily_report_as_csv_parses_back_to_the_same_figures() {
    let site = Site::new();
    seed(&site);
    let csv_text = site.ok(&["report", "daily", "--date", "2026-11-28", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        ["section", "key", "label", "measure", "value"]
    );
    let values: HashMap<(String, String, String), String> = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            ((rec[0].into(), rec[1].into(), rec[3].into()), rec[4].into())
        })
        .collect();
    let get = |s: &str, k: &str, m: &str| {
        values
            .get(&(s.into(), k.into(), m.into()))
            .unwrap_or_else(|| panic!("no {s}/{k}/{m} in\n{csv_text}"))
            .clone()
    };
    for (key, _, n, med, p90, std, within) in STEPS {
        assert_eq!(get("steps", key, "count"), n.to_string());
        assert_eq!(get("steps", key, "median_seconds"), med.to_string());
        assert_eq!(get("steps", key, "p90_seconds"), p90.to_string());
        assert_eq!(get("steps", key, "standard_seconds"), std.to_string());
        assert_eq!(get("steps", key, "within"), within.to_string());
        assert_eq!(
            get("steps", key, "within_share"),
            format!("{:.4}", within as f64 / n as f64)
        );
    }
    assert_eq!(get("report", "period", "first"), "2026-11-28");
    assert_eq!(get("registrations", "counter", "count"), "2");
    assert_eq!(get("registrations", "online", "count"), "1");
    assert_eq!(get("registrations", "replacement", "count"), "1");
    assert_eq!(get("cards", "issued", "count"), "4");
    assert_eq!(get("cards", "replaced", "count"), "1");
    assert_eq!(get("cards", "reprinted", "count"), "1");
    assert_eq!(get("clerks", "rina", "steps"), "14");
    assert_eq!(get("visits_by_day", "2026-11-28", "people"), "7");
    assert_eq!(get("visits_by_hour", "10", "people"), "3");
    assert_eq!(get("visits_by_type", "pelajar", "visits"), "1");
    assert_eq!(get("guests", "people", "count"), "3");
}

/// Runs `args` with `--format pdf --out FILE`, checks loket says where it saved it, and
/// reads the PDF back with `pdftotext -layout`.
fn pdf_text(site: &Site, args: &[&str]) -> String {
    let pdf = site.path().join("out.pdf");
    let pdf_arg = pdf.to_str().unwrap();
    let mut all = args.to_vec();
    all.extend(["--format", "pdf", "--out", pdf_arg]);
    let said = site.ok(&all);
    assert!(said.contains(pdf_arg), "{said}");
    pdftotext(&pdf)
}

fn pdftotext(pdf: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is needed for this test: apt-get install poppler-utils");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn daily_report_as_pdf_reads_back_with_header_figures_and_signature() {
    let site = Site::new();
    seed(&site);
    let text = pdf_text(&site, &["report", "daily", "--date", "2026-11-28"]);
    let lib = Config::default().library;
    assert!(text.contains(&lib.name), "{text}");
    assert!(text.contains(&lib.address));
    assert!(text.contains("Laporan Harian Layanan KTA"));
    assert!(text.contains("28 November 2026"));
    assert!(text.contains("Dibuat 28-11-2026 09:00"));
    assert!(text.contains("Mengetahui,"));
    assert!(text.contains("Kepala Seksi"));
    assert!(text.contains("Halaman 1 dari"));
    assert_steps(&text);
    assert_eq!(figures_after(&text, "Kartu diserahkan"), ["4"]);
    assert_eq!(figures_after(&text, "28-11-2026"), ["7", "4", "3"]);
}

#[test]
fn the_register_lists_every_handover_on_paper_without_a_nik() {
    let site = Site::new();
    let s = seed(&site);
    let text = pdf_text(&site, &["register", "--date", "2026-11-28"]);
    assert!(text.contains("Buku Tanda Terima Kartu Anggota"), "{text}");
    assert!(text.contains("Tanda tangan"));
    assert!(text.contains("Mengetahui,"));
    let (a, b, c) = (&s.nos[0], &s.nos[1], &s.nos[2]);
    // (number, name, serial, clerk, receiver, time) of each row, in time order:
    // C 08:13, A 08:14, B 08:30, E (A's replacement) 13:08.
    let rows = [
        (
            c,
            &s.drafts[2].full_name,
            format!("{c}-01"),
            "Rina Wulandari",
            s.drafts[2].full_name.clone(),
            "08:13",
        ),
        (
            a,
            &s.drafts[0].full_name,
            format!("{a}-01"),
            "Rina Wulandari",
            s.drafts[0].full_name.clone(),
            "08:14",
        ),
        (
            b,
            &s.drafts[1].full_name,
            format!("{b}-01"),
            "budi",
            "Ibu Sari".to_string(),
            "08:30",
        ),
        (
            a,
            &s.drafts[0].full_name,
            format!("{a}-02"),
            "budi",
            s.drafts[0].full_name.clone(),
            "13:08",
        ),
    ];
    for (i, (no, name, serial, clerk, receiver, time)) in rows.iter().enumerate() {
        let line = text
            .lines()
            .find(|l| l.contains(serial.as_str()))
            .unwrap_or_else(|| panic!("no row with {serial} in\n{text}"));
        assert!(
            line.trim_start()
                .starts_with(&format!("{} 28-11-2026 {time}", i + 1)),
            "{line}"
        );
        for want in [no.as_str(), name.as_str(), clerk, receiver.as_str()] {
            assert!(line.contains(want), "{want} not in row: {line}");
        }
    }
    assert!(!text.contains(&s.nos[3]), "D was not handed over");
    for d in &s.drafts {
        assert!(!text.contains(&d.identity_no), "a NIK is printed:\n{text}");
        assert!(
            !text.contains(&d.identity_no[..6]),
            "part of a NIK is printed"
        );
        assert!(!text.contains(&d.mother_name), "a mother's name is printed");
    }

    // The terminal shows the same rows, and the representative as one.
    let table = site.ok(&["register", "--date", "2026-11-28"]);
    assert!(table.contains("*Ibu Sari"), "{table}");
    assert!(table.contains("* diterima oleh wakil"));
    assert!(table.contains("Jumlah kartu diserahkan: 4"));
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");

    // The CSV has one line per handover, with the flag as a column of its own.
    let csv_text = site.ok(&["register", "--date", "2026-11-28", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let recs: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(recs.len(), 4);
    assert_eq!(&recs[2][3], b.as_str());
    assert_eq!(&recs[2][9], "Ibu Sari");
    assert_eq!(&recs[2][10], "yes");
    assert!(!csv_text.contains(&s.drafts[0].identity_no));
}

#[test]
fn a_month_a_range_english_and_mistakes() {
    let site = Site::new();
    seed(&site);
    // The month holds D's registration on the 27th too.
    let csv_text = site.ok(&["report", "monthly", "--date", "2026-11", "--format", "csv"]);
    assert!(
        csv_text.contains("registrations,counter,Loket,count,3"),
        "{csv_text}"
    );
    assert!(csv_text.contains("report,period,,last,2026-11-30"));
    // A month's 30 days of visits run over the page: numbered pages, the table continued.
    let text = pdf_text(&site, &["report", "monthly", "--date", "2026-11-28"]);
    assert!(text.contains("Laporan Bulanan Layanan KTA"), "{text}");
    assert!(text.contains("November 2026"));
    assert!(text.contains("Halaman 2 dari"), "{text}");
    assert!(text.contains("(lanjutan)"));
    assert_eq!(figures_after(&text, "30-11-2026"), ["0", "0", "0"]);

    let en = site.ok(&["--lang", "en", "report", "daily", "--date", "2026-11-28"]);
    assert!(
        en.contains("Daily Report, Membership Cards — 28 November 2026"),
        "{en}"
    );
    assert_eq!(
        figures_after(&en, "3 Photo"),
        ["4", "2:00", "4:00", "3:00", "3", "75%"]
    );

    let range = site.ok(&[
        "register",
        "--from",
        "2026-11-27",
        "--to",
        "2026-11-28",
        "--format",
        "csv",
    ]);
    assert_eq!(range.lines().count(), 1 + 4);

    // An empty day says so and what to try; it is not an error.
    let empty = site.ok(&["register", "--date", "2026-11-20"]);
    assert!(
        empty.contains("Tidak ada kartu yang diserahkan pada 20 November 2026"),
        "{empty}"
    );
    let quiet = site.ok(&["report", "daily", "--date", "2026-11-20"]);
    assert!(
        quiet.contains("Tidak ada pendaftaran, langkah kartu, maupun kunjungan"),
        "{quiet}"
    );

    // A bad date says the form expected, in the reader's language; exit code 2.
    let bad = site.run(&["report", "daily", "--date", "28/11/2026"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        common::stderr(&bad).contains("Tulis seperti 2026-11-28"),
        "{}",
        common::stderr(&bad)
    );
    let bad = site.run(&["--lang", "en", "register", "--from", "2026-11-28"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(common::stderr(&bad).contains("need both --from and --to"));
    let bad = site.run(&["register", "--from", "2026-11-28", "--to", "2026-11-01"]);
    assert!(common::stderr(&bad).contains("Tukar --from dan --to"));
    let bad = site.run(&["report", "monthly", "--format", "xls"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(common::stderr(&bad).contains("table, csv, pdf, json"));
}
