//! Types that keep their invariants: every checked mutator of `AssessmentSet` and `Rulebook`
//! rejects bad input with the typed error expected (and changes nothing), and accepts good input;
//! `CountryCode` parses with `FromStr` and a typed error.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::evidence;
use placement_core::assessment::{FactChange, SpringboardLink};
use placement_core::error::{CodeProblem, IssueArgs};
use placement_core::rulebook::Condition;
use placement_core::{
    AssessmentSet, CountryCode, Criterion, Error, IssueCode, Phenomenon, Rulebook,
};

fn code(s: &str) -> CountryCode {
    s.parse().unwrap()
}

fn fixture() -> AssessmentSet {
    AssessmentSet::default_fixture().unwrap()
}

/// The issue of an `Error::Invalid` with this code and field: its typed arguments (the words
/// are placement-text's, tested there).
fn only_issue(
    result: Result<impl std::fmt::Debug, Error>,
    code: IssueCode,
    field: &str,
) -> IssueArgs {
    match result {
        Err(Error::Invalid { issues, .. }) => {
            let found = issues.iter().find(|i| i.code == code && i.field == field);
            let Some(issue) = found else {
                panic!("expected {code:?} at {field}, got {issues:?}");
            };
            assert_eq!(issue.args.code(), issue.code);
            issue.args.clone()
        }
        other => panic!("expected Invalid with {code:?} at {field}, got {other:?}"),
    }
}

// ------------------------------------------------------------------------------- CountryCode

#[test]
fn country_code_from_str_accepts_known_codes() {
    let ge: CountryCode = "GE".parse().unwrap();
    assert_eq!(ge.as_str(), "GE");
    assert_eq!(" gb ".parse::<CountryCode>().unwrap().as_str(), "GB");
}

#[test]
fn country_code_from_str_rejects_with_a_typed_error() {
    match "ZZ".parse::<CountryCode>() {
        Err(Error::BadCountryCode { text, problem }) => {
            assert_eq!(text, "ZZ");
            assert_eq!(problem, CodeProblem::Unassigned);
        }
        other => panic!("expected BadCountryCode, got {other:?}"),
    }
    match "UK".parse::<CountryCode>() {
        Err(Error::BadCountryCode { text, problem }) => {
            assert_eq!(text, "UK");
            assert_eq!(problem, CodeProblem::UseInstead { code: code("GB") });
        }
        other => panic!("expected BadCountryCode, got {other:?}"),
    }
    assert!(matches!(
        "Georgia".parse::<CountryCode>(),
        Err(Error::BadCountryCode {
            problem: CodeProblem::NotTwoLetters,
            ..
        })
    ));
}

// ------------------------------------------------------------------------ AssessmentSet reads

#[test]
fn accessors_agree() {
    let set = fixture();
    assert_eq!(set.len(), set.countries().len());
    assert!(!set.is_empty());
    assert_eq!(set.iter().count(), set.len());
    assert_eq!((&set).into_iter().count(), set.len());
    let codes: Vec<CountryCode> = set.codes().collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted, "sorted by code, no duplicates");
    assert!(set.contains(code("CO")));
    assert_eq!(set.get(code("CO")).unwrap().code, code("CO"));
    assert!(set.get(code("GS")).is_none());
    assert!(set.meta().illustrative);
}

// --------------------------------------------------------------------------------- set_value

#[test]
fn set_value_rejects_unknown_country() {
    let mut set = fixture();
    let before = set.clone();
    let ev = evidence(&set);
    let msg = only_issue(
        set.set_value(code("GS"), Criterion::Obstacles, 5.0, ev, None),
        IssueCode::UnknownCountry,
        "country",
    );
    assert!(
        matches!(&msg, IssueArgs::NotInSet { known } if known.contains(&code("CO"))),
        "lists the set's countries: {msg:?}"
    );
    assert_eq!(set, before);
}

#[test]
fn set_value_rejects_nan_and_out_of_range() {
    let mut set = fixture();
    let before = set.clone();
    let ev = evidence(&set);
    let field = "country[CO].criteria.obstacles.value";
    only_issue(
        set.set_value(code("CO"), Criterion::Obstacles, f64::NAN, ev.clone(), None),
        IssueCode::NotFinite,
        field,
    );
    only_issue(
        set.set_value(code("CO"), Criterion::Obstacles, 10.5, ev.clone(), None),
        IssueCode::OutOfRange,
        field,
    );
    only_issue(
        set.set_value(code("CO"), Criterion::Obstacles, -0.1, ev.clone(), None),
        IssueCode::OutOfRange,
        field,
    );
    only_issue(
        set.set_value(code("CO"), Criterion::Obstacles, f64::INFINITY, ev, None),
        IssueCode::NotFinite,
        field,
    );
    assert_eq!(set, before, "nothing changes on error");
}

#[test]
fn set_value_rejects_eu_only_criterion_for_a_non_member() {
    let mut set = fixture();
    let ev = evidence(&set);
    assert!(!set.get(code("CO")).unwrap().facts.eu_member);
    let msg = only_issue(
        set.set_value(code("CO"), Criterion::EuropolChannel, 5.0, ev, None),
        IssueCode::Contradiction,
        "country[CO].criteria.europol_channel",
    );
    assert_eq!(msg, IssueArgs::EuOnly);
}

#[test]
fn set_value_accepts_good_input() {
    let mut set = fixture();
    let mut ev = evidence(&set);
    ev.source = "invariants test".into();
    set.set_value(
        code("CO"),
        Criterion::Obstacles,
        7.25,
        ev.clone(),
        Some("why".to_string()),
    )
    .unwrap();
    let a = &set.get(code("CO")).unwrap().criteria[&Criterion::Obstacles];
    assert_eq!(a.value, Some(7.25));
    assert_eq!(a.evidence, ev);
    assert_eq!(a.note.as_deref(), Some("why"));
    // Scale ends are on the scale.
    set.set_value(code("CO"), Criterion::Obstacles, 0.0, ev.clone(), None)
        .unwrap();
    set.set_value(code("CO"), Criterion::Obstacles, 10.0, ev, None)
        .unwrap();
}

#[test]
fn scratch_set_value_keeps_values_on_the_scale() {
    let set = fixture();
    let ev = evidence(&set);
    let mut ca = set.get(code("CO")).unwrap().clone();
    ca.set_value(Criterion::Obstacles, 12.0, &ev);
    assert_eq!(ca.criteria[&Criterion::Obstacles].value, Some(10.0));
    ca.set_value(Criterion::Obstacles, f64::NAN, &ev);
    assert_eq!(ca.criteria[&Criterion::Obstacles].value, Some(10.0));
}

// ---------------------------------------------------------------------------------- set_fact

fn link(to: &str, access: f64) -> SpringboardLink {
    SpringboardLink {
        to: code(to),
        access,
        note: None,
    }
}

#[test]
fn set_fact_rejects_unknown_country() {
    let mut set = fixture();
    only_issue(
        set.set_fact(code("GS"), &FactChange::Schengen(true)),
        IssueCode::UnknownCountry,
        "country",
    );
}

#[test]
fn set_fact_rejects_bad_links_and_hosts() {
    let mut set = fixture();
    let before = set.clone();
    only_issue(
        set.set_fact(code("CO"), &FactChange::Springboard(vec![link("GS", 0.5)])),
        IssueCode::UnknownCountry,
        "country[CO].springboard.to",
    );
    only_issue(
        set.set_fact(code("CO"), &FactChange::Springboard(vec![link("CO", 0.5)])),
        IssueCode::Contradiction,
        "country[CO].springboard[0].to",
    );
    only_issue(
        set.set_fact(code("CO"), &FactChange::Springboard(vec![link("PE", 1.5)])),
        IssueCode::OutOfRange,
        "country[CO].springboard[0].access",
    );
    only_issue(
        set.set_fact(
            code("CO"),
            &FactChange::Springboard(vec![link("PE", f64::NAN)]),
        ),
        IssueCode::NotFinite,
        "country[CO].springboard[0].access",
    );
    only_issue(
        set.set_fact(
            code("CO"),
            &FactChange::Springboard(vec![link("PE", 0.2), link("PE", 0.3)]),
        ),
        IssueCode::Duplicate,
        "country[CO].springboard[1].to",
    );
    only_issue(
        set.set_fact(
            code("CO"),
            &FactChange::AccreditationHosts(vec![code("CO")]),
        ),
        IssueCode::Contradiction,
        "country[CO].accreditation_hosts",
    );
    assert_eq!(set, before, "nothing changes on error");
}

#[test]
fn set_fact_accepts_good_input() {
    let mut set = fixture();
    assert!(set.contains(code("PE")), "fixture assesses PE");
    set.set_fact(code("CO"), &FactChange::Springboard(vec![link("PE", 0.3)]))
        .unwrap();
    let co = set.get(code("CO")).unwrap();
    assert_eq!(co.springboard, vec![link("PE", 0.3)]);
    assert!(
        !co.criteria.contains_key(&Criterion::Springboard),
        "derived now"
    );
    set.set_fact(code("CO"), &FactChange::Schengen(true))
        .unwrap();
    let co = set.get(code("CO")).unwrap();
    assert!(co.facts.schengen);
    assert!(co.overridden_facts.iter().any(|f| f == "schengen"));
    // Becoming an EU member records the EU-only criterion as missing, not as a zero.
    set.set_fact(code("CO"), &FactChange::EuMember(true))
        .unwrap();
    let co = set.get(code("CO")).unwrap();
    assert_eq!(co.criteria[&Criterion::EuropolChannel].value, None);
}

// ------------------------------------------------------------------ add / replace / remove

/// A copy of CO's assessment under another code.
fn clone_as(set: &AssessmentSet, to: &str) -> placement_core::CountryAssessment {
    let mut ca = set.get(code("CO")).unwrap().clone();
    ca.code = code(to);
    ca.facts = code(to).facts().clone();
    ca.overridden_facts.clear();
    ca
}

#[test]
fn add_country_rejects_duplicate() {
    let mut set = fixture();
    let co = set.get(code("CO")).unwrap().clone();
    let msg = only_issue(
        set.add_country(co),
        IssueCode::Duplicate,
        "country[CO].code",
    );
    assert_eq!(msg, IssueArgs::AlreadyInSet);
}

#[test]
fn add_country_rejects_invalid_assessments() {
    let mut set = fixture();
    let before = set.clone();

    let mut nan = clone_as(&set, "GS");
    nan.criteria.get_mut(&Criterion::Obstacles).unwrap().value = Some(f64::NAN);
    only_issue(
        set.add_country(nan),
        IssueCode::NotFinite,
        "country[GS].criteria.obstacles.value",
    );

    let mut high = clone_as(&set, "GS");
    high.criteria.get_mut(&Criterion::Obstacles).unwrap().value = Some(11.0);
    only_issue(
        set.add_country(high),
        IssueCode::OutOfRange,
        "country[GS].criteria.obstacles.value",
    );

    let mut missing = clone_as(&set, "GS");
    missing.criteria.remove(&Criterion::Obstacles);
    only_issue(
        set.add_country(missing),
        IssueCode::Missing,
        "country[GS].criteria.obstacles",
    );

    let mut eu_only = clone_as(&set, "GS");
    let ev = evidence(&set);
    eu_only.criteria.insert(
        Criterion::EuropolChannel,
        placement_core::assessment::Assessed {
            value: Some(5.0),
            evidence: ev,
            note: None,
        },
    );
    only_issue(
        set.add_country(eu_only),
        IssueCode::Contradiction,
        "country[GS].criteria.europol_channel",
    );

    let mut dangling = clone_as(&set, "GS");
    dangling.springboard = vec![link("AQ", 0.5)];
    dangling.criteria.remove(&Criterion::Springboard);
    only_issue(
        set.add_country(dangling),
        IssueCode::UnknownCountry,
        "country[GS].springboard.to",
    );

    let mut own_host = clone_as(&set, "GS");
    own_host.accreditation_hosts = vec![code("GS")];
    only_issue(
        set.add_country(own_host),
        IssueCode::Contradiction,
        "country[GS].accreditation_hosts",
    );

    let mut wrong_facts = clone_as(&set, "GS");
    wrong_facts.facts = code("CO").facts().clone();
    only_issue(
        set.add_country(wrong_facts),
        IssueCode::Contradiction,
        "country[GS].facts.code",
    );

    assert_eq!(set, before, "nothing changes on error");
}

#[test]
fn add_country_accepts_good_input_in_order() {
    let mut set = fixture();
    let n = set.len();
    let mut gs = clone_as(&set, "GS");
    gs.springboard = vec![link("PE", 0.4)];
    gs.criteria.remove(&Criterion::Springboard);
    gs.accreditation_hosts = vec![code("PE"), code("CO"), code("PE")];
    set.add_country(gs).unwrap();
    assert_eq!(set.len(), n + 1);
    let codes: Vec<CountryCode> = set.codes().collect();
    assert!(codes.windows(2).all(|w| w[0] < w[1]), "still sorted");
    let gs = set.get(code("GS")).unwrap();
    assert_eq!(gs.accreditation_hosts, vec![code("CO"), code("PE")]);
    // The new set evaluates.
    let rules = Rulebook::default_rulebook().unwrap();
    let e = placement_core::Engine::new(&rules).evaluate(&set).unwrap();
    assert!(e.record(code("GS")).is_some());
}

#[test]
fn replace_country_checks_like_add() {
    let mut set = fixture();
    only_issue(
        set.replace_country(clone_as(&set, "GS")),
        IssueCode::UnknownCountry,
        "country[GS].code",
    );
    let mut co = set.get(code("CO")).unwrap().clone();
    co.criteria.get_mut(&Criterion::Obstacles).unwrap().value = Some(-1.0);
    only_issue(
        set.replace_country(co),
        IssueCode::OutOfRange,
        "country[CO].criteria.obstacles.value",
    );
    let mut co = set.get(code("CO")).unwrap().clone();
    co.partner_liaison = !co.partner_liaison;
    let old = set.replace_country(co.clone()).unwrap();
    assert_ne!(old.partner_liaison, co.partner_liaison);
    assert_eq!(set.get(code("CO")).unwrap(), &co);
}

#[test]
fn remove_country_rejects_unknown_country() {
    let mut set = fixture();
    let before = set.clone();
    only_issue(
        set.remove_country(code("GS")),
        IssueCode::UnknownCountry,
        "country",
    );
    assert_eq!(set, before);
}

#[test]
fn remove_country_keeps_links_to_it_with_zero_need() {
    let mut set = fixture();
    // AU's springboard links point to ID (documented in docs/scenarios.md: zero need).
    set.remove_country(code("ID")).unwrap();
    assert!(!set.contains(code("ID")));
    let au = set.get(code("AU")).unwrap().clone();
    assert!(au.springboard.iter().any(|l| l.to == code("ID")));
    // The kept link does not block other changes to AU ...
    set.set_fact(code("AU"), &FactChange::Schengen(false))
        .unwrap();
    set.replace_country(au.clone()).unwrap();
    // ... but a new link to a country outside the set is refused.
    let mut links = au.springboard.clone();
    links.push(link("GS", 0.1));
    only_issue(
        set.set_fact(code("AU"), &FactChange::Springboard(links)),
        IssueCode::UnknownCountry,
        "country[AU].springboard.to",
    );
    let rules = Rulebook::default_rulebook().unwrap();
    let e = placement_core::Engine::new(&rules).evaluate(&set).unwrap();
    let term = e
        .record(code("AU"))
        .unwrap()
        .springboard
        .iter()
        .find(|t| t.to == code("ID"))
        .map(|t| t.term);
    assert_eq!(term, Some(0.0));
}

#[test]
fn remove_country_refuses_the_last_one_and_accepts_others() {
    let mut set = fixture();
    let n = set.len();
    assert!(!set
        .iter()
        .any(|c| c.springboard.iter().any(|l| l.to == code("AD"))));
    let ad = set.remove_country(code("AD")).unwrap();
    assert_eq!(ad.code, code("AD"));
    assert_eq!(set.len(), n - 1);
    assert!(!set.contains(code("AD")));

    let one = AssessmentSet::new(set.meta().clone(), vec![ad]).unwrap();
    let mut one = one;
    only_issue(
        one.remove_country(code("AD")),
        IssueCode::Missing,
        "country",
    );
}

#[test]
fn new_validates_every_country() {
    let set = fixture();
    let rebuilt = AssessmentSet::new(set.meta().clone(), set.countries().to_vec()).unwrap();
    assert_eq!(rebuilt, set);
    assert_eq!(rebuilt.fingerprint(), set.fingerprint());
    let mut twice = set.countries().to_vec();
    twice.push(set.countries()[0].clone());
    only_issue(
        AssessmentSet::new(set.meta().clone(), twice),
        IssueCode::Duplicate,
        &format!("country[{}].code", set.countries()[0].code),
    );
    only_issue(
        AssessmentSet::new(set.meta().clone(), Vec::new()),
        IssueCode::Missing,
        "country",
    );
}

// ------------------------------------------------------------------------------- Rulebook

#[test]
fn rulebook_accessors() {
    let r = Rulebook::default_rulebook().unwrap();
    assert_eq!(r.id(), "p4-2019");
    assert!(!r.title().is_empty() && !r.regime().is_empty() && !r.period().is_empty());
    assert!(!r.description().is_empty() && r.citation().seed_is_known());
    let sum: f64 = r.weights().values().sum();
    assert!((sum - 1.0).abs() < 1e-12, "weights normalised");
    assert_eq!(r.scoring().weights, *r.weights());
    assert!(r.rule("R-EU-2").is_some() && !r.rules().is_empty());
    assert_eq!(r.phenomena().priority.len(), Phenomenon::ALL.len());
    // The serialised form keeps its field order (hashes and golden files depend on it).
    let json = serde_json::to_string(&r).unwrap();
    assert!(
        json.starts_with("{\"id\":\"p4-2019\",\"title\":"),
        "{}",
        &json[..40]
    );
    let keys = [
        "\"regime\":",
        "\"period\":",
        "\"description\":",
        "\"citation\":",
        "\"scoring\":",
        "\"phenomena\":",
        "\"rules\":",
    ];
    let at: Vec<usize> = keys.iter().map(|k| json.find(k).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
}

#[test]
fn set_rule_enabled_rejects_unknown_id_listing_valid_ones() {
    let mut r = Rulebook::default_rulebook().unwrap();
    let before = r.clone();
    let msg = only_issue(
        r.set_rule_enabled("R-NOPE", false),
        IssueCode::UnknownRule,
        "rule",
    );
    assert!(
        matches!(&msg, IssueArgs::NoSuchRule { rulebook: Some(b), known }
            if b == "p4-2019" && known.iter().any(|k| k == "R-EU-2")
                && known.iter().any(|k| k == "R-CLS-PRIO")),
        "{msg:?}"
    );
    assert_eq!(r, before);
}

#[test]
fn set_rule_enabled_accepts_good_input() {
    let mut r = Rulebook::default_rulebook().unwrap();
    let hash = r.hash();
    r.set_rule_enabled("R-EU-2", false).unwrap();
    assert!(!r.rule("R-EU-2").unwrap().enabled);
    assert_ne!(r.hash(), hash);
    r.set_rule_enabled("R-EU-2", true).unwrap();
    assert_eq!(
        r.hash(),
        hash,
        "switching back restores the rulebook exactly"
    );
}

#[test]
fn set_rule_enabled_rejects_a_switch_that_makes_a_conflict() {
    let text = r#"
[rulebook]
id = "conflict-test"
base = "p4-2019"

[[rule]]
id = "R-TEST-SUB"
stage = "class"
salience = 30
enabled = false
statement = "Test rule."
statement_nl = "Testregel."
citation = { seed = "000_7a9281a99aa0d45a.txt", quote = "De beoordeling van landen" }
when = "always"
then = { class = "sub_priority" }
"#;
    let mut r = Rulebook::parse("conflict.toml", text).unwrap();
    let before = r.clone();
    let msg = only_issue(
        r.set_rule_enabled("R-TEST-SUB", true),
        IssueCode::Conflict,
        "rule[R-TEST-SUB]",
    );
    assert!(
        matches!(msg, IssueArgs::Conflict { salience: 30, .. }),
        "{msg:?}"
    );
    assert_eq!(r, before, "nothing changes on error");
}

#[test]
fn set_threshold_rejects_bad_input() {
    let mut r = Rulebook::default_rulebook().unwrap();
    let before = r.clone();
    only_issue(
        r.set_threshold("R-NOPE", "need", 50.0),
        IssueCode::UnknownRule,
        "rule",
    );
    only_issue(
        r.set_threshold("R-CLS-PRIO", "need", f64::NAN),
        IssueCode::NotFinite,
        "rule[R-CLS-PRIO].threshold.need",
    );
    only_issue(
        r.set_threshold("R-CLS-PRIO", "obstacles", 5.0),
        IssueCode::UnknownName,
        "rule[R-CLS-PRIO].threshold.obstacles",
    );
    assert_eq!(r, before);
}

#[test]
fn set_threshold_accepts_good_input() {
    let mut r = Rulebook::default_rulebook().unwrap();
    assert_eq!(r.set_threshold("R-CLS-PRIO", "need", 55.0).unwrap(), 1);
    assert!(matches!(
        r.rule("R-CLS-PRIO").unwrap().when,
        Condition::Metric { value, .. } if value == 55.0
    ));
}

#[test]
fn set_priority_rejects_out_of_range_and_nan() {
    let mut r = Rulebook::default_rulebook().unwrap();
    let before = r.clone();
    let p = Phenomenon::ALL[0];
    let field = format!("phenomena.priority.{}", p.id());
    only_issue(r.set_priority(p, 1.5), IssueCode::OutOfRange, &field);
    only_issue(r.set_priority(p, -0.5), IssueCode::OutOfRange, &field);
    only_issue(r.set_priority(p, f64::NAN), IssueCode::NotFinite, &field);
    assert_eq!(r, before);
    r.set_priority(p, 0.25).unwrap();
    assert_eq!(r.phenomena().priority_of(p), 0.25);
}

#[test]
fn set_weights_rejects_bad_weights_and_accepts_good_ones() {
    let mut r = Rulebook::default_rulebook().unwrap();
    let before = r.clone();
    let mut w = r.weights().clone();
    let (&first, _) = w.iter().next().unwrap();
    w.insert(first, -1.0);
    only_issue(
        r.set_weights(&w),
        IssueCode::BadWeights,
        &format!("weights.{}", first.id()),
    );
    w.insert(first, f64::NAN);
    only_issue(
        r.set_weights(&w),
        IssueCode::BadWeights,
        &format!("weights.{}", first.id()),
    );
    assert_eq!(r, before);
    let doubled: std::collections::BTreeMap<Criterion, f64> = before
        .weights()
        .iter()
        .map(|(c, w)| (*c, w * 2.0))
        .collect();
    r.set_weights(&doubled).unwrap();
    for (c, w) in before.weights() {
        assert!((r.weights()[c] - w).abs() < 1e-12, "normalised again");
    }
}

/// The fingerprint a set keeps is dropped by every mutator: after each change it equals the
/// fingerprint of the same content built afresh, and differs from the one before the change.
#[test]
fn kept_fingerprint_follows_every_change() {
    let mut set = fixture();
    let ev = evidence(&set);
    let fresh = |s: &AssessmentSet| {
        AssessmentSet::new(s.meta().clone(), s.countries().to_vec())
            .unwrap()
            .fingerprint()
    };
    let mut last = set.fingerprint();
    assert_eq!(last, fresh(&set));
    type Step<'a> = Box<dyn Fn(&mut AssessmentSet) + 'a>;
    let steps: Vec<Step> = vec![
        Box::new(|s| {
            s.set_value(code("CO"), Criterion::Socta, 1.25, ev.clone(), None)
                .unwrap()
        }),
        Box::new(|s| {
            s.set_fact(code("CO"), &FactChange::PartnerLiaison(true))
                .unwrap()
        }),
        Box::new(|s| {
            let gs = clone_as(s, "GS");
            s.add_country(gs).unwrap();
        }),
        Box::new(|s| {
            let mut gs = clone_as(s, "GS");
            gs.try_set_value(Criterion::Socta, 9.5, ev.clone(), None)
                .unwrap();
            s.replace_country(gs).unwrap();
        }),
        Box::new(|s| {
            s.remove_country(code("GS")).unwrap();
        }),
    ];
    for step in steps {
        step(&mut set);
        let now = set.fingerprint();
        assert_ne!(now, last, "a change must change the fingerprint");
        assert_eq!(now, fresh(&set), "the kept fingerprint is the content's");
        last = now;
    }
}
