//! `explain`: the full explanation of one country's recommendation.
//!
//! ```text
//! cargo run --example explain -- CO
//! cargo run --example explain -- CO --lang nl --format markdown --top 5
//! cargo run --example explain -- CO --lang nl --format html --out toelichting-co.html
//! cargo run --example explain -- GB --format json --regime p2-2013
//! ```

use std::process::ExitCode;

use clap::Parser;
use placement_core::Engine;
use placement_explain::{render, Explainer, Options};

#[path = "common/cli.rs"]
mod cli;
use cli::{Common, Format};

#[derive(Parser)]
#[command(about = "Explain one country's placement recommendation")]
struct Args {
    /// ISO 3166-1 alpha-2 code, e.g. CO.
    country: String,
    #[command(flatten)]
    common: Common,
}

fn main() -> ExitCode {
    let args = cli::parse::<Args>();
    let result = run(&args).and_then(|out| Ok(args.common.emit(&out)?));
    cli::exit_in(args.common.lang(), result)
}

fn run(args: &Args) -> anyhow::Result<String> {
    let c = &args.common;
    let (input, rules) = c.load()?;
    let evaluation = Engine::new(&rules).evaluate(&input)?;
    let options = Options {
        top_n: c.top,
        ..Options::default()
    };
    let explainer = Explainer::new(&rules, &input, &evaluation, options)?;
    let e = explainer.explain_code(&args.country)?;
    let lang = c.lang();
    Ok(match c.format {
        Format::Text => render::text(&e, lang),
        Format::Markdown => render::markdown(&e, lang),
        Format::Json => render::json(&e) + "\n",
        Format::Html => render::html(&e, lang),
    })
}
