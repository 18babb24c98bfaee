//! Benchmarks of placement-explain.
//!
//! `explain_all_250`: full explanations (contributions, rules, margins, verified
//! counterfactuals including two-criterion ones, weight-stability intervals, provenance) of
//! every country of a 250-country input: the 2025 fixture plus synthetic countries cloned from
//! fixture assessments under other ISO codes of the reference table. Target: under 50 ms.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use placement_core::country::all_countries;
use placement_core::Criterion::Springboard;
use placement_core::{AssessmentSet, Engine, Rulebook};
use placement_explain::{Explainer, Options};

/// The fixture grown to `n` countries by cloning assessments under unused codes.
fn input_of(n: usize) -> AssessmentSet {
    let mut set = AssessmentSet::default_fixture().unwrap();
    let base = set.countries().to_vec();
    let mut i = 0;
    for facts in all_countries() {
        if set.len() >= n {
            break;
        }
        if set.contains(facts.code) {
            continue;
        }
        let mut ca = base[i % base.len()].clone();
        i += 1;
        ca.code = facts.code;
        ca.facts = facts.clone();
        ca.overridden_facts.clear();
        // Keep the clone self-contained: no links to countries it does not know. Its
        // springboard value, derived from links it no longer has, is recorded as unknown.
        if !ca.springboard.is_empty() && !ca.criteria.contains_key(&Springboard) {
            if let Some(a) = ca.criteria.values().next() {
                let unknown = placement_core::assessment::Assessed {
                    value: None,
                    evidence: a.evidence.clone(),
                    note: None,
                };
                ca.criteria.insert(Springboard, unknown);
            }
        }
        ca.springboard.clear();
        ca.accreditation_hosts.clear();
        let eu = placement_core::Criterion::EuropolChannel;
        if !facts.eu_member {
            ca.criteria.remove(&eu);
        } else if !ca.criteria.contains_key(&eu) {
            if let Some(a) = ca.criteria.values().next().cloned() {
                ca.criteria.insert(eu, a);
            }
        }
        set.add_country(ca).unwrap();
    }
    set
}

fn bench(c: &mut Criterion) {
    let rules = Rulebook::default_rulebook().unwrap();
    let input = input_of(250);
    assert_eq!(
        input.len(),
        250,
        "the reference table has too few countries"
    );
    let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
    c.bench_function("explain_all_250", |b| {
        b.iter(|| {
            let x = Explainer::new(&rules, &input, &evaluation, Options::default()).unwrap();
            let all = x.explain_all().unwrap();
            assert_eq!(all.len(), 250);
            assert!(all
                .iter()
                .all(|e| (e.contributions.score_total() - e.recommendation.score).abs() < 1e-9));
            all
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
