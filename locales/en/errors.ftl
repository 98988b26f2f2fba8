# Errors, warnings and notes govlint says besides its findings: why an input, the
# configuration, a baseline or a write failed, and the lines they are said in. The English
# texts are those govlint has always printed (tests and CI scripts match them).

## The lines said on standard error

line-error = error: { $message }
line-error-file = error: { $path }: { $message }
# An input that could not be linted; the run goes on.
line-input-error = error: { $path }: { $message }
line-warning = warning: { $message }
line-warning-file = warning: { $path }: { $message }
line-note = note: { $message }
line-note-file = note: { $path }: { $message }
# A file a directory walk skipped ($what: why, without its ", not linted").
line-skipped = note: { $path }: { $what }, skipped

## Why a file could not be opened or read

io-not-found = no such file or directory
io-permission-denied = permission denied
io-is-a-directory = a directory, where a file was expected
io-link-loop = a symbolic link loop (too many levels of symbolic links)
io-read-only-file-system = read-only file system
io-storage-full = no space left on device
# The system's own words, for the rare causes.
io-other = { $error }
input-dangling-link = a symbolic link to a file that does not exist
input-not-regular-file = not a regular file (a pipe, socket or device)
input-too-large = { $size } is over the { $limit } limit (`--max-file-size` raises it), not read
input-stream-too-large = more than { $limit } (the limit of `--max-file-size`), not linted
input-walk-loop = a symbolic link loop (it leads back to { $ancestor }), not followed
input-unread-format = a .{ $extension } file, a format govlint does not read, not linted

## Text files: binary files and encodings

input-binary-nul-bytes = binary file (contains NUL bytes), not linted
input-binary-nul-characters = binary file (contains NUL characters), not linted
input-odd-utf16 = { $encoding } text with an odd number of bytes, not linted
input-invalid-utf8 = not valid UTF-8 (invalid byte at offset { $offset }), not linted
input-lone-surrogate = undecodable { $encoding } (a lone surrogate), not linted
input-not-in-encoding = bytes that are not { $encoding } (and not UTF-8), not linted; `--encoding` names the encoding
input-not-utf8 = not valid UTF-8 (invalid byte at offset { $offset }) and not a Chinese encoding (it looks like { $guess }), not linted; `--encoding` names the encoding
# A fixed text that its file's encoding cannot hold ($character: the first such, or none).
encode-unmappable = the text has a character { $encoding } cannot hold{ $character ->
    [none] {""}
   *[other] {" "}(`{ $character }`)
}

## Office documents (.docx, .doc, .wps, .odt, .mht)

input-text-too-long = its text is over the { $limit } limit (`--max-file-size` raises it), not linted
input-encrypted = a password-protected (encrypted) Word file, not linted; save it without a password
input-docx-compound = a password-protected (encrypted) Word file or an old binary .doc, not a .docx zip archive, not linted; save it as .docx without a password
input-docx-zip-damaged = not a readable .docx (damaged zip archive: { $error }), not linted
input-docx-no-main-part = not a Word document (the zip archive has no { $part }), not linted
input-docx-alt-chunks-only = its text is in embedded documents (w:altChunk) govlint does not read (another Word file, RTF, or a part missing from the package), not linted; open it in Word and save it as .docx
input-zip-damaged = not a readable document (damaged zip archive: { $error }), not linted
input-zip-part-damaged = not a readable document ({ $part } is damaged: { $error }), not linted
input-zip-method = { $part } is compressed with a method govlint does not read (zip method { $method }), not linted
input-zip-bomb-size = { $part } expands beyond { $limit } MB, not linted (a zip bomb?)
input-zip-bomb-ratio = { $part } expands more than { $ratio } times its compressed size, not linted (a zip bomb?)
input-malformed-xml = malformed XML in { $part } ({ $detail }), not linted
input-odt-zip-damaged = not a readable OpenDocument file (damaged zip archive: { $error }), not linted
input-odt-not-text = an OpenDocument file that is not a text document ({ $mimetype }), not linted
input-odt-no-content = not an OpenDocument text (the zip archive has no { $part }), not linted
input-rtf = an RTF document, a format govlint does not read (its markup would be linted as text), not linted; save it as .docx
input-not-rtf = not an RTF document (it does not start with {"{"}\rtf), not linted
input-doc-not-word = not a Word document (neither a Word 97-2003 compound file nor a .docx zip archive), not linted
input-doc-compound-damaged = not a readable Word file (damaged compound file: { $error }), not linted
input-doc-other-office-file = an OLE compound file without a WordDocument stream (an Excel, PowerPoint or other Office file?), not a Word document, not linted
input-doc-bad-stream = not a Word document (its WordDocument stream does not start as one), not linted
input-doc-too-old = a Word file older than Word 97 (Word 6 or 95), a format govlint does not read, not linted; save it as .docx
input-doc-stream = not a readable Word file ({ $stream } stream: { $error }), not linted
input-doc-stream-missing = not a readable Word file (its { $stream } stream is missing), not linted
input-doc-damaged = not a readable Word file ({ $part ->
    [fib] its file information block is damaged
    [piece-table] its piece table is damaged
    [piece-table-outside] its piece table lies outside the table stream
   *[piece-outside] a piece of its text lies outside the file
}), not linted
input-mht-unreadable = a web archive (MHT) whose MIME structure cannot be read, not linted
input-mht-no-html = a web archive (MHT) with no HTML part, not linted
input-mht-undecodable = a web archive (MHT) whose HTML part cannot be decoded, not linted

## Parts of documents that are not read

unread-note = its { $parts } are not read, so not checked
unread-parts-and = { $first } and { $last }
unread-parts-comma = { $first }, { $rest }
unread-part = { $part ->
    [headers-and-footers] headers and footers
    [text-boxes] text boxes
    [text-boxes-in-headers] text boxes in headers
    [embedded-documents] embedded documents
    [embedded-documents-w-altchunk] embedded documents (w:altChunk)
   *[other] { $part }
}

## Files skipped, in the summary line

skipped-binary = { $count } binary { $count ->
    [one] file
   *[other] files
} skipped
skipped-files = { $count } { $count ->
    [one] file
   *[other] files
} skipped ({ $kinds })
skipped-kind-binary = { $count } binary
skipped-kind-format = { $count } .{ $extension }
skipped-kind-separator = {", "}
# Appended to the summary line.
human-skipped = {" "}{ $summary }.
human-unread-parts = {" "}{ $count } { $count ->
    [one] file
   *[other] files
} with parts not read ({ $parts }), so not checked.

## The configuration file

config-unreadable = cannot read the configuration file: { $error }
text-file-too-large = larger than { $limit } MB
text-file-not-utf8 = not UTF-8 text
# Chinese output puts the hint after the message (miette's "help:" label is English).
# The heading miette writes above a configuration error.
config-error-code = govlint::config
config-error-with-hint = { $message } ({ $hint })
config-toml = { $detail }
config-unknown-key = unknown field `{ $key }`, expected { $expected }
config-unknown-key-help = { $suggestion ->
    [none] {""}
   *[other] did you mean `{ $suggestion }`?{" "}
}keys are kebab-case; `govlint init` writes a file with every key
config-unknown-value = unknown variant `{ $value }`, expected { $expected }
config-unknown-level-help = { $suggestion ->
    [none] {""}
   *[other] did you mean `{ $suggestion }`?{" "}
}a rule's level is one of `error`, `warning`, `info`, `off`
config-unknown-value-help = did you mean `{ $suggestion }`?
# A list of names: config-name-list joins them.
config-name = `{ $name }`
config-name-list = { $first }, { $rest }
# Two names (serde's words: "`en` or `zh`").
# "one of `a`, `b`, `c`" (serde's words for more than two names).
config-name-one-of = one of { $list }
config-name-or = { $first } or { $rest }
config-unknown-rule = unknown rule `{ $name }`
config-unknown-rule-help = { $suggestion ->
    [none] `govlint rules` lists the rules
   *[other] did you mean `{ $suggestion }`? `govlint rules` lists them
}
config-bad-per-file-glob = `{ $pattern }` is not a valid glob: { $error }
config-per-file-globs = the [per-file] globs: { $error }
config-bad-glob = not a valid glob: { $error }
config-bad-threshold = `{ $value }` is not a similarity in (0, 1]
config-bad-threshold-help = the default is 0.85: 85% of characters equal

## The command line

cli-unknown-rule = unknown rule `{ $name }`; { $suggestion ->
    [none] {""}
   *[other] did you mean `{ $suggestion }`?{" "}
}`govlint rules` lists them
cli-allowlist-unreadable = { $path }: cannot read the allowlist: { $error }
cli-terms-unreadable = { $path }: cannot read the file of terms (`[wording] terms-file`): { $error }
cli-output-not-written = error: could not write output: { $error }
cli-report-not-written = error: could not write the report to { $path }: { $error }
cli-server-failed = error: the language server stopped: { $error }
cli-nothing-linted = warning: no file was linted: { $skipped }; govlint reads .txt, .md, .markdown, .html, .htm, .docx, .doc, .wps and .odt
# `govlint check` with no path while standard input is a pipe or a file: `.` is linted.
cli-stdin-not-read = no path given, so `.` is linted, not standard input; to lint standard input, name it `-`: `… | govlint check -` (naming `.` silences this note)
cli-fixed = Fixed { $fixes } { $fixes ->
    [one] finding
   *[other] findings
} in { $files } { $files ->
    [one] file
   *[other] files
}.
cli-baseline-written = Recorded { $count } { $count ->
    [one] finding
   *[other] findings
} in { $path }.
cli-baseline-not-written = error: { $path }: could not write the baseline: { $error }
init-exists = error: { $path } already exists; `govlint init --force` overwrites it
init-written = Wrote { $path }.
init-not-written = error: { $path }: could not write: { $error }

## --fix

fix-office-not-fixed = fixes are not applied to office documents (.docx, .doc, .wps, .odt); the findings are reported
fix-same-file = the same file as { $other }, fixed under that name
fix-changed-meanwhile = changed since it was linted; not fixed (run govlint again)
fix-not-written = could not write the fixes: { $error }; the file is unchanged

## Baselines

baseline-unreadable = { $path }: cannot read the baseline: { $error }
baseline-invalid = { $path }: not a govlint baseline: { $error }
baseline-not-json = { $error }
baseline-version = version { $version } is not supported (this govlint writes version { $supported })
baseline-fingerprint = `{ $value }` is not a paragraph fingerprint

## Why --fix refused to write a file (after "could not write the fixes: ")

fix-link-to-nothing = it is a symbolic link to { $target }, which does not exist
fix-link-outside = it is a symbolic link to { $target }, outside the linted tree (name that file, or a directory holding it, to fix it)
fix-not-regular-file = not a regular file (a directory, pipe, socket or device)
fix-changed-while-fixing = it changed while it was being fixed; its new text is kept
fix-read-only = it is read-only (mode { $mode })
fix-read-only-file-system = it is on a read-only file system
fix-read-only-for-you = it is read-only for you (mode { $mode })
fix-read-only-plain = it is read-only
fix-unkept-in-place = { $reason } (`--in-place` writes it in place instead)
unkept-directory = its directory is not writable, so no file can be made to replace it
unkept-hard-links = it has { $count } hard links, which replacing it would break
unkept-owner = it belongs to another user (uid { $uid }), and a file replacing it would belong to you
unkept-group = a file replacing it could not be given its group (gid { $gid })
unkept-attribute = a file replacing it could not be given its extended attribute { $name } ({ $error })

## The TOML reader's errors (its own English words, rebuilt from the problem's name)

config-toml-syntax = { $problem ->
    [duplicate-key] duplicate key
    [no-value] key with no value, expected `=`
    [unquoted] string values must be quoted, expected literal string
    [unclosed-array] unclosed array, expected `]`
    [unclosed-table] unclosed table, expected `]`
   *[unclosed-string] invalid basic string, expected `"`
}
# $expected: boolean, sequence, string, number, count, or serde's own words.
config-found = { $kind ->
    [string] string "{ $value }"
    [integer] integer `{ $value }`
    [float] floating point `{ $value }`
    [boolean] boolean `{ $value }`
    [sequence] sequence
    [map] map
   *[other] { $value }
}
config-invalid-type = invalid type: { $found }, expected { $expected ->
    [boolean] a boolean
    [sequence] a sequence
    [string] a string
    [number] f64
    [count] usize
   *[other] { $expected }
}
config-invalid-value = invalid value: { $found }, expected { $expected ->
    [boolean] a boolean
    [sequence] a sequence
    [string] a string
    [number] f64
    [count] usize
   *[other] { $expected }
}
cli-signatures-exist = { $path } already holds signatures (manifest.json): choose a new directory, or remove it first
cli-signatures-not-written = { $path }: the signatures could not be written: { $error }
cli-signatures-written = { $files } { $files ->
    [one] file
   *[other] files
  }, { $units } { $units ->
    [one] paragraph
   *[other] paragraphs
  }: signatures written to { $path } in { $partitions } { $partitions ->
    [one] partition
   *[other] partitions
  }
cli-signatures-unreadable = { $path }: the signatures cannot be read: { $error }
signatures-stale-entry = its findings were written by another version of govlint: write the signatures again
# A sentence of a JSON report read back (`govlint report FINDINGS.json`), shown as written.
as-written = { $text }
reread-unknown-rule = a finding of rule `{ $rule }`, which this govlint does not know, is left out
cli-report-unreadable = { $path }: cannot be read: { $error }
cli-report-not-json = { $path }: not a report govlint wrote as JSON (`--format json`), nor a directory of signatures: { $error }
