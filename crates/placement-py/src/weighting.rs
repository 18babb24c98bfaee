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

/// `name(matrix)`: an objective scheme computed from the matrix, GIL released.
macro_rules! from_matrix {
    ($name:ident, $f:path) => {
        #[pyfunction]
        fn $name<'py>(py: Python<'py>, matrix: Matrix<'py>) -> Weights<'py> {
            let m = convert::matrix(&matrix)?;
            Ok(array1(py, py.detach(|| $f(&m)).map_err(mcda)?))
        }
    };
}

/// `name(ranks)`: a rank-based scheme from the criteria's importance ranks (1 = most).
macro_rules! from_ranks {
    ($name:ident, $f:path) => {
        #[pyfunction]
        fn $name(py: Python<'_>, ranks: Vec<i64>) -> Weights<'_> {
            Ok(array1(py, $f(&self::ranks(ranks)?).map_err(mcda)?))
        }
    };
}

from_matrix!(entropy_weights, weights::entropy);
from_matrix!(critic_weights, weights::critic);
from_matrix!(std_weights, weights::std_dev);
from_ranks!(roc_weights, weights::rank_order_centroid);
from_ranks!(rs_weights, weights::rank_sum);
from_ranks!(rr_weights, weights::reciprocal_rank);

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

/// `name(x, y)`: a rank correlation of two rankings.
macro_rules! correlation {
    ($name:ident, $f:path) => {
        #[pyfunction]
        fn $name<'py>(x: Vector<'py>, y: Vector<'py>) -> PyResult<f64> {
            let (x, y) = pair(&x, &y);
            $f(&x, &y).map_err(mcda)
        }
    };
}

correlation!(spearman, correlation::spearman);
correlation!(kendall_tau_b, correlation::kendall_tau_b);
correlation!(weighted_spearman, correlation::weighted_spearman);
correlation!(ws_similarity, correlation::ws_similarity);

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
