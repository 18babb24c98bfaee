//! Network planning: which posts and work areas serve the most need within capacity and budget.
//!
//! ```text
//! cargo run --release --example network -- [--capacity N] [--budget EUR] [--scenario FILE]
//!     [--assessment FILE] [--input FILE] [--format text|json|markdown] [--plot FILE.svg]
//!     [--lock CC,..] [--forbid CC,..] [--lock-existing] [--region-min REGION=N,..]
//! ```
//!
//! `--scenario` resolves a what-if scenario file (`placement-scenario`, e.g.
//! `fixtures/scenarios/russia-withdrawal-2022.toml`): its assessment set and rulebook give the
//! values, its capacity, budget and placement costs the resources, its posts locked in / ruled
//! out become locks and forbids (next to `--lock` / `--forbid`). An explicit `--capacity` or
//! `--budget` overrides the scenario's. `--assessment` takes a bare assessment-set file instead.
//! `--input` is the network fixture (default: the embedded `fixtures/network-2025.json`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::Parser;
use placement_core::{AssessmentSet, Engine, Region, Rulebook};
use placement_network::analysis::{report, ReportOptions};
use placement_network::render::{render, Format};
use placement_network::scenario::from_scenario;
use placement_network::svg::value_curve_svg;
use placement_network::{build_instance, Constraints, ValueModel, NETWORK_2025};
use placement_scenario::Scenario;

#[path = "common/cli.rs"]
mod cli;
use cli::Format as Out;

/// Exact, explained network planning for Dutch police liaison officers.
#[derive(Parser)]
struct Args {
    /// Liaisons in total (default: the scenario's capacity, else 30, R-CAP-1).
    #[arg(long)]
    capacity: Option<u32>,
    /// Budget per year, EUR (default: the scenario's budget, else none; a liaison costs 280,000).
    #[arg(long)]
    budget: Option<f64>,
    /// What-if scenario file (placement-scenario TOML/JSON): values, rulebook, capacity,
    /// budget, costs, posts locked in and ruled out.
    #[arg(long, conflicts_with = "assessment")]
    scenario: Option<PathBuf>,
    /// Assessment-set file (TOML/JSON) instead of a scenario; default the embedded 2025 fixture.
    #[arg(long)]
    assessment: Option<PathBuf>,
    /// Network fixture (JSON); default the embedded fixtures/network-2025.json.
    #[arg(long)]
    input: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Out,
    /// Write the value curve as SVG.
    #[arg(long)]
    plot: Option<PathBuf>,
    /// Countries that must keep or get a post (comma-separated ISO codes).
    #[arg(long, value_delimiter = ',')]
    lock: Vec<String>,
    /// Countries where no post may be placed (default RU, seed 003).
    #[arg(long, value_delimiter = ',', default_value = "RU")]
    forbid: Vec<String>,
    /// Keep every post of the 2025 network.
    #[arg(long)]
    lock_existing: bool,
    /// Least posts per region, e.g. `western_africa=2,south_america=1`.
    #[arg(long, value_delimiter = ',')]
    region_min: Vec<String>,
    /// Skip re-solving without each chosen post (faster).
    #[arg(long)]
    no_resolve: bool,
}

fn main() -> std::process::ExitCode {
    cli::exit(run(Args::parse()))
}

fn run(args: Args) -> anyhow::Result<()> {
    let (origin, json) = match &args.input {
        Some(path) => (
            path.display().to_string(),
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?,
        ),
        None => (
            "fixtures/network-2025.json".to_string(),
            NETWORK_2025.to_string(),
        ),
    };
    let mut region_min = BTreeMap::new();
    for item in &args.region_min {
        let Some((region, n)) = item.split_once('=') else {
            bail!("--region-min expects REGION=N, got {item:?}");
        };
        let Some(region) = Region::from_id(region.trim()) else {
            bail!("unknown region {region:?}");
        };
        region_min.insert(region, n.trim().parse::<u32>()?);
    }
    let base = Constraints {
        capacity: 30,
        budget: None,
        locked: args.lock.clone(),
        lock_existing: args.lock_existing,
        forbidden: args
            .forbid
            .iter()
            .filter(|f| !f.is_empty())
            .cloned()
            .collect(),
        region_min,
        ..Constraints::default()
    };
    // Every file this run reads: an output (--plot) may never replace one of them.
    let mut inputs: Vec<PathBuf> = [&args.input, &args.assessment, &args.scenario]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let (instance, mut constraints) = match &args.scenario {
        Some(path) => {
            let scenario = Scenario::load(path)
                .with_context(|| format!("resolving scenario {}", path.display()))?;
            inputs.extend(scenario.inputs.iter().cloned());
            let net = from_scenario(
                &scenario.state,
                &origin,
                &json,
                &ValueModel::default(),
                &base,
            )
            .with_context(|| format!("scenario {} on {origin}", scenario.meta.name))?;
            (net.instance, net.constraints)
        }
        None => {
            let rules = Rulebook::default_rulebook()?;
            let set = match &args.assessment {
                Some(path) => AssessmentSet::load(path)?,
                None => AssessmentSet::default_fixture()?,
            };
            let evaluation = Engine::new(&rules).evaluate(&set)?;
            let instance = build_instance(&evaluation, &origin, &json, &ValueModel::default())?;
            (instance, base)
        }
    };
    if let Some(capacity) = args.capacity {
        constraints.capacity = capacity;
    }
    if args.budget.is_some() {
        constraints.budget = args.budget;
    }
    let options = ReportOptions {
        resolve_marginals: !args.no_resolve,
        ..ReportOptions::default()
    };
    let report = report(&instance, &constraints, &options)?;
    if let Some(path) = &args.plot {
        let title = format!(
            "Value covered by capacity ({})",
            if report.illustrative {
                "illustrative"
            } else {
                "assessed"
            }
        );
        cli::output::write_atomic(path, value_curve_svg(&title, &report.curve), &inputs)?;
    }
    match args.format {
        Out::Text => cli::print(&render(&report, Format::Text)),
        Out::Markdown => cli::print(&render(&report, Format::Markdown)),
        Out::Json => cli::print(&(serde_json::to_string_pretty(&report)? + "\n")),
    }
    Ok(())
}
