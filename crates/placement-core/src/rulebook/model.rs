//! The rulebook's types: rules, conditions, effects, scoring parameters.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::assessment::DataSharingBasis;
use crate::citation::Citation;
use crate::criteria::Criterion;
use crate::outcome::{Class, Instrument, Organisation};
use crate::phenomenon::{Phenomenon, Role, Trend};

/// When in the evaluation a rule runs. Stages run in this order for every country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Scales the added value of a permanent liaison; every matching rule applies.
    Adjust,
    /// Decides the class; the matching rule with the highest salience wins.
    Class,
    /// Decides the instrument; the matching rule with the highest salience wins.
    Instrument,
    /// Decides the organisation for liaison instruments; highest salience wins.
    Organisation,
    /// Runs after every country has its instrument: may change an instrument given what the
    /// other countries got (accreditation from a neighbouring post). Highest salience wins.
    Network,
    /// Runs once over all countries after ranking (e.g. a cap on the number of priority
    /// countries); every matching rule applies.
    Portfolio,
}

impl Stage {
    /// All stages in evaluation order.
    pub const ALL: [Stage; 6] = [
        Stage::Adjust,
        Stage::Class,
        Stage::Instrument,
        Stage::Organisation,
        Stage::Network,
        Stage::Portfolio,
    ];

    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            Stage::Adjust => "adjust",
            Stage::Class => "class",
            Stage::Instrument => "instrument",
            Stage::Organisation => "organisation",
            Stage::Network => "network",
            Stage::Portfolio => "portfolio",
        }
    }

    /// Whether only the highest-salience matching rule takes effect.
    pub fn first_match_wins(self) -> bool {
        matches!(
            self,
            Stage::Class | Stage::Instrument | Stage::Organisation | Stage::Network
        )
    }
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Op {
    /// `>=`
    #[serde(rename = ">=")]
    Ge,
    /// `>`
    #[serde(rename = ">")]
    Gt,
    /// `<=`
    #[serde(rename = "<=")]
    Le,
    /// `<`
    #[serde(rename = "<")]
    Lt,
}

impl Op {
    /// Applies the comparison `lhs op rhs`.
    pub fn holds(self, lhs: f64, rhs: f64) -> bool {
        match self {
            Op::Ge => lhs >= rhs,
            Op::Gt => lhs > rhs,
            Op::Le => lhs <= rhs,
            Op::Lt => lhs < rhs,
        }
    }

    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Ge => ">=",
            Op::Gt => ">",
            Op::Le => "<=",
            Op::Lt => "<",
        }
    }

    /// Parses `>=`, `>`, `<=` or `<`.
    pub fn parse(s: &str) -> Option<Op> {
        match s {
            ">=" => Some(Op::Ge),
            ">" => Some(Op::Gt),
            "<=" => Some(Op::Le),
            "<" => Some(Op::Lt),
            _ => None,
        }
    }
}

/// A computed quantity a rule can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// The need score, 0–100.
    Need,
    /// The added value of a permanent liaison, 0–100, after the adjust stage so far.
    AddedValue,
    /// The overall score, 0–100.
    Score,
    /// Crime relation on the police's themes (serious organised crime, terrorism), 0–10.
    PoliceTheme,
    /// Crime relation on the Marechaussee's themes (migration crime), 0–10.
    MarechausseeTheme,
    /// Upstream relation, 0–10: the strongest phenomenon term over the phenomena for which the
    /// country is a source or transit country (role factor of its source/transit roles only).
    /// 0 when the crime relation is not assessed per phenomenon. Upstream disruption, seed 002:
    /// "plaatst de politie liaisons in bron- en transitlanden van criminele fenomenen".
    Upstream,
}

impl Metric {
    /// All metrics.
    pub const ALL: [Metric; 6] = [
        Metric::Need,
        Metric::AddedValue,
        Metric::Score,
        Metric::PoliceTheme,
        Metric::MarechausseeTheme,
        Metric::Upstream,
    ];

    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            Metric::Need => "need",
            Metric::AddedValue => "added_value",
            Metric::Score => "score",
            Metric::PoliceTheme => "police_theme",
            Metric::MarechausseeTheme => "marechaussee_theme",
            Metric::Upstream => "upstream",
        }
    }

    /// The step used to judge "nearly fired": 10 points on 0–100 scores, 1 on 0–10 scales.
    pub fn step(self) -> f64 {
        match self {
            Metric::Need | Metric::AddedValue | Metric::Score => 10.0,
            Metric::PoliceTheme | Metric::MarechausseeTheme | Metric::Upstream => 1.0,
        }
    }
}

/// A yes/no fact about a country a rule can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// EU member state (after the input's overrides).
    EuMember,
    /// Full Schengen member.
    Schengen,
    /// Benelux partner.
    Benelux,
    /// Shares a land border with the Netherlands.
    LandBorderNl,
    /// A Benelux partner liaison already covers the country.
    PartnerLiaison,
    /// The crime relation was assessed per phenomenon.
    HasPhenomena,
    /// One of the country's accreditation hosts got a permanent liaison (network stage only).
    AccreditationHostPlaced,
    /// A third country that used to be inside the EU's legal (assistance) instruments and lost
    /// them (the United Kingdom after Brexit). Seed 002: "het vervallen van de EU wetgeving en
    /// de hierop gebaseerde (rechtshulp)instrumenten".
    LostEuInstruments,
}

impl Fact {
    /// All facts.
    pub const ALL: [Fact; 8] = [
        Fact::EuMember,
        Fact::Schengen,
        Fact::Benelux,
        Fact::LandBorderNl,
        Fact::PartnerLiaison,
        Fact::HasPhenomena,
        Fact::AccreditationHostPlaced,
        Fact::LostEuInstruments,
    ];

    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            Fact::EuMember => "eu_member",
            Fact::Schengen => "schengen",
            Fact::Benelux => "benelux",
            Fact::LandBorderNl => "land_border_nl",
            Fact::PartnerLiaison => "partner_liaison",
            Fact::HasPhenomena => "has_phenomena",
            Fact::AccreditationHostPlaced => "accreditation_host_placed",
            Fact::LostEuInstruments => "lost_eu_instruments",
        }
    }
}

/// A rule's condition: a small expression over criteria, metrics, facts and earlier decisions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Always true.
    Always,
    /// All of them hold.
    All(Vec<Condition>),
    /// At least one holds.
    Any(Vec<Condition>),
    /// It does not hold.
    Not(Box<Condition>),
    /// A criterion's value (as used, after any missing-value treatment) compared with a threshold.
    Criterion {
        /// Which criterion.
        id: Criterion,
        /// How to compare.
        op: Op,
        /// The threshold on the 0–10 scale.
        value: f64,
    },
    /// A computed metric compared with a threshold.
    Metric {
        /// Which metric.
        id: Metric,
        /// How to compare.
        op: Op,
        /// The threshold.
        value: f64,
    },
    /// A fact is true.
    Fact(Fact),
    /// The data-sharing basis is one of these.
    DataSharing(Vec<DataSharingBasis>),
    /// The class decided so far is this one.
    Class(Class),
    /// The instrument decided so far is this one.
    Instrument(Instrument),
    /// The named rule fired for this country.
    Fired(String),
}

/// What the organisation stage decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrganisationChoice {
    /// The organisation whose theme has the larger crime relation (ties: police).
    ByTheme,
    /// Police.
    Police,
    /// Marechaussee.
    Marechaussee,
    /// Both: a double placement.
    Both,
}

impl OrganisationChoice {
    /// Resolves the choice for given theme relations.
    pub fn resolve(self, police: f64, marechaussee: f64) -> Organisation {
        match self {
            OrganisationChoice::ByTheme if marechaussee > police => Organisation::Marechaussee,
            OrganisationChoice::ByTheme | OrganisationChoice::Police => Organisation::Police,
            OrganisationChoice::Marechaussee => Organisation::Marechaussee,
            OrganisationChoice::Both => Organisation::Both,
        }
    }
}

/// What a rule does when its condition holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// Multiplies the added value of a permanent liaison (adjust stage).
    ScaleAddedValue(f64),
    /// Sets the class (class stage).
    Class(Class),
    /// Sets the instrument (instrument and network stages).
    Instrument(Instrument),
    /// Sets the organisation (organisation stage).
    Organisation(OrganisationChoice),
    /// Keeps at most `max` countries in `class`, demoting the lowest-ranked by need to
    /// `demote_to` (portfolio stage).
    LimitClass {
        /// The class that is capped.
        class: Class,
        /// How many may keep it.
        max: usize,
        /// Where the others go.
        demote_to: Class,
    },
}

impl Effect {
    /// The effect as its canonical JSON (`{"class":"priority"}`): a stable notation for
    /// diagnostics, not for people.
    pub fn notation(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The stages this effect may appear in.
    pub fn allowed_in(&self, stage: Stage) -> bool {
        matches!(
            (self, stage),
            (Effect::ScaleAddedValue(_), Stage::Adjust)
                | (Effect::Class(_), Stage::Class)
                | (Effect::Instrument(_), Stage::Instrument | Stage::Network)
                | (Effect::Organisation(_), Stage::Organisation)
                | (Effect::LimitClass { .. }, Stage::Portfolio)
        )
    }
}

/// One rule: a cited, plain-language statement with a condition and an effect.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rule {
    /// Stable id, e.g. `R-EU-2`, matching `shared/domain/domain.md` where it exists.
    pub id: String,
    /// When it runs.
    pub stage: Stage,
    /// Higher wins in first-match stages; also orders the adjust stage.
    pub salience: i32,
    /// Switched off rules are kept (and reported) but never fire.
    pub enabled: bool,
    /// Plain-language statement, English.
    pub statement: String,
    /// Plain-language statement, Dutch.
    pub statement_nl: String,
    /// Seed file and quote.
    pub citation: Citation,
    /// Condition.
    pub when: Condition,
    /// Effect.
    pub then: Effect,
}

/// How missing criterion values are treated. Whatever the policy, the record lists every
/// missing value and the outcomes at both ends of its scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MissingPolicy {
    /// Use the scale midpoint (5).
    Midpoint,
    /// Use the scale minimum (0).
    Minimum,
    /// Use the scale maximum (10).
    Maximum,
    /// Refuse to evaluate an input with missing values.
    Reject,
}

/// How criterion values become 0–1 before weighing.
///
/// The engine keeps to a fixed scale so that a country's score never depends on which other
/// countries are assessed (and so contributions stay comparable across scenarios); the
/// set-relative normalisations (min-max, vector, sum) live in `placement-mcda` for researchers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Normalisation {
    /// Divide by the fixed 0–10 scale (cost criteria reversed).
    FixedScale,
}

/// How weighted values combine into a side's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Aggregation {
    /// Weighted sum: contributions add up exactly to the score.
    WeightedSum,
}

/// The scoring model: explicit, replaceable normalisation, weights and aggregation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Scoring {
    /// How values are normalised.
    pub normalisation: Normalisation,
    /// How they are combined.
    pub aggregation: Aggregation,
    /// Weights of the weighed criteria, normalised to sum to 1. Illustrative by default.
    pub weights: BTreeMap<Criterion, f64>,
    /// Treatment of missing values.
    pub missing: MissingPolicy,
    /// Evidence older than this many days (relative to the input's `as_of`) is flagged stale.
    pub stale_after_days: u32,
}

impl Scoring {
    /// Normalises a criterion value to 0–1 in the direction of its side's score.
    pub fn normalise(&self, criterion: Criterion, value: f64) -> f64 {
        match self.normalisation {
            Normalisation::FixedScale => criterion.normalise(value),
        }
    }

    /// The weight of a criterion (0 for rule-only criteria).
    pub fn weight(&self, criterion: Criterion) -> f64 {
        self.weights.get(&criterion).copied().unwrap_or(0.0)
    }

    /// The sum of the weights of one side.
    pub fn side_weight(&self, side: crate::criteria::Side) -> f64 {
        self.weights
            .iter()
            .filter(|(c, _)| c.side() == side)
            .map(|(_, w)| w)
            .sum()
    }
}

/// Parameters of the phenomenon approach.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PhenomenonParams {
    /// Priority of each phenomenon, 0–1.
    pub priority: BTreeMap<Phenomenon, f64>,
    /// Factor per role; a country with several roles takes the largest.
    pub role: BTreeMap<Role, f64>,
    /// Factor per trend.
    pub trend: BTreeMap<Trend, f64>,
}

impl PhenomenonParams {
    /// Priority of a phenomenon (0 if absent, which validation rules out).
    pub fn priority_of(&self, p: Phenomenon) -> f64 {
        self.priority.get(&p).copied().unwrap_or(0.0)
    }
}
