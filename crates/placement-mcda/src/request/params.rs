//! `method` and `params` of a decision request: which parameters apply to which method,
//! their defaults (pymcdm's, see `docs/research.md`), and running the method.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{bad, check_keys, field};
use crate::error::Result;
use crate::matrix::{CriterionType, DecisionMatrix};
use crate::methods::promethee::{promethee_ii, PreferenceFunction, Thresholds};
use crate::methods::vikor::VikorResult;
use crate::methods::{copras, moora, promethee, topsis, vikor, wpm, wsm, MethodResult};
use crate::normalize::Normalization;

/// Aggregation method names of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MethodName {
    /// [`wsm::wsm`].
    Wsm,
    /// [`wpm::wpm_normalized`] (or [`wpm::wpm`] with `normalization: "none"`).
    Wpm,
    /// [`topsis::topsis_with`].
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

impl MethodName {
    /// The name in the contract.
    pub fn name(self) -> &'static str {
        match self {
            MethodName::Wsm => "wsm",
            MethodName::Wpm => "wpm",
            MethodName::Topsis => "topsis",
            MethodName::Vikor => "vikor",
            MethodName::PrometheeIi => "promethee_ii",
            MethodName::Copras => "copras",
            MethodName::Moora => "moora",
        }
    }

    /// The `params` fields that apply to this method.
    pub fn params(self) -> &'static [&'static str] {
        match self {
            MethodName::Wsm | MethodName::Wpm | MethodName::Topsis => &["normalization"],
            MethodName::Vikor => &["v"],
            MethodName::PrometheeIi => &["preference_function", "q", "p", "s"],
            MethodName::Copras | MethodName::Moora => &[],
        }
    }

    /// The default normalisation (pymcdm 1.4.0's): `sum` for WSM and WPM, `minmax` for
    /// TOPSIS; `None` for the methods whose normalisation is part of their definition.
    pub fn default_normalization(self) -> Option<Normalization> {
        match self {
            MethodName::Wsm | MethodName::Wpm => Some(Normalization::Sum),
            MethodName::Topsis => Some(Normalization::MinMax),
            _ => None,
        }
    }

    /// Whether higher preferences are better (all but VIKOR).
    pub fn direction(self) -> crate::rank::Direction {
        match self {
            MethodName::Vikor => crate::rank::Direction::LowerIsBetter,
            _ => crate::rank::Direction::HigherIsBetter,
        }
    }
}

/// `params.normalization`: a [`Normalization`] or `none` (WPM only: the raw product).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NormalizationChoice {
    /// No normalisation (WPM only).
    None,
    /// [`Normalization::MinMax`].
    #[serde(rename = "minmax")]
    MinMax,
    /// [`Normalization::Vector`].
    Vector,
    /// [`Normalization::Sum`].
    Sum,
    /// [`Normalization::Linear`].
    Linear,
}

/// Method parameters, validated against the method (defaults in `docs/research.md`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params {
    /// WSM, WPM, TOPSIS normalisation; `None` = WPM's raw product.
    pub normalization: Option<Normalization>,
    /// VIKOR strategy weight (default 0.5).
    pub v: f64,
    /// PROMETHEE II preference function (default `usual`).
    pub preference_function: Option<PreferenceFunction>,
    /// PROMETHEE thresholds.
    pub thresholds: Thresholds,
}

fn function_params(f: PreferenceFunction) -> &'static [&'static str] {
    match f {
        PreferenceFunction::Usual => &[],
        PreferenceFunction::Ushape => &["q"],
        PreferenceFunction::Vshape => &["p"],
        PreferenceFunction::Level | PreferenceFunction::Linear => &["q", "p"],
        PreferenceFunction::Gaussian => &["s"],
    }
}

const ALL_PARAMS: &[&str] = &["normalization", "v", "preference_function", "q", "p", "s"];

/// Parses `params` for `method`: a parameter of another method is an error naming it.
///
/// # Errors
/// [`crate::McdaError::InvalidRequest`] naming `params.<field>`.
pub fn parse(params: Option<&Value>, method: MethodName) -> Result<Params> {
    let empty = Map::new();
    let obj = match params {
        None | Some(Value::Null) => &empty,
        Some(Value::Object(o)) => o,
        Some(_) => return Err(bad("params", "expected an object")),
    };
    check_keys(obj, ALL_PARAMS, "params")?;
    let accepted = method.params();
    for k in obj.keys() {
        if !accepted.contains(&k.as_str()) {
            let list = if accepted.is_empty() {
                "none".to_string()
            } else {
                accepted.join(", ")
            };
            return Err(bad(
                &format!("params.{k}"),
                format!(
                    "does not apply to {}; parameters of {}: {list}",
                    method.name(),
                    method.name()
                ),
            ));
        }
    }
    let normalization = match field::<NormalizationChoice>(obj, "params.normalization")? {
        None => method.default_normalization(),
        Some(NormalizationChoice::None) if method == MethodName::Wpm => None,
        Some(NormalizationChoice::None) => {
            return Err(bad(
                "params.normalization",
                format!(
                    "`none` applies to wpm only; {} accepts minmax, vector, sum, linear",
                    method.name()
                ),
            ))
        }
        Some(NormalizationChoice::MinMax) => Some(Normalization::MinMax),
        Some(NormalizationChoice::Vector) => Some(Normalization::Vector),
        Some(NormalizationChoice::Sum) => Some(Normalization::Sum),
        Some(NormalizationChoice::Linear) => Some(Normalization::Linear),
    };
    let preference_function: Option<PreferenceFunction> = field(obj, "params.preference_function")?;
    if method == MethodName::PrometheeIi {
        let f = preference_function.unwrap_or(PreferenceFunction::Usual);
        for t in ["q", "p", "s"] {
            if obj.contains_key(t) && !function_params(f).contains(&t) {
                return Err(bad(
                    &format!("params.{t}"),
                    format!(
                        "does not apply to the `{}` preference function (it uses: {})",
                        f.name(),
                        if function_params(f).is_empty() {
                            "no thresholds".to_string()
                        } else {
                            function_params(f).join(", ")
                        }
                    ),
                ));
            }
        }
    }
    Ok(Params {
        normalization,
        v: field(obj, "params.v")?.unwrap_or(0.5),
        preference_function,
        thresholds: Thresholds {
            q: field(obj, "params.q")?,
            p: field(obj, "params.p")?,
            s: field(obj, "params.s")?,
        },
    })
}

/// The result of one method run, with the method-specific extras.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Preferences and ranking only.
    Plain(MethodResult),
    /// VIKOR's S, R, Q and conditions.
    Vikor(VikorResult),
    /// PROMETHEE II's flows.
    Promethee(promethee::PrometheeResult),
}

impl Outcome {
    /// The preferences and ranking.
    pub fn result(&self) -> &MethodResult {
        match self {
            Outcome::Plain(r) => r,
            Outcome::Vikor(v) => &v.result,
            Outcome::Promethee(p) => &p.result,
        }
    }
}

/// Runs `method` with `params` on the problem.
///
/// # Errors
/// Any error of the method.
pub fn run(
    method: MethodName,
    params: &Params,
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
) -> Result<Outcome> {
    let norm = params.normalization.unwrap_or(Normalization::Sum);
    Ok(match method {
        MethodName::Wsm => Outcome::Plain(wsm::wsm(matrix, weights, types, norm)?),
        MethodName::Wpm => Outcome::Plain(match params.normalization {
            Some(n) => wpm::wpm_normalized(matrix, weights, types, n)?,
            None => wpm::wpm(matrix, weights, types)?,
        }),
        MethodName::Topsis => Outcome::Plain(topsis::topsis_with(matrix, weights, types, norm)?),
        MethodName::Copras => Outcome::Plain(copras::copras(matrix, weights, types)?),
        MethodName::Moora => Outcome::Plain(moora::moora(matrix, weights, types)?),
        MethodName::Vikor => Outcome::Vikor(vikor::vikor(matrix, weights, types, params.v)?),
        MethodName::PrometheeIi => Outcome::Promethee(promethee_ii(
            matrix,
            weights,
            types,
            params
                .preference_function
                .unwrap_or(PreferenceFunction::Usual),
            &params.thresholds,
        )?),
    })
}
