//! OpenDocument text (`.odt`, what LibreOffice and WPS save by default in some offices) read
//! as text: one paragraph per line, as `.docx` is. An `.odt` is a zip archive whose
//! `content.xml` holds the body; it is read with the `.docx` reader's limits.

use crate::input::word::{BREAK, Failure, MAX_XML_BYTES, open_part, read_part};
use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use std::io::{BufRead, BufReader, Cursor};

const CONTENT_PART: &str = "content.xml";
const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const DRAW: &str = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
const SVG: &str = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";

/// The text of an `.odt` file and its heading lines (`text:h`). `content.xml` is parsed as
/// it is inflated, never held whole, and the reading stops once the text passes `max_text`
/// bytes (`--max-file-size`), as a `.docx`'s does.
pub fn extract(
    bytes: Vec<u8>,
    max_text: u64,
) -> Result<crate::input::word::Extracted, crate::report::message::Message> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| crate::msg!("input-odt-zip-damaged", error = e.to_string()))?;
    if let Ok(Some(mimetype)) = read_part(&mut archive, "mimetype", 1024)
        && !mimetype.starts_with(b"application/vnd.oasis.opendocument.text")
    {
        return Err(crate::msg!(
            "input-odt-not-text",
            mimetype = String::from_utf8_lossy(&mimetype).trim()
        ));
    }
    let mut content = open_part(&mut archive, CONTENT_PART, MAX_XML_BYTES)?
        .ok_or_else(|| crate::msg!("input-odt-no-content", part = CONTENT_PART))?;
    match paragraphs(BufReader::new(&mut content), max_text) {
        Ok(extracted) => Ok(extracted),
        // The stream's refusal (too large, a bomb, damaged) is the cause, not the XML cut
        // short where it stopped.
        Err(_) if content.refused.is_some() => Err(content.refused.take().unwrap_or_else(|| {
            crate::msg!("input-zip-part-damaged", part = CONTENT_PART, error = "")
        })),
        Err(Failure::TooLong) => Err(crate::input::word::too_long(max_text)),
        Err(Failure::Malformed(e)) => Err(crate::msg!(
            "input-malformed-xml",
            part = CONTENT_PART,
            detail = e
        )),
    }
}

#[derive(Debug, Default)]
struct Open {
    text: String,
    heading: bool,
    /// XML white space was met since the last character: ODF collapses it into one space,
    /// written only if a character follows (leading and trailing white space is dropped).
    space: bool,
}

/// The paragraphs (`text:p`, `text:h`) of `office:text`, in document order. What is read:
/// text, `text:s` as spaces, `text:tab`, `text:line-break` as a line of the same paragraph (as
/// `.docx` reads `w:br`), field results, the base of ruby text. What is skipped: tracked deletions
/// (kept apart in `text:tracked-changes`), comments, notes (as `.docx` skips footnotes),
/// hidden text, ruby annotations, drawing titles. A frame's paragraphs come before the
/// paragraph they sit in, as `.docx` text boxes do.
fn paragraphs(xml: impl BufRead, max_text: u64) -> Result<crate::input::word::Extracted, Failure> {
    let mut reader = NsReader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = crate::input::word::Extracted::default();
    let mut open: Vec<Open> = Vec::new();
    let mut in_body = 0usize;
    let mut skipping = 0usize;
    let mut depth = 0usize;
    let mut seen_body = false;
    let finish = |open: &mut Vec<Open>, out: &mut crate::input::word::Extracted| {
        if let Some(paragraph) = open.pop() {
            out.push_paragraph(&paragraph.text, paragraph.heading);
        }
    };
    loop {
        // Checked before each event: every way text grows is then counted, one event late.
        let pending: usize = open.iter().map(|p| p.text.len()).sum();
        if (out.text.len() + pending) as u64 > max_text {
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
        let ns = match namespace {
            ResolveResult::Bound(ns) => match ns.as_ref() {
                n if n == TEXT => Ns::Text,
                n if n == OFFICE => Ns::Office,
                n if n == DRAW => Ns::Draw,
                n if n == SVG => Ns::Svg,
                _ => Ns::Other,
            },
            _ => Ns::Other,
        };
        match event {
            Event::Start(element) => {
                depth += 1;
                if skipping > 0 {
                    skipping += 1;
                    continue;
                }
                let local = element.local_name();
                let name = local.as_ref();
                if ns == Ns::Office && name == "text" {
                    in_body += 1;
                    seen_body = true;
                }
                if in_body == 0 {
                    continue;
                }
                if skipped(ns, name) {
                    let part = match (ns, name) {
                        (Ns::Text, "note") => Some("notes"),
                        (Ns::Office, "annotation") => Some("comments"),
                        _ => None,
                    };
                    if let Some(part) = part.filter(|p| !out.unread.contains(p)) {
                        out.unread.push(part);
                    }
                    skipping = 1;
                    continue;
                }
                if ns == Ns::Text && (name == "p" || name == "h") {
                    open.push(Open {
                        heading: name == "h",
                        ..Open::default()
                    });
                }
            }
            Event::Empty(element) => {
                if skipping > 0 || in_body == 0 {
                    continue;
                }
                let local = element.local_name();
                let name = local.as_ref();
                if ns != Ns::Text {
                    continue;
                }
                match name {
                    "p" | "h" => {
                        open.push(Open {
                            heading: name == "h",
                            ..Open::default()
                        });
                        finish(&mut open, &mut out);
                    }
                    "s" => {
                        let count = element
                            .attributes()
                            .flatten()
                            .find(|a| a.key.local_name().as_ref() == "c")
                            .and_then(|a| a.value.trim().parse::<usize>().ok())
                            .unwrap_or(1)
                            // A crafted count must not blow the text up.
                            .min(1000);
                        push(&mut open, &" ".repeat(count), true);
                    }
                    "tab" => push(&mut open, "\t", true),
                    "line-break" => push(&mut open, &BREAK.to_string(), true),
                    _ => {}
                }
            }
            Event::End(element) => {
                depth = depth.saturating_sub(1);
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                let local = element.local_name();
                let name = local.as_ref();
                if ns == Ns::Office && name == "text" {
                    in_body = in_body.saturating_sub(1);
                } else if in_body > 0 && ns == Ns::Text && (name == "p" || name == "h") {
                    finish(&mut open, &mut out);
                }
            }
            Event::Text(text) if skipping == 0 && in_body > 0 => {
                push(&mut open, &text.xml10_content(), false)
            }
            Event::CData(data) if skipping == 0 && in_body > 0 => {
                push(&mut open, &data.xml10_content(), false)
            }
            Event::GeneralRef(reference) if skipping == 0 && in_body > 0 => {
                if let Some(resolved) =
                    crate::input::word::resolve_reference(&reference, reader.error_position())?
                {
                    push(&mut open, &resolved, false);
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
            "no office:text element: not an OpenDocument text".into(),
        ));
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Text,
    Office,
    Draw,
    Svg,
    Other,
}

/// Elements whose content is not the document's text.
fn skipped(ns: Ns, name: &str) -> bool {
    match ns {
        Ns::Text => matches!(
            name,
            "tracked-changes"
                | "note"
                | "hidden-text"
                | "hidden-paragraph"
                | "ruby-text"
                | "sequence-decls"
                | "variable-decls"
                | "user-field-decls"
        ),
        Ns::Office => matches!(name, "annotation" | "forms"),
        Ns::Svg => matches!(name, "title" | "desc"),
        Ns::Draw => false,
        Ns::Other => false,
    }
}

/// Appends to the innermost open paragraph; `literal` text (`text:s`, tabs, breaks) is not
/// white space to collapse.
fn push(open: &mut [Open], text: &str, literal: bool) {
    let Some(paragraph) = open.last_mut() else {
        return;
    };
    if literal {
        if paragraph.space {
            paragraph.text.push(' ');
            paragraph.space = false;
        }
        paragraph.text.push_str(text);
        return;
    }
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            paragraph.space = !paragraph.text.is_empty();
            continue;
        }
        if paragraph.space {
            paragraph.text.push(' ');
            paragraph.space = false;
        }
        paragraph.text.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{OFFICE}" xmlns:text="{TEXT}" xmlns:draw="{DRAW}" xmlns:svg="{SVG}" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
        )
    }

    fn read(body: &str) -> crate::input::word::Extracted {
        paragraphs(content(body).as_bytes(), u64::MAX).expect("well-formed")
    }

    #[test]
    fn paragraphs_spaces_breaks_and_skipped_parts() {
        let body = r#"<text:tracked-changes><text:changed-region><text:deletion><text:p>删掉,的</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:h text:outline-level="1">一、标题</text:h>
<text:p>  近年来,<text:span>全区</text:span>
  法治 <text:s text:c="2"/>建设<text:tab/>迈上<text:line-break/>新台阶 line<text:line-break/>two<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>脚注,</text:p></text:note-body></text:note></text:p>
<text:p/><table:table><table:table-row><table:table-cell><text:p>项目</text:p></table:table-cell></table:table-row></table:table>
<text:p><draw:frame><draw:text-box><text:p>框内</text:p></draw:text-box><svg:title>题</svg:title></draw:frame>正文<office:annotation><text:p>批注</text:p></office:annotation>。<text:ruby><text:ruby-base>政务</text:ruby-base><text:ruby-text>zhèng wù</text:ruby-text></text:ruby></text:p>"#;
        let read = read(body);
        assert_eq!(
            read.text,
            "一、标题\n近年来,全区 法治   建设\t迈上\n新台阶 line\ntwo\n\n项目\n框内\n正文。政务\n"
        );
        assert_eq!(read.headings, [0]);
        assert_eq!(read.continued, [2, 3]);
    }

    #[test]
    fn broken_content_is_an_error_not_a_panic() {
        let whole = content("<text:p>正文</text:p>");
        assert!(paragraphs(whole.as_bytes(), u64::MAX).is_ok());
        assert!(paragraphs(&whole.as_bytes()[..whole.len() - 20], u64::MAX).is_err());
        assert!(paragraphs(&b"<html><body/></html>"[..], u64::MAX).is_err());
        assert!(extract(b"PK\x03\x04 not a zip".to_vec(), u64::MAX).is_err());
    }
}
