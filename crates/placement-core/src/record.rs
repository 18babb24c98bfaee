//! The decision record: everything the engine decided for a country and why, with enough detail
//! that the explainer never has to recompute a score.
//!
//! The JSON shape is stable within a [`SCHEMA_VERSION`] and documented in
//! `docs/decision-record.md`. Maps are sorted, so the same input gives byte-identical JSON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::assessment::DataSharingBasis;
use crate::country::{CountryCode, Region};
use crate::criteria::{Criterion, Side};
use crate::criterion_map::CriterionMap;
use crate::evidence::{Date, Evidence, Marking};
use crate::outcome::{Class, Instrument, Organisation};
use crate::phenomenon::Phenomenon;
use crate::rulebook::{Effect, MissingPolicy, Rule, Stage};

/// Version of the record's JSON shape; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 3;

/// The result of evaluating an assessment set under a rulebook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evaluation {
    /// [`SCHEMA_VERSION`] of this shape.
    pub schema_version: u32,
    /// Which rules produced it.
    pub rulebook: RulebookRef,
    /// Which inputs it was produced from.
    pub input: InputRef,
    /// The weights used (normalised to sum to 1).
    pub weights: BTreeMap<Criterion, f64>,
    /// One record per country, in rank order (rank 1 first).
    pub records: Vec<DecisionRecord>,
    /// The highest classification marking among all inputs used.
    pub marking: Marking,
}

impl Evaluation {
    /// The record of one country.
    pub fn record(&self, code: CountryCode) -> Option<&DecisionRecord> {
        self.records.iter().find(|r| r.country == code)
    }

    /// The countries that hold a permanent liaison (accreditation hosts for the network stage).
    pub fn placed(&self) -> std::collections::BTreeSet<CountryCode> {
        self.records
            .iter()
            .filter(|r| r.instrument == Instrument::PermanentLiaison)
            .map(|r| r.country)
            .collect()
    }

    /// Canonical JSON (pretty-printed, sorted maps): byte-identical for identical inputs.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Identifies the rulebook behind an evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RulebookRef {
    /// Rulebook id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Policy regime.
    pub regime: String,
    /// SHA-256 of the rulebook's canonical JSON.
    pub hash: String,
}

/// Identifies the inputs behind an evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InputRef {
    /// Title of the assessment set.
    pub title: String,
    /// Whether the values are illustrative.
    pub illustrative: bool,
    /// Reference date.
    pub as_of: Date,
    /// SHA-256 of the validated assessment set's canonical JSON.
    pub hash: String,
}

/// How a criterion value used by the engine came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InputStatus {
    /// Assessed directly.
    Assessed,
    /// Computed from parts (phenomena, springboard links).
    Derived,
    /// Marked missing; the rulebook's missing-value policy supplied the value used.
    Missing,
    /// Does not apply to this country (e.g. the Europol channel outside the EU).
    NotApplicable,
}

/// A criterion value as used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InputUsed {
    /// The value used, 0–10.
    pub value: f64,
    /// How it came about.
    pub status: InputStatus,
    /// Its provenance (absent for derived and not-applicable values).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub evidence: Option<Evidence>,
    /// Older than the rulebook's staleness limit at the input's reference date.
    pub stale: bool,
    /// The assessor's remark.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note: Option<String>,
}

/// One criterion's part in the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contribution {
    /// Which question it answers.
    pub side: Side,
    /// Its weight (all weights sum to 1).
    pub weight: f64,
    /// The value used, 0–10.
    pub value: f64,
    /// The normalised value, 0–1 (reversed for cost criteria).
    pub normalised: f64,
    /// Points it adds to its side's 0–100 score.
    pub to_side: f64,
    /// Points it adds to the overall 0–100 score.
    pub to_score: f64,
}

/// A rule's change of the added value (adjust stage).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Adjustment {
    /// The rule.
    pub rule: String,
    /// The factor applied.
    pub factor: f64,
    /// Added value before.
    pub before: f64,
    /// Added value after.
    pub after: f64,
    /// The change in the overall score (negative for a discount).
    pub to_score: f64,
}

/// A decided quantity: what a rule changed, typed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Decided {
    /// The added value of a permanent liaison, 0–100.
    AddedValue(f64),
    /// A class.
    Class(Class),
    /// An instrument.
    Instrument(Instrument),
    /// An organisation.
    Organisation(Organisation),
}

/// A rule that fired and what it changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FiredRule {
    /// The rule's id.
    pub rule: String,
    /// Its stage.
    pub stage: Stage,
    /// Its effect, as the rulebook states it.
    pub effect: Effect,
    /// The value before (absent when nothing was decided yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Decided>,
    /// The value after.
    pub after: Decided,
}

impl FiredRule {
    /// The record of `rule` taking `before` to `after`.
    pub fn new(rule: &Rule, before: Option<Decided>, after: Decided) -> FiredRule {
        FiredRule {
            rule: rule.id.clone(),
            stage: rule.stage,
            effect: rule.then.clone(),
            before,
            after,
        }
    }
}

/// Something a reader of a record should know about its inputs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// The evidence of a value is older than the rulebook's staleness limit.
    Stale {
        /// The criterion.
        criterion: Criterion,
        /// When it was assessed.
        assessed: Date,
        /// The limit, in days before `as_of`.
        limit_days: u32,
        /// The input's reference date.
        as_of: Date,
    },
    /// The value is missing; the missing-value policy supplied `imputed`.
    Missing {
        /// The criterion.
        criterion: Criterion,
        /// The value used.
        imputed: f64,
        /// The policy that supplied it.
        policy: MissingPolicy,
    },
}

/// One phenomenon's part in the crime relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PhenomenonTerm {
    /// The phenomenon.
    pub phenomenon: Phenomenon,
    /// Assessed intensity, 0–10.
    pub intensity: f64,
    /// Largest role factor among the country's roles.
    pub role_factor: f64,
    /// Trend factor.
    pub trend_factor: f64,
    /// The phenomenon's priority, 0–1.
    pub priority: f64,
    /// `priority × min(10, intensity × role × trend)`: the term entering the noisy-or.
    pub term: f64,
}

/// One springboard link's part in the springboard value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SpringboardTerm {
    /// The country reached.
    pub to: CountryCode,
    /// Access, 0–1.
    pub access: f64,
    /// That country's need, 0–100.
    pub need: f64,
    /// `access × need / 10`: the term entering the noisy-or.
    pub term: f64,
}

/// The three outcomes together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Outcome {
    /// Class.
    pub class: Class,
    /// Instrument.
    pub instrument: Instrument,
    /// Organisation, for liaison instruments.
    pub organisation: Option<Organisation>,
}

/// What a missing value could do: the outcome at each end of its scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MissingImpact {
    /// The missing criterion.
    pub criterion: Criterion,
    /// The value the missing-value policy supplied.
    pub imputed: f64,
    /// Outcome with the value at the bottom of the scale.
    pub at_min: Outcome,
    /// Outcome with the value at the top of the scale.
    pub at_max: Outcome,
    /// Whether either end gives another outcome than the one recommended.
    pub changes_outcome: bool,
}

/// Everything decided for one country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DecisionRecord {
    /// Rank by score, 1 = highest; ties broken by country code.
    pub rank: usize,
    /// The country.
    pub country: CountryCode,
    /// English name.
    pub name_en: String,
    /// Dutch name.
    pub name_nl: String,
    /// World region.
    pub region: Region,
    /// EU member (after the input's overrides).
    pub eu_member: bool,
    /// A Benelux partner liaison covers the country.
    pub partner_liaison: bool,
    /// A third country that lost the EU's legal (assistance) instruments (schema 3).
    #[serde(default)]
    pub lost_eu_instruments: bool,
    /// Basis for information exchange.
    pub data_sharing: DataSharingBasis,
    /// Facts the input overrode.
    pub overridden_facts: Vec<String>,
    /// Countries from whose posts it could be accredited.
    pub accreditation_hosts: Vec<CountryCode>,
    /// Every criterion value used, with provenance.
    pub inputs: CriterionMap<InputUsed>,
    /// The crime relation's phenomenon terms (empty when assessed directly).
    pub phenomena: Vec<PhenomenonTerm>,
    /// The springboard value's terms (empty when assessed directly).
    pub springboard: Vec<SpringboardTerm>,
    /// Each weighed criterion's contribution.
    pub contributions: CriterionMap<Contribution>,
    /// Rule adjustments of the added value, in order.
    pub adjustments: Vec<Adjustment>,
    /// Need for cooperation, 0–100.
    pub need: f64,
    /// Added value of a permanent liaison before rule adjustments, 0–100.
    pub added_value_base: f64,
    /// Added value after rule adjustments, 0–100.
    pub added_value: f64,
    /// Overall score, 0–100: the sum of all `to_score` contributions and adjustments.
    pub score: f64,
    /// Crime relation on police themes, 0–10.
    pub police_theme: f64,
    /// Crime relation on Marechaussee themes, 0–10.
    pub marechaussee_theme: f64,
    /// Upstream relation (source and transit roles only), 0–10 (schema 3).
    #[serde(default)]
    pub upstream: f64,
    /// The class.
    pub class: Class,
    /// The instrument.
    pub instrument: Instrument,
    /// The organisation, for liaison instruments.
    pub organisation: Option<Organisation>,
    /// Rules that took effect, in order.
    pub rules: Vec<FiredRule>,
    /// Rules whose condition held but that a higher-salience rule of the same stage overruled.
    pub overruled: Vec<String>,
    /// Missing inputs and what they could change.
    pub missing: Vec<MissingImpact>,
    /// True when a missing input could change the class, instrument or organisation.
    pub hinges_on_missing: bool,
    /// The highest classification marking among this country's inputs.
    pub marking: Marking,
    /// Warnings (stale evidence, missing values).
    pub warnings: Vec<Warning>,
}

impl DecisionRecord {
    /// The outcome triple.
    pub fn outcome(&self) -> Outcome {
        Outcome {
            class: self.class,
            instrument: self.instrument,
            organisation: self.organisation,
        }
    }
}
