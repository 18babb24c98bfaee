//! Turning preference values into rankings.
//!
//! Position 1 is the best. Alternatives whose preference values are exactly equal share the
//! mean of the positions they occupy ("average ranks", "fractional ranking"; e.g. two
//! alternatives tied for first both get 1.5). This is the tie treatment of
//! `scipy.stats.rankdata(method="average")`, which pymcdm's `rankdata`/`rrankdata` wrap.
//!
//! Which direction is better is a property of the method (documented on each):
//! higher is better for WSM, WPM, TOPSIS, PROMETHEE II (net flow), COPRAS, MOORA;
//! lower is better for VIKOR's S, R and Q.

/// Which preference values are better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Direction {
    /// Larger preference values rank first.
    HigherIsBetter,
    /// Smaller preference values rank first.
    LowerIsBetter,
}

/// Average ranks (1 = best) of `values` in the given direction.
///
/// Ties (exactly equal values) share the mean of their positions. Inputs are assumed finite
/// (every method of this crate guarantees it); a NaN is ordered last, never panics.
///
/// # Complexity
/// `O(n log n)`.
///
/// # Example
/// ```
/// use placement_mcda::rank::{rank, Direction};
/// assert_eq!(rank(&[0.2, 0.9, 0.2], Direction::HigherIsBetter), vec![2.5, 1.0, 2.5]);
/// assert_eq!(rank(&[0.2, 0.9, 0.2], Direction::LowerIsBetter), vec![1.5, 3.0, 1.5]);
/// ```
pub fn rank(values: &[f64], direction: Direction) -> Vec<f64> {
    let n = values.len();
    let mut order: Vec<usize> = (0..n).collect();
    let key = |i: usize| values.get(i).copied().unwrap_or(f64::NAN);
    order.sort_by(|&a, &b| {
        let (x, y) = (key(a), key(b));
        let ord = match direction {
            Direction::HigherIsBetter => y.total_cmp(&x),
            Direction::LowerIsBetter => x.total_cmp(&y),
        };
        // NaN last whatever the direction.
        match (x.is_nan(), y.is_nan()) {
            (true, false) => std::cmp::Ordering::Greater,
            (false, true) => std::cmp::Ordering::Less,
            _ => ord,
        }
    });
    let mut ranks = vec![0.0; n];
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        let v0 = order.get(start).map_or(f64::NAN, |&i| key(i));
        while end < n && order.get(end).map_or(f64::NAN, |&i| key(i)) == v0 {
            end += 1;
        }
        // positions start+1 ..= end share their mean
        let avg = (start + 1 + end) as f64 / 2.0;
        for &i in order.get(start..end).unwrap_or(&[]) {
            if let Some(r) = ranks.get_mut(i) {
                *r = avg;
            }
        }
        start = end;
    }
    ranks
}

/// Checks that `ranks` is a valid average-rank vector: each tie group of size `g` whose
/// members occupy positions `p+1 ..= p+g` all carry `p + (g+1)/2`.
///
/// Used by the property tests; cheap enough to call on any output.
pub fn is_average_ranking(ranks: &[f64]) -> bool {
    let n = ranks.len();
    if ranks.iter().any(|r| !r.is_finite()) {
        return false;
    }
    let mut sorted = ranks.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && sorted.get(end) == sorted.get(start) {
            end += 1;
        }
        let expected = (start + 1 + end) as f64 / 2.0;
        if sorted
            .get(start)
            .is_none_or(|&v| (v - expected).abs() > 1e-9)
        {
            return false;
        }
        start = end;
    }
    true
}
