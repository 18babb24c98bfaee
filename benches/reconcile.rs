//! The capacity-aware plan and the reconciliation with the 2025 network on the embedded
//! fixture (139 countries, 35 liaisons): what `advise` adds to every run (`plan_at_35`) and what
//! `reconcile` does (`reconcile_2025`, the plan plus an explanation per difference).
// A bench aborts on a broken fixture; criterion's macros generate undocumented items.
#![allow(clippy::expect_used, missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion};
use placement_core::{AssessmentSet, Engine, Rulebook};
use placement_reconcile::{actual_network, overview, reconcile, PlanSettings};

fn bench(c: &mut Criterion) {
    let rules = Rulebook::default_rulebook().expect("embedded rulebook");
    let input = AssessmentSet::default_fixture().expect("embedded fixture");
    let evaluation = Engine::new(&rules).evaluate(&input).expect("evaluation");
    let network = actual_network("network-2025.json", placement_network::NETWORK_2025)
        .expect("embedded network");
    let settings = PlanSettings::for_network(&network);
    let mut g = c.benchmark_group("reconcile");
    g.sample_size(20);
    g.bench_function("plan_at_35", |b| {
        b.iter(|| {
            let plan = overview(&evaluation, &network, &settings).expect("plan");
            assert_eq!(plan.capacity, 35);
            plan
        })
    });
    let plan = overview(&evaluation, &network, &settings).expect("plan");
    g.bench_function("reconcile_2025", |b| {
        b.iter(|| {
            let r = reconcile(&rules, &input, &evaluation, &network, &plan).expect("reconcile");
            assert!(r.summary.recall >= 0.85 && r.summary.precision >= 0.85);
            r
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
