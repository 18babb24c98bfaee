//! `compare`: why one country ranks above another.
//!
//! ```text
//! cargo run --example compare -- GB DE
//! cargo run --example compare -- GB DE --lang nl --format markdown
//! cargo run --example compare -- GB DE --format html --out gb-de.html
//! ```

use std::process::ExitCode;

use clap::Parser;
use placement_core::Engine;
use placement_explain::{render, Explainer, Options};

#[path = "common/cli.rs"]
mod cli;
use cli::{Common, Format};

#[derive(Parser)]
#[command(about = "Compare two countries' recommendations")]
struct Args {
    /// First country (ISO code).
    a: String,
    /// Second country (ISO code).
    b: String,
    #[command(flatten)]
    common: Common,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = run(&args).and_then(|out| Ok(args.common.emit(&out)?));
    cli::exit_in(args.common.lang(), result)
}

fn run(args: &Args) -> anyhow::Result<String> {
    let (input, rules) = args.common.load()?;
    let evaluation = Engine::new(&rules).evaluate(&input)?;
    let options = Options {
        top_n: args.common.top,
        ..Options::default()
    };
    let explainer = Explainer::new(&rules, &input, &evaluation, options)?;
    let a = explainer.resolve(&args.a)?;
    let b = explainer.resolve(&args.b)?;
    if a == b {
        anyhow::bail!(
            "compare needs two different countries; both {:?} and {:?} name {a}",
            args.a,
            args.b
        );
    }
    let c = explainer.compare(a, b)?;
    let lang = args.common.lang();
    Ok(match args.common.format {
        Format::Text => render::comparison_text(&c, lang),
        Format::Markdown => render::comparison_markdown(&c, lang),
        Format::Json => render::comparison_json(&c) + "\n",
        Format::Html => render::comparison_html(&c, lang, evaluation.marking),
    })
}
