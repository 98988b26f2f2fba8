//! Office documents (`.docx`, `.doc`, `.wps`, `.odt`) read as text, one paragraph per line
//! (and a line more for each soft line break), by what their bytes are rather than by their name: offices rename files freely (a `.doc`
//! that is a `.docx`, a web page "exported to Word" as `.doc`), and a wrong guess must give
//! a clear refusal, not markup linted as Chinese.

use crate::source::Source;

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

/// Where a message about a file govlint does not read starts (see `InputError::is_skipped`).
pub const UNREAD: &str = "a format govlint does not read";

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
) -> Result<(Source, Vec<&'static str>), String> {
    let extracted = if bytes.starts_with(&crate::docx::COMPOUND_FILE) {
        crate::msdoc::extract(bytes)?
    } else if bytes.starts_with(b"{\\rtf") {
        return Err(format!(
            "an RTF document, {UNREAD} (its markup would be linted as text), not linted; \
             save it as .docx"
        ));
    } else if bytes.starts_with(b"PK") && is_odt(&bytes) {
        crate::odt::extract(bytes, max_text)?
    } else if !bytes.starts_with(b"PK") && looks_like_html(&bytes) {
        return Err(
            "an HTML page under an office document's name (what a web page's \"export to \
             Word\" gives), not linted; rename it to .html to lint it"
                .into(),
        );
    } else {
        match extension(&path).as_deref() {
            Some("odt") => crate::odt::extract(bytes, max_text)?,
            Some("doc" | "wps") if !bytes.starts_with(b"PK") => {
                return Err(
                    "not a Word document (neither a Word 97-2003 compound file nor a .docx \
                     zip archive), not linted"
                        .into(),
                );
            }
            Some("rtf") => {
                return Err(
                    "not an RTF document (it does not start with {\\rtf), not linted".into(),
                );
            }
            // A `.docx`, or a `.doc`/`.wps` that is one (Word and WPS open either).
            _ => crate::docx::extract(bytes, max_text)?,
        }
    };
    // The text is bound like any text file's (`--max-file-size`), whatever the file's size:
    // `.docx` and `.odt` stop extracting as soon as it passes the bound; a `.doc`'s text
    // (and a `.docx`'s list numbers) are checked here.
    if extracted.text.len() as u64 > max_text {
        return Err(crate::docx::too_long(max_text));
    }
    let mut source = Source::new(path, extracted.text);
    source.heading_lines = extracted.headings;
    source.continued_lines = extracted.continued;
    Ok((source, extracted.unread))
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
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with('<')
        && (head.contains("<html")
            || head.contains("<!doctype")
            || head.contains("xmlns:w=\"urn:schemas-microsoft-com"))
        || head.starts_with("mime-version:")
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
        let limit = crate::linter::DEFAULT_MAX_FILE_SIZE;
        let err = source("a.doc".into(), b"{\\rtf1\\ansi text}".to_vec(), limit).expect_err("rtf");
        assert!(err.contains("RTF"), "{err}");
        let err = source(
            "a.doc".into(),
            b"<html xmlns:w=\"urn:schemas-microsoft-com:office:word\"><body>x</body></html>"
                .to_vec(),
            limit,
        )
        .expect_err("html");
        assert!(err.contains("HTML"), "{err}");
        let err = source("a.wps".into(), "纯文本".as_bytes().to_vec(), limit).expect_err("text");
        assert!(err.contains("not a Word document"), "{err}");
    }
}
