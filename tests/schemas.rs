//! The JSON contracts. `docs/schemas/` is generated from the Rust serde types (schemars, each
//! crate's `schema` feature): [`committed_schemas_are_generated_from_the_types`] fails when a
//! committed schema differs from the generated one, and `UPDATE_SCHEMAS=1 cargo test --test
//! schemas` rewrites them. Every input format and every example's JSON output validates
//! against its committed schema (a JSON Schema 2020-12 validator, the `jsonschema` crate), and
//! each output schema pins its `schema_version`, so an output of another version fails.
//!
//! Inputs are the shipped fixtures (TOML read as the JSON it maps to); outputs are the built
//! example binaries' real `--format json` outputs. Every schema file is used by a case here.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failure should abort loudly

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::Value;

/// The schemas written by hand: the `mcda` request is read field by field from a JSON value
/// (placement-mcda `request`), not through a serde type a schema could be derived from.
const HAND_WRITTEN: &[&str] = &["mcda-request"];

/// `examples/common/cli.rs`'s `Versioned` (an output with its `schema_version` first), for
/// the outputs whose types do not carry it.
#[derive(serde::Serialize, JsonSchema)]
#[allow(dead_code)] // only its schema is used
struct Versioned<T> {
    schema_version: u32,
    #[serde(flatten)]
    body: T,
}

/// `mcda`'s and `weights_benchmark`'s `schema_version` (examples/common/cli.rs
/// `MCDA_SCHEMA_VERSION`, `BENCHMARK_SCHEMA_VERSION`).
const CLI_SCHEMA_VERSION: u32 = 1;

/// An output schema: `schema_version` pinned, and every object of fixed shape closed
/// (`additionalProperties: false`), so a new, renamed or missing field fails validation.
fn output_schema(schema: Schema, version: u32) -> Value {
    let mut v = schema.to_value();
    let defs = v.get("$defs").cloned().unwrap_or(Value::Null);
    inline_tagged(&mut v, &defs);
    close_objects(&mut v);
    let props = v
        .get_mut("properties")
        .and_then(Value::as_object_mut)
        .expect("an output schema is an object with properties");
    let field = props
        .get_mut("schema_version")
        .and_then(Value::as_object_mut)
        .expect("every output carries schema_version");
    field.insert("const".into(), Value::from(version));
    v
}

/// Merges a referenced struct into an object that adds properties beside its `$ref` (an
/// internally tagged enum's newtype variant: the tag beside the struct's fields), so closing
/// the object sees all of its fields.
fn inline_tagged(v: &mut Value, defs: &Value) {
    match v {
        Value::Object(o) => {
            let target = o
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/$defs/"))
                .and_then(|name| defs.get(name))
                .filter(|_| o.contains_key("properties"));
            if let Some(def) = target.cloned() {
                o.remove("$ref");
                if let (Some(Value::Object(props)), Some(Value::Object(more))) =
                    (o.get_mut("properties"), def.get("properties"))
                {
                    for (k, p) in more {
                        props.entry(k.clone()).or_insert_with(|| p.clone());
                    }
                }
                let mut required: Vec<Value> = o
                    .get("required")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                for r in def
                    .get("required")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    if !required.contains(r) {
                        required.push(r.clone());
                    }
                }
                o.insert("required".into(), Value::Array(required));
            }
            o.values_mut().for_each(|x| inline_tagged(x, defs));
        }
        Value::Array(a) => a.iter_mut().for_each(|x| inline_tagged(x, defs)),
        _ => {}
    }
}

/// Adds `additionalProperties: false` to every object schema that lists its properties and
/// says nothing about others (a struct; maps give `additionalProperties` themselves).
fn close_objects(v: &mut Value) {
    match v {
        Value::Object(o) => {
            if o.contains_key("properties") && !o.contains_key("additionalProperties") {
                o.insert("additionalProperties".into(), Value::Bool(false));
            }
            o.values_mut().for_each(close_objects);
        }
        Value::Array(a) => a.iter_mut().for_each(close_objects),
        _ => {}
    }
}

/// Every generated schema by file stem, from the types that read or write the format.
fn generated() -> Vec<(&'static str, Value)> {
    let input = SchemaSettings::draft2020_12().for_deserialize();
    let output = SchemaSettings::draft2020_12().for_serialize();
    let out = |s: &SchemaSettings| s.clone().into_generator();
    let (what_if, what_if_table) = placement_scenario::report::schemas(&output);
    let version = placement_scenario::report::SCHEMA_VERSION;
    vec![
        (
            "assessment",
            placement_core::schema::assessment_set(out(&input)).to_value(),
        ),
        (
            "rulebook",
            placement_core::schema::rulebook(out(&input)).to_value(),
        ),
        (
            "scenario",
            placement_scenario::resolve::schema(out(&input)).to_value(),
        ),
        (
            "network-fixture",
            placement_network::build::fixture_schema(out(&input)).to_value(),
        ),
        (
            "evaluation",
            output_schema(
                out(&output).into_root_schema_for::<placement_core::Evaluation>(),
                placement_core::record::SCHEMA_VERSION,
            ),
        ),
        (
            "explanation",
            output_schema(
                out(&output).into_root_schema_for::<placement_explain::Explanation>(),
                placement_explain::SCHEMA_VERSION,
            ),
        ),
        (
            "comparison",
            output_schema(
                out(&output).into_root_schema_for::<placement_explain::Comparison>(),
                placement_explain::SCHEMA_VERSION,
            ),
        ),
        ("what-if", output_schema(what_if, version)),
        ("what-if-table", output_schema(what_if_table, version)),
        (
            "network-report",
            output_schema(
                out(&output).into_root_schema_for::<placement_network::analysis::Report>(),
                placement_network::analysis::SCHEMA_VERSION,
            ),
        ),
        (
            "mcda-response",
            output_schema(
                out(&output).into_root_schema_for::<Versioned<placement_mcda::request::Response>>(),
                CLI_SCHEMA_VERSION,
            ),
        ),
        (
            "calibration",
            output_schema(
                out(&output).into_root_schema_for::<placement_calibrate::Report>(),
                placement_calibrate::SCHEMA_VERSION,
            ),
        ),
        (
            "reconcile",
            output_schema(
                out(&output).into_root_schema_for::<placement_reconcile::Reconciliation>(),
                placement_reconcile::SCHEMA_VERSION,
            ),
        ),
        (
            "benchmark",
            output_schema(
                out(&output)
                    .into_root_schema_for::<Versioned<placement_mcda::benchmark::BenchmarkReport>>(
                    ),
                CLI_SCHEMA_VERSION,
            ),
        ),
    ]
}

#[test]
fn committed_schemas_are_generated_from_the_types() {
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some_and(|v| v == "1");
    let dir = root().join("docs/schemas");
    let mut stale = Vec::new();
    let generated = generated();
    for (name, schema) in &generated {
        let path = dir.join(format!("{name}.schema.json"));
        let text = serde_json::to_string_pretty(schema).unwrap() + "\n";
        if update {
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "out of date with the Rust types: {}; regenerate with `UPDATE_SCHEMAS=1 cargo test --test schemas` and review the diff",
        stale.join(", ")
    );
    // Every committed schema is generated, or listed as written by hand.
    for f in files("docs/schemas", ".schema.json") {
        let stem = f
            .trim_start_matches("docs/schemas/")
            .trim_end_matches(".schema.json");
        assert!(
            generated.iter().any(|(n, _)| *n == stem) || HAND_WRITTEN.contains(&stem),
            "{f} is neither generated nor listed in HAND_WRITTEN"
        );
    }
}

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
    case("mcda-request", "fixtures/mcda/calibrate.json".into());
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
            "mcda-response",
            "mcda",
            vec!["fixtures/mcda/calibrate.json"],
        ),
        ("calibration", "calibrate", vec!["--format", "json"]),
        (
            "calibration",
            "calibrate",
            vec!["network", "--format", "json"],
        ),
        ("reconcile", "reconcile", vec!["--format", "json"]),
        (
            "reconcile",
            "reconcile",
            vec![
                "--format",
                "json",
                "--capacity",
                "30",
                "--regime",
                "p2-2013",
            ],
        ),
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
        // Strict: an unknown field, or a missing required one, fails.
        let mut other = v.clone();
        other["unknown_field"] = Value::from(1);
        assert!(
            !errors(name, &other).is_empty(),
            "{name} accepts an unknown field"
        );
        let mut other = v.clone();
        other.as_object_mut().unwrap().remove("schema_version");
        assert!(
            !errors(name, &other).is_empty(),
            "{name} accepts an output without schema_version"
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
