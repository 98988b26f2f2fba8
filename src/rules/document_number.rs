//! `document-number`: a 发文字号 (`国发〔2019〕5号`) whose year is not in `〔〕`, not written
//! in full, or whose sequence number has `第` or leading zeros.

use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::{Document, Paragraph};
use crate::report::diagnostic::Severity;
use crate::text::is_han;
use std::ops::Range;

pub static RULE: RuleInfo = RuleInfo {
    name: "document-number",
    severity: Severity::Error,
    summary: "A document number (发文字号) whose year is not in `〔〕` or not in full, or whose \
              sequence number has `第` or leading zeros: `国发〔2019〕5号`, not `国发[2019]5号`.",
    explanation: r#"
## What it does
Finds document numbers (发文字号, `机关代字〔年份〕序号号`) written against the standard
form, in a document's own heading and wherever a sentence cites one
(`根据《…的通知》（国办发[2019]5号）`):

1. the year in other brackets than the tortoise-shell brackets `〔〕`: `[2019]`, `［2019］`,
   `(2019)`, `（2019）`, `【2019】`, `〖2019〗`, or a mismatched pair;
2. a two-digit year: `国发〔19〕5号`;
3. `第` before the sequence number: `国发〔2019〕第5号`;
4. leading zeros in the sequence number: `国发〔2019〕05号`.

Each fault is one finding. The fixes for the brackets, `第` and the zeros are safe: they
change how the number is written, not which document it names. A two-digit year gets a
suggested four-digit one (`50`–`99` read as 19xx, `00`–`49` as 20xx), applied only with
`--unsafe-fixes`, since the century is a guess.

## Why is this bad
GB/T 9704-2012 (党政机关公文格式) 7.2.5 发文字号: the number is made of the issuing
organ's code, the year and the sequence number; the year is given in full and enclosed in
`〔〕`; the sequence number takes no `第` and no leading zeros (`1`, not `01`), and is
followed by `号`. A citation of a document by its number is the same number, and readers
and search engines match it in that one form.

## Not reported
- Court case numbers (案号), which put the year in round brackets by rule: the Supreme
  People's Court's 《关于人民法院案件案号的若干规定》 (art. 3) sets them as
  `（收案年度）法院代字类型代字案件编号号`, so the year comes first and a court code
  follows the bracket (`（2019）京01民初123号`, `（2015）民提字第1号`). A document number
  has its sequence number right after the bracket; a bracketed year followed by Chinese
  characters is never taken for one. Notarial and arbitration numbers of that shape
  (`（2019）京长安内经证字第1234号`) are left alone for the same reason.
- Numbers without a bracketed year: announcements and orders numbered with `第`
  (`国家税务总局公告2019年第5号`, `国务院令第588号`), ICP filings
  (`京ICP备12345678号`), patent and standard numbers.
- Round or square brackets that do not follow a Chinese character (`ISO(2019)5号`), a
  round-bracketed two-digit year unless the code ends like one (`发` `函` `字` `电` `办`
  `释`), and numbered things that merely resemble one (`地铁（2019）5号线`, `…5号楼`).
- Full-width digits (`〔２０１９〕`), which `fullwidth-alphanumeric` reports, and the older
  form `〔1996〕武司字第82号` with the code after the year.
"#,
    zh: Doc {
        summary: "发文字号写法不规范：年份没有用六角括号“〔〕”括入或没有写全，顺序号加了“第”字或编了虚位，应写作“国发〔2019〕5号”。",
        explanation: r#"
## 检查什么
找出不合规范的发文字号（机关代字〔年份〕序号号），无论是在文件版头，还是在正文引用文件时（“根据《……的通知》（国办发[2019]5号）”）：

1. 年份没有用六角括号“〔〕”括入，而用了方括号“[2019]”“［2019］”、圆括号“(2019)”“（2019）”、方头括号“【2019】”、空心方头括号“〖2019〗”，或前后括号不配对；
2. 年份只写了两位：“国发〔19〕5号”；
3. 顺序号前加了“第”字：“国发〔2019〕第5号”；
4. 顺序号编了虚位（前面补0）：“国发〔2019〕05号”。

每处问题单独报告。括号、“第”字和虚位的修复是安全的，加“--fix”即可自动修复：改的只是写法，所指的文件不变。两位年份只给出建议（50至99按19××年、00至49按20××年补全），须加“--unsafe-fixes”才会应用，因为世纪是推测的，请核对原文件。

## 为什么要改
GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号：由发文机关代字、年份、发文顺序号组成；年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为01），在阿拉伯数字后加“号”字。正文中引用文件时写的也是这个文号，读者和检索系统都按这一种写法查找。

## 不报告的情况
- 法院案号。最高人民法院《关于人民法院案件案号的若干规定》第三条规定案号为“（收案年度）法院代字类型代字案件编号号”，年份本来就用圆括号，而且写在最前面，括号后紧接法院代字（“（2019）京01民初123号”“（2015）民提字第1号”）。发文字号的括号后紧接顺序号，所以括号中的年份后面是汉字的，一律不当作发文字号。同样格式的公证书、仲裁文书编号（“（2019）京长安内经证字第1234号”）也不报告。
- 没有用括号括年份的编号：用“第”编号的公告和令（“国家税务总局公告2019年第5号”“国务院令第588号”）、网站备案号（“京ICP备12345678号”）、专利号和标准编号。
- 前面不是汉字的圆括号或方括号（“ISO(2019)5号”），机关代字不以“发”“函”“字”“电”“办”“释”结尾的两位年份圆括号，以及只是形似文号的编号（“地铁（2019）5号线”“……5号楼”）。
- 全角数字（“〔２０１９〕”，由“fullwidth-alphanumeric”报告），以及代字写在年份之后的旧式文号“〔1996〕武司字第82号”。
"#,
    },
    bad: &[
        Example::fixed(
            "按照《国务院关于加快构建大众创业万众创新支撑平台的指导意见》（国发[2015]53号）要求。",
        ),
        Example::fixed("国发〔2019〕第5号"),
        Example::fixed("转发国发（2019）05号文件。"),
        Example::fixed("京政发【2020】12号"),
        Example::corrected("国发〔19〕5号", "国发〔2019〕5号"),
    ],
    good: &[
        "国发〔2019〕5号",
        "根据《国务院关于加快发展的意见》（国发〔2015〕43号），按照要求执行。",
        "北京市第一中级人民法院（2019）京01民初123号民事判决书",
        "国家税务总局公告2019年第5号；国务院令第588号；京ICP备12345678号",
        "地铁（2019）5号线开通。",
    ],
    fix: Fixes::SafeWhenUnambiguous,
    marks: Marks::chars(&['号']),
    check: Check::Paragraph(check),
};

const OPENERS: &[char] = &['〔', '[', '［', '(', '（', '【', '〖'];
const CLOSERS: &[char] = &['〕', ']', '］', ')', '）', '】', '〗'];

/// The parts of a number read from its opening bracket to its `号`, as byte ranges of the
/// paragraph text.
struct Number {
    open: Range<usize>,
    year: Range<usize>,
    close: Range<usize>,
    di: Option<Range<usize>>,
    sequence: Range<usize>,
    end: usize,
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The end of the run of digits starting at `at`.
fn digits_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| digit(c).is_none())
        .map_or(text.len(), |(i, _)| at + i)
}

fn value(digits: &str) -> u32 {
    digits
        .chars()
        .filter_map(digit)
        .fold(0u32, |n, d| n.saturating_mul(10).saturating_add(d))
}

/// `〔2019〕5号`, `[2019]第05号`, … starting with the bracket at `at`: a bracketed year of
/// two or four digits, then the sequence number (perhaps after `第`) right after the
/// closing bracket, then `号`. A bracketed year followed by anything else (`（2019）京01
/// 民初123号`, a court case number) is not read as a document number.
fn parse(text: &str, at: usize, open: char) -> Option<Number> {
    let year_start = at + open.len_utf8();
    let year_end = digits_end(text, year_start);
    let year_len = text[year_start..year_end].chars().count();
    if year_len != 2 && year_len != 4 {
        return None;
    }
    if year_len == 4 && !(1900..=2099).contains(&value(&text[year_start..year_end])) {
        return None;
    }
    let close = text[year_end..]
        .chars()
        .next()
        .filter(|c| CLOSERS.contains(c))?;
    let close_end = year_end + close.len_utf8();
    let di = text[close_end..]
        .starts_with('第')
        .then(|| close_end..close_end + '第'.len_utf8());
    let sequence_start = di.as_ref().map_or(close_end, |di| di.end);
    let sequence_end = digits_end(text, sequence_start);
    if sequence_end == sequence_start || !text[sequence_end..].starts_with('号') {
        return None;
    }
    Some(Number {
        open: at..year_start,
        year: year_start..year_end,
        close: year_end..close_end,
        di,
        sequence: sequence_start..sequence_end,
        end: sequence_end + '号'.len_utf8(),
    })
}

/// Whether the text around a parsed number says it is a document number. The tortoise-shell
/// brackets are used for nothing else with a year and a `号`; other brackets must follow the
/// organ's code (a Chinese character) and not make a numbered thing (`5号线`).
fn is_document_number(text: &str, number: &Number) -> bool {
    let open = text[number.open.clone()].chars().next();
    let close = text[number.close.clone()].chars().next();
    if open == Some('〔') || close == Some('〕') {
        return true;
    }
    let Some(before) = text[..number.open.start].chars().next_back() else {
        return false;
    };
    if !is_han(before) {
        return false;
    }
    let round = matches!(open, Some('(' | '（'));
    if round && text[number.year.clone()].chars().count() == 2 && !"发函字电办释".contains(before)
    {
        return false;
    }
    // `号` closing a noun of its own: a line, a building, a berth, a motion.
    let after = text[number.end..].chars().next();
    !after.is_some_and(|c| {
        "线楼院馆房车门机码桥井站台位床舱箱厅室库柜池罐窑炉坑洞段街路巷弄口区组队议桩仓".contains(c)
    })
}

/// Whether the bracket at byte `at` of `text` is one of a document number's pair of two
/// different kinds (`国发〔2019]5号`): this rule reports and fixes it, so
/// `unbalanced-bracket` leaves both marks alone (its suggestion would delete one).
pub fn in_mismatched_number(text: &str, at: usize) -> bool {
    let Some(mark) = text.get(at..).and_then(|rest| rest.chars().next()) else {
        return false;
    };
    let open_at = if OPENERS.contains(&mark) {
        at
    } else if CLOSERS.contains(&mark) {
        let before = text[..at].trim_end_matches(|c| digit(c).is_some());
        match before.chars().next_back() {
            Some(c) if OPENERS.contains(&c) => before.len() - c.len_utf8(),
            _ => return false,
        }
    } else {
        return false;
    };
    let Some(open) = text[open_at..].chars().next() else {
        return false;
    };
    parse(text, open_at, open).is_some_and(|number| {
        let pair = [number.open.clone(), number.close.clone()].map(|r| text[r].to_string());
        let same_kind = OPENERS.iter().position(|&c| pair[0].starts_with(c))
            == CLOSERS.iter().position(|&c| pair[1].starts_with(c));
        !same_kind && is_document_number(text, &number)
    })
}

fn check(_: &Document, index: usize, paragraph: &Paragraph, report: &mut Report) {
    let text = &paragraph.text;
    let mut from = 0;
    while let Some((offset, open)) = text[from..]
        .char_indices()
        .find(|&(_, c)| OPENERS.contains(&c))
    {
        let at = from + offset;
        from = at + open.len_utf8();
        let Some(number) = parse(text, at, open) else {
            continue;
        };
        if paragraph.is_protected(at) || !is_document_number(text, &number) {
            continue;
        }
        from = number.end;
        report_number(index, paragraph, &number, report);
    }
}

fn report_number(index: usize, paragraph: &Paragraph, number: &Number, report: &mut Report) {
    let text = &paragraph.text;
    let written = &text[number.open.start..number.end];
    let corrected = corrected(text, number);
    let open = &text[number.open.clone()];
    let close = &text[number.close.clone()];
    if open != "〔" || close != "〕" {
        let span = number.open.start..number.close.end;
        let finding = report.add(
            index,
            paragraph,
            span,
            crate::msg!(
                "document-number-brackets",
                written = written,
                brackets = format!("{open}{close}")
            ),
            crate::msg!("document-number-brackets-help", corrected = &corrected),
        );
        let mut edits = Vec::new();
        if open != "〔" {
            edits.push((number.open.clone(), "〔"));
        }
        if close != "〕" {
            edits.push((number.close.clone(), "〕"));
        }
        finding.fix(
            paragraph,
            crate::msg!("document-number-brackets-fix"),
            true,
            &edits,
        );
    }
    let year = &text[number.year.clone()];
    if year.chars().count() == 2 {
        let full = full_year(year);
        let finding = report.add(
            index,
            paragraph,
            number.year.clone(),
            crate::msg!("document-number-year", written = written, year = year),
            crate::msg!("document-number-year-help", corrected = &corrected),
        );
        // The century is a guess: a suggestion, never applied by `--fix`.
        finding.fix(
            paragraph,
            crate::msg!("document-number-year-fix", year = &full),
            false,
            &[(number.year.clone(), &full)],
        );
    }
    if let Some(di) = &number.di {
        let finding = report.add(
            index,
            paragraph,
            di.clone(),
            crate::msg!("document-number-di", written = written),
            crate::msg!("document-number-di-help", corrected = &corrected),
        );
        finding.fix(
            paragraph,
            crate::msg!("document-number-di-fix"),
            true,
            &[(di.clone(), "")],
        );
    }
    if let Some(zeros) = leading_zeros(text, &number.sequence) {
        let finding = report.add(
            index,
            paragraph,
            zeros.clone(),
            crate::msg!(
                "document-number-zeros",
                written = written,
                sequence = &text[number.sequence.clone()]
            ),
            crate::msg!("document-number-zeros-help", corrected = &corrected),
        );
        // `05` and `5` are the same number: deleting the zeros cannot name another document.
        finding.fix(
            paragraph,
            crate::msg!("document-number-zeros-fix"),
            true,
            &[(zeros, "")],
        );
    }
}

/// The zeros before the first other digit of the sequence number; none for `0` alone.
fn leading_zeros(text: &str, sequence: &Range<usize>) -> Option<Range<usize>> {
    let digits = &text[sequence.clone()];
    let rest = digits.trim_start_matches(['0', '０']);
    (rest.len() < digits.len() && !rest.is_empty())
        .then(|| sequence.start..sequence.end - rest.len())
}

/// `19` → `2019`, `98` → `1998`: 公文 with two-digit years date from the 1980s and 1990s,
/// and since 2000 the years are written in full.
fn full_year(year: &str) -> String {
    let short = value(year);
    let century = if short >= 50 { 1900 } else { 2000 };
    (century + short).to_string()
}

/// The number from its bracket to `号` as the standard writes it.
fn corrected(text: &str, number: &Number) -> String {
    let year = &text[number.year.clone()];
    let year = if year.chars().count() == 2 {
        full_year(year)
    } else {
        year.to_string()
    };
    let sequence = &text[number.sequence.clone()];
    let sequence = leading_zeros(text, &number.sequence)
        .map_or(sequence, |zeros| &text[zeros.end..number.sequence.end]);
    format!("〔{year}〕{sequence}号")
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, fixes};

    /// Real lines of the corpora (govcn, lawref), with a fault planted where the original is
    /// correct, and the text each finding marks.
    #[test]
    fn must_fire() {
        for (text, marked) in [
            // govcn_0007 with `〔〕` changed: a citation inside a sentence.
            (
                "根据《国务院办公厅关于加快发展的意见》（国办发[2019]5号），按照全国统一部署。",
                vec!["[2019]"],
            ),
            ("国发（2018）38号", vec!["（2018）"]),
            ("国办函(2018)71号", vec!["(2018)"]),
            ("国发【2019】4号", vec!["【2019】"]),
            ("国发［2019］3号", vec!["［2019］"]),
            ("国办发〖2019〗2号", vec!["〖2019〗"]),
            ("国办发〔2019]6号", vec!["〔2019]"]),
            // lawref: a judicial interpretation cited with a round bracket inside `（）`.
            (
                "《最高人民法院关于适用法律若干问题的解释》（法释（2015）11号）作如下修改：",
                vec!["（2015）"],
            ),
            ("国发〔2019〕第5号", vec!["第"]),
            ("国发〔2019〕05号", vec!["0"]),
            ("国发〔2019〕005号", vec!["00"]),
            ("国发〔19〕5号", vec!["19"]),
            ("国发[98]12号", vec!["[98]", "98"]),
            ("国发(98)12号", vec!["(98)", "98"]),
            ("国发[2019]第05号", vec!["[2019]", "第", "0"]),
            ("（〔2021〕02号）", vec!["0"]),
            ("沪卫基层〔2024〕05号", vec!["0"]),
            // The html corpus, with the year in square brackets.
            ("金罚决字[2024]36号", vec!["[2024]"]),
            (
                "要根据中发（1994）8号文件关于“中央关心西藏”",
                vec!["（1994）"],
            ),
            (
                "国办发[2018]108号、国办发[2018]109号",
                vec!["[2018]", "[2018]"],
            ),
        ] {
            assert_eq!(findings(&super::RULE, text), marked, "{text}");
        }
    }

    #[test]
    fn must_not_fire() {
        for text in [
            // Correct numbers from the corpora.
            "国发〔2019〕5号",
            "国办发明电〔2018〕15号",
            "《关于统一后的若干问题的解释》（法（研）发〔1987〕32号）同时废止",
            "员会行政监管措施决定书 〔2022〕3号",
            "××法建〔××××〕×号",
            // Court case numbers: the year first, a court code after the bracket.
            "北京市第一中级人民法院（2019）京01民初123号民事判决书",
            "（2019）最高法民终5号",
            // The Supreme People's Court's retrial judgment in the 乔丹 trademark case.
            "最高人民法院（2016）最高法行再27号行政判决书",
            "见(2015)民提字第1号判决。",
            "审理的（2019）京0105民初12345号案件",
            "（2019）京长安内经证字第1234号公证书",
            // Old-style number with the code after the year, as cited in govcn.
            "直属单位迁址新建的请示（〔1996〕武司字第82号）收悉",
            // Numbers without a bracketed year.
            "国家税务总局公告2019年第5号",
            "国务院令第588号",
            "备案号：京ICP备12345678号，京公网安备11010202000001号",
            "专利号ZL201910123456.7，标准GB/T 9704-2012。",
            // A year in brackets that is not a document number.
            "《全球能源转型报告（2025）》显示，去年我国能源转型投资总额。",
            "地铁（2019）5号线开通，新建（2020）3号楼。",
            "ISO(2019)5号",
            "第（2）3号",
            "表(12)3号",
            "表（１２）3号",
            "〔注〕这里列举的各年粮食总产量",
            "国发〔2018〕38、39号",
            "第3号楼（2019）",
            "发布（1234）5号",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn fixes_are_safe_but_for_the_century() {
        for (text, expected) in [
            ("国办发[2019]5号", vec![(true, "国办发〔2019〕5号")]),
            ("法释（2015）11号", vec![(true, "法释〔2015〕11号")]),
            ("国发〔2019]6号", vec![(true, "国发〔2019〕6号")]),
            ("国发〔2019〕第5号", vec![(true, "国发〔2019〕5号")]),
            ("国发〔2019〕005号", vec![(true, "国发〔2019〕5号")]),
            ("国发〔19〕5号", vec![(false, "国发〔2019〕5号")]),
            ("国发〔87〕5号", vec![(false, "国发〔1987〕5号")]),
        ] {
            let expected: Vec<(bool, String)> = expected
                .into_iter()
                .map(|(safe, text)| (safe, text.to_string()))
                .collect();
            assert_eq!(fixes(&super::RULE, text), expected, "{text}");
        }
    }

    #[test]
    fn a_mismatched_pair_is_left_to_this_rule() {
        use super::in_mismatched_number;
        let text = "国办发〔2019]6号";
        let open = text.find('〔').unwrap_or_default();
        let close = text.find(']').unwrap_or_default();
        assert!(in_mismatched_number(text, open) && in_mismatched_number(text, close));
        let text = "国发〔2019〕5号，见[2019]和（2019]";
        for (at, _) in text.char_indices() {
            assert!(!in_mismatched_number(text, at), "{at}");
        }
        let unbalanced = crate::rules::find("unbalanced-bracket").expect("rule exists");
        assert!(unbalanced.run_on("国办发〔2019]6号文件。").is_empty());
        assert_eq!(unbalanced.run_on("国办发〔2019号文件。").len(), 1);
    }

    #[test]
    fn bad_input_does_not_panic() {
        for text in [
            "〔",
            "国发〔",
            "国发〔2019",
            "国发〔2019〕",
            "国发〔2019〕第",
            "〔2019〕号",
            "号〔99999999999999999999〕1号",
        ] {
            let _ = findings(&super::RULE, text);
        }
    }
}
