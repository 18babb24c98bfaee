//! Extreme but finite values (issue 15): every method gives a correct answer or a typed
//! error, never NaN or infinity, and scale-invariant methods give the same preferences at
//! any magnitude from 1e-300 to 1e300.
#![allow(clippy::unwrap_used)] // test code: a failure should abort loudly

use placement_mcda::methods::{copras, moora, promethee, topsis, vikor, wpm, wsm};
use placement_mcda::request::handle_json;
use placement_mcda::{weights, CriterionType, CriterionType::*, DecisionMatrix, Normalization};
use proptest::prelude::*;

#[test]
fn vikor_with_plus_minus_1e308_is_finite_and_right() {
    let m = DecisionMatrix::new(vec![vec![1e308, 1.0], vec![-1e308, 2.0], vec![0.0, 3.0]]).unwrap();
    let r = vikor::vikor(&m, &[0.5, 0.5], &[Benefit, Benefit], 0.5).unwrap();
    let small = DecisionMatrix::new(vec![vec![1.0, 1.0], vec![-1.0, 2.0], vec![0.0, 3.0]]).unwrap();
    let s = vikor::vikor(&small, &[0.5, 0.5], &[Benefit, Benefit], 0.5).unwrap();
    assert!(r.q.iter().all(|v| v.is_finite()));
    for (a, b) in r.q.iter().zip(&s.q) {
        assert!((a - b).abs() < 1e-12);
    }
    let out = handle_json(r#"{"matrix": [[1e308, 1], [-1e308, 2], [0, 3]], "types": [1, 1], "weights": [0.5, 0.5], "method": "vikor"}"#).unwrap();
    assert!(!serde_json::to_string(&out).unwrap().contains("null"));
}

#[test]
fn topsis_with_1e200_does_not_tie_everything() {
    let big = DecisionMatrix::new(vec![
        vec![1e200, 3e200],
        vec![2e200, 1e200],
        vec![3e200, 2e200],
    ])
    .unwrap();
    let small = DecisionMatrix::new(vec![vec![1.0, 3.0], vec![2.0, 1.0], vec![3.0, 2.0]]).unwrap();
    for norm in [
        Normalization::Vector,
        Normalization::MinMax,
        Normalization::Sum,
        Normalization::Linear,
    ] {
        let a = topsis::topsis_with(&big, &[0.6, 0.4], &[Benefit, Cost], norm).unwrap();
        let b = topsis::topsis_with(&small, &[0.6, 0.4], &[Benefit, Cost], norm).unwrap();
        for (x, y) in a.preferences.iter().zip(&b.preferences) {
            assert!((x - y).abs() < 1e-12, "{norm:?}: {a:?} vs {b:?}");
        }
        assert_ne!(a.ranking, vec![2.0, 2.0, 2.0]);
    }
}

#[test]
fn moora_keeps_an_overflowing_column() {
    let m = DecisionMatrix::new(vec![vec![1e300, 1.0], vec![2e300, 1.0]]).unwrap();
    let r = moora::moora(&m, &[0.5, 0.5], &[Benefit, Cost]).unwrap();
    assert!(r.preferences[1] > r.preferences[0], "{r:?}");
}

#[test]
fn wsm_accepts_finite_1e308() {
    let m = DecisionMatrix::new(vec![vec![1e308, 1.0], vec![-1e308, 2.0]]).unwrap();
    let r = wsm::wsm(&m, &[0.5, 0.5], &[Benefit, Benefit], Normalization::MinMax).unwrap();
    assert_eq!(r.preferences, vec![0.5, 0.5]);
    let m = DecisionMatrix::new(vec![vec![1e308, 1.0], vec![1.7e308, 2.0]]).unwrap();
    let r = wsm::wsm(&m, &[0.5, 0.5], &[Benefit, Benefit], Normalization::Sum).unwrap();
    assert!(r.preferences.iter().all(|v| v.is_finite()) && r.ranking == vec![2.0, 1.0]);
}

#[test]
fn huge_weights_are_used_as_given_or_refused_with_a_typed_error() {
    let m = DecisionMatrix::new(vec![vec![1.0, 3.0], vec![2.0, 1.0]]).unwrap();
    let e = wsm::wsm(
        &m,
        &[1.7e308, 1.7e308],
        &[Benefit, Benefit],
        Normalization::MinMax,
    )
    .unwrap_err();
    assert!(e.to_string().contains("finite sum"), "{e}");
    let r = topsis::topsis(&m, &[1e300, 1e300], &[Benefit, Benefit]).unwrap();
    let s = topsis::topsis(&m, &[0.5, 0.5], &[Benefit, Benefit]).unwrap();
    assert_eq!(r.preferences, s.preferences);
}

fn all_finite_or_typed(
    m: &DecisionMatrix,
    w: &[f64],
    t: &[CriterionType],
) -> Vec<(&'static str, Option<Vec<f64>>)> {
    let keep =
        |r: placement_mcda::Result<placement_mcda::MethodResult>| r.ok().map(|r| r.preferences);
    vec![
        ("wsm minmax", keep(wsm::wsm(m, w, t, Normalization::MinMax))),
        ("wsm vector", keep(wsm::wsm(m, w, t, Normalization::Vector))),
        ("wsm sum", keep(wsm::wsm(m, w, t, Normalization::Sum))),
        ("wsm linear", keep(wsm::wsm(m, w, t, Normalization::Linear))),
        (
            "wpm sum",
            keep(wpm::wpm_normalized(m, w, t, Normalization::Sum)),
        ),
        (
            "topsis minmax",
            keep(topsis::topsis_with(m, w, t, Normalization::MinMax)),
        ),
        ("topsis vector", keep(topsis::topsis(m, w, t))),
        ("vikor", vikor::vikor(m, w, t, 0.5).ok().map(|r| r.q)),
        ("copras", keep(copras::copras(m, w, t))),
        ("moora", keep(moora::moora(m, w, t))),
        ("entropy", weights::entropy(m).ok()),
        ("critic", weights::critic(m).ok()),
        ("std", weights::std_dev(m).ok()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    /// Multiplying the matrix by 10^k (k in -300..=300) never yields NaN or infinity, and
    /// every method here is scale-invariant, so it gives the same preferences (1e-9).
    #[test]
    fn magnitude_does_not_change_scale_invariant_methods(
        rows in proptest::collection::vec(proptest::collection::vec(1.0f64..100.0, 3), 2..7),
        k in -300i32..=300,
        w in proptest::collection::vec(0.05f64..1.0, 3),
    ) {
        let m = DecisionMatrix::new(rows.clone()).unwrap();
        let f = 10f64.powi(k);
        let scaled = DecisionMatrix::new(rows.iter().map(|r| r.iter().map(|v| v * f).collect()).collect()).unwrap();
        let t = [Benefit, Cost, Benefit];
        let a = all_finite_or_typed(&m, &w, &t);
        let b = all_finite_or_typed(&scaled, &w, &t);
        for ((name, x), (_, y)) in a.iter().zip(&b) {
            if let Some(y) = y {
                prop_assert!(y.iter().all(|v| v.is_finite()), "{} gave {:?}", name, y);
            }
            match (x, y) {
                (Some(x), Some(y)) => for (p, q) in x.iter().zip(y) {
                    prop_assert!((p - q).abs() <= 1e-9 * p.abs().max(1.0), "{} at 1e{}: {:?} vs {:?}", name, k, x, y);
                },
                (None, None) => {}
                _ => prop_assert!(false, "{} succeeded at one scale only (1e{})", name, k),
            }
        }
    }

    /// Any finite values, even near ±f64::MAX: finite output or a typed error.
    #[test]
    fn any_finite_input_gives_finite_output_or_an_error(
        rows in proptest::collection::vec(proptest::collection::vec(
            prop_oneof![-1e308f64..1e308, -10.0f64..10.0, Just(0.0), Just(f64::MAX), Just(f64::MIN), Just(5e-324)], 3), 2..6),
        w in proptest::collection::vec(prop_oneof![0.0f64..1.0, Just(1e300), Just(1e-300)], 3),
    ) {
        let m = DecisionMatrix::new(rows).unwrap();
        let t = [Benefit, Cost, Benefit];
        for (name, r) in all_finite_or_typed(&m, &w, &t) {
            if let Some(r) = r {
                prop_assert!(r.iter().all(|v| v.is_finite()), "{} gave {:?}", name, r);
            }
        }
        let pr = promethee::promethee_ii(&m, &w, &t, promethee::PreferenceFunction::Usual, &Default::default());
        if let Ok(pr) = pr {
            prop_assert!(pr.result.preferences.iter().all(|v| v.is_finite()));
        }
    }
}
