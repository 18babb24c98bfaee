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
