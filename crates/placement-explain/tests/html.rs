//! The HTML pages as a reader meets them: rendered by a real headless Chromium (Debian's
//! `chromium`, installed by `.ci/run`; `CHROMIUM` names another binary) with the network off.
//! Each page must load from a `file://` URL with no request leaving the file, and the rendered
//! DOM must hold the key texts (title, marking in header and footer, table headers, rows).
//! A screenshot of each page is written to `target/html-screenshots/` for people to look at.
//! Fails when Chromium is absent: the check is part of CI. The check itself is
//! `placement_report::testing::check_page` (its self-tests are in placement-report).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use placement_core::{AssessmentSet, Engine, Rulebook};
use placement_explain::render::{self, RankingOptions};
use placement_explain::{Explainer, Lang, Options};
use placement_report::testing::{check_page_in, dom_escape as escape};

/// The page renders with these texts, and what a reader sees on it has no raw id (nor, in
/// Dutch, an English word).
fn check(name: &str, html: &str, texts: &[&str], lang: Lang) {
    check_page_in(name, html, texts, lang, "");
}

#[test]
fn explanation_comparison_and_ranking_render_in_chromium() {
    let rules = Rulebook::default_rulebook().unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
    let x = Explainer::new(&rules, &input, &evaluation, Options::default()).unwrap();
    let gb = x.explain("GB".parse().unwrap()).unwrap();
    // The page says what the Markdown says: every heading, and the first item of each list.
    let expected = |md: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut last_was_item = false;
        for l in md.lines() {
            if let Some(h) = l.strip_prefix("## ") {
                out.push(format!("<h2>{}</h2>", escape(h)));
            }
            if let Some(i) = l.strip_prefix("- ") {
                if !last_was_item {
                    out.push(format!("<li>{}</li>", escape(i)));
                }
                last_was_item = true;
            } else {
                last_was_item = false;
            }
        }
        out
    };
    let mut nl = vec![
        "<title>Toelichting: Verenigd Koninkrijk (GB)</title>".to_string(),
        "<header><p class=\"marking\">Ongerubriceerd</p></header>".to_string(),
        "<footer><p class=\"marking\">Ongerubriceerd</p></footer>".to_string(),
        // The contributions as a waterfall chart with its text alternative.
        "role=\"img\" aria-labelledby=\"fig1-t fig1-d\"".to_string(),
        "<title id=\"fig1-t\">Bijdragen aan de score: Verenigd Koninkrijk</title>".to_string(),
        format!(
            "; score: {}</desc>",
            placement_text::num(Lang::Nl, gb.contributions.score_total(), 2)
        ),
    ];
    nl.extend(expected(&render::markdown(&gb, Lang::Nl)));
    let nl: Vec<&str> = nl.iter().map(String::as_str).collect();
    check("explain-GB-nl", &render::html(&gb, Lang::Nl), &nl, Lang::Nl);
    let mut en = vec!["lang=\"en\"".to_string()];
    en.extend(expected(&render::markdown(&gb, Lang::En)));
    let en: Vec<&str> = en.iter().map(String::as_str).collect();
    check("explain-GB-en", &render::html(&gb, Lang::En), &en, Lang::En);
    let c = x
        .compare("GB".parse().unwrap(), "DE".parse().unwrap())
        .unwrap();
    check(
        "compare-GB-DE-nl",
        &render::comparison_html(&c, Lang::Nl, evaluation.marking),
        &[
            "Het Verenigd Koninkrijk staat",
            "<h2>Wat hen onderscheidt</h2>",
        ],
        Lang::Nl,
    );
    let opts = RankingOptions {
        lang: Lang::Nl,
        top: Some(20),
        ..RankingOptions::default()
    };
    check(
        "advise-nl",
        &render::ranking_html(&evaluation, &rules, &opts),
        &[
            "<th scope=\"col\">Meerwaarde</th>",
            "<th scope=\"row\">CO Colombia</th>",
            "vaste liaison officer",
            "sha256",
        ],
        Lang::Nl,
    );
}
