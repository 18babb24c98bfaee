//! Documented decisions of the seeds that are not a single country's outcome. The documented
//! decision cases themselves (UK 2013, Australia as springboard, EU members through Europol,
//! double placements, Russia 2022, …) are data files that carry their answers:
//! `fixtures/cases/*.toml`, checked by `crates/placement-scenario/tests/fixtures.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use placement_core::{CountryCode, Rulebook};

fn code(s: &str) -> CountryCode {
    CountryCode::parse(s).unwrap()
}

/// Seed 002: source and transit countries count more than destinations (upstream disruption).
#[test]
fn source_countries_weigh_more_than_destinations() {
    let p = |role: &'static str| -> String {
        format!("\n[[country.phenomena]]\nphenomenon = \"drugs\"\nintensity = 7\nroles = [\"{role}\"]\ntrend = \"stable\"\n")
    };
    let src = p("source");
    let dst = p("destination");
    let rules = Rulebook::default_rulebook().unwrap();
    let e = eval(
        &rules,
        &[c("CO", &[]).phenomena(&src), c("US", &[]).phenomena(&dst)],
    );
    assert!(e.record(code("CO")).unwrap().need > e.record(code("US")).unwrap().need);
}

/// The embedded fixture evaluates and every country is ranked once (Australia's springboard
/// liaison on it is case `fixtures/cases/t06-australia-2025.toml`).
#[test]
fn default_fixture_evaluates_and_ranks_every_country() {
    let rules = Rulebook::default_rulebook().unwrap();
    let set = placement_core::AssessmentSet::default_fixture().unwrap();
    let e = placement_core::Engine::new(&rules).evaluate(&set).unwrap();
    assert_eq!(e.records.len(), set.len());
    assert!(e.input.illustrative);
    for (i, r) in e.records.iter().enumerate() {
        assert_eq!(r.rank, i + 1);
    }
    assert!(e
        .records
        .iter()
        .any(|r| r.hinges_on_missing || !r.missing.is_empty()));
}
