//! Comparison of a scenario with its base, and attribution of every difference to the
//! scenario's changes.
//!
//! A country *changed* when its class, instrument or organisation differs (an outcome change),
//! or only its rank does. Attribution applies the changes one at a time to the base:
//! - a **single cause** is a change that, applied alone, gives the country the scenario's
//!   outcome;
//! - when no change does that alone, each change is left out of the full scenario in turn, and
//!   those whose absence undoes the outcome are reported as causes **only jointly**;
//! - a rank-only change is attributed to the changes that alter the country's own score, or
//!   else reported as *displaced* (other countries moved past it or fell behind it).
//!
//! # Complexity
//! One full evaluation of base and scenario, plus per engine-relevant change either one cheap
//! re-evaluation of a single country ([`placement_core::Engine::reevaluate`], used when the
//! change touches one country and no other changed country depends on it through springboard
//! or accreditation links, and the rulebook has no portfolio rule) or one full evaluation.
//! Leave-one-out evaluations are made only when some outcome change has no single cause.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use placement_core::kernel;
use placement_core::rulebook::Stage;
use placement_core::{
    Class, CountryCode, DecisionRecord, Engine, Evaluation, Instrument, Organisation,
};

use crate::change::Change;
use crate::error::ScenarioError;
use crate::resolve::{Scenario, State};
use crate::resources::{Budget, Capacity, Posts};

/// A country's place and outcome in one evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Snapshot {
    /// Rank, 1 = highest score.
    pub rank: usize,
    /// Class.
    pub class: Class,
    /// Instrument.
    pub instrument: Instrument,
    /// Organisation, for liaison instruments.
    pub organisation: Option<Organisation>,
    /// Score, 0–100.
    pub score: f64,
    /// Need, 0–100.
    pub need: f64,
    /// Added value after adjustments, 0–100.
    pub added_value: f64,
}

impl Snapshot {
    fn of(r: &DecisionRecord) -> Snapshot {
        Snapshot {
            rank: r.rank,
            class: r.class,
            instrument: r.instrument,
            organisation: r.organisation,
            score: r.score,
            need: r.need,
            added_value: r.added_value,
        }
    }

    /// Class, instrument and organisation.
    pub fn outcome(&self) -> (Class, Instrument, Option<Organisation>) {
        (self.class, self.instrument, self.organisation)
    }
}

/// Why a country changed, as indices into [`ScenarioDiff::changes`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Causes {
    /// Changes that produce the change on their own.
    pub single: Vec<usize>,
    /// When there is no single cause: changes that produce it only together (leaving any one
    /// out undoes it).
    pub jointly: Vec<usize>,
    /// A rank-only change with no change to the country's own score: others moved.
    pub displaced: bool,
}

/// One country that changed between base and scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountryChange {
    /// The country.
    pub country: CountryCode,
    /// English name.
    pub name_en: String,
    /// Dutch name.
    pub name_nl: String,
    /// In the base (`None` when the scenario adds the country).
    pub before: Option<Snapshot>,
    /// In the scenario (`None` when the scenario removes it).
    pub after: Option<Snapshot>,
    /// Rule that decided the instrument, before and after.
    pub deciding_rule: (Option<String>, Option<String>),
    /// Whether class, instrument or organisation changed (else only the rank).
    pub outcome_changed: bool,
    /// What caused it.
    pub causes: Causes,
}

/// A change as listed in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChangeSummary {
    /// Short label.
    pub label: String,
    /// The change in English words, old → new ([`crate::describe::describe`]).
    pub text_en: String,
    /// The change in Dutch words, old → new.
    pub text_nl: String,
    /// Its source note.
    pub source: Option<String>,
    /// Its source note in Dutch, if the author wrote one.
    pub source_nl: Option<String>,
    /// File and line.
    pub file: String,
    /// Line.
    pub line: usize,
    /// Whether the engine's evaluation can depend on it.
    pub affects_evaluation: bool,
}

impl ChangeSummary {
    /// The source note in `lang`: the Dutch one for Dutch when written, else as written.
    pub fn source_in(&self, lang: placement_text::Lang) -> Option<&str> {
        crate::change::in_lang(lang, self.source.as_deref(), self.source_nl.as_deref())
    }
}

/// One evaluated state's inputs: the assessment set and rulebook (with their SHA-256 hashes) and
/// the highest classification marking among its inputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evaluated {
    /// The assessment set.
    pub input: placement_core::record::InputRef,
    /// The rulebook.
    pub rulebook: placement_core::record::RulebookRef,
    /// The marking of the evaluation.
    pub marking: placement_core::Marking,
}

impl Evaluated {
    fn of(e: &Evaluation) -> Self {
        Evaluated {
            input: e.input.clone(),
            rulebook: e.rulebook.clone(),
            marking: e.marking,
        }
    }
}

/// Where a comparison's numbers come from: the base's and the scenario's evaluations.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiffProvenance {
    /// The base.
    pub base: Evaluated,
    /// The scenario.
    pub scenario: Evaluated,
}

impl DiffProvenance {
    /// The higher of the two markings: what a report of the comparison carries.
    pub fn marking(&self) -> placement_core::Marking {
        self.base.marking.max(self.scenario.marking)
    }
}

/// What a scenario changed relative to its base, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScenarioDiff {
    /// The scenario's name.
    pub scenario: String,
    /// Its description.
    pub description: String,
    /// Its description in Dutch, if the author wrote one.
    pub description_nl: Option<String>,
    /// The chain of scenario names, root first.
    pub chain: Vec<String>,
    /// What it is compared with.
    pub base_name: String,
    /// Rulebook id of the base and of the scenario.
    pub rulebook: (String, String),
    /// The scenario's own changes.
    pub changes: Vec<ChangeSummary>,
    /// Countries that changed: outcome changes first (by rank in the scenario), then rank-only.
    pub changed: Vec<CountryChange>,
    /// The base's top ten countries that kept rank and outcome.
    pub unchanged_top: Vec<(CountryCode, Snapshot)>,
    /// Capacity before and after.
    pub capacity: (Capacity, Capacity),
    /// Budget before and after.
    pub budget: (Budget, Budget),
    /// Posts before and after.
    pub posts: (Posts, Posts),
    /// Evaluations made to attribute (full and single-country).
    pub evaluations: (usize, usize),
    /// Inputs and rulebooks of base and scenario, with their hashes, and the markings.
    pub provenance: DiffProvenance,
}

impl ScenarioDiff {
    /// The description in `lang`: the Dutch one for Dutch when written, else as written.
    pub fn description_in(&self, lang: placement_text::Lang) -> &str {
        crate::change::in_lang(
            lang,
            Some(self.description.as_str()),
            self.description_nl.as_deref(),
        )
        .unwrap_or_default()
    }

    /// The change for one country, if it changed.
    pub fn country(&self, code: &str) -> Option<&CountryChange> {
        self.changed.iter().find(|c| c.country.as_str() == code)
    }
}

/// Evaluates a scenario state, an engine error named after the scenario.
pub(crate) fn evaluate(scenario: &Scenario, state: &State) -> Result<Evaluation, ScenarioError> {
    Engine::new(&state.rulebook)
        .evaluate(&state.assessment)
        .map_err(|error| ScenarioError::Engine {
            scenario: scenario.meta.name.clone(),
            error,
        })
}

/// The rule that decided the instrument (last instrument or network rule that fired).
fn deciding_rule(r: &DecisionRecord) -> Option<String> {
    r.rules
        .iter()
        .rev()
        .find(|f| matches!(f.stage, Stage::Instrument | Stage::Network))
        .map(|f| f.rule.clone())
}

/// Compares a scenario with its base and attributes every difference.
///
/// # Errors
/// [`ScenarioError::Engine`] when the engine refuses the base or the scenario.
pub fn compare(scenario: &Scenario) -> Result<ScenarioDiff, ScenarioError> {
    compare_with(scenario, None)
}

/// As [`compare`], reusing an evaluation of the scenario's base (e.g. when many scenarios share
/// the default baseline). The caller guarantees it is the evaluation of `scenario.base`.
///
/// # Errors
/// As [`compare`].
pub fn compare_with(
    scenario: &Scenario,
    base_eval: Option<&Evaluation>,
) -> Result<ScenarioDiff, ScenarioError> {
    let owned;
    let base_eval = match base_eval {
        Some(e) => e,
        None => {
            owned = evaluate(scenario, &scenario.base)?;
            &owned
        }
    };
    let full = evaluate(scenario, &scenario.state)?;
    let before: BTreeMap<CountryCode, &DecisionRecord> =
        base_eval.records.iter().map(|r| (r.country, r)).collect();
    let after: BTreeMap<CountryCode, &DecisionRecord> =
        full.records.iter().map(|r| (r.country, r)).collect();
    let codes: BTreeSet<CountryCode> = before.keys().chain(after.keys()).copied().collect();

    let mut changed = Vec::new();
    for code in codes {
        let b = before.get(&code).copied();
        let a = after.get(&code).copied();
        let sb = b.map(Snapshot::of);
        let sa = a.map(Snapshot::of);
        let outcome_changed = sb.map(|s| s.outcome()) != sa.map(|s| s.outcome());
        let rank_changed = sb.map(|s| s.rank) != sa.map(|s| s.rank);
        if !outcome_changed && !rank_changed {
            continue;
        }
        let facts = code.facts();
        changed.push(CountryChange {
            country: code,
            name_en: facts.name_en.clone(),
            name_nl: facts.name_nl.clone(),
            before: sb,
            after: sa,
            deciding_rule: (b.and_then(deciding_rule), a.and_then(deciding_rule)),
            outcome_changed,
            causes: Causes::default(),
        });
    }

    let mut counts = (2, 0);
    Attributor {
        scenario,
        base_eval,
        full: &full,
        counts: &mut counts,
    }
    .attribute(&mut changed)?;

    changed.sort_by_key(|c| {
        (
            !c.outcome_changed,
            c.after.map_or(usize::MAX, |s| s.rank),
            c.country,
        )
    });
    let changed_codes: BTreeSet<CountryCode> = changed.iter().map(|c| c.country).collect();
    let unchanged_top = base_eval
        .records
        .iter()
        .take(10)
        .filter(|r| !changed_codes.contains(&r.country))
        .map(|r| (r.country, Snapshot::of(r)))
        .collect();
    Ok(ScenarioDiff {
        scenario: scenario.meta.name.clone(),
        description: scenario.meta.description.clone(),
        description_nl: scenario.meta.description_nl.clone(),
        chain: scenario.chain.clone(),
        base_name: scenario.base_name.clone(),
        rulebook: (
            scenario.base.rulebook.id().to_string(),
            scenario.state.rulebook.id().to_string(),
        ),
        changes: scenario
            .changes
            .iter()
            .map(|c| ChangeSummary {
                label: c.label(),
                text_en: crate::describe::describe(c, &scenario.base, placement_text::Lang::En),
                text_nl: crate::describe::describe(c, &scenario.base, placement_text::Lang::Nl),
                source: c.source.clone(),
                source_nl: c.source_nl.clone(),
                file: c.location.file.clone(),
                line: c.location.line,
                affects_evaluation: c.affects_evaluation(),
            })
            .collect(),
        changed,
        unchanged_top,
        capacity: (scenario.base.capacity, scenario.state.capacity),
        budget: (scenario.base.budget.clone(), scenario.state.budget.clone()),
        posts: (scenario.base.posts.clone(), scenario.state.posts.clone()),
        evaluations: counts,
        provenance: DiffProvenance {
            base: Evaluated::of(base_eval),
            scenario: Evaluated::of(&full),
        },
    })
}

/// Outcomes (and scores) of some countries under one variant of the scenario.
type Variant = BTreeMap<CountryCode, Snapshot>;

struct Attributor<'a> {
    scenario: &'a Scenario,
    base_eval: &'a Evaluation,
    full: &'a Evaluation,
    counts: &'a mut (usize, usize),
}

impl Attributor<'_> {
    fn attribute(&mut self, changed: &mut [CountryChange]) -> Result<(), ScenarioError> {
        let relevant: Vec<usize> = self
            .scenario
            .changes
            .iter()
            .enumerate()
            .filter(|(_, c)| c.affects_evaluation())
            .map(|(i, _)| i)
            .collect();
        if relevant.is_empty() || changed.is_empty() {
            return Ok(());
        }
        if relevant.len() == 1 {
            // The scenario is this one change applied alone: it caused every outcome change and
            // every change of a country's own score; a country whose outcome and score are
            // both unchanged only moved because others did.
            for c in changed.iter_mut() {
                let own_moved =
                    c.outcome_changed || c.before.map(|s| s.score) != c.after.map(|s| s.score);
                if own_moved {
                    c.causes.single = relevant.clone();
                } else {
                    c.causes.displaced = true;
                }
            }
            return Ok(());
        }
        // Every changed country, rank-only ones included: a change that alone moves a
        // rank-only country's own score (e.g. through a springboard link) causes its move, so
        // the cheap single-country path is taken only when no changed country reads the
        // changed one.
        let changed_codes: BTreeSet<CountryCode> = changed.iter().map(|c| c.country).collect();
        // Alone: each change applied to the base.
        let mut alone: BTreeMap<usize, Variant> = BTreeMap::new();
        for &i in &relevant {
            let v = self.alone(&self.scenario.changes[i], &changed_codes)?;
            alone.insert(i, v);
        }
        let mut without: BTreeMap<usize, Variant> = BTreeMap::new();
        for c in changed.iter_mut() {
            let code = c.country;
            let target = c.after.map(|s| s.outcome());
            let base = c.before;
            let get = |v: &Variant| v.get(&code).copied().or(base);
            if c.outcome_changed {
                c.causes.single = relevant
                    .iter()
                    .copied()
                    .filter(|i| {
                        let o = match &self.scenario.changes[*i].kind {
                            crate::ChangeKind::RemoveCountry(x) if *x == code => None,
                            _ => alone.get(i).and_then(&get).map(|s| s.outcome()),
                        };
                        let added = matches!(&self.scenario.changes[*i].kind, crate::ChangeKind::AddCountry(ca) if ca.code == code);
                        o == target || added
                    })
                    .collect();
                if c.causes.single.is_empty() {
                    if without.is_empty() {
                        for &i in &relevant {
                            let v = self.without(i)?;
                            without.insert(i, v);
                        }
                    }
                    c.causes.jointly = relevant
                        .iter()
                        .copied()
                        .filter(|i| {
                            without
                                .get(i)
                                .and_then(|v| v.get(&code))
                                .map(|s| s.outcome())
                                != target
                        })
                        .collect();
                }
            } else {
                let base_score = base.map(|s| s.score);
                c.causes.single = relevant
                    .iter()
                    .copied()
                    .filter(|i| {
                        alone
                            .get(i)
                            .and_then(|v| v.get(&code))
                            .is_some_and(|s| Some(s.score) != base_score)
                    })
                    .collect();
                c.causes.displaced = c.causes.single.is_empty();
            }
        }
        Ok(())
    }

    /// Snapshots under the base plus one change. Single-country re-evaluation when exact.
    fn alone(
        &mut self,
        change: &Change,
        changed_codes: &BTreeSet<CountryCode>,
    ) -> Result<Variant, ScenarioError> {
        let base = &self.scenario.base;
        if let Some(x) = change.country().filter(|_| change.is_local()) {
            let engine = Engine::new(&base.rulebook);
            let linked = base
                .assessment
                .countries()
                .iter()
                .any(|ca| changed_codes.contains(&ca.code) && kernel::reads_country(ca, x));
            let portfolio = engine.kernel().couples_all();
            if !linked && !portfolio {
                if let Some(ca) = base.assessment.get(x) {
                    let mut ca = ca.clone();
                    change.apply_local(&mut ca);
                    let r = engine
                        .reevaluate(self.base_eval, &base.assessment, &ca)
                        .map_err(|error| ScenarioError::Engine {
                            scenario: self.scenario.meta.name.clone(),
                            error,
                        })?;
                    self.counts.1 += 1;
                    return Ok(BTreeMap::from([(x, Snapshot::of(&r))]));
                }
            }
        }
        let mut state = base.clone();
        change.apply(&mut state);
        self.full_variant(&state)
    }

    /// Snapshots under the scenario without change `skip`.
    fn without(&mut self, skip: usize) -> Result<Variant, ScenarioError> {
        let mut state = self.scenario.base.clone();
        for (i, c) in self.scenario.changes.iter().enumerate() {
            if i != skip {
                c.apply(&mut state);
            }
        }
        self.full_variant(&state)
    }

    fn full_variant(&mut self, state: &State) -> Result<Variant, ScenarioError> {
        self.counts.0 += 1;
        let e = evaluate(self.scenario, state)?;
        let _ = self.full;
        Ok(e.records
            .iter()
            .map(|r| (r.country, Snapshot::of(r)))
            .collect())
    }
}
