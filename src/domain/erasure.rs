//! A member's right of erasure (UU 27/2022): what an erased member keeps is what the library's
//! statistics count (member type, sex, birth year, city, registration date, status, the
//! visits and cards by number), and nothing that names or reaches the person.

use jiff::civil::Date;

use super::member::{Address, IdentityNo, Member, MemberStatus, MotherName};
use super::workflow::{CardRequest, REPRESENTATIVE_NOTE};

/// What stands where a name or a note was.
pub const ERASED: &str = "[dihapus]";

/// The member as kept after erasure: the card stops working (blocked), the birth date keeps
/// only its year (1 January), the address only its city and province.
pub fn erased_member(m: &Member) -> Member {
    Member {
        member_no: m.member_no.clone(),
        full_name: ERASED.into(),
        identity_kind: m.identity_kind,
        identity_no: IdentityNo(String::new()),
        nik: None,
        birth_place: String::new(),
        birth_date: Date::new(m.birth_date.year(), 1, 1).unwrap_or(m.birth_date),
        sex: m.sex,
        address: Address {
            city: m.address.city.clone(),
            province: m.address.province.clone(),
            ..Address::default()
        },
        phone: String::new(),
        email: String::new(),
        mother_name: MotherName(String::new()),
        occupation: String::new(),
        education: String::new(),
        institution: String::new(),
        member_type: m.member_type.clone(),
        registered_at: m.registered_at,
        valid_until: m.valid_until,
        status: MemberStatus::Blocked,
        nik_mismatch_reason: None,
    }
}

/// A request as kept: every step and its time (the SOP's timing figures), no reason or
/// receiver's name; a representative's handover stays counted as one.
pub fn erased_request(r: &CardRequest) -> CardRequest {
    let mut r = r.clone();
    for t in &mut r.history {
        let representative = t.received_by_representative();
        if t.note.is_some() {
            t.note = Some(if representative {
                format!("{REPRESENTATIVE_NOTE}{ERASED}")
            } else {
                ERASED.into()
            });
        }
    }
    if let Some(c) = &mut r.checklist {
        for item in &mut c.results {
            if item.note.is_some() {
                item.note = Some(ERASED.into());
            }
        }
    }
    if r.received_by.is_some() {
        r.received_by = Some(ERASED.into());
    }
    r
}
