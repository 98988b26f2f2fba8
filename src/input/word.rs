//! Word `.docx` files read as text: one Word paragraph per line of a synthetic text, and a
//! line more for each soft line break, so that the text is the document's text twin and a
//! finding's line the paragraph's number in a document without soft line breaks. A `.docx` is a zip archive
//! anyone can craft, so it is read with limits and every failure is an error, never a panic.

use crate::document::source::Source;
use crate::msg;
use crate::report::message::Message;

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use rustc_hash::FxHashMap;
use std::io::{BufRead, BufReader, Cursor, Read, Seek};
use std::path::Path;

/// The most bytes read from an XML part once decompressed (a 500-page report is ~20 MB).
pub const MAX_XML_BYTES: u64 = 256 << 20;
/// Decompressed bytes per compressed byte beyond which a part is taken for a zip bomb:
/// Word's XML compresses 3 to 30 times (its styles, the most repetitive part, about 30), a
/// bomb of repeated bytes about 1000 times, deflate's limit.
pub const MAX_RATIO: u64 = 200;
/// Parts smaller than this are read whatever their ratio: they are harmless.
const RATIO_FLOOR: u64 = 1 << 20;
/// Styles only decide which paragraphs are headings: a smaller budget is plenty.
const MAX_STYLES_BYTES: u64 = 16 << 20;

const DOCUMENT_PART: &str = "word/document.xml";
const STYLES_PART: &str = "word/styles.xml";
const NUMBERING_PART: &str = "word/numbering.xml";

/// WordprocessingML, transitional and strict.
const W: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
/// Office Math.
const M: [&str; 2] = [
    "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "http://purl.oclc.org/ooxml/officeDocument/math",
];
/// Markup compatibility (`mc:AlternateContent`).
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The start of an OLE compound file: what Word writes for a password-protected document
/// (the encrypted package inside) and for the old binary `.doc` format.
pub const COMPOUND_FILE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// A Word document's text and which of its paragraphs are headings.
#[derive(Debug, Default, PartialEq)]
pub struct Extracted {
    /// One Word paragraph per line, in document order (table cells included), and a line
    /// more for each soft line break inside a paragraph; an empty paragraph is an empty line.
    /// So the text is the document's text twin: what a plain text file of the document,
    /// with a newline for each paragraph mark and each Shift+Enter, would hold.
    pub text: String,
    /// 0-based lines whose Word style or outline level makes them headings, ascending.
    pub headings: Vec<usize>,
    /// The parts of the document that hold text and are not read (`footnotes`, `headers`…),
    /// for a note: what was not checked must be said.
    pub unread: Vec<&'static str>,
    /// All its text is a web page's (`Source::web_page`).
    pub web_page: bool,
    /// 0-based lines that a soft line break began: they continue the Word paragraph of the
    /// line before. Ascending; empty in a document without soft line breaks, whose line
    /// numbers are then its paragraph numbers.
    pub continued: Vec<usize>,
    /// Lines written.
    lines: usize,
}

impl Extracted {
    /// Writes one paragraph whose soft line breaks are `BREAK`s: each stretch between two
    /// breaks is a line, as in the text twin. Breaks before the first text or after the
    /// last separate nothing and are dropped, so that a paragraph that only holds a page
    /// break (how Word starts a new page) stays one empty line.
    pub(crate) fn push_paragraph(&mut self, text: &str, heading: bool) {
        for (i, line) in text.trim_matches(BREAK).split(BREAK).enumerate() {
            if heading {
                self.headings.push(self.lines);
            }
            if i > 0 {
                self.continued.push(self.lines);
            }
            self.text.push_str(line);
            self.text.push('\n');
            self.lines += 1;
        }
    }
}

/// The file's text as a `Source`: the synthetic text, in UTF-8, refused once it grows over
/// `max_text` bytes (see `extract`).
pub fn source(path: String, bytes: Vec<u8>, max_text: u64) -> Result<Source, Message> {
    let extracted = extract(bytes, max_text)?;
    let mut source = Source::new(path, extracted.text);
    source.heading_lines = extracted.headings;
    source.continued_lines = extracted.continued;
    source.web_page = extracted.web_page;
    Ok(source)
}

/// Word's owner file (`~$报告.docx`): a few bytes Word leaves beside a document while it is
/// open, which a directory walk skips.
pub fn is_lock_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with("~$"))
}

/// Reads a `.docx` file's bytes. Its text is refused once it passes `max_text` bytes
/// (`--max-file-size`, the bound on the text of any other file): Word compresses text 3 to 30
/// times, so a file within the limit could otherwise be linted as hundreds of MB of text.
/// The main part is parsed as it is inflated, never held whole, so that memory grows with
/// the text kept, not with the XML.
pub fn extract(bytes: Vec<u8>, max_text: u64) -> Result<Extracted, Message> {
    if bytes.starts_with(&COMPOUND_FILE) {
        return Err(msg!("input-docx-compound"));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| msg!("input-docx-zip-damaged", error = e.to_string()))?;
    // Word for the web names the main part `word/document2.xml`: the package's relationships
    // say which part it is; `word/document.xml` when they do not.
    let main = main_part(&mut archive).unwrap_or_else(|| DOCUMENT_PART.to_string());
    let missing = || msg!("input-docx-no-main-part", part = main.as_str());
    if archive.index_for_name(&main).is_none() {
        return Err(missing());
    }
    // Styles only refine headings: a document whose styles cannot be read is still linted.
    // They are read first: the main part is then read in a stream that holds the archive.
    let styles = match read_part(&mut archive, STYLES_PART, MAX_STYLES_BYTES) {
        Ok(Some(xml)) => Styles::parse(&xml).unwrap_or_default(),
        _ => Styles::default(),
    };
    let body = {
        let mut document = open_part(&mut archive, &main, MAX_XML_BYTES)?.ok_or_else(missing)?;
        match paragraphs_and_chunks(BufReader::new(&mut document), &styles, max_text) {
            Ok(body) => body,
            // The stream refused the part (too large, a bomb, damaged): that is the cause,
            // not the XML cut short where it stopped.
            Err(_) if document.refused.is_some() => {
                return Err(document.refused.take().unwrap_or_else(|| {
                    msg!("input-zip-part-damaged", part = main.as_str(), error = "")
                }));
            }
            Err(Failure::TooLong) => return Err(too_long(max_text)),
            Err(Failure::Malformed(e)) => {
                return Err(msg!(
                    "input-malformed-xml",
                    part = main.as_str(),
                    detail = e
                ));
            }
        }
    };
    let Body {
        mut paragraphs,
        alt_chunks,
        references,
    } = body;
    // List numbers (`一、`, `（一）`) are not in the text but are what a reader sees, and what
    // the numbering rules must see; a list whose numbering cannot be read keeps its text.
    if paragraphs.iter().any(|p| p.list.is_some())
        && let Ok(Some(xml)) = read_part(&mut archive, NUMBERING_PART, MAX_STYLES_BYTES)
        && let Ok(mut numbering) = Numbering::parse(&xml)
    {
        for paragraph in &mut paragraphs {
            if let Some((id, level)) = paragraph.list.take()
                && let Some(label) = numbering.label(&id, level)
            {
                paragraph.text.insert_str(0, &label);
            }
        }
    }
    let body_is_empty = paragraphs.iter().all(|p| p.text.trim().is_empty());
    let mut lines: Vec<(String, bool)> = paragraphs
        .into_iter()
        .map(|p| (p.text, p.heading))
        .collect();
    let mut unread = unread_parts(&mut archive, references);
    if !alt_chunks.is_empty() {
        // One budget for all the chunks: a small package can name one part that inflates
        // to the limit from a thousand chunks.
        let read = read_alt_chunks(&mut archive, &main, &alt_chunks, &mut lines, MAX_XML_BYTES);
        if read < alt_chunks.len() {
            if read == 0 && body_is_empty {
                return Err(msg!("input-docx-alt-chunks-only"));
            }
            unread.push("embedded documents (w:altChunk)");
        }
    }
    let mut extracted = Extracted {
        web_page: body_is_empty && !alt_chunks.is_empty(),
        unread,
        ..Extracted::default()
    };
    for (text, heading) in lines {
        extracted.push_paragraph(&text, heading);
    }
    Ok(extracted)
}

/// The refusal of a text over `--max-file-size`, whatever the format it was extracted from.
pub(crate) fn too_long(max_text: u64) -> Message {
    msg!(
        "input-text-too-long",
        limit = crate::input::read::megabytes(max_text)
    )
}

/// Puts the paragraphs of each `w:altChunk` the reader can read (a web page, a web
/// archive, plain text) among `lines` where the chunk stands, each paragraph a line as a
/// Word paragraph is, reading at most `budget` bytes of parts in all; returns how many
/// chunks were read. Another Word document or RTF in a
/// chunk is not read.
fn read_alt_chunks<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    main: &str,
    chunks: &[AltChunk],
    lines: &mut Vec<(String, bool)>,
    mut budget: u64,
) -> usize {
    let targets = relationship_targets(archive, main);
    let mut read = 0;
    // From the last, so that the places of the earlier chunks still hold.
    for chunk in chunks.iter().rev() {
        let Some(bytes) = targets
            .get(&chunk.id)
            .and_then(|name| read_part(archive, name, budget).ok().flatten())
        else {
            continue;
        };
        budget = budget.saturating_sub(bytes.len() as u64);
        let Some(chunk_lines) = chunk_paragraphs(&bytes) else {
            continue;
        };
        read += 1;
        let at = chunk.at.min(lines.len());
        lines.splice(at..at, chunk_lines);
    }
    read
}

/// The paragraphs of an embedded part, with whether each is a heading; `None` for a kind
/// not read.
fn chunk_paragraphs(bytes: &[u8]) -> Option<Vec<(String, bool)>> {
    if bytes.starts_with(b"PK") || bytes.starts_with(&COMPOUND_FILE) || bytes.starts_with(b"{\\rtf")
    {
        return None;
    }
    if crate::input::office::is_mht(bytes) {
        return crate::input::office::web_page(bytes).ok();
    }
    let (text, _) = crate::input::decode::decode_owned(bytes.to_vec(), None).ok()?;
    // A page or a fragment of one (`<p>…</p>`), read in the charset its `<meta>` declares.
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        return crate::input::office::web_page(bytes).ok();
    }
    // `text/plain`: a line is a paragraph.
    Some(text.lines().map(|line| (line.to_string(), false)).collect())
}

/// Relationship ids of a part (`word/_rels/document.xml.rels`) and the archive names of
/// their targets inside the package (external targets left out).
fn relationship_targets<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    part: &str,
) -> FxHashMap<String, String> {
    let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
    let rels_name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let mut targets = FxHashMap::default();
    let Ok(Some(rels)) = read_part(archive, &rels_name, 16 << 20) else {
        return targets;
    };
    let mut reader = NsReader::from_reader(rels.as_slice());
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                if attribute(&e, "TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("External")) {
                    continue;
                }
                if let (Some(id), Some(target)) = (attribute(&e, "Id"), attribute(&e, "Target")) {
                    targets.insert(id, resolve_target(dir, &target));
                }
            }
            Ok(Event::Eof) | Err(_) => return targets,
            _ => {}
        }
    }
}

/// A relationship target as an archive name: absolute (`/word/afchunk.mht`) or relative to
/// the part's folder (`afchunk.mht`, `../media/a.htm`).
fn resolve_target(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|p| !p.is_empty()).collect()
    };
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            piece => parts.push(piece),
        }
    }
    parts.join("/")
}

/// The parts with text the reader leaves out: notes and comments the body refers to, and
/// headers and footers that hold any text.
fn unread_parts<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    mut unread: Vec<&'static str>,
) -> Vec<&'static str> {
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|name| name.ok().map(|n| n.into_owned()))
        .collect();
    for (prefix, part) in [("word/header", "headers"), ("word/footer", "footers")] {
        let has_text = names
            .iter()
            .filter(|name| name.starts_with(prefix) && name.ends_with(".xml"))
            .any(|name| {
                read_part(archive, name, MAX_STYLES_BYTES)
                    .ok()
                    .flatten()
                    .is_some_and(|xml| has_run_text(&xml))
            });
        if has_text {
            unread.push(part);
        }
    }
    unread
}

/// Whether WordprocessingML holds a `w:t` with something other than white space.
fn has_run_text(xml: &[u8]) -> bool {
    let mut reader = NsReader::from_reader(xml);
    let mut in_text = false;
    loop {
        match reader.read_resolved_event() {
            Ok((ns, Event::Start(e))) => {
                in_text = Namespace::of(&ns) == Namespace::W && e.local_name().as_ref() == "t";
            }
            Ok((_, Event::End(_))) => in_text = false,
            Ok((_, Event::Text(text))) if in_text && !text.xml10_content().trim().is_empty() => {
                return true;
            }
            Ok((_, Event::Eof)) | Err(_) => return false,
            _ => {}
        }
    }
}

/// The main document part named by the package relationships (`_rels/.rels`), if any.
fn main_part<R: Read + Seek>(archive: &mut zip::ZipArchive<R>) -> Option<String> {
    let rels = read_part(archive, "_rels/.rels", 1 << 20).ok()??;
    let mut reader = NsReader::from_reader(rels.as_slice());
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let is_main = attribute(&e, "Type")
                    .is_some_and(|t| t.ends_with("/officeDocument") && !t.contains("/metadata/"));
                if let Some(target) = attribute(&e, "Target").filter(|_| is_main) {
                    let target = target.trim_start_matches('/').to_string();
                    return archive.index_for_name(&target).map(|_| target);
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// A part of the archive, decompressed within `limit` bytes and `MAX_RATIO`; `None` when the
/// archive has no such part.
pub(crate) fn read_part<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, Message> {
    let Some(mut part) = open_part(archive, name, limit)? else {
        return Ok(None);
    };
    let mut bytes = Vec::with_capacity(part.declared.min(RATIO_FLOOR) as usize);
    match part.read_to_end(&mut bytes) {
        Ok(_) => Ok(Some(bytes)),
        Err(e) => Err(part.refused.take().unwrap_or_else(|| damaged(name, &e))),
    }
}

/// A part of the archive as a stream that is decompressed within `limit` bytes and
/// `MAX_RATIO`; `None` when the archive has no such part. The sizes an archive declares can
/// lie, so the limits are checked again while reading.
pub(crate) fn open_part<'a, R: Read + Seek>(
    archive: &'a mut zip::ZipArchive<R>,
    name: &str,
    limit: u64,
) -> Result<Option<Inflating<impl Read + 'a>>, Message> {
    let Some(index) = archive.index_for_name(name) else {
        return Ok(None);
    };
    let entry = archive.by_index(index).map_err(|e| match e {
        zip::result::ZipError::UnsupportedArchive(zip::result::ZipError::PASSWORD_REQUIRED)
        | zip::result::ZipError::InvalidPassword => msg!("input-encrypted"),
        zip::result::ZipError::CompressionMethodNotSupported(method) => {
            msg!("input-zip-method", part = name, method = u32::from(method))
        }
        e => msg!("input-zip-damaged", error = e.to_string()),
    })?;
    let part = Inflating {
        name: name.to_string(),
        limit,
        compressed: entry.compressed_size(),
        declared: entry.size(),
        read: 0,
        refused: None,
        inner: entry,
    };
    if let Some(refusal) = part.check(part.declared) {
        return Err(refusal);
    }
    Ok(Some(part))
}

fn damaged(name: &str, e: &std::io::Error) -> Message {
    msg!("input-zip-part-damaged", part = name, error = e.to_string())
}

/// A part being decompressed, refused (the reason kept in `refused`) as soon as it passes
/// its size limit or `MAX_RATIO`.
pub(crate) struct Inflating<R> {
    inner: R,
    name: String,
    limit: u64,
    compressed: u64,
    /// The size the archive declares.
    declared: u64,
    read: u64,
    pub(crate) refused: Option<Message>,
}

impl<R> Inflating<R> {
    /// Why `size` decompressed bytes are too many, if they are.
    fn check(&self, size: u64) -> Option<Message> {
        if size > self.limit {
            Some(msg!(
                "input-zip-bomb-size",
                part = self.name.as_str(),
                limit = self.limit >> 20
            ))
        } else if size > RATIO_FLOOR && size / self.compressed.max(1) >= MAX_RATIO {
            Some(msg!(
                "input-zip-bomb-ratio",
                part = self.name.as_str(),
                ratio = MAX_RATIO
            ))
        } else {
            None
        }
    }
}

impl<R: Read> Read for Inflating<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if let Some(refused) = &self.refused {
            return Err(std::io::Error::other(refused.english()));
        }
        let read = match self.inner.read(buf) {
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => return Err(e),
            Err(e) => {
                self.refused = Some(damaged(&self.name, &e));
                return Err(e);
            }
        };
        self.read += read as u64;
        if let Some(refusal) = self.check(self.read) {
            self.refused = Some(refusal.clone());
            return Err(std::io::Error::other(refusal.english()));
        }
        Ok(read)
    }
}

/// Why the reading of a main part stopped.
#[derive(Debug)]
pub(crate) enum Failure {
    Malformed(String),
    /// The text passed its limit.
    TooLong,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Malformed(e) => f.write_str(e),
            Failure::TooLong => f.write_str("the text is over its limit"),
        }
    }
}

/// What the main part holds: its paragraphs, how many `w:altChunk` (embedded HTML or
/// another document, not read) its body holds, and the parts with text it refers to
/// (`footnotes`, `endnotes`, `comments`), which are not read.
struct Body {
    paragraphs: Vec<WordParagraph>,
    alt_chunks: Vec<AltChunk>,
    references: Vec<&'static str>,
}

/// One Word paragraph.
#[derive(Debug, Default)]
struct WordParagraph {
    text: String,
    heading: bool,
    /// Its paragraph style hides its text, unless a run's own properties show it.
    style_hidden: bool,
    /// Its list (`w:numId`) and level (`w:ilvl`), when Word numbers it.
    list: Option<(String, u8)>,
    /// Its paragraph mark is a tracked deletion: its text runs on into the next paragraph.
    mark_deleted: bool,
}

/// The elements whose nesting matters for reading text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Elem {
    Paragraph,
    ParagraphProperties,
    Run,
    RunProperties,
    Text,
    Other,
}

/// A soft line break (`w:br`, `w:cr`) in a paragraph's text (see `Extracted::push_paragraph`).
pub(crate) const BREAK: char = '\n';

/// The paragraphs of `word/document.xml`, in document order. What is read: the text of
/// `w:t` in runs, `w:tab` as a tab, `w:br`/`w:cr` as a soft line break, tracked insertions;
/// what is skipped: tracked deletions and moves away, field instructions (`w:instrText`,
/// and everything between a field's `begin` and `separate`), hidden text (`w:vanish`), the
/// fallback copy of alternate content, and equations (one `U+FFFC` each, as inline code in
/// Markdown). Text boxes are paragraphs of their own, before the paragraph they sit in.
#[cfg(test)]
fn paragraphs(xml: &[u8], styles: &Styles) -> Result<Vec<WordParagraph>, String> {
    paragraphs_and_chunks(xml, styles, u64::MAX)
        .map(|body| body.paragraphs)
        .map_err(|e| e.to_string())
}

/// `paragraphs`, with what else the body says (`Body`), read from a stream. More than
/// `max_text` bytes of text (counted as the synthetic text counts them, a line end per
/// paragraph) stop the reading.
fn paragraphs_and_chunks(
    xml: impl BufRead,
    styles: &Styles,
    max_text: u64,
) -> Result<Body, Failure> {
    let mut alt_chunks = Vec::new();
    let mut references: Vec<&'static str> = Vec::new();
    let mut reader = NsReader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out: Vec<WordParagraph> = Vec::new();
    // Open paragraphs: more than one only inside a text box.
    let mut open: Vec<WordParagraph> = Vec::new();
    // The text of a paragraph whose mark was deleted, waiting for the next paragraph.
    let mut carry: Option<String> = None;
    let mut stack: Vec<Elem> = Vec::new();
    // Depth inside an element whose content is skipped (0: not skipping).
    let mut skipping = 0usize;
    // Open fields: `true` while in the field's instruction (before `separate`).
    let mut fields: Vec<bool> = Vec::new();
    let mut run_hidden = false;
    let mut depth = 0usize;
    let mut seen_body = false;
    // Bytes of text in the paragraphs finished so far (`out[..counted]`).
    let mut finished = 0u64;
    let mut counted = 0;
    loop {
        // Checked before each event: every way text grows is then counted, one event late.
        for paragraph in &out[counted..] {
            finished += paragraph.text.len() as u64 + 1;
        }
        counted = out.len();
        let pending: usize = open.iter().map(|p| p.text.len()).sum::<usize>()
            + carry.as_ref().map_or(0, String::len);
        if finished + pending as u64 > max_text {
            return Err(Failure::TooLong);
        }
        buf.clear();
        let (namespace, event) = match reader.read_resolved_event_into(&mut buf) {
            Ok(read) => read,
            Err(e) => {
                return Err(Failure::Malformed(format!(
                    "at byte {}: {e}",
                    reader.error_position()
                )));
            }
        };
        let ns = Namespace::of(&namespace);
        // The parts the body refers to, deleted references too (as a search of the XML
        // would find them).
        if let Event::Start(element) | Event::Empty(element) = &event
            && ns == Namespace::W
        {
            let part = match element.local_name().as_ref() {
                "footnoteReference" => Some("footnotes"),
                "endnoteReference" => Some("endnotes"),
                "commentReference" => Some("comments"),
                _ => None,
            };
            if let Some(part) = part.filter(|p| !references.contains(p)) {
                references.push(part);
            }
        }
        // Character data counts only inside a `w:t` that is shown and not an instruction.
        let reads_text = skipping == 0
            && stack.last() == Some(&Elem::Text)
            && !run_hidden
            && !in_instruction(&fields);
        match event {
            Event::Start(element) => {
                depth += 1;
                if skipping > 0 {
                    skipping += 1;
                    continue;
                }
                let local = element.local_name();
                let name = local.as_ref();
                let elem = start(
                    ns,
                    name,
                    &element,
                    &stack,
                    styles,
                    &mut open,
                    &mut carry,
                    &mut out,
                    &mut fields,
                    &mut run_hidden,
                );
                match elem {
                    Some(elem) => stack.push(elem),
                    None => skipping = 1,
                }
                if ns == Namespace::W && name == "body" {
                    seen_body = true;
                }
                if ns == Namespace::W && name == "altChunk" {
                    alt_chunks.push(AltChunk::at(&element, out.len()));
                }
            }
            Event::Empty(element) => {
                if skipping > 0 {
                    continue;
                }
                let local = element.local_name();
                let name = local.as_ref();
                if ns == Namespace::W && name == "altChunk" {
                    alt_chunks.push(AltChunk::at(&element, out.len()));
                }
                if start(
                    ns,
                    name,
                    &element,
                    &stack,
                    styles,
                    &mut open,
                    &mut carry,
                    &mut out,
                    &mut fields,
                    &mut run_hidden,
                ) == Some(Elem::Paragraph)
                {
                    // `<w:p/>`: an empty paragraph, still a paragraph.
                    finish_paragraph(&mut open, &mut carry, &mut out);
                }
            }
            Event::End(element) => {
                depth = depth.saturating_sub(1);
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                let elem = stack.pop();
                let local = element.local_name();
                let name = local.as_ref();
                match elem {
                    Some(Elem::Paragraph) => finish_paragraph(&mut open, &mut carry, &mut out),
                    Some(Elem::Run) => run_hidden = false,
                    _ => {}
                }
                // A deleted paragraph mark does not join paragraphs across a cell or a text
                // box: what is left of it stays a paragraph of its own.
                if ns == Namespace::W
                    && matches!(name, "tc" | "txbxContent" | "body")
                    && let Some(text) = carry.take()
                {
                    out.push(WordParagraph {
                        text,
                        ..Default::default()
                    });
                }
            }
            Event::Text(text) if reads_text => push_text(&mut open, &text.xml10_content()),
            Event::CData(data) if reads_text => push_text(&mut open, &data.xml10_content()),
            Event::GeneralRef(reference) if reads_text => {
                // Word declares no entities of its own; an unknown one is left out.
                if let Some(resolved) = resolve_reference(&reference, reader.error_position())? {
                    push_text(&mut open, &resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth > 0 {
        return Err(Failure::Malformed(
            "the XML ends before its elements are closed: a truncated file?".into(),
        ));
    }
    if !seen_body {
        return Err(Failure::Malformed(
            "no w:body element: not the main part of a Word document".into(),
        ));
    }
    if let Some(text) = carry.take() {
        out.push(WordParagraph {
            text,
            ..Default::default()
        });
    }
    Ok(Body {
        paragraphs: out,
        alt_chunks,
        references,
    })
}

/// A `w:altChunk`: a part of the package (HTML, a web archive, plain text, another Word
/// document) that Word imports where the element stands.
#[derive(Debug)]
struct AltChunk {
    /// The relationship (`r:id`) naming the part.
    id: String,
    /// How many paragraphs of the body come before it.
    at: usize,
}

impl AltChunk {
    fn at(element: &BytesStart, at: usize) -> AltChunk {
        AltChunk {
            id: attribute(element, "id").unwrap_or_default(),
            at,
        }
    }
}

/// The text of a character reference (`&#12290;`) or of one of XML's own entities
/// (`&amp;`); `None` for any other entity, which neither Word nor OpenDocument declares.
pub(crate) fn resolve_reference(
    reference: &quick_xml::events::BytesRef,
    position: u64,
) -> Result<Option<String>, Failure> {
    match reference.resolve_char_ref() {
        Ok(Some(c)) => Ok(Some(c.to_string())),
        Ok(None) => {
            let name = reference.xml10_content();
            Ok(quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string))
        }
        Err(e) => Err(Failure::Malformed(format!("at byte {position}: {e}"))),
    }
}

/// What an opening (or empty) element does; returns how it nests, or `None` when its
/// content is to be skipped.
#[allow(clippy::too_many_arguments)]
fn start(
    ns: Namespace,
    name: &str,
    element: &BytesStart,
    stack: &[Elem],
    styles: &Styles,
    open: &mut Vec<WordParagraph>,
    carry: &mut Option<String>,
    out: &mut Vec<WordParagraph>,
    fields: &mut Vec<bool>,
    run_hidden: &mut bool,
) -> Option<Elem> {
    let parent = stack.last().copied();
    let grandparent = stack.len().checked_sub(2).map(|i| stack[i]);
    match ns {
        Namespace::W => {}
        Namespace::Math if matches!(name, "oMath" | "oMathPara") => {
            push_text(open, &crate::document::CODE_PLACEHOLDER.to_string());
            return None;
        }
        // The fallback repeats the content of the choice (text boxes twice).
        Namespace::Compatibility if name == "Fallback" => return None,
        _ => return Some(Elem::Other),
    }
    let in_run = parent == Some(Elem::Run);
    let in_paragraph_mark =
        parent == Some(Elem::RunProperties) && grandparent == Some(Elem::ParagraphProperties);
    match name {
        "p" => {
            let mut paragraph = WordParagraph::default();
            if let Some(text) = carry.take() {
                paragraph.text = text;
            }
            open.push(paragraph);
            return Some(Elem::Paragraph);
        }
        "pPr" if parent == Some(Elem::Paragraph) => return Some(Elem::ParagraphProperties),
        "r" => {
            // Hidden by the paragraph's style until the run's own properties say otherwise.
            *run_hidden = open.last().is_some_and(|p| p.style_hidden);
            return Some(Elem::Run);
        }
        "rPr" => return Some(Elem::RunProperties),
        "t" if in_run => return Some(Elem::Text),
        "del" | "moveFrom" if in_paragraph_mark => {
            if let Some(paragraph) = open.last_mut() {
                paragraph.mark_deleted = true;
            }
        }
        // Tracked deletions and text moved away; old properties of tracked formatting.
        "del" | "moveFrom" | "pPrChange" | "rPrChange" | "sectPrChange" => return None,
        // Only `w:t` is read; these hold deleted text and field instructions.
        "delText" | "instrText" | "delInstrText" => return None,
        // A ruby's guide (the pinyin over `政务`) is no part of the sentence: only its base
        // (`w:rubyBase`) is read.
        "rt" => return None,
        "vanish" if parent == Some(Elem::RunProperties) && grandparent == Some(Elem::Run) => {
            *run_hidden = !is_off(attribute(element, "val").as_deref());
        }
        "pStyle" if parent == Some(Elem::ParagraphProperties) => {
            if let (Some(id), Some(paragraph)) = (attribute(element, "val"), open.last_mut()) {
                paragraph.heading |= styles.is_heading(&id);
                paragraph.style_hidden = styles.is_hidden(&id);
            }
        }
        "numId" if grandparent == Some(Elem::ParagraphProperties) => {
            if let (Some(id), Some(paragraph)) = (attribute(element, "val"), open.last_mut()) {
                let level = paragraph.list.as_ref().map_or(0, |(_, level)| *level);
                // Number 0 takes away the numbering a style gave.
                paragraph.list = (id != "0").then_some((id, level));
            }
        }
        "ilvl" if grandparent == Some(Elem::ParagraphProperties) => {
            let level = attribute(element, "val")
                .and_then(|v| v.trim().parse::<u8>().ok())
                .unwrap_or(0)
                .min(8);
            if let Some(paragraph) = open.last_mut() {
                match paragraph.list.as_mut() {
                    Some((_, at)) => *at = level,
                    None => paragraph.list = Some((String::new(), level)),
                }
            }
        }
        // A character style comes before `w:vanish` in a run's properties, which overrides it.
        "rStyle" if parent == Some(Elem::RunProperties) && grandparent == Some(Elem::Run) => {
            if let Some(id) = attribute(element, "val")
                && let Some(hidden) = styles.hidden_setting(&id)
            {
                *run_hidden = hidden;
            }
        }
        "outlineLvl" if parent == Some(Elem::ParagraphProperties) => {
            if let (Some(level), Some(paragraph)) = (attribute(element, "val"), open.last_mut()) {
                paragraph.heading |= is_outline_level(&level);
            }
        }
        "fldChar" => match attribute(element, "fldCharType").as_deref() {
            Some("begin") => fields.push(true),
            Some("separate") => {
                if let Some(last) = fields.last_mut() {
                    *last = false;
                }
            }
            Some("end") => {
                fields.pop();
            }
            _ => {}
        },
        "tab" | "ptab" if in_run && !*run_hidden && !in_instruction(fields) => {
            push_text(open, "\t")
        }
        "br" | "cr" if in_run && !*run_hidden && !in_instruction(fields) => {
            if let Some(paragraph) = open.last_mut() {
                paragraph.text.push(BREAK);
            }
        }
        "noBreakHyphen" if in_run && !*run_hidden && !in_instruction(fields) => {
            push_text(open, "-")
        }
        "txbxContent" => {
            // A deleted mark before a text box does not join into the box.
            if let Some(text) = carry.take() {
                out.push(WordParagraph {
                    text,
                    ..Default::default()
                });
            }
        }
        _ => {}
    }
    Some(Elem::Other)
}

fn finish_paragraph(
    open: &mut Vec<WordParagraph>,
    carry: &mut Option<String>,
    out: &mut Vec<WordParagraph>,
) {
    let Some(paragraph) = open.pop() else {
        return;
    };
    if paragraph.mark_deleted {
        *carry = Some(paragraph.text);
    } else {
        out.push(paragraph);
    }
}

fn in_instruction(fields: &[bool]) -> bool {
    fields.iter().any(|&instruction| instruction)
}

/// Appends run text to the innermost open paragraph. A line end inside `w:t` is XML
/// whitespace, and a paragraph must stay on one line.
fn push_text(open: &mut [WordParagraph], text: &str) {
    if let Some(paragraph) = open.last_mut() {
        paragraph.text.extend(
            text.chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
        );
    }
}

/// `w:val="0"`, `false`, `off`: a toggle property switched off; absent means on.
fn is_off(value: Option<&str>) -> bool {
    matches!(value, Some("0" | "false" | "off"))
}

/// Outline levels 0–8 are heading levels; 9 is body text.
fn is_outline_level(value: &str) -> bool {
    value.trim().parse::<u8>().is_ok_and(|level| level < 9)
}

/// An attribute's value by local name (`w:val` → `val`), unescaped.
fn attribute(element: &BytesStart, local: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The namespaces whose elements are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Namespace {
    W,
    Math,
    Compatibility,
    Other,
}

impl Namespace {
    fn of(resolved: &ResolveResult) -> Namespace {
        match resolved {
            ResolveResult::Bound(ns) if W.contains(&ns.as_ref()) => Namespace::W,
            ResolveResult::Bound(ns) if M.contains(&ns.as_ref()) => Namespace::Math,
            ResolveResult::Bound(ns) if ns.as_ref() == MC => Namespace::Compatibility,
            _ => Namespace::Other,
        }
    }
}

/// Paragraph styles, for telling headings: Word names its heading styles `heading 1`…
/// `heading 9`, `Title` and `Subtitle` whatever the interface language (Chinese Word shows
/// them as `标题 1`…, and gives them ids like `1`, `2`), and custom ones are often called
/// `…标题`; a style with an outline level is a heading too.
#[derive(Debug, Default)]
struct Styles {
    by_id: FxHashMap<String, Style>,
}

#[derive(Debug, Default)]
struct Style {
    name: Option<String>,
    based_on: Option<String>,
    outline: bool,
    /// A paragraph style (not a character, table or list style): only those are headings.
    paragraph: bool,
    /// The style's own `w:vanish`, when it sets one: its text is hidden (or shown again).
    hidden: Option<bool>,
}

impl Styles {
    fn parse(xml: &[u8]) -> Result<Styles, quick_xml::Error> {
        let mut reader = NsReader::from_reader(xml);
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        loop {
            let (namespace, event) = reader.read_resolved_event()?;
            let is_w = Namespace::of(&namespace) == Namespace::W;
            match event {
                Event::Start(e) | Event::Empty(e) if is_w => {
                    let local = e.local_name();
                    match local.as_ref() {
                        "style" => {
                            let paragraph = attribute(&e, "type").is_none_or(|t| t == "paragraph");
                            let style = Style {
                                paragraph,
                                ..Style::default()
                            };
                            current = attribute(&e, "styleId").map(|id| (id, style));
                        }
                        "name" => {
                            if let Some((_, style)) = current.as_mut() {
                                style.name = attribute(&e, "val");
                            }
                        }
                        "basedOn" => {
                            if let Some((_, style)) = current.as_mut() {
                                style.based_on = attribute(&e, "val");
                            }
                        }
                        "vanish" => {
                            if let Some((_, style)) = current.as_mut() {
                                style.hidden = Some(!is_off(attribute(&e, "val").as_deref()));
                            }
                        }
                        "outlineLvl" => {
                            if let Some((_, style)) = current.as_mut() {
                                style.outline |=
                                    attribute(&e, "val").is_some_and(|v| is_outline_level(&v));
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) if is_w && e.local_name().as_ref() == "style" => {
                    if let Some((id, style)) = current.take() {
                        styles.by_id.insert(id, style);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(styles)
    }

    /// Whether a paragraph of style `id` is a heading, following `basedOn` a few steps.
    fn is_heading(&self, id: &str) -> bool {
        let mut id = id;
        for _ in 0..10 {
            let Some(style) = self.by_id.get(id) else {
                // No styles part, or an undefined style: the id is all there is.
                return is_heading_name(id);
            };
            if !style.paragraph {
                return false;
            }
            if style.outline || style.name.as_deref().is_some_and(is_heading_name) {
                return true;
            }
            match style.based_on.as_deref() {
                Some(parent) => id = parent,
                None => return false,
            }
        }
        false
    }
}

impl Styles {
    /// Whether style `id` hides its text.
    fn is_hidden(&self, id: &str) -> bool {
        self.hidden_setting(id).unwrap_or(false)
    }

    /// What style `id`, or the nearest style it is based on that says, sets `w:vanish` to.
    fn hidden_setting(&self, id: &str) -> Option<bool> {
        let mut id = id;
        for _ in 0..10 {
            let style = self.by_id.get(id)?;
            if style.hidden.is_some() {
                return style.hidden;
            }
            id = style.based_on.as_deref()?;
        }
        None
    }
}

/// Word's list numbering (`word/numbering.xml`): each list (`w:num`) takes its levels from an
/// abstract list, whose counters it shares with the other lists of that abstract list.
#[derive(Debug, Default)]
struct Numbering {
    abstract_of: FxHashMap<String, String>,
    levels: FxHashMap<(String, u8), Level>,
    counters: FxHashMap<String, [u32; 9]>,
}

#[derive(Debug, Default, Clone)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// What follows the number: `tab` (Word's default), `space` or `nothing`.
    suffix: String,
}

impl Numbering {
    fn parse(xml: &[u8]) -> Result<Numbering, quick_xml::Error> {
        let mut reader = NsReader::from_reader(xml);
        let mut numbering = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(u8, Level)> = None;
        let mut num_id: Option<String> = None;
        loop {
            let (namespace, event) = reader.read_resolved_event()?;
            let is_w = Namespace::of(&namespace) == Namespace::W;
            match event {
                Event::Start(e) | Event::Empty(e) if is_w => {
                    let val = || attribute(&e, "val");
                    match e.local_name().as_ref() {
                        "abstractNum" => abstract_id = attribute(&e, "abstractNumId"),
                        "lvl" if abstract_id.is_some() => {
                            let ilvl = attribute(&e, "ilvl").and_then(|v| v.trim().parse().ok());
                            level = ilvl.filter(|&l: &u8| l < 9).map(|l| {
                                (
                                    l,
                                    Level {
                                        start: 1,
                                        suffix: "tab".into(),
                                        ..Level::default()
                                    },
                                )
                            });
                        }
                        "start" => {
                            if let (Some((_, lvl)), Some(v)) = (level.as_mut(), val()) {
                                lvl.start = v.trim().parse().unwrap_or(1);
                            }
                        }
                        "numFmt" => {
                            if let (Some((_, lvl)), Some(v)) = (level.as_mut(), val()) {
                                lvl.format = v;
                            }
                        }
                        "lvlText" => {
                            if let (Some((_, lvl)), Some(v)) = (level.as_mut(), val()) {
                                lvl.text = v;
                            }
                        }
                        "suff" => {
                            if let (Some((_, lvl)), Some(v)) = (level.as_mut(), val()) {
                                lvl.suffix = v;
                            }
                        }
                        "num" => num_id = attribute(&e, "numId"),
                        "abstractNumId" => {
                            if let (Some(num), Some(v)) = (num_id.clone(), val()) {
                                numbering.abstract_of.insert(num, v);
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) if is_w => match e.local_name().as_ref() {
                    "lvl" => {
                        if let (Some(id), Some((l, lvl))) = (abstract_id.clone(), level.take()) {
                            numbering.levels.insert((id, l), lvl);
                        }
                    }
                    "abstractNum" => abstract_id = None,
                    "num" => num_id = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(numbering)
    }

    /// The label of the next paragraph of list `id` at `level` (`一、`, `（二）`, `1.`), with
    /// the counters moved on; `None` for bullets and unknown lists.
    fn label(&mut self, id: &str, level: u8) -> Option<String> {
        let abstract_id = self.abstract_of.get(id)?.clone();
        let this = self.levels.get(&(abstract_id.clone(), level))?.clone();
        if this.format == "bullet" || this.format == "none" {
            return None;
        }
        let counters = self.counters.entry(abstract_id.clone()).or_insert([0; 9]);
        let at = level as usize;
        counters[at] = if counters[at] == 0 {
            this.start
        } else {
            counters[at].saturating_add(1)
        };
        for deeper in counters.iter_mut().skip(at + 1) {
            *deeper = 0;
        }
        let counters = *counters;
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(n @ 1..=9)) => {
                    chars.next();
                    let of = (n - 1) as u8;
                    let format = self
                        .levels
                        .get(&(abstract_id.clone(), of))
                        .map_or("decimal", |l| l.format.as_str());
                    let value = match counters[of as usize] {
                        0 => self
                            .levels
                            .get(&(abstract_id.clone(), of))
                            .map_or(1, |l| l.start),
                        value => value,
                    };
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(c),
            }
        }
        // Word sets the number off by a tab or a space, which typed text does not have after
        // `一、` or `（一）`; after a number ending in a word (`第一章`), a full-width space.
        if this.suffix != "nothing"
            && label
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
        {
            label.push('\u{3000}');
        }
        Some(label)
    }
}

/// A list number in one of Word's formats; the ones Chinese documents use are written out,
/// others fall back to Arabic digits.
fn format_number(n: u32, format: &str) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "chineseLegalSimplified"
            if n < 100 =>
        {
            let (tens, units) = ((n / 10) as usize, (n % 10) as usize);
            let mut out = String::new();
            match tens {
                0 => {}
                1 => out.push('十'),
                t => {
                    out.push(DIGITS[t]);
                    out.push('十');
                }
            }
            if units > 0 || tens == 0 {
                out.push(DIGITS[units]);
            }
            out
        }
        "ideographTraditional" if (1..=10).contains(&n) => STEMS[n as usize - 1].to_string(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x245F + n).map_or_else(|| n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|d| char::from_u32(d as u32 - '0' as u32 + 0xFF10).unwrap_or(d))
            .collect(),
        "decimalZero" => format!("{n:02}"),
        "upperLetter" | "lowerLetter" if n > 0 => {
            let letter = char::from(b'A' + ((n - 1) % 26) as u8);
            let letter = if format == "lowerLetter" {
                letter.to_ascii_lowercase()
            } else {
                letter
            };
            std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
        }
        "upperRoman" | "lowerRoman" if (1..4000).contains(&n) => {
            let mut n = n;
            let mut out = String::new();
            for (value, numeral) in [
                (1000, "M"),
                (900, "CM"),
                (500, "D"),
                (400, "CD"),
                (100, "C"),
                (90, "XC"),
                (50, "L"),
                (40, "XL"),
                (10, "X"),
                (9, "IX"),
                (5, "V"),
                (4, "IV"),
                (1, "I"),
            ] {
                while n >= value {
                    out.push_str(numeral);
                    n -= value;
                }
            }
            if format == "lowerRoman" {
                out.to_ascii_lowercase()
            } else {
                out
            }
        }
        _ => n.to_string(),
    }
}

fn is_heading_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.starts_with("heading") || lower == "title" || lower == "subtitle" || name.contains("标题")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<w:body>{inner}<w:sectPr/></w:body></w:document>"#
        )
    }

    fn texts(inner: &str, styles: &Styles) -> Vec<(String, bool)> {
        paragraphs(body(inner).as_bytes(), styles)
            .expect("well-formed")
            .into_iter()
            .map(|p| (p.text, p.heading))
            .collect()
    }

    fn plain(inner: &str) -> Vec<String> {
        texts(inner, &Styles::default())
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn runs_join_per_paragraph_and_empty_paragraphs_count() {
        let xml = r#"<w:p><w:r><w:t>近年来</w:t></w:r><w:r><w:t xml:space="preserve">,全区 </w:t></w:r><w:r><w:t>A&amp;B&#x3002;</w:t></w:r></w:p>
<w:p/><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr></w:p>
<w:p><w:r><w:t>附件：</w:t><w:tab/><w:t>方案</w:t></w:r></w:p>"#;
        assert_eq!(plain(xml), ["近年来,全区 A&B。", "", "", "附件：\t方案"]);
    }

    #[test]
    fn tracked_deletions_are_skipped_and_insertions_kept() {
        let xml = r#"<w:p><w:r><w:t>获评</w:t></w:r>
<w:del w:id="1" w:author="a"><w:r><w:delText>大奖.</w:delText></w:r></w:del>
<w:ins w:id="2" w:author="a"><w:r><w:t>优秀等次.</w:t></w:r></w:ins>
<w:moveFrom w:id="3"><w:r><w:t>挪走的</w:t></w:r></w:moveFrom></w:p>"#;
        assert_eq!(plain(xml), ["获评优秀等次."]);
    }

    #[test]
    fn a_deleted_paragraph_mark_joins_the_next_paragraph() {
        let xml = r#"<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr><w:r><w:t>第一段</w:t></w:r></w:p>
<w:p><w:r><w:t>接着写。</w:t></w:r></w:p>
<w:p><w:pPr><w:rPr><w:del w:id="2"/></w:rPr></w:pPr><w:del w:id="3"><w:r><w:delText>整段删除。</w:delText></w:r></w:del></w:p>
<w:p><w:r><w:t>下一段。</w:t></w:r></w:p>"#;
        assert_eq!(plain(xml), ["第一段接着写。", "下一段。"]);
    }

    #[test]
    fn field_instructions_are_skipped_and_results_kept() {
        let xml = r#"<w:p><w:r><w:t>见第</w:t></w:r>
<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF 目录,标题 \h </w:instrText></w:r>
<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
<w:r><w:t>页</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p>"#;
        assert_eq!(plain(xml), ["见第3页9"]);
    }

    #[test]
    fn tables_text_boxes_breaks_and_hidden_text() {
        let xml = r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>一网通办,办件量增长。</w:t></w:r></w:p><w:p/></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行 line</w:t><w:br/><w:t>two</w:t>
<w:rPr><w:vanish/></w:rPr></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>
<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>
<w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>
<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>
</mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r><m:oMath><m:r><m:t>x,y</m:t></m:r></m:oMath></w:p>"#;
        assert_eq!(
            plain(xml),
            [
                "项目",
                "一网通办,办件量增长。",
                "",
                "第一行\n第二行 line\ntwo显示",
                "文本框",
                "正文\u{FFFC}",
            ]
        );
    }

    #[test]
    fn text_hidden_by_a_style_is_not_read() {
        let styles = Styles::parse(
            r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="character" w:styleId="Secret"><w:name w:val="secret"/><w:rPr><w:vanish/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Secret2"><w:name w:val="secret 2"/><w:basedOn w:val="Secret"/></w:style>
<w:style w:type="character" w:styleId="Shown"><w:name w:val="shown"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="note"/><w:rPr><w:vanish/></w:rPr></w:style>
</w:styles>"#
                .as_bytes(),
        )
        .expect("styles parse");
        let xml = r#"<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Secret"/></w:rPr><w:t>隐,藏</w:t></w:r>
<w:r><w:rPr><w:rStyle w:val="Secret2"/></w:rPr><w:t>也隐藏</w:t></w:r>
<w:r><w:rPr><w:rStyle w:val="Secret"/><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr><w:r><w:t>批注,</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Shown"/></w:rPr><w:t>可见</w:t></w:r></w:p>"#;
        let read: Vec<String> = texts(xml, &styles).into_iter().map(|(t, _)| t).collect();
        assert_eq!(read, ["正文显示", "可见"]);
    }

    #[test]
    fn list_numbers_are_written_as_a_reader_sees_them() {
        let mut numbering = Numbering::parse(
            r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
<w:lvl w:ilvl="4"><w:start w:val="9"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%5章"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#
                .as_bytes(),
        )
        .expect("numbering parses");
        let labels: Vec<Option<String>> = [
            ("1", 0),
            ("1", 1),
            ("1", 1),
            ("1", 2),
            ("2", 0),
            ("1", 1),
            ("1", 3),
            ("1", 4),
            ("1", 4),
            ("9", 0),
        ]
        .iter()
        .map(|(id, level)| numbering.label(id, *level))
        .collect();
        let expected = [
            Some("一、"),
            Some("（一）"),
            Some("（二）"),
            Some("1."),
            Some("二、"),
            Some("（一）"),
            None,
            Some("第九章\u{3000}"),
            Some("第十章\u{3000}"),
            None,
        ];
        assert_eq!(labels, expected.map(|l| l.map(String::from)));
        assert_eq!(format_number(21, "chineseCounting"), "二十一");
        assert_eq!(format_number(3, "ideographTraditional"), "丙");
        assert_eq!(format_number(2, "decimalEnclosedCircleChinese"), "②");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
    }

    #[test]
    fn a_ruby_is_read_as_its_base_text() {
        let xml = r#"<w:p><w:r><w:t>推动</w:t></w:r><w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/></w:rubyPr>
<w:rt><w:r><w:t>zhèng wù</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>政务</w:t></w:r></w:rubyBase></w:ruby></w:r>
<w:r><w:t>公开。</w:t></w:r></w:p>"#;
        assert_eq!(plain(xml), ["推动政务公开。"]);
    }

    #[test]
    fn headings_come_from_styles_and_outline_levels() {
        let styles = Styles::parse(
            r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Body"/><w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="a6"><w:name w:val="正文"/></w:style>
<w:style w:type="paragraph" w:styleId="a7"><w:name w:val="公文标题"/></w:style>
<w:style w:type="paragraph" w:styleId="a8"><w:name w:val="x"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
</w:styles>"#
                .as_bytes(),
        )
        .expect("styles parse");
        let para = |style: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{style}</w:t></w:r></w:p>"#
            )
        };
        let xml = [
            para("1"),
            para("a5"),
            para("a6"),
            para("a7"),
            para("a8"),
            para("Title"),
            r#"<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>纲</w:t></w:r></w:p>"#.into(),
            r#"<w:p><w:pPr><w:pStyle w:val="a6"/><w:pPrChange><w:pPr><w:pStyle w:val="1"/></w:pPr></w:pPrChange></w:pPr></w:p>"#.into(),
        ]
        .concat();
        let headings: Vec<bool> = texts(&xml, &styles).into_iter().map(|(_, h)| h).collect();
        assert_eq!(headings, [true, true, false, true, true, true, true, false]);
    }

    #[test]
    fn malformed_and_truncated_xml_are_errors() {
        let whole = body("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
        assert!(paragraphs(whole.as_bytes(), &Styles::default()).is_ok());
        let cut = whole.find("文").expect("text");
        let err = paragraphs(&whole.as_bytes()[..cut], &Styles::default()).expect_err("cut");
        assert!(err.contains("truncated"), "{err}");
        let mismatched = body("<w:p><w:r><w:t>正文</w:r></w:t></w:p>");
        assert!(paragraphs(mismatched.as_bytes(), &Styles::default()).is_err());
        assert!(paragraphs(b"<html><body/></html>", &Styles::default()).is_err());
        assert!(paragraphs(b"\xff\xfe garbage", &Styles::default()).is_err());
    }

    fn archive(method: zip::CompressionMethod, bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        writer.start_file(DOCUMENT_PART, options).expect("entry");
        writer.write_all(bytes).expect("data");
        writer.finish().expect("archive").into_inner()
    }

    #[test]
    fn parts_are_read_within_the_size_limit() {
        let zipped = archive(zip::CompressionMethod::Stored, &[b'x'; 2000]);
        let mut zip = zip::ZipArchive::new(Cursor::new(zipped)).expect("archive");
        let err = read_part(&mut zip, DOCUMENT_PART, 1000).expect_err("too large");
        assert!(err.english().contains("expands beyond"), "{err}");
        let read = read_part(&mut zip, DOCUMENT_PART, 2000).expect("within the limit");
        assert_eq!(read.map(|b| b.len()), Some(2000));
        assert_eq!(read_part(&mut zip, STYLES_PART, 2000), Ok(None));
    }

    #[test]
    fn sizes_an_archive_understates_do_not_get_past_the_limits() {
        let mut zipped = archive(zip::CompressionMethod::Deflated, &vec![b' '; 4 << 20]);
        // Declare 100 bytes, uncompressed, in the local and the central header.
        let central = zipped
            .windows(4)
            .position(|w| w == b"PK\x01\x02")
            .expect("central directory");
        zipped[22..26].copy_from_slice(&100u32.to_le_bytes());
        zipped[central + 24..central + 28].copy_from_slice(&100u32.to_le_bytes());
        // zip stops at the declared size and calls the rest damage; the streaming checks
        // stand behind it.
        let err = extract(zipped, u64::MAX).expect_err("refused");
        assert!(
            err.english().contains("damaged") || err.english().contains("zip bomb"),
            "{err}"
        );
    }

    /// A main part that never ends: `<w:p>…</w:p>` over and over.
    struct Endless {
        head: Vec<u8>,
        at: usize,
        served: u64,
    }

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            const PARAGRAPH: &[u8] =
                "<w:p><w:r><w:t>近年来，全区法治建设迈上新台阶。</w:t></w:r></w:p>".as_bytes();
            let mut n = 0;
            while n < buf.len() {
                let from = if self.at < self.head.len() {
                    &self.head[self.at..]
                } else {
                    let at = (self.at - self.head.len()) % PARAGRAPH.len();
                    &PARAGRAPH[at..]
                };
                let take = from.len().min(buf.len() - n);
                buf[n..n + take].copy_from_slice(&from[..take]);
                n += take;
                self.at += take;
            }
            self.served += n as u64;
            Ok(n)
        }
    }

    #[test]
    fn the_main_part_is_read_as_a_stream_that_stops_at_the_text_limit() {
        let xml = body("");
        let head = xml.as_bytes()[..xml.find("<w:sectPr/>").expect("body")].to_vec();
        let mut endless = Endless {
            head,
            at: 0,
            served: 0,
        };
        // Held whole, this part would never end; streamed, it stops once 1 MB of text is in.
        let read = paragraphs_and_chunks(
            std::io::BufReader::new(&mut endless),
            &Styles::default(),
            1 << 20,
        );
        assert!(matches!(read, Err(Failure::TooLong)), "{:?}", read.err());
        // About 1.9 bytes of XML per byte of text, and a buffer's worth read ahead.
        assert!(endless.served < 3 << 20, "{} bytes read", endless.served);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// A real Word file with bytes overwritten anywhere (zip headers, deflate stream,
        /// XML): an error or a text, never a panic.
        #[test]
        fn a_damaged_word_file_never_panics(
            edits in proptest::collection::vec((0usize..40_000, proptest::num::u8::ANY), 1..8),
        ) {
            let mut bytes = include_bytes!("../../fixtures/docx/haimen-report-2021.docx").to_vec();
            for (at, byte) in edits {
                let at = at % bytes.len();
                bytes[at] = byte;
            }
            let _ = extract(bytes, 1 << 20);
        }

        /// Any nesting of the elements the reader cares about, closed or not.
        #[test]
        fn any_nesting_of_word_elements_never_panics(
            tags in proptest::collection::vec(proptest::sample::select(vec![
                "<w:p>", "</w:p>", "<w:p/>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "甲,乙.",
                "<w:del>", "</w:del>", "<w:pPr>", "</w:pPr>", "<w:rPr>", "</w:rPr>",
                "<w:del/>", "<w:br/>", "<w:tab/>", "<w:vanish/>", "&amp;", "&#0;", "&bogus;",
                "<w:fldChar w:fldCharType=\"begin\"/>", "<w:fldChar w:fldCharType=\"end\"/>",
                "<w:fldChar w:fldCharType=\"separate\"/>", "<w:txbxContent>", "</w:txbxContent>",
                "<w:tc>", "</w:tc>", "<m:oMath>", "</m:oMath>", "<mc:Fallback>", "</mc:Fallback>",
            ]), 0..40),
        ) {
            let _ = paragraphs(body(&tags.concat()).as_bytes(), &Styles::default());
        }
    }

    #[test]
    fn what_is_not_a_docx_is_an_error_not_a_panic() {
        for bytes in [
            Vec::new(),
            b"PK\x03\x04 truncated".to_vec(),
            COMPOUND_FILE.to_vec(),
            "纯文本".as_bytes().to_vec(),
        ] {
            assert!(extract(bytes, u64::MAX).is_err());
        }
    }

    #[test]
    fn chunk_targets_and_kinds() {
        assert_eq!(resolve_target("word", "afchunk.htm"), "word/afchunk.htm");
        assert_eq!(resolve_target("word", "/afchunk.mht"), "afchunk.mht");
        assert_eq!(resolve_target("word", "../x/./a.htm"), "x/a.htm");
        // Plain text: a line is a paragraph; a page in UTF-16 is a page, not markup as text.
        assert_eq!(
            chunk_paragraphs("第一段。\r\n第二段。".as_bytes()),
            Some(vec![("第一段。".into(), false), ("第二段。".into(), false)])
        );
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(
            "<p>近年来，全区法治建设迈上新台阶。</p>"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        assert_eq!(
            chunk_paragraphs(&utf16),
            Some(vec![("近年来，全区法治建设迈上新台阶。".into(), false)])
        );
        // Another Word document or RTF is not read.
        assert_eq!(chunk_paragraphs(b"PK\x03\x04"), None);
        assert_eq!(chunk_paragraphs(b"{\\rtf1 x}"), None);
    }

    #[test]
    fn chunks_go_where_they_stand_within_one_budget() {
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="c" Target="big.htm"/></Relationships>"#;
        let page = format!("<p>{}</p>", "近年来，全区法治建设迈上新台阶。".repeat(400));
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in [
            ("word/_rels/document.xml.rels", rels.as_bytes()),
            ("word/big.htm", page.as_bytes()),
        ] {
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .expect("entry");
            std::io::Write::write_all(&mut zip, bytes).expect("written");
        }
        let mut archive =
            zip::ZipArchive::new(Cursor::new(zip.finish().expect("zip").into_inner()))
                .expect("archive");
        let chunks: Vec<AltChunk> = (0..3).map(|at| AltChunk { id: "c".into(), at }).collect();
        let mut lines = vec![("正文。".to_string(), false); 3];
        let main = "word/document.xml";
        let size = page.len() as u64;
        assert_eq!(
            read_alt_chunks(&mut archive, main, &chunks, &mut lines, 3 * size),
            3
        );
        assert_eq!(lines.len(), 6);
        assert_eq!(lines[1], ("正文。".to_string(), false));
        assert!(lines[0].0.starts_with("近年来") && lines[2].0.starts_with("近年来"));
        // The same part named three times costs three times: past the budget, not read.
        let mut lines = Vec::new();
        assert_eq!(
            read_alt_chunks(&mut archive, main, &chunks, &mut lines, 2 * size + 10),
            2
        );
    }
}
