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

fn headers(lang: Lang) -> [&'static str; 17] {
    [
        lang.pick("code", "code"),
        lang.pick("country", "land"),
        lang.pick("agreement", "overeenstemming"),
        lang.pick("recommendation", "aanbeveling"),
        lang.pick("deciding rule", "beslissende regel"),
        lang.pick("margin of rule", "marge van regel"),
        lang.pick("quantity", "grootheid"),
        lang.pick("value", "waarde"),
        lang.pick("comparison", "vergelijking"),
        lang.pick("threshold", "drempel"),
        lang.pick("value − threshold", "waarde − drempel"),
        lang.pick("smallest confirmed change", "kleinste bevestigde wijziging"),
        lang.pick("weight of", "gewicht van"),
        lang.pick("weight now", "gewicht nu"),
        lang.pick("weight then", "gewicht dan"),
        lang.pick("a post there would add", "een post daar zou toevoegen"),
        lang.pick("weakest chosen post adds", "zwakste gekozen post voegt toe"),
    ]
}

/// A value of a row: text or a number.
enum V {
    T(String),
    N(Option<f64>),
}

fn row(lang: Lang, c: &CountryReconciliation) -> Vec<V> {
    let t = |s: &str| V::T(s.to_string());
    let mut v = vec![
        t(c.country.as_str()),
        t(lang.pick(&c.name_en, &c.name_nl)),
        t(agreement_text(lang, c.agreement)),
        V::T(
            c.instrument
                .map_or_else(String::new, |i| lang.instrument(i).to_string()),
        ),
    ];
    let empty = || V::T(String::new());
    match &c.cause {
        Some(Cause::Instrument {
            rule,
            margin,
            change,
            weight_change,
        }) => {
            v.push(V::T(rule.clone().unwrap_or_default()));
            match margin {
                Some(m) => v.extend([
                    V::T(m.rule.clone()),
                    V::T(lang.quantity(&m.metric)),
                    V::N(Some(m.value)),
                    V::T(
                        lang.op(if m.holds {
                            m.op
                        } else {
                            placement_text::negate(m.op)
                        })
                        .into(),
                    ),
                    V::N(Some(m.threshold)),
                    V::N(Some(m.distance)),
                ]),
                None => v.extend([
                    empty(),
                    empty(),
                    V::N(None),
                    empty(),
                    V::N(None),
                    V::N(None),
                ]),
            }
            v.push(V::T(change.as_ref().map_or_else(String::new, |f| {
                criteria_phrase(lang, &f.counterfactual)
            })));
            match weight_change {
                Some(w) => v.extend([
                    V::T(lang.criterion(w.criterion).into()),
                    V::N(Some(w.from)),
                    V::N(Some(w.to)),
                ]),
                None => v.extend([empty(), V::N(None), V::N(None)]),
            }
            v.extend([V::N(None), V::N(None)]);
        }
        Some(Cause::Capacity {
            gain_if_added,
            weakest_adds,
            ..
        }) => {
            v.push(t(lang.pick("capacity", "capaciteit")));
            v.extend([
                empty(),
                empty(),
                V::N(None),
                empty(),
                V::N(None),
                V::N(None),
            ]);
            v.extend([empty(), empty(), V::N(None), V::N(None)]);
            v.extend([V::N(Some(*gain_if_added)), V::N(Some(*weakest_adds))]);
        }
        Some(Cause::NotAssessed) => {
            v.push(t(lang.pick("not assessed", "niet beoordeeld")));
            v.extend([
                empty(),
                empty(),
                V::N(None),
                empty(),
                V::N(None),
                V::N(None),
            ]);
            v.extend([
                empty(),
                empty(),
                V::N(None),
                V::N(None),
                V::N(None),
                V::N(None),
            ]);
        }
        None => {
            v.extend([
                empty(),
                empty(),
                empty(),
                V::N(None),
                empty(),
                V::N(None),
                V::N(None),
            ]);
            v.extend([
                empty(),
                empty(),
                V::N(None),
                V::N(None),
                V::N(None),
                V::N(None),
            ]);
        }
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
            V::N(x) => x.map_or_else(String::new, |x| num_full(lang, x, 2)),
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
            V::T(s) if s.is_empty() => XCell::Empty,
            V::T(s) => XCell::Text(s),
            V::N(Some(x)) => XCell::Fixed(x, 2),
            V::N(None) => XCell::Empty,
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
