//! The end of every import and export, as a librarian reads it: how many members went where,
//! what was mapped to what, and which of the other system's fields were left out and why.

use serde::Serialize;

use crate::i18n::Lang;

/// A value translated between the systems, and for how many members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mapped {
    /// The other system's field, as it names it (`member_type_name`, `JENIS ANGGOTA`).
    pub field: String,
    pub from: String,
    pub to: String,
    pub members: usize,
    /// Why this mapping (a `--type-map` entry, the stock type, by name…); may be empty.
    pub how: String,
}

/// A field of the other system that was not carried, with how many members had a value in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    pub field: String,
    pub members: usize,
    pub why: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub mapped: Vec<Mapped>,
    pub left_out: Vec<LeftOut>,
    /// Whole sentences, already in the clerk's language.
    pub notes: Vec<String>,
}

impl Summary {
    /// Adds to a mapping already counted, or a new one.
    pub fn map(&mut self, field: &str, from: &str, to: &str, how: &str) {
        match self
            .mapped
            .iter_mut()
            .find(|m| m.field == field && m.from == from && m.to == to)
        {
            Some(m) => m.members += 1,
            None => self.mapped.push(Mapped {
                field: field.into(),
                from: from.into(),
                to: to.into(),
                members: 1,
                how: how.into(),
            }),
        }
    }

    pub fn leave_out(&mut self, field: &str, members: usize, why: String) {
        if members > 0 {
            self.left_out.push(LeftOut {
                field: field.into(),
                members,
                why,
            });
        }
    }

    /// The lines under an import's or export's totals; nothing when there is nothing to say.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        if !self.mapped.is_empty() {
            out.push_str(lang.text("interop-summary-mapped"));
            for m in &self.mapped {
                let how = if m.how.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", m.how)
                };
                out.push_str("  ");
                out.push_str(&crate::t!(
                    lang,
                    "interop-summary-mapped-line",
                    field = m.field.as_str(),
                    from = m.from.as_str(),
                    to = m.to.as_str(),
                    n = m.members,
                    how = how,
                ));
                out.push('\n');
            }
        }
        if !self.left_out.is_empty() {
            out.push_str(lang.text("interop-summary-left-out"));
            for l in &self.left_out {
                out.push_str("  ");
                out.push_str(&crate::t!(
                    lang,
                    "interop-summary-left-out-line",
                    field = l.field.as_str(),
                    n = l.members,
                    why = l.why.as_str(),
                ));
                out.push('\n');
            }
        }
        for n in &self.notes {
            out.push_str(&format!("{n}\n"));
        }
        out
    }
}
