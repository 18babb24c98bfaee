//! Counterfactuals: what would have to change for another outcome.
//!
//! For each criterion the smallest change of its value, within the 0–10 scale and with every
//! other value and every other country held fixed, that changes the class, the instrument, or
//! whether the country is in the top N. The search replays the country's decision with
//! [`Probe`](crate::probe::Probe) (the core's stage loop, nothing recorded) (no records are built): a coarse grid outward from the
//! current value in both directions, then bisection between the last unchanged and the first
//! changed grid point down to [`Options::precision`](crate::Options). Every result is then
//! confirmed by the engine (one `Reevaluator` per explanation run, shared between countries):
//! the change must flip the outcome and half the change must not (if half does, the half is
//! taken instead and checked again).
//!
//! Where no single criterion suffices, a two-criterion change is searched: the smallest L1
//! change `|Δa| + |Δb|` on a grid of 2.5 scale points (0, 2.5, 5, 7.5, 10), refined by
//! bisection along the line from the current values to the best grid point.
//!
//! Pruning, which never changes a result: need and added value are affine in each criterion
//! value and rule conditions are threshold comparisons, so [`Probe::bounds`] can bound what the
//! replay decides over a whole range of values (a three-valued replay over intervals). Grid
//! ranges in which no still-open target can flip are skipped (the first flip found is that of
//! a point-by-point scan); pairs whose whole square cannot flip the target are skipped; the
//! remaining pair grid points are tried smallest L1 first, so the first that flips is the one
//! an exhaustive scan keeps. Being in the top N is decided against the N-th best other
//! country in constant time.
//!
//! [`Probe::bounds`]: crate::probe::Probe::bounds_for

use placement_core::evidence::{Confidence, Evidence, Marking};
use placement_core::record::InputStatus;
use placement_core::{
    Class, CountryAssessment, CountryCode, Criterion, DecisionRecord, Instrument, Organisation,
    Reevaluator,
};
use serde::{Deserialize, Serialize};

use crate::bounds::OutcomeBounds;
use crate::error::ExplainError;
use crate::explainer::{beats, CountryCtx, Explainer};
use crate::probe::{ProbeOutcome, ProbeState};

const MIN: f64 = 0.0;
const MAX: f64 = 10.0;
/// The smallest change of a criterion value a counterfactual is shrunk to (one hundredth of a
/// scale point, the precision values are printed at).
const RESOLUTION: f64 = 0.01;

/// Which outcome a counterfactual changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// The class.
    Class,
    /// The instrument.
    Instrument,
    /// Being in the top N or not.
    TopN,
}

impl Target {
    /// All targets.
    pub const ALL: [Target; 3] = [Target::Class, Target::Instrument, Target::TopN];
}

/// The outcome after a change, as the engine re-evaluated it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewOutcome {
    /// Class.
    pub class: Class,
    /// Instrument.
    pub instrument: Instrument,
    /// Organisation.
    pub organisation: Option<Organisation>,
    /// Score.
    pub score: f64,
    /// Rank with every other country held fixed.
    pub rank: usize,
}

/// One criterion changed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Change {
    /// The criterion.
    pub criterion: Criterion,
    /// Its value now.
    pub from: f64,
    /// The value that changes the outcome.
    pub to: f64,
}

impl Change {
    /// `to − from`.
    pub fn delta(&self) -> f64 {
        self.to - self.from
    }
}

/// A verified counterfactual: applying `changes` flips `target`; half of it does not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Counterfactual {
    /// What it changes.
    pub target: Target,
    /// The change (one or two criteria).
    pub changes: Vec<Change>,
    /// The outcome after the change.
    pub outcome: NewOutcome,
}

/// The result of the search for one criterion and one target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Search {
    /// A verified counterfactual.
    Found(Counterfactual),
    /// No value within the scale changes the target.
    NoneWithinScale,
    /// The replay found a change the engine did not confirm: nothing is reported.
    Unconfirmed,
}

/// The searches for one criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CriterionSearch {
    /// The criterion.
    pub criterion: Criterion,
    /// Its value now.
    pub value: f64,
    /// How it came about; for `derived` the change applies to the derived value (the
    /// phenomenon breakdown or springboard links are replaced by it).
    pub status: InputStatus,
    /// Class.
    pub class: Search,
    /// Instrument.
    pub instrument: Search,
    /// Top N.
    pub top_n: Search,
}

impl CriterionSearch {
    /// The search for one target.
    pub fn get(&self, t: Target) -> &Search {
        match t {
            Target::Class => &self.class,
            Target::Instrument => &self.instrument,
            Target::TopN => &self.top_n,
        }
    }
}

/// All counterfactuals of one country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Counterfactuals {
    /// N of the top-N target.
    pub top_n: usize,
    /// Whether the country is now in the top N.
    pub in_top_n: bool,
    /// Per criterion (not-applicable criteria are left out).
    pub criteria: Vec<CriterionSearch>,
    /// Two-criterion changes, for targets no single criterion can change.
    pub pairs: Vec<Counterfactual>,
    /// Targets that neither one nor two criteria can change.
    pub unreachable: Vec<Target>,
}

#[derive(Clone, Copy, PartialEq)]
struct Key {
    class: Class,
    instrument: Instrument,
    top: bool,
}

impl Key {
    fn differs(&self, other: &Key, t: Target) -> bool {
        match t {
            Target::Class => self.class != other.class,
            Target::Instrument => self.instrument != other.instrument,
            Target::TopN => self.top != other.top,
        }
    }
}

/// Whether a score puts the country in the top N, every other country held fixed: the same
/// answer as `rank_with(code, score) <= N`, in constant time.
#[derive(Clone, Copy)]
enum TopRule {
    /// N is 0.
    Never,
    /// Fewer than N other countries.
    Always,
    /// In the top N unless the N-th best other country ranks above.
    Unless((f64, CountryCode)),
}

impl TopRule {
    fn of(ex: &Explainer<'_>, code: CountryCode) -> TopRule {
        let n = ex.options.top_n;
        if n == 0 {
            return TopRule::Never;
        }
        // `ordered` is sorted best first in the order `beats` counts, so the k-th other
        // country beats a score exactly when at least k others do.
        let pos = ex.ordered.iter().position(|(_, c)| *c == code);
        let others = ex.ordered.len() - usize::from(pos.is_some());
        if others < n {
            return TopRule::Always;
        }
        let idx = if pos.is_some_and(|p| p < n) { n } else { n - 1 };
        TopRule::Unless(ex.ordered[idx])
    }
}

struct Search1<'e, 'a> {
    ex: &'e Explainer<'a>,
    ctx: &'e CountryCtx<'a>,
    reevaluator: &'e Reevaluator<'e, 'e>,
    base: Key,
    top: TopRule,
    /// The country's assessment, changed for a verification and restored after it.
    scratch: CountryAssessment,
    placeholder: Evidence,
    /// Engine verdicts already computed for this country, by change (several targets often
    /// share a change): the engine is deterministic, so each is re-run once.
    verdicts: Vec<(Changes, Verdict)>,
}

/// Up to two `(criterion, value bits)` changes.
type Changes = ([(Criterion, u64); 2], usize);

/// What verification reads from a re-evaluated record.
#[derive(Clone, Copy)]
struct Verdict {
    class: Class,
    instrument: Instrument,
    organisation: Option<Organisation>,
    score: f64,
}

/// A grid point of the two-criterion search: its L1 change and its place in pair-and-grid
/// order (the tie-break of an exhaustive scan).
struct GridPoint {
    l1: f64,
    order: usize,
    a: Change,
    b: Change,
}

/// Grid ranges of at most this many points are evaluated point by point rather than bounded.
const LEAF: usize = 3;

impl Search1<'_, '_> {
    fn top(&self, score: f64) -> bool {
        match self.top {
            TopRule::Never => false,
            TopRule::Always => true,
            TopRule::Unless(nth) => !beats(nth, score, self.ctx.record.country),
        }
    }

    fn key(&self, o: &ProbeOutcome) -> Key {
        Key {
            class: o.class,
            instrument: o.instrument,
            top: self.top(o.score),
        }
    }

    fn key_of_verdict(&self, r: &Verdict) -> Key {
        Key {
            class: r.class,
            instrument: r.instrument,
            top: self.top(r.score),
        }
    }

    fn state(&self, changes: &[(Criterion, f64)]) -> ProbeState {
        let mut s: ProbeState = self.ctx.probe.base();
        for (c, v) in changes {
            s.set(*c, *v);
        }
        s
    }

    fn at(&self, changes: &[(Criterion, f64)]) -> Key {
        self.key(&self.ctx.probe.outcome(&self.state(changes)))
    }

    /// Whether some state in `b` may differ from the base in `t`.
    fn may_differ(&self, b: &OutcomeBounds, t: Target) -> bool {
        match t {
            Target::Class => b.class_may_differ(self.base.class),
            Target::Instrument => b.instrument_may_differ(self.base.instrument),
            Target::TopN => {
                // Being in the top N is monotone in the score.
                let (lo, hi) = b.score();
                self.top(lo) != self.base.top || self.top(hi) != self.base.top
            }
        }
    }

    /// First flip along one direction for each target: `(unchanged, changed)` brackets.
    fn scan(&self, c: Criterion, v0: f64, dir: f64) -> [Option<(f64, f64)>; 3] {
        let step = self.ex.options.grid_step;
        let mut vals = vec![v0];
        let mut k = 1.0;
        loop {
            let v = (v0 + dir * k * step).clamp(MIN, MAX);
            if Some(&v) == vals.last() {
                break;
            }
            vals.push(v);
            k += 1.0;
        }
        let mut out = [None; 3];
        self.scan_range(c, &vals, 1, vals.len(), &mut out);
        out
    }

    /// The grid points `vals[i..j]` in order, skipping every range in which the bounds show
    /// that no target still open can flip (so the first flips found are those of a point by
    /// point scan).
    fn scan_range(
        &self,
        c: Criterion,
        vals: &[f64],
        i: usize,
        j: usize,
        out: &mut [Option<(f64, f64)>; 3],
    ) {
        if i >= j || out.iter().all(Option::is_some) {
            return;
        }
        if j - i > LEAF {
            let probe = &self.ctx.probe;
            let corners = [self.state(&[(c, vals[i])]), self.state(&[(c, vals[j - 1])])];
            let b = probe.bounds_for(&probe.span(&corners), out[0].is_none(), out[1].is_none());
            let open = Target::ALL
                .into_iter()
                .zip(out.iter())
                .any(|(t, o)| o.is_none() && self.may_differ(&b, t));
            if !open {
                return;
            }
            let m = (i + j) / 2;
            self.scan_range(c, vals, i, m, out);
            self.scan_range(c, vals, m, j, out);
            return;
        }
        for idx in i..j {
            let key = self.at(&[(c, vals[idx])]);
            for (o, t) in out.iter_mut().zip(Target::ALL) {
                if o.is_none() && key.differs(&self.base, t) {
                    *o = Some((vals[idx - 1], vals[idx]));
                }
            }
            if out.iter().all(Option::is_some) {
                return;
            }
        }
    }

    /// Bisects `(lo unchanged, hi changed)` to the precision, on multiples of it from `v0`.
    fn refine(&self, c: Criterion, v0: f64, t: Target, lo: f64, hi: f64) -> f64 {
        let p = self.ex.options.precision;
        let dir = (hi - v0).signum();
        // Work in whole multiples of the precision away from v0; the scale end is kept exact.
        let mut a = ((lo - v0).abs() / p).floor() as i64;
        let hi_exact = hi;
        let mut b = ((hi - v0).abs() / p).ceil() as i64;
        let val = |k: i64| (v0 + dir * k as f64 * p).clamp(MIN, MAX);
        if !self.at(&[(c, val(b))]).differs(&self.base, t) {
            return hi_exact;
        }
        while b - a > 1 {
            let m = (a + b) / 2;
            if self.at(&[(c, val(m))]).differs(&self.base, t) {
                b = m;
            } else {
                a = m;
            }
        }
        val(b)
    }

    /// The engine's verdict on the country with `changes` applied, every other country held
    /// fixed: re-evaluated once per distinct change.
    fn verdict(&mut self, changes: &[(Criterion, f64)]) -> Verdict {
        let mut key: Changes = ([(Criterion::CrimeRelation, 0); 2], changes.len());
        for (k, (c, v)) in changes.iter().enumerate().take(2) {
            key.0[k] = (*c, v.to_bits());
        }
        if changes.len() <= 2 {
            if let Some((_, v)) = self.verdicts.iter().find(|(k, _)| *k == key) {
                return *v;
            }
        }
        let r = self.reevaluate(changes);
        let v = Verdict {
            class: r.class,
            instrument: r.instrument,
            organisation: r.organisation,
            score: r.score,
        };
        if changes.len() <= 2 {
            self.verdicts.push((key, v));
        }
        v
    }

    /// Re-runs the engine on the country with `changes` applied, every other country held
    /// fixed (the scratch copy is restored afterwards).
    fn reevaluate(&mut self, changes: &[(Criterion, f64)]) -> DecisionRecord {
        for (c, v) in changes {
            self.scratch.set_value(*c, *v, &self.placeholder);
        }
        let r = self.reevaluator.reevaluate(&self.scratch);
        let orig = self.ctx.ca;
        for (c, _) in changes {
            match orig.criteria.get(c) {
                // `set_value` changed only the value of an existing entry.
                Some(a) => {
                    if let Some(s) = self.scratch.criteria.get_mut(c) {
                        s.value = a.value;
                    }
                }
                None => {
                    self.scratch.criteria.remove(c);
                }
            }
            match c {
                Criterion::CrimeRelation => self.scratch.phenomena.clone_from(&orig.phenomena),
                Criterion::Springboard => self.scratch.springboard.clone_from(&orig.springboard),
                _ => {}
            }
        }
        debug_assert!(self.scratch == *orig, "scratch assessment not restored");
        r
    }

    /// Confirms `changes` with the engine and shrinks them while half the change still flips
    /// the target (at most eight halvings, and never below [`RESOLUTION`] per criterion: a
    /// country sitting exactly on a threshold flips at any change, and the smallest confirmed
    /// change at the scale's resolution is reported).
    fn verify(&mut self, t: Target, changes: Vec<Change>) -> Search {
        let mut changes = changes;
        let n = changes.len().min(2);
        let mut full = [(Criterion::CrimeRelation, 0.0); 2];
        for (k, c) in changes.iter().enumerate().take(2) {
            full[k] = (c.criterion, c.to);
        }
        let mut r = self.verdict(&full[..n]);
        if !self.key_of_verdict(&r).differs(&self.base, t) {
            return Search::Unconfirmed;
        }
        for _ in 0..8 {
            if changes.iter().any(|c| c.delta().abs() / 2.0 < RESOLUTION) {
                break;
            }
            let mut half = [(Criterion::CrimeRelation, 0.0); 2];
            for (k, c) in changes.iter().enumerate().take(2) {
                half[k] = (c.criterion, c.from + c.delta() / 2.0);
            }
            let rh = self.verdict(&half[..n]);
            if !self.key_of_verdict(&rh).differs(&self.base, t) {
                break;
            }
            // A smaller change already flips it: take the half and try halving again.
            for (c, (_, v)) in changes.iter_mut().zip(half) {
                c.to = v;
            }
            r = rh;
        }
        // Round each new value away from the current one to two decimals, so the value as
        // printed is one the engine has confirmed (never a value on the threshold itself).
        let snapped: Vec<Change> = changes
            .iter()
            .map(|c| {
                let near = (c.to * 100.0).round();
                let to = if c.delta() < 0.0 && near / 100.0 > c.to {
                    (near - 1.0) / 100.0
                } else if c.delta() > 0.0 && near / 100.0 < c.to {
                    (near + 1.0) / 100.0
                } else {
                    near / 100.0
                };
                Change {
                    to: to.clamp(MIN, MAX),
                    ..*c
                }
            })
            .collect();
        if snapped != changes {
            let mut at = [(Criterion::CrimeRelation, 0.0); 2];
            for (k, c) in snapped.iter().enumerate().take(2) {
                at[k] = (c.criterion, c.to);
            }
            let rs = self.verdict(&at[..n]);
            if self.key_of_verdict(&rs).differs(&self.base, t) {
                changes = snapped;
                r = rs;
            }
        }
        Search::Found(Counterfactual {
            target: t,
            changes,
            outcome: NewOutcome {
                class: r.class,
                instrument: r.instrument,
                organisation: r.organisation,
                score: r.score,
                rank: self.ex.rank_with(self.ctx.record.country, r.score),
            },
        })
    }

    fn criterion(&mut self, c: Criterion, v0: f64) -> [Search; 3] {
        let up = self.scan(c, v0, 1.0);
        let down = self.scan(c, v0, -1.0);
        let mut out = [
            Search::NoneWithinScale,
            Search::NoneWithinScale,
            Search::NoneWithinScale,
        ];
        for (i, t) in Target::ALL.into_iter().enumerate() {
            let best = [up[i], down[i]]
                .into_iter()
                .flatten()
                .map(|(lo, hi)| self.refine(c, v0, t, lo, hi))
                .min_by(|a, b| (a - v0).abs().total_cmp(&(b - v0).abs()));
            if let Some(to) = best {
                out[i] = self.verify(
                    t,
                    vec![Change {
                        criterion: c,
                        from: v0,
                        to,
                    }],
                );
            }
        }
        out
    }

    /// Smallest L1 two-criterion change for `t` on the grid, or `None`. Pairs whose whole
    /// square `[0, 10]²` provably cannot flip `t` ([`Probe::bounds`]) are skipped; the
    /// others' grid points are tried smallest L1 first (ties in pair and grid order), so the
    /// first that flips is the one an exhaustive scan keeps.
    fn pair(&self, t: Target, cs: &[(Criterion, f64)]) -> Option<(f64, [Change; 2])> {
        let grid: Vec<f64> = (0..=4).map(|k| 2.5 * f64::from(k)).collect();
        let probe = &self.ctx.probe;
        let mut points: Vec<GridPoint> = Vec::with_capacity(grid.len() * grid.len() * cs.len());
        let mut order = 0;
        for (i, &(a, va)) in cs.iter().enumerate() {
            for &(b, vb) in &cs[i + 1..] {
                let corners = [
                    self.state(&[(a, MIN), (b, MIN)]),
                    self.state(&[(a, MIN), (b, MAX)]),
                    self.state(&[(a, MAX), (b, MIN)]),
                    self.state(&[(a, MAX), (b, MAX)]),
                ];
                let bounds = probe.bounds_for(
                    &probe.span(&corners),
                    t == Target::Class,
                    t == Target::Instrument,
                );
                if !self.may_differ(&bounds, t) {
                    order += grid.len() * grid.len();
                    continue;
                }
                for &xa in &grid {
                    for &xb in &grid {
                        points.push(GridPoint {
                            l1: (xa - va).abs() + (xb - vb).abs(),
                            order,
                            a: Change {
                                criterion: a,
                                from: va,
                                to: xa,
                            },
                            b: Change {
                                criterion: b,
                                from: vb,
                                to: xb,
                            },
                        });
                        order += 1;
                    }
                }
            }
        }
        // `order` is unique, so an unstable sort gives the one order.
        points.sort_unstable_by(|p, q| p.l1.total_cmp(&q.l1).then(p.order.cmp(&q.order)));
        let &GridPoint { a: ca, b: cb, .. } = points.iter().find(|p| {
            self.at(&[(p.a.criterion, p.a.to), (p.b.criterion, p.b.to)])
                .differs(&self.base, t)
        })?;
        // Refine along the line from the current values to the best grid point.
        let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
        let at = |s: f64| {
            [
                (ca.criterion, ca.from + s * ca.delta()),
                (cb.criterion, cb.from + s * cb.delta()),
            ]
        };
        while (hi - lo) * (ca.delta().abs() + cb.delta().abs()) > self.ex.options.precision {
            let m = (lo + hi) / 2.0;
            if self.at(&at(m)).differs(&self.base, t) {
                hi = m;
            } else {
                lo = m;
            }
        }
        let round = |x: f64| (x * 100.0).round() / 100.0;
        let mut out = [ca, cb];
        for (c, (_, v)) in out.iter_mut().zip(at(hi)) {
            let r = round(v).clamp(MIN, MAX);
            c.to = r;
        }
        if !self
            .at(&[(out[0].criterion, out[0].to), (out[1].criterion, out[1].to)])
            .differs(&self.base, t)
        {
            out[0].to = at(hi)[0].1;
            out[1].to = at(hi)[1].1;
        }
        let l1 = out[0].delta().abs() + out[1].delta().abs();
        Some((l1, out))
    }
}

impl Counterfactuals {
    /// Searches and verifies the counterfactuals of one country; `reevaluator` (one per
    /// explanation run, shared between countries) confirms each.
    pub(crate) fn search(
        ex: &Explainer<'_>,
        ctx: &CountryCtx<'_>,
        reevaluator: &Reevaluator<'_, '_>,
    ) -> Result<Self, ExplainError> {
        let base_outcome = ctx.probe.outcome(&ctx.probe.base());
        let mut s = Search1 {
            ex,
            ctx,
            reevaluator,
            base: Key {
                class: Class::Other,
                instrument: Instrument::None,
                top: false,
            },
            top: TopRule::of(ex, ctx.record.country),
            scratch: ctx.ca.clone(),
            placeholder: Evidence {
                source: "counterfactual".into(),
                date: ex.set.meta().as_of,
                confidence: Confidence::Low,
                marking: Marking::Unclassified,
            },
            verdicts: Vec::new(),
        };
        s.base = s.key(&base_outcome);
        let base = s.base;
        let mut criteria = Vec::new();
        let mut changeable = Vec::new();
        for (c, input) in &ctx.record.inputs {
            if input.status == InputStatus::NotApplicable {
                continue;
            }
            changeable.push((*c, input.value));
            let [class, instrument, top_n] = s.criterion(*c, input.value);
            criteria.push(CriterionSearch {
                criterion: *c,
                value: input.value,
                status: input.status,
                class,
                instrument,
                top_n,
            });
        }
        let mut pairs = Vec::new();
        let mut unreachable = Vec::new();
        for t in Target::ALL {
            if criteria
                .iter()
                .any(|c| matches!(c.get(t), Search::Found(_)))
            {
                continue;
            }
            let found = if ex.options.pairs {
                match s.pair(t, &changeable) {
                    Some((_, ch)) => match s.verify(t, ch.to_vec()) {
                        Search::Found(cf) => Some(cf),
                        _ => None,
                    },
                    None => None,
                }
            } else {
                None
            };
            match found {
                Some(cf) => pairs.push(cf),
                None => unreachable.push(t),
            }
        }
        Ok(Counterfactuals {
            top_n: ex.options.top_n,
            in_top_n: base.top,
            criteria,
            pairs,
            unreachable,
        })
    }
}
