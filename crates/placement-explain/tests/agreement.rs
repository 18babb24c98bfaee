//! Agreement of the explainer with the engine.
//!
//! Every answer an explanation reports — the outcome, each counterfactual found, each "no
//! value within the scale changes it", each weight-stability interval end point — is checked
//! against the engine re-deciding the country from its (changed) assessment: the held-fixed
//! re-evaluation the explainer promises (`Engine::reevaluate`, a rulebook with the changed
//! weights for stability), and, for counterfactuals, a full `Engine::evaluate` of the changed
//! input wherever holding the others fixed is what the full evaluation does too (no other
//! country's placement changes and no portfolio rule touches the country).
//!
//! Inputs: every shipped regime and the documented variant (p4-2019 with R-ORG-2's condition
//! `always` and R-ACC-2 giving a FILO) × the default fixture × random changes of criterion
//! values × random valid rulebook variants (rules switched off, conditions replaced by
//! `always`, thresholds moved, effects changed).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use placement_core::kernel::Weights;
use placement_core::rulebook::Stage;
use placement_core::{
    AssessmentSet, Class, Confidence, CountryCode, Criterion, DecisionRecord, Engine, Evaluation,
    Evidence, Instrument, Marking, Rulebook,
};
use placement_explain::counterfactual::{Search, Target};
use placement_explain::stability::rescaled;
use placement_explain::{Explainer, Explanation, Options};
use proptest::prelude::*;

const SHIPPED: [(&str, &str); 3] = [
    (
        "p4-2019",
        include_str!("../../placement-core/rulebooks/p4-2019.toml"),
    ),
    (
        "p2-2013",
        include_str!("../../placement-core/rulebooks/p2-2013.toml"),
    ),
    (
        "p1-2015",
        include_str!("../../placement-core/rulebooks/p1-2015.toml"),
    ),
];

/// One change to a rule of a rulebook.
#[derive(Debug, Clone)]
enum Mutation {
    /// `enabled = false`.
    SwitchOff(usize),
    /// `when = "always"`.
    Always(usize),
    /// Every threshold in the condition moved by this fraction of its scale.
    Shift(usize, f64),
    /// The effect replaced by another of its kind (the index picks which).
    Effect(usize, usize, f64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::SwitchOff),
        any::<usize>().prop_map(Mutation::Always),
        (any::<usize>(), -0.3f64..0.3).prop_map(|(r, d)| Mutation::Shift(r, d)),
        (any::<usize>(), any::<usize>(), 0.3f64..1.2)
            .prop_map(|(r, k, f)| Mutation::Effect(r, k, f)),
    ]
}

fn shift(cond: &mut toml::Value, d: f64) {
    match cond {
        toml::Value::Table(t) => {
            for (key, v) in t.iter_mut() {
                if key == "criterion" || key == "metric" {
                    if let Some(toml::Value::Float(x)) = v.get_mut("value") {
                        let scale = if key == "criterion" { 10.0 } else { 100.0 };
                        *x = (*x + d * scale).clamp(0.0, scale);
                    }
                } else {
                    shift(v, d);
                }
            }
        }
        toml::Value::Array(a) => a.iter_mut().for_each(|v| shift(v, d)),
        _ => {}
    }
}

fn pick(options: &[&str], k: usize) -> toml::Value {
    toml::Value::String(options[k % options.len()].to_string())
}

/// The rulebook `text` with `mutations` applied, or `None` when validation rejects the result
/// (two rules deciding the same thing at equal salience, for instance).
fn variant(text: &str, mutations: &[Mutation]) -> Option<Rulebook> {
    let mut doc: toml::Table = toml::from_str(text).unwrap();
    let rules = doc.get_mut("rule").unwrap().as_array_mut().unwrap();
    let n = rules.len();
    for m in mutations {
        match *m {
            Mutation::SwitchOff(r) => {
                rules[r % n]
                    .as_table_mut()
                    .unwrap()
                    .insert("enabled".into(), toml::Value::Boolean(false));
            }
            Mutation::Always(r) => {
                rules[r % n]
                    .as_table_mut()
                    .unwrap()
                    .insert("when".into(), toml::Value::String("always".into()));
            }
            Mutation::Shift(r, d) => {
                if let Some(w) = rules[r % n].get_mut("when") {
                    shift(w, d);
                }
            }
            Mutation::Effect(r, k, f) => {
                let then = rules[r % n]
                    .get_mut("then")
                    .unwrap()
                    .as_table_mut()
                    .unwrap();
                let (key, value) = then
                    .iter()
                    .next()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .unwrap();
                let new = match key.as_str() {
                    "instrument" => pick(
                        &[
                            "permanent_liaison",
                            "flexible_liaison",
                            "europol_channel",
                            "partner_liaison",
                            "accreditation",
                            "capacity_building",
                            "none",
                        ],
                        k,
                    ),
                    "class" => pick(&["priority", "sub_priority", "other"], k),
                    "organisation" => pick(&["by_theme", "police", "marechaussee", "both"], k),
                    "scale_added_value" => toml::Value::Float(f),
                    _ => value,
                };
                then.insert(key, new);
            }
        }
    }
    Rulebook::parse("<variant>", &toml::to_string(&doc).unwrap()).ok()
}

/// The variant on which engine and the old replay disagreed (issue "One decision kernel").
fn documented_variant() -> Rulebook {
    let mut doc: toml::Table = toml::from_str(SHIPPED[0].1).unwrap();
    for rule in doc.get_mut("rule").unwrap().as_array_mut().unwrap() {
        let t = rule.as_table_mut().unwrap();
        match t.get("id").and_then(|v| v.as_str()) {
            Some("R-ORG-2") => {
                t.insert("when".into(), toml::Value::String("always".into()));
            }
            Some("R-ACC-2") => {
                let mut then = toml::Table::new();
                then.insert("instrument".into(), "flexible_liaison".into());
                t.insert("then".into(), toml::Value::Table(then));
            }
            _ => {}
        }
    }
    Rulebook::parse("<documented variant>", &toml::to_string(&doc).unwrap()).unwrap()
}

fn evidence(set: &AssessmentSet) -> Evidence {
    Evidence {
        source: "agreement test".into(),
        date: set.meta().as_of,
        confidence: Confidence::Low,
        marking: Marking::Unclassified,
    }
}

type Key = (Class, Instrument, Option<placement_core::Organisation>);

fn key(r: &DecisionRecord) -> Key {
    (r.class, r.instrument, r.organisation)
}

fn portfolio_touched(r: &DecisionRecord) -> bool {
    r.rules.iter().any(|f| f.stage == Stage::Portfolio)
}

/// What is checked, counted so a test can show it checked something.
#[derive(Debug, Default)]
struct Checked {
    outcomes: usize,
    found: usize,
    found_full: usize,
    none_within_scale: usize,
    stability_points: usize,
    rulebook_points: usize,
}

/// Checks one explanation against the engine; panics with the first disagreement.
fn check(
    rules: &Rulebook,
    set: &AssessmentSet,
    evaluation: &Evaluation,
    e: &Explanation,
    checked: &mut Checked,
) {
    let engine = Engine::new(rules);
    let code = e.country;
    let record = evaluation.record(code).unwrap();
    let ca = set.get(code).unwrap();
    let held = engine.reevaluator(evaluation, set).unwrap();
    let base = held.reevaluate(ca);
    // Outcome: the explanation reports the record; held-fixed re-evaluation reproduces it
    // unless the portfolio stage (which re-evaluation does not run) changed the class.
    let rec = &e.recommendation;
    assert_eq!(
        (rec.class, rec.instrument, rec.organisation),
        key(record),
        "{code}: outcome"
    );
    if !portfolio_touched(record) {
        assert_eq!(
            key(&base),
            key(record),
            "{code}: re-evaluation differs from evaluation"
        );
        assert!((base.score - record.score).abs() < 1e-9, "{code}: score");
    }
    checked.outcomes += 1;

    let ev = evidence(set);
    let target_key = |r: &DecisionRecord, t: Target| match t {
        Target::Class => format!("{:?}", r.class),
        Target::Instrument => format!("{:?}", r.instrument),
        Target::TopN => String::new(),
    };
    // Counterfactuals found: the engine gives the reported outcome.
    let mut found = Vec::new();
    for s in &e.counterfactuals.criteria {
        for t in Target::ALL {
            match s.get(t) {
                Search::Found(cf) => found.push(cf.clone()),
                Search::Unconfirmed => {
                    panic!(
                        "{code}: {} {t:?}: the search found a change the engine did not confirm",
                        s.criterion
                    )
                }
                Search::NoneWithinScale if t != Target::TopN => {
                    // No grid value of the scale changes the target.
                    let step = 0.5;
                    let mut xs = vec![0.0, 10.0];
                    let mut k = 1.0;
                    while s.value + k * step <= 10.0 || s.value - k * step >= 0.0 {
                        xs.push(s.value + k * step);
                        xs.push(s.value - k * step);
                        k += 1.0;
                    }
                    for x in xs.into_iter().filter(|x| (0.0..=10.0).contains(x)) {
                        let mut ca2 = ca.clone();
                        ca2.set_value(s.criterion, x, &ev);
                        let r = held.reevaluate(&ca2);
                        assert_eq!(
                            target_key(&r, t),
                            target_key(&base, t),
                            "{code}: {} = {x} changes the {t:?}, but the explanation says no value does",
                            s.criterion
                        );
                    }
                    checked.none_within_scale += 1;
                }
                _ => {}
            }
        }
    }
    found.extend(e.counterfactuals.pairs.iter().cloned());
    let placed_without = |ev: &Evaluation| -> BTreeSet<CountryCode> {
        ev.placed().into_iter().filter(|c| *c != code).collect()
    };
    for cf in &found {
        let mut ca2 = ca.clone();
        for ch in &cf.changes {
            ca2.set_value(ch.criterion, ch.to, &ev);
        }
        let r = held.reevaluate(&ca2);
        let reported = (
            cf.outcome.class,
            cf.outcome.instrument,
            cf.outcome.organisation,
        );
        assert_eq!(
            key(&r),
            reported,
            "{code}: counterfactual {cf:?}: held-fixed re-evaluation"
        );
        assert!(
            (r.score - cf.outcome.score).abs() < 1e-9,
            "{code}: counterfactual score"
        );
        checked.found += 1;
        // Full evaluation of the changed input, where it means the same thing.
        let mut set2 = set.clone();
        set2.replace_country(ca2).unwrap();
        let full = engine.evaluate(&set2).unwrap();
        let fr = full.record(code).unwrap();
        if placed_without(&full) == placed_without(evaluation)
            && !portfolio_touched(fr)
            && !portfolio_touched(record)
        {
            assert_eq!(
                key(fr),
                reported,
                "{code}: counterfactual {cf:?}: full evaluation"
            );
            checked.found_full += 1;
        }
    }

    // Stability intervals: a rulebook with the end point's weights, the others held fixed.
    assert!(
        e.stability_unconfirmed.is_empty(),
        "{code}: unconfirmed intervals {:?}",
        e.stability_unconfirmed
    );
    let weights = Weights::new(std::array::from_fn(|i| {
        rules
            .weights()
            .get(&Criterion::ALL[i])
            .copied()
            .unwrap_or(0.0)
    }))
    .by_criterion;
    // The engine's record under the rescaled weights, and (where normalising them again
    // leaves them bit for bit as they are) a rulebook with those weights: both must agree.
    let outcome_at = |c: Criterion, x: f64| -> Option<((Class, Instrument), bool)> {
        let w = rescaled(&weights, c, x);
        let weighted = held.reevaluate_weighted(ca, &Weights::new(w));
        let map: BTreeMap<Criterion, f64> = Criterion::ALL
            .into_iter()
            .filter(|k| rules.weights().contains_key(k))
            .map(|k| (k, w[k.index()]))
            .collect();
        let mut rb = rules.clone();
        rb.set_weights(&map).ok()?;
        let same = Criterion::ALL
            .into_iter()
            .all(|k| rb.scoring().weight(k).to_bits() == w[k.index()].to_bits());
        if same {
            let engine2 = Engine::new(&rb);
            let r = held.with_engine(&engine2).reevaluate(ca);
            assert_eq!(
                (
                    r.class,
                    r.instrument,
                    r.need.to_bits(),
                    r.added_value.to_bits()
                ),
                (
                    weighted.class,
                    weighted.instrument,
                    weighted.need.to_bits(),
                    weighted.added_value.to_bits()
                ),
                "{code}: weight of {c} at {x}: rulebook and re-weighted re-evaluation"
            );
        }
        Some(((weighted.class, weighted.instrument), same))
    };
    let now = (base.class, base.instrument);
    for iv in &e.stability {
        let c = iv.criterion;
        for (x, want) in [(iv.lower, Some(now)), (iv.upper, Some(now))]
            .into_iter()
            .chain(iv.below_at.map(|x| (x, iv.below)))
            .chain(iv.above_at.map(|x| (x, iv.above)))
        {
            if let Some((got, by_rulebook)) = outcome_at(c, x) {
                checked.rulebook_points += usize::from(by_rulebook);
                assert_eq!(
                    Some(got),
                    want,
                    "{code}: weight of {c} at {x}: interval {iv:?}"
                );
                checked.stability_points += 1;
            }
        }
    }
}

fn run(rules: &Rulebook, set: &AssessmentSet, codes: &[CountryCode], checked: &mut Checked) {
    let evaluation = Engine::new(rules).evaluate(set).unwrap();
    let x = Explainer::new(rules, set, &evaluation, Options::default()).unwrap();
    for &code in codes {
        let e = x.explain(code).unwrap();
        check(rules, set, &evaluation, &e, checked);
    }
}

#[test]
fn documented_variant_agrees_for_every_country() {
    let rules = documented_variant();
    let set = AssessmentSet::default_fixture().unwrap();
    let evaluation = Engine::new(&rules).evaluate(&set).unwrap();
    // The variant decides something the shipped rulebook does not: FILOs by accreditation.
    let filos = evaluation
        .records
        .iter()
        .filter(|r| {
            r.instrument == Instrument::FlexibleLiaison
                && r.rules.iter().any(|f| f.rule == "R-ACC-2")
        })
        .count();
    assert!(
        filos > 0,
        "the variant should give accredited countries a FILO"
    );
    let x = Explainer::new(&rules, &set, &evaluation, Options::default()).unwrap();
    let mut checked = Checked::default();
    for e in x.explain_all().unwrap() {
        check(&rules, &set, &evaluation, &e, &mut checked);
    }
    assert_eq!(checked.outcomes, evaluation.records.len());
    assert!(
        checked.found > 100
            && checked.found_full > 50
            && checked.stability_points > 500
            && checked.rulebook_points > 100,
        "{checked:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn explainer_answers_equal_engine_answers(
        regime in 0usize..4,
        mutations in proptest::collection::vec(mutation(), 0..4),
        changes in proptest::collection::vec((any::<usize>(), 0usize..Criterion::COUNT, 0.0f64..=10.0), 0..4),
        extra in any::<usize>(),
    ) {
        let rules = if regime == 3 {
            documented_variant()
        } else {
            let r = variant(SHIPPED[regime].1, &mutations);
            prop_assume!(r.is_some());
            r.unwrap()
        };
        let mut set = AssessmentSet::default_fixture().unwrap();
        let n = set.len();
        let ev = evidence(&set);
        let mut codes = Vec::new();
        for (i, c, v) in changes {
            let mut ca = set.countries()[i % n].clone();
            let c = Criterion::ALL[c];
            codes.push(ca.code);
            if c.applies_to(ca.facts.eu_member) {
                ca.set_value(c, v, &ev);
                set.replace_country(ca).unwrap();
            }
        }
        codes.push(set.countries()[extra % n].code);
        codes.sort();
        codes.dedup();
        codes.truncate(3);
        let mut checked = Checked::default();
        run(&rules, &set, &codes, &mut checked);
        prop_assert_eq!(checked.outcomes, codes.len());
    }
}
