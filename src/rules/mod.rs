//! The rule registry: every rule, declared once with its name, default severity and
//! documentation. `govlint rules`, `govlint rule NAME`, selection and the documentation
//! tests all read this table.

use crate::document::source::Position;
use crate::document::{CharMask, Document, Paragraph};
use crate::report::diagnostic::{Diagnostic, Edit, Fix, Related, Severity};
use crate::report::message::{Lang, Message};
use std::ops::Range;

pub mod abolished_agency;
pub mod canonical_wording;
pub mod cjk_space;
pub mod dash_form;
pub mod date_form;
pub mod document_number;
pub mod duplicate_paragraph;
pub mod duplicate_sentence;
pub mod ellipsis_form;
pub mod fullwidth_alphanumeric;
pub mod halfwidth_punctuation;
pub mod heading_level;
pub mod lexicon;
pub mod lost_character;
pub mod misspelling;
pub mod mixed_number;
pub mod multi_paragraph_quote;
pub mod near_duplicate_paragraph;
pub mod numbering_sequence;
pub mod page_residue;
mod pairing;
pub mod repeated_punctuation;
pub mod stray_period;
pub mod title_punctuation;
pub mod unbalanced_bracket;
pub mod unbalanced_quote;
pub mod unused_suppression;
mod years;

/// How a rule looks at its input.
#[derive(Clone, Copy)]
pub enum Check {
    /// Reads one paragraph at a time (its document at hand for the format and the
    /// neighbouring paragraphs): the linter runs it on each paragraph that may hold the
    /// rule's marks.
    Paragraph(fn(&Document, usize, &Paragraph, &mut Report)),
    /// Reads one document at a time, for what spans paragraphs: run on a document one of
    /// whose paragraphs may hold the rule's marks.
    Document(fn(&Document, &mut Report)),
    /// Found by the duplicate index, which sees every paragraph of the run at once.
    Duplicates,
    /// Judged last, from what each file's suppression comments suppressed of every other
    /// rule's findings (Markdown and HTML: plain text has no comments).
    Suppressions,
}

impl Check {
    /// Whether the rule reads each file on its own (and so runs where the file is read).
    pub fn per_file(&self) -> bool {
        matches!(self, Check::Paragraph(_) | Check::Document(_))
    }
}

/// What a rule looks for. The linter skips a rule on paragraphs that cannot hold any of
/// it, which most paragraphs cannot; declared here, not tested in each rule's loop, so that
/// a property test can run every rule with the prechecks off and hold each declaration to
/// what its rule searches for.
#[derive(Clone, Copy)]
pub enum Marks {
    /// Any paragraph may hold a finding.
    Any,
    /// Paragraphs that may hold one of these characters (`Marks::chars`): the summary bits
    /// of those that are not Han ideographs, made at compile time, and whether any is one.
    Chars {
        chars: &'static [char],
        mask: CharMask,
        han: bool,
    },
    /// Paragraphs the test lets through: for what a list of characters cannot say (two
    /// marks in a row, a word of web chrome).
    Test(fn(&Paragraph) -> bool),
}

impl Marks {
    /// Paragraphs that may hold one of `chars`.
    pub const fn chars(chars: &'static [char]) -> Marks {
        let mut han = false;
        let mut i = 0;
        while i < chars.len() {
            han |= crate::text::is_han(chars[i]);
            i += 1;
        }
        Marks::Chars {
            chars,
            mask: CharMask::of_all_but_han(chars),
            han,
        }
    }

    pub fn may_be_in(self, paragraph: &Paragraph) -> bool {
        match self {
            Marks::Any => true,
            // Every rule is asked about every paragraph: four ANDs answer for most.
            Marks::Chars { chars, mask, han } => {
                paragraph.may_contain_masked(&mask)
                    || han
                        && chars
                            .iter()
                            .any(|&c| crate::text::is_han(c) && paragraph.may_contain_any(&[c]))
            }
            Marks::Test(test) => test(paragraph),
        }
    }
}

/// Whether paragraphs without a rule's marks are skipped: always, but in the tests that
/// check the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prechecks {
    On,
    Off,
}

pub struct RuleInfo {
    /// Kebab-case, naming the fault: "allow stray-period" reads correctly.
    pub name: &'static str,
    pub severity: Severity,
    /// One line for `govlint rules`.
    pub summary: &'static str,
    /// Markdown with the sections What it does / Why is this bad / Standard.
    pub explanation: &'static str,
    /// The summary and explanation in Simplified Chinese, written for the editors who read
    /// govlint in Chinese (not a word-for-word translation of the English).
    pub zh: Doc,
    /// Texts the rule must fire on, each a whole document (paragraphs on separate lines),
    /// with what the text should be; the first two are shown in the documentation.
    pub bad: &'static [Example],
    /// Texts the rule must stay silent on.
    pub good: &'static [&'static str],
    /// What `--fix` can do about the rule's findings.
    pub fix: Fixes,
    /// What the rule looks for: the paragraphs without it are skipped.
    pub marks: Marks,
    pub check: Check,
}

/// A rule's summary and explanation in one language.
pub struct Doc {
    /// One line for `govlint rules`.
    pub summary: &'static str,
    /// Markdown, with the sections of the English one.
    pub explanation: &'static str,
}

/// A text a rule fires on, and how it reads once corrected.
pub struct Example {
    pub text: &'static str,
    pub corrected: Corrected,
}

/// How a bad example reads once corrected.
pub enum Corrected {
    /// As the rule's own fixes leave it (safe and unsafe alike), computed when shown, so the
    /// page cannot promise what `--fix` does not do.
    ByFix,
    /// As written here: for a rule without fixes, or where its fixes leave a finding.
    To(&'static str),
}

impl Example {
    /// An example that the rule's fixes correct.
    pub const fn fixed(text: &'static str) -> Example {
        Example {
            text,
            corrected: Corrected::ByFix,
        }
    }

    /// An example and its correction by hand.
    pub const fn corrected(text: &'static str, corrected: &'static str) -> Example {
        Example {
            text,
            corrected: Corrected::To(corrected),
        }
    }
}

/// Whether a rule's findings come with fixes, and how far they can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixes {
    /// Never fixed automatically: only the editor can tell what was meant.
    None,
    /// Every fix is safe: applied by `--fix`.
    Safe,
    /// Safe where one reading is certain, otherwise a suggestion for `--unsafe-fixes`.
    SafeWhenUnambiguous,
    /// Suggestions only, applied with `--unsafe-fixes`.
    Suggested,
}

impl Fixes {
    pub fn describe(self, lang: Lang) -> String {
        match self {
            Fixes::None => crate::msg!("fix-none"),
            Fixes::Safe => crate::msg!("fix-safe"),
            Fixes::SafeWhenUnambiguous => crate::msg!("fix-safe-when-unambiguous"),
            Fixes::Suggested => crate::msg!("fix-suggested"),
        }
        .render(lang)
    }

    /// A word for `govlint rules`.
    pub fn short(self, lang: Lang) -> String {
        match self {
            Fixes::None => crate::msg!("fix-short-none"),
            Fixes::Safe => crate::msg!("fix-short-safe"),
            Fixes::SafeWhenUnambiguous => crate::msg!("fix-short-safe-when-unambiguous"),
            Fixes::Suggested => crate::msg!("fix-short-suggested"),
        }
        .render(lang)
    }

    pub const ALL: [Fixes; 4] = [
        Fixes::Safe,
        Fixes::SafeWhenUnambiguous,
        Fixes::Suggested,
        Fixes::None,
    ];

    /// Whether a fix of this safety agrees with the declaration.
    pub fn allows(self, safe: bool) -> bool {
        match self {
            Fixes::None => false,
            Fixes::Safe => safe,
            Fixes::SafeWhenUnambiguous => true,
            Fixes::Suggested => !safe,
        }
    }
}

pub static RULES: &[&RuleInfo] = &[
    &duplicate_paragraph::RULE,
    &near_duplicate_paragraph::RULE,
    &stray_period::RULE,
    &unbalanced_quote::RULE,
    &multi_paragraph_quote::RULE,
    &unbalanced_bracket::RULE,
    &lost_character::RULE,
    &halfwidth_punctuation::RULE,
    &repeated_punctuation::RULE,
    &ellipsis_form::RULE,
    &dash_form::RULE,
    &fullwidth_alphanumeric::RULE,
    &cjk_space::RULE,
    &mixed_number::RULE,
    &page_residue::RULE,
    &duplicate_sentence::RULE,
    &document_number::RULE,
    &date_form::RULE,
    &numbering_sequence::RULE,
    &heading_level::RULE,
    &title_punctuation::RULE,
    &canonical_wording::RULE,
    &misspelling::RULE,
    &abolished_agency::RULE,
    &unused_suppression::RULE,
];

pub fn find(name: &str) -> Option<&'static RuleInfo> {
    RULES.iter().copied().find(|rule| rule.name == name)
}

/// Which rule a finding is of: its entry in `RULES`, written as the rule's name (in JSON,
/// configuration, suppression comments and baselines alike), compared and sorted by it.
#[derive(Clone, Copy)]
pub struct RuleId(&'static RuleInfo);

impl RuleId {
    pub fn as_str(self) -> &'static str {
        self.0.name
    }

    pub fn info(self) -> &'static RuleInfo {
        self.0
    }
}

impl PartialEq for RuleId {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for RuleId {}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<RuleId> for &str {
    fn eq(&self, other: &RuleId) -> bool {
        *self == other.as_str()
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for RuleId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for RuleId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl std::fmt::Debug for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl RuleInfo {
    pub fn id(&'static self) -> RuleId {
        RuleId(self)
    }

    pub fn summary(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.summary,
            Lang::Zh => self.zh.summary,
        }
    }

    pub fn explanation(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.explanation,
            Lang::Zh => self.zh.explanation,
        }
        .trim()
    }

    /// The full documentation as `govlint rule NAME` prints it: each bad example shown is
    /// followed by its corrected form.
    pub fn documentation(&'static self, lang: Lang) -> String {
        let mut doc = format!(
            "# {}\n\n{}\n{}\n\n{}\n\n{}\n",
            self.name,
            crate::msg!("rule-page-severity", severity = self.severity.as_str()).render(lang),
            crate::msg!("rule-page-fix", fix = self.fix.describe(lang)).render(lang),
            self.summary(lang),
            self.explanation(lang)
        );
        doc.push_str(&format!(
            "\n## {}\n\n",
            crate::msg!("rule-page-examples").render(lang)
        ));
        for example in self.bad.iter().take(2) {
            doc.push_str(&format!(
                "```text\n{}\n```\n\n",
                example.text.trim_matches('\n')
            ));
            doc.push_str(&format!(
                "{}\n\n```text\n{}\n```\n\n",
                crate::msg!("rule-page-use-instead").render(lang),
                // A fix that deletes a line leaves its line break: not worth showing.
                self.corrected(example).trim_matches('\n')
            ));
        }
        doc
    }

    /// What a bad example of this rule reads once corrected: as declared, or as the rule's
    /// fixes (unsafe ones too) leave it, applied until none is left, as `--fix` does.
    pub fn corrected(&'static self, example: &Example) -> String {
        match example.corrected {
            Corrected::To(text) => text.to_string(),
            Corrected::ByFix => {
                let mut text = example.text.to_string();
                for _ in 0..10 {
                    let fixes: Vec<Fix> = self
                        .run_on(&text)
                        .into_iter()
                        .filter_map(|d| d.fix)
                        .collect();
                    let (next, applied) = crate::fix::apply(&text, &fixes);
                    if applied == 0 || next == text {
                        break;
                    }
                    text = next;
                }
                text
            }
        }
    }

    /// The rule's findings on one text, as the linter finds them (duplicates and unused
    /// suppressions included): suppression comments exist in Markdown only, and speak of the
    /// other rules' findings, so that rule runs on Markdown with every rule.
    pub fn run_on(&'static self, text: &str) -> Vec<Diagnostic> {
        use crate::document::Format;
        use crate::document::source::Source;
        let (format, rules) = match self.check {
            Check::Suppressions => (Format::Markdown, RULES.to_vec()),
            _ => (Format::PlainText, vec![self]),
        };
        let document = Document::new(Source::new("example", text.into()), format);
        let options = crate::linter::Options {
            rules,
            ..crate::linter::Options::default()
        };
        crate::linter::lint_documents(vec![document], Vec::new(), &options)
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == self.name)
            .collect()
    }
}

/// What the configuration and the command line tell the rules besides their levels.
#[derive(Debug, Default, Clone)]
pub struct Settings {
    /// The office's own names (`[wording] terms`, `terms-file`), held to their exact
    /// form as the shipped formulations are.
    pub terms: Option<std::sync::Arc<lexicon::Terms>>,
    /// The day every document is read as of (`--as-of`), for names a reform abolished;
    /// otherwise each document's own date.
    pub as_of: Option<abolished_agency::Date>,
}

impl Settings {
    /// What decides the rules' findings, for the cache's fingerprint.
    pub fn fingerprint(&self) -> String {
        format!(
            "terms {:?} as-of {:?} data {:x}",
            self.terms,
            self.as_of,
            xxhash_rust::xxh3::xxh3_64(lexicon::DATA_FILES.concat().as_bytes())
        )
    }
}

/// No settings: what a run without a configuration uses.
pub static NO_SETTINGS: std::sync::LazyLock<Settings> = std::sync::LazyLock::new(Settings::default);

/// Findings of one rule in one file beyond which the rest are counted, not kept: a file of
/// 64 MB of `甲,` would otherwise hold 20 million findings, some 800 bytes each.
pub const MAX_FINDINGS: usize = 10_000;

/// Collects one rule's findings on one document.
pub struct Report<'a> {
    rule: &'static RuleInfo,
    source: &'a str,
    /// What the configuration says to the rules.
    pub settings: &'a Settings,
    document: usize,
    prechecks: Prechecks,
    pub diagnostics: Vec<Diagnostic>,
    /// Findings past `MAX_FINDINGS`, counted only.
    pub dropped: usize,
}

impl<'a> Report<'a> {
    pub fn new(
        rule: &'static RuleInfo,
        document: &'a Document,
        index: usize,
        settings: &'a Settings,
    ) -> Self {
        Report {
            rule,
            source: &document.source.text,
            settings,
            document: index,
            prechecks: Prechecks::On,
            diagnostics: Vec::new(),
            dropped: 0,
        }
    }

    /// `Paragraph::may_contain_any`, for a rule that searches for several things and skips
    /// each search where its marks cannot be (true when the prechecks are off).
    pub fn may_contain_any(&self, paragraph: &Paragraph, chars: &[char]) -> bool {
        self.prechecks == Prechecks::Off || paragraph.may_contain_any(chars)
    }

    /// Reports `range` of paragraph `index`'s text; the finding can then be given a fix or
    /// a related place.
    pub fn add(
        &mut self,
        index: usize,
        paragraph: &Paragraph,
        range: Range<usize>,
        message: impl Into<Message>,
        help: impl Into<Message>,
    ) -> Finding<'_, 'a> {
        if self.diagnostics.len() >= MAX_FINDINGS {
            self.dropped += 1;
            return Finding {
                report: self,
                at: None,
            };
        }
        let span = paragraph.source_range(range);
        self.diagnostics.push(
            Diagnostic::new(
                self.rule.id(),
                self.rule.severity,
                self.document,
                index,
                span,
                message,
            )
            .with_help(help),
        );
        let at = Some(self.diagnostics.len() - 1);
        Finding { report: self, at }
    }
}

/// A finding just reported, to give a fix or a place it refers to.
pub struct Finding<'r, 'a> {
    report: &'r mut Report<'a>,
    /// Where it is in the report; none past `MAX_FINDINGS`, where the finding was not kept
    /// and its fix goes with it.
    at: Option<usize>,
}

impl Finding<'_, '_> {
    /// Gives the finding a fix: replacements of ranges of the paragraph text. A range whose
    /// source bytes are not its text (Markdown entities, breaks) cannot be replaced in
    /// place, and the finding then goes without a fix.
    pub fn fix(
        self,
        paragraph: &Paragraph,
        title: impl Into<Message>,
        safe: bool,
        edits: &[(Range<usize>, &str)],
    ) {
        let edits: Vec<_> = edits
            .iter()
            .map(|(range, replacement)| (paragraph, range.clone(), *replacement))
            .collect();
        self.fix_across(title, safe, &edits);
    }

    /// `fix`, with edits in several paragraphs (a quotation's, say).
    pub fn fix_across(
        self,
        title: impl Into<Message>,
        safe: bool,
        edits: &[(&Paragraph, Range<usize>, &str)],
    ) {
        let Some(at) = self.at else { return };
        if edits.is_empty() {
            return;
        }
        let mut mapped = Vec::with_capacity(edits.len());
        for (paragraph, range, replacement) in edits {
            let source = paragraph.source_range(range.clone());
            if self.report.source.get(source.clone()) != paragraph.text.get(range.clone()) {
                return;
            }
            mapped.push(Edit {
                range: source,
                replacement: (*replacement).to_string(),
            });
        }
        self.report.diagnostics[at].fix = Some(Fix {
            title: title.into(),
            safe,
            edits: mapped,
        });
    }

    /// Points the finding at a second place in the same document (where a quotation
    /// closes, say); its line and column are filled in with the finding's own.
    pub fn relate(
        self,
        paragraph: &Paragraph,
        range: Range<usize>,
        message: impl Into<Message>,
    ) -> Self {
        if let Some(at) = self.at {
            let span = paragraph.source_range(range);
            let document = self.report.document;
            self.report.diagnostics[at].related.push(Related {
                document,
                span,
                start: Position::default(),
                message: message.into(),
            });
        }
        self
    }
}

/// Runs one document-level rule on a document, for tests and the linter alike.
pub fn check_document(
    rule: &'static RuleInfo,
    document: &Document,
    index: usize,
) -> Vec<Diagnostic> {
    check_document_counted(rule, document, index, &NO_SETTINGS).0
}

/// `check_document`, and how many findings past `MAX_FINDINGS` were dropped.
pub fn check_document_counted(
    rule: &'static RuleInfo,
    document: &Document,
    index: usize,
    settings: &Settings,
) -> (Vec<Diagnostic>, usize) {
    check_document_with(rule, document, index, Prechecks::On, settings)
}

/// `check_document_counted`, with the prechecks of the rule's marks on or off.
pub fn check_document_with(
    rule: &'static RuleInfo,
    document: &Document,
    index: usize,
    prechecks: Prechecks,
    settings: &Settings,
) -> (Vec<Diagnostic>, usize) {
    let mut report = Report::new(rule, document, index, settings);
    report.prechecks = prechecks;
    let wanted =
        |paragraph: &Paragraph| prechecks == Prechecks::Off || rule.marks.may_be_in(paragraph);
    match rule.check {
        Check::Paragraph(check) => {
            for (at, paragraph) in document.paragraphs.iter().enumerate() {
                if wanted(paragraph) {
                    check(document, at, paragraph, &mut report);
                }
            }
        }
        Check::Document(check) => {
            if matches!(rule.marks, Marks::Any) || document.paragraphs.iter().any(wanted) {
                check(document, &mut report);
            }
        }
        Check::Duplicates | Check::Suppressions => {}
    }
    (report.diagnostics, report.dropped)
}

#[cfg(test)]
pub mod testing {
    use super::{RuleInfo, check_document};
    use crate::document::source::Source;
    use crate::document::{Document, Format};

    /// Whether the one finding of `rule` on `text` has a safe fix, and the text it leaves.
    pub fn fixed(rule: &'static RuleInfo, text: &str) -> (bool, String) {
        let document = Document::new(Source::new("test.txt", text.into()), Format::PlainText);
        let found = check_document(rule, &document, 0);
        assert_eq!(found.len(), 1, "{text}");
        let fix = found[0].fix.clone().expect("a fix");
        (fix.safe, crate::fix::apply(text, [&fix]).0)
    }

    /// For every finding of `rule` on `text`: whether its fix is safe, and the text it leaves.
    pub fn fixes(rule: &'static RuleInfo, text: &str) -> Vec<(bool, String)> {
        let document = Document::new(Source::new("test.txt", text.into()), Format::PlainText);
        check_document(rule, &document, 0)
            .into_iter()
            .map(|d| {
                let fix = d.fix.expect("a fix");
                (fix.safe, crate::fix::apply(text, [&fix]).0)
            })
            .collect()
    }

    /// The source text under each finding of `rule` on `text` (a plain-text document).
    pub fn findings(rule: &'static RuleInfo, text: &str) -> Vec<String> {
        let document = Document::new(Source::new("test.txt", text.into()), Format::PlainText);
        check_document(rule, &document, 0)
            .into_iter()
            .map(|d| document.source.text[d.span].to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{Corrected, Fixes, Marks, RULES};
    use crate::document::source::Source;
    use crate::document::{Document, Format};
    use crate::report::message::Lang;

    fn fires(rule: &str, text: &str) -> bool {
        let rule = super::find(rule).expect("rule exists");
        !rule.run_on(text).is_empty()
    }

    #[test]
    fn every_documented_bad_example_fires_and_good_example_does_not() {
        for rule in RULES {
            assert!(
                !rule.bad.is_empty() && !rule.good.is_empty(),
                "{} needs examples",
                rule.name
            );
            for bad in rule.bad.iter().map(|e| e.text) {
                assert!(
                    fires(rule.name, bad),
                    "{} should fire on {bad:?}",
                    rule.name
                );
            }
            for good in rule.good {
                assert!(
                    !fires(rule.name, good),
                    "{} should not fire on {good:?}",
                    rule.name
                );
            }
        }
    }

    #[test]
    fn names_are_unique_kebab_case_and_documented() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
        for rule in RULES {
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-')
            );
            let doc = rule.documentation(Lang::En);
            assert!(
                doc.contains("## What it does") && doc.contains("## Why is this bad"),
                "{}",
                rule.name
            );
            let doc = rule.documentation(Lang::Zh);
            assert!(
                doc.contains("## 检查什么") && doc.contains("## 为什么要改"),
                "{}",
                rule.name
            );
            assert!(
                !rule.zh.summary.is_empty()
                    && rule.zh.summary.chars().any(crate::text::is_han)
                    && !rule.zh.summary.contains('`')
                    && !rule.zh.explanation.contains('`'),
                "{}: the Chinese documentation quotes with “”, not backticks",
                rule.name
            );
            assert_eq!(
                rule.explanation.contains("## Not reported"),
                rule.zh.explanation.contains("## 不报告的情况"),
                "{}: both languages say what is not reported",
                rule.name
            );
        }
    }

    /// Every bad example has a corrected form on which the rule is silent, and it is not the
    /// example itself; a form computed from the fixes needs a rule that has them.
    #[test]
    fn every_bad_example_has_a_corrected_form_the_rule_accepts() {
        let mut wrong = Vec::new();
        for rule in RULES {
            for example in rule.bad {
                if matches!(example.corrected, Corrected::ByFix) && rule.fix == Fixes::None {
                    wrong.push(format!(
                        "{}: no fix to correct {:?}",
                        rule.name, example.text
                    ));
                    continue;
                }
                let corrected = rule.corrected(example);
                if corrected == example.text || fires(rule.name, &corrected) {
                    wrong.push(format!(
                        "{}: {:?} corrected to {corrected:?}",
                        rule.name, example.text
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    /// "Use instead" shows the bad example above it corrected, not an unrelated good text.
    #[test]
    fn the_page_shows_each_example_with_its_correction() {
        let rule = super::find("stray-period").expect("rule exists");
        let doc = rule.documentation(Lang::En);
        let bad = doc.find("大奖.").expect("the first example");
        let instead = doc.find("Use instead").expect("its correction");
        let corrected = doc.find("大奖。").expect("the corrected text");
        assert!(bad < instead && instead < corrected, "{doc}");
        let doc = rule.documentation(Lang::Zh);
        assert!(doc.contains("应改为"), "{doc}");
        assert!(doc.contains("## 示例"), "{doc}");
    }

    /// The linter prechecks only the rules that read one file at a time; the others must
    /// not declare marks that would suggest otherwise. A rule's marks must let through a
    /// paragraph of each of its bad examples (the property test in `tests/properties.rs`
    /// holds them to everything the rule finds).
    #[test]
    fn marks_let_the_bad_examples_through() {
        for rule in RULES {
            if !rule.check.per_file() {
                assert!(matches!(rule.marks, Marks::Any), "{}", rule.name);
                continue;
            }
            for bad in rule.bad.iter().map(|e| e.text) {
                let document =
                    Document::new(Source::new("example", (*bad).into()), Format::PlainText);
                assert!(
                    document.paragraphs.iter().any(|p| rule.marks.may_be_in(p)),
                    "{}: {bad:?}",
                    rule.name
                );
            }
        }
    }
}
