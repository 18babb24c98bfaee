//! The network reports a person forwards or reads, as they meet them: the HTML page rendered in
//! headless Chromium (`placement_report::testing::check_page`: no request leaves the file, no
//! console error, key texts and the value-curve chart in the DOM, screenshot under
//! `target/html-screenshots/`) in English and Dutch, with no raw id on the page and no English
//! on the Dutch one; the XLSX read back with calamine (typed cells, header row, provenance
//! sheet); the CSV parsed back; the text in 100 columns unless `--wide`; Dutch without
//! English words or decimal points.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::sync::OnceLock;

use calamine::{Data, Reader, Xlsx};
use placement_core::{AssessmentSet, Engine, Evaluation, Rulebook};
use placement_network::analysis::{report, Report, ReportOptions};
use placement_network::render::{render_in, render_wide, Format};
use placement_network::sheet::{plan_csv, plan_xlsx};
use placement_network::{build_instance, Constraints, ValueModel, NETWORK_2025};
use placement_report::testing::{check_page, check_words, csv_fields, dom_escape};
use placement_report::Provenance;
use placement_text::Lang;

/// English words the network report once had in Dutch (on top of `ENGLISH_WORDS`): the
/// solver's jargon and the English names of the 2025 network's cities.
const NETWORK_ENGLISH: [&str; 15] = [
    "branch-and-bound",
    "greedy",
    "candidate",
    "Belgrade",
    "Beijing",
    "Mexico City",
    "Bucharest",
    "London",
    "Lisbon",
    "Brussels",
    "Warsaw",
    "Paris",
    "Athens",
    "Hong Kong",
    "liaison(s)",
];

fn fixture() -> &'static (Evaluation, Report) {
    static R: OnceLock<(Evaluation, Report)> = OnceLock::new();
    R.get_or_init(|| {
        let (rules, set) = (
            Rulebook::default_rulebook(),
            AssessmentSet::default_fixture(),
        );
        let evaluation = Engine::new(&rules.unwrap()).evaluate(&set.unwrap());
        let evaluation = evaluation.unwrap();
        let model = ValueModel::default();
        let instance = build_instance(&evaluation, "network-2025.json", NETWORK_2025, &model);
        let (instance, constraints) = (instance.unwrap(), Constraints::default());
        let r = report(&instance, &constraints, &ReportOptions::default()).unwrap();
        (evaluation, r)
    })
}

fn provenance() -> Provenance {
    Provenance::of(&fixture().0).with("network", "netwerk", "network-2025.json")
}

#[test]
fn the_page_renders_in_chromium_in_both_languages() {
    let (e, r) = fixture();
    let first = &r.posts[0];
    for lang in Lang::ALL {
        let html = placement_network::page::html(r, &provenance(), lang);
        let marking = lang.marking(e.marking);
        let header = format!("<header><p class=\"marking\">{marking}</p></header>");
        let footer = format!("<footer><p class=\"marking\">{marking}</p></footer>");
        let value = placement_text::num(lang, r.solution.exact.value, 1);
        let status = match lang {
            Lang::En => format!("Exact optimum: value {value} with 30 liaisons"),
            Lang::Nl => format!("Exact optimum: waarde {value} met 30 liaisons"),
        };
        let chart = dom_escape(&placement_network::svg::value_curve_title(r, lang));
        let row = lang.pick(
            "<th scope=\"row\">RS Belgrade</th>",
            "<th scope=\"row\">RS Belgrado</th>",
        );
        let texts = [
            lang.pick("<title>Network plan</title>", "<title>Netwerkplan</title>"),
            &header,
            &footer,
            &status,
            lang.pick("<h2>Chosen posts</h2>", "<h2>Gekozen posten</h2>"),
            lang.pick(
                "<th scope=\"col\">cost per year</th>",
                "<th scope=\"col\">kosten per jaar</th>",
            ),
            row,
            // The accreditations of the first post, with the country's name.
            lang.pick("; PE Peru (0.50)", "; PE Peru (0,50)"),
            // The value curve as a chart with its text alternative, marking the chosen plan and
            // the 2025 network.
            "role=\"img\" aria-labelledby=\"fig1-t fig1-d\"",
            &chart,
            "id=\"chosen\"",
            "id=\"network-2025\"",
            lang.pick(
                "<h2>Against the 2025 network: plan at capacity 30</h2>",
                "<h2>Tegenover het netwerk van 2025: plan bij capaciteit 30</h2>",
            ),
            lang.pick("<h2>Provenance</h2>", "<h2>Herkomst</h2>"),
            &e.input.hash,
            &e.rulebook.hash,
        ];
        assert_eq!(first.post, "CO Bogotá");
        let dom = check_page(&format!("network-{}", lang.id()), &html, &texts);
        let text = check_words(
            &format!("network-{}", lang.id()),
            &dom,
            lang,
            "",
            &NETWORK_ENGLISH,
        );
        if lang == Lang::Nl {
            assert!(!text.contains("1442.0"), "decimal point on the Dutch page");
        }
    }
}

#[test]
fn the_workbook_has_typed_cells_and_the_provenance() {
    let (e, r) = fixture();
    for (lang, sheets) in [
        (
            Lang::En,
            ["Plan", "Accreditations", "Value curve", "Provenance"],
        ),
        (
            Lang::Nl,
            ["Plan", "Accreditaties", "Waardecurve", "Herkomst"],
        ),
    ] {
        let bytes = plan_xlsx(r, &provenance(), lang).unwrap();
        assert_eq!(
            bytes,
            plan_xlsx(r, &provenance(), lang).unwrap(),
            "deterministic"
        );
        let mut wb = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(wb.sheet_names(), sheets.map(String::from).to_vec());
        let t = wb.worksheet_range(sheets[0]).unwrap();
        assert_eq!(
            t.height(),
            r.posts.len() + 1,
            "a header row and one row per post"
        );
        assert_eq!(
            t.get_value((0, 5)),
            Some(&Data::String(
                lang.pick("cost per year (EUR)", "kosten per jaar (EUR)")
                    .into()
            ))
        );
        for (i, c) in (0u32..).zip(&r.posts) {
            assert_eq!(t.get_value((i + 1, 5)), Some(&Data::Float(c.cost)));
            assert_eq!(t.get_value((i + 1, 6)), Some(&Data::Float(c.drop_loss)));
            if let Some(x) = c.resolve_loss {
                assert_eq!(t.get_value((i + 1, 7)), Some(&Data::Float(x)));
            }
        }
        let a = wb.worksheet_range(sheets[1]).unwrap();
        let covers: usize = r.posts.iter().map(|c| c.covers.len()).sum();
        assert_eq!(a.height(), covers + 1);
        assert_eq!(
            a.get_value((1, 4)),
            Some(&Data::Float(r.posts[0].covers[0].1))
        );
        let v = wb.worksheet_range(sheets[2]).unwrap();
        assert_eq!(v.height(), r.curve.len() + 1);
        for (i, p) in (0u32..).zip(&r.curve) {
            assert_eq!(
                v.get_value((i + 1, 0)),
                Some(&Data::Float(f64::from(p.capacity)))
            );
            assert_eq!(v.get_value((i + 1, 1)), p.exact.map(Data::Float).as_ref());
        }
        let cells: std::collections::BTreeSet<String> = wb
            .worksheet_range(sheets[3])
            .unwrap()
            .cells()
            .map(|(_, _, v)| v.to_string())
            .collect();
        for v in [
            &e.input.hash,
            &e.rulebook.hash,
            "network-2025.json",
            lang.marking(e.marking),
        ] {
            assert!(
                cells.contains(v),
                "{v} not in the provenance sheet: {cells:?}"
            );
        }
        assert!(cells.contains(lang.pick("marking", "rubricering")));
    }
}

#[test]
fn the_csv_has_one_row_per_post_and_dutch_is_dutch() {
    let (_, r) = fixture();
    let en = plan_csv(r, Lang::En);
    assert_eq!(en.lines().count(), r.posts.len() + 1);
    for l in en.lines() {
        assert_eq!(csv_fields(l, ',').len(), 9, "{l}");
    }
    let nl = plan_csv(r, Lang::Nl);
    let mut words = String::new();
    for (i, l) in nl.lines().enumerate() {
        let f = csv_fields(l, ';');
        assert_eq!(f.len(), 9, "{l}");
        for x in &f[5..8] {
            assert!(!x.contains('.'), "decimal point in {x:?}: {l}");
        }
        if i > 0 {
            let back: f64 = f[6].replace(',', ".").parse().unwrap();
            assert!((back - r.posts[i - 1].drop_loss).abs() < 1e-6, "{l}");
        }
        words.push_str(&f[1..].join(" ; "));
        words.push('\n');
    }
    assert!(placement_text::raw_ids(&words).is_empty(), "{words}");
    let en_words = placement_text::english_words(&words);
    assert!(en_words.is_empty(), "{en_words:?}");
}

/// Every line of the text report fits 100 columns (characters, not bytes) in English and Dutch;
/// `--wide` keeps the long lines; nothing is lost by wrapping.
#[test]
fn text_fits_100_columns_unless_wide() {
    let (_, r) = fixture();
    for lang in Lang::ALL {
        let text = render_in(r, Format::Text, lang);
        for l in text.lines() {
            let n = l.chars().count();
            assert!(
                n <= placement_text::WIDTH,
                "{} ({}): {n} columns: {l}",
                lang.id(),
                n
            );
        }
        let wide = render_wide(r, Format::Text, lang);
        let longest = wide.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(
            longest > placement_text::WIDTH,
            "--wide gives the full lines"
        );
        let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(words(&text), words(&wide), "wrapping loses nothing");
    }
}

/// The Dutch text and Markdown have no raw id, no English word and no decimal point in a
/// number; the city names are Dutch.
#[test]
fn the_dutch_text_is_dutch() {
    let (_, r) = fixture();
    for format in [Format::Text, Format::Markdown] {
        let nl = render_wide(r, format, Lang::Nl);
        assert!(placement_text::raw_ids(&nl).is_empty(), "{nl}");
        let en = placement_text::english_words(&nl);
        assert!(en.is_empty(), "English words {en:?} in:\n{nl}");
        let lower = nl.to_lowercase();
        for w in NETWORK_ENGLISH {
            assert!(!lower.contains(&w.to_lowercase()), "{w:?} in:\n{nl}");
        }
        for city in ["RS Belgrado", "MX Mexico-Stad", "GB Londen", "CN Peking"] {
            assert!(nl.contains(city), "{city} missing");
        }
        // A digit, a point, a digit: a decimal point (thousands are points only in EUR amounts).
        let b = nl.as_bytes();
        for i in 1..b.len().saturating_sub(1) {
            if b[i] == b'.' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit() {
                let line_start = nl[..i].rfind('\n').map_or(0, |s| s + 1);
                let before = &nl[line_start..i];
                let in_eur = before.rfind("EUR ").is_some_and(|s| {
                    before[s + 4..]
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.')
                });
                assert!(in_eur, "decimal point at {i}: {}", &nl[line_start..i + 2]);
            }
        }
    }
    let en = render_wide(r, Format::Text, Lang::En);
    assert!(placement_text::raw_ids(&en).is_empty(), "{en}");
}

/// Why a plan is infeasible, in Dutch: every kind of conflict in Dutch words, posts with their
/// Dutch city names, regions by name.
#[test]
fn conflicts_read_dutch() {
    use placement_network::render::conflict_in;
    use placement_network::Conflict;
    let locks = "capacity 30, lock CO, keep GB London, region western_africa ≥ 2".to_string();
    let all = [
        Conflict::LockedAndForbidden {
            country: "RU".into(),
        },
        Conflict::LockWithoutPost {
            country: "RU".into(),
        },
        Conflict::CapacityBelowLocks {
            resource: "marechaussee".into(),
            capacity: 3,
            needed: 5,
            locks: locks.clone(),
        },
        Conflict::BudgetBelowLocks {
            budget: 1e6,
            needed: 2.8e6,
            locks: locks.clone(),
        },
        Conflict::RegionMinimumImpossible {
            region: "western_africa".into(),
            minimum: 9,
            available: 4,
        },
        Conflict::CapacityBelowMinima {
            capacity: 3,
            needed: 5,
        },
        Conflict::BudgetBelowMinima {
            budget: 1e6,
            needed: 2.8e6,
        },
        Conflict::Joint {
            active: vec![locks],
        },
    ];
    let nl: Vec<String> = all.iter().map(|c| conflict_in(c, Lang::Nl)).collect();
    let text = nl.join("\n");
    placement_report::testing::check_text("conflicts", &text, Lang::Nl, "", &NETWORK_ENGLISH);
    assert!(
        text.contains("behoud GB Londen") && text.contains("West-Afrika"),
        "{text}"
    );
    assert!(text.contains("EUR 2.800.000"), "{text}");
    // English keeps the crate's own wording.
    assert_eq!(conflict_in(&all[0], Lang::En), all[0].to_string());
}
