//! `loket export inlislite --version 3|3.3` against the column lists of INLISLite's own
//! import code, kept here as data, each with the file and lines it is taken from; and the
//! import reading both versions' sheets back. Every person and NIK here is made up.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{Site, stderr};
use loket::domain::member::Member;
use loket::store::Store;

/// INLISLite 3.x (pizaini/inlislite): the header row of its member template
/// src/uploaded_files/templates/datasheet/anggota/001_FormatAnggota.xlsx, Sheet1 A1:AW1.
const TEMPLATE_3: [&str; 49] = [
    "NO",
    "NO ANGGOTA",
    "NAMA",
    "TEMPAT LAHIR",
    "TANGGAL LAHIR",
    "ALAMAT SESUAI KTP",
    "KECAMATAN SESUAI KTP",
    "KELURAHAN SESUAI KTP",
    "RT SESUAI KTP",
    "RW SESUAI KTP",
    "PROPINSI SESUAI KTP",
    "KABUPATEN / KOTA SESUAI KTP",
    "ALAMAT TEMPAT TINGGAL SEKARANG",
    "KECAMATAN SEKARANG",
    "KELURAHAN SEKARANG",
    "RT SEKARANG",
    "RW SEKARANG",
    "PROPINSI SEKARANG",
    "KABUPATEN / KOTA SEKARANG",
    "NO. HP",
    "NO. TELP RUMAH",
    "JENIS IDENTITAS",
    "NO. IDENTITAS",
    "JENIS KELAMIN",
    "AGAMA",
    "PEKERJAAN",
    "IBU KANDUNG",
    "ALAMAT EMAIL",
    "JENIS ANGGOTA",
    "PENDIDIKAN TERAKHIR",
    "STATUS PERKAWINAN",
    "TANGGAL PENDAFTARAN",
    "TANGGAL AKHIR BERLAKU",
    "JENIS PERMOHONAN",
    "STATUS ANGGOTA",
    "NAMA INSTITUSI",
    "ALAMAT INSTITUSI",
    "NO TELP INSTITUSI",
    "NAMA (KEADAAN DARURAT)",
    "ALAMAT (KEADAAN DARURAT)",
    "NO TELP (KEADAAN DARURAT)",
    "STATUS HUBUNGAN (DARURAT)",
    "UNIT KERJA",
    "TAHUN AJARAN",
    "FAKULTAS",
    "JURUSAN",
    "PROGRAM STUDI",
    "KELAS SISWA",
    "PHOTO URL",
];

/// INLISLite 3.x: every `$row['…']` that src/backend/models/ImportMemberForm.php reads
/// (lines 56-320, in the order it reads them); a missing one stops its import.
const READ_3: [&str; 48] = [
    "NO ANGGOTA",
    "NAMA",
    "TEMPAT LAHIR",
    "TANGGAL LAHIR",
    "ALAMAT SESUAI KTP",
    "KECAMATAN SESUAI KTP",
    "KELURAHAN SESUAI KTP",
    "RT SESUAI KTP",
    "RW SESUAI KTP",
    "PROPINSI SESUAI KTP",
    "KABUPATEN / KOTA SESUAI KTP",
    "ALAMAT TEMPAT TINGGAL SEKARANG",
    "KECAMATAN SEKARANG",
    "KELURAHAN SEKARANG",
    "RT SEKARANG",
    "RW SEKARANG",
    "PROPINSI SEKARANG",
    "KABUPATEN / KOTA SEKARANG",
    "NO. HP",
    "NO. TELP RUMAH",
    "JENIS IDENTITAS",
    "NO. IDENTITAS",
    "NAMA INSTITUSI",
    "ALAMAT INSTITUSI",
    "NO TELP INSTITUSI",
    "PENDIDIKAN TERAKHIR",
    "JENIS KELAMIN",
    "STATUS PERKAWINAN",
    "PEKERJAAN",
    "TANGGAL PENDAFTARAN",
    "TANGGAL AKHIR BERLAKU",
    "IBU KANDUNG",
    "ALAMAT EMAIL",
    "JENIS PERMOHONAN",
    "STATUS ANGGOTA",
    "JENIS ANGGOTA",
    "NAMA (KEADAAN DARURAT)",
    "NO TELP (KEADAAN DARURAT)",
    "ALAMAT (KEADAAN DARURAT)",
    "STATUS HUBUNGAN (DARURAT)",
    "TAHUN AJARAN",
    "KELAS SISWA",
    "AGAMA",
    "FAKULTAS",
    "JURUSAN",
    "PROGRAM STUDI",
    "UNIT KERJA",
    "PHOTO URL",
];

/// INLISLite 3.3 (INLISLite-Perpusnas/INLISLIteV33): the keys of `$columnMap` in
/// app/Modules/SubModule/Keanggotaan/Anggota/Controllers/AnggotaImportController.php:64-106,
/// which it compares with the lower-cased header row (line 62).
const COLUMN_MAP_33: [&str; 43] = [
    "no anggota",
    "nama",
    "tempat lahir",
    "tanggal lahir",
    "alamat sesuai ktp",
    "propinsi sesuai ktp",
    "kabupaten/kota sesuai ktp",
    "kecamatan sesuai ktp",
    "kelurahan sesuai ktp",
    "rt sesuai ktp",
    "rw sesuai ktp",
    "alamat tempat tinggal sekarang",
    "propinsi sekarang",
    "kabupaten/kota sekarang",
    "kecamatan sekarang",
    "kelurahan sekarang",
    "rt sekarang",
    "rw sekarang",
    "no. hp",
    "agama",
    "jenis identitas",
    "nomor identitas",
    "jenis kelamin",
    "photo url",
    "pekerjaan",
    "ibu kandung",
    "alamat email",
    "jenis anggota",
    "pendidikan terakhir",
    "status perkawinan",
    "tanggal pendaftaran",
    "tanggal akhir berlaku",
    "jenis permohonan",
    "status anggota",
    "nama institusi",
    "alamat institusi",
    "no telp institusi",
    "unit kerja",
    "tahun ajaran",
    "fakultas",
    "kelas",
    "program studi",
    "phone",
];

/// Left out of the 3.3 sheet: lists 3.3 looks a cell up in with `LIKE '%…%'`
/// (AnggotaImportController.php:129-164), where a blank cell would match the first entry,
/// and loket keeps none of them.
const LEFT_OUT_33: [&str; 6] = [
    "agama",
    "status perkawinan",
    "unit kerja",
    "fakultas",
    "kelas",
    "program studi",
];

fn sheet(path: &std::path::Path) -> (String, Vec<Vec<String>>) {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    let rows = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => panic!("every cell is text, found {other:?}"),
                })
                .collect()
        })
        .collect();
    (name, rows)
}

fn members(site: &Site) -> Vec<Member> {
    Store::open(&site.store_file()).unwrap().members().unwrap()
}

/// A member with a card and one still waiting for it, every field loket keeps filled in
/// (brought in from an INLISLite CSV of the columns loket always read).
fn a_site() -> Site {
    let site = Site::new();
    let csv = site.path().join("seed.csv");
    std::fs::write(
        &csv,
        "NO ANGGOTA,NAMA,TEMPAT LAHIR,TANGGAL LAHIR,ALAMAT SESUAI KTP,KECAMATAN SESUAI KTP,KELURAHAN SESUAI KTP,RT SESUAI KTP,RW SESUAI KTP,PROPINSI SESUAI KTP,KABUPATEN / KOTA SESUAI KTP,NO. HP,JENIS IDENTITAS,NO. IDENTITAS,JENIS KELAMIN,PEKERJAAN,PENDIDIKAN TERAKHIR,TANGGAL PENDAFTARAN,TANGGAL AKHIR BERLAKU,IBU KANDUNG,ALAMAT EMAIL,JENIS ANGGOTA,STATUS ANGGOTA,NAMA INSTITUSI\r\n\
         A-1,Siti Rahayu,Sidoarjo,17-03-2005,Jl. Mawar 3,Sidoarjo,Pucang,001,002,Jawa Timur,Sidoarjo,081234567890,KTP,3515125703050002,Perempuan,Pelajar,SMA,28-11-2026,28-11-2028,Ibu Rekaan,siti@example.org,Umum,Aktif,SMA Rekaan\r\n\
         A-2,Budi Santoso,Surabaya,17-08-1990,Jl. Baru 9,Sidoarjo,Pucang,003,004,Jawa Timur,Sidoarjo,081234567891,KTP,3515011708900001,Laki-laki,Guru,S1,28-11-2026,,Ibu Rekaan,,Umum,Pending,\r\n",
    )
    .unwrap();
    site.ok(&["import", "inlislite", csv.to_str().unwrap()]);
    site
}

fn cell<'a>(header: &[String], row: &'a [String], col: &str) -> &'a str {
    let i = header
        .iter()
        .position(|h| h == col)
        .unwrap_or_else(|| panic!("no column {col}"));
    row.get(i).map(String::as_str).unwrap_or("")
}

fn round_trip(site: &Site, file: &std::path::Path) {
    let other = Site::new();
    let o = other.run(&["import", "inlislite", file.to_str().unwrap()]);
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        stderr(&o)
    );
    let strip = |ms: Vec<Member>| -> Vec<String> {
        ms.into_iter()
            .map(|mut m| {
                m.registered_at = jiff::Timestamp::UNIX_EPOCH;
                serde_json::to_string(&m).unwrap()
            })
            .collect()
    };
    assert_eq!(strip(members(&other)), strip(members(site)));
}

#[test]
fn the_inlislite_3_sheet_is_its_template_and_holds_every_column_its_import_reads() {
    let site = a_site();
    let file = site.path().join("anggota3.xlsx");
    let out = site.ok(&[
        "--lang",
        "en",
        "export",
        "inlislite",
        file.to_str().unwrap(),
        "--version",
        "3",
    ]);
    assert!(out.contains("exported for INLISLite 3"), "{out}");
    let (name, rows) = sheet(&file);
    assert_eq!(name, "Sheet1", "ImportMemberForm.php:50 reads Sheet1 only");
    assert_eq!(rows[0], TEMPLATE_3, "the template's columns, in its order");
    for col in READ_3 {
        assert!(rows[0].iter().any(|h| h == col), "{col} is read by 3.x");
    }
    let header = &rows[0];
    let siti = rows
        .iter()
        .find(|r| r.contains(&"Siti Rahayu".into()))
        .unwrap();
    let budi = rows
        .iter()
        .find(|r| r.contains(&"Budi Santoso".into()))
        .unwrap();
    assert_eq!(
        cell(header, siti, "TANGGAL LAHIR"),
        "17-03-2005",
        "dd-mm-yyyy"
    );
    assert_eq!(cell(header, siti, "JENIS KELAMIN"), "Perempuan");
    assert_eq!(cell(header, budi, "JENIS KELAMIN"), "Laki-laki");
    assert_eq!(cell(header, siti, "JENIS IDENTITAS"), "KTP");
    assert_eq!(cell(header, siti, "NO. IDENTITAS"), "3515125703050002");
    assert_eq!(cell(header, siti, "STATUS ANGGOTA"), "Aktif");
    assert_eq!(cell(header, budi, "STATUS ANGGOTA"), "Pending");
    assert_eq!(cell(header, siti, "TANGGAL PENDAFTARAN"), "28-11-2026");
    assert_eq!(cell(header, siti, "TANGGAL AKHIR BERLAKU"), "28-11-2028");
    assert_eq!(
        cell(header, budi, "TANGGAL AKHIR BERLAKU"),
        "28-11-2028",
        "never blank: Helpers::DateToMysqlFormat cannot read an empty date"
    );
    assert_eq!(cell(header, siti, "JENIS PERMOHONAN"), "Baru");
    assert_eq!(cell(header, siti, "NO"), "1");
    round_trip(&site, &file);
}

#[test]
fn the_inlislite_3_3_sheet_has_the_headers_its_column_map_knows() {
    let site = a_site();
    let file = site.path().join("anggota33.xlsx");
    let out = site.ok(&[
        "--lang",
        "en",
        "export",
        "inlislite",
        file.to_str().unwrap(),
        "--version",
        "3.3",
    ]);
    assert!(out.contains("exported for INLISLite 3.3"), "{out}");
    let (_, rows) = sheet(&file);
    let lower: Vec<String> = rows[0].iter().map(|h| h.to_lowercase()).collect();
    let want: Vec<&str> = COLUMN_MAP_33
        .iter()
        .copied()
        .filter(|c| !LEFT_OUT_33.contains(c))
        .collect();
    assert_eq!(lower, want, "each header one 3.3 maps, in its map's order");
    let header = &lower;
    let siti = rows
        .iter()
        .find(|r| r.contains(&"Siti Rahayu".into()))
        .unwrap();
    assert_eq!(
        cell(header, siti, "tanggal lahir"),
        "2005-03-17",
        "yyyy-mm-dd"
    );
    assert_eq!(cell(header, siti, "nomor identitas"), "3515125703050002");
    assert_eq!(
        cell(header, siti, "kabupaten/kota sesuai ktp"),
        "Sidoarjo",
        "not dropped"
    );
    assert_eq!(cell(header, siti, "jenis kelamin"), "Perempuan");
    assert_eq!(cell(header, siti, "tanggal akhir berlaku"), "2028-11-28");
    round_trip(&site, &file);
}

#[test]
fn an_inlislite_3_template_and_a_3_3_sheet_written_by_hand_both_import() {
    // 3.x's template, its sample row's shape (RT 01, dd-mm-yyyy, Laki-laki), made-up person.
    let site = Site::new();
    let path = site.path().join("template3.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1").unwrap();
    let row3: Vec<(&str, &str)> = vec![
        ("NO", "1"),
        ("NO ANGGOTA", "I3-0001"),
        ("NAMA", "Adi  Saputra"),
        ("TEMPAT LAHIR", "Sidoarjo"),
        ("TANGGAL LAHIR", "01-01-2000"),
        ("ALAMAT SESUAI KTP", "Jl. Kenanga 1"),
        ("RT SESUAI KTP", "RT 01"),
        ("RW SESUAI KTP", "RW 07"),
        ("KABUPATEN / KOTA SESUAI KTP", "Sidoarjo"),
        ("NO. HP", "081234567892"),
        ("JENIS IDENTITAS", "KTP"),
        ("NO. IDENTITAS", "3515010101000003"),
        ("JENIS KELAMIN", "Laki-laki"),
        ("AGAMA", "Islam"),
        ("IBU KANDUNG", "Ibu Rekaan"),
        ("TANGGAL PENDAFTARAN", "01-10-2025"),
        ("TANGGAL AKHIR BERLAKU", "01-10-2027"),
        ("STATUS ANGGOTA", "Aktif"),
    ];
    for (c, h) in TEMPLATE_3.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
        if let Some((_, v)) = row3.iter().find(|(k, _)| k == h) {
            ws.write_string(1, c as u16, *v).unwrap();
        }
    }
    wb.save(&path).unwrap();
    let o = site.run(&[
        "--lang",
        "en",
        "import",
        "inlislite",
        path.to_str().unwrap(),
    ]);
    let report = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(o.status.success(), "{report}{}", stderr(&o));
    assert!(
        report.contains("AGAMA: 1 member had a value; loket does not keep it"),
        "the report names what it left out: {report}"
    );
    let m = &members(&site)[0];
    assert_eq!(m.full_name, "Adi Saputra");
    assert_eq!(m.address.rt_rw, "01/07");
    assert_eq!(m.address.city, "Sidoarjo");
    assert_eq!(m.valid_until.unwrap().to_string(), "2027-10-01");

    // 3.3's headers as its map spells them, lower case: the city and the NIK arrive.
    let csv = site.path().join("anggota33.csv");
    std::fs::write(
        &csv,
        "no anggota,nama,tanggal lahir,jenis kelamin,kabupaten/kota sesuai ktp,nomor identitas,phone,ibu kandung,tempat lahir,alamat sesuai ktp\r\n\
         I33-1,Siti Rahayu,2005-03-17,Perempuan,Sidoarjo,3515125703050002,0315551234,Ibu Rekaan,Sidoarjo,Jl. Mawar 3\r\n",
    )
    .unwrap();
    let o = site.run(&["import", "inlislite", csv.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let siti = members(&site)
        .into_iter()
        .find(|m| m.member_no.as_str() == "I33-1")
        .unwrap();
    assert_eq!(siti.address.city, "Sidoarjo");
    assert_eq!(siti.identity_no.0, "3515125703050002");
    assert_eq!(siti.phone, "0315551234");
}
