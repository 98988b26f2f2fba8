//! Pathological inputs, timed stage by stage and rule by rule: each case is one document
//! of about 1 MB (one enormous paragraph, or 100 000 short ones) built to hit a rule where
//! a careless loop would be quadratic. Figures, not tests: a rule whose time grows much
//! faster than the input is the bug to look for.
//!
//! ```sh
//! cargo run --release --example stress             # every case at 1 MB
//! cargo run --release --example stress -- 4 spaces # one case at 4 MB
//! ```

use govlint::document::source::Source;
use govlint::document::{Document, Format};
use govlint::linter::{Options, lint_documents};
use govlint::report::message::Lang;
use govlint::rules::{self, Check};
use std::time::Instant;

type Render = dyn Fn(&govlint::linter::Run, &mut dyn std::io::Write, Lang) -> std::io::Result<()>;

/// A name, a format, and the text of about `bytes` bytes.
type Case = (&'static str, Format, fn(usize) -> String);

const CASES: &[Case] = &[
    ("distinct-sentences", Format::PlainText, distinct_sentences),
    ("repeated-sentences", Format::PlainText, repeated_sentences),
    ("spaces", Format::PlainText, spaces),
    ("questions", Format::PlainText, questions),
    ("numbers", Format::PlainText, numbers),
    ("dashes", Format::PlainText, dashes),
    ("urls", Format::PlainText, urls),
    ("url-like", Format::PlainText, url_like),
    ("open-marks", Format::PlainText, open_marks),
    ("close-marks", Format::PlainText, close_marks),
    ("point-marks", Format::PlainText, point_marks),
    ("dots", Format::PlainText, dots),
    ("fullwidth", Format::PlainText, fullwidth),
    ("residue", Format::PlainText, residue),
    ("random", Format::PlainText, random),
    ("identical-lines", Format::PlainText, identical_lines),
    ("distinct-lines", Format::PlainText, distinct_lines),
    ("broken-lines", Format::PlainText, broken_lines),
    ("wrapped-block", Format::PlainText, wrapped_block),
    ("markdown-brackets", Format::Markdown, markdown_brackets),
    ("markdown-emphasis", Format::Markdown, markdown_emphasis),
    ("markdown-quotes", Format::Markdown, markdown_quotes),
    ("markdown-comments", Format::Markdown, markdown_comments),
    ("html-lone-marks", Format::Html, html_lone_marks),
    ("html-nested", Format::Html, html_nested),
    ("html-unclosed", Format::Html, html_unclosed),
];

fn main() {
    let mut args = std::env::args().skip(1);
    let megabytes: f64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1.0);
    let only: Vec<String> = args.collect();
    let bytes = (megabytes * 1_000_000.0) as usize;
    for (name, format, build) in CASES {
        if !only.is_empty() && !only.iter().any(|o| o == name) {
            continue;
        }
        let text = build(bytes);
        let size = text.len();
        let timer = Instant::now();
        let document = Document::new(Source::new(*name, text), *format);
        let split = timer.elapsed().as_secs_f64();
        let mut slowest = Vec::new();
        for rule in rules::RULES {
            if !matches!(rule.check, Check::Document(_)) {
                continue;
            }
            let timer = Instant::now();
            let found = rules::check_document(rule, &document, 0).len();
            slowest.push((timer.elapsed().as_secs_f64(), rule.name, found));
        }
        slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
        let paragraphs = document.paragraphs.len();
        let timer = Instant::now();
        let run = lint_documents(vec![document], Vec::new(), &Options::default());
        let whole = timer.elapsed().as_secs_f64();
        let mut rendered = Vec::new();
        for (format, render) in [
            ("human", &human as &Render),
            ("json", &govlint::render::json::render),
            ("sarif", &govlint::render::sarif::render),
            ("rdjson", &govlint::render::rdjson::render),
            ("github", &govlint::render::github::render),
            ("concise", &govlint::render::concise::render),
        ] {
            let timer = Instant::now();
            let mut out = Vec::new();
            render(&run, &mut out, Lang::En).expect("rendered");
            rendered.push(format!("{format} {:.3}", timer.elapsed().as_secs_f64()));
        }
        println!(
            "{name:20} {:6.2} MB {paragraphs:7} paragraphs  split {split:6.3} s  lint {whole:6.3} s  {} findings",
            size as f64 / 1e6,
            run.diagnostics.len(),
        );
        println!("{:24}output (s): {}", "", rendered.join(", "));
        for (seconds, rule, found) in slowest.iter().take(3) {
            println!("{:24}{rule:24} {seconds:6.3} s  {found} findings", "");
        }
    }
}

fn human(
    run: &govlint::linter::Run,
    out: &mut dyn std::io::Write,
    lang: Lang,
) -> std::io::Result<()> {
    let style = govlint::render::human::Style {
        color: false,
        quiet: false,
        lang,
        show_all: false,
        wide: lang == Lang::Zh,
    };
    govlint::render::human::render(run, out, &style)
}

/// Repeats `unit(i)` until the text holds `bytes` bytes.
fn fill(bytes: usize, separator: &str, mut unit: impl FnMut(usize) -> String) -> String {
    let mut text = String::with_capacity(bytes + 64);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&unit(i));
        text.push_str(separator);
        i += 1;
    }
    text
}

fn chinese_number(mut n: usize) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[n % 10]);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.iter().rev().collect()
}

fn distinct_sentences(bytes: usize) -> String {
    fill(bytes, "", |i| {
        format!("第{}项工作要抓好落实，确保取得实效。", chinese_number(i))
    })
}

fn repeated_sentences(bytes: usize) -> String {
    fill(bytes, "", |i| {
        [
            "全面推进依法行政，加快建设法治政府。",
            "海门区不断完善法治建设考核机制，持续将法治建设纳入绩效考评。",
            "注重示范驱动，培育法治品牌。",
        ][i % 3]
            .to_string()
    })
}

fn spaces(bytes: usize) -> String {
    fill(bytes, "", |i| {
        [
            "政府 工作",
            "重 大。",
            "中央　军事，",
            "龚 正 ",
            "一日 施行",
            "“好 客”",
        ][i % 6]
            .to_string()
    })
}

fn questions(bytes: usize) -> String {
    fill(bytes, "", |_| "美好生活?法典相伴".to_string())
}

fn numbers(bytes: usize) -> String {
    fill(bytes, "", |i| {
        ["2024年", "二〇二四年", "6千余万", "2020-2021年", "１９８４"][i % 5].to_string()
    })
}

fn dashes(bytes: usize) -> String {
    fill(bytes, "", |i| {
        ["甲--乙", "丙—丁", "戊———己", "庚──辛"][i % 4].to_string()
    })
}

fn urls(bytes: usize) -> String {
    fill(bytes, "", |i| {
        format!("见http://www.gov.cn/a{i}.html,中.文:")
    })
}

/// Text the URL and e-mail pattern starts to match again and again.
fn url_like(bytes: usize) -> String {
    fill(bytes, "", |i| {
        ["a@", "a.", "www.", "中.cn"][i % 4].to_string()
    })
}

fn open_marks(bytes: usize) -> String {
    fill(bytes, "", |i| {
        ["“甲", "（乙", "《丙", "【丁", "「戊"][i % 5].to_string()
    })
}

fn close_marks(bytes: usize) -> String {
    fill(bytes, "", |i| {
        ["甲”", "乙）", "丙》", "丁】", "戊」"][i % 5].to_string()
    })
}

fn point_marks(bytes: usize) -> String {
    fill(bytes, "", |i| {
        ["甲，，", "乙。。", "丙、、", "丁；。", "戊？？？？"][i % 5].to_string()
    })
}

fn dots(bytes: usize) -> String {
    fill(bytes, "", |i| {
        ["甲...", "乙。。。", "丙…", "丁···"][i % 4].to_string()
    })
}

fn fullwidth(bytes: usize) -> String {
    fill(bytes, "", |i| ["ＡＢＣ", "１２３", "甲"][i % 3].to_string())
}

fn residue(bytes: usize) -> String {
    fill(bytes, "", |i| {
        [
            "首页 > 新闻 > ",
            "字体：[ 大 中 小 ]",
            "打印本页",
            "分享到",
            " 关闭 ",
            "微信",
            "【打印】",
            "文字",
        ][i % 8]
            .to_string()
    })
}

/// A seeded mix of Han characters, full-width and ASCII marks and spaces.
fn random(bytes: usize) -> String {
    const PIECES: &[&str] = &[
        "政", "府", "工", "作", "法", "治", "，", "。", "、", "；", "：", "？", "！", "“", "”",
        "（", "）", "《", "》", "…", "—", " ", "　", ".", ",", "?", "-", "1", "２", "a",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    fill(bytes, "", |_| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        PIECES[(state % PIECES.len() as u64) as usize].to_string()
    })
}

fn identical_lines(bytes: usize) -> String {
    let line = "　　全面推进依法行政，加快建设法治政府，不断提升政府治理能力和水平，确保各项工作落到实处。";
    // 100 000 lines at 1 MB.
    let count = bytes / 10;
    let mut text = String::with_capacity(count * (line.len() + 1));
    for _ in 0..count {
        text.push_str(line);
        text.push('\n');
    }
    text
}

fn distinct_lines(bytes: usize) -> String {
    fill(bytes, "\n", |i| {
        format!(
            "　　第{}项工作要抓好落实，确保取得实效，全面推进依法行政。",
            chinese_number(i)
        )
    })
}

/// Lines broken mid-sentence: every line runs on into the next.
fn broken_lines(bytes: usize) -> String {
    fill(bytes, "\n", |i| {
        ["列宁指出：“", "资产阶级的反抗", "”结论是"][i % 3].to_string()
    })
}

/// One blank-line-free block of equal lines breaking mid-sentence: one wrapped paragraph.
fn wrapped_block(bytes: usize) -> String {
    fill(bytes, "\n", |_| {
        "这是一个很长的段落它被编辑器按固定宽度折行了每一行的长度都差不多".to_string()
    })
}

fn markdown_brackets(bytes: usize) -> String {
    fill(bytes, "", |i| ["[", "甲](", "![", "]"][i % 4].to_string())
}

fn markdown_emphasis(bytes: usize) -> String {
    fill(bytes, "", |i| ["*甲", "_乙", "**", "`"][i % 4].to_string())
}

fn markdown_quotes(bytes: usize) -> String {
    fill(bytes, "\n", |i| format!("{}甲", ">".repeat(i % 50)))
}

fn markdown_comments(bytes: usize) -> String {
    fill(bytes, "\n", |i| {
        [
            "<!-- govlint-disable stray-period -->",
            "甲.",
            "<!-- govlint-disable-next-line -->",
            "<!-- govlint-enable -->",
        ][i % 4]
            .to_string()
    })
}

/// `<` and `&` that open no tag or reference, which the tokenizer hands over one by one.
fn html_lone_marks(bytes: usize) -> String {
    fill(bytes, "", |i| ["<", "&", "甲 ", "< 乙"][i % 4].to_string())
}

fn html_nested(bytes: usize) -> String {
    let depth = bytes / 12;
    format!(
        "{}政府 工作,{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

fn html_unclosed(bytes: usize) -> String {
    fill(bytes, "", |i| {
        ["<p>政府 工作,", "<td>甲,乙", "<!-- 注释 -->", "<b>重 大"][i % 4].to_string()
    })
}
