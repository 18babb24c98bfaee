//! The ranked table as data for a spreadsheet: CSV and XLSX (rust_xlsxwriter), with typed
//! numeric cells, a header row, frozen panes, and a provenance sheet (input and rulebook with
//! their hashes, marking, "illustrative").
//!
//! CSV follows the language's spreadsheet convention: English comma-separated with a decimal
//! point, Dutch semicolon-separated with a decimal comma (what a Dutch spreadsheet opens
//! directly). Fields are quoted when they hold the separator, a quote or a line break.

use placement_core::{DecisionRecord, Evaluation};
use placement_text::{num_full, Lang};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

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

fn csv_field(s: &str, sep: char) -> String {
    if s.contains(sep) || s.contains('"') || s.contains('\n') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The ranked table as CSV (header row first), every line ending in a newline. Numbers are
/// written at full precision (up to six decimals).
pub fn ranking_csv(evaluation: &Evaluation, lang: Lang) -> String {
    let sep = lang.pick(",", ";").chars().next().unwrap_or(',');
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| csv_field(c, sep))
            .collect::<Vec<_>>()
            .join(&sep.to_string())
    };
    let mut out = line(headers(lang).iter().map(|h| h.to_string()).collect());
    out.push('\n');
    for r in &evaluation.records {
        let (text, numbers) = row(r, lang);
        let mut cells: Vec<String> = text.to_vec();
        cells.extend(numbers.iter().map(|x| num_full(lang, *x, 1)));
        out.push_str(&line(cells));
        out.push('\n');
    }
    out
}

/// The ranked table as an XLSX workbook: a sheet with the table (typed numbers, a bold header
/// row, the header and the first three columns frozen) and a provenance sheet.
///
/// # Errors
/// When the workbook cannot be assembled ([`XlsxError`]; not expected for valid evaluations).
pub fn ranking_xlsx(evaluation: &Evaluation, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let decimals = Format::new().set_num_format(lang.pick("0.0", "0.0"));
    {
        let ws = wb.add_worksheet();
        ws.set_name(lang.pick("Ranking", "Rangschikking"))?;
        for (c, h) in headers(lang).iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        for (i, r) in evaluation.records.iter().enumerate() {
            let row_n = i as u32 + 1;
            let (text, numbers) = row(r, lang);
            ws.write_number(row_n, 0, r.rank as f64)?;
            for (c, t) in text.iter().enumerate().skip(1) {
                ws.write_string(row_n, c as u16, t)?;
            }
            for (k, x) in numbers.iter().enumerate() {
                ws.write_number_with_format(row_n, 6 + k as u16, *x, &decimals)?;
            }
        }
        ws.set_freeze_panes(1, 3)?;
        ws.set_column_width(2, 28)?;
        ws.set_column_width(4, 40)?;
        ws.set_column_width(5, 30)?;
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name(lang.pick("Provenance", "Herkomst"))?;
        let rows: Vec<(&str, String)> = vec![
            (
                lang.pick("input", "invoer"),
                lang.shipped_text(&evaluation.input.title).to_string(),
            ),
            (
                lang.pick("as of", "peildatum"),
                evaluation.input.as_of.to_string(),
            ),
            (
                lang.pick("input sha256", "invoer sha256"),
                evaluation.input.hash.clone(),
            ),
            (
                lang.pick("rulebook", "regelboek"),
                format!(
                    "{} ({})",
                    evaluation.rulebook.id,
                    lang.rulebook_title(&evaluation.rulebook.id, &evaluation.rulebook.title)
                ),
            ),
            (
                lang.pick("rulebook sha256", "regelboek sha256"),
                evaluation.rulebook.hash.clone(),
            ),
            (
                lang.pick("marking", "rubricering"),
                lang.marking(evaluation.marking).to_string(),
            ),
            (
                lang.pick("status", "status"),
                if evaluation.input.illustrative {
                    lang.illustrative_notice().to_string()
                } else {
                    lang.pick("assessed input", "beoordeelde invoer")
                        .to_string()
                },
            ),
        ];
        for (i, (k, v)) in rows.iter().enumerate() {
            ws.write_string_with_format(i as u32, 0, *k, &bold)?;
            ws.write_string(i as u32, 1, v)?;
        }
        ws.set_column_width(0, 18)?;
        ws.set_column_width(1, 70)?;
    }
    wb.save_to_buffer()
}
