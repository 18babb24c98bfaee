//! A small SVG writer for the value curve: the exact optimum and the greedy plan over capacity
//! on labelled axes, with the chosen plan and the 2025 network marked. Colours from the
//! Okabe–Ito palette (distinguishable with every common colour-vision deficiency), and each
//! series also differs in shape (marker and dash), so nothing depends on colour alone. No
//! plotting dependency; the output is deterministic text.

use std::fmt::Write;

use placement_text::{num, Lang};

use crate::analysis::{CurvePoint, Report};

/// Okabe–Ito blue: the exact optimum.
const EXACT: &str = "#0072B2";
/// Okabe–Ito vermilion: the greedy plan.
const GREEDY: &str = "#D55E00";
/// Okabe–Ito bluish green: the chosen plan.
const CHOSEN: &str = "#009E73";
/// Okabe–Ito reddish purple: the 2025 network.
const NETWORK: &str = "#CC79A7";

/// Width and height of the drawing.
const W: f64 = 760.0;
const H: f64 = 440.0;
const LEFT: f64 = 80.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 56.0;
const BOTTOM: f64 = 56.0;

/// A marker of `shape` (`circle`, `square`, `triangle`, `diamond`) centred at `(x, y)`.
fn marker(shape: &str, x: f64, y: f64, colour: &str, attrs: &str) -> String {
    match shape {
        "circle" => format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="4.5" fill="{colour}"{attrs}/>"#),
        "square" => format!(
            r#"<rect x="{:.1}" y="{:.1}" width="8" height="8" fill="white" stroke="{colour}" stroke-width="2"{attrs}/>"#,
            x - 4.0,
            y - 4.0
        ),
        "triangle" => format!(
            r#"<path d="M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z" fill="{colour}" stroke="black" stroke-width="1"{attrs}/>"#,
            y - 8.0,
            x + 7.0,
            y + 5.0,
            x - 7.0,
            y + 5.0
        ),
        _ => format!(
            r#"<path d="M{x:.1} {:.1} L{:.1} {y:.1} L{x:.1} {:.1} L{:.1} {y:.1} Z" fill="{colour}" stroke="black" stroke-width="1"{attrs}/>"#,
            y - 8.0,
            x + 8.0,
            y + 8.0,
            x - 8.0
        ),
    }
}

/// The chart's full title in `lang`.
pub fn value_curve_title(r: &Report, lang: Lang) -> String {
    let (lo, hi) = (
        r.curve.iter().map(|p| p.capacity).min().unwrap_or(0),
        r.curve.iter().map(|p| p.capacity).max().unwrap_or(0),
    );
    let status = if r.illustrative {
        lang.pick("illustrative input", "illustratieve invoer")
    } else {
        lang.pick("assessed input", "beoordeelde invoer")
    };
    match lang {
        Lang::En => format!(
            "Value covered by capacity, {lo}–{hi} liaisons: exact optimum and greedy plan ({status})"
        ),
        Lang::Nl => format!(
            "Gedekte waarde naar capaciteit, {lo}–{hi} liaisons: exact optimum en gretig plan ({status})"
        ),
    }
}

/// What the chart shows, in words (its text alternative).
pub fn value_curve_description(r: &Report, lang: Lang) -> String {
    let n1 = |x: f64| num(lang, x, 1);
    let points: Vec<String> = r
        .curve
        .iter()
        .map(|p| {
            format!(
                "{} → {}",
                p.capacity,
                p.exact
                    .map_or(lang.pick("infeasible", "onhaalbaar").to_string(), n1)
            )
        })
        .collect();
    let mut out = match lang {
        Lang::En => format!(
            "Exact optimum by capacity (liaisons → value): {}. The chosen plan: {} liaisons, value {}.",
            points.join(", "),
            r.constraints.capacity,
            n1(r.solution.exact.value)
        ),
        Lang::Nl => format!(
            "Exact optimum naar capaciteit (liaisons → waarde): {}. Het gekozen plan: {} liaisons, waarde {}.",
            points.join(", "),
            r.constraints.capacity,
            n1(r.solution.exact.value)
        ),
    };
    if let Some(c) = r.comparisons.first() {
        let _ = match lang {
            Lang::En => write!(
                out,
                " The 2025 network: {} liaisons, value {}.",
                c.liaisons_2025,
                n1(c.value_2025)
            ),
            Lang::Nl => write!(
                out,
                " Het netwerk van 2025: {} liaisons, waarde {}.",
                c.liaisons_2025,
                n1(c.value_2025)
            ),
        };
    }
    out
}

/// The value curve of a report as a standalone SVG document in `lang`: exact (blue, solid,
/// filled circles) and greedy (vermilion, dashed, open squares) over capacity, the chosen plan
/// (green triangle, dotted guide at its capacity) and the 2025 network (purple diamond at its
/// liaisons and value), with a legend, a full title and labelled axes. Markers carry
/// `data-capacity` (liaisons) and `data-value`.
pub fn value_curve_svg(r: &Report, lang: Lang) -> String {
    let title = value_curve_title(r, lang);
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12" role="img" aria-labelledby="vc-title vc-desc">"#
    );
    let _ = writeln!(
        s,
        r#"<title id="vc-title">{}</title><desc id="vc-desc">{}</desc>"#,
        escape(&title),
        escape(&value_curve_description(r, lang))
    );
    s.push_str(&value_curve_shapes(r, lang, &title));
    s.push_str("</svg>\n");
    s
}

/// The value curve as a figure of a self-contained HTML page (`placement-report`): the same
/// drawing as [`value_curve_svg`], with the full title as its accessible name and the values
/// in words as its text alternative.
pub fn value_curve_figure(r: &Report, lang: Lang) -> placement_report::html::Figure {
    let title = value_curve_title(r, lang);
    placement_report::html::Figure {
        shapes: value_curve_shapes(r, lang, &title),
        description: value_curve_description(r, lang),
        title,
        width: W as u32,
        height: H as u32,
        caption: None,
    }
}

/// The chart's shapes (without the `<svg>` element), `W` × `H` units.
fn value_curve_shapes(r: &Report, lang: Lang, title: &str) -> String {
    let curve: &[CurvePoint] = &r.curve;
    let chosen = (f64::from(r.constraints.capacity), r.solution.exact.value);
    let network = r
        .comparisons
        .first()
        .map(|c| (f64::from(c.liaisons_2025), c.value_2025));
    let mut xs: Vec<f64> = curve.iter().map(|p| f64::from(p.capacity)).collect();
    xs.push(chosen.0);
    xs.extend(network.map(|n| n.0));
    let (x0, x1) = (
        xs.iter().copied().fold(f64::INFINITY, f64::min),
        xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    );
    let (x0, x1) = if !x0.is_finite() || !x1.is_finite() {
        (0.0, 1.0)
    } else if x1 > x0 {
        (x0, x1)
    } else {
        (x0 - 1.0, x0 + 1.0)
    };
    let ymax = curve
        .iter()
        .flat_map(|p| [p.exact, p.greedy])
        .flatten()
        .chain([chosen.1])
        .chain(network.map(|n| n.1))
        .fold(0.0_f64, f64::max);
    let ymax = nice_ceiling(ymax);
    let sx = |x: f64| LEFT + (x - x0) / (x1 - x0) * (W - LEFT - RIGHT);
    let sy = |y: f64| H - BOTTOM - y / ymax * (H - TOP - BOTTOM);
    let n0 = |x: f64| num(lang, x, 0);
    let n1 = |x: f64| num(lang, x, 1);
    let mut s = String::new();
    let _ = writeln!(s, r#"<rect width="{W}" height="{H}" fill="white"/>"#);
    let _ = writeln!(
        s,
        r#"<text x="{}" y="24" text-anchor="middle" font-size="14" font-weight="bold">{}</text>"#,
        W / 2.0,
        escape(title)
    );
    let _ = writeln!(
        s,
        r#"<path d="M{LEFT} {TOP} V{} H{}" stroke="black" fill="none"/>"#,
        H - BOTTOM,
        W - RIGHT
    );
    for i in 0..=5 {
        let y = ymax * f64::from(i) / 5.0;
        let _ = writeln!(
            s,
            r##"<line x1="{LEFT}" x2="{}" y1="{py:.1}" y2="{py:.1}" stroke="#ddd"/><text x="{}" y="{:.1}" text-anchor="end">{}</text>"##,
            W - RIGHT,
            LEFT - 6.0,
            sy(y) + 4.0,
            n0(y),
            py = sy(y)
        );
    }
    for p in curve {
        let x = f64::from(p.capacity);
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{}" text-anchor="middle">{}</text>"#,
            sx(x),
            H - BOTTOM + 18.0,
            p.capacity
        );
    }
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" text-anchor="middle">{}</text>"#,
        (LEFT + W - RIGHT) / 2.0,
        H - 12.0,
        lang.pick("capacity (liaisons)", "capaciteit (liaisons)")
    );
    let mid = (TOP + H - BOTTOM) / 2.0;
    let _ = writeln!(
        s,
        r#"<text x="18" y="{mid}" text-anchor="middle" transform="rotate(-90 18 {mid})">{}</text>"#,
        lang.pick(
            "value covered (need × added value, points)",
            "gedekte waarde (behoefte × meerwaarde, punten)"
        )
    );
    // Guide at the chosen capacity, under the series.
    let _ = writeln!(
        s,
        r#"<line x1="{x:.1}" x2="{x:.1}" y1="{TOP}" y2="{}" stroke="{CHOSEN}" stroke-width="1.5" stroke-dasharray="2 3"/>"#,
        H - BOTTOM,
        x = sx(chosen.0)
    );
    type Get = fn(&CurvePoint) -> Option<f64>;
    let series: [(&str, &str, &str, &str, Get); 2] = [
        ("exact", EXACT, "circle", "", |p| p.exact),
        (
            "greedy",
            GREEDY,
            "square",
            r#" stroke-dasharray="6 4""#,
            |p| p.greedy,
        ),
    ];
    for (class, colour, shape, dash, get) in series {
        let pts: Vec<(u32, f64)> = curve
            .iter()
            .filter_map(|p| get(p).map(|y| (p.capacity, y)))
            .collect();
        let line: Vec<String> = pts
            .iter()
            .map(|&(x, y)| format!("{:.1},{:.1}", sx(f64::from(x)), sy(y)))
            .collect();
        let _ = writeln!(
            s,
            r#"<polyline class="{class}" points="{}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>"#,
            line.join(" ")
        );
        for (x, y) in pts {
            let attrs = format!(r#" class="{class}" data-capacity="{x}" data-value="{y:.4}""#);
            let _ = writeln!(
                s,
                "{}",
                marker(shape, sx(f64::from(x)), sy(y), colour, &attrs)
            );
        }
    }
    let _ = writeln!(
        s,
        "{}",
        marker(
            "triangle",
            sx(chosen.0),
            sy(chosen.1),
            CHOSEN,
            &format!(
                r#" id="chosen" data-capacity="{}" data-value="{:.4}""#,
                r.constraints.capacity, chosen.1
            )
        )
    );
    if let Some((x, y)) = network {
        let _ = writeln!(
            s,
            "{}",
            marker(
                "diamond",
                sx(x),
                sy(y),
                NETWORK,
                &format!(r#" id="network-2025" data-capacity="{x}" data-value="{y:.4}""#)
            )
        );
    }
    // Legend, bottom right inside the plot (the curves rise to the top right).
    let mut entries: Vec<(String, String)> = vec![
        (
            lang.pick("exact optimum (MIP)", "exact optimum (MIP)")
                .to_string(),
            format!(
                r#"<line x1="-12" x2="12" y1="0" y2="0" stroke="{EXACT}" stroke-width="2"/>{}"#,
                marker("circle", 0.0, 0.0, EXACT, "")
            ),
        ),
        (
            lang.pick("greedy heuristic", "gretige heuristiek")
                .to_string(),
            format!(
                r#"<line x1="-12" x2="12" y1="0" y2="0" stroke="{GREEDY}" stroke-width="2" stroke-dasharray="6 4"/>{}"#,
                marker("square", 0.0, 0.0, GREEDY, "")
            ),
        ),
        (
            match lang {
                Lang::En => format!(
                    "chosen plan: {} liaisons, value {}",
                    r.constraints.capacity,
                    n1(chosen.1)
                ),
                Lang::Nl => format!(
                    "gekozen plan: {} liaisons, waarde {}",
                    r.constraints.capacity,
                    n1(chosen.1)
                ),
            },
            marker("triangle", 0.0, 0.0, CHOSEN, ""),
        ),
    ];
    if let Some((x, y)) = network {
        entries.push((
            match lang {
                Lang::En => format!("2025 network: {x} liaisons, value {}", n1(y)),
                Lang::Nl => format!("netwerk 2025: {x} liaisons, waarde {}", n1(y)),
            },
            marker("diamond", 0.0, 0.0, NETWORK, ""),
        ));
    }
    let (lx, ly) = (
        W - RIGHT - 300.0,
        H - BOTTOM - 20.0 - 20.0 * entries.len() as f64,
    );
    let _ = writeln!(
        s,
        r##"<g class="legend"><rect x="{:.1}" y="{:.1}" width="292" height="{:.1}" fill="white" stroke="#999"/>"##,
        lx - 8.0,
        ly - 6.0,
        20.0 * entries.len() as f64 + 12.0
    );
    for (k, (label, symbol)) in entries.iter().enumerate() {
        let y = ly + 10.0 + 20.0 * k as f64;
        let _ = writeln!(
            s,
            r#"<g transform="translate({:.1} {y:.1})">{symbol}</g><text x="{:.1}" y="{:.1}">{}</text>"#,
            lx + 14.0,
            lx + 34.0,
            y + 4.0,
            escape(label)
        );
    }
    s.push_str("</g>\n");
    s
}

fn nice_ceiling(y: f64) -> f64 {
    if y <= 0.0 || !y.is_finite() {
        return 1.0;
    }
    let mag = 10f64.powf(y.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * mag >= y {
            return m * mag;
        }
    }
    10.0 * mag
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
