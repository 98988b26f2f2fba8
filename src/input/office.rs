//! Office documents (`.docx`, `.doc`, `.wps`, `.odt`) read as text, one paragraph per line
//! (and a line more for each soft line break), by what their bytes are rather than by their
//! name: offices rename files freely (a `.doc`
//! that is a `.docx`, a web page "exported to Word" as `.doc`), and a wrong guess must give
//! a clear refusal, not markup linted as Chinese.

use crate::document::source::Source;
use crate::input::decode::TextEncoding;
use crate::msg;
use crate::report::message::Message;

/// The file-name endings read as office documents; `.rtf` is among them to be refused with
/// a message rather than linted as plain text.
pub const EXTENSIONS: &[&str] = &["docx", "doc", "wps", "odt", "rtf"];

/// Office formats a directory walk comes across and does not read: they are counted in the
/// summary so that a folder of them is not reported as clean.
pub const UNREAD_EXTENSIONS: &[&str] = &[
    "rtf", "pdf", "ofd", "xls", "xlsx", "et", "ppt", "pptx", "dps", "wpt", "dot", "dotx", "docm",
];

/// The form of the text office documents are read into, in the cache's fingerprint: a cache
/// made while their text had another form (2: soft line breaks make lines) holds findings at
/// other places.
pub const TEXT_FORM: u32 = 2;

/// Whether `path` is named as an office document.
pub fn is_office_path(path: &str) -> bool {
    extension(path).is_some_and(|ext| EXTENSIONS.contains(&ext.as_str()))
}

/// The lower-case extension of a path, if any.
pub fn extension(path: &str) -> Option<String> {
    let name = path.rsplit(['/', '\\']).next()?;
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

/// The document's text as a `Source`, and the parts of it that hold text and were not read
/// (`footnotes`, `headers`…).
pub fn source(
    path: String,
    bytes: Vec<u8>,
    max_text: u64,
) -> Result<(Source, Vec<&'static str>), Message> {
    let extracted = if bytes.starts_with(&crate::input::word::COMPOUND_FILE) {
        crate::input::msdoc::extract(bytes)?
    } else if bytes.starts_with(b"{\\rtf") {
        return Err(msg!("input-rtf"));
    } else if bytes.starts_with(b"PK") && is_odt(&bytes) {
        crate::input::odt::extract(bytes, max_text)?
    } else if !bytes.starts_with(b"PK") && looks_like_html(&bytes) {
        // What a web page's "export to Word" gives: the page's paragraphs are the document's.
        lines_extracted(web_page(&bytes)?)
    } else {
        match extension(&path).as_deref() {
            Some("odt") => crate::input::odt::extract(bytes, max_text)?,
            Some("doc" | "wps") if !bytes.starts_with(b"PK") => {
                return Err(msg!("input-doc-not-word"));
            }
            Some("rtf") => {
                return Err(msg!("input-not-rtf"));
            }
            // A `.docx`, or a `.doc`/`.wps` that is one (Word and WPS open either).
            _ => crate::input::word::extract(bytes, max_text)?,
        }
    };
    // The text is bound like any text file's (`--max-file-size`), whatever the file's size:
    // `.docx` and `.odt` stop extracting as soon as it passes the bound; a `.doc`'s text
    // (and a `.docx`'s list numbers, and a web page's) are checked here.
    if extracted.text.len() as u64 > max_text {
        return Err(crate::input::word::too_long(max_text));
    }
    let mut source = Source::new(path, extracted.text);
    source.heading_lines = extracted.headings;
    source.continued_lines = extracted.continued;
    source.web_page = extracted.web_page;
    Ok((source, extracted.unread))
}

/// A web page's paragraphs, with whether each is a heading, read as an `.html` file's are
/// (`crate::input::html`): HTML in the charset it declares, or a web archive (MHT,
/// multipart MIME, what Word's "single file web page" and many "export to Word" buttons
/// write) whose first HTML part is decoded from its quoted-printable or base64.
pub(crate) fn web_page(bytes: &[u8]) -> Result<Vec<(String, bool)>, Message> {
    let html = if is_mht(bytes) {
        mht_html(bytes)?
    } else {
        decode_page(bytes.to_vec(), None)?
    };
    Ok(crate::input::html::paragraph_texts(&html))
}

/// A page's text, decoded as an `.html` file's is: a BOM, else the charset its `<meta>`
/// declares (unless its bytes are UTF-8 holding Chinese, which are believed), else
/// `fallback` (a web archive's MIME header) for bytes that are not UTF-8, else detection.
fn decode_page(bytes: Vec<u8>, fallback: Option<TextEncoding>) -> Result<String, Message> {
    let forced = match encoding_rs::Encoding::for_bom(&bytes) {
        Some(_) => None,
        None => crate::input::decode::declared_in_html(&bytes)
            .or_else(|| fallback.filter(|_| std::str::from_utf8(&bytes).is_err())),
    };
    Ok(crate::input::decode::decode_owned(bytes, forced)?.0)
}

/// The first HTML part of a web archive: mail-parser finds it and its transfer encoding
/// (quoted-printable or base64), and its bytes are decoded as a page's are, the charset
/// its header declares standing in for a missing `<meta>` (so a page saved again in UTF-8
/// under its old GB2312 header reads as it does saved as `.html`).
fn mht_html(bytes: &[u8]) -> Result<String, Message> {
    // mail-parser can panic on a damaged archive (an arithmetic overflow in its
    // quoted-printable reader, found by this module's property test): a file anyone can
    // write must be an error naming it, never a panic that stops the run.
    std::panic::catch_unwind(|| read_mht(bytes))
        .unwrap_or_else(|_| Err(msg!("input-mht-unreadable")))
}

fn read_mht(bytes: &[u8]) -> Result<String, Message> {
    use mail_parser::MimeHeaders;
    let message = mail_parser::MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| msg!("input-mht-unreadable"))?;
    let part = message
        .parts
        .iter()
        .find(|part| matches!(part.body, mail_parser::PartType::Html(_)))
        .ok_or_else(|| msg!("input-mht-no-html"))?;
    let raw = usize::try_from(part.offset_body)
        .ok()
        .zip(usize::try_from(part.offset_end).ok())
        .and_then(|(start, end)| message.raw_message().get(start..end))
        .unwrap_or_default();
    // The line break before the next boundary belongs to the boundary (RFC 2046): kept, it
    // would be one byte too many for a page in UTF-16.
    let mut raw = raw;
    while let [rest @ .., last] = raw
        && matches!(last, b'\r' | b'\n')
        && !rest.ends_with(b"=")
    {
        raw = rest;
    }
    let decoded = match part.encoding {
        mail_parser::Encoding::QuotedPrintable => {
            mail_parser::decoders::quoted_printable::quoted_printable_decode(raw)
        }
        mail_parser::Encoding::Base64 => mail_parser::decoders::base64::base64_decode(raw),
        mail_parser::Encoding::None => Some(raw.to_vec()),
    };
    let Some(decoded) = decoded else {
        // A transfer encoding too damaged to undo by hand: mail-parser's own reading.
        return match &part.body {
            mail_parser::PartType::Html(html) => Ok(html.to_string()),
            _ => Err(msg!("input-mht-undecodable")),
        };
    };
    let declared = part
        .content_type()
        .and_then(|ct| ct.attribute("charset"))
        .and_then(crate::input::decode::from_label);
    decode_page(decoded, declared)
}

/// A web archive: MIME headers (`MIME-Version:`, `From: <Saved by …>`) and a multipart body.
pub(crate) fn is_mht(bytes: &[u8]) -> bool {
    let head = head_text(bytes, 2048);
    let head = head.trim_start();
    let first = head.lines().next().unwrap_or("");
    let is_header = first.split_once(':').is_some_and(|(name, _)| {
        !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    is_header && head.contains("mime-version:") && head.contains("multipart/")
}

/// The first `limit` bytes as lower-case text without its BOM, for sniffing: Word saves a
/// web page in UTF-16 when asked for Unicode, so a BOM's encoding is believed.
fn head_text(bytes: &[u8], limit: usize) -> String {
    let head = &bytes[..bytes.len().min(limit)];
    let text = match encoding_rs::Encoding::for_bom(head) {
        Some((encoding, bom)) => encoding.decode_without_bom_handling(&head[bom..]).0,
        None => String::from_utf8_lossy(head),
    };
    text.trim_start_matches('\u{feff}').to_ascii_lowercase()
}

/// Paragraphs, one per line, as a Word document's text.
fn lines_extracted(lines: Vec<(String, bool)>) -> crate::input::word::Extracted {
    let mut extracted = crate::input::word::Extracted::default();
    extracted.web_page = true;
    for (text, heading) in lines {
        extracted.push_paragraph(&text, heading);
    }
    extracted
}

/// An OpenDocument package: its first entry is `mimetype`, stored, at byte 30.
fn is_odt(bytes: &[u8]) -> bool {
    bytes.get(30..38) == Some(b"mimetype")
        && bytes
            .get(38..73)
            .is_some_and(|m| m.starts_with(b"application/vnd.oasis.opendocument"))
}

/// HTML or a web archive (MHT), as web "export to Word" buttons write them.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = head_text(bytes, 1024);
    let head = head.trim_start();
    head.starts_with('<')
        && (head.contains("<html")
            || head.contains("<!doctype")
            || head.contains("xmlns:w=\"urn:schemas-microsoft-com"))
        || head.starts_with("mime-version:")
        || is_mht(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_read_case_blind() {
        assert_eq!(extension("a/b.DOC").as_deref(), Some("doc"));
        assert_eq!(extension("a.b/c"), None);
        assert!(is_office_path("报告.WPS"));
        assert!(!is_office_path("报告.txt"));
    }

    #[test]
    fn content_decides_over_the_name() {
        let limit = crate::input::read::DEFAULT_MAX_FILE_SIZE;
        let err = source("a.doc".into(), b"{\\rtf1\\ansi text}".to_vec(), limit).expect_err("rtf");
        assert!(err.english().contains("RTF"), "{err}");
        // What a web page's "export to Word" gives is read as the page.
        let (page, unread) = source(
            "a.doc".into(),
            "<html xmlns:w=\"urn:schemas-microsoft-com:office:word\"><body><h1>标题</h1>\
             <p class=MsoNormal>全区法治建设迈上新台阶。</p></body></html>"
                .as_bytes()
                .to_vec(),
            limit,
        )
        .expect("html");
        assert_eq!(page.text, "标题\n全区法治建设迈上新台阶。\n");
        assert_eq!(page.heading_lines, [0]);
        assert!(unread.is_empty());
        let err = source("a.wps".into(), "纯文本".as_bytes().to_vec(), limit).expect_err("text");
        assert!(err.english().contains("not a Word document"), "{err}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// A web archive anyone can write: MIME headers, boundaries and encodings in any
        /// state are an error or text, never a panic.
        #[test]
        fn a_damaged_web_archive_never_panics(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "--b\r\n", "--b--\r\n", "Content-Type: text/html; charset=\"gb2312\"\r\n",
                    "Content-Type: multipart/related; boundary=\"c\"\r\n", "--c\r\n",
                    "Content-Transfer-Encoding: quoted-printable\r\n",
                    "Content-Transfer-Encoding: base64\r\n", "\r\n", "=E4=BD=\r\n", "=\r\n",
                    "<p>近年来,全区", "5L2g5aW9\r\n", "=C4=", "<html>", "\u{0}", "\u{ffff}",
                ]),
                0..40,
            )
        ) {
            let mut bytes =
                b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n"
                    .to_vec();
            bytes.extend(parts.concat().into_bytes());
            if let Ok((source, _)) = source("a.doc".into(), bytes, 1 << 20) {
                proptest::prop_assert!(source.text.is_empty() || source.text.ends_with('\n'));
            }
        }
    }
}
