//! The translation catalogues: Fluent files under `locales/<lang>/`, embedded in the binary by
//! `build.rs`, and any further folders under `$LOKET_LOCALES` read at start. A language is a
//! folder: adding one needs no Rust, and a translator edits `.ftl` files with the tools Firefox's
//! translators use. Plurals and variables live in the catalogue (`{ $n ->` … `}`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use unic_langid::LanguageIdentifier;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The folder of extra or corrected catalogues, one sub-folder per language, read at start.
pub const LOCALES_ENV: &str = "LOKET_LOCALES";

/// A language loket speaks: an index into the catalogues. Indonesian is the default and the
/// fallback for a message a catalogue lacks; English is always embedded beside it.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(u8);

#[allow(non_upper_case_globals)]
impl Lang {
    pub const Id: Lang = Lang(0);
    pub const En: Lang = Lang(1);
}

struct Catalogue {
    code: String,
    bundle: FluentBundle<FluentResource>,
}

fn catalogues() -> &'static [Catalogue] {
    static ALL: OnceLock<Vec<Catalogue>> = OnceLock::new();
    ALL.get_or_init(|| {
        let extra = std::env::var_os(LOCALES_ENV).map(std::path::PathBuf::from);
        load(EMBEDDED, extra.as_deref())
    })
}

/// Indonesian first and English second (their indices are `Lang::Id` and `Lang::En`), then the
/// other embedded languages, then the extra folder's new ones. An extra folder with the code of a
/// known language overrides its messages one by one.
fn load(embedded: &[(&str, &[(&str, &str)])], extra: Option<&Path>) -> Vec<Catalogue> {
    let rank = |code: &str| match code {
        "id" => 0,
        "en" => 1,
        _ => 2,
    };
    let mut sources: Vec<(String, Vec<(String, String)>)> = embedded
        .iter()
        .map(|(code, files)| {
            let files = files
                .iter()
                .map(|(name, text)| (name.to_string(), text.to_string()))
                .collect();
            (code.to_string(), files)
        })
        .collect();
    sources.sort_by(|a, b| (rank(&a.0), &a.0).cmp(&(rank(&b.0), &b.0)));
    let mut all: Vec<Catalogue> = sources
        .into_iter()
        .map(|(code, files)| {
            let mut c = Catalogue::new(code);
            for (name, text) in files {
                c.add(&name, text, false);
            }
            c
        })
        .collect();
    if let Some(dir) = extra {
        for (code, files) in read_folder(dir) {
            let at = match all.iter().position(|c| c.code == code) {
                Some(at) => at,
                None if all.len() < u8::MAX as usize => {
                    all.push(Catalogue::new(code));
                    all.len() - 1
                }
                None => continue,
            };
            for (name, text) in files {
                all[at].add(&name, text, true);
            }
        }
    }
    all
}

/// The `.ftl` files of every language folder under `dir`, in a stable order. A folder that
/// cannot be read is reported and passed over: the embedded catalogues still speak.
fn read_folder(dir: &Path) -> Vec<(String, Vec<(String, String)>)> {
    let mut langs = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        tracing::warn!(target: "loket::i18n", folder = %dir.display(), "catalogue folder unreadable");
        return langs;
    };
    let mut dirs: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    dirs.sort();
    for lang_dir in dirs.into_iter().filter(|p| p.is_dir()) {
        let Some(code) = lang_dir.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let mut files: Vec<_> = std::fs::read_dir(&lang_dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        let texts = files
            .into_iter()
            .filter_map(|p| {
                let text = std::fs::read_to_string(&p).ok()?;
                Some((p.file_name()?.to_string_lossy().into_owned(), text))
            })
            .collect();
        langs.push((code.to_ascii_lowercase(), texts));
    }
    langs
}

impl Catalogue {
    fn new(code: String) -> Catalogue {
        let langid: LanguageIdentifier = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Isolation marks (U+2068/U+2069) around variables are for mixed-direction scripts; on a
        // terminal they show as stray cells, and every language here is left-to-right.
        bundle.set_use_isolating(false);
        Catalogue { code, bundle }
    }

    /// Adds one file. A file with mistakes keeps the messages that parsed; the test suite holds
    /// the embedded files to no mistakes at all.
    fn add(&mut self, name: &str, text: String, overriding: bool) {
        let resource = match FluentResource::try_new(text) {
            Ok(r) => r,
            Err((r, errors)) => {
                tracing::warn!(target: "loket::i18n", lang = %self.code, file = name,
                    errors = errors.len(), "catalogue file has syntax errors");
                r
            }
        };
        if overriding {
            self.bundle.add_resource_overriding(resource);
        } else if let Err(errors) = self.bundle.add_resource(resource) {
            tracing::warn!(target: "loket::i18n", lang = %self.code, file = name,
                errors = errors.len(), "catalogue file repeats a message");
        }
    }

    /// One message (`id`) or one of its attributes (`id.attr`), if this catalogue has it.
    fn format<'a>(&'a self, id: &str, args: Option<&FluentArgs>) -> Option<Cow<'a, str>> {
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let msg = self.bundle.get_message(msg_id)?;
        let pattern = match attr {
            Some(a) => msg.get_attribute(a)?.value(),
            None => msg.value()?,
        };
        let mut errors = Vec::new();
        let out = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(target: "loket::i18n", lang = %self.code, id, "message formatted with errors");
        }
        Some(out)
    }
}

impl Lang {
    /// Every language the catalogues hold, Indonesian first.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..catalogues().len()).map(|i| Lang(i as u8))
    }

    /// The language after this one, round to Indonesian after the last: what a switch key
    /// changes to, so a third language is reached the same way as English.
    pub fn next(self) -> Lang {
        let n = catalogues().len().max(1);
        Lang(((self.0 as usize + 1) % n) as u8)
    }

    /// The folder name: `id`, `en`, `jv`, …
    pub fn code(self) -> &'static str {
        catalogues()
            .get(self.0 as usize)
            .map_or("id", |c| c.code.as_str())
    }

    /// The language a code or a name names: `en`, `EN`, `en-US`, `english`, `indonesia`.
    pub fn from_code(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let primary = s.split(['-', '_']).next().unwrap_or("");
        let alias = match primary {
            "in" | "ind" | "indonesia" | "indonesian" | "bahasa" => "id",
            "english" | "eng" => "en",
            other => other,
        };
        let all = catalogues();
        all.iter()
            .position(|c| c.code == s)
            .or_else(|| all.iter().position(|c| c.code == alias))
            .map(|i| Lang(i as u8))
    }

    /// A message with variables, in this language, else in Indonesian, else its id (so that a
    /// message missing everywhere is visible and never a crash).
    pub fn tr(self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.lookup(id, Some(&fluent)).into_owned()
    }

    /// A message without variables. It is borrowed from the catalogue, which lives as long as
    /// the program, so it can stand wherever a string constant stood.
    pub fn text(self, id: &str) -> &'static str {
        match self.lookup(id, None) {
            Cow::Borrowed(s) => s,
            Cow::Owned(s) => intern(s),
        }
    }

    /// A message without variables if this language or Indonesian has it; `None` where `text`
    /// would show the bare id.
    pub fn get(self, id: &str) -> Option<&'static str> {
        let all = catalogues();
        let found = all
            .get(self.0 as usize)
            .and_then(|c| c.format(id, None))
            .or_else(|| all.first().and_then(|c| c.format(id, None)))?;
        Some(match found {
            Cow::Borrowed(s) => s,
            Cow::Owned(s) => intern(s),
        })
    }

    fn lookup(self, id: &str, args: Option<&FluentArgs>) -> Cow<'static, str> {
        let all = catalogues();
        all.get(self.0 as usize)
            .and_then(|c| c.format(id, args))
            .or_else(|| all.first().and_then(|c| c.format(id, args)))
            .unwrap_or_else(|| {
                tracing::warn!(target: "loket::i18n", id, "message missing from every catalogue");
                Cow::Owned(id.to_string())
            })
    }
}

/// A message that Fluent assembled (more than one line, a term, a space kept at an end) is kept
/// once per distinct text, so `text` can hand out a `&'static str` for it too.
fn intern(s: String) -> &'static str {
    static SEEN: OnceLock<Mutex<HashMap<String, &'static str>>> = OnceLock::new();
    let mut seen = SEEN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if let Some(s) = seen.get(&s) {
        return s;
    }
    let kept: &'static str = Box::leak(s.clone().into_boxed_str());
    seen.insert(s, kept);
    kept
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let code = String::deserialize(d)?;
        Lang::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("no catalogue for language '{code}'")))
    }
}

/// A message in `lang`, with named variables: `t!(lang, MESSAGE_ID, n = 3)`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:expr $(,)?) => {
        $crate::i18n::Lang::text($lang, $id).to_string()
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Lang::tr(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Catalogue> {
        static EN: &[(&str, &str)] = &[(
            "a.ftl",
            "hello = Hello, { $name }!\ncount = { $n ->\n    [one] one card\n   *[other] { $n } cards\n}\nonly-en = English only\n",
        )];
        static ID: &[(&str, &str)] = &[(
            "a.ftl",
            "hello = Halo, { $name }!\ncount = { $n } kartu\nfield = Nama\n    .hint = nama lengkap\n",
        )];
        load(&[("en", EN), ("id", ID)], None)
    }

    #[test]
    fn indonesian_comes_first_whatever_the_folder_order() {
        let all = sample();
        assert_eq!(all[0].code, "id");
        assert_eq!(all[1].code, "en");
    }

    #[test]
    fn variables_plurals_and_attributes_come_from_the_catalogue() {
        let all = sample();
        let mut args = FluentArgs::new();
        args.set("name", "Sari");
        args.set("n", 1);
        assert_eq!(all[1].format("hello", Some(&args)).unwrap(), "Hello, Sari!");
        assert_eq!(all[1].format("count", Some(&args)).unwrap(), "one card");
        args.set("n", 3);
        assert_eq!(all[1].format("count", Some(&args)).unwrap(), "3 cards");
        assert_eq!(all[0].format("count", Some(&args)).unwrap(), "3 kartu");
        assert_eq!(all[0].format("field.hint", None).unwrap(), "nama lengkap");
        assert!(all[0].format("only-en", None).is_none());
    }

    #[test]
    fn an_extra_folder_adds_a_language_and_corrects_a_known_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("jv")).unwrap();
        std::fs::write(dir.path().join("jv/a.ftl"), "hello = Sugeng, { $name }!\n").unwrap();
        std::fs::create_dir_all(dir.path().join("en")).unwrap();
        std::fs::write(dir.path().join("en/fix.ftl"), "only-en = Corrected\n").unwrap();
        static EN: &[(&str, &str)] = &[("a.ftl", "only-en = English only\n")];
        static ID: &[(&str, &str)] = &[("a.ftl", "x = y\n")];
        let all = load(&[("en", EN), ("id", ID)], Some(dir.path()));
        assert_eq!(all[2].code, "jv");
        assert_eq!(all[1].format("only-en", None).unwrap(), "Corrected");
        let mut args = FluentArgs::new();
        args.set("name", "Sari");
        assert_eq!(
            all[2].format("hello", Some(&args)).unwrap(),
            "Sugeng, Sari!"
        );
    }

    #[test]
    fn the_real_catalogues_answer_by_code_and_fall_back_to_indonesian() {
        assert_eq!(Lang::from_code("EN-us"), Some(Lang::En));
        assert_eq!(Lang::from_code("indonesia"), Some(Lang::Id));
        assert_eq!(Lang::from_code("xx"), None);
        assert_eq!(Lang::En.code(), "en");
        assert_eq!(Lang::Id.text("no-such-message"), "no-such-message");
        let json = serde_json::to_string(&Lang::En).unwrap();
        assert_eq!(json, "\"en\"");
        assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), Lang::En);
        // The switch key goes round every language and back to Indonesian.
        let mut seen = vec![Lang::Id];
        while seen.last().unwrap().next() != Lang::Id {
            seen.push(seen.last().unwrap().next());
        }
        assert_eq!(seen, Lang::all().collect::<Vec<_>>());
        assert_eq!(Lang::Id.get("no-such-message"), None);
    }
}
