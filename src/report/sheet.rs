//! A report's tables in one neutral form, so the terminal text, the CSV and the PDF show the
//! same rows with the same numbers: each writer only decides how a cell looks.

use jiff::SignedDuration;

use super::labels::{duration_text, share_text};

/// One value. Writers format it: text shows `2:30` and `67%`, CSV seconds and a fraction.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(u64),
    Duration(Option<SignedDuration>),
    /// 0.0–1.0, or none when there was nothing to share out.
    Share(Option<f64>),
}

impl Cell {
    /// As a person reads it (terminal, PDF).
    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Duration(d) => duration_text(*d),
            Cell::Share(s) => share_text(*s),
        }
    }

    /// As a spreadsheet reads it: whole seconds, a fraction with four decimals, empty for none.
    pub fn machine(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Duration(d) => d.map(|d| d.as_secs().to_string()).unwrap_or_default(),
            Cell::Share(s) => s.map(|s| format!("{s:.4}")).unwrap_or_default(),
        }
    }

    /// Numbers line up on the right, words on the left.
    pub fn right_aligned(&self) -> bool {
        !matches!(self, Cell::Text(_))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The CSV's measure name (`median_seconds`), stable across languages.
    pub id: &'static str,
    pub header: String,
    /// Characters in the terminal table.
    pub width: usize,
    /// Share of the printable width in the PDF (a weight is at most 3 cm there).
    pub weight: f32,
}

impl Column {
    pub fn new(id: &'static str, header: &str, width: usize, weight: f32) -> Column {
        Column {
            id,
            header: header.to_string(),
            width,
            weight,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Stable key of the row for the CSV (`counter`, `2026-11-28`, `3` for SOP step 3).
    pub key: String,
    pub cells: Vec<Cell>,
}

/// One table. The first column is the row's label; the others are its measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The CSV's section name (`steps`).
    pub id: &'static str,
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Said under the title when there are no rows (no visits in the period, say).
    pub empty: String,
}

/// Cuts `s` to `width` characters, ending in `…` when cut.
pub fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

impl Table {
    /// The table for a terminal: title, header, rows; numbers right-aligned. Two spaces of
    /// indent and one between columns; the widths are chosen to fit 80 columns.
    pub fn text(&self) -> String {
        let mut out = format!("{}\n", self.title);
        if self.rows.is_empty() {
            out.push_str(&format!("  {}\n", self.empty));
            return out;
        }
        let line = |cells: Vec<(String, bool)>| {
            let mut l = String::from(" ");
            for ((s, right), c) in cells.into_iter().zip(&self.columns) {
                let s = clip(&s, c.width);
                l.push(' ');
                if right {
                    l.push_str(&format!("{s:>w$}", w = c.width));
                } else {
                    l.push_str(&format!("{s:<w$}", w = c.width));
                }
            }
            format!("{}\n", l.trim_end())
        };
        // A header sits over its column as the values do: numbers right, words left.
        let first = &self.rows[0].cells;
        out.push_str(&line(
            self.columns
                .iter()
                .zip(first)
                .map(|(c, v)| (c.header.clone(), v.right_aligned()))
                .collect(),
        ));
        for r in &self.rows {
            out.push_str(&line(
                r.cells
                    .iter()
                    .map(|c| (c.display(), c.right_aligned()))
                    .collect(),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_fits_its_widths_and_clips_long_names() {
        let t = Table {
            id: "t",
            title: "Judul".into(),
            columns: vec![
                Column::new("label", "Nama", 6, 1.0),
                Column::new("n", "n", 3, 1.0),
            ],
            rows: vec![Row {
                key: "k".into(),
                cells: vec![Cell::Text("Siti Rahayu".into()), Cell::Count(12)],
            }],
            empty: "kosong".into(),
        };
        assert_eq!(t.text(), "Judul\n  Nama     n\n  Siti …  12\n");
        let empty = Table { rows: vec![], ..t };
        assert_eq!(empty.text(), "Judul\n  kosong\n");
        assert_eq!(Cell::Share(Some(0.75)).machine(), "0.7500");
        assert_eq!(Cell::Duration(None).machine(), "");
    }
}
