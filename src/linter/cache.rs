//! The incremental cache (`--cache`, in `.govlint-cache/` unless `--cache-dir` says
//! otherwise; safe to delete at any time). It keeps, per file, what the per-file rules
//! found and what the duplicate phase needs, keyed by the file's size and modification
//! time, and the near pairs found among the files. A re-run reads, lints and searches again
//! only the files that changed.

use crate::dedup::{At, FileUnits, RawPair};
use crate::document::source::Position;
use crate::report::diagnostic::{Diagnostic, Fix, Related, Severity};
use crate::report::message::Message;
use crate::report::suppress::Directives;
use crate::rules;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::io::{BufReader, BufWriter, Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

// The name changes whenever entries change shape or files are read differently: v5 added
// the encoding, the suppression comments and the paragraph fingerprints; v6 reads HTML and
// Word files as such; v7 keeps paragraphs in less memory (32-bit places, numbered labels);
// v8 keeps a file's normalized text in one array; v9 stores the entries one by one; v10
// keeps units without their enumerators, with their place in lists and quotations; v11
// checksums every blob and stamps files with their inode and change time; v12 keeps the
// parts of an office file that were not read.
const FILE_NAME: &str = "govlint-v12.bin";

/// A file's size and modification time: unchanged stamp, unchanged content. The default
/// (all zero) is the stamp of standard input, which no file on disk has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    modified_ns: u128,
    /// On Unix, the inode and its change time, which copying tools that keep the size and
    /// modification time (`cp -p`, `touch -r`, tar, rsync) cannot set, and which a cache
    /// planted in a repository cannot know.
    changed_ns: u128,
    inode: u64,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        #[cfg(unix)]
        let (changed_ns, inode) = {
            use std::os::unix::fs::MetadataExt;
            let seconds = u128::try_from(meta.ctime()).unwrap_or(0);
            let nanos = u128::try_from(meta.ctime_nsec()).unwrap_or(0);
            (seconds * 1_000_000_000 + nanos, meta.ino())
        };
        #[cfg(not(unix))]
        let (changed_ns, inode) = (0, 0);
        Some(Stamp {
            len: meta.len(),
            modified_ns: modified.as_nanos(),
            changed_ns,
            inode,
        })
    }
}

#[derive(Serialize, Deserialize)]
struct StoredDiagnostic {
    rule: String,
    severity: Severity,
    message: Message,
    help: Option<Message>,
    span: Range<usize>,
    start: Position,
    end: Position,
    paragraph: usize,
    fix: Option<Fix>,
    fingerprint: u64,
    /// Places in the same file (where a quotation closes).
    related: Vec<Related>,
}

/// One file as the cache keeps it.
#[derive(Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub stamp: Stamp,
    diagnostics: Vec<StoredDiagnostic>,
    pub units: FileUnits,
    /// The name of the encoding the file was read in.
    pub encoding: String,
    /// The file's suppression comments: applied to every finding, duplicates included, at
    /// the end of each run.
    pub directives: Directives,
    /// `Source::unread_parts`, for the summary of a run that takes the file from here.
    pub unread_parts: Vec<String>,
}

impl Entry {
    pub fn new(
        path: String,
        stamp: Stamp,
        diagnostics: &[Diagnostic],
        units: FileUnits,
        directives: Directives,
    ) -> Entry {
        Entry {
            path,
            stamp,
            diagnostics: diagnostics
                .iter()
                .map(|d| StoredDiagnostic {
                    rule: d.rule.to_string(),
                    severity: d.severity,
                    message: d.message.clone(),
                    help: d.help.clone(),
                    span: d.span.clone(),
                    start: d.start,
                    end: d.end,
                    paragraph: d.paragraph,
                    fix: d.fix.clone(),
                    fingerprint: d.fingerprint,
                    related: d.related.clone(),
                })
                .collect(),
            units,
            encoding: "UTF-8".to_string(),
            directives,
            unread_parts: Vec::new(),
        }
    }

    /// The file's per-file diagnostics; `None` if a rule of the cache no longer exists.
    pub fn diagnostics(&self) -> Option<Vec<Diagnostic>> {
        self.diagnostics
            .iter()
            .map(|d| {
                let rule = rules::find(&d.rule)?;
                let mut diagnostic = Diagnostic::new(
                    rule.id(),
                    d.severity,
                    0,
                    d.paragraph,
                    d.span.clone(),
                    d.message.clone(),
                );
                diagnostic.help = d.help.clone();
                diagnostic.start = d.start;
                diagnostic.end = d.end;
                diagnostic.fix = d.fix.clone();
                diagnostic.fingerprint = d.fingerprint;
                diagnostic.related = d.related.clone();
                Some(diagnostic)
            })
            .collect()
    }
}

/// Near pairs as (entry, unit, entry, unit, similarity).
type StoredPairs = Vec<(u32, u32, u32, u32, f64)>;

/// What the cache file begins with: whether the rest is worth reading.
#[derive(Serialize, Deserialize)]
struct Header {
    version: String,
    /// Rules and settings the entries were made with.
    fingerprint: String,
    entries: u64,
}

// The cache file is a run of blobs, each a little-endian `u64` length and that many bytes
// of postcard: the header, each entry, then the pairs. It is read a blob at a time, so a
// load never holds the whole file's bytes beside what they decode to.

/// Writes `value` as a blob, serialized in `buffer` (reused from one blob to the next).
fn write_blob(
    writer: &mut impl Write,
    value: &impl Serialize,
    buffer: &mut Vec<u8>,
) -> std::io::Result<()> {
    buffer.clear();
    *buffer = postcard::to_extend(value, std::mem::take(buffer)).map_err(std::io::Error::other)?;
    writer.write_all(&(buffer.len() as u64).to_le_bytes())?;
    writer.write_all(&checksum(buffer).to_le_bytes())?;
    writer.write_all(buffer)
}

/// Each blob's checksum: a damaged byte anywhere makes the cache be discarded, never read.
fn checksum(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The next blob, decoded in `buffer`; `None` when the file is damaged. `remaining` is what
/// the file has left to read: a damaged length never allocates more than that.
fn read_blob<T: DeserializeOwned>(
    reader: &mut impl Read,
    buffer: &mut Vec<u8>,
    remaining: &mut u64,
) -> Option<T> {
    let mut length = [0; 8];
    reader.read_exact(&mut length).ok()?;
    let length = u64::from_le_bytes(length);
    let mut sum = [0; 8];
    reader.read_exact(&mut sum).ok()?;
    *remaining = remaining.checked_sub(length.checked_add(16)?)?;
    buffer.clear();
    buffer.resize(usize::try_from(length).ok()?, 0);
    reader.read_exact(buffer).ok()?;
    if checksum(buffer) != u64::from_le_bytes(sum) {
        return None;
    }
    postcard::from_bytes(buffer).ok()
}

#[derive(Default)]
pub struct Cache {
    pub entries: Vec<Entry>,
    pairs: StoredPairs,
    /// The entries' paths, kept when the entries are taken.
    paths: Vec<String>,
}

impl Cache {
    /// The cache in `dir`, if there is one made by this version with these settings; and
    /// the cache file's path, as printed, when it is damaged (it is then written again).
    pub fn load(dir: &Path, fingerprint: &str) -> (Option<Cache>, Option<String>) {
        let path = dir.join(FILE_NAME);
        if is_link(dir) || is_link(&path) {
            return (None, None);
        }
        let Ok(file) = std::fs::File::open(&path) else {
            return (None, None);
        };
        match Cache::read(file, fingerprint) {
            Ok(cache) => (cache, None),
            Err(Damaged) => (None, Some(crate::input::walk::display(&path))),
        }
    }

    /// The cache in `file`: `None` when another version or other settings made it.
    fn read(file: std::fs::File, fingerprint: &str) -> Result<Option<Cache>, Damaged> {
        let mut remaining = file.metadata().map_err(|_| Damaged)?.len();
        let mut reader = BufReader::new(file);
        let mut buffer = Vec::new();
        let header: Header = read_blob(&mut reader, &mut buffer, &mut remaining).ok_or(Damaged)?;
        if header.version != env!("CARGO_PKG_VERSION") || header.fingerprint != fingerprint {
            return Ok(None);
        }
        let mut entries = Vec::new();
        for _ in 0..header.entries {
            entries.push(read_blob(&mut reader, &mut buffer, &mut remaining).ok_or(Damaged)?);
        }
        let pairs = read_blob(&mut reader, &mut buffer, &mut remaining).ok_or(Damaged)?;
        if remaining != 0 {
            return Err(Damaged);
        }
        Ok(Some(Cache {
            entries,
            pairs,
            paths: Vec::new(),
        }))
    }

    /// The near pairs between entries for which `keep(entry)` holds, with each entry index
    /// mapped by `file`.
    pub fn pairs(&self, file: impl Fn(usize) -> Option<u32>) -> Vec<RawPair> {
        self.pairs
            .iter()
            .filter_map(|&(fa, ua, fb, ub, similarity)| {
                Some((
                    At::new(file(fa as usize)?, ua),
                    At::new(file(fb as usize)?, ub),
                    similarity,
                ))
            })
            .collect()
    }

    /// Writes the cache of this run atomically: a temporary file renamed over the old one.
    pub fn save(
        dir: &Path,
        fingerprint: &str,
        entries: Vec<Entry>,
        pairs: &[RawPair],
    ) -> std::io::Result<()> {
        let header = Header {
            version: env!("CARGO_PKG_VERSION").to_string(),
            fingerprint: fingerprint.to_string(),
            entries: entries.len() as u64,
        };
        let pairs: StoredPairs = pairs
            .iter()
            .map(|&(a, b, s)| (a.file, a.unit, b.file, b.unit, s))
            .collect();
        std::fs::create_dir_all(dir)?;
        // A repository may plant links where the cache goes: never write through one.
        if is_link(dir) || is_link(&dir.join(FILE_NAME)) {
            return Err(std::io::Error::other(
                "the cache directory or file is a symbolic link; the cache is not written",
            ));
        }
        // Created exclusively under a random name: a planted file or link is never opened.
        let mut builder = tempfile::Builder::new();
        builder.prefix(FILE_NAME).suffix(".tmp");
        crate::fix::ordinary_permissions(&mut builder);
        let temporary = builder.tempfile_in(dir)?;
        let mut writer = BufWriter::new(temporary.as_file());
        let mut buffer = Vec::new();
        let mut write_all = || {
            write_blob(&mut writer, &header, &mut buffer)?;
            for entry in &entries {
                write_blob(&mut writer, entry, &mut buffer)?;
            }
            write_blob(&mut writer, &pairs, &mut buffer)?;
            writer.flush()
        };
        write_all()?;
        drop(writer);
        // The temporary file is deleted when dropped, should the rename fail.
        temporary
            .persist(dir.join(FILE_NAME))
            .map(drop)
            .map_err(|err| err.error)
    }

    /// Moves the entries out, keeping their paths for `path`.
    pub fn take_entries(&mut self) -> Vec<Entry> {
        self.paths = self.entries.iter().map(|e| e.path.clone()).collect();
        std::mem::take(&mut self.entries)
    }

    /// The path of entry `entry` (after `take_entries`).
    pub fn path(&self, entry: usize) -> &str {
        &self.paths[entry]
    }

    /// How many files the cache held (after `take_entries`).
    pub fn files(&self) -> usize {
        self.paths.len()
    }
}

/// Where the cache lives by default.
pub fn default_dir() -> PathBuf {
    PathBuf::from(".govlint-cache")
}

/// A cache file that cannot be read as written: cut short, bytes changed.
struct Damaged;

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink())
}
