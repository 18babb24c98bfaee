//! Markdown, in English or Dutch.

use super::doc::{self, Block};
use crate::compare::Comparison;
use crate::explainer::Explanation;
use crate::i18n::Lang;

fn format(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for b in blocks {
        if in_list && !matches!(b, Block::Item(_)) {
            out.push('\n');
            in_list = false;
        }
        match b {
            Block::Title(t) => out.push_str(&format!("# {t}\n\n")),
            Block::Heading(h) => out.push_str(&format!("## {h}\n\n")),
            Block::Para(p) => out.push_str(&format!("{p}\n\n")),
            Block::Item(i) => {
                out.push_str(&format!("- {i}\n"));
                in_list = true;
            }
        }
    }
    out
}

/// The full explanation as Markdown.
pub fn markdown(e: &Explanation, lang: Lang) -> String {
    format(&doc::explanation(e, lang))
}

/// A pairwise comparison as Markdown.
pub fn comparison_markdown(c: &Comparison, lang: Lang) -> String {
    format(&doc::comparison(c, lang))
}
