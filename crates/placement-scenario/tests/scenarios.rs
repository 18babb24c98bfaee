//! Integration tests of placement-scenario.
//!
//! Module index:
//! - `seeds`: each seed scenario fixture produces the change its seed passage describes, and
//!   every quote it cites (scenarios and fixtures/cases) is verbatim in shared/seeds (fails when
//!   ../shared/seeds is absent; `SEEDS_DIR` points elsewhere). The `[[expect]]` tables of every
//!   fixture are checked by `tests/fixtures.rs`.
//! - `errors`: every kind of invalid input gives a typed, located problem, all at once.
//! - `agree`: cheap single-country attribution agrees with full re-evaluation.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "scenarios/agree.rs"]
mod agree;
#[path = "scenarios/errors.rs"]
mod errors;
#[path = "scenarios/seeds.rs"]
mod seeds;

use std::path::PathBuf;

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/scenarios")
        .join(name)
}
