# The words of `--format human` and `--statistics` around the findings: the finding block's
# own words, folded findings, the closing summary and the statistics table. Same conventions
# as findings.ftl.

## The human format's own words

human-label-here = here
human-label-repeated = repeated here
# Put before the help line under a finding; the lines after it are indented to its width.
human-help = help:{" "}
human-what-differs = what differs: { $diff }
# Under a finding: another place it names (`first occurrence: a.txt:11:1  text…`).
human-related = { $what }: { $place }  { $excerpt }
human-more-copies = { $count } more copies are not shown: `--show-all` lists them
human-unreadable-now = { $path }: { $count } findings (the file can no longer be read to show them)
# After the findings: one fault found in a paragraph copied into many files, shown once
# with its places, so that it is fixed where the copies came from.
human-widespread = note: the same finding in { $files } files, in copies of one paragraph (correct it where they were copied from): { $rule }: { $message }
human-widespread-more = … and { $count } more (`--format json` lists every place)
human-read-as = note: { $path } was read as { $encoding }
human-no-problems = No problems found in { $files } { $files ->
    [one] file
   *[other] files
}.
# Every path named failed: nothing was checked, which must not read as "no problems".
human-nothing-linted = Nothing was linted: { $count } { $count ->
    [one] path
   *[other] paths
} could not be read.
human-problems = Found { $total } { $total ->
    [one] problem
   *[other] problems
} ({ $errors } { $errors ->
    [one] error
   *[other] errors
}, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}{ $infos ->
    [0] {""}
   *[other] , { $infos } info
}) in { $files } { $files ->
    [one] file
   *[other] files
}.
# Appended to the summary line, after a space.
human-not-linted = {" "}{ $count } { $count ->
    [one] path
   *[other] paths
} could not be linted.

## Lists

# Between the items of a list (line numbers, marks, rules).
human-list-joiner = {", "}
# $severity is error, warning or info.
human-severity = { $severity }

## Folded findings: one line for a rule that fires many times in one file

# $breakdown is empty or human-fold-breakdown; $places is human-fold-places; $fix is empty
# or one of human-fold-fix-*.
human-fold = { $rule }: { $count } { $severity } findings in { $path }{ $breakdown } { $places }{ $fix }; { $hidden } not shown: `--show-all` shows every one
human-fold-breakdown = : { $marks }
human-fold-mark = { $count } × `{ $mark }`
# $more is yes when more lines have findings than are listed.
human-fold-places = ({ $unit ->
    [paragraph] paragraphs
   *[line] lines
} { $numbers }{ $more ->
    [yes] , …
   *[no] {""}
})
human-fold-fix-all = ; all fixed by `govlint check --fix`
human-fold-fix-some = ; { $count } fixed by `govlint check --fix`

## Statistics (--statistics) and the lines after a long report

stats-fixable-all = [*] fixable
stats-fixable-some = [*] { $count } fixable
stats-fix-legend = [*] fixed by `govlint check --fix`
stats-files-heading = Files with the most findings:
stats-file-rule = { $rule } { $count }
stats-file-rules = ({ $rules }{ $more ->
    [yes] , …
   *[no] {""}
})
stats-more-files = and { $count } more files
stats-bulk-rule = { $count } of them are { $rule }, in { $files } { $files ->
    [one] file
   *[other] files
}.
stats-bulk-error = { $count } { $rule }
stats-bulk-errors = Errors: { $errors }.
stats-bulk-hint = `govlint check --statistics` counts the findings by rule and by file.

## The Markdown report (--format markdown), for a CI job's summary page. Table headings
## and section titles; the cells are the findings' own words.

md-rules-heading = Findings by rule
md-files-heading = Findings by file
md-errors-heading = Errors
md-duplicates-heading = Duplicates
md-not-linted-heading = Not linted
md-col-rule = Rule
md-col-severity = Severity
md-col-findings = Findings
md-col-fixable = Fixed by `--fix`
md-col-file = File
md-col-errors = Errors
md-col-warnings = Warnings
md-col-place = Place
md-col-message = Message
md-col-copy = Copy
md-col-original = Repeats
md-col-similarity = Similarity
# Under a list cut short.
md-more = … and { $count } more: `--format json` and SARIF list them all.

## --format html: the report page

html-title = govlint report
html-overview = Overview
html-files-checked = Files checked
html-findings = Findings
html-chart = Findings by rule
html-worst-files = Files with the most findings
html-col-about = What it finds
html-files = Findings by file
html-file-count = { $count ->
    [one] 1 finding
   *[other] { $count } findings
}
html-no-findings = No problems found.
html-filter-severity = Severity
html-filter-rule = Rules
# The filter's count; { $shown } and { $total } are filled in by the page's script.
html-shown = showing { $shown } of { $total }
html-widespread-heading = The same finding in many files
html-widespread-group = In copies of one paragraph in { $files } files:
html-exact-group = The same paragraph in { $count } places
html-near-pair = { $percent }% similar: what differs is marked (left: only in the earlier copy; right: only in this one)
html-pointed-at = Paragraphs that findings point to
html-fold = { $count } more `{ $rule }` findings in this file (click to show)
html-fix-safe = (`govlint check --fix` corrects it)
html-fix-unsafe = (look first: `--fix --unsafe-fixes` applies it)

## govlint server

server-lint-failed = govlint could not check these documents (a rule failed); the findings shown are from before. Please report it.
server-unsafe-fix = { $title } (check first: changes the meaning)
server-fix-all = Fix all safe problems in this file ({ $count } { $count ->
    [one] fix
   *[other] fixes
  })
server-disable-line = Disable { $rule } for this line (a comment above it)
server-disable-file = Disable { $rule } for this file (a comment at the top)
server-reading-workspace = govlint: reading the workspace's articles
server-workspace-read = { $files } { $files ->
    [one] article
   *[other] articles
  } read

## --show-settings: the lines above the settings

settings-file = # configuration file: { $path }
settings-no-file = none (defaults)
settings-root = # project root: { $path }
