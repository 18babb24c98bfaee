//! Calibration problems from the placement engine: its need and added-value sides are weighted
//! sums (`need = 100 Σ_need w_c n_c / W_need`, likewise the added value, then the fixed factors
//! of the adjust rules), and its class and placement rules compare them with thresholds. Where a
//! rule that reads no weight decides an outcome, the problem says so instead of calibrating it.

use std::collections::BTreeSet;

use placement_core::rulebook::{Condition, Metric, Op, Stage};
use placement_core::{
    AssessmentSet, CountryCode, Criterion, Engine, Evaluation, Instrument, Rulebook, Side,
};
use serde::Serialize;

use crate::error::{CalibrateError, InputProblem};
use crate::problem::{Decision, Group, Problem, Statement, Threshold};

/// A decision the calibration leaves out because a rule, not a weight of the calibrated sides,
/// decides it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleDecided {
    /// The country.
    pub country: CountryCode,
    /// What was documented (`post`, `no post`).
    pub documented: String,
    /// The rule that decides it.
    pub rule: String,
}

/// A problem built from the engine, with what a patch needs to write it back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EngineProblem {
    /// The LP problem.
    pub problem: Problem,
    /// Rulebook the evaluation used (the patch's base).
    pub base: String,
    /// Per group: the rulebook's weight total of that side (the patch keeps it).
    pub side_totals: Vec<f64>,
    /// Per threshold: the rule and metric it sets.
    pub threshold_rules: Vec<(String, Metric)>,
    /// Decisions a rule decides, left out.
    pub decided_by_rule: Vec<RuleDecided>,
}

/// The threshold of `metric` (≥) in `rule`'s condition.
fn threshold_of(rules: &Rulebook, rule: &str, metric: Metric) -> Option<f64> {
    fn walk(c: &Condition, m: Metric) -> Option<f64> {
        match c {
            Condition::Metric {
                id,
                op: Op::Ge,
                value,
            } if *id == m => Some(*value),
            Condition::All(v) | Condition::Any(v) => v.iter().find_map(|c| walk(c, m)),
            _ => None,
        }
    }
    walk(&rules.rule(rule)?.when, metric)
}

fn side_group(side: Side, name: &str) -> (Group, Vec<Criterion>) {
    let criteria: Vec<Criterion> = Criterion::ALL
        .iter()
        .copied()
        .filter(|c| c.side() == side)
        .collect();
    (
        Group {
            name: name.into(),
            criteria: Vec::new(),
        },
        criteria,
    )
}

/// Criteria of the given sides, their groups, current relative weights and side totals.
fn sides(
    rules: &Rulebook,
    sides: &[(Side, &str)],
) -> (Vec<Criterion>, Vec<Group>, Vec<f64>, Vec<f64>) {
    let mut criteria = Vec::new();
    let mut groups = Vec::new();
    let mut current = Vec::new();
    let mut totals = Vec::new();
    for (side, name) in sides {
        let (mut g, cs) = side_group(*side, name);
        let total: f64 = cs
            .iter()
            .map(|c| rules.weights().get(c).copied().unwrap_or(0.0))
            .sum();
        for c in cs {
            g.criteria.push(criteria.len());
            criteria.push(c);
            let w = rules.weights().get(&c).copied().unwrap_or(0.0);
            current.push(if total > 0.0 { w / total } else { 0.0 });
        }
        groups.push(g);
        totals.push(total);
    }
    (criteria, groups, current, totals)
}

fn values(evaluation: &Evaluation, criteria: &[Criterion]) -> (Vec<String>, Vec<Vec<f64>>) {
    let labels = evaluation
        .records
        .iter()
        .map(|r| r.country.as_str().to_string())
        .collect();
    let values = evaluation
        .records
        .iter()
        .map(|r| {
            criteria
                .iter()
                .map(|c| {
                    r.inputs
                        .get(c)
                        .map_or(0.0, |i| c.normalise(i.value).clamp(0.0, 1.0))
                })
                .collect()
        })
        .collect();
    (labels, values)
}

fn check_codes(
    evaluation: &Evaluation,
    codes: &[CountryCode],
    title: &str,
) -> Result<(), CalibrateError> {
    let problems: Vec<InputProblem> = codes
        .iter()
        .filter(|c| evaluation.record(**c).is_none())
        .map(|c| InputProblem::UnknownCountry {
            code: c.as_str().to_string(),
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CalibrateError::Invalid {
            title: title.to_string(),
            problems,
        })
    }
}

/// The priority list as decisions on the need side: each listed country reaches R-CLS-PRIO's
/// need threshold, every other assessed country stays below it (p1-2015's cap of sixteen,
/// R-CLS-4, does not bind when exactly the listed countries are above the threshold).
///
/// # Errors
/// [`CalibrateError::Invalid`] for a listed country the set does not assess;
/// [`CalibrateError::Engine`] when the set does not evaluate.
pub fn priority_list(
    rules: &Rulebook,
    input: &AssessmentSet,
    listed: &[CountryCode],
    source: &str,
) -> Result<EngineProblem, CalibrateError> {
    let evaluation = Engine::new(rules).evaluate(input)?;
    let title = format!(
        "priority list under {} ({} countries)",
        rules.id(),
        listed.len()
    );
    check_codes(&evaluation, listed, &title)?;
    let (criteria, groups, current, totals) = sides(rules, &[(Side::Need, "need")]);
    let (alternatives, values) = values(&evaluation, &criteria);
    let current_t = threshold_of(rules, "R-CLS-PRIO", Metric::Need);
    let listed: BTreeSet<CountryCode> = listed.iter().copied().collect();
    let decisions = evaluation
        .records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let on = listed.contains(&r.country);
            Decision {
                label: format!(
                    "{} {}",
                    r.country.as_str(),
                    if on { "priority" } else { "not priority" }
                ),
                label_nl: Some(format!(
                    "{} {}",
                    r.country.as_str(),
                    if on { "prioritair" } else { "niet prioritair" }
                )),
                source: source.to_string(),
                statement: if on {
                    Statement::AtLeast {
                        alternative: i,
                        group: 0,
                        threshold: 0,
                        factor: 1.0,
                    }
                } else {
                    Statement::Below {
                        alternative: i,
                        group: 0,
                        threshold: 0,
                        factor: 1.0,
                    }
                },
            }
        })
        .collect();
    Ok(EngineProblem {
        problem: Problem {
            title,
            title_nl: Some(format!(
                "prioriteitenlijst onder {} ({} landen)",
                rules.id(),
                listed.len()
            )),
            criteria: criteria.iter().map(|c| c.id().to_string()).collect(),
            alternatives,
            values,
            groups,
            thresholds: vec![Threshold {
                name: "R-CLS-PRIO need".into(),
                min: 0.0,
                max: 100.0,
                current: current_t,
            }],
            threshold_order: Vec::new(),
            current_weights: Some(current),
            decisions,
        },
        base: rules.id().to_string(),
        side_totals: totals,
        threshold_rules: vec![("R-CLS-PRIO".into(), Metric::Need)],
        decided_by_rule: Vec::new(),
    })
}

/// An actual network as decisions on the placement rule R-PLC-1 (need ≥ t_need and added value
/// ≥ t_av): a host country gets a permanent liaison (both sides reach their thresholds); any
/// other assessed country does not (one side stays below: the side the current rulebook is
/// furthest below, or nearest above where the rulebook places one — the disjunction is linearised
/// on the branch nearest the current rulebook). Countries whose instrument a rule of higher
/// salience decides (springboard, neighbours, excellent cooperation, the non-operational gates),
/// or a rule below R-PLC-1 places, are left out and listed.
///
/// # Errors
/// [`CalibrateError::Invalid`] for a host country the set does not assess, or a rulebook without
/// R-PLC-1; [`CalibrateError::Engine`] when the set does not evaluate.
pub fn network(
    rules: &Rulebook,
    input: &AssessmentSet,
    hosts: &[CountryCode],
    source: &str,
) -> Result<EngineProblem, CalibrateError> {
    let evaluation = Engine::new(rules).evaluate(input)?;
    let title = format!(
        "network of {} host countries under {}",
        hosts.len(),
        rules.id()
    );
    check_codes(&evaluation, hosts, &title)?;
    let plc = rules
        .rule("R-PLC-1")
        .ok_or_else(|| CalibrateError::Invalid {
            title: title.clone(),
            problems: vec![InputProblem::BadReference {
                decision: "R-PLC-1 (the placement rule the network is calibrated on)".into(),
            }],
        })?;
    let salience = plc.salience;
    let t_need = threshold_of(rules, "R-PLC-1", Metric::Need);
    let t_av = threshold_of(rules, "R-PLC-1", Metric::AddedValue);
    let (criteria, groups, current, totals) = sides(
        rules,
        &[(Side::Need, "need"), (Side::AddedValue, "added_value")],
    );
    let (alternatives, values) = values(&evaluation, &criteria);
    let hosts: BTreeSet<CountryCode> = hosts.iter().copied().collect();
    let mut decisions = Vec::new();
    let mut decided_by_rule = Vec::new();
    for (i, r) in evaluation.records.iter().enumerate() {
        let host = hosts.contains(&r.country);
        let documented = if host { "post" } else { "no post" };
        let deciding = r
            .rules
            .iter()
            .rev()
            .find(|f| f.stage == Stage::Instrument)
            .map(|f| f.rule.clone());
        let deciding_salience = deciding
            .as_deref()
            .and_then(|id| rules.rule(id))
            .map(|x| x.salience);
        let other_rule = match (&deciding, deciding_salience) {
            (Some(id), Some(s)) if id != "R-PLC-1" && s > salience => Some(id.clone()),
            (Some(id), Some(_))
                if id != "R-PLC-1" && r.instrument == Instrument::PermanentLiaison =>
            {
                Some(id.clone())
            }
            _ => None,
        };
        if let Some(rule) = other_rule {
            decided_by_rule.push(RuleDecided {
                country: r.country,
                documented: documented.into(),
                rule,
            });
            continue;
        }
        let factor = if r.added_value_base > 0.0 {
            r.added_value / r.added_value_base
        } else {
            1.0
        };
        let code = r.country.as_str();
        if host {
            decisions.push(Decision {
                label: format!("{code} post: need"),
                label_nl: Some(format!("{code} post: behoefte")),
                source: source.to_string(),
                statement: Statement::AtLeast {
                    alternative: i,
                    group: 0,
                    threshold: 0,
                    factor: 1.0,
                },
            });
            decisions.push(Decision {
                label: format!("{code} post: added value"),
                label_nl: Some(format!("{code} post: meerwaarde")),
                source: source.to_string(),
                statement: Statement::AtLeast {
                    alternative: i,
                    group: 1,
                    threshold: 1,
                    factor,
                },
            });
        } else {
            let need_gap = r.need - t_need.unwrap_or(45.0);
            let av_gap = r.added_value - t_av.unwrap_or(45.0);
            let on_need = need_gap < av_gap;
            decisions.push(Decision {
                label: format!(
                    "{code} no post: {} below",
                    if on_need { "need" } else { "added value" }
                ),
                label_nl: Some(format!(
                    "{code} geen post: {} onder de drempel",
                    if on_need { "behoefte" } else { "meerwaarde" }
                )),
                source: source.to_string(),
                statement: Statement::Below {
                    alternative: i,
                    group: usize::from(!on_need),
                    threshold: usize::from(!on_need),
                    factor: if on_need { 1.0 } else { factor },
                },
            });
        }
    }
    decided_by_rule.sort_by_key(|r| r.country);
    Ok(EngineProblem {
        problem: Problem {
            title_nl: Some(format!(
                "netwerk van {} gastlanden onder {}",
                hosts.len(),
                rules.id()
            )),
            title,
            criteria: criteria.iter().map(|c| c.id().to_string()).collect(),
            alternatives,
            values,
            groups,
            thresholds: vec![
                Threshold {
                    name: "R-PLC-1 need".into(),
                    min: 0.0,
                    max: 100.0,
                    current: t_need,
                },
                Threshold {
                    name: "R-PLC-1 added_value".into(),
                    min: 0.0,
                    max: 100.0,
                    current: t_av,
                },
            ],
            threshold_order: Vec::new(),
            current_weights: Some(current),
            decisions,
        },
        base: rules.id().to_string(),
        side_totals: totals,
        threshold_rules: vec![
            ("R-PLC-1".into(), Metric::Need),
            ("R-PLC-1".into(), Metric::AddedValue),
        ],
        decided_by_rule,
    })
}
