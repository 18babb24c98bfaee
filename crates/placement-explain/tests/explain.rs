//! Integration tests of placement-explain. Module index:
//! - `contributions`: parts sum to score, need, added value (fixture and proptest).
//! - `counterfactuals`: each reported change flips its outcome, half of it does not.
//! - `agreement`: the replay agrees with the engine; its bounds contain what it decides.
//! - `parallel`: one thread and two give byte-identical explanations.
//! - `errors`: unknown codes, incompatible rulebooks, malformed record files.
//! - `golden`: rendered English and Dutch text of fixture countries (UPDATE_GOLDEN=1 rewrites).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use placement_core::{AssessmentSet, Engine, Evaluation, Rulebook};
use placement_explain::counterfactual::Search;
use placement_explain::{Explainer, Options};

fn setup() -> (Rulebook, AssessmentSet, Evaluation) {
    let rules = Rulebook::default_rulebook().unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
    (rules, input, evaluation)
}

mod contributions {
    use super::*;
    use proptest::prelude::*;

    fn check_all(rules: &Rulebook, input: &AssessmentSet, evaluation: &Evaluation) {
        let opts = Options {
            pairs: false,
            stability: false,
            ..Options::default()
        };
        let x = Explainer::new(rules, input, evaluation, opts).unwrap();
        for r in &evaluation.records {
            let c = placement_explain::contributions::Contributions::of(r);
            assert!((c.score_total() - r.score).abs() < 1e-9, "{}", r.country);
            assert!((c.need_total() - r.need).abs() < 1e-9, "{}", r.country);
            assert!(
                (c.added_value_total() - r.added_value).abs() < 1e-9,
                "{}",
                r.country
            );
            let _ = &x;
        }
    }

    #[test]
    fn sum_to_score_for_every_fixture_country() {
        let (rules, input, evaluation) = setup();
        check_all(&rules, &input, &evaluation);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn sum_to_score_for_random_inputs(seed in proptest::collection::vec(0.0f64..=10.0, 40)) {
            let (rules, mut input, _) = setup();
            let evidence = input.countries()[0].criteria.values().next().unwrap().evidence.clone();
            for (i, mut ca) in input.countries().to_vec().into_iter().enumerate() {
                for c in placement_core::Criterion::ALL {
                    if c == placement_core::Criterion::Springboard || !c.applies_to(ca.facts.eu_member) { continue; }
                    let v = seed[(i * 7 + c.index()) % seed.len()];
                    ca.set_value(c, (v * 100.0).round() / 100.0, &evidence);
                }
                input.replace_country(ca).unwrap();
            }
            let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
            check_all(&rules, &input, &evaluation);
        }
    }
}

mod counterfactuals {
    use super::*;
    use placement_explain::counterfactual::Target;

    #[test]
    fn each_flips_and_half_does_not() {
        let (rules, input, evaluation) = setup();
        let x = Explainer::new(&rules, &input, &evaluation, Options::default()).unwrap();
        let engine = Engine::new(&rules);
        let mut checked = 0;
        for code in ["CO", "AU", "GB", "DE", "MA", "TR", "BE", "US"] {
            let Ok(e) = x.explain_code(code) else {
                continue;
            };
            let ca = input.get(e.country).unwrap();
            let base = engine.reevaluate(&evaluation, &input, ca).unwrap();
            let rank = |score: f64| {
                1 + evaluation
                    .records
                    .iter()
                    .filter(|r| {
                        r.country != e.country
                            && (r.score > score || (r.score == score && r.country < e.country))
                    })
                    .count()
            };
            let key = |r: &placement_core::DecisionRecord, t: Target| match t {
                Target::Class => r.class.id().to_string(),
                Target::Instrument => r.instrument.id().to_string(),
                Target::TopN => (rank(r.score) <= 10).to_string(),
            };
            let apply = |cf: &placement_explain::counterfactual::Counterfactual, frac: f64| {
                let mut ca2 = ca.clone();
                for ch in &cf.changes {
                    ca2.set_value(
                        ch.criterion,
                        ch.from + frac * ch.delta(),
                        &placement_core::Evidence {
                            source: "test".into(),
                            date: input.meta().as_of,
                            confidence: placement_core::Confidence::Low,
                            marking: placement_core::Marking::Unclassified,
                        },
                    );
                }
                engine.reevaluate(&evaluation, &input, &ca2).unwrap()
            };
            let mut all: Vec<_> = e.counterfactuals.pairs.iter().collect();
            for s in &e.counterfactuals.criteria {
                for t in Target::ALL {
                    match s.get(t) {
                        Search::Found(cf) => all.push(cf),
                        Search::Unconfirmed => panic!("{code} {:?} {t:?} unconfirmed", s.criterion),
                        Search::NoneWithinScale => {}
                    }
                }
            }
            for cf in all {
                let t = cf.target;
                assert_ne!(key(&apply(cf, 1.0), t), key(&base, t), "{code} {cf:?}");
                assert_eq!(key(&apply(cf, 0.5), t), key(&base, t), "{code} half {cf:?}");
                for ch in &cf.changes {
                    assert!((0.0..=10.0).contains(&ch.to));
                }
                checked += 1;
            }
        }
        assert!(checked > 10, "only {checked} counterfactuals checked");
    }
}

mod regimes {
    use super::*;

    /// Explaining under the other regimes works too (and their contributions add up).
    #[test]
    fn other_regimes() {
        for id in ["p2-2013", "p1-2015"] {
            let rules = Rulebook::embedded(id).unwrap();
            let input = AssessmentSet::default_fixture().unwrap();
            let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
            let x = Explainer::new(&rules, &input, &evaluation, Options::default()).unwrap();
            for e in x.explain_all().unwrap() {
                assert!((e.contributions.score_total() - e.recommendation.score).abs() < 1e-9);
            }
        }
    }
}

mod parallel {
    use super::*;
    use placement_explain::render;

    fn all_json(x: &Explainer<'_>, threads: usize) -> String {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| x.explain_all().unwrap())
            .iter()
            .map(render::json)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// `explain_all` gives byte-identical JSON on one thread and on two, and the same as
    /// explaining country by country.
    #[test]
    fn one_and_two_threads_agree() {
        let (rules, input, evaluation) = setup();
        let x = Explainer::new(&rules, &input, &evaluation, Options::default()).unwrap();
        let one = all_json(&x, 1);
        let two = all_json(&x, 2);
        assert!(one == two, "1-thread and 2-thread explanations differ");
        let serial: Vec<String> = evaluation
            .records
            .iter()
            .map(|r| render::json(&x.explain(r.country).unwrap()))
            .collect();
        assert!(one == serial.join("\n"), "explain_all differs from explain");
    }
}

mod errors {
    use super::*;
    use placement_explain::ExplainError;

    #[test]
    fn unknown_country_names_it_and_suggests() {
        let (rules, input, evaluation) = setup();
        let x = Explainer::new(&rules, &input, &evaluation, Options::default()).unwrap();
        let err = x.explain_code("CQ").unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, ExplainError::UnknownCountry { .. }));
        assert!(msg.contains("CQ") && msg.contains("CO"), "{msg}");
        assert!(x.explain_code("Colom").is_err());
        assert!(x.explain_code("").is_err());
    }

    #[test]
    fn incompatible_rulebook_says_which() {
        let (rules, input, _) = setup();
        let old = Rulebook::embedded("p2-2013").unwrap();
        let evaluation = Engine::new(&old).evaluate(&input).unwrap();
        let err = Explainer::new(&rules, &input, &evaluation, Options::default()).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, ExplainError::IncompatibleRulebook { .. }));
        assert!(
            msg.contains("p2-2013") && msg.contains("p4-2019") && msg.contains(&rules.hash()),
            "{msg}"
        );
    }

    #[test]
    fn malformed_record_file() {
        let err =
            placement_explain::parse_evaluation("rec.json", "{\"schema_version\": 1,").unwrap_err();
        assert!(
            matches!(err, ExplainError::MalformedRecord { line: 1, .. }),
            "{err}"
        );
        let (_, _, evaluation) = setup();
        let back = placement_explain::parse_evaluation("rec.json", &evaluation.to_json()).unwrap();
        assert_eq!(back.records.len(), evaluation.records.len());
    }
}

mod golden {
    use super::*;
    use placement_explain::{render, Lang};
    use std::path::PathBuf;

    /// Compares `actual` with the golden file; `UPDATE_GOLDEN=1` rewrites it.
    fn check(name: &str, actual: &str) {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, actual).unwrap();
            return;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            let mut diff = String::new();
            for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
                if e != a {
                    diff.push_str(&format!("line {}:\n- {e}\n+ {a}\n", i + 1));
                }
            }
            diff.push_str(&format!(
                "({} expected lines, {} actual)\n",
                expected.lines().count(),
                actual.lines().count()
            ));
            panic!("golden file {name} differs (UPDATE_GOLDEN=1 to regenerate):\n{diff}");
        }
    }

    #[test]
    fn rendered_text() {
        let (rules, input, evaluation) = setup();
        let x = Explainer::new(&rules, &input, &evaluation, Options::default()).unwrap();
        for code in ["CO", "AU", "GB", "DE"] {
            let e = x.explain_code(code).unwrap();
            check(&format!("{code}.en.txt"), &render::text(&e, Lang::En));
            check(&format!("{code}.nl.txt"), &render::text(&e, Lang::Nl));
        }
        let c = x
            .compare(x.resolve("GB").unwrap(), x.resolve("DE").unwrap())
            .unwrap();
        check("GB-DE.en.txt", &render::comparison_text(&c, Lang::En));
        check("GB-DE.nl.md", &render::comparison_markdown(&c, Lang::Nl));
    }
}
