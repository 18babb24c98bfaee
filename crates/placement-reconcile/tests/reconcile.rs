//! The capacity-aware plan and the reconciliation with the 2025 network, as `advise` and
//! `reconcile` show them: the fidelity figures of issue 10, every difference explained, every
//! reported change confirmed by the engine, Dutch text without English, deterministic JSON.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use placement_core::{AssessmentSet, Engine, Evaluation, Instrument, Rulebook};
use placement_reconcile::render::{plan_section, reconciliation, Style};
use placement_reconcile::{
    actual_network, overview, reconcile, Agreement, Cause, PlanOverview, PlanRole, PlanSettings,
    ReconcileError, Reconciliation,
};
use placement_text::Lang;

struct Run {
    rules: Rulebook,
    input: AssessmentSet,
    evaluation: Evaluation,
    plan: PlanOverview,
    reconciliation: Reconciliation,
}

fn run(regime: &str, capacity: Option<u32>) -> Run {
    let rules = Rulebook::embedded(regime).unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
    let network = actual_network("network-2025.json", placement_network::NETWORK_2025).unwrap();
    let settings = PlanSettings {
        capacity,
        ..PlanSettings::for_network(&network)
    };
    let plan = overview(&evaluation, &network, &settings).unwrap();
    let reconciliation = reconcile(&rules, &input, &evaluation, &network, &plan).unwrap();
    Run {
        rules,
        input,
        evaluation,
        plan,
        reconciliation,
    }
}

#[test]
fn p4_2019_reproduces_the_2025_network_at_its_size() {
    // Issue 10: at least 85 % of the 2025 Dutch host countries, and at least 85 % of the plan's
    // posts are actual 2025 hosts, with no rule naming a country.
    let r = run("p4-2019", None);
    let s = r.reconciliation.summary;
    assert_eq!(s.actual_hosts, 35);
    assert_eq!(
        r.plan.capacity, 35,
        "default capacity: one per actual host country"
    );
    assert!(r.plan.liaisons <= 35);
    assert!(s.recall >= 0.85, "recall {}", s.recall);
    assert!(s.precision >= 0.85, "precision {}", s.precision);
    assert_eq!(
        s.agree,
        r.plan
            .plan_hosts
            .iter()
            .filter(|c| r.plan.actual_hosts.contains(c))
            .count()
    );
}

#[test]
fn no_shipped_rule_names_a_country() {
    // Conditions read criteria, metrics, facts, phenomena and roles only: their JSON has no
    // two-letter upper-case country code anywhere.
    for id in ["p4-2019", "p2-2013", "p1-2015"] {
        let rules = Rulebook::embedded(id).unwrap();
        for rule in rules.rules() {
            let when = serde_json::to_string(&rule.when).unwrap();
            for facts in placement_core::country::all_countries() {
                let code = facts.code.as_str();
                assert!(
                    !when.contains(&format!("\"{code}\"")),
                    "{id} {} names {code}",
                    rule.id
                );
            }
        }
    }
}

#[test]
fn every_difference_has_a_cause_and_every_change_is_confirmed() {
    let r = run("p4-2019", None);
    let diffs: Vec<_> = r
        .reconciliation
        .countries
        .iter()
        .filter(|c| c.agreement != Agreement::Agree)
        .collect();
    assert!(!diffs.is_empty());
    let weight_changes = diffs
        .iter()
        .filter(|d| {
            matches!(
                d.cause,
                Some(Cause::Instrument {
                    weight_change: Some(_),
                    ..
                })
            )
        })
        .count();
    assert!(
        weight_changes > 0,
        "no difference has a weight change to check"
    );
    for d in diffs {
        let cause = d
            .cause
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no cause", d.country));
        match cause {
            Cause::Instrument {
                change,
                weight_change,
                ..
            } => {
                if let Some(w) = weight_change {
                    // One weight to `to`, the others rescaled: the engine agrees with reality.
                    let mut now = [0.0; placement_core::Criterion::COUNT];
                    for (c, v) in r.rules.weights() {
                        now[c.index()] = *v;
                    }
                    let moved = placement_explain::stability::rescaled(&now, w.criterion, w.to);
                    let map: std::collections::BTreeMap<_, _> = r
                        .rules
                        .weights()
                        .keys()
                        .map(|c| (*c, moved[c.index()]))
                        .collect();
                    let mut rules = r.rules.clone();
                    rules.set_weights(&map).unwrap();
                    let e = Engine::new(&rules).evaluate(&r.input).unwrap();
                    let got = e.record(d.country).unwrap().instrument;
                    assert_eq!(got, w.instrument, "{}: weight change {w:?}", d.country);
                    assert_eq!(
                        got == Instrument::PermanentLiaison,
                        d.agreement == Agreement::PostNotSupported
                    );
                }
                let Some(change) = change else { continue };
                // Apply the change and re-evaluate everything: the instrument must agree with
                // reality (a post ⇔ a permanent liaison).
                let mut input = r.input.clone();
                for c in &change.counterfactual.changes {
                    let evidence = r.input.countries()[0]
                        .criteria
                        .values()
                        .next()
                        .unwrap()
                        .evidence
                        .clone();
                    input
                        .set_value(d.country, c.criterion, c.to, evidence, None)
                        .unwrap();
                }
                let e = Engine::new(&r.rules).evaluate(&input).unwrap();
                let got = e.record(d.country).unwrap().instrument;
                let want_post = d.agreement == Agreement::PostNotSupported;
                assert_eq!(
                    got == Instrument::PermanentLiaison,
                    want_post,
                    "{}: {:?} gives {got:?}",
                    d.country,
                    change.counterfactual.changes
                );
            }
            Cause::Capacity {
                gain_if_added,
                weakest_adds,
                ..
            } => {
                assert_eq!(d.agreement, Agreement::PostNotSupported);
                assert_eq!(d.instrument, Some(Instrument::PermanentLiaison));
                assert!(gain_if_added.is_finite() && *gain_if_added >= 0.0);
                assert!(weakest_adds.is_finite() && *weakest_adds > 0.0);
            }
            Cause::NotAssessed => {}
        }
    }
}

#[test]
fn plan_and_recommendation_are_kept_apart() {
    let r = run("p4-2019", None);
    let posts = r
        .plan
        .lines
        .iter()
        .filter(|l| matches!(l.plan, PlanRole::Post { .. }))
        .count();
    assert_eq!(posts, r.plan.plan_hosts.len());
    // More countries deserve a permanent liaison than the capacity allows.
    let deserving = r.plan.lines.iter().filter(|l| l.deserves_post).count();
    assert!(deserving > posts, "{deserving} deserve, {posts} posts");
    assert!(!r.plan.deserving_without_post().is_empty());
    // An accredited country names a chosen post in another country.
    for l in &r.plan.lines {
        if let PlanRole::Accredited { host, factor, .. } = &l.plan {
            assert_ne!(*host, l.country);
            assert!(r.plan.plan_hosts.contains(host));
            assert!(*factor > 0.0 && *factor <= 1.0);
        }
    }
    // The plan's numbers agree with the evaluation it was built on.
    assert_eq!(r.plan.lines.len(), r.evaluation.records.len());
}

#[test]
fn dutch_text_has_no_english_sentences() {
    let r = run("p4-2019", None);
    for style in [Style::Text, Style::Markdown] {
        let nl = reconciliation(&r.reconciliation, &r.rules, Lang::Nl, style)
            + &plan_section(&r.plan, Lang::Nl, style);
        for english in [
            "the model",
            "Differences",
            "Agree (",
            "deserve",
            "accredited from",
            "Capacity",
            "weakest",
            "Decided by",
            "permanent liaison officer",
        ] {
            assert!(!nl.contains(english), "{english:?} in Dutch output");
        }
        let en = reconciliation(&r.reconciliation, &r.rules, Lang::En, style);
        assert!(en.contains("recall"));
    }
}

#[test]
fn output_is_deterministic_and_versioned() {
    let a = serde_json::to_string(&run("p4-2019", None).reconciliation).unwrap();
    let b = serde_json::to_string(&run("p4-2019", None).reconciliation).unwrap();
    assert_eq!(a, b);
    let v: serde_json::Value = serde_json::from_str(&a).unwrap();
    assert_eq!(v["schema_version"], placement_reconcile::SCHEMA_VERSION);
    assert_eq!(v["rulebook"], "p4-2019");
}

#[test]
fn a_bigger_capacity_changes_the_plan_not_the_recommendation() {
    let at35 = run("p4-2019", None);
    let at43 = run("p4-2019", Some(43));
    assert_eq!(at43.plan.capacity, 43);
    assert!(at43.plan.plan_hosts.len() > at35.plan.plan_hosts.len());
    assert_eq!(
        at35.evaluation.to_json(),
        at43.evaluation.to_json(),
        "the plan never changes a score"
    );
}

#[test]
fn a_network_without_dutch_posts_is_a_clear_error() {
    let rules = Rulebook::default_rulebook().unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
    let empty = actual_network(
        "empty.json",
        r#"{"title": "no posts", "liaison_officers": []}"#,
    )
    .unwrap();
    let err = overview(&evaluation, &empty, &PlanSettings::default()).unwrap_err();
    assert!(matches!(err, ReconcileError::EmptyNetwork { .. }), "{err}");
    assert!(err.to_string().contains("empty.json"), "{err}");
    let broken = actual_network("broken.json", "{ not json").unwrap();
    let err = overview(&evaluation, &broken, &PlanSettings::default()).unwrap_err();
    assert!(err.to_string().contains("broken.json"), "{err}");
}
