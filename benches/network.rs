//! Network planning benchmarks. `bench`: a synthetic but realistic instance, 250 candidate countries,
//! 120 candidate posts (about one in five with a double-placement option), capacity 30.
//! Generated deterministically (`placement_network::synthetic`), so every run measures the same
//! problem. `grid`: hard points of the capacity × budget grid on the shipped 2025 network (and
//! its varied-cost stress variant), see docs/network.md. Each timed closure asserts its result.
#![allow(clippy::expect_used)] // bench code: a failure should abort loudly
#![allow(missing_docs)] // criterion_group! generates an undocumented pub fn

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use placement_network::analysis::solve;
use placement_network::grid::{
    constraints as grid_constraints, fixture_instance, varied_cost_instance,
};
use placement_network::synthetic::synthetic;
use placement_network::{greedy, solve_exact, Constraints, ExactOptions, Resolved};

fn constraints(budget: Option<f64>) -> Constraints {
    Constraints {
        capacity: 30,
        budget,
        forbidden: Vec::new(),
        ..Constraints::default()
    }
}

fn bench(c: &mut Criterion) {
    let instance = synthetic(250, 120, 7);
    assert_eq!(instance.countries.len(), 250);
    assert_eq!(instance.posts.len(), 120);
    for (name, budget) in [
        ("capacity30", None),
        ("capacity30_budget7m", Some(7_000_000.0)),
    ] {
        let cons = constraints(budget);
        let resolved = Resolved::new(&instance, &cons).expect("feasible");
        let reference = solve(&instance, &cons, ExactOptions::default()).expect("solves");
        let optimum = reference.exact.value;
        let heuristic = reference.greedy.as_ref().map_or(0.0, |g| g.value);
        eprintln!(
            "{name}: exact {optimum:.2}, greedy {heuristic:.2}, gap {:.3} %",
            reference.gap.unwrap_or(0.0) * 100.0
        );
        // Measures the greedy heuristic alone.
        c.bench_function(&format!("network_greedy_{name}"), |b| {
            b.iter(|| {
                let g = greedy(black_box(&instance), &resolved).expect("greedy plan");
                assert!(g.value <= optimum + 1e-6 && g.staffing.total() <= 30);
                g
            })
        });
        // Measures the exact MIP solve (model building included), warm-started from greedy.
        c.bench_function(&format!("network_exact_{name}"), |b| {
            b.iter(|| {
                let g = greedy(black_box(&instance), &resolved);
                let e = solve_exact(&instance, &resolved, g.as_ref(), ExactOptions::default())
                    .expect("optimum");
                assert!((e.plan.value - optimum).abs() < 1e-6);
                e
            })
        });
    }
}

/// Grid points (docs/network.md, `placement_network::grid`) that hit the 10 s time limit before
/// the budget row was tightened, and the slowest point of the varied-cost stress grid.
fn grid(c: &mut Criterion) {
    let fixture = fixture_instance().expect("fixture");
    let varied = varied_cost_instance().expect("fixture");
    for (name, instance, capacity, budget) in [
        ("network_grid_c15_b3040000", &fixture, 15, 3_040_000.0),
        ("network_grid_c45_b10040000", &fixture, 45, 10_040_000.0),
        ("network_grid_c60_b15040000", &fixture, 60, 15_040_000.0),
        ("network_grid_varied_c15_b4040000", &varied, 15, 4_040_000.0),
    ] {
        let cons = grid_constraints(capacity, budget);
        let reference = solve(instance, &cons, ExactOptions::default()).expect("solves");
        assert!(!reference.time_limit_hit, "{name}: hit the time limit");
        let optimum = reference.exact.value;
        // Measures greedy plus the exact solve, as the report's main solve runs them.
        c.bench_function(name, |b| {
            b.iter(|| {
                let s = solve(black_box(instance), &cons, ExactOptions::default()).expect("solves");
                assert!(!s.time_limit_hit && (s.exact.value - optimum).abs() < 1e-9);
                s
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench, grid
}
criterion_main!(benches);
