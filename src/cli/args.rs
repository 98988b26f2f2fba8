//! The command line's arguments and options (clap), and their parsers.

use super::help::Invalid;
use crate::config::FailOn;
use crate::render::Format;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "govlint",
    version = env!("GOVLINT_VERSION"),
    about = "A linter for Chinese government articles: duplicated paragraphs and punctuation faults."
)]
pub struct Cli {
    #[command(subcommand)]
    pub(super) command: Command,
}

#[derive(Subcommand)]
pub(super) enum Command {
    /// Lint files and directories (`.txt`, `.md`, `.markdown`, `.html`, `.htm`, `.docx`, `.doc`,
    /// `.wps`, `.odt` under directories; `-` for stdin).
    Check(Box<CheckArgs>),
    /// List every rule with its default severity.
    Rules {
        #[command(flatten)]
        lang: LangArg,
    },
    /// Print one rule's documentation.
    Rule {
        /// The rule's name, e.g. `stray-period`.
        name: String,
        #[command(flatten)]
        lang: LangArg,
    },
    /// Write a commented `govlint.toml` with every setting at its default.
    Init {
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        /// Where to write it.
        #[arg(default_value = "govlint.toml")]
        path: PathBuf,
        /// The language of the file's comments and of what is said: zh (简体中文) or en;
        /// default: the locale (LC_ALL, LC_MESSAGES, LANG).
        #[arg(long, value_enum, value_name = "LANG")]
        lang: Option<crate::report::message::Lang>,
    },
    /// Print a shell's completion script for govlint (see the README for where it goes).
    Completions {
        /// The shell to complete govlint in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `govlint manpage > govlint.1`.
    Manpage,
    /// Write what the duplicate search needs of every paragraph, as Parquet, for a search
    /// on many machines.
    Signatures(SignaturesArgs),
    /// Report again, in any format: the files `govlint signatures` read, with the near pairs
    /// a search elsewhere wrote into DIR/pairs/, judged as `govlint check` judges its own;
    /// or a report govlint wrote as JSON.
    Report(ReportArgs),
    /// Run the language server on standard input and output, for editors (LSP).
    Server {
        /// The language of the messages: zh (简体中文) or en; default: the workspace's
        /// govlint.toml `lang`, else the editor's language, else the locale (LC_ALL,
        /// LC_MESSAGES, LANG).
        #[arg(long, value_enum, value_name = "LANG")]
        lang: Option<crate::report::message::Lang>,
    },
}

/// `--lang` of the commands that print rule documentation.
#[derive(clap::Args)]
pub(super) struct LangArg {
    /// The language of the page: zh (简体中文) or en; default: the configuration's `lang`,
    /// else the locale (LC_ALL, LC_MESSAGES, LANG).
    #[arg(long, value_enum, value_name = "LANG")]
    pub(super) lang: Option<crate::report::message::Lang>,
}

#[derive(clap::Args)]
pub(super) struct CheckArgs {
    /// Files or directories to lint; `-` reads standard input.
    #[arg(default_value = ".")]
    pub(super) paths: Vec<PathBuf>,
    /// Whether the paths were written, or are the default `.` (set after parsing).
    #[arg(skip)]
    pub(super) paths_given: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(super) format: Format,
    /// Write the report to this file (replaced whole, atomically) instead of standard
    /// output; any format.
    #[arg(long, short, value_name = "FILE")]
    pub(super) output: Option<PathBuf>,
    /// When to color human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub(super) color: ColorChoice,
    /// Run only these rules (comma-separated names).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub(super) select: Vec<String>,
    /// Do not run these rules (comma-separated names).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub(super) ignore: Vec<String>,
    /// Print only the findings: no summary line.
    #[arg(long, short)]
    pub(super) quiet: bool,
    /// Show every finding in full (human output): a rule that fires more than 5 times in a
    /// file is not folded into one line, and every other copy of a duplicate is listed.
    #[arg(long)]
    pub(super) show_all: bool,
    /// How many columns the terminal draws ambiguous-width marks in (“ ” ‘ ’ … — · ×), for
    /// the carets under a snippet: `wide` (2, East Asian terminals) or `narrow` (1). Default:
    /// wide in a GBK, GB18030 or Big5 locale or when the messages are Chinese, else narrow.
    #[arg(long, value_enum, value_name = "WIDTH")]
    pub(super) ambiguous_width: Option<AmbiguousWidth>,
    /// The name standard input is reported under.
    #[arg(long, default_value = "<stdin>", value_name = "NAME")]
    pub(super) stdin_filename: String,
    /// Where duplicates are looked for: within each `file`, or also across the files of the
    /// run, named or found in directories (`repository`, the default).
    #[arg(long, value_enum, value_name = "SCOPE")]
    pub(super) dup_scope: Option<DupScope>,
    /// Smallest similarity reported as a near duplicate, in (0, 1] (default 0.85).
    #[arg(long, value_name = "SIMILARITY", value_parser = parse_threshold)]
    pub(super) dup_threshold: Option<f64>,
    /// A file of paragraphs that may repeat anywhere (formulas), one per line; `#` comments.
    #[arg(long, value_name = "FILE")]
    pub(super) dup_allowlist: Vec<PathBuf>,
    /// Also find copies between the linted files and the files under this directory (as a
    /// walk selects them), which are read for that only and never reported on; repeatable.
    /// For pre-commit: `--dup-against .` with `--cache`.
    #[arg(long, value_name = "DIR")]
    pub(super) dup_against: Vec<PathBuf>,
    /// What becomes of repeats judged legitimate parallel text (provisions of statutes,
    /// template items of one list, quotations, series formulas, negations): `hide` them
    /// (default), or `report` each as `info`, tagged with the reason, to audit the judgement.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub(super) dup_parallel: Option<DupParallel>,
    /// Read every document as of this day (`YYYY-MM-DD`) when judging names that a reform
    /// abolished, instead of the date the document bears.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(super) as_of: Option<crate::rules::abolished_agency::Date>,
    /// Apply safe fixes to the files (atomically), then report what is left. With `-`, the
    /// fixed text is written to standard output instead.
    #[arg(long)]
    pub(super) fix: bool,
    /// Print the unified diff of what `--fix` would change, and write nothing.
    #[arg(long)]
    pub(super) diff: bool,
    /// With `--fix`, write in place (over the old text, through the same file: not
    /// atomically) a file that a new file could not stand in for: one with other hard links,
    /// in a directory this run may not write, or whose owner, group or extended attributes
    /// this run cannot give a new file. Without it such a file is refused.
    #[arg(long, requires = "fix")]
    pub(super) in_place: bool,
    /// With `--fix` or `--diff`, apply unsafe fixes too.
    #[arg(long)]
    pub(super) unsafe_fixes: bool,
    /// Print how many findings each rule made instead of the findings (a JSON array with
    /// `--format json`).
    #[arg(long)]
    pub(super) statistics: bool,
    /// Keep results between runs, so a re-run reads and searches only changed files.
    #[arg(long)]
    pub(super) cache: bool,
    /// Where the cache lives (implies `--cache`; default `.govlint-cache`).
    #[arg(long, value_name = "DIR")]
    pub(super) cache_dir: Option<PathBuf>,
    /// The configuration file to use, instead of the nearest `govlint.toml` or
    /// `.govlint.toml` in the working directory or a parent, up to the repository's root.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub(super) config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    pub(super) isolated: bool,
    /// Print the settings in force (configuration file and options) and exit.
    #[arg(long)]
    pub(super) show_settings: bool,
    /// Skip excluded files even when they are named on the command line (for pre-commit).
    #[arg(long)]
    pub(super) force_exclude: bool,
    /// Exit with 0 even when findings are reported (input errors still exit with 2).
    #[arg(long)]
    pub(super) exit_zero: bool,
    /// Read every input in this encoding (`gbk`, `gb18030`, `big5`, `utf-16le`, `utf-8`…)
    /// instead of detecting it.
    #[arg(long, value_name = "ENCODING", value_parser = parse_encoding)]
    pub(super) encoding: Option<crate::input::decode::TextEncoding>,
    /// The lowest severity that makes the run fail with exit code 1 (default: error).
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub(super) fail_on: Option<FailOn>,
    /// The language of messages: zh (简体中文) or en; default: the configuration's `lang`,
    /// else the locale (LC_ALL, LC_MESSAGES, LANG).
    #[arg(long, value_enum, value_name = "LANG")]
    pub(super) lang: Option<crate::report::message::Lang>,
    /// Report only findings not recorded in this baseline file (see `--write-baseline`).
    #[arg(long, value_name = "FILE")]
    pub(super) baseline: Option<PathBuf>,
    /// Record the findings of this run in a baseline file, report nothing, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "diff"])]
    pub(super) write_baseline: Option<PathBuf>,
    /// Refuse inputs larger than this (bytes, or with K, M, G: `64M`), without reading them.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "64M")]
    pub(super) max_file_size: u64,
}

/// `123`, `64K`, `64M`, `1G` (binary multiples; `KB`, `MiB`… are read alike).
pub(super) fn parse_size(value: &str) -> Result<u64, Invalid> {
    let trimmed = value.trim();
    let digits = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(digits);
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(Invalid(crate::msg!("clap-invalid-size", value = value))),
    };
    number
        .parse::<u64>()
        .ok()
        .filter(|&n| n > 0)
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| Invalid(crate::msg!("clap-invalid-size", value = value)))
}

#[derive(Clone, Copy, ValueEnum)]
pub(super) enum DupScope {
    File,
    Repository,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(super) enum DupParallel {
    Hide,
    Report,
}

pub(super) fn parse_encoding(label: &str) -> Result<crate::input::decode::TextEncoding, Invalid> {
    crate::input::decode::from_label(label)
        .ok_or_else(|| Invalid(crate::msg!("clap-invalid-encoding", value = label)))
}

pub(super) fn parse_threshold(value: &str) -> Result<f64, Invalid> {
    match value.parse::<f64>() {
        Ok(t) if t > 0.0 && t <= 1.0 => Ok(t),
        _ => Err(Invalid(crate::msg!(
            "clap-invalid-threshold",
            value = value
        ))),
    }
}

pub(super) fn parse_date(value: &str) -> Result<crate::rules::abolished_agency::Date, Invalid> {
    crate::rules::abolished_agency::Date::parse_iso(value)
        .ok_or_else(|| Invalid(crate::msg!("clap-invalid-date", value = value)))
}

#[derive(Clone, Copy, ValueEnum)]
pub(super) enum AmbiguousWidth {
    Narrow,
    Wide,
}

#[derive(Clone, Copy, ValueEnum)]
pub(super) enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
pub(super) struct SignaturesArgs {
    /// Files and directories to read, as `govlint check` reads them.
    #[arg(required = true, value_name = "PATH")]
    pub(super) paths: Vec<PathBuf>,
    /// The directory to write into (created; it must not hold signatures already).
    #[arg(short, long, value_name = "DIR")]
    pub(super) output: PathBuf,
    /// How many partitions to write (default: one for every 500 000 paragraphs).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub(super) partitions: Option<u32>,
    /// The configuration file to use, instead of the nearest `govlint.toml` or
    /// `.govlint.toml` in the working directory or a parent, up to the repository's root.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub(super) config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    pub(super) isolated: bool,
}

#[derive(clap::Args)]
pub(super) struct ReportArgs {
    /// The directory `govlint signatures` wrote, or a report of `--format json` (the
    /// Spark job's FINDINGS.json).
    #[arg(value_name = "PATH")]
    pub(super) input: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human, value_name = "FORMAT")]
    pub(super) format: Format,
    /// Write the report to FILE instead of standard output (replaced whole, atomically).
    #[arg(short, long, value_name = "FILE")]
    pub(super) output: Option<PathBuf>,
    /// The language of the report: zh (简体中文) or en; default: the configuration's
    /// `lang`, else the locale (LC_ALL, LC_MESSAGES, LANG).
    #[arg(long, value_enum, value_name = "LANG")]
    pub(super) lang: Option<crate::report::message::Lang>,
    /// The configuration file to use, instead of the nearest `govlint.toml` or
    /// `.govlint.toml` in the working directory or a parent, up to the repository's root.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub(super) config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    pub(super) isolated: bool,
}
