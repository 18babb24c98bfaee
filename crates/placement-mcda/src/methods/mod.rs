//! Aggregation methods. Each takes a [`DecisionMatrix`], weights and criterion types and
//! returns preference values plus a ranking (1 = best, ties share the average position).
//!
//! | method | module | better |
//! |---|---|---|
//! | WSM | [`wsm`] | higher |
//! | WPM | [`wpm`] | higher |
//! | TOPSIS | [`topsis`] | higher |
//! | VIKOR | [`vikor`] | lower `Q` |
//! | PROMETHEE II | [`promethee`] | higher net flow |
//! | COPRAS | [`copras`] | higher |
//! | MOORA (ratio system) | [`moora`] | higher |

pub mod copras;
pub mod moora;
pub mod promethee;
pub mod topsis;
pub mod vikor;
pub mod wpm;
pub mod wsm;

use crate::error::Result;
use crate::matrix::{normalize_weights, CriterionType, DecisionMatrix};
use crate::rank::{rank, Direction};

/// Preference values and the ranking they induce.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MethodResult {
    /// One value per alternative; see `direction`.
    pub preferences: Vec<f64>,
    /// Average ranks, 1 = best.
    pub ranking: Vec<f64>,
    /// Whether higher or lower preference values are better for this method.
    pub direction: Direction,
}

impl MethodResult {
    pub(crate) fn new(preferences: Vec<f64>, direction: Direction) -> Self {
        let ranking = rank(&preferences, direction);
        MethodResult {
            preferences,
            ranking,
            direction,
        }
    }
}

/// Shared input check: types match the columns, weights are valid; returns the weights
/// normalised to sum 1.
pub(crate) fn prepare(
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
) -> Result<Vec<f64>> {
    matrix.check_types(types)?;
    normalize_weights(weights, matrix.columns())
}
