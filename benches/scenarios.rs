//! Benchmarks of placement-scenario.
// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]
// A benchmark over fixed, valid inputs: a failure is a defect, and panicking reports it.
#![allow(clippy::expect_used)]

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use placement_core::{Engine, Evaluation};
use placement_scenario::{compare_with, Scenario, State};

/// 100 varied scenarios over the default fixture: overrides of two or three countries, every
/// fifth with a rule threshold, every seventh with a phenomenon priority.
fn scenarios() -> Vec<Scenario> {
    let base = State::default_baseline().expect("embedded data");
    let codes: Vec<String> = base
        .assessment
        .countries()
        .iter()
        .map(|c| c.code.as_str().to_string())
        .collect();
    let criteria = [
        "cooperation_quality",
        "obstacles",
        "political_relation",
        "regional_importance",
    ];
    (0..100)
        .map(|i| {
            let mut text = format!(
                "[scenario]\nname = \"bench-{i}\"\ndescription = \"generated\"\nauthor = \"bench\"\ndate = \"2025-11-12\"\n"
            );
            for k in 0..(2 + i % 2) {
                let country = &codes[(i * 7 + k * 31) % codes.len()];
                let criterion = criteria[(i + k) % criteria.len()];
                let value = ((i * 3 + k * 5) % 11) as f64;
                text.push_str(&format!(
                    "[[override]]\ncountry = \"{country}\"\ncriterion = \"{criterion}\"\nvalue = {value}\nsource = \"bench\"\n"
                ));
            }
            if i % 5 == 0 {
                text.push_str(&format!(
                    "[[rule]]\nid = \"R-PLC-1\"\nthreshold = [{{ id = \"added_value\", value = {} }}]\n",
                    40 + i % 10
                ));
            }
            if i % 7 == 0 {
                text.push_str("[priorities]\ncybercrime = 0.5\n");
            }
            Scenario::parse(&format!("bench-{i}.toml"), &text, ".".as_ref()).expect("valid bench scenario")
        })
        .collect()
}

/// Runs the baseline once and compares all scenarios with it, with attribution.
fn run(scenarios: &[Scenario]) -> usize {
    let base = &scenarios[0].base;
    let baseline: Evaluation = Engine::new(&base.rulebook)
        .evaluate(&base.assessment)
        .expect("baseline");
    scenarios
        .iter()
        .map(|s| {
            compare_with(s, Some(&baseline))
                .expect("compare")
                .changed
                .len()
        })
        .sum()
}

/// Baseline plus 100 scenarios over the default fixture, with attribution of every change.
fn baseline_plus_100_scenarios(c: &mut Criterion) {
    let scenarios = scenarios();
    let mut group = c.benchmark_group("scenarios");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("baseline_plus_100_with_attribution", |b| {
        b.iter(|| {
            let t = Instant::now();
            let changed = run(&scenarios);
            let elapsed = t.elapsed();
            assert!(changed > 0, "the scenarios change something");
            assert!(elapsed < Duration::from_secs(1), "took {elapsed:?}");
            changed
        })
    });
    group.finish();
}

criterion_group!(benches, baseline_plus_100_scenarios);
criterion_main!(benches);
