//! `loket demo`: made-up applicants in every state of the procedure, so that a newcomer sees a
//! living queue. Every name and NIK here is invented; the NIK serials start at 9000 so they
//! stand out as demo data.

use crate::domain::checklist::CheckItem;
use crate::domain::member::{Address, MemberDraft};
use crate::domain::workflow::{Action, RequestKind, Source};

use crate::config::Clock;

use super::{Desk, Result, Verification};

const GIVEN: [&str; 16] = [
    "Siti", "Budi", "Dewi", "Agus", "Rina", "Joko", "Ayu", "Hendra", "Wulan", "Fajar", "Putri",
    "Bayu", "Indah", "Rizky", "Lestari", "Dimas",
];
const FAMILY: [&str; 12] = [
    "Rahayu",
    "Santoso",
    "Wijaya",
    "Kusuma",
    "Pratama",
    "Handayani",
    "Saputra",
    "Lestari",
    "Nugroho",
    "Permata",
    "Hidayat",
    "Maharani",
];
const MOTHERS: [&str; 6] = [
    "Aminah",
    "Sri Wahyuni",
    "Suparmi",
    "Kartini",
    "Sulastri",
    "Ngatini",
];
const KELURAHAN: [(&str, &str); 6] = [
    ("351511", "Sidoarjo"),
    ("351518", "Waru"),
    ("351517", "Taman"),
    ("351507", "Candi"),
    ("351504", "Porong"),
    ("351515", "Krian"),
];

/// A small, fixed pseudo-random sequence (xorshift): the same demo every time, and the
/// same made-up history in the benchmarks. The seed must not be 0.
pub struct Dice(pub u64);

impl Dice {
    /// The next number below `n`.
    pub fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// A made-up applicant; `i` makes the NIK serial unique (9000 + i).
pub fn made_up_draft(i: usize, seed: u64) -> MemberDraft {
    let mut d = Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (i as u64 + 1));
    let female = d.next(2) == 0;
    let given = GIVEN[d.next(GIVEN.len())];
    let family = FAMILY[d.next(FAMILY.len())];
    let (district, kecamatan) = KELURAHAN[d.next(KELURAHAN.len())];
    let year = 1960 + d.next(50);
    let month = 1 + d.next(12);
    let day = 1 + d.next(28);
    let nik_day = if female { day + 40 } else { day };
    let serial = 9000 + (i % 1000);
    MemberDraft {
        full_name: format!("{given} {family}"),
        identity_kind: "ktp".into(),
        identity_no: format!(
            "{district}{nik_day:02}{month:02}{:02}{serial:04}",
            year % 100
        ),
        birth_place: "Sidoarjo".into(),
        birth_date: format!("{year}-{month:02}-{day:02}"),
        sex: if female { "P" } else { "L" }.into(),
        address: Address {
            street: format!("Jl. Contoh No. {}", 1 + d.next(200)),
            rt_rw: format!("{:03}/{:03}", 1 + d.next(9), 1 + d.next(9)),
            kelurahan: kecamatan.into(),
            kecamatan: kecamatan.into(),
            city: "Sidoarjo".into(),
            province: "Jawa Timur".into(),
        },
        phone: format!("0812{:08}", 10_000_000 + i * 7919 % 89_999_999),
        mother_name: MOTHERS[d.next(MOTHERS.len())].into(),
        occupation: "Wiraswasta".into(),
        member_type: "umum".into(),
        ..MemberDraft::default()
    }
}

/// Registers `count` made-up applicants and moves them along so that every state has some.
/// Returns the member numbers. Photos and printing are the real steps of their modules; the
/// demo records the steps it can do through the same service calls a clerk uses.
pub fn fill(desk: &Desk, count: usize, seed: u64) -> Result<Vec<String>> {
    let mut numbers = Vec::new();
    for i in 0..count {
        let source = match i % 5 {
            0 | 3 => Source::Online,
            _ => Source::Counter,
        };
        // Applicants arrive four minutes apart over the last hours, each step a few minutes
        // after the one before, so the queue shows steps within, near and over the standard.
        let mut t = Timeline::new(desk, (count - i) as i64 * 4 + 2);
        let no = t
            .at(0, |d| d.register(&made_up_draft(i, seed), source))?
            .member
            .member_no
            .to_string();
        // Spread the applicants over the procedure: stage 0 stays registered, 6 is handed over.
        match i % 9 {
            7 => {
                // A verification that failed on the photo goes back for a new one.
                advance(&mut t, &no, 2)?;
                t.at(2, |d| {
                    d.verify(
                        &no,
                        &Verification {
                            failed: Some((CheckItem::PhotoAcceptable, "foto buram".into())),
                            ..Verification::default()
                        },
                    )
                })?;
            }
            8 => {
                t.at(1, |d| d.call(&no))?;
                t.at(5, |d| {
                    d.act(
                        &no,
                        Action::Cancel {
                            reason: "pendaftar tidak kembali".into(),
                        },
                    )
                })?;
            }
            n => advance(&mut t, &no, n)?,
        }
        numbers.push(no);
    }
    // One renewal in progress, for a member whose card was handed over.
    if let Some(no) = numbers.iter().skip(6).step_by(9).next() {
        desk.start(no, RequestKind::Renewal, Source::Counter)?;
    }
    Ok(numbers)
}

/// The demo's own clock: each action happens some minutes after the previous one, never
/// later than the real now.
struct Timeline<'d, 'a> {
    desk: &'d Desk<'a>,
    minutes_ago: i64,
}

impl<'d, 'a> Timeline<'d, 'a> {
    fn new(desk: &'d Desk<'a>, minutes_ago: i64) -> Self {
        Timeline { desk, minutes_ago }
    }

    /// Runs `f` on a desk whose clock stands `after` minutes later than the last action.
    fn at<T>(&mut self, after: i64, f: impl FnOnce(&Desk) -> Result<T>) -> Result<T> {
        use jiff::ToSpan;
        self.minutes_ago = (self.minutes_ago - after).max(0);
        let clock = Clock::new(
            self.desk.clock.tz().clone(),
            Some(self.desk.clock.now() - self.minutes_ago.minutes()),
        );
        let desk = Desk::new(
            self.desk.store,
            self.desk.config,
            &clock,
            self.desk.actor.clone(),
        );
        f(&desk)
    }
}

/// Takes a request through the first `steps` steps after registration, in the SOP's order,
/// each taking about as long as the SOP's standard for it.
fn advance(t: &mut Timeline, no: &str, steps: usize) -> Result<()> {
    for step in 0..steps {
        match step {
            0 => t.at(2, |d| d.call(no)).map(drop)?,
            1 => t
                .at(2, |d| d.take_photo(no, &portrait(no), None))
                .map(drop)?,
            2 => t
                .at(3, |d| d.verify(no, &Verification::default()))
                .map(drop)?,
            3 => t
                .at(4, |d| {
                    let req = d.open_request(no)?;
                    d.record_print(&req, None)
                })
                .map(drop)?,
            4 => t.at(2, |d| d.act(no, Action::Laminate)).map(drop)?,
            _ => t
                .at(1, |d| {
                    let name = d.member(no)?.full_name;
                    d.act(
                        no,
                        Action::HandOver {
                            received_by: name,
                            representative: false,
                        },
                    )
                })
                .map(drop)?,
        }
    }
    Ok(())
}

/// A made-up portrait: a plain backdrop, shoulders and a face, in colours that differ per
/// member, as a JPEG such as a camera would hand over.
pub fn portrait(no: &str) -> Vec<u8> {
    let hash = no
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    let backdrop = [[40, 90, 170], [170, 40, 40], [230, 230, 230]][(hash % 3) as usize];
    let shirt = [
        (hash >> 3) as u8 | 0x40,
        (hash >> 11) as u8 & 0x7f,
        (hash >> 19) as u8,
    ];
    let (w, h) = (480u32, 640u32);
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let (fx, fy) = (x as f32 - 240.0, y as f32 - 250.0);
        let face = (fx / 95.0).powi(2) + (fy / 125.0).powi(2) <= 1.0;
        let body = y > 420 && (x as f32 - 240.0).abs() < 60.0 + (y as f32 - 420.0) * 0.9;
        image::Rgb(if face {
            [224, 172, 130]
        } else if body {
            shirt
        } else {
            backdrop
        })
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("encoding an in-memory image");
    out.into_inner()
}
