//! The two ways of computing PROMETHEE II's positive and negative flows (before the division
//! by `m − 1`):
//!
//! * [`pairwise`]: the definition, `Σ_b π(a, b)` over every ordered pair, `O(m² n)`. The
//!   reference the fast path is tested against, and the path for the Gaussian function.
//! * [`sorted`]: `O(n · m log m)` for the usual, U-shape, V-shape, level and linear functions.
//!   Each criterion is sorted once; for an alternative `a` with value `y_a` the differences
//!   `d_b = y_a − y_b` fall, in sorted order, into at most three runs (`P = 1`, the sloped or
//!   half-step middle, `P = 0`), found by binary search with the *same* floating-point
//!   comparison the definition makes (`fl(y_a − y_b) > t` is monotone in `y_b`), so the counts
//!   are exact; the middle run's `Σ d_b` comes from prefix sums kept in double-double, so it
//!   agrees with the definition to a few units in the last place of the flow.
//!
//! Cost criteria use `y = −x` (`fl(−x_a − (−x_b)) = fl(x_b − x_a)` exactly).

use super::PreferenceFunction;
use crate::matrix::{CriterionType, DecisionMatrix};

/// Per-criterion thresholds, already validated (unused ones are zeros).
pub(super) struct Params<'a> {
    pub(super) function: PreferenceFunction,
    pub(super) weights: &'a [f64],
    pub(super) q: &'a [f64],
    pub(super) p: &'a [f64],
    pub(super) s: &'a [f64],
}

fn at(v: &[f64], j: usize) -> f64 {
    v.get(j).copied().unwrap_or(0.0)
}

/// `(Σ_b π(a, b), Σ_b π(b, a))` for every `a` by the pairwise definition.
pub(super) fn pairwise(
    matrix: &DecisionMatrix,
    types: &[CriterionType],
    params: &Params<'_>,
) -> (Vec<f64>, Vec<f64>) {
    let (m, n) = (matrix.rows(), matrix.columns());
    let mut plus = vec![0.0; m];
    let mut minus = vec![0.0; m];
    let rows: Vec<&[f64]> = matrix.iter_rows().collect();
    for (a, ra) in rows.iter().enumerate() {
        for (b, rb) in rows.iter().enumerate() {
            if a == b {
                continue;
            }
            let mut pi = 0.0;
            for j in 0..n {
                let (xa, xb) = (at(ra, j), at(rb, j));
                let d = match types.get(j) {
                    Some(CriterionType::Cost) => xb - xa,
                    _ => xa - xb,
                };
                let (q, p, s) = (at(params.q, j), at(params.p, j), at(params.s, j));
                pi += at(params.weights, j) * params.function.evaluate(d, q, p, s);
            }
            if let Some(x) = plus.get_mut(a) {
                *x += pi;
            }
            if let Some(x) = minus.get_mut(b) {
                *x += pi;
            }
        }
    }
    (plus, minus)
}

/// Whether [`sorted`] applies to `function`.
pub(super) fn has_sorted_path(function: PreferenceFunction) -> bool {
    function != PreferenceFunction::Gaussian
}

/// The same flows as [`pairwise`] in `O(n · m log m)`; `function` must not be Gaussian.
/// A criterion whose values are so large that `m` of them could overflow a sum
/// (`max |x| > f64::MAX / (4m)`) is computed pairwise, which stays finite there.
pub(super) fn sorted(
    matrix: &DecisionMatrix,
    types: &[CriterionType],
    params: &Params<'_>,
) -> (Vec<f64>, Vec<f64>) {
    let m = matrix.rows();
    // per criterion: values (cost negated) and its unweighted flows
    let (mut y, mut col_plus, mut col_minus) = (vec![0.0; m], vec![0.0; m], vec![0.0; m]);
    let (mut plus, mut minus) = (vec![0.0; m], vec![0.0; m]);
    for j in 0..matrix.columns() {
        let cost = types.get(j) == Some(&CriterionType::Cost);
        for (a, v) in y.iter_mut().enumerate() {
            let x = matrix.get(a, j).unwrap_or(0.0);
            *v = if cost { -x } else { x };
        }
        let column = Column {
            function: params.function,
            q: at(params.q, j),
            p: at(params.p, j),
            s: at(params.s, j),
        };
        let big = y.iter().fold(0.0f64, |acc, v| acc.max(v.abs()));
        if big > f64::MAX / (4.0 * m as f64) {
            column.pairwise(&y, &mut col_plus, &mut col_minus);
        } else {
            column.sorted(&y, &mut col_plus, &mut col_minus);
        }
        let w = at(params.weights, j);
        for a in 0..m {
            plus[a] += w * col_plus[a];
            minus[a] += w * col_minus[a];
        }
    }
    (plus, minus)
}

/// One criterion's preference function and thresholds.
struct Column {
    function: PreferenceFunction,
    q: f64,
    p: f64,
    s: f64,
}

impl Column {
    /// Unweighted `Σ_b P(y_a − y_b)` and `Σ_b P(y_b − y_a)` by the definition.
    fn pairwise(&self, y: &[f64], plus: &mut [f64], minus: &mut [f64]) {
        for (a, &ya) in y.iter().enumerate() {
            let mut sum_plus = 0.0;
            let mut sum_minus = 0.0;
            for &yb in y {
                sum_plus += self.function.evaluate(ya - yb, self.q, self.p, self.s);
                sum_minus += self.function.evaluate(yb - ya, self.q, self.p, self.s);
            }
            plus[a] = sum_plus;
            minus[a] = sum_minus;
        }
    }

    /// Unweighted flows from one sort, binary searches and double-double prefix sums.
    fn sorted(&self, y: &[f64], plus: &mut [f64], minus: &mut [f64]) {
        let mut s: Vec<f64> = y.to_vec();
        s.sort_unstable_by(f64::total_cmp);
        let m = s.len();
        // prefix[i] = s[0] + … + s[i−1], as an unevaluated sum hi + lo.
        let mut prefix = Vec::with_capacity(m + 1);
        let mut acc = Dd::ZERO;
        prefix.push(acc);
        for &v in &s {
            acc = acc.add_f64(v);
            prefix.push(acc);
        }
        let range_sum = |lo: usize, hi: usize| -> Dd {
            match (prefix.get(hi), prefix.get(lo)) {
                (Some(h), Some(l)) if hi > lo => h.sub(*l),
                _ => Dd::ZERO,
            }
        };
        let (q, p) = (self.q, self.p);
        for (a, &ya) in y.iter().enumerate() {
            // Positive flow: d_b = fl(ya − y_b), non-increasing along `s`.
            let gt = |t: f64| s.partition_point(|&yb| ya - yb > t);
            // Negative flow: d_b = fl(y_b − ya), non-decreasing along `s`.
            let le = |t: f64| s.partition_point(|&yb| yb - ya <= t);
            // Σ d_b over the run [lo, hi): k·ya − Σ y_b (positive) or Σ y_b − k·ya (negative).
            let k_ya = |k: usize| Dd::product(k as f64, ya);
            let (fp, fm) = match self.function {
                PreferenceFunction::Usual => (gt(0.0) as f64, (m - le(0.0)) as f64),
                PreferenceFunction::Ushape => (gt(q) as f64, (m - le(q)) as f64),
                PreferenceFunction::Vshape => {
                    let (one, end) = (gt(p), gt(0.0));
                    let dp = k_ya(end - one).sub(range_sum(one, end)).value();
                    let (start, stop) = (le(0.0), le(p));
                    let dm = range_sum(start, stop).sub(k_ya(stop - start)).value();
                    (one as f64 + dp / p, (m - stop) as f64 + dm / p)
                }
                PreferenceFunction::Level => {
                    let (one, end) = (gt(p), gt(q));
                    let (start, stop) = (le(q), le(p));
                    (
                        one as f64 + 0.5 * (end - one) as f64,
                        (m - stop) as f64 + 0.5 * (stop - start) as f64,
                    )
                }
                PreferenceFunction::Linear => {
                    let (one, end) = (gt(p), gt(q));
                    let kp = end - one;
                    let dp = k_ya(kp)
                        .sub(range_sum(one, end))
                        .sub(Dd::product(kp as f64, q))
                        .value();
                    let (start, stop) = (le(q), le(p));
                    let km = stop - start;
                    let dm = range_sum(start, stop)
                        .sub(k_ya(km))
                        .sub(Dd::product(km as f64, q))
                        .value();
                    let slope = |d: f64, k: usize| if k == 0 { 0.0 } else { d / (p - q) };
                    (
                        one as f64 + slope(dp, kp),
                        (m - stop) as f64 + slope(dm, km),
                    )
                }
                PreferenceFunction::Gaussian => {
                    // Not reached (`has_sorted_path`); the definition keeps it correct anyway.
                    let mut sp = 0.0;
                    let mut sm = 0.0;
                    for &yb in y {
                        sp += self.function.evaluate(ya - yb, q, p, self.s);
                        sm += self.function.evaluate(yb - ya, q, p, self.s);
                    }
                    (sp, sm)
                }
            };
            plus[a] = fp;
            minus[a] = fm;
        }
    }
}

/// A double-double number `hi + lo` (|lo| ≤ ulp(hi)/2): about 106 bits, enough that a prefix
/// sum difference keeps the precision of the run it sums.
#[derive(Debug, Clone, Copy)]
struct Dd {
    hi: f64,
    lo: f64,
}

impl Dd {
    const ZERO: Dd = Dd { hi: 0.0, lo: 0.0 };

    /// Knuth's two-sum: `a + b = s + e` exactly.
    fn two_sum(a: f64, b: f64) -> Dd {
        let s = a + b;
        let bb = s - a;
        let e = (a - (s - bb)) + (b - bb);
        Dd { hi: s, lo: e }
    }

    /// `a · b` exactly (fused multiply-add for the error term).
    fn product(a: f64, b: f64) -> Dd {
        let p = a * b;
        Dd {
            hi: p,
            lo: a.mul_add(b, -p),
        }
    }

    fn renormalised(hi: f64, lo: f64) -> Dd {
        let s = hi + lo;
        Dd {
            hi: s,
            lo: lo - (s - hi),
        }
    }

    fn add_f64(self, b: f64) -> Dd {
        let t = Dd::two_sum(self.hi, b);
        Dd::renormalised(t.hi, t.lo + self.lo)
    }

    fn sub(self, b: Dd) -> Dd {
        let t = Dd::two_sum(self.hi, -b.hi);
        Dd::renormalised(t.hi, t.lo + (self.lo - b.lo))
    }

    fn value(self) -> f64 {
        self.hi + self.lo
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    type Flows = (Vec<f64>, Vec<f64>);

    fn both(rows: Vec<Vec<f64>>, types: &[CriterionType], params: &Params<'_>) -> (Flows, Flows) {
        let m = DecisionMatrix::new(rows).unwrap();
        (sorted(&m, types, params), pairwise(&m, types, params))
    }

    fn close(fast: &[f64], reference: &[f64], scale: f64) -> bool {
        fast.iter()
            .zip(reference)
            .all(|(a, b)| (a - b).abs() <= 1e-12 * scale.max(f64::MIN_POSITIVE))
    }

    const FUNCTIONS: [PreferenceFunction; 5] = [
        PreferenceFunction::Usual,
        PreferenceFunction::Ushape,
        PreferenceFunction::Vshape,
        PreferenceFunction::Level,
        PreferenceFunction::Linear,
    ];

    /// Values on a coarse grid (ties, and differences that hit q and p exactly) or anywhere.
    fn value() -> impl Strategy<Value = f64> {
        prop_oneof![
            (0i32..8).prop_map(|k| f64::from(k) * 0.5),
            -1e3f64..1e3,
            (-4i32..4).prop_map(|k| 1e6 + f64::from(k) * 0.25),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        /// The sorted path equals the pairwise definition within 1e-12 of the flow scale
        /// (Σ w · (m − 1), the largest flow before the division), for every function with a
        /// sorted path, on matrices with ties and thresholds that differences hit exactly.
        #[test]
        fn sorted_flows_equal_the_pairwise_definition(
            (m, n) in (1usize..24, 1usize..5),
            seed_rows in proptest::collection::vec(proptest::collection::vec(value(), 5), 24),
            cost in proptest::collection::vec(any::<bool>(), 5),
            w in proptest::collection::vec(0.0f64..2.0, 5),
            q in proptest::collection::vec((0i32..4).prop_map(|k| f64::from(k) * 0.5), 5),
            gap in proptest::collection::vec(prop_oneof![(1i32..4).prop_map(|k| f64::from(k) * 0.5), 1e-3f64..50.0], 5),
        ) {
            let rows: Vec<Vec<f64>> = seed_rows.iter().take(m).map(|r| r[..n].to_vec()).collect();
            let types: Vec<CriterionType> = cost[..n]
                .iter()
                .map(|&c| if c { CriterionType::Cost } else { CriterionType::Benefit })
                .collect();
            let p: Vec<f64> = q.iter().zip(&gap).map(|(q, g)| q + g).collect();
            let scale = w[..n].iter().sum::<f64>() * (m.max(2) - 1) as f64;
            for function in FUNCTIONS {
                let params = Params { function, weights: &w[..n], q: &q[..n], p: &p[..n], s: &[] };
                let ((fp, fm), (rp, rm)) = both(rows.clone(), &types, &params);
                prop_assert!(close(&fp, &rp, scale), "{:?} plus {:?} vs {:?}", function, fp, rp);
                prop_assert!(close(&fm, &rm, scale), "{:?} minus {:?} vs {:?}", function, fm, rm);
            }
        }
    }

    /// Level with q = p (no half step), and huge values that take the per-criterion
    /// pairwise fallback, still agree with the definition.
    #[test]
    fn edge_thresholds_and_huge_values_agree() {
        let rows = vec![
            vec![1.0, f64::MAX, 0.0],
            vec![2.0, -f64::MAX, 1.0],
            vec![2.0, 0.0, 3.0],
            vec![4.5, f64::MAX / 2.0, 1.0],
        ];
        let types = [
            CriterionType::Benefit,
            CriterionType::Cost,
            CriterionType::Benefit,
        ];
        for function in FUNCTIONS {
            let params = Params {
                function,
                weights: &[0.2, 0.3, 0.5],
                q: &[1.0, 0.0, 2.0],
                p: &[1.0, 1e300, 2.0 + f64::EPSILON * 4.0],
                s: &[],
            };
            let ((fp, fm), (rp, rm)) = both(rows.clone(), &types, &params);
            assert!(close(&fp, &rp, 3.0), "{function:?}: {fp:?} vs {rp:?}");
            assert!(close(&fm, &rm, 3.0), "{function:?}: {fm:?} vs {rm:?}");
        }
    }
}
