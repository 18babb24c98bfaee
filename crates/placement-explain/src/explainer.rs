//! The [`Explainer`]: holds an evaluation, its rulebook and its input, and builds an
//! [`Explanation`] per country.

use placement_core::kernel::host_placed;
use placement_core::record::{InputRef, RulebookRef};
use placement_core::{
    AssessmentSet, Class, CountryAssessment, CountryCode, DecisionRecord, Engine, Evaluation,
    Instrument, Organisation, Reevaluator, Rulebook,
};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::compare::Comparison;
use crate::contributions::Contributions;
use crate::counterfactual::Counterfactuals;
use crate::error::{near_codes, ExplainError};
use crate::margins::Margins;
use crate::probe::Probe;
use crate::provenance::Provenance;
use crate::rules::RuleReport;
use crate::stability::WeightInterval;

/// Version of the [`Explanation`] JSON shape (documented in `docs/explain.md`); bumped on any
/// incompatible change.
pub const SCHEMA_VERSION: u32 = 2;

/// Settings of the searches.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// N of the top-N counterfactual: the smallest change that moves the country into (or
    /// out of) the first N ranks. Default 10.
    pub top_n: usize,
    /// Coarse grid step of the single-criterion search, on the 0–10 scale. Default 0.5.
    pub grid_step: f64,
    /// Precision of the refined counterfactual change. Default 0.01.
    pub precision: f64,
    /// Whether to search two-criterion changes where no single criterion suffices.
    /// Default true.
    pub pairs: bool,
    /// Whether to compute weight-stability intervals. Default true.
    pub stability: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            top_n: 10,
            grid_step: 0.5,
            precision: 0.01,
            pairs: true,
            stability: true,
        }
    }
}

/// The recommendation being explained.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recommendation {
    /// Rank (1 = highest score).
    pub rank: usize,
    /// Overall score, 0–100.
    pub score: f64,
    /// Need, 0–100.
    pub need: f64,
    /// Added value after adjustment, 0–100.
    pub added_value: f64,
    /// Class.
    pub class: Class,
    /// Instrument.
    pub instrument: Instrument,
    /// Organisation (liaison instruments only).
    pub organisation: Option<Organisation>,
}

/// Everything that explains one country's recommendation. Serialises to the stable JSON schema
/// of `docs/explain.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Explanation {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The country.
    pub country: CountryCode,
    /// English name.
    pub name_en: String,
    /// Dutch name.
    pub name_nl: String,
    /// Whether the input is illustrative (shown in every rendering).
    pub illustrative: bool,
    /// The recommendation.
    pub recommendation: Recommendation,
    /// 1. Contributions.
    pub contributions: Contributions,
    /// 2. Rules.
    pub rules: RuleReport,
    /// 3. Margins.
    pub margins: Margins,
    /// 4. Counterfactuals.
    pub counterfactuals: Counterfactuals,
    /// 6. Weight stability, per weighed criterion (empty when switched off).
    pub stability: Vec<WeightInterval>,
    /// Criteria whose stability interval the search found but the engine did not confirm at
    /// its end points; nothing is reported for them (empty in a healthy build).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stability_unconfirmed: Vec<placement_core::Criterion>,
    /// 7. Provenance.
    pub provenance: Provenance,
}

/// One country's fixed context: its assessment, record and probe.
pub(crate) struct CountryCtx<'a> {
    pub record: &'a DecisionRecord,
    pub ca: &'a CountryAssessment,
    pub host_placed: bool,
    pub probe: Probe<'a>,
}

/// Explains the records of one evaluation.
///
/// # Example
/// ```
/// use placement_core::{AssessmentSet, Engine, Rulebook};
/// use placement_explain::{Explainer, Options};
/// let rules = Rulebook::default_rulebook()?;
/// let input = AssessmentSet::default_fixture()?;
/// let evaluation = Engine::new(&rules).evaluate(&input)?;
/// let explainer = Explainer::new(&rules, &input, &evaluation, Options::default())?;
/// let e = explainer.explain_code("CO")?;
/// assert_eq!(e.country.as_str(), "CO");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Explainer<'a> {
    pub(crate) rules: &'a Rulebook,
    pub(crate) set: &'a AssessmentSet,
    pub(crate) evaluation: &'a Evaluation,
    pub(crate) options: Options,
    /// Evaluated scores, highest first, with codes: for ranking a changed country.
    pub(crate) ranking: Vec<(f64, CountryCode)>,
    /// `ranking` in the order of [`beats`]: the best first.
    pub(crate) ordered: Vec<(f64, CountryCode)>,
    /// The engine that re-evaluates counterfactuals (its rulebook hash computed once); its
    /// kernel replays decisions for the searches.
    engine: Engine<'a>,
    /// Countries holding a permanent liaison (accreditation hosts).
    placed: std::collections::BTreeSet<CountryCode>,
}

/// Whether a country with `(s, c)` ranks above one with `score` and `code`, as
/// [`Explainer::rank_with`] counts.
pub(crate) fn beats((s, c): (f64, CountryCode), score: f64, code: CountryCode) -> bool {
    s > score || (s == score && c < code)
}

impl<'a> Explainer<'a> {
    /// An explainer for `evaluation`, made by `rules` from `set`.
    ///
    /// # Errors
    /// [`ExplainError::IncompatibleRulebook`] when the evaluation's rulebook hash differs from
    /// `rules.hash()`.
    pub fn new(
        rules: &'a Rulebook,
        set: &'a AssessmentSet,
        evaluation: &'a Evaluation,
        options: Options,
    ) -> Result<Self, ExplainError> {
        let hash = rules.hash();
        if evaluation.rulebook.hash != hash {
            return Err(ExplainError::IncompatibleRulebook {
                evaluation_id: evaluation.rulebook.id.clone(),
                evaluation_hash: evaluation.rulebook.hash.clone(),
                rules_id: rules.id().to_string(),
                rules_hash: hash,
            });
        }
        let ranking: Vec<(f64, CountryCode)> = evaluation
            .records
            .iter()
            .map(|r| (r.score, r.country))
            .collect();
        let mut ordered = ranking.clone();
        ordered.sort_by(|a, b| {
            b.0.partial_cmp(&a.0)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.1.cmp(&b.1))
        });
        Ok(Explainer {
            rules,
            set,
            evaluation,
            options,
            ranking,
            ordered,
            engine: Engine::new(rules),
            placed: evaluation.placed(),
        })
    }

    /// The options in use.
    pub fn options(&self) -> Options {
        self.options
    }

    /// Parses a code as typed by a user and checks it is in the evaluation.
    ///
    /// # Errors
    /// [`ExplainError::UnknownCountry`] with near codes.
    pub fn resolve(&self, code: &str) -> Result<CountryCode, ExplainError> {
        let unknown = || ExplainError::UnknownCountry {
            code: code.to_string(),
            suggestions: near_codes(
                code,
                self.evaluation.records.iter().map(|r| r.country.as_str()),
            ),
        };
        let parsed =
            CountryCode::parse(&code.trim().to_ascii_uppercase()).map_err(|_| unknown())?;
        if self.evaluation.record(parsed).is_some() && self.set.get(parsed).is_some() {
            Ok(parsed)
        } else {
            Err(unknown())
        }
    }

    /// Explains a country given as text (`"CO"`, `"co"`).
    ///
    /// # Errors
    /// As [`Explainer::resolve`] and [`Explainer::explain`].
    pub fn explain_code(&self, code: &str) -> Result<Explanation, ExplainError> {
        self.explain(self.resolve(code)?)
    }

    /// Explains every country, in rank order. Countries are explained in parallel (rayon's
    /// current pool) against one shared [`Reevaluator`]; each explanation depends only on its
    /// own country, so the result is the same whatever the number of threads.
    ///
    /// # Errors
    /// As [`Explainer::explain`].
    pub fn explain_all(&self) -> Result<Vec<Explanation>, ExplainError> {
        let reevaluator = self.reevaluator()?;
        self.evaluation
            .records
            .par_iter()
            .map(|r| self.explain_with(&reevaluator, r.country))
            .collect()
    }

    /// Re-evaluates single countries against this evaluation, every other country fixed.
    fn reevaluator(&self) -> Result<Reevaluator<'_, 'a>, ExplainError> {
        Ok(self.engine.reevaluator(self.evaluation, self.set)?)
    }

    pub(crate) fn ctx(&self, code: CountryCode) -> Result<CountryCtx<'_>, ExplainError> {
        let unknown = || ExplainError::UnknownCountry {
            code: code.to_string(),
            suggestions: near_codes(
                code.as_str(),
                self.evaluation.records.iter().map(|r| r.country.as_str()),
            ),
        };
        let record = self.evaluation.record(code).ok_or_else(unknown)?;
        let ca = self.set.get(code).ok_or_else(unknown)?;
        let host_placed = host_placed(ca, |h| self.placed.contains(&h));
        Ok(CountryCtx {
            record,
            ca,
            host_placed,
            probe: Probe::new(self.engine.kernel(), record, ca, host_placed),
        })
    }

    /// Rank the country would have with `score`, every other country held fixed.
    pub(crate) fn rank_with(&self, code: CountryCode, score: f64) -> usize {
        1 + self
            .ranking
            .iter()
            .filter(|(s, c)| *c != code && (*s > score || (*s == score && *c < code)))
            .count()
    }

    /// Explains one country. (To explain many, [`Explainer::explain_all`] shares the
    /// re-evaluation context and runs in parallel.)
    ///
    /// # Errors
    /// [`ExplainError::UnknownCountry`] when it is not in the evaluation;
    /// [`ExplainError::Engine`] if re-evaluation fails.
    pub fn explain(&self, code: CountryCode) -> Result<Explanation, ExplainError> {
        let ctx = self.ctx(code)?;
        self.explain_ctx(&self.reevaluator()?, ctx)
    }

    fn explain_with(
        &self,
        reevaluator: &Reevaluator<'_, '_>,
        code: CountryCode,
    ) -> Result<Explanation, ExplainError> {
        self.explain_ctx(reevaluator, self.ctx(code)?)
    }

    fn explain_ctx(
        &self,
        reevaluator: &Reevaluator<'_, '_>,
        ctx: CountryCtx<'_>,
    ) -> Result<Explanation, ExplainError> {
        let code = ctx.record.country;
        let record = ctx.record;
        let counterfactuals = Counterfactuals::search(self, &ctx, reevaluator)?;
        let (stability, stability_unconfirmed) = if self.options.stability {
            crate::stability::intervals(&ctx, reevaluator)
        } else {
            (Vec::new(), Vec::new())
        };
        Ok(Explanation {
            schema_version: SCHEMA_VERSION,
            country: code,
            name_en: record.name_en.clone(),
            name_nl: record.name_nl.clone(),
            illustrative: self.evaluation.input.illustrative,
            recommendation: Recommendation {
                rank: record.rank,
                score: record.score,
                need: record.need,
                added_value: record.added_value,
                class: record.class,
                instrument: record.instrument,
                organisation: record.organisation,
            },
            contributions: Contributions::of(record),
            rules: RuleReport::of(self.engine.kernel(), record, ctx.ca, ctx.host_placed),
            margins: Margins::of(self.rules, self.evaluation, record),
            counterfactuals,
            stability,
            stability_unconfirmed,
            provenance: Provenance::of(
                self.rules,
                record,
                &self.evaluation.input,
                &self.evaluation.rulebook,
            ),
        })
    }

    /// Why `a` ranks where it does relative to `b`.
    ///
    /// # Errors
    /// [`ExplainError::UnknownCountry`] for either code.
    pub fn compare(&self, a: CountryCode, b: CountryCode) -> Result<Comparison, ExplainError> {
        let ra = self.ctx(a)?.record;
        let rb = self.ctx(b)?.record;
        Ok(Comparison::of(self.rules, ra, rb))
    }

    /// The evaluation's rulebook reference.
    pub fn rulebook_ref(&self) -> &RulebookRef {
        &self.evaluation.rulebook
    }

    /// The evaluation's input reference.
    pub fn input_ref(&self) -> &InputRef {
        &self.evaluation.input
    }
}
