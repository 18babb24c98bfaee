//! Fixtures that carry their answers: every scenario in `fixtures/scenarios/` and every
//! documented decision case in `fixtures/cases/` states its expected outcome in `[[expect]]`
//! tables; one test per folder runs every file and checks every expectation, reporting all
//! mismatches at once with file, line and country. The format is in `docs/scenarios.md`, the
//! cases folder in `fixtures/README.md`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};

use placement_scenario::{compare, expect, ProblemCode, Scenario, ScenarioError};

fn folder(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name)
}

/// The scenario files directly in `dir` (`.toml` and `.json` with a `[scenario]` table), sorted.
fn scenario_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_file()
                && matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("toml" | "json")
                )
        })
        .collect();
    files.sort();
    files
}

/// Runs every file of a folder and checks every expectation; returns the number checked, or
/// panics listing every problem, missing expectation and mismatch of every file.
fn check_folder(name: &str, min_files: usize) -> (usize, usize) {
    let dir = folder(name);
    let files = scenario_files(&dir);
    assert!(
        files.len() >= min_files,
        "{}: only {} scenario files",
        dir.display(),
        files.len()
    );
    let mut failures = Vec::new();
    let mut checks = 0;
    for path in &files {
        let s = match Scenario::load(path) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        if s.expect.is_empty() {
            failures.push(format!(
                "{}: states no [[expect]]; every fixture carries its answers",
                path.display()
            ));
        }
        let diff = match compare(&s) {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        match expect::check(&s, &diff) {
            Ok(mismatches) => failures.extend(mismatches.iter().map(ToString::to_string)),
            Err(e) => failures.push(format!("{}: {e}", path.display())),
        }
        checks += s.expect.iter().map(|e| e.checks.len()).sum::<usize>();
    }
    assert!(
        failures.is_empty(),
        "{} failure(s) in {}:\n  - {}",
        failures.len(),
        dir.display(),
        failures.join("\n  - ")
    );
    eprintln!("{name}: {} files, {checks} expectations met", files.len());
    (files.len(), checks)
}

#[test]
fn every_scenario_meets_its_expectations() {
    let (files, checks) = check_folder("scenarios", 10);
    assert!(checks >= files);
}

#[test]
fn every_documented_case_meets_its_expectations() {
    let (files, checks) = check_folder("cases", 9);
    assert!(checks >= files);
    // A case is a documented decision: it cites the seed passage it reproduces (the quote is
    // checked verbatim by `every_cited_quote_is_verbatim_in_its_seed`).
    for path in scenario_files(&folder("cases")) {
        let s = Scenario::load(&path).unwrap();
        assert!(!s.meta.cites.is_empty(), "{} cites no seed", path.display());
    }
}

#[test]
fn a_wrong_expectation_is_reported_with_file_line_and_country() {
    let path = folder("scenarios").join("brexit-2019.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let wrong = text.replace(
        "instrument = \"permanent_liaison\"\nrule = \"R-BREXIT-1\"",
        "instrument = \"capacity_building\"\nrule = \"R-COOP-EXC\"",
    );
    assert_ne!(
        text, wrong,
        "the brexit expectation moved; update this test"
    );
    let dir = path.parent().unwrap();
    let s = Scenario::parse("brexit-wrong.toml", &wrong, dir).unwrap();
    let d = compare(&s).unwrap();
    let m = expect::check(&s, &d).unwrap();
    let shown: Vec<String> = m.iter().map(ToString::to_string).collect();
    assert_eq!(m.len(), 2, "{shown:#?}");
    let line = wrong
        .lines()
        .position(|l| l == "instrument = \"capacity_building\"")
        .unwrap()
        + 1;
    assert_eq!(
        shown[0],
        format!("brexit-wrong.toml:{line}: GB expect[0].instrument: expected capacity_building, found permanent_liaison")
    );
    assert!(
        shown[1].contains("GB expect[0].rule: ") && shown[1].contains("R-COOP-EXC"),
        "{}",
        shown[1]
    );
}

const HEAD: &str =
    "[scenario]\nname = \"t\"\ndescription = \"t\"\nauthor = \"t\"\ndate = \"2025-11-12\"\n";

#[test]
fn unknown_keys_and_ids_in_expect_are_located_problems() {
    let text = format!(
        "{HEAD}\n[[expect]]\ncountry = \"GB\"\ninstrumnet = \"none\"\n\n[[expect]]\ncountry = \"GB\"\ninstrument = \"liaison\"\nclass = [\"priority\", \"top\"]\norganisation = \"army\"\n\n[[expect]]\ncountry = \"ZZ\"\nrank = \"sideways\"\n\n[[expect]]\ncountry = \"FR\"\nrule = \"R-NOPE\"\nneed_below = 140\nunchanged = \"yes\"\ncauses = \"luck\"\n\n[[expect]]\ncountry = \"DE\"\n\n[[expect]]\ninstrument = \"none\"\n"
    );
    let p = match Scenario::parse("bad-expect.toml", &text, ".".as_ref()) {
        Err(ScenarioError::Invalid { problems }) => problems,
        other => panic!("expected problems, got {other:?}"),
    };
    let got: Vec<(ProblemCode, usize, &str)> = p
        .iter()
        .map(|p| (p.code, p.line, p.field.as_str()))
        .collect();
    for want in [
        (ProblemCode::UnknownName, 9, "expect[0].instrumnet"),
        (ProblemCode::UnknownName, 13, "expect[1].instrument"),
        (ProblemCode::UnknownName, 14, "expect[1].class"),
        (ProblemCode::UnknownName, 15, "expect[1].organisation"),
        (ProblemCode::UnknownCountry, 18, "expect[2].country"),
        (ProblemCode::UnknownName, 19, "expect[2].rank"),
        (ProblemCode::UnknownRule, 23, "expect[3].rule"),
        (ProblemCode::OutOfRange, 24, "expect[3].need_below"),
        (ProblemCode::Malformed, 25, "expect[3].unchanged"),
        (ProblemCode::UnknownName, 26, "expect[3].causes"),
        (ProblemCode::Missing, 28, "expect[4]"),
        (ProblemCode::Missing, 31, "expect[5].country"),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:#?}");
    }
    assert!(p.iter().all(|p| p.file == "bad-expect.toml"));
    let unknown = p
        .iter()
        .find(|p| p.field == "expect[1].instrument")
        .unwrap();
    assert!(
        unknown.message.contains("permanent_liaison"),
        "{}",
        unknown.message
    );
}
