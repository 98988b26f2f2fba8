# The command line's help (`govlint --help`, `govlint check --help`, `govlint help rule`…) and
# its errors, in English.
#
# Ids `cli-…` are derived from the command tree (src/cli/help.rs, `help_ids`): `cli-govlint`
# is the program's about, `cli-COMMAND` a command's, `cli-COMMAND-OPTION` an option's or an
# argument's help (`cli-check-fix` for `check --fix`), `cli-COMMAND-OPTION-VALUE` the help of
# one of its values, `cli-value-NAME` a placeholder (`<FILE>`). The English texts here are a
# copy of the doc comments in src/cli/args.rs (and of the value enums'), which clap shows as
# they are: a test fails when the two differ, and when a command or option has no text here
# or in any other language. Ids `clap-…` are clap's own words, used only in other languages
# (English output is clap's own).

cli-govlint = A linter for Chinese government articles: duplicated paragraphs and punctuation faults.

## govlint check

cli-check = Lint files and directories (`.txt`, `.md`, `.markdown`, `.html`, `.htm`, `.docx`, `.doc`, `.wps`, `.odt` under directories; `-` for stdin)
cli-check-paths = Files or directories to lint; `-` reads standard input
cli-check-format = Output format
cli-check-format-human = Source excerpts under each finding, and a summary
cli-check-format-json = One JSON document listing every finding
cli-check-format-concise = One line per finding: `path:line:col: severity[rule] message`
cli-check-format-sarif = SARIF 2.1.0, for code-scanning services
cli-check-format-github = GitHub Actions workflow commands (annotations)
cli-check-format-rdjson = reviewdog's diagnostic format
cli-check-format-markdown = A Markdown report for a CI job's summary page: counts by rule and by file, the errors, the duplicates as pairs
cli-check-format-html = One self-contained HTML page to read in a browser: an overview with a chart, the duplicates side by side, every file's findings in context, filterable
cli-check-output = Write the report to this file (replaced whole, atomically) instead of standard output; any format
cli-check-color = When to color human output
cli-check-select = Run only these rules (comma-separated names)
cli-check-ignore = Do not run these rules (comma-separated names)
cli-check-quiet = Print only the findings: no summary line
cli-check-show-all = Show every finding in full (human output): a rule that fires more than 5 times in a file is not folded into one line, and every other copy of a duplicate is listed
cli-check-ambiguous-width = How many columns the terminal draws ambiguous-width marks in (“ ” ‘ ’ … — · ×), for the carets under a snippet: `wide` (2, East Asian terminals) or `narrow` (1). Default: wide in a GBK, GB18030 or Big5 locale or when the messages are Chinese, else narrow
cli-check-stdin-filename = The name standard input is reported under
cli-check-dup-scope = Where duplicates are looked for: within each `file`, or also across the files of the run, named or found in directories (`repository`, the default)
cli-check-dup-threshold = Smallest similarity reported as a near duplicate, in (0, 1] (default 0.85)
cli-check-dup-allowlist = A file of paragraphs that may repeat anywhere (formulas), one per line; `#` comments
cli-check-dup-against = Also find copies between the linted files and the files under this directory (as a walk selects them), which are read for that only and never reported on; repeatable. For pre-commit: `--dup-against .` with `--cache`
cli-check-dup-parallel = What becomes of repeats judged legitimate parallel text (provisions of statutes, template items of one list, quotations, series formulas, negations): `hide` them (default), or `report` each as `info`, tagged with the reason, to audit the judgement
cli-check-as-of = Read every document as of this day (`YYYY-MM-DD`) when judging names that a reform abolished, instead of the date the document bears
cli-check-fix = Apply safe fixes to the files (atomically), then report what is left. With `-`, the fixed text is written to standard output instead
cli-check-diff = Print the unified diff of what `--fix` would change, and write nothing
cli-check-in-place = With `--fix`, write in place (over the old text, through the same file: not atomically) a file that a new file could not stand in for: one with other hard links, in a directory this run may not write, or whose owner, group or extended attributes this run cannot give a new file. Without it such a file is refused
cli-check-unsafe-fixes = With `--fix` or `--diff`, apply unsafe fixes too
cli-check-statistics = Print how many findings each rule made instead of the findings (a JSON array with `--format json`)
cli-check-cache = Keep results between runs, so a re-run reads and searches only changed files
cli-check-cache-dir = Where the cache lives (implies `--cache`; default `.govlint-cache`)
cli-check-config = The configuration file to use, instead of the nearest `govlint.toml` or `.govlint.toml` in the working directory or a parent, up to the repository's root
cli-check-isolated = Ignore every configuration file
cli-check-show-settings = Print the settings in force (configuration file and options) and exit
cli-check-force-exclude = Skip excluded files even when they are named on the command line (for pre-commit)
cli-check-exit-zero = Exit with 0 even when findings are reported (input errors still exit with 2)
cli-check-encoding = Read every input in this encoding (`gbk`, `gb18030`, `big5`, `utf-16le`, `utf-8`…) instead of detecting it
cli-check-fail-on = The lowest severity that makes the run fail with exit code 1 (default: error)
cli-check-lang = The language of messages: zh (简体中文) or en; default: the configuration's `lang`, else the locale (LC_ALL, LC_MESSAGES, LANG)
cli-check-lang-en = English
cli-check-lang-zh = Simplified Chinese (简体中文)
cli-check-baseline = Report only findings not recorded in this baseline file (see `--write-baseline`)
cli-check-write-baseline = Record the findings of this run in a baseline file, report nothing, and exit 0
cli-check-max-file-size = Refuse inputs larger than this (bytes, or with K, M, G: `64M`), without reading them

## govlint rules, rule, init

cli-rules = List every rule with its default severity
cli-rule = Print one rule's documentation
cli-rule-name = The rule's name, e.g. `stray-period`
cli-rules-lang = The language of the page: zh (简体中文) or en; default: the configuration's `lang`, else the locale (LC_ALL, LC_MESSAGES, LANG)
cli-rules-lang-en = English
cli-rules-lang-zh = Simplified Chinese (简体中文)
cli-rule-lang = The language of the page: zh (简体中文) or en; default: the configuration's `lang`, else the locale (LC_ALL, LC_MESSAGES, LANG)
cli-rule-lang-en = English
cli-rule-lang-zh = Simplified Chinese (简体中文)
cli-init = Write a commented `govlint.toml` with every setting at its default
cli-init-force = Overwrite an existing file
cli-init-path = Where to write it
cli-init-lang = The language of the file's comments and of what is said: zh (简体中文) or en; default: the locale (LC_ALL, LC_MESSAGES, LANG)
cli-init-lang-en = English
cli-init-lang-zh = Simplified Chinese (简体中文)

## govlint completions, manpage

cli-completions = Print a shell's completion script for govlint (see the README for where it goes)
cli-completions-shell = The shell to complete govlint in
cli-manpage = Print the manual page (roff): `govlint manpage > govlint.1`
cli-server = Run the language server on standard input and output, for editors (LSP)
cli-server-lang = The language of the messages: zh (简体中文) or en; default: the workspace's govlint.toml `lang`, else the editor's language, else the locale (LC_ALL, LC_MESSAGES, LANG)
cli-server-lang-en = English
cli-server-lang-zh = Simplified Chinese (简体中文)

## Placeholders of values (`--config <FILE>`)

cli-value-format = FORMAT
cli-value-color = COLOR
cli-value-rules = RULES
cli-value-name = NAME
cli-value-scope = SCOPE
cli-value-similarity = SIMILARITY
cli-value-file = FILE
cli-value-what = WHAT
cli-value-dir = DIR
cli-value-encoding = ENCODING
cli-value-severity = SEVERITY
cli-value-lang = LANG
cli-value-size = SIZE
cli-value-width = WIDTH
cli-value-paths = PATHS
cli-value-path = PATH
cli-value-shell = SHELL
cli-value-date = DATE
cli-value-n = N

## clap's own words: English output is clap's, so these are shown only in other languages (and
## keep the catalogs parallel for translators)

clap-usage = Usage:
clap-commands = Commands:
clap-arguments = Arguments:
clap-options = Options:
clap-options-placeholder = [OPTIONS]
clap-command-placeholder = COMMAND
clap-help = Print help
clap-help-summary = Print help (see more with '--help')
clap-help-detail = Print help (see a summary with '-h')
clap-version = Print version
clap-help-command = Print this message or the help of the given subcommand(s)
clap-help-command-name = The command whose help to print
clap-default = default: { $value }
clap-possible = possible values: { $values }
clap-possible-values = Possible values:
clap-help-with-notes = { $help } [{ $notes }]
clap-notes-separator = {"] ["}
clap-list-separator = {", "}
clap-value-line = - { $value }: { $pad }{ $help }

## Errors of the command line

clap-error = error: { $message }
clap-tip = tip: { $tip }
clap-more = For more information, try '{ $command } --help'.
clap-more-flag = For more information, try '--help'.
clap-error-unknown-argument = unexpected argument '{ $arg }' found
clap-error-unknown-command = unrecognized subcommand '{ $command }'
clap-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-error-invalid-value-reason = invalid value '{ $value }' for '{ $arg }': { $reason }
clap-error-missing-value = a value is required for '{ $arg }' but none was supplied
clap-error-possible-values = [possible values: { $values }]
clap-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
clap-error-repeated = the argument '{ $arg }' cannot be used multiple times
clap-error-missing-argument = the following required arguments were not provided: { $args }
clap-error-missing-command = '{ $command }' requires a subcommand but one was not provided: { $commands }
clap-error-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
clap-error-wrong-number = { $expected } values required for '{ $arg }' but { $actual } were provided
clap-error-no-equals = equal sign is needed when assigning values to '{ $arg }'
clap-error-utf8 = invalid UTF-8 was detected in one or more arguments
clap-error-other = { $message }
clap-tip-did-you-mean = a similar one exists: '{ $suggestion }'
clap-tip-as-value = to pass '{ $arg }' as a value, use '{ $usage }'
clap-tip-command-option = '{ $usage }' exists
clap-tip-remove-dashes = subcommand '{ $command }' exists; to use it, remove the '--' before it

## Checks of values (shown in English too)

clap-invalid-size = `{ $value }` is not a size (e.g. 64M, 1G, 500000)
clap-invalid-encoding = `{ $value }` is not an encoding label (e.g. gbk, gb18030, big5, utf-16le)
clap-invalid-threshold = `{ $value }` is not a similarity in (0, 1]
clap-invalid-date = `{ $value }` is not a date written as YYYY-MM-DD, such as 2024-01-05
cli-signatures = Write what the duplicate search needs of every paragraph, as Parquet, for a search on many machines
cli-signatures-paths = Files and directories to read, as `govlint check` reads them
cli-signatures-output = The directory to write into (created; it must not hold signatures already)
cli-signatures-partitions = How many partitions to write (default: one for every 500 000 paragraphs)
cli-signatures-config = The configuration file to use, instead of the nearest `govlint.toml` or `.govlint.toml` in the working directory or a parent, up to the repository's root
cli-signatures-isolated = Ignore every configuration file
cli-report = Report again, in any format: the files `govlint signatures` read, with the near pairs a search elsewhere wrote into DIR/pairs/, judged as `govlint check` judges its own; or a report govlint wrote as JSON
cli-report-input = The directory `govlint signatures` wrote, or a report of `--format json` (the Spark job's FINDINGS.json)
cli-report-output = Write the report to FILE instead of standard output (replaced whole, atomically)
cli-report-lang = The language of the report: zh (简体中文) or en; default: the configuration's `lang`, else the locale (LC_ALL, LC_MESSAGES, LANG)
cli-report-format = Output format
cli-report-format-human = Source excerpts under each finding, and a summary
cli-report-format-json = One JSON document listing every finding
cli-report-format-concise = One line per finding: `path:line:col: severity[rule] message`
cli-report-format-sarif = SARIF 2.1.0, for code-scanning services
cli-report-format-github = GitHub Actions workflow commands (annotations)
cli-report-format-rdjson = reviewdog's diagnostic format
cli-report-format-markdown = A Markdown report for a CI job's summary page: counts by rule and by file, the errors, the duplicates as pairs
cli-report-format-html = One self-contained HTML page to read in a browser: an overview with a chart, the duplicates side by side, every file's findings in context, filterable
cli-report-config = The configuration file to use, instead of the nearest `govlint.toml` or `.govlint.toml` in the working directory or a parent, up to the repository's root
cli-report-isolated = Ignore every configuration file
cli-report-lang-en = English
cli-report-lang-zh = Simplified Chinese (简体中文)
