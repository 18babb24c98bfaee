//! Plain text, in English or Dutch, wrapped to [`placement_text::WIDTH`] columns.

use placement_text::{wrap, WIDTH};

use super::doc::{self, Block};
use crate::compare::Comparison;
use crate::explainer::Explanation;
use crate::i18n::Lang;

fn format(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Title(t) => {
                out.push_str(t);
                out.push('\n');
                out.push_str(&"=".repeat(t.chars().count()));
                out.push('\n');
            }
            Block::Heading(h) => {
                out.push('\n');
                out.push_str(h);
                out.push('\n');
                out.push_str(&"-".repeat(h.chars().count()));
                out.push('\n');
            }
            Block::Para(p) => {
                out.push_str(&wrap(p, WIDTH, "", ""));
                out.push('\n');
            }
            Block::Item(i) => {
                out.push_str(&wrap(i, WIDTH, "  - ", "    "));
                out.push('\n');
            }
        }
    }
    out
}

/// The full explanation as plain text.
pub fn text(e: &Explanation, lang: Lang) -> String {
    format(&doc::explanation(e, lang))
}

/// One paragraph: class and its main reasons, the deciding instrument rule, the smallest
/// change that would give another instrument.
pub fn paragraph(e: &Explanation, lang: Lang) -> String {
    doc::paragraph(e, lang)
}

/// A pairwise comparison as plain text.
pub fn comparison_text(c: &Comparison, lang: Lang) -> String {
    format(&doc::comparison(c, lang))
}
