//! Rules that nearly fired: the core's condition evaluator run with a *distance* truth.
//!
//! A comparison that fails by at most one scale step (1 on the 0–10 criteria,
//! [`Metric::step`] for metrics) counts as *near*; [`eval`] combines the parts as for any truth
//! (`all` near when every part holds or is near, `any` by its nearest part; under `not`,
//! comparisons are judged exactly).

use placement_core::criteria::{Criterion, SCALE_STEP};
use placement_core::kernel::{eval, CountryInput, Decision, Exact, Fired, Kernel, Truth, Weights};
use placement_core::rulebook::{Condition, Op, Stage};
use placement_core::{CountryAssessment, DecisionRecord};

const N: usize = Criterion::COUNT;

/// One failing comparison of a nearly fired rule.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Gap {
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
pub(crate) struct NearMiss {
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

/// The distance truth: whether the condition holds exactly, and the failing comparisons that
/// would make it hold if each were at most one step closer (`None`: not within reach).
#[derive(Debug, Clone, PartialEq)]
struct Near {
    exact: bool,
    gaps: Option<Vec<Gap>>,
}

impl Truth for Near {
    fn of(b: bool) -> Self {
        Near {
            exact: b,
            gaps: b.then(Vec::new),
        }
    }
    fn and(self, o: Self) -> Self {
        Near {
            exact: self.exact && o.exact,
            gaps: match (self.gaps, o.gaps) {
                (Some(mut a), Some(b)) => {
                    a.extend(b);
                    Some(a)
                }
                _ => None,
            },
        }
    }
    fn or(self, o: Self) -> Self {
        if self.exact || o.exact {
            return Near::of(true);
        }
        // The nearest alternative: fewest failing comparisons, the first on ties.
        let gaps = match (self.gaps, o.gaps) {
            (Some(a), Some(b)) => Some(if b.len() < a.len() { b } else { a }),
            (a, b) => a.or(b),
        };
        Near { exact: false, gaps }
    }
    fn not(self) -> Self {
        Near::of(!self.exact)
    }
    fn surely(&self) -> bool {
        self.exact
    }
    fn never(&self) -> bool {
        self.gaps.is_none()
    }
}

fn compare(on: &str, value: f64, op: Op, threshold: f64, step: f64) -> Near {
    if op.holds(value, threshold) {
        return Near::of(true);
    }
    let distance = (value - threshold).abs();
    Near {
        exact: false,
        gaps: (distance <= step + 1e-9).then(|| {
            vec![Gap {
                on: on.to_string(),
                value,
                op,
                threshold,
                distance,
            }]
        }),
    }
}

/// Rules that did not fire for the recorded state but would have with every failing
/// comparison one step closer. Conditions are judged against the record's final values (need,
/// added value after adjustment — before it for adjust rules —, class and instrument where
/// decided before the rule's stage, every rule the record says fired). Overruled rules are not
/// near misses.
pub(crate) fn near_misses(
    kernel: &Kernel<'_>,
    record: &DecisionRecord,
    ca: &CountryAssessment,
    host_placed: bool,
) -> Vec<NearMiss> {
    let rules = kernel.rulebook();
    let mut values = [0.0; N];
    for (c, input) in &record.inputs {
        values[c.index()] = input.value;
    }
    let weights: &Weights = kernel.weights();
    let exact = Exact {
        input: CountryInput {
            assessment: ca,
            values: &values,
            police_theme: record.police_theme,
            marechaussee_theme: record.marechaussee_theme,
            upstream: record.upstream,
            has_phenomena: !record.phenomena.is_empty(),
            host_placed,
        },
        weights,
    };
    let mut fired = Fired::default();
    for f in &record.rules {
        fired.push(f.rule.as_str(), true);
    }
    let mut out = Vec::new();
    for rule in rules.rules().iter().filter(|r| r.enabled) {
        if rule.stage == Stage::Portfolio
            || record.rules.iter().any(|f| f.rule == rule.id)
            || record.overruled.contains(&rule.id)
        {
            continue;
        }
        let d = Decision {
            need: record.need,
            added_value_base: record.added_value_base,
            added_value: if rule.stage == Stage::Adjust {
                record.added_value_base
            } else {
                record.added_value
            },
            score: record.score,
            class: (rule.stage > Stage::Class).then_some(record.class),
            instrument: (rule.stage > Stage::Instrument).then_some(record.instrument),
            chosen_organisation: record.organisation,
        };
        let stage = rule.stage;
        let near: Near = eval(&rule.when, &mut |leaf: &Condition| match leaf {
            Condition::Criterion { id, op, value } => {
                compare(id.id(), values[id.index()], *op, *value, SCALE_STEP)
            }
            Condition::Metric { id, op, value } => {
                compare(id.id(), d.metric(*id, &exact.input), *op, *value, id.step())
            }
            other => Near::of(exact.holds(&d, &fired, stage, other)),
        });
        if let Near {
            exact: false,
            gaps: Some(gaps),
        } = near
        {
            let winner = rules
                .rules()
                .iter()
                .filter(|r| r.stage == rule.stage)
                .find(|r| record.rules.iter().any(|f| f.rule == r.id));
            let would_take_effect =
                !rule.stage.first_match_wins() || winner.is_none_or(|w| rule.salience > w.salience);
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
