//! Sentences for the core's typed record values: decided quantities, changes and warnings.

use placement_core::record::{Decided, Warning};

use crate::{num, Lang};

impl Lang {
    /// A decided value as words: a class, instrument or organisation label, or an added value
    /// with two decimals in the language's style.
    pub fn decided(self, d: &Decided) -> String {
        match d {
            Decided::AddedValue(x) => num(self, *x, 2),
            Decided::Class(c) => self.class(*c).to_string(),
            Decided::Instrument(i) => self.instrument(*i).to_string(),
            Decided::Organisation(o) => self.organisation(*o).to_string(),
        }
    }

    /// What a fired rule changed: `before → after`, or only `after` when nothing was decided
    /// before.
    pub fn change(self, before: Option<&Decided>, after: &Decided) -> String {
        match before {
            Some(b) => format!("{} → {}", self.decided(b), self.decided(after)),
            None => self.decided(after),
        }
    }

    /// A record warning as a sentence.
    pub fn warning(self, w: &Warning) -> String {
        match *w {
            Warning::Stale {
                criterion,
                assessed,
                limit_days,
                as_of,
            } => match self {
                Lang::En => format!(
                    "{} is stale: assessed on {assessed}, more than {limit_days} days before {as_of}",
                    self.criterion(criterion)
                ),
                Lang::Nl => format!(
                    "{} is verouderd: beoordeeld op {assessed}, meer dan {limit_days} dagen vóór {as_of}",
                    self.criterion(criterion)
                ),
            },
            Warning::Missing {
                criterion,
                imputed,
                policy,
            } => match self {
                Lang::En => format!(
                    "{} is missing; {} used ({})",
                    self.criterion(criterion),
                    num(self, imputed, 1),
                    self.missing_policy(policy)
                ),
                Lang::Nl => format!(
                    "{} ontbreekt; {} gebruikt ({})",
                    self.criterion(criterion),
                    num(self, imputed, 1),
                    self.missing_policy(policy)
                ),
            },
        }
    }
}
