//! Renders a [`Report`] as plain text or Markdown. The report is data; this module only formats
//! it, and never computes a value.

use std::fmt::Write;

use crate::analysis::{Change, Report};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text for a terminal.
    Text,
    /// GitHub-flavoured Markdown.
    Markdown,
}

fn eur(x: f64) -> String {
    let n = x.round() as i64;
    let s = n.abs().to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    format!("EUR {}{out}", if n < 0 { "-" } else { "" })
}

/// Renders the report.
pub fn render(r: &Report, format: Format) -> String {
    let md = format == Format::Markdown;
    let mut s = String::new();
    let h = |s: &mut String, t: &str| {
        if md {
            let _ = writeln!(s, "\n## {t}\n");
        } else {
            let _ = writeln!(s, "\n{t}\n{}", "-".repeat(t.chars().count()));
        }
    };
    if r.illustrative {
        let _ = writeln!(s, "ILLUSTRATIVE INPUT — not an official assessment.");
    }
    if md {
        let _ = writeln!(s, "\n# Network plan\n\n{}", r.title);
    } else {
        let _ = writeln!(s, "Network plan | {}", r.title);
    }
    let sol = &r.solution;
    let p = &sol.exact;
    if sol.time_limit_hit {
        let _ = writeln!(
            s,
            "\nTIME LIMIT REACHED: the search stopped after {} s before proving optimality; the plan below is the best found, at most {:.2} % below the optimum (proven bound {:.1}).",
            sol.time_limit_s.unwrap_or(0.0),
            sol.proven_gap * 100.0,
            p.value / (1.0 - sol.proven_gap).max(f64::MIN_POSITIVE)
        );
    }
    let _ = writeln!(
        s,
        "\n{}: value {:.1} with {} liaisons ({} NP, {} KMar) at {} per year, {} posts.",
        if sol.time_limit_hit {
            "Best plan found"
        } else {
            "Exact optimum"
        },
        p.value,
        p.staffing.total(),
        p.staffing.police,
        p.staffing.marechaussee,
        eur(p.cost),
        p.choices.len()
    );
    match (&sol.greedy, sol.gap) {
        (Some(g), Some(gap)) => {
            let _ = writeln!(
                s,
                "Greedy heuristic: value {:.1} (gap {:.2} % below the {}).",
                g.value,
                gap * 100.0,
                if sol.time_limit_hit {
                    "best plan found"
                } else {
                    "optimum"
                }
            );
        }
        _ => {
            let _ = writeln!(s, "Greedy heuristic: could not meet the locks and minima.");
        }
    }
    let _ = writeln!(
        s,
        "MIP: {} binary option variables, {} coverage-level variables, {} constraints; {} options fixed by the bound test, {} branch-and-bound nodes (microlp).",
        sol.size.binaries, sol.size.levels, sol.size.constraints, sol.size.fixed, sol.size.nodes
    );

    if r.secondary_time_limit_hits > 0 {
        let _ = writeln!(
            s,
            "Note: {} secondary solve(s) (value curve, shadow prices, re-solves, comparisons) stopped at their time limit; their values are the best found, not proven optima.",
            r.secondary_time_limit_hits
        );
    }

    h(&mut s, "Chosen posts (by value lost without them)");
    let bar = if md { "| " } else { "" };
    let sep = if md { " | " } else { "  " };
    let _ = writeln!(
        s,
        "{bar}{:<22}{sep}{:<8}{sep}{:<8}{sep}{:>9}{sep}{:>9}{sep}countries",
        "post", "staff", "2025", "drop loss", "re-solved"
    );
    if md {
        let _ = writeln!(s, "|---|---|---|--:|--:|---|");
    }
    for c in &r.posts {
        let covers = c
            .covers
            .iter()
            .map(|(code, f)| format!("{code} {f:.2}"))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            s,
            "{bar}{:<22}{sep}{:<8}{sep}{:<8}{sep}{:>9.1}{sep}{:>9}{sep}{covers}",
            c.post,
            c.staffing,
            c.existing.as_deref().unwrap_or("new"),
            c.drop_loss,
            c.resolve_loss
                .map_or("-".to_string(), |v| format!("{v:.1}"))
        );
    }

    h(&mut s, "Constraints at the optimum");
    for b in &r.binding {
        let _ = writeln!(
            s,
            "{}{}: used {:.0} of {:.0}{}; relaxing it gains {}",
            if md { "- " } else { "" },
            b.constraint,
            b.used,
            b.limit,
            if b.binding {
                " — BINDING"
            } else {
                " — slack"
            },
            b.shadow.map_or("n/a".to_string(), |v| format!("{v:.1}"))
        );
    }

    h(&mut s, "Best post left out");
    match &r.best_excluded {
        Some(e) => {
            let _ = writeln!(
                s,
                "{} ({}) would add {:.1} on top of the plan; blocked by {}.",
                e.post,
                e.staffing,
                e.gain_if_added,
                if e.blocked_by.is_empty() {
                    "nothing (it adds no value)".to_string()
                } else {
                    e.blocked_by.join(", ")
                }
            );
            if let Some(loss) = e.forced_loss {
                let _ = writeln!(s, "Forcing it in lowers the optimum by {loss:.1}.");
            }
            if let Some((post, v)) = &e.weakest_chosen {
                let _ = writeln!(
                    s,
                    "The weakest chosen post, {post}, adds {v:.1} on its own."
                );
            }
        }
        None => {
            let _ = writeln!(s, "Every allowed post is in the plan.");
        }
    }

    h(&mut s, "Uncovered countries and regions");
    let top: Vec<String> = r
        .uncovered
        .iter()
        .take(12)
        .map(|(c, n, v)| format!("{c} {n} ({v:.1})"))
        .collect();
    let _ = writeln!(
        s,
        "{} countries with value uncovered{}{}",
        r.uncovered.len(),
        if top.is_empty() { "." } else { "; highest: " },
        top.join(", ")
    );
    for g in &r.regions {
        if g.covered == 0 && g.value_total > 0.0 {
            let _ = writeln!(
                s,
                "{}region {} uncovered ({} countries, value {:.1})",
                if md { "- " } else { "  " },
                g.region.id(),
                g.countries,
                g.value_total
            );
        }
    }

    h(&mut s, "Value curve");
    let _ = writeln!(
        s,
        "{bar}{:>8}{sep}{:>9}{sep}{:>9}{sep}{:>7}",
        "capacity", "exact", "greedy", "gap %"
    );
    if md {
        let _ = writeln!(s, "|--:|--:|--:|--:|");
    }
    for c in &r.curve {
        let gap = match (c.exact, c.greedy) {
            (Some(e), Some(g)) if e > 0.0 => format!("{:.2}", (e - g) / e * 100.0),
            _ => "-".to_string(),
        };
        let f = |v: Option<f64>| v.map_or("infeasible".to_string(), |v| format!("{v:.1}"));
        let _ = writeln!(
            s,
            "{bar}{:>8}{sep}{:>9}{sep}{:>9}{sep}{:>7}",
            c.capacity,
            f(c.exact),
            f(c.greedy),
            gap
        );
    }

    for cmp in &r.comparisons {
        h(
            &mut s,
            &format!("Against the 2025 network: plan at {}", cmp.label),
        );
        let _ = writeln!(
            s,
            "2025 network: value {:.1} with {} liaisons ({}). Plan: value {:.1} with {} liaisons. {} posts kept as they are.",
            cmp.value_2025,
            cmp.liaisons_2025,
            eur(cmp.cost_2025),
            cmp.value_plan,
            cmp.liaisons_plan,
            cmp.kept
        );
        let list = |s: &mut String, title: &str, v: &[Change]| {
            if v.is_empty() {
                return;
            }
            let _ = writeln!(s, "{title}:");
            for c in v {
                let _ = writeln!(
                    s,
                    "{}{} [{} → {}] {:.1} — {} (covers {})",
                    if md { "- " } else { "  " },
                    c.post,
                    c.before.as_deref().unwrap_or("none"),
                    c.after.as_deref().unwrap_or("none"),
                    c.value,
                    c.reason,
                    c.countries.join(" ")
                );
            }
        };
        list(&mut s, "Added", &cmp.added);
        list(&mut s, "Dropped", &cmp.dropped);
        list(&mut s, "Restaffed", &cmp.restaffed);
    }
    s
}
