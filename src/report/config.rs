//! The `[report]` section of `loket.toml`: who signs the printed reports and register.

use serde::{Deserialize, Serialize};

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

impl Default for ReportConfig {
    fn default() -> Self {
        ReportConfig {
            signer_title: "Kepala Seksi Pelayanan dan Pelestarian Bahan Perpustakaan".into(),
            signer_title_en: "Head of the Services and Preservation Section".into(),
            signer_name: String::new(),
            signer_nip: String::new(),
        }
    }
}
