//! Network planning: which posts and work areas serve the most need within capacity and budget.
//!
//! ```text
//! cargo run --release --example network -- [--capacity N] [--budget EUR] [--scenario FILE]
//!     [--assessment FILE] [--input FILE] [--format text|json|markdown|html|csv] [--lang en|nl]
//!     [--wide] [--out FILE] [--xlsx FILE] [--plot FILE.svg]
//!     [--lock CC,..] [--forbid CC,..] [--lock-existing] [--region-min REGION=N,..]
//! ```
//!
//! Text fits 100 columns (wrapped); `--wide` prints every line whole. `--format html` is one
//! self-contained page (the plan, the value curve chart, the comparison with 2025, marking and
//! hashes); `--format csv` and `--xlsx` give the chosen posts as a spreadsheet (Dutch: `;` and
//! a decimal comma). `--out`, `--xlsx` and `--plot` write atomically and never over an input.
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
use placement_network::render::{conflict_in, render_in, render_wide, Format};
use placement_network::scenario::from_scenario;
use placement_network::svg::value_curve_svg;
use placement_network::{
    build_instance, Conflict, Constraints, NetworkError, ValueModel, NETWORK_2025,
};
use placement_report::Provenance;
use placement_scenario::Scenario;
use placement_text::Lang;

#[path = "common/cli.rs"]
mod cli;
use cli::ReportFormat as Out;

/// Exact, explained network planning for Dutch police liaison officers.
#[derive(Parser)]
struct Args {
    /// Liaisons in total, 0 to 10,000 (default: the scenario's capacity, else 30, R-CAP-1).
    #[arg(long, allow_negative_numbers = true, value_parser = parse_capacity)]
    capacity: Option<u32>,
    /// Budget per year, EUR, a finite amount from 0 to 10^12 (default: the scenario's budget,
    /// else none; a liaison costs 280,000).
    #[arg(long, allow_negative_numbers = true, value_parser = parse_budget)]
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
    /// Language of the report.
    #[arg(long, value_enum, default_value = "en")]
    lang: cli::LangArg,
    /// Write the value curve as SVG.
    #[arg(long)]
    plot: Option<PathBuf>,
    #[command(flatten)]
    output: cli::ReportOutput,
    /// Countries that must keep or get a post (comma-separated ISO codes).
    #[arg(long, value_delimiter = ',')]
    lock: Vec<String>,
    /// Countries where no post may be placed (default RU, seed 003; `--forbid ""` for none).
    #[arg(long, value_delimiter = ',')]
    forbid: Option<Vec<String>>,
    /// Keep every post of the 2025 network.
    #[arg(long)]
    lock_existing: bool,
    /// Least posts per region, e.g. `western_africa=2,south_america=1`.
    #[arg(long, value_delimiter = ',')]
    region_min: Vec<String>,
    /// Skip re-solving without each chosen post (faster).
    #[arg(long)]
    no_resolve: bool,
    /// Time limit of the exact solve, seconds (default 10; 0 = none). A solve stopped by it
    /// returns the best plan found and says so, with its proven gap.
    #[arg(long, value_parser = parse_seconds)]
    time_limit: Option<f64>,
}

/// The countries forbidden when `--forbid` is not given (seed 003: the liaison in Russia was
/// withdrawn because of the war in Ukraine).
const DEFAULT_FORBID: &[&str] = &["RU"];

// The option checks answer in the language of --lang (read before clap parses: cli::arg_lang).

fn parse_capacity(s: &str) -> Result<u32, String> {
    let lang = cli::arg_lang();
    let n: i64 = s.trim().parse().map_err(|_| match lang {
        Lang::En => format!("expected a whole number of liaisons, got {s:?}"),
        Lang::Nl => format!("verwacht een geheel aantal liaisons, niet {s:?}"),
    })?;
    let max = placement_network::constraints::limits::MAX_CAPACITY;
    if n < 0 || n > i64::from(max) {
        return Err(match lang {
            Lang::En => format!("must be from 0 to {max}, got {n}"),
            Lang::Nl => format!(
                "moet van 0 tot en met {} zijn, niet {n}",
                placement_text::thousands(lang, u64::from(max))
            ),
        });
    }
    Ok(n as u32)
}

fn parse_budget(s: &str) -> Result<f64, String> {
    let lang = cli::arg_lang();
    let b: f64 = s.trim().parse().map_err(|_| match lang {
        Lang::En => format!("expected an amount in EUR, got {s:?}"),
        Lang::Nl => format!("verwacht een bedrag in euro, niet {s:?}"),
    })?;
    let max = placement_network::constraints::limits::MAX_BUDGET_EUR;
    if !b.is_finite() {
        return Err(match lang {
            Lang::En => format!("must be a finite amount in EUR, got {s:?}"),
            Lang::Nl => format!("moet een eindig bedrag in euro zijn, niet {s:?}"),
        });
    }
    if !(0.0..=max).contains(&b) {
        return Err(match lang {
            Lang::En => format!("must be at least 0 and at most {max:e} EUR, got {s}"),
            Lang::Nl => format!(
                "moet minstens 0 en hoogstens {} euro zijn, niet {s}",
                placement_text::thousands(lang, max as u64)
            ),
        });
    }
    Ok(b)
}

fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(t) if t.is_finite() && t >= 0.0 => Ok(t),
        _ => Err(match cli::arg_lang() {
            Lang::En => format!("expected a number of seconds (0 = no limit), got {s:?}"),
            Lang::Nl => format!("verwacht een aantal seconden (0 = geen grens), niet {s:?}"),
        }),
    }
}

/// Every region id, for messages.
fn region_ids() -> String {
    Region::ALL.map(|r| r.id()).join(", ")
}

fn main() -> std::process::ExitCode {
    let args = cli::parse::<Args>();
    let lang = placement_text::Lang::from(args.lang);
    cli::exit_in(lang, run(args))
}

fn run(args: Args) -> anyhow::Result<()> {
    let (origin, json) = match &args.input {
        Some(path) => (
            path.display().to_string(),
            placement_core::io::read_input(path)?,
        ),
        None => (
            "fixtures/network-2025.json".to_string(),
            NETWORK_2025.to_string(),
        ),
    };
    let mut region_min = BTreeMap::new();
    let lang: Lang = args.lang.into();
    for item in &args.region_min {
        let Some((region, n)) = item.split_once('=') else {
            bail!(
                "{}",
                match lang {
                    Lang::En => format!("--region-min expects REGION=N, got {item:?}"),
                    Lang::Nl => format!("--region-min verwacht REGIO=N, niet {item:?}"),
                }
            );
        };
        let Some(region) = Region::from_id(region.trim()) else {
            let (r, ids) = (region.trim(), region_ids());
            bail!(
                "{}",
                match lang {
                    Lang::En => format!("--region-min: unknown region {r:?}; valid regions: {ids}"),
                    Lang::Nl =>
                        format!("--region-min: onbekende regio {r:?}; geldige regio's: {ids}"),
                }
            );
        };
        let Ok(n) = n.trim().parse::<u32>() else {
            let (r, n) = (region.id(), n.trim());
            bail!(
                "{}",
                match lang {
                    Lang::En => format!(
                        "--region-min {r}: the least number of posts must be a whole number of at least 0, got {n:?}"
                    ),
                    Lang::Nl => format!(
                        "--region-min {r}: het minste aantal posten moet een geheel getal van minstens 0 zijn, niet {n:?}"
                    ),
                }
            );
        };
        region_min.insert(region, n);
    }
    let base = Constraints {
        capacity: 30,
        budget: None,
        locked: args.lock.clone(),
        lock_existing: args.lock_existing,
        forbidden: match &args.forbid {
            Some(list) => list.iter().filter(|f| !f.is_empty()).cloned().collect(),
            None => DEFAULT_FORBID.iter().map(|s| s.to_string()).collect(),
        },
        region_min,
        ..Constraints::default()
    };
    // Every file this run reads: an output (--out, --xlsx, --plot) may never replace one of them.
    let mut inputs: Vec<PathBuf> = [&args.input, &args.assessment, &args.scenario]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let (instance, mut constraints, evaluation) = match &args.scenario {
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
            (net.instance, net.constraints, net.evaluation)
        }
        None => {
            let rules = Rulebook::default_rulebook()?;
            let set = match &args.assessment {
                Some(path) => AssessmentSet::load(path)?,
                None => AssessmentSet::default_fixture()?,
            };
            let evaluation = Engine::new(&rules).evaluate(&set)?;
            let instance = build_instance(&evaluation, &origin, &json, &ValueModel::default())?;
            (instance, base, evaluation)
        }
    };
    if let Some(capacity) = args.capacity {
        constraints.capacity = capacity;
    }
    if args.budget.is_some() {
        constraints.budget = args.budget;
    }
    let mut options = ReportOptions {
        resolve_marginals: !args.no_resolve,
        ..ReportOptions::default()
    };
    if let Some(t) = args.time_limit {
        options.exact.time_limit = (t > 0.0).then_some(t);
    }
    let report = match report(&instance, &constraints, &options) {
        Ok(r) => r,
        Err(NetworkError::Infeasible { conflicts }) => {
            let lang = args.lang.into();
            let mut lines: Vec<String> = conflicts
                .iter()
                .map(|c| format!("  - {}", conflict_in(c, lang)))
                .collect();
            let defaulted: Vec<&str> = conflicts
                .iter()
                .filter_map(|c| match c {
                    Conflict::LockedAndForbidden { country } => Some(country.as_str()),
                    _ => None,
                })
                .filter(|c| args.forbid.is_none() && DEFAULT_FORBID.contains(c))
                .collect();
            for c in defaulted {
                lines.push(match lang {
                    Lang::En => format!(
                        "    {c} is forbidden by default (seed 003: the liaison in Russia was withdrawn); to lock it, lift the default with --forbid \"\" (or a --forbid list without {c})"
                    ),
                    Lang::Nl => format!(
                        "    {c} is standaard uitgesloten (seed 003: de liaison in Rusland is teruggetrokken); hef dat op met --forbid \"\" (of een --forbid-lijst zonder {c}) om het vast te zetten"
                    ),
                });
            }
            let head = lang.pick(
                "the constraints cannot all hold",
                "de beperkingen kunnen niet alle tegelijk gelden",
            );
            return Err(cli::NoAnswer(format!("{head}:\n{}", lines.join("\n"))).into());
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(path) = &args.plot {
        let svg = value_curve_svg(&report, args.lang.into());
        cli::output::write_atomic(path, svg, &inputs)?;
    }
    if report.solution.exact.choices.is_empty() {
        let cheapest = instance
            .posts
            .iter()
            .flat_map(|p| p.options.iter().map(|o| o.cost))
            .fold(f64::INFINITY, f64::min);
        let lang = args.lang.into();
        let why = match constraints.budget {
            Some(b) if cheapest.is_finite() && b < cheapest => {
                let eur = |x: f64| placement_text::thousands(lang, x.round() as u64);
                let (b, cheapest) = (eur(b), eur(cheapest));
                match lang {
                    Lang::En => format!(
                        "the budget of EUR {b} is below the cheapest post option (EUR {cheapest}); raise --budget"
                    ),
                    Lang::Nl => format!(
                        "het budget van EUR {b} is lager dan de goedkoopste postoptie (EUR {cheapest}); verhoog --budget"
                    ),
                }
            }
            _ if constraints.capacity == 0 => lang
                .pick(
                    "the capacity is 0 liaisons; raise --capacity",
                    "de capaciteit is 0 liaisons; verhoog --capacity",
                )
                .to_string(),
            _ => lang
                .pick(
                    "no allowed post adds value under these constraints; relax --forbid, --capacity or --budget",
                    "geen toegestane post voegt onder deze beperkingen waarde toe; verruim --forbid, --capacity of --budget",
                )
                .to_string(),
        };
        let head = lang.pick("the plan is empty", "het plan is leeg");
        return Err(cli::NoAnswer(format!("{head}: {why}")).into());
    }
    let lang: Lang = args.lang.into();
    let mut provenance = Provenance::of(&evaluation).with("network", "netwerk", origin.as_str());
    if let Some(path) = &args.scenario {
        provenance = provenance.with(
            "scenario file",
            "scenariobestand",
            path.display().to_string(),
        );
    }
    let text = match args.format {
        Out::Text | Out::Markdown => {
            let format = if args.format == Out::Text {
                Format::Text
            } else {
                Format::Markdown
            };
            match args.output.wide {
                true => render_wide(&report, format, lang),
                false => render_in(&report, format, lang),
            }
        }
        Out::Json => serde_json::to_string_pretty(&report)? + "\n",
        Out::Html => placement_network::page::html(&report, &provenance, lang),
        Out::Csv => placement_network::sheet::plan_csv(&report, lang),
    };
    args.output.write(
        &text,
        || {
            Ok(placement_network::sheet::plan_xlsx(
                &report,
                &provenance,
                lang,
            )?)
        },
        &inputs,
    )
}
