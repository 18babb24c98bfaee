//! Property tests and degenerate-input tests.
#![allow(clippy::unwrap_used)] // test code: a failure should abort loudly

use placement_mcda::methods::{topsis::topsis, vikor::vikor, wpm::wpm, wsm::wsm};
use placement_mcda::rank::is_average_ranking;
use placement_mcda::smaa::{smaa2, SmaaOptions, WeightModel};
use placement_mcda::{
    ahp::ahp, normalize, weights, CriterionType, DecisionMatrix, McdaError, Normalization,
};
use proptest::prelude::*;

fn problem() -> impl Strategy<Value = (Vec<Vec<f64>>, Vec<f64>, Vec<i64>)> {
    (2usize..7, 1usize..5).prop_flat_map(|(m, n)| {
        (
            prop::collection::vec(prop::collection::vec(0.5f64..100.0, n), m),
            prop::collection::vec(0.01f64..1.0, n),
            prop::collection::vec(prop_oneof![Just(1i64), Just(-1i64)], n),
        )
    })
}

fn types(c: &[i64]) -> Vec<CriterionType> {
    CriterionType::from_codes(c).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// WSM with linear or sum normalisation and TOPSIS keep their ranking when one
    /// criterion is multiplied by a positive constant.
    #[test]
    fn rescaling_one_criterion_keeps_rankings((rows, w, c) in problem(), j in 0usize..5, k in 0.01f64..100.0) {
        let j = j % w.len();
        let a = DecisionMatrix::new(rows.clone()).unwrap();
        let scaled: Vec<Vec<f64>> = rows.iter().map(|r| r.iter().enumerate().map(|(i, x)| if i == j { x * k } else { *x }).collect()).collect();
        let b = DecisionMatrix::new(scaled).unwrap();
        let t = types(&c);
        for norm in [Normalization::Linear, Normalization::Sum] {
            let (ra, rb) = (wsm(&a, &w, &t, norm).unwrap(), wsm(&b, &w, &t, norm).unwrap());
            for (x, y) in ra.preferences.iter().zip(&rb.preferences) { prop_assert!((x - y).abs() < 1e-9); }
        }
        let (ta, tb) = (topsis(&a, &w, &t).unwrap(), topsis(&b, &w, &t).unwrap());
        for (x, y) in ta.preferences.iter().zip(&tb.preferences) { prop_assert!((x - y).abs() < 1e-9); }
    }

    /// Reversing the order of the alternatives reverses the ranking vector.
    #[test]
    fn permutation_of_alternatives((rows, w, c) in problem()) {
        let a = DecisionMatrix::new(rows.clone()).unwrap();
        let b = DecisionMatrix::new(rows.iter().rev().cloned().collect()).unwrap();
        let t = types(&c);
        let (ra, rb) = (topsis(&a, &w, &t).unwrap(), topsis(&b, &w, &t).unwrap());
        let rev: Vec<f64> = rb.ranking.iter().rev().copied().collect();
        prop_assert_eq!(ra.ranking, rev);
        let (wa, wb) = (wsm(&a, &w, &t, Normalization::MinMax).unwrap(), wsm(&b, &w, &t, Normalization::MinMax).unwrap());
        let rev: Vec<f64> = wb.ranking.iter().rev().copied().collect();
        prop_assert_eq!(wa.ranking, rev);
    }

    /// Every method's ranking is a valid average-rank vector and no output is NaN.
    #[test]
    fn rankings_are_average_rank_vectors((rows, w, c) in problem()) {
        let a = DecisionMatrix::new(rows).unwrap();
        let t = types(&c);
        for r in [wsm(&a, &w, &t, Normalization::MinMax).unwrap(), wpm(&a, &w, &t).unwrap(), topsis(&a, &w, &t).unwrap()] {
            prop_assert!(is_average_ranking(&r.ranking));
            prop_assert!(r.preferences.iter().all(|p| p.is_finite()));
        }
    }

    /// SMAA acceptabilities sum to 1 per alternative and per rank.
    #[test]
    fn smaa_acceptabilities_sum_to_one((rows, _w, _c) in problem(), seed in 0u64..1000) {
        let u = DecisionMatrix::new(rows).unwrap();
        let r = smaa2(&u, &SmaaOptions { samples: 500, seed, ..Default::default() }).unwrap();
        let m = r.acceptability.len();
        for i in 0..m {
            prop_assert!((r.acceptability[i].iter().sum::<f64>() - 1.0).abs() < 1e-9);
            prop_assert!((r.acceptability.iter().map(|row| row[i]).sum::<f64>() - 1.0).abs() < 1e-9);
        }
    }
}

fn random_matrix(m: usize, n: usize) -> DecisionMatrix {
    let data: Vec<f64> = (0..m * n)
        .map(|k| ((k * 7919) % 1000) as f64 / 1000.0)
        .collect();
    DecisionMatrix::from_row_major(m, n, data).unwrap()
}

/// Same seed, 1 and 2 rayon threads: bit-identical SMAA output (several chunks).
#[test]
fn smaa_is_bit_identical_across_thread_counts() {
    let u = random_matrix(40, 5);
    for model in [
        WeightModel::UniformSimplex,
        WeightModel::Ordinal {
            ranks: vec![2, 1, 3, 5, 4],
        },
        WeightModel::Intervals {
            lower: vec![0.1; 5],
            upper: vec![0.5; 5],
        },
    ] {
        let opts = SmaaOptions {
            samples: 40_000,
            seed: 99,
            weights: model,
            confidence_samples: 10,
        };
        let run = |threads| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| smaa2(&u, &opts).unwrap())
        };
        assert_eq!(run(1), run(2));
    }
}

/// Ordinal weights respect the ranking in the central weight vectors.
#[test]
fn smaa_ordinal_central_weights_respect_order() {
    let u = random_matrix(10, 3);
    let r = smaa2(
        &u,
        &SmaaOptions {
            samples: 5000,
            seed: 3,
            weights: WeightModel::Ordinal {
                ranks: vec![3, 1, 2],
            },
            confidence_samples: 1,
        },
    )
    .unwrap();
    for w in r
        .central_weights
        .iter()
        .filter(|w| w.iter().sum::<f64>() > 0.0)
    {
        assert!(w[1] >= w[2] && w[2] >= w[0]);
    }
}

// ------------------------------------------------------------ degenerate input

#[test]
fn nan_and_ragged_rows_are_all_reported() {
    let e = DecisionMatrix::new(vec![
        vec![1.0, f64::NAN],
        vec![1.0],
        vec![f64::INFINITY, 2.0],
    ])
    .unwrap_err();
    match e {
        McdaError::Multiple { issues } => assert_eq!(issues.len(), 3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn constant_column_results() {
    let m = DecisionMatrix::new(vec![vec![1.0, 5.0], vec![2.0, 5.0], vec![3.0, 5.0]]).unwrap();
    let t = types(&[1, 1]);
    // min-max gives ones (pymcdm), so the column cannot change the WSM ranking
    let n = normalize(&m, &t, Normalization::MinMax).unwrap();
    assert_eq!(n.column(1), vec![1.0, 1.0, 1.0]);
    // VIKOR refuses it with a typed error
    assert_eq!(
        vikor(&m, &[0.5, 0.5], &t, 0.5).unwrap_err(),
        McdaError::ConstantCriterion {
            method: "VIKOR",
            column: 1
        }
    );
    // objective weights give it weight 0
    assert_eq!(weights::entropy(&m).unwrap()[1], 0.0);
    assert_eq!(weights::std_dev(&m).unwrap()[1], 0.0);
    assert_eq!(weights::critic(&m).unwrap()[1], 0.0);
    // TOPSIS is finite
    assert!(topsis(&m, &[0.5, 0.5], &t)
        .unwrap()
        .preferences
        .iter()
        .all(|p| p.is_finite()));
}

#[test]
fn zero_or_negative_values_are_refused_where_needed() {
    let m = DecisionMatrix::new(vec![vec![0.0, 1.0], vec![2.0, -1.0]]).unwrap();
    let t = types(&[1, 1]);
    assert!(matches!(
        wpm(&m, &[0.5, 0.5], &t).unwrap_err(),
        McdaError::Multiple { .. }
    ));
    assert_eq!(
        normalize(
            &DecisionMatrix::new(vec![vec![0.0], vec![1.0]]).unwrap(),
            &types(&[1]),
            Normalization::Sum
        )
        .unwrap_err(),
        McdaError::ZeroOrNegativeNotAllowed {
            method: "sum normalisation",
            row: 0,
            column: 0,
            value: 0.0
        }
    );
}

#[test]
fn single_alternative_is_handled() {
    let m = DecisionMatrix::new(vec![vec![3.0, 4.0]]).unwrap();
    let t = types(&[1, -1]);
    assert_eq!(topsis(&m, &[0.5, 0.5], &t).unwrap().ranking, vec![1.0]);
    assert_eq!(vikor(&m, &[0.5, 0.5], &t, 0.5).unwrap().q, vec![0.0]);
    assert_eq!(weights::entropy(&m).unwrap(), vec![0.5, 0.5]);
}

#[test]
fn weights_must_have_positive_sum() {
    let m = DecisionMatrix::new(vec![vec![1.0, 2.0], vec![2.0, 1.0]]).unwrap();
    let t = types(&[1, 1]);
    assert_eq!(
        topsis(&m, &[0.0, 0.0], &t).unwrap_err(),
        McdaError::NonPositiveWeightSum { sum: 0.0 }
    );
    assert!(matches!(
        topsis(&m, &[-1.0, 2.0], &t).unwrap_err(),
        McdaError::InvalidWeight { index: 0, .. }
    ));
}

#[test]
fn non_reciprocal_ahp_is_refused_and_inconsistent_ahp_is_flagged() {
    let e = ahp(&[vec![1.0, 3.0], vec![3.0, 1.0]]).unwrap_err();
    assert_eq!(
        e,
        McdaError::NotReciprocal {
            i: 0,
            j: 1,
            a_ij: 3.0,
            a_ji: 3.0
        }
    );
    let bad = vec![
        vec![1.0, 9.0, 1.0 / 9.0],
        vec![1.0 / 9.0, 1.0, 9.0],
        vec![9.0, 1.0 / 9.0, 1.0],
    ];
    let r = ahp(&bad).unwrap();
    assert!(!r.is_consistent(0.1));
    assert!(matches!(
        r.require_consistent(0.1),
        Err(McdaError::InconsistentAhp { .. })
    ));
}

#[test]
fn swara_follows_the_keršulienė_recursion() {
    // k = (1, 1.5, 1.2): q = (1, 1/1.5, 1/1.8), hand-computed from the defining equations
    let w = weights::swara(&[0.5, 0.2], 3).unwrap();
    let q = [1.0, 1.0 / 1.5, 1.0 / 1.8];
    let s: f64 = q.iter().sum();
    for (a, b) in w.iter().zip(q) {
        assert!((a - b / s).abs() < 1e-15);
    }
}
