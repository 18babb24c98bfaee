//! A self-contained HTML page, in English or Dutch: one file with its stylesheet inline, no
//! scripts and no external resources, readable offline and printable to A4 (print stylesheet;
//! the classification marking stands in the header and footer of the page). Made from the same
//! blocks as the text and Markdown, so it says the same things.

use std::fmt::Write as _;

use super::doc::{self, Block};
use crate::compare::Comparison;
use crate::explainer::Explanation;
use crate::i18n::Lang;

const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1a1a;\
background:#fff;max-width:52rem;margin:0 auto;padding:1rem 1.5rem;line-height:1.45}\
h1{font-size:1.5rem;border-bottom:2px solid #154273;padding-bottom:.3rem;color:#154273}\
h2{font-size:1.15rem;margin-top:1.6rem;color:#154273}\
ul{padding-left:1.2rem}li{margin:.2rem 0}\
.marking{font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:#8b0000;\
text-align:center;font-size:.85rem;margin:.3rem 0}\
footer{margin-top:2rem;border-top:1px solid #767676;padding-top:.4rem}\
@page{size:A4;margin:18mm 15mm}\
@media print{body{max-width:none;padding:0;font-size:10.5pt}\
header .marking{position:fixed;top:0;left:0;right:0}\
footer{position:fixed;bottom:0;left:0;right:0;border:0;margin:0}\
h2{break-after:avoid}li{break-inside:avoid}}";

/// Escapes text for HTML.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn page(blocks: &[Block], lang: Lang, marking: &str) -> String {
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.as_str()),
            _ => None,
        })
        .unwrap_or("");
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header><p class=\"marking\">{}</p></header>\n<main>\n",
        lang.id(),
        escape(title),
        escape(marking)
    );
    let mut in_list = false;
    for b in blocks {
        if in_list && !matches!(b, Block::Item(_)) {
            o.push_str("</ul>\n");
            in_list = false;
        }
        match b {
            Block::Title(t) => {
                let _ = writeln!(o, "<h1>{}</h1>", escape(t));
            }
            Block::Heading(h) => {
                let _ = writeln!(o, "<h2>{}</h2>", escape(h));
            }
            Block::Para(p) => {
                let _ = writeln!(o, "<p>{}</p>", escape(p));
            }
            Block::Item(i) => {
                if !in_list {
                    o.push_str("<ul>\n");
                    in_list = true;
                }
                let _ = writeln!(o, "<li>{}</li>", escape(i));
            }
        }
    }
    if in_list {
        o.push_str("</ul>\n");
    }
    let _ = write!(
        o,
        "</main>\n<footer><p class=\"marking\">{}</p></footer>\n</body>\n</html>\n",
        escape(marking)
    );
    o
}

/// The full explanation as one self-contained HTML page.
pub fn html(e: &Explanation, lang: Lang) -> String {
    page(
        &doc::explanation(e, lang),
        lang,
        lang.marking(e.provenance.marking),
    )
}

/// A pairwise comparison as one self-contained HTML page. `marking` is the evaluation's
/// classification marking.
pub fn comparison_html(c: &Comparison, lang: Lang, marking: placement_core::Marking) -> String {
    page(&doc::comparison(c, lang), lang, lang.marking(marking))
}

/// The ranked table of a whole evaluation as one self-contained HTML page: a real table with
/// column headers, the marking above and below, the input and rulebook hashes, and the
/// strongest reasons of each country in its last column.
pub fn ranking_html(
    evaluation: &placement_core::Evaluation,
    rules: &placement_core::Rulebook,
    options: &super::RankingOptions<'_>,
) -> String {
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
    let mut o = page(&blocks, lang, lang.marking(evaluation.marking));
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
    let mut t = String::from("<table>\n<caption>");
    t.push_str(&escape(
        lang.pick("Ranked countries", "Gerangschikte landen"),
    ));
    t.push_str("</caption>\n<thead><tr>");
    for h in heads {
        let _ = write!(t, "<th scope=\"col\">{}</th>", escape(h));
    }
    t.push_str("</tr></thead>\n<tbody>\n");
    for r in evaluation
        .records
        .iter()
        .take(options.top.unwrap_or(usize::MAX))
    {
        let reasons = crate::reasons::top_reasons(r, rules, options.reasons, lang)
            .iter()
            .map(|x| escape(x))
            .collect::<Vec<_>>()
            .join("<br>");
        let _ = writeln!(
            t,
            "<tr><td class=\"n\">{}</td><th scope=\"row\">{} {}</th><td>{}</td><td>{}</td><td>{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{reasons}</td></tr>",
            r.rank,
            r.country.as_str(),
            escape(lang.pick(&r.name_en, &r.name_nl)),
            escape(lang.class(r.class)),
            escape(lang.instrument(r.instrument)),
            escape(r.organisation.map_or("–", |x| lang.organisation(x))),
            num(lang, r.score, 1),
            num(lang, r.need, 1),
            num(lang, r.added_value, 1),
        );
    }
    t.push_str("</tbody>\n</table>\n");
    let style = "<style>body{max-width:80rem}table{border-collapse:collapse;width:100%;font-size:.9rem}\
                 td:last-child{min-width:24rem}\
                 caption{text-align:left;font-weight:700;margin:.5rem 0}\
                 th,td{border:1px solid #b4b4b4;padding:.25rem .4rem;vertical-align:top;text-align:left}\
                 thead th{background:#154273;color:#fff}td.n{text-align:right;white-space:nowrap}\
                 tbody tr:nth-child(even){background:#f3f6f9}@media print{thead{display:table-header-group}\
                 tr{break-inside:avoid}}</style>\n";
    if let Some(k) = o.find("</main>") {
        o.insert_str(k, &t);
    }
    if let Some(k) = o.find("</head>") {
        o.insert_str(k, style);
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a < b & «c»"), "a &lt; b &amp; «c»");
    }
}
