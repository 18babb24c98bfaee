//! # placement-scenario
//!
//! Named, stored, comparable **what-if scenarios**: "what if Brexit takes the EU instruments
//! away with the UK", "what if cooperation with a country collapses", "what if the ministry adds
//! capacity". A scenario file names its base (the embedded assessment, an assessment-set file or
//! another scenario), a rulebook, and its changes, each with a source note. Resolution turns it
//! into an assessment set, a rulebook and resources; comparison reports, against the base, which
//! countries changed class, instrument, organisation or rank, and which changes caused it.
//!
//! ```
//! use placement_scenario::{compare, Scenario};
//!
//! let text = r#"
//! [scenario]
//! name = "gb-cooperation-worse"
//! description = "Cooperation with the UK deteriorates"
//! author = "example"
//! date = "2025-11-12"
//!
//! [[override]]
//! country = "GB"
//! criterion = "cooperation_quality"
//! value = 2
//! source = "illustrative: cooperation deteriorates"
//! "#;
//! let scenario = Scenario::parse("example.toml", text, ".".as_ref())?;
//! let diff = compare(&scenario)?;
//! let gb = diff.changed.iter().find(|c| c.country.as_str() == "GB").unwrap();
//! assert_eq!(gb.after.unwrap().instrument, placement_core::Instrument::PermanentLiaison);
//! assert_eq!(gb.causes.single, vec![0]); // the one override did it
//! # Ok::<(), placement_scenario::ScenarioError>(())
//! ```
//!
//! ## Map
//! - [`Scenario`] ([`resolve`]): reading a scenario file and its chain into a base [`State`],
//!   atomic [`Change`]s and the resolved [`State`]; every problem at once ([`error`]).
//! - [`change`]: the changes, each applied on its own or together.
//! - [`expect`]: a file's `[[expect]]` tables, checked against base and scenario.
//! - [`resources`]: capacity, budget and locked or ruled-out posts for the network planner.
//! - [`compare`] ([`attribute`]): evaluation of base and scenario, the differences, and which
//!   changes caused each one (alone, or only jointly).
//! - [`report`]: text, Markdown and JSON renderings and the comparison table; [`html`] and
//!   [`table_html`] the self-contained HTML pages, [`comparison_csv`] and [`comparison_xlsx`]
//!   the spreadsheets (built with `placement-report`).
//! - [`output`]: atomic writing that never overwrites an input.
//!
//! *Architecture invariants*: input files are only read; scoring is placement-core's (this crate
//! never computes a score itself); rendering is separate from the comparison data.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(unreachable_pub)]

mod add;
pub mod attribute;
mod builder;
pub mod change;
mod csv;
pub mod describe;
pub mod error;
pub mod expect;
mod file;
mod locate;
pub mod output;
mod page;
pub mod report;
pub mod resolve;
pub mod resources;
mod sheet;
pub mod table;

pub use attribute::{
    compare, compare_with, Causes, CountryChange, DiffProvenance, Evaluated, ScenarioDiff,
};
pub use change::{Change, ChangeKind, FactChange, Location};
pub use error::{Problem, ProblemCode, ScenarioError};
pub use page::{html, table_html};
pub use resolve::{Scenario, ScenarioMeta, State};
pub use resources::{Budget, Capacity, Posts};
pub use sheet::{comparison_csv, comparison_xlsx};
