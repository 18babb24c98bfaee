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
