//! `--format github`: GitHub Actions workflow commands, which the runner turns into
//! annotations on the pull request's changed lines. One line per finding:
//!
//! `::error file=a.txt,line=3,col=5,endLine=3,endColumn=6,title=stray-period::…`
//!
//! Columns are characters, as GitHub places them; a byte column would put the mark far to
//! the right of a fault in Chinese text.

use crate::linter::Run;
use crate::render::portable_path;
use crate::report::diagnostic::Severity;
use crate::report::message::Lang;
use std::io::Write;

pub fn render(run: &Run, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    for diagnostic in &run.diagnostics {
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&portable_path(&run.paths[diagnostic.document])),
            diagnostic.start.line,
            diagnostic.start.column,
            diagnostic.end.line,
            diagnostic.end.column,
            escape_property(diagnostic.rule.as_str()),
            escape_data(&diagnostic.message.render(lang)),
        )?;
    }
    Ok(())
}

/// The message after `::`: a line break would end the command, `%` starts an escape. The
/// other control characters are written as `\u{1b}`, so that a document's terminal escape
/// reaches neither the log viewer nor a terminal (the runner decodes no other `%` escape).
fn escape_data(text: &str) -> String {
    let text = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    crate::text::escape_controls(&text).into_owned()
}

/// A property value: also `,` (which separates properties) and `:` (which ends them).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_end_a_property_or_the_command() {
        assert_eq!(escape_property("a,b:c%d\ne\rf"), "a%2Cb%3Ac%25d%0Ae%0Df");
        // `%` is escaped first, so an escape already in the text stays literal.
        assert_eq!(escape_data("100%0A"), "100%250A");
        assert_eq!(escape_data("半角,冒号:"), "半角,冒号:");
        assert_eq!(
            escape_data("a\x1b[31mb\x07\x08"),
            "a\\u{1b}[31mb\\u{7}\\u{8}"
        );
    }
}
