//! Full evaluation (rules, scores, missing-value impact, records) of every country in the ISO
//! table but the Netherlands (249): target under 0.5 ms (issue "One decision kernel"). Measured
//! on one set evaluated again and again (`evaluate/249_countries`: the set keeps its SHA-256
//! fingerprint until it changes, as for one input under many rulebooks), and on a set fresh
//! from its constructor each time (`…_fresh_input`: the fingerprint computed inside).
// A bench aborts on a broken fixture; criterion's macros generate undocumented items.
#![allow(clippy::expect_used, missing_docs)]

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use placement_core::country::all_countries;
use placement_core::{AssessmentSet, CountryAssessment, CountryCode, Engine, Rulebook};

/// The embedded fixture, extended to every country: countries the fixture does not assess take
/// the assessment of a fixture country (round robin) under their own code and facts, made to fit
/// them (the EU-only criterion added or removed) so the set's checks accept them.
fn all_249() -> AssessmentSet {
    let mut set = AssessmentSet::default_fixture().expect("embedded fixture");
    let template = set.countries().to_vec();
    let mut k = 0;
    for facts in all_countries() {
        if facts.code == CountryCode::netherlands() || set.contains(facts.code) {
            continue;
        }
        let mut c = template[k % template.len()].clone();
        k += 1;
        c.code = facts.code;
        c.facts = facts.clone();
        c.overridden_facts.clear();
        c.accreditation_hosts.retain(|h| *h != facts.code);
        c.springboard.retain(|l| l.to != facts.code);
        fit_membership(&mut c);
        set.add_country(c).expect("a clone of a valid assessment");
    }
    set
}

/// Gives an EU member the EU-only criterion (copied from another criterion) and takes it from a
/// non-member.
fn fit_membership(c: &mut CountryAssessment) {
    let eu = placement_core::Criterion::EuropolChannel;
    if !c.facts.eu_member {
        c.criteria.remove(&eu);
    } else if !c.criteria.contains_key(&eu) {
        if let Some(a) = c.criteria.values().next().cloned() {
            c.criteria.insert(eu, a);
        }
    }
}

fn bench(c: &mut Criterion) {
    let rules = Rulebook::default_rulebook().expect("default rulebook");
    let set = all_249();
    assert_eq!(set.len(), 249);
    let engine = Engine::new(&rules);
    c.bench_function("evaluate/249_countries", |b| {
        b.iter(|| {
            let e = engine
                .evaluate(std::hint::black_box(&set))
                .expect("evaluates");
            assert_eq!(e.records.len(), 249);
            e
        })
    });
    // A set fresh from its constructor has no fingerprint yet: what a caller evaluating a
    // new or changed input pays.
    let fresh =
        || AssessmentSet::new(set.meta().clone(), set.countries().to_vec()).expect("a valid set");
    c.bench_function("evaluate/249_countries_fresh_input", |b| {
        b.iter_batched_ref(
            fresh,
            |s| {
                let e = engine.evaluate(s).expect("evaluates");
                assert_eq!(e.records.len(), 249);
                e
            },
            BatchSize::SmallInput,
        )
    });
    c.bench_function("fingerprint/249_countries_fresh_input", |b| {
        b.iter_batched_ref(
            fresh,
            |s| {
                let f = s.fingerprint();
                assert_eq!(f.len(), 64);
                f
            },
            BatchSize::SmallInput,
        )
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
