//! `explain`: the full explanation of one country's recommendation.
//!
//! ```text
//! cargo run --example explain -- CO
//! cargo run --example explain -- CO --lang nl --format markdown --top 5
//! cargo run --example explain -- GB --format json --regime p2-2013
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use placement_core::{AssessmentSet, Engine, Rulebook};
use placement_explain::{render, Explainer, Lang, Options};

#[derive(Parser)]
#[command(about = "Explain one country's placement recommendation")]
struct Args {
    /// ISO 3166-1 alpha-2 code, e.g. CO.
    country: String,
    #[command(flatten)]
    common: Common,
}

/// Options shared with the `compare` example.
#[derive(clap::Args)]
struct Common {
    /// Language of the text.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// N of the top-N counterfactual.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Assessment set (.toml or .json); default: the embedded illustrative fixture.
    #[arg(long)]
    input: Option<PathBuf>,
    /// Rulebook file (.toml or .json).
    #[arg(long, conflicts_with = "regime")]
    rules: Option<PathBuf>,
    /// An embedded rulebook by id: p4-2019 (default), p2-2013, p1-2015.
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
    let args = Args::parse();
    match run(&args) {
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
    let c = &args.common;
    let input = AssessmentSet::load_or_default(c.input.as_deref())?;
    let rules = Rulebook::load_or_embedded(c.rules.as_deref(), c.regime.as_deref())?;
    let evaluation = Engine::new(&rules).evaluate(&input)?;
    let options = Options {
        top_n: c.top,
        ..Options::default()
    };
    let explainer = Explainer::new(&rules, &input, &evaluation, options)?;
    let e = explainer.explain_code(&args.country)?;
    let lang = match c.lang {
        LangArg::En => Lang::En,
        LangArg::Nl => Lang::Nl,
    };
    Ok(match c.format {
        Format::Text => render::text(&e, lang),
        Format::Markdown => render::markdown(&e, lang),
        Format::Json => render::json(&e) + "\n",
    })
}
