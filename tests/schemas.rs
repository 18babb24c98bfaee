//! The JSON contracts: every input format and every example's JSON output validates against
//! its committed schema in `docs/schemas/` (a JSON Schema 2020-12 validator, the `jsonschema`
//! crate), and each schema pins its `schema_version`, so an output of another version fails.
//!
//! Inputs are the shipped fixtures (TOML read as the JSON it maps to); outputs are the built
//! example binaries' real `--format json` outputs. Every schema file is used by a case here.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failure should abort loudly

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn schema(name: &str) -> Value {
    let p = root()
        .join("docs/schemas")
        .join(format!("{name}.schema.json"));
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap()
}

/// The errors of `instance` against the schema `name`, one line each.
fn errors(name: &str, instance: &Value) -> Vec<String> {
    let s = schema(name);
    let v = jsonschema::validator_for(&s).unwrap_or_else(|e| panic!("{name}: bad schema: {e}"));
    v.iter_errors(instance)
        .take(10)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

fn check(name: &str, what: &str, instance: &Value) {
    let e = errors(name, instance);
    assert!(
        e.is_empty(),
        "{what} does not match {name}.schema.json:\n{}",
        e.join("\n")
    );
}

/// A TOML or JSON fixture as a JSON value.
fn fixture(rel: &str) -> Value {
    let text = std::fs::read_to_string(root().join(rel)).unwrap();
    if rel.ends_with(".toml") {
        let v: toml::Value = toml::from_str(&text).unwrap();
        serde_json::to_value(v).unwrap()
    } else {
        serde_json::from_str(&text).unwrap()
    }
}

fn files(dir: &str, ext: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(ext))
        .map(|n| format!("{dir}/{n}"))
        .collect();
    out.sort();
    out
}

/// The JSON an example prints.
fn output(example: &str, args: &[&str]) -> Value {
    let exe = std::env::current_exe().unwrap();
    let bin = exe
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("examples")
        .join(example);
    let o = Command::new(bin)
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{example} {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn every_input_fixture_matches_its_schema() {
    let mut used = BTreeSet::new();
    let mut case = |name: &'static str, rel: String| {
        used.insert(name);
        check(name, &rel, &fixture(&rel));
    };
    case("assessment", "fixtures/assessment-2025.toml".into());
    for f in files("fixtures/cases/sets", ".toml") {
        case("assessment", f);
    }
    for f in files("crates/placement-core/rulebooks", ".toml") {
        case("rulebook", f);
    }
    for f in files("fixtures/scenarios", ".toml") {
        case("scenario", f);
    }
    case("network-fixture", "fixtures/network-2025.json".into());
    case("mcda-request", "fixtures/mcda/problem.json".into());
    assert_eq!(used.len(), 5);
}

#[test]
fn every_json_output_matches_its_schema() {
    let cases: Vec<(&str, &str, Vec<&str>)> = vec![
        ("evaluation", "advise", vec!["--format", "json"]),
        (
            "evaluation",
            "advise",
            vec!["--format", "json", "--regime", "p2-2013"],
        ),
        ("explanation", "explain", vec!["CO", "--format", "json"]),
        (
            "explanation",
            "explain",
            vec!["GB", "--format", "json", "--regime", "p2-2013"],
        ),
        (
            "comparison",
            "compare",
            vec!["GB", "DE", "--format", "json"],
        ),
        (
            "what-if",
            "what_if",
            vec!["fixtures/scenarios/brexit-2019.toml", "--format", "json"],
        ),
        (
            "what-if-table",
            "what_if",
            vec![
                "fixtures/scenarios/brexit-2019.toml",
                "fixtures/scenarios/russia-withdrawal-2022.toml",
                "--format",
                "json",
            ],
        ),
        (
            "network-report",
            "network",
            vec!["--no-resolve", "--format", "json"],
        ),
        (
            "network-report",
            "network",
            vec![
                "--format",
                "json",
                "--capacity",
                "20",
                "--budget",
                "6000000",
            ],
        ),
        ("mcda-response", "mcda", vec!["fixtures/mcda/problem.json"]),
        (
            "benchmark",
            "weights_benchmark",
            vec![
                "--format",
                "json",
                "--methods",
                "wsm,topsis,placement",
                "--smaa",
                "200",
            ],
        ),
    ];
    let mut used = BTreeSet::new();
    for (name, example, args) in &cases {
        used.insert(*name);
        let v = output(example, args);
        check(name, &format!("{example} {args:?}"), &v);
        // Every output carries its schema_version, and the schema pins it.
        let version = v.get("schema_version").cloned();
        assert!(
            version.as_ref().is_some_and(Value::is_u64),
            "{example}: no schema_version"
        );
        let mut other = v.clone();
        other["schema_version"] = Value::from(99);
        assert!(
            !errors(name, &other).is_empty(),
            "{name} accepts schema_version 99"
        );
    }
    // Every schema file is used by one of the two tests.
    let all: BTreeSet<String> = files("docs/schemas", ".schema.json")
        .into_iter()
        .map(|f| {
            f.trim_start_matches("docs/schemas/")
                .trim_end_matches(".schema.json")
                .to_string()
        })
        .collect();
    let inputs = [
        "assessment",
        "rulebook",
        "scenario",
        "network-fixture",
        "mcda-request",
    ];
    for s in &all {
        assert!(
            used.contains(s.as_str()) || inputs.contains(&s.as_str()),
            "docs/schemas/{s}.schema.json is tested by no case"
        );
    }
}

#[test]
fn unknown_record_versions_are_refused() {
    let v = output("advise", &["--format", "json"]);
    let mut other = v.clone();
    other["schema_version"] = Value::from(99);
    let e = placement_explain::parse_evaluation("rec.json", &other.to_string()).unwrap_err();
    let text = e.to_string();
    assert!(
        text.contains("schema_version 99") && text.contains("rec.json"),
        "{text}"
    );
    assert!(placement_explain::parse_evaluation("rec.json", &v.to_string()).is_ok());
}
