//! A small hand-written SVG writer and the SMAA-2 rank acceptability chart.
//!
//! The chart has one stacked horizontal bar per alternative: the bar's segments are the
//! shares of the samples in which the alternative fell in each rank bucket (rank 1, 2, 3,
//! 4–5, 6–10, …), one colour per bucket, left to right from the best bucket, with a legend
//! and the alternatives' labels on the left. Segments with a zero share are not drawn.
//! Output is deterministic (numbers printed with fixed precision) and needs no plotting
//! dependency.
//!
//! ```
//! use placement_mcda::svg::{acceptability_chart, default_buckets};
//! let acc = vec![vec![0.7, 0.3], vec![0.3, 0.7]];
//! let svg = acceptability_chart("SMAA-2", &["A".into(), "B".into()], &acc, &default_buckets(2));
//! assert!(svg.starts_with("<svg") && svg.matches("class=\"bar\"").count() == 4);
//! ```

use std::fmt::Write as _;

/// A contiguous range of ranks `from..=to` (1 = best).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RankBucket {
    /// First rank of the bucket.
    pub from: usize,
    /// Last rank of the bucket (inclusive).
    pub to: usize,
}

impl RankBucket {
    /// `"1"`, `"4–5"`, `"51–139"`.
    pub fn label(&self) -> String {
        if self.from == self.to {
            self.from.to_string()
        } else {
            format!("{}–{}", self.from, self.to)
        }
    }
}

/// Rank buckets 1, 2, 3, 4–5, 6–10, 11–20, 21–50, 51–100, 101–m, cut at `m` alternatives.
pub fn default_buckets(m: usize) -> Vec<RankBucket> {
    let edges = [1, 2, 3, 4, 6, 11, 21, 51, 101];
    let mut out = Vec::new();
    for (k, &from) in edges.iter().enumerate() {
        if from > m {
            break;
        }
        let next = edges.get(k + 1).copied().unwrap_or(usize::MAX);
        out.push(RankBucket {
            from,
            to: next.saturating_sub(1).min(m),
        });
    }
    out
}

/// Sums one alternative's rank acceptabilities (`acceptability[r]` = share at rank `r + 1`)
/// over each bucket.
pub fn bucket_shares(acceptability: &[f64], buckets: &[RankBucket]) -> Vec<f64> {
    buckets
        .iter()
        .map(|b| {
            acceptability
                .get(b.from.saturating_sub(1)..b.to.min(acceptability.len()))
                .map_or(0.0, |s| s.iter().sum())
        })
        .collect()
}

/// Colours of the buckets, best rank first (viridis, 9 steps: dark to light, all visible on
/// white; cycles when there are more buckets).
pub const PALETTE: [&str; 9] = [
    "#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30",
    "#fde725",
];

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Minimal SVG document builder: elements with attributes, text, and nesting that is closed
/// in order ([`SvgWriter::finish`] closes whatever is still open).
#[derive(Debug, Default)]
pub struct SvgWriter {
    out: String,
    open: Vec<&'static str>,
}

impl SvgWriter {
    /// Starts an `<svg>` document of the given size (in px).
    pub fn new(width: f64, height: f64) -> Self {
        let mut w = SvgWriter::default();
        w.start(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg".to_string()),
                ("width", num(width)),
                ("height", num(height)),
                ("viewBox", format!("0 0 {} {}", num(width), num(height))),
                ("font-family", "sans-serif".to_string()),
            ],
        );
        w
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            let _ = write!(self.out, " {k}=\"{}\"", escape(v));
        }
    }

    /// Opens an element that will contain others.
    pub fn start(&mut self, name: &'static str, attrs: &[(&str, String)]) {
        self.tag(name, attrs);
        self.out.push_str(">\n");
        self.open.push(name);
    }

    /// Closes the innermost open element.
    pub fn end(&mut self) {
        if let Some(name) = self.open.pop() {
            let _ = writeln!(self.out, "</{name}>");
        }
    }

    /// An element without content.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// An element holding escaped text.
    pub fn text(&mut self, name: &str, attrs: &[(&str, String)], text: &str) {
        self.tag(name, attrs);
        let _ = writeln!(self.out, ">{}</{name}>", escape(text));
    }

    /// Closes every open element and returns the document.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.end();
        }
        self.out
    }
}

/// A number with at most two decimals, trailing zeros removed (deterministic output).
fn num(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// The SMAA-2 rank acceptability chart.
///
/// `acceptability[i][r]` is alternative `i`'s share at rank `r + 1` (as in
/// [`crate::smaa::SmaaResult::acceptability`]); rows are drawn in the given order, labelled
/// by `labels[i]`.
///
/// # Returns
/// A complete SVG document; one `<rect class="bar">` per (alternative, bucket) with a
/// positive share, each with a `<title>` tooltip.
pub fn acceptability_chart(
    title: &str,
    labels: &[String],
    acceptability: &[Vec<f64>],
    buckets: &[RankBucket],
) -> String {
    let (left, bar_w, row_h, gap, top) = (48.0, 600.0, 12.0, 3.0, 70.0);
    let rows = labels.len().min(acceptability.len());
    let width = left + bar_w + 20.0;
    let height = top + rows as f64 * (row_h + gap) + 30.0;
    let mut w = SvgWriter::new(width, height);
    w.empty(
        "rect",
        &[
            ("width", num(width)),
            ("height", num(height)),
            ("fill", "white".to_string()),
        ],
    );
    w.text(
        "text",
        &[
            ("x", num(left)),
            ("y", "20".to_string()),
            ("font-size", "14".to_string()),
        ],
        title,
    );
    // legend
    w.start("g", &[("class", "legend".to_string())]);
    w.text(
        "text",
        &[
            ("x", num(left)),
            ("y", "44".to_string()),
            ("font-size", "10".to_string()),
        ],
        "rank",
    );
    for (k, b) in buckets.iter().enumerate() {
        let x = left + 32.0 + k as f64 * 60.0;
        w.empty(
            "rect",
            &[
                ("x", num(x)),
                ("y", "35".to_string()),
                ("width", "12".to_string()),
                ("height", "12".to_string()),
                ("fill", PALETTE[k % PALETTE.len()].to_string()),
                ("stroke", "#999".to_string()),
            ],
        );
        w.text(
            "text",
            &[
                ("x", num(x + 15.0)),
                ("y", "45".to_string()),
                ("font-size", "10".to_string()),
            ],
            &b.label(),
        );
    }
    w.end();
    w.start("g", &[("class", "bars".to_string())]);
    for (i, (label, acc)) in labels.iter().zip(acceptability).enumerate() {
        let y = top + i as f64 * (row_h + gap);
        w.text(
            "text",
            &[
                ("x", num(left - 6.0)),
                ("y", num(y + row_h - 2.0)),
                ("font-size", "10".to_string()),
                ("text-anchor", "end".to_string()),
            ],
            label,
        );
        let mut x = left;
        for (k, (share, b)) in bucket_shares(acc, buckets)
            .into_iter()
            .zip(buckets)
            .enumerate()
        {
            if !(share > 0.0) {
                continue;
            }
            let seg = share * bar_w;
            w.start(
                "rect",
                &[
                    ("class", "bar".to_string()),
                    ("x", num(x)),
                    ("y", num(y)),
                    ("width", num(seg)),
                    ("height", num(row_h)),
                    ("fill", PALETTE[k % PALETTE.len()].to_string()),
                ],
            );
            w.text(
                "title",
                &[],
                &format!(
                    "{label}: rank {} in {:.1}% of samples",
                    b.label(),
                    share * 100.0
                ),
            );
            w.end();
            x += seg;
        }
    }
    w.end();
    w.finish()
}
