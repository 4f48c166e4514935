//! The probe made permanent as properties: whatever bytes or text arrive, the NIK parser, the
//! CSV readers, the scanner framer and the web form's parsing answer without a panic, and
//! what they accept keeps the rules (a valid NIK round-trips, a scan is clean text, no control
//! character passes validation).

use std::time::{Duration, Instant};

use jiff::civil::{Date, date};
use proptest::prelude::*;

use loket::domain::controls::has_forbidden;
use loket::domain::member::{FormRules, MemberDraft, Sex};
use loket::domain::member_type::MemberType;
use loket::domain::nik::Nik;
use loket::interop::{inlislite, slims};
use loket::scanner::frame::{Framer, ScannerConfig, Suffix};

const TODAY: Date = date(2026, 11, 28);

fn cases() -> ProptestConfig {
    // Enough to find what the probe found, few enough for CI on 2 cores.
    ProptestConfig {
        cases: 256,
        // Integration tests have no lib.rs beside them to keep regressions in.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn the_nik_parser_answers_any_text(s in "\\PC{0,40}") {
        let _ = Nik::parse(&s, TODAY);
    }

    #[test]
    fn a_well_formed_nik_round_trips_its_birth_date_and_sex(
        district in 1u32..100,
        y in 1927i16..=2026,
        m in 1i8..=12,
        d in 1i8..=28,
        female in any::<bool>(),
        serial in 1u32..10000,
    ) {
        let day = if female { d + 40 } else { d };
        let text = format!("3515{district:02}{day:02}{m:02}{:02}{serial:04}", y % 100);
        let nik = Nik::parse(&text, TODAY).unwrap();
        prop_assert_eq!(nik.birth_date(TODAY).unwrap(), date(y, m, d));
        prop_assert_eq!(nik.sex(), if female { Sex::Female } else { Sex::Male });
        prop_assert!(!nik.masked().contains(&text[4..12]));
        // Spaces and dots as people copy them from a KTP change nothing.
        let spaced = format!("{} {}.{}", &text[..6], &text[6..12], &text[12..]);
        prop_assert_eq!(Nik::parse(&spaced, TODAY).unwrap(), nik);
    }

    #[test]
    fn the_slims_reader_answers_any_bytes(
        data in proptest::collection::vec(any::<u8>(), 0..600),
        sep in prop::sample::select(vec![b',', b';', b'\t']),
    ) {
        let _ = slims::read(&data, slims::Dialect { separator: sep, quote: b'"' }, "x.csv");
    }

    #[test]
    fn the_slims_reader_answers_near_valid_csv(rows in proptest::collection::vec(
        proptest::collection::vec("[a-zA-Z0-9 \"',;\\n\\r-]{0,12}", 0..8), 0..12)
    ) {
        let mut text = String::from("member_id,member_name,gender,birth_date,member_type_id\n");
        for r in rows {
            text.push_str(&r.join(","));
            text.push('\n');
        }
        let _ = slims::read(text.as_bytes(), slims::Dialect::default(), "x.csv");
    }

    #[test]
    fn the_inlislite_reader_answers_any_bytes(data in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(sheet) = inlislite::read_csv(&data, "x.csv") {
            let _ = inlislite::rows(sheet);
        }
    }

    #[test]
    fn the_framer_gives_only_clean_bounded_scans(
        chunks in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..40), 0..20),
        gaps in proptest::collection::vec(0u64..500, 20),
        suffix in prop::sample::select(vec![Suffix::Cr, Suffix::Lf, Suffix::Crlf, Suffix::None]),
    ) {
        let config = ScannerConfig { suffix, ..ScannerConfig::default() };
        let mut framer = Framer::new(&config);
        let mut at = Instant::now();
        let mut scans = Vec::new();
        for (chunk, gap) in chunks.iter().zip(&gaps) {
            at += Duration::from_millis(*gap);
            scans.extend(framer.feed(chunk, at));
            if let Some(s) = framer.tick(at) {
                scans.push(s);
            }
        }
        if let Some(s) = framer.tick(at + Duration::from_secs(10)) {
            scans.push(s);
        }
        for s in scans {
            prop_assert!(!s.as_str().is_empty());
            prop_assert!(s.as_str().len() <= config.max_len);
            prop_assert!(s.as_str().bytes().all(|b| (0x20..=0x7e).contains(&b)), "{:?}", s);
        }
    }

    #[test]
    fn a_code_framed_by_its_suffix_comes_out_whole(code in "[A-Z0-9-]{1,20}") {
        let config = ScannerConfig::default();
        let mut framer = Framer::new(&config);
        let scans = framer.feed(format!("{code}\r").as_bytes(), Instant::now());
        prop_assert_eq!(scans.len(), 1);
        prop_assert_eq!(scans[0].as_str(), code.as_str());
    }

    #[test]
    fn validation_answers_any_draft_and_never_lets_a_control_character_through(
        fields in proptest::collection::vec("\\PC{0,30}|[\\x00-\\x1f\\x7f\\u{9b}a-z]{0,8}", 19),
        reason in "[a-z\\x1b]{0,5}",
    ) {
        let mut d = MemberDraft::default();
        for (f, v) in loket::domain::member::Field::FORM.into_iter().zip(&fields) {
            *d.field_mut(f) = v.clone();
        }
        d.nik_mismatch_reason = reason;
        let types = MemberType::defaults();
        let rules = FormRules { today: TODAY, member_types: &types, regency_code: "3515" };
        if let Ok(v) = d.validate(&rules) {
            for s in [&v.full_name, &v.birth_place, &v.address.street, &v.address.city,
                      &v.phone, &v.email, &v.mother_name.0, &v.occupation] {
                prop_assert!(!has_forbidden(s), "{:?}", s);
            }
        }
    }

    #[test]
    fn the_web_form_parser_answers_any_body(
        body in proptest::collection::vec(any::<u8>(), 0..400),
        boundary in "[a-zA-Z0-9]{1,20}",
    ) {
        let _ = parse_form(&boundary, body);
    }

    #[test]
    fn the_web_form_parser_keeps_every_field_it_is_sent(
        // A leading byte-order mark is dropped by the text decoder, as browsers expect.
        values in proptest::collection::vec("[^\\r\\n\u{feff}]{0,40}", 19),
    ) {
        let mut body = Vec::new();
        for (f, v) in loket::domain::member::Field::FORM.into_iter().zip(&values) {
            body.extend_from_slice(format!(
                "--XyZ\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{v}\r\n", f.code()
            ).as_bytes());
        }
        body.extend_from_slice(b"--XyZ--\r\n");
        let sub = parse_form("XyZ", body).expect("a well-formed form parses");
        for (f, v) in loket::domain::member::Field::FORM.into_iter().zip(&values) {
            prop_assert_eq!(sub.draft.field(f), v.as_str());
        }
    }
}

/// The web form's parser on a body, through axum's own multipart extractor.
fn parse_form(
    boundary: &str,
    body: Vec<u8>,
) -> Result<loket::web::form::Submission, loket::web::form::FormError> {
    use axum::extract::{FromRequest, Multipart};
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(async {
        let req = axum::http::Request::builder()
            .method("POST")
            .uri("/")
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(axum::body::Body::from(body))
            .unwrap();
        match Multipart::from_request(req, &()).await {
            Ok(m) => loket::web::form::read(m).await,
            Err(_) => Err(loket::web::form::FormError::Malformed),
        }
    })
}
