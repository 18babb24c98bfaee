//! The rules behind a recommendation: those that fired (with what they changed), those
//! overruled by a rule of higher salience, and those that nearly fired.

use placement_core::citation::Citation;
use placement_core::kernel::Kernel;
use placement_core::record::Decided;
use placement_core::rulebook::{Effect, Op, Stage};
use placement_core::{CountryAssessment, DecisionRecord, Rulebook};
use serde::{Deserialize, Serialize};

/// A rule's identity and its words, from the rulebook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleText {
    /// Rule id.
    pub rule: String,
    /// Stage.
    pub stage: Stage,
    /// Salience (higher wins within a first-match stage).
    pub salience: i32,
    /// Plain-language statement, English.
    pub statement_en: String,
    /// Plain-language statement, Dutch.
    pub statement_nl: String,
    /// Seed file and verbatim quote.
    pub citation: Citation,
}

impl RuleText {
    pub(crate) fn of(rules: &Rulebook, id: &str, stage: Stage) -> RuleText {
        match rules.rule(id) {
            Some(r) => RuleText {
                rule: r.id.clone(),
                stage: r.stage,
                salience: r.salience,
                statement_en: r.statement.clone(),
                statement_nl: r.statement_nl.clone(),
                citation: r.citation.clone(),
            },
            None => RuleText {
                rule: id.to_string(),
                stage,
                salience: 0,
                statement_en: String::new(),
                statement_nl: String::new(),
                citation: Citation::new("", ""),
            },
        }
    }
}

/// A rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FiredExplained {
    /// The rule.
    #[serde(flatten)]
    pub text: RuleText,
    /// Its effect, as the rulebook states it.
    pub effect: Effect,
    /// The value before (absent when nothing was decided yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Decided>,
    /// The value after.
    pub after: Decided,
}

/// A rule whose condition held but that a higher-salience rule of its stage overruled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OverruledExplained {
    /// The rule.
    #[serde(flatten)]
    pub text: RuleText,
    /// The rule of the same stage that took effect instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overruled_by: Option<String>,
}

/// One failing comparison of a nearly fired rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GapExplained {
    /// Criterion or metric id.
    pub on: String,
    /// The country's value.
    pub value: f64,
    /// The comparison.
    pub op: Op,
    /// The threshold.
    pub threshold: f64,
    /// Distance to satisfying it (≤ one scale step).
    pub distance: f64,
}

/// A rule that nearly fired: each failing comparison is within one scale step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NearMissExplained {
    /// The rule.
    #[serde(flatten)]
    pub text: RuleText,
    /// The failing comparisons.
    pub gaps: Vec<GapExplained>,
    /// Whether firing it would have changed the decision (it outranks the deciding rule).
    pub would_take_effect: bool,
}

/// Every rule that mattered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleReport {
    /// Rules that fired, in order.
    pub fired: Vec<FiredExplained>,
    /// Rules overruled by higher salience.
    pub overruled: Vec<OverruledExplained>,
    /// Rules that nearly fired.
    pub near_misses: Vec<NearMissExplained>,
}

impl RuleReport {
    /// Builds the report for a record.
    pub fn of(
        kernel: &Kernel<'_>,
        record: &DecisionRecord,
        ca: &CountryAssessment,
        host_placed: bool,
    ) -> RuleReport {
        let rules = kernel.rulebook();
        let fired = record
            .rules
            .iter()
            .map(|f| FiredExplained {
                text: RuleText::of(rules, &f.rule, f.stage),
                effect: f.effect.clone(),
                before: f.before,
                after: f.after,
            })
            .collect();
        let overruled = record
            .overruled
            .iter()
            .map(|id| {
                let stage = rules.rule(id).map_or(Stage::Instrument, |r| r.stage);
                OverruledExplained {
                    text: RuleText::of(rules, id, stage),
                    overruled_by: record
                        .rules
                        .iter()
                        .find(|f| f.stage == stage)
                        .map(|f| f.rule.clone()),
                }
            })
            .collect();
        let near_misses = crate::near_miss::near_misses(kernel, record, ca, host_placed)
            .into_iter()
            .map(|n| NearMissExplained {
                text: RuleText::of(rules, &n.rule, n.stage),
                gaps: n
                    .gaps
                    .into_iter()
                    .map(|g| GapExplained {
                        on: g.on,
                        value: g.value,
                        op: g.op,
                        threshold: g.threshold,
                        distance: g.distance,
                    })
                    .collect(),
                would_take_effect: n.would_take_effect,
            })
            .collect();
        RuleReport {
            fired,
            overruled,
            near_misses,
        }
    }
}
