//! `mcda`: run one MCDA request (JSON, see docs/research.md) from a file or stdin.
//!
//! `cargo run --release --example mcda -- problem.json` or `... --example mcda < problem.json`.
//! Prints the JSON response on stdout; on any error prints the message on stderr and exits
//! with code 2.

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let input = match std::env::args().nth(1) {
        Some(path) => {
            std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))
        }
        None => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map(|_| s)
                .map_err(|e| format!("cannot read stdin: {e}"))
        }
    };
    let out = input.and_then(|text| {
        placement_mcda::request::handle_json(&text)
            .map_err(|e| e.to_string())
            .and_then(|resp| serde_json::to_string(&resp).map_err(|e| e.to_string()))
    });
    match out {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}
