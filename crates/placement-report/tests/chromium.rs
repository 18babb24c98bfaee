//! The page builder as a reader meets it, and the Chromium check itself: a page with every
//! kind of block renders with no console error in EN and NL; a page with a script error and a
//! page without `<main>` fail the check.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use placement_core::{AssessmentSet, Engine, Rulebook};
use placement_report::html::{Cell, Figure, Page, Table};
use placement_report::testing::{check_page, out_dir, run};
use placement_report::Provenance;
use placement_text::Lang;

fn page(lang: Lang) -> String {
    let rules = Rulebook::default_rulebook().unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
    let mut p = Page::new(
        lang,
        lang.pick("Every block", "Elk blok"),
        lang.marking(evaluation.marking),
    );
    p.h1(lang.pick("Every block", "Elk blok"))
        .para("a < b & c")
        .item("one")
        .item("two");
    let mut t = Table::new(
        lang.pick("Countries", "Landen"),
        ["#", lang.pick("Country", "Land")],
    );
    for r in evaluation.records.iter().take(3) {
        t.row([
            Cell::num(r.rank.to_string()),
            Cell::row_header(r.country.as_str()),
        ]);
    }
    p.table(&t).figure(&Figure {
        title: lang.pick("Three bars", "Drie staven").into(),
        description: "10, 20, 30".into(),
        width: 300,
        height: 100,
        shapes: "<rect x=\"0\" y=\"70\" width=\"50\" height=\"30\" fill=\"#0072b2\"/>\
                 <rect x=\"100\" y=\"40\" width=\"50\" height=\"60\" fill=\"#e69f00\"/>"
            .into(),
        caption: Some(lang.pick("Bars", "Staven").into()),
    });
    p.provenance(&Provenance::of(&evaluation).with("scenario", "scenario", "x.toml"));
    p.finish()
}

#[test]
fn a_page_with_every_block_renders_in_both_languages() {
    check_page(
        "report-blocks-en",
        &page(Lang::En),
        &[
            "<h1>Every block</h1>",
            "a &lt; b &amp; c",
            "<th scope=\"col\">Country</th>",
            "<th scope=\"row\">CO</th>",
            "<title id=\"fig1-t\">Three bars</title>",
            "<dt>input sha256</dt>",
            "<footer><p class=\"marking\">Unclassified (Ongerubriceerd)</p></footer>",
        ],
    );
    check_page(
        "report-blocks-nl",
        &page(Lang::Nl),
        &[
            "<h2>Herkomst</h2>",
            "<dt>regelboek sha256</dt>",
            "<figcaption>Staven</figcaption>",
        ],
    );
}

#[test]
fn a_page_with_a_script_error_fails_the_check() {
    // Bypass the static checks (no <script> allowed) by writing the page directly, so that
    // Chromium's console log has to catch it.
    let file = out_dir().join("script-error.html");
    std::fs::write(
        &file,
        "<html><body><main>x</main><script>undefinedFunction()</script></body></html>",
    )
    .unwrap();
    let (_, log) = run(
        &file,
        &[
            "--dump-dom".to_string(),
            "--enable-logging=stderr".to_string(),
            "--v=0".to_string(),
        ],
    );
    assert!(
        log.contains("CONSOLE"),
        "Chromium logged no console error:\n{log}"
    );
}

#[test]
fn a_broken_page_fails_the_check() {
    let r = std::panic::catch_unwind(|| {
        check_page("broken", "<html><body><p>no main</p></body></html>", &["x"]);
    });
    assert!(r.is_err());
}
