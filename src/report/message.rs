//! Messages by id and arguments (`msg!("stray-period", mark = "ascii")`), rendered from a
//! Fluent catalog (`locales/*.ftl`) only when output is written: a finding holds no finished
//! sentence, so the language is the renderer's choice and a new language is a catalog, not
//! a rewrite of the rules.

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

/// The catalog files of one language, one per area of the program, so that each area's
/// messages are read (and changed) together.
macro_rules! catalog {
    ($lang:literal: $($area:literal),*) => {
        &[$(include_str!(concat!("../../locales/", $lang, "/", $area, ".ftl"))),*]
    };
}

/// The English catalog: every message id govlint uses, with its English text.
pub const ENGLISH: &[&str] = catalog!("en": "findings", "human", "cli", "rules", "errors");

/// The Simplified Chinese catalog, with the same ids.
pub const CHINESE: &[&str] = catalog!("zh": "findings", "human", "cli", "rules", "errors");

/// The language of what govlint prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese (简体中文).
    Zh,
}

impl Lang {
    /// The language the locale asks for, as POSIX decides which variable counts: the first
    /// of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty. Any Chinese locale
    /// (`zh`, `zh_CN.UTF-8`, `zh-Hans`, and `zh_TW`/`zh_HK`, for which there is no
    /// Traditional catalog) gives Chinese; anything else, English.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default();
        if language.eq_ignore_ascii_case("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// A message: its catalog id and the values its text refers to by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub id: Cow<'static, str>,
    pub args: Vec<(Cow<'static, str>, Arg)>,
}

/// A value a message refers to: text (a mark, a rule name, an excerpt) or a number, which
/// a catalog may use to choose a plural form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Arg {
    Number(f64),
    Text(String),
    /// A phrase of its own (`line 11`, `paragraph 3 of a.docx`), rendered in the same
    /// language first.
    Message(Box<Message>),
    /// Names written as they are in any language (rule names), shown as a list the way
    /// the language writes one: `` `a`, `b` `` in English, “a”、“b” in Chinese.
    Names(Vec<String>),
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Text(c.to_string())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(usize, u32, u64, i32, i64, f64);

/// `msg!("id", name = value, …)`: a `Message` with its arguments.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::report::message::Message::new($id)
            $(.arg(stringify!($name), $value))*
    };
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id: Cow::Borrowed(id),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let bundle = match lang {
            Lang::En => english(),
            Lang::Zh => chinese(),
        };
        render(bundle, self)
    }

    /// The message in English (what stays the same whatever the reader's language: SARIF
    /// fingerprints, tests).
    pub fn english(&self) -> String {
        self.render(Lang::En)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

/// The text of the message `id` (one without arguments) in `lang`, if the catalog has it: for
/// ids made at run time from a structure (the command line's help, `cli-check-fix`), which a
/// test walks to check that every catalog has each one.
pub fn text(lang: Lang, id: &str) -> Option<String> {
    let bundle = match lang {
        Lang::En => english(),
        Lang::Zh => chinese(),
    };
    bundle.get_message(id).and_then(|m| m.value())?;
    Some(render(
        bundle,
        &Message {
            id: Cow::Owned(id.to_string()),
            args: Vec::new(),
        },
    ))
}

fn english() -> &'static FluentBundle<FluentResource> {
    static BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    BUNDLE.get_or_init(|| bundle(ENGLISH, unic_langid::langid!("en")))
}

fn chinese() -> &'static FluentBundle<FluentResource> {
    static BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    BUNDLE.get_or_init(|| bundle(CHINESE, unic_langid::langid!("zh")))
}

/// A catalog as Fluent reads it. The catalogs are part of the program (a test parses each),
/// so an entry Fluent cannot read is left out rather than stopping the run.
fn bundle(
    catalog: &[&'static str],
    language: unic_langid::LanguageIdentifier,
) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // No bidi isolation marks around arguments: the output is plain text for terminals and
    // CI logs, and every argument reads left to right.
    bundle.set_use_isolating(false);
    for file in catalog {
        let resource = FluentResource::try_new(file.to_string()).unwrap_or_else(|(res, _)| res);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn render(bundle: &'static FluentBundle<FluentResource>, message: &Message) -> String {
    let Some(pattern) = bundle.get_message(&message.id).and_then(|m| m.value()) else {
        // Never reached for the ids govlint uses (a test checks every one is in every
        // catalog); the id still says what was found.
        return message.id.to_string();
    };
    let mut args = FluentArgs::new();
    for (name, value) in &message.args {
        let value = match value {
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Text(text) => FluentValue::from(text.as_str()),
            Arg::Message(message) => FluentValue::from(render(bundle, message)),
            Arg::Names(names) => {
                let separator = render(bundle, &crate::msg!("list-separator"));
                let names: Vec<String> = names
                    .iter()
                    .map(|name| render(bundle, &crate::msg!("list-name", name = name)))
                    .collect();
                FluentValue::from(names.join(&separator))
            }
        };
        args.set(name.as_ref(), value);
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&args), &mut errors)
        .into_owned()
}

/// An environment of these variables only, for the tests of what the locale decides.
#[cfg(test)]
pub(crate) fn env(
    pairs: &'static [(&'static str, &'static str)],
) -> impl Fn(&str) -> Option<String> + Copy {
    move |name: &str| {
        pairs
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_rendered_from_the_catalog_with_its_arguments() {
        let message = crate::msg!("test-message", mark = "`.`", count = 3usize);
        assert_eq!(message.english(), "3 times `.` (test)");
        let one = crate::msg!("test-message", mark = "`.`", count = 1usize);
        assert_eq!(one.english(), "once `.` (test)");
    }

    #[test]
    fn the_locale_chooses_the_language() {
        assert_eq!(Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::from_locale(env(&[("LANG", "zh-Hans")])), Lang::Zh);
        assert_eq!(Lang::from_locale(env(&[("LANG", "zh_TW.Big5")])), Lang::Zh);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
        // LC_ALL over LC_MESSAGES over LANG; an empty one does not count.
        let all = env(&[("LC_ALL", "C"), ("LC_MESSAGES", "zh_CN"), ("LANG", "zh_CN")]);
        assert_eq!(Lang::from_locale(all), Lang::En);
        let empty = env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_CN"), ("LANG", "en_US")]);
        assert_eq!(Lang::from_locale(empty), Lang::Zh);
    }

    #[test]
    fn messages_survive_the_cache() {
        let message = crate::msg!("test-message", mark = "`.`", count = 2usize);
        // The cache's encoding, which needs every type to say what it holds.
        let bytes = postcard::to_stdvec(&message).expect("serialize");
        let back: Message = postcard::from_bytes(&bytes).expect("deserialize");
        assert_eq!(back, message);
        assert_eq!(back.english(), "2 times `.` (test)");
    }
}
