//! A scenario's changes, one atomic [`Change`] per override, fact, rule switch, threshold,
//! weight set or priority, each with its source and the line it was written on.
//!
//! Changes are applied in the order they are listed (rulebook first, then countries, facts,
//! values, weights, priorities, rules). Applying one never fails: a change that does not fit the
//! state it is applied to (a rule the rulebook lacks, a country not in the set, or anything
//! placement-core's checked mutators reject) does nothing and reports `false`, which is what attribution needs when it applies changes one at a time.

use std::collections::BTreeMap;

use serde::Serialize;

use placement_core::{CountryAssessment, CountryCode, Criterion, Evidence, Phenomenon, Rulebook};

use crate::resolve::State;
use crate::resources::{Budget, Capacity};

/// Where a change was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Location {
    /// The scenario file.
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
}

/// One changed fact of a country (defined in placement-core, which applies and checks it).
pub use placement_core::assessment::FactChange;

/// What a change does.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Evaluates under another rulebook (its rule changes and weights replace the base's).
    Rulebook {
        /// The rulebook's id.
        id: String,
        /// The rulebook.
        #[serde(skip)]
        rulebook: Box<Rulebook>,
    },
    /// Removes a country from the assessment set.
    RemoveCountry(CountryCode),
    /// Adds a country with a full assessment.
    AddCountry(Box<CountryAssessment>),
    /// Changes one fact of a country.
    Fact {
        /// The country.
        country: CountryCode,
        /// The fact and its new value.
        fact: FactChange,
    },
    /// Overrides one criterion value of a country.
    Value {
        /// The country.
        country: CountryCode,
        /// The criterion.
        criterion: Criterion,
        /// The new value, 0–10.
        value: f64,
        /// Its provenance (the override's source note).
        evidence: Evidence,
        /// A remark, e.g. the raw indicator value it was rescaled from.
        note: Option<String>,
    },
    /// Replaces some weights (the others keep theirs); all are then normalised to sum to 1.
    Weights(BTreeMap<Criterion, f64>),
    /// Sets a phenomenon's priority, 0–1.
    Priority {
        /// The phenomenon.
        phenomenon: Phenomenon,
        /// The priority.
        priority: f64,
    },
    /// Switches a rule on or off.
    RuleEnabled {
        /// The rule's id.
        rule: String,
        /// On or off.
        enabled: bool,
    },
    /// Changes a threshold a rule compares a criterion or metric with.
    Threshold {
        /// The rule's id.
        rule: String,
        /// The criterion or metric id.
        on: String,
        /// The new threshold.
        value: f64,
    },
    /// Sets the capacity (not scored by the engine; for the network planner).
    Capacity(Capacity),
    /// Sets the budget (not scored by the engine; for the network planner).
    Budget(Budget),
    /// Locks a post in (`true`) or rules it out (`false`) (for the network planner).
    Post {
        /// The country.
        country: CountryCode,
        /// Locked in or ruled out.
        locked_in: bool,
    },
}

/// One atomic change of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Change {
    /// What it does.
    pub kind: ChangeKind,
    /// Why: the source note written with it, if any.
    pub source: Option<String>,
    /// The source note in Dutch (`source_nl`), if the author wrote one.
    pub source_nl: Option<String>,
    /// Where it was written.
    pub location: Location,
}

impl Change {
    /// The source note in `lang`: the Dutch one for Dutch when written, else the note as
    /// written.
    pub fn source_in(&self, lang: placement_text::Lang) -> Option<&str> {
        in_lang(lang, self.source.as_deref(), self.source_nl.as_deref())
    }

    /// The one country whose inputs this change touches, if it touches exactly one.
    pub fn country(&self) -> Option<CountryCode> {
        match &self.kind {
            ChangeKind::RemoveCountry(c)
            | ChangeKind::Fact { country: c, .. }
            | ChangeKind::Value { country: c, .. } => Some(*c),
            ChangeKind::AddCountry(ca) => Some(ca.code),
            _ => None,
        }
    }

    /// Whether the change touches only one country's inputs, so that the other countries are
    /// affected only through springboard and accreditation links.
    pub fn is_local(&self) -> bool {
        matches!(
            self.kind,
            ChangeKind::Fact { .. } | ChangeKind::Value { .. }
        )
    }

    /// Whether the engine's evaluation can depend on the change (capacity, budget and posts
    /// are for the network planner only).
    pub fn affects_evaluation(&self) -> bool {
        !matches!(
            self.kind,
            ChangeKind::Capacity(_) | ChangeKind::Budget(_) | ChangeKind::Post { .. }
        )
    }

    /// A short label, e.g. `GB cooperation_quality = 5` or `rule R-EU-4 on`.
    pub fn label(&self) -> String {
        match &self.kind {
            ChangeKind::Rulebook { id, .. } => format!("rulebook {id}"),
            ChangeKind::RemoveCountry(c) => format!("{c} removed"),
            ChangeKind::AddCountry(ca) => format!("{} added", ca.code),
            ChangeKind::Fact { country, fact } => {
                format!("{country} {} = {}", fact.id(), fact.value_text())
            }
            ChangeKind::Value {
                country,
                criterion,
                value,
                ..
            } => format!("{country} {} = {}", criterion.id(), trim_num(*value)),
            ChangeKind::Weights(w) => format!(
                "weights {}",
                w.iter()
                    .map(|(c, v)| format!("{}={}", c.id(), trim_num(*v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ChangeKind::Priority {
                phenomenon,
                priority,
            } => format!("priority {} = {}", phenomenon.id(), trim_num(*priority)),
            ChangeKind::RuleEnabled { rule, enabled } => {
                format!("rule {rule} {}", if *enabled { "on" } else { "off" })
            }
            ChangeKind::Threshold { rule, on, value } => {
                format!("rule {rule} threshold {on} = {}", trim_num(*value))
            }
            ChangeKind::Capacity(c) => format!(
                "capacity police {} / marechaussee {}",
                opt(c.police),
                opt(c.marechaussee)
            ),
            ChangeKind::Budget(b) => format!(
                "budget {} EUR, {} EUR per placement",
                b.total_eur.map_or("-".to_string(), |t| t.to_string()),
                b.cost_per_placement_eur
            ),
            ChangeKind::Post { country, locked_in } => format!(
                "post {country} {}",
                if *locked_in { "locked in" } else { "ruled out" }
            ),
        }
    }

    /// Applies a local change (see [`Change::is_local`]) to its country's assessment; returns
    /// `false` for other changes or when the change does not fit.
    pub fn apply_local(&self, ca: &mut CountryAssessment) -> bool {
        match &self.kind {
            ChangeKind::Fact { country, fact } if *country == ca.code => {
                ca.apply_fact(fact).is_ok()
            }
            ChangeKind::Value {
                country,
                criterion,
                value,
                evidence,
                note,
            } if *country == ca.code => ca
                .try_set_value(*criterion, *value, evidence.clone(), note.clone())
                .is_ok(),
            _ => false,
        }
    }

    /// Applies the change; returns `false` when it does not fit the state (and did nothing).
    pub fn apply(&self, state: &mut State) -> bool {
        match &self.kind {
            ChangeKind::Rulebook { rulebook, .. } => {
                state.rulebook = (**rulebook).clone();
                true
            }
            ChangeKind::RemoveCountry(c) => state.assessment.remove_country(*c).is_ok(),
            ChangeKind::AddCountry(ca) => state.assessment.add_country((**ca).clone()).is_ok(),
            ChangeKind::Fact { country, fact } => state.assessment.set_fact(*country, fact).is_ok(),
            ChangeKind::Value {
                country,
                criterion,
                value,
                evidence,
                note,
            } => state
                .assessment
                .set_value(*country, *criterion, *value, evidence.clone(), note.clone())
                .is_ok(),
            ChangeKind::Weights(w) => {
                let mut merged = state.rulebook.weights().clone();
                merged.extend(w.iter().map(|(c, v)| (*c, *v)));
                state.rulebook.set_weights(&merged).is_ok()
            }
            ChangeKind::Priority {
                phenomenon,
                priority,
            } => state.rulebook.set_priority(*phenomenon, *priority).is_ok(),
            ChangeKind::RuleEnabled { rule, enabled } => {
                state.rulebook.set_rule_enabled(rule, *enabled).is_ok()
            }
            ChangeKind::Threshold { rule, on, value } => {
                state.rulebook.set_threshold(rule, on, *value).is_ok()
            }
            ChangeKind::Capacity(c) => {
                state.capacity = *c;
                true
            }
            ChangeKind::Budget(b) => {
                state.budget = b.clone();
                true
            }
            ChangeKind::Post { country, locked_in } => {
                if *locked_in {
                    state.posts.ruled_out.remove(country);
                    state.posts.locked_in.insert(*country);
                } else {
                    state.posts.locked_in.remove(country);
                    state.posts.ruled_out.insert(*country);
                }
                true
            }
        }
    }
}

/// A number without trailing zeros: `5`, `0.35`.
pub(crate) fn trim_num(x: f64) -> String {
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

fn opt(x: Option<u32>) -> String {
    x.map_or("-".to_string(), |v| v.to_string())
}

/// The text in `lang`: `nl` for Dutch when it is given (and not blank), else `given`.
pub(crate) fn in_lang<'a>(
    lang: placement_text::Lang,
    given: Option<&'a str>,
    nl: Option<&'a str>,
) -> Option<&'a str> {
    match (lang, nl) {
        (placement_text::Lang::Nl, Some(nl)) if !nl.trim().is_empty() => Some(nl),
        _ => given,
    }
}
