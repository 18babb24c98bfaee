//! Evidence: where an assessed value comes from, when, how sure, and how it is classified.

use serde::{Deserialize, Serialize};

/// How sure the assessor is of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// A rough judgement or a proxy.
    Low,
    /// Supported by some data.
    Medium,
    /// Supported by solid, recent data.
    High,
}

/// The classification marking of a value (Dutch government levels, lowest first). A report is
/// marked with the highest marking among its inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Marking {
    /// Ongerubriceerd.
    Unclassified,
    /// Departementaal Vertrouwelijk.
    DepartmentalConfidential,
    /// Staatsgeheim Confidentieel.
    StateSecretConfidential,
    /// Staatsgeheim Geheim.
    StateSecretSecret,
    /// Staatsgeheim Zeer Geheim.
    StateSecretTopSecret,
}

/// A text that is not a date `YYYY-MM-DD` ([`Date::parse`]); its issue is
/// [`crate::error::IssueArgs::Date`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadDate;

impl std::fmt::Display for BadDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[bad_date] YYYY-MM-DD")
    }
}

/// A calendar date `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`.
    ///
    /// # Errors
    /// [`BadDate`] when the text is not of the form `YYYY-MM-DD` or not a day of the calendar.
    pub fn parse(text: &str) -> Result<Date, BadDate> {
        let bad = || BadDate;
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        let day: u32 = d.parse().map_err(|_| bad())?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(bad()),
        };
        if day == 0 || day > days_in_month {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for ageing evidence.
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Formatted on the stack: dates are serialised for every value when hashing inputs.
        let mut buf = *b"0000-00-00";
        let mut put = |at: usize, mut v: u32, width: usize| {
            for i in (0..width).rev() {
                buf[at + i] = b'0' + (v % 10) as u8;
                v /= 10;
            }
        };
        put(0, self.year.clamp(0, 9999) as u32, 4);
        put(5, self.month, 2);
        put(8, self.day, 2);
        s.serialize_str(std::str::from_utf8(&buf).unwrap_or("0000-00-00"))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// The provenance of one assessed value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evidence {
    /// Where the value comes from (a document, data set or assessor).
    pub source: std::sync::Arc<str>,
    /// When it was assessed.
    pub date: Date,
    /// How sure the assessor is.
    pub confidence: Confidence,
    /// Its classification marking.
    pub marking: Marking,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_count_days() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::parse("2000-03-01").unwrap().days(), 11_017);
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2024-2-1").is_err());
        assert!(Marking::Unclassified < Marking::DepartmentalConfidential);
    }
}
