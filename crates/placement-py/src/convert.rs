//! numpy and Python values to and from the crates' types.

use numpy::{AllowTypeChange, PyArray1, PyArray2, PyArrayLike1, PyArrayLike2};
use placement_mcda::{CriterionType, DecisionMatrix, McdaError, Normalization};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// A 2-D array-like of floats (numpy array, list of lists, …).
pub(crate) type Matrix<'py> = PyArrayLike2<'py, f64, AllowTypeChange>;
/// A 1-D array-like of floats.
pub(crate) type Vector<'py> = PyArrayLike1<'py, f64, AllowTypeChange>;
/// A 1-D array-like of integers (criterion types).
pub(crate) type Codes<'py> = PyArrayLike1<'py, i64, AllowTypeChange>;

pub(crate) fn err(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

pub(crate) fn mcda(e: McdaError) -> PyErr {
    err(e)
}

pub(crate) fn matrix(m: &Matrix<'_>) -> PyResult<DecisionMatrix> {
    let a = m.as_array();
    let (rows, cols) = a.dim();
    let data: Vec<f64> = a.iter().copied().collect();
    DecisionMatrix::from_row_major(rows, cols, data).map_err(mcda)
}

pub(crate) fn vector(v: &Vector<'_>) -> Vec<f64> {
    v.as_array().iter().copied().collect()
}

pub(crate) fn types(t: &Codes<'_>) -> PyResult<Vec<CriterionType>> {
    let codes: Vec<i64> = t.as_array().iter().copied().collect();
    CriterionType::from_codes(&codes).map_err(mcda)
}

pub(crate) fn normalization(name: &str) -> PyResult<Normalization> {
    match name {
        "minmax" => Ok(Normalization::MinMax),
        "vector" => Ok(Normalization::Vector),
        "sum" => Ok(Normalization::Sum),
        "linear" => Ok(Normalization::Linear),
        other => Err(err(format!(
            "normalization {other:?} is not known; use \"minmax\", \"vector\", \"sum\" or \"linear\""
        ))),
    }
}

pub(crate) fn array1<'py>(py: Python<'py>, v: Vec<f64>) -> Bound<'py, PyArray1<f64>> {
    PyArray1::from_vec(py, v)
}

pub(crate) fn array2<'py>(
    py: Python<'py>,
    rows: &[Vec<f64>],
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    PyArray2::from_vec2(py, rows).map_err(err)
}

/// A JSON string as Python objects (`json.loads`).
pub(crate) fn from_json<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (text,))
}

/// Python objects as a JSON string (`json.dumps`).
pub(crate) fn to_json(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    obj.py()
        .import("json")?
        .call_method1("dumps", (obj,))?
        .extract()
}
