//! The scenario reports a person forwards, as they meet them: the HTML pages rendered in
//! headless Chromium (`placement_report::testing::check_page`: no request leaves the file, no
//! console error, key texts in the DOM, screenshot under `target/html-screenshots/`) in English
//! and Dutch, for one scenario and for the multi-scenario table; the XLSX read back with
//! calamine (typed cells, header row, provenance sheet with the hashes of base and scenario);
//! the CSV parsed back, Dutch without raw ids or English words.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::PathBuf;

use calamine::{Data, Reader, Xlsx};
use placement_report::testing::{check_page_in, csv_fields as fields, dom_escape};
use placement_scenario::{compare, comparison_csv, comparison_xlsx, Scenario, ScenarioDiff};
use placement_text::Lang;

/// What the scenarios' authors wrote that is shown as written in any language (names, files):
/// the page's own words are checked, not theirs. The descriptions and source notes of the
/// shipped scenarios have Dutch texts (`description_nl`, `source_nl`), so they are checked too.
/// (English pages still show the English author text as written, raw ids in it included.)
fn author(diffs: &[&ScenarioDiff], lang: Lang) -> String {
    diffs
        .iter()
        .flat_map(|d| {
            let names = [&d.scenario, &d.base_name].map(|s| s.as_str());
            let written = (lang == Lang::En)
                .then(|| {
                    std::iter::once(d.description.as_str())
                        .chain(d.changes.iter().filter_map(|c| c.source.as_deref()))
                })
                .into_iter()
                .flatten();
            let changes = d.changes.iter().map(|c| c.file.as_str()).chain(written);
            names
                .into_iter()
                .chain(d.chain.iter().map(String::as_str))
                .chain(changes)
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn diff(name: &str) -> ScenarioDiff {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/scenarios")
        .join(name);
    compare(&Scenario::load(&p).unwrap()).unwrap()
}

const SEEDS: [&str; 5] = [
    "eu-phase-out-2013.toml",
    "phenomenon-approach-2019.toml",
    "coalition-capacity-2018.toml",
    "russia-withdrawal-2022.toml",
    "brexit-2019.toml",
];

#[test]
fn one_scenario_renders_in_chromium_in_both_languages() {
    let d = diff("russia-withdrawal-2022.toml");
    let ru = d.country("RU").expect("RU changes");
    assert!(ru.outcome_changed);
    let base_hash = d.provenance.base.input.hash.clone();
    let scen_hash = d.provenance.scenario.input.hash.clone();
    let nl = placement_scenario::html(&d, Lang::Nl);
    let change = dom_escape(&d.changes[0].text_nl);
    check_page_in(
        "what-if-russia-nl",
        &nl,
        &[
            "<title>Scenario russia-withdrawal-2022</title>",
            "<header><p class=\"marking\">Ongerubriceerd</p></header>",
            "<footer><p class=\"marking\">Ongerubriceerd</p></footer>",
            "<h2>Wijzigingen</h2>",
            "<th scope=\"col\">Waarom</th>",
            "<th scope=\"row\">RU Rusland</th>",
            "non-operationele samenwerking",
            &change,
            "<h2>Herkomst</h2>",
            &base_hash,
            &scen_hash,
        ],
        Lang::Nl,
        &author(&[&d], Lang::Nl),
    );
    let en = placement_scenario::html(&d, Lang::En);
    check_page_in(
        "what-if-russia-en",
        &en,
        &[
            "lang=\"en\"",
            "<h2>Changes</h2>",
            "<th scope=\"row\">RU Russia</th>",
            "caused by",
            "<dt>base input sha256</dt>",
        ],
        Lang::En,
        &author(&[&d], Lang::En),
    );
}

#[test]
fn the_scenario_table_renders_in_chromium_in_both_languages() {
    let diffs: Vec<ScenarioDiff> = SEEDS.iter().map(|n| diff(n)).collect();
    for lang in Lang::ALL {
        let html = placement_scenario::table_html(&diffs, lang);
        let heads: Vec<String> = diffs
            .iter()
            .map(|d| format!("<th scope=\"col\">{}</th>", d.scenario))
            .collect();
        let mut texts: Vec<&str> = heads.iter().map(String::as_str).collect();
        texts.push(lang.pick(
            "<h1>Scenarios compared</h1>",
            "<h1>Scenario's vergeleken</h1>",
        ));
        texts.push(lang.pick(
            "<th scope=\"row\">GR Greece</th>",
            "<th scope=\"row\">GR Griekenland</th>",
        ));
        texts.push(lang.pick("caused by", "veroorzaakt door"));
        texts.push(lang.pick("<h3>Provenance</h3>", "<h3>Herkomst</h3>"));
        let all: Vec<&ScenarioDiff> = diffs.iter().collect();
        check_page_in(
            &format!("what-if-table-{}", lang.id()),
            &html,
            &texts,
            lang,
            &author(&all, lang),
        );
    }
}

#[test]
fn the_workbook_has_typed_cells_and_the_provenance_of_base_and_scenario() {
    let diffs: Vec<ScenarioDiff> = SEEDS.iter().map(|n| diff(n)).collect();
    for (lang, sheets) in [
        (
            Lang::En,
            ["Comparison", "Changes", "Overview", "Provenance"],
        ),
        (
            Lang::Nl,
            ["Vergelijking", "Wijzigingen", "Overzicht", "Herkomst"],
        ),
    ] {
        let bytes = comparison_xlsx(&diffs, lang).unwrap();
        assert_eq!(
            bytes,
            comparison_xlsx(&diffs, lang).unwrap(),
            "deterministic"
        );
        let mut wb = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(wb.sheet_names(), sheets.map(String::from).to_vec());
        let t = wb.worksheet_range(sheets[0]).unwrap();
        assert_eq!(
            t.get_value((0, 11)),
            Some(&Data::String(
                lang.pick("score before", "score voor").into()
            ))
        );
        let rows: usize = diffs.iter().map(|d| d.changed.len()).sum();
        assert_eq!(
            t.height(),
            rows + 1,
            "a header row and one row per changed country"
        );
        let mut r = 1;
        for d in &diffs {
            for c in &d.changed {
                assert_eq!(t.get_value((r, 0)), Some(&Data::String(d.scenario.clone())));
                assert_eq!(
                    t.get_value((r, 1)),
                    Some(&Data::String(c.country.as_str().into()))
                );
                if let (Some(b), Some(a)) = (c.before, c.after) {
                    assert_eq!(t.get_value((r, 3)), Some(&Data::Float(b.rank as f64)));
                    assert_eq!(t.get_value((r, 4)), Some(&Data::Float(a.rank as f64)));
                    assert_eq!(t.get_value((r, 11)), Some(&Data::Float(b.score)));
                    assert_eq!(t.get_value((r, 12)), Some(&Data::Float(a.score)));
                }
                r += 1;
            }
        }
        let p = wb.worksheet_range(sheets[3]).unwrap();
        let prov: Vec<(String, String)> = p
            .rows()
            .map(|r| (r[0].to_string(), r[1].to_string()))
            .collect();
        let has = |v: &str| prov.iter().any(|(_, x)| x == v);
        for d in &diffs {
            assert!(has(&d.provenance.scenario.input.hash), "{}", d.scenario);
            assert!(has(&d.scenario), "{}", d.scenario);
        }
        assert!(has(&diffs[0].provenance.base.input.hash));
        assert!(has(&diffs[0].provenance.base.rulebook.hash));
        assert!(prov
            .iter()
            .any(|(k, v)| k == lang.pick("marking", "rubricering") && !v.is_empty()));
    }
    // One scenario: no overview sheet.
    let one = comparison_xlsx(&diffs[..1], Lang::En).unwrap();
    let wb = Xlsx::new(std::io::Cursor::new(one)).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["Comparison", "Changes", "Provenance"]
            .map(String::from)
            .to_vec()
    );
}

#[test]
fn the_csv_has_one_row_per_changed_country_and_dutch_is_dutch() {
    let diffs: Vec<ScenarioDiff> = SEEDS.iter().map(|n| diff(n)).collect();
    let en = comparison_csv(&diffs, Lang::En);
    let lines: Vec<&str> = en.lines().collect();
    assert_eq!(
        lines.len(),
        1 + diffs.iter().map(|d| d.changed.len()).sum::<usize>()
    );
    for l in &lines {
        assert_eq!(fields(l, ',').len(), 20, "{l}");
    }
    let nl = comparison_csv(&diffs, Lang::Nl);
    let mut ours = String::new();
    for l in nl.lines() {
        let f = fields(l, ';');
        assert_eq!(f.len(), 20, "{l}");
        // Scores with a decimal comma, never a point.
        for x in &f[11..17] {
            assert!(!x.contains('.'), "decimal point in {x:?}: {l}");
        }
        ours.push_str(&f[2..].join(" ; "));
        ours.push('\n');
    }
    assert!(
        placement_text::raw_ids(&ours).is_empty(),
        "{:?}",
        placement_text::raw_ids(&ours)
    );
    assert!(
        placement_text::english_words(&ours).is_empty(),
        "{:?}",
        placement_text::english_words(&ours)
    );
}

/// Every fixture scenario's text report, alone and all together in the comparison table, fits
/// 100 columns in English and Dutch; `--wide` (render_wide, table_wide) keeps the long lines.
#[test]
fn text_reports_fit_100_columns_unless_wide() {
    use placement_scenario::report::{render, render_wide, table, table_wide, Format};
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/scenarios");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    names.sort();
    assert!(names.len() >= 10);
    let diffs: Vec<ScenarioDiff> = names
        .iter()
        .map(|p| compare(&Scenario::load(p).unwrap()).unwrap())
        .collect();
    let mut longest_wide = 0;
    for lang in Lang::ALL {
        let mut texts: Vec<(String, String)> = diffs
            .iter()
            .map(|d| (d.scenario.clone(), render(d, Format::Text, lang)))
            .collect();
        texts.push(("table".into(), table(&diffs, Format::Text, lang)));
        for (name, text) in &texts {
            for l in text.lines() {
                assert!(
                    l.chars().count() <= placement_text::WIDTH,
                    "{name} ({}): {} columns: {l}",
                    lang.id(),
                    l.chars().count()
                );
            }
        }
        // Nothing is lost: every scenario column and every row of the table is still there.
        let t = table(&diffs, Format::Text, lang);
        for d in &diffs {
            assert!(t.contains(&d.scenario), "{}", d.scenario);
            for c in d.changed.iter().filter(|c| c.outcome_changed) {
                assert!(t.lines().any(|l| l.starts_with(c.country.as_str())));
            }
        }
        let wide = diffs
            .iter()
            .map(|d| render_wide(d, Format::Text, lang))
            .chain([table_wide(&diffs, Format::Text, lang)]);
        for w in wide {
            longest_wide =
                longest_wide.max(w.lines().map(|l| l.chars().count()).max().unwrap_or(0));
        }
    }
    assert!(
        longest_wide > placement_text::WIDTH,
        "--wide gives the full lines"
    );
}

/// A scenario's Dutch texts (`description_nl`, `source_nl`) are what a Dutch page shows, the
/// texts as written what an English one shows; without them a Dutch page shows the texts as
/// written. Every shipped scenario has its Dutch texts.
#[test]
fn dutch_author_texts_are_shown_in_dutch_and_the_given_text_otherwise() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/scenarios");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let d = compare(&Scenario::load(&p).unwrap()).unwrap();
        let nl = d.description_nl.clone().expect("description_nl");
        assert_eq!(d.description_in(Lang::Nl), nl);
        assert_eq!(d.description_in(Lang::En), d.description);
        for c in &d.changes {
            assert_eq!(
                c.source.is_some(),
                c.source_nl.is_some(),
                "{}:{}",
                c.file,
                c.line
            );
        }
        let page = placement_scenario::html(&d, Lang::Nl);
        assert!(
            page.contains(&placement_report::html::escape(&Lang::Nl.cite_seeds(&nl))),
            "{}",
            d.scenario
        );
        assert!(
            !page.contains(&placement_report::html::escape(&d.description)),
            "{}",
            d.scenario
        );
        for c in d.changes.iter().filter_map(|c| c.source_nl.as_deref()) {
            assert!(
                page.contains(&placement_report::html::escape(&Lang::Nl.cite_seeds(c))),
                "{c}"
            );
        }
        let en = placement_scenario::html(&d, Lang::En);
        assert!(en.contains(&placement_report::html::escape(
            &Lang::En.cite_seeds(&d.description)
        )));
    }
    // No Dutch texts: the Dutch page shows the given ones.
    let tmp = std::env::temp_dir().join(format!("scenario-nl-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let p = tmp.join("plain.toml");
    std::fs::write(
        &p,
        "[scenario]\nname = \"plain\"\ndescription = \"only English here\"\nauthor = \"t\"\ndate = \"2025-11-12\"\n\n[capacity]\npolice = 20\nsource = \"a note as written\"\n",
    )
    .unwrap();
    let d = compare(&Scenario::load(&p).unwrap()).unwrap();
    assert_eq!(d.description_in(Lang::Nl), "only English here");
    assert_eq!(d.changes[0].source_in(Lang::Nl), Some("a note as written"));
    let page = placement_scenario::html(&d, Lang::Nl);
    assert!(page.contains("only English here") && page.contains("a note as written"));
    std::fs::remove_dir_all(&tmp).unwrap();
}
