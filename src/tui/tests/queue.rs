//! The queue: its order and timings, filters and search, another process's changes, the
//! language key, scans that open a request, and marked requests printed and laminated together.

use super::*;

#[test]
fn the_queue_oldest_first_with_timings_coloured_against_the_standard() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    snap_all("queue", &mut app);
    // Off the first row, so the selection's colours do not hide the timing's.
    press(&mut app, KeyCode::Down);
    let t = render(&mut app, 120, 40);
    let text = t.backend().to_string();
    // Oldest first by registration: 30 min, 20 min, 8 min, 50 s, 10 s ago.
    let pos = |no: &str| text.find(no).unwrap_or_else(|| panic!("{no} in\n{text}"));
    assert!(pos(&nos[0]) < pos(&nos[3]) && pos(&nos[3]) < pos(&nos[4]));
    assert!(pos(&nos[4]) < pos(&nos[1]) && pos(&nos[1]) < pos(&nos[2]));
    // NIKs are masked in the list, even at full width.
    let nik = demo::made_up_draft(0, 7).identity_no;
    assert!(!text.contains(&nik), "whole NIK in the list");
    assert!(text.contains(&format!("{}********{}", &nik[..4], &nik[12..])));
    // Time in step coloured by the theme: 30/1 over, 50 s of 1 min near, 10 s within.
    let theme = *app.theme();
    let buf = t.backend().buffer();
    let style_of = |needle: &str| {
        let y = (0..buf.area.height)
            .find(|&y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    .contains(needle)
            })
            .unwrap();
        // The timing column starts under its header; its first non-blank cell is the figure.
        let header: String = (0..buf.area.width).map(|x| buf[(x, 2)].symbol()).collect();
        let col = header[..header.find("Menit/baku").unwrap()].chars().count() as u16;
        let x = (col..buf.area.width)
            .find(|&x| buf[(x, y)].symbol() != " ")
            .unwrap();
        buf[(x, y)].fg
    };
    assert_eq!(style_of(&nos[0]), theme.over.fg.unwrap());
    assert_eq!(style_of(&nos[1]), theme.near.fg.unwrap());
    assert_eq!(style_of(&nos[2]), theme.within.fg.unwrap());
}

#[test]
fn filters_and_search_by_name_number_or_nik() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    let name = demo::made_up_draft(2, 7).full_name;
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, &name.to_lowercase());
    press(&mut app, KeyCode::Enter);
    snap_all("queue_search", &mut app);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains(&nos[2]) && !text.contains(&nos[0]), "{text}");
    // By the NIK's last digits.
    press(&mut app, KeyCode::Char('/'));
    let nik = demo::made_up_draft(1, 7).identity_no;
    type_text(&mut app, &nik);
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains(&nos[1]) && !text.contains(&nos[2]), "{text}");
    // Source filter: online only.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('o'));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains(&nos[3]) && !text.contains(&nos[0]), "{text}");
    // State filter: registered first, then waiting at the counter.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('s'));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains(&nos[4]) && !text.contains(&nos[0]), "{text}");
}

#[test]
fn another_process_s_change_appears_on_the_next_tick_without_a_key() {
    let f = Fixture::new();
    let (store, _) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    let before = screen_text(&mut app, 120, 40);
    let draft = demo::made_up_draft(9, 7);
    assert!(!before.contains(&draft.full_name));
    let clock = f.clock_at(0);
    Desk::new(app.store(), &f.config, &clock, actor("web"))
        .register(&draft, Source::Online)
        .unwrap();
    assert!(!screen_text(&mut app, 120, 40).contains(&draft.full_name));
    app.tick(f.now);
    assert!(screen_text(&mut app, 120, 40).contains(&draft.full_name));
}

#[test]
fn language_switches_by_key_and_a_scan_opens_the_request() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    press(&mut app, KeyCode::F(2));
    assert!(screen_text(&mut app, 80, 24).contains("Card queue"));
    app.scan(nos[1].clone());
    assert!(matches!(app.screen, Screen::Detail(_)));
    app.scan("99999".into());
    assert!(
        app.notice()
            .unwrap()
            .text
            .contains("not a registered member number")
    );
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(app.should_quit());
}

#[test]
fn an_online_applicant_s_qr_code_scanned_at_the_counter_calls_the_request_up() {
    let f = Fixture::new();
    let (store, _) = seeded(&f);
    // Registered through the web form's call: the member with the uploaded photo.
    let clock = f.clock_at(60);
    let desk = Desk::new(&store, &f.config, &clock, actor("online"));
    let upload = image::RgbImage::from_pixel(300, 400, image::Rgb([180, 150, 120]));
    let mut png = Vec::new();
    upload
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let photo = desk.prepare_photo(&png).unwrap();
    let r = desk
        .register_with_photo(&demo::made_up_draft(11, 7), Source::Online, &photo)
        .unwrap();
    let no = r.member.member_no.to_string();
    assert_eq!(store.photo(&no).unwrap(), Some(photo.jpeg));
    assert_eq!(r.request.state, RequestState::Registered);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    // The QR code on the applicant's phone holds the member number alone, as a card's does.
    app.scan(format!("{no}\r\n"));
    assert!(matches!(app.screen, Screen::Detail(_)));
    assert!(screen_text(&mut app, 120, 40).contains(&r.member.full_name));
}

/// Searches the queue for `no` and marks its row with Space, then clears the search. What
/// Space said, if anything (the next key clears it).
fn mark(app: &mut App, no: &str) -> Option<crate::tui::app::Notice> {
    press(app, KeyCode::Char('/'));
    type_text(app, no);
    press(app, KeyCode::Enter);
    press(app, KeyCode::Char(' '));
    let said = app.notice().cloned();
    press(app, KeyCode::Esc);
    said
}

#[test]
fn marked_requests_print_on_one_sheet_and_come_back_from_the_laminator_together() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    advance(&f, &store, &nos[0], Stage::Verified);
    advance(&f, &store, &nos[1], Stage::Verified);
    advance(&f, &store, &nos[2], Stage::Printed);
    advance(&f, &store, &nos[3], Stage::Printed);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");

    // A request still waiting for its photo is not for a batch: the clerk is told why.
    let notice = mark(&mut app, &nos[4]).expect("a message");
    assert!(
        notice.error && notice.text.contains("terverifikasi"),
        "{notice:?}"
    );

    for no in [&nos[0], &nos[1], &nos[2]] {
        assert_eq!(mark(&mut app, no), None);
    }
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("3 ditandai"), "{text}");
    assert_eq!(text.matches('✓').count(), 3, "{text}");
    assert!(text.contains("p cetak yang ditandai"), "{text}");
    snap_all("queue_marked", &mut app);

    // p prints the two verified ones in one job; this printer does not exist, so the clerk
    // reads the printer's trouble and nothing is recorded.
    press(&mut app, KeyCode::Char('p'));
    let notice = app.notice().expect("a message").clone();
    assert!(
        notice.error && notice.text.contains("tidak-ada"),
        "{notice:?}"
    );
    for no in [&nos[0], &nos[1]] {
        let r = f.store().current_request_for(no).unwrap().unwrap();
        assert_eq!(r.state, RequestState::Verified);
        assert_eq!(r.print_count, 0);
    }

    // l records the marked printed card (only it: nos[3] is printed but not marked).
    press(&mut app, KeyCode::Char('l'));
    let notice = app.notice().expect("a message").clone();
    assert!(
        !notice.error && notice.text.starts_with("1 kartu"),
        "{notice:?}"
    );
    let state = |no: &str| f.store().current_request_for(no).unwrap().unwrap().state;
    assert_eq!(state(&nos[2]), RequestState::Laminated);
    assert_eq!(state(&nos[3]), RequestState::Printed);
    let laminated = f.store().current_request_for(&nos[2]).unwrap().unwrap();
    let last = laminated.history.last().unwrap();
    assert_eq!(
        (last.by.as_str(), last.terminal.as_str()),
        ("rina", "loket-1")
    );

    // The laminated one left the marks; the two verified ones are still marked for p.
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("2 ditandai"), "{text}");

    // With nothing of a kind marked, the key says how to mark.
    press(&mut app, KeyCode::Char('l'));
    let notice = app.notice().expect("a message").clone();
    assert!(notice.error && notice.text.contains("Spasi"), "{notice:?}");
}

#[test]
fn a_supervisor_marks_but_prints_nothing() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    advance(&f, &store, &nos[0], Stage::Verified);
    let mut app = f.app(store);
    sign_in(&mut app, "kasi");
    press(&mut app, KeyCode::Char('a'));
    mark(&mut app, &nos[0]);
    press(&mut app, KeyCode::Char('p'));
    let notice = app.notice().expect("a message").clone();
    assert!(notice.text.contains("pengawas"), "{notice:?}");
    let r = f.store().current_request_for(&nos[0]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::Verified);
}
