//! Bytes to text and back. Drafts come as UTF-8 (with or without a BOM), as UTF-16 with a
//! BOM from Windows tools, and as GB18030/GBK/GB2312 or Big5 exported from old CMSs. The
//! text keeps a BOM as U+FEFF, so that writing it back in its encoding restores the BOM.

use crate::report::message::Message;
use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

/// How a file's bytes are text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// A legacy Chinese encoding (GBK, GB18030, Big5).
    Legacy(&'static Encoding),
}

impl TextEncoding {
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Legacy(encoding) => encoding.name(),
        }
    }

    pub fn is_utf8(self) -> bool {
        self == TextEncoding::Utf8
    }

    /// The text as bytes of this encoding, or why it cannot be: a character the encoding
    /// has no code for (a fix may bring one into a GBK file).
    pub fn encode(self, text: &str) -> Result<Vec<u8>, Message> {
        match self {
            TextEncoding::Utf8 => Ok(text.as_bytes().to_vec()),
            TextEncoding::Utf16Le => Ok(text.encode_utf16().flat_map(u16::to_le_bytes).collect()),
            TextEncoding::Utf16Be => Ok(text.encode_utf16().flat_map(u16::to_be_bytes).collect()),
            TextEncoding::Legacy(encoding) => {
                let (bytes, _, unmappable) = encoding.encode(text);
                if unmappable {
                    let missing = text
                        .chars()
                        .find(|&c| encoding.encode(c.encode_utf8(&mut [0; 4])).2)
                        .map_or("none".to_string(), |c| c.to_string());
                    Err(crate::msg!(
                        "encode-unmappable",
                        encoding = encoding.name(),
                        character = missing
                    ))
                } else {
                    Ok(bytes.into_owned())
                }
            }
        }
    }
}

/// The encodings `--encoding` accepts, by WHATWG label (`gbk`, `gb18030`, `gb2312`, `big5`,
/// `utf-8`, `utf-16le`, `utf-16be`).
pub fn from_label(label: &str) -> Option<TextEncoding> {
    let encoding = Encoding::for_label(label.as_bytes())?;
    Some(if encoding == UTF_8 {
        TextEncoding::Utf8
    } else if encoding == UTF_16LE {
        TextEncoding::Utf16Le
    } else if encoding == UTF_16BE {
        TextEncoding::Utf16Be
    } else {
        TextEncoding::Legacy(encoding)
    })
}

/// Decodes a file: a BOM decides; else UTF-8 if the bytes are UTF-8; else the Chinese
/// encoding the bytes look like (chardetng). `forced` skips the guessing.
pub fn decode(
    bytes: &[u8],
    forced: Option<TextEncoding>,
) -> Result<(String, TextEncoding), Message> {
    let encoding = match forced {
        Some(encoding) => encoding,
        None => match Encoding::for_bom(bytes) {
            Some((encoding, _)) if encoding == UTF_16LE => TextEncoding::Utf16Le,
            Some((encoding, _)) if encoding == UTF_16BE => TextEncoding::Utf16Be,
            _ => {
                if bytes.contains(&0) {
                    return Err(crate::msg!("input-binary-nul-bytes"));
                }
                if std::str::from_utf8(bytes).is_ok() {
                    TextEncoding::Utf8
                } else {
                    guess(bytes)?
                }
            }
        },
    };
    let text = match encoding {
        TextEncoding::Utf8 => String::from_utf8(bytes.to_vec()).map_err(|e| {
            crate::msg!("input-invalid-utf8", offset = e.utf8_error().valid_up_to())
        })?,
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let (encoding, big_endian) = match encoding {
                TextEncoding::Utf16Le => (UTF_16LE, false),
                _ => (UTF_16BE, true),
            };
            let bom = if big_endian {
                [0xFE, 0xFF]
            } else {
                [0xFF, 0xFE]
            };
            let body = bytes.strip_prefix(&bom[..]).unwrap_or(bytes);
            if body.len() % 2 != 0 {
                return Err(crate::msg!("input-odd-utf16", encoding = encoding.name()));
            }
            let decoded = encoding
                .decode_without_bom_handling_and_without_replacement(body)
                .ok_or_else(|| crate::msg!("input-lone-surrogate", encoding = encoding.name()))?;
            let mut text = String::with_capacity(decoded.len() + 3);
            if body.len() != bytes.len() {
                text.push('\u{FEFF}');
            }
            text.push_str(&decoded);
            text
        }
        TextEncoding::Legacy(encoding) => {
            // The GBK and GB2312 labels decode as GB18030, their superset.
            let decoder = if encoding == GBK { GB18030 } else { encoding };
            decoder
                .decode_without_bom_handling_and_without_replacement(bytes)
                .ok_or_else(|| crate::msg!("input-not-in-encoding", encoding = encoding.name()))?
                .into_owned()
        }
    };
    if text.contains('\0') {
        return Err(crate::msg!("input-binary-nul-characters"));
    }
    Ok((text, encoding))
}

/// `decode`, taking the bytes: UTF-8 without NUL bytes, what nearly every file is, is
/// validated once and copied into the text. Anything else goes through `decode`.
pub fn decode_owned(
    bytes: Vec<u8>,
    forced: Option<TextEncoding>,
) -> Result<(String, TextEncoding), Message> {
    let may_be_utf8 = match forced {
        Some(encoding) => encoding == TextEncoding::Utf8,
        None => Encoding::for_bom(&bytes)
            .is_none_or(|(encoding, _)| encoding != UTF_16LE && encoding != UTF_16BE),
    };
    if !may_be_utf8 || bytes.contains(&0) {
        return decode(&bytes, forced);
    }
    // A SIMD check and a copy take a fraction of the time of the standard library's check on
    // Chinese text (whose every character is a multi-byte sequence).
    match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) => Ok((text.to_owned(), TextEncoding::Utf8)),
        Err(_) => decode(&bytes, forced),
    }
}

/// The Chinese encoding (GBK, GB2312, GB18030, Big5) an HTML page declares in a `<meta charset>`
/// or `<meta http-equiv="Content-Type" content="…; charset=…">` near its start, when it is to
/// be believed: a browser reads the page so, and guessing goes wrong on short pages (a few
/// lines of GBK look like EUC-JP) and on GBK bytes that happen to be valid UTF-8 (pairs
/// that read as Cyrillic). A page whose bytes are UTF-8 holding Chinese characters was
/// saved again as UTF-8 with its old declaration (copies of published pages often are):
/// its bytes are believed, not the declaration.
pub fn declared_in_html(bytes: &[u8]) -> Option<TextEncoding> {
    static META: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
        regex::bytes::Regex::new(r#"(?i-u)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)"#)
            .expect("a valid pattern")
    });
    // Browsers look at the first 1024 bytes; Chinese CMS pages often put comments and
    // scripts first, so a little more is searched.
    let head = &bytes[..bytes.len().min(4096)];
    let label = META.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    if encoding != GBK && encoding != GB18030 && encoding != BIG5 {
        return None;
    }
    if let Ok(text) = std::str::from_utf8(bytes)
        && text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
    {
        return None;
    }
    Some(TextEncoding::Legacy(encoding))
}

/// The Chinese encoding that non-UTF-8 bytes look like.
fn guess(bytes: &[u8]) -> Result<TextEncoding, Message> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guessed = detector.guess(None, chardetng::Utf8Detection::Deny);
    if guessed == GBK || guessed == GB18030 || guessed == BIG5 {
        Ok(TextEncoding::Legacy(guessed))
    } else {
        let at = std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        Err(crate::msg!(
            "input-not-utf8",
            offset = at,
            guess = guessed.name()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str =
        "　　海门区荣获“全国法治政府建设示范地区”称号，获评江苏省法治建设杰出项目大奖。\r\n";

    #[test]
    fn gbk_and_big5_are_recognized_and_round_trip() {
        let traditional =
            "　　海門區榮獲“全國法治政府建設示範地區”稱號，獲評江蘇省法治建設傑出項目大獎。\r\n";
        for (encoding, article) in [(GBK, ARTICLE), (BIG5, traditional)] {
            let (bytes, _, unmappable) = encoding.encode(article);
            assert!(!unmappable);
            let (text, found) = decode(&bytes, None).expect("decoded");
            assert_eq!(text, article);
            assert_eq!(found, TextEncoding::Legacy(encoding));
            assert_eq!(found.encode(&text).expect("encoded"), bytes.into_owned());
        }
    }

    #[test]
    fn utf16_with_a_bom_round_trips_with_its_bom() {
        for encoding in [TextEncoding::Utf16Le, TextEncoding::Utf16Be] {
            let with_bom = format!("\u{FEFF}{ARTICLE}");
            let bytes = encoding.encode(&with_bom).expect("encoded");
            let (text, found) = decode(&bytes, None).expect("decoded");
            assert_eq!((text.as_str(), found), (with_bom.as_str(), encoding));
        }
    }

    #[test]
    fn what_is_not_text_is_an_error() {
        assert!(decode(b"PK\x03\x04\0\0binary", None).is_err());
        let latin = "Caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e, na\u{ef}ve fa\u{e7}ade".to_string();
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&latin);
        let err = decode(&bytes, None).expect_err("not Chinese");
        assert!(err.english().contains("windows-1252"), "{err}");
        // Forced, it decodes.
        let forced = from_label("windows-1252").expect("a label");
        assert_eq!(decode(&bytes, Some(forced)).expect("decoded").0, latin);
    }

    #[test]
    fn taking_the_bytes_decodes_as_borrowing_them() {
        let (gbk, _, _) = GBK.encode(ARTICLE);
        let utf16 = TextEncoding::Utf16Le
            .encode(&format!("\u{FEFF}{ARTICLE}"))
            .expect("encoded");
        let inputs: [&[u8]; 6] = [
            ARTICLE.as_bytes(),
            b"\xEF\xBB\xBFwith a BOM",
            &gbk,
            &utf16,
            b"NUL\0inside",
            b"\xFF\xFE\xFD",
        ];
        let forced = [None, Some(TextEncoding::Utf8), from_label("gbk")];
        for bytes in inputs {
            for forced in forced {
                assert_eq!(
                    decode_owned(bytes.to_vec(), forced),
                    decode(bytes, forced),
                    "{bytes:?} {forced:?}"
                );
            }
        }
    }

    #[test]
    fn a_character_gbk_cannot_hold_is_refused_not_replaced() {
        let encoding = TextEncoding::Legacy(GBK);
        let err = encoding.encode("表情😀").expect_err("unmappable");
        assert!(err.english().contains('😀'), "{err}");
    }
}
