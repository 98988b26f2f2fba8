//! Applying fixes: `--fix` rewrites files (atomically), `--diff` shows what it would change.

use crate::document::source::Source;
use crate::document::{Document, Format};
use crate::report::diagnostic::{Diagnostic, Fix};
use crate::report::message::Message;
use crate::report::suppress::{Directives, Matcher};
use crate::rules::{RuleInfo, check_document_counted};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `text` with every fix applied whose edits touch none of the bytes an edit of a fix
/// applied before it touches (in order of position), and how many were applied. Each edit
/// must still find the bytes the rule saw.
///
/// Edits, not whole fixes, are what may not overlap: the fix of a pair of marks edits its
/// two ends, and the fixes of pairs nested in it (`(((行)))`) and of marks between them
/// apply in the same round; counting the pair as everything from its first edit to its last
/// took one round per level, and ten rounds were not enough.
pub fn apply<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    use std::collections::{BTreeMap, BTreeSet};
    let mut fixes: Vec<&Fix> = fixes.into_iter().filter(|f| !f.edits.is_empty()).collect();
    fixes.sort_by_key(|f| f.edits.iter().map(|e| e.range.start).min());
    // What applied edits replace (start → end), and where they insert (empty ranges).
    let mut replaced: BTreeMap<usize, usize> = BTreeMap::new();
    let mut inserted: BTreeSet<usize> = BTreeSet::new();
    let covers = |replaced: &BTreeMap<usize, usize>, at: usize| {
        replaced
            .range(..at)
            .next_back()
            .is_some_and(|(_, &end)| end > at)
    };
    let mut edits = Vec::new();
    let mut applied = 0;
    for fix in fixes {
        let mut ranges: Vec<_> = fix.edits.iter().collect();
        ranges.sort_by_key(|e| (e.range.start, e.range.end));
        let free = |range: &std::ops::Range<usize>| {
            if range.is_empty() {
                !inserted.contains(&range.start) && !covers(&replaced, range.start)
            } else {
                // Disjoint replaced ranges: the last one starting before the end reaches
                // furthest among them.
                let overlaps = replaced
                    .range(..range.end)
                    .next_back()
                    .is_some_and(|(_, &end)| end > range.start);
                !overlaps && inserted.range(range.start + 1..range.end).next().is_none()
            }
        };
        let fits = ranges
            .windows(2)
            .all(|w| w[0].range.end <= w[1].range.start && w[0].range != w[1].range)
            && ranges
                .iter()
                .all(|e| text.get(e.range.clone()).is_some() && free(&e.range));
        if fits {
            for edit in &ranges {
                if edit.range.is_empty() {
                    inserted.insert(edit.range.start);
                } else {
                    replaced.insert(edit.range.start, edit.range.end);
                }
            }
            edits.extend(ranges);
            applied += 1;
        }
    }
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// Applies fixes until none is left: a fix may expose another (`中!?` → `中！?` makes the `?`
/// follow a Chinese mark). `first` are the run's fixes; later rounds lint the text again with
/// `rules`, which must be those on for `path` (`Options::rules_for`): a rule the
/// configuration turns off for the file would otherwise fix it from the second round on.
/// At most ten rounds, so a rule that keeps rewriting cannot loop.
pub fn converge(
    path: &str,
    text: &str,
    first: &[Fix],
    rules: &[&'static RuleInfo],
    unsafe_fixes: bool,
) -> (String, usize) {
    converge_with(
        path,
        text,
        first,
        rules,
        &crate::rules::NO_SETTINGS,
        unsafe_fixes,
    )
}

/// `converge`, with the rules' settings of the run (`[wording] terms`, `--as-of`).
pub fn converge_with(
    path: &str,
    text: &str,
    first: &[Fix],
    rules: &[&'static RuleInfo],
    settings: &crate::rules::Settings,
    unsafe_fixes: bool,
) -> (String, usize) {
    let (mut fixed, mut applied) = apply(text, first);
    for _ in 0..10 {
        let document = Document::new(Source::new(path, fixed.clone()), Format::from_path(path));
        // What the file's comments suppress stays as it is, in every round.
        let directives = Directives::of(&document);
        let mut matcher = Matcher::new(&directives);
        let found: Vec<Diagnostic> = rules
            .iter()
            .flat_map(|rule| check_document_counted(rule, &document, 0, settings).0)
            .filter(|d| {
                let line = document.source.position(d.span.start).line;
                !matcher.suppresses_at(d.rule.as_str(), d.span.start, line)
            })
            .collect();
        let found: Vec<&Diagnostic> = found.iter().collect();
        let (next, more) = apply(&fixed, &chosen(&found, unsafe_fixes));
        if more == 0 || next == fixed {
            break;
        }
        fixed = next;
        applied += more;
    }
    (fixed, applied)
}

/// The fixes of `diagnostics` that `--fix` applies (safe ones, or all with `--unsafe-fixes`).
pub fn chosen(diagnostics: &[&Diagnostic], unsafe_fixes: bool) -> Vec<Fix> {
    diagnostics
        .iter()
        .filter_map(|d| d.fix.clone())
        .filter(|f| f.safe || unsafe_fixes)
        .collect()
}

/// A unified diff of a file before and after its fixes, with the changed characters within
/// each changed line marked: in colour (`colored`), the changed characters of a `-` line are
/// shown in reverse red and those of its `+` line in reverse green; without colour, each pair
/// of changed lines is followed by a `~` line that shows what changed in place,
/// `[-,-]{+，+}`, around the changes. A Chinese paragraph is one long line, and a full-width
/// comma is hard to tell from a half-width one at a glance.
///
/// Control characters other than the line layout are escaped (`\u{1b}`), in the name and the
/// lines alike: the diff is read on a terminal, which a document's escape sequences must not
/// drive. Such a line no longer applies as a patch, which `--fix` does not need.
pub fn unified_diff(path: &str, old: &str, new: &str, colored: bool) -> String {
    let path = crate::text::escape_controls(path);
    let diff = similar::TextDiff::from_lines(old, new);
    let mut out = format!("--- {path}\n+++ {path}\n");
    for hunk in diff.unified_diff().context_radius(1).iter_hunks() {
        out.push_str(&format!("{}\n", hunk.header()));
        let changes: Vec<_> = hunk.iter_changes().collect();
        let mut at = 0;
        while at < changes.len() {
            if changes[at].tag() == similar::ChangeTag::Equal {
                push_diff_line(&mut out, ' ', changes[at].value(), colored, None);
                at += 1;
                continue;
            }
            let run = |from: usize, tag| {
                changes[from..]
                    .iter()
                    .take_while(|c| c.tag() == tag)
                    .map(|c| c.value())
                    .collect::<Vec<&str>>()
            };
            let deleted = run(at, similar::ChangeTag::Delete);
            let inserted = run(at + deleted.len(), similar::ChangeTag::Insert);
            at += deleted.len() + inserted.len();
            // Lines are compared character by character only where a fix changed lines in
            // place, one for one; a deleted paragraph is a deleted line.
            let paired = deleted.len() == inserted.len();
            let marks: Vec<Vec<similar::DiffOp>> = if paired {
                deleted
                    .iter()
                    .zip(&inserted)
                    .map(|(a, b)| char_ops(line_text(a), line_text(b)))
                    .collect()
            } else {
                Vec::new()
            };
            let emphasis =
                |i: usize, side: Side| (colored && paired).then(|| (marks[i].as_slice(), side));
            for (i, line) in deleted.iter().enumerate() {
                push_diff_line(&mut out, '-', line, colored, emphasis(i, Side::Old));
            }
            for (i, line) in inserted.iter().enumerate() {
                push_diff_line(&mut out, '+', line, colored, emphasis(i, Side::New));
            }
            if paired && !colored {
                for ((a, b), ops) in deleted.iter().zip(&inserted).zip(&marks) {
                    out.push('~');
                    out.push_str(&in_line_changes(line_text(a), line_text(b), ops));
                    out.push('\n');
                }
            }
        }
    }
    out
}

#[derive(Clone, Copy)]
enum Side {
    Old,
    New,
}

/// A line of the diff without its line end.
fn line_text(line: &str) -> &str {
    line.trim_end_matches('\n').trim_end_matches('\r')
}

fn char_ops(old: &str, new: &str) -> Vec<similar::DiffOp> {
    similar::TextDiff::from_chars(old, new).ops().to_vec()
}

/// One line of the diff: its tag, its text escaped (the changed characters in colour when
/// `emphasis` says which side of a pair it is), its line end, and the standard note when the
/// file does not end with one.
fn push_diff_line(
    out: &mut String,
    tag: char,
    line: &str,
    colored: bool,
    emphasis: Option<(&[similar::DiffOp], Side)>,
) {
    const RESET: &str = "\x1b[0m";
    let text = line_text(line);
    let (color, strong) = match tag {
        '-' if colored => ("\x1b[31m", "\x1b[7;31m"),
        '+' if colored => ("\x1b[32m", "\x1b[7;32m"),
        _ => ("", ""),
    };
    out.push_str(color);
    out.push(tag);
    match emphasis {
        None => out.push_str(&escape_line(text)),
        Some((ops, side)) => {
            let chars: Vec<char> = text.chars().collect();
            for op in ops {
                let (tag, range) = match side {
                    Side::Old => (op.tag(), op.old_range()),
                    Side::New => (op.tag(), op.new_range()),
                };
                let piece: String = chars[range].iter().collect();
                if tag == similar::DiffTag::Equal || piece.is_empty() {
                    out.push_str(&escape_line(&piece));
                } else {
                    out.push_str(strong);
                    out.push_str(&escape_line(&piece));
                    out.push_str(RESET);
                    out.push_str(color);
                }
            }
        }
    }
    if !color.is_empty() {
        out.push_str(RESET);
    }
    // The line end as the file has it (a CRLF file's diff keeps its CRLF); a lone carriage
    // return ends the line too, escaped so that it cannot overwrite what was printed.
    let end = &line[text.len()..];
    match end {
        "" => out.push_str("\n\\ No newline at end of file\n"),
        "\r" => out.push_str("\\r\n"),
        end => out.push_str(end),
    }
}

fn escape_line(text: &str) -> std::borrow::Cow<'_, str> {
    crate::text::escape_controls(text)
}

/// What changed between two lines, in place, with a few characters of context around each
/// change: `…务做“加法”[-,-]{+，+}为政务效…`.
fn in_line_changes(old: &str, new: &str, ops: &[similar::DiffOp]) -> String {
    const CONTEXT: usize = 8;
    let old: Vec<char> = old.chars().collect();
    let new: Vec<char> = new.chars().collect();
    let text = |chars: &[char]| escape_line(&chars.iter().collect::<String>()).into_owned();
    let mut shown = String::new();
    let last = ops.len().saturating_sub(1);
    for (i, op) in ops.iter().enumerate() {
        let (old_range, new_range) = (op.old_range(), op.new_range());
        match op.tag() {
            similar::DiffTag::Equal => {
                let equal = &old[old_range];
                let (head, tail) = (i > 0, i < last);
                if equal.len() <= CONTEXT * (usize::from(head) + usize::from(tail)) {
                    shown.push_str(&text(equal));
                } else {
                    if head {
                        shown.push_str(&text(&equal[..CONTEXT]));
                    }
                    shown.push('…');
                    if tail {
                        shown.push_str(&text(&equal[equal.len() - CONTEXT..]));
                    }
                }
            }
            _ => {
                if !old_range.is_empty() {
                    shown.push_str(&format!("[-{}-]", text(&old[old_range])));
                }
                if !new_range.is_empty() {
                    shown.push_str(&format!("{{+{}+}}", text(&new[new_range])));
                }
            }
        }
    }
    shown
}

/// What temporary files are called (`.govlint-XXXXXX.tmp`): hidden, never linted by a
/// walk, and recognizable when a killed run leaves one behind.
const TEMPORARY_PREFIX: &str = ".govlint-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// The linted tree, where `--fix` may write through a symbolic link: the directories named
/// on the command line and the directory of each file named there, canonical. A link whose
/// target lies elsewhere (a walk reads a link that leads out of the walked directory) is not
/// written through: a lint of one tree must not change files outside it.
pub struct Tree {
    roots: Vec<PathBuf>,
}

impl Tree {
    /// The tree of the paths named on the command line (`-`, standard input, adds nothing).
    pub fn of(paths: &[PathBuf]) -> Tree {
        let roots = paths
            .iter()
            .filter(|path| path.as_os_str() != "-")
            .filter_map(|path| {
                // The directory holding a named file, not its target's: a named link leads
                // into the tree only where it leads beside or below itself.
                let dir = if path.is_dir() {
                    path.as_path()
                } else {
                    directory_of(path)
                };
                std::fs::canonicalize(dir).ok()
            })
            .collect();
        Tree { roots }
    }

    fn holds(&self, canonical: &Path) -> bool {
        self.roots.iter().any(|root| canonical.starts_with(root))
    }
}

/// The directory a file lies in (`.` for a bare name).
pub fn directory_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The file that writing to `path` replaces: `path` itself, or for a symbolic link the file
/// it leads to, so that the link stays a link; with a `tree`, only a target inside it.
pub fn resolve(path: &Path, tree: Option<&Tree>) -> std::io::Result<PathBuf> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(path.to_path_buf());
    }
    let target = match std::fs::canonicalize(path) {
        Ok(target) => target,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            let to = std::fs::read_link(path).unwrap_or_default();
            let target = crate::input::walk::display(&to);
            return Err(refused(crate::msg!("fix-link-to-nothing", target = target)));
        }
        Err(err) => return Err(err),
    };
    if tree.is_some_and(|tree| !tree.holds(&target)) {
        let target = crate::input::walk::display(&target);
        return Err(refused(crate::msg!("fix-link-outside", target = target)));
    }
    Ok(target)
}

/// What `write` does with the file it replaces.
#[derive(Clone, Copy)]
pub struct Overwrite {
    /// The bytes the file must still hold (`Source::digest`), checked after the new text is
    /// on disk and just before it replaces the file: an editor saving meanwhile keeps its
    /// text. `None`: whatever it holds (a baseline, a configuration).
    pub digest: Option<u128>,
    /// What becomes of a file that a new file cannot stand in for (see `Unkept`).
    pub in_place: InPlace,
}

/// Whether a file that a new file cannot stand in for is written in place.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum InPlace {
    /// Refused: the command has no `--in-place`.
    Never,
    /// Refused, and the refusal names `--in-place`.
    Offered,
    /// Written in place (`--in-place`).
    Allowed,
}

/// What a file written to replace another would not keep of it, so that replacing it would
/// change more than its text; or why no file can replace it.
#[cfg_attr(not(unix), allow(dead_code))]
enum Unkept {
    /// The directory takes no new file (no write permission there), though the file itself
    /// may be written.
    Directory,
    /// Its other names (hard links) would go on naming the old text.
    HardLinks(u64),
    /// Only root can give a file to another user.
    Owner(u32),
    /// Only root, or a member of the group, can give a file to a group.
    Group(u32),
    /// An extended attribute that cannot be set on a new file (`security.*` labels need
    /// privileges the run may lack).
    Attribute(std::ffi::OsString, std::io::Error),
}

impl Unkept {
    fn message(&self) -> Message {
        match self {
            Unkept::Directory => crate::msg!("unkept-directory"),
            Unkept::HardLinks(n) => crate::msg!("unkept-hard-links", count = n.to_string()),
            Unkept::Owner(uid) => crate::msg!("unkept-owner", uid = uid.to_string()),
            Unkept::Group(gid) => crate::msg!("unkept-group", gid = gid.to_string()),
            Unkept::Attribute(name, err) => crate::msg!(
                "unkept-attribute",
                name = name.to_string_lossy().into_owned(),
                error = err.to_string()
            ),
        }
    }
}

/// Replaces `path` with `bytes`: written to a temporary file beside it, then renamed over
/// it, so a failure at any point leaves the original as it was. A process killed between
/// the two leaves the original and a `.govlint-XXXXXX.tmp` file, which
/// `remove_stale_temporaries` deletes on a later run. A symbolic link is written through.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(
        path,
        bytes,
        Overwrite {
            digest: None,
            in_place: InPlace::Never,
        },
    )
}

/// Asks for a new file's usual permissions: 0666 less the umask (0644 under umask 022), as
/// `open` gives, rather than tempfile's 0600, which would hide a baseline or a
/// configuration from the rest of a team sharing a checkout.
pub(crate) fn ordinary_permissions(builder: &mut tempfile::Builder<'_, '_>) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The mode is given to `open`, which applies the umask.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = builder;
}

/// Tests edit the file between the lint and the fix, or just before the rename (debug
/// builds only), as an editor saving at the wrong moment would.
#[cfg(debug_assertions)]
pub fn test_edit(path: &Path, hook: &str) {
    if let Some(text) = std::env::var_os(hook) {
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .expect("the test hook appends to the file");
        file.write_all(text.to_string_lossy().as_bytes())
            .expect("the test hook appends to the file");
    }
}

/// Writes `bytes` over the file at `path` (through a symbolic link: `resolve` it first to
/// check where it leads), atomically, as the file it replaces was: the same mode, owner,
/// group and extended attributes. A read-only file is refused. A file that a new one cannot
/// stand in for (other hard links; an owner, group or attribute the run cannot give a new
/// file) is refused, or with `InPlace::Allowed` written in place, not atomically.
pub fn write(path: &Path, bytes: &[u8], how: Overwrite) -> std::io::Result<()> {
    let target = resolve(path, None)?;
    let existing = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(err),
    };
    if let Some(meta) = &existing {
        if !meta.is_file() {
            return Err(refused(crate::msg!("fix-not-regular-file")));
        }
        refuse_read_only(&target, meta)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if meta.nlink() > 1 {
                return in_place_or_refuse(&target, bytes, how, Unkept::HardLinks(meta.nlink()));
            }
        }
    }
    let dir = directory_of(&target);
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMPORARY_PREFIX).suffix(TEMPORARY_SUFFIX);
    // A new file (a baseline, `govlint init`) gets the permissions any new file gets; one
    // that replaces a file stays 0600 until it is given the original's mode, so a private
    // file's new text is never readable by others in between.
    if existing.is_none() {
        ordinary_permissions(&mut builder);
    }
    let mut temporary = match builder.tempfile_in(dir) {
        Ok(temporary) => temporary,
        Err(err) if existing.is_some() && err.kind() == std::io::ErrorKind::PermissionDenied => {
            return in_place_or_refuse(&target, bytes, how, Unkept::Directory);
        }
        Err(err) => return Err(err),
    };
    temporary.write_all(bytes)?;
    if let Some(meta) = &existing
        && let Some(unkept) = keep_metadata(temporary.as_file(), &target, meta)?
    {
        // The temporary file is deleted when dropped.
        drop(temporary);
        return in_place_or_refuse(&target, bytes, how, unkept);
    }
    temporary.as_file().sync_all()?;
    // Tests kill the process here, between the write and the rename (debug builds only).
    #[cfg(debug_assertions)]
    if std::env::var_os("GOVLINT_TEST_ABORT_BEFORE_RENAME").is_some() {
        std::process::abort();
    }
    if let Some(digest) = how.digest {
        #[cfg(debug_assertions)]
        test_edit(&target, "GOVLINT_TEST_EDIT_BEFORE_RENAME");
        if crate::document::source::digest(&std::fs::read(&target)?) != digest {
            return Err(changed_meanwhile());
        }
    }
    temporary.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

fn changed_meanwhile() -> std::io::Error {
    refused(crate::msg!("fix-changed-while-fixing"))
}

/// Why govlint itself refused to write a file, as a message in the reader's language
/// (`describe_io_error` finds it in the `io::Error`); its `Display` is the English text.
#[derive(Debug)]
pub struct Refusal(pub Message);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.english())
    }
}

impl std::error::Error for Refusal {}

fn refused(message: Message) -> std::io::Error {
    std::io::Error::other(Refusal(message))
}

/// A file nobody may write (mode 0444) is refused even for root, whom the permissions do
/// not stop: it was made read-only on purpose. Renaming over it would succeed silently,
/// since that needs only the directory's permission.
fn refuse_read_only(path: &Path, meta: &std::fs::Metadata) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use rustix::io::Errno;
        use std::os::unix::fs::MetadataExt;
        let mode = meta.mode() & 0o7777;
        if mode & 0o222 == 0 {
            return Err(refused(crate::msg!(
                "fix-read-only",
                mode = format!("{mode:04o}")
            )));
        }
        match rustix::fs::access(path, rustix::fs::Access::WRITE_OK) {
            Ok(()) => Ok(()),
            Err(Errno::ROFS) => Err(refused(crate::msg!("fix-read-only-file-system"))),
            Err(Errno::ACCESS | Errno::PERM) => Err(refused(crate::msg!(
                "fix-read-only-for-you",
                mode = format!("{mode:04o}")
            ))),
            Err(errno) => Err(errno.into()),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        if meta.permissions().readonly() {
            return Err(refused(crate::msg!("fix-read-only-plain")));
        }
        Ok(())
    }
}

/// Gives `file`, new, what `meta` says of the file at `path` it is to replace: owner and
/// group first (changing them clears the set-user-ID and set-group-ID bits, and
/// `security.capability`), then the extended attributes, then the mode. What cannot be
/// given is returned, and the file is then not replaced.
fn keep_metadata(
    file: &std::fs::File,
    path: &Path,
    meta: &std::fs::Metadata,
) -> std::io::Result<Option<Unkept>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = file.metadata()?;
        let uid = (new.uid() != meta.uid()).then_some(meta.uid());
        let gid = (new.gid() != meta.gid()).then_some(meta.gid());
        if uid.is_some() || gid.is_some() {
            match std::os::unix::fs::fchown(file, uid, gid) {
                Ok(()) => {}
                // A new file that belonged to someone else would carry the set-user-ID bit
                // for the wrong user, or the group's access to the wrong group: refused.
                Err(err) if err.kind() == std::io::ErrorKind::PermissionDenied => {
                    return Ok(Some(match uid {
                        Some(uid) => Unkept::Owner(uid),
                        None => Unkept::Group(meta.gid()),
                    }));
                }
                Err(err) => return Err(err),
            }
        }
        if let Some(unkept) = copy_attributes(file, path)? {
            return Ok(Some(unkept));
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    file.set_permissions(meta.permissions())?;
    Ok(None)
}

/// Copies the extended attributes of the file at `path` to `file` (`user.*`, ACLs as
/// `system.posix_acl_access`, `security.*` labels), but for those it already holds alike.
#[cfg(unix)]
fn copy_attributes(file: &std::fs::File, path: &Path) -> std::io::Result<Option<Unkept>> {
    use xattr::FileExt;
    if !xattr::SUPPORTED_PLATFORM {
        return Ok(None);
    }
    let unsupported = |err: &std::io::Error| {
        rustix::io::Errno::from_io_error(err) == Some(rustix::io::Errno::NOTSUP)
    };
    let names = match xattr::list(path) {
        Ok(names) => names,
        // A file system without extended attributes: nothing to keep.
        Err(err) if unsupported(&err) => return Ok(None),
        Err(err) => return Err(err),
    };
    for name in names {
        // Gone since it was listed: nothing to keep.
        let Some(value) = xattr::get(path, &name)? else {
            continue;
        };
        if file.get_xattr(&name)?.as_deref() == Some(value.as_slice()) {
            continue;
        }
        if let Err(err) = file.set_xattr(&name, &value) {
            return Ok(Some(Unkept::Attribute(name, err)));
        }
    }
    Ok(None)
}

/// A file that a new file cannot stand in for: written in place with `InPlace::Allowed`
/// (written over through the same inode, which keeps its links, owner and attributes, but
/// is not atomic), else refused with what would be lost.
fn in_place_or_refuse(
    path: &Path,
    bytes: &[u8],
    how: Overwrite,
    unkept: Unkept,
) -> std::io::Result<()> {
    match how.in_place {
        InPlace::Allowed => write_in_place(path, bytes, how.digest),
        InPlace::Offered => Err(refused(crate::msg!(
            "fix-unkept-in-place",
            reason = unkept.message()
        ))),
        InPlace::Never => Err(refused(unkept.message())),
    }
}

fn write_in_place(path: &Path, bytes: &[u8], digest: Option<u128>) -> std::io::Result<()> {
    use std::io::{Read, Seek};
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)?;
    if let Some(digest) = digest {
        #[cfg(debug_assertions)]
        test_edit(path, "GOVLINT_TEST_EDIT_BEFORE_RENAME");
        let mut now = Vec::new();
        file.read_to_end(&mut now)?;
        if crate::document::source::digest(&now) != digest {
            return Err(changed_meanwhile());
        }
        file.rewind()?;
    }
    // Written over the old text, then cut to length: the file is never empty meanwhile.
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)?;
    file.sync_all()
}

/// Which file `path` is (device and inode), to tell two names of one file apart from two
/// files; `None` where unknown.
pub fn identity(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// How old a temporary file must be before it is taken for one a killed run left: a live
/// run renames its own within moments.
const STALE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Deletes the temporary files of `write_atomically` in `dir` that are older than an hour:
/// left by a run that was killed before it could rename them. Returns how many.
pub fn remove_stale_temporaries(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with(TEMPORARY_PREFIX) && name.ends_with(TEMPORARY_SUFFIX)
        })
        .filter(|entry| {
            entry
                .metadata()
                .ok()
                .filter(std::fs::Metadata::is_file)
                .and_then(|meta| meta.modified().ok())
                .and_then(|modified| now.duration_since(modified).ok())
                .is_some_and(|age| age > STALE)
        })
        .filter(|entry| std::fs::remove_file(entry.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::{apply, unified_diff};

    #[test]
    fn a_diff_marks_what_changed_within_a_line() {
        let old = "一,二\n三四五六七八九十甲乙丙丁戊己庚辛壬癸,子丑\n删去的段落\n末尾\n";
        let new = "一，二\n三四五六七八九十甲乙丙丁戊己庚辛壬癸，子丑\n末尾\n";
        let diff = unified_diff("a.txt", old, new, false);
        assert_eq!(
            diff,
            "--- a.txt\n+++ a.txt\n@@ -1,4 +1,3 @@\n-一,二\n-三四五六七八九十甲乙丙丁戊己庚辛壬癸,子丑\n\
             -删去的段落\n+一，二\n+三四五六七八九十甲乙丙丁戊己庚辛壬癸，子丑\n 末尾\n"
        );
        let pairs = "一,二\n三四五六七八九十甲乙丙丁戊己庚辛壬癸,子丑\x1b\n";
        let fixed = "一，二\n三四五六七八九十甲乙丙丁戊己庚辛壬癸，子丑\x1b\n";
        let diff = unified_diff("a.txt", pairs, fixed, false);
        // A run of as many `+` lines as `-` lines is compared pair by pair; context is cut to
        // eight characters on each side of a change; a document's escape stays inert.
        assert!(
            diff.ends_with("~一[-,-]{+，+}二\n~…丙丁戊己庚辛壬癸[-,-]{+，+}子丑\\u{1b}\n"),
            "{diff}"
        );
        assert!(!diff.contains('\u{1b}'), "{diff}");
        let no_end = unified_diff("a.txt", "甲,乙", "甲，乙", false);
        assert!(
            no_end.contains("-甲,乙\n\\ No newline at end of file\n+甲，乙\n\\ No newline"),
            "{no_end}"
        );
    }
    use crate::report::diagnostic::{Edit, Fix};

    fn fix(start: usize, end: usize, replacement: &str) -> Fix {
        Fix {
            title: crate::msg!("stray-period-fix"),
            safe: true,
            edits: vec![Edit {
                range: start..end,
                replacement: replacement.into(),
            }],
        }
    }

    /// Found by fuzzing: `(((…(行)?)…)))` needed one round per level of parentheses, and
    /// the `?` inside was still half-width after ten.
    #[test]
    fn nested_pairs_are_fixed_in_one_round() {
        use crate::document::source::Source;
        use crate::document::{Document, Format};
        let text = format!("{}行)?{}", "(".repeat(11), ")".repeat(10));
        let document = Document::new(Source::new("a.txt", text.clone()), Format::PlainText);
        let rule = &crate::rules::halfwidth_punctuation::RULE;
        let fixes: Vec<Fix> = crate::rules::check_document(rule, &document, 0)
            .into_iter()
            .filter_map(|d| d.fix)
            .collect();
        assert_eq!(fixes.len(), 11);
        let (once, applied) = apply(&text, &fixes);
        assert_eq!(applied, 11);
        assert_eq!(once, format!("{}行）?{}", "（".repeat(11), "）".repeat(10)));
        let rules: Vec<&crate::rules::RuleInfo> = crate::rules::RULES.to_vec();
        let (fixed, _) = super::converge("a.txt", &text, &fixes, &rules, false);
        assert_eq!(
            fixed,
            format!("{}行）？{}", "（".repeat(11), "）".repeat(10))
        );
    }

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let text = "甲,乙.丙";
        let fixes = [
            fix(7, 8, "。"),
            fix(3, 4, "，"),
            fix(3, 4, "、"),
            fix(5, 6, "x"),
        ];
        let (out, applied) = apply(text, &fixes);
        assert_eq!(out, "甲，乙。丙");
        // The overlapping fix and the one cutting a character in two are skipped.
        assert_eq!(applied, 2);
    }
}
