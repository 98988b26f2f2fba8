//! A fuzzing driver for stable Rust: runs the targets of `govlint::fuzzing` (the same the
//! cargo-fuzz targets in `fuzz/` run) on mutations of the fixture files for a given time,
//! and saves every input that panics, or that takes over `--slow` seconds, to a file.
//!
//! ```sh
//! cargo run --release --features fuzzing --example fuzz -- all --seconds 600
//! cargo run --release --features fuzzing --example fuzz -- lint --seconds 60 --seed 7 --max-len 8192
//! cargo run --release --features fuzzing --example fuzz -- fix --replay target/fuzz/fix-1a2b3c4d5e6f7081.bin
//! ```
//!
//! Without coverage feedback (that needs nightly: `fuzz/`), mutations are chosen to be
//! likely to matter: Chinese punctuation and its ASCII and full-width look-alikes, Han
//! characters, spaces, line breaks, Markdown syntax and suppression comments are inserted,
//! swapped, repeated and spliced between fixtures; bytes are flipped and inputs cut. Inputs
//! that ran are sometimes kept to be mutated further. One seed gives one sequence, so a run
//! that dies outright (a stack overflow aborts the process) is found again with the same
//! `--seed` and `--trace`, which writes each input to `target/fuzz/last-input.bin` before
//! running it.

use std::collections::{BTreeMap, HashSet};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

type Target = fn(&[u8]);

const TARGETS: &[(&str, Target)] = &[
    ("lint", govlint::fuzzing::lint),
    ("fix", govlint::fuzzing::fix),
    ("config", govlint::fuzzing::config),
    ("office", govlint::fuzzing::office),
];

/// The message of the last panic, caught by the hook instead of printed.
static PANIC: Mutex<Option<String>> = Mutex::new(None);

struct Args {
    targets: Vec<(&'static str, Target)>,
    seconds: f64,
    seed: u64,
    max_len: usize,
    slow: f64,
    out: PathBuf,
    corpus: Vec<PathBuf>,
    replay: Option<PathBuf>,
    trace: bool,
}

fn parse_args() -> Args {
    let mut raw = std::env::args().skip(1);
    let usage = "usage: fuzz (lint|fix|config|office|all) [--seconds N] [--seed N] [--max-len N] \
                 [--slow SECONDS] [--out DIR] [--corpus DIR]... [--replay FILE] [--trace]";
    let which = raw.next().unwrap_or_else(|| panic!("{usage}"));
    let targets: Vec<(&str, Target)> = TARGETS
        .iter()
        .copied()
        .filter(|(name, _)| which == "all" || which == *name)
        .collect();
    assert!(!targets.is_empty(), "{usage}");
    let mut args = Args {
        targets,
        seconds: 60.0,
        seed: 1,
        max_len: 4096,
        slow: 2.0,
        out: PathBuf::from("target/fuzz"),
        corpus: Vec::new(),
        replay: None,
        trace: false,
    };
    while let Some(flag) = raw.next() {
        let mut value = || raw.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--seconds" => args.seconds = value().parse().expect("--seconds N"),
            "--seed" => args.seed = value().parse().expect("--seed N"),
            "--max-len" => args.max_len = value().parse().expect("--max-len N"),
            "--slow" => args.slow = value().parse().expect("--slow SECONDS"),
            "--out" => args.out = PathBuf::from(value()),
            "--corpus" => args.corpus.push(PathBuf::from(value())),
            "--replay" => args.replay = Some(PathBuf::from(value())),
            "--trace" => args.trace = true,
            _ => panic!("unknown option {flag}\n{usage}"),
        }
    }
    if args.corpus.is_empty() {
        args.corpus = vec![
            PathBuf::from("fixtures"),
            PathBuf::from("src"),
            PathBuf::from("tests"),
            PathBuf::from("fuzz/seeds"),
        ];
    }
    args
}

fn main() {
    let args = parse_args();
    panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        *PANIC.lock().unwrap() = Some(format!("{location}: {message}"));
    }));
    if let Some(file) = &args.replay {
        let data = std::fs::read(file).expect("the input to replay");
        for (name, target) in &args.targets {
            let (outcome, elapsed) = run(*target, &data);
            match outcome {
                Ok(()) => println!("{name}: ok in {:.3} s", elapsed.as_secs_f64()),
                Err(message) => println!("{name}: PANIC {message}"),
            }
        }
        return;
    }
    std::fs::create_dir_all(&args.out).expect("the output directory");
    let seeds = load_seeds(&args.corpus);
    println!(
        "{} seed files, {} s per target, seed {}, inputs up to {} bytes",
        seeds.len(),
        args.seconds,
        args.seed,
        args.max_len
    );
    let mut total_crashes = 0;
    for (name, target) in &args.targets {
        // Configuration and baseline files for `config`, office files for `office`.
        let wanted = |seed: &&(String, Vec<u8>)| {
            let config = seed.0.ends_with(".toml") || seed.0.ends_with(".json");
            let office = is_office(&seed.0);
            match *name {
                "office" => office,
                "config" => config,
                _ => seed.0.is_empty() || !(config || office),
            }
        };
        let seeds: Vec<Vec<u8>> = seeds.iter().filter(wanted).map(|s| s.1.clone()).collect();
        total_crashes += fuzz(name, *target, &seeds, &args);
    }
    std::process::exit(i32::from(total_crashes > 0));
}

/// Runs `target` on `data`, catching a panic: its message, and how long it took.
fn run(target: Target, data: &[u8]) -> (Result<(), String>, Duration) {
    let start = Instant::now();
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| target(data)));
    let elapsed = start.elapsed();
    let outcome = outcome.map_err(|_| {
        PANIC
            .lock()
            .unwrap()
            .take()
            .unwrap_or_else(|| "a panic without a message".into())
    });
    (outcome, elapsed)
}

/// Fuzzes one target for `args.seconds`; returns the number of distinct panics.
fn fuzz(name: &str, target: Target, seeds: &[Vec<u8>], args: &Args) -> usize {
    let mut rng = Rng::new(args.seed ^ hash(name.as_bytes()));
    let mut pool: Vec<Vec<u8>> = Vec::new();
    let mut crashes: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut slow: Vec<(f64, PathBuf)> = Vec::new();
    let mut seen_slow: HashSet<u64> = HashSet::new();
    let (mut executions, mut bytes) = (0u64, 0u64);
    let start = Instant::now();
    let deadline = Duration::from_secs_f64(args.seconds);
    let trace = args.out.join("last-input.bin");
    while start.elapsed() < deadline {
        let data = next_input(&mut rng, seeds, &pool, name, args.max_len);
        if args.trace {
            std::fs::write(&trace, &data).expect("the trace file");
        }
        let (outcome, elapsed) = run(target, &data);
        executions += 1;
        bytes += data.len() as u64;
        match outcome {
            Err(message) => {
                // One file per place of panic: the same bug found again is not news.
                let place = message.split(": ").next().unwrap_or_default().to_string();
                if let std::collections::btree_map::Entry::Vacant(entry) = crashes.entry(place) {
                    let file = args.out.join(format!("{name}-{:016x}.bin", hash(&data)));
                    std::fs::write(&file, &data).expect("the crash file");
                    println!(
                        "{name}: PANIC {message}\n    input saved to {}",
                        file.display()
                    );
                    entry.insert(file);
                }
            }
            Ok(()) => {
                let seconds = elapsed.as_secs_f64();
                if seconds > args.slow && seen_slow.insert(hash(&data)) {
                    let file = args
                        .out
                        .join(format!("{name}-slow-{:016x}.bin", hash(&data)));
                    std::fs::write(&file, &data).expect("the slow input file");
                    println!(
                        "{name}: SLOW {seconds:.2} s on {} bytes, saved to {}",
                        data.len(),
                        file.display()
                    );
                    slow.push((seconds, file));
                }
                // Keep some inputs to mutate further, so that mutations accumulate.
                if rng.below(64) == 0 {
                    if pool.len() < 2048 {
                        pool.push(data);
                    } else {
                        let at = rng.below(pool.len());
                        pool[at] = data;
                    }
                }
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{name}: {executions} executions in {seconds:.0} s ({:.0}/s, {:.1} KB on average), \
         {} distinct panics, {} slow inputs",
        executions as f64 / seconds,
        bytes as f64 / executions.max(1) as f64 / 1024.0,
        crashes.len(),
        slow.len()
    );
    crashes.len()
}

/// The seed files, by name: every text, Markdown, TOML and JSON file under the corpus
/// directories, and the empty input (with an empty name).
fn load_seeds(dirs: &[PathBuf]) -> Vec<(String, Vec<u8>)> {
    let mut seeds = Vec::new();
    for dir in dirs {
        collect(dir, &mut seeds);
    }
    seeds.push((String::new(), Vec::new()));
    seeds
}

fn collect(path: &Path, seeds: &mut Vec<(String, Vec<u8>)>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for entry in entries {
            collect(&entry, seeds);
        }
    } else if let Some(ext) = path.extension().and_then(|e| e.to_str())
        && matches!(
            ext,
            "txt"
                | "md"
                | "markdown"
                | "html"
                | "htm"
                | "docx"
                | "doc"
                | "wps"
                | "odt"
                | "rtf"
                | "toml"
                | "json"
        )
        && let Ok(bytes) = std::fs::read(path)
    {
        seeds.push((path.display().to_string(), bytes));
    }
}

/// Marks and characters that matter to the rules: Chinese punctuation, its ASCII and
/// full-width look-alikes, spaces, line breaks, numerals, Markdown and comments.
const PIECES: &[&str] = &[
    "，",
    "。",
    "、",
    "；",
    "：",
    "？",
    "！",
    "“",
    "”",
    "‘",
    "’",
    "（",
    "）",
    "《",
    "》",
    "〈",
    "〉",
    "【",
    "】",
    "〔",
    "〕",
    "「",
    "」",
    "『",
    "』",
    "…",
    "……",
    "—",
    "——",
    "·",
    "～",
    "．",
    ",",
    ".",
    ";",
    ":",
    "?",
    "!",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "'",
    "-",
    "--",
    "...",
    "/",
    " ",
    "\u{3000}",
    "\u{A0}",
    "\t",
    "\n",
    "\r\n",
    "\n\n",
    "\u{FEFF}",
    "\u{200B}",
    "\u{FFFD}",
    "\u{FFFC}",
    "\0",
    "１",
    "Ａ",
    "2024年",
    "二〇二四年",
    "6千",
    "第一条 ",
    "（一）",
    "一是",
    "1.",
    "www.gov.cn",
    "http://a.cn/x?y=1",
    "a@b.cn",
    "# ",
    "> ",
    "- ",
    "* ",
    "`",
    "```\n",
    "    ",
    "<!-- govlint-disable -->",
    "<!-- govlint-enable -->",
    "<!-- govlint-disable-next-line stray-period -->",
    "<!-- govlint-disable-file -->",
    "<!-- govlint-enable cjk-space -->",
    "<!--",
    "-->",
    "&amp;",
    "&#12290;",
    "\\",
    "|",
    "**",
    "[链接](http://x.cn)",
    "打印本页",
    "首页 > ",
    "来源：",
    "吗",
    "政府",
    "工作",
    " 政",
    "中？",
    "[rules]\n",
    "stray-period = \"off\"\n",
    "[duplicates]\n",
    "threshold = 0.9\n",
    "include = [\"*.txt\"]\n",
    "[per-file.\"*.md\"]\n",
    "allow = [\"各位代表：\"]\n",
    "=",
    "\"",
    "{\"version\": 1, \"findings\": []}",
    "\"count\": 18446744073709551615",
];

/// A mutated input for `target`: a seed or a kept input, changed a few times.
fn next_input(
    rng: &mut Rng,
    seeds: &[Vec<u8>],
    pool: &[Vec<u8>],
    target: &str,
    max_len: usize,
) -> Vec<u8> {
    if target == "office" {
        return next_office_input(rng, seeds, pool);
    }
    let mut data = if !pool.is_empty() && rng.below(2) == 0 {
        pool[rng.below(pool.len())].clone()
    } else {
        let seed = &seeds[rng.below(seeds.len())];
        // A window of a long seed, and a first byte of options for the text targets.
        let start = if seed.len() > max_len {
            rng.below(seed.len() - max_len)
        } else {
            0
        };
        let window = &seed[start..seed.len().min(start + max_len)];
        let mut data = Vec::with_capacity(window.len() + 1);
        if target != "config" {
            data.push(rng.next() as u8);
        }
        data.extend_from_slice(window);
        data
    };
    for _ in 0..=rng.below(8) {
        mutate(rng, &mut data, seeds, max_len);
    }
    data.truncate(max_len);
    data
}

/// A whole office file (a window would cut its zip or compound-file structure) with a few
/// bytes changed in place, so that offsets stay valid and the readers' tables are reached.
fn next_office_input(rng: &mut Rng, seeds: &[Vec<u8>], pool: &[Vec<u8>]) -> Vec<u8> {
    let mut data = if !pool.is_empty() && rng.below(2) == 0 {
        pool[rng.below(pool.len())].clone()
    } else {
        let mut data = vec![rng.next() as u8];
        data.extend_from_slice(&seeds[rng.below(seeds.len())]);
        data
    };
    for _ in 0..=rng.below(8) {
        if data.len() < 2 {
            break;
        }
        let i = 1 + rng.below(data.len() - 1);
        match rng.below(4) {
            0 => data[i] ^= 1 << rng.below(8),
            1 => data[i] = rng.next() as u8,
            // A small or huge count or offset, as a corrupt table holds.
            2 => {
                let value = [0u8, 0xFF, 0x7F, 0x80][rng.below(4)];
                let end = data.len().min(i + 4);
                data[i..end].fill(value);
            }
            _ => {
                let end = data.len().min(i + 1 + rng.below(64));
                let j = 1 + rng.below(data.len() - 1);
                let piece: Vec<u8> = data[i..end].to_vec();
                let end_j = data.len().min(j + piece.len());
                let n = end_j - j;
                data[j..end_j].copy_from_slice(&piece[..n]);
            }
        }
    }
    data
}

fn is_office(name: &str) -> bool {
    [".docx", ".doc", ".wps", ".odt", ".rtf"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

fn mutate(rng: &mut Rng, data: &mut Vec<u8>, seeds: &[Vec<u8>], max_len: usize) {
    let at = |rng: &mut Rng, data: &Vec<u8>| rng.below(data.len() + 1);
    match rng.below(12) {
        // A piece inserted at a character boundary (or anywhere: half the time).
        0..=2 => {
            let piece = PIECES[rng.below(PIECES.len())].as_bytes();
            let mut i = at(rng, data);
            if rng.below(2) == 0 {
                while i < data.len() && (data[i] & 0xC0) == 0x80 {
                    i += 1;
                }
            }
            data.splice(i..i, piece.iter().copied());
        }
        // A random character, mostly Han or CJK punctuation.
        3 => {
            let c = match rng.below(4) {
                0 => char::from_u32(0x4E00 + rng.below(0x5200) as u32),
                1 => char::from_u32(0x3000 + rng.below(0x40) as u32),
                2 => char::from_u32(0xFF00 + rng.below(0xF0) as u32),
                _ => char::from_u32(rng.below(0x11_0000) as u32),
            }
            .unwrap_or('\u{FFFD}');
            let i = at(rng, data);
            let mut buf = [0; 4];
            data.splice(i..i, c.encode_utf8(&mut buf).bytes());
        }
        // A byte flipped or set.
        4 if !data.is_empty() => {
            let i = rng.below(data.len());
            if rng.below(2) == 0 {
                data[i] ^= 1 << rng.below(8);
            } else {
                data[i] = rng.next() as u8;
            }
        }
        // A range deleted.
        5 if !data.is_empty() => {
            let i = rng.below(data.len());
            let len = 1 + rng.below((data.len() - i).min(64));
            data.drain(i..i + len);
        }
        // A range copied elsewhere, or repeated in place (long runs of one mark).
        6 | 7 if !data.is_empty() => {
            let i = rng.below(data.len());
            let len = 1 + rng.below((data.len() - i).min(32));
            let slice: Vec<u8> = data[i..i + len].to_vec();
            let times = if rng.below(2) == 0 {
                1
            } else {
                1 + rng.below((max_len / len).clamp(1, 200))
            };
            let j = at(rng, data);
            let repeated: Vec<u8> = slice.iter().copied().cycle().take(len * times).collect();
            data.splice(j..j, repeated);
        }
        // Cut short.
        8 if !data.is_empty() => {
            let len = rng.below(data.len());
            data.truncate(len);
        }
        // Spliced with a piece of another seed.
        9 => {
            let other = &seeds[rng.below(seeds.len())];
            if !other.is_empty() {
                let i = rng.below(other.len());
                let len = 1 + rng.below((other.len() - i).min(512));
                let j = at(rng, data);
                data.splice(j..j, other[i..i + len].iter().copied());
            }
        }
        // A character swapped for its full-width or half-width twin.
        _ => {
            let Ok(text) = std::str::from_utf8(data) else {
                return;
            };
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            if chars.is_empty() {
                return;
            }
            let (i, c) = chars[rng.below(chars.len())];
            let twin = match c {
                '!'..='~' => char::from_u32(c as u32 + 0xFEE0),
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
                '。' => Some('.'),
                ' ' => Some('\u{3000}'),
                '\u{3000}' => Some(' '),
                _ => None,
            };
            if let Some(twin) = twin {
                let mut buf = [0; 4];
                data.splice(i..i + c.len_utf8(), twin.encode_utf8(&mut buf).bytes());
            }
        }
    }
}

fn hash(data: &[u8]) -> u64 {
    // FNV-1a: stable across runs and platforms, for file names.
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}
