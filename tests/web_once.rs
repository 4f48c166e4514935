//! A form's CSRF token is good for one registration: the same form sent twice (a double
//! click, a replayed request), one after the other or at once, registers one member.

mod common;
mod webclient;

use common::Site;
use loket::store::Store;
use webclient::{Browser, Server, applicant, get, photo_jpeg};

fn members(site: &Site) -> u64 {
    Store::open(&site.store_file())
        .unwrap()
        .member_count()
        .unwrap()
}

#[test]
fn the_same_form_sent_twice_registers_once_and_shows_the_first_registration() {
    let site = Site::new();
    let server = Server::start(&site, "rate_burst = 100\nphoto_required = false");
    let b = Browser::open(server.addr, "/?lang=en");
    let fields = applicant("Budi Santoso", 1);
    let (_, no) = b.register(&fields, &photo_jpeg());
    // The replay: same token, same cookie, other values even.
    let again = b.send(&applicant("Ani Lestari", 2), None);
    assert_eq!(again.status, 303, "{}", again.body);
    let page = get(server.addr, again.header("location").unwrap(), None);
    assert_eq!(page.by_id("member-no").as_deref(), Some(no.as_str()));
    assert_eq!(members(&site), 1);
    // A form that was refused (a field wrong) gives its token back: corrected, it registers.
    let c = Browser::open(server.addr, "/?lang=en");
    let mut bad = applicant("Citra Dewi", 3);
    bad.iter_mut().find(|(k, _)| *k == "birth-date").unwrap().1 = "1800-01-01".into();
    let r = c.send(&bad, None);
    assert_eq!(r.status, 422, "{}", r.body);
    c.register(&applicant("Citra Dewi", 3), &photo_jpeg());
    assert_eq!(members(&site), 2);
}

#[test]
fn the_same_form_sent_eight_times_at_once_registers_one_member() {
    let site = Site::new();
    let server = Server::start(&site, "rate_burst = 100\nphoto_required = false");
    let b = Browser::open(server.addr, "/");
    let fields = applicant("Budi Santoso", 1);
    let statuses: Vec<u16> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| s.spawn(|| b.send(&fields, None).status))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(statuses.contains(&303), "{statuses:?}");
    assert!(
        statuses.iter().all(|s| *s == 303 || *s == 422),
        "{statuses:?}"
    );
    assert_eq!(members(&site), 1);
}
