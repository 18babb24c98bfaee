//! Contributions: how much each criterion and each rule adjustment adds to the score, and to
//! each side's score. Read from the record, never recomputed.

use placement_core::criteria::{Direction, Side};
use placement_core::DecisionRecord;
use serde::{Deserialize, Serialize};

/// What a part is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// A weighed criterion.
    Criterion,
    /// A rule of the adjust stage (a discount or boost of the added value).
    Adjustment,
}

/// One part of a score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// For a criterion: its normalised value, 0–1 (`1 − value/10` for a cost criterion);
    /// `points` is `100 × weight × normalised` on the score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normalised: Option<f64>,
    /// Whether the criterion is a cost criterion (a higher value adds less).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cost: bool,
    /// For an adjustment: the added value before and after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added_value: Option<(f64, f64)>,
}

/// The three decompositions. In each list the points sum to the total (within 1e-9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contributions {
    /// Parts of the overall score (criteria `to_score` plus adjustments), largest first.
    pub score: Vec<Part>,
    /// Parts of the need (need-side criteria `to_side`), largest first.
    pub need: Vec<Part>,
    /// Parts of the added value (added-value criteria `to_side` plus each adjustment's
    /// change `after − before`), largest first.
    pub added_value: Vec<Part>,
    /// The total weight of the need-side criteria (the need is their points over it).
    #[serde(default)]
    pub need_weight: f64,
    /// The total weight of the added-value criteria (an adjustment's change of the added value
    /// counts in the score times this weight).
    #[serde(default)]
    pub added_value_weight: f64,
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
                    normalised: Some(c.normalised),
                    cost: k.info().direction == Direction::Cost,
                    added_value: None,
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
                normalised: None,
                cost: false,
                added_value: Some((a.before, a.after)),
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
        let side_weight = |side: Side| {
            record
                .contributions
                .values()
                .filter(|c| c.side == side)
                .map(|c| c.weight)
                .sum()
        };
        Contributions {
            score,
            need,
            added_value,
            need_weight: side_weight(Side::Need),
            added_value_weight: side_weight(Side::AddedValue),
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
