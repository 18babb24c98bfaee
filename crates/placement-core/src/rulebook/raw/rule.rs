//! Validation of single rules: their conditions and effects, with every unknown id reported.

use std::collections::BTreeSet;

use super::{check_citation, RawCmp, RawCondition, RawEffect, RawRule};
use crate::assessment::DataSharingBasis;
use crate::criteria::Criterion;
use crate::error::{IssueArgs, Issues, Vocabulary};
use crate::outcome::{Class, Instrument};
use crate::rulebook::model::*;

/// Looks `name` up among `all` by id; an unknown name is recorded as an issue listing the
/// accepted ids.
fn lookup<T: Copy>(
    issues: &mut Issues,
    vocabulary: Vocabulary,
    field: impl Into<String>,
    name: &str,
    all: &[T],
    id: fn(T) -> &'static str,
) -> Option<T> {
    let found = all.iter().copied().find(|t| id(*t) == name);
    if found.is_none() {
        issues.push(field, name, IssueArgs::one_of(vocabulary, all, id));
    }
    found
}

fn class(issues: &mut Issues, field: String, name: &str) -> Option<Class> {
    lookup(
        issues,
        Vocabulary::Class,
        field,
        name,
        &Class::ALL,
        Class::id,
    )
}

fn instrument(issues: &mut Issues, field: String, name: &str) -> Option<Instrument> {
    lookup(
        issues,
        Vocabulary::Instrument,
        field,
        name,
        &Instrument::ALL,
        Instrument::id,
    )
}

impl RawRule {
    pub(super) fn validate(
        &self,
        field: &str,
        ids: &BTreeSet<String>,
        issues: &mut Issues,
    ) -> Option<Rule> {
        let stage = Stage::ALL.into_iter().find(|s| s.id() == self.stage);
        if stage.is_none() {
            issues.push(
                format!("{field}.stage"),
                &self.stage,
                IssueArgs::one_of(Vocabulary::Stage, &Stage::ALL, Stage::id),
            );
        }
        check_citation(issues, &format!("{field}.citation"), &self.citation);
        for (name, text) in [
            ("statement", &self.statement),
            ("statement_nl", &self.statement_nl),
        ] {
            if text.trim().is_empty() {
                issues.push(format!("{field}.{name}"), "", IssueArgs::NoStatement);
            }
        }
        let when = self.when.validate(&format!("{field}.when"), ids, issues);
        let then = self.then.validate(&format!("{field}.then"), issues);
        let (stage, when, then) = (stage?, when?, then?);
        if !then.allowed_in(stage) {
            issues.push(
                format!("{field}.then"),
                then.notation(),
                IssueArgs::EffectWrongStage { stage },
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
            format!("{field}.value"),
            raw.value,
            IssueArgs::ThresholdNotFinite,
        );
    }
    let op = Op::parse(&raw.op);
    if op.is_none() {
        issues.push(
            format!("{field}.op"),
            &raw.op,
            IssueArgs::one_of(Vocabulary::Operator, &[">=", ">", "<=", "<"], |s| s),
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
                let id = lookup(
                    issues,
                    Vocabulary::Criterion,
                    format!("{f}.id"),
                    &raw.id,
                    &Criterion::ALL,
                    Criterion::id,
                );
                Some(Condition::Criterion {
                    id: id?,
                    op: op?,
                    value: raw.value,
                })
            }
            RawCondition::Metric(raw) => {
                let f = format!("{field}.metric");
                let op = cmp(&f, raw, issues);
                let id = lookup(
                    issues,
                    Vocabulary::Metric,
                    format!("{f}.id"),
                    &raw.id,
                    &Metric::ALL,
                    Metric::id,
                );
                Some(Condition::Metric {
                    id: id?,
                    op: op?,
                    value: raw.value,
                })
            }
            RawCondition::Fact(name) => lookup(
                issues,
                Vocabulary::Fact,
                format!("{field}.fact"),
                name,
                &Fact::ALL,
                Fact::id,
            )
            .map(Condition::Fact),
            RawCondition::DataSharing(v) => {
                let all = [
                    DataSharingBasis::EuMemberState,
                    DataSharingBasis::LedAdequacy,
                    DataSharingBasis::NationalAssessment,
                    DataSharingBasis::None,
                ];
                let out: Vec<DataSharingBasis> = v
                    .iter()
                    .filter_map(|name| {
                        lookup(
                            issues,
                            Vocabulary::DataSharingBasis,
                            format!("{field}.data_sharing"),
                            name,
                            &all,
                            DataSharingBasis::id,
                        )
                    })
                    .collect();
                (out.len() == v.len()).then_some(Condition::DataSharing(out))
            }
            RawCondition::Class(name) => {
                class(issues, format!("{field}.class"), name).map(Condition::Class)
            }
            RawCondition::Instrument(name) => {
                instrument(issues, format!("{field}.instrument"), name).map(Condition::Instrument)
            }
            RawCondition::Fired(id) => {
                if !ids.contains(id) {
                    issues.push(
                        format!("{field}.fired"),
                        id,
                        IssueArgs::NoSuchRule {
                            rulebook: None,
                            known: Vec::new(),
                        },
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
        match self {
            RawEffect::ScaleAddedValue(x) => issues
                .check_range(&format!("{field}.scale_added_value"), *x, 0.0, 2.0)
                .then_some(Effect::ScaleAddedValue(*x)),
            RawEffect::Class(name) => {
                class(issues, format!("{field}.class"), name).map(Effect::Class)
            }
            RawEffect::Instrument(name) => {
                instrument(issues, format!("{field}.instrument"), name).map(Effect::Instrument)
            }
            RawEffect::Organisation(o) => Some(Effect::Organisation(*o)),
            RawEffect::LimitClass {
                class: c,
                max,
                demote_to,
            } => {
                let c = class(issues, format!("{field}.limit_class.class"), c);
                let d = class(issues, format!("{field}.limit_class.demote_to"), demote_to);
                Some(Effect::LimitClass {
                    class: c?,
                    max: *max,
                    demote_to: d?,
                })
            }
        }
    }
}
