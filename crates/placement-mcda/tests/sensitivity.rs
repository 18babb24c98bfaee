//! Weight sensitivity: the exact WSM stability intervals against a case checked by hand,
//! against the method-agnostic bisection, and the property that any weight inside a reported
//! interval keeps the same first-ranked alternative.
#![allow(clippy::unwrap_used)] // test code: a failure should abort loudly

use placement_mcda::methods::wsm::weighted_sums;
use placement_mcda::rank::Direction;
use placement_mcda::sensitivity::{bisection_intervals, wsm_intervals};
use placement_mcda::DecisionMatrix;
use proptest::prelude::*;

/// Weight `j` moved to `t`, the others rescaled proportionally (the module's convention).
fn rescaled(w: &[f64], j: usize, t: f64) -> Vec<f64> {
    w.iter()
        .enumerate()
        .map(|(k, &wk)| {
            if k == j {
                t
            } else {
                wk * (1.0 - t) / (1.0 - w[j])
            }
        })
        .collect()
}

/// Index of the best score, ties to the lower index (the module's tie rule).
fn first(scores: &[f64]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// A = (1, 0, 0), B = (0, 0, 1), C = (0.4, 0.4, 0.4), w = (0.2, 0.5, 0.3): scores 0.2, 0.3,
/// 0.4, so C is first.
/// * w1 → t, others (0.5, 0.3)(1 − t)/0.8: s_A = t, s_B = 0.375(1 − t), s_C = 0.4;
///   C stays first while t ≤ 0.4 → [0, 0.4].
/// * w2 → t, others 0.4(1 − t), 0.6(1 − t): s_A = 0.4(1 − t), s_B = 0.6(1 − t);
///   C first while 0.6(1 − t) ≤ 0.4, i.e. t ≥ 1/3 → [1/3, 1].
/// * w3 → t, others (2/7, 5/7)(1 − t): s_A = (2/7)(1 − t), s_B = t; C first while t ≤ 0.4
///   → [0, 0.4].
#[test]
fn wsm_intervals_hand_checked() {
    let r = DecisionMatrix::new(vec![
        vec![1.0, 0.0, 0.0],
        vec![0.0, 0.0, 1.0],
        vec![0.4, 0.4, 0.4],
    ])
    .unwrap();
    let iv = wsm_intervals(&r, &[0.2, 0.5, 0.3], 1).unwrap();
    let expected = [(0.0, 0.4), (1.0 / 3.0, 1.0), (0.0, 0.4)];
    for (got, (lo, hi)) in iv.iter().zip(expected) {
        assert!((got.lower - lo).abs() < 1e-12, "{got:?}");
        assert!((got.upper - hi).abs() < 1e-12, "{got:?}");
    }
    assert_eq!(iv[1].current, 0.5);
    // Top-2 set {B, C}: for w1, A overtakes B where t = 0.375(1 − t), t = 3/11.
    let iv2 = wsm_intervals(&r, &[0.2, 0.5, 0.3], 2).unwrap();
    assert!((iv2[0].upper - 3.0 / 11.0).abs() < 1e-12, "{:?}", iv2[0]);
}

fn matrix() -> impl Strategy<Value = (Vec<Vec<f64>>, Vec<f64>)> {
    (2usize..7, 2usize..5).prop_flat_map(|(m, n)| {
        (
            prop::collection::vec(prop::collection::vec(0.0f64..1.0, n), m),
            prop::collection::vec(0.05f64..1.0, n),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The exact intervals agree with grid search plus bisection on WSM (the top set is
    /// constant on an interval because every score is linear in the moved weight).
    #[test]
    fn wsm_intervals_agree_with_bisection((rows, w) in matrix(), k in 1usize..3) {
        let r = DecisionMatrix::new(rows).unwrap();
        let k = k.min(r.rows());
        let exact = wsm_intervals(&r, &w, k).unwrap();
        let approx = bisection_intervals(&w, k, Direction::HigherIsBetter, 200, |w| {
            Ok(weighted_sums(&r, w))
        })
        .unwrap();
        for (e, a) in exact.iter().zip(&approx) {
            prop_assert!((e.lower - a.lower).abs() < 1e-7, "{e:?} vs {a:?}");
            prop_assert!((e.upper - a.upper).abs() < 1e-7, "{e:?} vs {a:?}");
        }
    }

    /// Anywhere strictly inside a reported interval, the first-ranked alternative is the same.
    #[test]
    fn first_is_unchanged_inside_the_interval(
        (rows, w) in matrix(),
        fractions in prop::collection::vec(0.0f64..1.0, 8),
    ) {
        let r = DecisionMatrix::new(rows).unwrap();
        let sum: f64 = w.iter().sum();
        let w: Vec<f64> = w.iter().map(|x| x / sum).collect();
        let top = first(&weighted_sums(&r, &w));
        for iv in wsm_intervals(&r, &w, 1).unwrap() {
            prop_assert!(iv.lower <= iv.current && iv.current <= iv.upper);
            // stay 1e-9 away from the boundaries, where an exact tie may flip the order
            let (lo, hi) = (iv.lower + 1e-9, iv.upper - 1e-9);
            if lo > hi {
                continue;
            }
            for f in &fractions {
                let t = lo + f * (hi - lo);
                let s = weighted_sums(&r, &rescaled(&w, iv.criterion, t));
                prop_assert_eq!(first(&s), top, "criterion {} at t = {}", iv.criterion, t);
            }
        }
    }
}
