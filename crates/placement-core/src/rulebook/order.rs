//! Whole-rulebook checks and evaluation order: references to later stages, conflicts at equal
//! salience, and dependency cycles among `fired` conditions (petgraph).

use std::collections::BTreeMap;

use petgraph::graphmap::DiGraphMap;

use super::model::*;
use crate::error::{IssueArgs, Issues};

fn collect_fired<'a>(c: &'a Condition, out: &mut Vec<&'a str>) {
    match c {
        Condition::All(v) | Condition::Any(v) => v.iter().for_each(|c| collect_fired(c, out)),
        Condition::Not(b) => collect_fired(b, out),
        Condition::Fired(id) => out.push(id),
        _ => {}
    }
}

fn uses<'a>(c: &'a Condition, pred: &dyn Fn(&Condition) -> bool) -> bool {
    pred(c)
        || match c {
            Condition::All(v) | Condition::Any(v) => v.iter().any(|c| uses(c, pred)),
            Condition::Not(b) => uses(b, pred),
            _ => false,
        }
}

/// Orders rules for evaluation and checks what depends on the whole set: references to later
/// stages, conflicts at equal salience, and dependency cycles (petgraph).
pub(super) fn order_and_check(mut rules: Vec<Rule>, issues: &mut Issues) -> Vec<Rule> {
    let stage_of: BTreeMap<String, Stage> = rules.iter().map(|r| (r.id.clone(), r.stage)).collect();
    let mut graph: DiGraphMap<usize, ()> = DiGraphMap::new();
    for i in 0..rules.len() {
        graph.add_node(i);
    }
    let index: BTreeMap<&str, usize> = rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    for (i, r) in rules.iter().enumerate() {
        let field = format!("rule[{}].when", r.id);
        let mut deps = Vec::new();
        collect_fired(&r.when, &mut deps);
        for d in deps {
            if let (Some(&s), Some(&j)) = (stage_of.get(d), index.get(d)) {
                if s > r.stage {
                    issues.push(&field, d, IssueArgs::DependsOnLaterStage { stage: s });
                } else if s == r.stage {
                    graph.add_edge(j, i, ());
                }
            }
        }
        if r.stage < Stage::Instrument && uses(&r.when, &|c| matches!(c, Condition::Instrument(_)))
        {
            issues.push(
                &field,
                "instrument",
                IssueArgs::DecidedLater {
                    stage: Stage::Instrument,
                },
            );
        }
        if r.stage < Stage::Class && uses(&r.when, &|c| matches!(c, Condition::Class(_))) {
            issues.push(
                &field,
                "class",
                IssueArgs::DecidedLater {
                    stage: Stage::Class,
                },
            );
        }
        if r.stage != Stage::Network
            && uses(&r.when, &|c| {
                matches!(c, Condition::Fact(Fact::AccreditationHostPlaced))
            })
        {
            issues.push(&field, "accreditation_host_placed", IssueArgs::NetworkOnly);
        }
    }
    for scc in petgraph::algo::tarjan_scc(&graph) {
        let cyclic = scc.len() > 1 || scc.first().is_some_and(|&n| graph.contains_edge(n, n));
        if cyclic {
            let mut names: Vec<&str> = scc.iter().map(|&i| rules[i].id.as_str()).collect();
            names.sort_unstable();
            issues.push(
                "rule",
                names.join(" -> "),
                IssueArgs::Cycle {
                    rules: names.iter().map(|n| n.to_string()).collect(),
                },
            );
        }
    }
    // Conflicts: in first-match stages, two enabled rules at equal salience with different
    // effects would make the outcome depend on file order.
    for (a_i, a) in rules.iter().enumerate() {
        for b in rules.iter().skip(a_i + 1) {
            if a.enabled
                && b.enabled
                && a.stage == b.stage
                && a.stage.first_match_wins()
                && a.salience == b.salience
                && a.then != b.then
            {
                issues.push(
                    format!("rule[{}]", b.id),
                    format!("{} vs {}", a.id, b.id),
                    IssueArgs::Conflict {
                        stage: a.stage,
                        salience: a.salience,
                        first: a.then.clone(),
                        second: b.then.clone(),
                    },
                );
            }
        }
    }
    // Order: stage, then dependencies (Kahn with a deterministic tie-break), salience high to
    // low, id.
    let key = |r: &Rule| (r.stage, -r.salience, r.id.clone());
    let mut order: Vec<usize> = Vec::with_capacity(rules.len());
    let mut placed = vec![false; rules.len()];
    let mut remaining: Vec<usize> = (0..rules.len()).collect();
    remaining.sort_by_key(|&i| key(&rules[i]));
    while order.len() < rules.len() {
        let next = remaining.iter().copied().find(|&i| {
            !placed[i]
                && graph
                    .neighbors_directed(i, petgraph::Direction::Incoming)
                    .all(|j| placed[j] || j == i)
        });
        // In a cycle (already reported) fall back to the first unplaced rule.
        let next = next.or_else(|| remaining.iter().copied().find(|&i| !placed[i]));
        let Some(n) = next else { break };
        placed[n] = true;
        order.push(n);
    }
    let mut slots: Vec<Option<Rule>> = rules.drain(..).map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}
