//! The criterion catalogue: every criterion the seeds name, with its scale, direction, the side
//! of the decision it feeds and its citation.
//!
//! The seeds keep two questions apart, and so does the model: how strong the **need** for
//! cooperation with a country is (seed 000's classification criteria), and how much a
//! **permanent liaison adds** over the channels that already exist (seed 001's placement model).
//! Each criterion belongs to one [`Side`]; a few are used only by rules.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::citation::{seeds, Citation};

/// The lowest value of every criterion scale.
pub const SCALE_MIN: f64 = 0.0;
/// The highest value of every criterion scale.
pub const SCALE_MAX: f64 = 10.0;
/// One step of the scale: the unit of counterfactual search and of "nearly fired".
pub const SCALE_STEP: f64 = 1.0;

/// A criterion of the placement model. Ids are snake_case in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// F1/C1: intensity of the crime relation with the Netherlands on priority phenomena.
    CrimeRelation,
    /// C2: volume and course of operational cooperation.
    CooperationVolume,
    /// C3: political-administrative relation of the ministry with the country.
    PoliticalRelation,
    /// A1: the country's place in Europol's SOCTA (a user-supplied proxy).
    Socta,
    /// A2: link to EU or neighbour-country activities.
    EuLink,
    /// A3: position of the police liaison.
    LoPosition,
    /// A4: reciprocity.
    Reciprocity,
    /// A5: strategic partnership.
    StrategicPartnership,
    /// F2: appreciation of operational cooperation through the regular channels and MLA.
    CooperationQuality,
    /// F3: differences in legislation, organisation, procedures, powers, language, culture.
    Obstacles,
    /// F4: springboard value (derived from the springboard graph when links are given).
    Springboard,
    /// F5: special importance of presence in the region for particular phenomena.
    RegionalImportance,
    /// F3b: how well the Europol route works with an EU member state.
    EuropolChannel,
    /// R-DP-3: respect for democracy, human rights and the rule of law.
    RuleOfLaw,
}

/// Which question a criterion answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// How strong the need for cooperation with the country is (drives the class).
    Need,
    /// How much a permanent liaison adds over existing channels (drives the instrument).
    AddedValue,
    /// Not weighed; read by rules only.
    RuleOnly,
}

/// How a criterion's value moves its side's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher value, higher score: normalised as `v / 10`.
    Benefit,
    /// Higher value, lower score: normalised as `(10 - v) / 10`.
    Cost,
}

/// Which countries a criterion is assessed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Applies {
    /// Every country.
    All,
    /// EU member states only; ignored elsewhere.
    EuMembers,
}

/// The catalogue entry of a criterion.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CriterionInfo {
    /// The criterion.
    pub id: Criterion,
    /// Which question it answers.
    pub side: Side,
    /// How its value moves the side's score.
    pub direction: Direction,
    /// Which countries it is assessed for.
    pub applies: Applies,
    /// Seed file and quote.
    pub citation: Citation,
}

impl Criterion {
    /// Every criterion, in catalogue order (need side, added-value side, rule-only).
    pub const ALL: [Criterion; 14] = [
        Criterion::CrimeRelation,
        Criterion::CooperationVolume,
        Criterion::PoliticalRelation,
        Criterion::Socta,
        Criterion::EuLink,
        Criterion::LoPosition,
        Criterion::Reciprocity,
        Criterion::StrategicPartnership,
        Criterion::CooperationQuality,
        Criterion::Obstacles,
        Criterion::Springboard,
        Criterion::RegionalImportance,
        Criterion::EuropolChannel,
        Criterion::RuleOfLaw,
    ];

    /// Number of criteria.
    pub const COUNT: usize = 14;

    /// Position in [`Criterion::ALL`] (for dense arrays).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The snake_case id used in files.
    pub fn id(self) -> &'static str {
        match self {
            Criterion::CrimeRelation => "crime_relation",
            Criterion::CooperationVolume => "cooperation_volume",
            Criterion::PoliticalRelation => "political_relation",
            Criterion::Socta => "socta",
            Criterion::EuLink => "eu_link",
            Criterion::LoPosition => "lo_position",
            Criterion::Reciprocity => "reciprocity",
            Criterion::StrategicPartnership => "strategic_partnership",
            Criterion::CooperationQuality => "cooperation_quality",
            Criterion::Obstacles => "obstacles",
            Criterion::Springboard => "springboard",
            Criterion::RegionalImportance => "regional_importance",
            Criterion::EuropolChannel => "europol_channel",
            Criterion::RuleOfLaw => "rule_of_law",
        }
    }

    /// Parses a snake_case id.
    pub fn from_id(id: &str) -> Option<Criterion> {
        Criterion::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The catalogue entry.
    pub fn info(self) -> CriterionInfo {
        use Criterion as C;
        let (side, direction, applies, seed, quote) = match self {
            C::CrimeRelation => (
                Side::Need,
                Direction::Benefit,
                Applies::All,
                seeds::S001,
                "de intensiteit van de internationale criminaliteitsrelatie van landen met Nederland",
            ),
            C::CooperationVolume => (
                Side::Need,
                Direction::Benefit,
                Applies::All,
                seeds::S001,
                "zoals de omvang van de operationele samenwerking",
            ),
            C::PoliticalRelation => (
                Side::Need,
                Direction::Benefit,
                Applies::All,
                seeds::S000,
                "De politiek-bestuurlijke relatie van JenV met het land.",
            ),
            C::Socta => (
                Side::Need,
                Direction::Benefit,
                Applies::All,
                seeds::S000,
                "de score van het land in de Serious and Organised Crime Threat Assessment (SOCTA) van Europol",
            ),
            C::EuLink => (
                Side::Need,
                Direction::Benefit,
                Applies::All,
                seeds::S000,
                "de mogelijke aansluiting op activiteiten in EU-verband en/of op activiteiten van",
            ),
            C::LoPosition => (
                Side::Need,
                Direction::Benefit,
                Applies::All,
                seeds::S000,
                "de positie van de politieliaison",
            ),
            C::Reciprocity => (
                Side::Need,
                Direction::Benefit,
                Applies::All,
                seeds::S000,
                "Wederkerigheid is een belangrijk uitgangspunt voor de internationale inzet van de politie.",
            ),
            C::StrategicPartnership => (
                Side::Need,
                Direction::Benefit,
                Applies::All,
                seeds::S000,
                "wederkerigheid en strategisch partnerschap",
            ),
            C::CooperationQuality => (
                Side::AddedValue,
                Direction::Cost,
                Applies::All,
                seeds::S001,
                "De waardering van de samenwerking is een essentieel criterium in de weging.",
            ),
            C::Obstacles => (
                Side::AddedValue,
                Direction::Benefit,
                Applies::All,
                seeds::S001,
                "inrichting van de justitie- en politieorganisatie, procedures, bevoegdheden, taal en cultuur",
            ),
            C::Springboard => (
                Side::AddedValue,
                Direction::Benefit,
                Applies::All,
                seeds::S001,
                "In enkele gevallen heb ik gekozen voor een plaatsing in een land dat als «springplank» fungeert",
            ),
            C::RegionalImportance => (
                Side::AddedValue,
                Direction::Benefit,
                Applies::All,
                seeds::S001,
                "aanwezigheid van een liaison officer in de betreffende regio van bijzonder belang is",
            ),
            C::EuropolChannel => (
                Side::RuleOnly,
                Direction::Benefit,
                Applies::EuMembers,
                seeds::S000,
                "investeren bepaalde EU landen zelf heel beperkt in de versterking van hun nationale desk bij Europol",
            ),
            C::RuleOfLaw => (
                Side::RuleOnly,
                Direction::Benefit,
                Applies::All,
                seeds::S002,
                "de mate waarin de buitenlandse partner democratie, mensenrechten en de rechtsstaat respecteert meegewogen",
            ),
        };
        CriterionInfo {
            id: self,
            side,
            direction,
            applies,
            citation: Citation::new(seed, quote),
        }
    }

    /// Which question the criterion answers.
    pub fn side(self) -> Side {
        match self {
            Criterion::CooperationQuality
            | Criterion::Obstacles
            | Criterion::Springboard
            | Criterion::RegionalImportance => Side::AddedValue,
            Criterion::EuropolChannel | Criterion::RuleOfLaw => Side::RuleOnly,
            _ => Side::Need,
        }
    }

    /// Whether it is assessed for a country with the given EU membership.
    pub fn applies_to(self, eu_member: bool) -> bool {
        match self {
            Criterion::EuropolChannel => eu_member,
            _ => true,
        }
    }

    /// Normalises a value on the 0–10 scale to 0–1, in the direction of its side's score.
    pub fn normalise(self, value: f64) -> f64 {
        let n = (value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN);
        match self {
            Criterion::CooperationQuality => 1.0 - n,
            _ => n,
        }
    }
}

impl fmt::Display for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_consistent() {
        for (i, c) in Criterion::ALL.into_iter().enumerate() {
            assert_eq!(c.index(), i);
            assert_eq!(Criterion::from_id(c.id()), Some(c));
            let info = c.info();
            assert_eq!(info.side, c.side(), "{c}");
            assert_eq!(
                c.normalise(SCALE_MAX) < c.normalise(SCALE_MIN),
                info.direction == Direction::Cost
            );
            assert!(info.citation.seed_is_known());
        }
    }
}
