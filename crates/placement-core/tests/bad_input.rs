//! Bad input: each a typed error that names the file, the field and the value. Never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use placement_core::error::{CodeProblem, IssueArgs};
use placement_core::{AssessmentSet, Error, IssueCode, Rulebook};

fn issues(text: &str) -> Vec<placement_core::Issue> {
    match AssessmentSet::parse("input.toml", text) {
        Err(Error::Invalid { origin, issues }) => {
            assert_eq!(origin, "input.toml");
            issues
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn has(issues: &[placement_core::Issue], code: IssueCode, field: &str, value: &str) -> bool {
    issues.iter().any(|i| {
        i.code == code
            && i.field.contains(field)
            && i.value.as_deref().unwrap_or("").contains(value)
    })
}

#[test]
fn unknown_country_code() {
    let text = toml(&[c("CO", &[])]).replace("code = \"CO\"", "code = \"UK\"");
    let i = issues(&text);
    assert!(has(&i, IssueCode::UnknownCountry, "country[0].code", "UK"));
    assert!(
        matches!(
            &i[0].args,
            IssueArgs::CountryCode {
                problem: CodeProblem::UseInstead { code }
            } if code.as_str() == "GB"
        ),
        "{:?}",
        i[0]
    );
}

#[test]
fn unknown_criterion() {
    let text = toml(&[c("CO", &[])]).replace("socta = 5", "socta = 5\nsocta_score = 3");
    assert!(has(
        &issues(&text),
        IssueCode::UnknownCriterion,
        "criteria.socta_score",
        "socta_score"
    ));
}

#[test]
fn missing_criterion_is_an_error_not_a_zero() {
    let text = toml(&[c("CO", &[])]).replace("obstacles = 5\n", "");
    assert!(has(
        &issues(&text),
        IssueCode::Missing,
        "country[CO].criteria.obstacles",
        ""
    ));
}

#[test]
fn value_out_of_scale_and_nan() {
    let text = toml(&[c("CO", &[("socta", 11.0)])]).replace("eu_link = 5", "eu_link = nan");
    let i = issues(&text);
    assert!(has(&i, IssueCode::OutOfRange, "criteria.socta", "11"));
    assert!(has(&i, IssueCode::NotFinite, "criteria.eu_link", "NaN"));
}

#[test]
fn duplicate_country() {
    let text = toml(&[c("CO", &[]), c("CO", &[])]);
    assert!(has(
        &issues(&text),
        IssueCode::Duplicate,
        "country[CO].code",
        "CO"
    ));
}

#[test]
fn all_problems_are_reported_at_once() {
    let text = toml(&[c("CO", &[("socta", -1.0)]), c("ZZ", &[])]).replace("obstacles = 5\n", "");
    let i = issues(&text);
    assert!(has(
        &i,
        IssueCode::OutOfRange,
        "country[CO].criteria.socta",
        "-1"
    ));
    assert!(has(
        &i,
        IssueCode::Missing,
        "country[CO].criteria.obstacles",
        ""
    ));
    assert!(has(&i, IssueCode::UnknownCountry, "country[1].code", "ZZ"));
}

#[test]
fn empty_file() {
    assert!(matches!(
        AssessmentSet::parse("input.toml", "  \n"),
        Err(Error::Empty { .. })
    ));
    assert!(matches!(
        Rulebook::parse("rules.toml", ""),
        Err(Error::Empty { .. })
    ));
}

#[test]
fn malformed_toml_and_json_name_line_and_column() {
    match AssessmentSet::parse("input.toml", "[meta]\ntitle = \"x\"\nillustrative = tru\n") {
        Err(Error::Parse {
            origin,
            line,
            format,
            ..
        }) => {
            assert_eq!((origin.as_str(), line, format), ("input.toml", 3, "TOML"));
        }
        other => panic!("{other:?}"),
    }
    match AssessmentSet::parse("input.json", "{\"meta\": {\n\"title\": }") {
        Err(Error::Parse { line, format, .. }) => assert_eq!((line, format), (2, "JSON")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        AssessmentSet::parse("input.yaml", "a: 1"),
        Err(Error::UnknownFormat { .. })
    ));
}

#[test]
fn json_input_is_accepted() {
    let json = r#"{"meta": {"title": "t", "illustrative": true, "as_of": "2025-01-01"},
      "defaults": {"source": "s", "date": "2025-01-01", "confidence": "low", "marking": "unclassified"},
      "country": [{"code": "PE", "criteria": {"crime_relation": 5, "cooperation_volume": 5,
        "political_relation": 5, "socta": 5, "eu_link": 5, "lo_position": 5, "reciprocity": 5,
        "strategic_partnership": 5, "cooperation_quality": 5, "obstacles": 5, "springboard": 5,
        "regional_importance": 5, "rule_of_law": {"missing": true, "note": "unknown"}}}]}"#;
    let set = AssessmentSet::parse("input.json", json).unwrap();
    assert_eq!(set.len(), 1);
}

#[test]
fn weights_that_sum_to_zero() {
    let text = "[rulebook]\nid = \"zero\"\nbase = \"p4-2019\"\n\n[scoring.weights]\ncrime_relation = 0\ncooperation_volume = 0\npolitical_relation = 0\nsocta = 0\neu_link = 0\nlo_position = 0\nreciprocity = 0\nstrategic_partnership = 0\n";
    match Rulebook::parse("zero.toml", text) {
        Err(Error::Invalid { origin, issues }) => {
            assert_eq!(origin, "zero.toml");
            assert!(
                issues.iter().any(|i| i.code == IssueCode::BadWeights),
                "{issues:#?}"
            );
        }
        other => panic!("{other:?}"),
    }
    let mut r = Rulebook::default_rulebook().unwrap();
    let mut w = r.weights().clone();
    w.insert(placement_core::Criterion::Socta, f64::NAN);
    assert!(r.set_weights(&w).is_err());
}

#[test]
fn rulebook_problems_are_reported_together() {
    let text = r#"
[rulebook]
id = "bad"
base = "p4-2019"

[[rule]]
id = "R-A"
stage = "adjust"
salience = 1
statement = "a"
statement_nl = "a"
citation = { seed = "001_332791ad885a1c87.txt", quote = "q" }
when = { all = [{ fired = "R-B" }, { criterion = { id = "socta_x", op = ">=", value = 1.0 } }] }
then = { scale_added_value = 0.9 }

[[rule]]
id = "R-B"
stage = "adjust"
salience = 1
statement = "b"
statement_nl = "b"
citation = { seed = "999.txt", quote = "q" }
when = { fired = "R-A" }
then = { scale_added_value = 0.9 }

[[rule]]
id = "R-C"
stage = "class"
salience = 30
statement = "c"
statement_nl = "c"
citation = { seed = "000_7a9281a99aa0d45a.txt", quote = "q" }
when = "always"
then = { class = "other" }

[[patch]]
rule = "R-NOPE"
enabled = false
"#;
    let Err(Error::Invalid { issues, .. }) = Rulebook::parse("bad.toml", text) else {
        panic!("expected Invalid");
    };
    let codes: Vec<IssueCode> = issues.iter().map(|i| i.code).collect();
    for expected in [
        IssueCode::UnknownCriterion,
        IssueCode::UnknownName,
        IssueCode::Conflict,
        IssueCode::UnknownRule,
    ] {
        assert!(
            codes.contains(&expected),
            "{expected:?} missing from {issues:#?}"
        );
    }
}

#[test]
fn dependency_cycles_are_found() {
    let rule = |id: &str, dep: &str| {
        format!(
            "[[rule]]\nid = \"{id}\"\nstage = \"adjust\"\nsalience = 1\nstatement = \"s\"\nstatement_nl = \"s\"\ncitation = {{ seed = \"001_332791ad885a1c87.txt\", quote = \"q\" }}\nwhen = {{ fired = \"{dep}\" }}\nthen = {{ scale_added_value = 0.9 }}\n\n"
        )
    };
    let text = format!(
        "[rulebook]\nid = \"cyc\"\nbase = \"p4-2019\"\n\n{}{}{}",
        rule("R-X", "R-Y"),
        rule("R-Y", "R-Z"),
        rule("R-Z", "R-X")
    );
    let Err(Error::Invalid { issues, .. }) = Rulebook::parse("cyc.toml", &text) else {
        panic!("expected Invalid");
    };
    let cycle = issues
        .iter()
        .find(|i| i.code == IssueCode::Cycle)
        .expect("cycle");
    assert_eq!(cycle.value.as_deref(), Some("R-X -> R-Y -> R-Z"));
    assert_eq!(
        cycle.args,
        IssueArgs::Cycle {
            rules: vec!["R-X".into(), "R-Y".into(), "R-Z".into()]
        }
    );
}

#[test]
fn error_messages_name_file_field_and_value() {
    let text = toml(&[c("CO", &[("socta", 12.0)])]);
    let e = AssessmentSet::parse("my-input.toml", &text).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("my-input.toml"), "{msg}");
    assert!(msg.contains("country[CO].criteria.socta"), "{msg}");
    assert!(msg.contains("12"), "{msg}");
}

#[test]
fn missing_values_are_explicit_and_their_impact_recorded() {
    let text = toml(&[c("CO", &[])]).replace(
        "socta = 5",
        "socta = { missing = true, note = \"no proxy\" }",
    );
    let set = AssessmentSet::parse("input.toml", &text).unwrap();
    let rules = Rulebook::default_rulebook().unwrap();
    let e = placement_core::Engine::new(&rules).evaluate(&set).unwrap();
    let r = &e.records[0];
    assert_eq!(r.missing.len(), 1);
    assert_eq!(r.missing[0].criterion, placement_core::Criterion::Socta);
    assert!(r.warnings.iter().any(|w| matches!(
        w,
        placement_core::record::Warning::Missing {
            criterion: placement_core::Criterion::Socta,
            ..
        }
    )));
    // The `reject` policy refuses the input instead.
    let strict = Rulebook::parse(
        "strict.toml",
        "[rulebook]\nid = \"strict\"\nbase = \"p4-2019\"\n\n[scoring]\nmissing = \"reject\"\n",
    )
    .unwrap();
    assert!(placement_core::Engine::new(&strict).evaluate(&set).is_err());
}
