//! Rule conditions evaluated against a decision record, outside the evaluation pipeline.
//!
//! Two things the explainer needs and the engine does not:
//! - [`Probe::near_misses`]: rules that did not fire but would have if the values they compare
//!   were one scale step closer (1 on the 0–10 criteria, [`Metric::step`] for metrics);
//! - [`Probe::outcome`]: a fast replay of one country's per-country stages (need, added value,
//!   adjust, class, instrument, organisation, network) on changed criterion values or weights,
//!   with every other country held fixed. It mirrors [`crate::Engine::reevaluate`] without
//!   building a record, so searches can call it many thousands of times; anything it finds
//!   is meant to be confirmed with `reevaluate` before it is reported.
//!
//! - [`Probe::bounds`]: what the replay can decide anywhere in a *box* of states (criterion
//!   values or one weight moving between corners, [`Probe::span`], [`Probe::span_weights`]):
//!   a three-valued replay over intervals of need, added value and score. It is sound (every
//!   class, instrument and score the replay can produce inside the box is within the bounds),
//!   so searches use it to skip ranges in which an outcome provably cannot change.
//!
//! Like `reevaluate`, the replay does not run the portfolio stage (class caps over all
//! countries). Nothing here changes a score.

use crate::assessment::CountryAssessment;
use crate::criteria::{Criterion, Side, SCALE_STEP};
use crate::outcome::{Class, Instrument, Organisation};
use crate::record::{DecisionRecord, FiredRule};
use crate::rulebook::{Condition, Effect, Fact, Metric, Op, Rule, Rulebook, Stage};

const N: usize = Criterion::COUNT;

/// The stages the replay runs, in order.
const STAGES: [Stage; 5] = [
    Stage::Adjust,
    Stage::Class,
    Stage::Instrument,
    Stage::Organisation,
    Stage::Network,
];

/// Slack on metric intervals in [`Probe::bounds`]: covers the rounding between the affine
/// (or linear-fractional) real functions and the replay's floating-point sums.
const EPS: f64 = 1e-9;

/// The changeable state of one country: criterion values as used and the theme relations.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProbeState {
    /// Criterion values as used, indexed by [`Criterion::index`].
    pub values: [f64; N],
    /// Crime relation on police themes, 0–10.
    pub police_theme: f64,
    /// Crime relation on Marechaussee themes, 0–10.
    pub marechaussee_theme: f64,
    /// The crime relation comes from phenomenon assessments.
    pub has_phenomena: bool,
}

impl ProbeState {
    /// Sets a criterion value the way [`CountryAssessment::set_value`] does: a new crime
    /// relation replaces the phenomenon breakdown, so it all counts as the police's theme.
    pub fn set(&mut self, criterion: Criterion, value: f64) {
        self.values[criterion.index()] = value;
        if criterion == Criterion::CrimeRelation {
            self.police_theme = value;
            self.marechaussee_theme = 0.0;
            self.has_phenomena = false;
        }
    }
}

/// What the replay decided.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProbeOutcome {
    /// Need, 0–100.
    pub need: f64,
    /// Added value after the adjust rules, 0–100.
    pub added_value: f64,
    /// Overall score, 0–100.
    pub score: f64,
    /// Class (before any portfolio cap).
    pub class: Class,
    /// Instrument (after the network stage).
    pub instrument: Instrument,
    /// Organisation, for liaison instruments.
    pub organisation: Option<Organisation>,
}

/// One failing comparison of a nearly fired rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// The criterion or metric id compared.
    pub on: String,
    /// Its value for the country.
    pub value: f64,
    /// The comparison.
    pub op: Op,
    /// The threshold.
    pub threshold: f64,
    /// How far the value is from satisfying the comparison (always > 0 and ≤ one step).
    pub distance: f64,
}

/// A rule that did not fire but would have, had each of its failing comparisons been at most
/// one step closer.
#[derive(Debug, Clone, PartialEq)]
pub struct NearMiss {
    /// The rule's id.
    pub rule: String,
    /// Its stage.
    pub stage: Stage,
    /// The comparisons that failed, each within one step.
    pub gaps: Vec<Gap>,
    /// In a first-match stage: whether it outranks the rule that did decide, so that firing
    /// it would have changed the decision. Always true in the adjust stage.
    pub would_take_effect: bool,
}

enum Eval {
    Holds,
    Near(Vec<Gap>),
    Fails,
}

/// A country's decision replayed from its record and assessment.
#[derive(Debug, Clone)]
pub struct Probe<'a> {
    rules: &'a Rulebook,
    ca: &'a CountryAssessment,
    fired: &'a [FiredRule],
    host_placed: bool,
    weights: [f64; N],
    totals: Totals,
    /// Enabled rules of the replayed stages: stage by stage, rulebook order within a stage.
    order: Vec<&'a Rule>,
    /// `order[ranges[k].0..ranges[k].1]` are the rules of `STAGES[k]`.
    ranges: [(usize, usize); 5],
    /// Index in `STAGES` of the last stage with a rule that scales the added value, sets the
    /// class, sets the instrument (0 when none): where [`Probe::bounds_for`] may stop.
    last: [usize; 3],
    base: ProbeState,
}

/// Side weight totals for one set of weights, summed exactly as the replay always has (so
/// precomputing them changes no result).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Totals {
    /// Divisors of the side scores (`side`), need and added value.
    side: [f64; 2],
    /// Multipliers of need and added value in the score.
    score: [f64; 2],
}

impl Totals {
    fn of(weights: &[f64; N]) -> Totals {
        let mut side = [0.0; 2];
        for (k, s) in [Side::Need, Side::AddedValue].into_iter().enumerate() {
            for c in Criterion::ALL {
                if side_of(c) == s {
                    side[k] += weights[c.index()];
                }
            }
        }
        let sum = |s: Side| {
            Criterion::ALL
                .into_iter()
                .filter(|c| side_of(*c) == s)
                .map(|c| weights[c.index()])
                .sum::<f64>()
        };
        Totals {
            side,
            score: [sum(Side::Need), sum(Side::AddedValue)],
        }
    }
}

fn side_of(c: Criterion) -> Side {
    c.side()
}

/// Names of the rules fired so far in one replay, kept on the stack.
struct FiredNames<'r> {
    inline: [&'r str; 16],
    len: usize,
    spill: Vec<&'r str>,
}

impl<'r> FiredNames<'r> {
    fn new() -> Self {
        FiredNames {
            inline: [""; 16],
            len: 0,
            spill: Vec::new(),
        }
    }

    fn push(&mut self, id: &'r str) {
        if self.len < self.inline.len() {
            self.inline[self.len] = id;
            self.len += 1;
        } else {
            self.spill.push(id);
        }
    }

    fn contains(&self, id: &str) -> bool {
        self.inline[..self.len].contains(&id) || self.spill.contains(&id)
    }
}

impl<'a> Probe<'a> {
    /// A probe for `record`, made by `rules` from `ca`. `host_placed` says whether one of the
    /// country's accreditation hosts holds a permanent liaison (the network stage's fact).
    pub fn new(
        rules: &'a Rulebook,
        record: &'a DecisionRecord,
        ca: &'a CountryAssessment,
        host_placed: bool,
    ) -> Self {
        let mut values = [0.0; N];
        for (c, input) in &record.inputs {
            values[c.index()] = input.value;
        }
        let mut weights = [0.0; N];
        for c in Criterion::ALL {
            weights[c.index()] = rules.scoring.weight(c);
        }
        let mut order = Vec::new();
        let mut ranges = [(0, 0); 5];
        for (k, stage) in STAGES.into_iter().enumerate() {
            let start = order.len();
            order.extend(rules.rules.iter().filter(|r| r.stage == stage && r.enabled));
            ranges[k] = (start, order.len());
        }
        let mut last = [0; 3];
        for (k, stage) in STAGES.into_iter().enumerate() {
            for rule in &order[ranges[k].0..ranges[k].1] {
                let which = match rule.then {
                    Effect::ScaleAddedValue(_) => 0,
                    Effect::Class(_) => 1,
                    Effect::Instrument(_) => 2,
                    Effect::Organisation(_) | Effect::LimitClass { .. } => continue,
                };
                debug_assert_eq!(STAGES[k], stage);
                last[which] = k;
            }
        }
        Probe {
            rules,
            ca,
            fired: &record.rules,
            host_placed,
            weights,
            totals: Totals::of(&weights),
            order,
            ranges,
            last,
            base: ProbeState {
                values,
                police_theme: record.police_theme,
                marechaussee_theme: record.marechaussee_theme,
                has_phenomena: !record.phenomena.is_empty(),
            },
        }
    }

    /// The state as recorded.
    pub fn base(&self) -> ProbeState {
        self.base
    }

    /// The weights in use, indexed by [`Criterion::index`].
    pub fn weights(&self) -> [f64; N] {
        self.weights
    }

    /// Replaces the weights (already normalised, as [`Rulebook::set_weights`] leaves them).
    pub fn set_weights(&mut self, weights: [f64; N]) {
        self.weights = weights;
        self.totals = Totals::of(&weights);
    }

    fn stage_rules(&self, k: usize) -> &[&'a Rule] {
        let (a, b) = self.ranges[k];
        &self.order[a..b]
    }

    /// A side's score, 0–100, for `values` under `weights` with side total `total`.
    fn side_with(&self, weights: &[f64; N], total: f64, side: Side, values: &[f64; N]) -> f64 {
        let mut sum = 0.0;
        for c in Criterion::ALL {
            if side_of(c) == side {
                sum += weights[c.index()] * self.rules.scoring.normalise(c, values[c.index()]);
            }
        }
        if total <= 0.0 {
            0.0
        } else {
            100.0 * sum / total
        }
    }

    /// Need, need's part of the score, added value before adjustment and its part of the score.
    fn metrics(&self, weights: &[f64; N], totals: &Totals, values: &[f64; N]) -> [f64; 4] {
        let need = self.side_with(weights, totals.side[0], Side::Need, values);
        let av = self.side_with(weights, totals.side[1], Side::AddedValue, values);
        [need, totals.score[0] * need, av, totals.score[1] * av]
    }

    /// Replays the per-country stages on `state`.
    pub fn outcome(&self, state: &ProbeState) -> ProbeOutcome {
        let need = self.side_with(
            &self.weights,
            self.totals.side[0],
            Side::Need,
            &state.values,
        );
        let [w_need, w_av] = self.totals.score;
        let mut added_value = self.side_with(
            &self.weights,
            self.totals.side[1],
            Side::AddedValue,
            &state.values,
        );
        let mut score = w_need * need + w_av * added_value;
        let mut class = None;
        let mut instrument = None;
        let mut organisation = None;
        let mut fired = FiredNames::new();
        for (k, stage) in STAGES.into_iter().enumerate() {
            for rule in self.stage_rules(k) {
                let view = View {
                    probe: self,
                    state,
                    need,
                    added_value,
                    score,
                    class,
                    instrument,
                    fired: Fired::Names(&fired),
                    host_placed: stage == Stage::Network && self.host_placed,
                };
                if !view.holds(&rule.when) {
                    continue;
                }
                match (&rule.then, stage) {
                    (Effect::ScaleAddedValue(f), _) => {
                        added_value *= f;
                        score = w_need * need + w_av * added_value;
                    }
                    (Effect::Class(c), _) => class = Some(*c),
                    (Effect::Instrument(i), _) => instrument = Some(*i),
                    (Effect::Organisation(o), _) => {
                        organisation = Some(o.resolve(state.police_theme, state.marechaussee_theme))
                    }
                    (Effect::LimitClass { .. }, _) => continue,
                }
                fired.push(&rule.id);
                if stage.first_match_wins() {
                    break;
                }
            }
            if stage == Stage::Organisation {
                // The network stage sees the per-country decision, defaults applied.
                instrument = Some(instrument.unwrap_or(Instrument::None));
                class = Some(class.unwrap_or(Class::Other));
            }
        }
        let instrument = instrument.unwrap_or(Instrument::None);
        ProbeOutcome {
            need,
            added_value,
            score,
            class: class.unwrap_or(Class::Other),
            instrument,
            organisation: organisation.filter(|_| instrument.needs_organisation()),
        }
    }

    /// The box spanned by `corners` under the weights in use. Sound for the states "between"
    /// the corners when every criterion value moves monotonically between them (need and added
    /// value are affine in each value): all the states of a grid over one or two criteria, with
    /// the corners of that grid as `corners`. Every state must have been made the same way
    /// (with [`ProbeState::set`] on the same criteria).
    pub fn span(&self, corners: &[ProbeState]) -> ProbeBox {
        let mut b = ProbeBox::empty();
        for s in corners {
            b.include(self.metrics(&self.weights, &self.totals, &s.values), s);
        }
        b
    }

    /// The box of the recorded state under weights moving between `corners`: sound when one
    /// weight moves and the others are rescaled proportionally (need and added value are then
    /// linear-fractional, and their parts of the score affine, in that weight).
    pub fn span_weights(&self, corners: &[[f64; N]]) -> ProbeBox {
        let mut b = ProbeBox::empty();
        for w in corners {
            b.include(
                self.metrics(w, &Totals::of(w), &self.base.values),
                &self.base,
            );
        }
        b
    }

    /// Bounds of what the replay decides anywhere in `b`: a three-valued replay (a condition
    /// holds, fails, or may go either way) over intervals. Every outcome of [`Probe::outcome`]
    /// for a state within the box has its class and instrument in the bounds and its score
    /// within [`OutcomeBounds::score`].
    pub fn bounds(&self, b: &ProbeBox) -> OutcomeBounds {
        self.bounds_for(b, true, true)
    }

    /// As [`Probe::bounds`], bounding the score always but the class only if `class` and the
    /// instrument only if `instrument`: the replay stops after the last stage that can change
    /// what is asked for, and leaves what is not asked for unbounded (every value possible).
    pub fn bounds_for(
        &self,
        b: &ProbeBox,
        class_wanted: bool,
        instrument_wanted: bool,
    ) -> OutcomeBounds {
        let mut stop = self.last[0];
        if class_wanted {
            stop = stop.max(self.last[1]);
        }
        if instrument_wanted {
            stop = stop.max(self.last[2]);
        }
        let need = b.need;
        let mut av = b.added_value;
        let mut av_part = b.av_part;
        let mut class = UNSET;
        let mut instrument = UNSET;
        let mut fired = FiredTri::new();
        for (k, stage) in STAGES.into_iter().enumerate().take(stop + 1) {
            let first = stage.first_match_wins();
            let mut reach = Tri::True;
            let (mut new_class, mut new_instrument) = (0u16, 0u16);
            let (mut keep_class, mut keep_instrument) = (false, false);
            for rule in self.stage_rules(k) {
                if reach == Tri::False {
                    break;
                }
                let view = AbstractView {
                    probe: self,
                    b,
                    need,
                    added_value: av,
                    score: (b.need_part.0 + av_part.0, b.need_part.1 + av_part.1),
                    class,
                    instrument,
                    fired: &fired,
                    host_placed: stage == Stage::Network && self.host_placed,
                };
                let holds = view.holds(&rule.when);
                let effective = reach.and(holds);
                if effective == Tri::False {
                    continue;
                }
                let certain = effective == Tri::True;
                match &rule.then {
                    Effect::ScaleAddedValue(f) => {
                        let scaled = scale(av, *f);
                        let scaled_part = scale(av_part, *f);
                        (av, av_part) = if certain {
                            (scaled, scaled_part)
                        } else {
                            (hull(av, scaled), hull(av_part, scaled_part))
                        };
                        keep_class = true;
                        keep_instrument = true;
                    }
                    Effect::Class(c) => {
                        if first {
                            new_class |= class_bit(*c);
                            keep_instrument = true;
                        } else if certain {
                            class = class_bit(*c);
                        } else {
                            class |= class_bit(*c);
                        }
                    }
                    Effect::Instrument(i) => {
                        if first {
                            new_instrument |= instrument_bit(*i);
                            keep_class = true;
                        } else if certain {
                            instrument = instrument_bit(*i);
                        } else {
                            instrument |= instrument_bit(*i);
                        }
                    }
                    Effect::Organisation(_) => {
                        keep_class = true;
                        keep_instrument = true;
                    }
                    Effect::LimitClass { .. } => continue,
                }
                fired.push(&rule.id, effective);
                if first {
                    reach = reach.and(holds.not());
                }
            }
            if first {
                // Exactly one rule fired or none: the stage's result is one of the firing
                // rules' effects, or what was there before.
                let none_fired = reach != Tri::False;
                class = new_class | if none_fired || keep_class { class } else { 0 };
                instrument = new_instrument
                    | if none_fired || keep_instrument {
                        instrument
                    } else {
                        0
                    };
            }
            if stage == Stage::Organisation {
                class = defaulted(class, class_bit(Class::Other));
                instrument = defaulted(instrument, instrument_bit(Instrument::None));
            }
        }
        let complete = stop + 1 == STAGES.len();
        OutcomeBounds {
            classes: if class_wanted || complete {
                defaulted(class, class_bit(Class::Other))
            } else {
                ANY
            },
            instruments: if instrument_wanted || complete {
                defaulted(instrument, instrument_bit(Instrument::None))
            } else {
                ANY
            },
            score: (
                b.need_part.0 + av_part.0 - EPS,
                b.need_part.1 + av_part.1 + EPS,
            ),
        }
    }

    /// Rules that did not fire for the recorded state but would have with every failing
    /// comparison one step closer. Conditions are judged against the record's final values
    /// (need, added value after adjustment — before it for adjust rules —, class, instrument);
    /// comparisons under `not` are judged exactly. Overruled rules are not near misses.
    pub fn near_misses(&self, record: &DecisionRecord) -> Vec<NearMiss> {
        let mut out = Vec::new();
        for rule in self.rules.rules.iter().filter(|r| r.enabled) {
            if rule.stage == Stage::Portfolio
                || record.rules.iter().any(|f| f.rule == rule.id)
                || record.overruled.contains(&rule.id)
            {
                continue;
            }
            let view = View {
                probe: self,
                state: &self.base,
                need: record.need,
                added_value: if rule.stage == Stage::Adjust {
                    record.added_value_base
                } else {
                    record.added_value
                },
                score: record.score,
                class: (rule.stage > Stage::Class).then_some(record.class),
                instrument: (rule.stage > Stage::Instrument).then_some(record.instrument),
                fired: Fired::Record(self.fired),
                host_placed: self.host_placed,
            };
            if let Eval::Near(gaps) = view.eval(&rule.when) {
                let winner = self
                    .rules
                    .rules
                    .iter()
                    .filter(|r| r.stage == rule.stage)
                    .find(|r| record.rules.iter().any(|f| f.rule == r.id));
                let would_take_effect = !rule.stage.first_match_wins()
                    || winner.map_or(true, |w| rule.salience > w.salience);
                out.push(NearMiss {
                    rule: rule.id.clone(),
                    stage: rule.stage,
                    gaps,
                    would_take_effect,
                });
            }
        }
        out
    }
}

fn fact_of(ca: &CountryAssessment, f: Fact, has_phenomena: bool, host_placed: bool) -> bool {
    match f {
        Fact::EuMember => ca.facts.eu_member,
        Fact::Schengen => ca.facts.schengen,
        Fact::Benelux => ca.facts.benelux,
        Fact::LandBorderNl => ca.facts.land_border_nl,
        Fact::PartnerLiaison => ca.partner_liaison,
        Fact::HasPhenomena => has_phenomena,
        Fact::AccreditationHostPlaced => host_placed,
    }
}

enum Fired<'f> {
    Names(&'f FiredNames<'f>),
    Record(&'f [FiredRule]),
}

struct View<'p, 'a> {
    probe: &'p Probe<'a>,
    state: &'p ProbeState,
    need: f64,
    added_value: f64,
    score: f64,
    class: Option<Class>,
    instrument: Option<Instrument>,
    fired: Fired<'p>,
    host_placed: bool,
}

impl View<'_, '_> {
    fn metric(&self, m: Metric) -> f64 {
        match m {
            Metric::Need => self.need,
            Metric::AddedValue => self.added_value,
            Metric::Score => self.score,
            Metric::PoliceTheme => self.state.police_theme,
            Metric::MarechausseeTheme => self.state.marechaussee_theme,
        }
    }

    fn fact(&self, f: Fact) -> bool {
        fact_of(self.probe.ca, f, self.state.has_phenomena, self.host_placed)
    }

    fn holds(&self, c: &Condition) -> bool {
        match c {
            Condition::Always => true,
            Condition::All(v) => v.iter().all(|c| self.holds(c)),
            Condition::Any(v) => v.iter().any(|c| self.holds(c)),
            Condition::Not(c) => !self.holds(c),
            Condition::Criterion { id, op, value } => {
                op.holds(self.state.values[id.index()], *value)
            }
            Condition::Metric { id, op, value } => op.holds(self.metric(*id), *value),
            Condition::Fact(f) => self.fact(*f),
            Condition::DataSharing(v) => v.contains(&self.probe.ca.data_sharing),
            Condition::Class(c) => self.class == Some(*c),
            Condition::Instrument(i) => self.instrument == Some(*i),
            Condition::Fired(id) => match &self.fired {
                Fired::Names(n) => n.contains(id),
                Fired::Record(r) => r.iter().any(|f| &f.rule == id),
            },
        }
    }

    fn compare(on: &str, value: f64, op: Op, threshold: f64, step: f64) -> Eval {
        if op.holds(value, threshold) {
            return Eval::Holds;
        }
        let distance = (value - threshold).abs();
        if distance <= step + 1e-9 {
            Eval::Near(vec![Gap {
                on: on.to_string(),
                value,
                op,
                threshold,
                distance,
            }])
        } else {
            Eval::Fails
        }
    }

    fn eval(&self, c: &Condition) -> Eval {
        match c {
            Condition::All(v) => {
                let mut gaps = Vec::new();
                for c in v {
                    match self.eval(c) {
                        Eval::Holds => {}
                        Eval::Near(g) => gaps.extend(g),
                        Eval::Fails => return Eval::Fails,
                    }
                }
                if gaps.is_empty() {
                    Eval::Holds
                } else {
                    Eval::Near(gaps)
                }
            }
            Condition::Any(v) => {
                let mut best: Option<Vec<Gap>> = None;
                for c in v {
                    match self.eval(c) {
                        Eval::Holds => return Eval::Holds,
                        Eval::Near(g) => {
                            if best.as_ref().map_or(true, |b| g.len() < b.len()) {
                                best = Some(g);
                            }
                        }
                        Eval::Fails => {}
                    }
                }
                best.map_or(Eval::Fails, Eval::Near)
            }
            Condition::Criterion { id, op, value } => Self::compare(
                id.id(),
                self.state.values[id.index()],
                *op,
                *value,
                SCALE_STEP,
            ),
            Condition::Metric { id, op, value } => {
                Self::compare(id.id(), self.metric(*id), *op, *value, id.step())
            }
            other => {
                if self.holds(other) {
                    Eval::Holds
                } else {
                    Eval::Fails
                }
            }
        }
    }
}

/// A three-valued truth: holds everywhere in a box, nowhere, or may go either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tri {
    True,
    False,
    Unknown,
}

impl Tri {
    fn of(b: bool) -> Tri {
        if b {
            Tri::True
        } else {
            Tri::False
        }
    }

    fn and(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }

    fn or(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }

    fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

/// Bit of "not decided yet" in the class and instrument sets of [`Probe::bounds`].
const UNSET: u16 = 1;
/// Every class or instrument possible.
const ANY: u16 = u16::MAX;

/// Rules fired (certainly or possibly) so far in one bounded replay, kept on the stack.
struct FiredTri<'r> {
    inline: [(&'r str, Tri); 16],
    len: usize,
    spill: Vec<(&'r str, Tri)>,
}

impl<'r> FiredTri<'r> {
    fn new() -> Self {
        FiredTri {
            inline: [("", Tri::False); 16],
            len: 0,
            spill: Vec::new(),
        }
    }

    fn push(&mut self, id: &'r str, t: Tri) {
        if self.len < self.inline.len() {
            self.inline[self.len] = (id, t);
            self.len += 1;
        } else {
            self.spill.push((id, t));
        }
    }

    /// Whether rule `id` fired: certainly, possibly, or not.
    fn fired(&self, id: &str) -> Tri {
        self.inline[..self.len]
            .iter()
            .chain(&self.spill)
            .filter(|(f, _)| *f == id)
            .fold(Tri::False, |t, (_, x)| t.or(*x))
    }
}

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

/// Ranges of what the replay reads over a box of states ([`Probe::span`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProbeBox {
    lo: [f64; N],
    hi: [f64; N],
    need: (f64, f64),
    need_part: (f64, f64),
    added_value: (f64, f64),
    av_part: (f64, f64),
    police: (f64, f64),
    marechaussee: (f64, f64),
    has_phenomena: Tri,
    empty: bool,
}

impl ProbeBox {
    fn empty() -> ProbeBox {
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
            has_phenomena: Tri::Unknown,
            empty: true,
        }
    }

    fn include(&mut self, [need, need_part, av, av_part]: [f64; 4], s: &ProbeState) {
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
        let p = Tri::of(s.has_phenomena);
        self.has_phenomena = if self.empty || self.has_phenomena == p {
            p
        } else {
            Tri::Unknown
        };
        self.empty = false;
    }
}

/// What [`Probe::bounds`] found possible in a box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OutcomeBounds {
    classes: u16,
    instruments: u16,
    score: (f64, f64),
}

impl OutcomeBounds {
    /// Whether some state in the box may get another class than `c`.
    pub fn class_may_differ(&self, c: Class) -> bool {
        self.classes != class_bit(c)
    }

    /// Whether some state in the box may get another instrument than `i`.
    pub fn instrument_may_differ(&self, i: Instrument) -> bool {
        self.instruments != instrument_bit(i)
    }

    /// Lowest and highest score possible in the box (with a little slack for rounding).
    pub fn score(&self) -> (f64, f64) {
        self.score
    }
}

struct AbstractView<'p, 'a> {
    probe: &'p Probe<'a>,
    b: &'p ProbeBox,
    need: (f64, f64),
    added_value: (f64, f64),
    score: (f64, f64),
    class: u16,
    instrument: u16,
    fired: &'p FiredTri<'p>,
    host_placed: bool,
}

impl AbstractView<'_, '_> {
    fn metric(&self, m: Metric) -> (f64, f64) {
        let (lo, hi) = match m {
            Metric::Need => self.need,
            Metric::AddedValue => self.added_value,
            Metric::Score => self.score,
            Metric::PoliceTheme => self.b.police,
            Metric::MarechausseeTheme => self.b.marechaussee,
        };
        (lo - EPS, hi + EPS)
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

    fn holds(&self, c: &Condition) -> Tri {
        match c {
            Condition::Always => Tri::True,
            Condition::All(v) => v.iter().fold(Tri::True, |t, c| t.and(self.holds(c))),
            Condition::Any(v) => v.iter().fold(Tri::False, |t, c| t.or(self.holds(c))),
            Condition::Not(c) => self.holds(c).not(),
            Condition::Criterion { id, op, value } => {
                compare_range(*op, (self.b.lo[id.index()], self.b.hi[id.index()]), *value)
            }
            Condition::Metric { id, op, value } => compare_range(*op, self.metric(*id), *value),
            Condition::Fact(Fact::HasPhenomena) => self.b.has_phenomena,
            Condition::Fact(f) => Tri::of(fact_of(self.probe.ca, *f, false, self.host_placed)),
            Condition::DataSharing(v) => Tri::of(v.contains(&self.probe.ca.data_sharing)),
            Condition::Class(c) => Self::member(self.class, class_bit(*c)),
            Condition::Instrument(i) => Self::member(self.instrument, instrument_bit(*i)),
            Condition::Fired(id) => self.fired.fired(id),
        }
    }
}
