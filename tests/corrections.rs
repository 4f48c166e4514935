//! Issue 13 from the shell, the real binary against a real store: who a command runs as,
//! accounts looked after by an administrator, a member's data corrected, a step undone.

mod common;

use std::io::Write;
use std::process::{Output, Stdio};

use common::{Site, stderr};
use loket::store::Store;

const NIK_SITI: &str = "3515125703050002"; // made up: Sidoarjo, 17-03-2005, female
const NIK_BUDI: &str = "3515011708900001"; // made up: Tarik, 17-08-1990, male
const PW: &str = "kata-sandi-rahasia";

/// Runs loket with `input` on standard input.
fn run_in(site: &Site, args: &[&str], input: &str, env: &[(&str, &str)]) -> Output {
    let mut c = site.cmd();
    c.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    let mut child = c.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn add_user(site: &Site, name: &str, role: &str) {
    let o = run_in(
        site,
        &["user", "add", name, "--role", role, "--password-stdin"],
        &format!("{PW}\n"),
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

fn history_by(site: &Site, no: &str) -> Vec<String> {
    let req = site.json(&["request", "show", no, "--json"]);
    req["request"]["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["by"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_command_is_recorded_under_the_account_it_runs_as_never_unknown() {
    let site = Site::new();
    add_user(&site, "admin", "admin");
    add_user(&site, "rina", "staff");
    let no = site.add("Siti Rahayu", NIK_SITI, "2005-03-17", "P");
    // A shell user with no account: named, and marked as the shell.
    assert_eq!(history_by(&site, &no), ["shell:petugas1"]);

    // --as with the password in LOKET_PASSWORD (scripts).
    let o = run_in(
        &site,
        &["--as", "rina", "request", "call", &no],
        "",
        &[("LOKET_PASSWORD", PW)],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(history_by(&site, &no)[1], "rina");

    // --as with a wrong password on stdin: refused, nothing recorded.
    let o = run_in(
        &site,
        &["--as", "rina", "request", "cancel", &no, "--reason", "x"],
        "salah\n",
        &[],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("kata sandi salah"), "{}", stderr(&o));
    assert_eq!(history_by(&site, &no).len(), 2);

    // The OS user linked to an account: its commands are the account's.
    let o = run_in(
        &site,
        &["user", "link", "rina", "--os-user", "petugas1"],
        "",
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out(&o).contains("atas nama akun rina"), "{}", out(&o));
    let b = site.add("Budi Santoso", NIK_BUDI, "1990-08-17", "L");
    assert_eq!(history_by(&site, &b), ["rina"]);
    let list = site.ok(&["user", "list"]);
    assert!(list.contains("os: petugas1"), "{list}");

    let log = Store::open(&site.store_file())
        .unwrap()
        .audit_log(100)
        .unwrap();
    assert!(log.iter().all(|e| !e.user.contains("unknown")));
    assert!(
        log.iter()
            .any(|e| e.action == "signin-failed" && e.subject == "rina")
    );
}

#[test]
fn an_administrator_sets_a_password_disables_and_changes_roles_but_keeps_one_admin() {
    let site = Site::new();
    add_user(&site, "admin", "admin");
    add_user(&site, "rina", "staff");
    let admin = [("LOKET_PASSWORD", PW)];

    // A clerk may not look after accounts.
    let o = run_in(
        &site,
        &["--as", "rina", "user", "disable", "admin"],
        "",
        &[("LOKET_PASSWORD", PW)],
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("perlu akun administrator"),
        "{}",
        stderr(&o)
    );

    // passwd: the new password works, and must be changed at the next sign-in.
    let o = run_in(
        &site,
        &[
            "--as",
            "admin",
            "user",
            "passwd",
            "rina",
            "--password-stdin",
        ],
        "sandi-baru-123\n",
        &admin,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        out(&o).contains("harus memilih kata sandi sendiri"),
        "{}",
        out(&o)
    );
    let store = Store::open(&site.store_file()).unwrap();
    let rina = store.account("rina").unwrap().unwrap();
    assert!(rina.must_change_password);
    assert!(loket::service::users::verify_password(
        &rina,
        "sandi-baru-123"
    ));
    drop(store);
    assert!(
        site.ok(&["user", "list"])
            .contains("ganti sandi saat masuk")
    );

    // Disable, refused sign-in, enable.
    let o = run_in(
        &site,
        &["--as", "admin", "user", "disable", "rina"],
        "",
        &admin,
    );
    assert!(out(&o).contains("dinonaktifkan"), "{}", out(&o));
    let o = run_in(
        &site,
        &["--as", "rina", "status"],
        "",
        &[("LOKET_PASSWORD", "sandi-baru-123")],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("dinonaktifkan"), "{}", stderr(&o));
    let o = run_in(
        &site,
        &["--as", "admin", "user", "enable", "rina"],
        "",
        &admin,
    );
    assert!(out(&o).contains("aktif lagi"), "{}", out(&o));

    // The last active administrator is neither disabled nor demoted.
    for args in [
        &["--as", "admin", "user", "disable", "admin"][..],
        &["--as", "admin", "user", "role", "admin", "staff"][..],
    ] {
        let o = run_in(&site, args, "", &admin);
        assert!(!o.status.success());
        assert!(
            stderr(&o).contains("satu-satunya administrator"),
            "{}",
            stderr(&o)
        );
    }
    let o = run_in(
        &site,
        &["--as", "admin", "user", "role", "rina", "supervisor"],
        "",
        &admin,
    );
    assert!(
        out(&o).contains("Peran rina sekarang pengawas"),
        "{}",
        out(&o)
    );
    let o = run_in(&site, &["user", "role", "rina", "boss"], "", &[]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn five_wrong_passwords_lock_the_account_for_a_wait_shown_in_minutes() {
    let site = Site::new();
    add_user(&site, "rina", "staff");
    for _ in 0..4 {
        let o = run_in(&site, &["--as", "rina", "status"], "salah-salah\n", &[]);
        assert!(stderr(&o).contains("salah"), "{}", stderr(&o));
    }
    let o = run_in(&site, &["--as", "rina", "status"], "salah-salah\n", &[]);
    assert!(stderr(&o).contains("Tunggu 1 menit"), "{}", stderr(&o));
    // The right password is not even tried during the wait.
    let o = run_in(&site, &["--as", "rina", "status"], &format!("{PW}\n"), &[]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("menit"), "{}", stderr(&o));
    // Two minutes later it is.
    let o = run_in(
        &site,
        &["--as", "rina", "status"],
        &format!("{PW}\n"),
        &[("LOKET_NOW", "2026-11-28T02:02:00Z")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn member_edit_checks_like_registration_and_audits_before_and_after_masked() {
    let site = Site::new();
    let siti = site.add("Siti Rahyu", NIK_SITI, "2005-03-17", "P");
    let budi = site.add("Budi Santoso", NIK_BUDI, "1990-08-17", "L");
    let said = site.ok(&[
        "member",
        "edit",
        &siti,
        "--name",
        "Siti Rahayu",
        "--mother",
        "Maimunah",
    ]);
    assert!(said.contains("diperbaiki (2 isian)"), "{said}");
    assert!(said.contains("\"Siti Rahyu\" → \"Siti Rahayu\""), "{said}");
    assert!(!said.contains("Maimunah"), "{said}");
    assert!(site.ok(&["member", "show", &siti]).contains("Siti Rahayu"));
    assert_eq!(
        site.json(&["member", "search", "rahayu", "--json"])[0]["member_no"],
        siti.as_str()
    );

    // The same checks as the form: a bad date, a NIK contradicting the birth date.
    let o = site.run(&["member", "edit", &siti, "--birth-date", "31-02-2005"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = site.run(&["member", "edit", &siti, "--birth-date", "2005-03-18"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // Another member's NIK: refused, naming that member's number only.
    let o = site.run(&[
        "member",
        "edit",
        &budi,
        "--nik",
        NIK_SITI,
        "--birth-date",
        "2005-03-17",
        "--sex",
        "P",
    ]);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains(&siti) && !e.contains("Siti"), "{e}");
    let o = site.run(&["member", "edit", &budi]);
    assert!(
        stderr(&o).contains("Tidak ada yang berubah"),
        "{}",
        stderr(&o)
    );

    let audit = site.ok(&["audit", "--subject", &siti]);
    assert!(audit.contains("member-edit"), "{audit}");
    assert!(audit.contains("mother changed"), "{audit}");
    assert!(
        !audit.contains("Maimunah") && !audit.contains("Ibu Rekaan"),
        "{audit}"
    );
    assert!(!audit.contains(NIK_SITI), "{audit}");
}

/// Takes member `no` through to the handover with the service (the print recorded without a
/// printer, as a clerk would after the job was accepted).
fn hand_over(site: &Site, no: &str) {
    site.ok(&["request", "call", no]);
    let store = Store::open(&site.store_file()).unwrap();
    let config = loket::config::Config::default();
    let clock = loket::config::Clock::new(
        jiff::tz::TimeZone::get("Asia/Jakarta").unwrap(),
        Some(common::MORNING.parse().unwrap()),
    );
    let desk = loket::service::Desk::new(&store, &config, &clock, shell());
    let photo = image_jpeg();
    desk.take_photo(no, &photo, None).unwrap();
    drop(store);
    site.ok(&["request", "verify", no]);
    let store = Store::open(&site.store_file()).unwrap();
    let desk = loket::service::Desk::new(&store, &config, &clock, shell());
    let r = desk.open_request(no).unwrap();
    desk.record_print(&r, None).unwrap();
    drop(store);
    site.ok(&["request", "laminate", no]);
    site.ok(&["request", "handover", no, "--received-by", "Siti Rahayu"]);
}

/// The shell user the binary runs as in these tests (`USER=petugas1`, see `common`).
fn shell() -> loket::domain::workflow::Actor {
    loket::domain::workflow::Actor {
        user: "shell:petugas1".into(),
        terminal: "loket-test".into(),
    }
}

fn image_jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_fn(300, 400, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut buf = std::io::Cursor::new(Vec::new());
    img.write_to(&mut buf, image::ImageFormat::Jpeg).unwrap();
    buf.into_inner()
}

#[test]
fn after_handover_only_a_supervisor_corrects_and_is_told_the_card_is_old() {
    let site = Site::new();
    add_user(&site, "admin", "admin");
    add_user(&site, "rina", "staff");
    add_user(&site, "kasi", "supervisor");
    let no = site.add("Siti Rahyu", NIK_SITI, "2005-03-17", "P");
    hand_over(&site, &no);
    let o = run_in(
        &site,
        &[
            "--as",
            "rina",
            "member",
            "edit",
            &no,
            "--name",
            "Siti Rahayu",
        ],
        "",
        &[("LOKET_PASSWORD", PW)],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("pengawas atau admin"), "{}", stderr(&o));
    let o = run_in(
        &site,
        &[
            "--as",
            "kasi",
            "member",
            "edit",
            &no,
            "--name",
            "Siti Rahayu",
        ],
        "",
        &[("LOKET_PASSWORD", PW)],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out(&o).contains("masih memuat data lama"), "{}", out(&o));
    assert!(
        out(&o).contains(&format!("loket member replace {no}")),
        "{}",
        out(&o)
    );
    let audit = site.ok(&["audit", "--subject", &no, "--user", "kasi"]);
    assert!(audit.contains("member-edit"), "{audit}");
}

#[test]
fn undo_inside_the_window_outside_it_and_by_a_supervisor() {
    let site = Site::new();
    add_user(&site, "admin", "admin");
    add_user(&site, "kasi", "supervisor");
    let no = site.add("Siti Rahayu", NIK_SITI, "2005-03-17", "P");
    site.ok(&["request", "call", &no]);
    // 10 minutes later: inside the 15-minute window.
    let later = [("LOKET_NOW", "2026-11-28T02:10:00Z")];
    let o = run_in(
        &site,
        &["request", "undo", &no, "--reason", "salah orang"],
        "",
        &later,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out(&o).contains("Langkah 'call'"), "{}", out(&o));
    let req = site.json(&["request", "show", &no, "--json"]);
    assert_eq!(req["state"], "registered");
    let actions: Vec<&str> = req["request"]["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["register", "call", "undo"], "append-only");
    assert!(site.ok(&["request", "show", &no]).contains("↶ batal"));
    // Called again, then 20 minutes later: outside the window for the clerk …
    site.ok(&["request", "call", &no]);
    let late = [("LOKET_NOW", "2026-11-28T02:20:00Z")];
    let o = run_in(
        &site,
        &["request", "undo", &no, "--reason", "lagi"],
        "",
        &late,
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("lebih dari 15 menit"), "{}", stderr(&o));
    // … not for a supervisor.
    let o = run_in(
        &site,
        &[
            "--as",
            "kasi",
            "request",
            "undo",
            &no,
            "--reason",
            "salah panggil",
        ],
        "",
        &[("LOKET_PASSWORD", PW), late[0]],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // A configured window.
    std::fs::write(
        site.path().join("loket.toml"),
        "timezone = \"Asia/Jakarta\"\n[counter]\nundo_minutes = 30\n",
    )
    .unwrap();
    site.ok(&["request", "call", &no]);
    let o = run_in(
        &site,
        &["request", "undo", &no, "--reason", "lagi"],
        "",
        &late,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = site.run(&["request", "undo", &no, "--reason", "x"]);
    assert!(stderr(&o).contains("Belum ada langkah"), "{}", stderr(&o));
}

#[test]
fn undoing_a_print_spoils_the_card_and_its_serial_is_never_given_again() {
    let site = Site::new();
    let no = site.add("Siti Rahayu", NIK_SITI, "2005-03-17", "P");
    hand_over(&site, &no);
    // Handover and laminate taken back, then the print.
    for _ in 0..3 {
        site.ok(&["request", "undo", &no, "--reason", "kartu salah cetak"]);
    }
    let store = Store::open(&site.store_file()).unwrap();
    let cards = store.cards_for(&no).unwrap();
    assert_eq!(cards.len(), 1);
    assert!(
        cards[0].blocked.as_deref().unwrap().starts_with("spoiled"),
        "{cards:?}"
    );
    let r = store.current_request_for(&no).unwrap().unwrap();
    assert_eq!(r.state, loket::domain::workflow::RequestState::Verified);
    assert_eq!(r.card_serial, None);
    let config = loket::config::Config::default();
    let clock = loket::config::Clock::new(jiff::tz::TimeZone::UTC, None);
    let desk = loket::service::Desk::new(&store, &config, &clock, shell());
    assert_eq!(desk.card_serial_for(&r).unwrap(), format!("{no}-02"));
    drop(store);
    // The register has no handover for it: the undone one was not a card issued.
    let register = site.ok(&["register", "--format", "json"]);
    assert!(!register.contains(&no), "{register}");
}

#[test]
fn every_subcommand_has_help_text() {
    let site = Site::new();
    for (lang, commands_heading, options_heading) in [
        ("id", "Perintah:", "Pilihan"),
        ("en", "Commands:", "Options"),
    ] {
        for group in [
            "member", "request", "user", "photo", "card", "report", "visit",
        ] {
            let help = site.ok(&["--lang", lang, group, "--help"]);
            let commands = help
                .split(commands_heading)
                .nth(1)
                .unwrap_or_else(|| panic!("{group}: {help}"));
            for line in commands
                .lines()
                .take_while(|l| !l.starts_with(options_heading))
            {
                let words: Vec<&str> = line.split_whitespace().collect();
                if let [name] = words[..] {
                    panic!("loket {group} {name} has no help text in {lang}");
                }
            }
        }
    }
}

#[test]
fn a_print_undone_through_a_real_printer_is_spoiled_and_the_reprint_gets_the_next_serial() {
    if std::env::var("LOKET_TEST_CUPS").is_ok_and(|v| v == "1") {
        let site = Site::new();
        let no = site.add("Siti Rahayu", NIK_SITI, "2005-03-17", "P");
        site.ok(&["request", "call", &no]);
        let photo = site.path().join("foto.jpg");
        std::fs::write(&photo, image_jpeg()).unwrap();
        site.ok(&["photo", "import", &no, photo.to_str().unwrap()]);
        site.ok(&["request", "verify", &no]);
        let print = [
            "card",
            "print",
            &no,
            "--printer",
            "loket-pdf",
            "--sheet",
            "card",
        ];
        site.ok(&print);
        let said = site.ok(&["request", "undo", &no, "--reason", "tinta luntur"]);
        assert!(
            said.contains(&format!("Kartu {no}-01 tercatat rusak")),
            "{said}"
        );
        site.ok(&print);
        let req = site.json(&["request", "show", &no, "--json"]);
        assert_eq!(req["request"]["card_serial"], format!("{no}-02"));
        let store = Store::open(&site.store_file()).unwrap();
        let cards = store.cards_for(&no).unwrap();
        assert_eq!(cards.len(), 2);
        assert!(
            cards[0]
                .blocked
                .as_deref()
                .unwrap()
                .contains("tinta luntur")
        );
        assert_eq!(cards[1].blocked, None);
    } else {
        eprintln!("LOKET_TEST_CUPS is not 1: the CUPS undo runs in CI (bash .ci/run)");
    }
}
