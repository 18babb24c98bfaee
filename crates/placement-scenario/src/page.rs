//! The comparison as a self-contained HTML page (`placement-report`'s page builder): the
//! scenario, its changes old → new with their source notes, every outcome change with its
//! attribution (caused by, only jointly, displaced), rank changes, resources for the network
//! planner, the marking in header and footer, and the provenance (input and rulebook hashes of
//! base and scenario). Several scenarios give one page with the comparison table first.

use placement_report::html::{Cell, Page, Table};
use placement_report::Provenance;
use placement_text::{num, Lang};

use crate::attribute::{CountryChange, ScenarioDiff, Snapshot};
use crate::report::{outcome, rank_changes, resource_lines, table_cell, table_rows, why};

/// The provenance of a comparison as the report crate lists it: the scenario's input and
/// rulebook, then the base's hashes and the scenario's files.
pub(crate) fn provenance(diff: &ScenarioDiff) -> Provenance {
    let p = &diff.provenance;
    let mut out = Provenance::from_refs(&p.scenario.input, &p.scenario.rulebook, p.marking());
    out = out
        .with("scenario", "scenario", diff.scenario.clone())
        .with("compared with", "vergeleken met", diff.base_name.clone())
        .with(
            "base input sha256",
            "basisinvoer sha256",
            p.base.input.hash.clone(),
        )
        .with(
            "base rulebook sha256",
            "basisregelboek sha256",
            p.base.rulebook.hash.clone(),
        );
    let mut files: Vec<&str> = diff.changes.iter().map(|c| c.file.as_str()).collect();
    files.sort_unstable();
    files.dedup();
    for f in files {
        out = out.with("scenario file", "scenariobestand", f);
    }
    out
}

fn name(c: &CountryChange, lang: Lang) -> String {
    format!(
        "{} {}",
        c.country.as_str(),
        lang.pick(&c.name_en, &c.name_nl)
    )
}

fn score(s: Option<&Snapshot>, lang: Lang) -> String {
    s.map_or("–".to_string(), |s| num(lang, s.score, 1))
}

/// Adds one comparison's sections to the page (headings `<h3>` when `sub`, else `<h2>`).
fn sections(p: &mut Page, diff: &ScenarioDiff, lang: Lang, sub: bool) {
    let h = |p: &mut Page, t: &str| {
        if sub {
            p.h3(t);
        } else {
            p.h2(t);
        }
    };
    p.para(&lang.cite_seeds(diff.description_in(lang).trim()));
    p.para(&format!(
        "{}: {}. {}: {} → {}.",
        lang.pick("Compared with", "Vergeleken met"),
        diff.base_name,
        lang.pick("Rulebook", "Regelboek"),
        diff.rulebook.0,
        diff.rulebook.1
    ));
    if diff.chain.len() > 1 {
        p.para(&format!(
            "{}: {}.",
            lang.pick("Builds on", "Bouwt voort op"),
            diff.chain.join(" → ")
        ));
    }
    h(p, lang.pick("Changes", "Wijzigingen"));
    let mut t = Table::new(
        lang.pick(
            "The scenario's changes, old → new",
            "De wijzigingen van het scenario, oud → nieuw",
        ),
        [
            "#",
            lang.pick("Change", "Wijziging"),
            lang.pick("Source", "Bron"),
            lang.pick("Where", "Waar"),
        ],
    );
    for (i, c) in diff.changes.iter().enumerate() {
        let mut text = lang.pick(&c.text_en, &c.text_nl).to_string();
        if !c.affects_evaluation {
            text.push_str(lang.pick(" (for the network planner)", " (voor de netwerkplanner)"));
        }
        t.row([
            Cell::num((i + 1).to_string()),
            Cell::text(text),
            Cell::text(
                c.source_in(lang)
                    .map_or(String::new(), |s| lang.cite_seeds(s)),
            ),
            Cell::text(format!("{}:{}", c.file, c.line)),
        ]);
    }
    p.table(&t);
    let outcomes: Vec<&CountryChange> = diff.changed.iter().filter(|c| c.outcome_changed).collect();
    h(
        p,
        &format!(
            "{} ({})",
            lang.pick("Outcome changes", "Gewijzigde uitkomsten"),
            outcomes.len()
        ),
    );
    if outcomes.is_empty() {
        p.para(lang.pick("No outcome changes.", "Geen gewijzigde uitkomsten."));
    } else {
        let mut t = Table::new(
            lang.pick(
                "Countries whose class, instrument or organisation changed",
                "Landen waarvan klasse, instrument of organisatie veranderde",
            ),
            [
                lang.pick("Country", "Land"),
                lang.pick("Before", "Voor"),
                lang.pick("After", "Na"),
                lang.pick("Score before", "Score voor"),
                lang.pick("Score after", "Score na"),
                lang.pick("Why", "Waarom"),
            ],
        );
        for c in outcomes {
            t.row([
                Cell::row_header(name(c, lang)),
                Cell::text(outcome(c.before.as_ref(), lang)),
                Cell::text(outcome(c.after.as_ref(), lang)),
                Cell::num(score(c.before.as_ref(), lang)),
                Cell::num(score(c.after.as_ref(), lang)),
                Cell::text(why(diff, c, lang)),
            ]);
        }
        p.table(&t);
    }
    let ranks = rank_changes(diff);
    if !ranks.is_empty() {
        h(p, lang.pick("Rank changes", "Rangwijzigingen"));
        let mut t = Table::new(
            lang.pick(
                "Rank changes in the top 30 (own score changed, or moved 3 or more places)",
                "Rangwijzigingen in de top 30 (eigen score gewijzigd, of 3 of meer plaatsen verschoven)",
            ),
            [
                lang.pick("Country", "Land"),
                lang.pick("Rank before", "Rang voor"),
                lang.pick("Rank after", "Rang na"),
                lang.pick("Score before", "Score voor"),
                lang.pick("Score after", "Score na"),
                lang.pick("Why", "Waarom"),
            ],
        );
        for c in ranks {
            t.row([
                Cell::row_header(name(c, lang)),
                Cell::num(c.before.map_or("–".into(), |s| s.rank.to_string())),
                Cell::num(c.after.map_or("–".into(), |s| s.rank.to_string())),
                Cell::num(score(c.before.as_ref(), lang)),
                Cell::num(score(c.after.as_ref(), lang)),
                Cell::text(why(diff, c, lang)),
            ]);
        }
        p.table(&t);
    }
    h(
        p,
        lang.pick("Unchanged at the top", "Ongewijzigd aan de top"),
    );
    if diff.unchanged_top.is_empty() {
        p.para(lang.pick("None.", "Geen."));
    } else {
        p.list(diff.unchanged_top.iter().map(|(c, s)| {
            format!(
                "#{} {} {} ({})",
                s.rank,
                c.as_str(),
                lang.pick(&c.facts().name_en, &c.facts().name_nl),
                lang.instrument(s.instrument)
            )
        }));
    }
    let resources = resource_lines(diff, lang);
    if !resources.is_empty() {
        h(
            p,
            lang.pick(
                "Resources (for the network planner)",
                "Middelen (voor de netwerkplanner)",
            ),
        );
        p.list(resources);
    }
}

/// One comparison as a self-contained HTML page.
pub fn html(diff: &ScenarioDiff, lang: Lang) -> String {
    let title = format!("{} {}", lang.pick("Scenario", "Scenario"), diff.scenario);
    let prov = provenance(diff);
    let mut p = Page::new(lang, &title, lang.marking(prov.marking));
    p.table_layout(Some("72rem"), None).h1(&title);
    if prov.illustrative {
        p.para(lang.illustrative_notice());
    }
    sections(&mut p, diff, lang, false);
    p.provenance(&prov);
    p.finish()
}

/// Several comparisons on one page: the comparison table (countries × scenarios) first, then
/// each scenario's sections and provenance.
pub fn table_html(diffs: &[ScenarioDiff], lang: Lang) -> String {
    let title = lang
        .pick("Scenarios compared", "Scenario's vergeleken")
        .to_string();
    let marking = diffs
        .iter()
        .map(|d| d.provenance.marking())
        .max()
        .unwrap_or(placement_core::Marking::Unclassified);
    let mut p = Page::new(lang, &title, lang.marking(marking));
    p.table_layout(Some("72rem"), None).h1(&title);
    if diffs.iter().any(|d| provenance(d).illustrative) {
        p.para(lang.illustrative_notice());
    }
    let mut heads = vec![lang.pick("Country", "Land").to_string()];
    heads.extend(diffs.iter().map(|d| d.scenario.clone()));
    let mut t = Table::new(
        lang.pick(
            "Countries whose outcome changed in any scenario (= unchanged)",
            "Landen waarvan de uitkomst in een scenario veranderde (= ongewijzigd)",
        ),
        heads,
    );
    for code in table_rows(diffs) {
        let mut row = vec![Cell::row_header(format!(
            "{} {}",
            code.as_str(),
            lang.pick(&code.facts().name_en, &code.facts().name_nl)
        ))];
        row.extend(diffs.iter().map(|d| Cell::text(table_cell(d, code, lang))));
        t.row(row);
    }
    p.table(&t);
    for d in diffs {
        p.h2(&format!(
            "{} {}",
            lang.pick("Scenario", "Scenario"),
            d.scenario
        ));
        sections(&mut p, d, lang, true);
        p.provenance_at(&provenance(d), 3);
    }
    p.finish()
}
