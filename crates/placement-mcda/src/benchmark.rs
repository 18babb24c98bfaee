//! Every weighting scheme × every method on one placement problem, the rank correlations
//! between all the resulting rankings and, optionally, SMAA-2: the engine of the
//! `weights_benchmark` example (which only parses arguments and prints).
//!
//! ```
//! use placement_core::{AssessmentSet, Rulebook};
//! use placement_mcda::benchmark::{run, BenchmarkOptions, Method, Scheme};
//! use placement_mcda::placement::PlacementProblem;
//!
//! let set = AssessmentSet::default_fixture().map_err(|e| e.to_string())?;
//! let rules = Rulebook::default_rulebook().map_err(|e| e.to_string())?;
//! let p = PlacementProblem::evaluate(&set, &rules)?;
//! let opts = BenchmarkOptions {
//!     schemes: vec![Scheme::Given, Scheme::Equal],
//!     methods: vec![Method::Wsm, Method::Placement],
//!     ..Default::default()
//! };
//! let report = run(&p, &opts)?;
//! assert_eq!(report.runs.len(), 4);
//! assert_eq!(report.correlations[0].values.len(), 4);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Choices (documented in `docs/research.md`)
//! * **Schemes.** `given` = the rulebook's weights; `equal`; `roc`, `rs`, `rr` on the ranking
//!   of the criteria by the rulebook's weights (largest = rank 1, ties by column order);
//!   `entropy`, `critic`, `std` on the raw 0–10 matrix. AHP and SWARA need expert pairwise
//!   or sequential judgements, which the rulebook does not contain: they are listed in
//!   [`BenchmarkReport::skipped`] with that reason (run them through the `mcda` JSON
//!   contract with your own judgements).
//! * **Methods.** Defaults of the `mcda` contract: WSM with min-max normalisation, TOPSIS
//!   with vector normalisation, VIKOR `v = 0.5`, PROMETHEE II with the usual criterion.
//!   WPM and COPRAS need strictly positive values; the 0–10 scale has zeros, so they run on
//!   the matrix shifted by [`BenchmarkOptions::positive_shift`] (default `+1`, i.e. the
//!   1–11 scale), noted on the run. `placement` runs the engine with the scheme's weights.
//! * A combination that fails (e.g. VIKOR on a constant criterion) is skipped with the
//!   error, never aborting the benchmark.
//! * **SMAA-2** runs on the engine's fixed-scale partial values
//!   ([`PlacementProblem::fixed_scale_utilities`]) with uniform simplex weights.

mod text;

use serde::Serialize;

use crate::correlation;
use crate::correlation::Metric;
use crate::error::{McdaError, Result};
use crate::matrix::DecisionMatrix;
use crate::methods::promethee::{promethee_ii, PreferenceFunction, Thresholds};
use crate::methods::{copras, moora, topsis, vikor, wpm, wsm, MethodResult};
use crate::normalize::Normalization;
use crate::placement::PlacementProblem;
use crate::smaa::{smaa2_with_progress, SmaaOptions};
use crate::svg::{bucket_shares, default_buckets, RankBucket};
use crate::weights;

/// A weighting scheme of the benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// The rulebook's weights.
    Given,
    /// `1/n`.
    Equal,
    /// Rank-order centroid on the rulebook's order of the criteria.
    Roc,
    /// Rank sum on the rulebook's order.
    Rs,
    /// Reciprocal rank on the rulebook's order.
    Rr,
    /// Entropy of the raw matrix.
    Entropy,
    /// CRITIC of the raw matrix.
    Critic,
    /// Standard deviation of the raw matrix.
    Std,
}

impl Scheme {
    /// Every scheme, in report order.
    pub const ALL: [Scheme; 8] = [
        Scheme::Given,
        Scheme::Equal,
        Scheme::Roc,
        Scheme::Rs,
        Scheme::Rr,
        Scheme::Entropy,
        Scheme::Critic,
        Scheme::Std,
    ];

    /// The name used in output and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Given => "given",
            Scheme::Equal => "equal",
            Scheme::Roc => "roc",
            Scheme::Rs => "rs",
            Scheme::Rr => "rr",
            Scheme::Entropy => "entropy",
            Scheme::Critic => "critic",
            Scheme::Std => "std",
        }
    }

    /// Parses [`Scheme::name`].
    pub fn parse(name: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// A method of the benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// WSM, min-max normalisation.
    Wsm,
    /// WPM (on the shifted matrix).
    Wpm,
    /// TOPSIS, vector normalisation.
    Topsis,
    /// VIKOR, `v = 0.5`.
    Vikor,
    /// PROMETHEE II, usual criterion.
    PrometheeIi,
    /// COPRAS (on the shifted matrix).
    Copras,
    /// MOORA ratio system.
    Moora,
    /// The rule-based placement engine.
    Placement,
}

impl Method {
    /// Every method, in report order.
    pub const ALL: [Method; 8] = [
        Method::Wsm,
        Method::Wpm,
        Method::Topsis,
        Method::Vikor,
        Method::PrometheeIi,
        Method::Copras,
        Method::Moora,
        Method::Placement,
    ];

    /// The name used in output and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Method::Wsm => "wsm",
            Method::Wpm => "wpm",
            Method::Topsis => "topsis",
            Method::Vikor => "vikor",
            Method::PrometheeIi => "promethee_ii",
            Method::Copras => "copras",
            Method::Moora => "moora",
            Method::Placement => "placement",
        }
    }

    /// Parses [`Method::name`].
    pub fn parse(name: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// The name of a comparison metric.
pub fn metric_name(metric: Metric) -> &'static str {
    match metric {
        Metric::Spearman => "spearman",
        Metric::WeightedSpearman => "weighted_spearman",
        Metric::Ws => "ws",
        Metric::Kendall => "kendall",
    }
}

/// What to run.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarkOptions {
    /// Weighting schemes (default: all).
    pub schemes: Vec<Scheme>,
    /// Methods (default: all).
    pub methods: Vec<Method>,
    /// Correlation metrics; each gives one matrix (default: Spearman).
    pub metrics: Vec<Metric>,
    /// Added to every value for WPM and COPRAS (default 1: the 0–10 scale has zeros).
    pub positive_shift: f64,
    /// SMAA-2 `(samples, seed)`, if wanted.
    pub smaa: Option<(u64, u64)>,
}

impl Default for BenchmarkOptions {
    fn default() -> Self {
        BenchmarkOptions {
            schemes: Scheme::ALL.to_vec(),
            methods: Method::ALL.to_vec(),
            metrics: vec![Metric::Spearman],
            positive_shift: 1.0,
            smaa: None,
        }
    }
}

/// The weights of one scheme.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SchemeWeights {
    /// Scheme name.
    pub scheme: &'static str,
    /// One weight per criterion, summing to 1.
    pub weights: Vec<f64>,
}

/// One (scheme, method) combination.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Run {
    /// `"scheme/method"`.
    pub id: String,
    /// Scheme name.
    pub scheme: &'static str,
    /// Method name.
    pub method: &'static str,
    /// Preference values, one per alternative (see `direction`).
    pub preferences: Vec<f64>,
    /// Average ranks, 1 = best.
    pub ranking: Vec<f64>,
    /// Whether higher or lower preferences are better.
    pub direction: crate::rank::Direction,
    /// A remark on how it was run (e.g. the positive shift).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Run {
    /// Alternative indices from best to worst (ties by index).
    pub fn order(&self) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..self.ranking.len()).collect();
        idx.sort_by(|&a, &b| {
            let (x, y) = (
                self.ranking.get(a).copied().unwrap_or(f64::INFINITY),
                self.ranking.get(b).copied().unwrap_or(f64::INFINITY),
            );
            x.total_cmp(&y).then(a.cmp(&b))
        });
        idx
    }
}

/// Something that was not run, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Skipped {
    /// Scheme name.
    pub scheme: &'static str,
    /// Method name (absent when the whole scheme was skipped).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<&'static str>,
    /// Why.
    pub reason: String,
}

/// A square matrix of rank correlations between the runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CorrelationMatrix {
    /// Metric name.
    pub metric: &'static str,
    /// Run ids, the rows and columns.
    pub labels: Vec<String>,
    /// `values[i][j]` = metric(ranking i, ranking j) (for `ws`, row `i` is the reference).
    pub values: Vec<Vec<f64>>,
}

/// One alternative's SMAA-2 results.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SmaaRow {
    /// Alternative label.
    pub alternative: String,
    /// Share of samples per rank bucket (see [`SmaaTable::buckets`]).
    pub buckets: Vec<f64>,
    /// Rank acceptability `b^r`, `r = 1..=m`.
    pub acceptability: Vec<f64>,
    /// Mean rank `Σ r b^r`.
    pub mean_rank: f64,
    /// Central weight vector (zeros when never first).
    pub central_weights: Vec<f64>,
    /// Confidence factor.
    pub confidence: f64,
}

/// The SMAA-2 table, rows sorted by mean rank (ties by label).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SmaaTable {
    /// Weight samples.
    pub samples: u64,
    /// Seed.
    pub seed: u64,
    /// What the partial values are.
    pub utilities: &'static str,
    /// The weight distribution.
    pub weight_model: &'static str,
    /// Rank buckets of [`SmaaRow::buckets`].
    pub buckets: Vec<RankBucket>,
    /// One row per alternative.
    pub rows: Vec<SmaaRow>,
}

/// Everything the benchmark computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BenchmarkReport {
    /// Rulebook id.
    pub rulebook: String,
    /// Alternatives (country codes), the rows of the matrix.
    pub alternatives: Vec<String>,
    /// Criterion ids, the columns.
    pub criteria: Vec<&'static str>,
    /// Criterion type codes (`1` benefit, `-1` cost).
    pub types: Vec<i64>,
    /// Importance ranks of the criteria used by ROC, RS and RR (1 = largest given weight).
    pub criteria_ranks: Vec<usize>,
    /// The weights of each scheme that could be computed.
    pub weights: Vec<SchemeWeights>,
    /// Every combination that ran.
    pub runs: Vec<Run>,
    /// Every scheme or combination that did not run.
    pub skipped: Vec<Skipped>,
    /// One matrix per metric.
    pub correlations: Vec<CorrelationMatrix>,
    /// SMAA-2, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smaa: Option<SmaaTable>,
    /// The criteria of `criteria`, for their names in text.
    #[serde(skip)]
    criterion_keys: Vec<placement_core::Criterion>,
    /// [`BenchmarkOptions::positive_shift`], for the notes in text.
    #[serde(skip)]
    positive_shift: f64,
}

/// Importance ranks from weights: the largest weight gets rank 1, ties by column order.
pub fn ranks_from_weights(weights: &[f64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..weights.len()).collect();
    idx.sort_by(|&a, &b| {
        let (x, y) = (
            weights.get(a).copied().unwrap_or(0.0),
            weights.get(b).copied().unwrap_or(0.0),
        );
        y.total_cmp(&x).then(a.cmp(&b))
    });
    let mut ranks = vec![0; weights.len()];
    for (r, &j) in idx.iter().enumerate() {
        if let Some(slot) = ranks.get_mut(j) {
            *slot = r + 1;
        }
    }
    ranks
}

fn scheme_weights(p: &PlacementProblem, scheme: Scheme, ranks: &[usize]) -> Result<Vec<f64>> {
    match scheme {
        Scheme::Given => Ok(p.weights.clone()),
        Scheme::Equal => weights::equal(p.criteria.len()),
        Scheme::Roc => weights::rank_order_centroid(ranks),
        Scheme::Rs => weights::rank_sum(ranks),
        Scheme::Rr => weights::reciprocal_rank(ranks),
        Scheme::Entropy => weights::entropy(&p.matrix),
        Scheme::Critic => weights::critic(&p.matrix),
        Scheme::Std => weights::std_dev(&p.matrix),
    }
}

fn shifted(m: &DecisionMatrix, shift: f64) -> Result<DecisionMatrix> {
    DecisionMatrix::from_row_major(
        m.rows(),
        m.columns(),
        m.as_slice().iter().map(|v| v + shift).collect(),
    )
}

fn run_method(
    p: &PlacementProblem,
    method: Method,
    scheme: Scheme,
    w: &[f64],
    positive: &DecisionMatrix,
    shift: f64,
) -> Result<(MethodResult, Option<String>)> {
    let (m, t) = (&p.matrix, p.types.as_slice());
    let shift_note = || (shift != 0.0).then(|| format!("values shifted by {shift:+} (x > 0)"));
    Ok(match method {
        Method::Wsm => (wsm::wsm(m, w, t, Normalization::MinMax)?, None),
        Method::Wpm => (wpm::wpm(positive, w, t)?, shift_note()),
        Method::Topsis => (topsis::topsis(m, w, t)?, None),
        Method::Vikor => (vikor::vikor(m, w, t, 0.5)?.result, None),
        Method::PrometheeIi => (
            promethee_ii(m, w, t, PreferenceFunction::Usual, &Thresholds::default())?.result,
            None,
        ),
        Method::Copras => (copras::copras(positive, w, t)?, shift_note()),
        Method::Moora => (moora::moora(m, w, t)?, None),
        Method::Placement if scheme == Scheme::Given => (p.method(), None),
        Method::Placement => (
            p.method_with_weights(w)?,
            Some("engine re-run with these weights".to_string()),
        ),
    })
}

fn correlation_matrix(runs: &[Run], metric: Metric) -> Result<CorrelationMatrix> {
    let f = match metric {
        Metric::Spearman => correlation::spearman,
        Metric::WeightedSpearman => correlation::weighted_spearman,
        Metric::Ws => correlation::ws_similarity,
        Metric::Kendall => correlation::kendall_tau_b,
    };
    let mut values = Vec::with_capacity(runs.len());
    for a in runs {
        let mut row = Vec::with_capacity(runs.len());
        for b in runs {
            row.push(f(&a.ranking, &b.ranking)?);
        }
        values.push(row);
    }
    Ok(CorrelationMatrix {
        metric: metric_name(metric),
        labels: runs.iter().map(|r| r.id.clone()).collect(),
        values,
    })
}

fn smaa_table(
    p: &PlacementProblem,
    samples: u64,
    seed: u64,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<SmaaTable> {
    let u = p.fixed_scale_utilities();
    let r = smaa2_with_progress(
        &u,
        &SmaaOptions {
            samples,
            seed,
            ..Default::default()
        },
        progress,
    )?;
    let buckets = default_buckets(u.rows());
    let mut rows: Vec<SmaaRow> = p
        .alternatives
        .iter()
        .zip(r.acceptability)
        .zip(r.central_weights)
        .zip(r.confidence)
        .map(|(((a, acc), cw), conf)| SmaaRow {
            alternative: a.clone(),
            buckets: bucket_shares(&acc, &buckets),
            mean_rank: acc
                .iter()
                .enumerate()
                .map(|(k, b)| (k + 1) as f64 * b)
                .sum(),
            acceptability: acc,
            central_weights: cw,
            confidence: conf,
        })
        .collect();
    rows.sort_by(|a, b| {
        a.mean_rank
            .total_cmp(&b.mean_rank)
            .then_with(|| a.alternative.cmp(&b.alternative))
    });
    Ok(SmaaTable {
        samples,
        seed,
        utilities: "fixed_scale",
        weight_model: "uniform_simplex",
        buckets,
        rows,
    })
}

/// Runs the benchmark.
///
/// # Errors
/// [`McdaError::InvalidParameter`] for a non-finite or negative `positive_shift`, and those
/// of SMAA-2 and of the correlation metrics (e.g. [`McdaError::TooFew`] with fewer than two
/// alternatives). Failures of single schemes or combinations are reported in
/// [`BenchmarkReport::skipped`] instead.
pub fn run(p: &PlacementProblem, opts: &BenchmarkOptions) -> Result<BenchmarkReport> {
    run_with_progress(p, opts, &mut |_, _| {})
}

/// [`run`], calling `progress(samples_done, samples_total)` during SMAA-2 (the only long
/// part); the report is identical.
///
/// # Errors
/// As [`run`].
pub fn run_with_progress(
    p: &PlacementProblem,
    opts: &BenchmarkOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<BenchmarkReport> {
    if !(opts.positive_shift >= 0.0) || !opts.positive_shift.is_finite() {
        return Err(McdaError::InvalidParameter {
            name: "positive_shift",
            value: opts.positive_shift,
            expected: "finite and >= 0",
        });
    }
    let ranks = ranks_from_weights(&p.weights);
    let positive = shifted(&p.matrix, opts.positive_shift)?;
    let mut skipped = vec![
        Skipped {
            scheme: "ahp",
            method: None,
            reason: "needs expert pairwise judgements, which the rulebook does not hold; \
                     use the mcda JSON contract with your own"
                .to_string(),
        },
        Skipped {
            scheme: "swara",
            method: None,
            reason: "needs expert comparative-importance judgements, which the rulebook does \
                     not hold; use the mcda JSON contract with your own"
                .to_string(),
        },
    ];
    let mut weights_out = Vec::new();
    let mut runs = Vec::new();
    for &scheme in &opts.schemes {
        let w = match scheme_weights(p, scheme, &ranks) {
            Ok(w) => w,
            Err(e) => {
                skipped.push(Skipped {
                    scheme: scheme.name(),
                    method: None,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        for &method in &opts.methods {
            match run_method(p, method, scheme, &w, &positive, opts.positive_shift) {
                Ok((r, note)) => runs.push(Run {
                    id: format!("{}/{}", scheme.name(), method.name()),
                    scheme: scheme.name(),
                    method: method.name(),
                    preferences: r.preferences,
                    ranking: r.ranking,
                    direction: r.direction,
                    note,
                }),
                Err(e) => skipped.push(Skipped {
                    scheme: scheme.name(),
                    method: Some(method.name()),
                    reason: e.to_string(),
                }),
            }
        }
        weights_out.push(SchemeWeights {
            scheme: scheme.name(),
            weights: w,
        });
    }
    let correlations = if runs.is_empty() {
        Vec::new()
    } else {
        opts.metrics
            .iter()
            .map(|&m| correlation_matrix(&runs, m))
            .collect::<Result<_>>()?
    };
    let smaa = match opts.smaa {
        Some((samples, seed)) => Some(smaa_table(p, samples, seed, progress)?),
        None => None,
    };
    Ok(BenchmarkReport {
        rulebook: p.rulebook().id().to_string(),
        alternatives: p.alternatives.clone(),
        criteria: p.criterion_ids(),
        types: p.types.iter().map(|t| t.code()).collect(),
        criteria_ranks: ranks,
        weights: weights_out,
        runs,
        skipped,
        correlations,
        smaa,
        criterion_keys: p.criteria.clone(),
        positive_shift: opts.positive_shift,
    })
}

impl BenchmarkReport {
    /// The report in long ("tidy") CSV: `section,row,column,value`, one value per line.
    ///
    /// Sections: `weights` (scheme, criterion, weight), `preference` and `rank` (run id,
    /// alternative, value), `<metric>` (run id, run id, coefficient), `smaa` (alternative, `rank_<r>` / `mean_rank` / `confidence`, value), `skipped`
    /// (scheme[/method], `reason`, text).
    pub fn to_csv(&self) -> String {
        let mut out = String::from("section,row,column,value\n");
        let mut line = |section: &str, row: &str, column: &str, value: &str| {
            out.push_str(&csv_field(section));
            out.push(',');
            out.push_str(&csv_field(row));
            out.push(',');
            out.push_str(&csv_field(column));
            out.push(',');
            out.push_str(&csv_field(value));
            out.push('\n');
        };
        for sw in &self.weights {
            for (c, w) in self.criteria.iter().zip(&sw.weights) {
                line("weights", sw.scheme, c, &w.to_string());
            }
        }
        for run in &self.runs {
            for (a, v) in self.alternatives.iter().zip(&run.preferences) {
                line("preference", &run.id, a, &v.to_string());
            }
            for (a, v) in self.alternatives.iter().zip(&run.ranking) {
                line("rank", &run.id, a, &v.to_string());
            }
        }
        for cm in &self.correlations {
            for (a, row) in cm.labels.iter().zip(&cm.values) {
                for (b, v) in cm.labels.iter().zip(row) {
                    line(cm.metric, a, b, &v.to_string());
                }
            }
        }
        if let Some(t) = &self.smaa {
            for row in &t.rows {
                for (r, v) in row.acceptability.iter().enumerate() {
                    line(
                        "smaa",
                        &row.alternative,
                        &format!("rank_{}", r + 1),
                        &v.to_string(),
                    );
                }
                line(
                    "smaa",
                    &row.alternative,
                    "mean_rank",
                    &row.mean_rank.to_string(),
                );
                line(
                    "smaa",
                    &row.alternative,
                    "confidence",
                    &row.confidence.to_string(),
                );
            }
        }
        for s in &self.skipped {
            let who = match s.method {
                Some(m) => format!("{}/{m}", s.scheme),
                None => s.scheme.to_string(),
            };
            line("skipped", &who, "reason", &s.reason);
        }
        out
    }
}

/// Quotes a CSV field when it contains a comma, quote or line break (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
