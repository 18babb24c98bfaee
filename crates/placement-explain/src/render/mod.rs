//! Renderers: generated from the explanation (and so from the record and rulebook), never
//! written per country. No I/O, no network.

mod doc;
mod html;
mod json;
mod markdown;
mod ranking;
mod sheet;
mod text;
mod waterfall;

pub use html::{comparison_html, explanation_sections, html, ranking_html, ranking_page};
pub use json::{comparison_json, json};
pub use markdown::{comparison_markdown, markdown};
pub use ranking::{ranking, RankingOptions};
pub use sheet::{ranking_csv, ranking_xlsx};
pub use text::{comparison_text, paragraph, text};
