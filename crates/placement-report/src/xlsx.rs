//! XLSX workbooks over rust_xlsxwriter: a [`Sheet`] is a table with a bold header row, typed
//! cells (numbers stay numbers, at full precision, shown with a fixed number of decimals),
//! frozen panes (the header row and the first columns) and column widths; every workbook ends
//! with the provenance sheet ([`add_provenance_sheet`]).
//!
//! ```
//! use placement_report::xlsx::{workbook, Sheet, XCell};
//! use placement_report::Provenance;
//! # let rules = placement_core::Rulebook::default_rulebook().unwrap();
//! # let input = placement_core::AssessmentSet::default_fixture().unwrap();
//! # let evaluation = placement_core::Engine::new(&rules).evaluate(&input).unwrap();
//! use placement_text::Lang;
//!
//! let mut s = Sheet::new("Scores", ["code", "score"]);
//! s.row([XCell::text("CO"), XCell::Fixed(84.51, 1)]);
//! let bytes = workbook(&[s], &Provenance::of(&evaluation), Lang::En).unwrap();
//! assert!(bytes.starts_with(b"PK"));
//! ```

use placement_text::Lang;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

/// The error of the XLSX writer (rust_xlsxwriter's), so callers need not depend on it.
pub use rust_xlsxwriter::XlsxError;

use crate::Provenance;

/// One cell of a [`Sheet`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum XCell {
    /// Text.
    Text(String),
    /// A number in the general format (counts, ranks).
    Number(f64),
    /// A number stored at full precision and shown with this many decimals.
    Fixed(f64, u8),
    /// No value.
    Empty,
}

impl XCell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Self {
        XCell::Text(s.into())
    }
}

/// A worksheet: name, header row, rows, frozen columns and column widths.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    name: String,
    headers: Vec<String>,
    rows: Vec<Vec<XCell>>,
    frozen_columns: u16,
    widths: Vec<(u16, f64)>,
}

impl Sheet {
    /// A sheet with this name (at most 31 characters, no `[]:*?/\`) and header row; the
    /// header row is frozen.
    pub fn new<I, S>(name: impl Into<String>, headers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Sheet {
            name: name.into(),
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
            frozen_columns: 0,
            widths: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: impl IntoIterator<Item = XCell>) -> &mut Self {
        self.rows.push(cells.into_iter().collect());
        self
    }

    /// Freezes the first `n` columns as well as the header row.
    pub fn freeze_columns(&mut self, n: u16) -> &mut Self {
        self.frozen_columns = n;
        self
    }

    /// Sets a column's width (in characters).
    pub fn width(&mut self, column: u16, width: f64) -> &mut Self {
        self.widths.push((column, width));
        self
    }
}

fn decimals_format(d: u8) -> Format {
    let f = if d == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(usize::from(d)))
    };
    Format::new().set_num_format(f)
}

/// Adds `sheet` to the workbook.
///
/// # Errors
/// When rust_xlsxwriter rejects the sheet (e.g. an invalid sheet name).
pub fn add_sheet(wb: &mut Workbook, sheet: &Sheet) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name(&sheet.name)?;
    for (c, h) in sheet.headers.iter().enumerate() {
        ws.write_string_with_format(0, col(c)?, h, &bold)?;
    }
    for (i, r) in sheet.rows.iter().enumerate() {
        let row_n = u32::try_from(i + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, cell) in r.iter().enumerate() {
            let c = col(c)?;
            match cell {
                XCell::Text(t) => {
                    ws.write_string(row_n, c, t)?;
                }
                XCell::Number(x) => {
                    ws.write_number(row_n, c, *x)?;
                }
                XCell::Fixed(x, d) => {
                    ws.write_number_with_format(row_n, c, *x, &decimals_format(*d))?;
                }
                XCell::Empty => {}
            }
        }
    }
    ws.set_freeze_panes(1, sheet.frozen_columns)?;
    for (c, w) in &sheet.widths {
        ws.set_column_width(*c, *w)?;
    }
    Ok(())
}

fn col(c: usize) -> Result<u16, XlsxError> {
    u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)
}

/// Adds the provenance sheet ("Provenance" / "Herkomst"): one bold label and its value per
/// row, as [`Provenance::rows`] gives them.
///
/// # Errors
/// When rust_xlsxwriter rejects a value.
pub fn add_provenance_sheet(
    wb: &mut Workbook,
    p: &Provenance,
    lang: Lang,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name(lang.pick("Provenance", "Herkomst"))?;
    for (i, (k, v)) in p.rows(lang).iter().enumerate() {
        let r = u32::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)?;
        ws.write_string_with_format(r, 0, k, &bold)?;
        ws.write_string(r, 1, v)?;
    }
    ws.set_column_width(0, 18)?;
    ws.set_column_width(1, 70)?;
    Ok(())
}

/// The input's reference date as the workbook's creation date, so that the same input gives
/// the same bytes (the clock would make every file different).
fn as_of(p: &Provenance) -> Option<ExcelDateTime> {
    let mut parts = p.as_of.splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.get(..2)?.parse().ok()?;
    ExcelDateTime::from_ymd(y, m, d).ok()
}

/// A workbook of these sheets followed by the provenance sheet, as bytes. Its document
/// properties carry the input's reference date as creation date, not the clock: the same
/// input gives the same bytes.
///
/// # Errors
/// When rust_xlsxwriter rejects a sheet or cannot assemble the file.
pub fn workbook(sheets: &[Sheet], p: &Provenance, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    if let Some(date) = as_of(p) {
        wb.set_properties(&DocProperties::new().set_creation_datetime(&date));
    }
    for s in sheets {
        add_sheet(&mut wb, s)?;
    }
    add_provenance_sheet(&mut wb, p, lang)?;
    wb.save_to_buffer()
}
