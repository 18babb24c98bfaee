//! EN/NL text and Markdown of a [`Calibration`]; every number from the data, at a precision at
//! which it is true.

use std::fmt::Write;

use placement_text::{num, Lang};

use crate::calibrate::{Calibration, DecisionResult, Interval, Verdict};
use crate::engine::RuleDecided;

/// Output style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
}

fn label(lang: Lang, d: &DecisionResult) -> &str {
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
        Style::Text => {
            let _ = writeln!(out, "\n{text}\n{}", "-".repeat(text.chars().count()));
        }
    }
}

fn row(out: &mut String, style: Style, cells: &[String]) {
    match style {
        Style::Markdown => {
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        Style::Text => {
            let _ = writeln!(
                out,
                "{:<52} {:>7} {:>9} {:>19}",
                cells[0], cells[1], cells[2], cells[3]
            );
        }
    }
}

fn intervals(out: &mut String, style: Style, lang: Lang, items: &[Interval], digits: usize) {
    let header = [
        lang.pick("name", "naam").to_string(),
        lang.pick("now", "nu").to_string(),
        lang.pick("central", "centraal").to_string(),
        lang.pick("feasible interval", "toelaatbaar interval")
            .to_string(),
    ];
    row(out, style, &header);
    if style == Style::Markdown {
        let _ = writeln!(out, "|---|---:|---:|---:|");
    }
    for i in items {
        let name = if i.group.is_empty() {
            // "RULE metric": the metric in words.
            match i.name.split_once(' ') {
                Some((rule, metric)) => format!("{rule} {}", lang.quantity(metric)),
                None => i.name.clone(),
            }
        } else {
            format!("{} ({})", lang.quantity(&i.name), lang.quantity(&i.group))
        };
        row(
            out,
            style,
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

/// The calibration as text or Markdown, with the decisions a rule decides.
pub fn calibration(c: &Calibration, by_rule: &[RuleDecided], lang: Lang, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", lang.illustrative_notice());
    heading(
        &mut out,
        style,
        &format!(
            "{}: {}",
            lang.pick("Calibration", "Kalibratie"),
            match (lang, &c.title_nl) {
                (Lang::Nl, Some(t)) => t.as_str(),
                _ => c.title.as_str(),
            }
        ),
    );
    let _ = writeln!(
        out,
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
    );
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
    let not: Vec<&str> = c
        .decisions
        .iter()
        .filter(|d| !d.reproducible)
        .map(|d| label(lang, d))
        .collect();
    heading(
        &mut out,
        style,
        &format!(
            "{} ({})",
            lang.pick(
                "Not reproduced by the best fit",
                "Niet gereproduceerd door de beste fit"
            ),
            not.len()
        ),
    );
    let _ = writeln!(
        out,
        "{}",
        if not.is_empty() {
            "–".to_string()
        } else {
            not.join(", ")
        }
    );
    if !c.conflict.is_empty() {
        heading(
            &mut out,
            style,
            lang.pick(
                "A minimal set of decisions no weighting reproduces together",
                "Een minimale set beslissingen die geen weging samen reproduceert",
            ),
        );
        let names: Vec<&str> = c
            .conflict
            .iter()
            .map(|l| {
                c.decisions
                    .iter()
                    .find(|d| &d.label == l)
                    .map_or(l.as_str(), |d| label(lang, d))
            })
            .collect();
        let _ = writeln!(out, "{}", names.join(", "));
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
    let _ = writeln!(
        out,
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
    if !by_rule.is_empty() {
        heading(
            &mut out,
            style,
            lang.pick(
                "Decided by a rule, not by a weight (left out)",
                "Beslist door een regel, niet door een gewicht (buiten beschouwing)",
            ),
        );
        for r in by_rule {
            let _ = writeln!(
                out,
                "{} {} ({}: {})",
                if style == Style::Markdown { "-" } else { "*" },
                r.country.as_str(),
                lang.pick(
                    if r.documented == "post" {
                        "post"
                    } else {
                        "no post"
                    },
                    if r.documented == "post" {
                        "post"
                    } else {
                        "geen post"
                    }
                ),
                r.rule
            );
        }
    }
    out
}
