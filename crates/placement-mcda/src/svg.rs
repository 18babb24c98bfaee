//! A small hand-written SVG writer and the SMAA-2 rank acceptability chart.
//!
//! The chart has one stacked horizontal bar per alternative, for the first `top` rows: the
//! bar's segments are the shares of the samples in which the alternative fell in each rank
//! bucket (rank 1, 2, 3, 4–5, 6–10, …), one colour per bucket (the Okabe–Ito palette, safe for
//! colour-blind readers; ranks 1–3 in blue, orange and green), left to right from the best
//! bucket, on a percentage axis (0–100 %, ticks every 20 %) with a legend and the
//! alternatives' labels on the left. The height follows the number of rows, a long title is
//! wrapped rather than cut, and every text is in English or Dutch (decimal comma). Segments
//! with a zero share are not drawn. Output is deterministic (numbers printed with fixed
//! precision) and needs no plotting dependency.
//!
//! ```
//! use placement_mcda::svg::{acceptability_chart, default_buckets, Chart};
//! use placement_text::Lang;
//! let acc = vec![vec![0.7, 0.3], vec![0.3, 0.7]];
//! let chart = Chart { title: "SMAA-2", lang: Lang::En, top: 10 };
//! let svg = acceptability_chart(&chart, &["A".into(), "B".into()], &acc, &default_buckets(2));
//! assert!(svg.starts_with("<svg") && svg.matches("<g class=\"bar\"").count() == 2);
//! assert_eq!(svg.matches("<rect class=\"segment\"").count(), 4);
//! ```

use std::fmt::Write as _;

use placement_text::{num, Lang};

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

/// Colours of the buckets, best rank first: the Okabe–Ito palette (Okabe & Ito 2008,
/// "Color Universal Design"), distinguishable with every common colour-vision deficiency.
/// Ranks 1, 2 and 3 get blue, orange and bluish green (the most distinct three); the later
/// buckets sky blue, yellow, vermillion, reddish purple and two greys. Cycles when there are
/// more buckets.
pub const PALETTE: [&str; 9] = [
    "#0072B2", "#E69F00", "#009E73", "#56B4E9", "#F0E442", "#D55E00", "#CC79A7", "#999999",
    "#DDDDDD",
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
                ("width", num_svg(width)),
                ("height", num_svg(height)),
                (
                    "viewBox",
                    format!("0 0 {} {}", num_svg(width), num_svg(height)),
                ),
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
fn num_svg(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// What the chart says around its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chart<'a> {
    /// The full title; wrapped over as many lines as it needs.
    pub title: &'a str,
    /// Language of the legend, the axis and the tooltips.
    pub lang: Lang,
    /// Rows drawn: the first `top` alternatives (all when there are fewer).
    pub top: usize,
}

/// Width of one character of `size`-px sans-serif text, generously estimated, so that
/// wrapped lines and labels never run past the edge.
fn char_width(size: f64) -> f64 {
    size * 0.62
}

/// Breaks `text` into lines of at most `max` characters at spaces (a longer word gets a
/// line of its own).
fn wrap_words(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The SMAA-2 rank acceptability chart.
///
/// `acceptability[i][r]` is alternative `i`'s share at rank `r + 1` (as in
/// [`crate::smaa::SmaaResult::acceptability`]); rows are drawn in the given order, labelled
/// by `labels[i]`, the first [`Chart::top`] of them.
///
/// # Returns
/// A complete SVG document: one `<g class="bar">` per row drawn, holding one
/// `<rect class="segment">` per bucket with a positive share, each with a `<title>` tooltip;
/// a `<g class="axis">` with one `<text class="tick">` per 20 % and the axis title; a
/// `<g class="legend">` with one swatch per bucket.
pub fn acceptability_chart(
    chart: &Chart<'_>,
    labels: &[String],
    acceptability: &[Vec<f64>],
    buckets: &[RankBucket],
) -> String {
    let lang = chart.lang;
    let rows = labels.len().min(acceptability.len()).min(chart.top);
    let longest = labels
        .iter()
        .take(rows)
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    let (bar_w, row_h, gap, pad) = (600.0, 14.0, 4.0, 16.0);
    let left = pad + (longest as f64 * char_width(11.0)).max(24.0) + 8.0;
    let width = left + bar_w + 3.0 * pad;
    // title: as many lines as needed at 14 px
    let per_line = ((width - 2.0 * pad) / char_width(14.0)).floor().max(10.0) as usize;
    let title_lines = wrap_words(chart.title, per_line);
    let mut y = pad;
    let mut body = SvgWriter::default();
    body.start("g", &[("class", "title".to_string())]);
    for line in &title_lines {
        y += 18.0;
        body.text(
            "text",
            &[
                ("x", num_svg(pad)),
                ("y", num_svg(y)),
                ("font-size", "14".to_string()),
                ("font-weight", "bold".to_string()),
            ],
            line,
        );
    }
    body.end();
    // legend: "Rank" then one swatch per bucket, wrapping to a new line when full
    y += 14.0;
    body.start("g", &[("class", "legend".to_string())]);
    let rank_word = lang.pick("Rank", "Rang");
    body.text(
        "text",
        &[
            ("x", num_svg(pad)),
            ("y", num_svg(y + 10.0)),
            ("font-size", "11".to_string()),
        ],
        rank_word,
    );
    let legend_left = pad + rank_word.len() as f64 * char_width(11.0) + 10.0;
    let step = 72.0;
    let per_row = (((width - pad - legend_left) / step).floor() as usize).max(1);
    for (k, b) in buckets.iter().enumerate() {
        if k > 0 && k % per_row == 0 {
            y += 18.0;
        }
        let x = legend_left + (k % per_row) as f64 * step;
        body.empty(
            "rect",
            &[
                ("class", "swatch".to_string()),
                ("x", num_svg(x)),
                ("y", num_svg(y)),
                ("width", "12".to_string()),
                ("height", "12".to_string()),
                ("fill", PALETTE[k % PALETTE.len()].to_string()),
                ("stroke", "#333".to_string()),
                ("stroke-width", "0.5".to_string()),
            ],
        );
        body.text(
            "text",
            &[
                ("x", num_svg(x + 16.0)),
                ("y", num_svg(y + 10.0)),
                ("font-size", "11".to_string()),
            ],
            &b.label(),
        );
    }
    body.end();
    y += 12.0 + pad;
    let bars_top = y;
    let bars_h = rows as f64 * (row_h + gap);
    // grid lines behind the bars
    body.start("g", &[("class", "grid".to_string())]);
    for t in 0..=5 {
        let x = left + bar_w * f64::from(t) / 5.0;
        body.empty(
            "line",
            &[
                ("x1", num_svg(x)),
                ("x2", num_svg(x)),
                ("y1", num_svg(bars_top - 2.0)),
                ("y2", num_svg(bars_top + bars_h)),
                ("stroke", "#ccc".to_string()),
                ("stroke-width", "1".to_string()),
            ],
        );
    }
    body.end();
    body.start("g", &[("class", "bars".to_string())]);
    for (i, (label, acc)) in labels.iter().zip(acceptability).take(rows).enumerate() {
        let y = bars_top + i as f64 * (row_h + gap);
        body.start("g", &[("class", "bar".to_string())]);
        body.text(
            "text",
            &[
                ("x", num_svg(left - 6.0)),
                ("y", num_svg(y + row_h - 3.0)),
                ("font-size", "11".to_string()),
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
            body.start(
                "rect",
                &[
                    ("class", "segment".to_string()),
                    ("x", num_svg(x)),
                    ("y", num_svg(y)),
                    ("width", num_svg(seg)),
                    ("height", num_svg(row_h)),
                    ("fill", PALETTE[k % PALETTE.len()].to_string()),
                    ("stroke", "white".to_string()),
                    ("stroke-width", "0.5".to_string()),
                ],
            );
            let pct = num(lang, share * 100.0, 1);
            let tip = match lang {
                Lang::En => format!("{label}: rank {} in {pct}% of the samples", b.label()),
                Lang::Nl => format!("{label}: rang {} in {pct}% van de steekproeven", b.label()),
            };
            body.text("title", &[], &tip);
            body.end();
            x += seg;
        }
        body.end();
    }
    body.end();
    // the percentage axis
    let axis_y = bars_top + bars_h + 4.0;
    body.start("g", &[("class", "axis".to_string())]);
    body.empty(
        "line",
        &[
            ("x1", num_svg(left)),
            ("x2", num_svg(left + bar_w)),
            ("y1", num_svg(axis_y)),
            ("y2", num_svg(axis_y)),
            ("stroke", "#333".to_string()),
            ("stroke-width", "1".to_string()),
        ],
    );
    for t in 0..=5u32 {
        let x = left + bar_w * f64::from(t) / 5.0;
        body.empty(
            "line",
            &[
                ("x1", num_svg(x)),
                ("x2", num_svg(x)),
                ("y1", num_svg(axis_y)),
                ("y2", num_svg(axis_y + 5.0)),
                ("stroke", "#333".to_string()),
                ("stroke-width", "1".to_string()),
            ],
        );
        body.text(
            "text",
            &[
                ("class", "tick".to_string()),
                ("x", num_svg(x)),
                ("y", num_svg(axis_y + 17.0)),
                ("font-size", "11".to_string()),
                ("text-anchor", "middle".to_string()),
            ],
            &format!("{}%", t * 20),
        );
    }
    body.text(
        "text",
        &[
            ("class", "axis-title".to_string()),
            ("x", num_svg(left + bar_w / 2.0)),
            ("y", num_svg(axis_y + 34.0)),
            ("font-size", "11".to_string()),
            ("text-anchor", "middle".to_string()),
        ],
        lang.pick(
            "Share of the weight samples (%)",
            "Aandeel van de gewichtensteekproeven (%)",
        ),
    );
    body.end();
    let height = axis_y + 34.0 + pad;
    let mut doc = SvgWriter::new(width, height);
    doc.empty(
        "rect",
        &[
            ("width", num_svg(width)),
            ("height", num_svg(height)),
            ("fill", "white".to_string()),
        ],
    );
    doc.out.push_str(&body.finish());
    doc.finish()
}
