//! Import and export with SLiMS and INLISLite, run as the real binary on temp stores.
//! Every person and NIK here is made up.

mod common;

use std::path::Path;

use common::{Site, stderr};
use loket::domain::member::Member;
use loket::store::Store;

const SLIMS_SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/interop/slims-members.csv"
);
const NIK_SITI: &str = "3515125703050002"; // 17-03-2005, female
const NIK_BUDI: &str = "3515011708900001"; // 17-08-1990, male

/// Everything the store says about its members, and its change counter.
fn snapshot(site: &Site) -> (Vec<Member>, u64) {
    let store = Store::open(&site.store_file()).unwrap();
    (store.members().unwrap(), store.changes().unwrap())
}

fn out_err(o: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), stderr(o))
}

fn line_of<'a>(report: &'a str, no: &str, name: &str) -> &'a str {
    report
        .lines()
        .find(|l| l.contains(no) && l.contains(name))
        .unwrap_or_else(|| panic!("no line for {no} {name} in\n{report}"))
}

#[test]
fn the_slims_sample_is_reported_row_by_row_and_all_or_nothing_writes_nothing() {
    let site = Site::new();
    site.add("Budi Santoso", NIK_BUDI, "1990-08-17", "L");
    let before = snapshot(&site);

    let o = site.run(&["--lang", "en", "import", "slims", SLIMS_SAMPLE]);
    assert_eq!(o.status.code(), Some(2), "{}", out_err(&o));
    let report = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        line_of(&report, "S-0001", "Rahayu, Siti").ends_with("imported"),
        "{report}"
    );
    assert!(line_of(&report, "26112800001", "Budi Santoso").contains("updated (matched by NIK)"));
    assert!(
        report.contains("member_type_name: member type 'Dosen' is unknown"),
        "{report}"
    );
    let eko = &report[report.find("Eko Prasetyo").unwrap()..];
    let eko: Vec<&str> = eko.lines().take(3).collect();
    assert!(eko[1].contains("18 or 19"), "the short row: {eko:?}");
    assert!(
        !eko[2].contains("gender"),
        "and nothing read from the wrong places: {eko:?}"
    );
    let budi = &report[report.find("Budi Santoso").unwrap()..];
    assert!(
        !budi.lines().nth(1).unwrap().contains("ibu kandung"),
        "the store has Budi's mother's name: no flag: {budi}"
    );
    assert!(
        report.contains("pin: A NIK has 16 digits; 15 were typed"),
        "{report}"
    );
    assert!(
        report.contains("member_id: same member number as line 2 of this file"),
        "{report}"
    );
    let gita = line_of(&report, "S-0007", "Gita Permata");
    assert!(
        gita.ends_with("imported"),
        "missing data is flagged, not refused: {gita}"
    );
    assert!(
        report.contains("(ibu kandung): empty; ask for it at verification"),
        "{report}"
    );
    assert!(
        report.contains("line     2"),
        "line numbers count from the header: {report}"
    );
    assert!(
        report.contains("line     4"),
        "a quoted line break moves the next row: {report}"
    );
    assert!(
        report.contains("2 imported, 1 updated, 0 skipped, 4 rejected"),
        "{report}"
    );
    assert!(stderr(&o).contains("Nothing was written"), "{}", stderr(&o));
    for nik in [NIK_SITI, NIK_BUDI, "3515034101000003", "351512570305000"] {
        assert!(!out_err(&o).contains(nik), "NIK {nik} printed unmasked");
    }
    assert!(report.contains("3515********0002"));
    assert_eq!(snapshot(&site), before, "a refused import changes nothing");

    // The dry run of a partial import reports the same and writes nothing either.
    let o = site.run(&["import", "slims", SLIMS_SAMPLE, "--partial", "--dry-run"]);
    assert!(o.status.success(), "{}", out_err(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("tidak ada yang ditulis"));
    assert_eq!(snapshot(&site), before, "a dry run changes nothing");

    // --partial writes the good rows, in one go.
    let o = site.run(&["import", "slims", SLIMS_SAMPLE, "--partial", "--requests"]);
    assert!(o.status.success(), "{}", out_err(&o));
    let (members, changes) = snapshot(&site);
    assert_eq!(members.len(), 3, "Budi, and Siti and Gita from the file");
    assert!(changes > before.1);
    let siti = members
        .iter()
        .find(|m| m.member_no.as_str() == "S-0001")
        .unwrap();
    assert_eq!(siti.full_name, "Rahayu, Siti");
    assert_eq!(
        siti.status.code(),
        "expired",
        "its expiry 46037 is 15-01-2026"
    );
    assert_eq!(siti.birth_date.to_string(), "2005-03-17");
    let budi = members
        .iter()
        .find(|m| m.member_no.as_str() == "26112800001")
        .unwrap();
    assert_eq!(budi.address.street, "Jl. Baru 9", "updated from the file");
    assert_eq!(
        budi.mother_name.0, "Ibu Rekaan",
        "kept: SLiMS has no mother's name"
    );
    let gita = members
        .iter()
        .find(|m| m.member_no.as_str() == "S-0007")
        .unwrap();
    assert_eq!(gita.status.code(), "pending");
    assert_eq!(gita.member_type, "pelajar");
    let req = site.json(&["request", "show", "S-0007", "--json"]);
    assert_eq!(
        req["source"], "import",
        "a member without a card gets a request"
    );
    // …which waits in every counter's queue like any other.
    let queue = site.json(&["request", "list", "--json"]);
    assert!(
        queue
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["member_no"] == "S-0007" && r["source"] == "import"),
        "{queue}"
    );
    assert!(
        site.run(&["request", "show", "S-0001", "--json"])
            .status
            .code()
            != Some(0)
    );

    // Importing again: nothing new, the same rows are skipped.
    let o = site.run(&["--lang", "en", "import", "slims", SLIMS_SAMPLE, "--partial"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("0 imported, 0 updated, 3 skipped"));
}

#[test]
fn an_imported_number_in_todays_sequence_is_not_given_out_again() {
    let site = Site::new();
    let file = site.path().join("m.csv");
    std::fs::write(
        &file,
        format!(
            "26112800001,Siti Rahayu,0,,,Jl. Mawar 3,,,0,,{NIK_SITI},081234567890,,2026-11-28,2026-11-28,2028-11-28,2005-03-17,\n\
             26112800007,Sri Wahyuni,0,,,Jl. Mawar 5,,,0,,,081234567899,,2026-11-28,2026-11-28,2028-11-28,2001-02-03,\n"
        ),
    )
    .unwrap();
    site.ok(&["import", "slims", file.to_str().unwrap()]);
    let no = site.add("Budi Santoso", NIK_BUDI, "1990-08-17", "L");
    assert_eq!(
        no, "26112800008",
        "the day's sequence continues after the imported numbers"
    );
}

#[test]
fn an_import_failing_inside_the_store_leaves_it_as_it_was() {
    use loket::domain::member_no::MemberNoScheme;
    use loket::domain::workflow::Actor;
    use loket::store::{ImportBatch, ImportWrite};
    let site = Site::new();
    let no = site.add("Budi Santoso", NIK_BUDI, "1990-08-17", "L");
    let store = Store::open(&site.store_file()).unwrap();
    let budi = store.member(&no).unwrap().unwrap();
    let before = (store.members().unwrap(), store.changes().unwrap());
    let mut fresh = budi.clone();
    fresh.member_no = loket::domain::member_no::MemberNo::new("X-1");
    fresh.nik = None;
    fresh.identity_no.0.clear();
    let actor = Actor {
        user: "t".into(),
        terminal: "t".into(),
    };
    let err = store.import_members(
        ImportBatch {
            // The first is fine; the second takes a number the store already has.
            writes: vec![
                ImportWrite::Add {
                    member: Box::new(fresh),
                    request: true,
                },
                ImportWrite::Add {
                    member: Box::new(budi),
                    request: false,
                },
            ],
            scheme: &MemberNoScheme::default(),
            actor: &actor,
            at: jiff::Timestamp::UNIX_EPOCH,
            origin: "test",
        },
        &mut |_| {},
    );
    assert!(err.is_err());
    assert_eq!((store.members().unwrap(), store.changes().unwrap()), before);
    assert!(store.requests_for("X-1").unwrap().is_empty());
}

/// The fields both ends keep, for comparing members across a round trip.
fn comparable(m: &Member, slims_only: bool) -> String {
    if slims_only {
        format!(
            "{} {} {:?} {} {:?} {} {} {} {:?} {:?} {}",
            m.member_no,
            m.full_name,
            m.sex,
            m.birth_date,
            m.nik.as_ref().map(|n| n.to_string()),
            m.phone,
            m.email,
            m.member_type,
            m.valid_until,
            m.status,
            m.institution
        )
    } else {
        let mut m = m.clone();
        // The files carry the registration date, not the time of day.
        let day = m
            .registered_at
            .to_zoned(jiff::tz::TimeZone::get("Asia/Jakarta").unwrap())
            .date();
        m.registered_at = jiff::Timestamp::UNIX_EPOCH;
        format!("{day} {}", serde_json::to_string(&m).unwrap())
    }
}

fn round_trip(system: &str, file_name: &str, slims_only: bool) {
    let a = Site::new();
    a.add("Budi Santoso", NIK_BUDI, "1990-08-17", "L");
    a.add("Siti Rahayu", NIK_SITI, "2005-03-17", "P");
    a.ok(&["import", "slims", SLIMS_SAMPLE, "--partial"]);
    let file = a.path().join(file_name);
    let o = a.run(&["export", system, file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", out_err(&o));
    assert!(stderr(&o).contains("NIK"), "the export says what it holds");
    check_private(&file);

    let b = Site::new();
    let o = b.run(&["import", system, file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", out_err(&o));
    // SLiMS gets members with a card only: its import never updates a member it has, so a
    // pending one would stay there as it was exported.
    let want: Vec<String> = snapshot(&a)
        .0
        .iter()
        .filter(|m| !slims_only || m.status.code() != "pending")
        .map(|m| comparable(m, slims_only))
        .collect();
    let got: Vec<String> = snapshot(&b)
        .0
        .iter()
        .map(|m| comparable(m, slims_only))
        .collect();
    assert_eq!(got, want);
}

#[cfg(unix)]
fn check_private(file: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "readable by its owner only");
}

#[test]
fn inlislite_xlsx_round_trip_gives_the_same_members() {
    round_trip("inlislite", "anggota.xlsx", false);
}

#[test]
fn inlislite_csv_round_trip_gives_the_same_members() {
    round_trip("inlislite", "anggota.csv", false);
}

#[test]
fn slims_round_trip_keeps_what_slims_keeps() {
    round_trip("slims", "members.csv", true);
}

#[test]
fn an_inlislite_spreadsheet_with_serial_dates_and_a_missing_column() {
    let site = Site::new();
    let path = site.path().join("anggota.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1").unwrap();
    let head = [
        "No Anggota",
        "Nama",
        "Jenis Kelamin",
        "Tanggal Lahir",
        "NO. IDENTITAS",
        "JENIS IDENTITAS",
        "IBU KANDUNG",
        "No. HP",
        "TANGGAL AKHIR BERLAKU",
        "JENIS ANGGOTA",
    ];
    for (c, h) in head.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let date = rust_xlsxwriter::Format::new().set_num_format("dd-mm-yyyy");
    ws.write_string(1, 0, "I-1").unwrap();
    ws.write_string(1, 1, "Siti Rahayu").unwrap();
    ws.write_string(1, 2, "Perempuan").unwrap();
    ws.write_number_with_format(1, 3, 38428.0, &date).unwrap();
    ws.write_number(1, 4, 3515125703050002.0).unwrap();
    ws.write_string(1, 5, "KTP").unwrap();
    ws.write_string(1, 6, "Ibu Rekaan").unwrap();
    ws.write_number(1, 7, 81234567890.0).unwrap();
    ws.write_string(1, 8, "31-12-2027").unwrap();
    ws.write_string(2, 0, "I-2").unwrap();
    ws.write_string(2, 1, "Anak Rekaan").unwrap();
    ws.write_string(2, 2, "L").unwrap();
    ws.write_string(2, 3, "2015-06-01").unwrap();
    ws.write_string(2, 9, "Anak").unwrap();
    ws.write_string(2, 5, "SIM").unwrap();
    wb.save(&path).unwrap();

    let o = site.run(&[
        "--lang",
        "en",
        "import",
        "inlislite",
        path.to_str().unwrap(),
    ]);
    let report = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(o.status.code(), Some(2), "{}", out_err(&o));
    assert!(
        line_of(&report, "I-1", "Siti Rahayu").ends_with("imported"),
        "{report}"
    );
    assert!(report.contains("JENIS IDENTITAS: pick KTP, KK"), "{report}");
    assert!(!out_err(&o).contains("Ibu Rekaan") && !out_err(&o).contains(NIK_SITI));

    // A file without TANGGAL LAHIR is refused as a whole, naming the column.
    let csv = site.path().join("a.csv");
    std::fs::write(&csv, "NO ANGGOTA,NAMA,JENIS KELAMIN\r\nI-1,Siti,P\r\n").unwrap();
    let o = site.run(&["--lang", "en", "import", "inlislite", csv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("TANGGAL LAHIR"), "{}", stderr(&o));
}

#[test]
fn photos_come_in_through_the_link_file_and_go_out_under_500_kb() {
    let site = Site::new();
    let dir = site.path().join("foto");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("photos.csv"),
        "number,filename\nS-0001,s0001.jpg\nS-0002,rusak.jpg\nS-0007,none.jpg\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("s0001.jpg"),
        loket::service::demo::portrait("S-0001"),
    )
    .unwrap();
    std::fs::write(dir.join("rusak.jpg"), [0xFF, 0xD8, 0xFF]).unwrap();

    // A bad photo fails the whole import unless --partial; nothing is written.
    let clean = site.path().join("dua.csv");
    let sample = std::fs::read_to_string(SLIMS_SAMPLE).unwrap();
    let header_and_two: Vec<&str> = sample.split("\nS-0003").next().unwrap().lines().collect();
    std::fs::write(&clean, header_and_two.join("\n")).unwrap();
    let before = snapshot(&site);
    let o = site.run(&[
        "--lang",
        "en",
        "import",
        "slims",
        clean.to_str().unwrap(),
        "--photos",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", out_err(&o));
    let err = stderr(&o);
    assert!(
        err.contains("S-0007: member number not in the import file"),
        "{err}"
    );
    assert!(err.contains("S-0002 rusak.jpg"), "{err}");
    assert!(err.contains("3 checked, 2 with problems"), "{err}");
    assert_eq!(snapshot(&site), before, "a refused import writes nothing");

    // With --partial the good photo is stored with its member.
    let o = site.run(&[
        "import",
        "slims",
        clean.to_str().unwrap(),
        "--partial",
        "--photos",
        dir.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", out_err(&o));
    let store = Store::open(&site.store_file()).unwrap();
    let photo = store
        .photo("S-0001")
        .unwrap()
        .expect("S-0001's photo stored");
    assert!(photo.starts_with(&[0xFF, 0xD8]) && photo.len() <= 150 * 1024);
    assert!(store.photo("S-0002").unwrap().is_none());
    drop(store);

    // Out again: a JPEG per member under 500 KB and the link file, which imports back.
    let out_dir = site.path().join("keluar");
    let csv = site.path().join("x.csv");
    site.ok(&[
        "export",
        "slims",
        csv.to_str().unwrap(),
        "--photos",
        out_dir.to_str().unwrap(),
    ]);
    // Named as SLiMS names its members' photos in images/persons.
    let exported = std::fs::read(out_dir.join("member_S-0001.jpg")).unwrap();
    assert!(exported.len() <= 500 * 1024);
    let links = std::fs::read_to_string(out_dir.join("photos.csv")).unwrap();
    assert_eq!(links, "number,filename\nS-0001,member_S-0001.jpg\n");
    let exported_csv = std::fs::read_to_string(&csv).unwrap();
    assert!(
        exported_csv.contains("\"member_S-0001.jpg\""),
        "member_image names the photo: {exported_csv}"
    );
    let other = Site::new();
    other.ok(&[
        "import",
        "slims",
        csv.to_str().unwrap(),
        "--photos",
        out_dir.to_str().unwrap(),
    ]);
    let store = Store::open(&other.store_file()).unwrap();
    assert!(store.photo("S-0001").unwrap().is_some());

    // The same folder as a ZIP, as another system hands it over.
    let zip_path = site.path().join("foto.zip");
    {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
        let opts = zip::write::SimpleFileOptions::default();
        for name in ["photos.csv", "member_S-0001.jpg"] {
            zip.start_file(name, opts).unwrap();
            zip.write_all(&std::fs::read(out_dir.join(name)).unwrap())
                .unwrap();
        }
        zip.finish().unwrap();
    }
    let third = Site::new();
    third.ok(&[
        "import",
        "slims",
        csv.to_str().unwrap(),
        "--photos",
        zip_path.to_str().unwrap(),
    ]);
    let store = Store::open(&third.store_file()).unwrap();
    assert!(
        store.photo("S-0001").unwrap().is_some(),
        "photo read from the ZIP"
    );
    // A ZIP that is not one is refused clearly, and nothing is written.
    std::fs::write(&zip_path, "bukan zip").unwrap();
    let fourth = Site::new();
    let o = fourth.run(&[
        "--lang",
        "en",
        "import",
        "slims",
        csv.to_str().unwrap(),
        "--photos",
        zip_path.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("photo archive (ZIP) cannot be read"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_rejected_raw_row_never_shows_a_full_nik() {
    let site = Site::new();
    // Read with the wrong separator, each line is one field holding the whole row; an
    // unclosed quote swallows the rest of the file into one field.
    let semicolons = site.path().join("titik-koma.csv");
    std::fs::write(
        &semicolons,
        format!(
            "S1;Siti Rahayu;0;Umum;;Jl. Mawar 3;;;0;;{NIK_SITI};081234567890;;2025-01-01;2025-01-01;2027-01-01;2005-03-17;\n\
             S2;Budi Santoso;1;Umum;;Jl. Baru 9;;;0;;{NIK_BUDI};081234567891;;2025-01-01;2025-01-01;2027-01-01;1990-08-17;\n"
        ),
    )
    .unwrap();
    let unclosed = site.path().join("kutip.csv");
    std::fs::write(
        &unclosed,
        format!(
            "S1,\"Siti Rahayu,0,Umum,,Jl. Mawar 3,,,0,,{NIK_SITI},081234567890,,2025-01-01,2025-01-01,2027-01-01,2005-03-17,\n\
             S2,Budi Santoso,1,Umum,,Jl. Baru 9,,,0,,{NIK_BUDI},081234567891,,2025-01-01,2025-01-01,2027-01-01,1990-08-17,\n"
        ),
    )
    .unwrap();
    for (file, why) in [
        (&semicolons, "check --separator"),
        (&unclosed, "check --quote"),
    ] {
        for json in [false, true] {
            let mut args = vec!["--lang", "en", "import", "slims", file.to_str().unwrap()];
            if json {
                args.push("--json");
            }
            let o = site.run(&args);
            assert_eq!(o.status.code(), Some(2), "{}", out_err(&o));
            let all = out_err(&o);
            assert!(all.contains(why), "{all}");
            for nik in [NIK_SITI, NIK_BUDI] {
                assert!(!all.contains(nik), "a full NIK in the echo: {all}");
            }
            assert!(
                all.contains("3515********0002"),
                "masked, still recognisable: {all}"
            );
        }
    }
}
