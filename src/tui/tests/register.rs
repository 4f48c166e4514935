//! The registration form at the counter and at the self-service kiosk.

use super::*;

#[test]
fn the_registration_form_checks_as_typed_and_shows_the_number_large() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Siti Rahayu");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "35151257030");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Up);
    snap_all("register_errors", &mut app);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("NIK harus 16 angka"), "{text}");
    // The NIK of an active member: warned while typing.
    let dup = demo::made_up_draft(0, 7).identity_no;
    {
        let clock = f.clock_at(0);
        let desk = Desk::new(app.store(), &f.config, &clock, actor("rina"));
        let r = desk.open_request(&nos[0]).unwrap();
        desk.act_on(&r, crate::domain::workflow::Action::Call)
            .unwrap();
        desk.take_photo(&nos[0], &demo::portrait("x"), None)
            .unwrap();
        desk.verify(&nos[0], &Default::default()).unwrap();
    }
    for _ in 0..11 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, &dup);
    let text = screen_text(&mut app, 80, 24);
    assert!(
        text.contains(&format!("anggota aktif {}", nos[0])),
        "{text}"
    );

    // A whole valid form saves; the number is shown large.
    for _ in 0..16 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "3515125703050002");
    let fields = [
        "Sidoarjo",
        "17-03-2005",
        "P",
        "Jl. Mawar 5",
        "001/002",
        "Sekardangan",
        "Sidoarjo",
        "Sidoarjo",
        "Jawa Timur",
        "081234567890",
        "",
        "Ibu Rekaan",
        "Pelajar",
        "SMA",
        "SMAN 1 Sidoarjo",
        "pelajar",
    ];
    for v in fields {
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, v);
    }
    press(&mut app, KeyCode::Enter);
    let Screen::Register(s) = &app.screen else {
        panic!("still on the form")
    };
    let no = s.done().expect("registered").to_string();
    let m = app.store().member(&no).unwrap().unwrap();
    assert_eq!(
        (m.full_name.as_str(), m.member_type.as_str()),
        ("Siti Rahayu", "pelajar")
    );
    snap_all("registered", &mut app);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Detail(_)));
}

#[test]
fn the_kiosk_shows_only_the_form_and_starts_it_again_for_the_next_applicant() {
    let f = Fixture::new();
    let store = f.store();
    let mut app = App::kiosk(store, f.config.clone(), f.clock_at(0), Lang::Id).unwrap();
    assert!(
        matches!(app.screen, Screen::Register(_)),
        "no sign-in, the form at once"
    );
    let draft = demo::made_up_draft(0, 3);
    let name = draft.full_name.clone();
    type_text(&mut app, &name);
    assert!(
        screen_text(&mut app, 80, 24).contains(&name),
        "typed into the form"
    );
    app.update(crate::tui::app::Action::Register(Box::new(draft)));
    assert!(f.store().member("26112800001").unwrap().is_some());
    // The applicant leaves: Esc (or anything that would leave the form) gives a new, empty form.
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Register(_)));
    assert!(
        !screen_text(&mut app, 80, 24).contains(&name),
        "the last applicant's data is gone"
    );
    // A card scanned at the kiosk opens nothing.
    app.scan("26112800001".into());
    assert!(matches!(app.screen, Screen::Register(_)));
    let store = f.store();
    let r = store.current_request_for("26112800001").unwrap().unwrap();
    assert_eq!(r.history[0].by, "kiosk");
}
