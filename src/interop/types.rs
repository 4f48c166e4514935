//! Member types between loket and the other system: by `--type-map`, code or name.

use crate::config::Config;

use super::InteropError;

/// Parses `--type-map NAME=code` entries against the configured types.
pub fn parse_type_map(
    entries: &[String],
    config: &Config,
) -> Result<Vec<(String, String)>, InteropError> {
    entries
        .iter()
        .map(|e| match e.split_once('=') {
            Some((name, code)) if config.member_type(code.trim()).is_some() => {
                // The name as typed: an export writes it into the other system.
                Ok((name.trim().to_string(), code.trim().to_string()))
            }
            _ => Err(InteropError::TypeMap(e.clone())),
        })
        .collect()
}

/// How a type in the file found its loket type, for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeMatch {
    Blank,
    Map,
    Name,
    /// SLiMS's stock type `Standard`, which every SLiMS has: loket's default type.
    Stock,
}

impl TypeMatch {
    pub fn how(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            TypeMatch::Blank => lang.text("interop-types-blank-loket-s-default-type"),
            TypeMatch::Map => "--type-map",
            TypeMatch::Name => lang.text("interop-types-same-name"),
            TypeMatch::Stock => lang.text("interop-types-slims-s-stock-type-loket-s"),
        }
    }
}

/// The loket type code for a type as the file names it: blank → the first configured type;
/// else the `--type-map` entry, a configured code, or a configured name (Indonesian or
/// English), ignoring case; SLiMS's stock `Standard` → the first configured type. `None`:
/// unknown, the row is rejected.
pub fn resolve_type(raw: &str, config: &Config, type_map: &[(String, String)]) -> Option<String> {
    resolve_type_how(raw, config, type_map).map(|(code, _)| code)
}

pub fn resolve_type_how(
    raw: &str,
    config: &Config,
    type_map: &[(String, String)],
) -> Option<(String, TypeMatch)> {
    let want = raw.trim().to_lowercase();
    let default = || config.member_types.first().map(|t| t.code.clone());
    if want.is_empty() {
        return default().map(|c| (c, TypeMatch::Blank));
    }
    if let Some((_, code)) = type_map
        .iter()
        .find(|(name, _)| name.to_lowercase() == want)
    {
        return Some((code.clone(), TypeMatch::Map));
    }
    let by_name = config
        .member_types
        .iter()
        .find(|t| {
            t.code.to_lowercase() == want
                || t.name.to_lowercase() == want
                || t.name_en.to_lowercase() == want
        })
        .map(|t| (t.code.clone(), TypeMatch::Name));
    by_name.or_else(|| {
        (want == super::slims::STOCK_TYPE.to_lowercase())
            .then(default)
            .flatten()
            .map(|c| (c, TypeMatch::Stock))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_by_code_name_or_map_and_blank_is_the_default() {
        let config = Config::default();
        assert_eq!(resolve_type("", &config, &[]).as_deref(), Some("umum"));
        assert_eq!(
            resolve_type("PELAJAR", &config, &[]).as_deref(),
            Some("pelajar")
        );
        assert_eq!(
            resolve_type("Pelajar/Mahasiswa", &config, &[]).as_deref(),
            Some("pelajar")
        );
        assert_eq!(resolve_type("Child", &config, &[]).as_deref(), Some("anak"));
        assert_eq!(resolve_type("Dosen", &config, &[]), None);
        let map = parse_type_map(&["Dosen = umum".into()], &config).unwrap();
        assert_eq!(
            resolve_type("dosen", &config, &map).as_deref(),
            Some("umum")
        );
        assert!(parse_type_map(&["Dosen=vip".into()], &config).is_err());
        assert_eq!(
            resolve_type_how("standard", &config, &[]),
            Some(("umum".into(), TypeMatch::Stock)),
            "SLiMS's stock type is loket's default type"
        );
        assert!(parse_type_map(&["Dosen".into()], &config).is_err());
    }
}
