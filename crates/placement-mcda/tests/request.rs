//! The JSON contract of the `mcda` binary.
#![allow(clippy::unwrap_used)] // test code: a failure should abort loudly

use placement_mcda::request::handle_json;
use placement_mcda::McdaError;

#[test]
fn vikor_request_reports_s_r_q_and_conditions() {
    let r = handle_json(r#"{"matrix": [[1, 3000], [2, 3750], [5, 4500]], "types": [-1, 1], "weights": [0.5, 0.5], "method": "vikor"}"#).unwrap();
    assert_eq!(r.q, Some(vec![1.0, 0.0, 1.0]));
    assert_eq!(r.compromise_set, Some(vec![1]));
    let json = serde_json::to_value(&r).unwrap();
    assert!(json.get("S").is_some() && json.get("phi_plus").is_none());
}

#[test]
fn weighting_only_and_compare_requests() {
    let r =
        handle_json(r#"{"weights": {"scheme": "ahp", "matrix": [[1, 3], [0.3333, 1]]}}"#).unwrap();
    assert!(r.preferences.is_none() && r.weights.is_some() && r.cr.is_some());
    let r = handle_json(
        r#"{"compare": {"x": [1, 2, 3, 4, 5], "y": [2, 1, 3, 4, 5], "metric": "spearman"}}"#,
    )
    .unwrap();
    assert!((r.coefficient.unwrap() - 0.9).abs() < 1e-12);
}

#[test]
fn unknown_names_and_fields_name_the_field() {
    let e = handle_json(r#"{"matrix": [[1]], "types": [1], "weights": [1], "method": "electre"}"#)
        .unwrap_err();
    assert!(
        matches!(&e, McdaError::InvalidRequest { field, reason } if field == "method" && reason.contains("topsis"))
    );
    let e = handle_json(r#"{"matrix": [[1]], "types": [1], "weights": [1], "method": "wsm", "params": {"norm": "x"}}"#).unwrap_err();
    assert!(matches!(&e, McdaError::InvalidRequest { field, .. } if field == "params.norm"));
    let e = handle_json(r#"{"weights": {"scheme": "magic"}}"#).unwrap_err();
    assert!(
        matches!(&e, McdaError::InvalidRequest { field, reason } if field == "weights.scheme" && reason.contains("swara"))
    );
    let e = handle_json("not json").unwrap_err();
    assert!(matches!(e, McdaError::InvalidRequest { .. }));
}

#[test]
fn promethee_request_with_linear_function() {
    let r = handle_json(r#"{"matrix": [[4,3,2],[3,2,4],[5,1,3]], "types": [1,1,1], "weights": [0.5,0.3,0.2], "method": "promethee_ii", "params": {"preference_function": "linear", "q": [0,0,0], "p": [2,2,2]}}"#).unwrap();
    let net = r.preferences.unwrap();
    assert!((net.iter().sum::<f64>()).abs() < 1e-12);
}

#[test]
fn csv_with_labels_round_trips_into_a_labelled_response() {
    use placement_mcda::request::{csv, handle_value};
    let text = "alternative,risk,\"altitude, m\"\ntypes,cost,benefit\nweights,0.5,0.5\nA1,1,3000\n\"A, 2\",2,3750\nA3,5,4500\n";
    let p = csv::parse(text).unwrap();
    assert_eq!(p.criteria, vec!["risk", "altitude, m"]);
    assert_eq!(p.alternatives, vec!["A1", "A, 2", "A3"]);
    let mut req = p.to_request();
    req["method"] = serde_json::json!("vikor");
    let r = handle_value(&req, &mut |_, _| {}).unwrap();
    assert_eq!(r.alternatives.as_deref(), Some(&p.alternatives[..]));
    assert_eq!(r.q, Some(vec![1.0, 0.0, 1.0]));
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["alternatives"][1], "A, 2");
    assert_eq!(json["criteria"][1], "altitude, m");
}

#[test]
fn csv_errors_name_the_line_and_column() {
    use placement_mcda::request::csv;
    let e = csv::parse("alt,price,quality\nA,1,x\nB,2\nC,3,4\nC,5,6\n")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("csv line 2") && e.contains("`quality`") && e.contains("`x`"),
        "{e}"
    );
    assert!(
        e.contains("csv line 3") && e.contains("2 fields, expected 3"),
        "{e}"
    );
    assert!(
        e.contains("csv line 5") && e.contains("`C` appears twice"),
        "{e}"
    );
    let e = csv::parse("").unwrap_err().to_string();
    assert!(e.contains("header"), "{e}");
    // a JSON reader would say "expected value at line 1 column 1"; the CSV reader says what it wants
    let e = csv::parse("alt\nA\n").unwrap_err().to_string();
    assert!(e.contains("at least one criterion"), "{e}");
}

#[test]
fn smaa_and_sensitivity_run_from_a_json_request() {
    let r = handle_json(
        r#"{"matrix": [[1, 0], [0, 1], [0.4, 0.4]], "types": [1, 1], "smaa": {"samples": 20000, "seed": 7}}"#,
    )
    .unwrap();
    let s = r.smaa.unwrap();
    assert!((s.acceptability[0][0] - 0.5).abs() < 0.02);
    assert_eq!(s.acceptability[2][0], 0.0);
    assert_eq!((s.samples, s.seed), (20000, 7));
    // the same request gives the same bits (seeded)
    let again = handle_json(
        r#"{"matrix": [[1, 0], [0, 1], [0.4, 0.4]], "types": [1, 1], "smaa": {"samples": 20000, "seed": 7}}"#,
    )
    .unwrap();
    assert_eq!(again.smaa.unwrap().acceptability, s.acceptability);
    // ordinal weights: criterion 0 at least as important -> A1 first more often
    let r = handle_json(
        r#"{"matrix": [[1, 0], [0, 1], [0.4, 0.4]], "types": [1, 1], "smaa": {"samples": 10000, "weights": {"ranks": [1, 2]}}}"#,
    )
    .unwrap();
    assert!(r.smaa.unwrap().acceptability[0][0] > 0.9);
    // sensitivity: hand-checked 3x3 case of tests/sensitivity.rs under WSM min-max
    let r = handle_json(
        r#"{"matrix": [[1, 0], [0, 1]], "types": [1, 1], "weights": [0.6, 0.4], "method": "wsm", "params": {"normalization": "minmax"}, "sensitivity": {"k": 1}}"#,
    )
    .unwrap();
    let iv = r.sensitivity.unwrap();
    assert!((iv[0].lower - 0.5).abs() < 1e-12 && iv[0].upper == 1.0);
    let r = handle_json(
        r#"{"matrix": [[1, 0], [0, 1]], "types": [1, 1], "weights": [0.6, 0.4], "method": "topsis", "sensitivity": {"steps": 50}}"#,
    )
    .unwrap();
    assert!((r.sensitivity.unwrap()[0].lower - 0.5).abs() < 1e-6);
}

#[test]
fn sample_counts_are_bounded_with_a_clear_error() {
    let e = handle_json(
        r#"{"matrix": [[1, 0], [0, 1]], "types": [1, 1], "smaa": {"samples": 1000000000000}}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("100,000,000"), "{e}");
    let e = handle_json(
        r#"{"matrix": [[1, 0], [0, 1]], "types": [1, 1], "smaa": {"samples": 10, "weights": "dirichlet"}}"#,
    )
    .unwrap_err();
    assert!(matches!(e, McdaError::InvalidRequest { field, .. } if field == "smaa.weights"));
}

#[test]
fn no_response_holds_null() {
    for method in [
        "wsm",
        "wpm",
        "topsis",
        "vikor",
        "promethee_ii",
        "copras",
        "moora",
    ] {
        for m in [
            "[[1e308, 1], [-1e308, 2], [0, 3]]",
            "[[1e200, 3e200], [2e200, 1e200], [3e200, 2e200]]",
            "[[5e-324, 1], [1e-300, 2], [1, 3]]",
        ] {
            let req = format!(
                r#"{{"matrix": {m}, "types": [1, -1], "weights": [0.5, 0.5], "method": "{method}", "sensitivity": {{}}}}"#
            );
            if let Ok(r) = handle_json(&req) {
                let json = serde_json::to_string(&r).unwrap();
                assert!(!json.contains("null"), "{method} {m}: {json}");
            }
        }
    }
}
