//! The central weighting as a rulebook patch file (`base = "…"`, `[scoring.weights]`,
//! `[[patch]]` thresholds) that `advise --rules FILE` accepts (docs/model.md, *Changing the model
//! without recompiling*). Each side keeps the rulebook's weight total; within it the weights are
//! the calibrated ones. Numbers are written at full (round-trip) precision so the patched
//! rulebook reproduces the decisions with the margin the calibration found.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::engine::EngineProblem;
use crate::Calibration;

/// The patch file's text.
pub fn rulebook_patch(engine: &EngineProblem, calibration: &Calibration) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Calibrated by placement-calibrate: the central (maximum-margin) weighting that reproduces\n# {} of {} documented decisions ({}). ILLUSTRATIVE: calibrated on illustrative inputs.",
        calibration.decisions_reproducible,
        calibration.decisions_total,
        calibration.title
    );
    let _ = writeln!(out, "\n[rulebook]");
    let _ = writeln!(out, "id = \"{}-calibrated\"", engine.base);
    let _ = writeln!(out, "base = \"{}\"", engine.base);
    let _ = writeln!(out, "\n[scoring.weights]");
    for (g, group) in engine.problem.groups.iter().enumerate() {
        let total = engine.side_totals.get(g).copied().unwrap_or(0.0);
        for &j in &group.criteria {
            let w = calibration
                .weights
                .iter()
                .find(|i| i.name == engine.problem.criteria[j])
                .map_or(0.0, |i| i.central)
                .clamp(0.0, 1.0);
            // LP round-off below 1e-12 is zero.
            let w = if w < 1e-12 { 0.0 } else { w };
            let _ = writeln!(out, "{} = {}", engine.problem.criteria[j], total * w);
        }
    }
    let mut by_rule: BTreeMap<&str, Vec<(String, f64)>> = BTreeMap::new();
    for (k, (rule, metric)) in engine.threshold_rules.iter().enumerate() {
        if let Some(t) = calibration.thresholds.get(k) {
            by_rule
                .entry(rule.as_str())
                .or_default()
                .push((metric.id().to_string(), t.central));
        }
    }
    for (rule, thresholds) in by_rule {
        let list: Vec<String> = thresholds
            .iter()
            .map(|(id, v)| format!("{{ id = \"{id}\", value = {v} }}"))
            .collect();
        let _ = writeln!(
            out,
            "\n[[patch]]\nrule = \"{rule}\"\nthreshold = [{}]",
            list.join(", ")
        );
    }
    out
}
