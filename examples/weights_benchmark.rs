//! `weights_benchmark`: every weighting scheme × every MCDA method (and the rule-based
//! placement engine) on one placement scenario; prints each combination's ranking, the rank
//! correlations between all of them and, with `--smaa`, an SMAA-2 acceptability table.
//!
//! ```text
//! cargo run --release --example weights_benchmark                       # embedded fixture
//! cargo run --release --example weights_benchmark -- --top 5 --metric kendall
//! cargo run --release --example weights_benchmark -- --smaa 100000 --seed 1 --svg smaa.svg
//! cargo run --release --example weights_benchmark -- --input my.toml --rules my.toml --format csv
//! cargo run --release --example weights_benchmark -- --schemes given,equal --methods wsm,placement
//! ```
//!
//! Output is deterministic (SMAA-2 is seeded). The computation lives in
//! `placement_mcda::benchmark`; choices (rank-based schemes from the rulebook's order, the
//! `+1` shift for WPM/COPRAS, AHP/SWARA skipped) are documented there and in
//! `docs/research.md`.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{anyhow, Context, Result};
use clap::{Parser, ValueEnum};
use placement_core::{AssessmentSet, Rulebook};
use placement_mcda::benchmark::{self, BenchmarkOptions, BenchmarkReport, Method, Scheme};
use placement_mcda::placement::PlacementProblem;
use placement_mcda::request::Metric;
use placement_mcda::svg::acceptability_chart;

#[derive(Parser)]
#[command(about = "Compare weighting schemes and MCDA methods with the placement engine")]
struct Args {
    /// Assessment set (.toml or .json); default: the embedded illustrative 2025 fixture.
    #[arg(long)]
    input: Option<PathBuf>,
    /// Rulebook file (.toml or .json); default: the embedded current rulebook (p4-2019).
    #[arg(long, conflicts_with = "regime")]
    rules: Option<PathBuf>,
    /// An embedded rulebook by id: p4-2019 (default), p2-2013, p1-2015.
    #[arg(long)]
    regime: Option<String>,
    /// Alternatives shown per ranking and SMAA-2 rows shown (text format).
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// A second correlation metric besides Spearman.
    #[arg(long, value_enum)]
    metric: Option<MetricArg>,
    /// Run SMAA-2 with this many weight samples.
    #[arg(long)]
    smaa: Option<u64>,
    /// Seed of SMAA-2.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write the SMAA-2 rank acceptability chart to this SVG file (10,000 samples unless
    /// --smaa says otherwise).
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
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn parse_list<T: Copy>(
    given: &[String],
    all: &[T],
    parse: fn(&str) -> Option<T>,
    what: &str,
    names: &str,
) -> Result<Vec<T>> {
    if given.is_empty() {
        return Ok(all.to_vec());
    }
    given
        .iter()
        .map(|s| parse(s.trim()).ok_or_else(|| anyhow!("unknown {what} {s:?}; use {names}")))
        .collect()
}

fn run(args: Args) -> Result<()> {
    let set = match &args.input {
        Some(path) => AssessmentSet::load(path)?,
        None => AssessmentSet::default_fixture()?,
    };
    let rules = Rulebook::load_or_embedded(args.rules.as_deref(), args.regime.as_deref())?;
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
            "scheme",
            "given, equal, roc, rs, rr, entropy, critic, std",
        )?,
        methods: parse_list(
            &args.methods,
            &Method::ALL,
            Method::parse,
            "method",
            "wsm, wpm, topsis, vikor, promethee_ii, copras, moora, placement",
        )?,
        metrics,
        positive_shift: args.shift,
        smaa,
    };
    let report = benchmark::run(&problem, &opts)?;
    if let Some(path) = &args.svg {
        let table = report
            .smaa
            .as_ref()
            .ok_or_else(|| anyhow!("no SMAA-2 result to draw"))?;
        let labels: Vec<String> = table.rows.iter().map(|r| r.alternative.clone()).collect();
        let acc: Vec<Vec<f64>> = table.rows.iter().map(|r| r.acceptability.clone()).collect();
        let title = format!(
            "SMAA-2 rank acceptability, {} ({} samples, seed {}; fixed-scale values, uniform weights)",
            report.rulebook, table.samples, table.seed
        );
        std::fs::write(
            path,
            acceptability_chart(&title, &labels, &acc, &table.buckets),
        )
        .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&report)? + "\n",
        Format::Csv => report.to_csv(),
        Format::Text => text(&report, args.top),
    };
    print!("{out}");
    Ok(())
}

fn text(r: &BenchmarkReport, top: usize) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "weights_benchmark: {} alternatives x {} criteria, rulebook {}",
        r.alternatives.len(),
        r.criteria.len(),
        r.rulebook
    );
    let _ = writeln!(s, "\nWeights (criteria ranks for roc/rs/rr in brackets)");
    let _ = write!(s, "{:<28}", "criterion");
    for w in &r.weights {
        let _ = write!(s, "{:>8}", w.scheme);
    }
    s.push('\n');
    for (j, c) in r.criteria.iter().enumerate() {
        let ty = if r.types.get(j) == Some(&-1) {
            "-"
        } else {
            "+"
        };
        let rank = r.criteria_ranks.get(j).copied().unwrap_or(0);
        let _ = write!(s, "{:<28}", format!("{c} {ty} [{rank}]"));
        for w in &r.weights {
            let _ = write!(s, "{:>8.3}", w.weights.get(j).copied().unwrap_or(0.0));
        }
        s.push('\n');
    }
    let _ = writeln!(s, "\nRankings (top {top}; ties share an average rank)");
    for run in &r.runs {
        let codes: Vec<&str> = run
            .order()
            .into_iter()
            .take(top)
            .filter_map(|i| r.alternatives.get(i).map(String::as_str))
            .collect();
        let note = run
            .note
            .as_ref()
            .map(|n| format!("  ({n})"))
            .unwrap_or_default();
        let _ = writeln!(s, "{:<22} {}{note}", run.id, codes.join(" "));
    }
    for cm in &r.correlations {
        let _ = writeln!(
            s,
            "\n{} correlation (row i, column j = run #j{})",
            cm.metric,
            if cm.metric == "ws" {
                "; row is the reference"
            } else {
                ""
            }
        );
        let _ = write!(s, "{:<26}", "");
        for j in 1..=cm.labels.len() {
            let _ = write!(s, "{j:>6}");
        }
        s.push('\n');
        for (i, (label, row)) in cm.labels.iter().zip(&cm.values).enumerate() {
            let _ = write!(s, "{:>3} {:<22}", i + 1, label);
            for v in row {
                let _ = write!(s, "{v:>6.2}");
            }
            s.push('\n');
        }
    }
    if let Some(t) = &r.smaa {
        let _ = writeln!(
            s,
            "\nSMAA-2: {} samples, seed {}, {} values, {} weights; share of samples per rank (%), first {top} by mean rank",
            t.samples, t.seed, t.utilities, t.weight_model
        );
        let _ = write!(s, "{:<8}", "country");
        for b in &t.buckets {
            let _ = write!(s, "{:>8}", b.label());
        }
        let _ = writeln!(s, "{:>10}{:>8}", "mean", "conf");
        for row in t.rows.iter().take(top) {
            let _ = write!(s, "{:<8}", row.alternative);
            for v in &row.buckets {
                let _ = write!(s, "{:>8.1}", v * 100.0);
            }
            let _ = writeln!(s, "{:>10.2}{:>8.2}", row.mean_rank, row.confidence);
        }
    }
    if !r.skipped.is_empty() {
        let _ = writeln!(s, "\nSkipped");
        for k in &r.skipped {
            let who = match k.method {
                Some(m) => format!("{}/{m}", k.scheme),
                None => k.scheme.to_string(),
            };
            let _ = writeln!(s, "{who:<22} {}", k.reason);
        }
    }
    s
}
