//! The administrator's audit view and a long queue's scrolling, by keys against a real store:
//! moved out of tests.rs, which keeps the screens' pictures.

use super::*;

#[test]
fn the_administrator_reads_the_audit_log_and_narrows_it() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let admin = users::new_account("admin", "Admin", Role::Admin, PASSWORD, f.now).unwrap();
    store.add_account(&admin, &actor("admin")).unwrap();
    let mut app = f.app(store);

    // Staff do not get it, and are told where it is.
    sign_in(&mut app, "rina");
    press(&mut app, KeyCode::Char('a'));
    assert!(matches!(app.screen, Screen::Queue(_)));
    assert!(app.notice().unwrap().text.contains("loket audit"));
    press(&mut app, KeyCode::Char('x'));

    sign_in(&mut app, "admin");
    assert!(screen_text(&mut app, 120, 40).contains("a log audit"));
    press(&mut app, KeyCode::Char('a'));
    let text = screen_text(&mut app, 120, 40);
    assert!(matches!(app.screen, Screen::Audit(_)), "{text}");
    // Newest first: the call of nos[4] is above the registrations.
    let call = text.find("call").expect("the call");
    let register = text.find(nos[0].as_str()).expect("the first registration");
    assert!(call < register, "{text}");
    snap_all("audit", &mut app);

    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "call");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("1 catatan terbaru"), "{text}");
    assert!(text.contains(nos[4].as_str()), "{text}");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Queue(_)));
}

/// The seeded queue plus a morning's work: nos[2] handed over (its steps timed a minute apart
/// by `advance`), and visitors checked in at 08:xx and 09:xx by the front desk.

#[test]
fn a_long_queue_scrolls_with_the_selection() {
    let f = Fixture::new();
    let (store, _) = seeded(&f);
    for i in 10..50 {
        let clock = f.clock_at(60 - i as i64);
        let desk = Desk::new(&store, &f.config, &clock, actor("rina"));
        desk.register(&demo::made_up_draft(i, 7), Source::Counter)
            .unwrap();
    }
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    let table_rows = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.contains("2611"))
            .map(str::to_string)
            .collect()
    };
    // Down past the bottom of the screen: the list follows to the last of the 45.
    for _ in 0..44 {
        press(&mut app, KeyCode::Down);
    }
    let text = screen_text(&mut app, 80, 24);
    let rows = table_rows(&text);
    assert!(
        rows.last().unwrap().contains('▸'),
        "the last row, selected: {text}"
    );
    assert!(rows.len() < 45, "scrolled, not all on screen");
    // Up two: the window stays where it is while the selection is inside it.
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    let after = table_rows(&screen_text(&mut app, 80, 24));
    let plain = |r: &[String]| -> Vec<String> { r.iter().map(|l| l.replace('▸', " ")).collect() };
    assert_eq!(plain(&rows), plain(&after));
    assert_eq!(
        after.iter().position(|l| l.contains('▸')),
        Some(rows.len() - 3)
    );
    // Home: back to the top, the oldest first.
    press(&mut app, KeyCode::Home);
    let top = table_rows(&screen_text(&mut app, 80, 24));
    assert!(top[0].contains('▸'), "{top:?}");
    assert_ne!(plain(&top), plain(&rows));
}
