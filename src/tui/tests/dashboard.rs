//! The supervisor's dashboard: overdue first, colour and no colour, following the clock and
//! another counter's steps.

use super::*;

#[test]
fn a_supervisor_signs_in_to_the_dashboard_overdue_first() {
    let f = Fixture::new();
    let (store, nos) = a_morning(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "kasi");
    assert!(
        matches!(app.screen, Screen::Dashboard(_)),
        "{}",
        screen_text(&mut app, 80, 24)
    );
    let text = screen_text(&mut app, 80, 24);
    // nos[0] has waited 30 minutes for a 1-minute step: first, marked over without colour too.
    let first = text.lines().position(|l| l.contains(&nos[0])).unwrap();
    let called = text.lines().position(|l| l.contains(&nos[4])).unwrap();
    assert!(first < called, "{text}");
    assert!(
        text.lines().nth(first).unwrap().contains("30/1 !"),
        "{text}"
    );
    assert!(text.contains("lewat baku: 1"), "{text}");
    assert!(text.contains("kartu diserahkan 1"), "{text}");
    assert!(
        text.contains("Pengunjung hari ini: 6"),
        "three groups of two: {text}"
    );
    snap_all("dashboard", &mut app);

    // Colour and no colour (NO_COLOR, TERM=vt100): the same screen, its styles in the snapshot.
    for (name, theme) in [
        (
            "dashboard_colour_80x24",
            crate::tui::theme::Theme::default(),
        ),
        (
            "dashboard_no_colour_80x24",
            crate::tui::theme::Theme::plain(),
        ),
    ] {
        app.set_theme(theme);
        let t = render(&mut app, 80, 24);
        insta::assert_snapshot!(name, format!("{:?}", t.backend().buffer()));
    }
    let plain = format!("{:?}", render(&mut app, 80, 24).backend().buffer());
    assert!(
        !plain.contains("fg: Red") && !plain.contains("fg: LightRed"),
        "{plain}"
    );

    // Enter opens the overdue request; Esc comes back to the dashboard, the supervisor's home.
    press(&mut app, KeyCode::Enter);
    let Screen::Detail(d) = &app.screen else {
        panic!("{}", screen_text(&mut app, 80, 24))
    };
    assert_eq!(d.member_no(), nos[0]);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Dashboard(_)));
    press(&mut app, KeyCode::Char('a'));
    assert!(matches!(app.screen, Screen::Queue(_)));
    press(&mut app, KeyCode::Char('d'));
    assert!(matches!(app.screen, Screen::Dashboard(_)));
}

#[test]
fn the_dashboard_follows_another_counter_s_step_and_the_clock() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "kasi");
    let row = |app: &mut App, no: &str| {
        screen_text(app, 120, 40)
            .lines()
            .find(|l| l.contains(no))
            .unwrap_or_default()
            .to_string()
    };
    assert!(row(&mut app, &nos[1]).contains("terdaftar"));
    // Another process calls nos[1]: the next tick shows it, no key pressed.
    {
        let clock = f.clock_at(0);
        Desk::new(&f.store(), &f.config, &clock, actor("rina"))
            .call(&nos[1])
            .unwrap();
    }
    app.tick(f.now);
    assert!(
        row(&mut app, &nos[1]).contains("menunggu di loket"),
        "{}",
        row(&mut app, &nos[1])
    );
    // Ten minutes on, with nothing written, nos[1] is over its 3-minute photo step.
    app.tick(f.now + jiff::SignedDuration::from_mins(10));
    assert!(
        row(&mut app, &nos[1]).contains("10/3 !"),
        "{}",
        row(&mut app, &nos[1])
    );
}
