//! Generates a benchmark corpus for the duplicate phase: many articles of realistic Chinese
//! paragraphs with exact, format-only and near copies injected at known edit rates, within
//! and across files, and a `truth.tsv` listing every injected copy.
//!
//! ```sh
//! cargo run --release --example gencorpus -- --paragraphs 300000 --out target/bench/300k \
//!     [--source ../shared/corpus/gov] [--seed 7] [--per-file 40] [--overlap]
//! ```
//!
//! Paragraphs are new combinations of sentences taken from `--source` (every `.txt` file
//! under it), or from the seed fixture when no source is given, so the text reads like
//! official prose while no two generated paragraphs are copies by accident.

use govlint::text::leading_label;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

struct Args {
    paragraphs: usize,
    out: PathBuf,
    source: Option<PathBuf>,
    seed: u64,
    per_file: usize,
    /// Keep every sentence verbatim: each is then shared by several paragraphs, a stress
    /// case for the near-duplicate index.
    overlap: bool,
}

fn parse_args() -> Args {
    let mut args = Args {
        paragraphs: 300_000,
        out: PathBuf::from("target/bench/corpus"),
        source: None,
        seed: 7,
        per_file: 40,
        overlap: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--overlap" {
            args.overlap = true;
            continue;
        }
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--paragraphs" => args.paragraphs = value.parse().expect("--paragraphs is a number"),
            "--out" => args.out = PathBuf::from(value),
            "--source" => args.source = Some(PathBuf::from(value)),
            "--seed" => args.seed = value.parse().expect("--seed is a number"),
            "--per-file" => args.per_file = value.parse().expect("--per-file is a number"),
            other => panic!("unknown flag {other}"),
        }
    }
    args
}

/// Sentences (ending in `。！？；`) of at least 8 characters from every `.txt` under `dir`.
fn sentences(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("source directory is readable") {
                stack.push(entry.expect("directory entry").path());
            }
        } else if path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        for line in text.lines() {
            let mut sentence = String::new();
            let mut chars = line.trim().chars().peekable();
            while let Some(c) = chars.next() {
                sentence.push(c);
                if "。！？；".contains(c) {
                    // Closing marks after the stop belong to the sentence.
                    while let Some(&close) = chars.peek().filter(|c| "”’）》」』".contains(**c))
                    {
                        sentence.push(close);
                        chars.next();
                    }
                    // Numbered provisions (`第五条`, `（一）`) would give the generated
                    // articles a structure they do not have.
                    let plain = leading_label(&sentence).is_none()
                        && !sentence
                            .starts_with(['”', '’', '）', '》', '」', '』', '，', '、', '：']);
                    if sentence.chars().count() >= 8 && plain {
                        out.push(std::mem::take(&mut sentence));
                    }
                    sentence.clear();
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

const HAN: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质";

/// A new paragraph: 2 to 6 sentences drawn at random, at least 80 characters. Real articles share formulas, not
/// most of their sentences: one sentence in `FORMULA_EVERY` is kept as it is; the others
/// have half of their Han characters replaced, so they read alike but are new text.
fn paragraph(rng: &mut Rng, pool: &[String], overlap: bool) -> String {
    const FORMULA_EVERY: usize = 10;
    // Long enough to be eligible for both duplicate rules (30 and 50 characters).
    const SHORTEST: usize = 80;
    let count = 2 + rng.below(5);
    let mut text = String::new();
    let mut sentences = 0;
    while sentences < count || text.chars().count() < SHORTEST {
        let sentence = &pool[rng.below(pool.len())];
        if overlap || rng.below(FORMULA_EVERY) == 0 {
            text.push_str(sentence);
        } else {
            text.push_str(&rewrite(rng, sentence, 0.5));
        }
        sentences += 1;
    }
    text
}

/// Replaces `rate` of the Han characters of `text` (punctuation and numbers stay).
fn rewrite(rng: &mut Rng, text: &str, rate: f64) -> String {
    let han: Vec<char> = HAN.chars().collect();
    let threshold = (rate * 1000.0) as usize;
    text.chars()
        .map(|c| {
            if ('\u{4E00}'..='\u{9FFF}').contains(&c) && rng.below(1000) < threshold {
                han[rng.below(han.len())]
            } else {
                c
            }
        })
        .collect()
}

/// Applies edits to `rate` of the characters: substitutions, insertions and deletions of
/// Han characters, never touching the first and last character.
fn edit(rng: &mut Rng, text: &str, rate: f64) -> String {
    let han: Vec<char> = HAN.chars().collect();
    let mut chars: Vec<char> = text.chars().collect();
    let edits = ((chars.len() as f64 * rate).round() as usize).max(1);
    for _ in 0..edits {
        if chars.len() < 4 {
            break;
        }
        let at = 1 + rng.below(chars.len() - 2);
        let replacement = han[rng.below(han.len())];
        match rng.below(3) {
            0 => chars[at] = replacement,
            1 => chars.insert(at, replacement),
            _ => {
                chars.remove(at);
            }
        }
    }
    chars.into_iter().collect()
}

/// The same words in another typing: ASCII punctuation, indentation, a stray space.
fn reformat(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect();
    format!("\u{3000}\u{3000}{folded} ")
}

fn main() {
    let args = parse_args();
    let pool = match &args.source {
        Some(dir) => sentences(dir),
        None => sentences(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")),
    };
    assert!(pool.len() > 50, "too few source sentences ({})", pool.len());
    let mut rng = Rng::new(args.seed);
    let files = args.paragraphs.div_ceil(args.per_file);
    let mut documents: Vec<Vec<String>> = Vec::with_capacity(files);
    for _ in 0..files {
        documents.push(
            (0..args.per_file)
                .map(|_| paragraph(&mut rng, &pool, args.overlap))
                .collect(),
        );
    }
    let total: usize = documents.iter().map(Vec::len).sum();
    let excess = total - args.paragraphs;
    if let Some(last) = documents.last_mut() {
        last.truncate(last.len() - excess.min(last.len() - 1));
    }

    // Injected copies: 1 in 100 paragraphs becomes a copy of another paragraph.
    let rates = [0.0, 0.0, 0.01, 0.03, 0.05, 0.08, 0.10, 0.12, 0.15];
    let mut truth =
        String::from("kind\tedit_rate\tsource_file\tsource_line\tcopy_file\tcopy_line\n");
    let injections = args.paragraphs / 100;
    let mut taken = std::collections::HashSet::new();
    for n in 0..injections {
        let rate = rates[n % rates.len()];
        let kind = match (n % rates.len(), rate) {
            (0, _) => "exact",
            (1, _) => "format",
            _ => "near",
        };
        let within_file = n % 2 == 0;
        let (sf, sl) = (rng.below(documents.len()), rng.below(args.per_file));
        let cf = if within_file {
            sf
        } else {
            rng.below(documents.len())
        };
        let cl = rng.below(documents[cf].len());
        if sl >= documents[sf].len()
            || (sf, sl) == (cf, cl)
            || !taken.insert((sf, sl))
            || !taken.insert((cf, cl))
        {
            continue;
        }
        let original = documents[sf][sl].clone();
        documents[cf][cl] = match kind {
            "exact" => original,
            "format" => reformat(&original),
            _ => edit(&mut rng, &original, rate),
        };
        writeln!(
            truth,
            "{kind}\t{rate}\t{}\t{}\t{}\t{}",
            file_name(sf),
            sl + 1,
            file_name(cf),
            cl + 1
        )
        .expect("write to string");
    }

    let docs = args.out.join("docs");
    std::fs::create_dir_all(&docs).expect("output directory can be created");
    let mut bytes = 0;
    for (index, paragraphs) in documents.iter().enumerate() {
        let text = paragraphs.join("\n") + "\n";
        bytes += text.len();
        std::fs::write(docs.join(file_name(index)), text).expect("document can be written");
    }
    std::fs::write(args.out.join("truth.tsv"), truth).expect("truth can be written");
    eprintln!(
        "{} paragraphs in {} files, {:.1} MB, {} injected copies -> {}",
        documents.iter().map(Vec::len).sum::<usize>(),
        documents.len(),
        bytes as f64 / 1e6,
        injections,
        args.out.display()
    );
}

fn file_name(index: usize) -> String {
    format!("doc{index:06}.txt")
}
