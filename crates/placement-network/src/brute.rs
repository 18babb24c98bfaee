//! Exhaustive search over every plan: the reference the exact solver is tested against.

use crate::constraints::Resolved;
use crate::model::{Choice, Instance, Plan};

/// The best plan by enumerating every combination of options (at most one per post).
/// Ties go to the first plan in enumeration order. `None` when no plan is feasible.
///
/// # Complexity
/// O(Π_p (1 + options_p)): only for small instances (tests); returns `None` above 2^22 plans.
pub fn brute_force(instance: &Instance, resolved: &Resolved) -> Option<Plan> {
    let radix: Vec<usize> = instance.posts.iter().map(|p| p.options.len() + 1).collect();
    let total = radix
        .iter()
        .try_fold(1usize, |acc, &r| acc.checked_mul(r))?;
    if total > 1 << 22 {
        return None;
    }
    let mut best: Option<Plan> = None;
    let mut digits = vec![0usize; radix.len()];
    for _ in 0..total {
        let choices: Vec<Choice> = digits
            .iter()
            .enumerate()
            .filter(|(_, &d)| d > 0)
            .map(|(p, &d)| (p, d - 1))
            .collect();
        if resolved.is_feasible(instance, &choices) {
            let plan = instance.plan(&choices);
            if best.as_ref().is_none_or(|b| plan.value > b.value + 1e-9) {
                best = Some(plan);
            }
        }
        for (d, r) in digits.iter_mut().zip(&radix) {
            *d += 1;
            if *d < *r {
                break;
            }
            *d = 0;
        }
    }
    best
}
