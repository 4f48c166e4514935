//! The front desk's verdict on a scanned card (buku tamu): welcome, warn or refuse, and whether
//! the scan counts as a new visit. Pure: the service gathers the facts, this decides.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::member::MemberStatus;

/// A card that expires within this many days (today included) is shown in amber, so that the
/// member hears about the renewal while the card still works.
pub const EXPIRY_WARNING_DAYS: i32 = 30;

/// Longest text taken for a code: member numbers and serials are far shorter, and a longer
/// burst is a scanner sending the wrong symbology or someone leaning on the keyboard.
pub const MAX_CODE_LEN: usize = 40;

/// Why a check-in is amber or red. Never carries NIK, address or mother's name: the front-desk
/// screen is seen by everyone in the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Reason {
    /// Amber: the card is still valid for `days` more days (0: today is the last day).
    ExpiresSoon { days: i32, on: Date },
    /// Amber: a card was printed for the member but its handover was never recorded.
    NotHandedOver,
    /// Amber: an active member without a recorded end date (an old import, say).
    NoValidUntil,
    /// The card's validity ended (amber or red, by [`Policy`]).
    Expired { on: Date },
    /// Red: the member is blocked.
    MemberBlocked,
    /// Red: this card was blocked (lost, say) and no newer card exists.
    CardBlocked { note: String },
    /// Red: a newer card replaced this one.
    CardReplaced { by: String },
    /// Red: the scan was the bare member number (a card printed before the barcode carried
    /// the serial, or the member-number barcode of any card) and the member has had more
    /// than one card, so the scan cannot tell the valid card from an old one.
    NumberOnly { newest: String },
    /// Registered, but the card was never issued (amber or red, by [`Policy`]).
    Pending,
    /// Red: no member or card has this number.
    Unknown { code: String },
    /// Red: the scan is not a member number or card serial at all.
    NotACode,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum Verdict {
    /// Green.
    Welcome,
    /// Amber: may enter; tell the member (or the counter) what needs doing.
    Warn(Reason),
    /// Red: may not enter with this card; the bell rings.
    Refuse(Reason),
}

impl Verdict {
    pub fn may_enter(&self) -> bool {
        !matches!(self, Verdict::Refuse(_))
    }

    pub fn reason(&self) -> Option<&Reason> {
        match self {
            Verdict::Welcome => None,
            Verdict::Warn(r) | Verdict::Refuse(r) => Some(r),
        }
    }
}

/// The scanned card, as the store knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardState {
    /// The scan was a member number (the barcode on the card), or a serial that is not blocked.
    Usable,
    /// A serial blocked for another reason than a newer card.
    Blocked { note: String },
    /// A serial a newer card of the same member replaced.
    Replaced { by: String },
    /// The bare member number of a member who has had several cards: see
    /// [`Reason::NumberOnly`].
    NumberOnly { newest: String },
}

/// Whether the front desk lets someone in (amber, counted) or turns them away (red).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Admit {
    /// Amber: may enter and is counted; the screen says what to do at the counter.
    #[default]
    Warn,
    /// Red: not counted; the bell rings.
    Refuse,
}

/// The library's choice for members whose card is not in order but who are not barred
/// (`[frontdesk]` in the config). A public library admits everyone and SLiMS counts an
/// expired member's visit with a warning, so both default to amber.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Policy {
    /// The card's validity ended.
    pub expired: Admit,
    /// Registered, but the card was not issued yet.
    pub not_issued: Admit,
}

/// What the service found out about a scanned member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// [`super::member::Member::status_on`] today.
    pub status: MemberStatus,
    pub valid_until: Option<Date>,
    pub card: CardState,
    /// The member's request has a printed card that was never handed over.
    pub printed_not_handed_over: bool,
    /// The member's latest visit, if any inside the window could be.
    pub last_visit: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub verdict: Verdict,
    /// Write a visit: the member may enter and has not been counted inside the window.
    pub record_visit: bool,
    /// Already counted inside the window: shown, not counted again.
    pub repeat: bool,
}

/// The code inside a scan, or why it is none: trimmed; letters, digits and `-` `/` `.` `_`
/// only (every member-number format and serial), at most [`MAX_CODE_LEN`].
pub fn code_of(scanned: &str) -> Result<&str, Reason> {
    let code = scanned.trim();
    let fits = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.' | '_');
    if code.is_empty() || code.len() > MAX_CODE_LEN || !code.chars().all(fits) {
        return Err(Reason::NotACode);
    }
    Ok(code)
}

/// The verdict for a scan. `facts` is `None` when nothing in the store has the code.
pub fn decide(
    code: &str,
    facts: Option<&Facts>,
    today: Date,
    now: Timestamp,
    window_minutes: u32,
    policy: Policy,
) -> Decision {
    let refuse = |r: Reason| Decision {
        verdict: Verdict::Refuse(r),
        record_visit: false,
        repeat: false,
    };
    let Some(f) = facts else {
        return refuse(Reason::Unknown {
            code: code.to_string(),
        });
    };
    // Red first: a blocked member stays blocked whatever card they hold, and a card that is
    // not the member's valid one is held back whatever the member's state.
    if f.status == MemberStatus::Blocked {
        return refuse(Reason::MemberBlocked);
    }
    match &f.card {
        CardState::Replaced { by } => return refuse(Reason::CardReplaced { by: by.clone() }),
        CardState::Blocked { note } => return refuse(Reason::CardBlocked { note: note.clone() }),
        CardState::NumberOnly { newest } => {
            return refuse(Reason::NumberOnly {
                newest: newest.clone(),
            });
        }
        CardState::Usable => {}
    }
    let by_policy = |admit: Admit, r: Reason| match admit {
        Admit::Warn => Some(Verdict::Warn(r)),
        Admit::Refuse => None,
    };
    let expired = match (f.status, f.valid_until) {
        (MemberStatus::Expired, on) => Some(on),
        (MemberStatus::Active, Some(on)) if on < today => Some(Some(on)),
        _ => None,
    };
    let verdict = if f.status == MemberStatus::Pending {
        match by_policy(policy.not_issued, Reason::Pending) {
            Some(v) => v,
            None => return refuse(Reason::Pending),
        }
    } else if let Some(on) = expired {
        let reason = match on {
            Some(on) => Reason::Expired { on },
            None => Reason::NoValidUntil,
        };
        match by_policy(policy.expired, reason.clone()) {
            Some(v) => v,
            None => return refuse(reason),
        }
    } else if f.printed_not_handed_over {
        Verdict::Warn(Reason::NotHandedOver)
    } else {
        match f.valid_until {
            None => Verdict::Warn(Reason::NoValidUntil),
            Some(on) => {
                let days = (on - today).get_days();
                if days <= EXPIRY_WARNING_DAYS {
                    Verdict::Warn(Reason::ExpiresSoon { days, on })
                } else {
                    Verdict::Welcome
                }
            }
        }
    };
    // A visit recorded a moment "after" now (another terminal's clock running ahead) is
    // inside the window too: counting the member twice is the error to avoid.
    let repeat = f
        .last_visit
        .is_some_and(|last| now.duration_since(last).as_secs() < i64::from(window_minutes) * 60);
    Decision {
        verdict,
        record_visit: !repeat,
        repeat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::ToSpan;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 28);

    fn now() -> Timestamp {
        "2026-11-28T03:00:00Z".parse().unwrap()
    }

    fn active(valid_until: Date) -> Facts {
        Facts {
            status: MemberStatus::Active,
            valid_until: Some(valid_until),
            card: CardState::Usable,
            printed_not_handed_over: false,
            last_visit: None,
        }
    }

    fn verdict(f: &Facts) -> Verdict {
        decide("2611280001", Some(f), TODAY, now(), 60, Policy::default()).verdict
    }

    fn in_days(n: i32) -> Date {
        TODAY.checked_add(n.days()).unwrap()
    }

    #[test]
    fn a_card_valid_beyond_thirty_days_is_welcome() {
        assert_eq!(verdict(&active(in_days(31))), Verdict::Welcome);
        assert_eq!(verdict(&active(in_days(700))), Verdict::Welcome);
    }

    #[test]
    fn expiry_within_thirty_days_warns_with_the_days_left() {
        for n in [0, 1, 30] {
            assert_eq!(
                verdict(&active(in_days(n))),
                Verdict::Warn(Reason::ExpiresSoon {
                    days: n,
                    on: in_days(n)
                }),
                "expires in {n} days"
            );
        }
    }

    const STRICT: Policy = Policy {
        expired: Admit::Refuse,
        not_issued: Admit::Refuse,
    };

    #[test]
    fn an_expired_card_is_amber_and_counted_unless_the_library_refuses_it() {
        let d = decide(
            "x",
            Some(&active(in_days(-1))),
            TODAY,
            now(),
            60,
            Policy::default(),
        );
        assert_eq!(
            d.verdict,
            Verdict::Warn(Reason::Expired { on: in_days(-1) })
        );
        assert!(d.record_visit, "a public library counts whoever comes in");
        let d = decide("x", Some(&active(in_days(-1))), TODAY, now(), 60, STRICT);
        assert_eq!(
            d.verdict,
            Verdict::Refuse(Reason::Expired { on: in_days(-1) })
        );
        assert!(!d.record_visit);
        // The same when the record already says expired.
        let f = Facts {
            status: MemberStatus::Expired,
            ..active(in_days(-40))
        };
        assert_eq!(
            verdict(&f),
            Verdict::Warn(Reason::Expired { on: in_days(-40) })
        );
    }

    #[test]
    fn an_old_card_of_an_expired_member_is_still_red() {
        let f = Facts {
            card: CardState::Replaced {
                by: "2611280001-02".into(),
            },
            ..active(in_days(-10))
        };
        assert!(matches!(
            verdict(&f),
            Verdict::Refuse(Reason::CardReplaced { .. })
        ));
    }

    #[test]
    fn a_bare_number_is_refused_once_the_member_has_several_cards() {
        let f = Facts {
            card: CardState::NumberOnly {
                newest: "2611280001-02".into(),
            },
            ..active(in_days(100))
        };
        let d = decide("2611280001", Some(&f), TODAY, now(), 60, Policy::default());
        assert_eq!(
            d.verdict,
            Verdict::Refuse(Reason::NumberOnly {
                newest: "2611280001-02".into()
            })
        );
        assert!(!d.record_visit);
    }

    #[test]
    fn blocked_member_and_blocked_card_are_refused() {
        let member = Facts {
            status: MemberStatus::Blocked,
            ..active(in_days(100))
        };
        assert_eq!(verdict(&member), Verdict::Refuse(Reason::MemberBlocked));
        let card = Facts {
            card: CardState::Blocked {
                note: "lost".into(),
            },
            ..active(in_days(100))
        };
        assert_eq!(
            verdict(&card),
            Verdict::Refuse(Reason::CardBlocked {
                note: "lost".into()
            })
        );
    }

    #[test]
    fn a_replaced_card_is_refused_and_names_its_successor() {
        let f = Facts {
            card: CardState::Replaced {
                by: "2611280001-02".into(),
            },
            ..active(in_days(100))
        };
        let d = decide(
            "2611280001-01",
            Some(&f),
            TODAY,
            now(),
            60,
            Policy::default(),
        );
        assert_eq!(
            d.verdict,
            Verdict::Refuse(Reason::CardReplaced {
                by: "2611280001-02".into()
            })
        );
        assert!(!d.record_visit);
    }

    #[test]
    fn a_member_without_a_card_yet_is_amber_unless_the_library_refuses() {
        let f = Facts {
            status: MemberStatus::Pending,
            valid_until: None,
            ..active(TODAY)
        };
        assert_eq!(verdict(&f), Verdict::Warn(Reason::Pending));
        let d = decide("x", Some(&f), TODAY, now(), 60, STRICT);
        assert_eq!(d.verdict, Verdict::Refuse(Reason::Pending));
        assert!(!d.record_visit);
    }

    #[test]
    fn an_unknown_number_is_refused_with_the_number() {
        let d = decide("9999999999", None, TODAY, now(), 60, Policy::default());
        assert_eq!(
            d.verdict,
            Verdict::Refuse(Reason::Unknown {
                code: "9999999999".into()
            })
        );
        assert!(!d.record_visit && !d.repeat);
    }

    #[test]
    fn a_printed_card_never_handed_over_warns_even_when_valid_long() {
        let f = Facts {
            printed_not_handed_over: true,
            ..active(in_days(700))
        };
        let d = decide("x", Some(&f), TODAY, now(), 60, Policy::default());
        assert_eq!(d.verdict, Verdict::Warn(Reason::NotHandedOver));
        assert!(d.record_visit, "amber members may enter and are counted");
    }

    #[test]
    fn an_active_member_without_an_end_date_warns() {
        let f = Facts {
            valid_until: None,
            ..active(TODAY)
        };
        assert_eq!(verdict(&f), Verdict::Warn(Reason::NoValidUntil));
    }

    #[test]
    fn a_second_scan_inside_the_window_is_not_counted() {
        let at = |mins: i64| now().checked_sub(mins.minutes()).unwrap();
        for (mins, repeat) in [(0, true), (59, true), (60, false), (61, false), (-5, true)] {
            let f = Facts {
                last_visit: Some(at(mins)),
                ..active(in_days(100))
            };
            let d = decide("x", Some(&f), TODAY, now(), 60, Policy::default());
            assert_eq!(d.repeat, repeat, "last visit {mins} minutes ago");
            assert_eq!(d.record_visit, !repeat, "last visit {mins} minutes ago");
            assert_eq!(d.verdict, Verdict::Welcome);
        }
        // A shorter window from the config.
        let f = Facts {
            last_visit: Some(at(20)),
            ..active(in_days(100))
        };
        assert!(!decide("x", Some(&f), TODAY, now(), 15, Policy::default()).repeat);
    }

    #[test]
    fn a_refused_card_is_never_a_repeat() {
        let f = Facts {
            status: MemberStatus::Blocked,
            last_visit: Some(now()),
            ..active(in_days(100))
        };
        let d = decide("x", Some(&f), TODAY, now(), 60, Policy::default());
        assert!(!d.repeat && !d.record_visit);
    }

    #[test]
    fn codes_are_trimmed_and_garbage_is_refused() {
        assert_eq!(code_of("  2611280001\r\n"), Ok("2611280001"));
        assert_eq!(code_of("B1-2611280001-02"), Ok("B1-2611280001-02"));
        assert_eq!(code_of("00001L2026"), Ok("00001L2026"));
        for bad in [
            "",
            "   ",
            "hello world",
            "\u{1b}[A",
            "26112800ü1",
            "'; drop table",
            &"9".repeat(MAX_CODE_LEN + 1),
        ] {
            assert_eq!(code_of(bad), Err(Reason::NotACode), "{bad:?}");
        }
    }
}
