//! Published worked examples. Every expected number below is copied from the cited source
//! (paper and table, or the reference test suite that reproduces it), never from this crate.
//! Values are compared after rounding to the number of decimals the source prints.
#![allow(clippy::unwrap_used)] // test code: a failure should abort loudly
#![allow(clippy::approx_constant)] // 6.283 in Zavadskas et al. (2007) is data, not tau

use placement_mcda::ahp::ahp;
use placement_mcda::correlation::{spearman, weighted_spearman, ws_similarity};
use placement_mcda::methods::copras::{copras, sums};
use placement_mcda::methods::promethee::{promethee_ii, PreferenceFunction, Thresholds};
use placement_mcda::methods::{moora::moora, topsis::topsis, topsis::topsis_with, vikor::vikor};
use placement_mcda::methods::{wpm::wpm, wsm::wsm};
use placement_mcda::weights;
use placement_mcda::{CriterionType, DecisionMatrix, Normalization};

fn m(rows: &[&[f64]]) -> DecisionMatrix {
    DecisionMatrix::new(rows.iter().map(|r| r.to_vec()).collect()).unwrap()
}

fn t(codes: &[i64]) -> Vec<CriterionType> {
    CriterionType::from_codes(codes).unwrap()
}

fn round(v: &[f64], d: i32) -> Vec<f64> {
    let f = 10f64.powi(d);
    v.iter().map(|x| (x * f).round() / f).collect()
}

/// Transposes a criteria-in-rows table (as printed in Zavadskas et al. 2007 and
/// Opricovic & Tzeng 2004) into alternatives-in-rows.
fn transpose(cols: &[&[f64]]) -> DecisionMatrix {
    let n_alt = cols[0].len();
    DecisionMatrix::new(
        (0..n_alt)
            .map(|i| cols.iter().map(|c| c[i]).collect())
            .collect(),
    )
    .unwrap()
}

// ---------------------------------------------------------------- TOPSIS

/// Papathanasiou & Ploskas (2018), *Multiple Criteria Decision Aid*, ch. 1 (TOPSIS) worked
/// example, as reproduced in the distance-metrics-mcda test suite.
#[test]
fn topsis_papathanasiou_ploskas_2018() {
    let x = m(&[
        &[8.0, 7.0, 2.0, 1.0],
        &[5.0, 3.0, 7.0, 5.0],
        &[7.0, 5.0, 6.0, 4.0],
        &[9.0, 9.0, 7.0, 3.0],
        &[11.0, 10.0, 3.0, 7.0],
        &[6.0, 9.0, 5.0, 4.0],
    ]);
    let r = topsis(&x, &[0.4, 0.3, 0.1, 0.2], &t(&[1, 1, 1, 1])).unwrap();
    assert_eq!(
        round(&r.preferences, 3),
        vec![0.387, 0.327, 0.391, 0.615, 0.868, 0.493]
    );
    assert_eq!(r.ranking, vec![5.0, 6.0, 4.0, 2.0, 1.0, 3.0]);
}

/// Opricovic & Tzeng (2004), EJOR 156(2), Table 1 (TOPSIS column), as in pymcdm's tests,
/// whose TOPSIS default normalisation is min-max (with vector normalisation the same data
/// give 0.762, 0.722, 0.238).
#[test]
fn topsis_opricovic_tzeng_2004() {
    let x = transpose(&[&[1.0, 2.0, 5.0], &[3000.0, 3750.0, 4500.0]]);
    let r = topsis_with(&x, &[0.5, 0.5], &t(&[-1, 1]), Normalization::MinMax).unwrap();
    assert_eq!(round(&r.preferences, 3), vec![0.500, 0.617, 0.500]);
}

/// Ersoy (2021), LogForum 17(3), entropy-based TOPSIS with cost criteria (closeness
/// coefficients, 2 decimals), as in the pyrepo-mcda test suite.
#[test]
fn topsis_ersoy_2021_with_cost_criteria() {
    let x = m(&[
        &[256.0, 8.0, 41.0, 1.6, 1.77, 7347.16],
        &[256.0, 8.0, 32.0, 1.0, 1.8, 6919.99],
        &[256.0, 8.0, 53.0, 1.6, 1.9, 8400.0],
        &[256.0, 8.0, 41.0, 1.0, 1.75, 6808.9],
        &[512.0, 8.0, 35.0, 1.6, 1.7, 8479.99],
        &[256.0, 4.0, 35.0, 1.6, 1.7, 7499.99],
    ]);
    let w = [0.405, 0.221, 0.134, 0.199, 0.007, 0.034];
    let r = topsis(&x, &w, &t(&[1, 1, 1, 1, -1, -1])).unwrap();
    assert_eq!(
        round(&r.preferences, 2),
        vec![0.31, 0.25, 0.33, 0.26, 0.86, 0.19]
    );
}

// ---------------------------------------------------------------- VIKOR

/// Opricovic & Tzeng (2004), Table 1 (VIKOR column, v = 0.5): Q = 1, 0, 1.
#[test]
fn vikor_opricovic_tzeng_2004() {
    let x = transpose(&[&[1.0, 2.0, 5.0], &[3000.0, 3750.0, 4500.0]]);
    let r = vikor(&x, &[0.5, 0.5], &t(&[-1, 1]), 0.5).unwrap();
    assert_eq!(r.q, vec![1.0, 0.0, 1.0]);
    assert_eq!(r.result.ranking, vec![2.5, 1.0, 2.5]);
    assert_eq!(r.compromise_set, vec![1]);
}

/// Yang & Wu (2020), IEEE Access 8, 21261–21271, as in pymcdm's VIKOR test (v = 0.5).
#[test]
fn vikor_yang_wu_2020() {
    let x = m(&[
        &[78.0, 56.0, 34.0, 6.0],
        &[4.0, 45.0, 3.0, 97.0],
        &[18.0, 2.0, 50.0, 63.0],
        &[9.0, 14.0, 11.0, 92.0],
        &[85.0, 9.0, 100.0, 29.0],
    ]);
    let r = vikor(&x, &[0.25; 4], &t(&[1, 1, 1, 1]), 0.5).unwrap();
    assert_eq!(round(&r.q, 4), vec![0.5679, 0.7667, 1.0, 0.7493, 0.0]);
}

/// Papathanasiou & Ploskas (2018), ch. 2 (VIKOR), v = 0.625, Q values (pyrepo-mcda tests).
#[test]
fn vikor_papathanasiou_ploskas_2018() {
    let x = m(&[
        &[8.0, 7.0, 2.0, 1.0],
        &[5.0, 3.0, 7.0, 5.0],
        &[7.0, 5.0, 6.0, 4.0],
        &[9.0, 9.0, 7.0, 3.0],
        &[11.0, 10.0, 3.0, 7.0],
        &[6.0, 9.0, 5.0, 4.0],
    ]);
    let r = vikor(&x, &[0.4, 0.3, 0.1, 0.2], &t(&[1, 1, 1, 1]), 0.625).unwrap();
    assert_eq!(
        round(&r.q, 3),
        vec![0.640, 1.000, 0.693, 0.271, 0.000, 0.694]
    );
    assert_eq!(r.result.ranking, vec![3.0, 6.0, 4.0, 2.0, 1.0, 5.0]);
}

// ---------------------------------------------------------------- PROMETHEE II

/// Zhao, Peng & Li (2013), Procedia Computer Science 17, usual criterion: φ⁺, φ⁻ and net
/// flows (pymcdm PROMETHEE I/II doctests and tests).
#[test]
fn promethee_ii_zhao_peng_li_2013() {
    let x = m(&[&[4.0, 3.0, 2.0], &[3.0, 2.0, 4.0], &[5.0, 1.0, 3.0]]);
    let r = promethee_ii(
        &x,
        &[0.5, 0.3, 0.2],
        &t(&[1, 1, 1]),
        PreferenceFunction::Usual,
        &Thresholds::default(),
    )
    .unwrap();
    assert_eq!(round(&r.phi_plus, 2), vec![0.55, 0.35, 0.6]);
    assert_eq!(round(&r.phi_minus, 2), vec![0.45, 0.65, 0.4]);
    assert_eq!(round(&r.result.preferences, 2), vec![0.1, -0.3, 0.2]);
}

// ---------------------------------------------------------------- COPRAS

fn zavadskas_2007() -> DecisionMatrix {
    transpose(&[
        &[30.0, 20.0, 27.0, 18.0, 24.0, 16.0],
        &[12.487, 12.372, 11.096, 10.982, 11.017, 10.903],
        &[6.261, 5.961, 6.262, 5.962, 6.283, 5.983],
        &[10.880, 10.880, 9.920, 9.920, 9.980, 9.980],
        &[7.610, 7.460, 6.690, 6.540, 7.000, 6.850],
    ])
}

/// Zavadskas, Kaklauskas, Peldschus & Turskis (2007), Baltic J. Road Bridge Eng. 2(4),
/// both weight sets as listed in pymcdm's COPRAS tests. Those listed values equal
/// `(S⁺ + S⁻)/max(S⁺ + S⁻)` (pymcdm's `Q` expression simplifies to `S⁺ + S⁻`), not the
/// COPRAS `Q` of the paper's formula, so they verify steps 1–2 (sum normalisation,
/// weighting, `S⁺`, `S⁻`) and the final step is checked against the paper's formula by
/// `copras_final_step_is_the_published_formula`. See docs/research.md.
#[test]
fn copras_zavadskas_2007_steps_1_2() {
    for (w, expected) in [
        (
            [0.53, 0.1175, 0.1175, 0.1175, 0.1175],
            [1.0, 0.797, 0.9078, 0.7243, 0.8537, 0.6898],
        ),
        (
            [0.075, 0.7, 0.075, 0.075, 0.075],
            [1.0, 0.9585, 0.8984, 0.86, 0.8886, 0.8532],
        ),
    ] {
        let (sp, sm) = sums(&zavadskas_2007(), &w, &t(&[1, -1, -1, -1, -1])).unwrap();
        let total: Vec<f64> = sp.iter().zip(&sm).map(|(a, b)| a + b).collect();
        let max = total.iter().copied().fold(f64::MIN, f64::max);
        let scaled: Vec<f64> = total.iter().map(|v| v / max).collect();
        assert_eq!(round(&scaled, 4), expected.to_vec());
    }
}

/// Zavadskas et al. (2007), eq. for `Q_i`: `S⁺_i + (min S⁻ · Σ S⁻)/(S⁻_i · Σ (min S⁻/S⁻_k))`,
/// evaluated here independently on the verified sums.
#[test]
fn copras_final_step_is_the_published_formula() {
    let w = [0.53, 0.1175, 0.1175, 0.1175, 0.1175];
    let ty = t(&[1, -1, -1, -1, -1]);
    let (sp, sm) = sums(&zavadskas_2007(), &w, &ty).unwrap();
    let min = sm.iter().copied().fold(f64::MAX, f64::min);
    let total: f64 = sm.iter().sum();
    let den: f64 = sm.iter().map(|s| min / s).sum();
    let q: Vec<f64> = sp
        .iter()
        .zip(&sm)
        .map(|(p, s)| p + min * total / (s * den))
        .collect();
    let qmax = q.iter().copied().fold(f64::MIN, f64::max);
    let r = copras(&zavadskas_2007(), &w, &ty).unwrap();
    for (a, b) in r.preferences.iter().zip(&q) {
        assert!((a - b / qmax).abs() < 1e-12);
    }
}

// ---------------------------------------------------------------- MOORA

/// Siregar et al. (2021), IOP Conf. Ser. Mater. Sci. Eng. 1088, 012022 (pymcdm MOORA test).
#[test]
fn moora_siregar_2021() {
    let x = m(&[
        &[1.5, 3.0, 5.0, 3.3],
        &[2.0, 7.0, 5.0, 3.35],
        &[3.0, 1.0, 5.0, 3.07],
        &[2.2, 4.0, 5.0, 3.5],
        &[2.0, 5.0, 3.0, 3.09],
        &[3.2, 2.0, 3.0, 3.48],
        &[2.775, 3.0, 5.0, 3.27],
    ]);
    let r = moora(&x, &[0.3, 0.2, 0.1, 0.4], &t(&[-1, 1, 1, 1])).unwrap();
    assert_eq!(
        round(&r.preferences, 4),
        vec![0.1801, 0.2345, 0.0625, 0.1757, 0.1683, 0.0742, 0.1197]
    );
}

// ---------------------------------------------------------------- WSM / WPM

fn triantaphyllou() -> DecisionMatrix {
    m(&[
        &[25.0, 20.0, 15.0, 30.0],
        &[10.0, 30.0, 20.0, 30.0],
        &[30.0, 10.0, 30.0, 10.0],
    ])
}

/// Triantaphyllou (2000), *Multi-Criteria Decision Making Methods: A Comparative Study*,
/// ch. 2 numerical example (reproduced in the "Weighted sum model" encyclopedia entry):
/// WSM scores 21.50, 22.00, 22.00. Every column has max 30, so linear normalisation divides
/// every score by 30 and keeps the published tie between A2 and A3.
#[test]
fn wsm_triantaphyllou_2000() {
    let r = wsm(
        &triantaphyllou(),
        &[0.2, 0.15, 0.4, 0.25],
        &t(&[1, 1, 1, 1]),
        Normalization::Linear,
    )
    .unwrap();
    let scaled: Vec<f64> = r.preferences.iter().map(|p| p * 30.0).collect();
    assert_eq!(round(&scaled, 2), vec![21.5, 22.0, 22.0]);
    assert_eq!(r.ranking, vec![3.0, 1.5, 1.5]);
}

/// Same source, WPM: R(A1/A2) = 1.007, R(A1/A3) = 1.067, R(A2/A3) = 1.059; A1 best.
#[test]
fn wpm_triantaphyllou_2000() {
    let r = wpm(
        &triantaphyllou(),
        &[0.2, 0.15, 0.4, 0.25],
        &t(&[1, 1, 1, 1]),
    )
    .unwrap();
    let p = &r.preferences;
    assert_eq!(
        round(&[p[0] / p[1], p[0] / p[2], p[1] / p[2]], 3),
        vec![1.007, 1.067, 1.059]
    );
    assert_eq!(r.ranking, vec![1.0, 2.0, 3.0]);
}

// ---------------------------------------------------------------- weights

/// Xu (2004), EJOR 156(2), 530–532: entropy weights 0.4630, 0.3992, 0.1378, 0.0000
/// (pyrepo-mcda weighting tests).
#[test]
fn entropy_xu_2004() {
    let x = m(&[
        &[30.0, 30.0, 38.0, 29.0],
        &[19.0, 54.0, 86.0, 29.0],
        &[19.0, 15.0, 85.0, 28.9],
        &[68.0, 70.0, 60.0, 29.0],
    ]);
    assert_eq!(
        round(&weights::entropy(&x).unwrap(), 4),
        vec![0.4630, 0.3992, 0.1378, 0.0]
    );
}

/// Zavadskas & Podvezko (2016), IJITDM 15(2), 267–283: entropy weights.
#[test]
fn entropy_zavadskas_podvezko_2016() {
    let x = m(&[
        &[3.0, 100.0, 10.0, 7.0],
        &[2.5, 80.0, 8.0, 5.0],
        &[1.8, 50.0, 20.0, 11.0],
        &[2.2, 70.0, 12.0, 9.0],
    ]);
    assert_eq!(
        round(&weights::entropy(&x).unwrap(), 4),
        vec![0.1146, 0.1981, 0.4185, 0.2689]
    );
}

/// Tuş & Aytaç Adalı (2019), Opsearch 56(2), 528–538: CRITIC weights.
#[test]
fn critic_tus_aytac_adali_2019() {
    let x = m(&[
        &[5000.0, 3.0, 3.0, 4.0, 3.0, 2.0],
        &[680.0, 5.0, 3.0, 2.0, 2.0, 1.0],
        &[2000.0, 3.0, 2.0, 3.0, 4.0, 3.0],
        &[600.0, 4.0, 3.0, 1.0, 2.0, 2.0],
        &[800.0, 2.0, 4.0, 3.0, 3.0, 4.0],
    ]);
    assert_eq!(
        round(&weights::critic(&x).unwrap(), 3),
        vec![0.157, 0.249, 0.168, 0.121, 0.154, 0.151]
    );
}

/// Sałabun, Wątróbski & Shekhovtsov (2020), Symmetry 12(9), 1549: standard-deviation weights.
#[test]
fn std_salabun_watrobski_shekhovtsov_2020() {
    let x = m(&[
        &[0.619, 0.449, 0.447],
        &[0.862, 0.466, 0.006],
        &[0.458, 0.698, 0.771],
        &[0.777, 0.631, 0.491],
        &[0.567, 0.992, 0.968],
    ]);
    assert_eq!(
        round(&weights::std_dev(&x).unwrap(), 3),
        vec![0.217, 0.294, 0.488]
    );
}

/// Barron & Barrett (1996), Management Science 42(11), Table 1, n = 4:
/// ROC .5208 .2708 .1458 .0625; RS .4 .3 .2 .1; RR .48 .24 .16 .12.
#[test]
fn rank_based_weights_barron_barrett_1996() {
    let ranks = [1, 2, 3, 4];
    assert_eq!(
        round(&weights::rank_order_centroid(&ranks).unwrap(), 4),
        vec![0.5208, 0.2708, 0.1458, 0.0625]
    );
    assert_eq!(
        round(&weights::rank_sum(&ranks).unwrap(), 4),
        vec![0.4, 0.3, 0.2, 0.1]
    );
    assert_eq!(
        round(&weights::reciprocal_rank(&ranks).unwrap(), 4),
        vec![0.48, 0.24, 0.16, 0.12]
    );
}

/// The 3x3 matrix of the FuzzyAHP R package's `test_consistencyRatio.R` (Caha & Drážná):
/// CR = 0.0623919 with that package's random index RI(3) = 0.52 (Alonso & Lamata 2006), i.e.
/// CI = 0.0623919 × 0.52. With Saaty's RI(3) = 0.58 our CR is CI/0.58.
#[test]
fn ahp_consistency_index_fuzzyahp_reference() {
    let a = vec![
        vec![1.0, 1.0 / 3.0, 5.0],
        vec![3.0, 1.0, 7.0],
        vec![0.2, 1.0 / 7.0, 1.0],
    ];
    let r = ahp(&a).unwrap();
    assert!((r.ci - 0.0623919 * 0.52).abs() < 1e-6, "ci = {}", r.ci);
    assert!((r.cr.unwrap() - r.ci / 0.58).abs() < 1e-15);
    assert!(r.is_consistent(0.1));
}

// ---------------------------------------------------------------- rank comparison

/// Sałabun & Urbaniak (2020), ICCS, LNCS 12138: Spearman of (1..5) vs (2,1,3,4,5) is 0.9.
#[test]
fn spearman_salabun_urbaniak_2020() {
    let r = spearman(&[1.0, 2.0, 3.0, 4.0, 5.0], &[2.0, 1.0, 3.0, 4.0, 5.0]).unwrap();
    assert_eq!(round(&[r], 2), vec![0.9]);
}

/// Paradowski, Bączkiewicz & Wątróbski (2021), Procedia Computer Science 192: r_w = 0.96
/// and WS = 0.90 for two 12-item rankings (pyfdm correlation tests).
#[test]
fn weighted_spearman_and_ws_paradowski_2021() {
    let x = [
        7.0, 11.0, 2.0, 1.0, 4.0, 9.0, 6.0, 3.0, 5.0, 10.0, 8.0, 12.0,
    ];
    let y = [
        7.0, 11.0, 3.0, 2.0, 4.0, 9.0, 6.0, 1.0, 5.0, 10.0, 8.0, 12.0,
    ];
    assert_eq!(round(&[weighted_spearman(&x, &y).unwrap()], 2), vec![0.96]);
    assert_eq!(round(&[ws_similarity(&x, &y).unwrap()], 2), vec![0.9]);
}
