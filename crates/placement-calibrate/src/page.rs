//! The calibration as a self-contained HTML page (`placement-report`'s page builder): the fit,
//! the weight and threshold intervals (now, central, lowest and highest consistent value), every
//! decision's verdict and margin, the minimal conflicting set, the decisions a rule decides,
//! the marking in header and footer, and the provenance (input and rulebook hashes).

use placement_report::html::{Cell, Page, Table};
use placement_report::Provenance;
use placement_text::{num, Lang};

use crate::calibrate::{Calibration, Interval};
use crate::engine::RuleDecided;
use crate::render::{
    by_rule_heading, conflict_heading, conflict_labels, decision_row, documented, fit,
    interval_name, not_reproduced, not_reproduced_labels, title, DECISION_HEADERS,
    INTERVAL_COLUMNS,
};

fn intervals(lang: Lang, caption: &str, first: &str, items: &[Interval], digits: usize) -> Table {
    let mut t = Table::new(
        caption,
        std::iter::once(first).chain(INTERVAL_COLUMNS.iter().map(|(en, nl)| lang.pick(en, nl))),
    );
    for i in items {
        t.row([
            Cell::row_header(interval_name(lang, i)),
            Cell::num(
                i.current
                    .map_or_else(|| "–".into(), |c| num(lang, c, digits)),
            ),
            Cell::num(num(lang, i.central, digits)),
            Cell::num(num(lang, i.min, digits)),
            Cell::num(num(lang, i.max, digits)),
        ]);
    }
    t
}

/// The calibration as one self-contained page in `lang`, with the decisions a rule decides
/// and the provenance of the assessment set and rulebook it was made from.
pub fn html(c: &Calibration, by_rule: &[RuleDecided], prov: &Provenance, lang: Lang) -> String {
    let heading = title(c, lang);
    let mut p = Page::new(lang, &heading, lang.marking(prov.marking));
    p.table_layout(Some("64rem"), None).h1(&heading);
    p.para(lang.illustrative_notice());
    p.para(&fit(c, lang));
    let weights = lang.pick("Weights (within each side)", "Gewichten (binnen elke kant)");
    p.h2(weights);
    p.table(&intervals(
        lang,
        weights,
        lang.pick("Criterion (side)", "Criterium (kant)"),
        &c.weights,
        3,
    ));
    if !c.thresholds.is_empty() {
        let t = lang.pick("Thresholds", "Drempels");
        p.h2(t);
        p.table(&intervals(
            lang,
            t,
            lang.pick("Rule and quantity", "Regel en grootheid"),
            &c.thresholds,
            2,
        ));
    }
    let not = not_reproduced_labels(c, lang);
    p.h2(&format!("{} ({})", not_reproduced(lang), not.len()));
    if not.is_empty() {
        p.para(lang.pick("None.", "Geen."));
    } else {
        p.list(not);
    }
    p.h2(conflict_heading(lang));
    if c.conflict.is_empty() {
        p.para(lang.pick(
            "None: every documented decision can be reproduced together.",
            "Geen: alle gedocumenteerde beslissingen zijn samen te reproduceren.",
        ));
    } else {
        p.list(conflict_labels(c, lang));
    }
    let decisions = lang.pick("Every decision", "Alle beslissingen");
    p.h2(decisions);
    let mut t = Table::new(
        decisions,
        DECISION_HEADERS.map(|(en, nl)| lang.pick(en, nl)),
    );
    for d in &c.decisions {
        let [name, yes, shortfall, verdict, margin] =
            decision_row(lang, d, Cell::Text, |x| Cell::num(num(lang, x, 2)));
        let name = match name {
            Cell::Text(n) => Cell::RowHeader(n),
            other => other,
        };
        t.row([name, yes, shortfall, verdict, margin]);
    }
    p.table(&t);
    if !by_rule.is_empty() {
        let h = by_rule_heading(lang);
        p.h2(h);
        let mut t = Table::new(
            h,
            [
                lang.pick("Country", "Land"),
                lang.pick("Documented", "Gedocumenteerd"),
                lang.pick("Deciding rule", "Beslissende regel"),
            ],
        );
        for r in by_rule {
            t.row([
                Cell::row_header(format!(
                    "{} {}",
                    r.country.as_str(),
                    lang.pick(&r.country.facts().name_en, &r.country.facts().name_nl)
                )),
                Cell::text(documented(lang, r)),
                Cell::text(r.rule.clone()),
            ]);
        }
        p.table(&t);
    }
    p.provenance(prov);
    p.finish()
}
