//! `calibrate`: which weightings and thresholds reproduce the documented decisions, how much
//! freedom is left, and which decisions no weighting reproduces (placement-calibrate).
//!
//! ```text
//! cargo run --release --example calibrate                     # the 2015–2018 priority list under p1-2015
//! cargo run --release --example calibrate -- network          # the 2025 network under p4-2019
//! cargo run --release --example calibrate -- network --lang nl --format markdown
//! cargo run --release --example calibrate -- priority --patch calibrated.toml
//! cargo run --release --example advise -- --rules calibrated.toml      # the patched rulebook
//! cargo run --release --example calibrate -- network --lang nl --format html --out calibrate.html
//! cargo run --release --example calibrate -- --format csv --xlsx calibrate.xlsx
//! ```
//!
//! Text fits 100 columns (wrapped); `--wide` keeps each paragraph on one line. `--format html`
//! is one self-contained page; `--format csv` gives the weight and threshold intervals,
//! `--xlsx FILE` those and every decision. `--out`, `--xlsx` and `--patch` write atomically and
//! never over an input file.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use placement_calibrate::render::{self, calibration, Style};
use placement_calibrate::{calibrate, engine, patch, Options};
use placement_core::{AssessmentSet, CountryCode, Rulebook};

#[path = "common/cli.rs"]
mod cli;
use cli::{LangArg, ReportFormat as Out};

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
    format: Out,
    /// Language of the text.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    /// A decision counts as reproduced with at least this margin, in points (default 0.01).
    #[arg(long, default_value_t = 0.01)]
    margin: f64,
    /// Write the central weighting as a rulebook patch file (`advise --rules FILE`).
    #[arg(long, value_name = "FILE")]
    patch: Option<PathBuf>,
    #[command(flatten)]
    output: cli::ReportOutput,
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
    let mut inputs: Vec<PathBuf> = Vec::new();
    inputs.extend(args.input.clone());
    inputs.extend(args.rules.clone());
    if let Some(path) = &args.patch {
        cli::output::write_atomic(path, patch::rulebook_patch(&problem, &c), &inputs)?;
    }
    let lang: placement_text::Lang = args.lang.into();
    // The provenance of the pages and workbooks: the assessment set and rulebook calibrated,
    // and the documented decisions.
    let provenance = || -> anyhow::Result<placement_report::Provenance> {
        let evaluation = placement_core::Engine::new(&rules).evaluate(&input)?;
        let decisions = match args.set {
            Set::Priority => lang.pick(
                "the priority list of 2015–2018 (Kamerstuk 33 199, no. 43)",
                "de prioriteitenlijst 2015–2018 (Kamerstuk 33 199, nr. 43)",
            ),
            Set::Network => lang.pick(
                "the host countries of the 2025 network (fixtures/network-2025.json)",
                "de gastlanden van het netwerk van 2025 (fixtures/network-2025.json)",
            ),
        };
        Ok(placement_report::Provenance::of(&evaluation).with(
            "documented decisions",
            "gedocumenteerde beslissingen",
            decisions,
        ))
    };
    let text = match args.format {
        Out::Json => {
            serde_json::to_string_pretty(&placement_calibrate::Report {
                schema_version: placement_calibrate::SCHEMA_VERSION,
                calibration: c.clone(),
                decided_by_rule: problem.decided_by_rule.clone(),
                base: problem.base.clone(),
            })? + "\n"
        }
        Out::Text if args.output.wide => {
            calibration(&c, &problem.decided_by_rule, lang, Style::Wide)
        }
        Out::Text => calibration(&c, &problem.decided_by_rule, lang, Style::Text),
        Out::Markdown => calibration(&c, &problem.decided_by_rule, lang, Style::Markdown),
        Out::Html => render::html(&c, &problem.decided_by_rule, &provenance()?, lang),
        Out::Csv => render::csv(&c, lang),
    };
    args.output.write(
        &text,
        || Ok(render::xlsx(&c, &provenance()?, lang)?),
        &inputs,
    )
}
