//! The reconciliation as data for a spreadsheet (`placement-report`'s CSV and XLSX helpers):
//! one row per country in the plan or the actual network, with its agreement, the engine's
//! recommendation and, for a difference, the deciding rule, the margin (quantity, value,
//! comparison, threshold, distance as typed numbers), the smallest confirmed changes and, where
//! capacity decides, the plan's own numbers. The XLSX adds the provenance sheet.

use placement_core::Evaluation;
use placement_report::csv::Csv;
use placement_report::xlsx::{workbook, Sheet, XCell, XlsxError};
use placement_text::{num_full, Lang};

use crate::page::provenance;
use crate::reconcile::{Cause, CountryReconciliation, Reconciliation};
use crate::render::{agreement_text, criteria_phrase};

/// The column headers, English and Dutch.
const HEADERS: [(&str, &str); 17] = [
    ("code", "code"),
    ("country", "land"),
    ("agreement", "overeenstemming"),
    ("recommendation", "aanbeveling"),
    ("deciding rule", "beslissende regel"),
    ("margin of rule", "marge van regel"),
    ("quantity", "grootheid"),
    ("value", "waarde"),
    ("comparison", "vergelijking"),
    ("threshold", "drempel"),
    ("value − threshold", "waarde − drempel"),
    ("smallest confirmed change", "kleinste bevestigde wijziging"),
    ("weight of", "gewicht van"),
    ("weight now", "gewicht nu"),
    ("weight then", "gewicht dan"),
    ("a post there would add", "een post daar zou toevoegen"),
    ("weakest chosen post adds", "zwakste gekozen post voegt toe"),
];

fn headers(lang: Lang) -> [&'static str; 17] {
    HEADERS.map(|(en, nl)| lang.pick(en, nl))
}

/// A value of a row: text, a number, or nothing.
#[derive(Clone)]
enum V {
    T(String),
    N(f64),
    Empty,
}

/// One row, in the order of [`HEADERS`].
fn row(lang: Lang, c: &CountryReconciliation) -> Vec<V> {
    let t = |s: &str| V::T(s.to_string());
    let mut v = vec![V::Empty; HEADERS.len()];
    v[0] = t(c.country.as_str());
    v[1] = t(lang.pick(&c.name_en, &c.name_nl));
    v[2] = t(agreement_text(lang, c.agreement));
    if let Some(i) = c.instrument {
        v[3] = t(lang.instrument(i));
    }
    match &c.cause {
        Some(Cause::Instrument {
            rule,
            margin,
            change,
            weight_change,
        }) => {
            if let Some(rule) = rule {
                v[4] = t(rule);
            }
            if let Some(m) = margin {
                let shown = if m.holds {
                    m.op
                } else {
                    placement_text::negate(m.op)
                };
                v[5] = t(&m.rule);
                v[6] = V::T(lang.quantity(&m.metric));
                v[7] = V::N(m.value);
                v[8] = t(lang.op(shown));
                v[9] = V::N(m.threshold);
                v[10] = V::N(m.distance);
            }
            if let Some(f) = change {
                v[11] = V::T(criteria_phrase(lang, &f.counterfactual));
            }
            if let Some(w) = weight_change {
                v[12] = t(lang.criterion(w.criterion));
                v[13] = V::N(w.from);
                v[14] = V::N(w.to);
            }
        }
        Some(Cause::Capacity {
            gain_if_added,
            weakest_adds,
            ..
        }) => {
            v[4] = t(lang.pick("capacity", "capaciteit"));
            v[15] = V::N(*gain_if_added);
            v[16] = V::N(*weakest_adds);
        }
        Some(Cause::NotAssessed) => v[4] = t(lang.pick("not assessed", "niet beoordeeld")),
        None => {}
    }
    v
}

/// Every country of the reconciliation as CSV (English: `,` and a decimal point; Dutch: `;`
/// and a decimal comma; numbers at full precision), header row first.
pub fn csv(r: &Reconciliation, lang: Lang) -> String {
    let mut out = Csv::new(lang);
    out.row(headers(lang));
    for c in &r.countries {
        out.row(row(lang, c).into_iter().map(|v| match v {
            V::T(s) => s,
            V::N(x) => num_full(lang, x, 2),
            V::Empty => String::new(),
        }));
    }
    out.finish()
}

/// The reconciliation as an XLSX workbook: one sheet with a row per country (typed numbers,
/// the header row and the first two columns frozen) and the provenance sheet.
///
/// # Errors
/// When the workbook cannot be assembled ([`XlsxError`]; not expected).
pub fn xlsx(r: &Reconciliation, evaluation: &Evaluation, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut sheet = Sheet::new(lang.pick("Reconciliation", "Afstemming"), headers(lang));
    for c in &r.countries {
        sheet.row(row(lang, c).into_iter().map(|v| match v {
            V::T(s) => XCell::Text(s),
            V::N(x) => XCell::Fixed(x, 2),
            V::Empty => XCell::Empty,
        }));
    }
    sheet
        .freeze_columns(2)
        .width(1, 24.0)
        .width(2, 40.0)
        .width(3, 36.0)
        .width(11, 60.0);
    workbook(&[sheet], &provenance(r, evaluation), lang)
}
