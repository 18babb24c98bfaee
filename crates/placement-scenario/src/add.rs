//! Countries added by a scenario: a full assessment in the same shape as an assessment set's
//! `[[country]]`, validated by placement-core's own assessment reader.

use placement_core::assessment::SpringboardLink;
use placement_core::{AssessmentSet, CountryAssessment, CountryCode, Criterion};
use placement_text::Lang;

/// Parses one added country against the working set. Springboard links may point to any
/// country of the working set. Returns `(field, message)` pairs on failure.
pub(crate) fn parse_added(
    value: &serde_json::Value,
    set: &AssessmentSet,
    code_text: &str,
) -> Result<CountryAssessment, Vec<(String, String)>> {
    let mut value = value.clone();
    let Some(obj) = value.as_object_mut() else {
        return Err(vec![(
            String::new(),
            "an added country must be a table like an assessment set's [[country]]".to_string(),
        )]);
    };
    // The core reader only accepts links inside its own set; take them out and check them here.
    let links = obj.remove("springboard");
    let placeholder = links.is_some()
        && obj
            .get("criteria")
            .and_then(|c| c.get("springboard"))
            .is_none();
    if placeholder {
        if let Some(c) = obj
            .entry("criteria")
            .or_insert_with(|| serde_json::json!({}))
            .as_object_mut()
        {
            c.insert(
                "springboard".to_string(),
                serde_json::json!({ "missing": true }),
            );
        }
    }
    let doc = serde_json::json!({
        "meta": set.meta(),
        "defaults": {
            "source": format!("scenario: country {code_text} added"),
            "date": set.meta().as_of.to_string(),
            "confidence": "low",
            "marking": "unclassified",
        },
        "country": [value],
    });
    let parsed =
        AssessmentSet::parse("<added country>.json", &doc.to_string()).map_err(|e| match &e {
            placement_core::Error::Invalid { issues, .. } => issues
                .iter()
                .map(|i| {
                    (
                        i.field.split_once('.').map_or("", |(_, f)| f).to_string(),
                        Lang::En.issue(i),
                    )
                })
                .collect(),
            other => vec![(String::new(), Lang::En.error(other))],
        })?;
    let Some(mut ca) = parsed.countries().first().cloned() else {
        return Err(vec![(String::new(), "no country given".to_string())]);
    };
    if let Some(links) = links {
        let mut errors = Vec::new();
        let mut out: Vec<SpringboardLink> = Vec::new();
        for (i, l) in links.as_array().into_iter().flatten().enumerate() {
            let field = format!("springboard[{i}]");
            let to = l.get("to").and_then(|t| t.as_str()).unwrap_or("");
            let access = l
                .get("access")
                .and_then(serde_json::Value::as_f64)
                .unwrap_or(-1.0);
            match CountryCode::parse(to) {
                Ok(c) if set.get(c).is_some() && c != ca.code => {
                    if !(0.0..=1.0).contains(&access) {
                        errors.push((
                            format!("{field}.access"),
                            format!("{access} is outside 0..=1"),
                        ));
                    } else {
                        out.push(SpringboardLink {
                            to: c,
                            access,
                            note: l.get("note").and_then(|n| n.as_str()).map(str::to_string),
                        });
                    }
                }
                Ok(c) => errors.push((
                    format!("{field}.to"),
                    format!("{c} is not another country of the assessment set"),
                )),
                Err(m) => errors.push((format!("{field}.to"), Lang::En.bad_country_code(to, m))),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        out.sort_by_key(|l| l.to);
        ca.springboard = out;
        if placeholder {
            ca.criteria.remove(&Criterion::Springboard);
        }
    }
    Ok(ca)
}
