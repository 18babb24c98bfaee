//! The raw shapes of a scenario file (TOML or JSON), exactly as written; ids stay strings so
//! that resolution can report every unknown one at once. The format is documented in
//! `docs/scenarios.md`.

use std::collections::BTreeMap;

use serde::Deserialize;

use placement_core::{Confidence, Marking};

use crate::error::{ProblemCode, Problems};
use crate::locate::line_of_offset;

/// A whole scenario file.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScenario {
    pub(crate) scenario: RawHeader,
    #[serde(default, rename = "override")]
    pub(crate) overrides: Vec<RawOverride>,
    #[serde(default)]
    pub(crate) table: Vec<RawTable>,
    #[serde(default)]
    pub(crate) facts: BTreeMap<String, RawFacts>,
    #[serde(default)]
    pub(crate) countries: RawCountries,
    #[serde(default)]
    pub(crate) weights: BTreeMap<String, f64>,
    #[serde(default)]
    pub(crate) priorities: BTreeMap<String, f64>,
    #[serde(default)]
    pub(crate) rule: Vec<RawRuleChange>,
    #[serde(default)]
    pub(crate) capacity: Option<RawCapacity>,
    #[serde(default)]
    pub(crate) budget: Option<RawBudget>,
    #[serde(default)]
    pub(crate) partner_liaison: RawPartner,
    #[serde(default)]
    pub(crate) posts: RawPosts,
    /// `[[expect]]`: kept as written so that every unknown key is reported with its field.
    #[serde(default)]
    pub(crate) expect: Vec<BTreeMap<String, serde_json::Value>>,
}

/// `[scenario]`: who, what, when, and what it builds on.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHeader {
    pub(crate) name: String,
    pub(crate) description: String,
    /// The description in Dutch, for `--lang nl` (else the description as written).
    #[serde(default)]
    pub(crate) description_nl: Option<String>,
    pub(crate) author: String,
    pub(crate) date: String,
    #[serde(default)]
    pub(crate) base: Option<String>,
    #[serde(default)]
    pub(crate) rulebook: Option<String>,
    #[serde(default)]
    pub(crate) cites: Vec<placement_core::Citation>,
}

/// `[[override]]`: one criterion value for one country, with its source.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOverride {
    pub(crate) country: String,
    pub(crate) criterion: String,
    pub(crate) value: f64,
    pub(crate) source: String,
    /// The source note in Dutch, for `--lang nl` (else the note as written).
    #[serde(default)]
    pub(crate) source_nl: Option<String>,
    #[serde(default)]
    pub(crate) confidence: Option<Confidence>,
    #[serde(default)]
    pub(crate) marking: Option<Marking>,
    #[serde(default)]
    pub(crate) date: Option<String>,
    #[serde(default)]
    pub(crate) note: Option<String>,
}

/// `[[table]]`: overrides from a CSV file, directly or through a column mapping.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTable {
    pub(crate) file: String,
    #[serde(default)]
    pub(crate) country_column: Option<String>,
    #[serde(default)]
    pub(crate) source_column: Option<String>,
    #[serde(default)]
    pub(crate) source: Option<String>,
    /// The source note in Dutch, for `--lang nl` (else the note as written).
    #[serde(default)]
    pub(crate) source_nl: Option<String>,
    #[serde(default)]
    pub(crate) confidence: Option<Confidence>,
    #[serde(default)]
    pub(crate) map: Vec<RawMap>,
}

/// `[[table.map]]`: a column of a public indicator file rescaled linearly onto a criterion.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMap {
    pub(crate) column: String,
    pub(crate) criterion: String,
    pub(crate) from: [f64; 2],
    #[serde(default)]
    pub(crate) invert: bool,
}

/// `[facts.XX]`: changed facts of one country.
#[derive(Debug, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFacts {
    pub(crate) eu_member: Option<bool>,
    pub(crate) schengen: Option<bool>,
    pub(crate) land_border_nl: Option<bool>,
    pub(crate) region: Option<String>,
    pub(crate) partner_liaison: Option<bool>,
    pub(crate) lost_eu_instruments: Option<bool>,
    pub(crate) data_sharing: Option<String>,
    pub(crate) accreditation_hosts: Option<Vec<String>>,
    pub(crate) springboard: Option<Vec<RawLink>>,
    #[serde(default)]
    pub(crate) source: Option<String>,
    /// The source note in Dutch, for `--lang nl` (else the note as written).
    #[serde(default)]
    pub(crate) source_nl: Option<String>,
}

/// A springboard link as written.
#[derive(Debug, Deserialize, Clone)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLink {
    pub(crate) to: String,
    pub(crate) access: f64,
    #[serde(default)]
    pub(crate) note: Option<String>,
}

/// `[countries]`: countries added (full assessments) or removed.
#[derive(Debug, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCountries {
    #[serde(default)]
    pub(crate) add: Vec<serde_json::Value>,
    #[serde(default)]
    pub(crate) remove: Vec<String>,
}

/// `[[rule]]`: a rule switched on or off, or its thresholds changed.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRuleChange {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) enabled: Option<bool>,
    #[serde(default)]
    pub(crate) threshold: Vec<RawThreshold>,
    #[serde(default)]
    pub(crate) source: Option<String>,
    /// The source note in Dutch, for `--lang nl` (else the note as written).
    #[serde(default)]
    pub(crate) source_nl: Option<String>,
}

/// One threshold of a rule.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawThreshold {
    pub(crate) id: String,
    pub(crate) value: f64,
}

/// `[capacity]`: liaison officers available per organisation.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCapacity {
    #[serde(default)]
    pub(crate) police: Option<u32>,
    #[serde(default)]
    pub(crate) marechaussee: Option<u32>,
    #[serde(default)]
    pub(crate) source: Option<String>,
    /// The source note in Dutch, for `--lang nl` (else the note as written).
    #[serde(default)]
    pub(crate) source_nl: Option<String>,
}

/// `[budget]`: money available and the cost of a placement.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBudget {
    #[serde(default)]
    pub(crate) total_eur: Option<u64>,
    #[serde(default)]
    pub(crate) cost_per_placement_eur: Option<u64>,
    #[serde(default)]
    pub(crate) cost_by_country: BTreeMap<String, u64>,
    #[serde(default)]
    pub(crate) source: Option<String>,
    /// The source note in Dutch, for `--lang nl` (else the note as written).
    #[serde(default)]
    pub(crate) source_nl: Option<String>,
}

/// `[partner_liaison]`: Benelux partner liaisons added or withdrawn.
#[derive(Debug, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPartner {
    #[serde(default)]
    pub(crate) add: Vec<String>,
    #[serde(default)]
    pub(crate) withdraw: Vec<String>,
    #[serde(default)]
    pub(crate) source: Option<String>,
    /// The source note in Dutch, for `--lang nl` (else the note as written).
    #[serde(default)]
    pub(crate) source_nl: Option<String>,
}

/// `[posts]`: posts locked in or ruled out for the network planner.
#[derive(Debug, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPosts {
    #[serde(default)]
    pub(crate) lock_in: Vec<String>,
    #[serde(default)]
    pub(crate) rule_out: Vec<String>,
}

/// Whether a file name is JSON (else TOML).
pub(crate) fn is_json(file: &str) -> bool {
    file.to_ascii_lowercase().ends_with(".json")
}

/// Parses TOML or JSON (by the file name) into `T`, recording a located problem on failure.
pub(crate) fn parse_text<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
    problems: &mut Problems,
) -> Option<T> {
    if text.trim().is_empty() {
        problems.push(
            ProblemCode::Malformed,
            file,
            0,
            "",
            "the file is empty; expected a scenario with a [scenario] table",
        );
        return None;
    }
    if is_json(file) {
        match serde_json::from_str(text) {
            Ok(v) => Some(v),
            Err(e) => {
                problems.push(
                    ProblemCode::Malformed,
                    file,
                    e.line(),
                    "",
                    format!("malformed JSON: {e}"),
                );
                None
            }
        }
    } else {
        match toml::from_str(text) {
            Ok(v) => Some(v),
            Err(e) => {
                let line = e.span().map_or(0, |s| line_of_offset(text, s.start));
                problems.push(
                    ProblemCode::Malformed,
                    file,
                    line,
                    "",
                    format!("malformed TOML: {}", e.message()),
                );
                None
            }
        }
    }
}

/// Whether a TOML or JSON text is a scenario (it has a top-level `scenario` table) rather than
/// an assessment set. Unparseable text counts as a scenario so its parse error is reported.
pub(crate) fn looks_like_scenario(file: &str, text: &str) -> bool {
    if is_json(file) {
        serde_json::from_str::<serde_json::Value>(text)
            .map(|v| v.get("scenario").is_some())
            .unwrap_or(true)
    } else {
        toml::from_str::<toml::Table>(text)
            .map(|t| t.contains_key("scenario"))
            .unwrap_or(true)
    }
}
