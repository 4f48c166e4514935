//! The CLI contract, run as the real binary against a real store file.

mod common;

use common::{Site, add_args, stderr, with};
use loket::store::Store;

const NIK_SITI: &str = "3515125703050002"; // made up: Sidoarjo, 17-03-2005, female
const NIK_BUDI: &str = "3515011708900001"; // made up: Tarik, 17-08-1990, male

fn members(site: &Site) -> u64 {
    site.json(&["status", "--json"])["members"]
        .as_u64()
        .unwrap()
}

#[test]
fn add_prints_the_number_alone_and_lists_mask_the_nik() {
    let site = Site::new();
    let no = site.add("Siti Rahayu", NIK_SITI, "2005-03-17", "P");
    assert_eq!(no, "26112800001", "format 1: YYMMDD + daily sequence");
    let shown = site.ok(&["member", "show", &no]);
    assert!(shown.contains("Siti Rahayu"));
    assert!(shown.contains("3515********0002"), "{shown}");
    assert!(!shown.contains(NIK_SITI));
    assert!(
        !shown.contains("Ibu Rekaan"),
        "mother's name stays out of views"
    );
    let found = site.json(&["member", "search", "sit rah", "--json"]);
    assert_eq!(found[0]["member_no"], no);
    assert_eq!(found[0]["nik"], "3515********0002");
    assert_eq!(found[0]["status"], "pending");
    let by_nik = site.json(&["member", "search", NIK_SITI, "--json"]);
    assert_eq!(by_nik[0]["member_no"], no);
    let req = site.json(&["request", "show", &no, "--json"]);
    assert_eq!(req["state"], "registered");
    assert_eq!(req["source"], "counter");
    assert_eq!(req["request"]["history"][0]["by"], "shell:petugas1");
    assert_eq!(req["request"]["history"][0]["terminal"], "loket-test");
}

#[test]
fn each_invalid_field_is_named_and_nothing_is_written() {
    let site = Site::new();
    let cases: &[(&str, &str, &str)] = &[
        ("--name", "   ", "Nama lengkap"),
        ("--nik", "351501170890001", "16 angka"),
        ("--nik", "35150117O8900001", "hanya berisi angka"),
        ("--nik", "3515013213900001", "bukan tanggal"),
        ("--birth-date", "1990-02-30", "Tanggal lahir"),
        ("--birth-date", "2031-01-01", "masa depan"),
        ("--sex", "X", "Jenis kelamin"),
        ("--sex", "P", "tidak cocok dengan NIK"),
        ("--birth-date", "1990-08-18", "tidak cocok dengan NIK"),
        ("--address", "", "Alamat"),
        ("--mother", "", "Nama ibu kandung"),
        ("--phone", "12ab", "Nomor HP"),
    ];
    for (flag, value, expect) in cases {
        let args = with(
            add_args("Budi Santoso", NIK_BUDI, "1990-08-17", "L"),
            flag,
            Some(value),
        );
        let out = site.run(&args);
        assert_eq!(out.status.code(), Some(2), "{flag}={value}");
        assert!(
            out.stdout.is_empty(),
            "no number printed for {flag}={value}"
        );
        assert!(
            stderr(&out).contains(expect),
            "{flag}={value}: {}",
            stderr(&out)
        );
    }
    // Neither phone nor e-mail.
    let mut args = vec!["--lang", "en"];
    args.extend(with(
        add_args("Budi", NIK_BUDI, "1990-08-17", "L"),
        "--phone",
        None,
    ));
    let out = site.run(&args);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("active phone number or e-mail"));
    assert_eq!(members(&site), 0, "a refused form writes nothing");
}

#[test]
fn a_nik_mismatch_goes_on_only_with_a_recorded_reason() {
    let site = Site::new();
    let args = add_args("Budi", NIK_BUDI, "1990-08-18", "L");
    assert_eq!(site.run(&args).status.code(), Some(2));
    let mut args = args;
    args.extend(["--nik-mismatch-reason", "KTP says 18 Aug; NIK issued wrong"]);
    let no = site.ok(&args);
    let store = Store::open(&site.store_file()).unwrap();
    let m = store.member(no.trim()).unwrap().unwrap();
    assert_eq!(
        m.nik_mismatch_reason.as_deref(),
        Some("KTP says 18 Aug; NIK issued wrong")
    );
}

#[test]
fn a_nik_already_registered_is_refused_with_the_member_to_look_up() {
    let site = Site::new();
    let first = site.add("Siti Rahayu", NIK_SITI, "2005-03-17", "P");
    let mut args = with(
        add_args("Siti R.", NIK_SITI, "2005-03-17", "P"),
        "--phone",
        None,
    );
    args.extend(["--email", "siti@example.org"]);
    let out = site.run(&args);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&first), "{}", stderr(&out));
    assert_eq!(members(&site), 1);
}

#[test]
fn outside_the_regency_is_saved_with_a_note() {
    let site = Site::new();
    let out = site.run(&add_args("Rina", "3578014708950003", "1995-08-07", "P"));
    assert!(out.status.success());
    assert!(stderr(&out).contains("luar kabupaten"), "{}", stderr(&out));
}

#[test]
fn the_daily_sequence_starts_again_the_next_day() {
    let site = Site::new();
    assert_eq!(site.add("A", NIK_SITI, "2005-03-17", "P"), "26112800001");
    assert_eq!(site.add("B", NIK_BUDI, "1990-08-17", "L"), "26112800002");
    let out = site
        .cmd()
        .env("LOKET_NOW", "2026-11-29T02:00:00Z")
        .args(add_args("C", "3515014101000004", "2000-01-01", "P"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "26112900001");
    // 23:30 in Jakarta on the 28th is still the 28th there, though UTC says the same day too;
    // 18:00 UTC on the 28th is already the 29th in Jakarta.
    let out = site
        .cmd()
        .env("LOKET_NOW", "2026-11-28T18:00:00Z")
        .args(add_args("D", "3515014101000005", "2000-01-01", "P"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "26112900002");
}

#[test]
fn steps_from_the_cli_follow_the_sop_and_refuse_what_it_does_not_allow() {
    let site = Site::new();
    let no = site.add("Siti Rahayu", NIK_SITI, "2005-03-17", "P");
    // Verification before the photo is not allowed, and says so.
    let out = site.run(&["request", "verify", &no]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("terdaftar"), "{}", stderr(&out));
    assert!(
        site.ok(&["request", "call", &no])
            .contains("menunggu di loket")
    );
    let out = site.run(&["--lang", "en", "request", "call", &no]);
    assert!(
        stderr(&out).contains("waiting at counter"),
        "{}",
        stderr(&out)
    );
    let list = site.json(&["request", "list", "--state", "waiting", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["name"], "Siti Rahayu");
    // Reject needs a reason; cancel with one ends the request.
    assert_eq!(
        site.run(&["request", "reject", &no, "--reason", " "])
            .status
            .code(),
        Some(1)
    );
    site.ok(&["request", "cancel", &no, "--reason", "applicant left"]);
    let shown = site.json(&["request", "show", &no, "--json"]);
    assert_eq!(shown["state"], "cancelled");
    let history = shown["request"]["history"].as_array().unwrap();
    assert_eq!(history.len(), 3);
    assert_eq!(history[2]["note"], "applicant left");
}

#[test]
fn users_are_added_from_stdin_and_listed_without_passwords() {
    let site = Site::new();
    add_user(&site, "rina", "supervisor");
    let list = site.ok(&["user", "list"]);
    assert!(list.contains("rina") && list.contains("supervisor"));
    assert!(!list.contains("kata-sandi"));
    let store = Store::open(&site.store_file()).unwrap();
    let a = store.account("rina").unwrap().unwrap();
    assert!(loket::service::users::verify_password(
        &a,
        "kata-sandi-rahasia"
    ));
    let log = store.audit_log(10).unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == "user-add" && e.user == "shell:petugas1")
    );
}

/// `user add NAME --role ROLE` with a password on stdin.
fn add_user(site: &Site, name: &str, role: &str) {
    use std::io::Write;
    let mut child = site
        .cmd()
        .args(["user", "add", name, "--role", role, "--password-stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"kata-sandi-rahasia\n")
        .unwrap();
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_supervisor_hands_a_request_to_another_clerk_and_the_audit_log_says_so() {
    let site = Site::new();
    add_user(&site, "rina", "staff");
    add_user(&site, "budi", "staff");
    add_user(&site, "kasi", "supervisor");
    // Each clerk's shell login is recorded under their account.
    for name in ["rina", "kasi"] {
        site.ok(&["user", "link", name, "--os-user", name]);
    }
    let no = site.add("Siti Rahayu", "3515125703050002", "2005-03-17", "P");

    // Not called yet: nobody has it, so there is nothing to hand on.
    let out = site.run(&["request", "reassign", &no, "--to", "budi"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));

    let as_user = |user: &str, args: &[&str]| {
        let out = site.cmd().env("USER", user).args(args).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    as_user("rina", &["request", "call", &no]);
    assert!(
        site.ok(&["request", "show", &no])
            .contains("Ditangani: rina")
    );

    // Only an active clerk's account can take it; the message says where to look.
    let out = site.run(&["request", "reassign", &no, "--to", "kasi"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("loket user list"), "{}", stderr(&out));
    let out = site.run(&["request", "reassign", &no, "--to", "tidak-ada"]);
    assert_eq!(out.status.code(), Some(1));

    let said = as_user("kasi", &["request", "reassign", &no, "--to", "budi"]);
    assert!(said.contains("ditangani budi"), "{said}");
    let shown = site.json(&["request", "show", &no, "--json"]);
    assert_eq!(shown["state"], "waiting");
    assert_eq!(shown["request"]["assigned_to"], "budi");
    assert_eq!(
        shown["request"]["history"].as_array().unwrap().len(),
        2,
        "no step: the time in the step runs on"
    );

    let log = site.json(&["audit", "--user", "kasi", "--json"]);
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(log[0]["action"], "reassign");
    assert_eq!(log[0]["subject"], no.as_str());
    assert_eq!(log[0]["detail"], "from rina to budi");
    assert_eq!(log[0]["terminal"], "loket-test");
    let text = site.ok(&["audit", "--subject", &no]);
    assert!(text.contains("reassign") && text.contains("call"), "{text}");
    assert!(
        !text.contains("3515125703050002"),
        "no whole NIK in the log"
    );

    // Budi's next step is his, and the assignment has done its work.
    as_user(
        "budi",
        &["request", "cancel", &no, "--reason", "pemohon pulang"],
    );
    let shown = site.json(&["request", "show", &no, "--json"]);
    assert!(shown["request"]["assigned_to"].is_null());
}

#[test]
fn backup_is_a_store_that_opens_and_check_passes() {
    let site = Site::new();
    site.ok(&["demo", "--count", "12"]);
    let dest = site.path().join("cadangan.redb");
    site.ok(&["backup", dest.to_str().unwrap()]);
    assert!(site.ok(&["check"]).contains("utuh"));
    let copy = Store::open(&dest).unwrap();
    assert_eq!(copy.member_count().unwrap(), 12);
    assert_eq!(
        copy.search_members("26112800003", 1).unwrap()[0]
            .member_no
            .as_str(),
        "26112800003"
    );
    // A second backup to the same name is refused rather than overwriting it.
    assert_eq!(
        site.run(&["backup", dest.to_str().unwrap()]).status.code(),
        Some(1)
    );
}

#[test]
fn status_counts_states_and_overdue_steps() {
    let site = Site::new();
    let no = site.add("Siti Rahayu", NIK_SITI, "2005-03-17", "P");
    site.ok(&["request", "call", &no]);
    let later = site
        .cmd()
        .env("LOKET_NOW", "2026-11-28T02:10:00Z")
        .args(["status", "--json"])
        .output()
        .unwrap();
    let s: serde_json::Value = serde_json::from_slice(&later.stdout).unwrap();
    assert_eq!(s["members"], 1);
    assert_eq!(
        s["over_standard"], 1,
        "10 minutes waiting for a 3-minute photo step"
    );
    assert_eq!(s["oldest_waiting"]["member_no"], no);
    assert_eq!(s["oldest_waiting"]["minutes"], 10);
    let waiting = s["by_state"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["state"] == "waiting")
        .unwrap()["count"]
        .clone();
    assert_eq!(waiting, 1);
}

#[test]
fn status_counts_todays_visitors_from_the_visitor_book() {
    use loket::domain::visit::{Guest, Visit, Visitor};
    let site = Site::new();
    let no = site.add("Siti Rahayu", NIK_SITI, "2005-03-17", "P");
    let store = Store::open(&site.store_file()).unwrap();
    let at: jiff::Timestamp = common::MORNING.parse().unwrap();
    let today = jiff::civil::date(2026, 11, 28);
    let member = Visit {
        visitor: Visitor::Member(loket::domain::member_no::MemberNo::new(no)),
        at,
        terminal: "depan".into(),
    };
    let group = Visit {
        visitor: Visitor::Guest(Guest {
            name: "SDN Contoh".into(),
            institution: "SDN Contoh 1".into(),
            purpose: "kunjungan sekolah".into(),
            group_size: 25,
        }),
        at,
        terminal: "depan".into(),
    };
    store.record_visit(today, &member).unwrap();
    store.record_visit(today, &group).unwrap();
    store
        .record_visit(jiff::civil::date(2026, 11, 27), &member)
        .unwrap();
    let s = site.json(&["status", "--json"]);
    assert_eq!(s["visits_today"], 26);
}
