//! `reconcile`: the model's network plan against an actual network (default: the 2025 network,
//! seed 003). Per country: agree, the model wants a post that does not exist, or a post exists
//! the model does not support; each difference with the deciding rule, its margin and the
//! smallest verified change that would make model and reality agree. Summary: precision and
//! recall of the plan's host countries.
//!
//! ```text
//! cargo run --release --example reconcile                         # p4-2019, 2025 network
//! cargo run --release --example reconcile -- --lang nl --format markdown
//! cargo run --release --example reconcile -- --capacity 43 --against my-network.json
//! cargo run --release --example reconcile -- --format json
//! cargo run --release --example reconcile -- --lang nl --format html --out reconcile.html
//! cargo run --release --example reconcile -- --format csv --xlsx reconcile.xlsx
//! ```
//!
//! Text fits 100 columns (wrapped); `--wide` keeps each paragraph on one line. `--format html`
//! is one self-contained page; `--format csv` and `--xlsx FILE` give one row per country.
//! `--out` and `--xlsx` write atomically and never over an input file.

use std::process::ExitCode;

use clap::Parser;
use placement_core::Engine;
use placement_reconcile::render::{self, reconciliation, Style};
use placement_reconcile::{overview, reconcile};

#[path = "common/cli.rs"]
mod cli;
#[path = "common/plan.rs"]
mod plan_args;
use cli::{LangArg, ReportFormat as Out, Sources};
use plan_args::PlanArgs;

#[derive(Parser)]
#[command(about = "Compare the model's network plan with an actual liaison network")]
struct Args {
    #[command(flatten)]
    sources: Sources,
    #[command(flatten)]
    plan: PlanArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Out,
    /// Language of the text.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    #[command(flatten)]
    output: cli::ReportOutput,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = placement_text::Lang::from(args.lang);
    cli::exit_in(lang, run(args))
}

fn run(args: Args) -> anyhow::Result<()> {
    let (input, rules) = args.sources.load()?;
    let (network, settings) = args.plan.load()?;
    let evaluation = Engine::new(&rules).evaluate(&input)?;
    let plan = overview(&evaluation, &network, &settings)?;
    let r = reconcile(&rules, &input, &evaluation, &network, &plan)?;
    let lang = args.lang.into();
    let text = match args.format {
        Out::Json => serde_json::to_string_pretty(&r)? + "\n",
        Out::Text if args.output.wide => reconciliation(&r, &rules, lang, Style::Wide),
        Out::Text => reconciliation(&r, &rules, lang, Style::Text),
        Out::Markdown => reconciliation(&r, &rules, lang, Style::Markdown),
        Out::Html => render::html(&r, &rules, &evaluation, lang),
        Out::Csv => render::csv(&r, lang),
    };
    let mut inputs = args.sources.inputs();
    inputs.extend(args.plan.against.clone());
    args.output
        .write(&text, || Ok(render::xlsx(&r, &evaluation, lang)?), &inputs)
}
