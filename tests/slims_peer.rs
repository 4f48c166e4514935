//! loket against a real SLiMS 9.7.0 (../shared/peers/slims/up.sh): its own membership import
//! page takes loket's export, driven over HTTP as an administrator does (sign in, upload,
//! import), and MariaDB then holds every member as loket had them; its own export page's
//! file, with every separator, encloser and record separator its form allows, with and
//! without the header row, comes into loket intact.
//!
//! Runs when LOKET_TEST_SLIMS=1 (CI sets it after starting SLiMS), with SLIMS_URL,
//! SLIMS_ADMIN, SLIMS_PASSWORD as up.sh prints them, SLIMS_WEB (the unpacked SLiMS, for
//! images/persons) and SLIMS_DB (default slims_peer, read with `mysql -uroot`). Set but
//! unreachable is a failure, not a skip. Members here have ids of their own (LKT-…), are
//! removed before and after, and every person and NIK is made up.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use common::{Site, stderr};
use loket::store::Store;

/// One SLiMS a machine, one database: the tests here take turns.
static SLIMS: Mutex<()> = Mutex::new(());

const NIK_SITI: &str = "3515125703050002"; // 17-03-2005, female
const NIK_BUDI: &str = "3515011708900001"; // 17-08-1990, male
const NIK_ADI: &str = "3515010101000003"; // 01-01-2000, male

struct Slims {
    url: String,
    jar: PathBuf,
    web: PathBuf,
    db: String,
    _dir: tempfile::TempDir,
}

/// The SLiMS to test against, signed in as its administrator; `None` when not asked for.
fn slims() -> Option<Slims> {
    if std::env::var("LOKET_TEST_SLIMS").as_deref() != Ok("1") {
        eprintln!("LOKET_TEST_SLIMS is not 1: the real-SLiMS tests do not run here");
        return None;
    }
    let var = |k: &str, default: &str| std::env::var(k).unwrap_or_else(|_| default.to_string());
    let dir = tempfile::tempdir().unwrap();
    let mut url = var("SLIMS_URL", "http://127.0.0.1:8090/");
    if !url.ends_with('/') {
        url.push('/');
    }
    let s = Slims {
        url,
        jar: dir.path().join("cookies.txt"),
        web: PathBuf::from(var("SLIMS_WEB", "/tmp/slims-peer/slims9_bulian")),
        db: var("SLIMS_DB", "slims_peer"),
        _dir: dir,
    };
    let login = s.get("index.php?p=login");
    let login = String::from_utf8_lossy(&login);
    let token = hidden(&login, "name=\"_csrf_token_").unwrap_or_else(|| {
        panic!(
            "LOKET_TEST_SLIMS=1 but {} shows no SLiMS sign-in form: start it with ../shared/peers/slims/up.sh",
            s.url
        )
    });
    let (user, password) = (var("SLIMS_ADMIN", "admin"), var("SLIMS_PASSWORD", ""));
    s.curl(&[
        "--data-urlencode",
        &format!("{}={}", token.0, token.1),
        "--data-urlencode",
        &format!("userName={user}"),
        "--data-urlencode",
        &format!("passWord={password}"),
        "--data-urlencode",
        "logMeIn=Login",
        &format!("{}index.php?p=login", s.url),
    ]);
    let admin = String::from_utf8_lossy(&s.get("admin/index.php")).into_owned();
    assert!(
        admin.contains("logout") || admin.contains("Logout"),
        "signing in to SLiMS as {user} failed (SLIMS_PASSWORD?)"
    );
    Some(s)
}

/// The name and value of the first hidden input whose name starts as `prefix` says.
fn hidden(html: &str, prefix: &str) -> Option<(String, String)> {
    let at = html.find(prefix)?;
    let rest = &html[at + "name=\"".len()..];
    let name = &rest[..rest.find('"')?];
    let v = &rest[rest.find("value=\"")? + "value=\"".len()..];
    Some((name.to_string(), v[..v.find('"')?].to_string()))
}

impl Slims {
    fn curl(&self, args: &[&str]) -> Vec<u8> {
        let jar = self.jar.to_str().unwrap();
        let out = Command::new("curl")
            .args(["-sS", "--max-time", "60", "-c", jar, "-b", jar])
            .args(args)
            .output()
            .expect("curl runs (installed by up.sh)");
        assert!(
            out.status.success(),
            "curl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    fn get(&self, path: &str) -> Vec<u8> {
        self.curl(&[&format!("{}{path}", self.url)])
    }

    fn sql(&self, query: &str) -> String {
        let out = Command::new("mysql")
            .args(["-uroot", "-N", "-B", "-r", &self.db, "-e", query])
            .output()
            .expect("mysql runs");
        assert!(out.status.success(), "{query}: {}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    }

    fn clean(&self, prefix: &str) {
        self.sql(&format!(
            "DELETE FROM member WHERE member_id LIKE '{prefix}%'"
        ));
        if let Ok(dir) = std::fs::read_dir(self.web.join("images/persons")) {
            for e in dir.flatten() {
                if e.file_name()
                    .to_string_lossy()
                    .starts_with(&format!("member_{prefix}"))
                {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    }

    /// The membership import page, as its form and preview page post it: the file with its
    /// CSV format first, then `process` (import.php:88-139 and 140-328).
    fn import(&self, csv: &Path, sep: &str, enc: &str, header: bool) -> String {
        let page =
            String::from_utf8_lossy(&self.get("admin/modules/membership/import.php")).into_owned();
        let csrf = hidden(&page, "name=\"csrf_token\"")
            .map(|t| t.1)
            .unwrap_or_default();
        let url = format!("{}admin/modules/membership/import.php", self.url);
        let mut args = vec![
            "-F".to_string(),
            format!("csrf_token={csrf}"),
            "-F".into(),
            "form_name=mainForm".into(),
            "-F".into(),
            format!("importFile=@{};type=text/csv", csv.display()),
            "-F".into(),
            format!("fieldSep={sep}"),
            "-F".into(),
            format!("fieldEnc={enc}"),
            "-F".into(),
            "recordNum=0".into(),
            "-F".into(),
            "recordOffset=1".into(),
            "-F".into(),
            "doImport=Process".into(),
        ];
        if header {
            args.extend(["-F".into(), "header[]=1".into()]);
        }
        args.push(url.clone());
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let upload = String::from_utf8_lossy(&self.curl(&argv)).into_owned();
        assert!(
            upload.contains("import_preview.php"),
            "SLiMS refused the upload: {upload}"
        );
        let done = self.curl(&["-F", "process=yes", "-F", "doImport=", &url]);
        String::from_utf8_lossy(&done).into_owned()
    }

    /// The membership export page, as its form posts it (export.php:46-123).
    fn export(&self, sep: &str, enc: &str, record: &str, header: bool) -> Vec<u8> {
        let mut args = vec![
            "--data-urlencode".to_string(),
            "doExport=1".into(),
            "--data-urlencode".into(),
            format!("fieldSep={sep}"),
            "--data-urlencode".into(),
            format!("fieldEnc={enc}"),
            "--data-urlencode".into(),
            format!("recordSep={record}"),
            "--data-urlencode".into(),
            "recordNum=0".into(),
            "--data-urlencode".into(),
            "recordOffset=1".into(),
        ];
        if header {
            args.extend(["--data-urlencode".into(), "header=1".into()]);
        }
        args.push(format!("{}admin/modules/membership/export.php", self.url));
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        self.curl(&argv)
    }
}

/// A SLiMS-format file loket imports its test members from: active members of two types,
/// one pending (no expiry), names with a quote and a backslash.
fn seed_loket(site: &Site) {
    let csv = site.path().join("seed.csv");
    std::fs::write(
        &csv,
        format!(
            "member_id,member_name,gender,member_type_name,member_email,member_address,postal_code,inst_name,is_new,member_image,pin,member_phone,member_fax,member_since_date,register_date,expire_date,birth_date,member_notes\n\
             LKT-T1,\"Nur'aini \"\"Ani\"\" Rahayu\",0,Umum,ani@example.org,\"Jl. Mawar 3, RT 01\",,SMA Rekaan,0,,{NIK_SITI},081234567890,,2026-01-15,2026-01-15,2028-01-15,2005-03-17,\n\
             LKT-T2,Budi \\ Santoso,1,Pelajar/Mahasiswa,,Jl. Baru 9,,,0,,{NIK_BUDI},081234567891,,2026-02-01,2026-02-01,2027-02-01,1990-08-17,\n\
             LKT-T3,Adi Saputra,1,Umum,,Jl. Kenanga 1,,,0,,{NIK_ADI},081234567892,,2026-11-01,2026-11-01,,2000-01-01,\n"
        ),
    )
    .unwrap();
    let photos = site.path().join("foto");
    std::fs::create_dir(&photos).unwrap();
    std::fs::write(
        photos.join("photos.csv"),
        "number,filename\nLKT-T1,t1.jpg\n",
    )
    .unwrap();
    std::fs::write(
        photos.join("t1.jpg"),
        loket::service::demo::portrait("LKT-T1"),
    )
    .unwrap();
    site.ok(&[
        "import",
        "slims",
        csv.to_str().unwrap(),
        "--photos",
        photos.to_str().unwrap(),
    ]);
}

#[test]
fn slims_own_import_page_takes_lokets_export() {
    let Some(slims) = slims() else { return };
    let _turn = SLIMS.lock().unwrap_or_else(|e| e.into_inner());
    slims.clean("LKT-T");
    let types_before = slims.sql("SELECT COUNT(*) FROM mst_member_type");

    let site = Site::new();
    seed_loket(&site);
    let store = Store::open(&site.store_file()).unwrap();
    let members = store.members().unwrap();
    drop(store);

    let csv = site.path().join("to-slims.csv");
    let photos = site.path().join("to-slims-photos");
    let o = site.run(&[
        "--lang",
        "en",
        "export",
        "slims",
        csv.to_str().unwrap(),
        "--photos",
        photos.to_str().unwrap(),
        "--type-map",
        "Standard=umum",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(report.contains("2 of 3 members exported"), "{report}");
    assert!(
        report.contains("member_type_name 'Umum' → 'Standard': 1 member (--type-map)"),
        "{report}"
    );
    assert!(
        report.contains(
            "member_type_name 'Pelajar/Mahasiswa' → 'Standard': 1 member (SLiMS's stock type)"
        ),
        "{report}"
    );
    assert!(report.contains("Not exported, no card yet (pending): 1."));
    assert!(
        report.contains("(identity document): 2 members had a value; SLiMS has no field for it"),
        "{report}"
    );

    let answer = slims.import(&csv, ",", "\"", true);
    assert!(answer.contains("Success importing member data"), "{answer}");
    let rows = slims.sql(
        "SELECT m.member_id, m.member_name, m.gender, t.member_type_name, m.member_email, \
         m.member_address, m.inst_name, m.pin, m.member_phone, m.member_since_date, \
         m.register_date, m.expire_date, m.birth_date, IFNULL(m.member_image, '') \
         FROM member m JOIN mst_member_type t ON t.member_type_id = m.member_type_id \
         WHERE m.member_id LIKE 'LKT-T%' ORDER BY m.member_id",
    );
    let rows: Vec<Vec<&str>> = rows.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2, "the two members with a card: {rows:?}");
    for row in &rows {
        let m = members
            .iter()
            .find(|m| m.member_no.as_str() == row[0])
            .unwrap();
        assert_eq!(
            row[1], m.full_name,
            "the name exactly, quotes and backslash too"
        );
        assert_eq!(row[2], if m.sex.letter() == 'L' { "1" } else { "0" });
        assert_eq!(row[3], "Standard", "a type SLiMS has: members can borrow");
        assert_eq!(row[5], m.address.one_line());
        assert_eq!(row[7], m.identity_no.0, "the NIK in pin");
        assert_eq!(row[8], m.phone);
        assert_eq!(row[11], m.valid_until.unwrap().to_string());
        assert_eq!(row[12], m.birth_date.to_string());
    }
    assert_eq!(rows[0][1], "Nur'aini \"Ani\" Rahayu");
    assert_eq!(rows[1][1], "Budi \\ Santoso");
    assert_eq!(rows[0][9], "2026-01-15");
    assert_eq!(rows[0][13], "member_LKT-T1.jpg");
    assert_eq!(rows[1][13], "", "no photo, no file name");
    assert_eq!(
        slims.sql("SELECT COUNT(*) FROM mst_member_type"),
        types_before,
        "no member type invented (SLiMS would give it a loan limit of 0)"
    );

    // The photo, copied into images/persons as the export says, is the one SLiMS shows.
    let jpeg = std::fs::read(photos.join("member_LKT-T1.jpg")).unwrap();
    assert!(jpeg.len() <= 500 * 1024, "SLiMS's max_image_upload");
    let persons = slims.web.join("images/persons");
    std::fs::copy(
        photos.join("member_LKT-T1.jpg"),
        persons.join("member_LKT-T1.jpg"),
    )
    .unwrap();
    assert_eq!(slims.get("images/persons/member_LKT-T1.jpg"), jpeg);
    let page = slims.get("admin/modules/membership/index.php?itemID=LKT-T1&detail=true");
    assert!(
        String::from_utf8_lossy(&page).contains("images/persons/member_LKT-T1.jpg"),
        "SLiMS's member page shows the photo"
    );

    // With --pending the member without a card goes too, with a real expiry date.
    let o = site.run(&["export", "slims", csv.to_str().unwrap(), "--pending"]);
    assert!(o.status.success(), "{}", stderr(&o));
    slims.import(&csv, ",", "\"", true);
    let expiry = slims.sql("SELECT expire_date FROM member WHERE member_id = 'LKT-T3'");
    assert_eq!(
        expiry.trim(),
        "2028-11-28",
        "Umum's 24 months from today, not 0000-00-00"
    );
    slims.clean("LKT-T");
}

/// SLiMS members with what a CSV writer gets wrong: quotes of both kinds, a backslash, line
/// breaks in the name and address, separators inside values.
fn seed_slims(slims: &Slims) {
    slims.clean("LKT-E");
    slims.sql(&format!(
        "INSERT INTO member (member_id, member_name, gender, member_type_id, member_email, \
         member_address, postal_code, inst_name, pin, member_phone, member_since_date, \
         register_date, expire_date, birth_date, member_notes, input_date, last_update) VALUES \
         ('LKT-E1', 'Nur\\'aini \"Ani\" Rahayu', 0, 1, 'ani@example.org', \
          'Jl. Mawar 3; RT 01, RW 02 | Sidoarjo', '61252', 'SMA Rekaan', '{NIK_SITI}', \
          '081234567890', '2025-01-15', '2025-01-15', '2027-01-15', '2005-03-17', \
          'catatan \"bebas\"', NOW(), NOW()), \
         ('LKT-E2', 'Budi \\\\ Santoso', 1, 1, '', 'Jl. Baru 9\\r\\nDesa Contoh', '', '', \
          '{NIK_BUDI}', '081234567891', '2025-02-01', '2025-02-01', '2027-02-01', \
          '1990-08-17', NULL, NOW(), NOW()), \
         ('LKT-E3', 'Adi\\nSaputra', 1, 1, '', 'Jl. Kenanga \\'1\\'', '', '', '{NIK_ADI}', \
          '081234567892', '2025-03-01', '2025-03-01', '2027-03-01', '2000-01-01', NULL, \
          NOW(), NOW())"
    ));
}

#[test]
fn slims_own_export_page_comes_into_loket_intact() {
    let Some(slims) = slims() else { return };
    let _turn = SLIMS.lock().unwrap_or_else(|e| e.into_inner());
    seed_slims(&slims);
    let want = [
        (
            "LKT-E1",
            "Nur'aini \"Ani\" Rahayu",
            "Jl. Mawar 3; RT 01, RW 02 | Sidoarjo",
            NIK_SITI,
            "2027-01-15",
        ),
        (
            "LKT-E2",
            "Budi \\ Santoso",
            // An address typed on two lines in SLiMS: one line, as loket keeps addresses.
            "Jl. Baru 9, Desa Contoh",
            NIK_BUDI,
            "2027-02-01",
        ),
        // The counter's rule for names: white space, line breaks included, is one space.
        (
            "LKT-E3",
            "Adi Saputra",
            "Jl. Kenanga '1'",
            NIK_ADI,
            "2027-03-01",
        ),
    ];
    let mut tried = 0;
    for sep in [",", ";", "|", "#"] {
        for enc in ["\"", "'"] {
            for record in ["NEWLINE", "RETURN"] {
                for header in [true, false] {
                    let what = format!("sep {sep} enc {enc} {record} header {header}");
                    let data = slims.export(sep, enc, record, header);
                    let site = Site::new();
                    let file = site.path().join("senayan_member_export.csv");
                    std::fs::write(&file, &data).unwrap();
                    let o = site.run(&[
                        "--lang",
                        "en",
                        "import",
                        "slims",
                        file.to_str().unwrap(),
                        "--separator",
                        sep,
                        "--quote",
                        enc,
                        "--partial",
                    ]);
                    let report = String::from_utf8_lossy(&o.stdout).into_owned();
                    assert!(o.status.success(), "{what}: {report}{}", stderr(&o));
                    assert!(
                        report.contains("member_type_name 'Standard' → 'Umum (umum)'"),
                        "{what}: SLiMS's stock type is loket's default, said so: {report}"
                    );
                    let store = Store::open(&site.store_file()).unwrap();
                    for (no, name, street, nik, until) in want {
                        let m = store
                            .member(no)
                            .unwrap()
                            .unwrap_or_else(|| panic!("{what}: {no} missing\n{report}"));
                        assert_eq!(m.full_name, name, "{what}");
                        assert_eq!(m.address.street, street, "{what}");
                        assert_eq!(m.identity_no.0, nik, "{what}");
                        assert_eq!(m.member_type, "umum", "{what}");
                        assert_eq!(m.valid_until.unwrap().to_string(), until, "{what}");
                        assert!(!m.full_name.contains('\\') || no == "LKT-E2", "{what}");
                    }
                    assert!(
                        report.contains("postal_code: 1 member had a value"),
                        "{what}: {report}"
                    );
                    tried += 1;
                }
            }
        }
    }
    assert_eq!(tried, 32);
    slims.clean("LKT-E");
}
