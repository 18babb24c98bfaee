//! `mcda`: run one MCDA request (JSON, see docs/research.md) from a file or stdin.
//!
//! `cargo run --release --example mcda -- problem.json` or `... --example mcda < problem.json`.
//! Prints the JSON response on stdout; on any error prints the message on stderr and exits
//! with code 2.

use std::process::ExitCode;

use clap::Parser;

#[path = "common/cli.rs"]
mod cli;
use cli::FileOrStdin;

#[derive(Parser)]
#[command(about = "Run one MCDA request (JSON) and print the JSON response")]
struct Args {
    #[command(flatten)]
    input: FileOrStdin,
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::exit((|| -> anyhow::Result<()> {
        let text = args.input.read()?;
        let resp = placement_mcda::request::handle_json(&text)?;
        cli::print(&(serde_json::to_string(&resp)? + "\n"));
        Ok(())
    })())
}
