//! The calibration as a reader meets it: the HTML page rendered in headless Chromium
//! (`placement_report::testing::check_page`: no request leaves the file, no console error, key
//! texts in the DOM, screenshot under `target/html-screenshots/`) in English and Dutch, for the
//! priority list and the network; the XLSX read back with calamine (typed cells, header rows,
//! provenance sheet with the hashes); the CSV parsed back; the terminal text within 100 columns
//! unless `Style::Wide`; and Dutch output (text, Markdown, the rendered page) without raw ids,
//! English words or decimal points.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use calamine::{Data, Reader};
use placement_calibrate::engine::{self, EngineProblem};
use placement_calibrate::render::{self, calibration, Style};
use placement_calibrate::{calibrate, Calibration, Options};
use placement_core::{AssessmentSet, CountryCode, Engine, Rulebook};
use placement_report::testing::{
    check_decimal_comma, check_page, check_text, check_width, csv_fields, dom_text, workbook,
};
use placement_report::Provenance;
use placement_text::Lang;

fn codes(s: &str) -> Vec<CountryCode> {
    s.split(' ').map(|c| c.parse().unwrap()).collect()
}

/// The priority list under p1-2015 and the 2025 network under p4-2019, as `calibrate` builds
/// them, with their provenance.
fn cases() -> Vec<(&'static str, EngineProblem, Calibration, Provenance)> {
    let input = AssessmentSet::default_fixture().unwrap();
    let mut out = Vec::new();
    for (name, regime) in [("priority", "p1-2015"), ("network", "p4-2019")] {
        let rules = Rulebook::embedded(regime).unwrap();
        let ep = if name == "priority" {
            let listed = codes("BE DE FR GB ES SR CN MA IT TR PL BG RO AU CO US");
            engine::priority_list(&rules, &input, &listed, "seed 000").unwrap()
        } else {
            let hosts = codes("AE AL AU BE BR CN CO CW DE DO ES FR GB GE GH GR HK HR IT KE LB MA MX NG PE PH PL PT RO RS SR TH TN TR US");
            engine::network(&rules, &input, &hosts, "seed 003").unwrap()
        };
        let c = calibrate(&ep.problem, Options::default()).unwrap();
        let prov = Provenance::of(&Engine::new(&rules).evaluate(&input).unwrap());
        out.push((name, ep, c, prov));
    }
    out
}

/// Dutch is Dutch: no raw id, no English word of the tools' vocabulary (nor "fit", "the"), no
/// decimal point.
fn check_dutch(what: &str, text: &str) {
    check_text(
        what,
        text,
        Lang::Nl,
        "",
        &[" fit", " the ", " of ", "(need)", "no post"],
    );
    check_decimal_comma(what, text);
}

#[test]
fn the_pages_render_in_chromium_in_both_languages() {
    for (name, ep, c, prov) in cases() {
        for lang in Lang::ALL {
            let html = render::html(&c, &ep.decided_by_rule, &prov, lang);
            let marking = lang.marking(prov.marking);
            let mut texts = vec![
                format!("<header><p class=\"marking\">{marking}</p></header>"),
                format!("<footer><p class=\"marking\">{marking}</p></footer>"),
                format!(
                    "<h2>{}</h2>",
                    lang.pick("Weights (within each side)", "Gewichten (binnen elke kant)")
                ),
                format!(
                    "<th scope=\"col\">{}</th>",
                    lang.pick("Lowest consistent", "Laagste consistente")
                ),
                format!("<th scope=\"col\">{}</th>", lang.pick("Verdict", "Oordeel")),
                format!(
                    "<th scope=\"row\">{}</th>",
                    lang.pick("crime relation (need)", "criminaliteitsrelatie (behoefte)")
                ),
                format!(
                    "<h2>{}</h2>",
                    lang.pick(
                        "A minimal set of decisions no weighting reproduces together",
                        "Een minimale set beslissingen die geen weging samen reproduceert"
                    )
                ),
                format!("<h2>{}</h2>", lang.pick("Provenance", "Herkomst")),
                prov.input_hash.clone(),
                prov.rulebook_hash.clone(),
            ];
            // The minimal conflicting set, each decision by its label.
            for l in &c.conflict {
                let d = c.decisions.iter().find(|d| &d.label == l).unwrap();
                let label = match lang {
                    Lang::Nl => d.label_nl.as_deref().unwrap_or(&d.label),
                    Lang::En => &d.label,
                };
                texts.push(format!("<li>{label}</li>"));
            }
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            let dom = check_page(&format!("calibrate-{name}-{}", lang.id()), &html, &texts);
            let words = dom_text(&dom);
            if lang == Lang::Nl {
                check_dutch(name, &words);
            } else {
                assert!(placement_text::raw_ids(&words).is_empty(), "{words}");
            }
        }
    }
}

#[test]
fn the_workbook_has_typed_cells_and_the_provenance() {
    for (_, _, c, prov) in cases() {
        for (lang, sheets) in [
            (Lang::En, ["Intervals", "Decisions", "Provenance"]),
            (Lang::Nl, ["Intervallen", "Beslissingen", "Herkomst"]),
        ] {
            let xlsx = || render::xlsx(&c, &prov, lang).unwrap();
            let mut wb = workbook(xlsx(), xlsx(), &sheets);
            let t = wb.worksheet_range(sheets[0]).unwrap();
            assert_eq!(t.height(), 1 + c.weights.len() + c.thresholds.len());
            for (i, w) in c.weights.iter().chain(&c.thresholds).enumerate() {
                let r = i as u32 + 1;
                assert_eq!(t.get_value((r, 3)), Some(&Data::Float(w.central)));
                assert_eq!(t.get_value((r, 4)), Some(&Data::Float(w.min)));
                assert_eq!(t.get_value((r, 5)), Some(&Data::Float(w.max)));
            }
            let d = wb.worksheet_range(sheets[1]).unwrap();
            assert_eq!(d.height(), 1 + c.decisions.len());
            assert_eq!(
                d.get_value((1, 4)),
                Some(&Data::Float(c.decisions[0].central_margin))
            );
            let p = wb.worksheet_range(sheets[2]).unwrap();
            let values: Vec<String> = p.rows().map(|r| r[1].to_string()).collect();
            assert!(values.contains(&prov.input_hash));
            assert!(values.contains(&prov.rulebook_hash));
        }
    }
}

#[test]
fn the_csv_has_the_intervals_and_dutch_numbers() {
    for (name, _, c, _) in cases() {
        let en = render::csv(&c, Lang::En);
        assert_eq!(en.lines().count(), 1 + c.weights.len() + c.thresholds.len());
        for l in en.lines() {
            assert_eq!(csv_fields(l, ',').len(), 6, "{l}");
        }
        let nl = render::csv(&c, Lang::Nl);
        check_dutch(name, &nl.replace(';', " ; "));
    }
}

#[test]
fn terminal_text_fits_100_columns_unless_wide() {
    for (name, ep, c, _) in cases() {
        for lang in Lang::ALL {
            let text = calibration(&c, &ep.decided_by_rule, lang, Style::Text);
            check_width(&format!("{name} ({})", lang.id()), &text);
            let wide = calibration(&c, &ep.decided_by_rule, lang, Style::Wide);
            assert!(
                wide.lines().any(|l| l.chars().count() > 150),
                "--wide keeps whole lines"
            );
            let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(flat(&text), flat(&wide), "nothing is lost");
        }
    }
}

#[test]
fn dutch_text_and_markdown_are_dutch_and_english_has_no_raw_ids() {
    for (name, ep, c, _) in cases() {
        for style in [Style::Text, Style::Wide, Style::Markdown] {
            check_dutch(name, &calibration(&c, &ep.decided_by_rule, Lang::Nl, style));
            let en = calibration(&c, &ep.decided_by_rule, Lang::En, style);
            assert!(placement_text::raw_ids(&en).is_empty(), "{en}");
        }
    }
}
