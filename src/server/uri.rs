//! `file:` URIs and the paths they name.

use lsp_types::Uri;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// The URI spellings editors send that a strict parser refuses (raw Chinese characters,
/// spaces: `file:///稿件/通知 1.md`), by the percent-encoded form the server works with:
/// what it sends back is spelled as the editor spelled it, so the editor knows the file.
#[derive(Default)]
pub struct Spellings(HashMap<String, String>);

impl Spellings {
    /// Percent-encodes what `Uri` refuses in the `uri` fields of an incoming message.
    pub fn normalize(&mut self, value: &mut Value) {
        match value {
            Value::Object(fields) => {
                for (key, field) in fields.iter_mut() {
                    match field {
                        Value::String(uri) if key == "uri" || key == "rootUri" => {
                            if uri.parse::<Uri>().is_err() {
                                let encoded = encode_refused(uri);
                                if encoded.parse::<Uri>().is_ok() {
                                    self.0.insert(encoded.clone(), uri.clone());
                                    *uri = encoded;
                                }
                            }
                        }
                        _ => self.normalize(field),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| self.normalize(item)),
            _ => {}
        }
    }

    /// Spells the `uri` fields of an outgoing message as the editor spelled them.
    pub fn restore(&self, value: &mut Value) {
        if self.0.is_empty() {
            return;
        }
        match value {
            Value::Object(fields) => {
                for (key, field) in fields.iter_mut() {
                    match field {
                        Value::String(uri) if key == "uri" => {
                            if let Some(original) = self.0.get(uri.as_str()) {
                                *uri = original.clone();
                            }
                        }
                        _ => self.restore(field),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| self.restore(item)),
            _ => {}
        }
    }
}

/// `uri` with every byte a URI may not hold as it is percent-encoded (`%` kept: what is
/// already encoded stays so).
fn encode_refused(uri: &str) -> String {
    let mut encoded = String::with_capacity(uri.len());
    for byte in uri.bytes() {
        if byte.is_ascii_graphic() && !b"\"<>\\^`{|}".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// The file path a `file:` URI names (percent-decoded), or the URI itself: what decides the
/// format (by extension) and what findings name.
pub fn path_of(uri: &str) -> String {
    let Some(rest) = uri.strip_prefix("file://") else {
        return uri.to_string();
    };
    let bytes = rest.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(Some(high)), Some(Some(low))) = (
                bytes.get(i + 1).map(|&b| hex(b)),
                bytes.get(i + 2).map(|&b| hex(b)),
            )
        {
            decoded.push((high * 16 + low) as u8);
            i += 3;
            continue;
        }
        decoded.push(bytes[i]);
        i += 1;
    }
    let path = String::from_utf8_lossy(&decoded).into_owned();
    // `file:///C:/x` names `C:/x` on Windows.
    match path.as_bytes() {
        [b'/', drive, b':', ..] if cfg!(windows) && drive.is_ascii_alphabetic() => {
            path[1..].to_string()
        }
        _ => path,
    }
}

/// The `file:` URI of an absolute path, every byte but the unreserved ones and `/`
/// percent-encoded.
pub fn uri_of(path: &Path) -> Option<Uri> {
    let text = path.to_str()?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/:".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_spellings_are_encoded_and_given_back() {
        let mut spellings = Spellings::default();
        let mut message = serde_json::json!({"textDocument": {"uri": "file:///稿件/通知 1.md"}});
        spellings.normalize(&mut message);
        let encoded = "file:///%E7%A8%BF%E4%BB%B6/%E9%80%9A%E7%9F%A5%201.md";
        assert_eq!(message["textDocument"]["uri"], encoded);
        let mut outgoing = serde_json::json!([{"uri": encoded, "diagnostics": []}]);
        spellings.restore(&mut outgoing);
        assert_eq!(outgoing[0]["uri"], "file:///稿件/通知 1.md");
    }

    #[test]
    fn file_uris_become_paths_and_back() {
        assert_eq!(
            path_of("file:///tmp/%E9%80%9A%E7%9F%A5%20a.md"),
            "/tmp/通知 a.md"
        );
        assert_eq!(path_of("untitled:Untitled-1"), "untitled:Untitled-1");
        assert_eq!(path_of("file:///a%2"), "/a%2");
        let uri = uri_of(Path::new("/tmp/通知 a#1.md")).map(|u| u.as_str().to_string());
        assert_eq!(
            uri.as_deref(),
            Some("file:///tmp/%E9%80%9A%E7%9F%A5%20a%231.md")
        );
        assert_eq!(
            path_of(uri.as_deref().unwrap_or_default()),
            "/tmp/通知 a#1.md"
        );
    }
}
