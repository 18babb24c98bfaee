//! Countries: validated ISO 3166-1 alpha-2 codes and the facts the model uses about them.
//!
//! The reference table (`data/countries.tsv`) is embedded at compile time: 249 ISO codes plus
//! `XK` (Kosovo), with English and Dutch names, UN M49 sub-region, and 2025 membership of the
//! EU, Schengen and Benelux. Its header lists its sources.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{excerpt, CodeProblem};

/// An ISO 3166-1 alpha-2 country code (or `XK`) that is known to the reference table.
///
/// The only ways to build one are [`CountryCode::parse`] and [`str::parse`] (its [`FromStr`]
/// implementation, whose error is [`crate::Error::BadCountryCode`]), so every value is valid. Codes compare
/// alphabetically; ties between equal scores are broken by this order.
///
/// ```
/// use placement_core::CountryCode;
/// let co = CountryCode::parse("co").unwrap();
/// assert_eq!(co.as_str(), "CO");
/// assert!(CountryCode::parse("UK").is_err()); // the UK's ISO code is GB
/// let ge: CountryCode = "GE".parse()?;
/// assert_eq!(ge.facts().name_en, "Georgia");
/// # Ok::<(), placement_core::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Parses a code, accepting lower case; fails unless the code is in the reference table.
    ///
    /// # Errors
    /// What is wrong with the text ([`CodeProblem`]): not two letters, not assigned, or (for
    /// the common mistake `UK`) the code meant. placement-text renders it in words.
    pub fn parse(text: &str) -> Result<CountryCode, CodeProblem> {
        let upper = text.trim().to_ascii_uppercase();
        let bytes = upper.as_bytes();
        if bytes.len() != 2 || !bytes.iter().all(u8::is_ascii_uppercase) {
            return Err(CodeProblem::NotTwoLetters);
        }
        let code = CountryCode([bytes[0], bytes[1]]);
        if table().binary_search_by(|c| c.code.cmp(&code)).is_ok() {
            Ok(code)
        } else if upper == "UK" {
            Err(CodeProblem::UseInstead {
                code: CountryCode(*b"GB"),
            })
        } else {
            Err(CodeProblem::Unassigned)
        }
    }

    /// The code as two upper-case letters.
    pub fn as_str(&self) -> &str {
        // The bytes are checked ASCII upper case at construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The reference facts about this country.
    pub fn facts(&self) -> &'static CountryFacts {
        let t = table();
        match t.binary_search_by(|c| c.code.cmp(self)) {
            Ok(i) => &t[i],
            // Unreachable: a CountryCode is only built from table entries.
            Err(_) => &t[0],
        }
    }

    /// The Netherlands, the country from whose point of view everything is assessed.
    pub fn netherlands() -> CountryCode {
        CountryCode(*b"NL")
    }
}

impl FromStr for CountryCode {
    type Err = crate::Error;

    /// As [`CountryCode::parse`], with the crate's error type.
    fn from_str(text: &str) -> Result<CountryCode, crate::Error> {
        CountryCode::parse(text).map_err(|problem| crate::Error::BadCountryCode {
            text: crate::error::excerpt(text),
            problem,
        })
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CountryCode::parse(&s).map_err(|p| {
            serde::de::Error::custom(format_args!("[unknown_country] \"{}\": {p}", excerpt(&s)))
        })
    }
}

/// A world region: the UN M49 sub-regions (Oceania merged), as in the reference table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // the variant names are the M49 sub-region names
pub enum Region {
    NorthernAfrica,
    EasternAfrica,
    MiddleAfrica,
    SouthernAfrica,
    WesternAfrica,
    Caribbean,
    CentralAmerica,
    SouthAmerica,
    NorthernAmerica,
    CentralAsia,
    EasternAsia,
    SouthEasternAsia,
    SouthernAsia,
    WesternAsia,
    EasternEurope,
    NorthernEurope,
    SouthernEurope,
    WesternEurope,
    Oceania,
    Antarctica,
}

impl Region {
    /// All regions, in declaration order.
    pub const ALL: [Region; 20] = [
        Region::NorthernAfrica,
        Region::EasternAfrica,
        Region::MiddleAfrica,
        Region::SouthernAfrica,
        Region::WesternAfrica,
        Region::Caribbean,
        Region::CentralAmerica,
        Region::SouthAmerica,
        Region::NorthernAmerica,
        Region::CentralAsia,
        Region::EasternAsia,
        Region::SouthEasternAsia,
        Region::SouthernAsia,
        Region::WesternAsia,
        Region::EasternEurope,
        Region::NorthernEurope,
        Region::SouthernEurope,
        Region::WesternEurope,
        Region::Oceania,
        Region::Antarctica,
    ];

    /// The snake_case id used in files.
    pub fn id(self) -> &'static str {
        match self {
            Region::NorthernAfrica => "northern_africa",
            Region::EasternAfrica => "eastern_africa",
            Region::MiddleAfrica => "middle_africa",
            Region::SouthernAfrica => "southern_africa",
            Region::WesternAfrica => "western_africa",
            Region::Caribbean => "caribbean",
            Region::CentralAmerica => "central_america",
            Region::SouthAmerica => "south_america",
            Region::NorthernAmerica => "northern_america",
            Region::CentralAsia => "central_asia",
            Region::EasternAsia => "eastern_asia",
            Region::SouthEasternAsia => "south_eastern_asia",
            Region::SouthernAsia => "southern_asia",
            Region::WesternAsia => "western_asia",
            Region::EasternEurope => "eastern_europe",
            Region::NorthernEurope => "northern_europe",
            Region::SouthernEurope => "southern_europe",
            Region::WesternEurope => "western_europe",
            Region::Oceania => "oceania",
            Region::Antarctica => "antarctica",
        }
    }

    /// Parses a snake_case region id.
    pub fn from_id(id: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// What the reference table says about a country. Inputs may override the membership facts
/// (a what-if such as Brexit), see [`crate::assessment::FactOverrides`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountryFacts {
    /// ISO code.
    pub code: CountryCode,
    /// Short English name.
    pub name_en: String,
    /// Short Dutch name.
    pub name_nl: String,
    /// UN M49 sub-region.
    pub region: Region,
    /// EU member state (2025).
    pub eu_member: bool,
    /// Full Schengen member (2025).
    pub schengen: bool,
    /// Benelux partner (BE, LU, NL).
    pub benelux: bool,
    /// Shares a land border with the Netherlands (BE, DE).
    pub land_border_nl: bool,
}

const TABLE_TEXT: &str = include_str!("../data/countries.tsv");

/// The parsed reference table, sorted by code. Parsed once; the file is compiled in and checked
/// by the crate's tests, so a malformed row is a build defect and is skipped rather than panicking.
pub(crate) fn table() -> &'static [CountryFacts] {
    static TABLE: OnceLock<Vec<CountryFacts>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut rows: Vec<CountryFacts> = TABLE_TEXT
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("code\t") && !l.trim().is_empty())
            .filter_map(parse_row)
            .collect();
        rows.sort_by_key(|c| c.code);
        rows
    })
}

fn parse_row(line: &str) -> Option<CountryFacts> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != 8 {
        return None;
    }
    let b = f[0].as_bytes();
    if b.len() != 2 {
        return None;
    }
    let flag = |s: &str| s == "1";
    Some(CountryFacts {
        code: CountryCode([b[0], b[1]]),
        name_en: f[1].to_string(),
        name_nl: f[2].to_string(),
        region: Region::from_id(f[3])?,
        eu_member: flag(f[4]),
        schengen: flag(f[5]),
        benelux: flag(f[6]),
        land_border_nl: flag(f[7]),
    })
}

/// All countries of the reference table, sorted by code.
pub fn all_countries() -> &'static [CountryFacts] {
    table()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reference_table_is_complete() {
        let lines = TABLE_TEXT
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("code\t"))
            .count();
        assert_eq!(lines, 250, "every data row must parse");
        assert_eq!(table().len(), 250);
        assert_eq!(table().iter().filter(|c| c.eu_member).count(), 27);
        assert_eq!(table().iter().filter(|c| c.land_border_nl).count(), 2);
    }

    #[test]
    fn parse_rejects_unknown_and_explains_uk() {
        assert!(CountryCode::parse("ZZ").is_err());
        assert!(CountryCode::parse("C").is_err());
        assert_eq!(
            CountryCode::parse("UK"),
            Err(CodeProblem::UseInstead {
                code: CountryCode::parse("GB").unwrap()
            })
        );
        let gb = CountryCode::parse("gb").unwrap();
        assert_eq!(gb.facts().name_nl, "Verenigd Koninkrijk");
        assert!(!gb.facts().eu_member);
    }
}
