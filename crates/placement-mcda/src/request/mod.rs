//! The JSON contract of the `mcda` example binary (documented in full in
//! `docs/research.md`). The binary only reads the input (JSON, or CSV through [`csv`]) and
//! prints [`handle_json`]'s output.
//!
//! Request shapes:
//! * decision problem: `{"matrix", "types", "weights", "method", "params"}` (optional
//!   `"alternatives"`, `"criteria"` labels, `"rescale_weights"`, `"sensitivity"`, `"smaa"`)
//!   → `{"preferences", "ranking", "weights", …extras}`;
//! * SMAA-2 only: `{"matrix", "types", "smaa": {…}}` → `{"smaa"}`;
//! * weighting only (`"weights"` is a scheme object and there is no `"method"`) →
//!   `{"weights"}` (plus `"cr"`, `"lambda_max"` for AHP);
//! * rank comparison: `{"compare": {"x", "y", "metric"}}` → `{"coefficient"}`;
//! * calibration of a weighted sum against documented decisions:
//!   `{"matrix", "types", "alternatives", "calibrate": {"decisions", "thresholds"?, "margin"?,
//!   "normalization"?}}` (optional `"criteria"`, current `"weights"`) → `{"calibration"}`.
//!
//! Unknown fields and unknown names are errors that name the field by its full path
//! (`params.normalization`) and list the accepted values ([`McdaError::InvalidRequest`]);
//! so is a parameter that does not apply to the chosen method. No response holds NaN or
//! infinity: a non-finite result is [`McdaError::NonFiniteResult`].

pub mod analysis;
pub mod calibrate;
pub mod csv;
pub mod params;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::ahp::ahp;
use crate::correlation;
use crate::error::{McdaError, Result};
use crate::matrix::{normalize_weights, validate_weights, CriterionType, DecisionMatrix};
use crate::sensitivity::WeightInterval;
use crate::weights;

pub use analysis::SmaaResponse;
pub use params::{MethodName, Outcome, Params};

const TOP_FIELDS: &[&str] = &[
    "matrix",
    "types",
    "weights",
    "method",
    "params",
    "alternatives",
    "criteria",
    "rescale_weights",
    "sensitivity",
    "smaa",
    "calibrate",
];
const SCHEMES: &[&str] = &[
    "equal", "entropy", "critic", "std", "roc", "rs", "rr", "ahp", "swara",
];
const SCHEME_FIELDS: &[&str] = &["scheme", "matrix", "s", "ranks", "max_cr"];
const COMPARE_FIELDS: &[&str] = &["x", "y", "metric"];

pub use crate::correlation::Metric;

/// The response; absent fields are omitted from the JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Response {
    /// Alternative labels (as given, or from a CSV's first column), one per row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<Vec<String>>,
    /// Criterion labels (as given, or from a CSV's header), one per column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Vec<String>>,
    /// Preference values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferences: Option<Vec<f64>>,
    /// Average ranks, 1 = best.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ranking: Option<Vec<f64>>,
    /// The weights used: as given, unless `rescale_weights` (or a scheme) made them sum 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights: Option<Vec<f64>>,
    /// VIKOR `S`.
    #[serde(rename = "S", skip_serializing_if = "Option::is_none")]
    pub s: Option<Vec<f64>>,
    /// VIKOR `R`.
    #[serde(rename = "R", skip_serializing_if = "Option::is_none")]
    pub r: Option<Vec<f64>>,
    /// VIKOR `Q`.
    #[serde(rename = "Q", skip_serializing_if = "Option::is_none")]
    pub q: Option<Vec<f64>>,
    /// VIKOR condition C1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acceptable_advantage: Option<bool>,
    /// VIKOR condition C2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acceptable_stability: Option<bool>,
    /// VIKOR compromise set (alternative indices).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compromise_set: Option<Vec<usize>>,
    /// PROMETHEE `φ⁺`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phi_plus: Option<Vec<f64>>,
    /// PROMETHEE `φ⁻`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phi_minus: Option<Vec<f64>>,
    /// AHP consistency ratio.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cr: Option<f64>,
    /// AHP principal eigenvalue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lambda_max: Option<f64>,
    /// Rank comparison coefficient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coefficient: Option<f64>,
    /// Weight stability intervals (request `sensitivity`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<Vec<WeightInterval>>,
    /// SMAA-2 (request `smaa`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smaa: Option<SmaaResponse>,
    /// Calibration of a weighted sum against documented decisions (request `calibrate`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calibration: Option<placement_calibrate::Calibration>,
}

pub(crate) fn bad(field: &str, reason: impl Into<String>) -> McdaError {
    McdaError::InvalidRequest {
        field: field.to_string(),
        reason: reason.into(),
    }
}

/// Reads the field at `path` (`a.b.c`: key `c` of `obj`); errors name the whole path.
pub(crate) fn field<T: for<'de> Deserialize<'de>>(
    obj: &Map<String, Value>,
    path: &str,
) -> Result<Option<T>> {
    let key = path.rsplit('.').next().unwrap_or(path);
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => T::deserialize(v)
            .map(Some)
            .map_err(|e| bad(path, e.to_string())),
    }
}

pub(crate) fn check_keys(obj: &Map<String, Value>, accepted: &[&str], path: &str) -> Result<()> {
    for k in obj.keys() {
        if !accepted.contains(&k.as_str()) {
            let name = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            return Err(bad(
                &name,
                format!("unknown field; accepted: {}", accepted.join(", ")),
            ));
        }
    }
    Ok(())
}

fn labels(
    obj: &Map<String, Value>,
    name: &str,
    expected: Option<usize>,
) -> Result<Option<Vec<String>>> {
    let l: Option<Vec<String>> = field(obj, name)?;
    if let (Some(l), Some(n)) = (&l, expected) {
        if l.len() != n {
            return Err(bad(
                name,
                format!(
                    "{} labels for {n} {}",
                    l.len(),
                    if name == "alternatives" {
                        "rows"
                    } else {
                        "columns"
                    }
                ),
            ));
        }
    }
    Ok(l)
}

/// Parses a request, runs it and returns the response.
///
/// # Errors
/// [`McdaError::InvalidRequest`] for malformed JSON, unknown fields or names, missing
/// fields; any error of the requested computation.
///
/// # Example
/// ```
/// let out = placement_mcda::request::handle_json(
///     r#"{"matrix": [[1, 2], [2, 1]], "types": [1, -1], "weights": [0.5, 0.5], "method": "topsis"}"#,
/// )?;
/// assert_eq!(out.ranking, Some(vec![2.0, 1.0]));
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn handle_json(input: &str) -> Result<Response> {
    let v: Value = serde_json::from_str(input).map_err(|e| bad("(document)", e.to_string()))?;
    handle_value(&v, &mut |_, _| {})
}

/// [`handle_json`] on a parsed document, with a progress callback for SMAA-2
/// (`progress(samples_done, samples_total)`).
///
/// # Errors
/// As [`handle_json`].
pub fn handle_value(v: &Value, progress: &mut dyn FnMut(u64, u64)) -> Result<Response> {
    let resp = dispatch(v, progress)?;
    check_finite(&resp)?;
    Ok(resp)
}

fn check_finite(r: &Response) -> Result<()> {
    let lists: [(&'static str, Option<&Vec<f64>>); 8] = [
        ("preferences", r.preferences.as_ref()),
        ("ranking", r.ranking.as_ref()),
        ("weights", r.weights.as_ref()),
        ("S", r.s.as_ref()),
        ("R", r.r.as_ref()),
        ("Q", r.q.as_ref()),
        ("phi_plus", r.phi_plus.as_ref()),
        ("phi_minus", r.phi_minus.as_ref()),
    ];
    for (what, l) in lists {
        if let Some(&value) = l.and_then(|l| l.iter().find(|v| !v.is_finite())) {
            return Err(McdaError::NonFiniteResult {
                method: "mcda request",
                what,
                value,
            });
        }
    }
    if let Some(c) = &r.calibration {
        let numbers = c
            .weights
            .iter()
            .chain(&c.thresholds)
            .flat_map(|i| [Some(i.central), Some(i.min), Some(i.max), i.current])
            .flatten()
            .chain(
                c.decisions
                    .iter()
                    .flat_map(|d| [d.shortfall, d.central_margin]),
            )
            .chain([c.central_margin]);
        for value in numbers {
            if !value.is_finite() {
                return Err(McdaError::NonFiniteResult {
                    method: "calibration",
                    what: "calibration",
                    value,
                });
            }
        }
    }
    for (what, x) in [
        ("cr", r.cr),
        ("lambda_max", r.lambda_max),
        ("coefficient", r.coefficient),
    ] {
        if let Some(value) = x.filter(|v| !v.is_finite()) {
            return Err(McdaError::NonFiniteResult {
                method: "mcda request",
                what,
                value,
            });
        }
    }
    Ok(())
}

/// `{"matrix", "types", "alternatives", "criteria"?, "weights"?, "calibrate"}`.
fn calibration_request(
    obj: &Map<String, Value>,
    spec: &Value,
    matrix: Option<DecisionMatrix>,
    types: Option<Vec<CriterionType>>,
    alternatives: Option<Vec<String>>,
    criteria: Option<Vec<String>>,
) -> Result<Response> {
    for f in ["method", "params", "sensitivity", "smaa", "rescale_weights"] {
        if obj.contains_key(f) {
            return Err(bad(
                f,
                "does not apply to a calibration request, which takes matrix, types, \
                 alternatives, criteria, weights (the current ones, optional) and calibrate",
            ));
        }
    }
    let matrix = matrix.ok_or_else(|| bad("matrix", "missing; required with `calibrate`"))?;
    let types = types.ok_or_else(|| {
        bad(
            "types",
            "missing; one of 1 (benefit) or -1 (cost) per column",
        )
    })?;
    let alternatives = alternatives.ok_or_else(|| {
        bad(
            "alternatives",
            "missing; documented decisions name alternatives by label: give one label per row",
        )
    })?;
    let criteria =
        criteria.unwrap_or_else(|| (1..=matrix.columns()).map(|j| format!("c{j}")).collect());
    let current: Option<Vec<f64>> = match obj.get("weights") {
        Some(Value::Object(_)) => {
            return Err(bad(
                "weights",
                "a calibration request takes the current weights as a list (or none), not a \
                 weighting scheme",
            ))
        }
        _ => field(obj, "weights")?,
    };
    let calibration = calibrate::run(
        spec,
        &matrix,
        &types,
        &alternatives,
        &criteria,
        current.as_deref(),
    )?;
    Ok(Response {
        alternatives: Some(alternatives),
        criteria: Some(criteria),
        calibration: Some(calibration),
        ..Response::default()
    })
}

fn dispatch(v: &Value, progress: &mut dyn FnMut(u64, u64)) -> Result<Response> {
    let Value::Object(obj) = v else {
        return Err(bad("(document)", "expected a JSON object"));
    };
    if let Some(c) = obj.get("compare") {
        if obj.len() != 1 {
            return Err(bad(
                "compare",
                "a comparison request holds only the `compare` object",
            ));
        }
        return compare(c);
    }
    check_keys(obj, TOP_FIELDS, "")?;
    let matrix = match field::<Vec<Vec<f64>>>(obj, "matrix")? {
        Some(rows) => Some(DecisionMatrix::new(rows)?),
        None => None,
    };
    let alternatives = labels(
        obj,
        "alternatives",
        matrix.as_ref().map(DecisionMatrix::rows),
    )?;
    let criteria = labels(
        obj,
        "criteria",
        matrix.as_ref().map(DecisionMatrix::columns),
    )?;
    let method: Option<MethodName> = field(obj, "method")?;
    let types = match field::<Vec<i64>>(obj, "types")? {
        Some(codes) => Some(CriterionType::from_codes(&codes)?),
        None => None,
    };
    if let Some(spec) = obj.get("calibrate") {
        return calibration_request(obj, spec, matrix, types, alternatives, criteria);
    }
    let mut resp = Response {
        alternatives,
        criteria,
        ..Response::default()
    };
    if let Some(spec) = obj.get("smaa") {
        let m = matrix
            .as_ref()
            .ok_or_else(|| bad("matrix", "missing; required with `smaa`"))?;
        let t = types.as_deref().ok_or_else(|| {
            bad(
                "types",
                "missing; one of 1 (benefit) or -1 (cost) per column",
            )
        })?;
        resp.smaa = Some(analysis::smaa(spec, m, t, progress)?);
        if method.is_none() {
            for f in ["weights", "params", "sensitivity", "rescale_weights"] {
                if obj.contains_key(f) {
                    return Err(bad(
                        f,
                        "applies to a `method`; without one this is an SMAA-2 request, which \
                         samples its weights (see `smaa.weights`): add a `method` or drop the field",
                    ));
                }
            }
            return Ok(resp);
        }
    }
    let rescale: bool = field(obj, "rescale_weights")?.unwrap_or(false);
    let (w, cr, lambda_max) = resolve_weights(obj, matrix.as_ref(), rescale)?;
    resp.weights = Some(w.clone());
    resp.cr = cr;
    resp.lambda_max = lambda_max;
    let Some(method) = method else {
        if matches!(obj.get("weights"), Some(Value::Object(_))) {
            for f in ["params", "sensitivity", "types"] {
                if obj.contains_key(f) {
                    return Err(bad(f, "applies to a `method`; a weighting-only request takes matrix and weights only"));
                }
            }
            return Ok(resp);
        }
        return Err(bad(
            "method",
            "missing; accepted: wsm, wpm, topsis, vikor, promethee_ii, copras, moora \
             (omit it only for a weighting-only request with a weights scheme, or an SMAA-2 request)",
        ));
    };
    let params = params::parse(obj.get("params"), method)?;
    let matrix = matrix.ok_or_else(|| bad("matrix", "missing; required with `method`"))?;
    let types = types.ok_or_else(|| {
        bad(
            "types",
            "missing; one of 1 (benefit) or -1 (cost) per column",
        )
    })?;
    let outcome = params::run(method, &params, &matrix, &w, &types)?;
    if let Some(spec) = obj.get("sensitivity") {
        resp.sensitivity = Some(analysis::sensitivity(
            spec, method, &params, &matrix, &w, &types,
        )?);
    }
    let result = match outcome {
        Outcome::Plain(r) => r,
        Outcome::Vikor(r) => {
            resp.s = Some(r.s);
            resp.r = Some(r.r);
            resp.q = Some(r.q);
            resp.acceptable_advantage = Some(r.acceptable_advantage);
            resp.acceptable_stability = Some(r.acceptable_stability);
            resp.compromise_set = Some(r.compromise_set);
            r.result
        }
        Outcome::Promethee(r) => {
            resp.phi_plus = Some(r.phi_plus);
            resp.phi_minus = Some(r.phi_minus);
            r.result
        }
    };
    resp.preferences = Some(result.preferences);
    resp.ranking = Some(result.ranking);
    Ok(resp)
}

type Resolved = (Vec<f64>, Option<f64>, Option<f64>);

fn resolve_weights(
    obj: &Map<String, Value>,
    matrix: Option<&DecisionMatrix>,
    rescale: bool,
) -> Result<Resolved> {
    let need_matrix = |scheme: &str| -> Result<&DecisionMatrix> {
        matrix.ok_or_else(|| bad("matrix", format!("missing; the `{scheme}` scheme needs it")))
    };
    match obj.get("weights") {
        None | Some(Value::Null) => Err(bad(
            "weights",
            "missing; give an array of numbers or {\"scheme\": ...}",
        )),
        Some(Value::Array(_)) => {
            let w: Vec<f64> = field(obj, "weights")?.unwrap_or_default();
            let n = matrix.map_or(w.len(), DecisionMatrix::columns);
            if rescale {
                Ok((normalize_weights(&w, n)?, None, None))
            } else {
                validate_weights(&w, n)?;
                Ok((w, None, None))
            }
        }
        Some(Value::Object(spec)) => {
            check_keys(spec, SCHEME_FIELDS, "weights")?;
            let scheme: String = field(spec, "weights.scheme")?.ok_or_else(|| {
                bad(
                    "weights.scheme",
                    format!("missing; accepted: {}", SCHEMES.join(", ")),
                )
            })?;
            let ranks =
                |n: usize| -> Result<Vec<usize>> {
                    Ok(field::<Vec<usize>>(spec, "weights.ranks")?
                        .unwrap_or_else(|| (1..=n).collect()))
                };
            let w = match scheme.as_str() {
                "equal" => weights::equal(need_matrix("equal")?.columns())?,
                "entropy" => weights::entropy(need_matrix("entropy")?)?,
                "critic" => weights::critic(need_matrix("critic")?)?,
                "std" => weights::std_dev(need_matrix("std")?)?,
                "roc" => weights::rank_order_centroid(&ranks(need_matrix("roc")?.columns())?)?,
                "rs" => weights::rank_sum(&ranks(need_matrix("rs")?.columns())?)?,
                "rr" => weights::reciprocal_rank(&ranks(need_matrix("rr")?.columns())?)?,
                "swara" => {
                    let s: Vec<f64> = field(spec, "weights.s")?
                        .ok_or_else(|| bad("weights.s", "missing; SWARA needs `s`"))?;
                    let n = matrix.map_or(s.len() + 1, DecisionMatrix::columns);
                    weights::swara(&s, n)?
                }
                "ahp" => {
                    let a: Vec<Vec<f64>> = field(spec, "weights.matrix")?.ok_or_else(|| {
                        bad("weights.matrix", "missing; AHP needs the pairwise matrix")
                    })?;
                    if let Some(m) = matrix {
                        if a.len() != m.columns() {
                            return Err(McdaError::DimensionMismatch {
                                what: "weights.matrix (pairwise comparisons)",
                                expected: m.columns(),
                                found: a.len(),
                            });
                        }
                    }
                    let r = ahp(&a)?;
                    let max_cr: Option<f64> = field(spec, "weights.max_cr")?;
                    let (cr, lambda) = (r.cr, r.lambda_max);
                    let w = match max_cr {
                        Some(t) => r.require_consistent(t)?,
                        None => r.weights,
                    };
                    return Ok((w, cr, Some(lambda)));
                }
                other => {
                    return Err(bad(
                        "weights.scheme",
                        format!("unknown scheme `{other}`; accepted: {}", SCHEMES.join(", ")),
                    ))
                }
            };
            Ok((w, None, None))
        }
        Some(_) => Err(bad(
            "weights",
            "expected an array of numbers or an object {\"scheme\": ...}",
        )),
    }
}

fn compare(c: &Value) -> Result<Response> {
    let Value::Object(obj) = c else {
        return Err(bad(
            "compare",
            "expected an object {\"x\", \"y\", \"metric\"}",
        ));
    };
    check_keys(obj, COMPARE_FIELDS, "compare")?;
    let x: Vec<f64> = field(obj, "compare.x")?.ok_or_else(|| bad("compare.x", "missing"))?;
    let y: Vec<f64> = field(obj, "compare.y")?.ok_or_else(|| bad("compare.y", "missing"))?;
    let metric: Metric = field(obj, "compare.metric")?.ok_or_else(|| {
        bad(
            "compare.metric",
            "missing; accepted: spearman, weighted_spearman, ws, kendall",
        )
    })?;
    let c = match metric {
        Metric::Spearman => correlation::spearman(&x, &y)?,
        Metric::WeightedSpearman => correlation::weighted_spearman(&x, &y)?,
        Metric::Ws => correlation::ws_similarity(&x, &y)?,
        Metric::Kendall => correlation::kendall_tau_b(&x, &y)?,
    };
    Ok(Response {
        coefficient: Some(c),
        ..Response::default()
    })
}
