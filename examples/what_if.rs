//! What-if analysis: runs the base and each scenario and prints what moved and why.
//!
//! ```text
//! cargo run --example what_if -- fixtures/scenarios/brexit-2019.toml [more.toml …]
//!     [--format text|markdown|json|html|csv] [--lang en|nl] [--wide] [--out FILE] [--xlsx FILE]
//! ```
//! One scenario gives its full comparison; several add a comparison table (countries ×
//! scenarios). Text fits 100 columns (wrapped, short labels); `--wide` prints the full lines and
//! the table in one piece. `--format html` is one self-contained page; `--format csv` and `--xlsx` give the
//! changed countries as a spreadsheet. `--out` and `--xlsx` write atomically and never over an
//! input file.

use std::path::PathBuf;

use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::Parser;
use placement_scenario::report::{self, Format};
use placement_scenario::{compare, Scenario};
use placement_text::Lang;

#[path = "common/cli.rs"]
mod cli;
use cli::{LangArg, ReportFormat as Out};

#[derive(Parser)]
#[command(about = "Compare what-if scenarios with their base and explain what moved")]
struct Args {
    /// Scenario files (TOML or JSON).
    #[arg(required = true)]
    scenarios: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Out,
    /// Language of the report.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    #[command(flatten)]
    output: cli::ReportOutput,
}

fn main() -> ExitCode {
    let args = cli::parse::<Args>();
    let lang = Lang::from(args.lang);
    cli::exit_in(lang, run(args))
}

fn run(args: Args) -> anyhow::Result<()> {
    let lang = Lang::from(args.lang);
    // Resolve every scenario first, so all problems are reported before anything is written.
    let mut scenarios = Vec::new();
    let mut errors = Vec::new();
    for path in &args.scenarios {
        match Scenario::load(path) {
            Ok(s) => scenarios.push(s),
            Err(e) => errors.push(e.to_string()),
        }
    }
    if !errors.is_empty() {
        bail!("{}", errors.join("\n"));
    }
    let diffs = scenarios
        .iter()
        .map(compare)
        .collect::<Result<Vec<_>, _>>()
        .context("comparing scenarios")?;
    let text = match args.format {
        Out::Html if diffs.len() == 1 => placement_scenario::html(&diffs[0], lang),
        Out::Html => placement_scenario::table_html(&diffs, lang),
        Out::Csv => placement_scenario::comparison_csv(&diffs, lang),
        Out::Json if diffs.len() == 1 => report::render(&diffs[0], Format::Json, lang),
        Out::Json => report::table(&diffs, Format::Json, lang),
        Out::Text | Out::Markdown => {
            let format = if args.format == Out::Text {
                Format::Text
            } else {
                Format::Markdown
            };
            let wide = args.output.wide;
            let mut out: Vec<String> = diffs
                .iter()
                .map(|d| match wide {
                    true => report::render_wide(d, format, lang),
                    false => report::render(d, format, lang),
                })
                .collect();
            if diffs.len() > 1 {
                out.push(match wide {
                    true => report::table_wide(&diffs, format, lang),
                    false => report::table(&diffs, format, lang),
                });
            }
            out.join("\n")
        }
    };
    let inputs: Vec<PathBuf> = scenarios
        .iter()
        .flat_map(|s| s.inputs.iter().cloned())
        .collect();
    args.output.write(
        &text,
        || Ok(placement_scenario::comparison_xlsx(&diffs, lang)?),
        &inputs,
    )
}
