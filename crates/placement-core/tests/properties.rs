//! Invariants, checked with proptest over random inputs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::evidence;

use common::*;
use placement_core::{AssessmentSet, Criterion, Engine, Rulebook};
use proptest::prelude::*;

const CODES: [&str; 6] = ["CO", "MA", "TR", "PE", "ES", "AU"];

fn values() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec((0u8..=20).prop_map(|v| f64::from(v) / 2.0), 14)
}

fn build(vals: &[Vec<f64>]) -> AssessmentSet {
    let names = Criterion::ALL.map(Criterion::id);
    let countries: Vec<C> = CODES
        .iter()
        .zip(vals)
        .map(|(code, v)| {
            c(
                code,
                &names
                    .iter()
                    .copied()
                    .zip(v.iter().copied())
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    set(&countries)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Need never falls when the crime relation rises.
    #[test]
    fn need_is_monotone_in_crime_relation(v in prop::collection::vec(values(), 6), which in 0usize..6, up in 0.5f64..10.0) {
        let rules = Rulebook::default_rulebook().unwrap();
        let set = build(&v);
        let code = set.countries()[which].code;
        let before = Engine::new(&rules).evaluate(&set).unwrap();
        let mut raised = set.clone();
        let ev = evidence(&set);
        let old = raised.get(code).unwrap().criteria[&Criterion::CrimeRelation].value.unwrap();
        raised.set_value(code, Criterion::CrimeRelation, (old + up).min(10.0), ev, None).unwrap();
        let after = Engine::new(&rules).evaluate(&raised).unwrap();
        prop_assert!(after.record(code).unwrap().need >= before.record(code).unwrap().need);
    }

    /// A permanent liaison's added value never rises when cooperation improves.
    #[test]
    fn added_value_never_rises_with_better_cooperation(v in prop::collection::vec(values(), 6), which in 0usize..6, up in 0.5f64..10.0) {
        let rules = Rulebook::default_rulebook().unwrap();
        let set = build(&v);
        let code = set.countries()[which].code;
        let before = Engine::new(&rules).evaluate(&set).unwrap();
        let mut better = set.clone();
        let ev = evidence(&set);
        let old = better.get(code).unwrap().criteria[&Criterion::CooperationQuality].value.unwrap();
        better.set_value(code, Criterion::CooperationQuality, (old + up).min(10.0), ev, None).unwrap();
        let after = Engine::new(&rules).evaluate(&better).unwrap();
        prop_assert!(after.record(code).unwrap().added_value <= before.record(code).unwrap().added_value + 1e-12);
    }

    /// Contributions and adjustments add up to the score.
    #[test]
    fn contributions_sum_to_the_score(v in prop::collection::vec(values(), 6)) {
        let rules = Rulebook::default_rulebook().unwrap();
        let e = Engine::new(&rules).evaluate(&build(&v)).unwrap();
        for r in &e.records {
            let sum: f64 = r.contributions.values().map(|c| c.to_score).sum::<f64>()
                + r.adjustments.iter().map(|a| a.to_score).sum::<f64>();
            prop_assert!((sum - r.score).abs() < 1e-9);
        }
    }

    /// Results do not depend on the order of the countries in the input file, and the same
    /// input gives byte-identical JSON.
    #[test]
    fn order_invariant_and_byte_identical(v in prop::collection::vec(values(), 6), seed in 0usize..720) {
        let rules = Rulebook::default_rulebook().unwrap();
        let names = Criterion::ALL.map(Criterion::id);
        let mut order: Vec<usize> = (0..6).collect();
        // A permutation from the seed (Lehmer code).
        let mut k = seed;
        for i in (1..6).rev() { order.swap(i, k % (i + 1)); k /= i + 1; }
        let countries = |idx: &[usize]| -> Vec<C> {
            idx.iter().map(|&i| c(CODES[i], &names.iter().copied().zip(v[i].iter().copied()).collect::<Vec<_>>())).collect()
        };
        let a = Engine::new(&rules).evaluate(&set(&countries(&[0,1,2,3,4,5]))).unwrap().to_json();
        let b = Engine::new(&rules).evaluate(&set(&countries(&order))).unwrap().to_json();
        let again = Engine::new(&rules).evaluate(&set(&countries(&[0,1,2,3,4,5]))).unwrap().to_json();
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(&a, &again);
    }
}
