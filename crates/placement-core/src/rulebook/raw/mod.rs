//! Reading rulebook files: raw shapes with string ids, then validation that reports every
//! problem at once (unknown ids, stage/effect mismatches, conflicts, dependency cycles).

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::model::*;
use super::order::order_and_check;
use super::Rulebook;
use crate::citation::Citation;
use crate::criteria::{Criterion, Side};
use crate::error::{Error, IssueArgs, Issues, ParamTable, Vocabulary};
use crate::phenomenon::{Phenomenon, Role, Trend};

mod rule;

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRulebook {
    rulebook: RawHeader,
    #[serde(default)]
    scoring: RawScoring,
    #[serde(default)]
    phenomena: RawPhenomena,
    #[serde(default)]
    rule: Vec<RawRule>,
    #[serde(default)]
    patch: Vec<RawPatch>,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawHeader {
    id: String,
    #[serde(default)]
    base: Option<String>,
    title: Option<String>,
    regime: Option<String>,
    period: Option<String>,
    description: Option<String>,
    citation: Option<Citation>,
}

#[derive(Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawScoring {
    normalisation: Option<Normalisation>,
    aggregation: Option<Aggregation>,
    missing: Option<MissingPolicy>,
    stale_after_days: Option<u32>,
    #[serde(default)]
    weights: BTreeMap<String, f64>,
}

#[derive(Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawPhenomena {
    #[serde(default)]
    priority: BTreeMap<String, f64>,
    #[serde(default)]
    role: BTreeMap<Role, f64>,
    #[serde(default)]
    trend: BTreeMap<Trend, f64>,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    stage: String,
    #[serde(default)]
    salience: i32,
    #[serde(default = "yes")]
    enabled: bool,
    statement: String,
    statement_nl: String,
    citation: Citation,
    when: RawCondition,
    then: RawEffect,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum RawCondition {
    Always,
    All(Vec<RawCondition>),
    Any(Vec<RawCondition>),
    Not(Box<RawCondition>),
    Criterion(RawCmp),
    Metric(RawCmp),
    Fact(String),
    DataSharing(Vec<String>),
    Class(String),
    Instrument(String),
    Fired(String),
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawCmp {
    id: String,
    op: String,
    value: f64,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum RawEffect {
    ScaleAddedValue(f64),
    Class(String),
    Instrument(String),
    Organisation(OrganisationChoice),
    LimitClass {
        class: String,
        max: usize,
        demote_to: String,
    },
}

/// A change to a rule of the base rulebook.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawPatch {
    rule: String,
    enabled: Option<bool>,
    salience: Option<i32>,
    #[serde(default)]
    threshold: Vec<RawThreshold>,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawThreshold {
    id: String,
    value: f64,
}

impl RawRulebook {
    /// Validates into a [`Rulebook`], starting from `base` when the file names one.
    pub(super) fn validate(
        self,
        origin: &str,
        base_lookup: impl Fn(&str) -> Option<Rulebook>,
    ) -> Result<Rulebook, Error> {
        let mut issues = Issues::default();
        let base = match &self.rulebook.base {
            Some(b) => match base_lookup(b) {
                Some(r) => Some(r),
                None => {
                    issues.push(
                        "rulebook.base",
                        b,
                        IssueArgs::one_of(Vocabulary::Rulebook, &super::EMBEDDED, |(id, _)| id),
                    );
                    return Err(Error::Invalid {
                        origin: origin.to_string(),
                        issues: issues.0,
                    });
                }
            },
            None => None,
        };
        let h = &self.rulebook;
        let mut need_text = |name: &str, v: &Option<String>, b: Option<&String>| -> String {
            match (v, b) {
                (Some(s), _) => s.clone(),
                (None, Some(s)) => s.clone(),
                (None, None) => {
                    issues.push(format!("rulebook.{name}"), "", IssueArgs::RequiredOrBase);
                    String::new()
                }
            }
        };
        let title = need_text("title", &h.title, base.as_ref().map(|b| &b.title));
        let regime = need_text("regime", &h.regime, base.as_ref().map(|b| &b.regime));
        let period = need_text("period", &h.period, base.as_ref().map(|b| &b.period));
        let description = need_text(
            "description",
            &h.description,
            base.as_ref().map(|b| &b.description),
        );
        let citation = match (&h.citation, &base) {
            (Some(c), _) => c.clone(),
            (None, Some(b)) => b.citation.clone(),
            (None, None) => {
                issues.push("rulebook.citation", "", IssueArgs::NoCitation);
                Citation::new("", "")
            }
        };
        check_citation(&mut issues, "rulebook.citation", &citation);

        let scoring = self
            .scoring
            .resolve(base.as_ref().map(|b| &b.scoring), &mut issues);
        let phenomena = self
            .phenomena
            .resolve(base.as_ref().map(|b| &b.phenomena), &mut issues);

        let mut rules: Vec<Rule> = base.as_ref().map(|b| b.rules.clone()).unwrap_or_default();
        let mut ids: BTreeSet<String> = rules.iter().map(|r| r.id.clone()).collect();
        let all_ids: BTreeSet<String> = ids
            .iter()
            .cloned()
            .chain(self.rule.iter().map(|r| r.id.clone()))
            .collect();
        for (i, raw) in self.rule.iter().enumerate() {
            let field = format!("rule[{}]", raw.id);
            if !ids.insert(raw.id.clone()) {
                issues.push(format!("rule[{i}].id"), &raw.id, IssueArgs::DuplicateRule);
                continue;
            }
            if let Some(rule) = raw.validate(&field, &all_ids, &mut issues) {
                rules.push(rule);
            }
        }
        for (i, p) in self.patch.iter().enumerate() {
            let field = format!("patch[{i}]");
            let Some(rule) = rules.iter_mut().find(|r| r.id == p.rule) else {
                issues.push(
                    format!("{field}.rule"),
                    &p.rule,
                    IssueArgs::NoSuchRule {
                        rulebook: None,
                        known: Vec::new(),
                    },
                );
                continue;
            };
            if let Some(e) = p.enabled {
                rule.enabled = e;
            }
            if let Some(s) = p.salience {
                rule.salience = s;
            }
            for t in &p.threshold {
                if !t.value.is_finite() {
                    issues.push(
                        format!("{field}.threshold.{}", t.id),
                        t.value,
                        IssueArgs::ThresholdNotFinite,
                    );
                } else if set_threshold(&mut rule.when, &t.id, t.value) == 0 {
                    issues.push(
                        format!("{field}.threshold.id"),
                        &t.id,
                        IssueArgs::ComparesNothing {
                            rule: rule.id.clone(),
                        },
                    );
                }
            }
        }
        let rules = order_and_check(rules, &mut issues);
        issues.finish(
            origin,
            Rulebook {
                id: h.id.clone(),
                title,
                regime,
                period,
                description,
                citation,
                scoring,
                phenomena,
                rules,
            },
        )
    }
}

/// Records every key of `all` that `present` lacks, as `{prefix}.{id}`.
fn require_all<T: Copy>(
    issues: &mut Issues,
    all: &[T],
    present: impl Fn(T) -> bool,
    prefix: &str,
    id: fn(T) -> &'static str,
    table: ParamTable,
) {
    for &t in all {
        if !present(t) {
            issues.push(
                format!("{prefix}.{}", id(t)),
                "",
                IssueArgs::EveryNeeds { table },
            );
        }
    }
}

/// Sets every comparison on `id` in a condition tree; returns how many were changed.
pub(super) fn set_threshold(c: &mut Condition, id: &str, value: f64) -> usize {
    match c {
        Condition::All(v) | Condition::Any(v) => {
            v.iter_mut().map(|c| set_threshold(c, id, value)).sum()
        }
        Condition::Not(b) => set_threshold(b, id, value),
        Condition::Criterion {
            id: c, value: v, ..
        } if c.id() == id => {
            *v = value;
            1
        }
        Condition::Metric {
            id: m, value: v, ..
        } if m.id() == id => {
            *v = value;
            1
        }
        _ => 0,
    }
}

fn check_citation(issues: &mut Issues, field: &str, c: &Citation) {
    if !c.seed_is_known() {
        issues.push(
            format!("{field}.seed"),
            &c.seed,
            IssueArgs::one_of(Vocabulary::SeedFile, &crate::citation::SEED_FILES, |s| s),
        );
    }
    if c.quote.trim().is_empty() {
        issues.push(format!("{field}.quote"), "", IssueArgs::NoQuote);
    }
}

/// Takes the file's value, else the base rulebook's, else records a missing field.
fn pick<T>(v: Option<T>, base: Option<T>, name: &str, issues: &mut Issues) -> Option<T> {
    match (v, base) {
        (Some(v), _) | (None, Some(v)) => Some(v),
        (None, None) => {
            issues.push(format!("scoring.{name}"), "", IssueArgs::RequiredOrBase);
            None
        }
    }
}

impl RawScoring {
    fn resolve(self, base: Option<&Scoring>, issues: &mut Issues) -> Scoring {
        let mut weights: BTreeMap<Criterion, f64> =
            base.map(|b| b.weights.clone()).unwrap_or_default();
        for (key, w) in &self.weights {
            let field = format!("scoring.weights.{key}");
            match Criterion::from_id(key) {
                None => issues.push(
                    field,
                    key,
                    IssueArgs::one_of(Vocabulary::Criterion, &Criterion::ALL, Criterion::id),
                ),
                Some(c) if c.side() == Side::RuleOnly => {
                    issues.push(field, key, IssueArgs::NotWeighed)
                }
                Some(c) => {
                    if !w.is_finite() || *w < 0.0 {
                        issues.push(field, w, IssueArgs::BadWeight);
                    } else {
                        weights.insert(c, *w);
                    }
                }
            }
        }
        for c in Criterion::ALL {
            if c.side() != Side::RuleOnly && !weights.contains_key(&c) {
                issues.push(
                    format!("scoring.weights.{}", c.id()),
                    "",
                    IssueArgs::WeightMissing,
                );
            }
        }
        for side in [Side::Need, Side::AddedValue] {
            let sum: f64 = weights
                .iter()
                .filter(|(c, _)| c.side() == side)
                .map(|(_, w)| w)
                .sum();
            if weights.len() == Criterion::ALL.len() - 2 && sum <= 0.0 {
                issues.push("scoring.weights", sum, IssueArgs::SideSum { side, sum });
            }
        }
        let total: f64 = weights.values().sum();
        if total > 0.0 && total.is_finite() {
            for w in weights.values_mut() {
                *w /= total;
            }
        }
        Scoring {
            normalisation: pick(
                self.normalisation,
                base.map(|b| b.normalisation),
                "normalisation",
                issues,
            )
            .unwrap_or(Normalisation::FixedScale),
            aggregation: pick(
                self.aggregation,
                base.map(|b| b.aggregation),
                "aggregation",
                issues,
            )
            .unwrap_or(Aggregation::WeightedSum),
            weights,
            missing: pick(self.missing, base.map(|b| b.missing), "missing", issues)
                .unwrap_or(MissingPolicy::Midpoint),
            stale_after_days: pick(
                self.stale_after_days,
                base.map(|b| b.stale_after_days),
                "stale_after_days",
                issues,
            )
            .unwrap_or(0),
        }
    }
}

impl RawPhenomena {
    fn resolve(self, base: Option<&PhenomenonParams>, issues: &mut Issues) -> PhenomenonParams {
        let mut out = base.cloned().unwrap_or(PhenomenonParams {
            priority: BTreeMap::new(),
            role: BTreeMap::new(),
            trend: BTreeMap::new(),
        });
        for (key, v) in &self.priority {
            let field = format!("phenomena.priority.{key}");
            match Phenomenon::from_id(key) {
                None => issues.push(
                    field,
                    key,
                    IssueArgs::one_of(Vocabulary::Phenomenon, &Phenomenon::ALL, Phenomenon::id),
                ),
                Some(p) => {
                    if issues.check_range(&field, *v, 0.0, 1.0) {
                        out.priority.insert(p, *v);
                    }
                }
            }
        }
        for (r, v) in &self.role {
            if issues.check_range(&format!("phenomena.role.{}", r.id()), *v, 0.0, 2.0) {
                out.role.insert(*r, *v);
            }
        }
        for (t, v) in &self.trend {
            if issues.check_range(&format!("phenomena.trend.{}", t.id()), *v, 0.0, 2.0) {
                out.trend.insert(*t, *v);
            }
        }
        require_all(
            issues,
            &Phenomenon::ALL,
            |p| out.priority.contains_key(&p),
            "phenomena.priority",
            Phenomenon::id,
            ParamTable::PhenomenonPriority,
        );
        require_all(
            issues,
            &[Role::Source, Role::Transit, Role::Destination],
            |r| out.role.contains_key(&r),
            "phenomena.role",
            Role::id,
            ParamTable::RoleFactor,
        );
        require_all(
            issues,
            &[Trend::Rising, Trend::Stable, Trend::Falling],
            |t| out.trend.contains_key(&t),
            "phenomena.trend",
            Trend::id,
            ParamTable::TrendFactor,
        );
        out
    }
}
