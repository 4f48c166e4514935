//! `loket serve` over real HTTP: the real binary on a loopback port, its store read back
//! directly. A valid registration, every way a submission is refused, and escaping.

mod common;
mod webclient;

use std::time::{Duration, Instant};

use common::Site;
use loket::domain::workflow::{RequestState, Source};
use loket::store::Store;
use webclient::{Browser, GPS_MARK, Part, Server, applicant, get, nik, photo_jpeg, post};

fn with(
    mut fields: Vec<(&'static str, String)>,
    name: &str,
    value: &str,
) -> Vec<(&'static str, String)> {
    let f = fields
        .iter_mut()
        .find(|(k, _)| *k == name)
        .unwrap_or_else(|| panic!("no field {name}"));
    f.1 = value.to_string();
    fields
}

/// Members in the site's store, read as another process reads it.
fn members(site: &Site) -> u64 {
    Store::open(&site.store_file())
        .unwrap()
        .member_count()
        .unwrap()
}

#[test]
fn a_valid_submission_makes_a_pending_online_member_with_its_photo_in_the_queue() {
    let site = Site::new();
    let server = Server::start(&site, "");
    let store = Store::open(&site.store_file()).unwrap();
    let changes_before = store.changes().unwrap();

    let b = Browser::open(server.addr, "/");
    let cookie = b.cookie.clone().unwrap();
    assert!(cookie.starts_with("loket_csrf="), "{cookie}");
    let (page, no) = b.register(&applicant("Budi Santoso", 1), &photo_jpeg());

    // The confirmation: the number large, its QR code, what to bring; no NIK, no mother.
    assert!(no.starts_with("261128"), "{no}");
    assert!(page.body.contains("<svg class=\"qr\""));
    assert!(page.body.contains("Budi Santoso"));
    assert!(page.body.contains("KTP") && page.body.contains("KK"));
    assert!(page.body.contains("@media print"));
    assert!(!page.body.contains(&nik(1)));
    assert!(!page.body.contains("Rekaan"));
    assert!(page.header("content-security-policy").is_some());
    assert_eq!(page.header("cache-control"), Some("no-store"));

    // The counter's poll: the change counter moves, and the request is there, from online,
    // waiting for its applicant. The store is read as every counter reads it.
    let deadline = Instant::now() + Duration::from_secs(5);
    while store.changes().unwrap() == changes_before {
        assert!(Instant::now() < deadline, "the change counter never moved");
        std::thread::sleep(Duration::from_millis(50));
    }
    let waiting = store.requests_in(&[RequestState::Registered]).unwrap();
    let r = waiting
        .iter()
        .find(|r| r.member_no.as_str() == no)
        .expect("the request waits at the counter");
    assert_eq!(r.source, Source::Online);
    let m = store.member(&no).unwrap().unwrap();
    assert_eq!(m.status.code(), "pending");
    assert_eq!(m.full_name, "Budi Santoso");

    // The photo: kept, 3:4, a JPEG without the uploaded EXIF; the upload itself not kept.
    let photo = store.photo(&no).unwrap().expect("the photo is kept");
    assert_eq!(&photo[..2], &[0xFF, 0xD8]);
    assert!(!photo.windows(4).any(|w| w == b"Exif"));
    assert!(!photo.windows(GPS_MARK.len()).any(|w| w == GPS_MARK));
    let img = image::load_from_memory(&photo).unwrap();
    assert_eq!((img.width(), img.height()), (600, 800));
    assert!(photo.len() <= 150 * 1024);
    assert_eq!(store.photo_original(&no).unwrap(), None);
    // Kept without the photo step: the clerk checks it when the applicant comes.
    assert_eq!(r.state, RequestState::Registered);

    // The CLI sees the same member (another process, the same file).
    let shown = site.ok(&["request", "list", "--json"]);
    assert!(shown.contains(&no), "{shown}");

    let log = server.log();
    assert!(log.contains(&format!("registered {no}")), "{log}");
    assert!(!log.contains(&nik(1)), "the log holds a whole NIK: {log}");
}

#[test]
fn the_form_is_indonesian_with_an_english_switch_and_needs_no_script() {
    let site = Site::new();
    let server = Server::start(&site, "");
    let id = get(server.addr, "/", None);
    assert_eq!(id.status, 200);
    assert!(id.body.contains("<html lang=\"id\">"));
    assert!(id.body.contains("Nama ibu kandung"));
    assert!(id.body.contains("href=\"/?lang=en\""));
    assert!(id.body.contains("name=\"viewport\""));
    assert!(!id.body.contains("<script"));
    let en = get(server.addr, "/?lang=en", None);
    assert!(en.body.contains("<html lang=\"en\">"));
    assert!(en.body.contains("Mother&#39;s birth name"));
    assert!(en.body.contains("name=\"lang\" value=\"en\""));
    assert!(en.body.contains("Privacy notice"));
}

#[test]
fn each_invalid_field_is_refused_beside_the_field_with_the_values_kept() {
    let site = Site::new();
    let server = Server::start(&site, "rate_burst = 100");
    let b = Browser::open(server.addr, "/?lang=en");
    let photo = photo_jpeg();
    // (field, value sent, the field whose error shows, words of the shared message)
    let cases: [(&str, &str, &str, &str); 14] = [
        ("name", "", "name", "is required"),
        ("identity-kind", "sim", "identity-kind", "pick KTP, KK"),
        ("nik", "35151217089", "nik", "16 digits"),
        ("nik", "35151217089O0001", "nik", "digits only"),
        ("birth-place", "", "birth-place", "is required"),
        ("birth-date", "31-02-1990", "birth-date", "is not a date"),
        (
            "birth-date",
            "17-08-2090",
            "birth-date",
            "cannot be in the future",
        ),
        ("sex", "X", "sex", "use L (male) or P (female)"),
        ("address", "", "address", "is required"),
        ("phone", "12ab", "phone", "is not a phone number"),
        ("email", "siti@", "email", "is not an e-mail address"),
        ("mother", "", "mother", "is required"),
        ("type", "vip", "type", "is not a known member type"),
        ("name", &"x".repeat(101), "name", "too long"),
    ];
    for (field, value, shown, words) in cases {
        let fields = with(applicant("Budi Santoso", 2), field, value);
        let r = b.send(&fields, Some(&photo));
        assert_eq!(r.status, 422, "{field}={value}: {}", r.body);
        let err = r
            .by_id(&format!("{shown}-err"))
            .unwrap_or_else(|| panic!("{field}: no error beside {shown}: {}", r.body));
        assert!(err.contains(words), "{field}: {err}");
        assert!(r.body.contains("The photo has to be chosen again"));
        // The other values come back as typed.
        assert!(r.body.contains("value=\"Jl. Contoh 1\"") || field == "address");
    }
    // Neither phone nor e-mail.
    let fields = with(applicant("Budi Santoso", 2), "phone", "");
    let r = b.send(&fields, Some(&photo));
    assert_eq!(r.status, 422);
    assert!(r.by_id("phone-err").unwrap().contains("either"));
    // A NIK whose birth date contradicts the one typed.
    let fields = with(applicant("Budi Santoso", 2), "birth-date", "18-08-1990");
    let r = b.send(&fields, Some(&photo));
    assert_eq!(r.status, 422);
    assert!(
        r.by_id("nik-err")
            .unwrap()
            .contains("does not match the NIK")
            && r.by_id("nik-err").unwrap().contains("counter staff")
    );
    // No photo, and no consent: each beside its own field, in the same answer.
    let mut parts = b.parts(&applicant("Budi Santoso", 2), None);
    parts.retain(|p| !matches!(p, Part::Text(n, _) if n == "consent"));
    let r = b.send_parts(&parts);
    assert_eq!(r.status, 422);
    assert!(r.by_id("photo-err").unwrap().contains("Choose a photo"));
    assert!(
        r.by_id("consent-err")
            .unwrap()
            .contains("tick your consent")
    );

    assert_eq!(members(&site), 0, "nothing was registered");
    let log = server.log();
    assert!(log.contains("rejected invalid"), "{log}");
    assert!(log.contains("fields name"), "{log}");
    assert!(log.contains("3515********0002"), "{log}");
    assert!(!log.contains(&nik(2)), "a whole NIK in the log: {log}");
    assert!(
        !log.contains("Rekaan"),
        "the mother's name in the log: {log}"
    );
}

#[test]
fn without_photo_required_the_counter_takes_the_photo_later() {
    let site = Site::new();
    let server = Server::start(&site, "photo_required = false");
    let b = Browser::open(server.addr, "/");
    assert!(!get(server.addr, "/", None).body.contains("Foto diri *"));
    let r = b.send(&applicant("Budi Santoso", 11), None);
    assert_eq!(r.status, 303, "{}", r.body);
    let store = Store::open(&site.store_file()).unwrap();
    let members = store.members().unwrap();
    assert_eq!(members.len(), 1);
    assert_eq!(store.photo(members[0].member_no.as_str()).unwrap(), None);
    // A photo that is sent must still be a photo.
    let mut parts = b.parts(&applicant("Budi Santoso", 12), None);
    parts.push(Part::File {
        name: "photo".into(),
        filename: "x.jpg".into(),
        content_type: "image/jpeg".into(),
        bytes: b"not an image".to_vec(),
    });
    assert_eq!(b.send_parts(&parts).status, 422);
}

#[test]
fn a_file_that_is_not_an_image_is_refused_with_what_to_do() {
    let site = Site::new();
    let server = Server::start(&site, "");
    let b = Browser::open(server.addr, "/");
    let mut parts = b.parts(&applicant("Budi Santoso", 3), None);
    parts.push(Part::File {
        name: "photo".into(),
        filename: "foto.jpg".into(),
        content_type: "image/jpeg".into(),
        bytes: b"Surat lamaran, bukan foto.\n".to_vec(),
    });
    let r = b.send_parts(&parts);
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.by_id("photo-err").unwrap().contains("bukan gambar"),
        "{}",
        r.body
    );
    // A document of a known kind is named, with what to send instead.
    if let Some(Part::File { bytes, .. }) = parts.last_mut() {
        *bytes = b"%PDF-1.7 a scanned KTP, not a photo".to_vec();
    }
    let r = b.send_parts(&parts);
    assert_eq!(r.status, 422);
    assert!(r.by_id("photo-err").unwrap().contains("PDF belum didukung"));
    // A truncated JPEG as well.
    let photo = photo_jpeg();
    let r = b.send(
        &applicant("Budi Santoso", 3),
        Some(&photo[..photo.len() / 2]),
    );
    assert_eq!(r.status, 422);
    assert!(r.by_id("photo-err").unwrap().contains("terpotong"));
    assert_eq!(members(&site), 0);
}

#[test]
fn an_oversized_body_gets_a_friendly_413_before_it_is_read() {
    let site = Site::new();
    let server = Server::start(&site, "");
    let b = Browser::open(server.addr, "/?lang=en");
    // Announced larger than the limit (20 MiB photo + 64 KiB form): refused from the head.
    let head = format!(
        "POST /?lang=en HTTP/1.1\r\nHost: x\r\nCookie: {}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        b.cookie.as_deref().unwrap(),
        21 * 1024 * 1024
    );
    let r = webclient::request(server.addr, &head, b"--b\r\n");
    assert_eq!(r.status, 413, "{}", r.body);
    assert!(r.body.contains("larger than 20 MB"), "{}", r.body);
    assert!(r.body.contains("Choose a smaller photo"));
    // Sent without a length (chunked) and over the limit: refused while it is read.
    let chunk = vec![b'a'; 1024 * 1024];
    let mut body = Vec::new();
    body.extend_from_slice(
        b"--b\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n\r\n",
    );
    for _ in 0..22 {
        body.extend_from_slice(&chunk);
    }
    let mut chunked = Vec::new();
    for piece in body.chunks(256 * 1024) {
        chunked.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
        chunked.extend_from_slice(piece);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let head = format!(
        "POST /?lang=en HTTP/1.1\r\nHost: x\r\nCookie: {}\r\nContent-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        b.cookie.as_deref().unwrap()
    );
    let r = webclient::request(server.addr, &head, &chunked);
    assert_eq!(r.status, 413, "{}", r.body);
    assert!(r.body.contains("Choose a smaller photo"));
    assert!(server.log().contains("rejected too-large"));
}

#[test]
fn a_missing_or_wrong_csrf_token_is_refused_with_the_values_kept() {
    let site = Site::new();
    let server = Server::start(&site, "rate_burst = 100");
    let photo = photo_jpeg();
    let b = Browser::open(server.addr, "/?lang=en");
    let fields = applicant("Budi Santoso", 4);

    // No token at all (a cross-site form has neither the field nor the cookie).
    let mut no_token = Browser {
        addr: server.addr,
        cookie: None,
        token: None,
        lang: b.lang.clone(),
    };
    let r = no_token.send(&fields, Some(&photo));
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(r.by_id("general-err").unwrap().contains("has expired"));
    assert!(r.body.contains("value=\"Budi Santoso\""), "values kept");
    // The field without its cookie.
    no_token.token = b.token.clone();
    assert_eq!(no_token.send(&fields, Some(&photo)).status, 403);
    // A token and a cookie that do not belong together.
    let other = Browser::open(server.addr, "/");
    let crossed = Browser {
        addr: server.addr,
        cookie: b.cookie.clone(),
        token: other.token.clone(),
        lang: b.lang.clone(),
    };
    assert_eq!(crossed.send(&fields, Some(&photo)).status, 403);
    // A forged pair: same value in both, but not signed by this server.
    let forged = "1800000000-0011223344556677.deadbeef".to_string();
    let forger = Browser {
        addr: server.addr,
        cookie: Some(format!("loket_csrf={forged}")),
        token: Some(forged),
        lang: b.lang.clone(),
    };
    let r = forger.send(&fields, Some(&photo));
    assert_eq!(r.status, 403);

    assert_eq!(members(&site), 0);
    // The page that came back carries a fresh token that works.
    let renewed = Browser {
        addr: server.addr,
        cookie: r.cookie(),
        token: r.hidden("csrf"),
        lang: r.hidden("lang"),
    };
    renewed.register(&fields, &photo);
    let log = server.log();
    assert!(log.contains("rejected csrf-missing"), "{log}");
    assert!(log.contains("rejected csrf-mismatch"), "{log}");
    assert!(log.contains("rejected csrf-bad-signature"), "{log}");
}

#[test]
fn the_rate_limit_turns_away_an_address_that_sends_too_often() {
    let site = Site::new();
    let server = Server::start(&site, "rate_burst = 3\nrate_per_minute = 1");
    let b = Browser::open(server.addr, "/?lang=en");
    for _ in 0..3 {
        // Refused for a missing photo, but each one counts.
        assert_eq!(b.send(&applicant("Budi", 5), None).status, 422);
    }
    let r = b.send(&applicant("Budi", 5), None);
    assert_eq!(r.status, 429, "{}", r.body);
    assert!(r.body.contains("Too many submissions"));
    assert!(r.body.contains("Wait 1 minute"));
    let retry: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    // The form itself still opens.
    assert_eq!(get(server.addr, "/", None).status, 200);
    assert!(
        server
            .log()
            .contains("rejected rate-limited from 127.0.0.1")
    );
}

#[test]
fn a_trusted_proxy_header_gives_each_client_its_own_limit() {
    let site = Site::new();
    let server = Server::start(
        &site,
        "rate_burst = 1\nrate_per_minute = 0\nclient_ip_header = \"X-Forwarded-For\"",
    );
    let b = Browser::open(server.addr, "/");
    let send = |client: &str| {
        let body = webclient::multipart_body(&b.parts(&applicant("Budi", 6), None));
        let head = format!(
            "POST / HTTP/1.1\r\nHost: x\r\nCookie: {}\r\nX-Forwarded-For: {client}\r\nContent-Type: multipart/form-data; boundary=----loket-test-boundary-7d41\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            b.cookie.as_deref().unwrap(),
            body.len()
        );
        webclient::request(server.addr, &head, &body).status
    };
    assert_eq!(send("198.51.100.1"), 422);
    assert_eq!(send("198.51.100.1"), 429);
    assert_eq!(
        send("198.51.100.2"),
        422,
        "another client behind the same proxy"
    );
}

#[test]
fn a_registered_nik_sends_the_person_to_the_counter_and_reveals_nothing() {
    let site = Site::new();
    let existing = site.add("Siti Rahayu", &nik(7), "17-08-1990", "L");
    let server = Server::start(&site, "");
    let b = Browser::open(server.addr, "/?lang=en");
    let r = b.send(&applicant("Orang Lain", 7), Some(&photo_jpeg()));
    assert_eq!(r.status, 409, "{}", r.body);
    let msg = r.by_id("general-err").unwrap();
    assert!(msg.contains("already registered"), "{msg}");
    assert!(msg.contains("counter with your KTP"), "{msg}");
    assert!(!r.body.contains(&existing), "the holder's number leaked");
    assert!(!r.body.contains("Siti"), "the holder's name leaked");
    assert_eq!(members(&site), 1);
    let log = server.log();
    assert!(log.contains("rejected duplicate-nik"), "{log}");
    assert!(log.contains("3515********0007"), "{log}");
}

#[test]
fn the_honeypot_filled_in_is_a_plain_refusal() {
    let site = Site::new();
    let server = Server::start(&site, "");
    let b = Browser::open(server.addr, "/?lang=en");
    let mut parts = b.parts(&applicant("Budi", 8), Some(&photo_jpeg()));
    for p in &mut parts {
        if let Part::Text(n, v) = p
            && n == "website"
        {
            *v = "http://spam.example".into();
        }
    }
    let r = b.send_parts(&parts);
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("cannot be accepted"));
    assert_eq!(members(&site), 0);
    assert!(server.log().contains("rejected honeypot"));
}

#[test]
fn markup_in_every_field_comes_back_escaped() {
    let site = Site::new();
    let server = Server::start(&site, "rate_burst = 100");
    let b = Browser::open(server.addr, "/");
    let evil = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
    let fields: Vec<(&'static str, String)> = applicant("x", 9)
        .into_iter()
        .map(|(k, _)| (k, evil.to_string()))
        .collect();
    let r = b.send(&fields, Some(&photo_jpeg()));
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(!r.body.contains("<script>alert"), "raw markup echoed");
    assert!(!r.body.contains("<img src=x"), "raw markup echoed");
    // Every text input got the value back, escaped (selects have no free text to echo).
    let escaped =
        "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(2)&gt;";
    assert!(
        r.body.matches(escaped).count() >= 15,
        "{}",
        r.body.matches(escaped).count()
    );
    // Markup in a field that is valid with it (a name): registered, shown escaped.
    let named = with(applicant("x", 9), "name", "Budi <b>Santoso</b> & \"Co\"");
    let (page, _) = b.register(&named, &photo_jpeg());
    assert!(
        page.body
            .contains("Budi &lt;b&gt;Santoso&lt;/b&gt; &amp; &quot;Co&quot;")
    );
    assert!(!page.body.contains("<b>Santoso"));
    // Markup in the query string and an unknown path: no echo, no path, no trace.
    let r = get(server.addr, "/%3Cscript%3E?lang=%3Cscript%3E", None);
    assert_eq!(r.status, 404);
    assert!(!r.body.contains("<script>"));
    assert!(!r.body.contains("src/"), "a source path in a response");
    assert!(r.body.contains("Halaman ini tidak ada"));
}

#[test]
fn a_script_for_a_name_is_shown_as_text_on_the_confirmation() {
    let site = Site::new();
    let server = Server::start(&site, "");
    let hostile = "<script>alert(1)</script>\"'&";
    let b = Browser::open(server.addr, "/?lang=en");
    let (page, no) = b.register(&with(applicant("x", 31), "name", hostile), &photo_jpeg());
    assert!(page.body.contains(&no));
    assert!(
        page.body
            .contains("Name: &lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</p>"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("<script"));
}

#[test]
fn a_confirmation_link_cannot_be_guessed_from_a_number() {
    let site = Site::new();
    let existing = site.add("Siti Rahayu", &nik(10), "17-08-1990", "L");
    let server = Server::start(&site, "");
    for path in [
        format!("/confirmation?t={existing}"),
        format!("/confirmation?t=1800000000-{existing}.00"),
        "/confirmation".to_string(),
    ] {
        let r = get(server.addr, &path, None);
        assert_eq!(r.status, 404, "{path}");
        assert!(!r.body.contains("Siti"), "{path}");
        assert!(r.body.contains("tidak berlaku"));
    }
    // Not a multipart body at all.
    let r = post(server.addr, "/", None, &[]);
    assert!(r.status == 403 || r.status == 400, "{}", r.status);
}

#[test]
fn a_restarted_server_takes_the_forms_it_gave_out_and_opens_old_confirmations() {
    let site = Site::new();
    let photo = photo_jpeg();
    let (form, confirmation) = {
        let server = Server::start(&site, "");
        let form = Browser::open(server.addr, "/");
        let (page, no) =
            Browser::open(server.addr, "/").register(&applicant("Ani Lestari", 21), &photo);
        assert!(page.body.contains(&no));
        let link = Browser::open(server.addr, "/")
            .send(&applicant("Budi Santoso", 22), Some(&photo))
            .header("location")
            .expect("a redirect to the confirmation")
            .to_string();
        (form, link)
        // The server stops here (killed, as a crash or a deploy would).
    };
    let server = Server::start(&site, "");
    // A form opened before the restart is sent after it: taken, not refused as expired.
    let form = Browser {
        addr: server.addr,
        ..form
    };
    let (_, no) = form.register(&applicant("Citra Dewi", 23), &photo);
    assert!(no.starts_with("261128"), "{no}");
    // The confirmation an applicant kept still opens.
    let page = get(server.addr, &confirmation, None);
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Budi Santoso"));
    assert_eq!(members(&site), 3);
}
