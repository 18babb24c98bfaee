//! Fast replays of one country's decision for the searches, through the core's kernel.
//!
//! - [`Probe::outcome`]: the country's stages (adjust … network) on changed criterion values or
//!   weights, every other country held fixed, with nothing recorded ([`NoTrace`]). It is the
//!   engine's own stage loop ([`Kernel::run`]) on the engine's own domain ([`Exact`]), so it
//!   decides as [`placement_core::Reevaluator`] does; searches still confirm what they report
//!   with the re-evaluator.
//! - [`Probe::bounds`]: what the stage loop can decide anywhere in a *box* of states
//!   (criterion values or one weight moving between corners, [`Probe::span`],
//!   [`Probe::span_weights`]): the same loop run on an abstract domain of intervals and sets of
//!   outcomes ([`crate::bounds`]). It is sound (every class, instrument and score a state in
//!   the box can get is within the bounds), so searches skip ranges in which an outcome
//!   provably cannot change.
//!
//! Like `reevaluate`, the replay does not run the portfolio stage (class caps over all
//! countries).

use placement_core::criteria::{Criterion, Side};
use placement_core::kernel::{
    CountryInput, Decision, Exact, Fired, Kernel, NoTrace, Weights, COUNTRY_STAGES,
};
use placement_core::rulebook::{Effect, Stage};
use placement_core::{Class, CountryAssessment, DecisionRecord, Instrument, Organisation};

use crate::bounds::{Abstract, BoxSnap, OutcomeBounds, ProbeBox};

const N: usize = Criterion::COUNT;

/// The changeable state of one country: criterion values as used and the theme relations.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ProbeState {
    /// Criterion values as used, indexed by [`Criterion::index`].
    pub values: [f64; N],
    /// Crime relation on police themes, 0–10.
    pub police_theme: f64,
    /// Crime relation on Marechaussee themes, 0–10.
    pub marechaussee_theme: f64,
    /// Upstream relation (source and transit roles), 0–10.
    pub upstream: f64,
    /// The crime relation comes from phenomenon assessments.
    pub has_phenomena: bool,
}

impl ProbeState {
    /// Sets a criterion value the way [`CountryAssessment::set_value`] does: a new crime
    /// relation replaces the phenomenon breakdown, so it all counts as the police's theme.
    pub(crate) fn set(&mut self, criterion: Criterion, value: f64) {
        self.values[criterion.index()] = value;
        if criterion == Criterion::CrimeRelation {
            self.police_theme = value;
            self.marechaussee_theme = 0.0;
            self.upstream = 0.0;
            self.has_phenomena = false;
        }
    }
}

/// What the replay decided.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ProbeOutcome {
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

/// A country's decision replayed from its record and assessment.
#[derive(Debug, Clone)]
pub(crate) struct Probe<'a> {
    kernel: &'a Kernel<'a>,
    ca: &'a CountryAssessment,
    host_placed: bool,
    weights: Weights,
    /// Index in [`COUNTRY_STAGES`] of the last stage with a rule that scales the added value,
    /// sets the class, sets the instrument (0 when none): where [`Probe::bounds_for`] may stop.
    last: [usize; 3],
    base: ProbeState,
}

impl<'a> Probe<'a> {
    /// A probe for `record`, made by `kernel`'s rulebook from `ca`. `host_placed` says whether
    /// one of the country's accreditation hosts holds a permanent liaison.
    pub(crate) fn new(
        kernel: &'a Kernel<'a>,
        record: &DecisionRecord,
        ca: &'a CountryAssessment,
        host_placed: bool,
    ) -> Self {
        let mut values = [0.0; N];
        for (c, input) in &record.inputs {
            values[c.index()] = input.value;
        }
        let mut last = [0; 3];
        for (k, stage) in COUNTRY_STAGES.into_iter().enumerate() {
            for rule in kernel.stage_rules(stage) {
                let which = match rule.then {
                    Effect::ScaleAddedValue(_) => 0,
                    Effect::Class(_) => 1,
                    Effect::Instrument(_) => 2,
                    Effect::Organisation(_) | Effect::LimitClass { .. } => continue,
                };
                last[which] = k;
            }
        }
        Probe {
            kernel,
            ca,
            host_placed,
            weights: *kernel.weights(),
            last,
            base: ProbeState {
                values,
                police_theme: record.police_theme,
                marechaussee_theme: record.marechaussee_theme,
                upstream: record.upstream,
                has_phenomena: !record.phenomena.is_empty(),
            },
        }
    }

    /// The state as recorded.
    pub(crate) fn base(&self) -> ProbeState {
        self.base
    }

    /// The weights in use, indexed by [`Criterion::index`].
    pub(crate) fn weights(&self) -> [f64; N] {
        self.weights.by_criterion
    }

    /// Replaces the weights (already normalised, as `Rulebook::set_weights` leaves them).
    pub(crate) fn set_weights(&mut self, weights: [f64; N]) {
        self.weights = Weights::new(weights);
    }

    fn input<'s>(&'s self, state: &'s ProbeState) -> CountryInput<'s> {
        CountryInput {
            assessment: self.ca,
            values: &state.values,
            police_theme: state.police_theme,
            marechaussee_theme: state.marechaussee_theme,
            upstream: state.upstream,
            has_phenomena: state.has_phenomena,
            host_placed: self.host_placed,
        }
    }

    /// Replays the country's stages on `state`.
    pub(crate) fn outcome(&self, state: &ProbeState) -> ProbeOutcome {
        let mut d = Decision::start(self.kernel, &self.weights, &state.values);
        let domain = Exact {
            input: self.input(state),
            weights: &self.weights,
        };
        self.kernel.run(
            &domain,
            &COUNTRY_STAGES,
            &mut d,
            &mut Fired::default(),
            &mut NoTrace,
        );
        ProbeOutcome {
            need: d.need,
            added_value: d.added_value,
            score: d.score,
            class: d.class(),
            instrument: d.instrument(),
            organisation: d.organisation(),
        }
    }

    /// Need, need's part of the score, added value before adjustment and its part of the score.
    fn metrics(&self, weights: &Weights, values: &[f64; N]) -> [f64; 4] {
        let need = self.kernel.side_score(weights, Side::Need, values);
        let av = self.kernel.side_score(weights, Side::AddedValue, values);
        [
            need,
            weights.need_total * need,
            av,
            weights.added_value_total * av,
        ]
    }

    /// The box spanned by `corners` under the weights in use. Sound for the states "between"
    /// the corners when every criterion value moves monotonically between them (need and added
    /// value are affine in each value): all the states of a grid over one or two criteria, with
    /// the corners of that grid as `corners`. Every state must have been made the same way
    /// (with [`ProbeState::set`] on the same criteria).
    pub(crate) fn span(&self, corners: &[ProbeState]) -> ProbeBox {
        let mut b = ProbeBox::empty();
        for s in corners {
            b.include(self.metrics(&self.weights, &s.values), s);
        }
        b
    }

    /// The box of the recorded state under weights moving between `corners`: sound when one
    /// weight moves and the others are rescaled proportionally (need and added value are then
    /// linear-fractional, and their parts of the score affine, in that weight).
    pub(crate) fn span_weights(&self, corners: &[[f64; N]]) -> ProbeBox {
        let mut b = ProbeBox::empty();
        for w in corners {
            b.include(
                self.metrics(&Weights::new(*w), &self.base.values),
                &self.base,
            );
        }
        b
    }

    /// Bounds of what the stage loop decides anywhere in `b`. Every outcome of
    /// [`Probe::outcome`] for a state within the box has its class and instrument in the bounds
    /// and its score within [`OutcomeBounds::score`].
    pub(crate) fn bounds(&self, b: &ProbeBox) -> OutcomeBounds {
        self.bounds_for(b, true, true)
    }

    /// As [`Probe::bounds`], bounding the score always but the class only if `class_wanted`
    /// and the instrument only if `instrument_wanted`: the loop stops after the last stage that
    /// can change what is asked for, and leaves what is not asked for unbounded.
    pub(crate) fn bounds_for(
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
        let domain = Abstract::new(self.ca, b, self.host_placed);
        let mut snap = BoxSnap::start(b);
        self.kernel.run(
            &domain,
            &COUNTRY_STAGES[..=stop],
            &mut snap,
            &mut Fired::default(),
            &mut NoTrace,
        );
        let complete = stop + 1 == COUNTRY_STAGES.len();
        debug_assert_eq!(COUNTRY_STAGES[COUNTRY_STAGES.len() - 1], Stage::Network);
        snap.finish(b, class_wanted || complete, instrument_wanted || complete)
    }
}

#[cfg(test)]
#[path = "probe_tests.rs"]
mod tests;
