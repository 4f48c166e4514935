//! No sentence a person reads is written in the Rust code: they live in `locales/`. A string
//! literal that reads as words (two or more words of letters) outside the places below is a
//! failure naming its file and line. What stays in code says why with `// i18n: …` on its line
//! or the line above.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// Macros whose strings are for programmers or for logs, never shown to staff or members.
const PROGRAMMER_MACROS: &[&str] = &[
    "trace",
    "debug",
    "info",
    "warn",
    "error",
    "event",
    "span",
    "info_span",
    "debug_span",
    "panic",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "unreachable",
    "todo",
    "unimplemented",
    "include_str",
    "include_bytes",
    "concat",
    "env",
    "option_env",
    "matches",
    "cfg",
    "stringify",
    "t",
];

/// Files that hold text which is not a message: SQL, the fixed Indonesian card title owned by the
/// card template, made-up demo people and the reports' made-up test day, the peers' own column
/// names.
const NOT_MESSAGES: &[&str] = &[
    "src/i18n/catalog.rs",
    "src/report/fixture.rs",
    "src/store/postgres",
    "src/service/demo.rs",
    "src/domain/region.rs",
];

struct Finding {
    line: usize,
    text: String,
}

fn reads_as_words(s: &str) -> bool {
    // Placeholders and escapes are not words.
    let mut plain = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let words = plain
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count();
    // Capitals only are the peers' column names (INLISLite's "NO ANGGOTA"), not sentences.
    words >= 2 && plain.contains(' ') && plain.chars().any(|c| c.is_lowercase())
}

fn scan(tokens: Vec<TokenTree>, out: &mut Vec<Finding>) {
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            TokenTree::Punct(p) if p.as_char() == '#' => {
                // An attribute: doc comments, derives, thiserror's log text. `#[cfg(test)]` also
                // skips the item it guards.
                let mut j = i + 1;
                if matches!(tokens.get(j), Some(TokenTree::Punct(p)) if p.as_char() == '!') {
                    j += 1;
                }
                if let Some(TokenTree::Group(g)) = tokens.get(j) {
                    let inner = g.stream().to_string().replace(' ', "");
                    i = j + 1;
                    if inner.starts_with("cfg(test") || inner == "test" {
                        while i < tokens.len() {
                            let end = match &tokens[i] {
                                TokenTree::Group(g) => g.delimiter() == Delimiter::Brace,
                                TokenTree::Punct(p) => p.as_char() == ';',
                                _ => false,
                            };
                            i += 1;
                            if end {
                                break;
                            }
                        }
                    }
                    continue;
                }
            }
            TokenTree::Ident(id) => {
                let name = id.to_string();
                let bang =
                    matches!(tokens.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!');
                if bang && PROGRAMMER_MACROS.contains(&name.as_str()) {
                    i += 3;
                    continue;
                }
                if name == "expect" {
                    // A broken invariant's message, for whoever reads the crash report.
                    i += 2;
                    continue;
                }
            }
            TokenTree::Group(g) => scan(g.stream().into_iter().collect(), out),
            TokenTree::Literal(l) => {
                let text = l.to_string();
                let body = if let Some(rest) = text.strip_prefix('"') {
                    Some(rest.trim_end_matches('"'))
                } else if text.starts_with("r\"") || text.starts_with("r#") {
                    Some(
                        text.trim_start_matches('r')
                            .trim_matches('#')
                            .trim_matches('"'),
                    )
                } else {
                    None
                };
                if let Some(body) = body.filter(|b| reads_as_words(b)) {
                    out.push(Finding {
                        line: l.span().start().line,
                        text: body.chars().take(70).collect(),
                    });
                }
            }
            _ => {}
        }
        i += 1;
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_sentence_is_left_outside_the_catalogues() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut report = Vec::new();
    for file in files {
        let rel = file.strip_prefix(root).unwrap().display().to_string();
        // Test modules kept in their own files (`tests.rs`, `tests/…`) are not shipped.
        if NOT_MESSAGES.iter().any(|p| rel.starts_with(p))
            || rel.ends_with("/tests.rs")
            || rel.contains("/tests/")
        {
            continue;
        }
        let source = std::fs::read_to_string(&file).unwrap();
        let tokens = TokenStream::from_str(&source).expect("the sources compile");
        let mut found = Vec::new();
        scan(tokens.into_iter().collect(), &mut found);
        let lines: Vec<&str> = source.lines().collect();
        let marked = |line: usize| {
            let this = lines.get(line - 1).copied().unwrap_or("");
            let above = if line >= 2 { lines[line - 2] } else { "" };
            this.contains("// i18n:") || above.trim_start().starts_with("// i18n:")
        };
        found.retain(|f| !marked(f.line));
        for f in found {
            report.push(format!("{rel}:{}: {:?}", f.line, f.text));
        }
    }
    assert!(
        report.is_empty(),
        "{} sentences outside the catalogues (move them to locales/, or mark why they stay with \
         `// i18n: …`):\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn the_scanner_sees_a_sentence_and_passes_over_what_is_not_one() {
    let src = r##"
        fn f(lang: Lang) -> String {
            tracing::info!("a log line for operators");
            let ok = lang.text("queue-title");
            let key = "member_id";
            let x = x.expect("the lock is never poisoned");
            // i18n: a made-up reason
            let kept = "stays here on purpose";
            format!("Kartu sudah dicetak {n}")
        }
        #[cfg(test)]
        mod tests { fn t() { let s = "a test sentence here"; } }
    "##;
    let mut found = Vec::new();
    scan(
        TokenStream::from_str(src).unwrap().into_iter().collect(),
        &mut found,
    );
    let texts: Vec<_> = found.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["stays here on purpose", "Kartu sudah dicetak {n}"]);
}
