//! Calibration of 139 countries × 12 criteria (the embedded fixture, need and added-value
//! sides, R-PLC-1's two thresholds) against 30 documented decisions: target under 1 s (issue
//! "Calibration"). Also the full 2015–2018 priority list (139 decisions, need side).
// A bench aborts on a broken fixture; criterion's macros generate undocumented items.
#![allow(clippy::expect_used, missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion};
use placement_calibrate::{calibrate, engine, Options};
use placement_core::{AssessmentSet, CountryCode, Rulebook};

fn codes(s: &str) -> Vec<CountryCode> {
    s.split(' ').map(|c| c.parse().expect("ISO code")).collect()
}

fn bench(c: &mut Criterion) {
    let input = AssessmentSet::default_fixture().expect("embedded fixture");
    let p4 = Rulebook::default_rulebook().expect("p4-2019");
    let hosts = codes("AE AL AU BE BR CN CO CW DE DO ES FR GB GE GH GR HK HR IT KE LB MA MX NG PE PH PL PT RO RS SR TH TN TR US");
    let mut network = engine::network(&p4, &input, &hosts, "bench").expect("network problem");
    network.problem.decisions.truncate(30);
    assert_eq!(network.problem.criteria.len(), 12);
    assert_eq!(network.problem.alternatives.len(), 139);
    let p1 = Rulebook::embedded("p1-2015").expect("p1-2015");
    let listed = codes("BE DE FR GB ES SR CN MA IT TR PL BG RO AU CO US");
    let priority = engine::priority_list(&p1, &input, &listed, "bench").expect("priority problem");
    let mut g = c.benchmark_group("calibrate");
    g.sample_size(10);
    g.bench_function("139x12_30_decisions", |b| {
        b.iter(|| {
            let r = calibrate(&network.problem, Options::default()).expect("calibration");
            assert_eq!(r.decisions_total, 30);
            r
        })
    });
    g.bench_function("priority_list_139_decisions", |b| {
        b.iter(|| {
            let r = calibrate(&priority.problem, Options::default()).expect("calibration");
            assert_eq!(r.decisions_total, 139);
            r
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
