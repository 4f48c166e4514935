//! Region codes that open every NIK: the 38 provinces (Kemendagri codes) and the kecamatan of
//! the default regency, Sidoarjo (35.15). Tables only; the NIK rules live in `nik.rs`.

/// The 38 provinces by their two-digit Kemendagri code. Papua's six (91–96) include the four
/// created in 2022; NIKs issued before the split keep their old code, so every one is accepted.
pub const PROVINCES: [(&str, &str); 38] = [
    ("11", "Aceh"),
    ("12", "Sumatera Utara"),
    ("13", "Sumatera Barat"),
    ("14", "Riau"),
    ("15", "Jambi"),
    ("16", "Sumatera Selatan"),
    ("17", "Bengkulu"),
    ("18", "Lampung"),
    ("19", "Kepulauan Bangka Belitung"),
    ("21", "Kepulauan Riau"),
    ("31", "DKI Jakarta"),
    ("32", "Jawa Barat"),
    ("33", "Jawa Tengah"),
    ("34", "DI Yogyakarta"),
    ("35", "Jawa Timur"),
    ("36", "Banten"),
    ("51", "Bali"),
    ("52", "Nusa Tenggara Barat"),
    ("53", "Nusa Tenggara Timur"),
    ("61", "Kalimantan Barat"),
    ("62", "Kalimantan Tengah"),
    ("63", "Kalimantan Selatan"),
    ("64", "Kalimantan Timur"),
    ("65", "Kalimantan Utara"),
    ("71", "Sulawesi Utara"),
    ("72", "Sulawesi Tengah"),
    ("73", "Sulawesi Selatan"),
    ("74", "Sulawesi Tenggara"),
    ("75", "Gorontalo"),
    ("76", "Sulawesi Barat"),
    ("81", "Maluku"),
    ("82", "Maluku Utara"),
    ("91", "Papua"),
    ("92", "Papua Barat"),
    ("93", "Papua Selatan"),
    ("94", "Papua Tengah"),
    ("95", "Papua Pegunungan"),
    ("96", "Papua Barat Daya"),
];

/// The 18 kecamatan of Kabupaten Sidoarjo, by their six-digit code (35.15.xx).
pub const SIDOARJO_KECAMATAN: [(&str, &str); 18] = [
    ("351501", "Tarik"),
    ("351502", "Prambon"),
    ("351503", "Krembung"),
    ("351504", "Porong"),
    ("351505", "Jabon"),
    ("351506", "Tanggulangin"),
    ("351507", "Candi"),
    ("351508", "Tulangan"),
    ("351509", "Wonoayu"),
    ("351510", "Sukodono"),
    ("351511", "Sidoarjo"),
    ("351512", "Buduran"),
    ("351513", "Sedati"),
    ("351514", "Gedangan"),
    ("351515", "Krian"),
    ("351516", "Balongbendo"),
    ("351517", "Taman"),
    ("351518", "Waru"),
];

pub fn province_name(code: &str) -> Option<&'static str> {
    PROVINCES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

pub fn sidoarjo_kecamatan(code: &str) -> Option<&'static str> {
    SIDOARJO_KECAMATAN
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_eight_distinct_provinces() {
        let mut codes: Vec<_> = PROVINCES.iter().map(|(c, _)| *c).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 38);
        assert_eq!(province_name("35"), Some("Jawa Timur"));
        assert_eq!(province_name("20"), None);
    }

    #[test]
    fn sidoarjo_runs_from_tarik_to_waru() {
        assert_eq!(sidoarjo_kecamatan("351501"), Some("Tarik"));
        assert_eq!(sidoarjo_kecamatan("351518"), Some("Waru"));
        assert_eq!(sidoarjo_kecamatan("351519"), None);
    }
}
