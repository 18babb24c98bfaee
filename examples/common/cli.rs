//! Command-line options shared by the `explain` and `compare` examples.

use std::path::PathBuf;

use clap::ValueEnum;
use placement_core::{AssessmentSet, Rulebook};
use placement_explain::Lang;

/// Options shared by `explain` and `compare`.
#[derive(clap::Args)]
pub struct Common {
    /// Language of the text.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// N of the top-N counterfactual (`explain`; the comparison has no top-N part).
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Assessment set (.toml or .json); default: the embedded illustrative fixture.
    #[arg(long)]
    pub input: Option<PathBuf>,
    /// Rulebook file (.toml or .json).
    #[arg(long, conflicts_with = "regime")]
    pub rules: Option<PathBuf>,
    /// An embedded rulebook by id: p4-2019 (default), p2-2013, p1-2015.
    #[arg(long)]
    pub regime: Option<String>,
}

impl Common {
    /// The assessment set and rulebook these options name.
    pub fn load(&self) -> Result<(AssessmentSet, Rulebook), placement_core::Error> {
        Ok((
            AssessmentSet::load_or_default(self.input.as_deref())?,
            Rulebook::load_or_embedded(self.rules.as_deref(), self.regime.as_deref())?,
        ))
    }

    /// The language chosen.
    pub fn lang(&self) -> Lang {
        match self.lang {
            LangArg::En => Lang::En,
            LangArg::Nl => Lang::Nl,
        }
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

/// `--format`.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
}
