//! `--format html`: one self-contained page for reviewing a run in a browser, in the run's
//! language. An overview (totals, a bar chart drawn here as inline SVG, the rules, the files
//! with most findings), the duplicates (each exact group with every copy, each near pair
//! side by side with what differs marked), then every file's findings in context.
//!
//! Nothing is loaded from anywhere: the style and the few lines of script are inline, and
//! the Content-Security-Policy allows exactly those two (by their SHA-256), so text from a
//! document can never run, even if an escape were missed. Every piece of document text and
//! every file name goes through `escape`. The page reads with scripting off: the script only
//! adds the filter. The bytes depend only on the run (no time stamp), so snapshots hold.

use crate::document::source::Source;
use crate::linter::Run;
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::report::message::{Lang, Message};
use crate::rules::{self, Check};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;

/// Findings of one rule shown in a file before the rest are folded away: a document whose
/// commas were all typed half-width is one habit, not 142 things to read.
const SHOWN_PER_RULE: usize = 5;
/// Characters of context kept on each side of a finding's span.
const CONTEXT_CHARS: usize = 60;
/// Characters of a span shown before it is cut (a duplicate paragraph may be long).
const SPAN_CHARS: usize = 400;
/// Files in the overview's list; groups and pairs in the duplicates section.
const WORST_FILES: usize = 20;
const DUPLICATES_SHOWN: usize = 500;
/// Rules in the bar chart.
const CHART_RULES: usize = 15;

const STYLE: &str = r#"
:root{color-scheme:light;--error:#b3261e;--warning:#8a5a00;--info:#33658a;--line:#d9d9d9;--muted:#5f6368}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1200px;padding:16px 24px 48px;font:15px/1.6 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;color:#202124;background:#fff}
h1{font-size:24px;margin:8px 0}h2{font-size:20px;margin:32px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}h3{font-size:16px;margin:0;word-break:break-all}
a{color:#1a57b5}code{font-family:ui-monospace,Menlo,Consolas,monospace;background:#f1f3f4;padding:0 3px;border-radius:3px}
[hidden]{display:none!important}
.summary{color:var(--muted);margin:0 0 8px}
.totals{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0;padding:0;list-style:none}
.totals li{border:1px solid var(--line);border-radius:6px;padding:6px 14px;min-width:110px}
.totals b{display:block;font-size:22px}
.error{color:var(--error)}.warning{color:var(--warning)}.info{color:var(--info)}
table{border-collapse:collapse;margin:8px 0;font-size:14px}th,td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}td.n,th.n{text-align:right}
#chart{max-width:100%;height:auto;font-size:12px}#chart text{fill:#202124}#chart .count{fill:var(--muted)}
#filters{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid var(--line);padding:6px 0;font-size:14px}
#filters fieldset{display:inline;border:0;margin:0 12px 0 0;padding:0}#filters legend{display:inline;font-weight:600;margin-right:6px;padding:0}
#filters label{display:inline-block;margin-right:10px;white-space:nowrap}#filters output{color:var(--muted)}
.file{margin:20px 0;border:1px solid var(--line);border-radius:8px;padding:12px 16px;content-visibility:auto;contain-intrinsic-size:auto 800px}
.file>header{display:flex;justify-content:space-between;gap:12px;flex-wrap:wrap;margin-bottom:6px}
.finding{border-top:1px solid #eee;padding:8px 0}
.finding p{margin:2px 0}.where{font-size:13px;color:var(--muted)}.where .severity{font-weight:600}
.sev-error{border-left:4px solid var(--error);padding-left:10px}.sev-warning{border-left:4px solid #e0a800;padding-left:10px}.sev-info{border-left:4px solid var(--info);padding-left:10px}
blockquote{margin:4px 0;padding:6px 10px;background:#f8f9fa;border-radius:4px;white-space:pre-wrap;word-break:break-all}
mark{background:#ffe08a;padding:0 1px;border-radius:2px;outline:1px solid #e0a800}
.help{color:#3c4043}td.about{max-width:520px;font-size:13px;color:#3c4043}.fix{color:#1e6b35}.related{margin:2px 0;padding-left:20px;font-size:14px}
details.fold{margin:8px 0}details.fold>summary{cursor:pointer;color:#1a57b5}
.pointed h4{margin:12px 0 4px;font-size:14px;color:var(--muted)}
.dup-group,.near-pair{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:12px 0}
.dup-group ol{margin:4px 0}.excerpt{color:var(--muted)}
.near-pair .sides{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.side .text{white-space:pre-wrap;word-break:break-all;background:#f8f9fa;padding:6px 10px;border-radius:4px;margin:4px 0}
del{background:#fcd6d3;color:#8c1d18;text-decoration:line-through}ins{background:#c9ecd2;color:#0d5222;text-decoration:none}
@media (max-width:700px){.near-pair .sides{grid-template-columns:1fr}#filters{position:static}}
"#;

/// The filter: checkboxes by rule and by severity hide the findings they uncheck, and the
/// files and folds left empty. Without scripting the form stays hidden and all shows.
const SCRIPT: &str = r#"
(function () {
  var form = document.getElementById("filters");
  if (!form) return;
  var findings = document.querySelectorAll("article.finding");
  var output = form.querySelector("output");
  var template = form.getAttribute("data-shown");
  function apply() {
    var off = { rule: {}, severity: {} };
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      if (!box.checked) off[box.name][box.value] = true;
    });
    var shown = 0;
    findings.forEach(function (finding) {
      var hide = !!(off.rule[finding.getAttribute("data-rule")] ||
        off.severity[finding.getAttribute("data-severity")]);
      finding.hidden = hide;
      if (!hide) shown += 1;
    });
    document.querySelectorAll("details.fold, section.file").forEach(function (part) {
      part.hidden = !!part.querySelector("article.finding") &&
        !part.querySelector("article.finding:not([hidden])");
    });
    if (output) {
      output.textContent = template.replace("{shown}", shown).replace("{total}", findings.length);
    }
  }
  form.addEventListener("change", apply);
  form.hidden = false;
  apply();
  // The sticky form would cover what a link jumps to: scroll targets to just below it.
  function pad() { document.documentElement.style.scrollPaddingTop = form.offsetHeight + 8 + "px"; }
  pad();
  addEventListener("resize", pad);
})();
"#;

pub fn render(run: &Run, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    let page = Page::new(run, lang).write();
    out.write_all(page.as_bytes())
}

/// What every part of the page needs: the run, the language, and where each finding is.
struct Page<'run> {
    run: &'run Run,
    lang: Lang,
    /// The first finding starting at a place (file, byte), for links to related places.
    finding_at: HashMap<(usize, usize), usize>,
    /// By file, the places findings point to where no finding starts (the first copy of a
    /// duplicate): shown under the file's findings, so that every link has a target.
    pointed_at:
        std::collections::BTreeMap<usize, std::collections::BTreeSet<(usize, usize, usize)>>,
    html: String,
}

impl<'run> Page<'run> {
    fn new(run: &'run Run, lang: Lang) -> Self {
        let mut finding_at = HashMap::new();
        for (index, diagnostic) in run.diagnostics.iter().enumerate() {
            finding_at
                .entry((diagnostic.document, diagnostic.span.start))
                .or_insert(index);
        }
        let mut pointed_at: std::collections::BTreeMap<_, std::collections::BTreeSet<_>> =
            std::collections::BTreeMap::new();
        for diagnostic in &run.diagnostics {
            for related in &diagnostic.related {
                if !finding_at.contains_key(&(related.document, related.span.start)) {
                    pointed_at.entry(related.document).or_default().insert((
                        related.span.start,
                        related.span.end,
                        related.start.line,
                    ));
                }
            }
        }
        Page {
            run,
            lang,
            finding_at,
            pointed_at,
            html: String::new(),
        }
    }

    fn say(&self, message: Message) -> String {
        message.render(self.lang)
    }

    fn write(mut self) -> String {
        let title = self.say(crate::msg!("html-title"));
        let lang = match self.lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        };
        let policy = format!(
            "default-src 'none'; style-src '{}'; script-src '{}'",
            digest(STYLE),
            digest(SCRIPT)
        );
        let _ = write!(
            self.html,
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"govlint {}\">\n<title>{}</title>\n\
             <style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n<p class=\"summary\">{}</p>\n</header>\n",
            env!("CARGO_PKG_VERSION"),
            escape(&title),
            escape(&title),
            escape(&super::human::summary(self.run, self.lang)),
        );
        self.filters();
        self.overview();
        self.duplicates();
        self.widespread();
        self.files();
        self.not_linted();
        let _ = write!(self.html, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
        self.html
    }

    /// The filter form, hidden until the script shows it.
    fn filters(&mut self) {
        if self.run.diagnostics.is_empty() {
            return;
        }
        let shown = self.say(crate::msg!(
            "html-shown",
            shown = "{shown}",
            total = "{total}"
        ));
        let _ = write!(
            self.html,
            "<form id=\"filters\" hidden data-shown=\"{}\">\n<fieldset><legend>{}</legend>",
            escape(&shown),
            escape(&self.say(crate::msg!("html-filter-severity")))
        );
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            let count = self
                .run
                .diagnostics
                .iter()
                .filter(|d| d.severity == severity)
                .count();
            if count > 0 {
                let name = self.severity_name(severity);
                let _ = write!(
                    self.html,
                    "<label><input type=\"checkbox\" name=\"severity\" value=\"{0}\" checked> \
                     <span class=\"{0}\">{1}</span> ({count})</label>",
                    severity.as_str(),
                    escape(&name)
                );
            }
        }
        let _ = write!(
            self.html,
            "</fieldset>\n<fieldset><legend>{}</legend>",
            escape(&self.say(crate::msg!("html-filter-rule")))
        );
        for (rule, count) in rule_counts(self.run) {
            let _ = write!(
                self.html,
                "<label><input type=\"checkbox\" name=\"rule\" value=\"{rule}\" checked> \
                 <code>{rule}</code> ({count})</label>"
            );
        }
        let _ = writeln!(self.html, "</fieldset>\n<output></output>\n</form>");
    }

    fn overview(&mut self) {
        let run = self.run;
        let _ = write!(
            self.html,
            "<section id=\"overview\">\n<h2>{}</h2>\n<ul class=\"totals\">",
            escape(&self.say(crate::msg!("html-overview")))
        );
        let linted = run.paths.len().saturating_sub(run.context);
        let _ = write!(
            self.html,
            "<li>{}<b>{linted}</b></li><li>{}<b>{}</b></li>",
            escape(&self.say(crate::msg!("html-files-checked"))),
            escape(&self.say(crate::msg!("html-findings"))),
            run.diagnostics.len()
        );
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            let count = run
                .diagnostics
                .iter()
                .filter(|d| d.severity == severity)
                .count();
            let _ = write!(
                self.html,
                "<li class=\"{}\">{}<b>{count}</b></li>",
                severity.as_str(),
                escape(&self.severity_name(severity))
            );
        }
        let _ = writeln!(self.html, "</ul>");
        if run.diagnostics.is_empty() {
            let _ = writeln!(
                self.html,
                "<p>{}</p>\n</section>",
                escape(&self.say(crate::msg!("html-no-findings")))
            );
            return;
        }
        self.chart();
        self.rule_table();
        self.worst_files();
        let _ = writeln!(self.html, "</section>");
    }

    /// Horizontal bars, one per rule, most findings first, drawn to scale.
    fn chart(&mut self) {
        let counts: Vec<(&str, usize)> = rule_counts(self.run)
            .into_iter()
            .take(CHART_RULES)
            .collect();
        let most = counts.iter().map(|&(_, n)| n).max().unwrap_or(1).max(1);
        let label_width = 220;
        let bar_width = 560;
        let row = 22;
        let height = row * counts.len() + 8;
        let title = self.say(crate::msg!("html-chart"));
        let _ = write!(
            self.html,
            "<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{}\" \
             height=\"{height}\" viewBox=\"0 0 {} {height}\"><title>{}</title>",
            label_width + bar_width + 80,
            label_width + bar_width + 80,
            escape(&title)
        );
        for (i, (rule, count)) in counts.iter().enumerate() {
            let y = 4 + i * row;
            let width = (bar_width * count).div_ceil(most).max(1);
            let _ = write!(
                self.html,
                "<g data-rule=\"{rule}\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{rule}</text>\
                 <rect x=\"{label_width}\" y=\"{y}\" width=\"{width}\" height=\"{}\" fill=\"#4f7cc9\"/>\
                 <text class=\"count\" x=\"{}\" y=\"{}\">{count}</text></g>",
                label_width - 8,
                y + 15,
                row - 6,
                label_width + width + 6,
                y + 15
            );
        }
        let _ = writeln!(self.html, "</svg>");
    }

    fn rule_table(&mut self) {
        let _ = write!(
            self.html,
            "<table id=\"by-rule\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead>\n<tbody>",
            escape(&self.say(crate::msg!("md-col-rule"))),
            escape(&self.say(crate::msg!("html-col-about"))),
            escape(&self.say(crate::msg!("md-col-severity"))),
            escape(&self.say(crate::msg!("md-col-findings"))),
            escape(&self.say(crate::msg!("md-col-fixable")))
        );
        for row in super::statistics::rows(self.run) {
            let severity = self.severity_name(row.severity);
            let about = rules::find(row.rule).map_or("", |rule| rule.summary(self.lang));
            let _ = write!(
                self.html,
                "<tr data-rule=\"{0}\"><td><code>{0}</code></td><td class=\"about\">{5}</td><td class=\"{1}\">{2}</td>\
                 <td class=\"n\">{3}</td><td class=\"n\">{4}</td></tr>",
                row.rule,
                row.severity.as_str(),
                escape(&severity),
                row.count,
                row.fixable,
                message_html(about)
            );
        }
        let _ = writeln!(self.html, "</tbody></table>");
    }

    /// The files with the most errors, then the most findings.
    fn worst_files(&mut self) {
        let run = self.run;
        let files = super::statistics::files_by_errors(run);
        let _ = write!(
            self.html,
            "<h3>{}</h3>\n<table id=\"worst-files\">\n<thead><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead>\n<tbody>",
            escape(&self.say(crate::msg!("html-worst-files"))),
            escape(&self.say(crate::msg!("md-col-file"))),
            escape(&self.say(crate::msg!("md-col-findings"))),
            escape(&self.say(crate::msg!("md-col-errors"))),
            escape(&self.say(crate::msg!("md-col-warnings")))
        );
        for (file, (total, errors, warnings)) in files.iter().take(WORST_FILES) {
            let _ = write!(
                self.html,
                "<tr><td><a href=\"#file-{file}\">{}</a></td><td class=\"n\">{total}</td>\
                 <td class=\"n\">{errors}</td><td class=\"n\">{warnings}</td></tr>",
                escape(&run.paths[*file])
            );
        }
        let _ = writeln!(self.html, "</tbody></table>");
        self.more(files.len().saturating_sub(WORST_FILES));
    }

    /// Each exact group with all its copies, each near pair side by side.
    fn duplicates(&mut self) {
        let run = self.run;
        let is_duplicate = |d: &&Diagnostic| {
            !d.related.is_empty()
                && rules::find(d.rule.as_str())
                    .is_some_and(|r| matches!(r.check, Check::Duplicates))
        };
        let found: Vec<(usize, &Diagnostic)> = run
            .diagnostics
            .iter()
            .enumerate()
            .filter(|(_, d)| is_duplicate(d))
            .collect();
        if found.is_empty() {
            return;
        }
        let _ = writeln!(
            self.html,
            "<section id=\"duplicates\">\n<h2>{}</h2>",
            escape(&self.say(crate::msg!("md-duplicates-heading")))
        );
        // Exact copies grouped by the first occurrence they repeat; near copies as pairs.
        let mut groups: Vec<((usize, usize), Vec<usize>)> = Vec::new();
        let mut pairs: Vec<usize> = Vec::new();
        for &(index, diagnostic) in &found {
            if diagnostic.similarity.is_some() {
                pairs.push(index);
                continue;
            }
            let first = &diagnostic.related[0];
            let key = (first.document, first.span.start);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, copies)) => copies.push(index),
                None => groups.push((key, vec![index])),
            }
        }
        let shown_groups = groups.len().min(DUPLICATES_SHOWN);
        for (_, copies) in &groups[..shown_groups] {
            self.exact_group(copies);
        }
        self.more(groups.len() - shown_groups);
        let shown_pairs = pairs.len().min(DUPLICATES_SHOWN);
        for &index in &pairs[..shown_pairs] {
            self.near_pair(index);
        }
        self.more(pairs.len() - shown_pairs);
        let _ = writeln!(self.html, "</section>");
    }

    /// Each fault found in copies of one paragraph in many files, once, with every place.
    fn widespread(&mut self) {
        let run = self.run;
        if run.widespread.is_empty() {
            return;
        }
        let _ = writeln!(
            self.html,
            "<section id=\"widespread\">\n<h2>{}</h2>",
            escape(&self.say(crate::msg!("html-widespread-heading")))
        );
        for group in &run.widespread {
            let Some(&first) = group.findings.first() else {
                continue;
            };
            let finding = &run.diagnostics[first];
            // The fault in its line, as the first file has it (`context` escapes it).
            let text = run
                .source(finding.document)
                .map(|source| context(&source, finding.span.clone()))
                .unwrap_or_default();
            let _ = write!(
                self.html,
                "<div class=\"dup-group\">\n<p><b>{}</b> <code>{}</code> {}</p>\n<p class=\"excerpt\">{}</p>\n<ol>",
                escape(&self.say(crate::msg!("html-widespread-group", files = group.files))),
                escape(finding.rule.as_str()),
                escape(&finding.message.render(self.lang)),
                text
            );
            for &index in &group.findings {
                let place = &run.diagnostics[index];
                let _ = write!(
                    self.html,
                    "<li><a class=\"place\" href=\"#d-{index}\">{}:{}</a></li>",
                    escape(&run.paths[place.document]),
                    place.start.line
                );
            }
            let _ = writeln!(self.html, "</ol>\n</div>");
        }
        let _ = writeln!(self.html, "</section>");
    }

    fn exact_group(&mut self, copies: &[usize]) {
        let run = self.run;
        let first = &run.diagnostics[copies[0]].related[0];
        let text = self
            .span_text(first.document, first.span.clone())
            .unwrap_or_default();
        let _ = write!(
            self.html,
            "<div class=\"dup-group\">\n<p><b>{}</b></p>\n<p class=\"excerpt\">{}</p>\n<ol>",
            escape(&self.say(crate::msg!("html-exact-group", count = copies.len() + 1))),
            escape(&cut(&text, SPAN_CHARS))
        );
        let _ = write!(
            self.html,
            "<li>{} <span class=\"excerpt\">{}</span></li>",
            self.place_link(first.document, first.span.start, first.start.line),
            escape(&first.message.render(self.lang))
        );
        for &index in copies {
            let copy = &run.diagnostics[index];
            let _ = write!(
                self.html,
                "<li><a class=\"place\" href=\"#d-{index}\">{}:{}</a></li>",
                escape(&run.paths[copy.document]),
                copy.start.line
            );
        }
        let _ = writeln!(self.html, "</ol>\n</div>");
    }

    fn near_pair(&mut self, index: usize) {
        let run = self.run;
        let copy = &run.diagnostics[index];
        let earlier = &copy.related[0];
        let left = self
            .span_text(earlier.document, earlier.span.clone())
            .unwrap_or_default();
        let right = self
            .span_text(copy.document, copy.span.clone())
            .unwrap_or_default();
        let similarity = copy.similarity.unwrap_or_default();
        let (left_html, right_html) = side_by_side(&left, &right);
        let _ = write!(
            self.html,
            "<div class=\"near-pair\" data-similarity=\"{similarity:.2}\">\n<p><b>{}</b> <code>{}</code></p>\n<div class=\"sides\">\
             <div class=\"side\">{}<p class=\"text\">{left_html}</p></div>\
             <div class=\"side\"><a class=\"place\" href=\"#d-{index}\">{}:{}</a><p class=\"text\">{right_html}</p></div>\
             </div>\n</div>\n",
            escape(&self.say(crate::msg!(
                "html-near-pair",
                percent = (similarity * 100.0).floor()
            ))),
            copy.rule.as_str(),
            self.place_link(earlier.document, earlier.span.start, earlier.start.line),
            escape(&run.paths[copy.document]),
            copy.start.line,
        );
    }

    /// A link to a place: to the finding there, else to its file's section.
    fn place_link(&self, document: usize, at: usize, line: usize) -> String {
        let target = match self.finding_at.get(&(document, at)) {
            Some(index) => format!("d-{index}"),
            None => format!("at-{document}-{at}"),
        };
        format!(
            "<a class=\"place\" href=\"#{target}\">{}:{line}</a>",
            escape(&self.run.paths[document])
        )
    }

    fn span_text(&self, document: usize, span: std::ops::Range<usize>) -> Option<String> {
        let source = self.run.source(document)?;
        source.text.get(span).map(str::to_string)
    }

    /// Every file with findings, in the run's order, each finding in context.
    fn files(&mut self) {
        let run = self.run;
        if run.diagnostics.is_empty() {
            return;
        }
        let _ = writeln!(
            self.html,
            "<section id=\"files\">\n<h2>{}</h2>",
            escape(&self.say(crate::msg!("html-files")))
        );
        // Each file's findings are together: the run sorts them by path, as it sorts
        // `paths`.
        let mut findings_of: std::collections::BTreeMap<usize, std::ops::Range<usize>> =
            std::collections::BTreeMap::new();
        for (index, diagnostic) in run.diagnostics.iter().enumerate() {
            findings_of
                .entry(diagnostic.document)
                .and_modify(|range| range.end = index + 1)
                .or_insert(index..index + 1);
        }
        let mut documents: Vec<usize> = findings_of
            .keys()
            .chain(self.pointed_at.keys())
            .copied()
            .collect();
        documents.sort_by(|a, b| run.paths[*a].cmp(&run.paths[*b]).then(a.cmp(b)));
        documents.dedup();
        for document in documents {
            let findings = findings_of.get(&document).cloned().unwrap_or(0..0);
            self.file(document, findings);
        }
        let _ = writeln!(self.html, "</section>");
    }

    fn file(&mut self, document: usize, findings: std::ops::Range<usize>) {
        let run = self.run;
        let path = &run.paths[document];
        let source = run.source(document);
        let _ = write!(
            self.html,
            "<section class=\"file\" id=\"file-{document}\" data-path=\"{}\">\n<header><h3>{}</h3><span>{}</span></header>\n",
            escape(path),
            escape(path),
            escape(&self.say(crate::msg!("html-file-count", count = findings.len())))
        );
        let mut per_rule: HashMap<&str, usize> = HashMap::new();
        for diagnostic in &run.diagnostics[findings.clone()] {
            *per_rule.entry(diagnostic.rule.as_str()).or_default() += 1;
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        // Folded findings by rule, in the order their rules first fold.
        let mut folded: Vec<(&str, Vec<usize>)> = Vec::new();
        for index in findings {
            let rule = run.diagnostics[index].rule.as_str();
            let nth = seen.entry(rule).or_default();
            *nth += 1;
            if per_rule[rule] > SHOWN_PER_RULE && *nth > SHOWN_PER_RULE {
                match folded.iter_mut().find(|(r, _)| *r == rule) {
                    Some((_, list)) => list.push(index),
                    None => folded.push((rule, vec![index])),
                }
                continue;
            }
            self.finding(index, source.as_deref());
        }
        for (rule, list) in folded {
            let _ = write!(
                self.html,
                "<details class=\"fold\" data-rule=\"{rule}\"><summary>{}</summary>",
                message_html(&self.say(crate::msg!("html-fold", count = list.len(), rule = rule)))
            );
            for index in list {
                self.finding(index, source.as_deref());
            }
            let _ = writeln!(self.html, "</details>");
        }
        if let (Some(places), Some(source)) = (self.pointed_at.get(&document), source.as_deref()) {
            let _ = write!(
                self.html,
                "<div class=\"pointed\"><h4>{}</h4>",
                escape(&self.say(crate::msg!("html-pointed-at")))
            );
            for &(start, end, line) in places {
                let _ = write!(
                    self.html,
                    "<div class=\"original\" id=\"at-{document}-{start}\"><p class=\"where\">{}:{line}</p>\
                     <blockquote class=\"context\">{}</blockquote></div>",
                    escape(path),
                    context(source, start..end)
                );
            }
            let _ = writeln!(self.html, "</div>");
        }
        let _ = writeln!(self.html, "</section>");
    }

    fn finding(&mut self, index: usize, source: Option<&Source>) {
        let run = self.run;
        let diagnostic = &run.diagnostics[index];
        let severity = diagnostic.severity.as_str();
        let _ = write!(
            self.html,
            "<article class=\"finding sev-{severity}\" id=\"d-{index}\" data-rule=\"{}\" data-severity=\"{severity}\">\
             <p class=\"where\"><a href=\"#d-{index}\">{}:{}</a> <span class=\"severity {severity}\">{}</span> <code>{}</code></p>\
             <p class=\"message\">{}</p>",
            diagnostic.rule.as_str(),
            diagnostic.start.line,
            diagnostic.start.column,
            escape(&self.severity_name(diagnostic.severity)),
            diagnostic.rule.as_str(),
            message_html(&diagnostic.message.render(self.lang))
        );
        if let Some(source) = source {
            let _ = write!(
                self.html,
                "<blockquote class=\"context\">{}</blockquote>",
                context(source, diagnostic.span.clone())
            );
        }
        if let Some(help) = &diagnostic.help {
            let _ = write!(
                self.html,
                "<p class=\"help\">{}</p>",
                message_html(&help.render(self.lang))
            );
        }
        if let Some(fix) = &diagnostic.fix {
            let how = if fix.safe {
                crate::msg!("html-fix-safe")
            } else {
                crate::msg!("html-fix-unsafe")
            };
            let _ = write!(
                self.html,
                "<p class=\"fix\">{} <span>{}</span></p>",
                message_html(&fix.title.render(self.lang)),
                message_html(&self.say(how))
            );
        }
        if !diagnostic.related.is_empty() {
            let _ = write!(self.html, "<ul class=\"related\">");
            for related in &diagnostic.related {
                let _ = write!(
                    self.html,
                    "<li>{} {}</li>",
                    escape(&related.message.render(self.lang)),
                    self.place_link(related.document, related.span.start, related.start.line)
                );
            }
            let _ = write!(self.html, "</ul>");
        }
        let _ = writeln!(self.html, "</article>");
    }

    fn not_linted(&mut self) {
        let run = self.run;
        if run.errors.is_empty() && run.fix_errors.is_empty() {
            return;
        }
        let _ = write!(
            self.html,
            "<section id=\"not-linted\">\n<h2>{}</h2>\n<ul>",
            escape(&self.say(crate::msg!("md-not-linted-heading")))
        );
        for error in run.errors.iter().chain(&run.fix_errors) {
            let _ = write!(
                self.html,
                "<li><code>{}</code> {}</li>",
                escape(&error.path),
                escape(&error.message.render(self.lang))
            );
        }
        let _ = writeln!(self.html, "</ul>\n</section>");
    }

    fn more(&mut self, hidden: usize) {
        if hidden > 0 {
            let _ = writeln!(
                self.html,
                "<p class=\"excerpt\">{}</p>",
                message_html(&self.say(crate::msg!("md-more", count = hidden)))
            );
        }
    }

    fn severity_name(&self, severity: Severity) -> String {
        self.say(crate::msg!("human-severity", severity = severity.as_str()))
    }
}

/// Each rule with findings and how many, most first, then by name.
fn rule_counts(run: &Run) -> Vec<(&'static str, usize)> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for diagnostic in &run.diagnostics {
        let rule = diagnostic.rule.as_str();
        match counts.iter_mut().find(|(r, _)| *r == rule) {
            Some((_, n)) => *n += 1,
            None => counts.push((rule, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    counts
}

/// The lines around a span, the span marked, at most `CONTEXT_CHARS` on either side.
fn context(source: &Source, span: std::ops::Range<usize>) -> String {
    let text = &source.text;
    let start = source.floor_char_boundary(span.start.min(text.len()));
    let end = source
        .floor_char_boundary(span.end.min(text.len()))
        .max(start);
    let line_start = source.line_span(source.line_index(start)).start.min(start);
    let line_end = source
        .line_span(source.line_index(end))
        .end
        .max(end)
        .min(text.len());
    let before = &text[line_start..start];
    let before: String = {
        let chars: Vec<char> = before.chars().collect();
        match chars.len().checked_sub(CONTEXT_CHARS) {
            Some(skip) if skip > 0 => std::iter::once('…')
                .chain(chars[skip..].iter().copied())
                .collect(),
            _ => before.to_string(),
        }
    };
    let after = cut(&text[end..line_end], CONTEXT_CHARS);
    format!(
        "{}<mark>{}</mark>{}",
        escape(&before),
        escape(&cut(&text[start..end], SPAN_CHARS)),
        escape(&after)
    )
}

/// `text` cut to `chars` characters, with `…` where it was cut.
fn cut(text: &str, chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(chars) {
        Some((at, _)) => Cow::Owned(format!("{}…", &text[..at])),
        None => Cow::Borrowed(text),
    }
}

/// Both paragraphs of a near pair, HTML, with what only the left has in `<del>` and what
/// only the right has in `<ins>`: compared character by character.
fn side_by_side(left: &str, right: &str) -> (String, String) {
    let left = cut(left, SPAN_CHARS * 4);
    let right = cut(right, SPAN_CHARS * 4);
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .timeout(std::time::Duration::from_millis(200))
        .diff_chars(left.as_ref(), right.as_ref());
    let (mut left_html, mut right_html) = (String::new(), String::new());
    for op in diff.ops() {
        for change in diff.iter_changes(op) {
            let text = escape(change.value());
            match change.tag() {
                similar::ChangeTag::Equal => {
                    left_html.push_str(&text);
                    right_html.push_str(&text);
                }
                similar::ChangeTag::Delete => {
                    let _ = write!(left_html, "<del>{text}</del>");
                }
                similar::ChangeTag::Insert => {
                    let _ = write!(right_html, "<ins>{text}</ins>");
                }
            }
        }
    }
    // Neighbouring marks of one run read as one.
    (
        left_html.replace("</del><del>", ""),
        right_html.replace("</ins><ins>", ""),
    )
}

/// A message of govlint's, HTML: its `code spans` (the marks, the rule's examples) as
/// `<code>`, the rest as text. A message with an odd number of backticks has them all shown.
fn message_html(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return escape(text);
    }
    let mut html = String::with_capacity(text.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 0 {
            html.push_str(&escape(part));
        } else {
            let _ = write!(html, "<code>{}</code>", escape(part));
        }
    }
    html
}

/// Text from a document, a file name or a message, as text in an element or an attribute
/// value: the five characters HTML gives meaning to are written as references, and control
/// characters other than tab and line feed are shown escaped (`\u{1b}`), never passed on.
pub fn escape(text: &str) -> String {
    let text = crate::text::escape_terminal_controls(text);
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            '\r' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// `'sha256-…'` of an inline script or style, as a Content-Security-Policy names it.
fn digest(text: &str) -> String {
    let hash = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(hash)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_text_never_becomes_markup() {
        assert_eq!(
            escape("<script>alert(1)</script>\"onload='x'&\u{1b}"),
            "&lt;script&gt;alert(1)&lt;/script&gt;&quot;onload=&#39;x&#39;&amp;\\u{1b}"
        );
        assert_eq!(
            message_html("ASCII `<` here"),
            "ASCII <code>&lt;</code> here"
        );
        assert_eq!(message_html("odd ` <b>"), "odd ` &lt;b&gt;");
    }

    #[test]
    fn near_pairs_mark_what_each_side_alone_has() {
        let (left, right) = side_by_side("加强组织领导，压实责任。", "加强组织保障，压实责任<b>");
        assert_eq!(left, "加强组织<del>领导</del>，压实责任<del>。</del>");
        assert_eq!(
            right,
            "加强组织<ins>保障</ins>，压实责任<ins>&lt;b&gt;</ins>"
        );
    }

    #[test]
    fn the_policy_names_the_inline_style_and_script_by_their_digests() {
        // RFC 4648 base64 of a SHA-256: 44 characters.
        assert_eq!(digest(SCRIPT).len(), "sha256-".len() + 44);
        assert_ne!(digest(SCRIPT), digest(STYLE));
    }
}
