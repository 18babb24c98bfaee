//! Full evaluation (rules, scores, missing-value impact, records) of every country in the ISO
//! table but the Netherlands (249): issue 2's workload, target under 1 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use placement_core::country::all_countries;
use placement_core::{AssessmentSet, CountryCode, Engine, Rulebook};

/// The embedded fixture, extended to every country: countries the fixture does not assess take
/// the assessment of a fixture country (round robin) under their own code and facts.
fn all_249() -> AssessmentSet {
    let mut set = AssessmentSet::default_fixture().expect("embedded fixture");
    let template = set.countries.clone();
    let mut k = 0;
    for facts in all_countries() {
        if facts.code == CountryCode::netherlands() || set.get(facts.code).is_some() {
            continue;
        }
        let mut c = template[k % template.len()].clone();
        k += 1;
        c.code = facts.code;
        c.facts = facts.clone();
        c.accreditation_hosts.retain(|h| *h != facts.code);
        c.springboard.retain(|l| l.to != facts.code);
        set.countries.push(c);
    }
    set.countries.sort_by_key(|c| c.code);
    set
}

fn bench(c: &mut Criterion) {
    let rules = Rulebook::default_rulebook().expect("default rulebook");
    let set = all_249();
    assert_eq!(set.countries.len(), 249);
    let engine = Engine::new(&rules);
    c.bench_function("evaluate/249_countries", |b| {
        b.iter(|| {
            let e = engine.evaluate(std::hint::black_box(&set)).expect("evaluates");
            assert_eq!(e.records.len(), 249);
            e
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
