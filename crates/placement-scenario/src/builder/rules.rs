//! Rule changes (switches, thresholds) and resources (capacity, budget, posts).

use placement_core::CountryCode;

use crate::change::ChangeKind;
use placement_text::Lang;

use crate::error::ProblemCode;
use crate::file::RawScenario;

use super::Builder;

/// The message for a rule id the rulebook does not have, listing the ids it has.
pub(crate) fn unknown_rule(rulebook: &placement_core::Rulebook, id: &str) -> String {
    let ids: Vec<&str> = rulebook.rules().iter().map(|r| r.id.as_str()).collect();
    format!(
        "rulebook {} has no rule {id:?}; its rules are: {}",
        rulebook.id(),
        ids.join(", ")
    )
}

impl Builder<'_> {
    pub(crate) fn rules(&mut self, raw: &RawScenario) {
        for (i, r) in raw.rule.iter().enumerate() {
            let start = self.src.section("rule", Some("id"), i);
            let line = self.src.key_in(start, "id");
            let field = format!("rule[{i}]");
            if self.work.rulebook.rule(&r.id).is_none() {
                self.problem(
                    ProblemCode::UnknownRule,
                    line,
                    format!("{field}.id"),
                    unknown_rule(&self.work.rulebook, &r.id),
                );
                continue;
            }
            if let Some(e) = r.enabled {
                let l = self.src.key_in(start, "enabled");
                // Switching a rule on can make it conflict with another at equal salience.
                let mut probe = self.work.rulebook.clone();
                match probe.set_rule_enabled(&r.id, e) {
                    Ok(()) => self.push_nl(
                        ChangeKind::RuleEnabled {
                            rule: r.id.clone(),
                            enabled: e,
                        },
                        r.source.clone(),
                        r.source_nl.clone(),
                        l,
                    ),
                    Err(err) => {
                        for i in err.issues() {
                            self.problem(
                                ProblemCode::Contradiction,
                                l,
                                format!("{field}.enabled"),
                                Lang::En.issue(i),
                            );
                        }
                    }
                }
            }
            for t in &r.threshold {
                let l = self.src.key_in(start, "threshold");
                let mut probe = self.work.rulebook.clone();
                if !t.value.is_finite() {
                    self.problem(
                        ProblemCode::OutOfRange,
                        l,
                        format!("{field}.threshold.{}", t.id),
                        "a threshold must be a finite number",
                    );
                } else if probe.set_threshold(&r.id, &t.id, t.value).is_err() {
                    self.problem(
                        ProblemCode::UnknownRule,
                        l,
                        format!("{field}.threshold.id"),
                        format!("rule {} compares no criterion or metric {:?}", r.id, t.id),
                    );
                } else {
                    self.push_nl(
                        ChangeKind::Threshold {
                            rule: r.id.clone(),
                            on: t.id.clone(),
                            value: t.value,
                        },
                        r.source.clone(),
                        r.source_nl.clone(),
                        l,
                    );
                }
            }
        }
    }

    pub(crate) fn resources(&mut self, raw: &RawScenario) {
        if let Some(c) = &raw.capacity {
            let line = self.src.section("capacity", None, 0);
            let mut cap = self.work.capacity;
            if c.police.is_some() {
                cap.police = c.police;
            }
            if c.marechaussee.is_some() {
                cap.marechaussee = c.marechaussee;
            }
            self.push_nl(
                ChangeKind::Capacity(cap),
                c.source.clone(),
                c.source_nl.clone(),
                line,
            );
        }
        if let Some(b) = &raw.budget {
            let line = self.src.section("budget", None, 0);
            let mut budget = self.work.budget.clone();
            if b.total_eur.is_some() {
                budget.total_eur = b.total_eur;
            }
            if let Some(c) = b.cost_per_placement_eur {
                if c == 0 {
                    self.problem(
                        ProblemCode::OutOfRange,
                        self.src.key_in(line, "cost_per_placement_eur"),
                        "budget.cost_per_placement_eur",
                        "a placement cannot cost nothing; give the cost in euro",
                    );
                }
                budget.cost_per_placement_eur = c;
            }
            for (code, cost) in &b.cost_by_country {
                let l = self.src.key_in(line, code);
                if let Some(c) = self.country(code, l, "budget.cost_by_country") {
                    budget.cost_by_country.insert(c, *cost);
                }
            }
            self.push_nl(
                ChangeKind::Budget(budget),
                b.source.clone(),
                b.source_nl.clone(),
                line,
            );
        }
        let start = self.src.section("posts", None, 0);
        let mut seen = std::collections::BTreeSet::new();
        for (list, locked) in [(&raw.posts.lock_in, true), (&raw.posts.rule_out, false)] {
            let field = if locked {
                "posts.lock_in"
            } else {
                "posts.rule_out"
            };
            for code in list {
                let line = self.src.key_in(start, &format!("\"{code}\""));
                let Some(c) = self.country(code, line, field) else {
                    continue;
                };
                if !seen.insert(c) {
                    let both = raw
                        .posts
                        .lock_in
                        .iter()
                        .chain(&raw.posts.rule_out)
                        .filter(|x| CountryCode::parse(x) == Ok(c))
                        .count()
                        > 1
                        && raw
                            .posts
                            .lock_in
                            .iter()
                            .any(|x| CountryCode::parse(x) == Ok(c))
                        && raw
                            .posts
                            .rule_out
                            .iter()
                            .any(|x| CountryCode::parse(x) == Ok(c));
                    if both {
                        self.problem(
                            ProblemCode::Contradiction,
                            line,
                            field,
                            format!("{c} is both locked in and ruled out; keep one"),
                        );
                    } else {
                        self.problem(
                            ProblemCode::Duplicate,
                            line,
                            field,
                            format!("{c} is listed twice"),
                        );
                    }
                    continue;
                }
                self.push(
                    ChangeKind::Post {
                        country: c,
                        locked_in: locked,
                    },
                    None,
                    line,
                );
            }
        }
    }
}
