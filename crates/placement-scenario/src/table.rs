//! `[[table]]`: criterion overrides read from a CSV file.
//!
//! Two shapes. **Direct**: a country column (default `country`), one column per criterion id
//! on the 0–10 scale, and a source column (default `source`) or a table-level `source`.
//! **Mapped**: `[[table.map]]` entries feed a criterion from any numeric column of a public
//! indicator file, rescaled linearly from `from = [low, high]` onto 0–10 (reversed with
//! `invert = true`); the table's `source` and the raw value are recorded as provenance. In the
//! mapped shape rows for countries outside the assessment set are skipped.

use crate::csv;
use crate::error::{ProblemCode, Problems};
use crate::file::RawTable;

/// One override read from a table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub(crate) line: usize,
    pub(crate) country: String,
    pub(crate) criterion: String,
    pub(crate) value: f64,
    pub(crate) source: String,
    pub(crate) note: Option<String>,
}

/// A column read: its index, the criterion it feeds, and the rescaling (`from`, `invert`).
type Column = (usize, String, Option<([f64; 2], bool)>);

/// Parses a number, accepting a decimal comma.
fn number(text: &str) -> Option<f64> {
    let t = text.trim();
    t.parse::<f64>()
        .ok()
        .or_else(|| t.replace(',', ".").parse::<f64>().ok())
        .filter(|v| v.is_finite())
}

/// Linear rescaling of `raw` from `[low, high]` onto 0–10, reversed when `invert`.
pub fn rescale(raw: f64, low: f64, high: f64, invert: bool) -> f64 {
    let x = 10.0 * (raw - low) / (high - low);
    if invert {
        10.0 - x
    } else {
        x
    }
}

/// The overrides of one table; problems are recorded against the CSV file.
pub(crate) fn rows(t: &RawTable, file: &str, text: &str, problems: &mut Problems) -> Vec<Row> {
    let table = match csv::parse(text) {
        Ok(t) => t,
        Err(errors) => {
            for e in errors {
                problems.push(
                    ProblemCode::Malformed,
                    file,
                    e.line,
                    "",
                    format!("malformed CSV: {}", e.message),
                );
            }
            return Vec::new();
        }
    };
    let country_name = t.country_column.as_deref().unwrap_or("country");
    let Some(country_col) = table.column(country_name) else {
        problems.push(
            ProblemCode::Missing,
            file,
            1,
            country_name,
            format!("no {country_name:?} column; name the country column with country_column"),
        );
        return Vec::new();
    };
    let source_name = t.source_column.as_deref().unwrap_or("source");
    let source_col = table.column(source_name);
    if t.source_column.is_some() && source_col.is_none() {
        problems.push(
            ProblemCode::Missing,
            file,
            1,
            source_name,
            format!("no {source_name:?} column"),
        );
    }
    if source_col.is_none() && t.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
        problems.push(ProblemCode::Missing, file, 1, "source", "give a source column or a table-level `source`: it becomes the evidence of every value");
        return Vec::new();
    }
    let mut columns: Vec<Column> = Vec::new();
    if t.map.is_empty() {
        for (i, h) in table.header.iter().enumerate() {
            if i == country_col || Some(i) == source_col {
                continue;
            }
            columns.push((i, h.trim().to_string(), None));
        }
    } else {
        for m in &t.map {
            let Some(i) = table.column(&m.column) else {
                problems.push(
                    ProblemCode::Missing,
                    file,
                    1,
                    m.column.clone(),
                    format!(
                        "no column \"{}\" in the header",
                        placement_core::error::excerpt(&m.column)
                    ),
                );
                continue;
            };
            if !(m.from[0].is_finite() && m.from[1].is_finite()) || m.from[0] == m.from[1] {
                problems.push(
                    ProblemCode::OutOfRange,
                    file,
                    0,
                    format!("map.{}.from", m.column),
                    "`from` must be two different finite numbers [low, high]",
                );
                continue;
            }
            columns.push((i, m.criterion.clone(), Some((m.from, m.invert))));
        }
    }
    let mapped = !t.map.is_empty();
    let mut out = Vec::new();
    for r in &table.records {
        let country = r.fields.get(country_col).cloned().unwrap_or_default();
        if mapped {
            let known = placement_core::CountryCode::parse(&country).is_ok();
            if !known {
                continue;
            }
        }
        let source = source_col
            .and_then(|i| r.fields.get(i))
            .filter(|s| !s.is_empty())
            .cloned()
            .or_else(|| t.source.clone())
            .unwrap_or_default();
        for (i, criterion, scale) in &columns {
            let cell = r.fields.get(*i).map_or("", String::as_str);
            if cell.is_empty() {
                continue;
            }
            let Some(raw) = number(cell) else {
                problems.push(
                    ProblemCode::Malformed,
                    file,
                    r.line,
                    table.header.get(*i).cloned().unwrap_or_default(),
                    format!(
                        "\"{}\" is not a number",
                        placement_core::error::excerpt(cell)
                    ),
                );
                continue;
            };
            let (value, source, note) = match scale {
                None => (raw, source.clone(), None),
                Some(([low, high], invert)) => {
                    let v = rescale(raw, *low, *high, *invert);
                    let col = table.header.get(*i).cloned().unwrap_or_default();
                    let provenance = format!(
                        "{source} (column {col:?} = {raw}, rescaled linearly from [{low}, {high}] to 0-10{})",
                        if *invert { ", reversed" } else { "" }
                    );
                    (v, provenance, Some(format!("raw {col} = {raw}")))
                }
            };
            out.push(Row {
                line: r.line,
                country: country.clone(),
                criterion: criterion.clone(),
                value,
                source,
                note,
            });
        }
    }
    out
}
