//! Rulebooks: the placement model's rules as data.
//!
//! Every rule has an id, a plain-language statement in English and Dutch, a seed citation, a
//! condition over criteria, metrics and country facts, and an effect. One rulebook is shipped
//! per policy regime of the seeds (see the regime table in `docs/model.md`); the current one,
//! `p4-2019`, is the default. Advisors can switch rules off, change thresholds or weights, and
//! add rules in a small file that names a `base` rulebook — no recompiling:
//!
//! ```
//! use placement_core::Rulebook;
//! let text = r#"
//! [rulebook]
//! id = "no-eu-discount"
//! base = "p4-2019"
//!
//! [[patch]]
//! rule = "R-EU-2"
//! enabled = false
//!
//! [[patch]]
//! rule = "R-CLS-PRIO"
//! threshold = [{ id = "need", value = 55.0 }]
//! "#;
//! let rules = Rulebook::parse("advisor.toml", text)?;
//! assert!(!rules.rule("R-EU-2").unwrap().enabled);
//! # Ok::<(), placement_core::Error>(())
//! ```
//!
//! Validation on load reports every problem at once: unknown criteria, metrics, facts, classes,
//! instruments and rule ids; effects in the wrong stage; conditions that read a decision before
//! it is made; two rules deciding the same thing differently at equal salience (a conflict);
//! and cycles among rules that depend on each other through `fired` (found with petgraph).

mod model;
mod order;
pub(crate) mod raw;

pub use model::*;

use serde::Serialize;

use crate::citation::Citation;
use crate::criteria::Criterion;
use crate::error::{parse_by_extension, read_file, Error, FileKind, Issue, IssueArgs, Issues};
use crate::phenomenon::Phenomenon;

/// A validated rulebook for one policy regime.
///
/// The fields are private so the rulebook keeps what validation established (known ids, effects
/// in their stages, no conflicts at equal salience, no dependency cycles, weights normalised,
/// rules in evaluation order). Read it with the accessors ([`id`](Rulebook::id),
/// [`title`](Rulebook::title), [`regime`](Rulebook::regime), [`scoring`](Rulebook::scoring),
/// [`weights`](Rulebook::weights), [`phenomena`](Rulebook::phenomena),
/// [`rules`](Rulebook::rules), [`rule`](Rulebook::rule) …); change it only through the checked
/// mutators [`set_weights`](Rulebook::set_weights),
/// [`set_rule_enabled`](Rulebook::set_rule_enabled),
/// [`set_threshold`](Rulebook::set_threshold) and [`set_priority`](Rulebook::set_priority),
/// which re-validate what they touch and change nothing when they fail. The serialised form
/// (and so [`Rulebook::hash`]) has the fields in declaration order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rulebook {
    id: String,
    title: String,
    regime: String,
    period: String,
    description: String,
    citation: Citation,
    scoring: Scoring,
    phenomena: PhenomenonParams,
    rules: Vec<Rule>,
}

/// The embedded rulebooks: `(id, TOML text)`. The first is the default.
pub const EMBEDDED: [(&str, &str); 3] = [
    ("p4-2019", include_str!("../../rulebooks/p4-2019.toml")),
    ("p2-2013", include_str!("../../rulebooks/p2-2013.toml")),
    ("p1-2015", include_str!("../../rulebooks/p1-2015.toml")),
];

impl Rulebook {
    /// The default rulebook: the current regime (phenomenon approach, from 2019).
    ///
    /// # Errors
    /// Only if the embedded file were invalid, which the crate's tests rule out.
    pub fn default_rulebook() -> Result<Rulebook, Error> {
        Rulebook::embedded(EMBEDDED[0].0)
    }

    /// One of the embedded rulebooks by id (`p4-2019`, `p2-2013`, `p1-2015`).
    ///
    /// # Errors
    /// [`Error::Invalid`] naming the unknown id and the known ones.
    pub fn embedded(id: &str) -> Result<Rulebook, Error> {
        // Each embedded rulebook is parsed once per process and cloned after.
        static PARSED: [std::sync::OnceLock<Rulebook>; EMBEDDED.len()] =
            [const { std::sync::OnceLock::new() }; EMBEDDED.len()];
        let Some((index, (_, text))) = EMBEDDED.iter().enumerate().find(|(_, (i, _))| *i == id)
        else {
            return Err(Error::Invalid {
                origin: "<embedded rulebooks>".to_string(),
                issues: vec![crate::Issue::new(
                    "rulebook",
                    id,
                    crate::error::IssueArgs::one_of(
                        crate::error::Vocabulary::Rulebook,
                        &EMBEDDED,
                        |(i, _)| i,
                    ),
                )],
            });
        };
        if let Some(book) = PARSED[index].get() {
            return Ok(book.clone());
        }
        let origin = format!("<embedded rulebooks/{id}.toml>");
        let raw: raw::RawRulebook = crate::error::parse_toml(&origin, text)?;
        // Embedded rulebooks may build on each other (p1-2015 on p2-2013).
        let book = raw.validate(&origin, |base| Rulebook::embedded(base).ok())?;
        Ok(PARSED[index].get_or_init(|| book).clone())
    }

    /// Parses and validates a rulebook file; `origin` is its name (`.toml` or `.json`).
    ///
    /// # Errors
    /// [`Error::Parse`] with line and column, or [`Error::Invalid`] with every problem found.
    pub fn parse(origin: &str, text: &str) -> Result<Rulebook, Error> {
        let raw: raw::RawRulebook = parse_by_extension(origin, text, FileKind::Rulebook)?;
        raw.validate(origin, |base| Rulebook::embedded(base).ok())
    }

    /// Reads, parses and validates a rulebook file.
    ///
    /// # Errors
    /// As [`Rulebook::parse`], plus [`Error::Io`].
    pub fn load(path: &std::path::Path) -> Result<Rulebook, Error> {
        let text = read_file(path)?;
        Rulebook::parse(&path.display().to_string(), &text)
    }

    /// A rulebook file, else an embedded rulebook by id, else the default: what the
    /// command-line options `--rules FILE` and `--regime ID` mean.
    ///
    /// # Errors
    /// As [`Rulebook::load`] and [`Rulebook::embedded`].
    pub fn load_or_embedded(
        file: Option<&std::path::Path>,
        embedded_id: Option<&str>,
    ) -> Result<Rulebook, Error> {
        match (file, embedded_id) {
            (Some(path), _) => Rulebook::load(path),
            (None, Some(id)) => Rulebook::embedded(id),
            (None, None) => Rulebook::default_rulebook(),
        }
    }

    /// Stable id, e.g. `p4-2019`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The regime of `domain.md` (P1, P2, P4 …).
    pub fn regime(&self) -> &str {
        &self.regime
    }

    /// The period it describes.
    pub fn period(&self) -> &str {
        &self.period
    }

    /// What it models and how it differs from the others.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Where the regime is described.
    pub fn citation(&self) -> &Citation {
        &self.citation
    }

    /// The scoring model (normalisation, aggregation, weights, missing-value policy).
    pub fn scoring(&self) -> &Scoring {
        &self.scoring
    }

    /// The weights of the weighed criteria, normalised to sum to 1.
    pub fn weights(&self) -> &std::collections::BTreeMap<Criterion, f64> {
        &self.scoring.weights
    }

    /// The phenomenon approach's parameters.
    pub fn phenomena(&self) -> &PhenomenonParams {
        &self.phenomena
    }

    /// The rules in evaluation order (stage, dependencies, salience high to low, id).
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// A rule by id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The origin label of this rulebook's mutator errors.
    fn origin(&self) -> String {
        format!("<rulebook {}>", self.id)
    }

    /// The index of rule `id`, or an [`IssueCode::UnknownRule`](crate::IssueCode::UnknownRule) error listing the valid ids.
    fn rule_index(&self, id: &str) -> Result<usize, Error> {
        self.rules
            .iter()
            .position(|r| r.id == id)
            .ok_or_else(|| Error::Invalid {
                origin: self.origin(),
                issues: vec![Issue::new(
                    "rule",
                    id,
                    IssueArgs::NoSuchRule {
                        rulebook: Some(self.id.clone()),
                        known: self.rules.iter().map(|r| r.id.clone()).collect(),
                    },
                )],
            })
    }

    /// Switches a rule on or off, then re-checks the whole rulebook as loading does (switching
    /// a rule on can make it conflict with another at equal salience). On error nothing changes.
    ///
    /// # Errors
    /// [`Error::Invalid`] with an [`IssueCode::UnknownRule`](crate::IssueCode::UnknownRule) issue listing the valid ids, or the
    /// [`IssueCode::Conflict`](crate::IssueCode::Conflict) issues the switch would cause.
    pub fn set_rule_enabled(&mut self, id: &str, enabled: bool) -> Result<(), Error> {
        let i = self.rule_index(id)?;
        let mut rules = self.rules.clone();
        if let Some(r) = rules.get_mut(i) {
            r.enabled = enabled;
        }
        let mut issues = Issues::default();
        let rules = order::order_and_check(rules, &mut issues);
        issues.finish(&self.origin(), ())?;
        self.rules = rules;
        Ok(())
    }

    /// Sets every threshold that rule `rule_id` compares criterion or metric `on` with;
    /// returns how many thresholds changed (at least one). On error nothing changes.
    ///
    /// # Errors
    /// [`Error::Invalid`] with an [`IssueCode::UnknownRule`](crate::IssueCode::UnknownRule) issue (listing the valid ids), an
    /// [`IssueCode::NotFinite`](crate::IssueCode::NotFinite) issue for NaN or infinity, or an [`IssueCode::UnknownName`](crate::IssueCode::UnknownName)
    /// issue when the rule compares nothing called `on`.
    pub fn set_threshold(&mut self, rule_id: &str, on: &str, value: f64) -> Result<usize, Error> {
        let i = self.rule_index(rule_id)?;
        let field = format!("rule[{rule_id}].threshold.{on}");
        let mut issues = Issues::default();
        if !value.is_finite() {
            issues.push(&field, value, IssueArgs::ThresholdNotFinite);
            return issues.finish(&self.origin(), 0);
        }
        let Some(rule) = self.rules.get_mut(i) else {
            return Ok(0);
        };
        let mut when = rule.when.clone();
        let n = raw::set_threshold(&mut when, on, value);
        if n == 0 {
            issues.push(
                &field,
                on,
                IssueArgs::ComparesNothing {
                    rule: rule_id.to_string(),
                },
            );
            return issues.finish(&self.origin(), 0);
        }
        rule.when = when;
        Ok(n)
    }

    /// Sets the priority of a phenomenon, 0–1. On error nothing changes.
    ///
    /// # Errors
    /// [`Error::Invalid`] with an [`IssueCode::NotFinite`](crate::IssueCode::NotFinite) or [`IssueCode::OutOfRange`](crate::IssueCode::OutOfRange) issue
    /// naming `phenomena.priority.<id>`.
    pub fn set_priority(&mut self, phenomenon: Phenomenon, priority: f64) -> Result<(), Error> {
        let mut issues = Issues::default();
        issues.check_range(
            &format!("phenomena.priority.{}", phenomenon.id()),
            priority,
            0.0,
            1.0,
        );
        issues.finish(&self.origin(), ())?;
        self.phenomena.priority.insert(phenomenon, priority);
        Ok(())
    }

    /// Replaces the weights (normalised to sum to 1).
    ///
    /// # Errors
    /// [`Error::Invalid`] if a weight is negative or not finite, a weighed criterion has no
    /// weight, a rule-only criterion has one, or a side's weights do not sum to a positive number.
    pub fn set_weights(
        &mut self,
        weights: &std::collections::BTreeMap<Criterion, f64>,
    ) -> Result<(), Error> {
        use crate::criteria::Side;
        let mut issues = crate::error::Issues::default();
        for c in crate::Criterion::ALL {
            let field = format!("weights.{}", c.id());
            match (c.side(), weights.get(&c)) {
                (Side::RuleOnly, Some(w)) => issues.push(field, w, IssueArgs::NotWeighed),
                (Side::RuleOnly, None) => {}
                (_, None) => issues.push(field, "", IssueArgs::WeightMissing),
                (_, Some(w)) if !w.is_finite() || *w < 0.0 => {
                    issues.push(field, w, IssueArgs::BadWeight)
                }
                _ => {}
            }
        }
        for side in [Side::Need, Side::AddedValue] {
            let sum: f64 = weights
                .iter()
                .filter(|(c, _)| c.side() == side)
                .map(|(_, w)| *w)
                .sum();
            if sum.is_nan() || sum <= 0.0 {
                issues.push("weights", sum, IssueArgs::SideSum { side, sum });
            }
        }
        issues.finish("<weights>", ())?;
        let total: f64 = weights.values().sum();
        self.scoring.weights = weights.iter().map(|(c, w)| (*c, w / total)).collect();
        Ok(())
    }

    /// SHA-256 of the rulebook's canonical encoding: records carry it so a record can be
    /// matched to the exact rules that produced it.
    pub fn hash(&self) -> String {
        crate::hash::sha256_json(self)
    }
}
