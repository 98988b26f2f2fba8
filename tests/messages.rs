//! The message catalogs against the code: every `msg!("id", name = …)` in `src/` has its id
//! in every catalog of `locales/`, every id of a catalog is used, and each message refers
//! to exactly the arguments the code gives it (an argument the text never shows is a fact
//! the reader loses; one the code never gives prints as `{$name}`).

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Uses = BTreeMap<String, BTreeSet<BTreeSet<String>>>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a source folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The text between `msg!(` and its closing parenthesis, split at top-level commas (string
/// and character literals and nested brackets skipped).
fn invocation_parts(text: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0usize;
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        let part = parts.last_mut().expect("a part");
        if in_string {
            part.push(c);
            match c {
                '\\' => part.extend(chars.next()),
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                part.push(c);
            }
            '(' | '[' | '{' => {
                depth += 1;
                part.push(c);
            }
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => {
                depth -= 1;
                part.push(c);
            }
            ',' if depth == 0 => parts.push(String::new()),
            _ => part.push(c),
        }
    }
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Every id the code uses, with the sets of argument names given with it.
fn uses() -> Uses {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut uses = Uses::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a source file");
        for (at, _) in text.match_indices("msg!(") {
            // `msg!(` followed by the id's literal, on the same line or the next.
            if !text[at + "msg!(".len()..].trim_start().starts_with('"') {
                continue;
            }
            // The macro's documentation is not a use.
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            if text[line_start..at].trim_start().starts_with("//") {
                continue;
            }
            let parts = invocation_parts(&text[at + "msg!(".len()..]);
            let id = parts[0].trim_matches('"').to_string();
            let names: BTreeSet<String> = parts[1..]
                .iter()
                .map(|p| {
                    let (name, _) = p
                        .split_once('=')
                        .unwrap_or_else(|| panic!("{}: `{p}` is not name = value", file.display()));
                    name.trim().to_string()
                })
                .collect();
            uses.entry(id).or_default().insert(names);
        }
    }
    // The command line's help: ids made from the command tree, without arguments.
    for (id, _) in govlint::cli::help_ids() {
        uses.entry(id).or_default().insert(BTreeSet::new());
    }
    uses
}

fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                variables(&variant.value, out);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
        }
        _ => {}
    }
}

/// Each catalog (a language: the files of `locales/LANG/`) with its messages and the
/// variables their text refers to.
fn catalogs() -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let mut catalogs = BTreeMap::new();
    for language in std::fs::read_dir(root().join("locales")).expect("locales/") {
        let language = language.expect("an entry").path();
        if !language.is_dir() {
            continue;
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(&language)
            .expect("a language folder")
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        let mut messages = BTreeMap::new();
        for path in files {
            let text = std::fs::read_to_string(&path).expect("a catalog");
            let resource = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
            for entry in &resource.body {
                match entry {
                    Entry::Message(message) => {
                        let mut names = BTreeSet::new();
                        if let Some(value) = &message.value {
                            variables(value, &mut names);
                        }
                        let id = message.id.name.to_string();
                        assert!(
                            messages.insert(id.clone(), names).is_none(),
                            "{}: {id} is defined twice in its language",
                            path.display()
                        );
                    }
                    Entry::Junk { content } => {
                        panic!("{}: unreadable: {content}", path.display())
                    }
                    _ => {}
                }
            }
        }
        let name = language
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        catalogs.insert(name, messages);
    }
    catalogs
}

#[test]
fn every_message_the_code_uses_is_in_every_catalog_with_its_arguments() {
    let uses = uses();
    let catalogs = catalogs();
    assert!(
        catalogs.contains_key("en") && catalogs.contains_key("zh"),
        "{:?}",
        catalogs.keys()
    );
    assert!(
        uses.contains_key("test-message"),
        "the scan finds msg! invocations"
    );
    for (catalog, messages) in &catalogs {
        for (id, given) in &uses {
            let Some(shown) = messages.get(id) else {
                panic!("{catalog}: no message `{id}`");
            };
            for names in given {
                assert_eq!(
                    names, shown,
                    "{catalog}: `{id}` refers to {shown:?}, the code gives {names:?}"
                );
            }
        }
        for id in messages.keys() {
            assert!(uses.contains_key(id), "{catalog}: `{id}` is never used");
        }
    }
}
