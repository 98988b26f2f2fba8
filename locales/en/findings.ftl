# govlint's messages in English. Each id is used by `msg!("id", …)` in the source; a test
# checks that every id used is here (and in every other catalog), that every id here is
# used, and that each message refers to exactly the arguments the code gives it.

# A message the unit tests of the catalog machinery render.
test-message = { $count ->
    [one] once { $mark } (test)
   *[other] { $count } times { $mark } (test)
}

## Places a message points to

place-line = { $unit ->
    [paragraph] paragraph
   *[line] line
} { $line }
place-file-line = { $unit ->
    [paragraph] { $path }, paragraph { $line }
   *[line] { $path }:{ $line }
}
place-line-column = { $unit ->
    [paragraph] paragraph
   *[line] line
} { $line }, column { $column }
place-lines = { $unit ->
    [paragraph] paragraphs
   *[line] lines
} { $first }–{ $last }
place-file-lines = { $unit ->
    [paragraph] { $path }, paragraphs { $first }–{ $last }
   *[line] { $path }:{ $first }–{ $last }
}

## Lists of names (rule names), joined by the program

list-name = `{ $name }`
list-separator = {", "}

## duplicate-paragraph and near-duplicate-paragraph

duplicate-paragraph = this paragraph repeats the one at { $place }
duplicate-paragraph-copies = this paragraph repeats the one at { $place } ({ $copies } copies)
duplicate-paragraph-across-files = this paragraph repeats the one at { $place } ({ $copies } copies in { $files } files)
duplicate-paragraph-help = delete the repeated paragraph, or rewrite it if both places need it
duplicate-paragraph-common-help = common text shared by many files: allowlist it if it is a formula, or rewrite it
duplicate-paragraph-fix = delete this repeated paragraph
duplicate-block = these { $count } paragraphs repeat the { $count } at { $place }
duplicate-block-help = a block pasted from another file: delete it, or refer to that text instead of copying it
duplicate-title = this repeats the title at { $place }
duplicate-title-help = delete the repeated title
duplicate-title-fix = delete the repeated title
near-duplicate-paragraph = this paragraph is { $percent }% the same as the one at { $place }
near-duplicate-paragraph-help = keep one version: delete this paragraph or merge the differences into the first
duplicate-set-aside = not reported by default: judged { $reason } ({ $reason ->
    [statute-parallel] parallel provisions of statutes
    [template-items] items of one list differing only by names or figures
    [series-formula] a formula of a document series
    [quotation] a quotation of another text
    [negation] the two differ by a negation
   *[heading] a heading, which a lead may restate
})
related-first-occurrence = first occurrence
related-also-repeated = also repeated here
related-first-of-block = first occurrence of the block
related-title = the title
related-similar = similar paragraph

## Notices of a run

notice-findings-capped = { $rule } found { $found } times; only the first { $kept } are reported
notice-near-search-truncated = the near-duplicate search stopped early: so many paragraphs are alike that their similar pairs run into the millions; some near copies are not reported, or are shown against a less similar paragraph (exact copies are all reported)
notice-cache-not-written = could not write the cache: { $error }
notice-cache-damaged = the cache is damaged; it is ignored and written again

## cjk-space

cjk-space = { $space ->
    [space] space (` `)
    [ideographic] ideographic space (U+3000)
   *[no-break] no-break space (U+00A0)
} between Chinese characters `{ $before }` and `{ $after }`
cjk-space-help = delete the space: Chinese words are written without spaces
cjk-space-phrases-help = delete the space, or write `，` or `、` if it separates two phrases
cjk-space-fix = delete the space

## dash-form

dash-form = `{ $written }` used as a dash
dash-form-single = a single `—` used as a dash
dash-form-tripled = three `—`: a dash is two
dash-form-help = write the dash `——`: two em dashes, unbroken (GB/T 15834 4.10)
dash-form-fix = write `——`

## ellipsis-form

ellipsis-form = ellipsis written `{ $written }`
ellipsis-form-help = a Chinese ellipsis is `……`: six dots in two character positions
ellipsis-form-fix = write `……`

## lost-character

lost-character = `{ $written }` between Chinese characters where a character seems lost: `{ $context }`
lost-character-help = restore the original character (often `·` or a rare character of a name) from the source
lost-character-replacement = replacement character `�`: a character was lost in an encoding conversion
lost-character-replacement-help = restore the original character from the author's source

## stray-period

stray-period = { $mark ->
    [ascii] ASCII `.`
   *[fullwidth] full-width `．`
} used as a Chinese full stop
stray-period-help = use `。` to end a Chinese sentence
stray-period-fix = replace with `。`

## fullwidth-alphanumeric

fullwidth-alphanumeric = full-width { $kind ->
    [letters] letters
    [both] letters and digits
   *[digits] digits
} `{ $written }`
fullwidth-alphanumeric-help = write half-width `{ $half }`
fullwidth-alphanumeric-fix = use half-width characters
fullwidth-alphanumeric-zero = full-width `０` in `{ $written }`, a number in Chinese numerals
fullwidth-alphanumeric-zero-help = write the zero as `〇` in a year or code, as `零` in a quantity
fullwidth-alphanumeric-year-help = the zero of a year in Chinese numerals is `〇`: write `{ $fixed }`
fullwidth-alphanumeric-year-fix = replace `０` with `〇`

## halfwidth-punctuation

# $name: comma, semicolon, colon, exclamation, question.
halfwidth-punctuation = half-width { $name ->
    [comma] comma
    [semicolon] semicolon
    [colon] colon
    [exclamation] exclamation mark
   *[question] question mark
} `{ $mark }` in Chinese text
halfwidth-punctuation-habit = half-width { $name ->
    [comma] comma
    [semicolon] semicolon
    [colon] colon
    [exclamation] exclamation mark
   *[question] question mark
} `{ $mark }` in Chinese text, where this document writes `{ $full }` { $count } times
halfwidth-punctuation-help = use the full-width `{ $full }`
halfwidth-punctuation-parentheses = half-width `( )` around Chinese text
halfwidth-punctuation-parentheses-habit = half-width `( )` around Chinese text, where this document writes `（` { $count } times
halfwidth-punctuation-parentheses-help = use the full-width `（ ）`
halfwidth-punctuation-fix = use the full-width mark

## repeated-punctuation

repeated-punctuation = `{ $mark }` repeated { $count } times
repeated-punctuation-doubled = doubled `{ $mark }`
repeated-punctuation-help = keep one `{ $mark }`
repeated-punctuation-fix = delete the second `{ $mark }`
repeated-punctuation-stacked = { $count } question and exclamation marks stacked
repeated-punctuation-stacked-help = stack `？` or `！` at most three times (GB/T 15834 4.2.3, 4.3.3)
repeated-punctuation-mixed = point marks used together: `{ $marks }`
repeated-punctuation-mixed-help = keep the one mark the pause needs

## mixed-number

mixed-number = Arabic digits with `{ $unit }` as a unit: `{ $written }`
mixed-number-help = only `万` and `亿` may follow Arabic digits: write `{ $digits }`, or the whole number in Chinese numerals
mixed-number-year-range = year range `{ $range }` joined with a hyphen `{ $hyphen }`
mixed-number-year-range-help = join the start and end of a period with `—` (or `～`): the hyphen belongs in dates and codes
mixed-number-year-range-fix = replace the hyphen with `—`
mixed-number-year-style = year `{ $written }` in { $style ->
    [chinese] Chinese numerals
   *[arabic] Arabic digits
} ({ $count } in this document), but { $other_count } years are in { $style ->
    [chinese] Arabic digits
   *[arabic] Chinese numerals
} (`{ $example }`)
mixed-number-year-style-help = write the years of one document one way: here `{ $converted }`
mixed-number-zero = { $zero ->
    [circle] the circle `○`
    [letter] the letter `O`
    [digit] the digit `0`
   *[ling] `零`, the zero of quantities,
} is written for the zero `〇` of the year `{ $year }`
mixed-number-zero-help = write `{ $written }年`: a year is a number of order, whose zero is `〇`
mixed-number-zero-fix = write `{ $written }`

## duplicate-sentence

duplicate-sentence = this sentence repeats the one at { $place } in the same paragraph
duplicate-sentence-run = these { $count } sentences repeat the { $count } starting at { $place } in the same paragraph
duplicate-sentence-previous-paragraph = this sentence repeats the last sentence of the previous paragraph ({ $place })
duplicate-sentence-help = delete one of the two copies
duplicate-sentence-fix = delete the repeated sentence
duplicate-sentence-clause = this clause repeats the one just before it
duplicate-sentence-clause-fix = delete the repeated clause

## multi-paragraph-quote

multi-paragraph-quote = this quotation runs over { $count } paragraphs, but only the first opens with `{ $mark }`
multi-paragraph-quote-help = open each quoted paragraph with `{ $mark }` and close only the last (GB/T 15834 4.8.3)
multi-paragraph-quote-closes = the quotation closes here
multi-paragraph-quote-fix = open each quoted paragraph with `{ $mark }`

## page-residue

page-residue = web page residue: { $kind }
page-residue-embedded = web page residue in the text: { $kind }
page-residue-kind = { $kind ->
    [breadcrumb] a breadcrumb (`当前位置：首页 > …`)
    [header] a page header (source, publish time, view count)
    [pager] a previous/next link (`上一篇` / `下一篇`)
    [font-size] a font-size control (`字体：[ 大 中 小 ]`)
    [button] page buttons (`打印本页`, `关闭窗口`)
   *[share] a share bar (`分享到`, `扫一扫`)
}
page-residue-help = delete this line: it belongs to the web page the article was copied from
page-residue-template-help = if the page's template carries this line, it is the template's (the site's, not the article's) to change; if it was pasted into the article, delete it
page-residue-embedded-help = delete the button text: it belongs to the web page the article was copied from
page-residue-fix = delete the page residue

## unbalanced-bracket

unbalanced-bracket-opener = opening `{ $mark }` is never closed in this paragraph
unbalanced-bracket-closer = closing `{ $mark }` has no opening mark before it
unbalanced-bracket-help = add the missing half, or delete this mark
unbalanced-bracket-mirror-fix = make `{ $wrong }` the `{ $right }` that pairs with the other
unbalanced-bracket-delete-fix = delete `{ $mark }`

## unbalanced-quote

unbalanced-quote-opener = opening `{ $mark }` is never closed in this paragraph
unbalanced-quote-opener-help = add the closing mark where the quotation ends, or delete this one
unbalanced-quote-closer = closing `{ $mark }` has no opening mark before it
unbalanced-quote-closer-help = add the opening mark where the quotation begins, or delete this one
unbalanced-quote-mirror-fix = make `{ $wrong }` the `{ $right }` that pairs with the other
unbalanced-quote-delete-fix = delete `{ $mark }`

## unused-suppression
# $names and $unknown are lists of rule names (list-name, list-separator).

unused-suppression = `{ $directive }` { $kind ->
    [enable] re-enables nothing: no rule it names is disabled here
   *[disable] suppresses nothing
}
unused-suppression-names = { $names } in `{ $keyword }` { $kind ->
    [enable] re-enables nothing: no rule it names is disabled here
   *[disable] suppresses nothing
}
unused-suppression-unknown-rules = { $unknown } { $count ->
    [one] is not a govlint rule
   *[other] are not govlint rules
}
unused-suppression-names-unknown-rules = { $names } in `{ $keyword }` { $kind ->
    [enable] re-enables nothing: no rule it names is disabled here
   *[disable] suppresses nothing
}; { $unknown } { $count ->
    [one] is not a govlint rule
   *[other] are not govlint rules
}
unused-suppression-not-a-directive = `{ $word }` is not a govlint directive (govlint-disable, govlint-enable, govlint-disable-next-line, govlint-disable-file)
unused-suppression-help = delete the comment
unused-suppression-names-help = remove the names that suppress nothing
unused-suppression-fix = delete the suppression comment
unused-suppression-names-fix = remove the names that suppress nothing

## canonical-wording, misspelling, abolished-agency (issue 20)

canonical-wording = `{ $found }` is one character off the official formulation `{ $term }`
canonical-wording-known-wrong = `{ $found }` is a known wrong form of the official formulation `{ $term }`
canonical-wording-help = write `{ $term }`
canonical-wording-fix = Write `{ $term }`
misspelling = `{ $wrong }` is a misspelling of `{ $right }`
misspelling-help = write `{ $right }`
misspelling-fix = Write `{ $right }`
abolished-agency = `{ $name }` was abolished in the { $year } institutional reform
abolished-agency-help = its duties went to { $successor }: name the body that holds them now, or mark the old one as former (`原{ $name }`)

## document-number

document-number-brackets = the year of document number `{ $written }` is in `{ $brackets }`
document-number-brackets-help = write `{ $corrected }`: the year of a document number is enclosed in `〔〕` (GB/T 9704-2012 7.2.5)
document-number-brackets-fix = enclose the year in `〔〕`
document-number-year = the year of document number `{ $written }` has two digits only, `{ $year }`
document-number-year-help = write the year in full, check it against the document: `{ $corrected }`
document-number-year-fix = write the year as `{ $year }`
document-number-di = `第` before the sequence number of document number `{ $written }`
document-number-di-help = write `{ $corrected }`: a document's sequence number takes no `第`
document-number-di-fix = delete `第`
document-number-zeros = leading zeros in the sequence number `{ $sequence }` of document number `{ $written }`
document-number-zeros-help = write `{ $corrected }`: a document's sequence number has no leading zeros (`1`, not `01`)
document-number-zeros-fix = delete the leading zeros

## date-form

date-form-short-year = year shortened to two numerals: `{ $written }`
date-form-short-year-help = write the year in full (`2018年`, not `18年`)
date-form-padded = month or day padded with a zero: `{ $written }`
date-form-padded-help = write `{ $fixed }`: months and days take no padding zero (`1`, not `01`)
date-form-padded-fix = write `{ $fixed }`
date-form-mixed = date `{ $written }` written { $form ->
    [words] with `年月日`
    [dots] with dots
   *[slashes] with slashes
} ({ $count } in this document), but { $other_count } dates are written like `{ $example }`
date-form-mixed-help = write the dates of one document one way: here `{ $converted }`

## numbering-sequence

numbering-sequence-gap = `{ $written }` follows `{ $previous }`: `{ $expected }` is missing
numbering-sequence-repeat = `{ $written }` follows `{ $previous }`: the number is repeated or goes back
numbering-sequence-help = number the items of one list in order, or restore the item that was lost
numbering-sequence-previous = the item before
numbering-sequence-fix = renumber from `{ $expected }`

## heading-level

heading-level-form = `{ $written }` is not how a level-{ $level } marker is written: `{ $standard }`
heading-level-form-help = write `{ $standard }` (GB/T 15834 B.3: `、` after Chinese numerals, the low dot `.` after Arabic ones, no mark after brackets)
heading-level-form-fix = write `{ $standard }`
heading-level-skipped = `{ $marker }` directly under `{ $parent }`, where this document puts `{ $between }` between those levels elsewhere
heading-level-skipped-help = add the missing `{ $between }` level, or number these items as `{ $between }`
heading-level-skipped-related = the document uses `{ $between }` under the same level here
heading-level-stop = a level-{ $level } heading alone on its line ends with `。`, where { $without } headings of its level in this document end without one
heading-level-stop-help = delete the full stop (a heading takes no end mark), or run the heading's text on in the same paragraph
heading-level-stop-fix = delete the full stop

## title-punctuation

title-punctuation-end = { $title ->
    [official] the title of a 公文
   *[heading] a title
} ends with `{ $mark }`
title-punctuation-end-help = a title is not a sentence and takes no end mark: delete `{ $mark }`
title-punctuation-fix = delete `{ $mark }`
title-punctuation-inside = `{ $mark }` inside the title of a 公文
title-punctuation-inside-help = a 公文 title takes no point marks besides `、` (marks inside `《》` and `“”` aside): reword it, e.g. join its parts with `和` or `并`
title-punctuation-cut-help = a title takes no end mark: if the title goes on in the next line, join the lines; otherwise delete `{ $mark }`
