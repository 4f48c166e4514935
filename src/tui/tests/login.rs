//! The first run (the administrator's account) and signing in, by keys against a real store.

use super::*;

#[test]
fn first_run_creates_the_administrator_and_signs_in() {
    let f = Fixture::new();
    let mut app = f.app(f.store());
    type_text(&mut app, "admin");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Admin Perpustakaan");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "sandi-admin-1");
    snap_all("first_run", &mut app);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "sandi-lain-22");
    press(&mut app, KeyCode::Enter);
    assert!(app.notice().unwrap().error, "different passwords refused");
    assert!(app.user().is_none());
    // The second password is typed again and matches.
    for _ in 0.."sandi-lain-22".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "sandi-admin-1");
    press(&mut app, KeyCode::Enter);
    let user = app.user().expect("signed in");
    assert_eq!((user.name.as_str(), user.role), ("admin", Role::Admin));
    assert_eq!(app.store().accounts().unwrap().len(), 1);
    assert!(matches!(app.screen, Screen::Queue(_)));
}

#[test]
fn login_screen_and_a_wrong_password() {
    let f = Fixture::new();
    let (store, _) = seeded(&f);
    let mut app = f.app(store);
    snap_all("login", &mut app);
    type_text(&mut app, "rina");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "salah-sandi");
    press(&mut app, KeyCode::Enter);
    assert!(app.user().is_none());
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("kata sandi salah"), "{text}");
    // The password field was emptied and has the focus: typing the right one signs in.
    type_text(&mut app, PASSWORD);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.user().unwrap().name, "rina");
}
