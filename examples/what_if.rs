//! What-if analysis: runs the base and each scenario and prints what moved and why.
//!
//! ```text
//! cargo run --example what_if -- fixtures/scenarios/brexit-2019.toml [more.toml …]
//!     [--format text|markdown|json] [--lang en|nl] [--out FILE]
//! ```
//! One scenario gives its full comparison; several add a comparison table (countries ×
//! scenarios). `--out` writes atomically and never over an input file.

use std::path::PathBuf;

use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::Parser;
use placement_scenario::report::{self, Format};
use placement_scenario::{compare, Scenario};
use placement_text::Lang;

#[path = "common/cli.rs"]
mod cli;
use cli::LangArg;

#[derive(Parser)]
#[command(about = "Compare what-if scenarios with their base and explain what moved")]
struct Args {
    /// Scenario files (TOML or JSON).
    #[arg(required = true)]
    scenarios: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: cli::Format,
    /// Language of the report.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    /// Write the report to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

fn main() -> ExitCode {
    cli::exit(run(Args::parse()))
}

fn run(args: Args) -> anyhow::Result<()> {
    let format = match args.format {
        cli::Format::Text => Format::Text,
        cli::Format::Markdown => Format::Markdown,
        cli::Format::Json => Format::Json,
        cli::Format::Html => anyhow::bail!("--format html is not available for what_if yet"),
    };
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
    let text = if format == Format::Json {
        if diffs.len() == 1 {
            report::render(&diffs[0], format, lang)
        } else {
            report::table(&diffs, format, lang)
        }
    } else {
        let mut out: Vec<String> = diffs
            .iter()
            .map(|d| report::render(d, format, lang))
            .collect();
        if diffs.len() > 1 {
            out.push(report::table(&diffs, format, lang));
        }
        out.join("\n")
    };
    match &args.out {
        Some(path) => {
            let inputs: Vec<PathBuf> = scenarios
                .iter()
                .flat_map(|s| s.inputs.iter().cloned())
                .collect();
            cli::output::write_atomic(path, &text, &inputs)?;
        }
        None => cli::print(&text),
    }
    Ok(())
}
