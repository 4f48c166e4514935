//! The handover's card check by keys and scans: a wrong or older card blocks the handover
//! (and is audited), the right one lets it through, and the config may make the check
//! compulsory.

use super::*;
use crate::domain::workflow::RequestKind;

fn audit_actions(store: &Store) -> Vec<(String, String)> {
    store
        .audit_log(200)
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.detail))
        .collect()
}

fn state(app: &App, no: &str) -> RequestState {
    app.store().current_request_for(no).unwrap().unwrap().state
}

#[test]
fn a_wrong_card_blocks_the_handover_until_the_right_one_is_scanned() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    advance(&f, &store, &nos[2], Stage::Laminated);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    app.update(super::super::app::Action::OpenDetail(nos[2].clone()));
    press(&mut app, KeyCode::Enter);
    // Another applicant's card: refused, and Enter on the name does not record.
    app.scan(format!("{}-01", nos[0]));
    assert!(app.notice().unwrap().error);
    snap_all("handover_wrong_card", &mut app);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        state(&app, &nos[2]),
        RequestState::Laminated,
        "Enter twice records nothing"
    );
    let n = app.notice().unwrap();
    assert!(
        n.error && n.text.contains("bukan kartu pemohon ini"),
        "{}",
        n.text
    );
    let audit = audit_actions(app.store());
    assert!(
        audit
            .iter()
            .any(|(a, d)| a == "handover-card-refused" && d.contains(&format!("{}-01", nos[0]))),
        "{audit:?}"
    );
    // The right card, then Enter: recorded, and the audit says which card was checked.
    app.scan(format!("{}-01", nos[2]));
    press(&mut app, KeyCode::Enter);
    assert_eq!(state(&app, &nos[2]), RequestState::HandedOver);
    let audit = audit_actions(app.store());
    assert!(
        audit
            .iter()
            .any(|(a, d)| a == "handover" && d.contains(&format!("card checked {}-01", nos[2]))),
        "{audit:?}"
    );
}

#[test]
fn the_old_card_of_a_replaced_member_is_refused_at_handover_and_at_the_counter() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let no = nos[3].clone();
    handed_over(&f, &store, &no);
    {
        let clock = f.clock_at(1);
        let desk = Desk::new(&store, &f.config, &clock, actor("rina"));
        desk.start(&no, RequestKind::Replacement, Source::Counter)
            .unwrap();
    }
    advance(&f, &store, &no, Stage::Laminated);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    app.update(super::super::app::Action::OpenDetail(no.clone()));
    press(&mut app, KeyCode::Enter);
    // Typed by hand (Tab): the old serial, then the bare number; both are refused.
    for old in [format!("{no}-01"), no.clone()] {
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, &old);
        press(&mut app, KeyCode::Enter);
        let n = app.notice().unwrap();
        assert!(
            n.error && n.text.contains(&format!("{no}-02")),
            "{old}: {}",
            n.text
        );
        press(&mut app, KeyCode::Enter);
        assert_eq!(state(&app, &no), RequestState::Laminated, "{old}");
    }
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, &format!("{no}-02"));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(state(&app, &no), RequestState::HandedOver);
    // Back at the queue, the old card scanned does not call the member up: it is red.
    press(&mut app, KeyCode::Esc);
    app.scan(format!("{no}-01"));
    let n = app.notice().unwrap();
    assert!(n.error && n.text.contains("sudah diganti"), "{}", n.text);
    assert!(!matches!(app.screen, Screen::Detail(_)));
    app.scan(format!("{no}-02"));
    assert!(matches!(app.screen, Screen::Detail(_)));
}

#[test]
fn without_a_card_the_handover_is_recorded_unchecked_unless_the_config_requires_it() {
    let mut f = Fixture::new();
    let (store, nos) = seeded(&f);
    advance(&f, &store, &nos[1], Stage::Laminated);
    advance(&f, &store, &nos[2], Stage::Laminated);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    app.update(super::super::app::Action::OpenDetail(nos[1].clone()));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(state(&app, &nos[1]), RequestState::HandedOver);
    let audit = audit_actions(app.store());
    assert!(
        audit
            .iter()
            .any(|(a, d)| a == "handover" && d.ends_with("card not checked")),
        "{audit:?}"
    );
    drop(app);

    f.config.other.insert(
        "handover".into(),
        toml::from_str::<toml::Table>("allow_unchecked = false")
            .unwrap()
            .into(),
    );
    let mut app = f.app(f.store());
    sign_in(&mut app, "rina");
    app.update(super::super::app::Action::OpenDetail(nos[2].clone()));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(state(&app, &nos[2]), RequestState::Laminated);
    let n = app.notice().unwrap();
    assert!(
        n.error && n.text.contains("perlu kartu diperiksa"),
        "{}",
        n.text
    );
    app.scan(nos[2].clone());
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        state(&app, &nos[2]),
        RequestState::HandedOver,
        "one card: the number will do"
    );
}
