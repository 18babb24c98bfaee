//! The reconciliation as a reader meets it: the HTML page rendered in headless Chromium
//! (`placement_report::testing::check_page`: no request leaves the file, no console error, key
//! texts in the DOM, screenshot under `target/html-screenshots/`) in English and Dutch; the
//! XLSX read back with calamine (typed cells, header row, provenance sheet with the hashes and
//! the actual network); the CSV parsed back; the terminal text within 100 columns unless
//! `Style::Wide`; and Dutch output (text, Markdown, the rendered page) without raw ids, English
//! words or decimal points.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use calamine::{Data, Reader};
use placement_core::{AssessmentSet, Engine, Evaluation, Rulebook};
use placement_reconcile::render::{self, reconciliation, Style};
use placement_reconcile::{actual_network, overview, reconcile, Agreement, PlanSettings};
use placement_reconcile::{Cause, Reconciliation};
use placement_report::testing::{
    check_decimal_comma, check_page, check_text, check_width, csv_fields, dom_text, workbook,
};
use placement_text::Lang;

fn run() -> (Rulebook, Evaluation, Reconciliation) {
    let rules = Rulebook::default_rulebook().unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
    let network = actual_network("network-2025.json", placement_network::NETWORK_2025).unwrap();
    let plan = overview(&evaluation, &network, &PlanSettings::for_network(&network)).unwrap();
    let r = reconcile(&rules, &input, &evaluation, &network, &plan).unwrap();
    (rules, evaluation, r)
}

/// Dutch is Dutch: no raw id, no English word of the tools' vocabulary (nor "recall", "the",
/// "of the"), no decimal point.
fn check_dutch(what: &str, text: &str) {
    let also = [" recall", " the ", " of the ", "warsaw", "candidate"];
    check_text(what, text, Lang::Nl, "", &also);
    check_decimal_comma(what, text);
}

#[test]
fn the_page_renders_in_chromium_in_both_languages() {
    let (rules, evaluation, r) = run();
    let wants = r
        .countries
        .iter()
        .find(|c| c.agreement == Agreement::ModelWantsPost)
        .unwrap();
    let capacity = r
        .countries
        .iter()
        .find(|c| matches!(c.cause, Some(Cause::Capacity { .. })))
        .unwrap();
    for lang in Lang::ALL {
        let html = render::html(&r, &rules, &evaluation, lang);
        let row = |c: &placement_reconcile::CountryReconciliation| {
            format!(
                "<th scope=\"row\">{} {}</th>",
                c.country.as_str(),
                lang.pick(&c.name_en, &c.name_nl)
            )
        };
        let marking = lang.marking(evaluation.marking);
        let texts = [
            format!(
                "<title>{}</title>",
                lang.pick(
                    "Model against the actual network: network-2025.json",
                    "Model tegenover het werkelijke netwerk: network-2025.json"
                )
            ),
            format!("<header><p class=\"marking\">{marking}</p></header>"),
            format!("<footer><p class=\"marking\">{marking}</p></footer>"),
            format!(
                "<h2>{} (4)</h2>",
                lang.pick(
                    "The model wants a post that does not exist",
                    "Het model wil een post die er niet is"
                )
            ),
            format!(
                "<h2>{} (4)</h2>",
                lang.pick(
                    "A post exists that the model does not support",
                    "Er is een post die het model niet ondersteunt"
                )
            ),
            format!(
                "<th scope=\"col\">{}</th>",
                lang.pick("Smallest confirmed change", "Kleinste bevestigde wijziging")
            ),
            format!("<th scope=\"col\">{}</th>", lang.pick("Margin", "Marge")),
            row(wants),
            row(capacity),
            "R-PLC-1".to_string(),
            lang.pick(
                "weakest chosen post (PL Warsaw)",
                "zwakste gekozen post (PL Warschau)",
            )
            .to_string(),
            format!("<h2>{}</h2>", lang.pick("Provenance", "Herkomst")),
            evaluation.input.hash.clone(),
            evaluation.rulebook.hash.clone(),
        ];
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let dom = check_page(&format!("reconcile-{}", lang.id()), &html, &texts);
        let seen = dom_text(&dom);
        if lang == Lang::Nl {
            check_dutch("page", &seen);
        } else {
            assert!(placement_text::raw_ids(&seen).is_empty(), "{seen}");
        }
    }
}

#[test]
fn the_workbook_has_typed_cells_and_the_provenance() {
    let (_, evaluation, r) = run();
    for (lang, sheets) in [
        (Lang::En, ["Reconciliation", "Provenance"]),
        (Lang::Nl, ["Afstemming", "Herkomst"]),
    ] {
        let xlsx = || render::xlsx(&r, &evaluation, lang).unwrap();
        let mut wb = workbook(xlsx(), xlsx(), &sheets);
        let t = wb.worksheet_range(sheets[0]).unwrap();
        // The header row is the CSV's, and then one row per country.
        let csv = render::csv(&r, lang);
        let header: Vec<String> = t
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        let sep = placement_report::csv::separator(lang);
        assert_eq!(header, csv_fields(csv.lines().next().unwrap(), sep));
        assert_eq!(t.height(), 1 + r.countries.len());
        for (i, c) in r.countries.iter().enumerate() {
            assert_eq!(
                t.get_value((i as u32 + 1, 0)),
                Some(&Data::String(c.country.as_str().into()))
            );
            match &c.cause {
                Some(Cause::Instrument {
                    margin: Some(m), ..
                }) => {
                    assert_eq!(t.get_value((i as u32 + 1, 7)), Some(&Data::Float(m.value)));
                    assert_eq!(
                        t.get_value((i as u32 + 1, 9)),
                        Some(&Data::Float(m.threshold))
                    );
                }
                Some(Cause::Capacity {
                    gain_if_added,
                    weakest_adds,
                    ..
                }) => {
                    assert_eq!(
                        t.get_value((i as u32 + 1, 15)),
                        Some(&Data::Float(*gain_if_added))
                    );
                    assert_eq!(
                        t.get_value((i as u32 + 1, 16)),
                        Some(&Data::Float(*weakest_adds))
                    );
                }
                _ => {}
            }
        }
        let p = wb.worksheet_range(sheets[1]).unwrap();
        let prov: Vec<String> = p.rows().map(|r| r[1].to_string()).collect();
        assert!(prov.contains(&evaluation.input.hash));
        assert!(prov.contains(&evaluation.rulebook.hash));
        assert!(prov.contains(&"network-2025.json".to_string()));
    }
}

#[test]
fn the_csv_has_a_row_per_country_and_dutch_numbers() {
    let (_, _, r) = run();
    let en = render::csv(&r, Lang::En);
    assert_eq!(en.lines().count(), r.countries.len() + 1);
    for l in en.lines() {
        assert_eq!(csv_fields(l, ',').len(), 17, "{l}");
    }
    let nl = render::csv(&r, Lang::Nl);
    let mut prose = String::new();
    for l in nl.lines() {
        let f = csv_fields(l, ';');
        assert_eq!(f.len(), 17, "{l}");
        prose.push_str(&f[1..].join(" ; "));
        prose.push('\n');
    }
    // Rule ids (R-PLC-1) are not raw ids; the rest is Dutch.
    check_dutch("csv", &prose);
}

#[test]
fn terminal_text_fits_100_columns_unless_wide() {
    let (rules, _, r) = run();
    for lang in Lang::ALL {
        let text = reconciliation(&r, &rules, lang, Style::Text);
        check_width(lang.id(), &text);
        let wide = reconciliation(&r, &rules, lang, Style::Wide);
        assert!(
            wide.lines().any(|l| l.chars().count() > 200),
            "--wide keeps whole lines"
        );
        // Nothing is lost: the same words, wrapped.
        let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(flat(&text), flat(&wide));
    }
}

/// `advise`'s plan section, too: 100 columns in `Style::Text`, every country still there.
#[test]
fn the_plan_section_fits_100_columns_unless_wide() {
    let rules = Rulebook::default_rulebook().unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
    let network = actual_network("network-2025.json", placement_network::NETWORK_2025).unwrap();
    let plan = overview(&evaluation, &network, &PlanSettings::for_network(&network)).unwrap();
    for lang in Lang::ALL {
        let text = render::plan_section(&plan, lang, Style::Text);
        check_width(&format!("plan ({})", lang.id()), &text);
        let wide = render::plan_section(&plan, lang, Style::Wide);
        assert!(wide.lines().any(|l| l.chars().count() > 100));
        for l in plan.lines.iter().filter(|l| l.deserves_post) {
            let row = format!("{}  {} ", l.rank, l.country.as_str());
            assert!(text.contains(&row), "{row:?} missing");
        }
        // The option's name (`--capacity`) is what the reader types, not prose.
        check_text("plan", &text, lang, "--capacity", &[" the ", "candidate"]);
        if lang == Lang::Nl {
            check_decimal_comma("plan", &text);
        }
    }
}

#[test]
fn dutch_text_and_markdown_are_dutch_and_english_has_no_raw_ids() {
    let (rules, _, r) = run();
    for style in [Style::Text, Style::Wide, Style::Markdown] {
        check_dutch("text", &reconciliation(&r, &rules, Lang::Nl, style));
        let en = reconciliation(&r, &rules, Lang::En, style);
        assert!(placement_text::raw_ids(&en).is_empty(), "{en}");
    }
}
