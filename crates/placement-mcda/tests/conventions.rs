//! Peer conventions, explicit: each default of the `mcda` contract reproduces pymcdm 1.4.0
//! (values computed with pymcdm 1.4.0 from PyPI on the matrix below, weights summing to 1.2
//! and used as given, `types = [-1, 1, 1, 1]`; the script is in docs/research.md), and the
//! Rust functions do the same under the same parameters.
#![allow(clippy::unwrap_used)] // test code: a failure should abort loudly

use placement_mcda::methods::{copras, moora, topsis, vikor, wpm, wsm};
use placement_mcda::request::handle_json;
use placement_mcda::{weights, CriterionType::*, DecisionMatrix, McdaError, Normalization};

const X: [[f64; 4]; 6] = [
    [7.97, 4.95, 8.73, 7.28],
    [1.85, 9.78, 7.85, 8.07],
    [2.15, 5.05, 4.34, 9.34],
    [6.79, 8.4, 4.99, 3.05],
    [5.99, 1.57, 8.45, 6.68],
    [7.82, 4.19, 9.74, 9.04],
];
const W: [f64; 4] = [0.4, 0.3, 0.2, 0.3];

fn m() -> DecisionMatrix {
    DecisionMatrix::new(X.iter().map(|r| r.to_vec()).collect()).unwrap()
}

fn close(a: &[f64], b: &[f64]) {
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert!((x - y).abs() < 1e-9, "{a:?} vs {b:?}");
    }
}

fn request(method: &str, params: &str) -> placement_mcda::request::Response {
    let json = format!(
        r#"{{"matrix": {:?}, "types": [-1, 1, 1, 1], "weights": {:?}, "method": "{method}", "params": {params}}}"#,
        X.map(|r| r.to_vec()),
        W.to_vec()
    );
    handle_json(&json).unwrap()
}

// pymcdm 1.4.0, default constructors unless noted.
const PYMCDM_WSM: [f64; 6] = [
    0.16550010827520886,
    0.31518900872173194,
    0.24705126699763863,
    0.15537838288900271,
    0.14075733951982777,
    0.17612389359659006,
];
const PYMCDM_WPM: [f64; 6] = [
    0.0863765760703566,
    0.1918776752454011,
    0.13752116075901707,
    0.07433638342213568,
    0.06642918717335962,
    0.09030240508732688,
];
const PYMCDM_TOPSIS: [f64; 6] = [
    0.38962645091164194,
    0.860162922866208,
    0.65393493661756,
    0.35471056738691314,
    0.38286504695506995,
    0.4508467445376459,
];
const PYMCDM_VIKOR: [f64; 6] = [
    0.9046293191674983,
    0.0,
    0.37916647281900895,
    0.8831451772628243,
    0.7761317087938504,
    0.8178467897621946,
];
const PYMCDM_MOORA: [f64; 6] = [
    0.09093300214582681,
    0.35567332805757146,
    0.23815293740421284,
    0.08165893831199536,
    0.06626127008051494,
    0.11961701603734332,
];
// TOPSIS(vector_normalization), WSM(minmax_normalization), WPM(linear_normalization), PROMETHEE_II('usual')
const PYMCDM_TOPSIS_VECTOR: [f64; 6] = [
    0.3526816816366017,
    0.895677895802379,
    0.6474939037224966,
    0.43448477019533294,
    0.31213682630486045,
    0.3878826260720084,
];
const PYMCDM_WSM_MINMAX: [f64; 6] = [
    0.4878493173979311,
    1.0694276629570747,
    0.8075541544266915,
    0.3507719477018037,
    0.45476594241300117,
    0.5912324017074322,
];
const PYMCDM_WPM_LINEAR: [f64; 6] = [
    0.41265933534154603,
    0.9166850266113051,
    0.6569997721140236,
    0.3551379780287486,
    0.31736178340652504,
    0.43141476727123895,
];
const PYMCDM_PROMETHEE: [f64; 6] = [
    -0.4,
    0.72,
    0.4000000000000001,
    -0.31999999999999995,
    -0.3599999999999999,
    -0.039999999999999925,
];

#[test]
fn contract_defaults_reproduce_pymcdm_1_4_0() {
    close(&request("wsm", "{}").preferences.unwrap(), &PYMCDM_WSM);
    close(&request("wpm", "{}").preferences.unwrap(), &PYMCDM_WPM);
    close(
        &request("topsis", "{}").preferences.unwrap(),
        &PYMCDM_TOPSIS,
    );
    close(&request("vikor", "{}").preferences.unwrap(), &PYMCDM_VIKOR);
    close(&request("moora", "{}").preferences.unwrap(), &PYMCDM_MOORA);
    close(
        &request("promethee_ii", "{}").preferences.unwrap(),
        &PYMCDM_PROMETHEE,
    );
    let r = request("topsis", r#"{"normalization": "vector"}"#);
    close(&r.preferences.unwrap(), &PYMCDM_TOPSIS_VECTOR);
    let r = request("wsm", r#"{"normalization": "minmax"}"#);
    close(&r.preferences.unwrap(), &PYMCDM_WSM_MINMAX);
    let r = request("wpm", r#"{"normalization": "linear"}"#);
    close(&r.preferences.unwrap(), &PYMCDM_WPM_LINEAR);
    // the weights are reported as used: as given
    assert_eq!(request("wsm", "{}").weights.unwrap(), W.to_vec());
}

#[test]
fn library_functions_match_pymcdm_with_the_same_parameters() {
    let (m, t) = (m(), [Cost, Benefit, Benefit, Benefit]);
    close(
        &wsm::wsm(&m, &W, &t, Normalization::Sum)
            .unwrap()
            .preferences,
        &PYMCDM_WSM,
    );
    close(
        &wpm::wpm_normalized(&m, &W, &t, Normalization::Sum)
            .unwrap()
            .preferences,
        &PYMCDM_WPM,
    );
    close(
        &topsis::topsis_with(&m, &W, &t, Normalization::MinMax)
            .unwrap()
            .preferences,
        &PYMCDM_TOPSIS,
    );
    close(
        &topsis::topsis(&m, &W, &t).unwrap().preferences,
        &PYMCDM_TOPSIS_VECTOR,
    );
    close(&vikor::vikor(&m, &W, &t, 0.5).unwrap().q, &PYMCDM_VIKOR);
    close(
        &moora::moora(&m, &W, &t).unwrap().preferences,
        &PYMCDM_MOORA,
    );
}

#[test]
fn rescaling_weights_changes_values_not_rankings() {
    let as_given = request("wsm", "{}");
    let json = format!(
        r#"{{"matrix": {:?}, "types": [-1, 1, 1, 1], "weights": {:?}, "method": "wsm", "rescale_weights": true}}"#,
        X.map(|r| r.to_vec()),
        W.to_vec()
    );
    let rescaled = handle_json(&json).unwrap();
    let (a, b) = (as_given.preferences.unwrap(), rescaled.preferences.unwrap());
    close(&a.iter().map(|v| v / 1.2).collect::<Vec<_>>(), &b);
    assert_eq!(as_given.ranking, rescaled.ranking);
    close(&rescaled.weights.unwrap(), &W.map(|w| w / 1.2));
}

#[test]
fn wpm_raw_and_sum_normalised_rank_alike() {
    let (m, t) = (m(), [Cost, Benefit, Benefit, Benefit]);
    let raw = wpm::wpm(&m, &W, &t).unwrap();
    let sum = wpm::wpm_normalized(&m, &W, &t, Normalization::Sum).unwrap();
    assert_eq!(raw.ranking, sum.ranking);
    let none = request("wpm", r#"{"normalization": "none"}"#);
    close(&none.preferences.unwrap(), &raw.preferences);
}

/// COPRAS with a zero (hand computation from the definition of Zavadskas et al. 2007;
/// the Uysal & Inan 2022 table could not be retrieved here, see docs/research.md):
/// x = [[0, 4, 2], [3, 2, 1], [1, 2, 1]], w = [0.5, 0.3, 0.2], types [+, +, −].
/// Column sums 4, 8, 4; d = [[0, .15, .1], [.375, .075, .05], [.125, .075, .05]];
/// S⁺ = [.15, .45, .2], S⁻ = [.1, .05, .05]; min S⁻ = .05, ΣS⁻ = .2,
/// Σ(min/S⁻) = .5 + 1 + 1 = 2.5; Q = S⁺ + (.05/S⁻)(.2/2.5) = [.19, .53, .28];
/// N = Q/.53.
#[test]
fn copras_accepts_zeros_where_its_sums_stay_positive() {
    let m = DecisionMatrix::new(vec![
        vec![0.0, 4.0, 2.0],
        vec![3.0, 2.0, 1.0],
        vec![1.0, 2.0, 1.0],
    ])
    .unwrap();
    let t = [Benefit, Benefit, Cost];
    let r = copras::copras(&m, &[0.5, 0.3, 0.2], &t).unwrap();
    close(&r.preferences, &[0.19 / 0.53, 1.0, 0.28 / 0.53]);
    // an all-zero column, a negative value and a zero S⁻ are each refused, saying why
    let zero_col = DecisionMatrix::new(vec![vec![0.0, 1.0], vec![0.0, 2.0]]).unwrap();
    let e = copras::copras(&zero_col, &[0.5, 0.5], &[Benefit, Cost]).unwrap_err();
    assert!(
        e.to_string().contains("column 0") && e.to_string().contains("at least one positive"),
        "{e}"
    );
    let neg = DecisionMatrix::new(vec![vec![-1.0, 1.0], vec![2.0, 2.0]]).unwrap();
    let e = copras::copras(&neg, &[0.5, 0.5], &[Benefit, Cost]).unwrap_err();
    assert!(
        matches!(
            e,
            McdaError::NegativeNotAllowed {
                row: 0,
                column: 0,
                ..
            }
        ),
        "{e}"
    );
    let zero_cost = DecisionMatrix::new(vec![vec![1.0, 0.0], vec![2.0, 2.0]]).unwrap();
    let e = copras::copras(&zero_cost, &[0.5, 0.5], &[Benefit, Cost]).unwrap_err();
    assert!(e.to_string().contains("S- of row 0"), "{e}");
}

#[test]
fn entropy_error_says_zeros_are_allowed() {
    let m = DecisionMatrix::new(vec![vec![0.0, 1.0], vec![-1.0, 2.0]]).unwrap();
    let e = weights::entropy(&m).unwrap_err().to_string();
    assert!(
        e.contains(">= 0") && e.contains("zeros are allowed") && !e.contains("strictly"),
        "{e}"
    );
    assert!(
        weights::entropy(&DecisionMatrix::new(vec![vec![0.0, 1.0], vec![1.0, 2.0]]).unwrap())
            .is_ok()
    );
}

fn err(json: &str) -> (String, String) {
    match handle_json(json).unwrap_err() {
        McdaError::InvalidRequest { field, reason } => (field, reason),
        other => panic!("expected InvalidRequest, got {other}"),
    }
}

#[test]
fn parameters_that_do_not_apply_are_errors_naming_them() {
    let base = r#""matrix": [[1, 2], [2, 1]], "types": [1, 1], "weights": [0.5, 0.5]"#;
    let (f, r) = err(&format!(
        r#"{{{base}, "method": "topsis", "params": {{"v": 0.3}}}}"#
    ));
    assert_eq!(f, "params.v");
    assert!(
        r.contains("does not apply to topsis") && r.contains("normalization"),
        "{r}"
    );
    let (f, r) = err(&format!(
        r#"{{{base}, "method": "copras", "params": {{"normalization": "sum"}}}}"#
    ));
    assert_eq!(f, "params.normalization");
    assert!(r.contains("none"), "{r}");
    let (f, _) = err(&format!(
        r#"{{{base}, "method": "promethee_ii", "params": {{"q": [1, 1]}}}}"#
    ));
    assert_eq!(f, "params.q");
    let (f, r) = err(&format!(
        r#"{{{base}, "method": "wsm", "params": {{"normalization": "none"}}}}"#
    ));
    assert_eq!(f, "params.normalization");
    assert!(r.contains("wpm only"), "{r}");
}

#[test]
fn bad_enums_are_reported_against_the_full_path() {
    let base = r#""matrix": [[1, 2], [2, 1]], "types": [1, 1], "weights": [0.5, 0.5]"#;
    let (f, r) = err(&format!(
        r#"{{{base}, "method": "topsis", "params": {{"normalization": "l2"}}}}"#
    ));
    assert_eq!(f, "params.normalization");
    assert!(r.contains("minmax") && r.contains("l2"), "{r}");
    let (f, _) = err(&format!(
        r#"{{{base}, "method": "promethee_ii", "params": {{"preference_function": "step"}}}}"#
    ));
    assert_eq!(f, "params.preference_function");
    let (f, _) = err(r#"{"compare": {"x": [1, 2], "y": [2, 1], "metric": "pearson"}}"#);
    assert_eq!(f, "compare.metric");
    let (f, _) = err(r#"{"weights": {"scheme": "swara", "s": "x"}}"#);
    assert_eq!(f, "weights.s");
}
