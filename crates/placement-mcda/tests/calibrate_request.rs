//! The `calibrate` request of the JSON contract: a weighted sum over a matrix calibrated
//! against documented decisions (placement-calibrate; docs/research.md).
#![allow(clippy::unwrap_used)] // test code: a failure should abort loudly

use placement_calibrate::Verdict;
use placement_mcda::request::handle_json;
use placement_mcda::McdaError;

fn field_of(e: &McdaError) -> (&str, &str) {
    match e {
        McdaError::InvalidRequest { field, reason } => (field, reason),
        other => panic!("expected an invalid request, got {other:?}"),
    }
}

#[test]
fn the_shipped_example_is_reproduced_and_its_numbers_hold() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/mcda/calibrate.json"
    ))
    .unwrap();
    let r = handle_json(&text).unwrap();
    let c = r.calibration.unwrap();
    assert_eq!((c.decisions_total, c.decisions_reproducible), (6, 6));
    assert!(c.conflict.is_empty());
    // Every weight's central value lies in its interval and the central weights sum to 1.
    let sum: f64 = c.weights.iter().map(|w| w.central).sum();
    assert!((sum - 1.0).abs() < 1e-9, "{sum}");
    for w in c.weights.iter().chain(&c.thresholds) {
        assert!(
            w.min - 1e-9 <= w.central && w.central <= w.max + 1e-9,
            "{w:?}"
        );
    }
    // The central weighting reproduces every decision with at least the central margin.
    for d in &c.decisions {
        assert!(d.central_margin >= c.central_margin - 1e-6, "{d:?}");
    }
    assert_eq!(c.weights[1].current, Some(0.4));
    assert_eq!(c.decisions[0].label, "A3 before A1");
    assert_eq!(c.decisions[2].source, "decisions[2]");
}

#[test]
fn a_hand_solved_pair_gives_its_interval() {
    // Min-max normalised: A = (1, 0), B = (0, 1). "A before B" ⇔ 100 (w1 − w2) ≥ 0.01
    // ⇔ w1 ≥ 0.50005; the widest margin (100) at w1 = 1.
    let r = handle_json(
        r#"{"matrix": [[3, 1], [1, 2]], "types": [1, 1], "alternatives": ["A", "B"],
            "calibrate": {"decisions": [{"kind": "before", "a": "A", "b": "B"}]}}"#,
    )
    .unwrap();
    let c = r.calibration.unwrap();
    assert!(
        (c.weights[0].min - 0.50005).abs() < 1e-9,
        "{:?}",
        c.weights[0]
    );
    assert!((c.weights[0].max - 1.0).abs() < 1e-9);
    assert!((c.central_margin - 100.0).abs() < 1e-6);
    // With no other decision to constrain the weights, w1 = 0 is allowed: possible, not necessary.
    assert_eq!(c.decisions[0].verdict, Verdict::Possible);
    assert_eq!(r.criteria, Some(vec!["c1".to_string(), "c2".to_string()]));
}

#[test]
fn conflicting_decisions_are_named() {
    // Min-max normalised: A = (1, 0, 0), B = (0, 1, 0), C = (0.5, 0.5, 1). "A before B":
    // w1 > w2; "B before C": w2 > 0.5 w1 + 0.5 w2 + w3, i.e. w2 > w1 + 2 w3. The two contradict
    // each other (a minimal conflict); "C before A" (w3 > 0.5 (w1 − w2)) fits either.
    let r = handle_json(
        r#"{"matrix": [[3, 1, 2], [1, 3, 2], [2, 2, 3]], "types": [1, 1, 1],
            "alternatives": ["A", "B", "C"],
            "calibrate": {"decisions": [
              {"kind": "before", "a": "A", "b": "B"},
              {"kind": "before", "a": "B", "b": "C"},
              {"kind": "before", "a": "C", "b": "A"}]}}"#,
    )
    .unwrap();
    let c = r.calibration.unwrap();
    assert!(c.decisions_reproducible < 3);
    assert_eq!(c.conflict, vec!["A before B", "B before C"]);
}

#[test]
fn every_bad_label_is_reported_at_once() {
    let e = handle_json(
        r#"{"matrix": [[1, 2], [2, 1]], "types": [1, -1], "alternatives": ["A", "B"],
            "calibrate": {"decisions": [
              {"kind": "before", "a": "A", "b": "Z"},
              {"kind": "at_least", "alternative": "A", "threshold": "chosen"}]}}"#,
    )
    .unwrap_err();
    let (field, reason) = field_of(&e);
    assert_eq!(field, "calibrate");
    assert!(
        reason.contains("decisions[0]: no alternative is called \"Z\"; use one of: A, B"),
        "{reason}"
    );
    assert!(
        reason.contains("decisions[1]: no threshold is called \"chosen\""),
        "{reason}"
    );
}

#[test]
fn fields_that_do_not_apply_and_missing_fields_are_errors() {
    let base = r#""matrix": [[1, 2], [2, 1]], "types": [1, -1]"#;
    let dec = r#""calibrate": {"decisions": [{"kind": "before", "a": "A", "b": "B"}]}"#;
    let e = handle_json(&format!(
        r#"{{{base}, "alternatives": ["A", "B"], "method": "wsm", {dec}}}"#
    ))
    .unwrap_err();
    assert_eq!(field_of(&e).0, "method");
    let e = handle_json(&format!(r#"{{{base}, {dec}}}"#)).unwrap_err();
    assert_eq!(field_of(&e).0, "alternatives");
    let e = handle_json(&format!(
        r#"{{{base}, "alternatives": ["A", "B"], "calibrate": {{}}}}"#
    ))
    .unwrap_err();
    assert_eq!(field_of(&e).0, "calibrate.decisions");
    let e = handle_json(&format!(
        r#"{{{base}, "alternatives": ["A", "B"], "calibrate": {{"decisions": [], "margin": 0}}}}"#
    ))
    .unwrap_err();
    assert_eq!(field_of(&e).0, "calibrate.margin");
    let e = handle_json(&format!(
        r#"{{{base}, "alternatives": ["A", "B"], "calibrate": {{"decisions": [], "speed": 1}}}}"#
    ))
    .unwrap_err();
    assert_eq!(field_of(&e).0, "calibrate.speed");
    let e = handle_json(&format!(
        r#"{{{base}, "alternatives": ["A", "A"], "calibrate": {{"decisions": [{{"kind": "after", "a": "A", "b": "B"}}]}}}}"#
    ))
    .unwrap_err();
    assert_eq!(field_of(&e).0, "calibrate.decisions");
    let e = handle_json(&format!(
        r#"{{{base}, "alternatives": ["A", "A"], "weights": [1], {dec}}}"#
    ))
    .unwrap_err();
    let (field, reason) = field_of(&e);
    assert_eq!(field, "calibrate");
    assert!(
        reason.contains("\"A\" is given twice")
            && reason.contains("current weights: 1 given for 2 criteria"),
        "{reason}"
    );
}

#[test]
fn output_is_deterministic() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/mcda/calibrate.json"
    ))
    .unwrap();
    let a = serde_json::to_string(&handle_json(&text).unwrap()).unwrap();
    let b = serde_json::to_string(&handle_json(&text).unwrap()).unwrap();
    assert_eq!(a, b);
}
