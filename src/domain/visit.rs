//! Visits (kunjungan): the visitor book kept from card scans at the front desk, and guests
//! who come without a card.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::member_no::MemberNo;

/// A guest without a card, written in the visitor book by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guest {
    pub name: String,
    pub institution: String,
    pub purpose: String,
    pub group_size: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Visitor {
    Member(MemberNo),
    Guest(Guest),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub visitor: Visitor,
    pub at: Timestamp,
    pub terminal: String,
}

impl Visit {
    /// People this entry stands for: a group of guests counts each person.
    pub fn people(&self) -> u32 {
        match &self.visitor {
            Visitor::Member(_) => 1,
            Visitor::Guest(g) => g.group_size.max(1),
        }
    }
}
