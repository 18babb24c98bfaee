//! The greedy heuristic: repeatedly take the move (open a post, or change a post's staffing)
//! with the largest marginal value per euro, ties broken by host country code, post id and
//! option order. Locks and region minima are met first, by the same rule restricted to them.

use std::cmp::Ordering;

use crate::constraints::{Group, Resolved};
use crate::model::{Choice, Instance, Plan};

/// A candidate move: choose `option` at `post` (replacing the post's current option).
#[derive(Debug, Clone, Copy)]
struct Move {
    post: usize,
    option: usize,
    gain: f64,
    ratio: f64,
}

/// The greedy plan, or `None` when the greedy rule cannot meet the locks and region minima
/// (the exact solver may still find a plan).
///
/// # Complexity
/// O(L × M × K) for L liaisons placed, M options and K covered countries per option.
pub fn greedy(instance: &Instance, resolved: &Resolved) -> Option<Plan> {
    let mut current: Vec<Option<usize>> = vec![None; instance.posts.len()];
    let mut best = vec![0.0_f64; instance.countries.len()];
    // Locks first, then region minima, then free improvement.
    for g in resolved.locks.iter().chain(&resolved.regions) {
        while chosen_in(&current, g) < g.min {
            let m = best_move(instance, resolved, &current, &best, Some(g), true)?;
            apply(instance, &mut current, &mut best, m);
        }
    }
    while let Some(m) = best_move(instance, resolved, &current, &best, None, false) {
        apply(instance, &mut current, &mut best, m);
    }
    let choices: Vec<Choice> = current
        .iter()
        .enumerate()
        .filter_map(|(p, o)| o.map(|o| (p, o)))
        .collect();
    resolved
        .groups_met(&choices)
        .then(|| instance.plan(&choices))
}

fn chosen_in(current: &[Option<usize>], g: &Group) -> u32 {
    g.posts.iter().filter(|&&p| current[p].is_some()).count() as u32
}

fn apply(instance: &Instance, current: &mut [Option<usize>], best: &mut [f64], m: Move) {
    current[m.post] = Some(m.option);
    let choices: Vec<Choice> = current
        .iter()
        .enumerate()
        .filter_map(|(p, o)| o.map(|o| (p, o)))
        .collect();
    best.copy_from_slice(&instance.coverage(&choices));
}

/// The best feasible move; `within` restricts to opening posts of a group; `forced` accepts a
/// move without gain (to meet a lock or minimum).
fn best_move(
    instance: &Instance,
    resolved: &Resolved,
    current: &[Option<usize>],
    best: &[f64],
    within: Option<&Group>,
    forced: bool,
) -> Option<Move> {
    let (mut staff, mut cost) = (crate::model::Staffing::POLICE, 0.0);
    staff.police = 0;
    for (p, o) in current.iter().enumerate() {
        if let Some(opt) = o.and_then(|o| instance.option(p, o)) {
            staff.police += opt.staffing.police;
            staff.marechaussee += opt.staffing.marechaussee;
            cost += opt.cost;
        }
    }
    let mut top: Option<Move> = None;
    for (p, post) in instance.posts.iter().enumerate() {
        if let Some(g) = within {
            if current[p].is_some() || !g.posts.contains(&p) {
                continue;
            }
        }
        for (o, option) in post.options.iter().enumerate() {
            if current[p] == Some(o) || !resolved.is_allowed(p, o) {
                continue;
            }
            let (mut s, mut c) = (staff, cost + option.cost);
            s.police += option.staffing.police;
            s.marechaussee += option.staffing.marechaussee;
            let gain = match current[p].and_then(|o| instance.option(p, o)) {
                None => option
                    .covers
                    .iter()
                    .map(|cv| {
                        instance.countries[cv.country].value
                            * (cv.factor - best[cv.country]).max(0.0)
                    })
                    .sum::<f64>(),
                Some(old) => {
                    s.police -= old.staffing.police;
                    s.marechaussee -= old.staffing.marechaussee;
                    c -= old.cost;
                    switch_gain(instance, current, p, o)
                }
            };
            if !resolved.fits(s, c) || (!forced && gain <= 1e-9) {
                continue;
            }
            let extra_cost = c - cost;
            let ratio = if extra_cost > 1e-9 {
                gain / extra_cost
            } else {
                f64::INFINITY
            };
            let m = Move {
                post: p,
                option: o,
                gain,
                ratio,
            };
            if top.is_none_or(|t| better(instance, &m, &t)) {
                top = Some(m);
            }
        }
    }
    top
}

/// Value change when post `p` switches to option `o`.
fn switch_gain(instance: &Instance, current: &[Option<usize>], p: usize, o: usize) -> f64 {
    let mut choices: Vec<Choice> = current
        .iter()
        .enumerate()
        .filter_map(|(q, x)| x.map(|x| (q, x)))
        .collect();
    let before = instance.value_of(&choices);
    for ch in &mut choices {
        if ch.0 == p {
            ch.1 = o;
        }
    }
    instance.value_of(&choices) - before
}

/// Larger ratio, then larger gain, then host code, post id, option order.
fn better(instance: &Instance, a: &Move, b: &Move) -> bool {
    let key = |m: &Move| (instance.posts[m.post].host, m.post, m.option);
    match a.ratio.total_cmp(&b.ratio) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => match a.gain.total_cmp(&b.gain) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => key(a) < key(b),
        },
    }
}
