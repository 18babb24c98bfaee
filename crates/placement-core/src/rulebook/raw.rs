//! Reading rulebook files: raw shapes with string ids, then validation that reports every
//! problem at once (unknown ids, stage/effect mismatches, conflicts, dependency cycles).

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graphmap::DiGraphMap;
use serde::Deserialize;

use super::model::*;
use crate::assessment::DataSharingBasis;
use crate::citation::Citation;
use crate::criteria::{Criterion, Side};
use crate::error::{Error, IssueCode, Issues};
use crate::outcome::{Class, Instrument};
use crate::phenomenon::{Phenomenon, Role, Trend};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRulebook {
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
#[serde(deny_unknown_fields)]
struct RawCmp {
    id: String,
    op: String,
    value: f64,
}

#[derive(Deserialize)]
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
#[serde(deny_unknown_fields)]
struct RawPatch {
    rule: String,
    enabled: Option<bool>,
    salience: Option<i32>,
    #[serde(default)]
    threshold: Vec<RawThreshold>,
}

#[derive(Deserialize)]
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
                        IssueCode::UnknownName,
                        "rulebook.base",
                        b,
                        format!(
                            "no embedded rulebook with this id; use one of: {}",
                            super::EMBEDDED.map(|(id, _)| id).join(", ")
                        ),
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
                    issues.push(
                        IssueCode::Missing,
                        format!("rulebook.{name}"),
                        "",
                        "required (or name a `base` rulebook to inherit it)",
                    );
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
                issues.push(
                    IssueCode::Missing,
                    "rulebook.citation",
                    "",
                    "cite the seed passage that describes this regime",
                );
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
                issues.push(
                    IssueCode::Duplicate,
                    format!("rule[{i}].id"),
                    &raw.id,
                    "a rule with this id already exists; give it a new id, or use a [[patch]] to change the existing one",
                );
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
                    IssueCode::UnknownRule,
                    format!("{field}.rule"),
                    &p.rule,
                    "no rule with this id in the rulebook; check the id (they are listed in docs/model.md)",
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
                        IssueCode::NotFinite,
                        format!("{field}.threshold.{}", t.id),
                        t.value,
                        "a threshold must be a finite number",
                    );
                } else if set_threshold(&mut rule.when, &t.id, t.value) == 0 {
                    issues.push(
                        IssueCode::UnknownName,
                        format!("{field}.threshold.id"),
                        &t.id,
                        format!(
                            "rule {} compares no criterion or metric with this id",
                            rule.id
                        ),
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
            IssueCode::UnknownName,
            format!("{field}.seed"),
            &c.seed,
            format!(
                "not one of the seed files: {}",
                crate::citation::SEED_FILES.join(", ")
            ),
        );
    }
    if c.quote.trim().is_empty() {
        issues.push(
            IssueCode::Missing,
            format!("{field}.quote"),
            "",
            "give a short verbatim quote from the seed file",
        );
    }
}

/// Takes the file's value, else the base rulebook's, else records a missing field.
fn pick<T>(v: Option<T>, base: Option<T>, name: &str, issues: &mut Issues) -> Option<T> {
    match (v, base) {
        (Some(v), _) | (None, Some(v)) => Some(v),
        (None, None) => {
            issues.push(
                IssueCode::Missing,
                format!("scoring.{name}"),
                "",
                "required (or name a `base` rulebook)",
            );
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
                    IssueCode::UnknownCriterion,
                    field,
                    key,
                    format!(
                        "unknown criterion; use one of: {}",
                        Criterion::ALL.map(Criterion::id).join(", ")
                    ),
                ),
                Some(c) if c.side() == Side::RuleOnly => issues.push(
                    IssueCode::BadWeights,
                    field,
                    key,
                    "this criterion is read by rules only and is not weighed; remove the weight",
                ),
                Some(c) => {
                    if !w.is_finite() || *w < 0.0 {
                        issues.push(
                            IssueCode::BadWeights,
                            field,
                            w,
                            "a weight must be a finite number >= 0",
                        );
                    } else {
                        weights.insert(c, *w);
                    }
                }
            }
        }
        for c in Criterion::ALL {
            if c.side() != Side::RuleOnly && !weights.contains_key(&c) {
                issues.push(
                    IssueCode::Missing,
                    format!("scoring.weights.{}", c.id()),
                    "",
                    "every weighed criterion needs a weight (0 is allowed)",
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
                issues.push(
                    IssueCode::BadWeights,
                    "scoring.weights",
                    sum,
                    format!(
                        "the weights of the {} side sum to {sum}; they must sum to a positive number",
                        match side {
                            Side::Need => "need",
                            _ => "added-value",
                        }
                    ),
                );
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
                    IssueCode::UnknownPhenomenon,
                    field,
                    key,
                    format!(
                        "unknown phenomenon; use one of: {}",
                        Phenomenon::ALL.map(Phenomenon::id).join(", ")
                    ),
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
        for p in Phenomenon::ALL {
            if !out.priority.contains_key(&p) {
                issues.push(
                    IssueCode::Missing,
                    format!("phenomena.priority.{}", p.id()),
                    "",
                    "every phenomenon needs a priority between 0 and 1",
                );
            }
        }
        for r in [Role::Source, Role::Transit, Role::Destination] {
            if !out.role.contains_key(&r) {
                issues.push(
                    IssueCode::Missing,
                    format!("phenomena.role.{}", r.id()),
                    "",
                    "every role needs a factor",
                );
            }
        }
        for t in [Trend::Rising, Trend::Stable, Trend::Falling] {
            if !out.trend.contains_key(&t) {
                issues.push(
                    IssueCode::Missing,
                    format!("phenomena.trend.{}", t.id()),
                    "",
                    "every trend needs a factor",
                );
            }
        }
        out
    }
}

impl RawRule {
    fn validate(&self, field: &str, ids: &BTreeSet<String>, issues: &mut Issues) -> Option<Rule> {
        let stage = Stage::ALL.into_iter().find(|s| s.id() == self.stage);
        if stage.is_none() {
            issues.push(
                IssueCode::UnknownName,
                format!("{field}.stage"),
                &self.stage,
                format!(
                    "unknown stage; use one of: {}",
                    Stage::ALL.map(Stage::id).join(", ")
                ),
            );
        }
        check_citation(issues, &format!("{field}.citation"), &self.citation);
        for (name, text) in [
            ("statement", &self.statement),
            ("statement_nl", &self.statement_nl),
        ] {
            if text.trim().is_empty() {
                issues.push(
                    IssueCode::Missing,
                    format!("{field}.{name}"),
                    "",
                    "every rule needs a plain-language statement in English and Dutch",
                );
            }
        }
        let when = self.when.validate(&format!("{field}.when"), ids, issues);
        let then = self.then.validate(&format!("{field}.then"), issues);
        let (stage, when, then) = (stage?, when?, then?);
        if !then.allowed_in(stage) {
            issues.push(
                IssueCode::Contradiction,
                format!("{field}.then"),
                &then,
                format!("this effect cannot run in the {} stage", stage.id()),
            );
            return None;
        }
        Some(Rule {
            id: self.id.clone(),
            stage,
            salience: self.salience,
            enabled: self.enabled,
            statement: self.statement.clone(),
            statement_nl: self.statement_nl.clone(),
            citation: self.citation.clone(),
            when,
            then,
        })
    }
}

fn cmp(field: &str, raw: &RawCmp, issues: &mut Issues) -> Option<Op> {
    if !raw.value.is_finite() {
        issues.push(
            IssueCode::NotFinite,
            format!("{field}.value"),
            raw.value,
            "a threshold must be a finite number",
        );
    }
    let op = Op::parse(&raw.op);
    if op.is_none() {
        issues.push(
            IssueCode::UnknownName,
            format!("{field}.op"),
            &raw.op,
            "use one of >=, >, <=, <",
        );
    }
    op
}

impl RawCondition {
    fn validate(
        &self,
        field: &str,
        ids: &BTreeSet<String>,
        issues: &mut Issues,
    ) -> Option<Condition> {
        let many = |v: &Vec<RawCondition>, name: &str, issues: &mut Issues| {
            let parts: Vec<Option<Condition>> = v
                .iter()
                .enumerate()
                .map(|(i, c)| c.validate(&format!("{field}.{name}[{i}]"), ids, issues))
                .collect();
            parts.into_iter().collect::<Option<Vec<_>>>()
        };
        match self {
            RawCondition::Always => Some(Condition::Always),
            RawCondition::All(v) => many(v, "all", issues).map(Condition::All),
            RawCondition::Any(v) => many(v, "any", issues).map(Condition::Any),
            RawCondition::Not(c) => c
                .validate(&format!("{field}.not"), ids, issues)
                .map(|c| Condition::Not(Box::new(c))),
            RawCondition::Criterion(raw) => {
                let f = format!("{field}.criterion");
                let op = cmp(&f, raw, issues);
                let id = Criterion::from_id(&raw.id);
                if id.is_none() {
                    issues.push(
                        IssueCode::UnknownCriterion,
                        format!("{f}.id"),
                        &raw.id,
                        format!(
                            "unknown criterion; use one of: {}",
                            Criterion::ALL.map(Criterion::id).join(", ")
                        ),
                    );
                }
                Some(Condition::Criterion {
                    id: id?,
                    op: op?,
                    value: raw.value,
                })
            }
            RawCondition::Metric(raw) => {
                let f = format!("{field}.metric");
                let op = cmp(&f, raw, issues);
                let id = Metric::ALL.into_iter().find(|m| m.id() == raw.id);
                if id.is_none() {
                    issues.push(
                        IssueCode::UnknownName,
                        format!("{f}.id"),
                        &raw.id,
                        format!(
                            "unknown metric; use one of: {}",
                            Metric::ALL.map(Metric::id).join(", ")
                        ),
                    );
                }
                Some(Condition::Metric {
                    id: id?,
                    op: op?,
                    value: raw.value,
                })
            }
            RawCondition::Fact(name) => {
                let fact = Fact::ALL.into_iter().find(|f| f.id() == name);
                if fact.is_none() {
                    issues.push(
                        IssueCode::UnknownName,
                        format!("{field}.fact"),
                        name,
                        format!(
                            "unknown fact; use one of: {}",
                            Fact::ALL.map(Fact::id).join(", ")
                        ),
                    );
                }
                fact.map(Condition::Fact)
            }
            RawCondition::DataSharing(v) => {
                let all = [
                    DataSharingBasis::EuMemberState,
                    DataSharingBasis::LedAdequacy,
                    DataSharingBasis::NationalAssessment,
                    DataSharingBasis::None,
                ];
                let mut out = Vec::new();
                for name in v {
                    match all.into_iter().find(|b| b.id() == name) {
                        Some(b) => out.push(b),
                        None => issues.push(
                            IssueCode::UnknownName,
                            format!("{field}.data_sharing"),
                            name,
                            format!(
                                "unknown data-sharing basis; use one of: {}",
                                all.map(DataSharingBasis::id).join(", ")
                            ),
                        ),
                    }
                }
                (out.len() == v.len()).then_some(Condition::DataSharing(out))
            }
            RawCondition::Class(name) => {
                let c = Class::from_id(name);
                if c.is_none() {
                    issues.push(
                        IssueCode::UnknownName,
                        format!("{field}.class"),
                        name,
                        "unknown class; use priority, sub_priority or other",
                    );
                }
                c.map(Condition::Class)
            }
            RawCondition::Instrument(name) => {
                let i = Instrument::from_id(name);
                if i.is_none() {
                    issues.push(
                        IssueCode::UnknownName,
                        format!("{field}.instrument"),
                        name,
                        format!(
                            "unknown instrument; use one of: {}",
                            Instrument::ALL.map(Instrument::id).join(", ")
                        ),
                    );
                }
                i.map(Condition::Instrument)
            }
            RawCondition::Fired(id) => {
                if !ids.contains(id) {
                    issues.push(
                        IssueCode::UnknownRule,
                        format!("{field}.fired"),
                        id,
                        "no rule with this id; check the spelling",
                    );
                    return None;
                }
                Some(Condition::Fired(id.clone()))
            }
        }
    }
}

impl RawEffect {
    fn validate(&self, field: &str, issues: &mut Issues) -> Option<Effect> {
        let class = |name: &str, f: &str, issues: &mut Issues| {
            let c = Class::from_id(name);
            if c.is_none() {
                issues.push(
                    IssueCode::UnknownName,
                    f.to_string(),
                    name,
                    "unknown class; use priority, sub_priority or other",
                );
            }
            c
        };
        match self {
            RawEffect::ScaleAddedValue(x) => issues
                .check_range(&format!("{field}.scale_added_value"), *x, 0.0, 2.0)
                .then_some(Effect::ScaleAddedValue(*x)),
            RawEffect::Class(name) => {
                class(name, &format!("{field}.class"), issues).map(Effect::Class)
            }
            RawEffect::Instrument(name) => {
                let i = Instrument::from_id(name);
                if i.is_none() {
                    issues.push(
                        IssueCode::UnknownName,
                        format!("{field}.instrument"),
                        name,
                        format!(
                            "unknown instrument; use one of: {}",
                            Instrument::ALL.map(Instrument::id).join(", ")
                        ),
                    );
                }
                i.map(Effect::Instrument)
            }
            RawEffect::Organisation(o) => Some(Effect::Organisation(*o)),
            RawEffect::LimitClass {
                class: c,
                max,
                demote_to,
            } => {
                let c = class(c, &format!("{field}.limit_class.class"), issues);
                let d = class(demote_to, &format!("{field}.limit_class.demote_to"), issues);
                Some(Effect::LimitClass {
                    class: c?,
                    max: *max,
                    demote_to: d?,
                })
            }
        }
    }
}

fn collect_fired<'a>(c: &'a Condition, out: &mut Vec<&'a str>) {
    match c {
        Condition::All(v) | Condition::Any(v) => v.iter().for_each(|c| collect_fired(c, out)),
        Condition::Not(b) => collect_fired(b, out),
        Condition::Fired(id) => out.push(id),
        _ => {}
    }
}

fn uses<'a>(c: &'a Condition, pred: &dyn Fn(&Condition) -> bool) -> bool {
    pred(c)
        || match c {
            Condition::All(v) | Condition::Any(v) => v.iter().any(|c| uses(c, pred)),
            Condition::Not(b) => uses(b, pred),
            _ => false,
        }
}

/// Orders rules for evaluation and checks what depends on the whole set: references to later
/// stages, conflicts at equal salience, and dependency cycles (petgraph).
fn order_and_check(mut rules: Vec<Rule>, issues: &mut Issues) -> Vec<Rule> {
    let stage_of: BTreeMap<String, Stage> = rules.iter().map(|r| (r.id.clone(), r.stage)).collect();
    let mut graph: DiGraphMap<usize, ()> = DiGraphMap::new();
    for i in 0..rules.len() {
        graph.add_node(i);
    }
    let index: BTreeMap<&str, usize> = rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    for (i, r) in rules.iter().enumerate() {
        let field = format!("rule[{}].when", r.id);
        let mut deps = Vec::new();
        collect_fired(&r.when, &mut deps);
        for d in deps {
            if let (Some(&s), Some(&j)) = (stage_of.get(d), index.get(d)) {
                if s > r.stage {
                    issues.push(
                        IssueCode::Contradiction,
                        &field,
                        d,
                        format!(
                            "depends on a rule of the later {} stage, which has not run yet",
                            s.id()
                        ),
                    );
                } else if s == r.stage {
                    graph.add_edge(j, i, ());
                }
            }
        }
        if r.stage < Stage::Instrument && uses(&r.when, &|c| matches!(c, Condition::Instrument(_)))
        {
            issues.push(
                IssueCode::Contradiction,
                &field,
                "instrument",
                "tests the instrument before the instrument stage has decided it",
            );
        }
        if r.stage < Stage::Class && uses(&r.when, &|c| matches!(c, Condition::Class(_))) {
            issues.push(
                IssueCode::Contradiction,
                &field,
                "class",
                "tests the class before the class stage has decided it",
            );
        }
        if r.stage != Stage::Network
            && uses(&r.when, &|c| {
                matches!(c, Condition::Fact(Fact::AccreditationHostPlaced))
            })
        {
            issues.push(
                IssueCode::Contradiction,
                &field,
                "accreditation_host_placed",
                "this fact is known only in the network stage",
            );
        }
    }
    for scc in petgraph::algo::tarjan_scc(&graph) {
        let cyclic = scc.len() > 1 || scc.first().is_some_and(|&n| graph.contains_edge(n, n));
        if cyclic {
            let mut names: Vec<&str> = scc.iter().map(|&i| rules[i].id.as_str()).collect();
            names.sort_unstable();
            issues.push(
                IssueCode::Cycle,
                "rule",
                names.join(" -> "),
                "these rules depend on each other in a circle (through `fired`); break the cycle",
            );
        }
    }
    // Conflicts: in first-match stages, two enabled rules at equal salience with different
    // effects would make the outcome depend on file order.
    for (a_i, a) in rules.iter().enumerate() {
        for b in rules.iter().skip(a_i + 1) {
            if a.enabled
                && b.enabled
                && a.stage == b.stage
                && a.stage.first_match_wins()
                && a.salience == b.salience
                && a.then != b.then
            {
                issues.push(
                    IssueCode::Conflict,
                    format!("rule[{}]", b.id),
                    format!("{} vs {}", a.id, b.id),
                    format!(
                        "both run in the {} stage at salience {} with different effects ({} / {}); give one a higher salience",
                        a.stage.id(),
                        a.salience,
                        a.then,
                        b.then
                    ),
                );
            }
        }
    }
    // Order: stage, then dependencies (Kahn with a deterministic tie-break), salience high to
    // low, id.
    let key = |r: &Rule| (r.stage, -r.salience, r.id.clone());
    let mut order: Vec<usize> = Vec::with_capacity(rules.len());
    let mut placed = vec![false; rules.len()];
    let mut remaining: Vec<usize> = (0..rules.len()).collect();
    remaining.sort_by_key(|&i| key(&rules[i]));
    while order.len() < rules.len() {
        let next = remaining.iter().copied().find(|&i| {
            !placed[i]
                && graph
                    .neighbors_directed(i, petgraph::Direction::Incoming)
                    .all(|j| placed[j] || j == i)
        });
        // In a cycle (already reported) fall back to the first unplaced rule.
        let next = next.or_else(|| remaining.iter().copied().find(|&i| !placed[i]));
        let Some(n) = next else { break };
        placed[n] = true;
        order.push(n);
    }
    let mut slots: Vec<Option<Rule>> = rules.drain(..).map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}
