//! Pairwise comparison: why country A ranks above (or below) country B — the criteria that
//! separate them, by how much, and the rules that treat them differently.

use placement_core::record::Decided;
use placement_core::{CountryCode, DecisionRecord, Rulebook};
use serde::{Deserialize, Serialize};

use crate::contributions::{Contributions, PartKind};
use crate::rules::RuleText;

/// One side of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Party {
    /// The country.
    pub country: CountryCode,
    /// English name.
    pub name_en: String,
    /// Dutch name.
    pub name_nl: String,
    /// Rank.
    pub rank: usize,
    /// Score.
    pub score: f64,
}

/// A criterion or adjustment that separates the two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Separation {
    /// Criterion or adjustment.
    pub kind: PartKind,
    /// Its id.
    pub id: String,
    /// A's value (criterion value or adjustment factor; 1 when the adjustment did not apply).
    pub value_a: f64,
    /// B's value.
    pub value_b: f64,
    /// A's points.
    pub points_a: f64,
    /// B's points.
    pub points_b: f64,
    /// `points_a − points_b`.
    pub difference: f64,
}

/// A rule that treats the two differently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleDifference {
    /// The rule.
    #[serde(flatten)]
    pub text: RuleText,
    /// What it did for A: the value before (if any) and after (`None`: it did not fire).
    pub a: Option<(Option<Decided>, Decided)>,
    /// What it did for B.
    pub b: Option<(Option<Decided>, Decided)>,
}

/// Why A and B rank as they do. The differences sum to `score_a − score_b` (within 1e-9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comparison {
    /// Schema version (as [`crate::SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// A.
    pub a: Party,
    /// B.
    pub b: Party,
    /// `score_a − score_b`.
    pub score_gap: f64,
    /// Separating parts, largest absolute difference first.
    pub separations: Vec<Separation>,
    /// Rules that fired for one and not the other, or to a different effect.
    pub rules: Vec<RuleDifference>,
}

fn party(r: &DecisionRecord) -> Party {
    Party {
        country: r.country,
        name_en: r.name_en.clone(),
        name_nl: r.name_nl.clone(),
        rank: r.rank,
        score: r.score,
    }
}

impl Comparison {
    /// Compares two records of one evaluation.
    pub fn of(rules: &Rulebook, a: &DecisionRecord, b: &DecisionRecord) -> Comparison {
        let ca = Contributions::of(a);
        let cb = Contributions::of(b);
        let mut ids: Vec<(PartKind, String)> = ca
            .score
            .iter()
            .chain(&cb.score)
            .map(|p| (p.kind, p.id.clone()))
            .collect();
        ids.sort_by(|x, y| x.1.cmp(&y.1));
        ids.dedup();
        let mut separations: Vec<Separation> = ids
            .into_iter()
            .map(|(kind, id)| {
                let get = |c: &Contributions| {
                    c.score
                        .iter()
                        .find(|p| p.id == id)
                        .map_or((1.0, 0.0), |p| (p.value, p.points))
                };
                let (value_a, points_a) = get(&ca);
                let (value_b, points_b) = get(&cb);
                Separation {
                    kind,
                    id,
                    value_a,
                    value_b,
                    points_a,
                    points_b,
                    difference: points_a - points_b,
                }
            })
            .collect();
        separations.sort_by(|x, y| {
            y.difference
                .abs()
                .total_cmp(&x.difference.abs())
                .then_with(|| x.id.cmp(&y.id))
        });
        let mut rule_ids: Vec<&str> = a
            .rules
            .iter()
            .chain(&b.rules)
            .map(|f| f.rule.as_str())
            .collect();
        rule_ids.dedup();
        let mut seen = Vec::new();
        let mut diffs = Vec::new();
        for id in rule_ids {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            let what = |r: &DecisionRecord| {
                r.rules
                    .iter()
                    .find(|f| f.rule == id)
                    .map(|f| (f.before, f.after))
            };
            let (wa, wb) = (what(a), what(b));
            if wa != wb {
                let stage = a
                    .rules
                    .iter()
                    .chain(&b.rules)
                    .find(|f| f.rule == id)
                    .map(|f| f.stage)
                    .unwrap_or(placement_core::rulebook::Stage::Instrument);
                diffs.push(RuleDifference {
                    text: RuleText::of(rules, id, stage),
                    a: wa,
                    b: wb,
                });
            }
        }
        Comparison {
            schema_version: crate::SCHEMA_VERSION,
            a: party(a),
            b: party(b),
            score_gap: a.score - b.score,
            separations,
            rules: diffs,
        }
    }
}
