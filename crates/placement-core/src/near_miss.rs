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
//! Like `reevaluate`, the replay does not run the portfolio stage (class caps over all
//! countries). Nothing here changes a score.

use crate::assessment::CountryAssessment;
use crate::criteria::{Criterion, Side, SCALE_STEP};
use crate::outcome::{Class, Instrument, Organisation};
use crate::record::{DecisionRecord, FiredRule};
use crate::rulebook::{Condition, Effect, Fact, Metric, Op, Rulebook, Stage};

const N: usize = Criterion::COUNT;

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
    base: ProbeState,
}

fn side_of(c: Criterion) -> Side {
    c.side()
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
        Probe {
            rules,
            ca,
            fired: &record.rules,
            host_placed,
            weights,
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
    }

    fn side(&self, side: Side, values: &[f64; N]) -> f64 {
        let mut total = 0.0;
        let mut sum = 0.0;
        for c in Criterion::ALL {
            if side_of(c) == side {
                let w = self.weights[c.index()];
                total += w;
                sum += w * self.rules.scoring.normalise(c, values[c.index()]);
            }
        }
        if total <= 0.0 {
            0.0
        } else {
            100.0 * sum / total
        }
    }

    fn side_total(&self, side: Side) -> f64 {
        Criterion::ALL
            .into_iter()
            .filter(|c| side_of(*c) == side)
            .map(|c| self.weights[c.index()])
            .sum()
    }

    /// Replays the per-country stages on `state`.
    pub fn outcome(&self, state: &ProbeState) -> ProbeOutcome {
        let need = self.side(Side::Need, &state.values);
        let w_need = self.side_total(Side::Need);
        let w_av = self.side_total(Side::AddedValue);
        let mut added_value = self.side(Side::AddedValue, &state.values);
        let mut score = w_need * need + w_av * added_value;
        let mut class = None;
        let mut instrument = None;
        let mut organisation = None;
        let mut fired: Vec<&str> = Vec::new();
        for stage in [
            Stage::Adjust,
            Stage::Class,
            Stage::Instrument,
            Stage::Organisation,
            Stage::Network,
        ] {
            for rule in self
                .rules
                .rules
                .iter()
                .filter(|r| r.stage == stage && r.enabled)
            {
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

enum Fired<'f> {
    Names(&'f [&'f str]),
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
        let ca = self.probe.ca;
        match f {
            Fact::EuMember => ca.facts.eu_member,
            Fact::Schengen => ca.facts.schengen,
            Fact::Benelux => ca.facts.benelux,
            Fact::LandBorderNl => ca.facts.land_border_nl,
            Fact::PartnerLiaison => ca.partner_liaison,
            Fact::HasPhenomena => self.state.has_phenomena,
            Fact::AccreditationHostPlaced => self.host_placed,
        }
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
                Fired::Names(n) => n.iter().any(|f| f == id),
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
