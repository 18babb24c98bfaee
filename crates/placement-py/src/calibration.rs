//! `calibrate`: which weightings of a weighted sum reproduce documented pairwise decisions
//! ("A before B"), their feasible intervals, each decision's verdict and a minimal conflict;
//! placement-calibrate's LP on a normalised matrix.

use placement_calibrate::{Decision, Group, Options, Problem, Statement};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{self, array1, err, mcda, Codes, Matrix};

/// One side of a decision: a 0-based row index or an alternative's label.
#[derive(FromPyObject)]
enum Alt {
    Index(usize),
    Label(String),
}

fn index(alt: &Alt, labels: &[String], k: usize) -> PyResult<usize> {
    match alt {
        Alt::Index(i) if *i < labels.len() => Ok(*i),
        Alt::Index(i) => Err(err(format!(
            "decisions[{k}]: row {i} is out of range; the matrix has {} rows (0-based)",
            labels.len()
        ))),
        Alt::Label(s) => labels.iter().position(|l| l == s).ok_or_else(|| {
            err(format!(
                "decisions[{k}]: alternative {s:?} is not one of `alternatives`"
            ))
        }),
    }
}

fn names(given: Option<Vec<String>>, n: usize, what: &str) -> PyResult<Vec<String>> {
    match given {
        None => Ok((0..n).map(|i| format!("#{i}")).collect()),
        Some(v) if v.len() == n => Ok(v),
        Some(v) => Err(err(format!(
            "{what} has {} names; the matrix has {n}",
            v.len()
        ))),
    }
}

#[pyfunction]
#[pyo3(signature = (matrix, types, decisions, normalization = "minmax", margin = 0.01, alternatives = None, criteria = None, weights = None))]
#[allow(clippy::too_many_arguments)]
fn calibrate<'py>(
    py: Python<'py>,
    matrix: Matrix<'py>,
    types: Codes<'py>,
    decisions: Vec<(Alt, Alt)>,
    normalization: &str,
    margin: f64,
    alternatives: Option<Vec<String>>,
    criteria: Option<Vec<String>>,
    weights: Option<Vec<f64>>,
) -> PyResult<Bound<'py, PyDict>> {
    let m = convert::matrix(&matrix)?;
    let t = convert::types(&types)?;
    let norm = convert::normalization(normalization)?;
    let alternatives = names(alternatives, m.rows(), "alternatives")?;
    let criteria = names(criteria, m.columns(), "criteria")?;
    if !(margin.is_finite() && margin >= 0.0) {
        return Err(err(format!(
            "margin must be a finite number of points >= 0, got {margin}"
        )));
    }
    let mut statements = Vec::with_capacity(decisions.len());
    for (k, (a, b)) in decisions.iter().enumerate() {
        let (a, b) = (index(a, &alternatives, k)?, index(b, &alternatives, k)?);
        statements.push(Decision {
            label: format!("{} before {}", alternatives[a], alternatives[b]),
            label_nl: Some(format!("{} vóór {}", alternatives[a], alternatives[b])),
            source: format!("decisions[{k}]"),
            statement: Statement::Before { a, b, group: 0 },
        });
    }
    let values = placement_mcda::normalize(&m, &t, norm).map_err(mcda)?;
    let problem = Problem {
        title: format!("weighted sum ({normalization} normalisation)"),
        title_nl: Some(format!("gewogen som ({normalization}-normalisatie)")),
        criteria: criteria.clone(),
        alternatives,
        values: values.to_rows(),
        groups: vec![Group {
            name: "score".into(),
            criteria: (0..criteria.len()).collect(),
        }],
        thresholds: vec![],
        threshold_order: vec![],
        current_weights: weights,
        decisions: statements,
    };
    let c = py
        .detach(|| placement_calibrate::calibrate(&problem, Options { margin }))
        .map_err(err)?;
    let json = serde_json::to_string(&c).map_err(err)?;
    let d: Bound<'py, PyDict> = convert::from_json(py, &json)?.cast_into()?;
    let pick = |f: fn(&placement_calibrate::Interval) -> f64| -> Vec<f64> {
        c.weights.iter().map(f).collect()
    };
    d.set_item("central_weights", array1(py, pick(|i| i.central)))?;
    d.set_item("weights_min", array1(py, pick(|i| i.min)))?;
    d.set_item("weights_max", array1(py, pick(|i| i.max)))?;
    Ok(d)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(calibrate, m)?)?;
    Ok(())
}
