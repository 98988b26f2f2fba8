//! Whether a pair of paragraphs the search found is a copy or legitimate parallel text.
//! The principle: a repeat is reported unless govlint can show it is legitimate; doubt
//! means report.

use super::{At, FileUnits, Unit, unit_at};
use similar::{Algorithm, DiffOp, capture_diff_slices};

/// Why a pair is not reported: each reason is a fact about the two paragraphs that makes
/// the repeat legitimate. `[duplicates] parallel = "report"` shows these pairs, tagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SetAside {
    /// Provisions of one statute worded in parallel, or two statutes restating each other.
    StatuteParallel,
    /// Items of one list filled from one template (`（一）…郑州…` / `（二）…西安…`).
    TemplateItems,
    /// A formula of a document series (a report's opening, the annual thanks).
    SeriesFormula,
    /// A paragraph quoting another text (an amendment quoting the provision it changes).
    Quotation,
    /// Two provisions that differ by a negation (`应当`/`不得`): opposite rules, not a copy.
    Negation,
    /// A heading or title near another paragraph: a news lead restates its headline.
    Heading,
}

impl SetAside {
    /// The name `as_str` gives, as the program keeps it (a report read back names them).
    pub fn named(name: &str) -> Option<&'static str> {
        [
            SetAside::StatuteParallel,
            SetAside::TemplateItems,
            SetAside::SeriesFormula,
            SetAside::Quotation,
            SetAside::Negation,
            SetAside::Heading,
        ]
        .into_iter()
        .map(SetAside::as_str)
        .find(|known| *known == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SetAside::StatuteParallel => "statute-parallel",
            SetAside::TemplateItems => "template-items",
            SetAside::SeriesFormula => "series-formula",
            SetAside::Quotation => "quotation",
            SetAside::Negation => "negation",
            SetAside::Heading => "heading",
        }
    }

    /// What the reason means, for the reader of an audit run.
    pub fn explain(self) -> &'static str {
        match self {
            SetAside::StatuteParallel => "parallel provisions of statutes",
            SetAside::TemplateItems => "items of one list differing only by names or figures",
            SetAside::SeriesFormula => "a formula of a document series",
            SetAside::Quotation => "a quotation of another text",
            SetAside::Negation => "the two differ by a negation",
            SetAside::Heading => "a heading, which a lead may restate",
        }
    }
}

/// Near pairs at least this similar are copies even when they are items of one list.
const ALWAYS_REPORTED: f64 = 0.95;

/// Longest substitution (in UTF-16 units, either side) that fills a template: a place or
/// organization name, a figure, a paired term.
const LONGEST_SUBSTITUTION: usize = 8;

/// Why the pair `earlier`–`later` is legitimate, or `None` when it is a copy to report.
/// `similarity` is `None` for exact copies.
pub fn set_aside(
    earlier: At,
    later: At,
    similarity: Option<f64>,
    files: &[FileUnits],
) -> Option<SetAside> {
    let (fa, fb) = (&files[earlier.document()], &files[later.document()]);
    let (ua, ub) = (unit_at(files, earlier), unit_at(files, later));
    if similarity.is_some() && (ua.is_heading || ub.is_heading) {
        return Some(SetAside::Heading);
    }
    if earlier.file != later.file {
        return if ua.provision.quotation || ub.provision.quotation {
            Some(SetAside::Quotation)
        } else if ua.is_series_formula || ub.is_series_formula {
            Some(SetAside::SeriesFormula)
        } else if fa.is_statute && fb.is_statute {
            Some(SetAside::StatuteParallel)
        } else {
            None
        };
    }
    let back_to_back = ua.paragraph.abs_diff(ub.paragraph) == 1;
    let near = similarity.map(|s| (s, fa.chars_of(ua), fb.chars_of(ub)));
    if back_to_back && near.is_none() {
        return None;
    }
    if ua.is_series_formula || ub.is_series_formula {
        return Some(SetAside::SeriesFormula);
    }
    if ua.provision.quotation || ub.provision.quotation {
        return Some(SetAside::Quotation);
    }
    if fa.is_statute {
        // Items of two lists of one article (item 2 of `（一）` and of `（二）`) are
        // parallel too; a paragraph repeated within one list or one article's text is not.
        let same_provision = ua.provision.article.is_some()
            && ua.provision.article == ub.provision.article
            && ua.provision.list == ub.provision.list;
        return (near.is_some() || !same_provision).then_some(SetAside::StatuteParallel);
    }
    match near {
        Some((_, a, b)) if differs_by_negation(a, b) => Some(SetAside::Negation),
        Some((similarity, a, b))
            if similarity < ALWAYS_REPORTED && are_siblings(ua, ub) && fills_one_template(a, b) =>
        {
            Some(SetAside::TemplateItems)
        }
        _ => None,
    }
}

/// Items of one list, or the same field (`计算方法：…`) of two items of one list.
fn are_siblings(a: &Unit, b: &Unit) -> bool {
    let (a, b) = (&a.provision, &b.provision);
    match (a.item, b.item) {
        (Some((list_a, item_a)), Some((list_b, item_b)))
            if list_a == list_b && item_a != item_b =>
        {
            a.list.is_some() && b.list.is_some() || a.field != 0 && a.field == b.field
        }
        _ => false,
    }
}

fn units(text: &str) -> Vec<u16> {
    text.encode_utf16().collect()
}

/// Whether `b` is `a` with only short substitutions: names, figures, paired terms, each
/// replacing a few characters by a few others (`医药`/`药品`, `郑州`/`西安`, `60`/`30`), or
/// adding a word of two characters. A clause added or dropped is not a template.
pub fn fills_one_template(a: &[u16], b: &[u16]) -> bool {
    changes(a, b).iter().all(|&(old, new)| {
        let is_digits = |side: &[u16]| side.iter().all(|&u| (0x30..=0x39).contains(&u));
        match (old.len(), new.len()) {
            (0, n) | (n, 0) => n <= LONGEST_INSERTION || is_digits(old) && is_digits(new),
            (o, n) => o <= LONGEST_SUBSTITUTION && n <= LONGEST_SUBSTITUTION,
        }
    })
}

/// Longest word a template's filling adds or leaves out (`门诊收入` / `门诊药品收入`).
const LONGEST_INSERTION: usize = 2;

/// The differences of `a` and `b` as (old, new) pieces. Changes one character apart are one
/// piece: a character diff splits `医药`/`药品` around their common `药`.
fn changes<'a>(a: &'a [u16], b: &'a [u16]) -> Vec<(&'a [u16], &'a [u16])> {
    const JOIN_ACROSS: usize = 1;
    let mut pieces: Vec<([usize; 2], [usize; 2])> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, a, b) {
        if matches!(op, DiffOp::Equal { .. }) {
            continue;
        }
        let (old, new) = (op.old_range(), op.new_range());
        match pieces.last_mut() {
            Some(last)
                if old.start <= last.0[1] + JOIN_ACROSS && new.start <= last.1[1] + JOIN_ACROSS =>
            {
                last.0[1] = old.end;
                last.1[1] = new.end;
            }
            _ => pieces.push(([old.start, old.end], [new.start, new.end])),
        }
    }
    pieces
        .into_iter()
        .map(|(old, new)| (&a[old[0]..old[1]], &b[new[0]..new[1]]))
        .collect()
}

/// Whether the only differences of `a` and `b` add or remove a negation (`不`, `未`, `非`,
/// `无`, `没有`) or swap a permission for a prohibition (`应当`/`不得`, `可以`/`不得`).
pub fn differs_by_negation(a: &[u16], b: &[u16]) -> bool {
    let negations: Vec<Vec<u16>> = ["不", "未", "非", "无", "没有"]
        .iter()
        .map(|n| units(n))
        .collect();
    let swaps: Vec<[Vec<u16>; 2]> = [
        ["应当", "不得"],
        ["可以", "不得"],
        ["应", "不"],
        ["可", "不"],
    ]
    .iter()
    .map(|[x, y]| [units(x), units(y)])
    .collect();
    let ops = capture_diff_slices(Algorithm::Myers, a, b);
    let mut changed = false;
    for op in &ops {
        let ok = match *op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index, old_len, ..
            } => negations
                .iter()
                .any(|n| n[..] == a[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => negations
                .iter()
                .any(|n| n[..] == b[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let (x, y) = (
                    &a[old_index..old_index + old_len],
                    &b[new_index..new_index + new_len],
                );
                swaps
                    .iter()
                    .any(|[p, q]| (p[..] == *x && q[..] == *y) || (p[..] == *y && q[..] == *x))
            }
        };
        if !ok {
            return false;
        }
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::{Settings, file_units};
    use crate::document::source::Source;
    use crate::document::{Document, Format};

    fn files(texts: &[&str]) -> Vec<FileUnits> {
        texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let source = Source::new(format!("{i}.txt"), text.replace('|', "\n"));
                file_units(
                    &Document::new(source, Format::PlainText),
                    &Settings::default(),
                )
            })
            .collect()
    }

    /// The judgement of the first unit whose text starts with `b` against the first whose
    /// text starts with `a` (`file:text`), with their similarity when they differ.
    fn judge(
        files: &[FileUnits],
        texts: &[&str],
        a: (u32, &str),
        b: (u32, &str),
    ) -> Option<SetAside> {
        let find = |(file, start): (u32, &str)| -> At {
            let wanted: Vec<u16> = crate::document::normalize::normalize(start)
                .encode_utf16()
                .collect();
            let f = &files[file as usize];
            let index = f
                .units
                .iter()
                .position(|u| f.chars_of(u).starts_with(&wanted))
                .unwrap_or_else(|| {
                    panic!("no unit starts with {start} in {}", texts[file as usize])
                });
            At::new(file, index as u32)
        };
        let (a, b) = (find(a), find(b));
        let (x, y) = (
            files[a.document()].chars_of(unit_at(files, a)),
            files[b.document()].chars_of(unit_at(files, b)),
        );
        let similarity = (x != y).then(|| crate::dedup::near::similarity(x, y, 0.0).unwrap_or(0.0));
        set_aside(a, b, similarity, files)
    }

    const STATUTE: &str = "第一条 为了规范车船税的征收管理，保障国家税收收入，根据宪法，制定本法。|第二条 省、自治区、直辖市人民政府根据当地实际情况，可以对公共交通车船定期减征或者免征车船税。|第三条 省、自治区、直辖市人民政府根据当地实际情况，可以对农村居民拥有的摩托车定期减征或者免征车船税。|第四条 车船税的纳税地点为车船的登记地或者车船税扣缴义务人所在地，依法不需要办理登记的除外。|车船税的纳税地点为车船的登记地或者车船税扣缴义务人所在地，依法不需要办理登记的除外。|第五条 本法自2012年1月1日起施行，2006年国务院公布的暂行条例同时废止。";

    #[test]
    fn statute_parallel() {
        let texts = [STATUTE];
        let f = files(&texts);
        assert!(f[0].is_statute);
        // Two articles worded in parallel.
        assert_eq!(
            judge(
                &f,
                &texts,
                (0, "省、自治区、直辖市人民政府根据当地实际情况，可以对公共"),
                (0, "省、自治区、直辖市人民政府根据当地实际情况，可以对农村")
            ),
            Some(SetAside::StatuteParallel)
        );
        // A paragraph repeated back to back inside one article is a slip.
        assert_eq!(
            judge(
                &f,
                &texts,
                (0, "车船税的纳税地点"),
                (
                    0,
                    "车船税的纳税地点为车船的登记地或者车船税扣缴义务人所在地，依法不需要办理登记的除外。"
                )
            ),
            None
        );
    }

    #[test]
    fn statutes_across_files() {
        let other = "第一条 为了规范烟叶税的征收管理，制定本法，依照税收征收管理法的规定执行。|第二条 省、自治区、直辖市人民政府根据当地实际情况，可以对公共交通车船定期减征或者免征车船税。|第三条 本法自2018年7月1日起施行，此前的暂行条例同时废止，不再执行。";
        let texts = [STATUTE, other];
        let f = files(&texts);
        assert_eq!(
            judge(
                &f,
                &texts,
                (0, "省、自治区、直辖市人民政府根据当地实际情况，可以对公共"),
                (1, "省、自治区、直辖市人民政府根据当地实际情况，可以对公共")
            ),
            Some(SetAside::StatuteParallel)
        );
        // An ordinary article copying the provision is not a statute restating it.
        let notice = "各区县人民政府：|省、自治区、直辖市人民政府根据当地实际情况，可以对公共交通车船定期减征或者免征车船税。";
        let texts = [STATUTE, notice];
        let f = files(&texts);
        assert_eq!(
            judge(
                &f,
                &texts,
                (0, "省、自治区、直辖市人民政府根据当地实际情况，可以对公共"),
                (1, "省、自治区、直辖市人民政府根据当地实际情况，可以对公共")
            ),
            None
        );
    }

    #[test]
    fn template_items() {
        let texts = [
            "各海关要做好以下工作：|（一）郑州海关负责对进口冻品实施检验检疫，发现问题的，应当在60日内报告海关总署并通报地方政府。|（二）西安海关负责对出口冻品实施检验检疫，发现问题的，应当在30日内报告海关总署并通报地方政府。|同时，各口岸要：|（一）兰州海关负责对出口冻品实施检验检疫，发现问题的，应当在30日内报告海关总署并通报地方政府。|（二）郑州海关负责对进口冻品实施检验检疫，应当在60日内报告海关总署并通报地方政府。",
        ];
        let f = files(&texts);
        // Items of one list filled from one template.
        assert_eq!(
            judge(&f, &texts, (0, "郑州海关"), (0, "西安海关")),
            Some(SetAside::TemplateItems)
        );
        // The same filling in another list: a different lead is no excuse.
        assert_eq!(judge(&f, &texts, (0, "西安海关"), (0, "兰州海关")), None);
        // A clause dropped is an edit, not a template.
        assert_eq!(
            judge(
                &f,
                &texts,
                (0, "西安海关"),
                (0, "郑州海关负责对进口冻品实施检验检疫，应当")
            ),
            None
        );
    }

    #[test]
    fn near_copies_at_095_are_reported_even_in_one_list() {
        let texts = [
            "各地要：|（一）加强组织领导，各地要成立由政府主要负责同志牵头的工作专班，明确责任分工，细化工作措施，确保各项任务落到实处、取得实效。|（二）加强组织领导，各地要成立由政府分管负责同志牵头的工作专班，明确责任分工，细化工作措施，确保各项任务落到实处、取得实效。",
        ];
        let f = files(&texts);
        assert_eq!(
            judge(
                &f,
                &texts,
                (0, "加强组织领导，各地要成立由政府主要"),
                (0, "加强组织领导，各地要成立由政府分管")
            ),
            None
        );
    }

    #[test]
    fn series_formulas() {
        let texts = [
            "我代表国务院，向全国各族人民，向各民主党派、各人民团体和各界人士，向香港特别行政区同胞、澳门特别行政区同胞和台湾同胞以及广大侨胞，表示衷心的感谢！|过去一年，我们坚持稳中求进工作总基调，统筹发展和安全，经济运行总体平稳，发展质量稳步提升，民生保障有力有效。",
            "我代表国务院，向全国各族人民，向各民主党派、各人民团体和各界人士，向香港特别行政区同胞、澳门特别行政区同胞和台湾同胞以及海外侨胞，表示诚挚的感谢！|过去五年，我们坚持稳中求进工作总基调，统筹发展和安全，经济运行总体平稳，发展质量稳步提升，民生保障有力有效。",
        ];
        let f = files(&texts);
        assert_eq!(
            judge(&f, &texts, (0, "我代表"), (1, "我代表")),
            Some(SetAside::SeriesFormula)
        );
        assert_eq!(judge(&f, &texts, (0, "过去一年"), (1, "过去五年")), None);
    }

    #[test]
    fn quotations() {
        let law = "第一条 为了保护著作权人的合法权益，鼓励有益于社会主义精神文明建设的作品的创作和传播，制定本法。|第二条 出版物侵害他人著作权的，出版者应当根据其过错、侵权程度及损害后果等承担赔偿责任。|第三条 本法自公布之日起施行，国务院有关部门应当制定配套规定。";
        let decision = "全国人民代表大会常务委员会关于修改《中华人民共和国著作权法》的决定||一、将第二条修改为：|“出版物侵害他人著作权的，出版者应当根据其过错、侵权程度及损害后果等承担民事赔偿责任。”";
        let texts = [law, decision];
        let f = files(&texts);
        assert_eq!(
            judge(&f, &texts, (0, "出版物侵害"), (1, "出版物侵害")),
            Some(SetAside::Quotation)
        );
        // Without the quotation marks and the amending title, the same text is a copy.
        let notice = "关于加强出版管理的通知||各出版单位：|出版物侵害他人著作权的，出版者应当根据其过错、侵权程度及损害后果等承担民事赔偿责任。";
        let texts = [law, notice];
        let f = files(&texts);
        assert_eq!(
            judge(&f, &texts, (0, "出版物侵害"), (1, "出版物侵害")),
            None
        );
    }

    fn u(text: &str) -> Vec<u16> {
        crate::document::normalize::normalize(text)
            .encode_utf16()
            .collect()
    }

    #[test]
    fn negation_pairs_are_set_aside() {
        let texts = [
            "会议要求：|二人以上分别实施侵权行为造成同一损害，每个人的侵权行为都足以造成全部损害的，行为人承担连带责任。|二人以上分别实施侵权行为造成同一损害，每个人的侵权行为都不足以造成全部损害的，行为人承担按份责任。|二人以上分别实施侵权行为造成同一损害，每个人的侵权行为都不足以造成全部损害的，行为人承担连带责任。",
        ];
        let f = files(&texts);
        assert_eq!(
            judge(
                &f,
                &texts,
                (
                    0,
                    "二人以上分别实施侵权行为造成同一损害，每个人的侵权行为都足以"
                ),
                (
                    0,
                    "二人以上分别实施侵权行为造成同一损害，每个人的侵权行为都不足以造成全部损害的，行为人承担连带"
                )
            ),
            Some(SetAside::Negation)
        );
        assert_eq!(
            judge(
                &f,
                &texts,
                (
                    0,
                    "二人以上分别实施侵权行为造成同一损害，每个人的侵权行为都足以"
                ),
                (
                    0,
                    "二人以上分别实施侵权行为造成同一损害，每个人的侵权行为都不足以造成全部损害的，行为人承担按份"
                )
            ),
            None
        );
    }

    #[test]
    fn negations() {
        // 民法典 第一千一百七十一条 / 第一千一百七十二条, as the law repository has them.
        let a = u(
            "二人以上分别实施侵权行为造成同一损害，每个人的侵权行为都足以造成全部损害的，行为人承担连带责任。",
        );
        let b = u(
            "二人以上分别实施侵权行为造成同一损害，每个人的侵权行为都不足以造成全部损害的，行为人承担连带责任。",
        );
        assert!(differs_by_negation(&a, &b));
        let a = u("用人单位应当将直接涉及劳动者切身利益的规章制度公示，或者告知劳动者。");
        let b = u("用人单位不得将直接涉及劳动者切身利益的规章制度公示，或者告知劳动者。");
        assert!(differs_by_negation(&a, &b));
        // A word changed besides the negation: a copy edited, not the opposite rule.
        let b = u("用人单位不得将直接涉及职工切身利益的规章制度公示，或者告知劳动者。");
        assert!(!differs_by_negation(&a, &b));
        let b = u("用人单位应当将直接涉及职工切身利益的规章制度公示，或者告知劳动者。");
        assert!(!differs_by_negation(&a, &b));
        assert!(!differs_by_negation(&a, &a));
    }

    #[test]
    fn templates() {
        let a = u("郑州海关负责对进口冻品实施检验检疫，发现问题的，应当在60日内报告海关总署。");
        let b = u("西安海关负责对出口冻品实施检验检疫，发现问题的，应当在30日内报告海关总署。");
        assert!(fills_one_template(&a, &b));
        let c = u("郑州海关负责对进口冻品实施检验检疫，应当在60日内报告海关总署。");
        assert!(!fills_one_template(&a, &c), "a clause dropped");
        let d = u(
            "郑州海关负责对进口冻品实施检验检疫，发现问题的，应当在60日内报告海关总署，并抄送省政府。",
        );
        assert!(!fills_one_template(&a, &d), "a clause added");
    }
}
