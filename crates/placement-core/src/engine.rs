//! The engine: evaluates an assessment set under a rulebook into decision records.
//!
//! Pipeline, per country unless noted:
//! 1. **Inputs**: criterion values as used (missing ones supplied by the rulebook's policy and
//!    flagged), the crime relation derived from phenomena, the police and Marechaussee theme
//!    relations.
//! 2. **Springboard** (needs every country's need): derived from the springboard graph.
//! 3. **Need** and **added value**: weighted sums of each side's criteria, 0–100.
//! 4. **Score** `= W_need × need + W_av × added_value`, where `W_need`, `W_av` are the weight
//!    totals of each side; every criterion's `to_score` plus every adjustment sums to it.
//! 5. The **adjust**, **class**, **instrument** and **organisation** stages, then (once every
//!    country has its instrument) the **network** stage: all run by the one stage loop of
//!    [`crate::kernel`].
//! 6. **Ranking** by score, ties by country code; **portfolio** rules (class caps).
//! 7. **Missing-value impact**: the outcome with each missing value at 0 and at 10.
//!
//! Scoring does no I/O and never panics on validated input.

use std::collections::{BTreeMap, BTreeSet};

use ordered_float::OrderedFloat;
use petgraph::graphmap::DiGraphMap;

use crate::assessment::{AssessmentSet, CountryAssessment};
use crate::country::CountryCode;
use crate::criteria::{Criterion, Side, SCALE_MAX, SCALE_MIN};
use crate::criterion_map::CriterionMap;
use crate::error::{Error, Issue, IssueArgs, Issues};
use crate::evidence::Marking;
use crate::kernel::{
    host_placed, CountryInput, Decision, Exact, Fired, Kernel, NoTrace, Recorder, Weights,
    COUNTRY_STAGES,
};
use crate::outcome::Instrument;
use crate::par::*;
use crate::phenomenon::{noisy_or, Role, Theme};
use crate::record::*;
use crate::rulebook::{Effect, MissingPolicy, Rulebook, Stage};

const N: usize = Criterion::COUNT;

/// The per-country stages (everything before the network stage).
const OWN_STAGES: &[Stage] = &[
    Stage::Adjust,
    Stage::Class,
    Stage::Instrument,
    Stage::Organisation,
];
/// The network stage.
const NETWORK_STAGE: &[Stage] = &[Stage::Network];

/// Evaluates assessment sets under one rulebook.
///
/// ```
/// use placement_core::{AssessmentSet, Engine, Rulebook};
/// let rules = Rulebook::default_rulebook()?;
/// let input = AssessmentSet::default_fixture()?;
/// let evaluation = Engine::new(&rules).evaluate(&input)?;
/// let top = &evaluation.records[0];
/// assert_eq!(top.rank, 1);
/// let sum: f64 = top.contributions.values().map(|c| c.to_score).sum::<f64>()
///     + top.adjustments.iter().map(|a| a.to_score).sum::<f64>();
/// assert!((sum - top.score).abs() < 1e-9);
/// # Ok::<(), placement_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Engine<'r> {
    kernel: Kernel<'r>,
    /// The rulebook's hash, computed once.
    rules_hash: String,
}

/// Per-country values that do not depend on the decision.
#[derive(Debug, Clone)]
struct Prepared {
    values: [f64; N],
    status: [InputStatus; N],
    phenomena: Vec<PhenomenonTerm>,
    police_theme: f64,
    marechaussee_theme: f64,
    upstream: f64,
    /// The springboard terms the value was derived from (empty when assessed directly).
    springboard: Vec<SpringboardTerm>,
}

impl Prepared {
    fn input<'a>(&'a self, ca: &'a CountryAssessment, host_placed: bool) -> CountryInput<'a> {
        CountryInput {
            assessment: ca,
            values: &self.values,
            police_theme: self.police_theme,
            marechaussee_theme: self.marechaussee_theme,
            upstream: self.upstream,
            has_phenomena: !ca.phenomena.is_empty(),
            host_placed,
        }
    }
}

/// One country between the stages: its prepared values, its decision so far and its trace.
struct InProgress<'r> {
    prepared: Prepared,
    decision: Decision,
    fired: Fired<'r, bool>,
    trace: Recorder,
}

impl<'r> Engine<'r> {
    /// An engine for this rulebook.
    pub fn new(rules: &'r Rulebook) -> Self {
        Engine {
            kernel: Kernel::new(rules),
            rules_hash: rules.hash(),
        }
    }

    /// The rulebook.
    pub fn rulebook(&self) -> &'r Rulebook {
        self.kernel.rulebook()
    }

    /// The compiled rulebook the engine decides with.
    pub fn kernel(&self) -> &Kernel<'r> {
        &self.kernel
    }

    /// Evaluates every country of the set.
    ///
    /// # Errors
    /// [`Error::Invalid`] when the rulebook's missing-value policy is `reject` and values are
    /// missing (every one is listed).
    pub fn evaluate(&self, set: &AssessmentSet) -> Result<Evaluation, Error> {
        // The set keeps its fingerprint until it changes: one unchanged input evaluated under
        // many rulebooks (what-if runs that change only rules) is hashed once.
        let fingerprint = set.fingerprint();
        self.check_missing(set)?;
        let rules = self.kernel.rulebook();
        // Every per-country step runs in parallel; each country's result depends only on its own
        // inputs and on values gathered between the steps, so the thread count never changes it.
        let prepared: Vec<Prepared> = set
            .countries()
            .par_iter()
            .map(|c| self.prepare(c))
            .collect();
        // In the set's order (sorted by code): looked up by binary search.
        let needs: Vec<(CountryCode, f64)> = set
            .countries()
            .iter()
            .zip(&prepared)
            .map(|(c, p)| {
                (
                    c.code,
                    self.kernel
                        .side_score(self.kernel.weights(), Side::Need, &p.values),
                )
            })
            .collect();
        let need_of = |to: CountryCode| {
            needs
                .binary_search_by(|(c, _)| c.cmp(&to))
                .map_or(0.0, |i| needs[i].1)
        };
        let graph = springboard_graph(set);
        let mut states: Vec<InProgress<'r>> = set
            .countries()
            .par_iter()
            .zip(prepared.into_par_iter())
            .map(|(ca, mut p)| {
                apply_springboard(ca, &mut p, &graph, need_of);
                let mut decision = Decision::start(&self.kernel, self.kernel.weights(), &p.values);
                let mut fired = Fired::default();
                let mut trace = Recorder::new(self.kernel.weights().added_value_total);
                self.kernel.run(
                    &self.exact(p.input(ca, false)),
                    OWN_STAGES,
                    &mut decision,
                    &mut fired,
                    &mut trace,
                );
                InProgress {
                    prepared: p,
                    decision,
                    fired,
                    trace,
                }
            })
            .collect();
        // Network stage: which countries got a permanent liaison in the per-country stages.
        // In the set's order (sorted by code): looked up by binary search.
        let placed: Vec<CountryCode> = set
            .countries()
            .iter()
            .zip(&states)
            .filter(|(_, s)| s.decision.instrument() == Instrument::PermanentLiaison)
            .map(|(c, _)| c.code)
            .collect();
        let out: Vec<DecisionRecord> = set
            .countries()
            .par_iter()
            .zip(states.par_drain(..))
            .map(|(ca, mut s)| {
                let hp = host_placed(ca, |h| placed.binary_search(&h).is_ok());
                self.kernel.run(
                    &self.exact(s.prepared.input(ca, hp)),
                    NETWORK_STAGE,
                    &mut s.decision,
                    &mut s.fired,
                    &mut s.trace,
                );
                let missing = self.missing_impact(
                    ca,
                    &s.prepared,
                    outcome(&s.decision),
                    hp,
                    self.kernel.weights(),
                );
                self.record(
                    set.meta().as_of,
                    ca,
                    s.prepared,
                    s.decision,
                    s.trace,
                    self.kernel.weights(),
                    missing,
                )
            })
            .collect();
        let mut out = rank_order(out);
        for (i, r) in out.iter_mut().enumerate() {
            r.rank = i + 1;
        }
        self.portfolio_stage(&mut out);
        let marking = out
            .iter()
            .map(|r| r.marking)
            .max()
            .unwrap_or(Marking::Unclassified);
        Ok(Evaluation {
            schema_version: SCHEMA_VERSION,
            rulebook: RulebookRef {
                id: rules.id().to_string(),
                title: rules.title().to_string(),
                regime: rules.regime().to_string(),
                hash: self.rules_hash.clone(),
            },
            input: InputRef {
                title: set.meta().title.clone(),
                illustrative: set.meta().illustrative,
                as_of: set.meta().as_of,
                hash: fingerprint,
            },
            weights: rules.scoring().weights.clone(),
            records: out,
            marking,
        })
    }

    fn exact<'a>(&'a self, input: CountryInput<'a>) -> Exact<'a> {
        Exact {
            input,
            weights: self.kernel.weights(),
        }
    }

    /// Re-evaluates one country with changed inputs, holding every other country as it was in
    /// `evaluation` (their needs feed springboard value; their instruments feed accreditation).
    /// Used by the explainer to verify counterfactuals and by what-if analysis. The returned
    /// record keeps the country's old rank; compare scores to rank it.
    ///
    /// # Errors
    /// [`Error::Invalid`] when `evaluation` came from another rulebook (its hash differs).
    pub fn reevaluate(
        &self,
        evaluation: &Evaluation,
        set: &AssessmentSet,
        ca: &CountryAssessment,
    ) -> Result<DecisionRecord, Error> {
        Ok(self.reevaluator(evaluation, set)?.reevaluate(ca))
    }

    /// Prepares repeated re-evaluations against one evaluation: the other countries' needs,
    /// placements and the springboard graph are gathered once, so each
    /// [`Reevaluator::reevaluate`] costs only the one country's stages.
    ///
    /// # Errors
    /// [`Error::Invalid`] when `evaluation` came from another rulebook (its hash differs).
    pub fn reevaluator<'e>(
        &'e self,
        evaluation: &Evaluation,
        set: &AssessmentSet,
    ) -> Result<Reevaluator<'e, 'r>, Error> {
        self.check_compatible(evaluation)?;
        Ok(Reevaluator {
            engine: self,
            needs: evaluation
                .records
                .iter()
                .map(|r| (r.country, r.need))
                .collect(),
            placed: evaluation.placed(),
            ranks: evaluation
                .records
                .iter()
                .map(|r| (r.country, r.rank))
                .collect(),
            graph: springboard_graph(set),
            as_of: set.meta().as_of,
        })
    }

    /// Checks that `evaluation` was made with this engine's rulebook.
    ///
    /// # Errors
    /// [`Error::Invalid`] with [`IssueCode::IncompatibleRulebook`](crate::IssueCode::IncompatibleRulebook) when its hash differs.
    pub fn check_compatible(&self, evaluation: &Evaluation) -> Result<(), Error> {
        if evaluation.rulebook.hash == self.rules_hash {
            return Ok(());
        }
        let rules = self.kernel.rulebook();
        Err(Error::Invalid {
            origin: "<evaluation>".to_string(),
            issues: vec![Issue::new(
                "rulebook.hash",
                &evaluation.rulebook.hash,
                IssueArgs::IncompatibleRulebook {
                    made_with: evaluation.rulebook.id.clone(),
                    made_with_hash: evaluation.rulebook.hash.clone(),
                    given: rules.id().to_string(),
                    given_hash: self.rules_hash.clone(),
                },
            )],
        })
    }

    fn check_missing(&self, set: &AssessmentSet) -> Result<(), Error> {
        if self.kernel.rulebook().scoring().missing != MissingPolicy::Reject {
            return Ok(());
        }
        let mut issues = Issues::default();
        for c in set.countries() {
            for (k, a) in &c.criteria {
                if a.value.is_none() {
                    issues.push(
                        format!("country[{}].criteria.{}", c.code, k.id()),
                        "",
                        IssueArgs::RejectPolicy,
                    );
                }
            }
        }
        issues.finish("<input>", ())
    }

    fn imputed(&self) -> f64 {
        match self.kernel.rulebook().scoring().missing {
            MissingPolicy::Minimum => SCALE_MIN,
            MissingPolicy::Maximum => SCALE_MAX,
            MissingPolicy::Midpoint | MissingPolicy::Reject => (SCALE_MIN + SCALE_MAX) / 2.0,
        }
    }

    fn prepare(&self, ca: &CountryAssessment) -> Prepared {
        let mut values = [0.0; N];
        let mut status = [InputStatus::NotApplicable; N];
        for c in Criterion::ALL {
            if !c.applies_to(ca.facts.eu_member) {
                continue;
            }
            match ca.criteria.get(&c) {
                Some(a) => match a.value {
                    Some(v) => {
                        values[c.index()] = v;
                        status[c.index()] = InputStatus::Assessed;
                    }
                    None => {
                        values[c.index()] = self.imputed();
                        status[c.index()] = InputStatus::Missing;
                    }
                },
                // Derived criteria are filled below; validation guarantees the rest exist.
                None => status[c.index()] = InputStatus::Derived,
            }
        }
        let params = &self.kernel.rulebook().phenomena();
        let phenomena: Vec<PhenomenonTerm> = ca
            .phenomena
            .iter()
            .map(|p| {
                let role_factor = p
                    .roles
                    .iter()
                    .map(|r| params.role.get(r).copied().unwrap_or(0.0))
                    .fold(0.0, f64::max);
                let trend_factor = params.trend.get(&p.trend).copied().unwrap_or(1.0);
                let priority = params.priority_of(p.phenomenon);
                let term = priority * (p.intensity * role_factor * trend_factor).min(SCALE_MAX);
                PhenomenonTerm {
                    phenomenon: p.phenomenon,
                    intensity: p.intensity,
                    role_factor,
                    trend_factor,
                    priority,
                    term,
                }
            })
            .collect();
        // Upstream disruption (seed 002): the strongest phenomenon for which the country is a
        // source or transit country, with the factor of those roles only.
        let upstream = ca
            .phenomena
            .iter()
            .filter_map(|p| {
                let role = p
                    .roles
                    .iter()
                    .filter(|r| matches!(r, Role::Source | Role::Transit))
                    .map(|r| params.role.get(r).copied().unwrap_or(0.0))
                    .reduce(f64::max)?;
                let trend = params.trend.get(&p.trend).copied().unwrap_or(1.0);
                Some(params.priority_of(p.phenomenon) * (p.intensity * role * trend).min(SCALE_MAX))
            })
            .fold(0.0, f64::max);
        let theme = |t: Theme| {
            noisy_or(
                phenomena
                    .iter()
                    .filter(|p| p.phenomenon.theme() == t)
                    .map(|p| p.term),
            )
        };
        let (police_theme, marechaussee_theme) = if phenomena.is_empty() {
            // Without a phenomenon breakdown the whole relation counts as the police's theme.
            (values[Criterion::CrimeRelation.index()], 0.0)
        } else {
            values[Criterion::CrimeRelation.index()] = noisy_or(phenomena.iter().map(|p| p.term));
            (theme(Theme::Police), theme(Theme::Marechaussee))
        };
        Prepared {
            values,
            status,
            phenomena,
            police_theme,
            marechaussee_theme,
            upstream,
            springboard: Vec::new(),
        }
    }

    /// The record of one country, built lean: the prepared values' vectors move in, inputs and
    /// contributions are built once in catalogue order ([`CriterionMap`]), evidence is shared.
    #[allow(clippy::too_many_arguments)]
    fn record(
        &self,
        as_of: crate::evidence::Date,
        ca: &CountryAssessment,
        p: Prepared,
        d: Decision,
        trace: Recorder,
        weights: &Weights,
        missing: Vec<MissingImpact>,
    ) -> DecisionRecord {
        let s = &self.kernel.rulebook().scoring();
        let stale_limit = as_of.days() - i64::from(s.stale_after_days);
        let mut warnings = Vec::new();
        let mut marking = Marking::Unclassified;
        // Built in criterion order and collected at once (a bulk build, not repeated inserts).
        let mut inputs = Vec::with_capacity(N);
        for c in Criterion::ALL {
            let i = c.index();
            let assessed = ca.criteria.get(&c);
            let evidence = assessed.map(|a| a.evidence.clone());
            let stale = evidence
                .as_ref()
                .is_some_and(|e| s.stale_after_days > 0 && e.date.days() < stale_limit);
            if let Some(e) = &evidence {
                marking = marking.max(e.marking);
                if stale {
                    warnings.push(Warning::Stale {
                        criterion: c,
                        assessed: e.date,
                        limit_days: s.stale_after_days,
                        as_of,
                    });
                }
            }
            if p.status[i] == InputStatus::Missing {
                warnings.push(Warning::Missing {
                    criterion: c,
                    imputed: p.values[i],
                    policy: s.missing,
                });
            }
            inputs.push((
                c,
                InputUsed {
                    value: p.values[i],
                    status: p.status[i],
                    evidence,
                    stale,
                    note: assessed.and_then(|a| a.note.clone()),
                },
            ));
        }
        let inputs = CriterionMap::from_ordered(inputs);
        for ph in &ca.phenomena {
            marking = marking.max(ph.evidence.marking);
        }
        let mut contributions = Vec::with_capacity(N);
        for c in Criterion::ALL {
            let side = c.side();
            if side == Side::RuleOnly {
                continue;
            }
            let weight = weights.by_criterion[c.index()];
            let normalised = s.normalise(c, p.values[c.index()]);
            let side_total = weights.side_total(side);
            let to_score = 100.0 * weight * normalised;
            contributions.push((
                c,
                Contribution {
                    side,
                    weight,
                    value: p.values[c.index()],
                    normalised,
                    to_side: if side_total > 0.0 {
                        to_score / side_total
                    } else {
                        0.0
                    },
                    to_score,
                },
            ));
        }
        let contributions = CriterionMap::from_ordered(contributions);
        let facts = &ca.facts;
        DecisionRecord {
            rank: 0,
            country: ca.code,
            name_en: facts.name_en.clone(),
            name_nl: facts.name_nl.clone(),
            region: facts.region,
            eu_member: facts.eu_member,
            partner_liaison: ca.partner_liaison,
            lost_eu_instruments: ca.lost_eu_instruments,
            data_sharing: ca.data_sharing,
            overridden_facts: ca.overridden_facts.clone(),
            accreditation_hosts: ca.accreditation_hosts.clone(),
            inputs,
            phenomena: p.phenomena,
            springboard: p.springboard,
            contributions,
            adjustments: trace.adjustments,
            need: d.need,
            added_value_base: d.added_value_base,
            added_value: d.added_value,
            score: d.score,
            police_theme: p.police_theme,
            marechaussee_theme: p.marechaussee_theme,
            upstream: p.upstream,
            class: d.class(),
            instrument: d.instrument(),
            organisation: d.organisation(),
            rules: trace.fired,
            overruled: trace.overruled,
            hinges_on_missing: missing.iter().any(|m| m.changes_outcome),
            missing,
            marking,
            warnings,
        }
    }

    /// Runs every country stage on one country's input (the network stage with its
    /// `host_placed`), recording nothing.
    fn decide_quietly(&self, input: CountryInput<'_>, weights: &Weights) -> Decision {
        let mut d = Decision::start(&self.kernel, weights, input.values);
        self.kernel.run(
            &self.exact(input),
            &COUNTRY_STAGES,
            &mut d,
            &mut Fired::default(),
            &mut NoTrace,
        );
        d
    }

    /// For each missing value: the outcome at both ends of its scale, others held fixed.
    fn missing_impact(
        &self,
        ca: &CountryAssessment,
        p: &Prepared,
        actual: Outcome,
        host_placed: bool,
        weights: &Weights,
    ) -> Vec<MissingImpact> {
        let mut out = Vec::new();
        for c in Criterion::ALL {
            if p.status[c.index()] != InputStatus::Missing {
                continue;
            }
            let at = |v: f64| {
                let mut values = p.values;
                values[c.index()] = v;
                let mut input = p.input(ca, host_placed);
                input.values = &values;
                if c == Criterion::CrimeRelation && ca.phenomena.is_empty() {
                    input.police_theme = v;
                }
                outcome(&self.decide_quietly(input, weights))
            };
            let at_min = at(SCALE_MIN);
            let at_max = at(SCALE_MAX);
            out.push(MissingImpact {
                criterion: c,
                imputed: p.values[c.index()],
                at_min,
                at_max,
                changes_outcome: at_min != actual || at_max != actual,
            });
        }
        out
    }

    fn portfolio_stage(&self, records: &mut [DecisionRecord]) {
        for rule in self.kernel.stage_rules(Stage::Portfolio) {
            let Effect::LimitClass {
                class,
                max,
                demote_to,
            } = rule.then
            else {
                continue;
            };
            let mut holders: Vec<usize> = (0..records.len())
                .filter(|&i| records[i].class == class)
                .collect();
            holders.sort_by(|&a, &b| {
                OrderedFloat(records[b].need)
                    .cmp(&OrderedFloat(records[a].need))
                    .then(records[a].country.cmp(&records[b].country))
            });
            for &i in holders.iter().skip(max) {
                let r = &mut records[i];
                r.class = demote_to;
                r.rules.push(FiredRule::new(
                    rule,
                    Some(Decided::Class(class)),
                    Decided::Class(demote_to),
                ));
            }
        }
    }
}

/// Re-evaluates single countries against a fixed evaluation (see [`Engine::reevaluator`]).
#[derive(Debug, Clone)]
pub struct Reevaluator<'e, 'r> {
    engine: &'e Engine<'r>,
    needs: BTreeMap<CountryCode, f64>,
    placed: BTreeSet<CountryCode>,
    ranks: BTreeMap<CountryCode, usize>,
    graph: DiGraphMap<CountryCode, f64>,
    as_of: crate::evidence::Date,
}

impl<'r> Reevaluator<'_, 'r> {
    /// Re-evaluates one country with changed inputs, every other country held as it was. The
    /// record keeps the country's old rank (0 for a country new to the evaluation).
    pub fn reevaluate(&self, ca: &CountryAssessment) -> DecisionRecord {
        self.run(ca, self.engine.kernel.weights())
    }

    /// Re-evaluates one country as [`Reevaluator::reevaluate`] does, with the criterion
    /// weights replaced by `weights` for this country only (every other country, and so the
    /// springboard value derived from their need, held as it was). The record's contributions
    /// use `weights`. This is the engine's check of a weight-stability interval: the same
    /// record a rulebook with these weights gives the country, the others held fixed.
    pub fn reevaluate_weighted(&self, ca: &CountryAssessment, weights: &Weights) -> DecisionRecord {
        self.run(ca, weights)
    }

    /// The outcome [`Reevaluator::reevaluate_weighted`] gives, without building the record:
    /// the same preparation and stage loop, nothing recorded. For checks run many times.
    pub fn outcome_weighted(&self, ca: &CountryAssessment, weights: &Weights) -> Outcome {
        let e = self.engine;
        let mut p = e.prepare(ca);
        apply_springboard(ca, &mut p, &self.graph, |to| {
            self.needs.get(&to).copied().unwrap_or(0.0)
        });
        let hp = host_placed(ca, |h| self.placed.contains(&h));
        outcome(&e.decide_quietly(p.input(ca, hp), weights))
    }

    /// The same held state (the other countries' needs, placements and ranks in the original
    /// evaluation, and its springboard graph) under another engine, such as one for a rulebook
    /// with changed weights. Lets a test re-decide one country under a changed rulebook while
    /// every other country stays as the original evaluation had it.
    pub fn with_engine<'e2, 'r2>(&self, engine: &'e2 Engine<'r2>) -> Reevaluator<'e2, 'r2> {
        Reevaluator {
            engine,
            needs: self.needs.clone(),
            placed: self.placed.clone(),
            ranks: self.ranks.clone(),
            graph: self.graph.clone(),
            as_of: self.as_of,
        }
    }

    /// The engine's weights (what [`Reevaluator::reevaluate`] uses).
    pub fn weights(&self) -> &Weights {
        self.engine.kernel.weights()
    }

    fn run(&self, ca: &CountryAssessment, weights: &Weights) -> DecisionRecord {
        let e = self.engine;
        let mut p = e.prepare(ca);
        apply_springboard(ca, &mut p, &self.graph, |to| {
            self.needs.get(&to).copied().unwrap_or(0.0)
        });
        let hp = host_placed(ca, |h| self.placed.contains(&h));
        let mut d = Decision::start(&e.kernel, weights, &p.values);
        let mut trace = Recorder::new(weights.added_value_total);
        e.kernel.run(
            &e.exact(p.input(ca, hp)),
            &COUNTRY_STAGES,
            &mut d,
            &mut Fired::default(),
            &mut trace,
        );
        let missing = e.missing_impact(ca, &p, outcome(&d), hp, weights);
        let mut r = e.record(self.as_of, ca, p, d, trace, weights, missing);
        r.rank = self.ranks.get(&ca.code).copied().unwrap_or(0);
        r
    }

    /// Whether one of `ca`'s accreditation hosts holds a permanent liaison in the evaluation.
    pub fn host_placed(&self, ca: &CountryAssessment) -> bool {
        host_placed(ca, |h| self.placed.contains(&h))
    }
}

/// Records in rank order: score high to low, ties by country code. Sorts small keys and moves
/// each (large) record once, instead of moving records through the sort.
fn rank_order(records: Vec<DecisionRecord>) -> Vec<DecisionRecord> {
    let mut keys: Vec<(OrderedFloat<f64>, CountryCode, usize)> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (OrderedFloat(-r.score), r.country, i))
        .collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<DecisionRecord>> = records.into_iter().map(Some).collect();
    keys.iter()
        .filter_map(|&(_, _, i)| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// The outcome a decision reached.
fn outcome(d: &Decision) -> Outcome {
    Outcome {
        class: d.class(),
        instrument: d.instrument(),
        organisation: d.organisation(),
    }
}

fn apply_springboard(
    ca: &CountryAssessment,
    p: &mut Prepared,
    graph: &DiGraphMap<CountryCode, f64>,
    need_of: impl Fn(CountryCode) -> f64,
) {
    if ca.springboard.is_empty() {
        return;
    }
    let terms: Vec<SpringboardTerm> = graph
        .edges(ca.code)
        .map(|(_, to, &access)| {
            let need = need_of(to);
            SpringboardTerm {
                to,
                access,
                need,
                term: access * need / 10.0,
            }
        })
        .collect::<Vec<_>>();
    let mut terms = terms;
    terms.sort_by_key(|t| t.to);
    p.values[Criterion::Springboard.index()] = noisy_or(terms.iter().map(|t| t.term));
    p.springboard = terms;
}

/// The springboard graph: an edge `from → to` weighted by access.
fn springboard_graph(set: &AssessmentSet) -> DiGraphMap<CountryCode, f64> {
    let mut g = DiGraphMap::new();
    for c in set.countries() {
        for l in &c.springboard {
            g.add_edge(c.code, l.to, l.access);
        }
    }
    g
}
