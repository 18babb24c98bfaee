//! `compare`: why one country ranks above another.
//!
//! ```text
//! cargo run --example compare -- GB DE
//! cargo run --example compare -- GB DE --lang nl --format markdown
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use placement_core::{AssessmentSet, Engine, Rulebook};
use placement_explain::{render, Explainer, Lang, Options};

#[derive(Parser)]
#[command(about = "Compare two countries' recommendations")]
struct Args {
    /// First country (ISO code).
    a: String,
    /// Second country (ISO code).
    b: String,
    /// Language of the text.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Accepted for symmetry with `explain` (the comparison has no top-N part).
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Assessment set (.toml or .json).
    #[arg(long)]
    input: Option<PathBuf>,
    /// Rulebook file (.toml or .json).
    #[arg(long, conflicts_with = "regime")]
    rules: Option<PathBuf>,
    /// An embedded rulebook by id.
    #[arg(long)]
    regime: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Nl,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
}

fn main() -> ExitCode {
    match run(&Args::parse()) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> anyhow::Result<String> {
    let input = AssessmentSet::load_or_default(args.input.as_deref())?;
    let rules = Rulebook::load_or_embedded(args.rules.as_deref(), args.regime.as_deref())?;
    let evaluation = Engine::new(&rules).evaluate(&input)?;
    let options = Options {
        top_n: args.top,
        ..Options::default()
    };
    let explainer = Explainer::new(&rules, &input, &evaluation, options)?;
    let a = explainer.resolve(&args.a)?;
    let b = explainer.resolve(&args.b)?;
    let c = explainer.compare(a, b)?;
    let lang = match args.lang {
        LangArg::En => Lang::En,
        LangArg::Nl => Lang::Nl,
    };
    Ok(match args.format {
        Format::Text => render::comparison_text(&c, lang),
        Format::Markdown => render::comparison_markdown(&c, lang),
        Format::Json => render::comparison_json(&c) + "\n",
    })
}
