//! The `advise` page as an advisor forwards it (`advise --format html --explain --out FILE`),
//! rendered in headless Chromium (`placement_report::testing::check_page_in`: no request leaves
//! the file, no console error, key texts in the DOM, no raw id and, in Dutch, no English word
//! on the page; screenshot under `target/html-screenshots/`), in English and Dutch: the ranked
//! table, the network plan at the capacity with its value curve, and the full explanation of
//! each country shown (waterfall chart, rules, margins, counterfactuals). Also `explain` and
//! `compare` with `--out`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failure should abort loudly

use std::path::PathBuf;
use std::process::Command;

use placement_report::testing::check_page_in;
use placement_text::Lang;

/// Runs an example binary (built by `cargo test`) from the repository root; it must succeed.
fn run(name: &str, args: &[&str]) {
    // target/<profile>/deps/advise_html-HASH → target/<profile>/examples/NAME
    let deps = std::env::current_exe().unwrap();
    let profile = deps.ancestors().nth(2).unwrap();
    let mut command = Command::new(profile.join("examples").join(name));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    let o = command.output().unwrap();
    let why = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{name} {args:?}: {why}");
    assert!(
        o.stdout.is_empty(),
        "--out writes nothing to standard output"
    );
}

fn scratch() -> PathBuf {
    let d = std::env::temp_dir().join(format!("placement-advise-html-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn the_advise_page_carries_the_plan_and_the_explanations() {
    let d = scratch();
    for lang in Lang::ALL {
        let file = d.join(format!("advise-{}.html", lang.id()));
        let f = file.to_str().unwrap();
        run(
            "advise",
            &[
                "--format",
                "html",
                "--explain",
                "--top",
                "3",
                "--lang",
                lang.id(),
                "--out",
                f,
            ],
        );
        let html = std::fs::read_to_string(&file).unwrap();
        let texts = match lang {
            Lang::En => [
                "<th scope=\"col\">Added value</th>",
                "<th scope=\"row\">CO Colombia</th>",
                "<h2>Network plan at the capacity</h2>",
                "<h3>Value curve</h3>",
                "id=\"chosen\"",
                "id=\"network-2025\"",
                "<h2>Explanation: Colombia (CO)</h2>",
                "<h3>Contributions to the score</h3>",
                "Contributions to the score: Colombia</title>",
                "<h3>Margins</h3>",
                "<h2>Provenance</h2>",
            ],
            Lang::Nl => [
                "<th scope=\"col\">Meerwaarde</th>",
                "<th scope=\"row\">CO Colombia</th>",
                "<h2>Netwerkplan binnen de capaciteit</h2>",
                "<h3>Waardecurve</h3>",
                "id=\"chosen\"",
                "id=\"network-2025\"",
                "<h2>Toelichting: Colombia (CO)</h2>",
                "<h3>Bijdragen aan de score</h3>",
                "Bijdragen aan de score: Colombia</title>",
                "<h3>Marges</h3>",
                "<h2>Herkomst</h2>",
            ],
        };
        let dom = check_page_in(
            &format!("advise-full-{}", lang.id()),
            &html,
            &texts,
            lang,
            "",
        );
        // Three countries explained, each with its waterfall chart; one value curve.
        assert_eq!(
            dom.matches("<h3>Marges</h3>").count() + dom.matches("<h3>Margins</h3>").count(),
            3
        );
        assert_eq!(
            dom.matches("<figure>").count(),
            4,
            "three waterfalls and the value curve"
        );
    }
    // explain and compare write their pages with --out too.
    let page = |bin: &str, args: &[&str]| -> String {
        let file = d.join(format!("{bin}.html"));
        let out: Vec<&str> = args
            .iter()
            .copied()
            .chain(["--out", file.to_str().unwrap()])
            .collect();
        run(bin, &out);
        std::fs::read_to_string(&file).unwrap()
    };
    let gb = page("explain", &["GB", "--format", "html", "--lang", "nl"]);
    assert!(gb.contains("<h1>Toelichting: Verenigd Koninkrijk (GB)</h1>"));
    assert!(page("compare", &["GB", "DE", "--format", "html"]).contains("<html lang=\"en\">"));
    std::fs::remove_dir_all(&d).unwrap();
}
