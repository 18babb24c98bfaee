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
    /// The source in Dutch: the table's `source_nl` (when the row's source is the table's),
    /// with the rescaling in Dutch words for a mapped column.
    pub(crate) source_nl: Option<String>,
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

/// The overrides of one table, read a record at a time ([`Rows::next_row`]); problems are
/// recorded against the CSV file. Only the text and the current record are held.
pub(crate) struct Rows<'a> {
    t: &'a RawTable,
    file: &'a str,
    reader: csv::Reader<'a>,
    header: Vec<String>,
    country_col: usize,
    source_col: Option<usize>,
    columns: Vec<Column>,
    /// The overrides of the current record not yet handed out (in column order, reversed).
    pending: Vec<Row>,
}

impl<'a> Rows<'a> {
    /// Checks the table's CSV and its columns; `None` (with the problems recorded) when no row
    /// can be read.
    pub(crate) fn open(
        t: &'a RawTable,
        file: &'a str,
        text: &'a str,
        problems: &mut Problems,
    ) -> Option<Rows<'a>> {
        let header = csv::check(text, &mut |e| {
            problems.push(
                ProblemCode::Malformed,
                file,
                e.line,
                "",
                format!("malformed CSV: {}", e.message),
            );
        })?;
        let country_name = t.country_column.as_deref().unwrap_or("country");
        let Some(country_col) = csv::column(&header, country_name) else {
            problems.push(
                ProblemCode::Missing,
                file,
                1,
                country_name,
                format!("no {country_name:?} column; name the country column with country_column"),
            );
            return None;
        };
        let source_name = t.source_column.as_deref().unwrap_or("source");
        let source_col = csv::column(&header, source_name);
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
            return None;
        }
        let mut columns: Vec<Column> = Vec::new();
        if t.map.is_empty() {
            for (i, h) in header.iter().enumerate() {
                if i == country_col || Some(i) == source_col {
                    continue;
                }
                columns.push((i, h.trim().to_string(), None));
            }
        } else {
            for m in &t.map {
                let Some(i) = csv::column(&header, &m.column) else {
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
        Some(Rows {
            t,
            file,
            reader: csv::records(text),
            header,
            country_col,
            source_col,
            columns,
            pending: Vec::new(),
        })
    }

    /// The next override, `None` at the end of the file. Cells that are not numbers are
    /// recorded as problems and skipped.
    pub(crate) fn next_row(&mut self, problems: &mut Problems) -> Option<Row> {
        loop {
            if let Some(r) = self.pending.pop() {
                return Some(r);
            }
            let record = self.reader.next_record(&mut |_| {})?;
            self.read(record, problems);
        }
    }

    /// The overrides of one record into `pending`.
    fn read(&mut self, r: csv::Record, problems: &mut Problems) {
        let (t, file) = (self.t, self.file);
        let mapped = !t.map.is_empty();
        let country = r.fields.get(self.country_col).cloned().unwrap_or_default();
        if mapped && placement_core::CountryCode::parse(&country).is_err() {
            return;
        }
        let own = self
            .source_col
            .and_then(|i| r.fields.get(i))
            .filter(|s| !s.is_empty())
            .cloned();
        // The table's Dutch note stands for the table's note only, not a row's own.
        let source_nl = match own {
            Some(_) => None,
            None => t.source_nl.clone().filter(|s| !s.trim().is_empty()),
        };
        let source = own.or_else(|| t.source.clone()).unwrap_or_default();
        for (i, criterion, scale) in &self.columns {
            let cell = r.fields.get(*i).map_or("", String::as_str);
            if cell.is_empty() {
                continue;
            }
            let Some(raw) = number(cell) else {
                problems.push(
                    ProblemCode::Malformed,
                    file,
                    r.line,
                    self.header.get(*i).cloned().unwrap_or_default(),
                    format!(
                        "\"{}\" is not a number",
                        placement_core::error::excerpt(cell)
                    ),
                );
                continue;
            };
            let (value, source, source_nl, note) = match scale {
                None => (raw, source.clone(), source_nl.clone(), None),
                Some(([low, high], invert)) => {
                    let v = rescale(raw, *low, *high, *invert);
                    let col = self.header.get(*i).cloned().unwrap_or_default();
                    let provenance = format!(
                        "{source} (column {col:?} = {raw}, rescaled linearly from [{low}, {high}] to 0-10{})",
                        if *invert { ", reversed" } else { "" }
                    );
                    // Numbers with the decimal comma, exactly as given (no rounding).
                    let c = |x: f64| x.to_string().replace('.', ",");
                    let provenance_nl = format!(
                        "{} (kolom {col:?} = {}, lineair herschaald van [{}; {}] naar 0-10{})",
                        source_nl.as_deref().unwrap_or(&source),
                        c(raw),
                        c(*low),
                        c(*high),
                        if *invert { ", omgekeerd" } else { "" }
                    );
                    (
                        v,
                        provenance,
                        Some(provenance_nl),
                        Some(format!("raw {col} = {raw}")),
                    )
                }
            };
            self.pending.push(Row {
                line: r.line,
                country: country.clone(),
                criterion: criterion.clone(),
                value,
                source,
                source_nl,
                note,
            });
        }
        self.pending.reverse();
    }
}
