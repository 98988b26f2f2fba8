//! Matching of paired marks, shared by `unbalanced-quote` and `unbalanced-bracket`.
//!
//! Marks pair within a paragraph, except across a line broken mid-sentence: text copied
//! from web pages often breaks a line where a link was (`列宁指出：“` / `资产阶级…` /
//! `”列宁的结论是`). Such lines run on into the next and are matched as one text.

use crate::document::Paragraph;
use crate::text::{CLOSING_MARKS, for_each_position_of, starts_broken};
use std::ops::Range;

/// A family of marks that pair with each other: any opener closes with any closer of the
/// same family (`（` with `)` is a width slip, not an imbalance). A mark belongs to one
/// family, on one side.
pub struct Family {
    pub openers: &'static [char],
    pub closers: &'static [char],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// An opening mark never closed.
    Opener,
    /// A closing mark with nothing open before it.
    Closer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Orphan {
    pub paragraph: usize,
    pub at: usize,
    pub mark: char,
    pub side: Side,
}

const STOPS: &[char] = &['。', '！', '？', '!', '?', '；', ';', '…'];

/// Whether paragraph `current` is a line broken inside a sentence that `next` continues:
/// it does not end with a sentence stop (closing marks after the stop aside), or `next`
/// starts with a closing or point mark, which GB/T 15834 never puts at a line's start.
pub fn runs_on(current: &str, next: &str) -> bool {
    let ends_sentence = current.trim_end_matches(CLOSING_MARKS).ends_with(STOPS);
    !ends_sentence || starts_broken(next)
}

/// Ranges of paragraph indices that run on into each other.
pub fn chains(paragraphs: &[Paragraph]) -> Vec<Range<usize>> {
    let mut chains = Vec::new();
    let mut start = 0;
    for index in 0..paragraphs.len() {
        let continues = paragraphs
            .get(index + 1)
            .is_some_and(|next| runs_on(&paragraphs[index].text, &next.text));
        if !continues {
            chains.push(start..index + 1);
            start = index + 1;
        }
    }
    chains
}

/// Unpaired marks of each family over the paragraphs of `chain`, in text order. Marks for
/// which `ignore(paragraph index, byte, mark)` says so (apostrophes, list markers, URLs)
/// take no part in the matching.
pub fn orphans(
    paragraphs: &[Paragraph],
    chain: Range<usize>,
    families: &[Family],
    ignore: impl Fn(usize, usize, char) -> bool,
) -> Vec<Orphan> {
    let mut found = Vec::new();
    let mut open: Vec<Vec<Orphan>> = families.iter().map(|_| Vec::new()).collect();
    let mut marks = Vec::new();
    for index in chain {
        let paragraph = &paragraphs[index];
        // Each mark the paragraph's summary does not rule out is searched for (a byte search
        // keyed on its rarest byte): quicker than reading every character, since a paragraph
        // holds few kinds of marks and most paragraphs none.
        marks.clear();
        for (family, members) in families.iter().enumerate() {
            let sides = [(members.openers, true), (members.closers, false)];
            for (mark, is_opener) in sides
                .into_iter()
                .flat_map(|(side, is_opener)| side.iter().map(move |&mark| (mark, is_opener)))
            {
                if paragraph.may_contain_any(&[mark]) {
                    for_each_position_of(&paragraph.text, mark, |at| {
                        marks.push((at, mark, family, is_opener));
                    });
                }
            }
        }
        marks.sort_unstable_by_key(|&(at, ..)| at);
        debug_assert!(
            marks.windows(2).all(|pair| pair[0].0 != pair[1].0),
            "families share no mark"
        );
        for &(at, mark, family, is_opener) in &marks {
            if ignore(index, at, mark) {
                continue;
            }
            let orphan = Orphan {
                paragraph: index,
                at,
                mark,
                side: if is_opener {
                    Side::Opener
                } else {
                    Side::Closer
                },
            };
            if is_opener {
                open[family].push(orphan);
            } else if open[family].pop().is_none() {
                found.push(orphan);
            }
        }
    }
    found.extend(open.into_iter().flatten());
    found.sort_by_key(|o| (o.paragraph, o.at));
    found
}

/// An opening orphan left open to the end of its paragraph: the last orphan of its family
/// there, with no closing mark of the family after it. Only such a mark can open a note or
/// a quotation running over the paragraphs after it.
#[derive(Debug, Clone, Copy)]
pub struct OpenEnd {
    /// Its index in the orphans.
    pub opener: usize,
    /// The index of the next orphan of its family, in a later paragraph, if any.
    pub next: Option<usize>,
}

fn family_of(families: &[Family], mark: char) -> Option<usize> {
    families
        .iter()
        .position(|f| f.openers.contains(&mark) || f.closers.contains(&mark))
}

/// The opening orphans of `found` (sorted by place) left open to the end of their paragraph,
/// in one pass from the end: a paragraph may hold 100 000 orphans, and looking ahead from
/// each would take their square.
pub fn open_ends(paragraphs: &[Paragraph], found: &[Orphan], families: &[Family]) -> Vec<OpenEnd> {
    let mut next_of_family: Vec<Option<usize>> = vec![None; families.len()];
    let mut ends = Vec::new();
    for (index, orphan) in found.iter().enumerate().rev() {
        let Some(family) = family_of(families, orphan.mark) else {
            continue;
        };
        let next = next_of_family[family];
        let last_in_paragraph = next.is_none_or(|n| found[n].paragraph > orphan.paragraph);
        if orphan.side == Side::Opener
            && last_in_paragraph
            && !paragraphs[orphan.paragraph].text[orphan.at..].contains(families[family].closers)
        {
            ends.push(OpenEnd {
                opener: index,
                next,
            });
        }
        next_of_family[family] = Some(index);
    }
    ends.reverse();
    ends
}

/// The closing orphan that pairs with `end` across paragraphs, as an index into `found`:
/// the next orphan of its family, a closing mark with nothing of the family before it in its
/// own paragraph, at most `within` paragraphs on. A note or a quotation running over a few
/// paragraphs (`（注1：…` / `注2：…）`) balances so.
pub fn closed_later(
    paragraphs: &[Paragraph],
    found: &[Orphan],
    end: OpenEnd,
    families: &[Family],
    within: usize,
) -> Option<usize> {
    let first = &found[end.opener];
    let closer = end.next?;
    let last = &found[closer];
    let members = &families[family_of(families, first.mark)?];
    let spans = last.side == Side::Closer
        && last.paragraph - first.paragraph <= within
        && !paragraphs[last.paragraph].text[..last.at].contains(members.openers);
    spans.then_some(closer)
}

/// The orphans of one paragraph among `found` (sorted by paragraph, as `orphans` returns
/// them), found by binary search: a paragraph may have 100 000 of them.
pub fn of_paragraph(found: &[Orphan], paragraph: usize) -> &[Orphan] {
    let start = found.partition_point(|o| o.paragraph < paragraph);
    let end = found.partition_point(|o| o.paragraph <= paragraph);
    &found[start..end]
}

/// The one-character slip behind a paragraph's only two orphans when both are the same
/// mark facing the same way around a short phrase: `“全国文明城市“称号` (the second should
/// close) or `”先进地区”` (the first should open). Nothing but words and `、` lies between
/// them, so no other reading pairs them. Returns (where, wrong mark, right mark).
pub fn mirrored_slip(
    paragraph: &Paragraph,
    found: &[Orphan],
    families: &[Family],
) -> Option<(usize, char, char)> {
    let [first, second] = found else {
        return None;
    };
    if first.paragraph != second.paragraph || first.mark != second.mark || first.side != second.side
    {
        return None;
    }
    let between = paragraph
        .text
        .get(first.at + first.mark.len_utf8()..second.at)?;
    let is_phrase = (1..=MIRRORED_PHRASE_CHARS).contains(&between.chars().count())
        && between.chars().all(|c| c.is_alphanumeric() || c == '、');
    if !is_phrase {
        return None;
    }
    let family = families
        .iter()
        .find(|f| f.openers.contains(&first.mark) || f.closers.contains(&first.mark))?;
    let partner = |from: &[char], to: &[char]| {
        let index = from.iter().position(|&m| m == first.mark)?;
        to.get(index).copied()
    };
    match first.side {
        Side::Opener => Some((
            second.at,
            second.mark,
            partner(family.openers, family.closers)?,
        )),
        Side::Closer => Some((
            first.at,
            first.mark,
            partner(family.closers, family.openers)?,
        )),
    }
}

/// Longest phrase between two mirrored marks taken for a quoted term or a title.
const MIRRORED_PHRASE_CHARS: usize = 40;

#[cfg(test)]
mod tests {
    use super::runs_on;

    #[test]
    fn broken_lines_run_on() {
        assert!(runs_on("列宁指出：“", "资产阶级的反抗"));
        assert!(runs_on("十三五", "”实现了良好开局。"));
        assert!(runs_on("所谓「", "東南亞集體防務條約"));
        assert!(runs_on("（指江青）", "算上海帮呢！"));
        assert!(!runs_on("第一段结束。", "“第二段引文。"));
        assert!(!runs_on("他说：“好。”", "第二段。"));
    }
}
