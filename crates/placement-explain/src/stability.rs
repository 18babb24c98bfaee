//! Weight stability: for each weighed criterion, the interval of its weight within which the
//! country's class and instrument stay the same.
//!
//! Changing one weight `w_c` to `x` rescales the others proportionally, `w_k · (1 − x)/(1 − w_c)`,
//! so the weights still sum to 1 — what `Rulebook::set_weights`
//! leaves after normalising. Only this country is re-decided (every other country, and so the
//! springboard value it derives from their need, is held fixed). The interval is found by a
//! grid of 0.02 outward from the current weight, then bisection to 1e-4. Runs of grid points
//! in which [`Probe::bounds`] shows the class and instrument cannot change are skipped
//! (need and added value are linear-fractional in the weight, so the ends of a run bound
//! them); the first change found is the one a point-by-point scan finds.
//!
//! Every interval is then confirmed by the engine before it is reported, as counterfactuals
//! are: [`Reevaluator::outcome_weighted`] re-decides the country from its assessment with the
//! rescaled weights at both end points (the outcome must be the current one) and at each
//! reported change point (the outcome must be the reported change). An interval the engine
//! does not confirm is left out and its criterion listed in
//! [`crate::Explanation::stability_unconfirmed`].

use crate::probe::Probe;
use placement_core::criteria::Side;
use placement_core::kernel::Weights;
use placement_core::{Class, Criterion, Instrument, Reevaluator};
use serde::{Deserialize, Serialize};

use crate::explainer::CountryCtx;

const N: usize = Criterion::COUNT;
const GRID: f64 = 0.02;
const PRECISION: f64 = 1e-4;
/// How far inside the last unchanged point an end point, and past the first changed point a
/// change point, is reported (so neither sits on a threshold itself).
const NUDGE: f64 = 1e-6;

/// The stable interval of one weight.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeightInterval {
    /// The criterion.
    pub criterion: Criterion,
    /// Its weight now (all weights sum to 1).
    pub weight: f64,
    /// The lowest weight with the same class and instrument (to 1e-4, a step inside the
    /// threshold).
    pub lower: f64,
    /// The highest weight with the same class and instrument (to 1e-4, a step inside the
    /// threshold).
    pub upper: f64,
    /// What changes just below `lower` (absent when `lower` is 0).
    pub below: Option<(Class, Instrument)>,
    /// The weight, within 1.02e-4 below `lower` and off the threshold itself, at which the
    /// engine gives `below`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below_at: Option<f64>,
    /// What changes just above `upper` (absent when no weight up to the limit changes it).
    pub above: Option<(Class, Instrument)>,
    /// The weight, within 1.02e-4 above `upper` and off the threshold itself, at which the
    /// engine gives `above`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above_at: Option<f64>,
}

/// Weights with criterion `c` set to `x` and the others rescaled proportionally.
pub fn rescaled(weights: &[f64; N], c: Criterion, x: f64) -> [f64; N] {
    let w = weights[c.index()];
    let rest = 1.0 - w;
    let mut out = *weights;
    for k in Criterion::ALL {
        out[k.index()] = if k == c {
            x
        } else if rest > 0.0 {
            weights[k.index()] * (1.0 - x) / rest
        } else {
            0.0
        };
    }
    out
}

/// The largest weight `c` can take with both sides still weighed (each side's total > 0).
fn limit(weights: &[f64; N], c: Criterion) -> f64 {
    let other_side: f64 = Criterion::ALL
        .into_iter()
        .filter(|k| k.side() != c.side() && k.side() != Side::RuleOnly)
        .map(|k| weights[k.index()])
        .sum();
    if other_side > 0.0 {
        1.0 - 1e-6
    } else {
        1.0
    }
}

fn decide(probe: &mut Probe<'_>, w: [f64; N]) -> (Class, Instrument) {
    probe.set_weights(w);
    let o = probe.outcome(&probe.base());
    (o.class, o.instrument)
}

/// Grid runs of at most this many points are decided point by point rather than bounded.
const LEAF: usize = 3;

/// The first index in `i..j` whose weight `xs[k]` (for criterion `c`) changes the outcome
/// from `base`, skipping runs the bounds rule out.
fn first_change(
    probe: &mut Probe<'_>,
    weights: &[f64; N],
    c: Criterion,
    xs: &[f64],
    (i, j): (usize, usize),
    base: (Class, Instrument),
) -> Option<usize> {
    if i >= j {
        return None;
    }
    if j - i > LEAF {
        let b = probe.bounds(
            &probe.span_weights(&[rescaled(weights, c, xs[i]), rescaled(weights, c, xs[j - 1])]),
        );
        if !b.class_may_differ(base.0) && !b.instrument_may_differ(base.1) {
            return None;
        }
        let m = (i + j) / 2;
        return first_change(probe, weights, c, xs, (i, m), base)
            .or_else(|| first_change(probe, weights, c, xs, (m, j), base));
    }
    (i..j).find(|&k| decide(probe, rescaled(weights, c, xs[k])) != base)
}

/// The outcome past an end of an interval and the weight at which it is reached.
type Flip = ((Class, Instrument), f64);

/// Whether the engine confirms `iv`: the current outcome at both end points, the reported
/// change at each change point.
fn confirmed(
    reevaluator: &Reevaluator<'_, '_>,
    ctx: &CountryCtx<'_>,
    weights: &[f64; N],
    iv: &WeightInterval,
    base: (Class, Instrument),
) -> bool {
    let at = |x: f64| {
        let o =
            reevaluator.outcome_weighted(ctx.ca, &Weights::new(rescaled(weights, iv.criterion, x)));
        (o.class, o.instrument)
    };
    let ends = at(iv.lower) == base && at(iv.upper) == base;
    let flip = |what: Option<(Class, Instrument)>, x: Option<f64>| match (what, x) {
        (Some(w), Some(x)) => at(x) == w,
        (None, None) => true,
        _ => false,
    };
    ends && flip(iv.below, iv.below_at) && flip(iv.above, iv.above_at)
}

/// Stability intervals of every weighed criterion with a weight, each confirmed by the
/// engine; the criteria whose interval the engine did not confirm are returned apart.
pub(crate) fn intervals(
    ctx: &CountryCtx<'_>,
    reevaluator: &Reevaluator<'_, '_>,
) -> (Vec<WeightInterval>, Vec<Criterion>) {
    let mut probe = ctx.probe.clone();
    let weights = probe.weights();
    let base = decide(&mut probe, weights);
    let mut out = Vec::new();
    let mut unconfirmed = Vec::new();
    let mut xs = Vec::new();
    for c in Criterion::ALL {
        if c.side() == Side::RuleOnly {
            continue;
        }
        let w = weights[c.index()];
        let hi_limit = limit(&weights, c);
        let mut bound = |dir: f64, end: f64| -> (f64, Option<Flip>) {
            // The grid outward from w, the last point clamped to the end.
            xs.clear();
            xs.push(w);
            let mut k = 1.0;
            loop {
                let x = if dir > 0.0 {
                    (w + k * GRID).min(end)
                } else {
                    (w - k * GRID).max(end)
                };
                if Some(&x) == xs.last() {
                    break;
                }
                xs.push(x);
                k += 1.0;
            }
            let Some(k) = first_change(&mut probe, &weights, c, &xs, (1, xs.len()), base) else {
                return (xs[xs.len() - 1], None);
            };
            let (mut a, mut b) = (xs[k - 1], xs[k]);
            while (b - a).abs() > PRECISION {
                let m = (a + b) / 2.0;
                if decide(&mut probe, rescaled(&weights, c, m)) == base {
                    a = m;
                } else {
                    b = m;
                }
            }
            // The change point is reported a step past the first changed point, so that it
            // does not sit on the threshold itself, where the last bit of rounding (a
            // rulebook's normalisation of the same weights) could decide the outcome.
            let past = if dir > 0.0 {
                (b + NUDGE).min(end)
            } else {
                (b - NUDGE).max(end)
            };
            // Likewise the end point is reported a step inside the last unchanged point.
            let inside = if dir > 0.0 {
                (a - NUDGE).max(w)
            } else {
                (a + NUDGE).min(w)
            };
            let end_point = if decide(&mut probe, rescaled(&weights, c, inside)) == base {
                inside
            } else {
                a
            };
            let changed = decide(&mut probe, rescaled(&weights, c, past));
            if changed == base {
                let changed = decide(&mut probe, rescaled(&weights, c, b));
                return (end_point, Some((changed, b)));
            }
            (end_point, Some((changed, past)))
        };
        let (upper, above) = bound(1.0, hi_limit);
        let (lower, below) = bound(-1.0, 0.0);
        let iv = WeightInterval {
            criterion: c,
            weight: w,
            lower,
            upper,
            below: below.map(|b| b.0),
            below_at: below.map(|b| b.1),
            above: above.map(|a| a.0),
            above_at: above.map(|a| a.1),
        };
        if confirmed(reevaluator, ctx, &weights, &iv, base) {
            out.push(iv);
        } else {
            unconfirmed.push(c);
        }
    }
    (out, unconfirmed)
}
