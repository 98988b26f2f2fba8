//! Suppression comments: `<!-- govlint-disable … -->` and its kin in Markdown and HTML. They
//! are read once per file, while the file is in memory, and kept with the file's results
//! (through the cache too), because duplicate findings are only known once every file has
//! been read.
//!
//! | comment | suppresses |
//! |---|---|
//! | `<!-- govlint-disable RULES -->` | findings that start after it, up to a `govlint-enable` |
//! | `<!-- govlint-enable RULES -->` | nothing: ends `govlint-disable` for the rules named |
//! | `<!-- govlint-disable-next-line RULES -->` | findings that start on the next non-blank line |
//! | `<!-- govlint-disable-file RULES -->` | findings anywhere in the file, wherever it stands |
//!
//! RULES is a list of rule names separated by commas or spaces; without one, every rule.
//! Only real HTML comments count: the same text in a code block or inline code is text.
//! Plain text has no comment syntax and so no directives.

use crate::document::Document;
use crate::document::source::{Position, Source};
use crate::report::diagnostic::Diagnostic;
use crate::rules::{self, Check};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Whether findings of `rule` are about the directives themselves (`unused-suppression`,
/// the rule judged from them): those are silenced only by naming the rule.
fn is_about_directives(rule: &str) -> bool {
    rules::find(rule).is_some_and(|r| matches!(r.check, Check::Suppressions))
}

/// What every directive starts with; a comment starting so with an unknown word is a typo.
const PREFIX: &str = "govlint-";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Disable,
    Enable,
    /// Covers the 1-based line given (0: there is no next non-blank line).
    DisableNextLine {
        line: usize,
    },
    DisableFile,
    /// `govlint-something` that is no directive: kept to be reported.
    Unknown {
        word: String,
    },
}

impl Kind {
    pub fn keyword(&self) -> &str {
        match self {
            Kind::Disable => "govlint-disable",
            Kind::Enable => "govlint-enable",
            Kind::DisableNextLine { .. } => "govlint-disable-next-line",
            Kind::DisableFile => "govlint-disable-file",
            Kind::Unknown { word } => word,
        }
    }
}

/// One suppression comment.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Directive {
    pub kind: Kind,
    /// The rule names as written; empty for every rule.
    pub rules: Vec<String>,
    /// The comment's bytes, `<!--` to `-->`.
    pub span: Range<usize>,
    pub start: Position,
    pub end: Position,
    /// What deleting the comment removes: its whole line when it stands alone there.
    pub deletion: Range<usize>,
}

/// The directives of one file, in source order.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Directives {
    pub directives: Vec<Directive>,
}

impl Directives {
    /// The directives of a document (Markdown and HTML: plain text has no comments).
    pub fn of(document: &Document) -> Directives {
        let directives = document
            .comments
            .iter()
            .filter_map(|(span, comment)| directive(&document.source, span.clone(), comment))
            .collect();
        Directives { directives }
    }

    pub fn is_empty(&self) -> bool {
        self.directives.is_empty()
    }
}

/// The directive a comment holds, if it is one.
fn directive(source: &Source, span: Range<usize>, comment: &str) -> Option<Directive> {
    let text = &source.text;
    let body = comment.get(4..comment.len() - 3)?.trim();
    if !body.starts_with(PREFIX) {
        return None;
    }
    let mut words = body.split(|c: char| c == ',' || c.is_whitespace());
    let keyword = words.next()?;
    let rules: Vec<String> = words
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let kind = match keyword {
        "govlint-disable" => Kind::Disable,
        "govlint-enable" => Kind::Enable,
        "govlint-disable-next-line" => Kind::DisableNextLine {
            line: next_line(source, span.end),
        },
        "govlint-disable-file" => Kind::DisableFile,
        other => Kind::Unknown {
            word: other.to_string(),
        },
    };
    Some(Directive {
        kind,
        rules,
        start: source.position(span.start),
        end: source.position(span.end),
        deletion: deletion(text, &span),
        span,
    })
}

/// The 1-based number of the first non-blank line after the one `offset` is on; 0 if none.
/// Blank lines are skipped because Markdown writers separate blocks with them.
fn next_line(source: &Source, offset: usize) -> usize {
    let mut line = source.line_index(offset) + 1;
    let lines = source.line_index(source.text.len()) + 1;
    while line < lines {
        if !source.text[source.line_span(line)].trim().is_empty() {
            return line + 1;
        }
        line += 1;
    }
    0
}

/// The bytes that go with a comment when it is deleted: when it stands alone on its line,
/// the whole line, and one blank line after it when one is also before it (so no double
/// blank is left); otherwise just the comment.
fn deletion(text: &str, span: &Range<usize>) -> Range<usize> {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i + 1);
    let blank = |s: &str| s.trim().is_empty();
    if !blank(&text[line_start..span.start]) || !blank(&text[span.end..line_end]) {
        return span.clone();
    }
    let before_is_blank = line_start == 0 || {
        let previous = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
        blank(&text[previous..line_start])
    };
    let after_end = text[line_end..]
        .find('\n')
        .map_or(text.len(), |i| line_end + i + 1);
    if before_is_blank && line_end < text.len() && blank(&text[line_end..after_end]) {
        line_start..after_end
    } else {
        line_start..line_end
    }
}

/// Which directives a `govlint-enable` ended or cut the regions of: all that
/// `unused-suppression` needs to know is whether it was exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Touched {
    Nothing,
    One(usize),
    Many,
}

impl Touched {
    fn of(mut directives: impl Iterator<Item = usize>) -> Touched {
        match (directives.next(), directives.next()) {
            (None, _) => Touched::Nothing,
            (Some(one), None) => Touched::One(one),
            _ => Touched::Many,
        }
    }
}

/// How the regions of a `govlint-disable` ended, for `Matcher::ended_only_by`.
#[derive(Debug, Clone)]
enum Ending {
    /// Not a `govlint-disable`.
    None,
    /// `govlint-disable RULES`: per rule, the `govlint-enable` that ended it, if one did.
    Named(Vec<Option<usize>>),
    /// `govlint-disable` of every rule: the `govlint-enable` (of every rule) that ended it,
    /// and whether a `govlint-enable RULES` cut rules out of it before.
    Every { ended_by: Option<usize>, cut: bool },
}

/// Stretches of a file where a `govlint-disable` holds, found by offset without a look at
/// every stretch: sorted by start, with the largest end over any run of them in a segment
/// tree, and in another the largest end of those not yet credited with a suppression, so
/// that each is credited once however many findings fall in it. A file with 10 000
/// comments and 10 000 findings costs a few hundred thousand steps, not 100 million.
#[derive(Debug, Default)]
struct Regions {
    starts: Vec<usize>,
    /// (directive, rule slot) of each region.
    owners: Vec<(usize, usize)>,
    all: MaxTree,
    fresh: MaxTree,
}

impl Regions {
    /// From (range, directive, slot) triples.
    fn new(mut regions: Vec<(Range<usize>, usize, usize)>) -> Regions {
        regions.sort_by_key(|(range, directive, slot)| (range.start, *directive, *slot));
        let ends: Vec<usize> = regions.iter().map(|(range, _, _)| range.end).collect();
        Regions {
            starts: regions.iter().map(|(range, _, _)| range.start).collect(),
            owners: regions.iter().map(|&(_, d, s)| (d, s)).collect(),
            all: MaxTree::new(&ends),
            fresh: MaxTree::new(&ends),
        }
    }

    /// Whether a region starting after `after` (when given) holds `offset`; credits every
    /// such region in `used`.
    fn stab(&mut self, after: Option<usize>, offset: usize, used: &mut [Vec<bool>]) -> bool {
        let lo = after.map_or(0, |after| self.starts.partition_point(|&s| s <= after));
        let hi = self.starts.partition_point(|&s| s <= offset);
        if lo >= hi || self.all.max(lo, hi) <= offset {
            return false;
        }
        while let Some(i) = self.fresh.first_above(lo, hi, offset) {
            let (directive, slot) = self.owners[i];
            used[directive][slot] = true;
            self.fresh.set(i, 0);
        }
        true
    }
}

/// A segment tree of maxima over a fixed number of values.
#[derive(Debug, Default)]
struct MaxTree {
    size: usize,
    tree: Vec<usize>,
}

impl MaxTree {
    fn new(values: &[usize]) -> MaxTree {
        let size = values.len().next_power_of_two();
        let mut tree = vec![0; 2 * size];
        tree[size..size + values.len()].copy_from_slice(values);
        for node in (1..size).rev() {
            tree[node] = tree[2 * node].max(tree[2 * node + 1]);
        }
        MaxTree { size, tree }
    }

    fn set(&mut self, index: usize, value: usize) {
        let mut node = self.size + index;
        self.tree[node] = value;
        while node > 1 {
            node /= 2;
            self.tree[node] = self.tree[2 * node].max(self.tree[2 * node + 1]);
        }
    }

    /// The largest value at `lo..hi`.
    fn max(&self, lo: usize, hi: usize) -> usize {
        let (mut lo, mut hi) = (lo + self.size, hi + self.size);
        let mut max = 0;
        while lo < hi {
            if lo % 2 == 1 {
                max = max.max(self.tree[lo]);
                lo += 1;
            }
            if hi % 2 == 1 {
                hi -= 1;
                max = max.max(self.tree[hi]);
            }
            lo /= 2;
            hi /= 2;
        }
        max
    }

    /// The first index in `lo..hi` whose value is above `floor`.
    fn first_above(&self, lo: usize, hi: usize, floor: usize) -> Option<usize> {
        self.descend(1, 0, self.size, lo, hi, floor)
    }

    fn descend(
        &self,
        node: usize,
        from: usize,
        to: usize,
        lo: usize,
        hi: usize,
        floor: usize,
    ) -> Option<usize> {
        if to <= lo || hi <= from || self.tree.get(node).is_none_or(|&max| max <= floor) {
            return None;
        }
        if to - from == 1 {
            return Some(from);
        }
        let middle = (from + to) / 2;
        self.descend(2 * node, from, middle, lo, hi, floor)
            .or_else(|| self.descend(2 * node + 1, middle, to, lo, hi, floor))
    }
}

/// The directives of a file applied to findings: which findings they suppress, and which of
/// them suppressed something.
///
/// `govlint-disable RULES` holds for each rule from the comment to the next
/// `govlint-enable` naming it or every rule. `govlint-disable` holds for every rule from the
/// comment to the next `govlint-enable` of every rule, except that a rule stops at the
/// first `govlint-enable` naming it (its "cut"). Cuts are kept as one list of positions per
/// rule, not as copies of the region, so comments naming many rules cost no more than the
/// comments themselves.
pub struct Matcher<'a> {
    pub directives: &'a [Directive],
    /// Per directive, per rule slot (one slot when it names no rule): whether it suppressed
    /// a finding (`govlint-enable`: whether it ended a `govlint-disable`).
    pub used: Vec<Vec<bool>>,
    /// Per directive (`Nothing` but for `govlint-enable`): the directives whose regions it
    /// ended or cut.
    pub touched: Vec<Touched>,
    /// Regions of `govlint-disable RULES`, by rule.
    named: std::collections::HashMap<String, Regions>,
    /// Regions of `govlint-disable` of every rule.
    every: Regions,
    /// Per rule, where the `govlint-enable` comments naming it start, in order.
    cuts: std::collections::HashMap<String, Vec<usize>>,
    endings: Vec<Ending>,
    /// `govlint-disable-next-line` by the line it covers; `govlint-disable-file`.
    next_line: std::collections::HashMap<usize, Vec<usize>>,
    file_wide: Vec<usize>,
    /// Answers of the line and file directives, already credited, by (line, rule) and rule.
    line_answers: std::collections::HashMap<(usize, String), bool>,
    file_answers: std::collections::HashMap<String, bool>,
    /// The enables `Touched::One` each directive, in order.
    touching_only: std::collections::HashMap<usize, Vec<usize>>,
}

impl<'a> Matcher<'a> {
    pub fn new(directives: &'a Directives) -> Matcher<'a> {
        use std::collections::HashMap;
        let directives = &directives.directives;
        let mut used: Vec<Vec<bool>> = directives
            .iter()
            .map(|d| vec![false; d.rules.len().max(1)])
            .collect();
        let mut touched = vec![Touched::Nothing; directives.len()];
        let mut endings = vec![Ending::None; directives.len()];
        let mut named: HashMap<String, Vec<(Range<usize>, usize, usize)>> = HashMap::new();
        let mut every = Vec::new();
        let mut cuts: HashMap<String, Vec<usize>> = HashMap::new();
        let mut next_line: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut file_wide = Vec::new();
        // What is open: regions of every rule (directive, start), in order, and regions of
        // one rule by rule (directive, slot, start) with how many each directive has open.
        let mut open_every: Vec<(usize, usize)> = Vec::new();
        let mut open_named: HashMap<&str, Vec<(usize, usize, usize)>> = HashMap::new();
        let mut open_slots: HashMap<usize, usize> = HashMap::new();
        // Where the last `govlint-enable` naming each rule, and naming any rule, started.
        let mut last_cut: HashMap<&str, usize> = HashMap::new();
        let mut last_any_cut: Option<usize> = None;
        for (index, directive) in directives.iter().enumerate() {
            let here = directive.span.clone();
            match directive.kind {
                Kind::Disable if directive.rules.is_empty() => {
                    open_every.push((index, here.end));
                    endings[index] = Ending::Every {
                        ended_by: None,
                        cut: false,
                    };
                }
                Kind::Disable => {
                    for (slot, rule) in directive.rules.iter().enumerate() {
                        open_named
                            .entry(rule)
                            .or_default()
                            .push((index, slot, here.end));
                    }
                    open_slots.insert(index, directive.rules.len());
                    endings[index] = Ending::Named(vec![None; directive.rules.len()]);
                }
                Kind::Enable if directive.rules.is_empty() => {
                    used[index][0] = !open_every.is_empty() || !open_slots.is_empty();
                    let mut ended: Vec<usize> =
                        open_every.iter().take(2).map(|&(d, _)| d).collect();
                    ended.extend(open_slots.keys().take(2));
                    touched[index] = Touched::of(ended.into_iter());
                    for (d, start) in open_every.drain(..) {
                        every.push((start..here.start, d, 0));
                        endings[d] = Ending::Every {
                            ended_by: Some(index),
                            cut: last_any_cut.is_some_and(|cut| cut > start),
                        };
                    }
                    for (rule, regions) in open_named.drain() {
                        for (d, slot, start) in regions {
                            named.entry(rule.to_string()).or_default().push((
                                start..here.start,
                                d,
                                slot,
                            ));
                            if let Ending::Named(ends) = &mut endings[d] {
                                ends[slot] = Some(index);
                            }
                        }
                    }
                    open_slots.clear();
                }
                Kind::Enable => {
                    // A region of every rule is cut by this comment when some rule it names
                    // was not cut out of it before: the region started after that rule's
                    // last cut.
                    let cut_from = |rule: &str| {
                        let after = last_cut.get(rule).copied();
                        open_every.partition_point(|&(_, start)| after.is_some_and(|a| start <= a))
                    };
                    let first_cut = directive
                        .rules
                        .iter()
                        .map(|rule| cut_from(rule))
                        .min()
                        .unwrap_or(open_every.len());
                    for (slot, rule) in directive.rules.iter().enumerate() {
                        used[index][slot] =
                            open_named.get(rule.as_str()).is_some_and(|r| !r.is_empty())
                                || cut_from(rule) < open_every.len();
                    }
                    // Two tell "one" from "many": a comment may cut thousands.
                    let mut ended: Vec<usize> = open_every[first_cut..]
                        .iter()
                        .take(2)
                        .map(|&(d, _)| d)
                        .collect();
                    for rule in &directive.rules {
                        let Some(regions) = open_named.remove(rule.as_str()) else {
                            continue;
                        };
                        for (d, slot, start) in regions {
                            ended.push(d);
                            named.entry(rule.clone()).or_default().push((
                                start..here.start,
                                d,
                                slot,
                            ));
                            if let Ending::Named(ends) = &mut endings[d] {
                                ends[slot] = Some(index);
                            }
                            if let Some(open) = open_slots.get_mut(&d) {
                                *open -= 1;
                                if *open == 0 {
                                    open_slots.remove(&d);
                                }
                            }
                        }
                    }
                    ended.sort_unstable();
                    ended.dedup();
                    touched[index] = Touched::of(ended.into_iter());
                    for rule in &directive.rules {
                        let positions = cuts.entry(rule.clone()).or_default();
                        if positions.last() != Some(&here.start) {
                            positions.push(here.start);
                        }
                        last_cut.insert(rule, here.start);
                    }
                    if !directive.rules.is_empty() {
                        last_any_cut = Some(here.start);
                    }
                }
                Kind::DisableNextLine { line } if line > 0 => {
                    next_line.entry(line).or_default().push(index)
                }
                Kind::DisableFile => file_wide.push(index),
                _ => {}
            }
        }
        // What no comment ended holds to the end of the file.
        for (d, start) in open_every {
            every.push((start..usize::MAX, d, 0));
        }
        for (rule, regions) in open_named {
            for (d, slot, start) in regions {
                named
                    .entry(rule.to_string())
                    .or_default()
                    .push((start..usize::MAX, d, slot));
            }
        }
        let mut touching_only: HashMap<usize, Vec<usize>> = HashMap::new();
        for (enable, touched) in touched.iter().enumerate() {
            if let Touched::One(directive) = touched {
                touching_only.entry(*directive).or_default().push(enable);
            }
        }
        Matcher {
            directives,
            used,
            touched,
            touching_only,
            named: named
                .into_iter()
                .map(|(rule, regions)| (rule, Regions::new(regions)))
                .collect(),
            every: Regions::new(every),
            cuts,
            endings,
            next_line,
            file_wide,
            line_answers: HashMap::new(),
            file_answers: HashMap::new(),
        }
    }

    /// Whether the directives suppress `diagnostic`, crediting every directive that does.
    pub fn suppresses(&mut self, diagnostic: &Diagnostic) -> bool {
        self.suppresses_at(
            diagnostic.rule.as_str(),
            diagnostic.span.start,
            diagnostic.start.line,
        )
    }

    /// Whether a finding of `rule` starting at byte `offset` on 1-based `line` is suppressed.
    pub fn suppresses_at(&mut self, rule: &str, offset: usize, line: usize) -> bool {
        // Reports about the directives themselves are silenced only by naming the rule, so
        // that `govlint-disable` around a stale directive does not hide it.
        let meta = is_about_directives(rule);
        let mut suppressed = false;
        if let Some(regions) = self.named.get_mut(rule) {
            suppressed |= regions.stab(None, offset, &mut self.used);
        }
        if !meta {
            // Only regions that started after the rule's last cut before `offset` still
            // hold it there.
            let cut = self.cuts.get(rule).and_then(|positions| {
                let before = positions.partition_point(|&p| p <= offset);
                before.checked_sub(1).map(|i| positions[i])
            });
            suppressed |= self.every.stab(cut, offset, &mut self.used);
        }
        let slot_of = |directive: &Directive| -> Option<usize> {
            if directive.rules.is_empty() {
                (!meta).then_some(0)
            } else {
                directive.rules.iter().position(|r| r == rule)
            }
        };
        // Line and file directives: each (line, rule) and rule is answered and credited once.
        let key = (line, rule.to_string());
        let by_line = match self.line_answers.get(&key) {
            Some(&answer) => answer,
            None => {
                let mut answer = false;
                for &index in self.next_line.get(&line).into_iter().flatten() {
                    if let Some(slot) = slot_of(&self.directives[index]) {
                        self.used[index][slot] = true;
                        answer = true;
                    }
                }
                self.line_answers.insert(key, answer);
                answer
            }
        };
        let by_file = match self.file_answers.get(rule) {
            Some(&answer) => answer,
            None => {
                let mut answer = false;
                for &index in &self.file_wide {
                    if let Some(slot) = slot_of(&self.directives[index]) {
                        self.used[index][slot] = true;
                        answer = true;
                    }
                }
                self.file_answers.insert(rule.to_string(), answer);
                answer
            }
        };
        suppressed || by_line || by_file
    }

    /// Whether every region of `directive` was ended by `enable` (and so the two make a pair).
    pub fn ended_only_by(&self, directive: usize, enable: usize) -> bool {
        match &self.endings[directive] {
            Ending::None => false,
            Ending::Named(ends) => !ends.is_empty() && ends.iter().all(|&e| e == Some(enable)),
            Ending::Every { ended_by, cut } => *ended_by == Some(enable) && !cut,
        }
    }

    /// The `govlint-enable` comments whose only effect was on `directive`, in order.
    pub fn enables_touching_only(&self, directive: usize) -> &[usize] {
        self.touching_only
            .get(&directive)
            .map_or(&[], Vec::as_slice)
    }
}

/// Drops the findings of one file that its directives suppress.
pub fn apply(matcher: &mut Matcher, diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.retain(|d| !matcher.suppresses(d));
}

/// The first implementation, a region per stretch and a scan of them all per finding
/// (quadratic, and with `govlint-enable` naming many rules, of quadratic size): kept to
/// check the indexed matcher against.
#[cfg(test)]
#[allow(dead_code)]
mod reference {
    use super::{Diagnostic, Directive, Directives, Kind, Range};

    /// A stretch of the file where `govlint-disable` holds for one rule (or every rule but
    /// `except`).
    #[derive(Debug)]
    struct Region {
        directive: usize,
        /// The index of the rule in the directive's list; `None` for every rule.
        slot: Option<usize>,
        except: Vec<String>,
        range: Range<usize>,
        /// The `govlint-enable` that ended it.
        ended_by: Option<usize>,
    }

    /// The directives of a file applied to findings: which findings they suppress, and which of
    /// them suppressed something.
    pub struct Matcher<'a> {
        pub directives: &'a [Directive],
        regions: Vec<Region>,
        /// Per directive, per rule slot (one slot when it names no rule): whether it suppressed
        /// a finding (`govlint-enable`: whether it ended a `govlint-disable`).
        pub used: Vec<Vec<bool>>,
        /// Per `govlint-enable`: the directives whose regions it ended or cut.
        pub touched: Vec<Vec<usize>>,
    }

    impl<'a> Matcher<'a> {
        pub fn new(directives: &'a Directives) -> Matcher<'a> {
            let directives = &directives.directives;
            let mut matcher = Matcher {
                directives,
                regions: Vec::new(),
                used: directives
                    .iter()
                    .map(|d| vec![false; d.rules.len().max(1)])
                    .collect(),
                touched: vec![Vec::new(); directives.len()],
            };
            let mut open: Vec<Region> = Vec::new();
            for (index, directive) in directives.iter().enumerate() {
                let here = directive.span.clone();
                match directive.kind {
                    Kind::Disable if directive.rules.is_empty() => open.push(Region {
                        directive: index,
                        slot: None,
                        except: Vec::new(),
                        range: here.end..usize::MAX,
                        ended_by: None,
                    }),
                    Kind::Disable => {
                        for slot in 0..directive.rules.len() {
                            open.push(Region {
                                directive: index,
                                slot: Some(slot),
                                except: Vec::new(),
                                range: here.end..usize::MAX,
                                ended_by: None,
                            });
                        }
                    }
                    Kind::Enable if directive.rules.is_empty() => {
                        matcher.used[index][0] = !open.is_empty();
                        for mut region in open.drain(..) {
                            region.range.end = here.start;
                            region.ended_by = Some(index);
                            matcher.touched[index].push(region.directive);
                            matcher.regions.push(region);
                        }
                    }
                    Kind::Enable => {
                        let mut still_open = Vec::new();
                        for region in open.drain(..) {
                            let named = |rule: &String| match region.slot {
                                Some(slot) => directives[region.directive].rules[slot] == *rule,
                                None => !region.except.contains(rule),
                            };
                            let slots: Vec<usize> = (0..directive.rules.len())
                                .filter(|&s| named(&directive.rules[s]))
                                .collect();
                            if slots.is_empty() {
                                still_open.push(region);
                                continue;
                            }
                            for slot in &slots {
                                matcher.used[index][*slot] = true;
                            }
                            matcher.touched[index].push(region.directive);
                            if region.slot.is_none() {
                                // Every rule stays disabled but those named here.
                                let mut except = region.except.clone();
                                except.extend(slots.iter().map(|&s| directive.rules[s].clone()));
                                still_open.push(Region {
                                    directive: region.directive,
                                    slot: None,
                                    except,
                                    range: here.end..usize::MAX,
                                    ended_by: None,
                                });
                            }
                            matcher.regions.push(Region {
                                range: region.range.start..here.start,
                                ended_by: Some(index),
                                ..region
                            });
                        }
                        open = still_open;
                    }
                    _ => {}
                }
            }
            matcher.regions.append(&mut open);
            for touched in &mut matcher.touched {
                touched.sort_unstable();
                touched.dedup();
            }
            matcher
        }

        /// Whether the directives suppress `diagnostic`, crediting every directive that does.
        pub fn suppresses(&mut self, diagnostic: &Diagnostic) -> bool {
            self.suppresses_at(
                diagnostic.rule.as_str(),
                diagnostic.span.start,
                diagnostic.start.line,
            )
        }

        /// Whether a finding of `rule` starting at byte `offset` on 1-based `line` is suppressed.
        pub fn suppresses_at(&mut self, rule: &str, offset: usize, line: usize) -> bool {
            // Reports about the directives themselves are silenced only by naming the rule, so
            // that `govlint-disable` around a stale directive does not hide it.
            let meta = super::is_about_directives(rule);
            let slot_of = |directive: &Directive| -> Option<usize> {
                if directive.rules.is_empty() {
                    (!meta).then_some(0)
                } else {
                    directive.rules.iter().position(|r| r == rule)
                }
            };
            let mut suppressed = false;
            for region in &self.regions {
                if !region.range.contains(&offset) {
                    continue;
                }
                let directive = &self.directives[region.directive];
                let slot = match region.slot {
                    Some(slot) => (directive.rules[slot] == rule).then_some(slot),
                    None => (!meta && !region.except.iter().any(|r| r == rule)).then_some(0),
                };
                if let Some(slot) = slot {
                    self.used[region.directive][slot] = true;
                    suppressed = true;
                }
            }
            for (index, directive) in self.directives.iter().enumerate() {
                let applies = match directive.kind {
                    Kind::DisableNextLine { line: target } => target == line && target > 0,
                    Kind::DisableFile => true,
                    _ => false,
                };
                if let (true, Some(slot)) = (applies, slot_of(directive)) {
                    self.used[index][slot] = true;
                    suppressed = true;
                }
            }
            suppressed
        }

        /// Whether every region of `directive` was ended by `enable` (and so the two make a pair).
        pub fn ended_only_by(&self, directive: usize, enable: usize) -> bool {
            let mut regions = self
                .regions
                .iter()
                .filter(|r| r.directive == directive)
                .peekable();
            regions.peek().is_some() && regions.all(|r| r.ended_by == Some(enable))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};

    fn directives(text: &str) -> Directives {
        let document = Document::new(Source::new("a.md", text.into()), Format::Markdown);
        Directives::of(&document)
    }

    fn comments(text: &str) -> Vec<String> {
        crate::input::markdown::paragraphs(text)
            .1
            .into_iter()
            .map(|(span, comment)| {
                assert!(text.get(span.clone()).is_some());
                comment
            })
            .collect()
    }

    #[test]
    fn finds_block_inline_and_quoted_comments_but_not_code() {
        let text = "<!-- a -->\n段落<!-- b\nc -->继续\n\n```\n<!-- code -->\n```\n\n`<!-- inline code -->`\n\n    <!-- indented -->\n\n> <!-- d\n> e -->\n\n<div><!-- f --></div>\n";
        assert_eq!(
            comments(text),
            ["<!-- a -->", "<!-- b\nc -->", "<!-- d\ne -->", "<!-- f -->"]
        );
    }

    #[test]
    fn parses_kinds_and_rule_lists() {
        let found = directives(
            "<!-- govlint-disable stray-period, halfwidth-punctuation -->\n\n<!-- govlint-enable -->\n\n<!-- govlint-disable-file -->\n\n<!-- govlint-disabel x -->\n\n<!-- not govlint-disable -->\n",
        );
        let kinds: Vec<(&str, Vec<&str>)> = found
            .directives
            .iter()
            .map(|d| {
                (
                    d.kind.keyword(),
                    d.rules.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            kinds,
            [
                (
                    "govlint-disable",
                    vec!["stray-period", "halfwidth-punctuation"]
                ),
                ("govlint-enable", vec![]),
                ("govlint-disable-file", vec![]),
                ("govlint-disabel", vec!["x"]),
            ]
        );
    }

    #[test]
    fn next_line_skips_blank_lines() {
        let found = directives("甲\n<!-- govlint-disable-next-line -->\n\n  \n乙\n");
        assert_eq!(found.directives[0].kind, Kind::DisableNextLine { line: 5 });
        let last = directives("甲<!-- govlint-disable-next-line -->\n");
        assert_eq!(last.directives[0].kind, Kind::DisableNextLine { line: 0 });
    }

    #[test]
    fn odd_comments_neither_panic_nor_leak() {
        for text in [
            "<!-->govlint-disable",
            "<!--->\n<!-- govlint-disable",
            "段<!---->落 govlint-\n",
            "<!-- govlint-disable -->",
            "<!--govlint-disable-next-line-->\r\n\r\n乙\r\n",
            "> <!-- govlint-disable\n> stray-period -->\n> 甲\n",
            "<!-- <!-- govlint-disable --> -->\n",
        ] {
            let found = directives(text);
            for d in &found.directives {
                assert!(text.get(d.span.clone()).is_some(), "{text:?}");
                assert!(text.get(d.deletion.clone()).is_some(), "{text:?}");
            }
        }
        let crlf = directives("<!--govlint-disable-next-line-->\r\n\r\n乙\r\n");
        assert_eq!(crlf.directives[0].kind, Kind::DisableNextLine { line: 3 });
        let quoted = directives("> <!-- govlint-disable\n> stray-period -->\n> 甲\n");
        assert_eq!(quoted.directives[0].rules, ["stray-period"]);
    }

    #[test]
    fn plain_text_has_no_directives() {
        let document = Document::new(
            Source::new("a.txt", "<!-- govlint-disable -->\n".into()),
            Format::PlainText,
        );
        assert!(Directives::of(&document).is_empty());
    }

    #[test]
    fn deleting_a_comment_alone_on_its_line_takes_the_line_and_a_double_blank() {
        let text = "甲\n\n<!-- x -->\n\n乙\n";
        let span = text.find("<!--").unwrap()..text.find("-->").unwrap() + 3;
        let range = deletion(text, &span);
        let mut left = text.to_string();
        left.replace_range(range, "");
        assert_eq!(left, "甲\n\n乙\n");
        let inline = "甲<!-- x -->乙\n";
        let span = inline.find("<!--").unwrap()..inline.find("-->").unwrap() + 3;
        assert_eq!(deletion(inline, &span), span);
    }

    #[test]
    fn enable_of_one_rule_cuts_it_out_of_a_disable_of_all() {
        let text = "<!-- govlint-disable -->\n甲\n<!-- govlint-enable stray-period -->\n乙\n<!-- govlint-enable -->\n丙\n";
        let found = directives(text);
        let mut matcher = Matcher::new(&found);
        let at = |s: &str| text.find(s).unwrap();
        assert!(matcher.suppresses_at("stray-period", at("甲"), 2));
        assert!(!matcher.suppresses_at("stray-period", at("乙"), 4));
        assert!(matcher.suppresses_at("cjk-space", at("乙"), 4));
        assert!(!matcher.suppresses_at("cjk-space", at("丙"), 6));
        assert_eq!(matcher.used, [vec![true], vec![true], vec![true]]);
        assert_eq!(matcher.touched[2], Touched::One(0));
        assert!(!matcher.ended_only_by(0, 2));
    }

    #[test]
    fn unused_suppression_is_silenced_only_by_name() {
        let text = "<!-- govlint-disable-file -->\n<!-- govlint-disable-next-line unused-suppression -->\n甲\n";
        let found = directives(text);
        let mut matcher = Matcher::new(&found);
        assert!(!matcher.suppresses_at("unused-suppression", 0, 1));
        assert!(matcher.suppresses_at("unused-suppression", text.find('甲').unwrap(), 3));
    }

    /// The indexed matcher answers, credits and pairs as the first, scan-everything one did,
    /// on random sequences of comments.
    #[test]
    fn indexed_matcher_agrees_with_the_reference() {
        const RULES: &[&str] = &["stray-period", "cjk-space", "unused-suppression"];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..next(12) {
                let mut names = Vec::new();
                for _ in 0..next(3) {
                    names.push(RULES[next(RULES.len())]);
                }
                let names = names.join(" ");
                let line = match next(7) {
                    0 => format!("<!-- govlint-disable {names} -->"),
                    1 => format!("<!-- govlint-enable {names} -->"),
                    2 => format!("<!-- govlint-disable-next-line {names} -->"),
                    3 => format!("<!-- govlint-disable-file {names} -->"),
                    _ => "甲".to_string(),
                };
                text.push_str(&line);
                text.push_str(if next(3) == 0 { "\n" } else { "\n\n" });
            }
            let found = directives(&text);
            let mut new = Matcher::new(&found);
            let mut old = reference::Matcher::new(&found);
            let mut places: Vec<(usize, &str)> = Vec::new();
            for (at, _) in text.match_indices('甲') {
                for rule in RULES {
                    places.push((at, rule));
                }
            }
            for directive in &found.directives {
                places.push((directive.span.start, "unused-suppression"));
            }
            let source = Source::new("a.md", text.clone());
            for (at, rule) in places {
                let line = source.position(at).line;
                assert_eq!(
                    new.suppresses_at(rule, at, line),
                    old.suppresses_at(rule, at, line),
                    "{rule} at {at} in {text:?}"
                );
            }
            assert_eq!(new.used, old.used, "{text:?}");
            for enable in 0..found.directives.len() {
                let mut touched = old.touched[enable].clone();
                touched.dedup();
                assert_eq!(
                    new.touched[enable],
                    Touched::of(touched.into_iter()),
                    "{text:?}"
                );
                for directive in 0..found.directives.len() {
                    assert_eq!(
                        new.ended_only_by(directive, enable),
                        old.ended_only_by(directive, enable),
                        "{directive} {enable} {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn enables_naming_many_rules_stay_small() {
        // 2 000 `govlint-disable` and 2 000 `govlint-enable` of different rules: a region
        // per cut would be 4 million regions.
        let mut text = "<!-- govlint-disable -->\n\n".repeat(2000);
        for i in 0..2000 {
            text.push_str(&format!("<!-- govlint-enable rule-{i} -->\n\n"));
        }
        text.push_str("甲.\n");
        let found = directives(&text);
        let mut matcher = Matcher::new(&found);
        assert!(matcher.every.starts.len() <= 2000);
        let at = text.find('甲').unwrap();
        assert!(matcher.suppresses_at("stray-period", at, 4001));
        assert!(!matcher.suppresses_at("rule-7", at, 4001));
        assert!(matcher.used.iter().all(|u| u == &[true]));
    }
}
