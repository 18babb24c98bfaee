//! Timing of the full-size SMAA-2 run (1,000,000 weight samples, 250 alternatives x 10
//! criteria). Ignored by default; run with
//! `cargo test --release -p placement-mcda --test smaa_timing -- --ignored --nocapture`.
#![allow(clippy::unwrap_used)] // test code: a failure should abort loudly

use placement_mcda::smaa::{smaa2, SmaaOptions};
use placement_mcda::DecisionMatrix;
use rand::{Rng, SeedableRng};

/// A deterministic 250 x 10 matrix of partial values in [0, 1).
pub fn random_utilities(m: usize, n: usize, seed: u64) -> DecisionMatrix {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let data: Vec<f64> = (0..m * n).map(|_| rng.random()).collect();
    DecisionMatrix::from_row_major(m, n, data).unwrap()
}

#[test]
#[ignore = "full-size timing; run explicitly in release mode"]
fn smaa_one_million_samples_250_by_10() {
    let u = random_utilities(250, 10, 42);
    let opts = SmaaOptions {
        samples: 1_000_000,
        seed: 1,
        ..Default::default()
    };
    let t = std::time::Instant::now();
    let r = smaa2(&u, &opts).unwrap();
    let dt = t.elapsed();
    println!("SMAA-2 1e6 samples, 250x10: {:.3} s", dt.as_secs_f64());
    // FNV-1a over every output bit: compare across implementations (must not change)
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let bits = r
        .acceptability
        .iter()
        .chain(&r.central_weights)
        .flatten()
        .chain(&r.confidence)
        .map(|x| x.to_bits());
    for b in bits {
        h = (h ^ b).wrapping_mul(0x0000_0100_0000_01b3);
    }
    println!("output fingerprint: {h:016x}");
    let s: f64 = r.acceptability.iter().map(|row| row[0]).sum();
    assert!((s - 1.0).abs() < 1e-9);
}
