//! The core's validation issues in words, as a user meets them: bad files read through the core,
//! rendered in English and Dutch. Every line names the file, the field and the offending value
//! (quoted as a bounded excerpt) and says how to fix it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use placement_core::error::{CodeProblem, EvidencePart, Issue, IssueArgs, ParamTable, Vocabulary};
use placement_core::rulebook::{Effect, Stage};
use placement_core::{AssessmentSet, Class, CountryCode, Criterion, Error, Rulebook, Side};
use placement_text::Lang;

/// An assessment set of one country `code`, every criterion 5 but for `over` (a TOML line that
/// replaces the criterion's value, e.g. `socta = 12`).
fn set_toml(code: &str, over: &[(&str, &str)]) -> String {
    let mut s = String::from(
        "[meta]\ntitle = \"t\"\nillustrative = true\nas_of = \"2025-01-01\"\n\n[defaults]\nsource = \"s\"\ndate = \"2024-06-01\"\nconfidence = \"medium\"\nmarking = \"unclassified\"\n",
    );
    s.push_str(&format!(
        "\n[[country]]\ncode = \"{code}\"\n[country.criteria]\n"
    ));
    // A non-member: every criterion but the EU-only one.
    let ids: Vec<&str> = Criterion::ALL
        .into_iter()
        .filter(|c| c.applies_to(false))
        .map(Criterion::id)
        .collect();
    for &k in &ids {
        match over.iter().find(|(n, _)| *n == k) {
            Some((_, v)) => s.push_str(&format!("{k} = {v}\n")),
            None => s.push_str(&format!("{k} = 5\n")),
        }
    }
    for (k, v) in over {
        if !ids.contains(k) {
            s.push_str(&format!("{k} = {v}\n"));
        }
    }
    s
}

fn invalid(r: Result<impl std::fmt::Debug, Error>) -> Error {
    match r {
        Err(e @ Error::Invalid { .. }) => e,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

/// Every issue line of the rendered error names its field and value and has a fix after `; `.
fn check_rendered(e: &Error, origin: &str) {
    for lang in Lang::ALL {
        let text = lang.error(e);
        assert!(text.starts_with(origin), "{lang:?}: names the file: {text}");
        for issue in e.issues() {
            let line = lang.issue(issue);
            assert!(text.contains(&line), "{lang:?}: {line} in {text}");
            assert!(
                line.starts_with(&issue.field),
                "{lang:?}: names the field: {line}"
            );
            if let Some(v) = &issue.value {
                assert!(
                    line.contains(&format!("\"{v}\"")),
                    "{lang:?}: quotes {v}: {line}"
                );
            }
            assert!(line.contains("; "), "{lang:?}: says how to fix it: {line}");
        }
    }
    assert_ne!(
        Lang::En.error(e),
        Lang::Nl.error(e),
        "the Dutch is not the English"
    );
}

#[test]
fn a_bad_assessment_set_reads_in_both_languages() {
    let text = set_toml(
        "CO",
        &[("socta", "12"), ("eu_link", "nan"), ("socta_score", "3")],
    );
    let e = invalid(AssessmentSet::parse("my-input.toml", &text));
    assert_eq!(e.issues().len(), 3, "all problems at once: {e:?}");
    check_rendered(&e, "my-input.toml");
    assert!(Lang::Nl.error(&e).contains("3 problemen gevonden"));
    assert!(Lang::En.error(&e).contains("3 problems found"));
    let e = invalid(AssessmentSet::parse("my-input.toml", &set_toml("UK", &[])));
    check_rendered(&e, "my-input.toml");
    let en = Lang::En.error(&e);
    assert!(
        en.contains("country[0].code = \"UK\": not an ISO 3166-1 code; United Kingdom is GB"),
        "{en}"
    );
    let nl = Lang::Nl.error(&e);
    assert!(nl.contains("Verenigd Koninkrijk is GB"), "{nl}");
}

#[test]
fn out_of_range_values_name_the_scale_in_both_languages() {
    let text = set_toml("CO", &[("socta", "12")]);
    let e = invalid(AssessmentSet::parse("in.toml", &text));
    check_rendered(&e, "in.toml");
    let line = Lang::Nl.issue(&e.issues()[0]);
    assert!(
        line.contains("country[CO].criteria.socta = \"12\""),
        "{line}"
    );
    assert!(line.contains("0 tot en met 10"), "{line}");
}

#[test]
fn a_bad_rulebook_reads_in_both_languages() {
    let text = "[rulebook]\nid = \"x\"\nbase = \"p4-2019\"\n\n[scoring.weights]\nsocta = -1\nnot_a_criterion = 0.1\n";
    let e = invalid(Rulebook::parse("rules.toml", text));
    check_rendered(&e, "rules.toml");
    let en = Lang::En.error(&e);
    assert!(
        en.contains("unknown criterion; use one of: crime_relation"),
        "{en}"
    );
    let e = invalid(Rulebook::embedded("p9-2099"));
    assert!(
        Lang::En.error(&e).contains("use one of: p4-2019"),
        "{}",
        Lang::En.error(&e)
    );
}

#[test]
fn a_mutator_error_lists_what_to_use() {
    let mut r = Rulebook::default_rulebook().unwrap();
    let e = invalid(r.set_rule_enabled("R-NOPE", false));
    let en = Lang::En.error(&e);
    assert!(
        en.contains("rule = \"R-NOPE\": no rule with this id in rulebook p4-2019; use one of: "),
        "{en}"
    );
    assert!(Lang::Nl
        .error(&e)
        .contains("geen regel met deze id in regelboek p4-2019"));
}

#[test]
fn offending_values_are_quoted_as_bounded_excerpts() {
    let huge = format!("\"{}\\u001b[31m\"", "Z".repeat(100_000));
    let text = set_toml("CO", &[]).replace("code = \"CO\"", &format!("code = {huge}"));
    let e = invalid(AssessmentSet::parse("big.toml", &text));
    for lang in Lang::ALL {
        let msg = lang.error(&e);
        assert!(msg.len() < 1_000, "{lang:?}: {} bytes", msg.len());
        assert!(msg.contains('…'), "{msg}");
        assert!(!msg.contains('\u{1b}'), "no raw escape codes");
    }
    let bad = "ZZZ\u{1b}[2J".to_string();
    let msg = Lang::En.error(&bad.parse::<CountryCode>().unwrap_err());
    assert!(msg.contains("ZZZ\\u{1b}[2J"), "{msg}");
}

#[test]
fn the_core_fallback_has_no_sentence_and_the_render_does() {
    let e = invalid(AssessmentSet::parse(
        "in.toml",
        &set_toml("CO", &[("socta", "12")]),
    ));
    let fallback = e.to_string();
    assert!(
        fallback.contains("[out_of_range] country[CO].criteria.socta = \"12\""),
        "{fallback}"
    );
    assert!(!fallback.contains("scale"), "{fallback}");
}

/// One of every kind of argument.
fn every_kind() -> Vec<IssueArgs> {
    use IssueArgs as A;
    let gb = CountryCode::parse("GB").unwrap();
    let mut all = vec![
        A::OutsideScale {
            min: 0.0,
            max: 10.0,
        },
        A::NotANumber { min: 0.0, max: 1.0 },
        A::ThresholdNotFinite,
        A::CountryCode {
            problem: CodeProblem::NotTwoLetters,
        },
        A::CountryCode {
            problem: CodeProblem::Unassigned,
        },
        A::CountryCode {
            problem: CodeProblem::UseInstead { code: gb },
        },
        A::Date,
        A::NoCountries,
        A::DuplicateCountry,
        A::AlreadyInSet,
        A::NotInSet { known: vec![gb] },
        A::LastCountry,
        A::EuOnly,
        A::DerivedFromPhenomena,
        A::DerivedFromLinks,
        A::CriterionNotGiven,
        A::ValueAndMissing,
        A::NoValue,
        A::SelfAccreditation,
        A::SelfLink,
        A::DuplicateLink,
        A::LinkTargetNotInSet,
        A::NoRoles,
        A::DuplicatePhenomenon,
        A::FactsOfOtherCountry,
        A::RejectPolicy,
        A::IncompatibleRulebook {
            made_with: "a".into(),
            made_with_hash: "1".into(),
            given: "b".into(),
            given_hash: "2".into(),
        },
        A::RequiredOrBase,
        A::NoCitation,
        A::NoQuote,
        A::DuplicateRule,
        A::NoSuchRule {
            rulebook: Some("p4-2019".into()),
            known: vec!["R-1".into()],
        },
        A::NoSuchRule {
            rulebook: None,
            known: vec![],
        },
        A::ComparesNothing { rule: "R-1".into() },
        A::NotWeighed,
        A::BadWeight,
        A::WeightMissing,
        A::SideSum {
            side: Side::Need,
            sum: 0.0,
        },
        A::SideSum {
            side: Side::AddedValue,
            sum: 0.0,
        },
        A::NoStatement,
        A::EffectWrongStage {
            stage: Stage::Class,
        },
        A::DependsOnLaterStage {
            stage: Stage::Network,
        },
        A::DecidedLater {
            stage: Stage::Instrument,
        },
        A::NetworkOnly,
        A::Cycle {
            rules: vec!["R-1".into(), "R-2".into()],
        },
        A::Conflict {
            stage: Stage::Class,
            salience: 3,
            first: Effect::Class(Class::Priority),
            second: Effect::Class(Class::Other),
        },
    ];
    for part in [
        EvidencePart::Source,
        EvidencePart::Date,
        EvidencePart::Confidence,
        EvidencePart::Marking,
    ] {
        all.push(A::NoEvidence { part });
    }
    for table in [
        ParamTable::PhenomenonPriority,
        ParamTable::RoleFactor,
        ParamTable::TrendFactor,
    ] {
        all.push(A::EveryNeeds { table });
    }
    for vocabulary in [
        Vocabulary::Criterion,
        Vocabulary::Phenomenon,
        Vocabulary::Region,
        Vocabulary::Class,
        Vocabulary::Instrument,
        Vocabulary::Stage,
        Vocabulary::Metric,
        Vocabulary::Fact,
        Vocabulary::DataSharingBasis,
        Vocabulary::Operator,
        Vocabulary::Rulebook,
        Vocabulary::SeedFile,
    ] {
        all.push(A::OneOf {
            vocabulary,
            allowed: vec!["x".into()],
        });
    }
    all
}

#[test]
fn every_kind_of_issue_has_its_own_words_in_both_languages() {
    let all = every_kind();
    for lang in Lang::ALL {
        let texts: Vec<String> = all.iter().map(|a| lang.issue_problem(a)).collect();
        let distinct: BTreeSet<&String> = texts.iter().collect();
        assert_eq!(
            distinct.len(),
            texts.len(),
            "{lang:?}: two kinds share words: {texts:#?}"
        );
        for (a, t) in all.iter().zip(&texts) {
            assert!(
                t.contains("; ") || t.contains(": "),
                "{lang:?} {a:?}: says how to fix it: {t}"
            );
            assert!(
                !t.contains("invalid; see"),
                "{lang:?} {a:?}: falls back: {t}"
            );
        }
    }
    for a in &all {
        assert_ne!(
            Lang::En.issue_problem(a),
            Lang::Nl.issue_problem(a),
            "{a:?}"
        );
    }
}

#[test]
fn issues_serialise_as_code_field_value_and_args() {
    let i = Issue::new("weights.socta", -1, IssueArgs::BadWeight);
    let json = serde_json::to_string(&i).unwrap();
    assert_eq!(
        json,
        r#"{"code":"bad_weights","field":"weights.socta","value":"-1","args":{"kind":"bad_weight"}}"#
    );
    let i = Issue::new("country", "", IssueArgs::NoCountries);
    assert_eq!(
        serde_json::to_string(&i).unwrap(),
        r#"{"code":"missing","field":"country","args":{"kind":"no_countries"}}"#
    );
}
