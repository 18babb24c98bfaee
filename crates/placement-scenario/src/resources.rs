//! What a scenario states about resources and posts but the engine does not score: capacity,
//! budget, and posts locked in or ruled out. They are validated here and consumed by the network
//! planner (`placement-network`).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use placement_core::CountryCode;

/// The default cost of one bilateral liaison, in euro (seed 000: "De gemiddelde kosten van een
/// bilaterale liaison officer (LO) zijn 280.000 euro.").
pub const DEFAULT_COST_PER_PLACEMENT_EUR: u64 = 280_000;

/// The default police capacity: 30 bilateral liaisons (seed 000: "De huidige Nederlandse inzet
/// bestaat uit 30 liaison officers.").
pub const DEFAULT_POLICE_CAPACITY: u32 = 30;

/// Liaison officers available per organisation (`None` = not constrained by the scenario).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Capacity {
    /// Police (NP) liaison officers.
    pub police: Option<u32>,
    /// Marechaussee (KMar) liaison officers.
    pub marechaussee: Option<u32>,
}

impl Default for Capacity {
    fn default() -> Self {
        Capacity {
            police: Some(DEFAULT_POLICE_CAPACITY),
            marechaussee: None,
        }
    }
}

impl Capacity {
    /// The total over the organisations whose capacity is known.
    pub fn known_total(&self) -> u32 {
        self.police.unwrap_or(0) + self.marechaussee.unwrap_or(0)
    }
}

/// Money available for placements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Budget {
    /// Total budget in euro (`None` = not constrained by the scenario).
    pub total_eur: Option<u64>,
    /// Cost of a placement where no country-specific cost is given.
    pub cost_per_placement_eur: u64,
    /// Country-specific placement costs (the seed: "De hoogte van dit bedrag verschilt per
    /// plaatsing.").
    pub cost_by_country: BTreeMap<CountryCode, u64>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            total_eur: None,
            cost_per_placement_eur: DEFAULT_COST_PER_PLACEMENT_EUR,
            cost_by_country: BTreeMap::new(),
        }
    }
}

impl Budget {
    /// The cost of a placement in `country`.
    pub fn cost_of(&self, country: CountryCode) -> u64 {
        self.cost_by_country
            .get(&country)
            .copied()
            .unwrap_or(self.cost_per_placement_eur)
    }

    /// How many placements at the default cost the budget pays for (`None` without a budget).
    pub fn affordable_placements(&self) -> Option<u64> {
        match (self.total_eur, self.cost_per_placement_eur) {
            (Some(total), cost) if cost > 0 => Some(total / cost),
            _ => None,
        }
    }
}

/// Posts the network planner must keep or must not use.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Posts {
    /// Countries where a post is locked in.
    pub locked_in: BTreeSet<CountryCode>,
    /// Countries where a post is ruled out (e.g. a withdrawal).
    pub ruled_out: BTreeSet<CountryCode>,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn budget_counts_placements_at_the_seed_cost() {
        let b = Budget {
            total_eur: Some(8_400_000),
            ..Budget::default()
        };
        assert_eq!(b.affordable_placements(), Some(30));
        assert_eq!(b.cost_of(CountryCode::parse("GB").unwrap()), 280_000);
        assert_eq!(Capacity::default().known_total(), 30);
    }
}
