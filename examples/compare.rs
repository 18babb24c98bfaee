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
use placement_text::Lang;

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
    let args = cli::parse::<Args>();
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
        let (x, y) = (&args.a, &args.b);
        anyhow::bail!(
            "{}",
            match args.common.lang() {
                Lang::En =>
                    format!("compare needs two different countries; both {x:?} and {y:?} name {a}"),
                Lang::Nl => format!(
                    "compare vergelijkt twee verschillende landen; {x:?} en {y:?} noemen allebei {a}"
                ),
            }
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
