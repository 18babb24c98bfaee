//! Provenance: where every input came from, how sure and how recent it is, what was missing or
//! stale and how that was treated, and the classification marking of the report.

use placement_core::evidence::{Confidence, Date, Marking};
use placement_core::record::{InputRef, InputStatus, Outcome, RulebookRef};
use placement_core::rulebook::MissingPolicy;
use placement_core::{Criterion, DecisionRecord, Rulebook};
use serde::{Deserialize, Serialize};

/// One input as used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InputProvenance {
    /// The criterion.
    pub criterion: Criterion,
    /// The value used, 0–10.
    pub value: f64,
    /// Assessed, derived, missing or not applicable.
    pub status: InputStatus,
    /// Source (absent for derived and not-applicable values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Date assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Confidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// Marking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marking: Option<Marking>,
    /// Older than the rulebook's staleness limit.
    pub stale: bool,
    /// The assessor's remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A missing input and how it was treated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MissingTreatment {
    /// The criterion.
    pub criterion: Criterion,
    /// The value the policy supplied.
    pub imputed: f64,
    /// The rulebook's missing-value policy.
    pub policy: MissingPolicy,
    /// Outcome with the value at 0.
    pub at_min: Outcome,
    /// Outcome with the value at 10.
    pub at_max: Outcome,
    /// Whether either end changes the recommendation.
    pub changes_outcome: bool,
}

/// Provenance of one explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Provenance {
    /// The report's marking: the highest among its inputs.
    pub marking: Marking,
    /// The marking as written on Dutch documents.
    pub marking_nl: String,
    /// The assessment set.
    pub input: InputRef,
    /// The rulebook.
    pub rulebook: RulebookRef,
    /// Every input, in catalogue order.
    pub inputs: Vec<InputProvenance>,
    /// Missing inputs and their treatment.
    pub missing: Vec<MissingTreatment>,
    /// Criteria whose evidence is stale.
    pub stale: Vec<Criterion>,
    /// The record's warnings, as the engine recorded them.
    pub warnings: Vec<placement_core::record::Warning>,
}

impl Provenance {
    /// Collects the provenance of a record.
    pub fn of(
        rules: &Rulebook,
        record: &DecisionRecord,
        input: &InputRef,
        rulebook: &RulebookRef,
    ) -> Provenance {
        let inputs = record
            .inputs
            .iter()
            .map(|(c, i)| InputProvenance {
                criterion: *c,
                value: i.value,
                status: i.status,
                source: i.evidence.as_ref().map(|e| e.source.to_string()),
                date: i.evidence.as_ref().map(|e| e.date),
                confidence: i.evidence.as_ref().map(|e| e.confidence),
                marking: i.evidence.as_ref().map(|e| e.marking),
                stale: i.stale,
                note: i.note.clone(),
            })
            .collect();
        Provenance {
            marking: record.marking,
            marking_nl: crate::Lang::Nl.marking(record.marking).to_string(),
            input: input.clone(),
            rulebook: rulebook.clone(),
            inputs,
            missing: record
                .missing
                .iter()
                .map(|m| MissingTreatment {
                    criterion: m.criterion,
                    imputed: m.imputed,
                    policy: rules.scoring().missing,
                    at_min: m.at_min,
                    at_max: m.at_max,
                    changes_outcome: m.changes_outcome,
                })
                .collect(),
            stale: record
                .inputs
                .iter()
                .filter(|(_, i)| i.stale)
                .map(|(c, _)| *c)
                .collect(),
            warnings: record.warnings.clone(),
        }
    }
}
