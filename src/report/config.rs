//! The `[report]` section of `loket.toml`: who signs the printed reports and register.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportConfig {
    /// The signer's office under "Mengetahui," (the SOP names the section head).
    pub signer_title: String,
    pub signer_title_en: String,
    /// Printed under the signature line when set; otherwise the line is left to fill in.
    pub signer_name: String,
    /// The civil servant number (NIP), printed after "NIP." when set.
    pub signer_nip: String,
}

impl ReportConfig {
    /// The signer's office in the report's language. It is the library's own words from
    /// `loket.toml`, in Indonesian and English; a report in another language prints the
    /// Indonesian, the office's official name.
    pub fn signer_title_in(&self, lang: Lang) -> &str {
        if lang == Lang::En {
            &self.signer_title_en
        } else {
            &self.signer_title
        }
    }
}

impl Default for ReportConfig {
    fn default() -> Self {
        ReportConfig {
            // i18n: a default for the library's own words in loket.toml, one key per language
            signer_title: "Kepala Seksi Pelayanan dan Pelestarian Bahan Perpustakaan".into(),
            // i18n: a default for the library's own words in loket.toml, one key per language
            signer_title_en: "Head of the Services and Preservation Section".into(),
            signer_name: String::new(),
            signer_nip: String::new(),
        }
    }
}
