//! Name folding for search: case- and accent-insensitive words, so "Ṣiti" finds "SITI".

/// Lower-cased ASCII words of a name, accents removed, punctuation as separators.
pub fn name_words(name: &str) -> Vec<String> {
    let folded = deunicode::deunicode(name).to_lowercase();
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(name_words("Ṣiti  NUR'aini"), vec!["siti", "nur", "aini"]);
        assert_eq!(
            name_words("Ade Irma-Suryani"),
            vec!["ade", "irma", "suryani"]
        );
        assert!(name_words(" .. ").is_empty());
    }
}
