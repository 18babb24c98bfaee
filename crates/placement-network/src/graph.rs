//! The post–country coverage graph (bipartite, petgraph) of a plan, and what it leaves uncovered.

use std::collections::BTreeMap;

use petgraph::graphmap::UnGraphMap;
use placement_core::Region;
use serde::Serialize;

use crate::model::{Choice, Instance};

/// A node of the coverage graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    /// A post (index into [`Instance::posts`]).
    Post(usize),
    /// A country (index into [`Instance::countries`]).
    Country(usize),
}

/// The bipartite coverage graph of the chosen options; edge weight = coverage factor.
pub fn coverage_graph(instance: &Instance, choices: &[Choice]) -> UnGraphMap<Node, f64> {
    let mut g = UnGraphMap::new();
    for c in 0..instance.countries.len() {
        g.add_node(Node::Country(c));
    }
    for &(p, o) in choices {
        g.add_node(Node::Post(p));
        if let Some(opt) = instance.option(p, o) {
            for cv in &opt.covers {
                g.add_edge(Node::Post(p), Node::Country(cv.country), cv.factor);
            }
        }
    }
    g
}

/// Coverage of one region.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegionCoverage {
    /// The region.
    pub region: Region,
    /// Assessed countries there.
    pub countries: usize,
    /// Of which covered by the plan.
    pub covered: usize,
    /// Value covered.
    pub value_covered: f64,
    /// Value of full coverage of all its countries.
    pub value_total: f64,
}

/// Uncovered countries (positive value, no edge), by value descending then code; and coverage
/// per region (regions with assessed countries only), in region order.
pub fn uncovered(instance: &Instance, choices: &[Choice]) -> (Vec<usize>, Vec<RegionCoverage>) {
    let g = coverage_graph(instance, choices);
    let best = |c: usize| {
        g.edges(Node::Country(c))
            .map(|(_, _, w)| *w)
            .fold(0.0_f64, f64::max)
    };
    let mut missing: Vec<usize> = (0..instance.countries.len())
        .filter(|&c| {
            instance.countries[c].value > 0.0 && g.neighbors(Node::Country(c)).next().is_none()
        })
        .collect();
    missing.sort_by(|&a, &b| {
        instance.countries[b]
            .value
            .total_cmp(&instance.countries[a].value)
            .then(instance.countries[a].code.cmp(&instance.countries[b].code))
    });
    let mut regions: BTreeMap<Region, RegionCoverage> = BTreeMap::new();
    for (c, country) in instance.countries.iter().enumerate() {
        let r = regions.entry(country.region).or_insert(RegionCoverage {
            region: country.region,
            countries: 0,
            covered: 0,
            value_covered: 0.0,
            value_total: 0.0,
        });
        let f = best(c);
        r.countries += 1;
        r.covered += usize::from(f > 0.0);
        r.value_covered += f * country.value;
        r.value_total += country.value;
    }
    (missing, regions.into_values().collect())
}
