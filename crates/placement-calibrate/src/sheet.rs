//! The calibration as data for a spreadsheet (`placement-report`'s CSV and XLSX helpers): the
//! weight and threshold intervals (now, central, lowest, highest as typed numbers), and in the
//! XLSX also every decision (reproduced, shortfall, verdict, margin under the central
//! weighting) and the provenance sheet.

use placement_report::csv::Csv;
use placement_report::xlsx::{workbook, Sheet, XCell, XlsxError};
use placement_report::Provenance;
use placement_text::{num_full, Lang};

use crate::calibrate::{Calibration, Interval};
use crate::render::{decision_row, interval_name, DECISION_HEADERS, INTERVAL_COLUMNS};

/// The columns of the intervals: kind and name, then the values.
fn interval_headers(lang: Lang) -> Vec<&'static str> {
    [("Kind", "Soort"), ("Name", "Naam")]
        .iter()
        .chain(INTERVAL_COLUMNS.iter())
        .map(|(en, nl)| lang.pick(en, nl))
        .collect()
}

fn interval_rows<'a>(
    c: &'a Calibration,
    lang: Lang,
) -> impl Iterator<Item = (&'static str, String, &'a Interval)> + 'a {
    let weight = lang.pick("weight", "gewicht");
    let threshold = lang.pick("threshold", "drempel");
    c.weights
        .iter()
        .map(move |i| (weight, interval_name(lang, i), i))
        .chain(
            c.thresholds
                .iter()
                .map(move |i| (threshold, interval_name(lang, i), i)),
        )
}

/// The weight and threshold intervals as CSV (English: `,` and a decimal point; Dutch: `;`
/// and a decimal comma; numbers at full precision), header row first.
pub fn csv(c: &Calibration, lang: Lang) -> String {
    let mut out = Csv::new(lang);
    out.row(interval_headers(lang));
    let n = |x: f64| num_full(lang, x, 3);
    for (kind, name, i) in interval_rows(c, lang) {
        out.row([
            kind.to_string(),
            name,
            i.current.map_or_else(String::new, n),
            n(i.central),
            n(i.min),
            n(i.max),
        ]);
    }
    out.finish()
}

/// The calibration as an XLSX workbook: the intervals, every decision, and the provenance
/// sheet (typed numbers, header rows and first columns frozen).
///
/// # Errors
/// When the workbook cannot be assembled ([`XlsxError`]; not expected).
pub fn xlsx(c: &Calibration, prov: &Provenance, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut intervals = Sheet::new(
        lang.pick("Intervals", "Intervallen"),
        interval_headers(lang),
    );
    for (kind, name, i) in interval_rows(c, lang) {
        let d = if kind == lang.pick("weight", "gewicht") {
            3
        } else {
            2
        };
        intervals.row([
            XCell::text(kind),
            XCell::Text(name),
            i.current.map_or(XCell::Empty, |x| XCell::Fixed(x, d)),
            XCell::Fixed(i.central, d),
            XCell::Fixed(i.min, d),
            XCell::Fixed(i.max, d),
        ]);
    }
    intervals.freeze_columns(2).width(1, 52.0);
    let mut decisions = Sheet::new(
        lang.pick("Decisions", "Beslissingen"),
        DECISION_HEADERS.map(|(en, nl)| lang.pick(en, nl)),
    );
    for d in &c.decisions {
        decisions.row(decision_row(lang, d, XCell::Text, |x| XCell::Fixed(x, 2)));
    }
    decisions.freeze_columns(1).width(0, 40.0);
    workbook(&[intervals, decisions], prov, lang)
}
