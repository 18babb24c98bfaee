//! Counterfactuals: what would have to change for another outcome.
//!
//! For each criterion the smallest change of its value, within the 0–10 scale and with every
//! other value and every other country held fixed, that changes the class, the instrument, or
//! whether the country is in the top N. The search replays the country's decision with
//! [`placement_core::near_miss::Probe`] (no records are built): a coarse grid outward from the
//! current value in both directions, then bisection between the last unchanged and the first
//! changed grid point down to [`Options::precision`](crate::Options). Every result is then
//! confirmed with `Engine::reevaluate`: the change must flip the outcome and half the change
//! must not (if half does, the half is taken instead and checked again).
//!
//! Where no single criterion suffices, a two-criterion change is searched: the smallest L1
//! change `|Δa| + |Δb|` on a grid of 2.5 scale points (0, 2.5, 5, 7.5, 10), refined by bisection along the line
//! from the current values to the best grid point.

use placement_core::near_miss::{ProbeOutcome, ProbeState};
use placement_core::record::InputStatus;
use placement_core::{Class, Criterion, DecisionRecord, Instrument, Organisation};
use serde::{Deserialize, Serialize};

use crate::error::ExplainError;
use crate::explainer::{CountryCtx, Explainer};

const MIN: f64 = 0.0;
const MAX: f64 = 10.0;

/// Which outcome a counterfactual changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

struct Search1<'e, 'a> {
    ex: &'e Explainer<'a>,
    ctx: &'e CountryCtx<'a>,
    base: Key,
}

impl Search1<'_, '_> {
    fn key(&self, o: &ProbeOutcome) -> Key {
        Key {
            class: o.class,
            instrument: o.instrument,
            top: self.ex.rank_with(self.ctx.record.country, o.score) <= self.ex.options.top_n,
        }
    }

    fn key_of_record(&self, r: &DecisionRecord) -> Key {
        Key {
            class: r.class,
            instrument: r.instrument,
            top: self.ex.rank_with(r.country, r.score) <= self.ex.options.top_n,
        }
    }

    fn at(&self, changes: &[(Criterion, f64)]) -> Key {
        let mut s: ProbeState = self.ctx.probe.base();
        for (c, v) in changes {
            s.set(*c, *v);
        }
        self.key(&self.ctx.probe.outcome(&s))
    }

    /// First flip along one direction for each target: `(unchanged, changed)` brackets.
    fn scan(&self, c: Criterion, v0: f64, dir: f64) -> [Option<(f64, f64)>; 3] {
        let step = self.ex.options.grid_step;
        let mut out = [None; 3];
        let mut prev = v0;
        let mut k = 1.0;
        loop {
            let v = (v0 + dir * k * step).clamp(MIN, MAX);
            if v == prev {
                break;
            }
            let key = self.at(&[(c, v)]);
            for (i, t) in Target::ALL.into_iter().enumerate() {
                if out[i].is_none() && key.differs(&self.base, t) {
                    out[i] = Some((prev, v));
                }
            }
            if out.iter().all(Option::is_some) {
                break;
            }
            prev = v;
            k += 1.0;
        }
        out
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

    fn verify(&self, t: Target, changes: Vec<Change>) -> Result<Search, ExplainError> {
        let mut changes = changes;
        for _ in 0..8 {
            let full: Vec<(Criterion, f64)> = changes.iter().map(|c| (c.criterion, c.to)).collect();
            let half: Vec<(Criterion, f64)> = changes
                .iter()
                .map(|c| (c.criterion, c.from + c.delta() / 2.0))
                .collect();
            let r = self.ctx.reevaluate(self.ex.rules, &full)?;
            if !self.key_of_record(&r).differs(&self.base, t) {
                return Ok(Search::Unconfirmed);
            }
            let rh = self.ctx.reevaluate(self.ex.rules, &half)?;
            if self.key_of_record(&rh).differs(&self.base, t) {
                // A smaller change already flips it: take the half and check again.
                for (c, (_, v)) in changes.iter_mut().zip(half) {
                    c.to = v;
                }
                continue;
            }
            return Ok(Search::Found(Counterfactual {
                target: t,
                changes,
                outcome: NewOutcome {
                    class: r.class,
                    instrument: r.instrument,
                    organisation: r.organisation,
                    score: r.score,
                    rank: self.ex.rank_with(r.country, r.score),
                },
            }));
        }
        Ok(Search::Unconfirmed)
    }

    fn criterion(&self, c: Criterion, v0: f64) -> Result<[Search; 3], ExplainError> {
        let up = self.scan(c, v0, 1.0);
        let down = self.scan(c, v0, -1.0);
        let mut out = [
            Search::NoneWithinScale,
            Search::NoneWithinScale,
            Search::NoneWithinScale,
        ];
        for (i, t) in Target::ALL.into_iter().enumerate() {
            let cands: Vec<f64> = [up[i], down[i]]
                .into_iter()
                .flatten()
                .map(|(lo, hi)| self.refine(c, v0, t, lo, hi))
                .collect();
            let best = cands
                .into_iter()
                .min_by(|a, b| (a - v0).abs().total_cmp(&(b - v0).abs()));
            if let Some(to) = best {
                out[i] = self.verify(
                    t,
                    vec![Change {
                        criterion: c,
                        from: v0,
                        to,
                    }],
                )?;
            }
        }
        Ok(out)
    }

    /// Smallest L1 two-criterion change for `t`, or `None`.
    fn pair(&self, t: Target, cs: &[(Criterion, f64)]) -> Option<(f64, [Change; 2])> {
        let grid: Vec<f64> = (0..=4).map(|k| 2.5 * f64::from(k)).collect();
        let mut best: Option<(f64, [Change; 2])> = None;
        for (i, &(a, va)) in cs.iter().enumerate() {
            for &(b, vb) in &cs[i + 1..] {
                for &xa in &grid {
                    for &xb in &grid {
                        let l1 = (xa - va).abs() + (xb - vb).abs();
                        if best.as_ref().is_some_and(|(d, _)| l1 >= *d) {
                            continue;
                        }
                        if self.at(&[(a, xa), (b, xb)]).differs(&self.base, t) {
                            let ch = |c, from, to| Change {
                                criterion: c,
                                from,
                                to,
                            };
                            best = Some((l1, [ch(a, va, xa), ch(b, vb, xb)]));
                        }
                    }
                }
            }
        }
        // Refine along the line from the current values to the best grid point.
        let (_, [ca, cb]) = best?;
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
    /// Searches and verifies the counterfactuals of one country.
    pub(crate) fn search(ex: &Explainer<'_>, ctx: &CountryCtx<'_>) -> Result<Self, ExplainError> {
        let base_outcome = ctx.probe.outcome(&ctx.probe.base());
        let s = Search1 {
            ex,
            ctx,
            base: Key {
                class: Class::Other,
                instrument: Instrument::None,
                top: false,
            },
        };
        let base = s.key(&base_outcome);
        let s = Search1 { base, ..s };
        let mut criteria = Vec::new();
        let mut changeable = Vec::new();
        for (c, input) in &ctx.record.inputs {
            if input.status == InputStatus::NotApplicable {
                continue;
            }
            changeable.push((*c, input.value));
            let [class, instrument, top_n] = s.criterion(*c, input.value)?;
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
                    Some((_, ch)) => match s.verify(t, ch.to_vec())? {
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
