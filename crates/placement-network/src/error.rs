//! The crate's one error type, and the conflicts an infeasible set of constraints reports.

use serde::Serialize;
use thiserror::Error;

/// Everything that can go wrong planning a network. Input problems and conflicts are reported
/// all at once, never only the first.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum NetworkError {
    /// The instance or the constraints are malformed (unknown codes, negative or NaN costs, …).
    /// Fix every listed problem and call again.
    #[error("invalid network input:\n{}", list(problems))]
    InvalidInput {
        /// Every problem found.
        problems: Vec<InputProblem>,
    },
    /// The constraints cannot all hold. Each conflict names the constraints involved; relax one
    /// of them (more capacity or budget, fewer locks or region minima) and call again.
    #[error("the constraints cannot all hold:\n{}", list(conflicts))]
    Infeasible {
        /// The conflicts found (checked before the solver runs).
        conflicts: Vec<Conflict>,
    },
    /// The network fixture could not be read or parsed. Fix the file.
    #[error("network fixture {origin}: {message}")]
    Fixture {
        /// File name.
        origin: String,
        /// What is wrong.
        message: String,
    },
    /// The core engine refused the assessment set (see its issues; the message renders them
    /// through placement-text).
    #[error("{}", placement_text::Lang::En.error(.0))]
    Core(placement_core::Error),
    /// The MIP solver failed on a model the pre-checks found feasible (a numerical failure or
    /// an expired time limit). Report it with the input; the greedy plan is still usable.
    #[error("MIP solver failed: {message}")]
    Solver {
        /// The solver's message.
        message: String,
    },
}

fn list<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(|i| format!("  - {i}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One problem with the input.
#[derive(Debug, Clone, PartialEq, Serialize, Error)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum InputProblem {
    /// A locked or forbidden code is not a country code, or not a country of the instance.
    #[error("{field}: unknown country code {code:?} ({reason})")]
    UnknownCountry {
        /// `locked`, `forbidden` or `region_min`.
        field: String,
        /// The code as given.
        code: String,
        /// Why it is unknown.
        reason: String,
    },
    /// A locked or forbidden post id is not a post of the instance.
    #[error("{field}: unknown post {id:?}")]
    UnknownPost {
        /// `locked_posts` or `forbidden_posts`.
        field: String,
        /// The id as given.
        id: String,
    },
    /// A cost that is negative, NaN or infinite.
    #[error("post {post}, option {option}: cost {cost} must be a finite non-negative amount")]
    InvalidCost {
        /// Post id.
        post: String,
        /// Option's staffing label.
        option: String,
        /// The cost given.
        cost: f64,
    },
    /// A country value or coverage factor that is negative, NaN or infinite (or a factor > 1).
    #[error("{what}: {value} is not a valid value")]
    InvalidValue {
        /// Which value.
        what: String,
        /// The value given.
        value: f64,
    },
    /// A budget that is negative, NaN or infinite.
    #[error("budget {budget} must be a finite amount of at least 0 EUR")]
    InvalidBudget {
        /// The budget given.
        budget: f64,
    },
    /// A post's `existing` option index that is not one of its options.
    #[error("post {post}: existing option {existing} is out of range (the post has {options} option(s), numbered from 0)")]
    InvalidExisting {
        /// Post id.
        post: String,
        /// The index given.
        existing: usize,
        /// How many options the post has.
        options: usize,
    },
    /// A count or amount above its documented upper limit (capacity, budget, a cost, an
    /// option's staffing, the number of posts or countries).
    #[error("{what} is {value}, above the limit of {limit}")]
    AboveLimit {
        /// Which count or amount.
        what: String,
        /// The value given.
        value: f64,
        /// The limit.
        limit: f64,
    },
}

/// Constraints that cannot hold together, found before the solver runs.
#[derive(Debug, Clone, PartialEq, Serialize, Error)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum Conflict {
    /// A country or post is both locked and forbidden.
    #[error("{country} is both locked and forbidden")]
    LockedAndForbidden {
        /// The country code or post id.
        country: String,
    },
    /// A locked country has no candidate post left (none, or all forbidden).
    #[error("{country} is locked but has no allowed candidate post")]
    LockWithoutPost {
        /// The country.
        country: String,
    },
    /// The locked posts need more liaisons than the capacity allows.
    #[error("{resource} capacity {capacity} is below the {needed} liaisons the locked posts need at least ({locks})")]
    CapacityBelowLocks {
        /// `total`, `police` or `marechaussee`.
        resource: String,
        /// The capacity.
        capacity: u32,
        /// The least the locks need.
        needed: u32,
        /// The locks involved.
        locks: String,
    },
    /// The locked posts cost more than the budget.
    #[error("budget EUR {budget:.0} is below the EUR {needed:.0} the locked posts cost at least ({locks})")]
    BudgetBelowLocks {
        /// The budget.
        budget: f64,
        /// The least the locks cost.
        needed: f64,
        /// The locks involved.
        locks: String,
    },
    /// A region minimum exceeds the allowed candidate posts of the region.
    #[error(
        "region {region} needs {minimum} posts but has only {available} allowed candidate posts"
    )]
    RegionMinimumImpossible {
        /// The region.
        region: String,
        /// The minimum asked.
        minimum: u32,
        /// Allowed candidate posts there.
        available: u32,
    },
    /// Locks and region minima together need more liaisons than the capacity allows.
    #[error("locks and region minima need at least {needed} liaisons, capacity is {capacity}")]
    CapacityBelowMinima {
        /// The capacity.
        capacity: u32,
        /// The least needed.
        needed: u32,
    },
    /// Locks and region minima together cost more than the budget.
    #[error("locks and region minima cost at least EUR {needed:.0}, budget is EUR {budget:.0}")]
    BudgetBelowMinima {
        /// The budget.
        budget: f64,
        /// The least needed.
        needed: f64,
    },
    /// No single check failed, but the solver proved the constraints jointly infeasible.
    #[error("the constraints are jointly infeasible (active: {})", active.join(", "))]
    Joint {
        /// Every active constraint.
        active: Vec<String>,
    },
}

impl From<placement_core::Error> for NetworkError {
    fn from(e: placement_core::Error) -> Self {
        NetworkError::Core(e)
    }
}
