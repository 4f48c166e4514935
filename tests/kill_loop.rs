//! The fault probe's kill loop, kept: 240 `loket` processes (registrations, imports, card
//! prints) each killed with SIGKILL at a random moment of its short life, while the store must
//! stay whole: `loket check` intact, every number once, an import all or nothing, and never a
//! card sent to the printer that the store does not know. The figures are in
//! docs/reliability.md.

mod common;

use std::collections::HashSet;
use std::process::{Child, Stdio};
use std::time::Duration;

use common::Site;
use loket::store::{PrintOutcome, Store};

const KILLS: usize = 240;
const IMPORT_ROWS: usize = 30;

/// A small deterministic generator: the seed is printed, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn import_file(site: &Site) -> std::path::PathBuf {
    let mut text = String::new();
    for i in 0..IMPORT_ROWS {
        text.push_str(&format!(
            "I-{i:04},Anggota Impor {i},0,,,Jl. Mawar {i},,,0,,351512570305{:04},081234567890,,2026-11-28,2026-11-28,2028-11-28,2005-03-17,\n",
            100 + i
        ));
    }
    let file = site.path().join("impor.csv");
    std::fs::write(&file, text).unwrap();
    file
}

fn fake_lp(site: &Site) -> (std::path::PathBuf, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let bin = site.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = site.path().join("lp.log");
    let lp = bin.join("lp");
    std::fs::write(
        &lp,
        format!(
            "#!/bin/sh\nfor last; do :; done\necho \"$last\" >> {}\necho \"request id is fake-$$ (1 file(s))\"\n",
            log.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).unwrap();
    (bin, log)
}

/// Verified requests to print (and reprint) while the loop runs.
fn ready_to_print(site: &Site, n: usize) -> Vec<String> {
    let photo = site.path().join("kamera.jpg");
    std::fs::write(&photo, loket::service::demo::portrait("x")).unwrap();
    (0..n)
        .map(|i| {
            let nik = format!("35150217089{:05}", i + 1);
            let no = site.add(&format!("Pencetak {i}"), &nik, "1990-08-17", "L");
            site.ok(&["request", "call", &no]);
            site.ok(&["photo", "import", &no, photo.to_str().unwrap()]);
            site.ok(&["request", "verify", &no]);
            no
        })
        .collect()
}

#[test]
fn two_hundred_and_forty_sigkills_across_register_import_and_print_lose_nothing() {
    let site = Site::new();
    let import = import_file(&site);
    let (bin, lp_log) = fake_lp(&site);
    let printable = ready_to_print(&site, 4);
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let seed = std::env::var("LOKET_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    eprintln!("kill loop seed {seed} (replay with LOKET_KILL_SEED={seed})");
    let mut rng = Lcg(seed);
    let command = |i: usize| {
        let mut cmd = site.cmd();
        cmd.env("PATH", &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        match i % 3 {
            0 => {
                let nik = format!("351501570305{:04}", i + 1);
                cmd.args(common::add_args(
                    &format!("Pendaftar {i}"),
                    &nik,
                    "2005-03-17",
                    "P",
                ));
            }
            1 => {
                cmd.args(["import", "slims", import.to_str().unwrap()]);
            }
            _ => {
                let no = &printable[(i / 3) % printable.len()];
                cmd.args([
                    "card",
                    "print",
                    no,
                    "--printer",
                    "fake",
                    "--reprint-reason",
                    "uji",
                ]);
            }
        }
        cmd
    };
    // How long each kind lives on this machine now, so the signals fall across the whole
    // life of a process (start, store open, the write, the printer, the exit) and not only
    // into its start. Measured on throwaway numbers, again at every checkpoint (the load of a
    // shared CI machine changes), and not counted below.
    let mut extra = KILLS * 3;
    let mut measure = |life: &mut [Duration; 3]| {
        for (kind, l) in life.iter_mut().enumerate() {
            extra += 3;
            let started = std::time::Instant::now();
            let out = command(extra - 3 + kind)
                .stderr(Stdio::piped())
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", common::stderr(&out));
            *l = started.elapsed();
        }
    };
    let mut life = [Duration::ZERO; 3];
    measure(&mut life);
    eprintln!(
        "lives: register {:?}, import {:?}, print {:?}",
        life[0], life[1], life[2]
    );
    let mut finished = 0;
    for i in 0..KILLS {
        let mut child: Child = command(i).spawn().unwrap();
        let window = life[i % 3].as_micros() as u64 * 3 / 2 + 1;
        std::thread::sleep(Duration::from_micros(rng.next() % window));
        if child.try_wait().unwrap().is_some() {
            finished += 1;
        }
        let _ = child.kill();
        child.wait().unwrap();
        // Now and then the whole store is checked while the loop goes on.
        if i % 60 == 59 {
            assert!(
                site.ok(&["--lang", "en", "check"]).contains("intact"),
                "after {i} kills"
            );
        }
    }
    eprintln!("{KILLS} processes killed, {finished} of them had finished before the signal");

    assert!(site.ok(&["--lang", "en", "check"]).contains("intact"));
    let store = Store::open(&site.store_file()).unwrap();
    let members = store.members().unwrap();
    let numbers: HashSet<_> = members.iter().map(|m| m.member_no.to_string()).collect();
    assert_eq!(numbers.len(), members.len(), "a member number given twice");
    let niks: Vec<_> = members.iter().filter_map(|m| m.nik.clone()).collect();
    let distinct: HashSet<_> = niks.iter().collect();
    assert_eq!(distinct.len(), niks.len(), "a NIK held twice");
    let imported = members
        .iter()
        .filter(|m| m.member_no.as_str().starts_with("I-"))
        .count();
    assert!(
        imported == 0 || imported == IMPORT_ROWS,
        "an import half written: {imported} of {IMPORT_ROWS}"
    );
    for m in &members {
        for r in store.requests_for(m.member_no.as_str()).unwrap() {
            assert_eq!(r.member_no, m.member_no);
        }
    }

    // Every job the printer got is an attempt the store knows; every print it recorded had
    // a job sent.
    let attempts = store.print_attempts().unwrap();
    let known: HashSet<_> = attempts.iter().map(|a| a.pdf.clone()).collect();
    let jobs = std::fs::read_to_string(&lp_log).unwrap_or_default();
    for job in jobs.lines() {
        assert!(
            known.contains(job),
            "a card sent that the store does not know: {job}"
        );
    }
    let sent: HashSet<_> = jobs.lines().collect();
    for no in &printable {
        let r = store.current_request_for(no).unwrap().unwrap();
        let mine: Vec<_> = attempts
            .iter()
            .filter(|a| a.member_nos.iter().any(|n| n == no))
            .collect();
        let printed = mine
            .iter()
            .filter(|a| matches!(a.outcome, PrintOutcome::Printed { .. }))
            .count() as u32;
        let unsettled = mine
            .iter()
            .filter(|a| matches!(a.outcome, PrintOutcome::Claimed | PrintOutcome::Interrupted))
            .count() as u32;
        // Recorded printed ⇒ the job went out: at least the printed attempts, at most those
        // and the attempts cut short after the job left.
        assert!(
            r.print_count >= printed && r.print_count <= printed + unsettled,
            "{no}: {} prints recorded, {printed} printed and {unsettled} cut short",
            r.print_count
        );
        for a in mine {
            if matches!(a.outcome, PrintOutcome::Printed { .. }) {
                assert!(
                    sent.contains(a.pdf.as_str()),
                    "recorded printed, never sent: {a:?}"
                );
            }
        }
    }
    let count = |f: fn(&PrintOutcome) -> bool| attempts.iter().filter(|a| f(&a.outcome)).count();
    eprintln!(
        "held: {} registrations, import {}, {} jobs sent; attempts {} printed, {} cut short, {} failed",
        members
            .iter()
            .filter(|m| m.full_name.starts_with("Pendaftar"))
            .count(),
        if imported == 0 {
            "not committed"
        } else {
            "whole"
        },
        jobs.lines().count(),
        count(|o| matches!(o, PrintOutcome::Printed { .. })),
        count(|o| matches!(o, PrintOutcome::Claimed | PrintOutcome::Interrupted)),
        count(|o| matches!(o, PrintOutcome::Failed { .. })),
    );
    // And the store still takes work: one more of each, to the end.
    site.add("Terakhir", "3515015703059999", "2005-03-17", "P");
    site.ok(&["import", "slims", import.to_str().unwrap()]);
}
