//! The network plan as data for a spreadsheet (`placement-report`'s CSV and XLSX helpers): one
//! row per chosen post with its host, staffing, 2025 staffing, cost, drop loss, re-solved loss
//! and covered countries. The XLSX keeps the numbers typed and adds the accreditations (one row
//! per post and covered country, with the coverage factor), the value curve and the provenance
//! sheet (input and rulebook hashes, marking, "illustrative").
//!
//! ```
//! # use placement_core::{AssessmentSet, Engine, Rulebook};
//! # use placement_network::analysis::{report, ReportOptions};
//! # use placement_network::{build_instance, Constraints, ValueModel, NETWORK_2025};
//! # let rules = Rulebook::default_rulebook()?;
//! # let evaluation = Engine::new(&rules).evaluate(&AssessmentSet::default_fixture()?)?;
//! # let instance = build_instance(&evaluation, "network-2025.json", NETWORK_2025, &ValueModel::default())?;
//! # let options = ReportOptions { curve: vec![30], resolve_marginals: false, ..ReportOptions::default() };
//! # let r = report(&instance, &Constraints::default(), &options)?;
//! use placement_text::Lang;
//! let csv = placement_network::sheet::plan_csv(&r, Lang::Nl);
//! assert!(csv.starts_with("code;post;gastland;bezetting;"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use placement_report::csv::Csv;
use placement_report::xlsx::{workbook, Sheet, XCell, XlsxError};
use placement_report::Provenance;
use placement_text::{num, num_full, Lang};

use crate::analysis::{ChosenPost, Report};
use crate::words;

fn headers(lang: Lang) -> [&'static str; 9] {
    words::picks(
        lang,
        [
            ("code", "code"),
            ("post", "post"),
            ("host country", "gastland"),
            ("staffing", "bezetting"),
            ("staffing 2025", "bezetting 2025"),
            ("cost per year (EUR)", "kosten per jaar (EUR)"),
            ("drop loss", "verlies bij opheffen"),
            ("re-solved loss", "verlies herberekend"),
            ("countries covered", "gedekte landen"),
        ],
    )
}

/// A value of a row: text, an amount in euros, or a value of the plan.
enum V {
    T(String),
    Eur(f64),
    Value(Option<f64>),
}

fn host(c: &ChosenPost) -> &str {
    c.post.split(' ').next().unwrap_or(&c.post)
}

fn row(c: &ChosenPost, lang: Lang) -> [V; 9] {
    let code = host(c);
    [
        V::T(code.to_string()),
        V::T(lang.post(&c.post)),
        V::T(words::country_name(lang, code, code)),
        V::T(c.staffing.clone()),
        V::T(
            c.existing
                .clone()
                .unwrap_or(lang.pick("new", "nieuw").to_string()),
        ),
        V::Eur(c.cost),
        V::Value(Some(c.drop_loss)),
        V::Value(c.resolve_loss),
        V::T(
            c.covers
                .iter()
                .map(|(code, f)| format!("{code} {}", num(lang, *f, 2)))
                .collect::<Vec<_>>()
                .join(" "),
        ),
    ]
}

/// The chosen posts as CSV (English: `,` and a decimal point; Dutch: `;` and a decimal
/// comma; values at full precision), header row first.
pub fn plan_csv(r: &Report, lang: Lang) -> String {
    let mut csv = Csv::new(lang);
    csv.row(headers(lang));
    for c in &r.posts {
        csv.row(row(c, lang).map(|v| match v {
            V::T(t) => t,
            V::Eur(x) => num_full(lang, x, 0),
            V::Value(x) => x.map_or(String::new(), |x| num_full(lang, x, 1)),
        }));
    }
    csv.finish()
}

/// The plan as an XLSX workbook: the chosen posts (typed cells, header row and the first two
/// columns frozen), the accreditations (post, country, coverage factor), the value curve and
/// the provenance sheet.
///
/// # Errors
/// When the workbook cannot be assembled ([`XlsxError`]).
pub fn plan_xlsx(r: &Report, provenance: &Provenance, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut posts = Sheet::new(lang.pick("Plan", "Plan"), headers(lang));
    for c in &r.posts {
        posts.row(row(c, lang).map(|v| match v {
            V::T(t) => XCell::Text(t),
            V::Eur(x) => XCell::Fixed(x, 0),
            V::Value(x) => x.map_or(XCell::Empty, |x| XCell::Fixed(x, 1)),
        }));
    }
    posts.freeze_columns(2);
    for (column, width) in [
        (1, 24.0),
        (2, 26.0),
        (5, 20.0),
        (6, 18.0),
        (7, 18.0),
        (8, 60.0),
    ] {
        posts.width(column, width);
    }
    let mut covers = Sheet::new(
        lang.pick("Accreditations", "Accreditaties"),
        words::picks(
            lang,
            [
                ("post", "post"),
                ("code", "code"),
                ("country", "land"),
                ("host", "gastland"),
                ("coverage factor", "dekkingsfactor"),
            ],
        ),
    );
    for c in &r.posts {
        for (code, f) in &c.covers {
            covers.row([
                XCell::text(lang.post(&c.post)),
                XCell::text(code.clone()),
                XCell::text(words::country_name(lang, code, code)),
                XCell::text(lang.pick(
                    if code == host(c) { "yes" } else { "no" },
                    if code == host(c) { "ja" } else { "nee" },
                )),
                XCell::Fixed(*f, 2),
            ]);
        }
    }
    covers.freeze_columns(1).width(0, 24.0).width(2, 26.0);
    let h = words::curve_headers(lang);
    let mut curve = Sheet::new(lang.pick("Value curve", "Waardecurve"), h);
    for c in &r.curve {
        curve.row([
            XCell::Number(f64::from(c.capacity)),
            c.exact.map_or(XCell::Empty, |x| XCell::Fixed(x, 1)),
            c.greedy.map_or(XCell::Empty, |x| XCell::Fixed(x, 1)),
            words::curve_gap(c.exact, c.greedy).map_or(XCell::Empty, |g| XCell::Fixed(g, 2)),
        ]);
    }
    curve.freeze_columns(1);
    workbook(&[posts, covers, curve], provenance, lang)
}
