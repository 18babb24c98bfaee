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

use crate::error::McdaError;
use crate::error::Result;
use crate::matrix::{validate_weights, CriterionType, DecisionMatrix};
use crate::rank::{rank, Direction};

/// Preference values and the ranking they induce.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MethodResult {
    /// One value per alternative; see `direction`.
    pub preferences: Vec<f64>,
    /// Average ranks, 1 = best.
    pub ranking: Vec<f64>,
    /// Whether higher or lower preference values are better for this method.
    pub direction: Direction,
}

impl MethodResult {
    /// Ranks `keys` (a strictly monotone transform of the preferences that cannot
    /// underflow or overflow, e.g. WPM's log-product) and keeps `preferences` as reported.
    pub(crate) fn with_keys(preferences: Vec<f64>, keys: &[f64], direction: Direction) -> Self {
        MethodResult {
            preferences,
            ranking: rank(keys, direction),
            direction,
        }
    }

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
/// **as given** (pymcdm's convention; see [`validate_weights`]).
pub(crate) fn prepare(
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
) -> Result<Vec<f64>> {
    matrix.check_types(types)?;
    validate_weights(weights, matrix.columns())?;
    Ok(weights.to_vec())
}

/// Refuses a non-finite output value instead of letting NaN or infinity reach a caller.
pub(crate) fn finite(method: &'static str, what: &'static str, values: &[f64]) -> Result<()> {
    match values.iter().find(|v| !v.is_finite()) {
        Some(&value) => Err(McdaError::NonFiniteResult {
            method,
            what,
            value,
        }),
        None => Ok(()),
    }
}
