//! Words and labels in English and Dutch. Every phrase the renderers print comes from here, so
//! a translation is checked in one place.

use placement_core::record::{Decided, Warning};
use placement_core::rulebook::{MissingPolicy, Op, Stage};
use placement_core::{Class, Criterion, Instrument, Organisation};
use serde::{Deserialize, Serialize};

/// The language of rendered text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    En,
    /// Dutch, the advisors' working language.
    Nl,
}

impl Lang {
    /// Picks the English or the Dutch text.
    pub fn pick<'a>(self, en: &'a str, nl: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Nl => nl,
        }
    }

    /// A criterion's short name.
    pub fn criterion(self, c: Criterion) -> &'static str {
        let info = c.info();
        match self {
            Lang::En => info.name_en,
            Lang::Nl => info.name_nl,
        }
    }

    /// A class label (seed 000's terms in Dutch).
    pub fn class(self, c: Class) -> &'static str {
        match self {
            Lang::En => c.label_en(),
            Lang::Nl => c.label_nl(),
        }
    }

    /// An instrument label.
    pub fn instrument(self, i: Instrument) -> &'static str {
        match self {
            Lang::En => i.label_en(),
            Lang::Nl => i.label_nl(),
        }
    }

    /// An organisation label.
    pub fn organisation(self, o: Organisation) -> &'static str {
        match self {
            Lang::En => o.label_en(),
            Lang::Nl => o.label_nl(),
        }
    }

    /// A metric or criterion id as words.
    pub fn quantity(self, id: &str) -> String {
        if let Some(c) = Criterion::from_id(id) {
            return self.criterion(c).to_string();
        }
        let (en, nl) = match id {
            "need" => ("need", "behoefte"),
            "added_value" => ("added value", "meerwaarde"),
            "score" => ("score", "score"),
            "police_theme" => (
                "crime relation on police themes",
                "criminaliteitsrelatie politiethema's",
            ),
            "marechaussee_theme" => (
                "crime relation on KMar themes",
                "criminaliteitsrelatie KMar-thema's",
            ),
            other => (other, other),
        };
        self.pick(en, nl).to_string()
    }

    /// A stage name.
    pub fn stage(self, s: Stage) -> &'static str {
        let (en, nl) = match s {
            Stage::Adjust => ("adjustment", "correctie"),
            Stage::Class => ("class", "klasse"),
            Stage::Instrument => ("instrument", "instrument"),
            Stage::Organisation => ("organisation", "organisatie"),
            Stage::Network => ("network", "netwerk"),
            Stage::Portfolio => ("portfolio", "portefeuille"),
        };
        self.pick(en, nl)
    }

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
        match w {
            Warning::Stale {
                criterion,
                assessed,
                limit_days,
                as_of,
            } => match self {
                Lang::En => format!(
                    "{} is stale: assessed on {assessed}, more than {limit_days} days before {as_of}",
                    self.criterion(*criterion)
                ),
                Lang::Nl => format!(
                    "{} is verouderd: beoordeeld op {assessed}, meer dan {limit_days} dagen vóór {as_of}",
                    self.criterion(*criterion)
                ),
            },
            Warning::Missing {
                criterion,
                imputed,
                policy,
            } => {
                let (en, nl) = match policy {
                    MissingPolicy::Midpoint => ("the scale midpoint", "het midden van de schaal"),
                    MissingPolicy::Minimum => ("the scale minimum", "het minimum van de schaal"),
                    MissingPolicy::Maximum => ("the scale maximum", "het maximum van de schaal"),
                    MissingPolicy::Reject => ("no value", "geen waarde"),
                };
                match self {
                    Lang::En => format!(
                        "{} is missing; {} used ({en})",
                        self.criterion(*criterion),
                        num(self, *imputed, 1)
                    ),
                    Lang::Nl => format!(
                        "{} ontbreekt; {} gebruikt ({nl})",
                        self.criterion(*criterion),
                        num(self, *imputed, 1)
                    ),
                }
            }
            _ => String::new(),
        }
    }

    /// A comparison operator as written.
    pub fn op(self, op: Op) -> &'static str {
        match op {
            Op::Ge => "≥",
            Op::Gt => ">",
            Op::Le => "≤",
            Op::Lt => "<",
        }
    }
}

/// Formats a number with `d` decimals, in the language's style (decimal comma in Dutch).
pub fn num(lang: Lang, x: f64, d: usize) -> String {
    let x = if x.abs() < 0.5 * 10f64.powi(-(d as i32)) {
        0.0
    } else {
        x
    };
    let s = format!("{x:.d$}");
    match lang {
        Lang::En => s,
        Lang::Nl => s.replace('.', ","),
    }
}

/// Formats a signed number (`+1.5`, `-0.2`).
pub fn signed(lang: Lang, x: f64, d: usize) -> String {
    let s = num(lang, x, d);
    if s.starts_with('-') {
        s.replacen('-', "−", 1)
    } else {
        format!("+{s}")
    }
}
