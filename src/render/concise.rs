//! `--format concise`: one line per finding, `path:line:col: severity[rule] message`, for
//! terminals, editors' quickfix lists and `grep`. Nothing else is printed.

use crate::linter::Run;
use crate::report::message::Lang;
use crate::text::escape_controls;
use std::io::Write;

pub fn render(run: &Run, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    for diagnostic in &run.diagnostics {
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            escape_controls(&run.paths[diagnostic.document]),
            diagnostic.start.line,
            diagnostic.start.column,
            diagnostic.severity.as_str(),
            diagnostic.rule,
            escape_controls(&one_line(&diagnostic.message.render(lang))),
        )?;
    }
    Ok(())
}

/// A line break in a message would start what a reader takes for another finding.
fn one_line(message: &str) -> std::borrow::Cow<'_, str> {
    if message.contains(['\n', '\r']) {
        message.replace(['\n', '\r'], " ").into()
    } else {
        message.into()
    }
}
