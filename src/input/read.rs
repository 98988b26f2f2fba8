//! An input's bytes read within the size limit and made text: decoded (`decode`), or
//! extracted by the office readers; a binary file refused with a message naming it.

use super::walk::{Input, InputError, describe_io_error, display};
use crate::document::Format;
use crate::document::source::Source;
use crate::input::decode::{self, TextEncoding};
use crate::msg;
use crate::report::message::Message;
use std::io::Read;
use std::path::Path;

/// The largest input read by default (`--max-file-size`): larger files are refused before
/// they are read, so a stray 1 GB log costs nothing.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Reads an input and checks that it is text govlint can lint.
/// `encoding` skips the detection (`--encoding`, or a file read before).
pub fn read(input: &Input, encoding: Option<TextEncoding>) -> Result<Source, InputError> {
    read_limited(input, encoding, DEFAULT_MAX_FILE_SIZE)
}

/// `read`, refusing an input larger than `limit` bytes: a file by its size before it is
/// opened, a stream (standard input, a pipe, a device) once `limit` bytes have come.
pub fn read_limited(
    input: &Input,
    encoding: Option<TextEncoding>,
    limit: u64,
) -> Result<Source, InputError> {
    let (path, bytes) = match input {
        Input::File(path) => (display(path), read_file(path, limit)),
        Input::Stdin { name } => (name.clone(), read_stream(std::io::stdin().lock(), limit, 0)),
    };
    let fail = |message: Message| InputError {
        path: path.clone(),
        message,
    };
    let bytes = bytes.map_err(fail)?;
    let digest = crate::document::source::digest(&bytes);
    if Format::from_path(&path) == Format::Docx {
        let (mut source, unread) =
            crate::input::office::source(path.clone(), bytes, limit).map_err(fail)?;
        // Said in the run's summary, not passed over: these parts hold text nobody checked.
        source.unread_parts = unread.iter().map(|part| part.to_string()).collect();
        source.digest = digest;
        return Ok(source);
    }
    let encoding = match encoding {
        None if Format::from_path(&path) == Format::Html
            && encoding_rs::Encoding::for_bom(&bytes).is_none() =>
        {
            decode::declared_in_html(&bytes)
        }
        forced => forced,
    };
    let (text, encoding) = decode::decode_owned(bytes, encoding).map_err(fail)?;
    let mut source = Source::new(path, text);
    source.encoding = encoding;
    source.digest = digest;
    Ok(source)
}

fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, Message> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        // Listed by a walk, gone when read: deleted meanwhile, or a link to nothing.
        Err(err) if err.kind() == std::io::ErrorKind::NotFound && path.is_symlink() => {
            return Err(msg!("input-dangling-link"));
        }
        Err(err) => return Err(describe_io_error(&err)),
    };
    // Opening a FIFO waits for a writer, for ever: only regular files are read.
    if !meta.is_file() && !meta.is_dir() {
        return Err(msg!("input-not-regular-file"));
    }
    let size = meta.len();
    if size > limit {
        return Err(too_large(size, limit));
    }
    let file = std::fs::File::open(path).map_err(|e| describe_io_error(&e))?;
    read_stream(file, limit, size)
}

/// At most `limit` bytes of a stream; more is an error, found by reading one byte more.
/// `expected` (the file's size) sizes the buffer: read in one go, not grown and copied.
fn read_stream(stream: impl Read, limit: u64, expected: u64) -> Result<Vec<u8>, Message> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(limit)).unwrap_or(0) + 1);
    stream
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| describe_io_error(&e))?;
    if bytes.len() as u64 > limit {
        return Err(msg!("input-stream-too-large", limit = megabytes(limit)));
    }
    Ok(bytes)
}

fn too_large(size: u64, limit: u64) -> Message {
    msg!(
        "input-too-large",
        size = megabytes(size),
        limit = megabytes(limit)
    )
}

/// A size in MB (MiB), as `--max-file-size` takes it.
pub(crate) fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 10.0 || mb.fract() == 0.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}
