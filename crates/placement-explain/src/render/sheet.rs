//! The ranked table as data for a spreadsheet: CSV and XLSX, with typed numeric cells, a
//! header row, frozen panes, and a provenance sheet (input and rulebook with their hashes,
//! marking, "illustrative"), built with `placement-report`'s CSV and XLSX helpers.
//!
//! CSV follows the language's spreadsheet convention: English comma-separated with a decimal
//! point, Dutch semicolon-separated with a decimal comma (what a Dutch spreadsheet opens
//! directly). Fields are quoted when they hold the separator, a quote or a line break.

use placement_core::{DecisionRecord, Evaluation};
use placement_report::csv::Csv;
use placement_report::xlsx::{workbook, Sheet, XCell};
use placement_report::Provenance;
use placement_text::{num_full, Lang};
use rust_xlsxwriter::XlsxError;

/// The column headers of the ranked table.
fn headers(lang: Lang) -> [&'static str; 9] {
    [
        lang.pick("rank", "rang"),
        lang.pick("code", "code"),
        lang.pick("country", "land"),
        lang.pick("class", "klasse"),
        lang.pick("instrument", "instrument"),
        lang.pick("organisation", "organisatie"),
        lang.pick("score", "score"),
        lang.pick("need", "behoefte"),
        lang.pick("added value", "meerwaarde"),
    ]
}

/// The text cells of one row (rank to organisation) and its numbers (score, need, added value).
fn row(r: &DecisionRecord, lang: Lang) -> ([String; 6], [f64; 3]) {
    (
        [
            r.rank.to_string(),
            r.country.as_str().to_string(),
            lang.pick(&r.name_en, &r.name_nl).to_string(),
            lang.class(r.class).to_string(),
            lang.instrument(r.instrument).to_string(),
            r.organisation
                .map_or(String::new(), |o| lang.organisation(o).to_string()),
        ],
        [r.score, r.need, r.added_value],
    )
}

/// The ranked table as CSV (header row first), every line ending in a newline. Numbers are
/// written at full precision (up to six decimals).
pub fn ranking_csv(evaluation: &Evaluation, lang: Lang) -> String {
    let mut csv = Csv::new(lang);
    csv.row(headers(lang));
    for r in &evaluation.records {
        let (text, numbers) = row(r, lang);
        let mut cells: Vec<String> = text.to_vec();
        cells.extend(numbers.iter().map(|x| num_full(lang, *x, 1)));
        csv.row(cells);
    }
    csv.finish()
}

/// The ranked table as an XLSX workbook: a sheet with the table (typed numbers, a bold header
/// row, the header and the first three columns frozen) and a provenance sheet.
///
/// # Errors
/// When the workbook cannot be assembled ([`XlsxError`]; not expected for valid evaluations).
pub fn ranking_xlsx(evaluation: &Evaluation, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut sheet = Sheet::new(lang.pick("Ranking", "Rangschikking"), headers(lang));
    for r in &evaluation.records {
        let (text, numbers) = row(r, lang);
        let mut cells = vec![XCell::Number(r.rank as f64)];
        cells.extend(text.into_iter().skip(1).map(XCell::Text));
        cells.extend(numbers.iter().map(|x| XCell::Fixed(*x, 1)));
        sheet.row(cells);
    }
    sheet
        .freeze_columns(3)
        .width(2, 28.0)
        .width(4, 40.0)
        .width(5, 30.0);
    workbook(&[sheet], &Provenance::of(evaluation), lang)
}
