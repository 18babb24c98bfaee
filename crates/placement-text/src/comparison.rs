//! Comparisons as printed: true at the precision shown, in the direction that holds.

use placement_core::rulebook::Op;

use crate::{decimals_apart, num, Lang};

/// The opposite comparison: the one that holds when `op` does not.
pub fn negate(op: Op) -> Op {
    match op {
        Op::Ge => Op::Lt,
        Op::Gt => Op::Le,
        Op::Le => Op::Gt,
        Op::Lt => Op::Ge,
    }
}

impl Lang {
    /// `value op threshold` when it holds, with the margin (`84.5 ≥ 35.0 (margin 49.5)`);
    /// otherwise the comparison that does hold and the shortfall (`36.4 < 45.0 (8.6 short)`).
    /// Printed with `d` decimals, or more where `d` would print the two numbers alike.
    ///
    /// ```
    /// use placement_core::rulebook::Op;
    /// use placement_text::Lang;
    /// assert_eq!(Lang::En.comparison(36.38, Op::Ge, 45.0, 1), "36.4 < 45.0 (8.6 short)");
    /// assert_eq!(Lang::Nl.comparison(84.5, Op::Ge, 35.0, 1), "84,5 ≥ 35,0 (marge 49,5)");
    /// assert_eq!(Lang::Nl.comparison(5.99984, Op::Ge, 6.0, 1), "5,9998 < 6,0000 (0,0002 tekort)");
    /// ```
    pub fn comparison(self, value: f64, op: Op, threshold: f64, d: usize) -> String {
        let holds = op.holds(value, threshold);
        let shown = if holds { op } else { negate(op) };
        let d = if value == threshold {
            d
        } else {
            decimals_apart(value, threshold, d)
        };
        let gap = num(self, (value - threshold).abs(), d);
        let tail = if holds {
            format!("{} {gap}", self.pick("margin", "marge"))
        } else {
            format!("{gap} {}", self.pick("short", "tekort"))
        };
        format!(
            "{} {} {} ({tail})",
            num(self, value, d),
            self.op(shown),
            num(self, threshold, d)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_printed_comparison_always_holds() {
        for (v, op, t) in [
            (36.38, Op::Ge, 45.0),
            (45.0, Op::Gt, 45.0),
            (45.0, Op::Ge, 45.0),
            (44.96, Op::Lt, 45.0),
            (46.0, Op::Le, 45.0),
        ] {
            let s = Lang::En.comparison(v, op, t, 1);
            let parts: Vec<&str> = s.split(' ').collect();
            let (a, b): (f64, f64) = (
                parts[0].parse().unwrap_or(f64::NAN),
                parts[2].parse().unwrap_or(f64::NAN),
            );
            let shown = match parts[1] {
                "≥" => Op::Ge,
                ">" => Op::Gt,
                "≤" => Op::Le,
                _ => Op::Lt,
            };
            assert!(shown.holds(a, b), "{s}");
        }
    }
}
