//! What a person reads from `weights_benchmark`: the text report in English and Dutch (no raw
//! id in either, no English word and no decimal point in Dutch) and the SMAA-2 chart (rows =
//! `--top`, a percentage axis with ticks and unit, a legend, distinct colours for ranks 1–3,
//! the full title, a height that follows the rows), checked by parsing the SVG.
#![allow(clippy::unwrap_used)] // test code: a failure should abort loudly

use placement_core::{AssessmentSet, Rulebook};
use placement_mcda::benchmark::{self, BenchmarkOptions, BenchmarkReport, Method, Scheme};
use placement_mcda::correlation::Metric;
use placement_mcda::placement::PlacementProblem;
use placement_mcda::svg::{acceptability_chart, default_buckets, Chart, PALETTE};
use placement_text::{english_words, raw_ids, Lang};

fn report(opts: &BenchmarkOptions) -> BenchmarkReport {
    let set = AssessmentSet::default_fixture().unwrap();
    let rules = Rulebook::default_rulebook().unwrap();
    let p = PlacementProblem::evaluate(&set, &rules).unwrap();
    benchmark::run(&p, opts).unwrap()
}

/// Every scheme, method and metric, with SMAA-2: all the vocabulary the report has.
fn full() -> BenchmarkReport {
    report(&BenchmarkOptions {
        metrics: vec![
            Metric::Spearman,
            Metric::Kendall,
            Metric::Ws,
            Metric::WeightedSpearman,
        ],
        smaa: Some((2_000, 5)),
        ..Default::default()
    })
}

/// Numbers written with a decimal point (`0.25`), which Dutch text must not contain.
fn decimal_points(text: &str) -> Vec<String> {
    let c: Vec<char> = text.chars().collect();
    c.windows(3)
        .filter(|w| w[0].is_ascii_digit() && w[1] == '.' && w[2].is_ascii_digit())
        .map(|w| w.iter().collect())
        .collect()
}

#[test]
fn text_in_both_languages_has_no_raw_ids_and_dutch_is_dutch() {
    let r = full();
    for lang in Lang::ALL {
        let text = r.to_text_in(lang, 10);
        let ids = raw_ids(&text);
        assert!(ids.is_empty(), "{lang:?}: raw ids {ids:?} in:\n{text}");
        let svg = r.smaa_svg(lang, 10).unwrap();
        let ids = raw_ids(&texts_of(&svg).join("\n"));
        assert!(ids.is_empty(), "{lang:?} chart: raw ids {ids:?}");
    }
    let nl = r.to_text_in(Lang::Nl, 10);
    // every combination ran on the fixture: no error text (which stays English) in the report
    assert!(!nl.contains('«'), "{nl}");
    let plain = nl.clone();
    let en = english_words(&plain);
    assert!(en.is_empty(), "English words {en:?} in:\n{nl}");
    let points = decimal_points(&plain);
    assert!(points.is_empty(), "decimal points {points:?} in:\n{nl}");
    assert!(nl.contains("regelboek") && nl.contains("Rangschikkingen (eerste 10"));
    // Criteria by their Dutch names, numbers with a decimal comma.
    assert!(nl.contains("criminaliteitsrelatie"), "{nl}");
    assert!(nl.contains("0,"), "{nl}");
    let chart = texts_of(&r.smaa_svg(Lang::Nl, 10).unwrap()).join("\n");
    let en = english_words(&chart);
    assert!(
        en.is_empty(),
        "English words {en:?} in the Dutch chart:\n{chart}"
    );
    assert!(decimal_points(&chart).is_empty(), "{chart}");
    // The check itself catches what it is meant to.
    assert_eq!(decimal_points("gem. 1.25"), vec!["1.2"]);
    assert_eq!(raw_ids("given/promethee_ii"), vec!["promethee_ii"]);
}

#[test]
fn text_lists_weights_rankings_correlations_smaa_and_skips() {
    let r = report(&BenchmarkOptions {
        schemes: vec![Scheme::Given, Scheme::Equal],
        methods: vec![Method::Wsm, Method::Placement, Method::PrometheeIi],
        metrics: vec![Metric::Spearman, Metric::Kendall],
        smaa: Some((1_000, 1)),
        ..Default::default()
    });
    for (lang, head, rulebook) in [
        (Lang::En, "Weighting benchmark", "rulebook"),
        (Lang::Nl, "Vergelijking van wegingsmethoden", "regelboek"),
    ] {
        let text = r.to_text_in(lang, 3);
        let first = text.lines().next().unwrap();
        assert_eq!(
            first,
            format!(
                "{head}: {} {} × {} criteria, {rulebook} {}",
                r.alternatives.len(),
                lang.pick("alternatives", "landen"),
                r.criteria.len(),
                r.rulebook
            )
        );
        assert!(text.ends_with('\n'));
        // One weight line per criterion (its name last), one column per scheme.
        let named = text
            .lines()
            .filter(|l| {
                r.criteria.iter().enumerate().any(|(j, _)| {
                    l.starts_with(&format!("{:>5}", format!("[{}]", r.criteria_ranks[j])))
                })
            })
            .count();
        assert_eq!(named, r.criteria.len(), "{text}");
        // Each run lists its first three alternatives in rank order, after its label.
        for run in &r.runs {
            let codes: Vec<&str> = run
                .order()
                .into_iter()
                .take(3)
                .map(|i| r.alternatives[i].as_str())
                .collect();
            let line = text
                .lines()
                .find(|l| {
                    l.ends_with(&codes.join(" ")) || l.contains(&format!("{}  (", codes.join(" ")))
                })
                .unwrap_or_else(|| panic!("{codes:?} not in\n{text}"));
            assert!(line.contains(" · "), "{line}");
        }
        assert!(text.contains("PROMETHEE II"), "{text}");
        let smaa_rows = text
            .lines()
            .filter(|l| {
                r.smaa
                    .as_ref()
                    .unwrap()
                    .rows
                    .iter()
                    .any(|row| l.starts_with(&format!("{:<8}", row.alternative)))
            })
            .count();
        assert_eq!(smaa_rows, 3, "{text}");
        assert!(
            text.contains(lang.pick("\nSkipped\nAHP ", "\nOvergeslagen\nAHP ")),
            "{text}"
        );
    }
    let en = r.to_text(3);
    assert!(en.contains("\nSpearman correlation (row i, column j = combination no. j)\n"));
    assert!(en.contains("\nKendall correlation (row i, column j = combination no. j)\n"));
    assert!(en.contains("\nSMAA-2: 1000 samples, seed 1, "));
    let nl = r.to_text_in(Lang::Nl, 3);
    assert!(nl.contains("\nSpearman-correlatie (rij i, kolom j = combinatie nr. j)\n"));
    assert!(nl.contains("\nSMAA-2: 1000 steekproeven, startwaarde 1, "));
}

/// The text content of every `<text>` element (tooltips excluded), unescaped.
fn texts_of(svg: &str) -> Vec<String> {
    elements(svg, "text")
        .into_iter()
        .map(|(_, body)| {
            body.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
        })
        .collect()
}

/// `(attributes, content)` of every `<name …>content</name>` element.
fn elements(svg: &str, name: &str) -> Vec<(String, String)> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i + open.len()..];
        if !after.starts_with([' ', '>']) {
            rest = after;
            continue;
        }
        let end = after.find('>').unwrap();
        let attrs = after[..end].to_string();
        if attrs.ends_with('/') {
            out.push((attrs, String::new()));
            rest = &after[end..];
            continue;
        }
        let body_end = after.find(&close).unwrap();
        out.push((attrs, after[end + 1..body_end].to_string()));
        rest = &after[end + 1..];
    }
    out
}

fn attr(attrs: &str, key: &str) -> Option<String> {
    let k = format!(" {key}=\"");
    let i = attrs.find(&k)? + k.len();
    let j = attrs[i..].find('"')? + i;
    Some(attrs[i..j].to_string())
}

/// The `height` of the `<svg>` root.
fn height(svg: &str) -> f64 {
    let (attrs, _) = elements(svg, "svg").into_iter().next().unwrap();
    attr(&attrs, "height").unwrap().parse().unwrap()
}

#[test]
fn chart_draws_top_rows_on_a_percentage_axis_with_a_legend() {
    let r = full();
    let m = r.alternatives.len();
    let buckets = r.smaa.as_ref().unwrap().buckets.len();
    let mut last_height = 0.0;
    for top in [1, 5, 10, 25, m + 10] {
        for lang in Lang::ALL {
            let svg = r.smaa_svg(lang, top).unwrap();
            let rows = svg.matches("<g class=\"bar\"").count();
            assert_eq!(rows, top.min(m), "top {top}");
            // Every bar's segments cover the whole axis: shares sum to 100 %.
            for (_, bar) in elements(&svg, "g")
                .iter()
                .filter(|(a, _)| a.contains("class=\"bar\""))
            {
                let total: f64 = elements(bar, "rect")
                    .iter()
                    .map(|(a, _)| attr(a, "width").unwrap().parse::<f64>().unwrap())
                    .sum();
                assert!((total - 600.0).abs() < 0.1, "bar width {total}");
            }
            let ticks: Vec<String> = elements(&svg, "text")
                .into_iter()
                .filter(|(a, _)| a.contains("class=\"tick\""))
                .map(|(_, t)| t)
                .collect();
            assert_eq!(ticks, ["0%", "20%", "40%", "60%", "80%", "100%"]);
            let axis = lang.pick(
                "Share of the weight samples (%)",
                "Aandeel van de gewichtensteekproeven (%)",
            );
            assert!(texts_of(&svg).iter().any(|t| t == axis), "{svg}");
            assert_eq!(svg.matches("class=\"swatch\"").count(), buckets);
            assert!(texts_of(&svg)
                .iter()
                .any(|t| t == lang.pick("Rank", "Rang")));
            // The title, every word of it, over as many lines as it takes.
            let title_lines: Vec<String> = elements(&svg, "g")
                .into_iter()
                .find(|(a, _)| a.contains("class=\"title\""))
                .map(|(_, body)| texts_of(&body))
                .unwrap();
            let shown = title_lines.join(" ");
            assert!(shown.starts_with("SMAA-2"), "{shown}");
            assert!(
                shown.ends_with(lang.pick("uniform weights)", "uniforme gewichten)")),
                "{shown}"
            );
            assert!(shown.contains(&format!("{}", top.min(m))), "{shown}");
            for line in &title_lines {
                // 14 px text, at most ~0.62 em per character, inside the width
                let width: f64 = attr(&elements(&svg, "svg")[0].0, "width")
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!(
                    16.0 + line.chars().count() as f64 * 14.0 * 0.62 <= width,
                    "{line}"
                );
            }
        }
        let h = height(&r.smaa_svg(Lang::En, top).unwrap());
        if top <= m {
            assert!(h > last_height, "height {h} for top {top}");
        }
        last_height = h;
    }
    // 139 alternatives at --top 10 is a small chart, not the 2185 px.
    assert!(height(&r.smaa_svg(Lang::En, 10).unwrap()) < 400.0);
}

#[test]
fn chart_colours_ranks_one_to_three_distinctly_and_escapes_labels() {
    // Okabe–Ito blue, orange, bluish green for ranks 1, 2, 3.
    assert_eq!(&PALETTE[..3], ["#0072B2", "#E69F00", "#009E73"]);
    let distinct: std::collections::BTreeSet<&str> = PALETTE.iter().copied().collect();
    assert_eq!(distinct.len(), PALETTE.len());
    let labels: Vec<String> = vec!["A&B".into(), "<C>".into(), "D".into()];
    let acc = vec![
        vec![0.5, 0.5, 0.0],
        vec![0.5, 0.25, 0.25],
        vec![0.0, 0.25, 0.75],
    ];
    let chart = Chart {
        title: "t \"q\" & <x>",
        lang: Lang::En,
        top: 3,
    };
    let svg = acceptability_chart(&chart, &labels, &acc, &default_buckets(3));
    assert_eq!(svg.matches("<rect class=\"segment\"").count(), 2 + 3 + 2);
    assert!(svg.contains(">A&amp;B<") && svg.contains("&lt;C&gt;"));
    let fills: Vec<String> = elements(&svg, "rect")
        .iter()
        .filter(|(a, _)| a.contains("class=\"segment\""))
        .map(|(a, _)| attr(a, "fill").unwrap())
        .collect();
    assert_eq!(
        fills,
        ["#0072B2", "#E69F00", "#0072B2", "#E69F00", "#009E73", "#E69F00", "#009E73"]
    );
    let tips: Vec<String> = elements(&svg, "title")
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert_eq!(tips[0], "A&amp;B: rank 1 in 50.0% of the samples");
    let nl = acceptability_chart(
        &Chart {
            lang: Lang::Nl,
            ..chart
        },
        &labels,
        &acc,
        &default_buckets(3),
    );
    let tips: Vec<String> = elements(&nl, "title").into_iter().map(|(_, t)| t).collect();
    assert_eq!(tips[3], "&lt;C&gt;: rang 2 in 25,0% van de steekproeven");
}

#[test]
fn text_fits_100_columns_and_wide_keeps_whole_rows() {
    let r = full();
    for lang in Lang::ALL {
        let text = r.to_text_in(lang, 10);
        for l in text.lines() {
            let n = l.chars().count();
            assert!(n <= placement_text::WIDTH, "{lang:?}: {n} columns: {l}");
        }
        let wide = r.to_text_wide(lang, 10);
        // --wide: every correlation row whole (one value per run) and each criterion's name
        // after its weights; the default prints the same values in blocks of columns.
        let row = |t: &str| {
            t.lines()
                .filter(|l| l.starts_with("  1 "))
                .map(|l| {
                    l.split_whitespace()
                        .filter(|w| w.contains(['.', ',']))
                        .count()
                })
                .sum::<usize>()
        };
        assert_eq!(row(&wide), r.runs.len() * r.correlations.len(), "{wide}");
        assert_eq!(row(&text), row(&wide), "{text}");
        let name = lang.pick("crime relation", "criminaliteitsrelatie");
        assert!(
            wide.lines()
                .any(|l| l.starts_with("  [1] +") && l.ends_with(name)),
            "{wide}"
        );
        assert!(
            text.lines().any(|l| l == format!("        {name}")),
            "{text}"
        );
        assert!(wide
            .lines()
            .any(|l| l.chars().count() > placement_text::WIDTH));
    }
}
