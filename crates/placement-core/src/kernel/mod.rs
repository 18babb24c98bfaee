//! The decision kernel: the one place where a country's class, instrument and organisation are
//! decided from its values and the rulebook.
//!
//! Everything that decides goes through here: the full evaluation ([`crate::Engine`]), the
//! single-country [`crate::Reevaluator`], the missing-value impact, and the explainer's
//! replays and bounds. There is one condition evaluator ([`eval`], generic over the
//! [`Truth`] it computes) and one stage loop ([`Kernel::run`], generic over the [`Domain`] it
//! computes in and over a [`Trace`] sink that records what happened — or, with [`NoTrace`],
//! nothing, at no cost).
//!
//! The concrete domain, [`Exact`], decides one state exactly; the explainer supplies an
//! abstract one (intervals of values, sets of possible outcomes) to the same loop.
//!
//! Stage semantics (the same for every domain):
//! - **adjust**: every rule whose condition holds applies, in rulebook order;
//! - **class, instrument, organisation, network**: the first rule (highest salience) whose
//!   condition holds decides; the rules after it whose condition also holds are *overruled*;
//! - after the organisation stage, a class or instrument no rule set is `other` / `none`;
//! - the organisation in the outcome is the one the organisation stage chose, for instruments
//!   that need one (after the network stage, too).

mod condition;
mod exact;
mod trace;

pub use condition::{eval, Tri, Truth};
pub use exact::{fact, CountryInput, Decision, Exact};
pub use trace::{NoTrace, Recorder, Trace};

use crate::assessment::CountryAssessment;
use crate::country::CountryCode;
use crate::criteria::{Criterion, Side};
use crate::rulebook::{Condition, Rule, Rulebook, Stage};

const N: usize = Criterion::COUNT;

/// The stages one country runs through, in order (the portfolio stage runs over all countries
/// and is the engine's).
pub const COUNTRY_STAGES: [Stage; 5] = [
    Stage::Adjust,
    Stage::Class,
    Stage::Instrument,
    Stage::Organisation,
    Stage::Network,
];

/// Whether one of `ca`'s accreditation hosts (other than itself) holds a permanent liaison,
/// `is_placed` saying which countries do: the network stage's
/// [`Fact::AccreditationHostPlaced`](crate::rulebook::Fact::AccreditationHostPlaced). The one
/// definition, for the engine, the re-evaluator and the explainer.
pub fn host_placed(ca: &CountryAssessment, is_placed: impl Fn(CountryCode) -> bool) -> bool {
    ca.accreditation_hosts
        .iter()
        .any(|h| *h != ca.code && is_placed(*h))
}

/// Whether `reader`'s decision reads the state of another country `x`: its springboard value
/// reads `x`'s need, and its network stage reads whether `x`, an accreditation host, holds a
/// permanent liaison ([`host_placed`]). A country never reads itself. Together with
/// [`Kernel::couples_all`] this is the whole coupling between countries in one evaluation; the
/// scenario crate uses it to decide when re-evaluating one country is exact.
pub fn reads_country(reader: &CountryAssessment, x: CountryCode) -> bool {
    reader.code != x
        && (reader.accreditation_hosts.contains(&x) || reader.springboard.iter().any(|l| l.to == x))
}

/// Weights by [`Criterion::index`] and their side totals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Weight of each criterion (0 for rule-only criteria).
    pub by_criterion: [f64; N],
    /// Sum of the need side's weights.
    pub need_total: f64,
    /// Sum of the added-value side's weights.
    pub added_value_total: f64,
}

impl Weights {
    /// Weights by criterion index; the side totals are summed in criterion order.
    pub fn new(by_criterion: [f64; N]) -> Weights {
        let total = |side: Side| {
            Criterion::ALL
                .into_iter()
                .filter(|c| c.side() == side)
                .map(|c| by_criterion[c.index()])
                .sum::<f64>()
        };
        Weights {
            by_criterion,
            need_total: total(Side::Need),
            added_value_total: total(Side::AddedValue),
        }
    }

    /// The rulebook's weights.
    pub fn of(rules: &Rulebook) -> Weights {
        let mut w = [0.0; N];
        for c in Criterion::ALL {
            w[c.index()] = rules.scoring().weight(c);
        }
        Weights::new(w)
    }

    /// The weight total of one side (0 for rule-only criteria).
    pub fn side_total(&self, side: Side) -> f64 {
        match side {
            Side::Need => self.need_total,
            Side::AddedValue => self.added_value_total,
            Side::RuleOnly => 0.0,
        }
    }
}

/// Which rules fired so far in one run, with how surely (for `bool`, only those that did).
#[derive(Debug, Clone)]
pub struct Fired<'r, T> {
    inline: [(&'r str, Option<T>); 12],
    len: usize,
    spill: Vec<(&'r str, T)>,
}

impl<'r, T: Truth + Copy> Default for Fired<'r, T> {
    fn default() -> Self {
        Fired {
            inline: [("", None); 12],
            len: 0,
            spill: Vec::new(),
        }
    }
}

impl<'r, T: Truth + Copy> Fired<'r, T> {
    /// Notes that rule `id` fired (with how surely).
    pub fn push(&mut self, id: &'r str, t: T) {
        if self.len < self.inline.len() {
            self.inline[self.len] = (id, Some(t));
            self.len += 1;
        } else {
            self.spill.push((id, t));
        }
    }

    /// Whether rule `id` fired (the `or` of every time it may have).
    pub fn fired(&self, id: &str) -> T {
        let mut acc = T::of(false);
        for (f, t) in &self.inline[..self.len] {
            if *f == id {
                if let Some(t) = t {
                    acc = acc.or(*t);
                }
            }
        }
        for (f, t) in &self.spill {
            if *f == id {
                acc = acc.or(*t);
            }
        }
        acc
    }
}

/// What a stage loop computes in: its truths, the state it carries from rule to rule, and how
/// leaves, effects and uncertain branches are handled.
pub trait Domain {
    /// What a condition evaluates to.
    type Truth: Truth + Copy;
    /// The decision state carried through the stages.
    type Snap: Clone;
    /// The truth of a leaf condition (a comparison, fact, class, instrument or fired rule) in
    /// `stage` for `snap`, given the rules fired so far.
    fn leaf(
        &self,
        snap: &Self::Snap,
        fired: &Fired<'_, Self::Truth>,
        stage: Stage,
        leaf: &Condition,
    ) -> Self::Truth;
    /// Applies `rule`'s effect to `snap`.
    fn apply(&self, snap: &mut Self::Snap, rule: &Rule);
    /// Widens `into` to cover `other` too (called only when a truth is neither certainly true
    /// nor certainly false, so never for `bool`).
    fn join(&self, into: &mut Self::Snap, other: &Self::Snap);
    /// Fills in what no rule decided once the organisation stage has run.
    fn settle(&self, snap: &mut Self::Snap);
}

/// A rulebook compiled for the stage loop: the enabled rules of each stage in evaluation order.
#[derive(Debug, Clone)]
pub struct Kernel<'r> {
    rules: &'r Rulebook,
    order: Vec<&'r Rule>,
    /// `order[ranges[k].0..ranges[k].1]` are the rules of `Stage::ALL[k]`.
    ranges: [(usize, usize); 6],
    weights: Weights,
}

impl<'r> Kernel<'r> {
    /// Compiles `rules`.
    pub fn new(rules: &'r Rulebook) -> Kernel<'r> {
        let mut order = Vec::with_capacity(rules.rules().len());
        let mut ranges = [(0, 0); 6];
        for (k, stage) in Stage::ALL.into_iter().enumerate() {
            let start = order.len();
            order.extend(
                rules
                    .rules()
                    .iter()
                    .filter(|r| r.stage == stage && r.enabled),
            );
            ranges[k] = (start, order.len());
        }
        Kernel {
            rules,
            order,
            ranges,
            weights: Weights::of(rules),
        }
    }

    /// The rulebook.
    pub fn rulebook(&self) -> &'r Rulebook {
        self.rules
    }

    /// The rulebook's weights.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// The enabled rules of one stage, in evaluation order.
    pub fn stage_rules(&self, stage: Stage) -> &[&'r Rule] {
        let k = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        let (a, b) = self.ranges[k];
        &self.order[a..b]
    }

    /// Whether an enabled portfolio rule couples every country with every other (the ranking of
    /// the whole set decides), so that no country can be re-decided on its own.
    pub fn couples_all(&self) -> bool {
        !self.stage_rules(Stage::Portfolio).is_empty()
    }

    /// Whether some enabled rule of `stage` has an effect for which `pick` is true.
    pub fn stage_has(&self, stage: Stage, pick: impl Fn(&Rule) -> bool) -> bool {
        self.stage_rules(stage).iter().any(|r| pick(r))
    }

    /// A side's score, 0–100: the weighted sum of its normalised criterion values divided by
    /// the side's weight total (0 when the side has no weight).
    pub fn side_score(&self, weights: &Weights, side: Side, values: &[f64; N]) -> f64 {
        let total = weights.side_total(side);
        if total <= 0.0 {
            return 0.0;
        }
        let s = &self.rules.scoring();
        100.0
            * Criterion::ALL
                .into_iter()
                .filter(|c| c.side() == side)
                .map(|c| weights.by_criterion[c.index()] * s.normalise(c, values[c.index()]))
                .sum::<f64>()
            / total
    }

    /// Runs the stages `stages` (a sub-slice of [`COUNTRY_STAGES`], in order) on `snap`:
    /// the one stage loop. `fired` carries the rules fired so far across calls; `trace` is told
    /// of every rule that (possibly) fired and, if it asks, of every rule overruled.
    pub fn run<D: Domain, S: Trace<D::Snap>>(
        &self,
        domain: &D,
        stages: &[Stage],
        snap: &mut D::Snap,
        fired: &mut Fired<'r, D::Truth>,
        trace: &mut S,
    ) {
        for &stage in stages {
            let rules = self.stage_rules(stage);
            if rules.is_empty() {
                if stage == Stage::Organisation {
                    domain.settle(snap);
                }
                continue;
            }
            if stage.first_match_wins() {
                self.first_match(domain, stage, rules, snap, fired, trace);
            } else {
                for &rule in rules {
                    let holds = eval(&rule.when, &mut |l| domain.leaf(snap, fired, stage, l));
                    if holds.never() {
                        continue;
                    }
                    let before = snap.clone();
                    if holds.surely() {
                        domain.apply(snap, rule);
                    } else {
                        let mut applied = snap.clone();
                        domain.apply(&mut applied, rule);
                        domain.join(snap, &applied);
                    }
                    trace.fired(rule, &before, snap);
                    fired.push(&rule.id, holds);
                }
            }
            if stage == Stage::Organisation {
                domain.settle(snap);
            }
        }
    }

    /// One first-match stage: the result is the effect of the first rule that holds, or the
    /// state as it was when none does; uncertain truths join every possible result.
    fn first_match<D: Domain, S: Trace<D::Snap>>(
        &self,
        domain: &D,
        stage: Stage,
        rules: &[&'r Rule],
        snap: &mut D::Snap,
        fired: &mut Fired<'r, D::Truth>,
        trace: &mut S,
    ) {
        // `reach`: no earlier rule of this stage fired. `result`: the join of the results of
        // the rules that may have fired.
        let mut reach = D::Truth::of(true);
        let mut result: Option<D::Snap> = None;
        let mut iter = rules.iter();
        for &rule in iter.by_ref() {
            let holds = eval(&rule.when, &mut |l| domain.leaf(snap, fired, stage, l));
            let effective = reach.and(holds);
            if effective.never() {
                continue;
            }
            let mut branch = snap.clone();
            domain.apply(&mut branch, rule);
            trace.fired(rule, snap, &branch);
            fired.push(&rule.id, effective);
            match &mut result {
                Some(r) => domain.join(r, &branch),
                None => result = Some(branch),
            }
            reach = reach.and(holds.not());
            if reach.never() {
                break;
            }
        }
        match result {
            Some(mut r) => {
                if !reach.never() {
                    domain.join(&mut r, snap);
                }
                *snap = r;
            }
            None => return,
        }
        if S::OVERRULED && reach.never() {
            for &rule in iter {
                let holds = eval(&rule.when, &mut |l| domain.leaf(snap, fired, stage, l));
                if holds.surely() {
                    trace.overruled(rule);
                }
            }
        }
    }
}
