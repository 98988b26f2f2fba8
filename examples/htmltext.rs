//! The paragraphs govlint reads from web pages, one a line with its line number in the page
//! (`H` marks a heading), for judging by hand whether the reader found the article body and
//! its headline and nothing else.
//!
//! ```sh
//! cargo run --release --example htmltext -- [--bytes] ../shared/corpus/html/pages/*.html
//! ```

use govlint::document::{Document, Format};
use govlint::input::read::read;
use govlint::input::walk::Input;
use std::path::PathBuf;

fn main() {
    // `--bytes`: each paragraph's byte span in the page (start, end, text; tab-separated).
    let bytes = std::env::args().any(|a| a == "--bytes");
    for path in std::env::args().skip(1).filter(|a| a != "--bytes") {
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
            let span = p.source_range(0..p.text.len());
            let line = document.source.line_index(span.start) + 1;
            let mark = if p.is_heading { "H" } else { " " };
            if bytes {
                println!("{}\t{}\t{}", span.start, span.end, p.text);
            } else {
                println!("{line:>6} {mark} {}", p.text);
            }
        }
    }
}
