//! The evaluation runs its per-country steps in parallel: the output must be byte-identical
//! whatever the number of threads.
#![cfg(feature = "parallel")] // the thread pool is rayon's (tests/parallel.rs covers both builds)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use placement_core::{AssessmentSet, Engine, Rulebook};

fn run(threads: usize) -> (String, String) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| {
        let rules = Rulebook::default_rulebook().unwrap();
        let set = AssessmentSet::default_fixture().unwrap();
        let e = Engine::new(&rules).evaluate(&set).unwrap();
        (e.to_json(), set.fingerprint())
    })
}

#[test]
fn identical_output_with_one_two_and_four_threads() {
    let one = run(1);
    assert_eq!(one, run(2));
    assert_eq!(one, run(4));
}
