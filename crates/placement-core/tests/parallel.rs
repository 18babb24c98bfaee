//! Embedding: the same output with and without the `parallel` feature, and from many threads
//! at once (the compile-time `Send + Sync` assertions are in the crate's `lib.rs`).
//!
//! CI runs this file twice, with the default features (rayon) and with
//! `--no-default-features` (sequential): both must give the committed SHA-256 of the decision
//! records of the fixture under every shipped rulebook (`tests/golden/evaluations.sha256`). A
//! change of the records changes the digests: regenerate them with
//! `UPDATE_GOLDEN=1 cargo test -p placement-core --test parallel` and say why in the commit.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failure should abort loudly

use std::path::PathBuf;

use placement_core::rulebook::EMBEDDED;
use placement_core::{AssessmentSet, Engine, Rulebook};
use sha2::{Digest, Sha256};

fn golden() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/evaluations.sha256")
}

fn digest(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `<rulebook id> <sha256 of the evaluation's JSON>` for every embedded rulebook.
fn digests() -> String {
    let set = AssessmentSet::default_fixture().unwrap();
    let mut out = String::new();
    for (id, _) in EMBEDDED {
        let rules = Rulebook::embedded(id).unwrap();
        let json = Engine::new(&rules).evaluate(&set).unwrap().to_json();
        out.push_str(&format!("{id} {}\n", digest(&json)));
    }
    out
}

#[test]
fn output_matches_the_committed_digests_with_or_without_the_parallel_feature() {
    let now = digests();
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(golden(), &now).unwrap();
    }
    let committed = std::fs::read_to_string(golden()).unwrap();
    assert_eq!(
        now,
        committed,
        "the decision records differ from tests/golden/evaluations.sha256 (built with parallel = {}); \
         if the change is intended, regenerate with UPDATE_GOLDEN=1 cargo test -p placement-core --test parallel",
        cfg!(feature = "parallel")
    );
}

#[test]
fn many_threads_evaluate_at_once_with_identical_results() {
    let set = AssessmentSet::default_fixture().unwrap();
    let books: Vec<Rulebook> = EMBEDDED
        .iter()
        .map(|(id, _)| Rulebook::embedded(id).unwrap())
        .collect();
    let engines: Vec<Engine<'_>> = books.iter().map(Engine::new).collect();
    let expected: Vec<String> = engines
        .iter()
        .map(|e| e.evaluate(&set).unwrap().to_json())
        .collect();
    // 12 threads share one set and the engines (and each evaluation's fingerprint cache); each
    // evaluates every rulebook several times, in a different order per thread.
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..12)
            .map(|t| {
                let (set, engines, expected) = (&set, &engines, &expected);
                s.spawn(move || {
                    for round in 0..3 {
                        for k in 0..engines.len() {
                            let i = (t + round + k) % engines.len();
                            let got = engines[i].evaluate(set).unwrap().to_json();
                            assert_eq!(got, expected[i], "thread {t}, rulebook {i}");
                        }
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
    });
}
