//! The paragraphs govlint reads from web pages, one a line with its line number in the page
//! (`H` marks a heading), for judging by hand whether the reader found the article body and
//! its headline and nothing else.
//!
//! ```sh
//! cargo run --release --example htmltext -- ../shared/corpus/html/pages/*.html
//! ```

use govlint::document::{Document, Format};
use govlint::linter::{Input, read};
use std::path::PathBuf;

fn main() {
    for path in std::env::args().skip(1) {
        let source = match read(&Input::File(PathBuf::from(&path)), None) {
            Ok(source) => source,
            Err(err) => {
                println!("== {path}: {}", err.message);
                continue;
            }
        };
        println!("== {path} ({})", source.encoding.name());
        let document = Document::new(source, Format::Html);
        for p in &document.paragraphs {
            let start = p.source_range(0..p.text.len()).start;
            let line = document.source.line_index(start) + 1;
            let mark = if p.is_heading { "H" } else { " " };
            println!("{line:>6} {mark} {}", p.text);
        }
    }
}
