//! `advise`: the main job. Evaluates an assessment set under a rulebook and prints the ranked
//! table — country, class, instrument, organisation, score and the strongest reasons.
//!
//! ```text
//! cargo run --release --example advise                      # embedded default fixture
//! cargo run --release --example advise -- --input my.toml --rules my-rules.toml
//! cargo run --release --example advise -- --regime p2-2013  # an embedded historical rulebook
//! cargo run --release --example advise -- --format json     # the decision records
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use placement_core::{AssessmentSet, Engine, Rulebook};
use placement_explain::reasons::{top_reasons, Lang};

#[derive(Parser)]
#[command(about = "Rank candidate countries for police liaison placement, with reasons")]
struct Args {
    /// Assessment set (.toml or .json); default: the embedded illustrative 2025 fixture.
    #[arg(long)]
    input: Option<PathBuf>,
    /// Rulebook file (.toml or .json); default: the embedded current rulebook.
    #[arg(long, conflicts_with = "regime")]
    rules: Option<PathBuf>,
    /// An embedded rulebook by id: p4-2019 (default), p2-2013, p1-2015.
    #[arg(long)]
    regime: Option<String>,
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
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Nl,
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> Result<(), placement_core::Error> {
    let input = AssessmentSet::load_or_default(args.input.as_deref())?;
    let rules = Rulebook::load_or_embedded(args.rules.as_deref(), args.regime.as_deref())?;
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
    match args.format {
        Format::Json => println!("{}", evaluation.to_json()),
        Format::Text => {
            let lang = match args.lang {
                LangArg::En => Lang::En,
                LangArg::Nl => Lang::Nl,
            };
            if evaluation.input.illustrative {
                println!(
                    "{}",
                    match lang {
                        Lang::En => "ILLUSTRATIVE INPUT — not an official assessment.",
                        Lang::Nl => "ILLUSTRATIEVE INVOER — geen officiële beoordeling.",
                    }
                );
            }
            println!(
                "{} | rulebook {} ({}) | as of {} | marking {:?}",
                evaluation.input.title,
                evaluation.rulebook.id,
                evaluation.rulebook.title,
                evaluation.input.as_of,
                evaluation.marking
            );
            println!(
                "input sha256 {} | rulebook sha256 {}",
                evaluation.input.hash, evaluation.rulebook.hash
            );
            println!();
            println!(
                "{:>4}  {:<4} {:<24} {:<13} {:<18} {:<13} {:>6} {:>6} {:>6}",
                "rank",
                "code",
                "country",
                "class",
                "instrument",
                "organisation",
                "score",
                "need",
                "added"
            );
            let n = args.top.unwrap_or(usize::MAX);
            for r in evaluation.records.iter().take(n) {
                let flag = if r.hinges_on_missing { " *" } else { "" };
                println!(
                    "{:>4}  {:<4} {:<24} {:<13} {:<18} {:<13} {:>6.1} {:>6.1} {:>6.1}{flag}",
                    r.rank,
                    r.country.as_str(),
                    truncate(
                        match lang {
                            Lang::En => &r.name_en,
                            Lang::Nl => &r.name_nl,
                        },
                        24
                    ),
                    r.class.id(),
                    r.instrument.id(),
                    r.organisation.map_or("-", |o| o.id()),
                    r.score,
                    r.need,
                    r.added_value
                );
                for reason in top_reasons(r, &rules, 3, lang) {
                    println!("{:>10}- {reason}", "");
                }
                if let Some(x) = &explainer {
                    match x.explain(r.country) {
                        Ok(e) => println!(
                            "{:>10}{}",
                            "",
                            placement_explain::render::paragraph(&e, lang)
                        ),
                        Err(e) => println!("{:>10}({e})", ""),
                    }
                }
            }
            if evaluation.records.iter().any(|r| r.hinges_on_missing) {
                println!();
                println!(
                    "{}",
                    match lang {
                        Lang::En => "* the recommendation could change with a missing input (see --format json, field `missing`).",
                        Lang::Nl => "* het advies kan veranderen door een ontbrekende invoer (zie --format json, veld `missing`).",
                    }
                );
            }
        }
    }
    Ok(())
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
