//! The membership card (kartu anggota): what is printed, the template, barcodes, the PDF and
//! sending it to the printer (SOP steps 5–6). Only `CardData` reaches the renderer, and it has
//! no field for the NIK or the mother's birth name, so they cannot end up on a card.

pub mod barcode;
pub mod codes;
pub mod font;
pub mod layout;
pub mod pdf;
pub mod print;
pub mod sheet;
pub mod signature;
pub mod template;

use std::path::PathBuf;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::domain::member::Member;
use crate::domain::member_type::MemberType;
use crate::i18n::{Lang, Localized};

pub use barcode::{BarcodeError, Symbology};
pub use codes::SerialCode;
pub use pdf::{RenderOptions, render_pdf};
pub use print::{PrintError, PrintJob};
pub use signature::SignatureConfig;

pub use sheet::SheetKind;
pub use template::{Template, TemplateError};

/// Everything a card shows about its holder, and nothing more.
#[derive(Debug, Clone, PartialEq)]
pub struct CardData {
    pub member_no: String,
    pub full_name: String,
    /// The member type's name as printed, e.g. "Umum".
    pub member_type: String,
    /// Berlaku hingga.
    pub valid_until: Date,
    /// The stored photo, a JPEG; embedded as it is.
    pub photo_jpeg: Option<Vec<u8>>,
    /// Nomor seri kartu: a replacement card gets a new one so the old card can be blocked.
    pub serial: Option<String>,
}

impl CardData {
    /// The card of `member`. Fails for a member whose validity is not set yet (not verified).
    pub fn from_member(
        member: &Member,
        member_type: &MemberType,
        photo_jpeg: Option<Vec<u8>>,
        serial: Option<String>,
    ) -> Result<CardData, CardError> {
        let valid_until = member.valid_until.ok_or_else(|| CardError::NotActivated {
            member_no: member.member_no.to_string(),
        })?;
        Ok(CardData {
            member_no: member.member_no.as_str().to_string(),
            full_name: member.full_name.clone(),
            member_type: member_type.name.clone(),
            valid_until,
            photo_jpeg,
            serial,
        })
    }

    /// "28-11-2028", the order Indonesian forms use.
    pub fn valid_until_text(&self) -> String {
        self.valid_until.strftime("%d-%m-%Y").to_string()
    }
}

/// The serial of the `issue`-th card of a member (1 for the first): the member number and a
/// two-digit issue count, so staff can tell a replacement from the card it replaced.
pub fn card_serial(member_no: &str, issue: u32) -> String {
    format!("{member_no}-{issue:02}")
}

/// The library as the card shows it (from the config).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LibraryInfo {
    pub name: String,
    pub address: String,
    /// Phone, e-mail, website, social media: one per line on the back.
    #[serde(default)]
    pub contact: Vec<String>,
    /// Tata tertib: one per line on the back.
    #[serde(default = "default_rules")]
    pub rules: Vec<String>,
    /// JPEG or PNG.
    #[serde(default)]
    pub logo: Option<PathBuf>,
}

// Printed on the card, which is Indonesian whatever the staff's language: its title and labels
// belong to the card template (default-card.toml). A library sets its own in [library] rules.
// i18n: the card's own Indonesian text, like the template's "KARTU ANGGOTA"
const DEFAULT_RULES: &str = "\
1. Kartu ini wajib dibawa dan ditunjukkan setiap kali berkunjung dan meminjam koleksi.
2. Kartu hanya berlaku untuk pemiliknya dan tidak boleh dipinjamkan kepada orang lain.
3. Kehilangan kartu segera dilaporkan kepada petugas untuk diblokir dan diganti.
4. Perpanjang keanggotaan sebelum masa berlaku kartu habis.
5. Siapa pun yang menemukan kartu ini mohon mengembalikannya ke alamat perpustakaan.";

/// Rules most Indonesian public libraries print on the back of the card.
pub fn default_rules() -> Vec<String> {
    DEFAULT_RULES.lines().map(String::from).collect()
}

/// The `[card]` section of the config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CardConfig {
    /// A TOML card template; none means the built-in one.
    pub template: Option<PathBuf>,
    pub symbology: Symbology,
    pub sheet: SheetKind,
    /// The CUPS queue (`lpstat -p` lists them).
    pub printer: String,
    /// Passed to `lp` as `-o OPTION` each, e.g. `media=A4`, `print-quality=5`.
    pub lp_options: Vec<String>,
    /// Calibration: moves everything printed on the front side right / down, in mm.
    pub offset_x_mm: f32,
    pub offset_y_mm: f32,
    /// The same for the back side, measured separately: duplex units rarely agree.
    pub back_offset_x_mm: f32,
    pub back_offset_y_mm: f32,
    /// Print the backs: after each front page, mirrored on A4 for a long-edge flip.
    pub duplex: bool,
    /// Where the card serial goes: `qr` (beside the member-number barcode), `barcode` (in
    /// it) or `none`. See docs/decisions.md, "Card codes".
    pub serial_code: SerialCode,
    /// `[card.signature]`: the head's title, name, signature and the library's stamp.
    pub signature: Option<SignatureConfig>,
    /// Colour past the cut on one-card pages (`sheet = "card"`), for printing shops; mm.
    pub bleed_mm: f32,
}

impl Default for CardConfig {
    fn default() -> Self {
        CardConfig {
            template: None,
            symbology: Symbology::Code128,
            sheet: SheetKind::A4,
            printer: String::new(),
            lp_options: Vec::new(),
            offset_x_mm: 0.0,
            offset_y_mm: 0.0,
            back_offset_x_mm: 0.0,
            back_offset_y_mm: 0.0,
            duplex: true,
            serial_code: SerialCode::default(),
            signature: None,
            bleed_mm: 0.0,
        }
    }
}

impl CardConfig {
    /// Render options for this config, skipping `skip` slots already used on the sheet.
    pub fn render_options(&self, skip: usize) -> RenderOptions {
        RenderOptions {
            symbology: self.symbology,
            sheet: self.sheet,
            skip,
            offset_mm: (self.offset_x_mm, self.offset_y_mm),
            back_offset_mm: (self.back_offset_x_mm, self.back_offset_y_mm),
            backs: self.duplex,
            serial_code: self.serial_code,
            signature: self.signature.clone(),
            bleed_mm: self.bleed_mm,
        }
    }
}

impl CardConfig {
    /// The `lp -o` options: the configured ones, plus a long-edge duplex for A4 sheets with
    /// backs unless the config already says how to print sides. Without it a duplex printer
    /// prints the backs on a second sheet, which looks right until the cards are cut.
    pub fn lp_options(&self) -> Vec<String> {
        let mut opts = self.lp_options.clone();
        if self.duplex
            && self.sheet == SheetKind::A4
            && !opts.iter().any(|o| o.starts_with("sides="))
        {
            opts.push("sides=two-sided-long-edge".into());
        }
        opts
    }

    /// Keeps `pdf` at `keep_at` and sends it to the configured printer with its options.
    pub fn print(&self, pdf: &[u8], keep_at: &std::path::Path) -> Result<PrintJob, PrintError> {
        print::print_pdf(&self.printer, &self.lp_options(), pdf, keep_at)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CardError {
    #[error("member {member_no} has no validity date yet")]
    NotActivated { member_no: String },
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error("barcode for {member_no}: {source}")]
    Barcode {
        member_no: String,
        source: BarcodeError,
    },
    #[error("photo of {member_no} is not a usable JPEG: {message}")]
    Photo { member_no: String, message: String },
    #[error("image {path}: {message}")]
    Image { path: PathBuf, message: String },
    #[error("start slot {} is past the {slots} slots of a sheet", skip + 1)]
    SkipTooLarge { skip: usize, slots: usize },
    /// `--start` (the first free slot, 1-based) outside 1..=slots.
    #[error("start slot {start} is not one of the {slots} slots of a sheet")]
    StartSlot { start: usize, slots: usize },
    #[error("no cards to render")]
    NoCards,
    #[error("PDF could not be written: {0}")]
    Pdf(String),
}

impl Localized for CardError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            CardError::NotActivated { member_no } => {
                crate::t!(lang, "card-not-activated", member_no = member_no.as_str())
            }
            CardError::Template(e) => e.localized(lang),
            CardError::Barcode { source, .. } => source.localized(lang),
            CardError::Photo { member_no, message } => crate::t!(
                lang,
                "card-photo-unusable",
                member_no = member_no.as_str(),
                message = message.as_str()
            ),
            CardError::Image { path, message } => crate::t!(
                lang,
                "card-image-unusable",
                path = path.display().to_string(),
                message = message.as_str()
            ),
            // `skip` is the slots already used; the clerk gave the first free slot, skip + 1.
            CardError::SkipTooLarge { skip, slots } => CardError::StartSlot {
                start: skip + 1,
                slots: *slots,
            }
            .localized(lang),
            CardError::StartSlot { start, slots } => crate::t!(
                lang,
                "card-no-such-start-slot",
                start = *start,
                slots = *slots
            ),
            CardError::NoCards => lang.text("card-there-are-no-cards-to-print").to_string(),
            CardError::Pdf(m) => crate::t!(lang, "card-pdf-failed", message = m.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_config_reads_from_toml_with_defaults_for_the_rest() {
        let c: CardConfig = toml::from_str(
            "symbology = \"qr\"\nsheet = \"card\"\nprinter = \"kartu\"\nlp_options = [\"media=CR80\"]\noffset_x_mm = -0.5\n",
        )
        .unwrap();
        assert_eq!(c.symbology, Symbology::Qr);
        assert_eq!(c.sheet, SheetKind::Card);
        assert_eq!(c.lp_options, vec!["media=CR80".to_string()]);
        assert!(c.duplex && c.template.is_none());
        let o = c.render_options(3);
        assert_eq!((o.skip, o.offset_mm, o.backs), (3, (-0.5, 0.0), true));
        let d: CardConfig = toml::from_str("").unwrap();
        assert_eq!(d, CardConfig::default());
        assert!(toml::from_str::<CardConfig>("symbology = \"ean13\"").is_err());
    }

    #[test]
    fn a4_with_backs_asks_for_long_edge_duplex_unless_told_otherwise() {
        let mut c = CardConfig::default();
        assert_eq!(
            c.lp_options(),
            vec!["sides=two-sided-long-edge".to_string()]
        );
        c.lp_options = vec!["sides=one-sided".into()];
        assert_eq!(c.lp_options(), vec!["sides=one-sided".to_string()]);
        c.lp_options.clear();
        c.sheet = SheetKind::Card;
        assert!(
            c.lp_options().is_empty(),
            "card printers flip cards themselves"
        );
    }

    #[test]
    fn serials_count_issues() {
        assert_eq!(card_serial("26112800001", 1), "26112800001-01");
        assert_ne!(card_serial("26112800001", 2), card_serial("26112800001", 1));
    }
}
