//! EN/NL text and Markdown of a [`Calibration`], and the calibration as a self-contained HTML
//! page ([`html`]), CSV ([`csv`]) and XLSX ([`xlsx`]); every number from the data, at a
//! precision at which it is true.

use std::fmt::Write;

use placement_text::{num, Lang, WIDTH};

use crate::calibrate::{Calibration, DecisionResult, Interval, Verdict};
use crate::engine::RuleDecided;

pub use crate::page::html;
pub use crate::sheet::{csv, xlsx};

/// Output style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Plain text for the terminal, fitting 100 columns (paragraphs wrapped).
    Text,
    /// Plain text with each paragraph on one line (`--wide`).
    Wide,
    /// Markdown.
    Markdown,
}

/// A decision's label in `lang`.
pub(crate) fn label(lang: Lang, d: &DecisionResult) -> &str {
    match (lang, &d.label_nl) {
        (Lang::Nl, Some(l)) => l,
        _ => &d.label,
    }
}

fn heading(out: &mut String, style: Style, text: &str) {
    match style {
        Style::Markdown => {
            let _ = writeln!(out, "\n## {text}\n");
        }
        Style::Text | Style::Wide => {
            let _ = writeln!(out, "\n{text}\n{}", "-".repeat(text.chars().count()));
        }
    }
}

/// A paragraph: wrapped to [`WIDTH`] in [`Style::Text`], one line otherwise.
fn para(out: &mut String, style: Style, text: &str, first: &str, rest: &str) {
    let lines = match style {
        Style::Text => placement_text::wrap(text, WIDTH, first, rest),
        Style::Wide | Style::Markdown => format!("{first}{text}"),
    };
    out.push_str(&lines);
    out.push('\n');
}

fn row(out: &mut String, style: Style, name_width: usize, cells: &[String]) {
    match style {
        Style::Markdown => {
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        Style::Text | Style::Wide => {
            let _ = writeln!(
                out,
                "{:<name_width$} {:>7} {:>9} {:>19}",
                cells[0], cells[1], cells[2], cells[3]
            );
        }
    }
}

/// A weight's or threshold's name in words: `criterion (side)`, or `RULE quantity`.
pub(crate) fn interval_name(lang: Lang, i: &Interval) -> String {
    if i.group.is_empty() {
        // "RULE metric": the metric in words.
        match i.name.split_once(' ') {
            Some((rule, metric)) => format!("{rule} {}", lang.quantity(metric)),
            None => i.name.clone(),
        }
    } else {
        format!("{} ({})", lang.quantity(&i.name), lang.quantity(&i.group))
    }
}

/// The problem's title in `lang`.
pub(crate) fn title(c: &Calibration, lang: Lang) -> String {
    format!(
        "{}: {}",
        lang.pick("Calibration", "Kalibratie"),
        match (lang, &c.title_nl) {
            (Lang::Nl, Some(t)) => t.as_str(),
            _ => c.title.as_str(),
        }
    )
}

/// The fit in one sentence.
pub(crate) fn fit(c: &Calibration, lang: Lang) -> String {
    format!(
        "{} {} {} {} {} {} {}).",
        c.decisions_reproducible,
        lang.pick("of", "van"),
        c.decisions_total,
        lang.pick(
            "documented decisions can be reproduced together; the central weighting reproduces them with a margin of",
            "gedocumenteerde beslissingen zijn samen te reproduceren; de centrale weging doet dat met een marge van"
        ),
        num(lang, c.central_margin, 2),
        lang.pick("points (margin required:", "punten (vereiste marge:"),
        num(lang, c.options.margin, 2),
    )
}

/// A verdict in words.
pub(crate) fn verdict(lang: Lang, v: Verdict) -> &'static str {
    match v {
        Verdict::Necessary => lang.pick("necessary", "noodzakelijk"),
        Verdict::Possible => lang.pick("possible", "mogelijk"),
        Verdict::Impossible => lang.pick("impossible", "onmogelijk"),
    }
}

/// What was documented for a decision a rule decides.
pub(crate) fn documented(lang: Lang, r: &RuleDecided) -> &'static str {
    if r.documented == "post" {
        lang.pick("post", "post")
    } else {
        lang.pick("no post", "geen post")
    }
}

/// The conflict's decisions by their labels in `lang`.
pub(crate) fn conflict_labels(c: &Calibration, lang: Lang) -> Vec<&str> {
    c.conflict
        .iter()
        .map(|l| {
            c.decisions
                .iter()
                .find(|d| &d.label == l)
                .map_or(l.as_str(), |d| label(lang, d))
        })
        .collect()
}

fn intervals(out: &mut String, style: Style, lang: Lang, items: &[Interval], digits: usize) {
    let header = [
        lang.pick("name", "naam").to_string(),
        lang.pick("now", "nu").to_string(),
        lang.pick("central", "centraal").to_string(),
        lang.pick("feasible interval", "toelaatbaar interval")
            .to_string(),
    ];
    let names: Vec<String> = items.iter().map(|i| interval_name(lang, i)).collect();
    let width = names
        .iter()
        .chain(std::iter::once(&header[0]))
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0);
    row(out, style, width, &header);
    if style == Style::Markdown {
        let _ = writeln!(out, "|---|---:|---:|---:|");
    }
    for (i, name) in items.iter().zip(names) {
        row(
            out,
            style,
            width,
            &[
                name,
                i.current
                    .map_or_else(|| "–".into(), |c| num(lang, c, digits)),
                num(lang, i.central, digits),
                format!(
                    "[{} – {}]",
                    num(lang, i.min, digits),
                    num(lang, i.max, digits)
                ),
            ],
        );
    }
}

/// The calibration as text or Markdown, with the decisions a rule decides. [`Style::Text`]
/// fits 100 columns; [`Style::Wide`] keeps each paragraph on one line.
pub fn calibration(c: &Calibration, by_rule: &[RuleDecided], lang: Lang, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", lang.illustrative_notice());
    heading(&mut out, style, &title(c, lang));
    para(&mut out, style, &fit(c, lang), "", "");
    heading(
        &mut out,
        style,
        lang.pick("Weights (within each side)", "Gewichten (binnen elke kant)"),
    );
    intervals(&mut out, style, lang, &c.weights, 3);
    if !c.thresholds.is_empty() {
        heading(&mut out, style, lang.pick("Thresholds", "Drempels"));
        intervals(&mut out, style, lang, &c.thresholds, 2);
    }
    let not = not_reproduced_labels(c, lang);
    heading(
        &mut out,
        style,
        &format!("{} ({})", not_reproduced(lang), not.len()),
    );
    let list = if not.is_empty() {
        "–".to_string()
    } else {
        not.join(", ")
    };
    para(&mut out, style, &list, "", "");
    if !c.conflict.is_empty() {
        heading(&mut out, style, conflict_heading(lang));
        para(
            &mut out,
            style,
            &conflict_labels(c, lang).join(", "),
            "",
            "",
        );
    }
    let possible: Vec<&str> = c
        .decisions
        .iter()
        .filter(|d| d.reproducible && d.verdict == Verdict::Possible)
        .map(|d| label(lang, d))
        .collect();
    let necessary = c
        .decisions
        .iter()
        .filter(|d| d.verdict == Verdict::Necessary)
        .count();
    heading(
        &mut out,
        style,
        lang.pick("Necessary and possible", "Noodzakelijk en mogelijk"),
    );
    let text = format!(
        "{} {}; {} {}: {}.",
        necessary,
        lang.pick(
            "decisions follow from the others in every consistent weighting (necessary)",
            "beslissingen volgen in elke consistente weging uit de andere (noodzakelijk)"
        ),
        possible.len(),
        lang.pick(
            "reproducible ones only in some (possible)",
            "reproduceerbare alleen in sommige (mogelijk)"
        ),
        if possible.is_empty() {
            "–".to_string()
        } else {
            possible.join(", ")
        }
    );
    para(&mut out, style, &text, "", "");
    if !by_rule.is_empty() {
        heading(&mut out, style, by_rule_heading(lang));
        let bullet = if style == Style::Markdown { "- " } else { "* " };
        for r in by_rule {
            let item = format!(
                "{} ({}: {})",
                r.country.as_str(),
                documented(lang, r),
                r.rule
            );
            para(&mut out, style, &item, bullet, "  ");
        }
    }
    out
}

/// The labels of the decisions the best fit does not reproduce.
pub(crate) fn not_reproduced_labels(c: &Calibration, lang: Lang) -> Vec<&str> {
    c.decisions
        .iter()
        .filter(|d| !d.reproducible)
        .map(|d| label(lang, d))
        .collect()
}

/// The value columns of the weight and threshold intervals, English and Dutch.
pub(crate) const INTERVAL_COLUMNS: [(&str, &str); 4] = [
    ("Now", "Nu"),
    ("Central", "Centraal"),
    ("Lowest consistent", "Laagste consistente"),
    ("Highest consistent", "Hoogste consistente"),
];

/// The columns of the decisions' table, English and Dutch.
pub(crate) const DECISION_HEADERS: [(&str, &str); 5] = [
    ("Decision", "Beslissing"),
    (
        "Best fit reproduces it",
        "Best passende weging reproduceert haar",
    ),
    ("Shortfall (points)", "Tekort (punten)"),
    ("Verdict", "Oordeel"),
    (
        "Margin under the central weighting (points)",
        "Marge bij de centrale weging (punten)",
    ),
];

/// A decision's row: label, reproduced (yes/no), shortfall, verdict, margin under the central
/// weighting, each cell made by `text` or `number`.
pub(crate) fn decision_row<C>(
    lang: Lang,
    d: &DecisionResult,
    text: impl Fn(String) -> C,
    number: impl Fn(f64) -> C,
) -> [C; 5] {
    let yes = if d.reproducible {
        lang.pick("yes", "ja")
    } else {
        lang.pick("no", "nee")
    };
    [
        text(label(lang, d).to_string()),
        text(yes.to_string()),
        number(d.shortfall),
        text(verdict(lang, d.verdict).to_string()),
        number(d.central_margin),
    ]
}

/// The heading of the decisions the best fit does not reproduce.
pub(crate) fn not_reproduced(lang: Lang) -> &'static str {
    lang.pick(
        "Not reproduced by the best fit",
        "Niet gereproduceerd door de best passende weging",
    )
}

/// The heading of the minimal conflicting set.
pub(crate) fn conflict_heading(lang: Lang) -> &'static str {
    lang.pick(
        "A minimal set of decisions no weighting reproduces together",
        "Een minimale set beslissingen die geen weging samen reproduceert",
    )
}

/// The heading of the decisions a rule decides.
pub(crate) fn by_rule_heading(lang: Lang) -> &'static str {
    lang.pick(
        "Decided by a rule, not by a weight (left out)",
        "Beslist door een regel, niet door een gewicht (buiten beschouwing)",
    )
}
