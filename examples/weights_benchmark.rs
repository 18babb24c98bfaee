//! `weights_benchmark`: every weighting scheme × every MCDA method (and the rule-based
//! placement engine) on one placement scenario; prints each combination's ranking, the rank
//! correlations between all of them and, with `--smaa`, an SMAA-2 acceptability table.
//!
//! ```text
//! cargo run --release --example weights_benchmark                       # embedded fixture
//! cargo run --release --example weights_benchmark -- --top 5 --metric kendall
//! cargo run --release --example weights_benchmark -- --smaa 100000 --seed 1 --svg smaa.svg
//! cargo run --release --example weights_benchmark -- --lang nl --smaa 10000 --top 15 --svg smaa.svg
//! cargo run --release --example weights_benchmark -- --input my.toml --rules my.toml --format csv
//! cargo run --release --example weights_benchmark -- --schemes given,equal --methods wsm,placement
//! ```
//!
//! Output is deterministic (SMAA-2 is seeded). The computation and the text and SVG renderings
//! live in `placement_mcda::benchmark` (behind the crate's unstable `testing` feature); choices (rank-based schemes from the rulebook's order, the
//! `+1` shift for WPM/COPRAS, AHP/SWARA skipped) are documented there and in
//! `docs/research.md`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{anyhow, Result};
use clap::{Parser, ValueEnum};
use placement_mcda::benchmark::{self, BenchmarkOptions, Method, Scheme};
use placement_mcda::correlation::Metric;
use placement_mcda::placement::PlacementProblem;
use placement_text::Lang;

#[path = "common/cli.rs"]
mod cli;
#[path = "common/progress.rs"]
mod progress;
use cli::{LangArg, Sources};

#[derive(Parser)]
#[command(about = "Compare weighting schemes and MCDA methods with the placement engine")]
struct Args {
    #[command(flatten)]
    sources: Sources,
    /// Alternatives shown per ranking and SMAA-2 rows shown (text format).
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// A second correlation metric besides Spearman.
    #[arg(long, value_enum)]
    metric: Option<MetricArg>,
    /// Run SMAA-2 with this many weight samples (1 to 100,000,000; progress on stderr when
    /// it is a terminal).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=placement_mcda::smaa::MAX_SAMPLES))]
    smaa: Option<u64>,
    /// Seed of SMAA-2.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Language of the text and of the chart.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    /// Text: print lines as long as they are (default: 100 columns; names under their
    /// weights, correlation matrices in blocks of columns).
    #[arg(long)]
    wide: bool,
    /// Write the SMAA-2 rank acceptability chart of the first --top alternatives to this SVG
    /// file (10,000 samples unless --smaa says otherwise).
    #[arg(long)]
    svg: Option<PathBuf>,
    /// Comma-separated schemes (default: given,equal,roc,rs,rr,entropy,critic,std).
    #[arg(long, value_delimiter = ',')]
    schemes: Vec<String>,
    /// Comma-separated methods (default: wsm,wpm,topsis,vikor,promethee_ii,copras,moora,placement).
    #[arg(long, value_delimiter = ',')]
    methods: Vec<String>,
    /// Added to every value for WPM and COPRAS, which need x > 0.
    #[arg(long, default_value_t = 1.0)]
    shift: f64,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum MetricArg {
    Spearman,
    Kendall,
    Ws,
    #[value(name = "weighted_spearman", alias = "weighted-spearman")]
    WeightedSpearman,
}

fn main() -> ExitCode {
    // The error with its causes, the core's in words.
    let args = cli::parse::<Args>();
    let lang = args.lang.into();
    cli::exit_in(lang, run(args))
}

fn parse_list<T: Copy>(
    given: &[String],
    all: &[T],
    parse: fn(&str) -> Option<T>,
    lang: Lang,
    what: [&str; 2],
    names: &str,
) -> Result<Vec<T>> {
    if given.is_empty() {
        return Ok(all.to_vec());
    }
    given
        .iter()
        .map(|s| {
            parse(s.trim()).ok_or_else(|| match lang {
                Lang::En => anyhow!("unknown {} {s:?}; use {names}", what[0]),
                Lang::Nl => anyhow!("onbekende {} {s:?}; kies uit {names}", what[1]),
            })
        })
        .collect()
}

fn run(args: Args) -> Result<()> {
    let lang: Lang = args.lang.into();
    let (set, rules) = args.sources.load()?;
    let problem = PlacementProblem::evaluate(&set, &rules)?;
    let mut metrics = vec![Metric::Spearman];
    match args.metric {
        Some(MetricArg::Kendall) => metrics.push(Metric::Kendall),
        Some(MetricArg::Ws) => metrics.push(Metric::Ws),
        Some(MetricArg::WeightedSpearman) => metrics.push(Metric::WeightedSpearman),
        Some(MetricArg::Spearman) | None => {}
    }
    let smaa = match (args.smaa, &args.svg) {
        (Some(n), _) => Some((n, args.seed)),
        (None, Some(_)) => Some((10_000, args.seed)),
        (None, None) => None,
    };
    let opts = BenchmarkOptions {
        schemes: parse_list(
            &args.schemes,
            &Scheme::ALL,
            Scheme::parse,
            lang,
            ["scheme", "weging"],
            "given, equal, roc, rs, rr, entropy, critic, std",
        )?,
        methods: parse_list(
            &args.methods,
            &Method::ALL,
            Method::parse,
            lang,
            ["method", "methode"],
            "wsm, wpm, topsis, vikor, promethee_ii, copras, moora, placement",
        )?,
        metrics,
        positive_shift: args.shift,
        smaa,
    };
    let mut bar = progress::Progress::new("SMAA-2");
    let report = benchmark::run_with_progress(&problem, &opts, &mut |d, t| bar.update(d, t))?;
    if let Some(path) = &args.svg {
        let svg = report.smaa_svg(lang, args.top).ok_or_else(|| {
            anyhow!(
                "{}",
                lang.pick(
                    "no SMAA-2 result to draw",
                    "geen SMAA-2-uitkomst om te tekenen"
                )
            )
        })?;
        cli::output::write_atomic(path, svg, &args.sources.inputs())?;
    }
    let out = match args.format {
        Format::Json => {
            serde_json::to_string_pretty(&cli::Versioned {
                schema_version: cli::BENCHMARK_SCHEMA_VERSION,
                body: &report,
            })? + "\n"
        }
        Format::Csv => report.to_csv(),
        Format::Text if args.wide => report.to_text_wide(lang, args.top),
        Format::Text => report.to_text_in(lang, args.top),
    };
    cli::print(&out);
    Ok(())
}
