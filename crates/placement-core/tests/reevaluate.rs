//! Two paths that must agree: re-evaluating an unchanged country gives exactly the record of
//! the full evaluation; and a record from another rulebook is refused.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use placement_core::{AssessmentSet, Engine, IssueCode, Rulebook};

#[test]
fn reevaluating_unchanged_countries_reproduces_their_records() {
    let rules = Rulebook::default_rulebook().unwrap();
    let set = AssessmentSet::default_fixture().unwrap();
    let engine = Engine::new(&rules);
    let evaluation = engine.evaluate(&set).unwrap();
    let again = engine.reevaluator(&evaluation, &set).unwrap();
    for ca in set.countries() {
        let full = evaluation.record(ca.code).unwrap();
        assert_eq!(&again.reevaluate(ca), full, "{}", ca.code);
    }
}

#[test]
fn evaluation_from_another_rulebook_is_refused() {
    let old = Rulebook::embedded("p2-2013").unwrap();
    let new = Rulebook::default_rulebook().unwrap();
    let set = AssessmentSet::default_fixture().unwrap();
    let evaluation = Engine::new(&old).evaluate(&set).unwrap();
    let err = Engine::new(&new)
        .reevaluate(&evaluation, &set, &set.countries()[0])
        .unwrap_err();
    assert_eq!(err.issues()[0].code, IssueCode::IncompatibleRulebook);
    assert!(
        matches!(
            &err.issues()[0].args,
            placement_core::error::IssueArgs::IncompatibleRulebook { made_with, given, .. }
                if made_with == "p2-2013" && given == "p4-2019"
        ),
        "{err:?}"
    );
}
