//! A small SVG writer for the value curve: two polylines (exact, greedy) on labelled axes.
//! No plotting dependency; the output is deterministic text.

use std::fmt::Write;

use crate::analysis::CurvePoint;

/// A plotted series: name, colour, and how to read its value.
type Series = (&'static str, &'static str, fn(&CurvePoint) -> Option<f64>);

/// The value curve as a standalone SVG document (640 × 400).
pub fn value_curve_svg(title: &str, curve: &[CurvePoint]) -> String {
    let (w, h, left, right, top, bottom) = (640.0, 400.0, 70.0, 20.0, 40.0, 50.0);
    let xs: Vec<f64> = curve.iter().map(|p| f64::from(p.capacity)).collect();
    let (x0, x1) = (
        xs.iter().copied().fold(f64::INFINITY, f64::min),
        xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    );
    let ymax = curve
        .iter()
        .flat_map(|p| [p.exact, p.greedy])
        .flatten()
        .fold(0.0_f64, f64::max);
    let ymax = nice_ceiling(ymax);
    let (x0, x1) = if x0.is_finite() && x1 > x0 {
        (x0, x1)
    } else {
        (0.0, 1.0)
    };
    let sx = |x: f64| left + (x - x0) / (x1 - x0) * (w - left - right);
    let sy = |y: f64| h - bottom - y / ymax * (h - top - bottom);
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r#"<rect width="{w}" height="{h}" fill="white"/>"#);
    let _ = writeln!(
        s,
        r#"<text x="{}" y="22" text-anchor="middle" font-size="14">{}</text>"#,
        w / 2.0,
        escape(title)
    );
    // Axes and ticks.
    let _ = writeln!(
        s,
        r#"<path d="M{left} {top} V{} H{}" stroke="black" fill="none"/>"#,
        h - bottom,
        w - right
    );
    for i in 0..=5 {
        let y = ymax * f64::from(i) / 5.0;
        let _ = writeln!(
            s,
            r##"<line x1="{left}" x2="{}" y1="{py:.1}" y2="{py:.1}" stroke="#ddd"/><text x="{}" y="{:.1}" text-anchor="end">{y:.0}</text>"##,
            w - right,
            left - 6.0,
            sy(y) + 4.0,
            py = sy(y)
        );
    }
    for x in &xs {
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{}" text-anchor="middle">{x:.0}</text>"#,
            sx(*x),
            h - bottom + 18.0
        );
    }
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" text-anchor="middle">capacity (liaisons)</text>"#,
        (left + w - right) / 2.0,
        h - 10.0
    );
    let _ = writeln!(
        s,
        r#"<text x="16" y="{}" text-anchor="middle" transform="rotate(-90 16 {})">value covered</text>"#,
        (top + h - bottom) / 2.0,
        (top + h - bottom) / 2.0
    );
    let series: [Series; 2] = [
        ("exact (MIP)", "#1f5fa8", |p| p.exact),
        ("greedy", "#d2691e", |p| p.greedy),
    ];
    for (k, (name, colour, get)) in series.iter().enumerate() {
        let pts: Vec<String> = curve
            .iter()
            .filter_map(|p| {
                get(p).map(|y| format!("{:.1},{:.1}", sx(f64::from(p.capacity)), sy(y)))
            })
            .collect();
        let dash = if k == 1 {
            r#" stroke-dasharray="6 4""#
        } else {
            ""
        };
        let _ = writeln!(
            s,
            r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>"#,
            pts.join(" ")
        );
        let ly = top + 14.0 + 16.0 * k as f64;
        let _ = writeln!(
            s,
            r#"<line x1="{}" x2="{}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="2"{dash}/><text x="{}" y="{}">{name}</text>"#,
            left + 12.0,
            left + 36.0,
            left + 42.0,
            ly + 4.0
        );
    }
    s.push_str("</svg>\n");
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
}
