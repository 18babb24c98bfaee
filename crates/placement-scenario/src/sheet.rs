//! The scenario comparison as data for a spreadsheet (`placement-report`'s CSV and XLSX
//! helpers): one row per country that changed in a scenario, with ranks, classes,
//! instruments, organisations and scores before and after as typed cells, and the
//! attribution (caused by, only jointly, displaced) with the changes it names. The XLSX adds
//! the scenarios' changes, the countries × scenarios overview when there are several, and the
//! provenance sheet (input and rulebook hashes of base and scenario, marking, "illustrative").

use placement_report::csv::Csv;
use placement_report::xlsx::{workbook, Sheet, XCell, XlsxError};
use placement_report::Provenance;
use placement_text::{num_full, Lang};

use crate::attribute::{CountryChange, ScenarioDiff, Snapshot};
use crate::page::provenance;
use crate::report::{table_cell, table_rows};

fn headers(lang: Lang) -> [&'static str; 20] {
    [
        lang.pick("scenario", "scenario"),
        lang.pick("code", "code"),
        lang.pick("country", "land"),
        lang.pick("rank before", "rang voor"),
        lang.pick("rank after", "rang na"),
        lang.pick("class before", "klasse voor"),
        lang.pick("class after", "klasse na"),
        lang.pick("instrument before", "instrument voor"),
        lang.pick("instrument after", "instrument na"),
        lang.pick("organisation before", "organisatie voor"),
        lang.pick("organisation after", "organisatie na"),
        lang.pick("score before", "score voor"),
        lang.pick("score after", "score na"),
        lang.pick("need before", "behoefte voor"),
        lang.pick("need after", "behoefte na"),
        lang.pick("added value before", "meerwaarde voor"),
        lang.pick("added value after", "meerwaarde na"),
        lang.pick("outcome changed", "uitkomst gewijzigd"),
        lang.pick("attribution", "toeschrijving"),
        lang.pick("changes", "wijzigingen"),
    ]
}

/// A value of a row: text, or a number (count or score).
enum V {
    T(String),
    Rank(Option<usize>),
    Score(Option<f64>),
}

/// How the change is attributed, in words, and the changes it names.
fn attribution(diff: &ScenarioDiff, c: &CountryChange, lang: Lang) -> (String, String) {
    let texts = |v: &[usize], sep: &str| {
        v.iter()
            .filter_map(|i| diff.changes.get(*i))
            .map(|ch| lang.pick(&ch.text_en, &ch.text_nl).to_string())
            .collect::<Vec<_>>()
            .join(sep)
    };
    if !c.causes.single.is_empty() {
        (
            lang.pick("caused by", "veroorzaakt door").into(),
            texts(&c.causes.single, "; "),
        )
    } else if !c.causes.jointly.is_empty() {
        (
            lang.pick("only jointly", "alleen gezamenlijk").into(),
            texts(&c.causes.jointly, " + "),
        )
    } else if c.causes.displaced {
        (
            lang.pick("displaced", "verdrongen").into(),
            lang.pick(
                "other countries' scores moved",
                "de scores van andere landen veranderden",
            )
            .into(),
        )
    } else {
        (
            lang.pick(
                "interaction of all changes",
                "samenspel van alle wijzigingen",
            )
            .into(),
            String::new(),
        )
    }
}

fn row(diff: &ScenarioDiff, c: &CountryChange, lang: Lang) -> Vec<V> {
    let (b, a) = (c.before.as_ref(), c.after.as_ref());
    let class =
        |s: Option<&Snapshot>| V::T(s.map_or(String::new(), |s| lang.class(s.class).into()));
    let instrument = |s: Option<&Snapshot>| {
        V::T(s.map_or(String::new(), |s| lang.instrument(s.instrument).into()))
    };
    let org = |s: Option<&Snapshot>| {
        V::T(
            s.and_then(|s| s.organisation)
                .map_or(String::new(), |o| lang.organisation(o).into()),
        )
    };
    let (kind, causes) = attribution(diff, c, lang);
    vec![
        V::T(diff.scenario.clone()),
        V::T(c.country.as_str().into()),
        V::T(lang.pick(&c.name_en, &c.name_nl).into()),
        V::Rank(b.map(|s| s.rank)),
        V::Rank(a.map(|s| s.rank)),
        class(b),
        class(a),
        instrument(b),
        instrument(a),
        org(b),
        org(a),
        V::Score(b.map(|s| s.score)),
        V::Score(a.map(|s| s.score)),
        V::Score(b.map(|s| s.need)),
        V::Score(a.map(|s| s.need)),
        V::Score(b.map(|s| s.added_value)),
        V::Score(a.map(|s| s.added_value)),
        V::T(
            lang.pick(
                if c.outcome_changed { "yes" } else { "no" },
                if c.outcome_changed { "ja" } else { "nee" },
            )
            .into(),
        ),
        V::T(kind),
        V::T(causes),
    ]
}

/// Every changed country of every comparison, as CSV (English: `,` and a decimal point; Dutch:
/// `;` and a decimal comma; numbers at full precision), header row first.
pub fn comparison_csv(diffs: &[ScenarioDiff], lang: Lang) -> String {
    let mut csv = Csv::new(lang);
    csv.row(headers(lang));
    for d in diffs {
        for c in &d.changed {
            csv.row(row(d, c, lang).into_iter().map(|v| match v {
                V::T(t) => t,
                V::Rank(r) => r.map_or(String::new(), |r| r.to_string()),
                V::Score(x) => x.map_or(String::new(), |x| num_full(lang, x, 1)),
            }));
        }
    }
    csv.finish()
}

/// The comparisons as an XLSX workbook: the changed countries (typed cells, header row and
/// the first three columns frozen), the scenarios' changes, the overview of several
/// scenarios, and the provenance sheet.
///
/// # Errors
/// When `diffs` is empty, or the workbook cannot be assembled ([`XlsxError`]).
pub fn comparison_xlsx(diffs: &[ScenarioDiff], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut countries = Sheet::new(lang.pick("Comparison", "Vergelijking"), headers(lang));
    for d in diffs {
        for c in &d.changed {
            countries.row(row(d, c, lang).into_iter().map(|v| match v {
                V::T(t) => XCell::Text(t),
                V::Rank(r) => r.map_or(XCell::Empty, |r| XCell::Number(r as f64)),
                V::Score(x) => x.map_or(XCell::Empty, |x| XCell::Fixed(x, 1)),
            }));
        }
    }
    countries
        .freeze_columns(3)
        .width(0, 24.0)
        .width(2, 26.0)
        .width(7, 30.0)
        .width(8, 30.0)
        .width(18, 20.0)
        .width(19, 60.0);
    let mut changes = Sheet::new(
        lang.pick("Changes", "Wijzigingen"),
        [
            lang.pick("scenario", "scenario"),
            "#",
            lang.pick("change", "wijziging"),
            lang.pick("source", "bron"),
            lang.pick("file", "bestand"),
            lang.pick("line", "regel"),
            lang.pick("evaluated", "doorgerekend"),
        ],
    );
    for d in diffs {
        for (i, c) in d.changes.iter().enumerate() {
            changes.row([
                XCell::text(d.scenario.clone()),
                XCell::Number((i + 1) as f64),
                XCell::text(lang.pick(&c.text_en, &c.text_nl)),
                XCell::text(
                    c.source_in(lang)
                        .map_or(String::new(), |s| lang.cite_seeds(s)),
                ),
                XCell::text(c.file.clone()),
                XCell::Number(c.line as f64),
                XCell::text(lang.pick(
                    if c.affects_evaluation {
                        "yes"
                    } else {
                        "no (for the network planner)"
                    },
                    if c.affects_evaluation {
                        "ja"
                    } else {
                        "nee (voor de netwerkplanner)"
                    },
                )),
            ]);
        }
    }
    changes
        .freeze_columns(2)
        .width(0, 24.0)
        .width(2, 60.0)
        .width(3, 60.0);
    let mut sheets = vec![countries, changes];
    if diffs.len() > 1 {
        let mut heads = vec![
            lang.pick("code", "code").to_string(),
            lang.pick("country", "land").to_string(),
        ];
        heads.extend(diffs.iter().map(|d| d.scenario.clone()));
        let mut overview = Sheet::new(lang.pick("Overview", "Overzicht"), heads);
        for code in table_rows(diffs) {
            let mut cells = vec![
                XCell::text(code.as_str()),
                XCell::text(lang.pick(&code.facts().name_en, &code.facts().name_nl)),
            ];
            cells.extend(diffs.iter().map(|d| XCell::Text(table_cell(d, code, lang))));
            overview.row(cells);
        }
        overview.freeze_columns(2).width(1, 26.0);
        sheets.push(overview);
    }
    workbook(&sheets, &all_provenance(diffs)?, lang)
}

/// The provenance of several comparisons: the first one's, then each further scenario's name
/// and hashes; the marking is the highest of all.
fn all_provenance(diffs: &[ScenarioDiff]) -> Result<Provenance, XlsxError> {
    let first = diffs.first().ok_or_else(|| {
        XlsxError::ParameterError("a workbook needs at least one comparison".into())
    })?;
    let mut p = provenance(first);
    for d in &diffs[1..] {
        p = p
            .with("scenario", "scenario", d.scenario.clone())
            .with(
                "scenario input sha256",
                "scenario-invoer sha256",
                d.provenance.scenario.input.hash.clone(),
            )
            .with(
                "scenario rulebook sha256",
                "scenario-regelboek sha256",
                d.provenance.scenario.rulebook.hash.clone(),
            );
        p.marking = p.marking.max(d.provenance.marking());
        p.illustrative |= d.provenance.scenario.input.illustrative;
    }
    Ok(p)
}
