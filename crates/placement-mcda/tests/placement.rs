//! The placement engine as an MCDA method, the `weights_benchmark` report and its SVG chart.
//!
//! * `engine_*`: the placement problem agrees with the engine it was built from;
//! * `benchmark_*`: the report's JSON shape, determinism and CSV (text and chart:
//!   `tests/benchmark_output.rs`).
#![allow(clippy::unwrap_used)] // test code: a failure should abort loudly

use placement_core::{AssessmentSet, Engine, Rulebook};
use placement_mcda::benchmark::{self, BenchmarkOptions, Method, Scheme};
use placement_mcda::correlation::Metric;
use placement_mcda::methods::wsm::weighted_sums;
use placement_mcda::placement::PlacementProblem;
use placement_mcda::{CriterionType, McdaError};
use serde_json::Value;

fn problem() -> PlacementProblem {
    let set = AssessmentSet::default_fixture().unwrap();
    let rules = Rulebook::default_rulebook().unwrap();
    PlacementProblem::evaluate(&set, &rules).unwrap()
}

#[test]
fn engine_matrix_has_sorted_countries_and_the_weighed_criteria() {
    let p = problem();
    let set = AssessmentSet::default_fixture().unwrap();
    assert_eq!(p.alternatives.len(), set.len());
    assert_eq!(p.matrix.rows(), p.alternatives.len());
    assert!(p.alternatives.windows(2).all(|w| w[0] < w[1]));
    let ids = p.criterion_ids();
    assert_eq!(ids.len(), 12);
    assert_eq!(ids[0], "crime_relation");
    assert!(!ids.contains(&"rule_of_law") && !ids.contains(&"europol_channel"));
    for (id, t) in ids.iter().zip(&p.types) {
        let cost = *id == "cooperation_quality";
        assert_eq!(*t == CriterionType::Cost, cost, "{id}");
    }
    assert!((p.weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert!(p.matrix.as_slice().iter().all(|v| (0.0..=10.0).contains(v)));
}

#[test]
fn engine_base_scores_are_wsm_on_the_fixed_scale() {
    let p = problem();
    let wsm = weighted_sums(&p.fixed_scale_utilities(), &p.weights);
    for ((a, s), b) in p.alternatives.iter().zip(&wsm).zip(&p.base_scores) {
        assert!((100.0 * s - b).abs() < 1e-9, "{a}: {} vs {b}", 100.0 * s);
    }
    // The adjust rules make a difference somewhere (the Europol discount for EU members).
    assert!(p
        .scores
        .iter()
        .zip(&p.base_scores)
        .any(|(s, b)| (s - b).abs() > 1e-6));
}

#[test]
fn engine_rank_one_is_the_engines_first_country() {
    let set = AssessmentSet::default_fixture().unwrap();
    let rules = Rulebook::default_rulebook().unwrap();
    let evaluation = Engine::new(&rules).evaluate(&set).unwrap();
    let p = PlacementProblem::from_evaluation(&set, &rules, &evaluation).unwrap();
    let r = p.method();
    for rec in &evaluation.records {
        let i = p
            .alternatives
            .iter()
            .position(|a| a == rec.country.as_str())
            .unwrap();
        assert_eq!(p.scores[i], rec.score);
        // Engine ranks break ties by code; ours share the average: never better.
        assert!(r.ranking[i] <= rec.rank as f64 + 0.5 * p.alternatives.len() as f64);
    }
    let first = evaluation.records[0].country.as_str();
    let i = p.alternatives.iter().position(|a| a == first).unwrap();
    assert!(r.ranking[i] <= 1.5);
}

#[test]
fn engine_rerun_with_the_given_weights_reproduces_the_scores() {
    let p = problem();
    let again = p.method_with_weights(&p.weights).unwrap();
    for (a, b) in again.preferences.iter().zip(&p.scores) {
        assert!((a - b).abs() < 1e-9);
    }
    // Rescaling the weights can move the last bit of a score, so an exact tie may split.
    for (a, b) in again.ranking.iter().zip(&p.method().ranking) {
        assert!((a - b).abs() <= 1.0);
    }
    // Other weights change the order.
    let equal = vec![1.0; p.criteria.len()];
    assert_ne!(
        p.method_with_weights(&equal).unwrap().ranking,
        again.ranking
    );
}

#[test]
fn engine_evaluation_of_another_rulebook_is_refused() {
    let set = AssessmentSet::default_fixture().unwrap();
    let rules = Rulebook::default_rulebook().unwrap();
    let other = Rulebook::embedded("p2-2013").unwrap();
    let evaluation = Engine::new(&other).evaluate(&set).unwrap();
    let err = PlacementProblem::from_evaluation(&set, &rules, &evaluation).unwrap_err();
    assert!(matches!(
        err,
        McdaError::MismatchedEvaluation {
            what: "rulebook",
            ..
        }
    ));
}

fn report_json(smaa: Option<(u64, u64)>) -> Value {
    let p = problem();
    let opts = BenchmarkOptions {
        metrics: vec![Metric::Spearman, Metric::Kendall],
        smaa,
        ..Default::default()
    };
    serde_json::to_value(benchmark::run(&p, &opts).unwrap()).unwrap()
}

#[test]
fn benchmark_json_shape() {
    let v = report_json(Some((2_000, 3)));
    let m = v["alternatives"].as_array().unwrap().len();
    assert_eq!(m, 139);
    assert_eq!(v["rulebook"], "p4-2019");
    assert_eq!(v["criteria"].as_array().unwrap().len(), 12);
    assert_eq!(v["types"].as_array().unwrap().len(), 12);
    assert_eq!(v["criteria_ranks"][0], 1);
    let weights = v["weights"].as_array().unwrap();
    assert_eq!(weights.len(), Scheme::ALL.len());
    for w in weights {
        let s: f64 = w["weights"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .sum();
        assert!((s - 1.0).abs() < 1e-9, "{}", w["scheme"]);
    }
    // Every combination runs on the default fixture (WPM/COPRAS on the shifted scale).
    let runs = v["runs"].as_array().unwrap();
    assert_eq!(runs.len(), Scheme::ALL.len() * Method::ALL.len());
    assert_eq!(runs[0]["id"], "given/wsm");
    assert_eq!(runs[7]["id"], "given/placement");
    for r in runs {
        assert_eq!(r["preferences"].as_array().unwrap().len(), m);
        assert_eq!(r["ranking"].as_array().unwrap().len(), m);
        assert!(r["direction"].is_string());
    }
    assert_eq!(runs[1]["note"], "values shifted by +1 (x > 0)");
    let skipped: Vec<&str> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["scheme"].as_str().unwrap())
        .collect();
    assert_eq!(skipped, ["ahp", "swara"]);
    let corr = v["correlations"].as_array().unwrap();
    assert_eq!(corr.len(), 2);
    assert_eq!(corr[0]["metric"], "spearman");
    assert_eq!(corr[1]["metric"], "kendall");
    let values = corr[0]["values"].as_array().unwrap();
    assert_eq!(values.len(), runs.len());
    for (i, row) in values.iter().enumerate() {
        assert_eq!(row.as_array().unwrap().len(), runs.len());
        assert!((row[i].as_f64().unwrap() - 1.0).abs() < 1e-12);
    }
    let smaa = &v["smaa"];
    assert_eq!(smaa["samples"], 2_000);
    assert_eq!(smaa["utilities"], "fixed_scale");
    let rows = smaa["rows"].as_array().unwrap();
    assert_eq!(rows.len(), m);
    let nb = smaa["buckets"].as_array().unwrap().len();
    let mut last = 0.0;
    for r in rows {
        let b: Vec<f64> = r["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect();
        assert_eq!(b.len(), nb);
        assert!((b.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert_eq!(r["acceptability"].as_array().unwrap().len(), m);
        let mean = r["mean_rank"].as_f64().unwrap();
        assert!(mean >= last);
        last = mean;
    }
}

#[test]
fn benchmark_is_deterministic_and_writes_tidy_csv() {
    let p = problem();
    let opts = BenchmarkOptions {
        schemes: vec![Scheme::Given, Scheme::Entropy],
        methods: vec![Method::Topsis, Method::Placement],
        smaa: Some((1_000, 9)),
        ..Default::default()
    };
    let a = benchmark::run(&p, &opts).unwrap();
    let b = benchmark::run(&p, &opts).unwrap();
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    let csv = a.to_csv();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("section,row,column,value"));
    let m = p.alternatives.len();
    let expected = 2 * 12 + 4 * 2 * m + 16 + m * (m + 2) + 2;
    assert_eq!(lines.count(), expected);
    assert!(csv.contains("\nrank,given/placement,"));
    assert!(csv.contains("\"needs expert pairwise judgements, which"));
}
