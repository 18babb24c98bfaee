//! What every report a person forwards needs, in one place: HTML escaping and a
//! self-contained page builder ([`html`]), CSV with RFC 4180 quoting ([`csv`]), XLSX helpers
//! over rust_xlsxwriter ([`xlsx`]), and the provenance every report carries ([`Provenance`]:
//! input and rulebook with their hashes, the classification marking, "illustrative").
//!
//! The renderers of `placement-explain`, `placement-scenario`, `placement-network` and the
//! other output crates build their pages and sheets from these parts, so that every report
//! has the same marking in header and footer, the same provenance and the same accessible
//! tables. No I/O: callers write the results through `placement_core::io::write_atomic`.
//!
//! ```
//! use placement_report::html::{Cell, Page, Table};
//! use placement_text::Lang;
//!
//! let mut page = Page::new(Lang::En, "Scenario", "Unclassified");
//! page.h1("Scenario").para("Two countries change.");
//! let mut t = Table::new("Changes", ["Country", "Score"]);
//! t.row([Cell::row_header("CO Colombia"), Cell::num("84.5")]);
//! page.table(&t);
//! let html = page.finish();
//! assert!(html.contains("<th scope=\"col\">Score</th>"));
//! assert!(html.contains("<footer><p class=\"marking\">Unclassified</p></footer>"));
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(unreachable_pub)]

pub mod csv;
pub mod html;
mod provenance;
#[cfg(feature = "testing")]
pub mod testing;
pub mod xlsx;

pub use html::escape;
pub use provenance::Provenance;
