//! The concrete domain: one country's state, decided exactly.

use crate::assessment::CountryAssessment;
use crate::criteria::{Criterion, Side};
use crate::outcome::{Class, Instrument, Organisation};
use crate::rulebook::{Condition, Effect, Fact, Metric, Rule, Stage};

use super::{Domain, Fired, Kernel, Weights};

const N: usize = Criterion::COUNT;

/// What the stage loop reads of one country besides the decision so far: its criterion values
/// as used, its theme relations and its facts.
#[derive(Debug, Clone, Copy)]
pub struct CountryInput<'a> {
    /// The assessment (facts, data-sharing basis, partner liaison).
    pub assessment: &'a CountryAssessment,
    /// Criterion values as used, by [`Criterion::index`].
    pub values: &'a [f64; N],
    /// Crime relation on police themes, 0–10.
    pub police_theme: f64,
    /// Crime relation on Marechaussee themes, 0–10.
    pub marechaussee_theme: f64,
    /// Upstream relation (source and transit roles only), 0–10.
    pub upstream: f64,
    /// The crime relation comes from phenomenon assessments.
    pub has_phenomena: bool,
    /// One of the country's accreditation hosts holds a permanent liaison (read in the network
    /// stage only).
    pub host_placed: bool,
}

/// A yes/no fact about a country, as rules read it. `host_placed` is read only in the network
/// stage (before it, no placement is known).
pub fn fact(
    ca: &CountryAssessment,
    f: Fact,
    has_phenomena: bool,
    host_placed: bool,
    stage: Stage,
) -> bool {
    match f {
        Fact::EuMember => ca.facts.eu_member,
        Fact::Schengen => ca.facts.schengen,
        Fact::Benelux => ca.facts.benelux,
        Fact::LandBorderNl => ca.facts.land_border_nl,
        Fact::PartnerLiaison => ca.partner_liaison,
        Fact::LostEuInstruments => ca.lost_eu_instruments,
        Fact::HasPhenomena => has_phenomena,
        Fact::AccreditationHostPlaced => stage == Stage::Network && host_placed,
    }
}

/// One country's decision so far (and, after the stages, its outcome).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    /// Need, 0–100.
    pub need: f64,
    /// Added value before the adjust stage, 0–100.
    pub added_value_base: f64,
    /// Added value after the adjust rules so far, 0–100.
    pub added_value: f64,
    /// Overall score, 0–100.
    pub score: f64,
    /// Class decided so far (`other` once settled and no rule set it).
    pub class: Option<Class>,
    /// Instrument decided so far (`none` once settled and no rule set it).
    pub instrument: Option<Instrument>,
    /// Organisation the organisation stage chose.
    pub chosen_organisation: Option<Organisation>,
}

impl Decision {
    /// The decision before any rule: need and added value from the values and weights.
    pub fn start(kernel: &Kernel<'_>, weights: &Weights, values: &[f64; N]) -> Decision {
        let need = kernel.side_score(weights, Side::Need, values);
        let av = kernel.side_score(weights, Side::AddedValue, values);
        Decision {
            need,
            added_value_base: av,
            added_value: av,
            score: weights.need_total * need + weights.added_value_total * av,
            class: None,
            instrument: None,
            chosen_organisation: None,
        }
    }

    /// The class (`other` when no rule set one).
    pub fn class(&self) -> Class {
        self.class.unwrap_or(Class::Other)
    }

    /// The instrument (`none` when no rule set one).
    pub fn instrument(&self) -> Instrument {
        self.instrument.unwrap_or(Instrument::None)
    }

    /// The organisation: the one chosen, for instruments that need one.
    pub fn organisation(&self) -> Option<Organisation> {
        self.chosen_organisation
            .filter(|_| self.instrument().needs_organisation())
    }

    /// A metric's value, given the country's theme relations.
    pub fn metric(&self, m: Metric, input: &CountryInput<'_>) -> f64 {
        match m {
            Metric::Need => self.need,
            Metric::AddedValue => self.added_value,
            Metric::Score => self.score,
            Metric::PoliceTheme => input.police_theme,
            Metric::MarechausseeTheme => input.marechaussee_theme,
            Metric::Upstream => input.upstream,
        }
    }
}

/// The concrete domain: truths are `bool`, the state is a [`Decision`].
#[derive(Debug, Clone, Copy)]
pub struct Exact<'a> {
    /// The country.
    pub input: CountryInput<'a>,
    /// The weights in use (their side totals weigh need and added value in the score).
    pub weights: &'a Weights,
}

impl Exact<'_> {
    /// Whether a leaf condition holds for `d`.
    pub fn holds(
        &self,
        d: &Decision,
        fired: &Fired<'_, bool>,
        stage: Stage,
        c: &Condition,
    ) -> bool {
        let input = &self.input;
        match c {
            Condition::Criterion { id, op, value } => op.holds(input.values[id.index()], *value),
            Condition::Metric { id, op, value } => op.holds(d.metric(*id, input), *value),
            Condition::Fact(f) => fact(
                input.assessment,
                *f,
                input.has_phenomena,
                input.host_placed,
                stage,
            ),
            Condition::DataSharing(v) => v.contains(&input.assessment.data_sharing),
            Condition::Class(k) => d.class == Some(*k),
            Condition::Instrument(i) => d.instrument == Some(*i),
            Condition::Fired(id) => fired.fired(id),
            Condition::Always => true,
            // Combinators never reach a leaf function; evaluate them in full all the same.
            Condition::All(_) | Condition::Any(_) | Condition::Not(_) => {
                super::eval(c, &mut |l| self.holds(d, fired, stage, l))
            }
        }
    }
}

impl Domain for Exact<'_> {
    type Truth = bool;
    type Snap = Decision;

    fn leaf(&self, d: &Decision, fired: &Fired<'_, bool>, stage: Stage, c: &Condition) -> bool {
        self.holds(d, fired, stage, c)
    }

    fn apply(&self, d: &mut Decision, rule: &Rule) {
        match &rule.then {
            Effect::ScaleAddedValue(f) => {
                d.added_value *= f;
                d.score = self.weights.need_total * d.need
                    + self.weights.added_value_total * d.added_value;
            }
            Effect::Class(c) => d.class = Some(*c),
            Effect::Instrument(i) => d.instrument = Some(*i),
            Effect::Organisation(o) => {
                d.chosen_organisation =
                    Some(o.resolve(self.input.police_theme, self.input.marechaussee_theme));
            }
            Effect::LimitClass { .. } => {}
        }
    }

    fn join(&self, _into: &mut Decision, _other: &Decision) {
        // `bool` truths are always certain: the loop never has two states to join.
    }

    fn settle(&self, d: &mut Decision) {
        d.class = Some(d.class());
        d.instrument = Some(d.instrument());
    }
}
