//! Weighting schemes and rank correlations.

use numpy::PyArray1;
use placement_mcda::{ahp, correlation, weights};
use pyo3::prelude::*;

use crate::convert::{self, array1, mcda, Matrix, Vector};

type Weights<'py> = PyResult<Bound<'py, PyArray1<f64>>>;

fn ranks(v: Vec<i64>) -> PyResult<Vec<usize>> {
    v.into_iter()
        .map(|r| {
            usize::try_from(r)
                .map_err(|_| convert::err(format!("rank {r} is negative; ranks are 1..=n")))
        })
        .collect()
}

#[pyfunction]
fn equal_weights(py: Python<'_>, n: usize) -> Weights<'_> {
    Ok(array1(py, weights::equal(n).map_err(mcda)?))
}

#[pyfunction]
fn entropy_weights<'py>(py: Python<'py>, matrix: Matrix<'py>) -> Weights<'py> {
    let m = convert::matrix(&matrix)?;
    Ok(array1(
        py,
        py.detach(|| weights::entropy(&m)).map_err(mcda)?,
    ))
}

#[pyfunction]
fn critic_weights<'py>(py: Python<'py>, matrix: Matrix<'py>) -> Weights<'py> {
    let m = convert::matrix(&matrix)?;
    Ok(array1(py, py.detach(|| weights::critic(&m)).map_err(mcda)?))
}

#[pyfunction]
fn std_weights<'py>(py: Python<'py>, matrix: Matrix<'py>) -> Weights<'py> {
    let m = convert::matrix(&matrix)?;
    Ok(array1(
        py,
        py.detach(|| weights::std_dev(&m)).map_err(mcda)?,
    ))
}

#[pyfunction]
fn roc_weights(py: Python<'_>, ranks: Vec<i64>) -> Weights<'_> {
    Ok(array1(
        py,
        weights::rank_order_centroid(&self::ranks(ranks)?).map_err(mcda)?,
    ))
}

#[pyfunction]
fn rs_weights(py: Python<'_>, ranks: Vec<i64>) -> Weights<'_> {
    Ok(array1(
        py,
        weights::rank_sum(&self::ranks(ranks)?).map_err(mcda)?,
    ))
}

#[pyfunction]
fn rr_weights(py: Python<'_>, ranks: Vec<i64>) -> Weights<'_> {
    Ok(array1(
        py,
        weights::reciprocal_rank(&self::ranks(ranks)?).map_err(mcda)?,
    ))
}

#[pyfunction]
#[pyo3(signature = (s, n = None))]
fn swara_weights<'py>(py: Python<'py>, s: Vector<'py>, n: Option<usize>) -> Weights<'py> {
    let s = convert::vector(&s);
    let n = n.unwrap_or(s.len() + 1);
    Ok(array1(py, weights::swara(&s, n).map_err(mcda)?))
}

#[pyfunction]
#[pyo3(signature = (pairwise, max_cr = None))]
fn ahp_weights<'py>(
    py: Python<'py>,
    pairwise: Matrix<'py>,
    max_cr: Option<f64>,
) -> PyResult<(Bound<'py, PyArray1<f64>>, Option<f64>, f64)> {
    let rows: Vec<Vec<f64>> = pairwise
        .as_array()
        .outer_iter()
        .map(|r| r.to_vec())
        .collect();
    let r = ahp::ahp(&rows).map_err(mcda)?;
    let (cr, lambda) = (r.cr, r.lambda_max);
    let w = match max_cr {
        Some(t) => r.require_consistent(t).map_err(mcda)?,
        None => r.weights,
    };
    Ok((array1(py, w), cr, lambda))
}

#[pyfunction]
fn normalize_weights<'py>(py: Python<'py>, weights: Vector<'py>) -> Weights<'py> {
    let w = convert::vector(&weights);
    Ok(array1(
        py,
        placement_mcda::normalize_weights(&w, w.len()).map_err(mcda)?,
    ))
}

fn pair(x: &Vector<'_>, y: &Vector<'_>) -> (Vec<f64>, Vec<f64>) {
    (convert::vector(x), convert::vector(y))
}

#[pyfunction]
fn spearman<'py>(x: Vector<'py>, y: Vector<'py>) -> PyResult<f64> {
    let (x, y) = pair(&x, &y);
    correlation::spearman(&x, &y).map_err(mcda)
}

#[pyfunction]
fn kendall_tau_b<'py>(x: Vector<'py>, y: Vector<'py>) -> PyResult<f64> {
    let (x, y) = pair(&x, &y);
    correlation::kendall_tau_b(&x, &y).map_err(mcda)
}

#[pyfunction]
fn weighted_spearman<'py>(x: Vector<'py>, y: Vector<'py>) -> PyResult<f64> {
    let (x, y) = pair(&x, &y);
    correlation::weighted_spearman(&x, &y).map_err(mcda)
}

#[pyfunction]
fn ws_similarity<'py>(x: Vector<'py>, y: Vector<'py>) -> PyResult<f64> {
    let (x, y) = pair(&x, &y);
    correlation::ws_similarity(&x, &y).map_err(mcda)
}

#[pyfunction]
fn top_k_overlap<'py>(x: Vector<'py>, y: Vector<'py>, k: usize) -> PyResult<f64> {
    let (x, y) = pair(&x, &y);
    correlation::top_k_overlap(&x, &y, k).map_err(mcda)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(equal_weights, m)?)?;
    m.add_function(wrap_pyfunction!(entropy_weights, m)?)?;
    m.add_function(wrap_pyfunction!(critic_weights, m)?)?;
    m.add_function(wrap_pyfunction!(std_weights, m)?)?;
    m.add_function(wrap_pyfunction!(roc_weights, m)?)?;
    m.add_function(wrap_pyfunction!(rs_weights, m)?)?;
    m.add_function(wrap_pyfunction!(rr_weights, m)?)?;
    m.add_function(wrap_pyfunction!(swara_weights, m)?)?;
    m.add_function(wrap_pyfunction!(ahp_weights, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_weights, m)?)?;
    m.add_function(wrap_pyfunction!(spearman, m)?)?;
    m.add_function(wrap_pyfunction!(kendall_tau_b, m)?)?;
    m.add_function(wrap_pyfunction!(weighted_spearman, m)?)?;
    m.add_function(wrap_pyfunction!(ws_similarity, m)?)?;
    m.add_function(wrap_pyfunction!(top_k_overlap, m)?)?;
    Ok(())
}
