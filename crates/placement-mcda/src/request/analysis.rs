//! The `sensitivity` and `smaa` parts of a request.

use serde::Serialize;
use serde_json::{Map, Value};

use super::params::{self, MethodName, Params};
use super::{bad, check_keys, field};
use crate::error::Result;
use crate::matrix::{CriterionType, DecisionMatrix};
use crate::normalize::{normalize, Normalization};
use crate::sensitivity::{bisection_intervals, wsm_intervals, WeightInterval};
use crate::smaa::{smaa2_with_progress, SmaaOptions, SmaaResult, WeightModel};

const SENSITIVITY_FIELDS: &[&str] = &["k", "steps"];
const SMAA_FIELDS: &[&str] = &["samples", "seed", "weights", "normalization"];
const SMAA_WEIGHT_FIELDS: &[&str] = &["lower", "upper", "ranks"];

/// Largest `sensitivity.steps` accepted.
pub const MAX_STEPS: usize = 10_000;

/// `{"k": 1, "steps": 100}`: stability intervals of every weight for the top-`k` set.
///
/// Weights are rescaled to sum 1 for this analysis (moving one weight to `t` rescales the
/// others to `1 − t`). WSM's intervals are exact; the other methods' come from a grid of
/// `steps` points plus bisection (see [`crate::sensitivity`]).
///
/// # Errors
/// [`crate::McdaError::InvalidRequest`] naming `sensitivity.<field>`; the analysis' errors.
pub fn sensitivity(
    spec: &Value,
    method: MethodName,
    params: &Params,
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
) -> Result<Vec<WeightInterval>> {
    let obj = object(spec, "sensitivity")?;
    check_keys(obj, SENSITIVITY_FIELDS, "sensitivity")?;
    let k: usize = field(obj, "sensitivity.k")?.unwrap_or(1);
    let steps: usize = field(obj, "sensitivity.steps")?.unwrap_or(100);
    if steps == 0 || steps > MAX_STEPS {
        return Err(bad(
            "sensitivity.steps",
            format!("{steps} is out of range; use 1 to {MAX_STEPS}"),
        ));
    }
    if method == MethodName::Wsm {
        let norm = params.normalization.unwrap_or(Normalization::Sum);
        return wsm_intervals(&normalize(matrix, types, norm)?, weights, k);
    }
    bisection_intervals(weights, k, method.direction(), steps, |w| {
        Ok(params::run(method, params, matrix, w, types)?
            .result()
            .preferences
            .clone())
    })
}

/// SMAA-2 output in the response.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SmaaResponse {
    /// `acceptability[i][r]`: share of samples in which alternative `i` has rank `r + 1`.
    pub acceptability: Vec<Vec<f64>>,
    /// Central weight vector per alternative (zeros when never first).
    pub central_weights: Vec<Vec<f64>>,
    /// Confidence factor per alternative.
    pub confidence: Vec<f64>,
    /// Weight samples drawn.
    pub samples: u64,
    /// Seed used.
    pub seed: u64,
}

fn object<'a>(v: &'a Value, name: &str) -> Result<&'a Map<String, Value>> {
    match v {
        Value::Object(o) => Ok(o),
        _ => Err(bad(name, "expected an object")),
    }
}

/// `{"samples": 10000, "seed": 0, "weights": "uniform" | {"lower", "upper"} | {"ranks"},
/// "normalization": "minmax"}`: SMAA-2 on the normalised matrix.
///
/// # Errors
/// [`crate::McdaError::InvalidRequest`] naming `smaa.<field>`; SMAA-2's errors (sample
/// counts are bounded by [`crate::smaa::MAX_SAMPLES`]).
pub fn smaa(
    spec: &Value,
    matrix: &DecisionMatrix,
    types: &[CriterionType],
    progress: &mut dyn FnMut(u64, u64),
) -> Result<SmaaResponse> {
    let obj = object(spec, "smaa")?;
    check_keys(obj, SMAA_FIELDS, "smaa")?;
    let samples: u64 = field(obj, "smaa.samples")?.unwrap_or(10_000);
    let seed: u64 = field(obj, "smaa.seed")?.unwrap_or(0);
    let norm: Normalization = field(obj, "smaa.normalization")?.unwrap_or(Normalization::MinMax);
    let weights =
        match obj.get("weights") {
            None | Some(Value::Null) => WeightModel::UniformSimplex,
            Some(Value::String(s)) if s == "uniform" => WeightModel::UniformSimplex,
            Some(Value::Object(w)) => {
                check_keys(w, SMAA_WEIGHT_FIELDS, "smaa.weights")?;
                match (
                    field::<Vec<f64>>(w, "smaa.weights.lower")?,
                    field::<Vec<f64>>(w, "smaa.weights.upper")?,
                    field::<Vec<usize>>(w, "smaa.weights.ranks")?,
                ) {
                    (Some(lower), Some(upper), None) => WeightModel::Intervals { lower, upper },
                    (None, None, Some(ranks)) => WeightModel::Ordinal { ranks },
                    _ => return Err(bad(
                        "smaa.weights",
                        "give either {\"lower\", \"upper\"} (intervals) or {\"ranks\"} (ordinal)",
                    )),
                }
            }
            Some(_) => {
                return Err(bad(
                    "smaa.weights",
                    "expected \"uniform\", {\"lower\", \"upper\"} or {\"ranks\"}",
                ))
            }
        };
    let opts = SmaaOptions {
        samples,
        seed,
        weights,
        ..SmaaOptions::default()
    };
    let u = normalize(matrix, types, norm)?;
    let SmaaResult {
        acceptability,
        central_weights,
        confidence,
        samples,
    } = smaa2_with_progress(&u, &opts, progress)?;
    Ok(SmaaResponse {
        acceptability,
        central_weights,
        confidence,
        samples,
        seed,
    })
}
