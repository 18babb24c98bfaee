//! `advise`: the main job. Evaluates an assessment set under a rulebook and prints the ranked
//! table — country, class, instrument, organisation, score and the strongest reasons.
//!
//! ```text
//! cargo run --release --example advise                      # embedded default fixture
//! cargo run --release --example advise -- --input my.toml --rules my-rules.toml
//! cargo run --release --example advise -- --regime p2-2013  # an embedded historical rulebook
//! cargo run --release --example advise -- --format json     # the decision records
//! cargo run --release --example advise -- --format html --lang nl --explain --top 5 --out advies.html
//! cargo run --release --example advise -- --format csv --xlsx ranking.xlsx
//! cargo run --release --example advise -- --capacity 30      # the network plan at 30 liaisons
//! cargo run --release --example advise -- --against my-network.json  # and the reconciliation
//! ```
//!
//! The table is `placement_explain::render::ranking`; under it the network plan at the capacity
//! (`placement_reconcile::render::plan_section`): which countries get a post, which are served
//! by accreditation from which chosen post. With `--against FILE` the reconciliation with that
//! network follows (`placement_reconcile::render::reconciliation`).
//!
//! `--format html` is one self-contained page: the ranked table
//! (`placement_explain::render::ranking_page`), the network plan at the capacity with its value
//! curve (`placement_network::page::sections`, on the same plan as the text's plan section),
//! with `--explain` the full explanation of each country shown (at most the first
//! [`EXPLAIN_TOP`] without `--top`: contributions as a waterfall chart, rules with citations,
//! margins, counterfactuals), and the provenance. `--out FILE` writes any format atomically,
//! never over an input.

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use placement_core::{Engine, Evaluation};
use placement_explain::render::{
    explanation_sections, ranking, ranking_csv, ranking_page, ranking_xlsx, RankingOptions,
};
use placement_network::analysis::{report, ReportOptions};
use placement_network::{build_instance, Constraints};
use placement_reconcile::render::{plan_section, reconciliation, Style};
use placement_reconcile::{ActualNetwork, PlanOverview, PlanSettings};
use placement_report::html::Page;
use placement_report::Provenance;
use placement_text::Lang;

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
    /// Leave out the network plan (text and HTML).
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
    /// Text: a one-paragraph explanation under each row; HTML: the full explanation of each
    /// country shown (at most the first 10 without --top). Language by --lang.
    #[arg(long)]
    explain: bool,
    /// Write the output to this file instead of standard output (atomically, never over an input).
    #[arg(long)]
    out: Option<std::path::PathBuf>,
    /// Also write the ranked table as an XLSX workbook (with a provenance sheet) to this file.
    #[arg(long)]
    xlsx: Option<std::path::PathBuf>,
}

/// The countries explained on the HTML page with `--explain` when `--top` is not given.
const EXPLAIN_TOP: usize = 10;

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
    let args = cli::parse::<Args>();
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
    let lang: Lang = args.lang.into();
    let out = match args.format {
        Format::Json => evaluation.to_json() + "\n",
        Format::Text => {
            let mut text = ranking(&evaluation, &rules, &options);
            if !args.no_plan {
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
            text
        }
        Format::Html => {
            let mut page = ranking_page(&evaluation, &rules, &options);
            let mut provenance = Provenance::of(&evaluation);
            if !args.no_plan {
                let (network, settings) = args.plan.load()?;
                let plan = placement_reconcile::overview(&evaluation, &network, &settings)?;
                plan_html(&mut page, &evaluation, &network, &settings, &plan, lang)?;
                provenance = provenance.with("network", "netwerk", network.origin.clone());
            }
            if let Some(x) = &explainer {
                let shown = args.top.unwrap_or(EXPLAIN_TOP);
                for r in evaluation.records.iter().take(shown) {
                    explanation_sections(&mut page, &x.explain(r.country)?, lang);
                }
            }
            page.provenance(&provenance);
            page.finish()
        }
        Format::Csv => ranking_csv(&evaluation, lang),
    };
    // Every file this run reads: no output may replace one.
    let mut inputs = args.sources.inputs();
    inputs.extend(args.plan.against.iter().cloned());
    match &args.out {
        Some(path) => cli::output::write_atomic(path, &out, &inputs)?,
        None => cli::print(&out),
    }
    if let Some(path) = &args.xlsx {
        let bytes = ranking_xlsx(&evaluation, args.lang.into())?;
        cli::output::write_atomic(path, bytes, &inputs)?;
    }
    Ok(())
}

/// The network plan at the capacity as a section of the advise page: how many countries
/// deserve a permanent liaison one at a time and how many get a post, then the plan itself
/// with its value curve (placement-network's report on the same instance and constraints as
/// `overview`, so the same plan).
fn plan_html(
    page: &mut Page,
    evaluation: &Evaluation,
    network: &ActualNetwork,
    settings: &PlanSettings,
    plan: &PlanOverview,
    lang: Lang,
) -> anyhow::Result<()> {
    page.h2(lang.pick(
        "Network plan at the capacity",
        "Netwerkplan binnen de capaciteit",
    ));
    let deserving = plan.lines.iter().filter(|l| l.deserves_post).count();
    let (d, h) = (deserving.to_string(), plan.plan_hosts.len().to_string());
    page.para(&match lang {
        Lang::En => format!(
            "{d} countries deserve a permanent liaison one at a time (the ranking above); {h} get a post in the plan at {} liaisons.",
            plan.capacity
        ),
        Lang::Nl => format!(
            "{d} landen verdienen elk afzonderlijk een vaste liaison (de rangorde hierboven); {h} krijgen een post in het plan met {} liaisons.",
            plan.capacity
        ),
    });
    let (origin, model) = (&network.origin, &settings.value_model);
    let instance = build_instance(evaluation, origin, &network.json, model)?;
    let constraints = Constraints {
        capacity: plan.capacity,
        budget: plan.budget,
        forbidden: settings.forbidden.clone(),
        ..Constraints::default()
    };
    let r = report(&instance, &constraints, &ReportOptions::default())?;
    placement_network::page::sections(page, &r, lang, true);
    Ok(())
}
