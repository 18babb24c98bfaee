//! `liaison_placement`: the Python package of this workspace (PyO3, abi3).
//!
//! Every function copies its numpy inputs into the crate's validated types, releases the GIL
//! for the computation and returns numpy arrays (or dicts for structured results). Errors
//! are `ValueError`s carrying the Rust crates' messages (which name the row, column, field
//! and value). The Python-facing documentation is in `liaison_placement.pyi` and
//! `docs/python.md`.
#![forbid(unsafe_code)]

mod analysis;
mod calibration;
mod convert;
mod engine;
mod methods;
mod weighting;

use pyo3::prelude::*;

/// The native module.
#[pymodule]
fn liaison_placement(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    methods::register(m)?;
    weighting::register(m)?;
    analysis::register(m)?;
    engine::register(m)?;
    calibration::register(m)?;
    Ok(())
}
