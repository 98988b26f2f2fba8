//! `abolished-agency`: names of bodies that the 2018 and 2023 institutional reforms
//! abolished (`国土资源部`, `环保局`), in documents written after the reform.

use super::lexicon::{LISTED, Listing, leftmost_longest};
use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::{Document, Paragraph};
use crate::report::diagnostic::Severity;
use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

pub static RULE: RuleInfo = RuleInfo {
    name: "abolished-agency",
    severity: Severity::Warning,
    summary: "A body the 2018 or 2023 institutional reform abolished (`国土资源部`, `环保局`), \
              named in a document written after the reform.",
    explanation: r#"
## What it does
Reports the names of bodies that the 2018 and 2023 reforms of the party and state
institutions abolished or renamed, full names and the short forms editors keep using
(`国家工商行政管理总局`, `国土资源部`, `环境保护部`, `农业部`, `国家卫生和计划生育委员会`,
`中国银行保险监督管理委员会`; `工商局`, `食药监局`, `质监局`, `国土局`, `环保局`, `安监局`,
`地税局`, `卫计委`), and says which body took over its duties. The list, with the reform,
its date and its source for every name, is `src/rules/data/abolished_agencies.toml`.

## Why is this bad
A page that names a body which no longer exists misleads its readers and is the kind of
"表述错误" a government-website inspection counts. The names changed on the dates of the
reforms: 《国务院机构改革方案》 approved on 17 March 2018 and 10 March 2023, 《深化党和国家
机构改革方案》 (2018) and 《党和国家机构改革方案》 (2023).

## Not reported
- In a document dated before the reform: its date is the 成文日期 (a line holding only a
  date, the last one), else the latest date of its head (the lines of a statute that say when it was adopted,
  published and amended), else the year of its own 发文字号 at the top (`国办函〔2004〕71号`),
  else a `发布时间` line, else the latest full date in it; `--as-of YYYY-MM-DD` sets the day for every document. A document
  whose date cannot be found is read as written today.
- In a sentence about a year before the reform (`2016年，市环保局…`).
- A name marked as former: `原国土资源部`, `原市环保局`.
- A name inside the title of a document (`《最高人民法院、最高人民检察院、国家林业局…关于…》`):
  titles are quoted as published.
- Inside longer correct words the data file lists (`环境保护部门`, `农业部门`).

No fix: which body a sentence should name depends on the duty it speaks of (the duties of
`国家工商行政管理总局` went to 国家市场监督管理总局; those of `环境保护部` to 生态环境部).
"#,
    zh: Doc {
        summary: "2018年、2023年机构改革已撤销的机构名称（“国土资源部”“环保局”），出现在改革以后的文档里。",
        explanation: r#"
## 检查什么
报告2018年和2023年党和国家机构改革中撤销或更名的机构名称，包括全称和编辑常用的简称（“国家工商行政管理总局”“国土资源部”“环境保护部”“农业部”“国家卫生和计划生育委员会”“中国银行保险监督管理委员会”；“工商局”“食药监局”“质监局”“国土局”“环保局”“安监局”“地税局”“卫计委”），并说明由哪个机构承接其职责。每个名称的改革、日期和出处见“src/rules/data/abolished_agencies.toml”。

## 为什么要改
网页上写着已不存在的机构，会误导读者，也是政府网站检查所说的“表述错误”。名称自改革之日起变更：《国务院机构改革方案》分别于2018年3月17日、2023年3月10日批准，另见《深化党和国家机构改革方案》（2018年）、《党和国家机构改革方案》（2023年）。

## 不报告的情况
- 文档写于改革之前：文档的日期取成文日期（只写有日期的一行，取最后一行），没有成文日期时取文档开头最晚的日期（法规开头写明通过、公布、修正日期的几行），再没有就取开头本文件发文字号中的年份（“国办函〔2004〕71号”），再没有就取“发布时间”一行，最后取文中最晚的完整日期；“--as-of YYYY-MM-DD”可为所有文档指定日期。找不到日期的文档按今天写成看待。
- 句子讲的是改革以前的年份（“2016年，市环保局……”）。
- 写明是原机构：“原国土资源部”“原市环保局”。
- 书名号内文件标题中的名称（“《最高人民法院、最高人民检察院、国家林业局……关于……》”）：标题按原样引用。
- 数据文件列出的、包含该名称的正确词语（“环境保护部门”“农业部门”）。

不提供自动修复：句子应当改成哪个机构，要看说的是哪项职责（“国家工商行政管理总局”的职责划入国家市场监督管理总局，“环境保护部”的职责划入生态环境部）。
"#,
    },
    bad: &[
        Example::corrected(
            "请各乡镇配合区环保局做好督查工作。\n2024年3月5日",
            "请各乡镇配合区生态环境局做好督查工作。\n2024年3月5日",
        ),
        Example::corrected(
            "经国家工商行政管理总局核准，公司名称变更。",
            "经国家市场监督管理总局核准，公司名称变更。",
        ),
    ],
    good: &[
        "请各乡镇配合区环保局做好督查工作。\n2016年3月5日",
        "2016年，原区环保局开展了专项督查。",
        "2016年，区环保局开展了专项督查。",
        "各级环境保护部门要加强监管。",
        "按照《最高人民法院、最高人民检察院、国家林业局、公安部、海关总署关于破坏野生动物资源刑事案件中涉及走私的象牙及其制品价值标准问题的通知》执行。",
        "国办函〔2004〕71号\n国土资源部会同有关部门研究提出了办理意见。",
    ],
    fix: Fixes::None,
    marks: Marks::Any,
    check: Check::Document(check),
};

/// A day, for comparing a document's date with a reform's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `2018-03-17`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year: u16 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        ((1000..=9999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
            .then_some(Date { year, month, day })
    }
}

/// One name of `abolished_agencies.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    pub name: String,
    pub replaced_by: String,
    pub reform: u16,
    pub date: String,
    pub source: String,
    #[serde(default)]
    pub verified: bool,
    /// Longer correct words holding the name (`环境保护部门`).
    #[serde(default)]
    pub exceptions: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Deserialize)]
struct AgencyFile {
    entry: Vec<Agency>,
}

pub const AGENCIES_TOML: &str = include_str!("data/abolished_agencies.toml");

pub struct Index {
    agencies: Vec<(Agency, Date)>,
    /// Names and exceptions, each with its agency and whether it is an exception:
    /// `lexicon::LISTED` indexes them with the other wording lists.
    pub patterns: Vec<(String, usize, bool)>,
}

pub static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let agencies: Vec<(Agency, Date)> = toml::from_str::<AgencyFile>(AGENCIES_TOML)
        .map(|file| file.entry)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|agency| {
            let date = Date::parse_iso(&agency.date)?;
            Some((agency, date))
        })
        .collect();
    let mut patterns = Vec::new();
    for (index, (agency, _)) in agencies.iter().enumerate() {
        patterns.push((agency.name.clone(), index, false));
        // An exception that is itself a listed name (`银保监会` in `保监会`'s) is that name.
        for exception in agency
            .exceptions
            .iter()
            .filter(|e| !agencies.iter().any(|(a, _)| a.name == **e))
        {
            patterns.push((exception.clone(), index, true));
        }
    }
    Index { agencies, patterns }
});

fn check(document: &Document, report: &mut Report) {
    let index = &*INDEX;
    let mut written: Option<Option<Date>> = None;
    for (at, paragraph) in document.paragraphs.iter().enumerate() {
        let hits = LISTED
            .in_paragraph(document, at)
            .into_iter()
            .filter_map(|(listing, range)| match listing {
                Listing::Agency { index, exception } => Some(((index, exception), range)),
                _ => None,
            })
            .collect();
        // An exception, longer, wins over the name inside it.
        for ((agency, is_exception), range) in leftmost_longest(hits) {
            let before = &paragraph.text[..range.start];
            if is_exception || marked_former(before) || inside_title(before) {
                continue;
            }
            let (agency, reform) = &index.agencies[agency];
            let as_of = report
                .settings
                .as_of
                .or_else(|| *written.get_or_insert_with(|| document_date(document)));
            if as_of.is_some_and(|day| day < *reform)
                || sentence_is_about_earlier_years(paragraph, range.start, reform.year)
            {
                continue;
            }
            report.add(
                at,
                paragraph,
                range,
                crate::msg!(
                    "abolished-agency",
                    name = agency.name.as_str(),
                    year = u32::from(agency.reform)
                ),
                crate::msg!(
                    "abolished-agency-help",
                    successor = agency.replaced_by.as_str(),
                    name = agency.name.as_str()
                ),
            );
        }
    }
}

/// Whether a title mark `《` before the name is still open: a document's title is quoted as
/// it was published.
fn inside_title(before: &str) -> bool {
    before.matches('《').count() > before.matches('》').count()
}

/// Whether the name is marked as former: `原` just before it, or before the place that
/// leads it (`原市环保局`, `原海门市环保局`), words such as `原则` aside.
fn marked_former(before: &str) -> bool {
    let lead: String = before
        .chars()
        .rev()
        .take_while(|&c| crate::text::is_han(c))
        .take(8)
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    lead.char_indices().any(|(at, c)| {
        c == '原'
            && ![
                "原则",
                "原因",
                "原告",
                "原料",
                "原材料",
                "原始",
                "原创",
                "原件",
                "原文",
            ]
            .iter()
            .any(|word| lead[at..].starts_with(word))
    })
}

/// Whether the sentence holding byte `at` names a year before `year` (`2016年`,
/// `二〇一六年`): it then speaks of the time the body existed.
fn sentence_is_about_earlier_years(paragraph: &Paragraph, at: usize, year: u16) -> bool {
    let sentence = paragraph
        .sentences
        .iter()
        .find(|s| s.contains(&at))
        .cloned()
        .unwrap_or(0..paragraph.text.len());
    YEAR.captures_iter(&paragraph.text[sentence])
        .filter_map(|c| c.get(1).and_then(|y| year_value(y.as_str())))
        .any(|found| found < year)
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:1[89]|20)\d\d|[一二][〇○零一二三四五六七八九]{3})年").expect("valid")
});

static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"((?:1[89]|20)\d\d|[一二][〇○零一二三四五六七八九]{3})年",
        r"(\d{1,2}|[一二三四五六七八九十]{1,3})月",
        r"(\d{1,2}|[一二三四五六七八九十]{1,3})日"
    ))
    .expect("valid")
});

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d\d)-(\d\d)-(\d\d)").expect("valid"));

static DOCUMENT_NUMBER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{1,12}[〔\[［【(（]((?:19|20)\d\d)[〕\]］】)）]").expect("valid")
});

/// The day the document was written: its 成文日期 (the last paragraph that is only a date,
/// perhaps in brackets); else the latest date of its head, where statutes and judicial
/// interpretations list when they were adopted, published and amended (lines that begin
/// with a date, or notes in brackets); else the year of its own 发文字号 among its first
/// lines; else a `发布时间` line; else the latest full date anywhere in it. A document
/// republished on a page years later is dated by its own text, not by the page.
fn document_date(document: &Document) -> Option<Date> {
    let paragraphs = &document.paragraphs;
    let head = || paragraphs.iter().take(8).map(|p| p.text.trim());
    let only_a_date = |text: &str| {
        let trimmed = text.trim_matches(|c: char| {
            crate::text::is_space(c) || matches!(c, '（' | '）' | '(' | ')')
        });
        FULL_DATE
            .captures(trimmed)
            .filter(|c| c.get(0).is_some_and(|m| m.len() == trimmed.len()))
            .and_then(|c| chinese_date(&c))
    };
    let latest = |text: &str| {
        FULL_DATE
            .captures_iter(text)
            .filter_map(|c| chinese_date(&c))
            .max()
    };
    paragraphs
        .iter()
        .rev()
        .find_map(|p| only_a_date(&p.text))
        .or_else(|| {
            head()
                .filter(|text| {
                    text.starts_with(['（', '('])
                        || FULL_DATE.find(text).is_some_and(|m| m.start() == 0)
                })
                .filter_map(latest)
                .max()
        })
        .or_else(|| {
            head().find_map(|text| {
                let year = DOCUMENT_NUMBER_YEAR
                    .captures(text)?
                    .get(1)?
                    .as_str()
                    .parse()
                    .ok()?;
                Some(Date {
                    year,
                    month: 1,
                    day: 1,
                })
            })
        })
        .or_else(|| {
            head().find_map(|text| {
                if !["发布时间", "发布日期", "成文日期", "日期"]
                    .iter()
                    .any(|label| text.starts_with(label))
                {
                    return None;
                }
                if let Some(c) = FULL_DATE.captures(text) {
                    return chinese_date(&c);
                }
                let c = ISO_DATE.captures(text)?;
                Date::parse_iso(c.get(0)?.as_str())
            })
        })
        .or_else(|| paragraphs.iter().filter_map(|p| latest(&p.text)).max())
}

fn chinese_date(captures: &regex::Captures) -> Option<Date> {
    let year = year_value(captures.get(1)?.as_str())?;
    let month = small_number(captures.get(2)?.as_str())?;
    let day = small_number(captures.get(3)?.as_str())?;
    Some(Date {
        year,
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day).ok()?,
    })
}

/// `2016`, `二〇一六`.
fn year_value(text: &str) -> Option<u16> {
    if let Ok(year) = text.parse() {
        return Some(year);
    }
    text.chars().try_fold(0u16, |year, c| {
        let digit = u16::try_from(super::years::chinese_digit(c)?).ok()?;
        year.checked_mul(10)?.checked_add(digit)
    })
}

/// `12`, `十二`.
fn small_number(text: &str) -> Option<u32> {
    if let Ok(value) = text.parse() {
        return Some(value);
    }
    let (value, len) = crate::document::outline::chinese_number(text)?;
    (len == text.len()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses_and_every_entry_has_a_date_and_a_source() {
        let parsed: AgencyFile = toml::from_str(AGENCIES_TOML).expect("parses");
        assert!(parsed.entry.len() >= 20);
        for agency in &parsed.entry {
            assert!(Date::parse_iso(&agency.date).is_some(), "{}", agency.name);
            assert!(matches!(agency.reform, 2018 | 2023), "{}", agency.name);
            assert!(!agency.source.trim().is_empty(), "{}", agency.name);
            assert!(!agency.replaced_by.trim().is_empty(), "{}", agency.name);
            for exception in &agency.exceptions {
                assert!(exception.contains(&agency.name), "{exception}");
            }
        }
        assert_eq!(INDEX.agencies.len(), parsed.entry.len());
    }

    fn found(text: &str) -> Vec<String> {
        crate::rules::testing::findings(&RULE, text)
    }

    #[test]
    fn a_document_is_dated_by_its_signature_its_number_or_its_page() {
        use crate::document::source::Source;
        use crate::document::{Document, Format};
        let date = |text: &str| {
            document_date(&Document::new(
                Source::new("a.txt", text.into()),
                Format::PlainText,
            ))
        };
        let day = |year, month, day| Some(Date { year, month, day });
        assert_eq!(
            date("通知\n正文。\n国务院办公厅\n二〇〇四年十月十五日\n（本文有删减）"),
            day(2004, 10, 15)
        );
        assert_eq!(date("通知\n国办函〔2004〕71号\n正文。"), day(2004, 1, 1));
        assert_eq!(date("标题\n发布时间：2019-05-20\n正文。"), day(2019, 5, 20));
        assert_eq!(date("标题\n（2021年3月5日）\n正文。"), day(2021, 3, 5));
        assert_eq!(
            date(
                "药品进口管理办法\n2003年8月18日 食品药品监管局、海关总署第4号令公布\n2004年1月1日 施行\n第一条 正文。"
            ),
            day(2004, 1, 1)
        );
        assert_eq!(
            date(
                "# 解释\n（审判委员会第1237次会议通过 2002年8月16日公告公布 自2002年8月23日起施行）\n正文。"
            ),
            day(2002, 8, 23)
        );
        assert_eq!(
            date("2016年3月5日，市里召开会议。2017年1月2日又开。"),
            day(2017, 1, 2)
        );
        assert_eq!(date("市里召开会议。"), None);
    }

    #[test]
    fn real_lines() {
        // govcn_0022 (2004): the body existed.
        assert!(
            found("国办函〔2004〕71号\n国土资源部会同民政部、财政部研究提出了办理意见。")
                .is_empty()
        );
        assert_eq!(
            found("市环保局开展专项执法检查。\n2024年3月5日"),
            ["环保局"]
        );
        assert!(found("原市环保局开展专项执法检查。\n2024年3月5日").is_empty());
        assert_eq!(
            found("原则上由市环保局负责。\n2024年3月5日"),
            ["环保局"],
            "原则 does not mark a former body"
        );
    }
}
