//! The JSON contract of the `mcda` example binary (documented in full in
//! `docs/research.md`). The binary only reads the input and prints [`handle_json`]'s output.
//!
//! Three request shapes:
//! * decision problem: `{"matrix", "types", "weights", "method", "params"}` →
//!   `{"preferences", "ranking", "weights", …extras}`;
//! * weighting only (`"weights"` is a scheme object and there is no `"method"`) →
//!   `{"weights"}` (plus `"cr"`, `"lambda_max"` for AHP);
//! * rank comparison: `{"compare": {"x", "y", "metric"}}` → `{"coefficient"}`.
//!
//! Unknown fields and unknown names are errors that name the field and list the accepted
//! values ([`McdaError::InvalidRequest`]).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::ahp::ahp;
use crate::correlation;
use crate::error::{McdaError, Result};
use crate::matrix::{normalize_weights, CriterionType, DecisionMatrix};
use crate::methods::promethee::{promethee_ii, PreferenceFunction, Thresholds};
use crate::methods::{copras, moora, topsis, vikor, wpm, wsm};
use crate::normalize::Normalization;
use crate::weights;

const TOP_FIELDS: &[&str] = &["matrix", "types", "weights", "method", "params"];
const SCHEMES: &[&str] = &[
    "equal", "entropy", "critic", "std", "roc", "rs", "rr", "ahp", "swara",
];
const SCHEME_FIELDS: &[&str] = &["scheme", "matrix", "s", "ranks", "max_cr"];
const COMPARE_FIELDS: &[&str] = &["x", "y", "metric"];

/// Aggregation method names of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MethodName {
    /// [`wsm::wsm`].
    Wsm,
    /// [`wpm::wpm`].
    Wpm,
    /// [`topsis::topsis`].
    Topsis,
    /// [`vikor::vikor`].
    Vikor,
    /// [`promethee_ii`].
    PrometheeIi,
    /// [`copras::copras`].
    Copras,
    /// [`moora::moora`].
    Moora,
}

/// Method parameters (all optional; defaults in `docs/research.md`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// WSM normalisation (default `minmax`) and TOPSIS normalisation (default `vector`).
    pub normalization: Option<Normalization>,
    /// VIKOR strategy weight (default 0.5).
    pub v: Option<f64>,
    /// PROMETHEE II preference function (default `usual`).
    pub preference_function: Option<PreferenceFunction>,
    /// PROMETHEE indifference thresholds.
    pub q: Option<Vec<f64>>,
    /// PROMETHEE preference thresholds.
    pub p: Option<Vec<f64>>,
    /// PROMETHEE Gaussian parameters.
    pub s: Option<Vec<f64>>,
}

pub use crate::correlation::Metric;

/// The response; absent fields are omitted from the JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Response {
    /// Preference values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferences: Option<Vec<f64>>,
    /// Average ranks, 1 = best.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ranking: Option<Vec<f64>>,
    /// Normalised weights used.
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
}

fn bad(field: &str, reason: impl Into<String>) -> McdaError {
    McdaError::InvalidRequest {
        field: field.to_string(),
        reason: reason.into(),
    }
}

fn field<T: for<'de> Deserialize<'de>>(obj: &Map<String, Value>, name: &str) -> Result<Option<T>> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => serde_json::from_value(v.clone())
            .map(Some)
            .map_err(|e| bad(name, e.to_string())),
    }
}

fn check_keys(obj: &Map<String, Value>, accepted: &[&str], path: &str) -> Result<()> {
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
    check_keys(&obj, TOP_FIELDS, "")?;
    let matrix = match field::<Vec<Vec<f64>>>(&obj, "matrix")? {
        Some(rows) => Some(DecisionMatrix::new(rows)?),
        None => None,
    };
    let method: Option<MethodName> = field(&obj, "method")?;
    let params: Params = field(&obj, "params")?.unwrap_or_default();
    let (w, cr, lambda_max) = resolve_weights(&obj, matrix.as_ref())?;
    let Some(method) = method else {
        if matches!(obj.get("weights"), Some(Value::Object(_))) {
            return Ok(Response {
                weights: Some(w),
                cr,
                lambda_max,
                ..Response::default()
            });
        }
        return Err(bad(
            "method",
            "missing; accepted: wsm, wpm, topsis, vikor, promethee_ii, copras, moora \
             (omit it only for a weighting-only request with a weights scheme)",
        ));
    };
    let matrix = matrix.ok_or_else(|| bad("matrix", "missing; required with `method`"))?;
    let codes: Vec<i64> = field(&obj, "types")?.ok_or_else(|| {
        bad(
            "types",
            "missing; one of 1 (benefit) or -1 (cost) per column",
        )
    })?;
    let types = CriterionType::from_codes(&codes)?;
    let mut resp = Response {
        weights: Some(w.clone()),
        cr,
        lambda_max,
        ..Response::default()
    };
    let result = match method {
        MethodName::Wsm => wsm::wsm(
            &matrix,
            &w,
            &types,
            params.normalization.unwrap_or(Normalization::MinMax),
        )?,
        MethodName::Wpm => wpm::wpm(&matrix, &w, &types)?,
        MethodName::Topsis => topsis::topsis_with(
            &matrix,
            &w,
            &types,
            params.normalization.unwrap_or(Normalization::Vector),
        )?,
        MethodName::Copras => copras::copras(&matrix, &w, &types)?,
        MethodName::Moora => moora::moora(&matrix, &w, &types)?,
        MethodName::Vikor => {
            let r = vikor::vikor(&matrix, &w, &types, params.v.unwrap_or(0.5))?;
            resp.s = Some(r.s);
            resp.r = Some(r.r);
            resp.q = Some(r.q);
            resp.acceptable_advantage = Some(r.acceptable_advantage);
            resp.acceptable_stability = Some(r.acceptable_stability);
            resp.compromise_set = Some(r.compromise_set);
            r.result
        }
        MethodName::PrometheeIi => {
            let th = Thresholds {
                q: params.q.clone(),
                p: params.p.clone(),
                s: params.s.clone(),
            };
            let f = params
                .preference_function
                .unwrap_or(PreferenceFunction::Usual);
            let r = promethee_ii(&matrix, &w, &types, f, &th)?;
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

fn resolve_weights(obj: &Map<String, Value>, matrix: Option<&DecisionMatrix>) -> Result<Resolved> {
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
            Ok((normalize_weights(&w, n)?, None, None))
        }
        Some(Value::Object(spec)) => {
            check_keys(spec, SCHEME_FIELDS, "weights")?;
            let scheme: String = field(spec, "scheme")?.ok_or_else(|| {
                bad(
                    "weights.scheme",
                    format!("missing; accepted: {}", SCHEMES.join(", ")),
                )
            })?;
            let ranks = |n: usize| -> Result<Vec<usize>> {
                Ok(field::<Vec<usize>>(spec, "ranks")?.unwrap_or_else(|| (1..=n).collect()))
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
                    let s: Vec<f64> = field(spec, "s")?
                        .ok_or_else(|| bad("weights.s", "missing; SWARA needs `s`"))?;
                    let n = matrix.map_or(s.len() + 1, DecisionMatrix::columns);
                    weights::swara(&s, n)?
                }
                "ahp" => {
                    let a: Vec<Vec<f64>> = field(spec, "matrix")?.ok_or_else(|| {
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
                    let max_cr: Option<f64> = field(spec, "max_cr")?;
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
    let x: Vec<f64> = field(obj, "x")?.ok_or_else(|| bad("compare.x", "missing"))?;
    let y: Vec<f64> = field(obj, "y")?.ok_or_else(|| bad("compare.y", "missing"))?;
    let metric: Metric = field(obj, "metric")
        .map_err(|e| match e {
            McdaError::InvalidRequest { reason, .. } => bad("compare.metric", reason),
            other => other,
        })?
        .ok_or_else(|| {
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
