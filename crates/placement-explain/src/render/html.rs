//! A self-contained HTML page, in English or Dutch: one file with its stylesheet inline, no
//! scripts and no external resources, readable offline and printable to A4 (print stylesheet;
//! the classification marking stands in the header and footer of the page). Made from the same
//! blocks as the text and Markdown, so it says the same things.

use placement_report::html::{Cell, Figure, Page, Table};

use super::doc::{self, Block};
use crate::compare::Comparison;
use crate::explainer::Explanation;
use crate::i18n::Lang;

/// Adds these blocks to `p`, with `figure` placed right after the heading it belongs under.
/// `sub` puts the whole document one level down (title `<h2>`, headings `<h3>`), for pages
/// that carry several documents.
fn add_blocks(p: &mut Page, blocks: &[Block], figure: Option<(&str, &Figure)>, sub: bool) {
    for b in blocks {
        match b {
            Block::Title(t) if sub => p.h2(t),
            Block::Title(t) => p.h1(t),
            Block::Heading(h) => {
                if sub {
                    p.h3(h);
                } else {
                    p.h2(h);
                }
                match figure {
                    Some((under, f)) if under == h => p.figure(f),
                    _ => p,
                }
            }
            Block::Para(x) => p.para(x),
            Block::Item(i) => p.item(i),
        };
    }
}

/// The page of these blocks (the shared page builder of `placement-report`), with `figure`
/// placed right after the heading it belongs under.
fn page_of(blocks: &[Block], lang: Lang, marking: &str, figure: Option<(&str, &Figure)>) -> Page {
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.as_str()),
            _ => None,
        })
        .unwrap_or("");
    let mut p = Page::new(lang, title, marking);
    add_blocks(&mut p, blocks, figure, false);
    p
}

fn page(blocks: &[Block], lang: Lang, marking: &str) -> String {
    page_of(blocks, lang, marking, None).finish()
}

/// The blocks of an explanation and its waterfall chart of the contributions to the score
/// (inline SVG with a text alternative), with the heading it goes under.
fn explanation_blocks(e: &Explanation, lang: Lang) -> (Vec<Block>, &'static str, Figure) {
    let blocks = doc::explanation(e, lang);
    let heading = lang.pick("Contributions to the score", "Bijdragen aan de score");
    let parts: Vec<(String, &crate::contributions::Part)> = e
        .contributions
        .score
        .iter()
        .map(|p| (doc::part_name(lang, p), p))
        .collect();
    let chart = super::waterfall::waterfall(
        &parts,
        e.contributions.score_total(),
        lang,
        &format!("{heading}: {}", lang.pick(&e.name_en, &e.name_nl)),
    );
    (blocks, heading, chart)
}

/// The full explanation as one self-contained HTML page, with the contributions to the score
/// as a waterfall chart (inline SVG with a text alternative) under their heading.
pub fn html(e: &Explanation, lang: Lang) -> String {
    let (blocks, heading, chart) = explanation_blocks(e, lang);
    page_of(
        &blocks,
        lang,
        lang.marking(e.provenance.marking),
        Some((heading, &chart)),
    )
    .finish()
}

/// Adds the full explanation to a page that carries several (the `advise` page with
/// `--explain`): the same blocks and waterfall chart as [`html`], one level down (its title a
/// section heading `<h2>`, its headings `<h3>`).
pub fn explanation_sections(p: &mut Page, e: &Explanation, lang: Lang) {
    let (blocks, heading, chart) = explanation_blocks(e, lang);
    add_blocks(p, &blocks, Some((heading, &chart)), true);
}

/// A pairwise comparison as one self-contained HTML page. `marking` is the evaluation's
/// classification marking.
pub fn comparison_html(c: &Comparison, lang: Lang, marking: placement_core::Marking) -> String {
    page(&doc::comparison(c, lang), lang, lang.marking(marking))
}

/// The ranked table of a whole evaluation as one self-contained HTML page: a real table with
/// column headers, the marking above and below, the input and rulebook hashes (in a line under
/// the title and in the provenance section), and the strongest reasons of each country in its
/// last column.
pub fn ranking_html(
    evaluation: &placement_core::Evaluation,
    rules: &placement_core::Rulebook,
    options: &super::RankingOptions<'_>,
) -> String {
    let mut p = ranking_page(evaluation, rules, options);
    p.provenance(&placement_report::Provenance::of(evaluation));
    p.finish()
}

/// The page of [`ranking_html`] before its provenance section, for a page that goes on (the
/// `advise` page adds the network plan and, with `--explain`, the countries' explanations;
/// end it with [`Page::provenance`] and [`Page::finish`]).
pub fn ranking_page(
    evaluation: &placement_core::Evaluation,
    rules: &placement_core::Rulebook,
    options: &super::RankingOptions<'_>,
) -> Page {
    use placement_text::num;
    let lang = options.lang;
    let mut blocks = vec![Block::Title(format!(
        "{} — {} {}",
        lang.shipped_text(&evaluation.input.title),
        lang.pick("rulebook", "regelboek"),
        lang.rulebook_title(&evaluation.rulebook.id, &evaluation.rulebook.title)
    ))];
    if evaluation.input.illustrative {
        blocks.push(Block::Para(lang.illustrative_notice().to_string()));
    }
    blocks.push(Block::Para(format!(
        "{} {}; {} sha256 {}; {} sha256 {}.",
        lang.pick("As of", "Peildatum"),
        evaluation.input.as_of,
        lang.pick("input", "invoer"),
        evaluation.input.hash,
        lang.pick("rulebook", "regelboek"),
        evaluation.rulebook.hash
    )));
    let mut p = page_of(&blocks, lang, lang.marking(evaluation.marking), None);
    let heads = [
        lang.pick("Rank", "Rang"),
        lang.pick("Country", "Land"),
        lang.pick("Class", "Klasse"),
        lang.pick("Instrument", "Instrument"),
        lang.pick("Organisation", "Organisatie"),
        lang.pick("Score", "Score"),
        lang.pick("Need", "Behoefte"),
        lang.pick("Added value", "Meerwaarde"),
        lang.pick("Strongest reasons", "Sterkste redenen"),
    ];
    let mut t = Table::new(lang.pick("Ranked countries", "Gerangschikte landen"), heads);
    for r in evaluation
        .records
        .iter()
        .take(options.top.unwrap_or(usize::MAX))
    {
        t.row([
            Cell::num(r.rank.to_string()),
            Cell::row_header(format!(
                "{} {}",
                r.country.as_str(),
                lang.pick(&r.name_en, &r.name_nl)
            )),
            Cell::text(lang.class(r.class)),
            Cell::text(lang.instrument(r.instrument)),
            Cell::text(r.organisation.map_or("–", |x| lang.organisation(x))),
            Cell::num(num(lang, r.score, 1)),
            Cell::num(num(lang, r.need, 1)),
            Cell::num(num(lang, r.added_value, 1)),
            Cell::Lines(crate::reasons::top_reasons(r, rules, options.reasons, lang)),
        ]);
    }
    p.table_layout(Some("80rem"), Some("24rem")).table(&t);
    p
}
