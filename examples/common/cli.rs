//! Command-line options shared by the example binaries (each includes this file with
//! `#[path = "common/cli.rs"] mod cli;`). Not every example uses every item.
#![allow(dead_code)]

use std::fmt::Display;
use std::io::Read as _;
use std::path::PathBuf;
use std::process::ExitCode;

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
}

/// A positional input file; standard input when absent.
#[derive(clap::Args)]
pub struct FileOrStdin {
    /// Input file; default: standard input.
    pub file: Option<PathBuf>,
}

impl FileOrStdin {
    /// The whole input as text.
    pub fn read(&self) -> Result<String, String> {
        match &self.file {
            Some(path) => std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display())),
            None => {
                let mut s = String::new();
                std::io::stdin()
                    .read_to_string(&mut s)
                    .map(|_| s)
                    .map_err(|e| format!("cannot read stdin: {e}"))
            }
        }
    }
}

/// The exit code of a run: success, or the message on standard error and code 2.
pub fn exit<E: Display>(result: Result<(), E>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
