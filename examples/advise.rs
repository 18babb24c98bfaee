//! `advise`: the main job. Evaluates an assessment set under a rulebook and prints the ranked
//! table — country, class, instrument, organisation, score and the strongest reasons.
//!
//! ```text
//! cargo run --release --example advise                      # embedded default fixture
//! cargo run --release --example advise -- --input my.toml --rules my-rules.toml
//! cargo run --release --example advise -- --regime p2-2013  # an embedded historical rulebook
//! cargo run --release --example advise -- --format json     # the decision records
//! ```
//!
//! The table is `placement_explain::render::ranking`.

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use placement_core::Engine;
use placement_explain::render::{ranking, RankingOptions};

#[path = "common/cli.rs"]
mod cli;
use cli::{LangArg, Sources};

#[derive(Parser)]
#[command(about = "Rank candidate countries for police liaison placement, with reasons")]
struct Args {
    #[command(flatten)]
    sources: Sources,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Language of the reasons.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    /// Show only the first N rows (text format).
    #[arg(long)]
    top: Option<usize>,
    /// Print a one-paragraph explanation under each row (text format; language by --lang).
    #[arg(long)]
    explain: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = placement_text::Lang::from(args.lang);
    cli::exit_in(lang, run(args))
}

fn run(args: Args) -> Result<(), placement_core::Error> {
    let (input, rules) = args.sources.load()?;
    let evaluation = Engine::new(&rules).evaluate(&input)?;
    let explainer = if args.explain {
        match placement_explain::Explainer::new(&rules, &input, &evaluation, Default::default()) {
            Ok(x) => Some(x),
            Err(e) => {
                eprintln!("error: {e}");
                None
            }
        }
    } else {
        None
    };
    match args.format {
        Format::Json => cli::print(&(evaluation.to_json() + "\n")),
        Format::Text => {
            let options = RankingOptions {
                lang: args.lang.into(),
                top: args.top,
                explainer: explainer.as_ref(),
                ..RankingOptions::default()
            };
            cli::print(&ranking(&evaluation, &rules, &options));
        }
    }
    Ok(())
}
