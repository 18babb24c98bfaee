//! SMAA-2, weight sensitivity and the whole `mcda` JSON contract.

use placement_mcda::smaa::{smaa2, SmaaOptions, WeightModel};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::{json, Value};

use crate::convert::{self, array1, array2, err, mcda, Codes, Matrix, Vector};

#[pyfunction]
#[pyo3(signature = (matrix, types, samples = 10_000, seed = 0, normalization = "minmax", weight_lower = None, weight_upper = None, weight_ranks = None))]
#[allow(clippy::too_many_arguments)]
fn smaa<'py>(
    py: Python<'py>,
    matrix: Matrix<'py>,
    types: Codes<'py>,
    samples: u64,
    seed: u64,
    normalization: Option<&str>,
    weight_lower: Option<Vector<'py>>,
    weight_upper: Option<Vector<'py>>,
    weight_ranks: Option<Vec<usize>>,
) -> PyResult<Bound<'py, PyDict>> {
    let m = convert::matrix(&matrix)?;
    let t = convert::types(&types)?;
    let weights = match (weight_lower, weight_upper, weight_ranks) {
        (None, None, None) => WeightModel::UniformSimplex,
        (Some(l), Some(u), None) => WeightModel::Intervals {
            lower: convert::vector(&l),
            upper: convert::vector(&u),
        },
        (None, None, Some(ranks)) => WeightModel::Ordinal { ranks },
        _ => {
            return Err(err(
                "give weight_lower and weight_upper together (intervals), or weight_ranks alone (ordinal), or none (uniform)",
            ))
        }
    };
    let norm = normalization.map(convert::normalization).transpose()?;
    let opts = SmaaOptions {
        samples,
        seed,
        weights,
        ..SmaaOptions::default()
    };
    let r = py
        .detach(|| {
            let u = match norm {
                Some(n) => placement_mcda::normalize(&m, &t, n)?,
                None => {
                    m.check_types(&t)?;
                    m.clone()
                }
            };
            smaa2(&u, &opts)
        })
        .map_err(mcda)?;
    let d = PyDict::new(py);
    d.set_item("acceptability", array2(py, &r.acceptability)?)?;
    d.set_item("central_weights", array2(py, &r.central_weights)?)?;
    d.set_item("confidence", array1(py, r.confidence))?;
    d.set_item("samples", r.samples)?;
    d.set_item("seed", seed)?;
    Ok(d)
}

/// Runs a request of the `mcda` JSON contract (docs/research.md) and returns the response.
fn run(req: &Value) -> PyResult<String> {
    let resp = placement_mcda::request::handle_value(req, &mut |_, _| {}).map_err(mcda)?;
    serde_json::to_string(&resp).map_err(err)
}

#[pyfunction]
#[pyo3(signature = (matrix, weights, types, method = "wsm", k = 1, steps = 100, params = None))]
#[allow(clippy::too_many_arguments)]
fn sensitivity<'py>(
    py: Python<'py>,
    matrix: Matrix<'py>,
    weights: Vector<'py>,
    types: Codes<'py>,
    method: &str,
    k: usize,
    steps: usize,
    params: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let m = convert::matrix(&matrix)?;
    let params: Value = match params {
        Some(p) => serde_json::from_str(&convert::to_json(&p)?).map_err(err)?,
        None => json!({}),
    };
    let codes: Vec<i64> = types.as_array().iter().copied().collect();
    let req = json!({
        "matrix": m.to_rows(),
        "types": codes,
        "weights": convert::vector(&weights),
        "method": method,
        "params": params,
        "sensitivity": {"k": k, "steps": steps},
    });
    let out = py.detach(|| run(&req))?;
    convert::from_json(py, &out)?.get_item("sensitivity")
}

#[pyfunction]
fn request<'py>(py: Python<'py>, request: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = if let Ok(s) = request.extract::<String>() {
        s
    } else {
        convert::to_json(&request)?
    };
    let v: Value = serde_json::from_str(&text)
        .map_err(|e| err(format!("invalid request field `(document)`: {e}")))?;
    let out = py.detach(|| run(&v))?;
    convert::from_json(py, &out)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(smaa, m)?)?;
    m.add_function(wrap_pyfunction!(sensitivity, m)?)?;
    m.add_function(wrap_pyfunction!(request, m)?)?;
    Ok(())
}
