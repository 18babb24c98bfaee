//! Issue 11 item 7: every example's default text output fits 100 columns (counted in
//! characters, not bytes), in English and in Dutch; `--wide`, where an example has it, still
//! prints some line longer than that (the whole rows). The examples run as processes (built by
//! `cargo test`, found next to this test in `target/*/examples/`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::Command;

use placement_report::testing::check_width;

/// The directory holding the built examples.
fn examples_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    // target/<profile>/deps/widths-HASH -> target/<profile>/examples
    exe.parent().unwrap().parent().unwrap().join("examples")
}

/// Standard output of one example run with `args` from the repository root (it must succeed).
fn run(name: &str, args: &[&str]) -> String {
    let path = examples_dir().join(name);
    assert!(path.exists(), "{} not built", path.display());
    let o = Command::new(path)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// The widest line of `text`, in characters.
fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// Every example's default text output: (example, arguments, has `--wide`).
const RUNS: &[(&str, &[&str], bool)] = &[
    ("advise", &[], false),
    ("advise", &["--explain"], false),
    ("explain", &["GB"], false),
    ("explain", &["CO"], false),
    ("explain", &["AE"], false),
    ("compare", &["GB", "DE"], false),
    ("what_if", &["fixtures/scenarios/brexit-2019.toml"], true),
    (
        "what_if",
        &[
            "fixtures/scenarios/brexit-2019.toml",
            "fixtures/scenarios/russia-withdrawal-2022.toml",
        ],
        true,
    ),
    ("network", &[], true),
    ("reconcile", &[], true),
    ("calibrate", &[], true),
    ("weights_benchmark", &[], true),
    (
        "weights_benchmark",
        &["--smaa", "500", "--metric", "ws", "--top", "15"],
        true,
    ),
];

#[test]
fn every_default_text_output_fits_100_columns_in_english_and_dutch() {
    for (name, args, _) in RUNS {
        for lang in ["en", "nl"] {
            let mut a = args.to_vec();
            a.extend(["--lang", lang]);
            let text = run(name, &a);
            assert!(!text.trim().is_empty(), "{name} {a:?}: no output");
            check_width(&format!("{name} {a:?}"), &text);
        }
    }
}

#[test]
fn wide_keeps_whole_lines() {
    for (name, args, wide) in RUNS {
        if !wide {
            continue;
        }
        let mut a = args.to_vec();
        a.extend(["--lang", "nl", "--wide"]);
        let whole = run(name, &a);
        a.pop();
        let narrow = run(name, &a);
        // Each of these reports has rows longer than 100 columns: --wide prints them whole.
        assert!(
            widest(&whole) > 100 && widest(&whole) > widest(&narrow),
            "{name} {a:?}: {} vs {}",
            widest(&whole),
            widest(&narrow)
        );
    }
    // weights_benchmark --wide: a criterion's name after its weights, the matrix rows whole.
    let whole = run("weights_benchmark", &["--wide"]);
    assert!(widest(&whole) > 300, "{}", widest(&whole));
    assert!(
        whole
            .lines()
            .any(|l| l.starts_with("  [1] +") && l.ends_with("crime relation")),
        "{whole}"
    );
}

#[test]
fn the_mcda_contract_prints_json_not_text() {
    // `mcda` has no text output: its answer is one JSON document, exempt from the width.
    let out = run("mcda", &["fixtures/mcda/problem.json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v.get("ranking").is_some(), "{out}");
}
