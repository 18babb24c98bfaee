//! `mcda`: run one MCDA request (JSON or CSV, see docs/research.md) from a file or stdin.
//!
//! ```text
//! cargo run --release --example mcda -- fixtures/mcda/problem.json
//! cargo run --release --example mcda -- fixtures/mcda/problem.csv --method topsis
//! cargo run --release --example mcda -- fixtures/mcda/problem.csv --method vikor --format csv
//! cargo run --release --example mcda -- data.csv --types 1,-1,1 --weights 0.5,0.3,0.2 --method wsm --sensitivity
//! cargo run --release --example mcda -- data.csv --types 1,-1,1 --smaa 100000 --seed 1
//! cargo run --release --example mcda < request.json
//! ```
//!
//! A CSV has a header row of criterion names (its first cell names the label column) and
//! one row per alternative, label first; optional `types` and `weights` rows, or the
//! `--types`/`--weights` options. The options add fields to the request (JSON input too);
//! giving a field both in the file and as an option is an error. Output: the JSON response
//! on stdout (or `--format csv`: `alternative,preference,rank`); errors on stderr, exit 2.
//! SMAA-2 shows its progress on stderr when stderr is a terminal.

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use serde_json::{json, Map, Value};

#[path = "common/cli.rs"]
mod cli;
#[path = "common/progress.rs"]
mod progress;
use cli::FileOrStdin;

#[derive(Parser)]
#[command(
    about = "Run one MCDA request (JSON or CSV) and print the response",
    after_help = "The JSON contract (request and response fields, defaults, peers' conventions) \
                  is documented in docs/research.md."
)]
struct Args {
    #[command(flatten)]
    input: FileOrStdin,
    /// Read the input as CSV (default: CSV when the file name ends in .csv, else JSON).
    #[arg(long)]
    csv: bool,
    /// Method: wsm, wpm, topsis, vikor, promethee_ii, copras, moora.
    #[arg(long)]
    method: Option<String>,
    /// Criterion types, comma-separated: 1 (benefit) or -1 (cost).
    #[arg(long, value_delimiter = ',', allow_hyphen_values = true)]
    types: Vec<i64>,
    /// Criterion weights, comma-separated (used as given unless --rescale-weights).
    #[arg(long, value_delimiter = ',')]
    weights: Vec<f64>,
    /// Rescale the weights to sum 1 (default: as given, like pymcdm).
    #[arg(long)]
    rescale_weights: bool,
    /// Method parameters as a JSON object, e.g. '{"normalization": "vector"}'.
    #[arg(long)]
    params: Option<String>,
    /// Add weight stability intervals (top-1) to the response.
    #[arg(long)]
    sensitivity: bool,
    /// Run SMAA-2 with this many weight samples (at most 100,000,000).
    #[arg(long)]
    smaa: Option<u64>,
    /// Seed of SMAA-2.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Csv,
}

fn insert(obj: &mut Map<String, Value>, key: &str, v: Value) -> Result<(), String> {
    if obj.contains_key(key) {
        return Err(format!(
            "`{key}` is given both in the input and as an option; keep one"
        ));
    }
    obj.insert(key.to_string(), v);
    Ok(())
}

fn request(args: &Args, text: &str) -> Result<Value, String> {
    let is_csv = args.csv
        || args
            .input
            .file
            .as_ref()
            .is_some_and(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")));
    let mut v = if is_csv {
        placement_mcda::request::csv::parse(text)
            .map_err(|e| e.to_string())?
            .to_request()
    } else {
        serde_json::from_str(text).map_err(|e| {
            format!(
                "invalid request field `(document)`: {e} (for CSV input use a .csv file or --csv)"
            )
        })?
    };
    let Value::Object(obj) = &mut v else {
        return Ok(v);
    };
    if let Some(m) = &args.method {
        insert(obj, "method", json!(m))?;
    }
    if !args.types.is_empty() {
        insert(obj, "types", json!(args.types))?;
    }
    if !args.weights.is_empty() {
        insert(obj, "weights", json!(args.weights))?;
    }
    if args.rescale_weights {
        insert(obj, "rescale_weights", json!(true))?;
    }
    if let Some(p) = &args.params {
        let p: Value = serde_json::from_str(p).map_err(|e| format!("--params is not JSON: {e}"))?;
        insert(obj, "params", p)?;
    }
    if args.sensitivity {
        insert(obj, "sensitivity", json!({}))?;
    }
    if let Some(n) = args.smaa {
        insert(obj, "smaa", json!({"samples": n, "seed": args.seed}))?;
    }
    Ok(v)
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn to_csv(resp: &placement_mcda::request::Response) -> Result<String, String> {
    let (Some(p), Some(r)) = (&resp.preferences, &resp.ranking) else {
        return Err("--format csv needs a decision problem (a `method`)".into());
    };
    let mut out = String::from("alternative,preference,rank\n");
    for (i, (p, r)) in p.iter().zip(r).enumerate() {
        let label = resp
            .alternatives
            .as_ref()
            .and_then(|a| a.get(i).cloned())
            .unwrap_or_else(|| (i + 1).to_string());
        out.push_str(&format!("{},{p},{r}\n", csv_field(&label)));
    }
    Ok(out)
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::exit((|| -> anyhow::Result<()> {
        let text = args.input.read()?;
        let req = request(&args, &text).map_err(anyhow::Error::msg)?;
        let mut bar = progress::Progress::new("SMAA-2");
        let resp = placement_mcda::request::handle_value(&req, &mut |d, t| bar.update(d, t))?;
        let out = match args.format {
            Format::Json => {
                serde_json::to_string(&cli::Versioned {
                    schema_version: cli::MCDA_SCHEMA_VERSION,
                    body: &resp,
                })? + "\n"
            }
            Format::Csv => to_csv(&resp).map_err(anyhow::Error::msg)?,
        };
        cli::print(&out);
        Ok(())
    })())
}
