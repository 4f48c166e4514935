//! What the codes on a card carry, and where they go. The member-number barcode is what
//! SLiMS and INLISLite look members up by; the card serial (`NO-02`) is what tells one card of
//! a member from the next, so an old card can be refused (see docs/decisions.md, "Card codes").

use serde::{Deserialize, Serialize};

use super::barcode::{self, Barcode, Symbology};
use super::template::{CARD_H_MM, CARD_W_MM, MmBox};
use super::{CardData, CardError};

/// Codes keep at least this far from every edge of the card: the cutter and the laminator's
/// rounded corners eat into the border, and a scanner needs the quiet zone whole.
pub const EDGE_MM: f32 = 2.0;

/// Where the card serial goes (`[card] serial_code`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SerialCode {
    /// The barcode carries the member number, for SLiMS and INLISLite; a QR code beside it
    /// carries the card serial, for loket. With `symbology = "qr"` the one QR code carries
    /// the serial.
    #[default]
    Qr,
    /// The one barcode carries the serial: for libraries whose circulation never scans
    /// loket's cards.
    Barcode,
    /// Only the member number, as cards were before serials: old cards cannot be told apart.
    None,
}

/// One code to draw: the box it is centred in (already kept off the edges), its layout.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedCode {
    pub at: MmBox,
    pub data: String,
    pub code: Barcode,
}

/// `b` shrunk to stay [`EDGE_MM`] inside the card.
fn inside_edges(b: MmBox) -> MmBox {
    let x = b.x.max(EDGE_MM);
    let y = b.y.max(EDGE_MM);
    let right = (b.x + b.w).min(CARD_W_MM - EDGE_MM);
    let bottom = (b.y + b.h).min(CARD_H_MM - EDGE_MM);
    MmBox {
        x,
        y,
        w: (right - x).max(0.0),
        h: (bottom - y).max(0.0),
    }
}

/// The codes a `barcode` element of the template stands for on `card`.
pub fn codes_for(
    at: MmBox,
    qr_box: Option<MmBox>,
    symbology: Symbology,
    serial_code: SerialCode,
    card: &CardData,
) -> Result<Vec<PlacedCode>, CardError> {
    let serial = card.serial.as_deref().filter(|s| !s.is_empty());
    let main_data = match (serial_code, serial) {
        (SerialCode::Barcode, Some(s)) => s,
        (SerialCode::Qr, Some(s)) if symbology == Symbology::Qr => s,
        _ => card.member_no.as_str(),
    };
    let main_box = match (symbology, qr_box) {
        (Symbology::Qr, Some(q)) => q,
        _ => at,
    };
    let mut wanted = vec![(main_box, symbology, main_data)];
    if serial_code == SerialCode::Qr
        && symbology != Symbology::Qr
        && let (Some(s), Some(q)) = (serial, qr_box)
    {
        wanted.push((q, Symbology::Qr, s));
    }
    wanted
        .into_iter()
        .map(|(b, sym, data)| {
            let b = inside_edges(b);
            let code =
                barcode::layout(sym, data, b.w, b.h).map_err(|source| CardError::Barcode {
                    member_no: card.member_no.clone(),
                    source,
                })?;
            Ok(PlacedCode {
                at: b,
                data: data.to_string(),
                code,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(serial: Option<&str>) -> CardData {
        CardData {
            member_no: "26112800001".into(),
            full_name: "Siti".into(),
            member_type: "Umum".into(),
            valid_until: jiff::civil::date(2028, 11, 28),
            photo_jpeg: None,
            serial: serial.map(String::from),
        }
    }

    const BAR: MmBox = MmBox {
        x: 0.0,
        y: 42.0,
        w: 85.6,
        h: 11.98,
    };
    const QR: MmBox = MmBox {
        x: 68.6,
        y: 28.0,
        w: 14.0,
        h: 14.0,
    };

    fn data(codes: &[PlacedCode]) -> Vec<&str> {
        codes.iter().map(|c| c.data.as_str()).collect()
    }

    #[test]
    fn the_member_number_for_the_peers_and_the_serial_beside_it() {
        let c = card(Some("26112800001-02"));
        let codes = codes_for(BAR, Some(QR), Symbology::Code128, SerialCode::Qr, &c).unwrap();
        assert_eq!(data(&codes), ["26112800001", "26112800001-02"]);
        let one = codes_for(BAR, Some(QR), Symbology::Qr, SerialCode::Qr, &c).unwrap();
        assert_eq!(data(&one), ["26112800001-02"]);
        let serial = codes_for(BAR, Some(QR), Symbology::Code39, SerialCode::Barcode, &c).unwrap();
        assert_eq!(data(&serial), ["26112800001-02"]);
        let bare = codes_for(BAR, Some(QR), Symbology::Code128, SerialCode::None, &c).unwrap();
        assert_eq!(data(&bare), ["26112800001"]);
        // A preview without a serial yet shows the member number alone.
        let preview = codes_for(
            BAR,
            Some(QR),
            Symbology::Code128,
            SerialCode::Qr,
            &card(None),
        );
        assert_eq!(data(&preview.unwrap()), ["26112800001"]);
    }

    #[test]
    fn a_box_on_the_edge_is_pulled_two_millimetres_in_with_its_quiet_zone_inside() {
        let c = card(Some("26112800001-02"));
        for code in codes_for(BAR, Some(QR), Symbology::Code128, SerialCode::Qr, &c).unwrap() {
            let b = code.at;
            assert!(b.x >= EDGE_MM && b.y >= EDGE_MM, "{b:?}");
            assert!(b.x + b.w <= CARD_W_MM - EDGE_MM + 1e-4, "{b:?}");
            assert!(b.y + b.h <= CARD_H_MM - EDGE_MM + 1e-4, "{b:?}");
            // The laid-out code, quiet zone included, fits the box it is centred in.
            assert!(code.code.width_mm <= b.w + 1e-4 && code.code.height_mm <= b.h + 1e-4);
        }
    }
}
