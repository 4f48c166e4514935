//! The supervisor's dashboard on a terminal narrower than 80 columns (a phone over SSH, a
//! split tmux window): columns are dropped, figures are never cut.

use super::*;

#[test]
fn at_sixty_columns_the_dashboard_drops_columns_and_keeps_every_figure_whole() {
    let f = Fixture::new();
    let (store, _) = a_morning(&f);
    // Twelve more registrations waiting: a two-digit count that a squeezed column would cut.
    for i in 0..12 {
        let clock = f.clock_at(60);
        let desk = Desk::new(&store, &f.config, &clock, actor("rina"));
        desk.register(&demo::made_up_draft(20 + i, 7), Source::Counter)
            .unwrap();
    }
    let mut app = f.app(store);
    sign_in(&mut app, "kasi");
    assert!(matches!(app.screen, Screen::Dashboard(_)));
    let t = render(&mut app, 60, 20);
    insta::assert_snapshot!("dashboard_60x20", t.backend());
    let text = screen_text(&mut app, 60, 20);
    let registered = text
        .lines()
        .find(|l| l.contains("terdaftar"))
        .expect("the registered line");
    let count: Vec<&str> = registered
        .trim_matches(|c| c == '│' || c == ' ')
        .split_whitespace()
        .collect();
    assert!(
        count.contains(&"15"),
        "15 registered, whole: {registered:?}"
    );
    assert!(
        text.contains("Pengunjung 6"),
        "the chart's total moves to Today: {text}"
    );
    // At 80 columns the chart and the clerk column are back.
    let wide = screen_text(&mut app, 80, 24);
    assert!(
        wide.contains("Pengunjung hari ini: 6") && wide.contains("Petugas"),
        "{wide}"
    );
}
