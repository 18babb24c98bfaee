//! `calibrate`: which weightings and thresholds reproduce the documented decisions, how much
//! freedom is left, and which decisions no weighting reproduces (placement-calibrate).
//!
//! ```text
//! cargo run --release --example calibrate                     # the 2015–2018 priority list under p1-2015
//! cargo run --release --example calibrate -- network          # the 2025 network under p4-2019
//! cargo run --release --example calibrate -- network --lang nl --format markdown
//! cargo run --release --example calibrate -- priority --patch calibrated.toml
//! cargo run --release --example advise -- --rules calibrated.toml      # the patched rulebook
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use placement_calibrate::render::{calibration, Style};
use placement_calibrate::{calibrate, engine, patch, Options};
use placement_core::{AssessmentSet, CountryCode, Rulebook};

#[path = "common/cli.rs"]
mod cli;
use cli::{Format, LangArg};

/// The embedded priority list of 2015–2018 (seed 000).
const PRIORITY_2015: &str = include_str!("../fixtures/priority-countries-2015-2018.json");

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Set {
    /// The sixteen priority countries of 2015–2018 (seed 000), under p1-2015.
    Priority,
    /// The host countries of the 2025 network (seed 003), under p4-2019.
    Network,
}

#[derive(Parser)]
#[command(about = "Calibrate weights and thresholds against documented decisions")]
struct Args {
    /// Which documented decisions.
    #[arg(value_enum, default_value = "priority")]
    set: Set,
    /// Assessment set (.toml or .json); default: the embedded illustrative 2025 fixture.
    #[arg(long)]
    input: Option<PathBuf>,
    /// Rulebook file; default: p1-2015 for `priority`, p4-2019 for `network`.
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Language of the text.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    /// A decision counts as reproduced with at least this margin, in points (default 0.01).
    #[arg(long, default_value_t = 0.01)]
    margin: f64,
    /// Write the central weighting as a rulebook patch file (`advise --rules FILE`).
    #[arg(long, value_name = "FILE")]
    patch: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = placement_text::Lang::from(args.lang);
    cli::exit_in(lang, run(args))
}

fn priority_codes() -> anyhow::Result<Vec<CountryCode>> {
    let v: serde_json::Value = serde_json::from_str(PRIORITY_2015)?;
    let list = v["countries"]
        .as_array()
        .ok_or_else(|| anyhow::anyhow!("priority-countries-2015-2018.json: no `countries` list"))?;
    list.iter()
        .map(|c| {
            let iso = c["iso"].as_str().unwrap_or_default();
            Ok(iso.parse::<CountryCode>()?)
        })
        .collect()
}

fn run(args: Args) -> anyhow::Result<()> {
    if !args.margin.is_finite() || args.margin <= 0.0 {
        anyhow::bail!(
            "--margin {}: give a positive number of points, e.g. 0.01",
            args.margin
        );
    }
    let input = AssessmentSet::load_or_default(args.input.as_deref())?;
    let default_regime = match args.set {
        Set::Priority => "p1-2015",
        Set::Network => "p4-2019",
    };
    let rules = Rulebook::load_or_embedded(args.rules.as_deref(), Some(default_regime))?;
    let problem = match args.set {
        Set::Priority => engine::priority_list(
            &rules,
            &input,
            &priority_codes()?,
            "seed 000 (000_7a9281a99aa0d45a.txt): «De prioritaire landen in de periode 2015–2018 waren …»",
        )?,
        Set::Network => {
            let evaluation = placement_core::Engine::new(&rules).evaluate(&input)?;
            let instance = placement_network::build_instance(
                &evaluation,
                "network-2025.json",
                placement_network::NETWORK_2025,
                &placement_network::ValueModel::default(),
            )?;
            let mut hosts: Vec<CountryCode> = instance
                .posts
                .iter()
                .filter(|p| p.existing.is_some())
                .map(|p| p.host)
                .collect();
            hosts.sort();
            hosts.dedup();
            engine::network(
                &rules,
                &input,
                &hosts,
                "seed 003 (003_d8968d7e6a3c294a.txt): the 2025 network (fixtures/network-2025.json)",
            )?
        }
    };
    let c = calibrate(
        &problem.problem,
        Options {
            margin: args.margin,
        },
    )?;
    if let Some(path) = &args.patch {
        let mut inputs: Vec<PathBuf> = Vec::new();
        inputs.extend(args.input.clone());
        inputs.extend(args.rules.clone());
        cli::output::write_atomic(path, patch::rulebook_patch(&problem, &c), &inputs)?;
    }
    let lang = args.lang.into();
    let text = match args.format {
        Format::Json => {
            serde_json::to_string_pretty(&placement_calibrate::Report {
                schema_version: placement_calibrate::SCHEMA_VERSION,
                calibration: c.clone(),
                decided_by_rule: problem.decided_by_rule.clone(),
                base: problem.base.clone(),
            })? + "\n"
        }
        Format::Text => calibration(&c, &problem.decided_by_rule, lang, Style::Text),
        Format::Markdown => calibration(&c, &problem.decided_by_rule, lang, Style::Markdown),
        Format::Html => anyhow::bail!(
            "--format html is not available for calibrate yet; use --format markdown or json"
        ),
    };
    cli::print(&text);
    Ok(())
}
