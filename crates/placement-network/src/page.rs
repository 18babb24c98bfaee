//! The network plan as a self-contained HTML page (`placement-report`'s page builder), in
//! English or Dutch: the solver's status (with the proven gap when a time limit stopped it),
//! the chosen posts with their staffing, cost, value and the countries each covers
//! (accreditations, with their coverage factors), the constraints at the optimum, the best
//! post left out, the uncovered countries, the value curve as a chart (the chosen plan and the
//! 2025 network marked) with its table, the comparisons with the 2025 network, the marking in
//! header and footer and the provenance (input and rulebook hashes). The same words as the
//! text report.
//!
//! ```
//! use placement_core::{AssessmentSet, Engine, Rulebook};
//! use placement_network::analysis::{report, ReportOptions};
//! use placement_network::{build_instance, Constraints, ValueModel, NETWORK_2025};
//! use placement_report::Provenance;
//! use placement_text::Lang;
//!
//! let rules = Rulebook::default_rulebook()?;
//! let evaluation = Engine::new(&rules).evaluate(&AssessmentSet::default_fixture()?)?;
//! let instance = build_instance(&evaluation, "network-2025.json", NETWORK_2025, &ValueModel::default())?;
//! let options = ReportOptions { curve: vec![20, 30], resolve_marginals: false, ..ReportOptions::default() };
//! let r = report(&instance, &Constraints::default(), &options)?;
//! let page = placement_network::page::html(&r, &Provenance::of(&evaluation), Lang::Nl);
//! assert!(page.contains("<h1>Netwerkplan</h1>"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use placement_report::html::{Cell, Page, Table};
use placement_report::Provenance;
use placement_text::{num, Lang};

use crate::analysis::{Comparison, Report};
use crate::svg::value_curve_figure;
use crate::words::{self, n1};

/// The covered countries of a post: code, name and coverage factor, host first.
fn covers(lang: Lang, covers: &[(String, f64)]) -> Vec<String> {
    covers
        .iter()
        .map(|(code, f)| {
            format!(
                "{code} {} ({})",
                words::country_name(lang, code, code),
                num(lang, *f, 2)
            )
        })
        .collect()
}

/// The posts table: post, staffing, 2025, cost, drop loss, re-solved loss, countries covered.
fn posts_table(r: &Report, lang: Lang) -> Table {
    let h = words::post_headers(lang);
    let mut t = Table::new(
        lang.pick(
            "Chosen posts, by value lost without them; the countries each post covers, with their coverage factor (1 = the host with full theme fit)",
            "Gekozen posten, naar waarde die zonder hen verloren gaat; de landen die elke post dekt, met hun dekkingsfactor (1 = het gastland met volledige thematische aansluiting)",
        ),
        [
            h[0],
            h[1],
            h[2],
            lang.pick("cost per year", "kosten per jaar"),
            h[3],
            h[4],
            h[5],
        ],
    );
    for c in &r.posts {
        t.row([
            Cell::row_header(lang.post(&c.post)),
            Cell::text(c.staffing.clone()),
            Cell::text(
                c.existing
                    .clone()
                    .unwrap_or(lang.pick("new", "nieuw").to_string()),
            ),
            Cell::num(words::eur(lang, c.cost)),
            Cell::num(n1(lang, c.drop_loss)),
            Cell::num(c.resolve_loss.map_or("–".to_string(), |x| n1(lang, x))),
            Cell::text(covers(lang, &c.covers).join("; ")),
        ]);
    }
    t
}

/// The value curve as a table (the chart's numbers).
fn curve_table(r: &Report, lang: Lang) -> Table {
    let mut t = Table::new(
        lang.pick(
            "Value curve: value covered by the exact optimum and the greedy plan at each capacity",
            "Waardecurve: gedekte waarde van het exacte optimum en het gretige plan per capaciteit",
        ),
        words::curve_headers(lang),
    );
    let f = |v: Option<f64>| {
        v.map_or(lang.pick("infeasible", "onhaalbaar").to_string(), |x| {
            n1(lang, x)
        })
    };
    for c in &r.curve {
        t.row([
            Cell::row_header(c.capacity.to_string()),
            Cell::num(f(c.exact)),
            Cell::num(f(c.greedy)),
            Cell::num(
                words::curve_gap(c.exact, c.greedy).map_or("–".to_string(), |g| num(lang, g, 2)),
            ),
        ]);
    }
    t
}

/// A section heading: `<h2>`, or `<h3>` when the plan is a section of another page.
fn heading(p: &mut Page, text: &str, sub: bool) {
    if sub {
        p.h3(text);
    } else {
        p.h2(text);
    }
}

/// One comparison with the 2025 network: its summary and a table of the posts that differ.
fn comparison(p: &mut Page, cmp: &Comparison, lang: Lang, sub: bool) {
    heading(p, &words::comparison_heading(lang, cmp), sub);
    p.para(&words::comparison_summary(lang, cmp));
    let mut t = Table::new(
        lang.pick(
            "Posts that differ from the 2025 network",
            "Posten die afwijken van het netwerk van 2025",
        ),
        words::picks(
            lang,
            [
                ("post", "post"),
                ("change", "wijziging"),
                ("2025 → plan", "2025 → plan"),
                ("value", "waarde"),
                ("why", "waarom"),
                ("covers", "dekt"),
            ],
        ),
    );
    for (kind, changes) in words::change_groups(lang, cmp) {
        for c in changes {
            t.row([
                Cell::row_header(lang.post(&c.post)),
                Cell::text(kind),
                Cell::text(format!(
                    "{} → {}",
                    words::staffing_or_none(lang, c.before.as_deref()),
                    words::staffing_or_none(lang, c.after.as_deref())
                )),
                Cell::num(n1(lang, c.value)),
                Cell::text(words::why(lang, &c.why)),
                Cell::text(c.countries.join(" ")),
            ]);
        }
    }
    if !t.is_empty() {
        p.table(&t);
    }
}

/// Adds the plan's sections to `p`: status, chosen posts, constraints, best post left out,
/// uncovered countries, value curve (chart and table), comparisons with the 2025 network. Their
/// headings are `<h2>`, or `<h3>` with `sub` (the plan as a section of another page, such as
/// the `advise` page). For a page of its own see [`html`].
pub fn sections(p: &mut Page, r: &Report, lang: Lang, sub: bool) {
    let l = |en: &'static str, nl: &'static str| lang.pick(en, nl);
    p.para(&lang.shipped_in(&r.title));
    for sentence in words::status(r, lang) {
        p.para(&sentence);
    }
    heading(p, l("Chosen posts", "Gekozen posten"), sub);
    p.table(&posts_table(r, lang));
    heading(
        p,
        l("Constraints at the optimum", "Beperkingen in het optimum"),
        sub,
    );
    p.list(r.binding.iter().map(|b| words::binding(lang, b)));
    heading(
        p,
        l("Best post left out", "Beste post buiten het plan"),
        sub,
    );
    match &r.best_excluded {
        Some(e) => {
            for sentence in words::excluded(lang, e) {
                p.para(&sentence);
            }
        }
        None => {
            p.para(l(
                "Every allowed post is in the plan.",
                "Elke toegestane post zit in het plan.",
            ));
        }
    }
    heading(
        p,
        l(
            "Uncovered countries and regions",
            "Niet gedekte landen en regio's",
        ),
        sub,
    );
    p.para(&words::uncovered(lang, r, 12));
    p.list(words::uncovered_regions(lang, r));
    heading(p, l("Value curve", "Waardecurve"), sub);
    p.figure(&value_curve_figure(r, lang));
    p.table(&curve_table(r, lang));
    for cmp in &r.comparisons {
        comparison(p, cmp, lang, sub);
    }
}

/// The network plan as one self-contained HTML page in `lang`, with `provenance` (the
/// evaluation's input and rulebook hashes, the network file) at the end and its marking in
/// header and footer.
pub fn html(r: &Report, provenance: &Provenance, lang: Lang) -> String {
    let title = lang.pick("Network plan", "Netwerkplan");
    let mut p = Page::new(lang, title, lang.marking(provenance.marking));
    p.table_layout(Some("72rem"), Some("16rem")).h1(title);
    if r.illustrative {
        p.para(lang.illustrative_notice());
    }
    sections(&mut p, r, lang, false);
    p.provenance(provenance);
    p.finish()
}
