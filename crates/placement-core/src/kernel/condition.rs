//! The one evaluator of rule conditions, generic over what a truth is.
//!
//! A [`Condition`] is a tree of `all`, `any` and `not` over leaves (a criterion or metric
//! compared with a threshold, a fact, the class or instrument decided so far, a rule that
//! fired). [`eval`] walks the tree once for every kind of question asked of it; what changes is
//! the [`Truth`] the leaves answer with:
//! - `bool`: does the condition hold (the engine);
//! - [`Tri`]: does it hold everywhere in a range of states, nowhere, or may it go either way
//!   (the explainer's bounds);
//! - any other type implementing [`Truth`] (the explainer's distance to the threshold).

use crate::rulebook::Condition;

/// What a condition evaluates to: a truth with `and`, `or` and `not`.
///
/// [`eval`] short-circuits `all` once a part is [`Truth::never`] and `any` once a part is
/// [`Truth::surely`], so an implementation must make those absorbing: `never ∧ x = never`,
/// `surely ∨ x = surely`.
pub trait Truth: Sized {
    /// The truth of a plain yes or no.
    fn of(b: bool) -> Self;
    /// Both hold.
    fn and(self, other: Self) -> Self;
    /// At least one holds.
    fn or(self, other: Self) -> Self;
    /// It does not hold.
    fn not(self) -> Self;
    /// Certainly true: `any` can stop here.
    fn surely(&self) -> bool;
    /// Certainly false: `all` can stop here.
    fn never(&self) -> bool;
}

impl Truth for bool {
    fn of(b: bool) -> Self {
        b
    }
    fn and(self, other: Self) -> Self {
        self && other
    }
    fn or(self, other: Self) -> Self {
        self || other
    }
    fn not(self) -> Self {
        !self
    }
    fn surely(&self) -> bool {
        *self
    }
    fn never(&self) -> bool {
        !*self
    }
}

/// A three-valued truth: holds for every state considered, for none, or for some.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    /// Holds for every state.
    True,
    /// Holds for none.
    False,
    /// Holds for some states, or cannot be told.
    Unknown,
}

impl Truth for Tri {
    fn of(b: bool) -> Self {
        if b {
            Tri::True
        } else {
            Tri::False
        }
    }
    fn and(self, o: Self) -> Self {
        match (self, o) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }
    fn or(self, o: Self) -> Self {
        match (self, o) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }
    fn not(self) -> Self {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
    fn surely(&self) -> bool {
        *self == Tri::True
    }
    fn never(&self) -> bool {
        *self == Tri::False
    }
}

/// Evaluates `condition`, asking `leaf` for the truth of every leaf it reaches (anything but
/// `always`, `all`, `any` and `not`). Parts are evaluated in order; `all` stops at the first part
/// that is certainly false, `any` at the first that is certainly true.
///
/// ```
/// use placement_core::kernel::eval;
/// use placement_core::rulebook::{Condition, Fact};
/// let c = Condition::Any(vec![Condition::Fact(Fact::EuMember), Condition::Always]);
/// let mut asked = 0;
/// let holds: bool = eval(&c, &mut |_| { asked += 1; false });
/// assert!(holds);
/// assert_eq!(asked, 1);
/// ```
pub fn eval<T: Truth>(condition: &Condition, leaf: &mut impl FnMut(&Condition) -> T) -> T {
    match condition {
        Condition::Always => T::of(true),
        Condition::All(parts) => {
            let mut acc = T::of(true);
            for p in parts {
                acc = acc.and(eval(p, leaf));
                if acc.never() {
                    break;
                }
            }
            acc
        }
        Condition::Any(parts) => {
            let mut acc = T::of(false);
            for p in parts {
                acc = acc.or(eval(p, leaf));
                if acc.surely() {
                    break;
                }
            }
            acc
        }
        Condition::Not(inner) => eval(inner, leaf).not(),
        other => leaf(other),
    }
}
