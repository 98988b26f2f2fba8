# The words of `govlint rules` and `govlint rule NAME` (and of SARIF's rule descriptions):
# headings, the fix column and its legend. The rules' own documentation is in src/rules/*.rs.

## How far a rule's fixes go (`govlint rule NAME`, SARIF `properties.fix`)

fix-none = no automatic fix
fix-safe = safe fix (`--fix`)
fix-safe-when-unambiguous = safe fix where unambiguous (`--fix`), otherwise suggested (`--unsafe-fixes`)
fix-suggested = suggested fix (`--unsafe-fixes`)

## The fix column of `govlint rules`, and its legend

fix-short-none = -
fix-short-safe = fix
fix-short-safe-when-unambiguous = fix/maybe
fix-short-suggested = suggest
fix-legend-none = no automatic fix: only the editor can tell what was meant
fix-legend-safe = `--fix` corrects every finding
fix-legend-safe-when-unambiguous = `--fix` corrects a finding where one reading is certain, `--unsafe-fixes` the others
fix-legend-suggested = the fix is a suggestion, applied only with `--unsafe-fixes`

## The headings of `govlint rules`

rules-column-rule = RULE
rules-column-severity = DEFAULT
rules-column-fix = FIX
rules-column-summary = WHAT IT FINDS
rules-legend = Fix column:
rules-more = `govlint rule NAME` prints a rule's documentation.

## `govlint rule NAME`

rule-page-severity = Default severity: { $severity }
rule-page-fix = Fix: { $fix }
rule-page-examples = Examples
rule-page-use-instead = Use instead:
