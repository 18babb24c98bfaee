//! The exact solver on the capacity × budget grid of the shipped 2025 network (issue 14).
//!
//! `grid_distribution` (ignored: it measures, so run it in release) solves every grid point
//! with the default time limit and prints each point and the distribution of solve times that
//! docs/network.md publishes:
//!
//! ```text
//! cargo test --release -p placement-network --test grid -- --ignored --nocapture
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

use placement_network::analysis::solve;
use placement_network::grid::{
    budgets, capacities, constraints, fixture_instance, varied_cost_instance,
};
use placement_network::{ExactOptions, Instance};

/// The `q`-quantile of sorted `xs` (nearest rank).
fn quantile(xs: &[f64], q: f64) -> f64 {
    let rank = ((q * xs.len() as f64).ceil() as usize).clamp(1, xs.len());
    xs[rank - 1]
}

/// Solves every grid point of `instance` and prints each point and the distribution.
fn measure(instance: &Instance) {
    let options = ExactOptions::default();
    let mut times = Vec::new();
    let mut hits = Vec::new();
    println!("capacity budget_eur value nodes fixed time_ms limit_hit proven_gap");
    for &capacity in &capacities() {
        for &budget in &budgets() {
            let s = solve(instance, &constraints(capacity, budget), options).unwrap();
            println!(
                "{capacity} {budget:.0} {:.4} {} {} {:.1} {} {:.5}",
                s.exact.value,
                s.size.nodes,
                s.size.fixed,
                s.exact_millis,
                s.time_limit_hit,
                s.proven_gap
            );
            times.push(s.exact_millis);
            if s.time_limit_hit {
                hits.push((capacity, budget, s.proven_gap));
            }
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "points {} median {:.1} ms p90 {:.1} ms p95 {:.1} ms max {:.1} ms; time limit {:?} s hit {} times",
        times.len(),
        quantile(&times, 0.5),
        quantile(&times, 0.9),
        quantile(&times, 0.95),
        times[times.len() - 1],
        options.time_limit,
        hits.len()
    );
    for (c, b, gap) in hits {
        println!(
            "limit hit at capacity {c}, budget {b:.0}: proven gap {:.3} %",
            gap * 100.0
        );
    }
}

#[test]
#[ignore = "measures solve times; run in release (see the module docs)"]
fn grid_distribution() {
    measure(&fixture_instance().unwrap());
}

/// The stress variant with costs varied per post (`grid::varied_cost_instance`, not data).
#[test]
#[ignore = "measures solve times; run in release (see the module docs)"]
fn grid_distribution_varied_costs() {
    measure(&varied_cost_instance().unwrap());
}
