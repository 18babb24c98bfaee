//! In-process mutation fuzzing of every parser, on the stable toolchain: inputs seeded from
//! `fixtures/` (and the committed corpus `fuzz/corpus/<parser>/`, every input that once
//! failed), mutated byte- and token-wise, each parsed under `catch_unwind`. A panic, or an
//! input taking longer than [`SLOW`], fails the test and is saved to `fuzz/crashes/<parser>/`
//! (commit it to the corpus once fixed).
//!
//! - CI (`cargo test`): [`SMOKE_SECONDS`] per parser (set `FUZZ_SECONDS` to change).
//! - Long runs: `FUZZ_SECONDS=3600 cargo test --release --test fuzz -- --nocapture` (see
//!   docs/fuzzing.md); each parser prints how many inputs it tried, and its progress every
//!   minute. `FUZZ_INPUTS=N` stops each parser after N inputs (also within `FUZZ_SECONDS` when
//!   both are set; without `FUZZ_SECONDS` it runs until N).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failure should abort loudly

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use placement_core::{AssessmentSet, Rulebook};
use placement_scenario::Scenario;

/// Seconds per parser in a normal `cargo test` run.
const SMOKE_SECONDS: f64 = 3.0;
/// One input slower than this counts as a hang.
const SLOW: Duration = Duration::from_secs(5);

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The inputs each parser tries at most (`FUZZ_INPUTS`), if set.
fn input_limit() -> Option<u64> {
    let v = std::env::var("FUZZ_INPUTS").ok()?;
    Some(
        v.replace('_', "")
            .parse()
            .unwrap_or_else(|_| panic!("FUZZ_INPUTS must be a whole number, got {v:?}")),
    )
}

/// The time each parser runs at most: `FUZZ_SECONDS`, else none when `FUZZ_INPUTS` is set,
/// else [`SMOKE_SECONDS`].
fn budget() -> Option<Duration> {
    let s = match std::env::var("FUZZ_SECONDS") {
        Ok(v) => v
            .parse::<f64>()
            .unwrap_or_else(|_| panic!("FUZZ_SECONDS must be a number, got {v:?}")),
        Err(_) if input_limit().is_some() => return None,
        Err(_) => SMOKE_SECONDS,
    };
    Some(Duration::from_secs_f64(s.max(0.0)))
}

/// A small deterministic generator (xorshift64*): runs are reproducible from their seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Tokens that mean something to TOML, JSON, CSV or the formats' fields.
const TOKENS: &[&str] = &[
    "=",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "\"",
    "'",
    ",",
    ";",
    "\n",
    ":",
    ".",
    "-1",
    "0",
    "1e308",
    "-1e308",
    "1e-320",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "18446744073709551616",
    "true",
    "null",
    "\"\"",
    "\u{202e}",
    "\u{1b}[31m",
    "é",
    "\0",
    "#",
    "\"\"\"",
    "base = ",
    "file = ",
];

/// One mutation of `input` (sometimes several stacked).
fn mutate(rng: &mut Rng, input: &[u8], seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(8) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 => v.insert(at, rng.next() as u8),
            2 if !v.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(v.len());
                v.drain(at.min(end)..end);
            }
            3 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                v.splice(at..at, t.iter().copied());
            }
            4 if !v.is_empty() => {
                // Duplicate a slice (repetition finds quadratic paths and duplicate keys).
                let start = rng.below(v.len());
                let end = (start + 1 + rng.below(64)).min(v.len());
                let piece = v[start..end].to_vec();
                v.splice(at..at, piece);
            }
            5 if !seeds.is_empty() => {
                // Splice in a piece of another seed.
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + 1 + rng.below(128)).min(other.len());
                    v.splice(at..at, other[start..end].iter().copied());
                }
            }
            6 => {
                // Replace a number-looking run with an extreme number.
                if let Some(i) = (at..v.len()).find(|&i| v[i].is_ascii_digit()) {
                    let end = (i..v.len())
                        .find(|&j| !v[j].is_ascii_digit() && v[j] != b'.')
                        .unwrap_or(v.len());
                    let t = ["1e308", "-0", "99999999999999999999", "-1", "1e-400"][rng.below(5)];
                    v.splice(i..end, t.bytes());
                }
            }
            _ if !v.is_empty() => {
                // Truncate.
                v.truncate(at);
            }
            _ => v.push(b'\n'),
        }
    }
    v
}

/// The files of `dir` whose names end with one of `exts`, sorted.
fn files(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    let n = p.to_string_lossy();
                    exts.iter().any(|e| n.ends_with(e))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Seeds: the given files plus the committed corpus of this parser.
fn seeds(name: &str, paths: &[PathBuf]) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    for p in files(&root().join("fuzz/corpus").join(name), &[""]) {
        out.push(std::fs::read(p).unwrap());
    }
    assert!(!out.is_empty(), "no seeds for {name}");
    out
}

/// Runs `parse` on mutations of `seeds` for the time budget; fails on a panic or a hang.
fn fuzz(name: &str, seed: u64, seeds: &[Vec<u8>], parse: &dyn Fn(&[u8])) {
    fuzz_with(name, seed, seeds, seeds, parse);
}

/// As [`fuzz`], but `once` are tried as they are and only `pool` is mutated (a large seed
/// parsed once, small ones mutated: most of a mutation's effect is near the change, and a
/// small seed is parsed many times faster).
fn fuzz_with(name: &str, seed: u64, once: &[Vec<u8>], pool: &[Vec<u8>], parse: &dyn Fn(&[u8])) {
    let seeds = pool;
    let started = Instant::now();
    let deadline = budget().map(|b| started + b);
    let limit = input_limit().unwrap_or(u64::MAX);
    let mut rng = Rng(seed | 1);
    let mut tried = 0u64;
    let mut next_report = started + Duration::from_secs(60);
    // The seeds themselves first.
    let mut queue: Vec<Vec<u8>> = once.to_vec();
    queue.extend(pool.iter().cloned());
    while !queue.is_empty() || (tried < limit && deadline.is_none_or(|d| Instant::now() < d)) {
        if tried.is_multiple_of(1024) && Instant::now() >= next_report {
            next_report += Duration::from_secs(60);
            let s = started.elapsed().as_secs_f64();
            println!(
                "{name}: {tried} inputs so far in {s:.0} s ({:.0}/s)",
                tried as f64 / s
            );
        }
        let input = queue.pop().unwrap_or_else(|| {
            let base = &seeds[rng.below(seeds.len())];
            mutate(&mut rng, base, seeds)
        });
        let start = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| parse(&input)));
        let took = start.elapsed();
        tried += 1;
        if result.is_err() || took > SLOW {
            let dir = root().join("fuzz/crashes").join(name);
            std::fs::create_dir_all(&dir).unwrap();
            let file = dir.join(format!("{seed}-{tried}"));
            std::fs::write(&file, &input).unwrap();
            panic!(
                "{name}: {} on input {tried} (saved to {}; took {took:?})",
                if result.is_err() { "panic" } else { "hang" },
                file.display()
            );
        }
    }
    let s = started.elapsed().as_secs_f64();
    println!(
        "{name}: {tried} inputs in {s:.1} s ({:.0}/s), no panic, none slower than {SLOW:?}",
        tried as f64 / s
    );
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// JSON versions of TOML seeds (the JSON readers get the same content).
fn as_json(seeds: &[Vec<u8>]) -> Vec<Vec<u8>> {
    seeds
        .iter()
        .filter_map(|s| {
            let v: toml::Value = toml::from_str(&text(s)).ok()?;
            serde_json::to_vec_pretty(&v).ok()
        })
        .collect()
}

/// The first `n` countries of an assessment set (its `[meta]` and `[defaults]` included).
fn first_countries(set: &[u8], n: usize) -> Vec<u8> {
    let t = text(set);
    let end = t
        .match_indices("\n[[country]]")
        .nth(n)
        .map_or(t.len(), |(i, _)| i + 1);
    t.as_bytes()[..end].to_vec()
}

#[test]
fn fuzz_assessment() {
    // The 2025 fixture (100 KB) is parsed as it is; its first countries are mutated with the
    // case sets (a 6-country seed parses about 20 times faster).
    let fixture = std::fs::read(root().join("fixtures/assessment-2025.toml")).unwrap();
    let mut toml = seeds(
        "assessment",
        &files(&root().join("fixtures/cases/sets"), &[".toml"]),
    );
    toml.push(first_countries(&fixture, 6));
    let json = as_json(&toml);
    let once_json = as_json(std::slice::from_ref(&fixture));
    fuzz_with("assessment-toml", 11, &[fixture], &toml, &|b| {
        let _ = AssessmentSet::parse("fuzz.toml", &text(b));
    });
    fuzz_with("assessment-json", 12, &once_json, &json, &|b| {
        let _ = AssessmentSet::parse("fuzz.json", &text(b));
    });
}

#[test]
fn fuzz_rulebook() {
    let paths = files(&root().join("crates/placement-core/rulebooks"), &[".toml"]);
    let toml = seeds("rulebook", &paths);
    let json = as_json(&toml);
    fuzz("rulebook-toml", 21, &toml, &|b| {
        let _ = Rulebook::parse("fuzz.toml", &text(b));
    });
    fuzz("rulebook-json", 22, &json, &|b| {
        let _ = Rulebook::parse("fuzz.json", &text(b));
    });
}

#[test]
fn fuzz_mcda_request() {
    let mut s = seeds("mcda", &[root().join("fixtures/mcda/problem.json")]);
    for extra in [
        r#"{"matrix": [[1, 2], [3, 4], [5, 1]], "types": [1, -1], "weights": {"scheme": "entropy"}, "method": "vikor", "params": {"v": 0.5}}"#,
        r#"{"matrix": [[1, 2], [3, 4]], "types": [1, 1], "weights": [0.5, 0.5], "method": "promethee_ii", "params": {"preference_function": "linear", "q": [0.1, 0.1], "p": [1, 1]}}"#,
        r#"{"compare": {"x": [1, 2, 3], "y": [3, 2, 1], "metric": "kendall"}}"#,
        r#"{"matrix": [[1, 2, 3], [2, 1, 3], [3, 1, 2]], "weights": {"scheme": "ahp", "matrix": [[1, 3, 5], [0.333, 1, 2], [0.2, 0.5, 1]]}}"#,
    ] {
        s.push(extra.as_bytes().to_vec());
    }
    fuzz("mcda-request", 31, &s, &|b| {
        let _ = placement_mcda::request::handle_json(&text(b));
    });
}

#[test]
fn fuzz_mcda_csv() {
    let s = seeds("mcda-csv", &[root().join("fixtures/mcda/problem.csv")]);
    fuzz("mcda-csv", 32, &s, &|b| {
        if let Ok(p) = placement_mcda::request::csv::parse(&text(b)) {
            let _ = placement_mcda::request::handle_value(&p.to_request(), &mut |_, _| {});
        }
    });
}

#[test]
fn fuzz_network_fixture() {
    // The network fixture is read against an evaluation (computed once).
    let rules = Rulebook::embedded("p4-2019").unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let evaluation = placement_core::Engine::new(&rules)
        .evaluate(&input)
        .unwrap();
    let model = placement_network::ValueModel::default();
    let s = seeds("network", &[root().join("fixtures/network-2025.json")]);
    fuzz("network-fixture", 51, &s, &|b| {
        let _ = placement_network::build_instance(&evaluation, "fuzz.json", &text(b), &model);
    });
}

#[test]
fn fuzz_scenario() {
    let dir = root().join("fixtures/scenarios");
    let paths = files(&dir, &[".toml"]);
    let toml = seeds("scenario", &paths);
    let json = as_json(&toml);
    // Parsed relative to the fixtures folder, so `base` and `[[table]]` paths resolve.
    fuzz("scenario-toml", 41, &toml, &|b| {
        let _ = Scenario::parse("fuzz.toml", &text(b), &dir);
    });
    fuzz("scenario-json", 42, &json, &|b| {
        let _ = Scenario::parse("fuzz.json", &text(b), &dir);
    });
    // CSV tables: a scenario naming a table file that is rewritten with each mutation.
    let scratch = std::env::temp_dir().join(format!("placement-fuzz-csv-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let scenario = r#"[scenario]
name = "fuzz-csv"
description = "fuzzing the CSV table reader"
author = "tests/fuzz.rs"
date = "2025-01-01"

[[table]]
file = "table.csv"
source = "fuzz"
"#;
    let csv = seeds("scenario-csv", &files(&dir, &[".csv"]));
    let table = scratch.join("table.csv");
    fuzz("scenario-csv", 43, &csv, &|b| {
        std::fs::write(&table, b).unwrap();
        let _ = Scenario::parse("fuzz.toml", scenario, &scratch);
    });
    std::fs::remove_dir_all(&scratch).unwrap();
}
