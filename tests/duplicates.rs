//! The duplicate phase across a repository: clone classes, cross-file exact and near copies,
//! width variants, the formula allowlist, commonness, file scope, determinism.

use govlint::dedup::{Scope, Settings};
use govlint::document::source::Source;
use govlint::document::{Document, Format};
use govlint::linter::{Options, Run, lint_documents};
use govlint::report::diagnostic::{Diagnostic, Severity};
use govlint::rules;

const PARAGRAPH: &str = "注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展“依法行政示范单位”创建，在镇村两级持续开展平安法治竞赛。";
const OTHER: &str = "强化队伍整合，提升文明行政能力。严格公正执法与规范文明执法，犹如一个硬币的两面，共同决定着执法的质量和效果，关系到政府形象和公信力。";
const THIRD: &str = "打造风险防范智慧大脑。依托大数据和人工智能，高效建成覆盖全区域全领域的区域治理现代化指挥中心，实现一屏观天下、一网管全城。";

fn documents(files: &[(&str, String)]) -> Vec<Document> {
    files
        .iter()
        .map(|(path, text)| Document::new(Source::new(*path, text.clone()), Format::PlainText))
        .collect()
}

fn options(scope: Scope) -> Options {
    Options {
        rules: vec![
            &rules::duplicate_paragraph::RULE,
            &rules::near_duplicate_paragraph::RULE,
        ],
        duplicates: Settings {
            scope,
            ..Settings::default()
        },
        keep_sources: true,
        ..Options::default()
    }
}

fn lint(files: &[(&str, String)], scope: Scope) -> Run {
    lint_documents(documents(files), Vec::new(), &options(scope))
}

fn only(run: &Run) -> &Diagnostic {
    assert_eq!(run.diagnostics.len(), 1, "{:#?}", run.diagnostics);
    &run.diagnostics[0]
}

fn article(paragraphs: &[&str]) -> String {
    paragraphs.iter().map(|p| format!("　　{p}\n")).collect()
}

#[test]
fn cross_file_exact_copy_names_both_files() {
    let run = lint(
        &[
            ("a.txt", article(&[OTHER, PARAGRAPH])),
            ("b.txt", article(&[THIRD, PARAGRAPH])),
        ],
        Scope::Repository,
    );
    let finding = only(&run);
    assert_eq!(finding.rule, "duplicate-paragraph");
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(run.paths[finding.document], "b.txt");
    assert_eq!(finding.start.line, 2);
    assert_eq!(run.paths[finding.related[0].document], "a.txt");
    assert_eq!(finding.related[0].start.line, 2);
    assert!(
        finding.message.english().contains("a.txt:2"),
        "{}",
        finding.message
    );
}

#[test]
fn file_scope_ignores_copies_in_other_files() {
    let files = [
        ("a.txt", article(&[PARAGRAPH])),
        ("b.txt", article(&[PARAGRAPH])),
    ];
    assert!(lint(&files, Scope::File).diagnostics.is_empty());
    assert_eq!(lint(&files, Scope::Repository).diagnostics.len(), 1);
}

#[test]
fn cross_file_near_copy_shows_similarity_and_what_differs() {
    let recycled = PARAGRAPH.replace("平安法治竞赛", "法治创建竞赛");
    let run = lint(
        &[
            ("2024.txt", article(&[PARAGRAPH, OTHER])),
            ("2025.txt", article(&[THIRD, &recycled])),
        ],
        Scope::Repository,
    );
    let finding = only(&run);
    assert_eq!(finding.rule, "near-duplicate-paragraph");
    assert_eq!(run.paths[finding.document], "2025.txt");
    let similarity = finding
        .similarity
        .expect("near copies carry their similarity");
    assert!((0.9..1.0).contains(&similarity), "{similarity}");
    let diff = finding.diff.as_deref().expect("near copies carry a diff");
    assert!(
        diff.contains("[-平安-]{+创建+}") || diff.contains("{+创建+}"),
        "{diff}"
    );
    assert!(diff.contains('…'), "long equal runs are elided: {diff}");
}

#[test]
fn copies_differing_only_in_width_punctuation_and_spaces_are_exact() {
    let folded = PARAGRAPH
        .replace('，', ",")
        .replace('。', ".")
        .replace('、', ",");
    let text = format!("　　{PARAGRAPH}\n{folded}  \n");
    let run = lint(&[("a.txt", text)], Scope::File);
    assert_eq!(only(&run).rule, "duplicate-paragraph");
}

#[test]
fn a_paragraph_present_1000_times_is_one_finding_listing_every_copy() {
    let files: Vec<(String, String)> = (0..1000)
        .map(|i| (format!("doc{i:04}.txt"), article(&[PARAGRAPH])))
        .collect();
    let files: Vec<(&str, String)> = files.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
    let run = lint(&files, Scope::Repository);
    let finding = only(&run);
    assert_eq!(finding.related.len(), 999);
    assert_eq!(run.paths[finding.document], "doc0001.txt");
    assert!(
        finding
            .message
            .english()
            .contains("1000 copies in 1000 files"),
        "{}",
        finding.message
    );
    // Text shared by many files is common text: a warning, not an error.
    assert_eq!(finding.severity, Severity::Warning);
}

#[test]
fn a_paragraph_repeated_1000_times_in_one_file_stays_an_error() {
    let text = article(&vec![PARAGRAPH; 1000]);
    let run = lint(&[("a.txt", text)], Scope::Repository);
    let finding = only(&run);
    assert_eq!(finding.related.len(), 999);
    assert_eq!(finding.severity, Severity::Error);
}

#[test]
fn common_text_in_three_files_is_a_warning_within_one_file_an_error() {
    let three: Vec<(&str, String)> = ["a.txt", "b.txt", "c.txt"]
        .iter()
        .map(|p| (*p, article(&[PARAGRAPH])))
        .collect();
    assert_eq!(
        only(&lint(&three, Scope::Repository)).severity,
        Severity::Warning
    );
    let two = &three[..2];
    assert_eq!(
        only(&lint(two, Scope::Repository)).severity,
        Severity::Error
    );
}

#[test]
fn shipped_formulas_are_never_duplicates() {
    let formula = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：";
    let closing = "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。";
    let files: Vec<(&str, String)> = ["a.txt", "b.txt"]
        .iter()
        .map(|p| (*p, article(&[formula, closing])))
        .collect();
    let mut options = options(Scope::Repository);
    options.duplicates.exact_min_chars = 10;
    let run = lint_documents(documents(&files), Vec::new(), &options);
    assert!(run.diagnostics.is_empty(), "{:#?}", run.diagnostics);
}

#[test]
fn a_user_allowlist_extends_the_formulas() {
    let files: Vec<(&str, String)> = ["a.txt", "b.txt"]
        .iter()
        .map(|p| (*p, article(&[PARAGRAPH])))
        .collect();
    let mut options = options(Scope::Repository);
    // Width and punctuation do not matter in the allowlist either.
    options.duplicates.allow(&format!(
        "# our standard paragraph\n{}\n",
        PARAGRAPH.replace('，', ",")
    ));
    assert!(
        lint_documents(documents(&files), Vec::new(), &options)
            .diagnostics
            .is_empty()
    );
}

#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    let files: Vec<(String, String)> = (0..60)
        .map(|i| {
            let mut paragraphs = vec![OTHER, THIRD];
            if i % 3 == 0 {
                paragraphs.push(PARAGRAPH);
            }
            let near = PARAGRAPH.replace("示范", if i % 2 == 0 { "典型" } else { "先进" });
            let text = article(&paragraphs) + &format!("{near}{i}\n");
            (format!("doc{i:02}.txt"), text)
        })
        .collect();
    let files: Vec<(&str, String)> = files.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
    let render = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        pool.install(|| {
            let run = lint(&files, Scope::Repository);
            let mut out = Vec::new();
            govlint::render::json::render(&run, &mut out, govlint::report::message::Lang::En)
                .expect("render");
            out
        })
    };
    let one = render(1);
    assert!(!one.is_empty());
    assert_eq!(one, render(2));
    assert_eq!(one, render(4));
    assert_eq!(one, render(1));
}
