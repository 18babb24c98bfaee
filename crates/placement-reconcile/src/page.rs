//! The reconciliation as a self-contained HTML page (`placement-report`'s page builder): the
//! summary figures, one table per kind of difference (the model wants a post that does not
//! exist; a post exists that the model does not support) with the deciding rule, its margin
//! and the smallest confirmed changes, the countries that agree, the marking in header and
//! footer, and the provenance (input and rulebook hashes, the actual network).

use placement_core::{Evaluation, Rulebook};
use placement_report::html::{Cell, Page, Table};
use placement_report::Provenance;
use placement_text::Lang;

use crate::reconcile::{Agreement, CountryReconciliation, Reconciliation};
use crate::render::{agreement_text, summary, title, why};

/// The provenance of a reconciliation: the evaluation's, with the actual network and the
/// plan's capacity.
pub(crate) fn provenance(r: &Reconciliation, evaluation: &Evaluation) -> Provenance {
    Provenance::of(evaluation)
        .with("actual network", "werkelijk netwerk", r.network.clone())
        .with(
            "plan capacity",
            "capaciteit van het plan",
            format!("{} liaisons", r.capacity),
        )
}

/// The columns of a table of differences, English and Dutch.
const DIFFERENCE_HEADERS: [(&str, &str); 5] = [
    ("Country", "Land"),
    ("Recommendation", "Aanbeveling"),
    ("Rule or capacity", "Regel of capaciteit"),
    ("Margin", "Marge"),
    ("Smallest confirmed change", "Kleinste bevestigde wijziging"),
];

fn country(lang: Lang, c: &CountryReconciliation) -> String {
    format!(
        "{} {}",
        c.country.as_str(),
        lang.pick(&c.name_en, &c.name_nl)
    )
}

fn recommendation(lang: Lang, c: &CountryReconciliation) -> String {
    c.instrument
        .map_or_else(|| "–".to_string(), |i| lang.instrument(i).to_string())
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// The reconciliation as one self-contained page in `lang`. `evaluation` is the one the plan
/// and the reconciliation were made from (its provenance and marking).
pub fn html(r: &Reconciliation, rules: &Rulebook, evaluation: &Evaluation, lang: Lang) -> String {
    let prov = provenance(r, evaluation);
    let heading = title(r, lang);
    let mut p = Page::new(lang, &heading, lang.marking(prov.marking));
    p.table_layout(Some("72rem"), None).h1(&heading);
    if prov.illustrative {
        p.para(lang.illustrative_notice());
    }
    for s in summary(r, lang) {
        p.para(&s);
    }
    let s = &r.summary;
    let mut t = Table::new(
        lang.pick("Summary", "Samenvatting"),
        [
            lang.pick("Figure", "Kengetal"),
            lang.pick("Value", "Waarde"),
        ],
    );
    let pct = |x: f64| format!("{} %", placement_text::num(lang, 100.0 * x, 0));
    for (label, value) in [
        (
            lang.pick("actual host countries", "werkelijke gastlanden"),
            s.actual_hosts.to_string(),
        ),
        (
            lang.pick("host countries of the plan", "gastlanden van het plan"),
            s.plan_hosts.to_string(),
        ),
        (lang.pick("both", "beide"), s.agree.to_string()),
        (lang.pick("recall", "dekking"), pct(s.recall)),
        (lang.pick("precision", "precisie"), pct(s.precision)),
        (
            lang.pick(
                "actual host countries that deserve a permanent liaison",
                "werkelijke gastlanden die een vaste liaison verdienen",
            ),
            s.actual_hosts_deserving.to_string(),
        ),
    ] {
        t.row([Cell::row_header(label), Cell::num(value)]);
    }
    p.table(&t);
    for kind in [Agreement::ModelWantsPost, Agreement::PostNotSupported] {
        let rows: Vec<&CountryReconciliation> =
            r.countries.iter().filter(|c| c.agreement == kind).collect();
        let caption = format!(
            "{} ({})",
            capitalised(agreement_text(lang, kind)),
            rows.len()
        );
        p.h2(&caption);
        if rows.is_empty() {
            p.para(lang.pick("None.", "Geen."));
            continue;
        }
        let mut t = Table::new(
            caption,
            DIFFERENCE_HEADERS.map(|(en, nl)| lang.pick(en, nl)),
        );
        for c in rows {
            let w = why(lang, rules, c, true);
            let (decided, margin, changes) = match w {
                Some(w) => (
                    w.decided,
                    w.margin.unwrap_or_else(|| "–".into()),
                    [w.change, w.weight].into_iter().flatten().collect(),
                ),
                None => ("–".into(), "–".into(), Vec::new()),
            };
            t.row([
                Cell::row_header(country(lang, c)),
                Cell::text(recommendation(lang, c)),
                Cell::text(decided),
                Cell::text(margin),
                if changes.is_empty() {
                    Cell::text("–")
                } else {
                    Cell::Lines(changes)
                },
            ]);
        }
        p.table(&t);
    }
    let agree: Vec<&CountryReconciliation> = r
        .countries
        .iter()
        .filter(|c| c.agreement == Agreement::Agree)
        .collect();
    let caption = format!(
        "{} ({})",
        lang.pick(
            "Agree: a post in the plan and in reality",
            "Overeenstemming: een post in het plan en in werkelijkheid"
        ),
        agree.len()
    );
    p.h2(&caption);
    let mut t = Table::new(
        caption,
        DIFFERENCE_HEADERS[..2]
            .iter()
            .map(|(en, nl)| lang.pick(en, nl)),
    );
    for c in agree {
        t.row([
            Cell::row_header(country(lang, c)),
            Cell::text(recommendation(lang, c)),
        ]);
    }
    p.table(&t);
    p.provenance(&prov);
    p.finish()
}
