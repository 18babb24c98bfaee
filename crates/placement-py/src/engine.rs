//! The placement engine: evaluate an assessment set under a rulebook, explain a country, and
//! the evaluated set as a decision problem for the classical methods.
//!
//! Inputs: `None` (the embedded fixture / the current rulebook), a `dict` (the file's data),
//! a `str` (the file's text, TOML or JSON) or an `os.PathLike` (a file, `.toml` or `.json`).

use std::path::PathBuf;

use placement_core::{AssessmentSet, Engine, Rulebook};
use placement_explain::{render, Explainer, Lang, Options};
use placement_mcda::placement::PlacementProblem;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::convert::{self, array1, err};

/// A source given from Python, read while holding the GIL.
enum Source {
    Default,
    Path(PathBuf),
    Text(String, &'static str),
}

fn source(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Source> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(Source::Default);
    };
    if obj.is_instance_of::<PyDict>() {
        return Ok(Source::Text(convert::to_json(obj)?, "json"));
    }
    if obj.is_instance_of::<PyString>() {
        let text: String = obj.extract()?;
        let format = if text.trim_start().starts_with('{') {
            "json"
        } else {
            "toml"
        };
        return Ok(Source::Text(text, format));
    }
    if let Ok(p) = obj.extract::<PathBuf>() {
        return Ok(Source::Path(p));
    }
    Err(err(format!(
        "{what}: expected None, a dict, a str holding TOML or JSON, or a path (os.PathLike)"
    )))
}

fn assessment(s: Source) -> Result<AssessmentSet, String> {
    match s {
        Source::Default => AssessmentSet::default_fixture(),
        Source::Path(p) => AssessmentSet::load(&p),
        Source::Text(t, f) => AssessmentSet::parse(&format!("<assessment>.{f}"), &t),
    }
    .map_err(|e| e.to_string())
}

fn rulebook(s: Source, regime: Option<&str>) -> Result<Rulebook, String> {
    match (s, regime) {
        (Source::Default, None) => Rulebook::default_rulebook(),
        (Source::Default, Some(id)) => Rulebook::embedded(id),
        (_, Some(_)) => return Err("give either rules or regime, not both".into()),
        (Source::Path(p), None) => Rulebook::load(&p),
        (Source::Text(t, f), None) => Rulebook::parse(&format!("<rules>.{f}"), &t),
    }
    .map_err(|e| e.to_string())
}

/// Loads both sources (without the GIL).
fn load(a: Source, r: Source, regime: Option<&str>) -> Result<(AssessmentSet, Rulebook), String> {
    Ok((assessment(a)?, rulebook(r, regime)?))
}

fn inputs(
    a: Option<&Bound<'_, PyAny>>,
    r: Option<&Bound<'_, PyAny>>,
) -> PyResult<(Source, Source)> {
    Ok((source(a, "assessment")?, source(r, "rules")?))
}

#[pyfunction]
#[pyo3(signature = (assessment = None, rules = None, regime = None))]
fn evaluate<'py>(
    py: Python<'py>,
    assessment: Option<Bound<'py, PyAny>>,
    rules: Option<Bound<'py, PyAny>>,
    regime: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let (a, r) = inputs(assessment.as_ref(), rules.as_ref())?;
    let json = py
        .detach(|| -> Result<String, String> {
            let (set, rules) = load(a, r, regime.as_deref())?;
            let ev = Engine::new(&rules)
                .evaluate(&set)
                .map_err(|e| e.to_string())?;
            serde_json::to_string(&ev).map_err(|e| e.to_string())
        })
        .map_err(err)?;
    convert::from_json(py, &json)
}

#[pyfunction]
#[pyo3(signature = (country, assessment = None, rules = None, regime = None, lang = "en", format = "json", top = 10))]
#[allow(clippy::too_many_arguments)]
fn explain<'py>(
    py: Python<'py>,
    country: String,
    assessment: Option<Bound<'py, PyAny>>,
    rules: Option<Bound<'py, PyAny>>,
    regime: Option<String>,
    lang: &str,
    format: &str,
    top: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = match lang {
        "en" => Lang::En,
        "nl" => Lang::Nl,
        other => {
            return Err(err(format!(
                "lang {other:?} is not known; use \"en\" or \"nl\""
            )))
        }
    };
    if !["json", "text", "markdown"].contains(&format) {
        return Err(err(format!(
            "format {format:?} is not known; use \"json\", \"text\" or \"markdown\""
        )));
    }
    let (a, r) = inputs(assessment.as_ref(), rules.as_ref())?;
    let format = format.to_string();
    let out = py
        .detach(|| -> Result<String, String> {
            let (set, rules) = load(a, r, regime.as_deref())?;
            let ev = Engine::new(&rules)
                .evaluate(&set)
                .map_err(|e| e.to_string())?;
            let options = Options {
                top_n: top,
                ..Options::default()
            };
            let ex = Explainer::new(&rules, &set, &ev, options).map_err(|e| e.to_string())?;
            let e = ex.explain_code(&country).map_err(|e| e.to_string())?;
            Ok(match format.as_str() {
                "text" => render::text(&e, lang),
                "markdown" => render::markdown(&e, lang),
                _ => render::json(&e),
            })
        })
        .map_err(err)?;
    if format == "json" {
        convert::from_json(py, &out)
    } else {
        Ok(PyString::new(py, &out).into_any())
    }
}

#[pyfunction]
#[pyo3(signature = (assessment = None, rules = None, regime = None))]
fn placement_problem<'py>(
    py: Python<'py>,
    assessment: Option<Bound<'py, PyAny>>,
    rules: Option<Bound<'py, PyAny>>,
    regime: Option<String>,
) -> PyResult<Bound<'py, PyDict>> {
    let (a, r) = inputs(assessment.as_ref(), rules.as_ref())?;
    let p = py
        .detach(|| -> Result<PlacementProblem, String> {
            let (set, rules) = load(a, r, regime.as_deref())?;
            PlacementProblem::evaluate(&set, &rules).map_err(|e| e.to_string())
        })
        .map_err(err)?;
    let d = PyDict::new(py);
    d.set_item("alternatives", p.alternatives.clone())?;
    d.set_item("criteria", p.criterion_ids())?;
    d.set_item(
        "types",
        p.types.iter().map(|t| t.code()).collect::<Vec<_>>(),
    )?;
    d.set_item("matrix", convert::array2(py, &p.matrix.to_rows())?)?;
    d.set_item("weights", array1(py, p.weights.clone()))?;
    d.set_item("scores", array1(py, p.scores.clone()))?;
    d.set_item(
        "utilities",
        convert::array2(py, &p.fixed_scale_utilities().to_rows())?,
    )?;
    Ok(d)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(placement_problem, m)?)?;
    Ok(())
}
