//! Command-line options and behaviour shared by the example binaries (each includes this file
//! with `#[path = "common/cli.rs"] mod cli;`). Not every example uses every item.
//!
//! One behaviour for every binary: errors print as `error: …` on standard error (the error and
//! its causes, never a backtrace) and exit with code 2 for usage and input errors, 1 for a
//! well-formed problem without an answer ([`NoAnswer`], e.g. an infeasible plan); output to a
//! closed pipe (`… | head -1`) ends the run quietly with code 0. Output files go through
//! [`output::write_atomic`]. Options are parsed with [`parse`], which reads `--lang` first, so
//! that an error in the options themselves is in the reader's language too.
#![allow(dead_code)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "output.rs"]
pub mod output;

use clap::ValueEnum;
use placement_core::{AssessmentSet, Rulebook};
use placement_text::Lang;

/// Where the assessment set and the rulebook come from: `--input`, `--rules`, `--regime`.
#[derive(clap::Args)]
pub struct Sources {
    /// Assessment set (.toml or .json); default: the embedded illustrative 2025 fixture.
    #[arg(long)]
    pub input: Option<PathBuf>,
    /// Rulebook file (.toml or .json); default: the embedded current rulebook (p4-2019).
    #[arg(long, conflicts_with = "regime")]
    pub rules: Option<PathBuf>,
    /// An embedded rulebook by id: p4-2019 (default), p2-2013, p1-2015.
    #[arg(long)]
    pub regime: Option<String>,
}

impl Sources {
    /// The assessment set and rulebook these options name.
    pub fn load(&self) -> Result<(AssessmentSet, Rulebook), placement_core::Error> {
        Ok((
            AssessmentSet::load_or_default(self.input.as_deref())?,
            Rulebook::load_or_embedded(self.rules.as_deref(), self.regime.as_deref())?,
        ))
    }
}

/// Options shared by `explain` and `compare`.
#[derive(clap::Args)]
pub struct Common {
    #[command(flatten)]
    pub sources: Sources,
    /// Language of the text.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// N of the top-N counterfactual (`explain`; the comparison has no top-N part).
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Write the output to this file instead of standard output (atomically, never over an input).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

impl Common {
    /// The assessment set and rulebook these options name.
    pub fn load(&self) -> Result<(AssessmentSet, Rulebook), placement_core::Error> {
        self.sources.load()
    }

    /// The language chosen.
    pub fn lang(&self) -> Lang {
        self.lang.into()
    }

    /// Writes `out` to `--out` (atomically, never over the run's inputs), else prints it.
    pub fn emit(&self, out: &str) -> Result<(), placement_core::Error> {
        match &self.out {
            Some(path) => output::write_atomic(path, out, &self.sources.inputs()),
            None => {
                print(out);
                Ok(())
            }
        }
    }
}

/// The language the command line asks for (`--lang nl`, `--lang=nl`), known before clap
/// parses it: for the errors of parsing and of the examples' own option checks.
pub fn arg_lang() -> Lang {
    Lang::from_args(std::env::args_os())
}

/// The options of this run, as `A::parse()`, but with a usage error in the language of
/// `--lang`: clap's own English message for English, a Dutch one (the option's name, the value
/// given and the valid values kept as they are) for Dutch; `error: …` and exit code 2 in both.
pub fn parse<A: clap::Parser>() -> A {
    match A::try_parse() {
        Ok(a) => a,
        Err(e) => {
            // --help and --version print to standard output and end with code 0.
            if !e.use_stderr() || arg_lang() == Lang::En {
                e.exit()
            }
            let _ = writeln!(
                std::io::stderr(),
                "error: {}\n\nMeer informatie: --help",
                clap_error_nl(&e)
            );
            std::process::exit(2)
        }
    }
}

/// A clap usage error in Dutch.
fn clap_error_nl(e: &clap::Error) -> String {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind};
    let get = |k: K| -> Option<String> {
        e.get(k).map(|v| match v {
            V::String(s) => s.clone(),
            V::Strings(list) => list.join(", "),
            V::StyledStr(s) => s.to_string(),
            V::StyledStrs(list) => list
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            V::Number(n) => n.to_string(),
            V::Bool(b) => b.to_string(),
            _ => String::new(),
        })
    };
    let arg = get(K::InvalidArg).unwrap_or_default();
    let value = get(K::InvalidValue).filter(|v| !v.is_empty());
    let mut out = match e.kind() {
        ErrorKind::InvalidValue => match &value {
            Some(v) => format!("ongeldige waarde '{v}' voor '{arg}'"),
            None => format!("'{arg}' vraagt een waarde, maar die ontbreekt"),
        },
        ErrorKind::ValueValidation => {
            let v = value.unwrap_or_default();
            let detail = std::error::Error::source(e)
                .map(|s| detail_nl(&s.to_string()))
                .filter(|d| !d.is_empty());
            match detail {
                Some(d) => format!("ongeldige waarde '{v}' voor '{arg}': {d}"),
                None => format!("ongeldige waarde '{v}' voor '{arg}'"),
            }
        }
        ErrorKind::UnknownArgument => format!("onbekend argument '{arg}'"),
        ErrorKind::MissingRequiredArgument => {
            format!("verplichte argumenten ontbreken: {arg}")
        }
        ErrorKind::ArgumentConflict => match get(K::PriorArg) {
            Some(prior) => format!("'{arg}' kan niet samen met '{prior}' worden gegeven"),
            None => format!("'{arg}' kan niet samen met een ander gegeven argument worden gegeven"),
        },
        ErrorKind::NoEquals => format!("'{arg}' vraagt zijn waarde na een '='"),
        ErrorKind::TooManyValues => match &value {
            Some(v) => format!("onverwachte waarde '{v}' voor '{arg}'"),
            None => format!("te veel waarden voor '{arg}'"),
        },
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("'{arg}' kreeg niet het juiste aantal waarden")
        }
        ErrorKind::MissingSubcommand => "er ontbreekt een argument".to_string(),
        ErrorKind::InvalidUtf8 => "een argument is geen geldige UTF-8-tekst".to_string(),
        _ => "de opdrachtregel is ongeldig".to_string(),
    };
    if let Some(valid) = get(K::ValidValue).filter(|v| !v.is_empty()) {
        out.push_str(&format!("\n  [mogelijke waarden: {valid}]"));
    }
    if let Some(hint) = get(K::SuggestedArg).or_else(|| get(K::SuggestedValue)) {
        out.push_str(&format!("\n\n  tip: bedoelde u '{hint}'?"));
    }
    out
}

/// The reason a value was refused, in Dutch: the examples' own checks give it in the language
/// of `--lang` already; the standard library's number parsers and clap's ranges in English.
fn detail_nl(reason: &str) -> String {
    let known = [
        ("invalid digit found in string", "geen geheel getal"),
        (
            "cannot parse integer from empty string",
            "geen getal gegeven",
        ),
        (
            "number too large to fit in target type",
            "het getal is te groot",
        ),
        (
            "number too small to fit in target type",
            "het getal is te klein",
        ),
        ("invalid float literal", "geen getal"),
        ("cannot parse float from empty string", "geen getal gegeven"),
        ("invalid value", "ongeldige waarde"),
    ];
    if let Some((_, nl)) = known.iter().find(|(en, _)| reason == *en) {
        return (*nl).to_string();
    }
    // clap's ranges: "0 is not in 1..=100000000"
    if let Some((v, range)) = reason.split_once(" is not in ") {
        if let Some((lo, hi)) = range.split_once("..=") {
            return format!("{v} ligt niet tussen {lo} en {hi}");
        }
        if let Some(lo) = range.strip_suffix("..") {
            return format!("{v} is kleiner dan {lo}");
        }
        return String::new();
    }
    // A reason that is still English (another parser's) is left out rather than shown.
    if placement_text::english_words(reason).is_empty() {
        reason.to_string()
    } else {
        String::new()
    }
}

/// `--lang`.
#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Dutch.
    Nl,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Nl => Lang::Nl,
        }
    }
}

/// `--format`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
    /// A self-contained HTML page (explain, compare).
    Html,
}

/// `--format` of the examples whose report is also a spreadsheet (`network`, `what_if`).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Plain text (100 columns; `--wide` for whole lines).
    Text,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
    /// A self-contained HTML page.
    Html,
    /// The report's table as CSV (Dutch: semicolons and decimal comma).
    Csv,
}

/// `--wide`, `--out`, `--xlsx`: where a report with a spreadsheet goes (`network`, `what_if`,
/// `reconcile`, `calibrate`).
#[derive(clap::Args)]
pub struct ReportOutput {
    /// Text: print lines as long as they are (default: 100 columns, wrapped).
    #[arg(long)]
    pub wide: bool,
    /// Write the report to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Also write the report's tables as an XLSX workbook (with a provenance sheet) to this file.
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
}

impl ReportOutput {
    /// Writes the workbook (`xlsx` is only called with `--xlsx`), then the report to `--out` or
    /// standard output; both atomically, never over one of `inputs`.
    pub fn write(
        &self,
        text: &str,
        xlsx: impl FnOnce() -> anyhow::Result<Vec<u8>>,
        inputs: &[PathBuf],
    ) -> anyhow::Result<()> {
        if let Some(path) = &self.xlsx {
            output::write_atomic(path, xlsx()?, inputs)?;
        }
        match &self.out {
            Some(path) => output::write_atomic(path, text, inputs)?,
            None => print(text),
        }
        Ok(())
    }
}

/// A positional input file; standard input when absent.
#[derive(clap::Args)]
pub struct FileOrStdin {
    /// Input file; default: standard input.
    pub file: Option<PathBuf>,
}

impl FileOrStdin {
    /// The whole input as text (regular files only, within the input size cap).
    pub fn read(&self) -> Result<String, placement_core::Error> {
        match &self.file {
            Some(path) => placement_core::io::read_input(path),
            None => placement_core::io::read_stdin(),
        }
    }

    /// The input file, when one is named (for the list of inputs an output may not replace).
    pub fn inputs(&self) -> Vec<PathBuf> {
        self.file.iter().cloned().collect()
    }
}

impl Sources {
    /// The files these options name (for the list of inputs an output may not replace).
    pub fn inputs(&self) -> Vec<PathBuf> {
        self.input
            .iter()
            .chain(self.rules.iter())
            .cloned()
            .collect()
    }
}

/// A JSON output with its `schema_version` first (for outputs whose library type has none).
#[derive(serde::Serialize)]
pub struct Versioned<'a, T: serde::Serialize> {
    /// The version of the JSON shape (docs/schemas/).
    pub schema_version: u32,
    /// The output.
    #[serde(flatten)]
    pub body: &'a T,
}

/// Version of `mcda`'s JSON response (docs/schemas/mcda-response.schema.json).
pub const MCDA_SCHEMA_VERSION: u32 = 1;
/// Version of `weights_benchmark --format json` (docs/schemas/benchmark.schema.json).
pub const BENCHMARK_SCHEMA_VERSION: u32 = 1;

/// A well-formed problem that has no answer (an infeasible or empty plan): exit code 1.
#[derive(Debug)]
pub struct NoAnswer(pub String);

impl std::fmt::Display for NoAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NoAnswer {}

/// Prints `text` on standard output; a closed pipe ends the run quietly with code 0.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write to standard output: {e}");
        std::process::exit(1);
    }
}

/// The exit code of a run: success, or `error: …` on standard error and code 2 (1 for
/// [`NoAnswer`]); the core's errors in English words ([`exit_in`] for another language).
pub fn exit<E: Into<anyhow::Error>>(result: Result<(), E>) -> ExitCode {
    exit_in(Lang::En, result)
}

/// As [`exit`], the core's errors in `lang` (see [`report`]).
pub fn exit_in<E: Into<anyhow::Error>>(lang: Lang, result: Result<(), E>) -> ExitCode {
    match result.map_err(Into::into) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // The error with its causes, on one line; never a backtrace.
            let _ = writeln!(std::io::stderr(), "error: {}", report(lang, &e));
            if e.downcast_ref::<NoAnswer>().is_some() {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
    }
}

/// Whether `path` is one of `inputs` (for options that must not name an input).
pub fn is_input(path: &Path, inputs: &[PathBuf]) -> bool {
    inputs
        .iter()
        .any(|i| placement_core::io::same_file(i, path))
}

/// An error and its causes, `: `-separated, with the core's errors in the reader's language
/// (placement-text; the core's own `Display` is only a code-based fallback).
pub fn report(lang: Lang, e: &anyhow::Error) -> String {
    e.chain()
        .map(
            |cause| match cause.downcast_ref::<placement_core::Error>() {
                Some(core) => lang.error(core),
                None => cause.to_string(),
            },
        )
        .collect::<Vec<_>>()
        .join(": ")
}

/// Prints a run's output, or its error (in the reader's language, with its causes) on standard
/// error with code 2.
pub fn print_or_report(lang: Lang, result: anyhow::Result<String>) -> ExitCode {
    match result {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}", report(lang, &e));
            ExitCode::from(2)
        }
    }
}
