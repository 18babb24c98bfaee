//! Numbers in the language's style.

use crate::Lang;

/// Formats a number with `d` decimals, in the language's style (decimal comma in Dutch).
///
/// A value that rounds to zero prints as `0`, never `-0`.
///
/// ```
/// use placement_text::{num, Lang};
/// assert_eq!(num(Lang::En, 27.0, 2), "27.00");
/// assert_eq!(num(Lang::Nl, -0.001, 2), "0,00");
/// ```
pub fn num(lang: Lang, x: f64, d: usize) -> String {
    let x = if x.abs() < 0.5 * 10f64.powi(-(d as i32)) {
        0.0
    } else {
        x
    };
    let s = format!("{x:.d$}");
    match lang {
        Lang::En => s,
        Lang::Nl => s.replace('.', ","),
    }
}

/// Formats a signed number (`+1.5`, `−0.2`) with a true minus sign.
///
/// ```
/// use placement_text::{signed, Lang};
/// assert_eq!(signed(Lang::Nl, 1.5, 1), "+1,5");
/// assert_eq!(signed(Lang::En, -0.2, 1), "−0.2");
/// ```
pub fn signed(lang: Lang, x: f64, d: usize) -> String {
    let s = num(lang, x, d);
    if s.starts_with('-') {
        s.replacen('-', "−", 1)
    } else {
        format!("+{s}")
    }
}

/// Formats a number at full precision: the fewest decimals (at least `min`, at most 6) that
/// give back `x` within 1e-9, so a factor of 0.875 prints as `0.875`, never `0.88`.
///
/// ```
/// use placement_text::{num_full, Lang};
/// assert_eq!(num_full(Lang::En, 0.85, 2), "0.85");
/// assert_eq!(num_full(Lang::Nl, 0.875, 2), "0,875");
/// assert_eq!(num_full(Lang::En, 0.2, 2), "0.20");
/// ```
pub fn num_full(lang: Lang, x: f64, min: usize) -> String {
    let d = (min..=6)
        .find(|&d| {
            let p = 10f64.powi(d as i32);
            ((x * p).round() / p - x).abs() < 1e-9
        })
        .unwrap_or(6);
    num(lang, x, d)
}

/// A whole number with thousands separators in the language's style: `6,720,000` (Dutch
/// `6.720.000`).
///
/// ```
/// use placement_text::{thousands, Lang};
/// assert_eq!(thousands(Lang::Nl, 8_400_000), "8.400.000");
/// assert_eq!(thousands(Lang::En, 999), "999");
/// ```
pub fn thousands(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let sep = lang.pick(",", ".");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// The decimals (from `d` up to 4) at which `a` and `b` print differently, so a strict
/// comparison between them is visibly true on the page (`36.4 < 36.5`, never `36.4 < 36.4`).
///
/// ```
/// use placement_text::decimals_apart;
/// assert_eq!(decimals_apart(36.38, 45.0, 1), 1);
/// assert_eq!(decimals_apart(5.99984, 6.0, 1), 4);
/// ```
pub fn decimals_apart(a: f64, b: f64, d: usize) -> usize {
    (d..=4)
        .find(|&d| format!("{a:.d$}") != format!("{b:.d$}"))
        .unwrap_or(4)
}
