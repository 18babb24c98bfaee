//! Calibration: small problems with hand-solved answers, a brute-force grid over the weight
//! simplex agreeing with the LP's intervals and verdicts, a known minimal conflict, determinism,
//! typed errors, and the engine problems whose patch reproduces what it says it reproduces.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use placement_calibrate::render::{calibration, Style};
use placement_calibrate::{
    calibrate, engine, margin_of, patch, CalibrateError, Decision, Group, InputProblem, Options,
    Problem, Statement, Threshold, Verdict,
};
use placement_core::{AssessmentSet, Class, CountryCode, Engine, Rulebook};
use proptest::prelude::*;

fn before(label: &str, a: usize, b: usize) -> Decision {
    Decision {
        label: label.into(),
        label_nl: None,
        source: "test".into(),
        statement: Statement::Before { a, b, group: 0 },
    }
}

fn problem(values: Vec<Vec<f64>>, decisions: Vec<Decision>, thresholds: Vec<Threshold>) -> Problem {
    let m = values[0].len();
    Problem {
        title: "test".into(),
        title_nl: None,
        criteria: (0..m).map(|j| format!("c{j}")).collect(),
        alternatives: (0..values.len()).map(|i| format!("A{i}")).collect(),
        values,
        groups: vec![Group {
            name: "score".into(),
            criteria: (0..m).collect(),
        }],
        thresholds,
        threshold_order: vec![],
        current_weights: None,
        decisions,
    }
}

#[test]
fn central_weighting_is_the_most_balanced_of_the_widest() {
    // Three criteria; A = (1, 1, 0), B = (0, 0, 0); documented: A before B. The margin
    // 100 (w1 + w2) is largest (100) on the whole edge w3 = 0, w1 + w2 = 1; a maximum-margin
    // LP may return either end of it. Balancing (lexicographic minimax of |w − 1/3|): w3's
    // deviation is 1/3 on the whole edge, so it is fixed first; then w1 and w2 are balanced
    // between themselves: (0.5, 0.5, 0). Swapping the criteria swaps the answer.
    let p = problem(
        vec![vec![1.0, 1.0, 0.0], vec![0.0, 0.0, 0.0]],
        vec![before("A before B", 0, 1)],
        vec![],
    );
    let c = calibrate(&p, Options { margin: 0.01 }).unwrap();
    assert!(
        (c.central_margin - 100.0).abs() < 1e-6,
        "{}",
        c.central_margin
    );
    let central: Vec<f64> = c.weights.iter().map(|w| w.central).collect();
    for (got, want) in central.iter().zip([0.5, 0.5, 0.0]) {
        assert!((got - want).abs() < 1e-6, "{central:?}");
    }
    let q = problem(
        vec![vec![0.0, 1.0, 1.0], vec![0.0, 0.0, 0.0]],
        vec![before("A before B", 0, 1)],
        vec![],
    );
    let c = calibrate(&q, Options { margin: 0.01 }).unwrap();
    let central: Vec<f64> = c.weights.iter().map(|w| w.central).collect();
    for (got, want) in central.iter().zip([0.0, 0.5, 0.5]) {
        assert!((got - want).abs() < 1e-6, "{central:?}");
    }
}

#[test]
fn hand_solved_threshold_problem() {
    // Two criteria, weights (w, 1 − w). A = (1, 0), B = (0, 1), C = (0.5, 0.5) scores 50 always.
    // Documented: A reaches t, B stays below t, t is free in [0, 100].
    // 100 w ≥ t + δ and 100 (1 − w) ≤ t − δ ⇒ w ≥ 0.5 + δ/100; t ∈ [100 (1 − w) + δ, 100 w − δ].
    // Maximum margin: w = 1, t = 50 (margin 50). Interval of w: [0.5 + δ/100, 1];
    // of t: [δ, 100 − δ] (w = 1: t from 0 + δ to 100 − δ).
    let th = Threshold {
        name: "t".into(),
        min: 0.0,
        max: 100.0,
        current: Some(60.0),
    };
    let d = |label: &str, alt: usize, at_least: bool| Decision {
        label: label.into(),
        label_nl: None,
        source: "test".into(),
        statement: if at_least {
            Statement::AtLeast {
                alternative: alt,
                group: 0,
                threshold: 0,
                factor: 1.0,
            }
        } else {
            Statement::Below {
                alternative: alt,
                group: 0,
                threshold: 0,
                factor: 1.0,
            }
        },
    };
    let p = problem(
        vec![vec![1.0, 0.0], vec![0.0, 1.0], vec![0.5, 0.5]],
        vec![d("A reaches", 0, true), d("B below", 1, false)],
        vec![th],
    );
    let c = calibrate(&p, Options { margin: 0.01 }).unwrap();
    assert_eq!(c.decisions_reproducible, 2);
    assert!(
        (c.central_margin - 50.0).abs() < 1e-6,
        "{}",
        c.central_margin
    );
    // The central point is the most balanced one within 1e-7 points of the optimal margin:
    // 200 w ≥ 200 − 2e-7, so w ≥ 1 − 1e-9 (and the balancing pulls it to that end).
    assert!(
        (c.weights[0].central - 1.0).abs() < 2e-9,
        "{}",
        c.weights[0].central
    );
    assert!((c.thresholds[0].central - 50.0).abs() < 1e-6);
    assert!(
        (c.weights[0].min - 0.5001).abs() < 1e-9,
        "{}",
        c.weights[0].min
    );
    assert!((c.weights[0].max - 1.0).abs() < 1e-9);
    assert!(
        (c.thresholds[0].min - 0.01).abs() < 1e-6,
        "{}",
        c.thresholds[0].min
    );
    assert!(
        (c.thresholds[0].max - 99.99).abs() < 1e-6,
        "{}",
        c.thresholds[0].max
    );
    assert!(c.conflict.is_empty());
    assert_eq!(c.thresholds[0].current, Some(60.0));
}

#[test]
fn a_cycle_is_the_minimal_conflict() {
    // Weights (w, 1 − w): A = 10 + 80 w, B = 50, C = 90 − 80 w (points). A > B and B > C need
    // w > 0.5, C > A needs w < 0.5: {B > C, C > A} and {A > B, C > A} are the minimal conflicts.
    // The deletion filter drops A > B first (the rest stays infeasible) and keeps the other two.
    // D dominates E on both criteria: D before E is unrelated and necessary.
    let p = problem(
        vec![
            vec![0.9, 0.1],
            vec![0.5, 0.5],
            vec![0.1, 0.9],
            vec![0.8, 0.8],
            vec![0.2, 0.2],
        ],
        vec![
            before("A>B", 0, 1),
            before("D>E", 3, 4),
            before("B>C", 1, 2),
            before("C>A", 2, 0),
        ],
        vec![],
    );
    let c = calibrate(&p, Options::default()).unwrap();
    assert!(c.decisions_reproducible < 4);
    assert_eq!(c.conflict, vec!["B>C", "C>A"]);
    let de = c.decisions.iter().find(|d| d.label == "D>E").unwrap();
    assert!(de.reproducible);
    assert_eq!(
        de.verdict,
        Verdict::Necessary,
        "D dominates E on both criteria"
    );
}

#[test]
fn output_is_deterministic() {
    let rules = Rulebook::embedded("p1-2015").unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let listed = listed();
    let a = engine::priority_list(&rules, &input, &listed, "seed 000").unwrap();
    let b = engine::priority_list(&rules, &input, &listed, "seed 000").unwrap();
    let ca = serde_json::to_string(&calibrate(&a.problem, Options::default()).unwrap()).unwrap();
    let cb = serde_json::to_string(&calibrate(&b.problem, Options::default()).unwrap()).unwrap();
    assert_eq!(ca, cb);
}

#[test]
fn bad_input_gets_typed_errors_all_at_once() {
    let mut p = problem(
        vec![vec![0.5, f64::NAN], vec![0.2, 1.5]],
        vec![
            before("A>B", 0, 1),
            before("B>A", 1, 0),
            before("A>Z", 0, 9),
        ],
        vec![],
    );
    let err = calibrate(&p, Options::default()).unwrap_err();
    let CalibrateError::Invalid { problems, .. } = &err else {
        panic!("{err}")
    };
    assert!(problems
        .iter()
        .any(|x| matches!(x, InputProblem::BadValue { .. })));
    assert_eq!(
        problems
            .iter()
            .filter(|x| matches!(x, InputProblem::BadValue { .. }))
            .count(),
        2
    );
    assert!(problems
        .iter()
        .any(|x| matches!(x, InputProblem::Contradiction { .. })));
    assert!(problems
        .iter()
        .any(|x| matches!(x, InputProblem::BadReference { .. })));
    p.decisions.clear();
    p.values = vec![vec![0.5, 0.5], vec![0.2, 0.5]];
    let err = calibrate(&p, Options::default()).unwrap_err();
    assert!(err.to_string().contains("no decisions"), "{err}");
    // An unknown country in a decision.
    let rules = Rulebook::embedded("p1-2015").unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let nl = CountryCode::netherlands();
    let err = engine::priority_list(&rules, &input, &[nl], "test").unwrap_err();
    assert!(err.to_string().contains("NL"), "{err}");
}

fn listed() -> Vec<CountryCode> {
    "BE DE FR GB ES SR CN MA IT TR PL BG RO AU CO US"
        .split(' ')
        .map(|c| c.parse().unwrap())
        .collect()
}

#[test]
fn the_priority_patch_reproduces_the_reproducible_decisions_through_the_engine() {
    let rules = Rulebook::embedded("p1-2015").unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let listed = listed();
    let ep = engine::priority_list(&rules, &input, &listed, "seed 000").unwrap();
    let c = calibrate(&ep.problem, Options::default()).unwrap();
    assert!(
        c.decisions_reproducible >= 130,
        "{}",
        c.decisions_reproducible
    );
    assert!(
        !c.conflict.is_empty(),
        "AU, BG, CN cannot all be priority on these values"
    );
    let text = patch::rulebook_patch(&ep, &c);
    let patched = Rulebook::parse("calibrated.toml", &text).unwrap();
    let e = Engine::new(&patched).evaluate(&input).unwrap();
    for (i, d) in c.decisions.iter().enumerate() {
        if !d.reproducible {
            continue;
        }
        let code: CountryCode = ep.problem.alternatives[i].parse().unwrap();
        let r = e.record(code).unwrap();
        let want = listed.contains(&code);
        assert_eq!(
            r.class == Class::Priority,
            want,
            "{}: {:?} ({})",
            d.label,
            r.class,
            r.need
        );
    }
}

#[test]
fn the_network_patch_reproduces_the_reproducible_decisions_through_the_engine() {
    let rules = Rulebook::default_rulebook().unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let hosts: Vec<CountryCode> = "AE AL AU BE BR CN CO CW DE DO ES FR GB GE GH GR HK HR IT KE LB MA MX NG PE PH PL PT RO RS SR TH TN TR US"
        .split(' ')
        .map(|c| c.parse().unwrap())
        .collect();
    let ep = engine::network(&rules, &input, &hosts, "seed 003").unwrap();
    assert!(ep.decided_by_rule.iter().any(|r| r.rule == "R-SPRING"));
    let c = calibrate(&ep.problem, Options::default()).unwrap();
    let text = patch::rulebook_patch(&ep, &c);
    let patched = Rulebook::parse("calibrated.toml", &text).unwrap();
    let e = Engine::new(&patched).evaluate(&input).unwrap();
    for (k, d) in c.decisions.iter().enumerate() {
        if !d.reproducible {
            continue;
        }
        let code: CountryCode = d.label[..2].parse().unwrap();
        let r = e.record(code).unwrap();
        let plc = r.rules.iter().any(|f| f.rule == "R-PLC-1")
            || r.overruled.iter().any(|o| o == "R-PLC-1");
        let host = hosts.contains(&code);
        // A post decision holds on its side; "no post" means R-PLC-1 does not match.
        if host {
            let m = margin_of(
                &ep.problem,
                k,
                &c.weights.iter().map(|w| w.central).collect::<Vec<_>>(),
                &c.thresholds.iter().map(|t| t.central).collect::<Vec<_>>(),
            );
            assert!(m > 0.0, "{}: margin {m}", d.label);
        } else {
            assert!(!plc, "{}: R-PLC-1 matches under the patch", d.label);
        }
    }
}

/// A random small problem: 5 alternatives × 3 criteria on a 0.1 grid, three "before" statements.
fn small() -> impl Strategy<Value = Problem> {
    (
        proptest::collection::vec(proptest::collection::vec(0u8..=10, 3), 5),
        proptest::collection::vec((0usize..5, 0usize..5), 3),
    )
        .prop_filter("distinct pairs", |(_, pairs)| {
            pairs.iter().all(|(a, b)| a != b)
                && pairs
                    .iter()
                    .all(|(a, b)| !pairs.iter().any(|(c, d)| c == b && d == a))
        })
        .prop_map(|(vals, pairs)| {
            let values = vals
                .into_iter()
                .map(|r| r.into_iter().map(|v| f64::from(v) / 10.0).collect())
                .collect();
            let decisions = pairs
                .iter()
                .enumerate()
                .map(|(k, (a, b))| before(&format!("d{k}"), *a, *b))
                .collect();
            problem(values, decisions, vec![])
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Brute force over the weight simplex on a 0.01 grid: every grid weighting that reproduces
    /// the reproducible set lies in the LP's intervals, and no grid point contradicts a verdict
    /// (a grid point that reproduces a decision under the others rules out "impossible", one
    /// that fails it rules out "necessary"). The grid can fall short of an LP extreme where the
    /// feasible region is thinner than a grid step, so only containment is asserted; the exact
    /// extremes are checked on hand-solved problems.
    #[test]
    fn lp_agrees_with_a_brute_force_grid(p in small()) {
        let o = Options::default();
        let c = calibrate(&p, o).unwrap();
        let keep: Vec<bool> = c.decisions.iter().map(|d| d.reproducible).collect();
        let mut lo = [f64::INFINITY; 3];
        let mut hi = [f64::NEG_INFINITY; 3];
        let steps = 100;
        for a in 0..=steps {
            for b in 0..=(steps - a) {
                let w = [a as f64 / 100.0, b as f64 / 100.0, (steps - a - b) as f64 / 100.0];
                let e: Vec<f64> = (0..p.decisions.len()).map(|d| margin_of(&p, d, &w, &[])).collect();
                let others_ok = |skip: usize| (0..e.len()).all(|d| d == skip || !keep[d] || e[d] >= o.margin);
                if others_ok(usize::MAX) {
                    for j in 0..3 {
                        lo[j] = lo[j].min(w[j]);
                        hi[j] = hi[j].max(w[j]);
                    }
                }
                for (d, r) in c.decisions.iter().enumerate() {
                    if others_ok(d) {
                        if e[d] >= o.margin + 1e-9 {
                            prop_assert_ne!(r.verdict, Verdict::Impossible, "{} reproduced at {:?}", r.label, w);
                        } else if e[d] < o.margin - 1e-9 {
                            prop_assert_ne!(r.verdict, Verdict::Necessary, "{} fails at {:?}", r.label, w);
                        }
                    }
                }
            }
        }
        for j in 0..3 {
            let iv = &c.weights[j];
            if lo[j].is_finite() {
                prop_assert!(lo[j] >= iv.min - 1e-7 && hi[j] <= iv.max + 1e-7, "grid outside LP interval for c{}", j);
            }
        }
    }
}

#[test]
fn dutch_text_uses_dutch_titles_labels_and_quantities() {
    let rules = Rulebook::default_rulebook().unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let hosts: Vec<CountryCode> = "AE AL AU BE BR CN CO CW DE DO ES FR GB GE GH GR HK HR IT KE LB MA MX NG PE PH PL PT RO RS SR TH TN TR US"
        .split(' ')
        .map(|c| c.parse().unwrap())
        .collect();
    let ep = engine::network(&rules, &input, &hosts, "seed 003").unwrap();
    let c = calibrate(&ep.problem, Options::default()).unwrap();
    for style in [Style::Text, Style::Markdown] {
        let nl = calibration(&c, &ep.decided_by_rule, placement_text::Lang::Nl, style);
        for english in [
            "network of",
            "post: need",
            "no post",
            "added value",
            "Weights",
            "Thresholds",
            "decisions",
            "(need)",
        ] {
            assert!(!nl.contains(english), "{english:?} in Dutch output:\n{nl}");
        }
        assert!(nl.contains("meerwaarde"));
    }
}
