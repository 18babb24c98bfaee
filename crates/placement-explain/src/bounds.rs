//! The abstract domain of [`crate::probe::Probe::bounds_for`]: the core's stage loop run over a
//! box of states — intervals of criterion values, need, added value and score, and sets of the
//! classes and instruments still possible — with three-valued truths ([`Tri`]).

use placement_core::criteria::Criterion;
use placement_core::kernel::{fact, Domain, Fired, Tri, Truth};
use placement_core::rulebook::{Condition, Effect, Metric, Op, Rule, Stage};
use placement_core::{Class, CountryAssessment, Instrument};

use crate::probe::ProbeState;

const N: usize = Criterion::COUNT;

/// Slack on metric intervals: covers the rounding between the affine (or linear-fractional)
/// real functions and the loop's floating-point sums.
const EPS: f64 = 1e-9;

/// Bit of "not decided yet" in the class and instrument sets.
const UNSET: u16 = 1;
/// Every class or instrument possible.
const ANY: u16 = u16::MAX;

fn class_bit(c: Class) -> u16 {
    let i = Class::ALL.iter().position(|k| *k == c).unwrap_or(0);
    2 << i
}

fn instrument_bit(i: Instrument) -> u16 {
    let k = Instrument::ALL.iter().position(|x| *x == i).unwrap_or(0);
    2 << k
}

/// The set with "not decided" replaced by `default`.
fn defaulted(set: u16, default: u16) -> u16 {
    if set & UNSET != 0 {
        (set & !UNSET) | default
    } else {
        set
    }
}

fn hull(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0.min(b.0), a.1.max(b.1))
}

fn scale(a: (f64, f64), f: f64) -> (f64, f64) {
    let (x, y) = (a.0 * f, a.1 * f);
    (x.min(y), x.max(y))
}

/// `op` over every value in `[lo, hi]`: the comparisons are half-lines, so the ends decide.
fn compare_range(op: Op, (lo, hi): (f64, f64), threshold: f64) -> Tri {
    match (op.holds(lo, threshold), op.holds(hi, threshold)) {
        (true, true) => Tri::True,
        (false, false) => Tri::False,
        _ => Tri::Unknown,
    }
}

/// Ranges of what the stage loop reads over a box of states.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ProbeBox {
    lo: [f64; N],
    hi: [f64; N],
    need: (f64, f64),
    need_part: (f64, f64),
    added_value: (f64, f64),
    av_part: (f64, f64),
    police: (f64, f64),
    marechaussee: (f64, f64),
    /// Range of the upstream relation.
    upstream: (f64, f64),
    has_phenomena: Tri,
    empty: bool,
}

impl ProbeBox {
    pub(crate) fn empty() -> ProbeBox {
        let none = (f64::INFINITY, f64::NEG_INFINITY);
        ProbeBox {
            lo: [f64::INFINITY; N],
            hi: [f64::NEG_INFINITY; N],
            need: none,
            need_part: none,
            added_value: none,
            av_part: none,
            police: none,
            marechaussee: none,
            upstream: none,
            has_phenomena: Tri::Unknown,
            empty: true,
        }
    }

    /// Widens the box to a state with metrics `[need, need part, added value, its part]`.
    pub(crate) fn include(&mut self, [need, need_part, av, av_part]: [f64; 4], s: &ProbeState) {
        let widen = |r: &mut (f64, f64), x: f64| *r = (r.0.min(x), r.1.max(x));
        for i in 0..N {
            self.lo[i] = self.lo[i].min(s.values[i]);
            self.hi[i] = self.hi[i].max(s.values[i]);
        }
        widen(&mut self.need, need);
        widen(&mut self.need_part, need_part);
        widen(&mut self.added_value, av);
        widen(&mut self.av_part, av_part);
        widen(&mut self.police, s.police_theme);
        widen(&mut self.marechaussee, s.marechaussee_theme);
        widen(&mut self.upstream, s.upstream);
        let p = Tri::of(s.has_phenomena);
        self.has_phenomena = if self.empty || self.has_phenomena == p {
            p
        } else {
            Tri::Unknown
        };
        self.empty = false;
    }
}

/// What the bounds found possible in a box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OutcomeBounds {
    classes: u16,
    instruments: u16,
    score: (f64, f64),
}

impl OutcomeBounds {
    /// Whether some state in the box may get another class than `c`.
    pub(crate) fn class_may_differ(&self, c: Class) -> bool {
        self.classes != class_bit(c)
    }

    /// Whether some state in the box may get another instrument than `i`.
    pub(crate) fn instrument_may_differ(&self, i: Instrument) -> bool {
        self.instruments != instrument_bit(i)
    }

    /// Lowest and highest score possible in the box (with a little slack for rounding).
    pub(crate) fn score(&self) -> (f64, f64) {
        self.score
    }
}

/// The abstract decision state: the added value and its part of the score as intervals, the
/// classes and instruments possible as bit sets (with [`UNSET`] for "none decided yet").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BoxSnap {
    av: (f64, f64),
    av_part: (f64, f64),
    class: u16,
    instrument: u16,
}

impl BoxSnap {
    pub(crate) fn start(b: &ProbeBox) -> BoxSnap {
        BoxSnap {
            av: b.added_value,
            av_part: b.av_part,
            class: UNSET,
            instrument: UNSET,
        }
    }

    /// The bounds, the class and instrument bounded only where asked.
    pub(crate) fn finish(&self, b: &ProbeBox, class: bool, instrument: bool) -> OutcomeBounds {
        OutcomeBounds {
            classes: if class {
                defaulted(self.class, class_bit(Class::Other))
            } else {
                ANY
            },
            instruments: if instrument {
                defaulted(self.instrument, instrument_bit(Instrument::None))
            } else {
                ANY
            },
            score: (
                b.need_part.0 + self.av_part.0 - EPS,
                b.need_part.1 + self.av_part.1 + EPS,
            ),
        }
    }
}

/// The domain of intervals and outcome sets over one box.
pub(crate) struct Abstract<'p> {
    ca: &'p CountryAssessment,
    b: &'p ProbeBox,
    host_placed: bool,
}

impl<'p> Abstract<'p> {
    pub(crate) fn new(ca: &'p CountryAssessment, b: &'p ProbeBox, host_placed: bool) -> Self {
        Abstract { ca, b, host_placed }
    }

    fn member(set: u16, bit: u16) -> Tri {
        if set == bit {
            Tri::True
        } else if set & bit == 0 {
            Tri::False
        } else {
            Tri::Unknown
        }
    }
}

impl Domain for Abstract<'_> {
    type Truth = Tri;
    type Snap = BoxSnap;

    fn leaf(&self, s: &BoxSnap, fired: &Fired<'_, Tri>, stage: Stage, c: &Condition) -> Tri {
        let b = self.b;
        match c {
            Condition::Criterion { id, op, value } => {
                compare_range(*op, (b.lo[id.index()], b.hi[id.index()]), *value)
            }
            Condition::Metric { id, op, value } => {
                let (lo, hi) = match id {
                    Metric::Need => b.need,
                    Metric::AddedValue => s.av,
                    Metric::Score => (b.need_part.0 + s.av_part.0, b.need_part.1 + s.av_part.1),
                    Metric::PoliceTheme => b.police,
                    Metric::MarechausseeTheme => b.marechaussee,
                    Metric::Upstream => b.upstream,
                };
                compare_range(*op, (lo - EPS, hi + EPS), *value)
            }
            Condition::Fact(placement_core::rulebook::Fact::HasPhenomena) => b.has_phenomena,
            Condition::Fact(f) => Tri::of(fact(self.ca, *f, false, self.host_placed, stage)),
            Condition::DataSharing(v) => Tri::of(v.contains(&self.ca.data_sharing)),
            Condition::Class(k) => Self::member(s.class, class_bit(*k)),
            Condition::Instrument(i) => Self::member(s.instrument, instrument_bit(*i)),
            Condition::Fired(id) => fired.fired(id),
            Condition::Always => Tri::True,
            Condition::All(_) | Condition::Any(_) | Condition::Not(_) => {
                placement_core::kernel::eval(c, &mut |l| self.leaf(s, fired, stage, l))
            }
        }
    }

    fn apply(&self, s: &mut BoxSnap, rule: &Rule) {
        match &rule.then {
            Effect::ScaleAddedValue(f) => {
                s.av = scale(s.av, *f);
                s.av_part = scale(s.av_part, *f);
            }
            Effect::Class(c) => s.class = class_bit(*c),
            Effect::Instrument(i) => s.instrument = instrument_bit(*i),
            Effect::Organisation(_) | Effect::LimitClass { .. } => {}
        }
    }

    fn join(&self, into: &mut BoxSnap, other: &BoxSnap) {
        into.av = hull(into.av, other.av);
        into.av_part = hull(into.av_part, other.av_part);
        into.class |= other.class;
        into.instrument |= other.instrument;
    }

    fn settle(&self, s: &mut BoxSnap) {
        s.class = defaulted(s.class, class_bit(Class::Other));
        s.instrument = defaulted(s.instrument, instrument_bit(Instrument::None));
    }
}
