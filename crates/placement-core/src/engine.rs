//! The engine: evaluates an assessment set under a rulebook into decision records.
//!
//! Pipeline, per country unless noted:
//! 1. **Inputs**: criterion values as used (missing ones supplied by the rulebook's policy and
//!    flagged), the crime relation derived from phenomena, the police and Marechaussee theme
//!    relations.
//! 2. **Need**: weighted sum of the need-side criteria, 0–100.
//! 3. **Springboard** (needs every country's need): derived from the springboard graph.
//! 4. **Added value**: weighted sum of the added-value criteria, 0–100, then the *adjust* rules.
//! 5. **Score** `= W_need × need + W_av × added_value`, where `W_need`, `W_av` are the weight
//!    totals of each side; every criterion's `to_score` plus every adjustment sums to it.
//! 6. **Class**, **instrument**, **organisation** rules (highest salience wins).
//! 7. **Network** rules (needs every country's instrument): accreditation.
//! 8. **Ranking** by score, ties by country code; **portfolio** rules (class caps).
//! 9. **Missing-value impact**: the outcome with each missing value at 0 and at 10.
//!
//! Scoring does no I/O and never panics on validated input.

use std::collections::BTreeMap;

use ordered_float::OrderedFloat;
use petgraph::graphmap::DiGraphMap;
use rayon::prelude::*;

use crate::assessment::{AssessmentSet, CountryAssessment};
use crate::country::CountryCode;
use crate::criteria::{Criterion, Side, SCALE_MAX, SCALE_MIN};
use crate::error::{Error, Issue, IssueCode, Issues};
use crate::evidence::Marking;
use crate::outcome::{Class, Instrument, Organisation};
use crate::phenomenon::{noisy_or, Theme};
use crate::record::*;
use crate::rulebook::{Condition, Effect, Fact, Metric, MissingPolicy, Rule, Rulebook, Stage};

const N: usize = Criterion::COUNT;

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
    rules: &'r Rulebook,
    /// Weight of each criterion by `Criterion::index` (0 for rule-only criteria).
    weights: [f64; N],
    /// Weight totals of the need and added-value sides.
    w_need: f64,
    w_av: f64,
    /// The rulebook's hash, computed once.
    rules_hash: String,
}

/// Per-country values that do not depend on other countries.
#[derive(Debug, Clone)]
struct Prepared {
    values: [f64; N],
    status: [InputStatus; N],
    phenomena: Vec<PhenomenonTerm>,
    police_theme: f64,
    marechaussee_theme: f64,
    need: f64,
}

/// What the per-country stages decided.
#[derive(Debug, Clone)]
struct Decision {
    added_value_base: f64,
    added_value: f64,
    adjustments: Vec<Adjustment>,
    score: f64,
    class: Class,
    instrument: Instrument,
    organisation: Option<Organisation>,
    fired: Vec<FiredRule>,
    overruled: Vec<String>,
}

/// Read-only view a condition is evaluated against.
struct Ctx<'a> {
    ca: &'a CountryAssessment,
    values: &'a [f64; N],
    need: f64,
    added_value: f64,
    score: f64,
    police: f64,
    marechaussee: f64,
    class: Option<Class>,
    instrument: Option<Instrument>,
    fired: &'a [FiredRule],
    host_placed: bool,
}

impl<'a> Ctx<'a> {
    /// A view of one country before the class and instrument are decided.
    fn new(
        ca: &'a CountryAssessment,
        p: &'a Prepared,
        added_value: f64,
        score: f64,
        fired: &'a [FiredRule],
    ) -> Self {
        Ctx {
            ca,
            values: &p.values,
            need: p.need,
            added_value,
            score,
            police: p.police_theme,
            marechaussee: p.marechaussee_theme,
            class: None,
            instrument: None,
            fired,
            host_placed: false,
        }
    }

    /// The same view with the decisions made so far.
    fn decided(
        self,
        class: Option<Class>,
        instrument: Option<Instrument>,
        host_placed: bool,
    ) -> Self {
        Ctx {
            class,
            instrument,
            host_placed,
            ..self
        }
    }

    fn holds(&self, c: &Condition) -> bool {
        match c {
            Condition::Always => true,
            Condition::All(v) => v.iter().all(|c| self.holds(c)),
            Condition::Any(v) => v.iter().any(|c| self.holds(c)),
            Condition::Not(c) => !self.holds(c),
            Condition::Criterion { id, op, value } => op.holds(self.values[id.index()], *value),
            Condition::Metric { id, op, value } => op.holds(self.metric(*id), *value),
            Condition::Fact(f) => self.fact(*f),
            Condition::DataSharing(v) => v.contains(&self.ca.data_sharing),
            Condition::Class(c) => self.class == Some(*c),
            Condition::Instrument(i) => self.instrument == Some(*i),
            Condition::Fired(id) => self.fired.iter().any(|f| &f.rule == id),
        }
    }

    fn metric(&self, m: Metric) -> f64 {
        match m {
            Metric::Need => self.need,
            Metric::AddedValue => self.added_value,
            Metric::Score => self.score,
            Metric::PoliceTheme => self.police,
            Metric::MarechausseeTheme => self.marechaussee,
        }
    }

    fn fact(&self, f: Fact) -> bool {
        let facts = &self.ca.facts;
        match f {
            Fact::EuMember => facts.eu_member,
            Fact::Schengen => facts.schengen,
            Fact::Benelux => facts.benelux,
            Fact::LandBorderNl => facts.land_border_nl,
            Fact::PartnerLiaison => self.ca.partner_liaison,
            Fact::HasPhenomena => !self.ca.phenomena.is_empty(),
            Fact::AccreditationHostPlaced => self.host_placed,
        }
    }
}

fn fmt_num(x: f64) -> String {
    format!("{x:.2}")
}

impl<'r> Engine<'r> {
    /// An engine for this rulebook.
    pub fn new(rules: &'r Rulebook) -> Self {
        let s = &rules.scoring;
        let mut weights = [0.0; N];
        for c in Criterion::ALL {
            weights[c.index()] = s.weight(c);
        }
        Engine {
            rules,
            weights,
            w_need: s.side_weight(Side::Need),
            w_av: s.side_weight(Side::AddedValue),
            rules_hash: rules.hash(),
        }
    }

    fn side_total(&self, side: Side) -> f64 {
        match side {
            Side::Need => self.w_need,
            Side::AddedValue => self.w_av,
            Side::RuleOnly => 0.0,
        }
    }

    /// The rulebook.
    pub fn rulebook(&self) -> &'r Rulebook {
        self.rules
    }

    /// Evaluates every country of the set.
    ///
    /// # Errors
    /// [`Error::Invalid`] when the rulebook's missing-value policy is `reject` and values are
    /// missing (every one is listed).
    pub fn evaluate(&self, set: &AssessmentSet) -> Result<Evaluation, Error> {
        self.evaluate_hashed(set, &set.fingerprint())
    }

    /// As [`Engine::evaluate`], with the input's fingerprint computed by the caller once
    /// ([`AssessmentSet::fingerprint`]): for evaluating one unchanged input under many rulebooks
    /// (what-if runs that change only rules), where hashing the input would dominate. The
    /// fingerprint is copied into the evaluation as given.
    ///
    /// # Errors
    /// As [`Engine::evaluate`].
    pub fn evaluate_hashed(
        &self,
        set: &AssessmentSet,
        fingerprint: &str,
    ) -> Result<Evaluation, Error> {
        self.check_missing(set)?;
        // Every per-country step runs in parallel; each country's result depends only on its own
        // inputs and on values gathered between the steps, so the thread count never changes it.
        let prepared: Vec<Prepared> = set.countries.par_iter().map(|c| self.prepare(c)).collect();
        let needs: BTreeMap<CountryCode, f64> = set
            .countries
            .iter()
            .zip(&prepared)
            .map(|(c, p)| (c.code, p.need))
            .collect();
        let graph = springboard_graph(set);
        let mut records: Vec<(Prepared, Decision, Vec<SpringboardTerm>)> = set
            .countries
            .par_iter()
            .zip(prepared.into_par_iter())
            .map(|(ca, mut p)| {
                let terms = self.apply_springboard(ca, &mut p, &graph, &needs);
                let d = self.decide(ca, &p);
                (p, d, terms)
            })
            .collect();
        // Network stage: which countries got a permanent liaison in the per-country stages.
        let placed: Vec<CountryCode> = set
            .countries
            .iter()
            .zip(&records)
            .filter(|(_, (_, d, _))| d.instrument == Instrument::PermanentLiaison)
            .map(|(c, _)| c.code)
            .collect();
        set.countries
            .par_iter()
            .zip(records.par_iter_mut())
            .for_each(|(ca, (p, d, _))| {
                let host_placed = ca.accreditation_hosts.iter().any(|h| placed.contains(h));
                self.network_stage(ca, p, d, host_placed);
            });
        let mut out: Vec<DecisionRecord> = set
            .countries
            .par_iter()
            .zip(records.into_par_iter())
            .map(|(ca, (p, d, terms))| {
                let mut r = self.record(set.meta.as_of, ca, &p, d, terms);
                self.missing_impact(ca, &mut r, &graph, &needs, &placed);
                r
            })
            .collect();
        out.sort_by(|a, b| {
            OrderedFloat(b.score)
                .cmp(&OrderedFloat(a.score))
                .then(a.country.cmp(&b.country))
        });
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
                id: self.rules.id.clone(),
                title: self.rules.title.clone(),
                regime: self.rules.regime.clone(),
                hash: self.rules_hash.clone(),
            },
            input: InputRef {
                title: set.meta.title.clone(),
                illustrative: set.meta.illustrative,
                as_of: set.meta.as_of,
                hash: fingerprint.to_string(),
            },
            weights: self.rules.scoring.weights.clone(),
            records: out,
            marking,
        })
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
        if evaluation.rulebook.hash != self.rules_hash {
            return Err(Error::Invalid {
                origin: "<evaluation>".to_string(),
                issues: vec![Issue::new(
                    IssueCode::IncompatibleRulebook,
                    "rulebook.hash",
                    &evaluation.rulebook.hash,
                    format!(
                        "the evaluation was made with rulebook {} ({}), not {} ({}); evaluate again with the same rulebook",
                        evaluation.rulebook.id,
                        evaluation.rulebook.hash,
                        self.rules.id,
                        self.rules_hash
                    ),
                )],
            });
        }
        Ok(Reevaluator {
            engine: self,
            needs: evaluation
                .records
                .iter()
                .map(|r| (r.country, r.need))
                .collect(),
            placed: evaluation
                .records
                .iter()
                .filter(|r| r.instrument == Instrument::PermanentLiaison)
                .map(|r| r.country)
                .collect(),
            ranks: evaluation
                .records
                .iter()
                .map(|r| (r.country, r.rank))
                .collect(),
            graph: springboard_graph(set),
            as_of: set.meta.as_of,
        })
    }

    fn check_missing(&self, set: &AssessmentSet) -> Result<(), Error> {
        if self.rules.scoring.missing != MissingPolicy::Reject {
            return Ok(());
        }
        let mut issues = Issues::default();
        for c in &set.countries {
            for (k, a) in &c.criteria {
                if a.value.is_none() {
                    issues.push(
                        IssueCode::Missing,
                        format!("country[{}].criteria.{}", c.code, k.id()),
                        "",
                        "the rulebook's missing-value policy is `reject`; assess the value or choose another policy",
                    );
                }
            }
        }
        issues.finish("<input>", ())
    }

    fn imputed(&self) -> f64 {
        match self.rules.scoring.missing {
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
        let params = &self.rules.phenomena;
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
        let need = self.side_score(Side::Need, &values);
        Prepared {
            values,
            status,
            phenomena,
            police_theme,
            marechaussee_theme,
            need,
        }
    }

    fn side_score(&self, side: Side, values: &[f64; N]) -> f64 {
        let s = &self.rules.scoring;
        let total = self.side_total(side);
        if total <= 0.0 {
            return 0.0;
        }
        100.0
            * Criterion::ALL
                .into_iter()
                .filter(|c| c.side() == side)
                .map(|c| self.weights[c.index()] * s.normalise(c, values[c.index()]))
                .sum::<f64>()
            / total
    }

    fn apply_springboard(
        &self,
        ca: &CountryAssessment,
        p: &mut Prepared,
        graph: &DiGraphMap<CountryCode, f64>,
        needs: &BTreeMap<CountryCode, f64>,
    ) -> Vec<SpringboardTerm> {
        if ca.springboard.is_empty() {
            return Vec::new();
        }
        let terms: Vec<SpringboardTerm> = graph
            .edges(ca.code)
            .map(|(_, to, &access)| {
                let need = needs.get(&to).copied().unwrap_or(0.0);
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
        terms
    }

    /// Runs the adjust, class, instrument and organisation stages.
    fn decide(&self, ca: &CountryAssessment, p: &Prepared) -> Decision {
        let (w_need, w_av) = (self.w_need, self.w_av);
        let base = self.side_score(Side::AddedValue, &p.values);
        let mut d = Decision {
            added_value_base: base,
            added_value: base,
            adjustments: Vec::new(),
            score: w_need * p.need + w_av * base,
            class: Class::Other,
            instrument: Instrument::None,
            organisation: None,
            fired: Vec::new(),
            overruled: Vec::new(),
        };
        let mut class = None;
        let mut instrument = None;
        let mut organisation = None;
        for stage in [
            Stage::Adjust,
            Stage::Class,
            Stage::Instrument,
            Stage::Organisation,
        ] {
            let mut decided = false;
            for rule in self
                .rules
                .rules
                .iter()
                .filter(|r| r.stage == stage && r.enabled)
            {
                let ctx = Ctx::new(ca, p, d.added_value, d.score, &d.fired)
                    .decided(class, instrument, false);
                if !ctx.holds(&rule.when) {
                    continue;
                }
                if decided {
                    d.overruled.push(rule.id.clone());
                    continue;
                }
                let (before, after) = match &rule.then {
                    Effect::ScaleAddedValue(f) => {
                        let before = d.added_value;
                        d.added_value *= f;
                        d.score = w_need * p.need + w_av * d.added_value;
                        d.adjustments.push(Adjustment {
                            rule: rule.id.clone(),
                            factor: *f,
                            before,
                            after: d.added_value,
                            to_score: w_av * (d.added_value - before),
                        });
                        (fmt_num(before), fmt_num(d.added_value))
                    }
                    Effect::Class(c) => {
                        class = Some(*c);
                        ("-".to_string(), c.id().to_string())
                    }
                    Effect::Instrument(i) => {
                        instrument = Some(*i);
                        ("-".to_string(), i.id().to_string())
                    }
                    Effect::Organisation(o) => {
                        let org = o.resolve(p.police_theme, p.marechaussee_theme);
                        organisation = Some(org);
                        ("-".to_string(), org.id().to_string())
                    }
                    Effect::LimitClass { .. } => continue,
                };
                d.fired.push(fired(rule, before, after));
                decided = stage.first_match_wins();
            }
        }
        d.class = class.unwrap_or(Class::Other);
        d.instrument = instrument.unwrap_or(Instrument::None);
        d.organisation = organisation.filter(|_| d.instrument.needs_organisation());
        d
    }

    fn network_stage(
        &self,
        ca: &CountryAssessment,
        p: &Prepared,
        d: &mut Decision,
        host_placed: bool,
    ) {
        for rule in self
            .rules
            .rules
            .iter()
            .filter(|r| r.stage == Stage::Network && r.enabled)
        {
            let ctx = Ctx::new(ca, p, d.added_value, d.score, &d.fired).decided(
                Some(d.class),
                Some(d.instrument),
                host_placed,
            );
            if !ctx.holds(&rule.when) {
                continue;
            }
            if let Effect::Instrument(i) = rule.then {
                let before = d.instrument;
                d.instrument = i;
                if !i.needs_organisation() {
                    d.organisation = None;
                }
                d.fired
                    .push(fired(rule, before.id().to_string(), i.id().to_string()));
                break;
            }
        }
    }

    fn portfolio_stage(&self, records: &mut [DecisionRecord]) {
        for rule in self
            .rules
            .rules
            .iter()
            .filter(|r| r.stage == Stage::Portfolio && r.enabled)
        {
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
                r.rules.push(fired(
                    rule,
                    class.id().to_string(),
                    demote_to.id().to_string(),
                ));
            }
        }
    }

    fn record(
        &self,
        as_of: crate::evidence::Date,
        ca: &CountryAssessment,
        p: &Prepared,
        d: Decision,
        springboard: Vec<SpringboardTerm>,
    ) -> DecisionRecord {
        let s = &self.rules.scoring;
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
                    warnings.push(format!(
                        "{} is stale: assessed {}, more than {} days before {}",
                        c.id(),
                        e.date,
                        s.stale_after_days,
                        as_of
                    ));
                }
            }
            if p.status[i] == InputStatus::Missing {
                warnings.push(format!(
                    "{} is missing; {} used ({:?} policy)",
                    c.id(),
                    fmt_num(p.values[i]),
                    s.missing
                ));
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
        let inputs: BTreeMap<Criterion, InputUsed> = inputs.into_iter().collect();
        for ph in &ca.phenomena {
            marking = marking.max(ph.evidence.marking);
        }
        let mut contributions = Vec::with_capacity(N);
        for c in Criterion::ALL {
            let side = c.side();
            if side == Side::RuleOnly {
                continue;
            }
            let weight = self.weights[c.index()];
            let normalised = s.normalise(c, p.values[c.index()]);
            let side_total = self.side_total(side);
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
        let contributions: BTreeMap<Criterion, Contribution> = contributions.into_iter().collect();
        let facts = &ca.facts;
        DecisionRecord {
            rank: 0,
            country: ca.code,
            name_en: facts.name_en.clone(),
            name_nl: facts.name_nl.clone(),
            region: facts.region,
            eu_member: facts.eu_member,
            partner_liaison: ca.partner_liaison,
            data_sharing: ca.data_sharing,
            overridden_facts: ca.overridden_facts.clone(),
            accreditation_hosts: ca.accreditation_hosts.clone(),
            inputs,
            phenomena: p.phenomena.clone(),
            springboard,
            contributions,
            adjustments: d.adjustments,
            need: p.need,
            added_value_base: d.added_value_base,
            added_value: d.added_value,
            score: d.score,
            police_theme: p.police_theme,
            marechaussee_theme: p.marechaussee_theme,
            class: d.class,
            instrument: d.instrument,
            organisation: d.organisation,
            rules: d.fired,
            overruled: d.overruled,
            missing: Vec::new(),
            hinges_on_missing: false,
            marking,
            warnings,
        }
    }

    /// For each missing value: the outcome at both ends of its scale, others held fixed.
    fn missing_impact(
        &self,
        ca: &CountryAssessment,
        r: &mut DecisionRecord,
        graph: &DiGraphMap<CountryCode, f64>,
        needs: &BTreeMap<CountryCode, f64>,
        placed: &[CountryCode],
    ) {
        let actual = r.outcome();
        let host_placed = ca
            .accreditation_hosts
            .iter()
            .any(|h| placed.contains(h) && *h != ca.code);
        for (c, input) in &r.inputs {
            if input.status != InputStatus::Missing {
                continue;
            }
            let at = |v: f64| {
                let mut p = self.prepare(ca);
                self.apply_springboard(ca, &mut p, graph, needs);
                p.values[c.index()] = v;
                if *c == Criterion::CrimeRelation && ca.phenomena.is_empty() {
                    p.police_theme = v;
                }
                p.need = self.side_score(Side::Need, &p.values);
                let mut d = self.decide(ca, &p);
                self.network_stage(ca, &p, &mut d, host_placed);
                Outcome {
                    class: d.class,
                    instrument: d.instrument,
                    organisation: d.organisation,
                }
            };
            let at_min = at(SCALE_MIN);
            let at_max = at(SCALE_MAX);
            let changes_outcome = at_min != actual || at_max != actual;
            r.hinges_on_missing |= changes_outcome;
            r.missing.push(MissingImpact {
                criterion: *c,
                imputed: input.value,
                at_min,
                at_max,
                changes_outcome,
            });
        }
    }
}

/// Re-evaluates single countries against a fixed evaluation (see [`Engine::reevaluator`]).
#[derive(Debug, Clone)]
pub struct Reevaluator<'e, 'r> {
    engine: &'e Engine<'r>,
    needs: BTreeMap<CountryCode, f64>,
    placed: Vec<CountryCode>,
    ranks: BTreeMap<CountryCode, usize>,
    graph: DiGraphMap<CountryCode, f64>,
    as_of: crate::evidence::Date,
}

impl Reevaluator<'_, '_> {
    /// Re-evaluates one country with changed inputs, every other country held as it was. The
    /// record keeps the country's old rank (0 for a country new to the evaluation).
    pub fn reevaluate(&self, ca: &CountryAssessment) -> DecisionRecord {
        let e = self.engine;
        let placed: Vec<CountryCode> = self
            .placed
            .iter()
            .copied()
            .filter(|c| *c != ca.code)
            .collect();
        let mut p = e.prepare(ca);
        let terms = e.apply_springboard(ca, &mut p, &self.graph, &self.needs);
        let mut d = e.decide(ca, &p);
        let host_placed = ca.accreditation_hosts.iter().any(|h| placed.contains(h));
        e.network_stage(ca, &p, &mut d, host_placed);
        let mut r = e.record(self.as_of, ca, &p, d, terms);
        e.missing_impact(ca, &mut r, &self.graph, &self.needs, &placed);
        r.rank = self.ranks.get(&ca.code).copied().unwrap_or(0);
        r
    }
}

fn fired(rule: &Rule, before: String, after: String) -> FiredRule {
    FiredRule {
        rule: rule.id.clone(),
        stage: rule.stage,
        effect: rule.then.to_string(),
        before,
        after,
    }
}

/// The springboard graph: an edge `from → to` weighted by access.
fn springboard_graph(set: &AssessmentSet) -> DiGraphMap<CountryCode, f64> {
    let mut g = DiGraphMap::new();
    for c in &set.countries {
        for l in &c.springboard {
            g.add_edge(c.code, l.to, l.access);
        }
    }
    g
}
