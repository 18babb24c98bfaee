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
    assert!(matches!(&e, McdaError::InvalidRequest { field, .. } if field == "params"));
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
