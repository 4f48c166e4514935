//! The request's screen: its prompts, the handover, a supervisor's view and hand-on, and the
//! side exits (reject, cancel, reprint) with their reasons.

use super::*;

#[test]
fn the_detail_screen_its_prompts_and_the_help_overlay() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    press(&mut app, KeyCode::Char('?'));
    snap_all("help_queue", &mut app);
    press(&mut app, KeyCode::Char('x'));
    assert!(
        matches!(app.screen, Screen::Queue(_)),
        "the key only closed help"
    );
    app.update(crate::tui::app::Action::OpenDetail(nos[4].clone()));
    snap_all("detail_waiting", &mut app);
    press(&mut app, KeyCode::Enter);
    snap_all("detail_photo_source", &mut app);
    // No camera and no inbox configured, nothing typed: the clerk is told what to do.
    press(&mut app, KeyCode::Enter);
    assert!(app.notice().unwrap().text.contains("jalur berkas foto"));
    press(&mut app, KeyCode::Esc);
    {
        let clock = f.clock_at(0);
        let desk = Desk::new(app.store(), &f.config, &clock, actor("rina"));
        desk.take_photo(&nos[4], &demo::portrait("x"), None)
            .unwrap();
    }
    app.tick(f.now);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Char(' '));
    snap_all("detail_checklist", &mut app);
    // The photo item unticked: Enter asks for the reason, which sends the request back.
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "foto buram");
    press(&mut app, KeyCode::Enter);
    let r = app.store().current_request_for(&nos[4]).unwrap().unwrap();
    assert_eq!(
        r.state,
        RequestState::WaitingAtCounter,
        "a bad photo goes back to the photo step"
    );
    // A new one, from a file, into the editor.
    let file = f.dir.path().join("foto-baru.jpg");
    std::fs::write(&file, demo::portrait("baru")).unwrap();
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, file.to_str().unwrap());
    press(&mut app, KeyCode::Enter);
    snap_all("detail_photo_editor", &mut app);
    press(&mut app, KeyCode::Enter);
    let r = app.store().current_request_for(&nos[4]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::PhotoTaken);
}

#[test]
fn the_handover_prompt_offers_the_member_s_name() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    advance(&f, &store, &nos[2], Stage::Laminated);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");
    app.update(crate::tui::app::Action::OpenDetail(nos[2].clone()));
    assert!(screen_text(&mut app, 80, 24).contains("serahkan kartu"));
    press(&mut app, KeyCode::Enter);
    snap_all("detail_handover", &mut app);

    // Without a scanner the clerk types the card's number: Tab, the number, Enter.
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, &nos[0]);
    assert!(screen_text(&mut app, 80, 24).contains(&format!("Nomor kartu: {}", nos[0])));
    press(&mut app, KeyCode::Enter);
    let n = app.notice().expect("a notice").clone();
    assert!(
        n.error && n.text.contains("bukan kartu pemohon ini"),
        "{}",
        n.text
    );
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, &nos[2]);
    press(&mut app, KeyCode::Enter);
    let n = app.notice().expect("a notice").clone();
    assert!(!n.error && n.text.contains("Kartu cocok"), "{}", n.text);
    // The name field has the keys again, still holding the member's name; Esc leaves.
    assert!(screen_text(&mut app, 80, 24).contains("sudah diperiksa: cocok"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);

    // A scan at handover checks the card in hand: another member's card is refused, the
    // applicant's own (by number or by the printed serial) is confirmed, and the screen stays.
    app.scan(nos[1].clone());
    let n = app.notice().expect("a notice");
    assert!(
        n.error && n.text.contains("bukan kartu pemohon ini"),
        "{}",
        n.text
    );
    assert!(screen_text(&mut app, 80, 24).contains("ditolak"));
    app.scan(format!("{}-01", nos[2]));
    let n = app.notice().expect("a notice");
    assert!(!n.error && n.text.contains("Kartu cocok"), "{}", n.text);
    assert!(screen_text(&mut app, 80, 24).contains("cocok"));
    assert!(matches!(app.screen, Screen::Detail(_)));
}

#[test]
fn a_supervisor_sees_the_request_but_gets_no_clerk_step() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let mut app = f.app(store);
    sign_in(&mut app, "kasi");
    // A supervisor starts on the dashboard; the queue is a key away.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('n'));
    assert!(
        matches!(app.screen, Screen::Queue(_)),
        "no registration form"
    );
    app.update(crate::tui::app::Action::OpenDetail(nos[0].clone()));
    snap_all("detail_supervisor", &mut app);
    press(&mut app, KeyCode::Enter);
    assert!(app.notice().unwrap().text.contains("pengawas"));
    let r = app.store().current_request_for(&nos[0]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::Registered);
}

#[test]
fn a_supervisor_hands_a_request_to_another_clerk_and_cancels_one() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    let budi = users::new_account("budi", "Budi Santoso", Role::Staff, PASSWORD, f.now).unwrap();
    store.add_account(&budi, &actor("admin")).unwrap();
    let mut app = f.app(store);
    sign_in(&mut app, "kasi");
    // nos[4] was called by rina: she has it.
    app.update(crate::tui::app::Action::OpenDetail(nos[4].clone()));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("loket · ditangani rina"), "{text}");
    assert!(text.contains("r alihkan petugas"), "{text}");
    press(&mut app, KeyCode::Char('r'));
    snap_all("detail_reassign", &mut app);
    type_text(&mut app, "budi");
    press(&mut app, KeyCode::Enter);
    assert!(
        app.notice().unwrap().text.contains("dialihkan ke budi"),
        "{:?}",
        app.notice()
    );
    let r = app.store().current_request_for(&nos[4]).unwrap().unwrap();
    assert_eq!(r.assigned_to.as_deref(), Some("budi"));
    assert_eq!(r.state, RequestState::WaitingAtCounter);
    let last = app.store().audit_log(1).unwrap().pop().unwrap();
    assert_eq!(
        (
            last.user.as_str(),
            last.action.as_str(),
            last.detail.as_str()
        ),
        ("kasi", "reassign", "from rina to budi")
    );
    assert!(screen_text(&mut app, 80, 24).contains("ditangani budi"));

    // Cancelling is the supervisor's too, with the reason in the history.
    press(&mut app, KeyCode::Char('b'));
    type_text(&mut app, "pemohon tidak kembali");
    press(&mut app, KeyCode::Enter);
    let r = app.store().current_request_for(&nos[4]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::Cancelled);
    let t = r.history.last().unwrap();
    assert_eq!(
        (t.by.as_str(), t.note.as_deref()),
        ("kasi", Some("pemohon tidak kembali"))
    );

    // A clerk's step (reject) stays the clerk's.
    app.update(crate::tui::app::Action::OpenDetail(nos[1].clone()));
    press(&mut app, KeyCode::Char('x'));
    assert!(app.notice().unwrap().text.contains("pengawas"));
    let r = app.store().current_request_for(&nos[1]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::Registered);
}

#[test]
fn reject_cancel_and_reprint_take_a_reason_from_the_detail_screen() {
    let f = Fixture::new();
    let (store, nos) = seeded(&f);
    advance(&f, &store, &nos[2], Stage::Printed);
    let mut app = f.app(store);
    sign_in(&mut app, "rina");

    // Cancel: b, a reason, Enter. An empty reason is not taken.
    app.update(crate::tui::app::Action::OpenDetail(nos[4].clone()));
    press(&mut app, KeyCode::Char('b'));
    assert!(screen_text(&mut app, 80, 24).contains("Batalkan permohonan"));
    press(&mut app, KeyCode::Enter);
    assert!(
        screen_text(&mut app, 80, 24).contains("Batalkan permohonan"),
        "still asking"
    );
    type_text(&mut app, "pemohon pulang");
    press(&mut app, KeyCode::Enter);
    let r = f.store().current_request_for(&nos[4]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::Cancelled);
    assert_eq!(
        r.history.last().unwrap().note.as_deref(),
        Some("pemohon pulang")
    );
    assert_eq!(r.history.last().unwrap().by, "rina");

    // Reprint goes to the printer; this one does not exist, so nothing changes and the
    // printer's refusal is shown.
    app.update(crate::tui::app::Action::OpenDetail(nos[2].clone()));
    press(&mut app, KeyCode::Char('u'));
    type_text(&mut app, "macet");
    press(&mut app, KeyCode::Enter);
    let n = app.notice().expect("the printer's refusal");
    assert!(n.error && n.text.contains("tidak-ada"), "{}", n.text);
    let r = f.store().current_request_for(&nos[2]).unwrap().unwrap();
    assert_eq!((r.state, r.print_count), (RequestState::Printed, 1));

    // Reject: x.
    press(&mut app, KeyCode::Char('x'));
    type_text(&mut app, "KTP tidak dibawa");
    press(&mut app, KeyCode::Enter);
    let r = f.store().current_request_for(&nos[2]).unwrap().unwrap();
    assert_eq!(r.state, RequestState::Rejected);
}
