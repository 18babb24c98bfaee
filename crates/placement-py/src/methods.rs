//! The aggregation methods, normalisation and ranking, shaped like pymcdm's calls:
//! `topsis(matrix, weights, types, normalization=...)` returns `(preferences, ranking)`.

use numpy::PyArray1;
use placement_mcda::methods::promethee::{
    promethee_ii as promethee, PreferenceFunction, Thresholds,
};
use placement_mcda::methods::{
    copras as copras_m, moora as moora_m, topsis as topsis_m, vikor as vikor_m, wpm as wpm_m,
    wsm as wsm_m,
};
use placement_mcda::rank::Direction;
use placement_mcda::MethodResult;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{self, array1, err, mcda, Codes, Matrix, Vector};

type Ranked<'py> = (Bound<'py, PyArray1<f64>>, Bound<'py, PyArray1<f64>>);

fn ranked(py: Python<'_>, r: MethodResult) -> Ranked<'_> {
    (array1(py, r.preferences), array1(py, r.ranking))
}

/// Runs `f` on the validated problem with the GIL released.
fn solve<'py>(
    py: Python<'py>,
    matrix: &Matrix<'_>,
    weights: &Vector<'_>,
    types: &Codes<'_>,
    f: impl FnOnce(
            &placement_mcda::DecisionMatrix,
            &[f64],
            &[placement_mcda::CriterionType],
        ) -> placement_mcda::Result<MethodResult>
        + Send,
) -> PyResult<Ranked<'py>> {
    let (m, w, t) = (
        convert::matrix(matrix)?,
        convert::vector(weights),
        convert::types(types)?,
    );
    let r = py.detach(|| f(&m, &w, &t)).map_err(mcda)?;
    Ok(ranked(py, r))
}

/// One pyfunction per method, all through [`solve`]: `name(matrix, weights, types)` for
/// methods without parameters, `name(matrix, weights, types, normalization=DEFAULT)` for
/// those that normalise first (`$f(m, w, t, normalization)`).
macro_rules! method {
    ($name:ident, $f:path) => {
        #[pyfunction]
        fn $name<'py>(
            py: Python<'py>,
            matrix: Matrix<'py>,
            weights: Vector<'py>,
            types: Codes<'py>,
        ) -> PyResult<Ranked<'py>> {
            solve(py, &matrix, &weights, &types, $f)
        }
    };
    ($name:ident, $f:path, normalization = $default:literal) => {
        #[pyfunction]
        #[pyo3(signature = (matrix, weights, types, normalization = $default))]
        fn $name<'py>(
            py: Python<'py>,
            matrix: Matrix<'py>,
            weights: Vector<'py>,
            types: Codes<'py>,
            normalization: &str,
        ) -> PyResult<Ranked<'py>> {
            let n = convert::normalization(normalization)?;
            solve(py, &matrix, &weights, &types, |m, w, t| $f(m, w, t, n))
        }
    };
}

method!(wsm, wsm_m::wsm, normalization = "sum");
method!(topsis, topsis_m::topsis_with, normalization = "minmax");
method!(copras, copras_m::copras);
method!(moora, moora_m::moora);

#[pyfunction]
#[pyo3(signature = (matrix, weights, types, normalization = Some("sum")))]
fn wpm<'py>(
    py: Python<'py>,
    matrix: Matrix<'py>,
    weights: Vector<'py>,
    types: Codes<'py>,
    normalization: Option<&str>,
) -> PyResult<Ranked<'py>> {
    match normalization {
        None => solve(py, &matrix, &weights, &types, wpm_m::wpm),
        Some(n) => {
            let n = convert::normalization(n)?;
            solve(py, &matrix, &weights, &types, |m, w, t| {
                wpm_m::wpm_normalized(m, w, t, n)
            })
        }
    }
}

#[pyfunction]
#[pyo3(signature = (matrix, weights, types, v = 0.5))]
fn vikor<'py>(
    py: Python<'py>,
    matrix: Matrix<'py>,
    weights: Vector<'py>,
    types: Codes<'py>,
    v: f64,
) -> PyResult<Ranked<'py>> {
    solve(py, &matrix, &weights, &types, |m, w, t| {
        vikor_m::vikor(m, w, t, v).map(|r| r.result)
    })
}

#[pyfunction]
#[pyo3(signature = (matrix, weights, types, v = 0.5))]
fn vikor_details<'py>(
    py: Python<'py>,
    matrix: Matrix<'py>,
    weights: Vector<'py>,
    types: Codes<'py>,
    v: f64,
) -> PyResult<Bound<'py, PyDict>> {
    let (m, w, t) = (
        convert::matrix(&matrix)?,
        convert::vector(&weights),
        convert::types(&types)?,
    );
    let r = py.detach(|| vikor_m::vikor(&m, &w, &t, v)).map_err(mcda)?;
    let d = PyDict::new(py);
    d.set_item("S", array1(py, r.s))?;
    d.set_item("R", array1(py, r.r))?;
    d.set_item("Q", array1(py, r.q))?;
    d.set_item("ranking", array1(py, r.result.ranking))?;
    d.set_item("acceptable_advantage", r.acceptable_advantage)?;
    d.set_item("acceptable_stability", r.acceptable_stability)?;
    d.set_item("compromise_set", r.compromise_set)?;
    Ok(d)
}

fn preference_function(name: &str) -> PyResult<PreferenceFunction> {
    Ok(match name {
        "usual" => PreferenceFunction::Usual,
        "ushape" => PreferenceFunction::Ushape,
        "vshape" => PreferenceFunction::Vshape,
        "level" => PreferenceFunction::Level,
        "linear" => PreferenceFunction::Linear,
        "gaussian" => PreferenceFunction::Gaussian,
        other => {
            return Err(err(format!(
                "preference_function {other:?} is not known; use \"usual\", \"ushape\", \"vshape\", \"level\", \"linear\" or \"gaussian\""
            )))
        }
    })
}

#[pyfunction]
#[pyo3(signature = (matrix, weights, types, preference_function = "usual", q = None, p = None, s = None))]
#[allow(clippy::too_many_arguments)]
fn promethee_ii<'py>(
    py: Python<'py>,
    matrix: Matrix<'py>,
    weights: Vector<'py>,
    types: Codes<'py>,
    preference_function: &str,
    q: Option<Vector<'py>>,
    p: Option<Vector<'py>>,
    s: Option<Vector<'py>>,
) -> PyResult<Ranked<'py>> {
    let f = self::preference_function(preference_function)?;
    let th = Thresholds {
        q: q.as_ref().map(convert::vector),
        p: p.as_ref().map(convert::vector),
        s: s.as_ref().map(convert::vector),
    };
    solve(py, &matrix, &weights, &types, |m, w, t| {
        promethee(m, w, t, f, &th).map(|r| r.result)
    })
}

#[pyfunction]
#[pyo3(signature = (matrix, types, normalization = "minmax"))]
fn normalize<'py>(
    py: Python<'py>,
    matrix: Matrix<'py>,
    types: Codes<'py>,
    normalization: &str,
) -> PyResult<Bound<'py, numpy::PyArray2<f64>>> {
    let n = convert::normalization(normalization)?;
    let (m, t) = (convert::matrix(&matrix)?, convert::types(&types)?);
    let r = py
        .detach(|| placement_mcda::normalize(&m, &t, n))
        .map_err(mcda)?;
    convert::array2(py, &r.to_rows())
}

#[pyfunction]
#[pyo3(signature = (values, higher_is_better = true))]
fn rank<'py>(
    py: Python<'py>,
    values: Vector<'py>,
    higher_is_better: bool,
) -> Bound<'py, PyArray1<f64>> {
    let v = convert::vector(&values);
    let d = if higher_is_better {
        Direction::HigherIsBetter
    } else {
        Direction::LowerIsBetter
    };
    array1(py, placement_mcda::rank(&v, d))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(wsm, m)?)?;
    m.add_function(wrap_pyfunction!(wpm, m)?)?;
    m.add_function(wrap_pyfunction!(topsis, m)?)?;
    m.add_function(wrap_pyfunction!(vikor, m)?)?;
    m.add_function(wrap_pyfunction!(vikor_details, m)?)?;
    m.add_function(wrap_pyfunction!(promethee_ii, m)?)?;
    m.add_function(wrap_pyfunction!(copras, m)?)?;
    m.add_function(wrap_pyfunction!(moora, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(rank, m)?)?;
    Ok(())
}
