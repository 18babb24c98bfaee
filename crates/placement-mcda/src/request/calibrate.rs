//! `{"calibrate": …}`: which weightings of a weighted sum reproduce documented decisions
//! (placement-calibrate's preference disaggregation, docs/research.md, *Calibration*).
//!
//! The matrix is normalised per column (`calibrate.normalization`, default `minmax`; every
//! normalisation of this crate gives values in [0, 1] in the benefit direction), each
//! alternative's score is `100 × Σ w_j n_ij` with the weights on the simplex, and the response
//! holds the calibration: best fit, central weighting, each weight's and threshold's interval,
//! each decision's verdict and a minimal conflict.

use placement_calibrate::matrix::{weighted_sum_problem, Documented, MatrixProblem};
use placement_calibrate::{calibrate, CalibrateError, Calibration, Options, Threshold};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::{bad, check_keys, field};
use crate::error::{McdaError, Result};
use crate::matrix::{CriterionType, DecisionMatrix};
use crate::normalize::{normalize, Normalization};

const FIELDS: &[&str] = &["decisions", "thresholds", "margin", "normalization"];

/// The largest number of documented decisions (each costs a few linear programs).
pub const MAX_DECISIONS: usize = 10_000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThresholdSpec {
    name: String,
    #[serde(default)]
    min: Option<f64>,
    #[serde(default)]
    max: Option<f64>,
    #[serde(default)]
    current: Option<f64>,
}

/// Runs a calibration request. `matrix`, `types` and `alternatives` come from the request's
/// top level; `weights`, when given as a list, are shown as the current weights.
pub(crate) fn run(
    spec: &Value,
    matrix: &DecisionMatrix,
    types: &[CriterionType],
    alternatives: &[String],
    criteria: &[String],
    current: Option<&[f64]>,
) -> Result<Calibration> {
    let Value::Object(obj) = spec else {
        return Err(bad("calibrate", "expected an object with `decisions`"));
    };
    check_keys(obj, FIELDS, "calibrate")?;
    let decisions: Vec<Documented> = field(obj, "calibrate.decisions")?.ok_or_else(|| {
        bad(
            "calibrate.decisions",
            "missing; a list of {\"kind\": \"before\", \"a\", \"b\"}, \
             {\"kind\": \"at_least\", \"alternative\", \"threshold\"} or \
             {\"kind\": \"below\", \"alternative\", \"threshold\"}",
        )
    })?;
    if decisions.len() > MAX_DECISIONS {
        return Err(bad(
            "calibrate.decisions",
            format!("{} decisions; at most {MAX_DECISIONS}", decisions.len()),
        ));
    }
    let thresholds = thresholds(obj)?;
    let margin: f64 = field(obj, "calibrate.margin")?.unwrap_or(Options::default().margin);
    if !(margin.is_finite() && margin > 0.0 && margin <= 50.0) {
        return Err(bad(
            "calibrate.margin",
            format!("{margin}: give a number of points in (0, 50]"),
        ));
    }
    let norm: Normalization =
        field(obj, "calibrate.normalization")?.unwrap_or(Normalization::MinMax);
    let n = normalize(matrix, types, norm)?;
    let values: Vec<Vec<f64>> = (0..n.rows()).map(|i| n.row(i).to_vec()).collect();
    let problem = weighted_sum_problem(&MatrixProblem {
        title: "calibration",
        criteria,
        alternatives,
        values: &values,
        thresholds: &thresholds,
        decisions: &decisions,
        current_weights: current,
    })
    .map_err(|e| from_calibrate(&e))?;
    calibrate(&problem, Options { margin }).map_err(|e| from_calibrate(&e))
}

fn thresholds(obj: &Map<String, Value>) -> Result<Vec<Threshold>> {
    let specs: Vec<ThresholdSpec> = field(obj, "calibrate.thresholds")?.unwrap_or_default();
    Ok(specs
        .into_iter()
        .map(|t| Threshold {
            name: t.name,
            min: t.min.unwrap_or(0.0),
            max: t.max.unwrap_or(100.0),
            current: t.current,
        })
        .collect())
}

fn from_calibrate(e: &CalibrateError) -> McdaError {
    match e {
        CalibrateError::Invalid { problems, .. } => bad(
            "calibrate",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        ),
        other => McdaError::Calibration(other.to_string()),
    }
}
