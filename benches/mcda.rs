//! Criterion benches of placement-mcda. `cargo bench --bench mcda -- --test` runs each once.
#![allow(clippy::unwrap_used)] // bench code: a failure should abort loudly
#![allow(missing_docs)] // criterion_group! generates an undocumented pub fn

use criterion::{criterion_group, criterion_main, Criterion};
use placement_mcda::methods::promethee::{promethee_ii, PreferenceFunction, Thresholds};
use placement_mcda::methods::{topsis::closeness, wsm::weighted_sums};
use placement_mcda::smaa::{smaa2, SmaaOptions};
use placement_mcda::CriterionType;
use placement_mcda::DecisionMatrix;
use std::hint::black_box;

fn matrix(m: usize, n: usize, seed: u64) -> DecisionMatrix {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let data = (0..m * n)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 11) as f64 / (1u64 << 53) as f64
        })
        .collect();
    DecisionMatrix::from_row_major(m, n, data).unwrap()
}

fn smaa(c: &mut Criterion) {
    let u = matrix(250, 10, 1);
    let mut g = c.benchmark_group("smaa2_250x10");
    g.sample_size(10);
    // SMAA-2, 100,000 uniform-simplex weight samples over 250 alternatives x 10 criteria
    // (x10 extrapolates to the 1,000,000-sample target).
    g.bench_function("100k_samples", |b| {
        b.iter(|| {
            let r = smaa2(
                black_box(&u),
                &SmaaOptions {
                    samples: 100_000,
                    seed: 7,
                    ..Default::default()
                },
            )
            .unwrap();
            let first: f64 = r.acceptability.iter().map(|row| row[0]).sum();
            assert!((first - 1.0).abs() < 1e-9);
        })
    });
    g.finish();
}

fn big_matrix(c: &mut Criterion) {
    let (m, n) = (1_000_000, 10);
    let x = matrix(m, n, 2);
    let w = vec![0.1; n];
    let mut g = c.benchmark_group("1e6x10");
    g.sample_size(10);
    // Baseline: one pass summing every value of the 80 MB matrix (memory-read time).
    g.bench_function("read_sum", |b| {
        b.iter(|| {
            let s: f64 = black_box(x.as_slice()).iter().sum();
            assert!(s > 0.0);
        })
    });
    // WSM scores of an already normalised 1e6 x 10 matrix.
    g.bench_function("wsm", |b| {
        b.iter(|| {
            let s = weighted_sums(black_box(&x), &w);
            assert_eq!(s.len(), m);
        })
    });
    // TOPSIS closeness (ideal/anti-ideal pass + distance pass) of a normalised 1e6 x 10 matrix.
    g.bench_function("topsis", |b| {
        b.iter(|| {
            let s = closeness(black_box(x.as_slice()), n, &w);
            assert!(s.iter().all(|v| (0.0..=1.0).contains(v)));
        })
    });
    g.finish();
}

fn promethee(c: &mut Criterion) {
    let mut g = c.benchmark_group("promethee_ii");
    g.sample_size(10);
    for (m, n) in [(1_000, 50), (10_000, 50)] {
        let x = matrix(m, n, 3);
        let w = vec![1.0 / n as f64; n];
        let types: Vec<CriterionType> = (0..n)
            .map(|j| {
                if j % 3 == 0 {
                    CriterionType::Cost
                } else {
                    CriterionType::Benefit
                }
            })
            .collect();
        // Usual criterion (the `mcda` default) on uniform [0, 1) values: the O(n·m log m)
        // sorted path (issue 15: 10,000 x 50 under 2 s).
        g.bench_function(format!("{m}x{n}"), |b| {
            b.iter(|| {
                let r = promethee_ii(
                    black_box(&x),
                    &w,
                    &types,
                    PreferenceFunction::Usual,
                    &Thresholds::default(),
                )
                .unwrap();
                assert_eq!(r.result.preferences.len(), m);
            })
        });
        // Linear (V-shape with indifference) with q = 0.1, p = 0.4: prefix sums in use.
        let t = Thresholds {
            q: Some(vec![0.1; n]),
            p: Some(vec![0.4; n]),
            s: None,
        };
        g.bench_function(format!("{m}x{n}/linear"), |b| {
            b.iter(|| {
                let r = promethee_ii(black_box(&x), &w, &types, PreferenceFunction::Linear, &t)
                    .unwrap();
                assert_eq!(r.result.preferences.len(), m);
            })
        });
    }
    g.finish();
}

criterion_group!(benches, smaa, big_matrix, promethee);
criterion_main!(benches);
