//! The translation catalogues as a translator and a reader of the code rely on them: every file
//! parses, every language has every message with the same variables, and no sentence a person
//! reads is left in the Rust code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

fn locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// Per language: message id (and `id.attr`) → the variables it uses.
type Catalogue = BTreeMap<String, BTreeSet<String>>;

fn variables(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_variables(i, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

fn inline_variables(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
            for a in &arguments.named {
                inline_variables(&a.value, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

fn read_language(dir: &Path) -> (Catalogue, Vec<String>) {
    let mut cat = Catalogue::new();
    let mut problems = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(locales()).unwrap().display().to_string();
        let resource = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    problems.push(format!("{name}: {e:?}"));
                }
                r
            }
        };
        for entry in &resource.body {
            match entry {
                Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(v) = &m.value {
                        variables(v, &mut vars);
                    }
                    if cat.insert(m.id.name.to_string(), vars).is_some() {
                        problems.push(format!("{name}: '{}' is defined twice", m.id.name));
                    }
                    for a in &m.attributes {
                        let mut vars = BTreeSet::new();
                        variables(&a.value, &mut vars);
                        cat.insert(format!("{}.{}", m.id.name, a.id.name), vars);
                    }
                }
                Entry::Junk { content } => {
                    problems.push(format!("{name}: cannot parse {content:?}"))
                }
                _ => {}
            }
        }
    }
    (cat, problems)
}

fn embedded() -> BTreeMap<String, Catalogue> {
    let mut all = BTreeMap::new();
    let mut problems = Vec::new();
    for dir in std::fs::read_dir(locales()).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            let (cat, p) = read_language(&dir);
            problems.extend(p);
            all.insert(dir.file_name().unwrap().to_string_lossy().into_owned(), cat);
        }
    }
    assert!(
        problems.is_empty(),
        "catalogue mistakes:\n{}",
        problems.join("\n")
    );
    all
}

#[test]
fn every_catalogue_parses_and_defines_each_message_once() {
    let all = embedded();
    assert!(
        all.contains_key("id") && all.contains_key("en"),
        "{:?}",
        all.keys()
    );
    assert!(all["id"].len() > 300, "only {} messages", all["id"].len());
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let all = embedded();
    let reference = &all["id"];
    let mut problems = Vec::new();
    for (lang, cat) in &all {
        for (id, vars) in reference {
            match cat.get(id) {
                None => problems.push(format!("{lang}: '{id}' is missing")),
                Some(v) if v != vars => problems.push(format!(
                    "{lang}: '{id}' uses {v:?}, Indonesian uses {vars:?}"
                )),
                Some(_) => {}
            }
        }
        for id in cat.keys().filter(|id| !reference.contains_key(*id)) {
            problems.push(format!("{lang}: '{id}' is not in the Indonesian catalogue"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every message id the code names exists in the catalogues, so a typo is a failing test and
/// never an id shown to a clerk.
#[test]
fn every_message_the_code_names_is_in_the_catalogue() {
    let all = embedded();
    let known = &all["id"];
    let mut missing = BTreeSet::new();
    for file in rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src")) {
        let name = file.display().to_string();
        if name.ends_with("tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        // A file's own test module names made-up words, not messages.
        let shipped = text.split("#[cfg(test)]").next().unwrap_or("");
        for caps in message_ids(shipped) {
            if !known.contains_key(&caps) {
                missing.insert(format!("{}: {caps}", file.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{}",
        missing.into_iter().collect::<Vec<_>>().join("\n")
    );
}

/// The ids in `.text("…")`, `.tr("…"` and `t!(lang, "…"` calls.
fn message_ids(text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for opener in [".text(\"", ".tr(\"", "t!("] {
        let mut rest = text;
        while let Some(at) = rest.find(opener) {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + opener.len()..];
            if opener == "t!(" && before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // assert!(…), not t!(…)
            }
            let start = if opener == "t!(" {
                // t!(lang, "id", …): the id is the first string literal after the language.
                match rest.find(',').map(|c| rest[c + 1..].trim_start()) {
                    Some(s) if s.starts_with('"') => &s[1..],
                    _ => continue,
                }
            } else {
                rest
            };
            if let Some(end) = start.find('"') {
                let id = &start[..end];
                if !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-._".contains(c))
                {
                    ids.push(id.to_string());
                }
            }
        }
    }
    ids
}

pub fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
