//! The outcomes the engine recommends: a class, an instrument and an organisation.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The classification of seed 000: «prioritair», «sub-prioritair», «overig».
///
/// Ordered from lowest to highest, so `Class::Priority > Class::Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// «overig».
    Other,
    /// «sub-prioritair».
    SubPriority,
    /// «prioritair».
    Priority,
}

impl Class {
    /// Every class, lowest first.
    pub const ALL: [Class; 3] = [Class::Other, Class::SubPriority, Class::Priority];

    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            Class::Other => "other",
            Class::SubPriority => "sub_priority",
            Class::Priority => "priority",
        }
    }

    /// Parses an id.
    pub fn from_id(id: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// The instrument recommended for a country: the vocabulary of seeds 000–003.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    /// A permanent liaison officer posted at a Dutch representation in the country.
    PermanentLiaison,
    /// A flexible liaison officer (FILO) working from the Netherlands.
    FlexibleLiaison,
    /// The Europol channel: the Dutch Desk and the country desks at Europol.
    EuropolChannel,
    /// A Benelux partner (Belgian) liaison, for mutual legal assistance only.
    PartnerLiaison,
    /// Accreditation of a liaison posted in a neighbouring country.
    Accreditation,
    /// Non-operational cooperation: relationship and capacity building, knowledge exchange.
    CapacityBuilding,
    /// No dedicated instrument: the regular channels (Interpol, legal assistance) suffice.
    None,
}

impl Instrument {
    /// Every instrument.
    pub const ALL: [Instrument; 7] = [
        Instrument::PermanentLiaison,
        Instrument::FlexibleLiaison,
        Instrument::EuropolChannel,
        Instrument::PartnerLiaison,
        Instrument::Accreditation,
        Instrument::CapacityBuilding,
        Instrument::None,
    ];

    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            Instrument::PermanentLiaison => "permanent_liaison",
            Instrument::FlexibleLiaison => "flexible_liaison",
            Instrument::EuropolChannel => "europol_channel",
            Instrument::PartnerLiaison => "partner_liaison",
            Instrument::Accreditation => "accreditation",
            Instrument::CapacityBuilding => "capacity_building",
            Instrument::None => "none",
        }
    }

    /// Parses an id.
    pub fn from_id(id: &str) -> Option<Instrument> {
        Instrument::ALL.into_iter().find(|c| c.id() == id)
    }

    /// Whether an organisation (police or Marechaussee) sends someone for this instrument.
    pub fn needs_organisation(self) -> bool {
        matches!(
            self,
            Instrument::PermanentLiaison | Instrument::FlexibleLiaison
        )
    }
}

/// Which Dutch organisation sends the liaison (seed 001, R-ORG-2 and R-POST-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Organisation {
    /// Dutch police (NP).
    Police,
    /// Royal Netherlands Marechaussee (KMar).
    Marechaussee,
    /// A double placement: one of each at the same post.
    Both,
}

impl Organisation {
    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            Organisation::Police => "police",
            Organisation::Marechaussee => "marechaussee",
            Organisation::Both => "both",
        }
    }
}

macro_rules! display_id {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.id())
            }
        }
    )*};
}
display_id!(Class, Instrument, Organisation);
