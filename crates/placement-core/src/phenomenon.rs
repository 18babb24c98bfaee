//! The phenomenon approach (seed 002, from 2019): the crime relation is assessed per priority
//! phenomenon, with the country's role (source, transit, destination) and the trend, and then
//! aggregated into the `crime_relation` criterion.
//!
//! # Aggregation
//! Each phenomenon assessment gives a term `t = min(10, intensity × role × trend)`, where `role`
//! is the largest factor among the country's roles and `trend` the trend factor (both from the
//! rulebook). The crime relation is the "noisy-or" of the priority-weighted terms:
//!
//! `crime_relation = 10 × (1 − Π_p (1 − priority_p × t_p / 10))`
//!
//! It rises with every term (so a rising crime relation never lowers need), stays on the 0–10
//! scale, and a country intense on one priority phenomenon scores high without being diluted by
//! the phenomena it has no relation on. The same form gives the police-theme and
//! Marechaussee-theme relations that decide the organisation (R-ORG-2).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::citation::{seeds, Citation};

/// A priority crime phenomenon (Veiligheidsagenda 2019–2022 and the Marechaussee's themes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Phenomenon {
    /// Undermining: drugs.
    Drugs,
    /// Undermining: financial flows and money laundering.
    FinancialFlows,
    /// Undermining: trade in heavy automatic weapons.
    HeavyWeapons,
    /// Human trafficking.
    HumanTrafficking,
    /// Migrant smuggling (migration crime).
    MigrantSmuggling,
    /// Irregular migration, including in relation to terrorism.
    IrregularMigration,
    /// Cybercrime.
    Cybercrime,
    /// Online child sexual abuse and child sex tourism.
    ChildSexualAbuse,
    /// Execution of sentences: fugitives.
    Fugitives,
    /// Terrorism.
    Terrorism,
}

/// Which organisation's thematic emphasis a phenomenon belongs to (seed 001, R-ORG-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Police (NP): serious and organised crime, terrorism.
    Police,
    /// Royal Netherlands Marechaussee (KMar): migration crime.
    Marechaussee,
}

/// A country's role in a phenomenon (seed 000: inflow, throughflow, outflow).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Where the phenomenon originates (upstream).
    Source,
    /// Through which it passes.
    Transit,
    /// Where it ends up.
    Destination,
}

/// The direction a phenomenon is moving in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Growing.
    Rising,
    /// Steady.
    Stable,
    /// Declining.
    Falling,
}

impl Phenomenon {
    /// Every phenomenon.
    pub const ALL: [Phenomenon; 10] = [
        Phenomenon::Drugs,
        Phenomenon::FinancialFlows,
        Phenomenon::HeavyWeapons,
        Phenomenon::HumanTrafficking,
        Phenomenon::MigrantSmuggling,
        Phenomenon::IrregularMigration,
        Phenomenon::Cybercrime,
        Phenomenon::ChildSexualAbuse,
        Phenomenon::Fugitives,
        Phenomenon::Terrorism,
    ];

    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            Phenomenon::Drugs => "drugs",
            Phenomenon::FinancialFlows => "financial_flows",
            Phenomenon::HeavyWeapons => "heavy_weapons",
            Phenomenon::HumanTrafficking => "human_trafficking",
            Phenomenon::MigrantSmuggling => "migrant_smuggling",
            Phenomenon::IrregularMigration => "irregular_migration",
            Phenomenon::Cybercrime => "cybercrime",
            Phenomenon::ChildSexualAbuse => "child_sexual_abuse",
            Phenomenon::Fugitives => "fugitives",
            Phenomenon::Terrorism => "terrorism",
        }
    }

    /// Parses a snake_case id.
    pub fn from_id(id: &str) -> Option<Phenomenon> {
        Phenomenon::ALL.into_iter().find(|p| p.id() == id)
    }

    /// Whose thematic emphasis it is.
    pub fn theme(self) -> Theme {
        match self {
            Phenomenon::MigrantSmuggling | Phenomenon::IrregularMigration => Theme::Marechaussee,
            _ => Theme::Police,
        }
    }

    /// Where the seeds name it.
    pub fn citation(self) -> Citation {
        let (seed, quote) = match self {
            Phenomenon::Drugs | Phenomenon::FinancialFlows | Phenomenon::HeavyWeapons => (
                seeds::S002,
                "Ondermijning, met aandacht voor drugs, financiële stromen en handel in zware automatische wapens",
            ),
            Phenomenon::MigrantSmuggling | Phenomenon::IrregularMigration => (
                seeds::S001,
                "Het taakaccent van de KMar-liaison officers ligt op migratiecriminaliteit",
            ),
            _ => (
                seeds::S000,
                "Dit zijn ondermijning, mensenhandel, cybercrime, online kindermisbruik, executie en terrorismebestrijding.",
            ),
        };
        Citation::new(seed, quote)
    }
}

impl fmt::Display for Phenomenon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Role {
    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Transit => "transit",
            Role::Destination => "destination",
        }
    }
}

impl Trend {
    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            Trend::Rising => "rising",
            Trend::Stable => "stable",
            Trend::Falling => "falling",
        }
    }
}

/// Combines terms on the 0–10 scale by the noisy-or used for the crime relation and for
/// springboard value: `10 × (1 − Π (1 − x/10))`, each `x` clamped to 0–10.
pub fn noisy_or(terms: impl IntoIterator<Item = f64>) -> f64 {
    let keep: f64 = terms
        .into_iter()
        .map(|x| 1.0 - (x / 10.0).clamp(0.0, 1.0))
        .product();
    10.0 * (1.0 - keep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noisy_or_is_bounded_and_monotone() {
        assert_eq!(noisy_or([]), 0.0);
        assert!((noisy_or([7.0]) - 7.0).abs() < 1e-12);
        assert!((noisy_or([5.0, 5.0]) - 7.5).abs() < 1e-12);
        assert!(noisy_or([5.0, 6.0]) > noisy_or([5.0, 5.0]));
        assert_eq!(noisy_or([10.0, 3.0]), 10.0);
    }

    #[test]
    fn ids_round_trip() {
        for p in Phenomenon::ALL {
            assert_eq!(Phenomenon::from_id(p.id()), Some(p));
            assert!(p.citation().seed_is_known());
        }
    }
}
