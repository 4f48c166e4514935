//! The members screen: search by part of a name, a renewal started, a supervisor's look-up.

use super::*;

#[test]
fn members_found_by_part_of_the_name_and_a_renewal_started() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    handed_over(&f, &store, &nos[2]);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    press(&mut app, KeyCode::Char('m'));
    assert!(matches!(app.screen, Screen::Members(_)));
    type_text(&mut app, &part_of_name(2));
    press(&mut app, KeyCode::Enter);
    snap_all("members", &mut app);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains(&nos[2]), "{text}");
    let nik = demo::made_up_draft(2, 7).identity_no;
    assert!(!text.contains(&nik), "whole NIK shown");
    assert!(
        text.contains(&format!("{}********{}", &nik[..4], &nik[12..])),
        "{text}"
    );
    assert!(
        text.contains(&format!("{}-01", nos[2])),
        "the card's serial"
    );

    press(&mut app, KeyCode::Char('p'));
    let n = app.notice().expect("a notice");
    assert!(!n.error, "{}", n.text);
    let Screen::Detail(d) = &app.screen else {
        panic!("the new request's detail")
    };
    assert_eq!(d.member_no(), nos[2]);
    let r = app.store().current_request_for(&nos[2]).unwrap().unwrap();
    assert_eq!(r.kind, crate::domain::workflow::RequestKind::Renewal);
    assert!(r.state.is_open());
    // Esc from the members screen goes back to the queue.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Queue(_)));
}

#[test]
fn a_supervisor_looks_up_members_but_starts_nothing() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    handed_over(&f, &store, &nos[2]);
    let mut app = f.app(store);
    sign_in(&mut app, "kasi");
    press(&mut app, KeyCode::Char('m'));
    type_text(&mut app, &nos[2]);
    press(&mut app, KeyCode::Enter);
    assert!(screen_text(&mut app, 80, 24).contains(&nos[2]));
    let before = app.store().requests_for(&nos[2]).unwrap();
    press(&mut app, KeyCode::Char('p'));
    assert!(app.notice().unwrap().text.contains("pengawas"));
    press(&mut app, KeyCode::Char('g'));
    assert!(app.notice().unwrap().error);
    assert!(matches!(app.screen, Screen::Members(_)));
    assert_eq!(app.store().requests_for(&nos[2]).unwrap(), before);
}
