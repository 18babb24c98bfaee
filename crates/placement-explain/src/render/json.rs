//! JSON: the stable schema of `docs/explain.md` (pretty-printed, fields in declaration order).

use crate::compare::Comparison;
use crate::explainer::Explanation;

/// The explanation as JSON.
pub fn json(e: &Explanation) -> String {
    serde_json::to_string_pretty(e).unwrap_or_default()
}

/// The comparison as JSON.
pub fn comparison_json(c: &Comparison) -> String {
    serde_json::to_string_pretty(c).unwrap_or_default()
}
