//! The document model shared by every rule: a source split once into paragraphs, each with
//! its lintable text, the map back to source bytes, its sentences and its protected spans.

use crate::document::normalize::normalize_into;
use crate::document::source::Source;
use crate::text::{for_each_position_of, holds_char, is_chinese, is_han, is_space, url_spans};
use std::any::{Any, TypeId};
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

pub mod normalize;
pub mod outline;
pub mod source;

/// Stands in the paragraph text for inline code, which is never linted but must keep the
/// words on either side apart.
pub const CODE_PLACEHOLDER: char = '\u{FFFC}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    PlainText,
    Markdown,
    /// An office document (`.docx`, `.doc`, `.wps`, `.odt`), read as one paragraph per line
    /// (the lines of one paragraph that soft line breaks separate read as plain text's are)
    /// (see `crate::input::office`).
    Docx,
    Html,
}

impl Format {
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Format::Markdown
        } else if crate::input::office::is_office_path(&lower) {
            Format::Docx
        } else if lower.ends_with(".html") || lower.ends_with(".htm") {
            Format::Html
        } else {
            Format::PlainText
        }
    }

    /// What a line number counts, for messages: a Word file's lines are its paragraphs.
    pub fn line_unit(self) -> &'static str {
        if self == Format::Docx {
            "paragraph"
        } else {
            "line"
        }
    }
}

/// A stretch of paragraph text copied from one place in the source.
#[derive(Debug, Clone)]
struct Segment {
    text_start: usize,
    source: Range<usize>,
    /// The text is the source's bytes, so offsets inside map one to one; otherwise (inline
    /// code placeholder, decoded entities, line breaks) the segment maps as a whole.
    exact: bool,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    /// What the rules read: the paragraph's words without indentation, Markdown syntax or
    /// hard line breaks.
    pub text: String,
    segments: Vec<Segment>,
    /// Sentences as byte ranges of `text`, each ending after its `。！？；!?` and closing marks;
    /// together they cover the text.
    pub sentences: Vec<Range<usize>>,
    /// URLs and e-mail addresses, as byte ranges of `text`.
    pub protected: Vec<Range<usize>>,
    /// A heading (Markdown) or a short line without a sentence stop (plain text).
    pub is_heading: bool,
    summary: CharSummary,
}

/// Which characters other than Han ideographs a text holds, as one bit per hash of each.
/// A clear bit proves a character absent: rules skip the many paragraphs without the marks
/// they look for without reading them again. A set bit may be another character's.
#[derive(Debug, Clone)]
struct CharSummary([u64; 4]);

impl CharSummary {
    fn of(text: &str) -> Self {
        let mut bits = [0u64; 4];
        for c in text.chars().filter(|&c| !is_han(c)) {
            let slot = Self::slot(c);
            bits[slot / 64] |= 1 << (slot % 64);
        }
        CharSummary(bits)
    }

    /// A multiplicative hash to 8 bits: the marks of Chinese text (`，` U+FF0C, `、`
    /// U+3001, digits, `“` U+201C…) would collide often on their low bytes alone.
    const fn slot(c: char) -> usize {
        ((c as u32).wrapping_mul(0x9E37_79B1) >> 24) as usize
    }

    fn may_hold(&self, c: char) -> bool {
        let slot = Self::slot(c);
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }
}

/// Characters other than Han ideographs, as the bits `CharSummary` would set for them:
/// made once (at compile time for a constant set), a paragraph is tested against the whole
/// set with four ANDs.
#[derive(Debug, Clone, Copy)]
pub struct CharMask([u64; 4]);

impl CharMask {
    /// The mask of `chars`, none of which may be a Han ideograph (a summary holds no bits
    /// for them).
    pub const fn of(chars: &[char]) -> CharMask {
        let mut i = 0;
        while i < chars.len() {
            assert!(!is_han(chars[i]), "a Han ideograph has no bit in a summary");
            i += 1;
        }
        CharMask::of_all_but_han(chars)
    }

    /// The mask of the characters of `chars` that are not Han ideographs.
    pub const fn of_all_but_han(chars: &[char]) -> CharMask {
        let mut bits = [0u64; 4];
        let mut i = 0;
        while i < chars.len() {
            if !is_han(chars[i]) {
                let slot = CharSummary::slot(chars[i]);
                bits[slot / 64] |= 1 << (slot % 64);
            }
            i += 1;
        }
        CharMask(bits)
    }
}

impl Paragraph {
    /// Whether the text may hold a character of `mask`; `false` proves it holds none.
    pub fn may_contain_masked(&self, mask: &CharMask) -> bool {
        self.summary
            .0
            .iter()
            .zip(&mask.0)
            .any(|(held, wanted)| held & wanted != 0)
    }

    fn new(text: String, segments: Vec<Segment>, is_heading: bool) -> Self {
        let summary = CharSummary::of(&text);
        let sentences = split_sentences(&text, &summary);
        let protected = url_spans(&text);
        Paragraph {
            text,
            segments,
            sentences,
            protected,
            is_heading,
            summary,
        }
    }

    /// Whether the text may hold any of `chars`; `false` proves it holds none. Han
    /// ideographs are searched for, other characters looked up in the paragraph's summary.
    pub fn may_contain_any(&self, chars: &[char]) -> bool {
        chars.iter().any(|&c| {
            if is_han(c) {
                holds_char(&self.text, c)
            } else {
                self.summary.may_hold(c)
            }
        })
    }

    /// The segment holding byte `at` of the text (the last one for the end of the text).
    fn segment(&self, at: usize) -> Option<&Segment> {
        let index = self
            .segments
            .partition_point(|s| s.text_start <= at)
            .saturating_sub(1);
        self.segments.get(index)
    }

    /// The source byte offset where the character at byte `at` of the text starts.
    pub fn source_offset(&self, at: usize) -> usize {
        match self.segment(at) {
            None => at,
            Some(segment) if segment.exact => {
                (segment.source.start + at - segment.text_start).min(segment.source.end)
            }
            Some(segment) => segment.source.start,
        }
    }

    /// The source byte range of a range of the paragraph text.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.source_offset(range.start);
        if range.is_empty() {
            return start..start;
        }
        // The end maps through the segment of the last byte, so a range ending a segment
        // stays in it, and a range ending inside mapped text covers all of its source.
        let end = match self.segment(range.end - 1) {
            None => range.end,
            Some(segment) if segment.exact => {
                (segment.source.start + range.end - segment.text_start).min(segment.source.end)
            }
            Some(segment) => segment.source.end,
        };
        start..end.max(start)
    }

    /// The source range of the whole paragraph.
    pub fn span(&self) -> Range<usize> {
        self.source_range(0..self.text.len())
    }

    pub fn is_protected(&self, at: usize) -> bool {
        // `protected` is sorted and disjoint: rules ask for every mark of a paragraph that
        // may hold thousands of URLs.
        let after = self.protected.partition_point(|r| r.start <= at);
        after > 0 && self.protected[after - 1].contains(&at)
    }
}

#[derive(Debug)]
pub struct Document {
    pub source: Source,
    pub format: Format,
    pub paragraphs: Vec<Paragraph>,
    /// The HTML comments the reader met (Markdown and HTML), where suppression directives
    /// are written: each comment's span and its text, in source order.
    pub comments: Vec<(Range<usize>, String)>,
    normalized: OnceLock<Normalized>,
    /// What `shared` has worked out, by type.
    shared: Mutex<Vec<(TypeId, Arc<dyn Any + Send + Sync>)>>,
}

impl Document {
    pub fn new(source: Source, format: Format) -> Self {
        let (paragraphs, comments) = match format {
            Format::PlainText => (crate::input::plain::paragraphs(&source.text), Vec::new()),
            Format::Markdown => crate::input::markdown::paragraphs(&source.text),
            Format::Docx => (
                crate::input::plain::line_paragraphs(
                    &source.text,
                    &source.heading_lines,
                    &source.continued_lines,
                ),
                Vec::new(),
            ),
            Format::Html => crate::input::html::paragraphs(&source.text),
        };
        Document {
            source,
            format,
            paragraphs,
            comments,
            normalized: OnceLock::new(),
            shared: Mutex::new(Vec::new()),
        }
    }

    /// A fact about the document that several rules need (the quotation marks left
    /// unpaired, the listed words of each paragraph), worked out by `make` for the first
    /// rule that asks and kept for the others. Each fact is its own type, which keys it.
    pub fn shared<T: Any + Send + Sync>(&self, make: impl FnOnce(&Document) -> T) -> Arc<T> {
        let key = TypeId::of::<T>();
        let find = |kept: &[(TypeId, Arc<dyn Any + Send + Sync>)]| {
            kept.iter()
                .find(|(k, _)| *k == key)
                .and_then(|(_, fact)| fact.clone().downcast::<T>().ok())
        };
        // A poisoned lock only means a rule panicked elsewhere; what it holds is whole.
        let lock = || self.shared.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(fact) = find(&lock()) {
            return fact;
        }
        // Made without the lock held, so that `make` may ask for another fact.
        let fact = Arc::new(make(self));
        let mut kept = lock();
        if let Some(earlier) = find(&kept) {
            return earlier;
        }
        kept.push((key, fact.clone()));
        fact
    }

    /// Every sentence in its matching form (`normalize`), worked out on first use
    /// and shared: `duplicate-sentence` compares sentences, the duplicate index and baseline
    /// fingerprints take paragraphs. Paragraphs are not to change once it has been asked for.
    pub fn normalized(&self) -> &Normalized {
        self.normalized
            .get_or_init(|| Normalized::of(&self.paragraphs))
    }
}

/// The normalized text of a document, sentence by sentence. Normalization folds each
/// character on its own, and a paragraph's sentences cover its text: the normalized
/// sentences of a paragraph, end to end, are its normalized text.
#[derive(Debug)]
pub struct Normalized {
    text: String,
    /// Where each sentence of the document (counted through all paragraphs) ends in `text`.
    sentence_ends: Vec<usize>,
    /// Where each paragraph's sentences begin in `sentence_ends`, and one past the last.
    paragraph_starts: Vec<usize>,
}

impl Normalized {
    fn of(paragraphs: &[Paragraph]) -> Normalized {
        let mut normalized = Normalized {
            text: String::with_capacity(paragraphs.iter().map(|p| p.text.len()).sum()),
            sentence_ends: Vec::with_capacity(paragraphs.iter().map(|p| p.sentences.len()).sum()),
            paragraph_starts: Vec::with_capacity(paragraphs.len() + 1),
        };
        for paragraph in paragraphs {
            normalized
                .paragraph_starts
                .push(normalized.sentence_ends.len());
            for sentence in &paragraph.sentences {
                normalize_into(&paragraph.text[sentence.clone()], &mut normalized.text);
                normalized.sentence_ends.push(normalized.text.len());
            }
        }
        normalized
            .paragraph_starts
            .push(normalized.sentence_ends.len());
        normalized
    }

    /// Where sentence `index` of the document lies in `text`.
    fn sentence_range(&self, index: usize) -> Range<usize> {
        let start = index
            .checked_sub(1)
            .map_or(0, |previous| self.sentence_ends[previous]);
        start..self.sentence_ends[index]
    }

    /// The normalized text of paragraph `paragraph`.
    pub fn paragraph(&self, paragraph: usize) -> &str {
        let (first, end) = (
            self.paragraph_starts[paragraph],
            self.paragraph_starts[paragraph + 1],
        );
        if first == end {
            return "";
        }
        let (start, end) = (
            self.sentence_range(first).start,
            self.sentence_range(end - 1).end,
        );
        &self.text[start..end]
    }

    /// The normalized text of sentence `sentence` of paragraph `paragraph`.
    pub fn sentence(&self, paragraph: usize, sentence: usize) -> &str {
        &self.text[self.sentence_range(self.paragraph_starts[paragraph] + sentence)]
    }

    /// The normalized text of sentences `sentences` of paragraph `paragraph`, end to end.
    pub fn sentences(&self, paragraph: usize, sentences: Range<usize>) -> &str {
        let first = self.paragraph_starts[paragraph];
        if sentences.is_empty() {
            return "";
        }
        let start = self.sentence_range(first + sentences.start).start;
        let end = self.sentence_range(first + sentences.end - 1).end;
        &self.text[start..end]
    }
}

/// Accumulates a paragraph's text together with the map back to the source.
#[derive(Default)]
pub(crate) struct TextBuilder {
    pub(crate) text: String,
    segments: Vec<Segment>,
}

impl TextBuilder {
    /// Text copied byte for byte from the source at `source_start`.
    pub(crate) fn push(&mut self, fragment: &str, source_start: usize) {
        self.push_segment(fragment, source_start..source_start + fragment.len(), true);
    }

    /// Text that stands for the source range `source` without being its bytes.
    pub(crate) fn push_mapped(&mut self, fragment: &str, source: Range<usize>) {
        self.push_segment(fragment, source, false);
    }

    fn push_segment(&mut self, fragment: &str, source: Range<usize>, exact: bool) {
        if fragment.is_empty() {
            return;
        }
        // Source bytes that continue the segment before: one segment (a parser may hand
        // over text a character at a time).
        if exact
            && let Some(last) = self.segments.last_mut()
            && last.exact
            && last.source.end == source.start
        {
            last.source.end = source.end;
            self.text.push_str(fragment);
            return;
        }
        self.segments.push(Segment {
            text_start: self.text.len(),
            source,
            exact,
        });
        self.text.push_str(fragment);
    }

    /// A line break inside a paragraph: nothing between Chinese words, a space between
    /// Latin ones. The space maps to the line break itself.
    pub(crate) fn soft_break(&mut self, text: &str, at: usize) {
        let before = self.text.chars().next_back();
        let after = text[at..].trim_start_matches(is_space).chars().next();
        if let (Some(b), Some(a)) = (before, after)
            && !is_chinese(b)
            && !is_chinese(a)
            && !is_space(b)
        {
            let newline = at..(at + 1).min(text.len());
            self.push_mapped(" ", newline);
        }
    }

    pub(crate) fn finish(self, is_heading: bool) -> Paragraph {
        Paragraph::new(self.text, self.segments, is_heading)
    }

    pub(crate) fn flush_into(&mut self, out: &mut Vec<Paragraph>, is_heading: bool) {
        let builder = std::mem::take(self);
        let trimmed = builder.text.trim_matches(is_space);
        if trimmed.is_empty() {
            return;
        }
        if trimmed.len() == builder.text.len() {
            out.push(builder.finish(is_heading));
            return;
        }
        // Re-base on the trimmed text so the first byte of `text` is a word, not a space.
        let lead = builder.text.len() - builder.text.trim_start_matches(is_space).len();
        let mut rebased = TextBuilder::default();
        for (i, segment) in builder.segments.iter().enumerate() {
            let end = builder
                .segments
                .get(i + 1)
                .map_or(builder.text.len(), |s| s.text_start);
            let from = segment.text_start.max(lead);
            let to = end.min(lead + trimmed.len());
            if from < to {
                let source = if segment.exact {
                    let skip = from - segment.text_start;
                    let cut = end - to;
                    segment.source.start + skip..segment.source.end - cut
                } else {
                    segment.source.clone()
                };
                rebased.push_segment(&builder.text[from..to], source, segment.exact);
            }
        }
        out.push(rebased.finish(is_heading));
    }
}

/// Sentence ranges: a sentence ends after `。！？；!?` plus any closing quotes
/// or brackets that follow. `summary` is the text's.
fn split_sentences(text: &str, summary: &CharSummary) -> Vec<Range<usize>> {
    // Each kind of stop the summary does not rule out is found by a byte search: quicker
    // than reading every character of the text once more.
    let mut stops: Vec<(usize, char)> = Vec::new();
    for stop in ['。', '！', '？', '；', '!', '?'] {
        if summary.may_hold(stop) {
            for_each_position_of(text, stop, |at| stops.push((at, stop)));
        }
    }
    stops.sort_unstable_by_key(|&(at, _)| at);
    let mut sentences = Vec::new();
    let mut start = 0;
    for (at, stop) in stops {
        // A stop already taken as the closing mark of the one before (`？！`).
        if at < start {
            continue;
        }
        let mut end = at + stop.len_utf8();
        for next in text[end..].chars() {
            if !matches!(next, '”' | '’' | '」' | '』' | '）' | '》' | '！' | '？') {
                break;
            }
            end += next.len_utf8();
        }
        sentences.push(start..end);
        start = end;
    }
    if start < text.len() {
        sentences.push(start..text.len());
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &Document) -> Vec<&str> {
        doc.paragraphs.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn one_paragraph_per_line_with_indentation() {
        let text = "标题\n　　第一段。\n　　第二段。\n";
        let doc = Document::new(Source::new("a.txt", text.into()), Format::PlainText);
        assert_eq!(texts(&doc), ["标题", "第一段。", "第二段。"]);
        let p = &doc.paragraphs[1];
        assert_eq!(&doc.source.text[p.span()], "第一段。");
    }

    #[test]
    fn hard_wrapped_blocks_join_into_one_paragraph() {
        let text = "这是一个很长的段落，它被编辑器按固定\n宽度折行了，每一行的长度都差不多，\n最后一行短。\n\n另一段。\n";
        let doc = Document::new(Source::new("a.txt", text.into()), Format::PlainText);
        assert_eq!(
            texts(&doc),
            [
                "这是一个很长的段落，它被编辑器按固定宽度折行了，每一行的长度都差不多，最后一行短。",
                "另一段。"
            ]
        );
        let p = &doc.paragraphs[0];
        let at = p.text.find("宽度").unwrap();
        let mapped = p.source_offset(at);
        assert_eq!(&text[mapped..mapped + "宽度".len()], "宽度");
    }

    #[test]
    fn equal_lines_ending_sentences_stay_separate() {
        let text = "注重示范驱动，培育法治品牌。充分发挥示范引导作用。\n注重倒逼推动，形成责任闭环。积极发挥督察考核作用。\n";
        let doc = Document::new(Source::new("a.txt", text.into()), Format::PlainText);
        assert_eq!(doc.paragraphs.len(), 2);
    }

    #[test]
    fn lines_of_uneven_length_stay_separate() {
        let text = "第一章 总则\n第一条 为了规范政府信息公开工作，保障公民依法获取政府信息，制定本条例。\n";
        let doc = Document::new(Source::new("a.txt", text.into()), Format::PlainText);
        assert_eq!(doc.paragraphs.len(), 2);
    }

    #[test]
    fn word_text_is_one_paragraph_per_line_and_keeps_empty_paragraphs() {
        // Equal lines broken mid-sentence would be one hard-wrapped paragraph in plain text.
        let text = "报告\n\n　　这一行很长，它和下一行一样长，但在 Word 里是两个\n段落，各有编号，谁也不会和另一行合并。\n一、概述\n";
        let mut source = Source::new("a.docx", text.into());
        source.heading_lines = vec![2];
        let doc = Document::new(source, Format::Docx);
        assert_eq!(
            texts(&doc),
            [
                "报告",
                "这一行很长，它和下一行一样长，但在 Word 里是两个",
                "段落，各有编号，谁也不会和另一行合并。",
                "一、概述"
            ]
        );
        let lines: Vec<usize> = doc
            .paragraphs
            .iter()
            .map(|p| doc.source.position(p.span().start).line)
            .collect();
        assert_eq!(lines, [1, 3, 4, 5]);
        let headings: Vec<bool> = doc.paragraphs.iter().map(|p| p.is_heading).collect();
        // The title, the styled line 3, and a short line without a stop.
        assert_eq!(headings, [true, true, false, true]);
    }

    #[test]
    fn lines_of_one_word_paragraph_are_read_as_plain_text_lines() {
        // Paragraph 1: two lines a soft line break separates that look hard-wrapped; then
        // two Word paragraphs that would look so too, and a pasted page's lines, one Word
        // paragraph with an empty line in it.
        let text = "这一行很长，它和下一行一样长，在同一个\nWord 段落里，是换行符折成的两行。\n\
                    这一行很长，它和下一行一样长，但在 Word 里是两个\n\
                    段落，各有编号，谁也不会和另一行合并。\n\
                    首页 > 新闻中心\n\n责任编辑：张三\n【打印本页】【关闭窗口】\n";
        let mut source = Source::new("a.docx", text.into());
        source.continued_lines = vec![1, 5, 6, 7];
        let doc = Document::new(source, Format::Docx);
        assert_eq!(
            texts(&doc),
            [
                "这一行很长，它和下一行一样长，在同一个Word 段落里，是换行符折成的两行。",
                "这一行很长，它和下一行一样长，但在 Word 里是两个",
                "段落，各有编号，谁也不会和另一行合并。",
                "首页 > 新闻中心",
                "责任编辑：张三",
                "【打印本页】【关闭窗口】",
            ]
        );
    }

    #[test]
    fn markdown_skips_code_and_maps_inline_text() {
        let text = "# 标题\n\n正文`a,b`继续，见[链接](http://x.cn)。\n\n```\n代码,不查\n```\n\n- 列表项一\n- 列表项二\n";
        let doc = Document::new(Source::new("a.md", text.into()), Format::Markdown);
        assert_eq!(
            texts(&doc),
            ["标题", "正文\u{FFFC}继续，见链接。", "列表项一", "列表项二"]
        );
        let p = &doc.paragraphs[1];
        let at = p.text.find("链接").unwrap();
        let mapped = p.source_offset(at);
        assert_eq!(&text[mapped..mapped + "链接".len()], "链接");
    }

    #[test]
    fn the_summary_never_denies_a_character_the_text_holds() {
        let text: String = (0..0x3_0000)
            .step_by(7)
            .filter_map(char::from_u32)
            .chain("，。、“”（）《》.,;:!?-－—…·　 \u{A0}\u{FFFD}千年".chars())
            .collect();
        let p = Paragraph::new(text.clone(), vec![], false);
        for c in text.chars() {
            assert!(p.may_contain_any(&[c]), "U+{:04X}", u32::from(c));
        }
        let plain = Paragraph::new("各项工作稳步推进，成效明显。".into(), vec![], false);
        assert!(!plain.may_contain_any(&['.', '?', '年']));
    }

    #[test]
    fn sentences_end_after_closing_quotes() {
        let p = Paragraph::new("他说：“好。”然后走了。".into(), vec![], false);
        let parts: Vec<&str> = p.sentences.iter().map(|r| &p.text[r.clone()]).collect();
        assert_eq!(parts, ["他说：“好。”", "然后走了。"]);
    }
}
