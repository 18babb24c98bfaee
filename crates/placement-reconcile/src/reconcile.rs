//! The plan against an actual network: agreement per country, and why each difference exists.

use placement_core::{
    rulebook::{Effect, Stage},
    AssessmentSet, CountryCode, Evaluation, Instrument, Rulebook,
};
use placement_explain::counterfactual::{Counterfactual, Search};
use placement_explain::margins::ThresholdMargin;
use placement_explain::{Explainer, Options};
use serde::Serialize;

use crate::plan::PlanOverview;
use crate::{ActualNetwork, ReconcileError};

/// Version of the JSON shape of [`Reconciliation`].
pub const SCHEMA_VERSION: u32 = 1;

/// How the plan and the actual network relate for one country.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// Both have a post in the country (or neither, for countries not listed).
    Agree,
    /// The plan has a post where the actual network has none.
    ModelWantsPost,
    /// The actual network has a post the plan does not support.
    PostNotSupported,
}

/// A change of inputs the explainer found and the engine confirmed.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FoundChange {
    /// The counterfactual (criteria, from → to, the new outcome).
    pub counterfactual: Counterfactual,
}

/// A change of one weight (the others rescaled proportionally) that the explainer's
/// weight-stability search found and the engine confirmed. It moves every country's score, not
/// only this one's.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightChange {
    /// The criterion whose weight changes.
    pub criterion: placement_core::Criterion,
    /// Its weight now (all weights sum to 1).
    pub from: f64,
    /// The weight at which the engine gives `instrument`.
    pub to: f64,
    /// The instrument then.
    pub instrument: Instrument,
}

/// Why a country differs.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cause {
    /// The engine's instrument decides it: the deciding rule (none when no instrument rule
    /// fired), the margin of the nearest rule that would change it, and the smallest verified
    /// change of inputs that gives the instrument that would agree.
    Instrument {
        /// The instrument rule that fired, if any.
        rule: Option<String>,
        /// The margin of the nearest placement rule (its threshold and distance).
        margin: Option<ThresholdMargin>,
        /// The smallest verified change (one or two criteria), if one exists within the scale.
        change: Option<FoundChange>,
        /// The smallest verified change of one weight, if one exists.
        weight_change: Option<WeightChange>,
    },
    /// The engine recommends a permanent liaison, but under the capacity the place serves more
    /// elsewhere: what adding the post would gain, against the weakest chosen post.
    Capacity {
        /// Value the plan would gain by adding the country's post.
        gain_if_added: f64,
        /// Value the weakest chosen post adds.
        weakest_adds: f64,
        /// The weakest chosen post.
        weakest_post: String,
    },
    /// The country is not in the assessment set.
    NotAssessed,
}

/// One country of the reconciliation.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryReconciliation {
    /// The country.
    pub country: CountryCode,
    /// English name.
    pub name_en: String,
    /// Dutch name.
    pub name_nl: String,
    /// Agreement.
    pub agreement: Agreement,
    /// The engine's instrument (none when not assessed).
    pub instrument: Option<Instrument>,
    /// Why it differs (`None` when it agrees).
    pub cause: Option<Cause>,
}

/// Precision and recall of the plan's host countries.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    /// Host countries with a Dutch post in the actual network.
    pub actual_hosts: usize,
    /// Host countries of the plan's posts.
    pub plan_hosts: usize,
    /// Both.
    pub agree: usize,
    /// Share of the plan's host countries that are actual hosts.
    pub precision: f64,
    /// Share of the actual host countries the plan has.
    pub recall: f64,
    /// Actual host countries whose engine instrument is a permanent liaison (one country at a
    /// time, before capacity).
    pub actual_hosts_deserving: usize,
}

/// The reconciliation of a plan with an actual network.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize)]
pub struct Reconciliation {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The actual network's file.
    pub network: String,
    /// Rulebook id.
    pub rulebook: String,
    /// Input and rulebook hashes of the evaluation.
    pub input_sha256: String,
    /// Rulebook hash.
    pub rulebook_sha256: String,
    /// Whether the input is illustrative.
    pub illustrative: bool,
    /// Capacity of the plan (liaisons).
    pub capacity: u32,
    /// Summary figures.
    pub summary: Summary,
    /// Every country in the plan or the actual network, differences first, then by code.
    pub countries: Vec<CountryReconciliation>,
}

/// Compares `plan` with the actual network it was built from.
///
/// # Errors
/// [`ReconcileError::Explain`] when the evaluation does not belong to `input` and `rules`.
pub fn reconcile(
    rules: &Rulebook,
    input: &AssessmentSet,
    evaluation: &Evaluation,
    network: &ActualNetwork,
    plan: &PlanOverview,
) -> Result<Reconciliation, ReconcileError> {
    let explainer = Explainer::new(rules, input, evaluation, Options::default())?;
    let mut codes: Vec<CountryCode> = plan
        .plan_hosts
        .iter()
        .chain(plan.actual_hosts.iter())
        .copied()
        .collect();
    codes.sort();
    codes.dedup();
    let mut countries = Vec::with_capacity(codes.len());
    for code in codes {
        let in_plan = plan.plan_hosts.contains(&code);
        let actual = plan.actual_hosts.contains(&code);
        let agreement = match (in_plan, actual) {
            (true, false) => Agreement::ModelWantsPost,
            (false, true) => Agreement::PostNotSupported,
            _ => Agreement::Agree,
        };
        let record = evaluation.record(code);
        let (name_en, name_nl) = record.map_or_else(
            || (code.facts().name_en.clone(), code.facts().name_nl.clone()),
            |r| (r.name_en.clone(), r.name_nl.clone()),
        );
        let cause = match (agreement, record) {
            (Agreement::Agree, _) => None,
            (_, None) => Some(Cause::NotAssessed),
            (Agreement::PostNotSupported, Some(r))
                if r.instrument == Instrument::PermanentLiaison =>
            {
                plan.capacity_numbers(code)
                    .map(|(gain, weakest, post)| Cause::Capacity {
                        gain_if_added: gain,
                        weakest_adds: weakest,
                        weakest_post: post,
                    })
            }
            (_, Some(r)) => {
                let e = explainer.explain(code)?;
                let want_permanent = agreement == Agreement::PostNotSupported;
                let rule = r
                    .rules
                    .iter()
                    .rev()
                    .find(|f| f.stage == Stage::Instrument)
                    .map(|f| f.rule.clone());
                // The margin that matters: for a post the model wants, the deciding rule's
                // closest condition (how far it is from no longer firing); for a post the model
                // does not support, the nearest rule that would place a permanent liaison.
                let places = |id: &str| {
                    rules
                        .rule(id)
                        .is_some_and(|x| x.then == Effect::Instrument(Instrument::PermanentLiaison))
                };
                let margin = e
                    .margins
                    .instrument
                    .iter()
                    .filter(|m| {
                        if want_permanent {
                            !m.holds && places(&m.rule)
                        } else {
                            m.holds && rule.as_deref() == Some(m.rule.as_str())
                        }
                    })
                    .min_by(|a, b| {
                        a.distance
                            .abs()
                            .total_cmp(&b.distance.abs())
                            .then_with(|| a.rule.cmp(&b.rule))
                    })
                    .cloned();
                let agrees = |cf: &Counterfactual| {
                    (cf.outcome.instrument == Instrument::PermanentLiaison) == want_permanent
                };
                let size = |cf: &Counterfactual| -> f64 {
                    cf.changes.iter().map(|c| c.delta().abs()).sum()
                };
                let change = e
                    .counterfactuals
                    .criteria
                    .iter()
                    .filter_map(|s| match &s.instrument {
                        Search::Found(cf) if agrees(cf) => Some(cf.clone()),
                        _ => None,
                    })
                    .chain(
                        e.counterfactuals
                            .pairs
                            .iter()
                            .filter(|cf| agrees(cf))
                            .cloned(),
                    )
                    .min_by(|a, b| size(a).total_cmp(&size(b)))
                    .map(|counterfactual| FoundChange { counterfactual });
                let weight_change = e
                    .stability
                    .iter()
                    .flat_map(|w| {
                        [
                            w.below.zip(w.below_at).map(|(o, at)| (w, o.1, at)),
                            w.above.zip(w.above_at).map(|(o, at)| (w, o.1, at)),
                        ]
                    })
                    .flatten()
                    .filter(|(_, instrument, _)| {
                        (*instrument == Instrument::PermanentLiaison) == want_permanent
                    })
                    .min_by(|a, b| {
                        (a.2 - a.0.weight)
                            .abs()
                            .total_cmp(&(b.2 - b.0.weight).abs())
                            .then_with(|| a.0.criterion.cmp(&b.0.criterion))
                    })
                    .map(|(w, instrument, at)| WeightChange {
                        criterion: w.criterion,
                        from: w.weight,
                        to: at,
                        instrument,
                    });
                Some(Cause::Instrument {
                    rule,
                    margin,
                    change,
                    weight_change,
                })
            }
        };
        countries.push(CountryReconciliation {
            country: code,
            name_en,
            name_nl,
            agreement,
            instrument: record.map(|r| r.instrument),
            cause,
        });
    }
    countries.sort_by(|a, b| {
        (a.agreement == Agreement::Agree)
            .cmp(&(b.agreement == Agreement::Agree))
            .then_with(|| a.agreement.cmp(&b.agreement))
            .then_with(|| a.country.cmp(&b.country))
    });
    let agree = plan
        .plan_hosts
        .iter()
        .filter(|c| plan.actual_hosts.contains(c))
        .count();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let deserving = plan
        .actual_hosts
        .iter()
        .filter(|c| {
            evaluation
                .record(**c)
                .is_some_and(|r| r.instrument == Instrument::PermanentLiaison)
        })
        .count();
    Ok(Reconciliation {
        schema_version: SCHEMA_VERSION,
        network: network.origin.clone(),
        rulebook: evaluation.rulebook.id.clone(),
        input_sha256: evaluation.input.hash.clone(),
        rulebook_sha256: evaluation.rulebook.hash.clone(),
        illustrative: evaluation.input.illustrative,
        capacity: plan.capacity,
        summary: Summary {
            actual_hosts: plan.actual_hosts.len(),
            plan_hosts: plan.plan_hosts.len(),
            agree,
            precision: ratio(agree, plan.plan_hosts.len()),
            recall: ratio(agree, plan.actual_hosts.len()),
            actual_hosts_deserving: deserving,
        },
        countries,
    })
}
