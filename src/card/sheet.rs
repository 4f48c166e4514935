//! Where cards go on paper: one card per page for card printers, or ten to an A4 sheet with
//! crop marks for an office printer and a cutter, backs mirrored for a long-edge duplex flip.

use serde::{Deserialize, Serialize};

use super::template::{CARD_H_MM, CARD_W_MM};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SheetKind {
    /// One card per page, the page the size of the card: for direct card printers.
    Card,
    /// A4 sheets of ten cards with crop marks: for ordinary printers and a cutter.
    #[default]
    A4,
}

pub const A4_W_MM: f32 = 210.0;
pub const A4_H_MM: f32 = 297.0;
pub const A4_COLS: usize = 2;
pub const A4_ROWS: usize = 5;
pub const A4_SLOTS: usize = A4_COLS * A4_ROWS;
/// Gutters between cards: room for crop marks and for a cutter blade's width.
const COL_GAP_MM: f32 = 8.0;
const ROW_GAP_MM: f32 = 4.0;
/// Crop marks start this far from the card, so a slightly-off cut shows no line on the card.
const MARK_OFFSET_MM: f32 = 1.0;
const MARK_LEN_MM: f32 = 3.0;

/// The top-left corner of A4 slot `slot` (0 = top-left, reading order), in mm.
pub fn a4_slot(slot: usize) -> (f32, f32) {
    let (col, row) = (slot % A4_COLS, slot / A4_COLS);
    let x0 = (A4_W_MM - A4_COLS as f32 * CARD_W_MM - (A4_COLS - 1) as f32 * COL_GAP_MM) / 2.0;
    let y0 = (A4_H_MM - A4_ROWS as f32 * CARD_H_MM - (A4_ROWS - 1) as f32 * ROW_GAP_MM) / 2.0;
    (
        x0 + col as f32 * (CARD_W_MM + COL_GAP_MM),
        y0 + row as f32 * (CARD_H_MM + ROW_GAP_MM),
    )
}

/// Where the back of a card at `x` goes so that it lands behind its front when the sheet is
/// turned over its long edge (the usual duplex): mirrored left to right.
pub fn mirror_x(x: f32) -> f32 {
    A4_W_MM - x - CARD_W_MM
}

/// Which card goes in which slot of which sheet: the first sheet starts after `skip` used slots.
pub fn paginate(cards: usize, skip: usize) -> Vec<Vec<(usize, usize)>> {
    let mut sheets: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut slot = skip;
    for card in 0..cards {
        if slot >= A4_SLOTS || sheets.is_empty() {
            if slot >= A4_SLOTS {
                slot = 0;
            }
            sheets.push(Vec::new());
        }
        if let Some(sheet) = sheets.last_mut() {
            sheet.push((card, slot));
        }
        slot += 1;
    }
    sheets
}

/// A line segment in mm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
}

/// Crop marks around the card whose top-left corner is at (`x`, `y`): at each corner, one mark
/// continuing each edge outward, starting clear of the card and never reaching into another
/// slot (in a gutter narrower than a full mark, the mark is shortened).
pub fn crop_marks(x: f32, y: f32) -> Vec<Segment> {
    let (r, b) = (x + CARD_W_MM, y + CARD_H_MM);
    // Room outward from each edge before the next card (or the paper edge).
    let room = |gap: f32| (gap - 2.0 * MARK_OFFSET_MM).clamp(0.0, MARK_LEN_MM);
    let left_room = if x > A4_W_MM / 2.0 {
        room(COL_GAP_MM)
    } else {
        room(x)
    };
    let right_room = if r < A4_W_MM / 2.0 {
        room(COL_GAP_MM)
    } else {
        room(A4_W_MM - r)
    };
    let top_room = if y > a4_slot(0).1 + 1.0 {
        room(ROW_GAP_MM)
    } else {
        room(y)
    };
    let bottom_room = if b < a4_slot(A4_SLOTS - 1).1 {
        room(ROW_GAP_MM)
    } else {
        room(A4_H_MM - b)
    };
    let mut marks = Vec::new();
    for cy in [y, b] {
        marks.push(Segment {
            x1: x - MARK_OFFSET_MM - left_room,
            y1: cy,
            x2: x - MARK_OFFSET_MM,
            y2: cy,
        });
        marks.push(Segment {
            x1: r + MARK_OFFSET_MM,
            y1: cy,
            x2: r + MARK_OFFSET_MM + right_room,
            y2: cy,
        });
    }
    for cx in [x, r] {
        marks.push(Segment {
            x1: cx,
            y1: y - MARK_OFFSET_MM - top_room,
            x2: cx,
            y2: y - MARK_OFFSET_MM,
        });
        marks.push(Segment {
            x1: cx,
            y1: b + MARK_OFFSET_MM,
            x2: cx,
            y2: b + MARK_OFFSET_MM + bottom_room,
        });
    }
    marks.retain(|s| s.x1 != s.x2 || s.y1 != s.y2);
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside_card(px: f32, py: f32, slot: usize) -> bool {
        let (x, y) = a4_slot(slot);
        px > x + 1e-3 && px < x + CARD_W_MM - 1e-3 && py > y + 1e-3 && py < y + CARD_H_MM - 1e-3
    }

    #[test]
    fn ten_slots_fit_on_a4_without_touching() {
        for s in 0..A4_SLOTS {
            let (x, y) = a4_slot(s);
            assert!(x >= 5.0 && y >= 5.0, "slot {s} too near the edge");
            assert!(x + CARD_W_MM <= A4_W_MM - 5.0 && y + CARD_H_MM <= A4_H_MM - 5.0);
        }
        let (x1, _) = a4_slot(1);
        assert!(x1 - (a4_slot(0).0 + CARD_W_MM) >= COL_GAP_MM - 1e-3);
    }

    #[test]
    fn mirrored_backs_swap_columns_and_keep_rows() {
        for s in 0..A4_SLOTS {
            let (x, y) = a4_slot(s);
            let partner = if s % 2 == 0 { s + 1 } else { s - 1 };
            let (px, py) = a4_slot(partner);
            assert!((mirror_x(x) - px).abs() < 1e-3 && (y - py).abs() < 1e-6);
        }
    }

    #[test]
    fn crop_marks_stay_out_of_every_card() {
        for s in 0..A4_SLOTS {
            let (x, y) = a4_slot(s);
            let marks = crop_marks(x, y);
            assert!(marks.len() >= 8, "slot {s}: {}", marks.len());
            for m in marks {
                for t in [0.0, 0.5, 1.0] {
                    let (px, py) = (m.x1 + t * (m.x2 - m.x1), m.y1 + t * (m.y2 - m.y1));
                    assert!((0..A4_SLOTS).all(|o| !inside_card(px, py, o)), "{m:?}");
                    assert!((0.0..=A4_W_MM).contains(&px) && (0.0..=A4_H_MM).contains(&py));
                }
            }
        }
    }

    #[test]
    fn a_partly_used_sheet_is_filled_first() {
        let sheets = paginate(5, 7);
        assert_eq!(
            sheets,
            vec![vec![(0, 7), (1, 8), (2, 9)], vec![(3, 0), (4, 1)]]
        );
        assert_eq!(paginate(10, 0).len(), 1);
        assert_eq!(paginate(11, 0).len(), 2);
        assert!(paginate(0, 0).is_empty());
    }
}
