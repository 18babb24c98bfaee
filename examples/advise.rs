//! `advise`: the main job. Evaluates an assessment set under a rulebook and prints the ranked
//! table — country, class, instrument, organisation, score and the strongest reasons.
//!
//! ```text
//! cargo run --release --example advise                      # embedded default fixture
//! cargo run --release --example advise -- --input my.toml --rules my-rules.toml
//! cargo run --release --example advise -- --regime p2-2013  # an embedded historical rulebook
//! cargo run --release --example advise -- --format json     # the decision records
//! cargo run --release --example advise -- --format html --lang nl > advies.html
//! cargo run --release --example advise -- --format csv --xlsx ranking.xlsx
//! cargo run --release --example advise -- --capacity 30      # the network plan at 30 liaisons
//! cargo run --release --example advise -- --against my-network.json  # and the reconciliation
//! ```
//!
//! The table is `placement_explain::render::ranking`; under it the network plan at the capacity
//! (`placement_reconcile::render::plan_section`): which countries get a post, which are served
//! by accreditation from which chosen post. With `--against FILE` the reconciliation with that
//! network follows (`placement_reconcile::render::reconciliation`).

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use placement_core::Engine;
use placement_explain::render::{ranking, ranking_csv, ranking_html, ranking_xlsx, RankingOptions};
use placement_reconcile::render::{plan_section, reconciliation, Style};

#[path = "common/cli.rs"]
mod cli;
#[path = "common/plan.rs"]
mod plan_args;
use cli::{LangArg, Sources};
use plan_args::PlanArgs;

#[derive(Parser)]
#[command(about = "Rank candidate countries for police liaison placement, with reasons")]
struct Args {
    #[command(flatten)]
    sources: Sources,
    #[command(flatten)]
    plan: PlanArgs,
    /// Leave out the network plan (text format).
    #[arg(long, conflicts_with = "against")]
    no_plan: bool,
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
    /// Also write the ranked table as an XLSX workbook (with a provenance sheet) to this file.
    #[arg(long)]
    xlsx: Option<std::path::PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    /// A self-contained HTML page of the ranked table.
    Html,
    /// The ranked table as CSV (Dutch: semicolons and decimal comma).
    Csv,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = placement_text::Lang::from(args.lang);
    cli::exit_in(lang, run(args))
}

fn run(args: Args) -> anyhow::Result<()> {
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
    let options = RankingOptions {
        lang: args.lang.into(),
        top: args.top,
        explainer: explainer.as_ref(),
        ..RankingOptions::default()
    };
    match args.format {
        Format::Json => cli::print(&(evaluation.to_json() + "\n")),
        Format::Text => {
            let mut text = ranking(&evaluation, &rules, &options);
            if !args.no_plan {
                let lang = args.lang.into();
                let (network, settings) = args.plan.load()?;
                let plan = placement_reconcile::overview(&evaluation, &network, &settings)?;
                text.push_str(&plan_section(&plan, lang, Style::Text));
                if args.plan.against.is_some() {
                    let r = placement_reconcile::reconcile(
                        &rules,
                        &input,
                        &evaluation,
                        &network,
                        &plan,
                    )?;
                    text.push_str(&reconciliation(&r, &rules, lang, Style::Text));
                }
            }
            cli::print(&text);
        }
        Format::Html => cli::print(&ranking_html(&evaluation, &rules, &options)),
        Format::Csv => cli::print(&ranking_csv(&evaluation, args.lang.into())),
    }
    if let Some(path) = &args.xlsx {
        let bytes = ranking_xlsx(&evaluation, args.lang.into())?;
        cli::output::write_atomic(path, bytes, &args.sources.inputs())?;
    }
    Ok(())
}
