//! Contributions: how much each criterion and each rule adjustment adds to the score, and to
//! each side's score. Read from the record, never recomputed.

use placement_core::criteria::Side;
use placement_core::DecisionRecord;
use serde::{Deserialize, Serialize};

/// What a part is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// A weighed criterion.
    Criterion,
    /// A rule of the adjust stage (a discount or boost of the added value).
    Adjustment,
}

/// One part of a score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Criterion or adjustment.
    pub kind: PartKind,
    /// The criterion id or rule id.
    pub id: String,
    /// The criterion value used (0–10); for an adjustment, its factor.
    pub value: f64,
    /// The criterion's weight (all weights sum to 1); absent for adjustments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Points added (negative for a discount).
    pub points: f64,
}

/// The three decompositions. In each list the points sum to the total (within 1e-9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contributions {
    /// Parts of the overall score (criteria `to_score` plus adjustments), largest first.
    pub score: Vec<Part>,
    /// Parts of the need (need-side criteria `to_side`), largest first.
    pub need: Vec<Part>,
    /// Parts of the added value (added-value criteria `to_side` plus each adjustment's
    /// change `after − before`), largest first.
    pub added_value: Vec<Part>,
}

fn sort(parts: &mut [Part]) {
    parts.sort_by(|a, b| b.points.total_cmp(&a.points).then_with(|| a.id.cmp(&b.id)));
}

impl Contributions {
    /// Decomposes a record's score, need and added value.
    pub fn of(record: &DecisionRecord) -> Contributions {
        let crit = |side: Option<Side>, on_side: bool| {
            record
                .contributions
                .iter()
                .filter(|(_, c)| side.is_none_or_eq(c.side))
                .map(|(k, c)| Part {
                    kind: PartKind::Criterion,
                    id: k.id().to_string(),
                    value: c.value,
                    weight: Some(c.weight),
                    points: if on_side { c.to_side } else { c.to_score },
                })
                .collect::<Vec<_>>()
        };
        let adjust = |on_side: bool| {
            record.adjustments.iter().map(move |a| Part {
                kind: PartKind::Adjustment,
                id: a.rule.clone(),
                value: a.factor,
                weight: None,
                points: if on_side {
                    a.after - a.before
                } else {
                    a.to_score
                },
            })
        };
        let mut score = crit(None, false);
        score.extend(adjust(false));
        let mut need = crit(Some(Side::Need), true);
        let mut added_value = crit(Some(Side::AddedValue), true);
        added_value.extend(adjust(true));
        sort(&mut score);
        sort(&mut need);
        sort(&mut added_value);
        Contributions {
            score,
            need,
            added_value,
        }
    }

    /// Sum of the score parts.
    pub fn score_total(&self) -> f64 {
        self.score.iter().map(|p| p.points).sum()
    }

    /// Sum of the need parts.
    pub fn need_total(&self) -> f64 {
        self.need.iter().map(|p| p.points).sum()
    }

    /// Sum of the added-value parts.
    pub fn added_value_total(&self) -> f64 {
        self.added_value.iter().map(|p| p.points).sum()
    }
}

trait SideFilter {
    fn is_none_or_eq(&self, side: Side) -> bool;
}

impl SideFilter for Option<Side> {
    fn is_none_or_eq(&self, side: Side) -> bool {
        self.is_none_or(|s| s == side)
    }
}
