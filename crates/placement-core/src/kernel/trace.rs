//! Trace sinks: what the stage loop tells about the rules it runs.
//!
//! The loop is generic over its sink, so recording is switched on by the caller and a
//! [`NoTrace`] run compiles to the bare decision (no clones kept, no overruled search).

use crate::record::{Adjustment, Decided, FiredRule};
use crate::rulebook::{Effect, Rule};

use super::Decision;

/// Receives what the stage loop did, for a state type `S`.
pub trait Trace<S> {
    /// Whether the loop should look for overruled rules after a first-match stage decided.
    const OVERRULED: bool;
    /// `rule` fired (for uncertain truths: may have fired), taking `before` to `after`.
    fn fired(&mut self, rule: &Rule, before: &S, after: &S);
    /// `rule`'s condition held, but a rule of higher salience of its stage had decided.
    fn overruled(&mut self, rule: &Rule);
}

/// Records nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoTrace;

impl<S> Trace<S> for NoTrace {
    const OVERRULED: bool = false;
    #[inline(always)]
    fn fired(&mut self, _: &Rule, _: &S, _: &S) {}
    #[inline(always)]
    fn overruled(&mut self, _: &Rule) {}
}

/// Records the rules fired (with typed before and after values), the adjustments of the added
/// value and the rules overruled: the trace of a [`crate::DecisionRecord`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recorder {
    /// Weight total of the added-value side (an adjustment's part of the score).
    pub added_value_total: f64,
    /// Rules that fired, in order.
    pub fired: Vec<FiredRule>,
    /// Changes of the added value.
    pub adjustments: Vec<Adjustment>,
    /// Ids of the rules overruled.
    pub overruled: Vec<String>,
}

impl Recorder {
    /// A recorder for a rulebook whose added-value weights sum to `added_value_total`.
    pub fn new(added_value_total: f64) -> Recorder {
        Recorder {
            added_value_total,
            ..Recorder::default()
        }
    }
}

impl Trace<Decision> for Recorder {
    const OVERRULED: bool = true;

    fn fired(&mut self, rule: &Rule, before: &Decision, after: &Decision) {
        let (was, now) = match &rule.then {
            Effect::ScaleAddedValue(f) => {
                self.adjustments.push(Adjustment {
                    rule: rule.id.clone(),
                    factor: *f,
                    before: before.added_value,
                    after: after.added_value,
                    to_score: self.added_value_total * (after.added_value - before.added_value),
                });
                (
                    Some(Decided::AddedValue(before.added_value)),
                    Decided::AddedValue(after.added_value),
                )
            }
            Effect::Class(_) => (
                before.class.map(Decided::Class),
                Decided::Class(after.class()),
            ),
            Effect::Instrument(_) => (
                before.instrument.map(Decided::Instrument),
                Decided::Instrument(after.instrument()),
            ),
            Effect::Organisation(_) => match after.chosen_organisation {
                Some(o) => (
                    before.chosen_organisation.map(Decided::Organisation),
                    Decided::Organisation(o),
                ),
                None => return,
            },
            Effect::LimitClass { .. } => return,
        };
        self.fired.push(FiredRule::new(rule, was, now));
    }

    fn overruled(&mut self, rule: &Rule) {
        self.overruled.push(rule.id.clone());
    }
}
