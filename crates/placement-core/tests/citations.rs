//! Every cited quote (criterion catalogue, phenomena, shipped rulebooks) appears verbatim —
//! white space aside — in the seed file it names. The seeds live in `../shared/seeds` beside
//! the repository (as in CI); set `SEEDS_DIR` to check elsewhere. Without them the test fails
//! (it must not pass by skipping).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use placement_core::{Citation, Criterion, Phenomenon, Rulebook};

/// `SEEDS_DIR`, or `../shared/seeds` beside the repository; panics with what to do when absent.
fn seeds_dir() -> PathBuf {
    let dir = std::env::var_os("SEEDS_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds"),
        PathBuf::from,
    );
    assert!(
        dir.is_dir(),
        "the seed documents are not at {}: put the shared folder beside the repository \
         (../shared/seeds, as in CI) or set SEEDS_DIR; the citations cannot be checked without them",
        dir.display()
    );
    dir
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn citations_are_verbatim() {
    let dir = seeds_dir();
    let mut cites: Vec<(String, Citation)> = Vec::new();
    for c in Criterion::ALL {
        cites.push((format!("criterion {c}"), c.info().citation));
    }
    for p in Phenomenon::ALL {
        cites.push((format!("phenomenon {p}"), p.citation()));
    }
    for (id, _) in placement_core::rulebook::EMBEDDED {
        let r = Rulebook::embedded(id).unwrap();
        cites.push((format!("rulebook {id}"), r.citation().clone()));
        for rule in r.rules() {
            cites.push((format!("{id} {}", rule.id), rule.citation.clone()));
        }
    }
    let mut bad = Vec::new();
    for (what, c) in &cites {
        let text = std::fs::read_to_string(dir.join(&c.seed))
            .unwrap_or_else(|e| panic!("{what}: {}: {e}", c.seed));
        if !squash(&text).contains(&squash(&c.quote)) {
            bad.push(format!("{what}: {c}"));
        }
    }
    assert!(
        bad.is_empty(),
        "quotes not found verbatim:\n{}",
        bad.join("\n")
    );
    assert!(cites.len() > 40);
}
