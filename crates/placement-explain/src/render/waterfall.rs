//! The contributions to a country's score as a waterfall chart (inline SVG for the HTML
//! report): one bar per part, each starting where the previous one ended, then the total.
//! Points are read from the explanation's [`Contributions`](crate::contributions::Contributions);
//! nothing is recomputed except the running sum, which ends at the score.

use std::fmt::Write as _;

use placement_report::html::{escape, Figure};

use crate::contributions::Part;
use crate::i18n::{num, signed, Lang};

/// Okabe & Ito (2008) colour-blind-safe palette: blue for a gain, vermillion for a loss, and
/// near-black for the total.
const GAIN: &str = "#0072B2";
const LOSS: &str = "#D55E00";
const TOTAL: &str = "#222222";

const ROW: f64 = 22.0;
const LABEL_W: f64 = 300.0;
const PLOT_W: f64 = 380.0;
const VALUE_W: f64 = 70.0;
const TOP: f64 = 48.0;
const BOTTOM: f64 = 40.0;

/// A waterfall of `parts` (each with its label) ending at `total`, as a figure whose
/// description lists every bar in words (the chart's text alternative).
pub(crate) fn waterfall(parts: &[(String, &Part)], total: f64, lang: Lang, title: &str) -> Figure {
    // The running sum and its extent (a loss can take it below 0; the axis covers both).
    let mut ends = Vec::with_capacity(parts.len());
    let mut at = 0.0_f64;
    let (mut lo, mut hi) = (0.0_f64, total.max(0.0));
    for (_, p) in parts {
        let start = at;
        at += p.points;
        lo = lo.min(at);
        hi = hi.max(at);
        ends.push((start, at));
    }
    let step = tick_step(hi - lo);
    let lo = (lo / step).floor() * step;
    let hi = ((hi / step).ceil() * step).max(lo + step);
    let x = |v: f64| LABEL_W + (v - lo) / (hi - lo) * PLOT_W;
    let rows = parts.len() + 1;
    let height = TOP + ROW * rows as f64 + BOTTOM;
    let width = LABEL_W + PLOT_W + VALUE_W;
    let esc = escape;
    let mut desc = Vec::with_capacity(rows);
    for (label, p) in parts {
        desc.push(format!("{label}: {}", signed(lang, p.points, 2)));
    }
    desc.push(format!(
        "{}: {}",
        lang.pick("score", "score"),
        num(lang, total, 2)
    ));
    let mut o = String::new();
    let _ = write!(
        o,
        "<g font-family=\"system-ui,Arial,sans-serif\" font-size=\"12\">\
         <text x=\"0\" y=\"18\" font-size=\"14\" font-weight=\"700\">{}</text>",
        esc(title)
    );
    // Axis with ticks, in points, above the bars.
    let axis_y = TOP - 8.0;
    let _ = write!(
        o,
        "<line x1=\"{:.1}\" y1=\"{axis_y}\" x2=\"{:.1}\" y2=\"{axis_y}\" stroke=\"#555\"/>",
        x(lo),
        x(hi)
    );
    let mut v = lo;
    while v <= hi + step * 1e-9 {
        let xv = x(v);
        let _ = write!(
            o,
            "<line x1=\"{xv:.1}\" y1=\"{:.1}\" x2=\"{xv:.1}\" y2=\"{:.1}\" stroke=\"#ddd\"/>\
             <text x=\"{xv:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#333\">{}</text>",
            axis_y,
            TOP + ROW * rows as f64,
            axis_y - 4.0,
            num(lang, v, 0)
        );
        v += step;
    }
    let _ = write!(
        o,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#333\">{}</text>",
        LABEL_W + PLOT_W / 2.0,
        height - 10.0,
        esc(lang.pick("points (0–100 scale)", "punten (schaal 0–100)"))
    );
    let bar =
        |o: &mut String, row: usize, label: &str, from: f64, to: f64, fill: &str, value: &str| {
            let y = TOP + ROW * row as f64;
            let (a, b) = (x(from.min(to)), x(from.max(to)));
            let _ = write!(
                o,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{a:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                LABEL_W - 8.0,
                y + 15.0,
                esc(label),
                y + 3.0,
                (b - a).max(1.0),
                ROW - 6.0,
                LABEL_W + PLOT_W + 6.0,
                y + 15.0,
                esc(value)
            );
        };
    for (row, ((label, p), (from, to))) in parts.iter().zip(&ends).enumerate() {
        let fill = if p.points < 0.0 { LOSS } else { GAIN };
        bar(
            &mut o,
            row,
            label,
            *from,
            *to,
            fill,
            &signed(lang, p.points, 2),
        );
        // A thin connector from this bar's end to the next bar's start.
        let y = TOP + ROW * (row + 1) as f64;
        let _ = write!(
            o,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#888\" stroke-dasharray=\"2,2\"/>",
            x(*to),
            y - 3.0,
            x(*to),
            y + 3.0
        );
    }
    bar(
        &mut o,
        parts.len(),
        lang.pick("Score", "Score"),
        0.0,
        total,
        TOTAL,
        &num(lang, total, 2),
    );
    o.push_str("</g>");
    Figure {
        title: title.to_string(),
        description: desc.join("; "),
        width: width as u32,
        height: height.ceil() as u32,
        shapes: o,
        caption: None,
    }
}

/// A tick spacing of 1, 2 or 5 × 10^k giving four to ten ticks over `range`.
fn tick_step(range: f64) -> f64 {
    if !(range.is_finite() && range > 0.0) {
        return 10.0;
    }
    let raw = range / 6.0;
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|f| f * mag)
        .find(|s| range / s <= 10.0)
        .unwrap_or(10.0 * mag)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // test code: a failure should abort loudly
mod tests {
    use super::*;
    use crate::contributions::PartKind;

    fn part(id: &str, points: f64) -> Part {
        Part {
            kind: PartKind::Criterion,
            id: id.into(),
            value: 5.0,
            weight: Some(0.1),
            points,
            normalised: Some(0.5),
            cost: false,
            added_value: None,
        }
    }

    #[test]
    fn bars_chain_and_end_at_the_total() {
        let (a, b, c) = (part("a", 30.0), part("b", 12.5), part("c", -4.0));
        let parts = vec![
            ("A".to_string(), &a),
            ("B".to_string(), &b),
            ("C".to_string(), &c),
        ];
        let fig = waterfall(&parts, 38.5, Lang::En, "Contributions");
        let svg = &fig.shapes;
        assert_eq!(svg.matches("<rect").count(), 4);
        assert!(svg.contains(GAIN) && svg.contains(LOSS) && svg.contains(TOTAL));
        assert_eq!(
            fig.description,
            "A: +30.00; B: +12.50; C: −4.00; score: 38.50"
        );
        // Each bar starts where the previous one ended: the loss C spans 38.5–42.5, so its left
        // edge is where the total's bar (0–38.5) ends.
        let rect = |k: usize| -> (f64, f64) {
            let (i, _) = svg.match_indices("<rect x=\"").nth(k).unwrap();
            let rest = &svg[i + 9..];
            let x: f64 = rest[..rest.find('"').unwrap()].parse().unwrap();
            let w0 = rest.find("width=\"").unwrap() + 7;
            let w: f64 = rest[w0..w0 + rest[w0..].find('"').unwrap()]
                .parse()
                .unwrap();
            (x, w)
        };
        let (a0, aw) = rect(0);
        let (b0, _) = rect(1);
        let (c0, cw) = rect(2);
        let (t0, tw) = rect(3);
        assert!((a0 + aw - b0).abs() < 0.11, "B starts where A ends");
        assert!((t0 - a0).abs() < 0.11, "both start at 0");
        assert!(
            (c0 - (t0 + tw)).abs() < 0.11 && cw > 0.0,
            "C ends the total"
        );
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(tick_step(60.0), 10.0);
        assert_eq!(tick_step(9.0), 1.0);
        assert_eq!(tick_step(25.0), 5.0);
        assert_eq!(tick_step(0.0), 10.0);
        assert_eq!(tick_step(250.0), 50.0);
    }

    #[test]
    fn dutch_uses_the_decimal_comma() {
        let a = part("a", 12.25);
        let fig = waterfall(&[("A".to_string(), &a)], 12.25, Lang::Nl, "Bijdragen");
        let svg = &fig.shapes;
        assert!(
            svg.contains("+12,25") && svg.contains("punten (schaal 0–100)"),
            "{svg}"
        );
    }
}
