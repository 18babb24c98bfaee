//! Margins: how far the country is from the next class boundary, from the thresholds of the
//! instrument rules, and from its neighbours in the ranking. Boundaries are read from the
//! rulebook's rules, never hard-coded.

use placement_core::rulebook::{Condition, Effect, Metric, Op, Stage};
use placement_core::{Class, CountryCode, DecisionRecord, Evaluation, Rulebook};
use serde::{Deserialize, Serialize};

/// A class boundary on the need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClassBoundary {
    /// The class rule that sets it.
    pub rule: String,
    /// The class that rule gives.
    pub class: Class,
    /// The comparison of the need with the threshold in that rule.
    pub op: Op,
    /// The need threshold.
    pub threshold: f64,
    /// `|need − threshold|`, in need points.
    pub distance: f64,
}

/// The distance of need or added value to one threshold of an instrument rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ThresholdMargin {
    /// The rule.
    pub rule: String,
    /// `need` or `added_value`.
    pub metric: String,
    /// The comparison.
    pub op: Op,
    /// The threshold.
    pub threshold: f64,
    /// The country's value.
    pub value: f64,
    /// `value − threshold` (positive: above it).
    pub distance: f64,
    /// Whether the comparison holds.
    pub holds: bool,
}

/// A neighbour in the ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Neighbour {
    /// The country.
    pub country: CountryCode,
    /// English name.
    pub name_en: String,
    /// Dutch name.
    pub name_nl: String,
    /// Its rank.
    pub rank: usize,
    /// Its score.
    pub score: f64,
    /// `|score − this country's score|`.
    pub gap: f64,
}

/// All margins of one country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Margins {
    /// The lowest class threshold above the need (absent at the top).
    pub class_up: Option<ClassBoundary>,
    /// The highest class threshold at or below the need (absent when none).
    pub class_down: Option<ClassBoundary>,
    /// Need and added value against every instrument and network rule threshold.
    pub instrument: Vec<ThresholdMargin>,
    /// The country ranked directly above.
    pub above: Option<Neighbour>,
    /// The country ranked directly below.
    pub below: Option<Neighbour>,
}

fn metric_thresholds(c: &Condition, out: &mut Vec<(Metric, Op, f64)>) {
    match c {
        Condition::All(v) | Condition::Any(v) => v.iter().for_each(|c| metric_thresholds(c, out)),
        Condition::Not(c) => metric_thresholds(c, out),
        Condition::Metric { id, op, value } => out.push((*id, *op, *value)),
        _ => {}
    }
}

impl Margins {
    /// Computes the margins of `record` within `evaluation`.
    pub fn of(rules: &Rulebook, evaluation: &Evaluation, record: &DecisionRecord) -> Margins {
        let mut class_up: Option<ClassBoundary> = None;
        let mut class_down: Option<ClassBoundary> = None;
        let mut instrument = Vec::new();
        for rule in rules.rules().iter().filter(|r| r.enabled) {
            let mut th = Vec::new();
            metric_thresholds(&rule.when, &mut th);
            match (rule.stage, &rule.then) {
                (Stage::Class, Effect::Class(class)) => {
                    for (_, op, t) in th.into_iter().filter(|(m, _, _)| *m == Metric::Need) {
                        let b = ClassBoundary {
                            rule: rule.id.clone(),
                            class: *class,
                            op,
                            threshold: t,
                            distance: (record.need - t).abs(),
                        };
                        if t > record.need {
                            if class_up.as_ref().is_none_or(|u| t < u.threshold) {
                                class_up = Some(b);
                            }
                        } else if class_down.as_ref().is_none_or(|d| t > d.threshold) {
                            class_down = Some(b);
                        }
                    }
                }
                (Stage::Instrument | Stage::Network, _) => {
                    for (m, op, t) in th {
                        let value = match m {
                            Metric::Need => record.need,
                            Metric::AddedValue => record.added_value,
                            _ => continue,
                        };
                        instrument.push(ThresholdMargin {
                            rule: rule.id.clone(),
                            metric: m.id().to_string(),
                            op,
                            threshold: t,
                            value,
                            distance: value - t,
                            holds: op.holds(value, t),
                        });
                    }
                }
                _ => {}
            }
        }
        let neighbour = |rank: usize| {
            evaluation
                .records
                .iter()
                .find(|r| r.rank == rank)
                .map(|r| Neighbour {
                    country: r.country,
                    name_en: r.name_en.clone(),
                    name_nl: r.name_nl.clone(),
                    rank: r.rank,
                    score: r.score,
                    gap: (r.score - record.score).abs(),
                })
        };
        Margins {
            class_up,
            class_down,
            instrument,
            above: record.rank.checked_sub(1).and_then(neighbour),
            below: neighbour(record.rank + 1),
        }
    }
}
