use placement_core::{AssessmentSet, Engine};
use placement_scenario::{compare, Scenario};

/// Attribution of local changes uses single-country re-evaluation; check its outcomes against
/// full evaluations of base + that change alone.
#[test]
fn cheap_attribution_agrees_with_full_evaluation() {
    let text = r#"
[scenario]
name = "two-changes"
description = "x"
author = "test"
date = "2025-11-12"
[[override]]
country = "GB"
criterion = "cooperation_quality"
value = 2
source = "test"
[[override]]
country = "CO"
criterion = "crime_relation"
value = 1
source = "test"
"#;
    let s = Scenario::parse("t.toml", text, ".".as_ref()).unwrap();
    let d = compare(&s).unwrap();
    assert!(
        d.evaluations.1 >= 1,
        "cheap path not used: {:?}",
        d.evaluations
    );
    for c in d.changed.iter().filter(|c| c.outcome_changed) {
        for (i, ch) in s.changes.iter().enumerate() {
            let mut st = s.base.clone();
            ch.apply(&mut st);
            let e = Engine::new(&st.rulebook).evaluate(&st.assessment).unwrap();
            let r = e.record(c.country).unwrap();
            let same = (r.class, r.instrument, r.organisation) == c.after.unwrap().outcome();
            assert_eq!(
                same,
                c.causes.single.contains(&i),
                "{} change {i}",
                c.country
            );
        }
    }
    assert_eq!(s.base.assessment, AssessmentSet::default_fixture().unwrap());
}

/// Regression (issue 11): with a single effective change, a country that only moved in rank
/// because others moved (its own score identical) is displaced, not caused by the change.
#[test]
fn a_single_change_does_not_cause_a_rank_move_with_an_identical_score() {
    let text = r#"
[scenario]
name = "mx-cooperation"
description = "MX cooperation quality raised."
author = "test"
date = "2025-11-12"

[[override]]
country = "MX"
criterion = "cooperation_quality"
value = 7
source = "test"
"#;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let s = placement_scenario::Scenario::parse("mx.toml", text, dir).unwrap();
    let d = placement_scenario::compare(&s).unwrap();
    let mut displaced = 0;
    for c in &d.changed {
        let same_score = c.before.map(|s| s.score) == c.after.map(|s| s.score);
        if !c.outcome_changed && same_score {
            assert!(c.causes.displaced, "{}: {:?}", c.country, c.causes);
            assert!(c.causes.single.is_empty(), "{}: {:?}", c.country, c.causes);
            displaced += 1;
        } else {
            assert_eq!(c.causes.single, vec![0], "{}", c.country);
        }
    }
    assert!(d.country("MX").is_some_and(|c| !c.causes.displaced));
    assert!(displaced > 0, "the change should move others' ranks");
}

/// Dutch scenario reports are Dutch (issue 11): no raw id and no English word of the tools'
/// vocabulary outside what the scenario author wrote (the description and source notes).
#[test]
fn dutch_reports_of_every_fixture_scenario_are_dutch() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/scenarios");
    let mut diffs = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    names.sort();
    for path in names {
        let s = placement_scenario::Scenario::load(&path).unwrap();
        let d = placement_scenario::compare(&s).unwrap();
        let text = placement_scenario::report::render(
            &d,
            placement_scenario::report::Format::Text,
            placement_text::Lang::Nl,
        );
        let mut ours = String::new();
        let mut text = text.clone();
        for name in d.chain.iter().chain([&d.base_name, &d.scenario]) {
            text = text.replace(name.as_str(), "");
        }
        for (i, line) in text.lines().enumerate() {
            if i == 1 {
                continue; // the description
            }
            let line = line.split(" — ").next().unwrap_or(line);
            let line = line.split(" (fixtures/").next().unwrap_or(line);
            ours.push_str(line);
            ours.push('\n');
        }
        let ids = placement_text::raw_ids(&ours);
        assert!(
            ids.is_empty(),
            "{}: raw ids {ids:?} in:\n{text}",
            d.scenario
        );
        let en = placement_text::english_words(&ours);
        assert!(
            en.is_empty(),
            "{}: English words {en:?} in:\n{text}",
            d.scenario
        );
        diffs.push(d);
    }
    let table = placement_scenario::report::table(
        &diffs,
        placement_scenario::report::Format::Text,
        placement_text::Lang::Nl,
    );
    let body: String = table
        .lines()
        .skip(1)
        .map(|l| l.split(" | ").skip(1).collect::<Vec<_>>().join(" | "))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(placement_text::raw_ids(&body).is_empty(), "{table}");
    assert!(placement_text::english_words(&body).is_empty(), "{table}");
}
