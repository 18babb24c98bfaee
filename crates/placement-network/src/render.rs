//! Renders a [`Report`] as plain text or Markdown, in English or Dutch. The report is data;
//! this module only formats it, and never computes a value. Numbers follow the language
//! (decimal comma and thousands point in Dutch); constraints and reasons are typed in the
//! report ([`Limit`], [`Why`]) and named here.

use std::fmt::Write;

use placement_text::{num, num_full, Lang};

use crate::analysis::{Change, Limit, Report, Why};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text for a terminal.
    Text,
    /// GitHub-flavoured Markdown.
    Markdown,
}

/// Whole euros with thousands separators: `EUR 8,400,000` (Dutch `EUR 8.400.000`).
fn eur(lang: Lang, x: f64) -> String {
    let n = x.round() as i64;
    let s = n.abs().to_string();
    let sep = lang.pick(",", ".");
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    format!("EUR {}{out}", if n < 0 { "−" } else { "" })
}

/// A post id as words: a candidate post is marked in the language.
fn post(lang: Lang, id: &str) -> String {
    match id.strip_suffix(" (candidate)") {
        Some(host) => format!("{host} ({})", lang.pick("candidate", "kandidaat")),
        None => id.to_string(),
    }
}

/// A limit of the plan as words.
fn limit(lang: Lang, l: &Limit) -> String {
    match *l {
        Limit::Capacity { liaisons } => format!(
            "{} {liaisons} {}",
            lang.pick("capacity", "capaciteit"),
            lang.pick("liaisons", "liaisons")
        ),
        Limit::PoliceCapacity { liaisons } => {
            format!(
                "{} {liaisons}",
                lang.pick("police capacity", "capaciteit politie")
            )
        }
        Limit::MarechausseeCapacity { liaisons } => {
            format!(
                "{} {liaisons}",
                lang.pick("KMar capacity", "capaciteit KMar")
            )
        }
        Limit::Budget { eur: b } => format!("{} {}", lang.pick("budget", "budget"), eur(lang, b)),
        Limit::Locks { count } => format!(
            "{count} {}",
            lang.pick("posts locked in", "vastgezette posten")
        ),
        Limit::RegionMinima { count } => format!(
            "{count} {}",
            lang.pick("regional minima", "regionale minima")
        ),
    }
}

/// Why a post differs from 2025, as words.
fn why(lang: Lang, w: &Why) -> String {
    match *w {
        Why::Covers { value } => match lang {
            Lang::En => format!(
                "adds {} in the plan that no 2025 post covers as well",
                num(lang, value, 1)
            ),
            Lang::Nl => format!(
                "voegt in het plan {} toe die geen post van 2025 even goed dekt",
                num(lang, value, 1)
            ),
        },
        Why::Redundant => lang
            .pick(
                "adds nothing in 2025: other posts already cover its countries as well",
                "voegt in 2025 niets toe: andere posten dekken zijn landen al even goed",
            )
            .to_string(),
        Why::LowValue { value, liaisons } => match lang {
            Lang::En => format!(
                "adds only {} for {liaisons} liaison(s) in 2025; under the capacity the place serves more elsewhere",
                num(lang, value, 1)
            ),
            Lang::Nl => format!(
                "voegt in 2025 maar {} toe voor {liaisons} liaison(s); binnen de capaciteit levert de plaats elders meer op",
                num(lang, value, 1)
            ),
        },
        Why::Frees { liaisons, loss } => match lang {
            Lang::En => format!(
                "frees {liaisons} liaison(s) at a loss of {}, less than the place serves elsewhere",
                num(lang, loss, 1)
            ),
            Lang::Nl => format!(
                "maakt {liaisons} liaison(s) vrij tegen een verlies van {}, minder dan de plaats elders oplevert",
                num(lang, loss, 1)
            ),
        },
        Why::Restaffed { value } => match lang {
            Lang::En => format!(
                "the new staffing adds {} within the plan",
                num(lang, value, 1)
            ),
            Lang::Nl => format!(
                "de nieuwe bezetting voegt binnen het plan {} toe",
                num(lang, value, 1)
            ),
        },
    }
}

/// A country's name in the language, from its code (the code itself if unknown).
fn country_name(lang: Lang, code: &str, en: &str) -> String {
    match (lang, placement_core::CountryCode::parse(code)) {
        (Lang::Nl, Ok(c)) => c.facts().name_nl.clone(),
        _ => en.to_string(),
    }
}

/// Renders the report in English.
pub fn render(r: &Report, format: Format) -> String {
    render_in(r, format, Lang::En)
}

/// Renders the report in `lang`.
pub fn render_in(r: &Report, format: Format, lang: Lang) -> String {
    let md = format == Format::Markdown;
    let l = |en: &'static str, nl: &'static str| lang.pick(en, nl);
    let n1 = |x: f64| num(lang, x, 1);
    let mut s = String::new();
    let h = |s: &mut String, t: &str| {
        if md {
            let _ = writeln!(s, "\n## {t}\n");
        } else {
            let _ = writeln!(s, "\n{t}\n{}", "-".repeat(t.chars().count()));
        }
    };
    if r.illustrative {
        let _ = writeln!(s, "{}", lang.illustrative_notice());
    }
    let title = lang.shipped_in(&r.title);
    if md {
        let _ = writeln!(s, "\n# {}\n\n{title}", l("Network plan", "Netwerkplan"));
    } else {
        let _ = writeln!(s, "{} | {title}", l("Network plan", "Netwerkplan"));
    }
    let sol = &r.solution;
    let p = &sol.exact;
    if sol.time_limit_hit {
        let secs = num_full(lang, sol.time_limit_s.unwrap_or(0.0), 0);
        let gap = num(lang, sol.proven_gap * 100.0, 2);
        let bound = n1(p.value / (1.0 - sol.proven_gap).max(f64::MIN_POSITIVE));
        let _ = match lang {
            Lang::En => writeln!(
                s,
                "\nTIME LIMIT REACHED: the search stopped after {secs} s before proving optimality; the plan below is the best found, at most {gap} % below the optimum (proven bound {bound})."
            ),
            Lang::Nl => writeln!(
                s,
                "\nTIJDSLIMIET BEREIKT: het zoeken stopte na {secs} s, vóór het bewijs van optimaliteit; het plan hieronder is het beste gevonden, ten hoogste {gap} % onder het optimum (bewezen grens {bound})."
            ),
        };
    }
    let _ = writeln!(
        s,
        "\n{} {} {} {} {} ({} NP, {} KMar) {} {} {}, {} {}.",
        if sol.time_limit_hit {
            l("Best plan found: value", "Beste gevonden plan: waarde")
        } else {
            l("Exact optimum: value", "Exact optimum: waarde")
        },
        n1(p.value),
        l("with", "met"),
        p.staffing.total(),
        l("liaisons", "liaisons"),
        p.staffing.police,
        p.staffing.marechaussee,
        l("at", "voor"),
        eur(lang, p.cost),
        l("per year", "per jaar"),
        p.choices.len(),
        l("posts", "posten")
    );
    match (&sol.greedy, sol.gap) {
        (Some(g), Some(gap)) => {
            let _ = writeln!(
                s,
                "{} {} ({} {} %).",
                l("Greedy heuristic: value", "Gretige heuristiek: waarde"),
                n1(g.value),
                if sol.time_limit_hit {
                    l(
                        "below the best plan found by",
                        "onder het beste gevonden plan met",
                    )
                } else {
                    l("below the optimum by", "onder het optimum met")
                },
                num(lang, gap * 100.0, 2)
            );
        }
        _ => {
            let _ = writeln!(
                s,
                "{}",
                l(
                    "Greedy heuristic: could not meet the locks and minima.",
                    "Gretige heuristiek: kon niet aan de vastgezette posten en minima voldoen."
                )
            );
        }
    }
    let z = &sol.size;
    let _ = match lang {
        Lang::En => writeln!(
            s,
            "MIP: {} binary option variables, {} coverage-level variables, {} constraints; {} options fixed by the bound test, {} branch-and-bound nodes (microlp).",
            z.binaries, z.levels, z.constraints, z.fixed, z.nodes
        ),
        Lang::Nl => writeln!(
            s,
            "MIP: {} binaire optievariabelen, {} dekkingsvariabelen, {} beperkingen; {} opties vastgelegd door de grenstoets, {} knopen in branch-and-bound (microlp).",
            z.binaries, z.levels, z.constraints, z.fixed, z.nodes
        ),
    };

    if r.secondary_time_limit_hits > 0 {
        let _ = match lang {
            Lang::En => writeln!(
                s,
                "Note: {} secondary solve(s) (value curve, shadow prices, re-solves, comparisons) stopped at their time limit; their values are the best found, not proven optima.",
                r.secondary_time_limit_hits
            ),
            Lang::Nl => writeln!(
                s,
                "Let op: {} aanvullende berekening(en) (waardecurve, schaduwprijzen, herberekeningen, vergelijkingen) stopten bij hun tijdslimiet; hun waarden zijn de beste gevonden, geen bewezen optima.",
                r.secondary_time_limit_hits
            ),
        };
    }

    h(
        &mut s,
        l(
            "Chosen posts (by value lost without them)",
            "Gekozen posten (naar waarde die zonder hen verloren gaat)",
        ),
    );
    let bar = if md { "| " } else { "" };
    let sep = if md { " | " } else { "  " };
    let _ = writeln!(
        s,
        "{bar}{:<22}{sep}{:<9}{sep}{:<8}{sep}{:>9}{sep}{:>11}{sep}{}",
        l("post", "post"),
        l("staff", "bezetting"),
        "2025",
        l("drop loss", "verlies"),
        l("re-solved", "herberekend"),
        l("countries", "landen")
    );
    if md {
        let _ = writeln!(s, "|---|---|---|--:|--:|---|");
    }
    for c in &r.posts {
        let covers = c
            .covers
            .iter()
            .map(|(code, f)| format!("{code} {}", num(lang, *f, 2)))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            s,
            "{bar}{:<22}{sep}{:<9}{sep}{:<8}{sep}{:>9}{sep}{:>11}{sep}{covers}",
            post(lang, &c.post),
            c.staffing,
            c.existing.as_deref().unwrap_or(l("new", "nieuw")),
            n1(c.drop_loss),
            c.resolve_loss.map_or("–".to_string(), n1)
        );
    }

    h(
        &mut s,
        l("Constraints at the optimum", "Beperkingen in het optimum"),
    );
    for b in &r.binding {
        let _ = writeln!(
            s,
            "{}{}: {} {} {} {}{}; {} {}",
            if md { "- " } else { "" },
            limit(lang, &b.limit_kind),
            l("used", "gebruikt"),
            num(lang, b.used, 0),
            l("of", "van"),
            num(lang, b.limit, 0),
            if b.binding {
                l(" — BINDING", " — BINDEND")
            } else {
                l(" — slack", " — ruimte over")
            },
            l("relaxing it gains", "verruimen levert op"),
            b.shadow.map_or(l("n/a", "n.v.t.").to_string(), n1)
        );
    }

    h(
        &mut s,
        l("Best post left out", "Beste post buiten het plan"),
    );
    match &r.best_excluded {
        Some(e) => {
            let blocked = if e.blocked.is_empty() {
                l(
                    "nothing (it adds no value)",
                    "niets (hij voegt geen waarde toe)",
                )
                .to_string()
            } else {
                e.blocked
                    .iter()
                    .map(|b| limit(lang, b))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = match lang {
                Lang::En => writeln!(
                    s,
                    "{} ({}) would add {} on top of the plan; blocked by {blocked}.",
                    post(lang, &e.post),
                    e.staffing,
                    n1(e.gain_if_added)
                ),
                Lang::Nl => writeln!(
                    s,
                    "{} ({}) zou bovenop het plan {} toevoegen; tegengehouden door {blocked}.",
                    post(lang, &e.post),
                    e.staffing,
                    n1(e.gain_if_added)
                ),
            };
            if let Some(loss) = e.forced_loss {
                let _ = writeln!(
                    s,
                    "{} {}.",
                    l(
                        "Forcing it in lowers the optimum by",
                        "Hem afdwingen verlaagt het optimum met"
                    ),
                    n1(loss)
                );
            }
            if let Some((p, v)) = &e.weakest_chosen {
                let _ = match lang {
                    Lang::En => writeln!(
                        s,
                        "The weakest chosen post, {}, adds {} on its own.",
                        post(lang, p),
                        n1(*v)
                    ),
                    Lang::Nl => writeln!(
                        s,
                        "De zwakste gekozen post, {}, voegt op zichzelf {} toe.",
                        post(lang, p),
                        n1(*v)
                    ),
                };
            }
        }
        None => {
            let _ = writeln!(
                s,
                "{}",
                l(
                    "Every allowed post is in the plan.",
                    "Elke toegestane post zit in het plan."
                )
            );
        }
    }

    h(
        &mut s,
        l(
            "Uncovered countries and regions",
            "Niet gedekte landen en regio's",
        ),
    );
    let top: Vec<String> = r
        .uncovered
        .iter()
        .take(12)
        .map(|(c, n, v)| format!("{c} {} ({})", country_name(lang, c, n), n1(*v)))
        .collect();
    let _ = writeln!(
        s,
        "{} {}{}{}",
        r.uncovered.len(),
        l(
            "countries with value uncovered",
            "landen met niet gedekte waarde"
        ),
        if top.is_empty() {
            "."
        } else {
            l("; highest: ", "; hoogste: ")
        },
        top.join(", ")
    );
    for g in &r.regions {
        if g.covered == 0 && g.value_total > 0.0 {
            let _ = match lang {
                Lang::En => writeln!(
                    s,
                    "{}region {} uncovered ({} countries, value {})",
                    if md { "- " } else { "  " },
                    lang.region(g.region),
                    g.countries,
                    n1(g.value_total)
                ),
                Lang::Nl => writeln!(
                    s,
                    "{}regio {} niet gedekt ({} landen, waarde {})",
                    if md { "- " } else { "  " },
                    lang.region(g.region),
                    g.countries,
                    n1(g.value_total)
                ),
            };
        }
    }

    h(&mut s, l("Value curve", "Waardecurve"));
    let _ = writeln!(
        s,
        "{bar}{:>10}{sep}{:>9}{sep}{:>9}{sep}{:>9}",
        l("capacity", "capaciteit"),
        l("exact", "exact"),
        l("greedy", "gretig"),
        l("gap %", "verschil %")
    );
    if md {
        let _ = writeln!(s, "|--:|--:|--:|--:|");
    }
    for c in &r.curve {
        let gap = match (c.exact, c.greedy) {
            (Some(e), Some(g)) if e > 0.0 => num(lang, (e - g) / e * 100.0, 2),
            _ => "–".to_string(),
        };
        let f = |v: Option<f64>| v.map_or(l("infeasible", "onhaalbaar").to_string(), n1);
        let _ = writeln!(
            s,
            "{bar}{:>10}{sep}{:>9}{sep}{:>9}{sep}{:>9}",
            c.capacity,
            f(c.exact),
            f(c.greedy),
            gap
        );
    }

    for cmp in &r.comparisons {
        let label = if cmp.size.1 {
            match lang {
                Lang::En => format!("equal size ({} liaisons, no budget)", cmp.size.0),
                Lang::Nl => format!("gelijke omvang ({} liaisons, geen budget)", cmp.size.0),
            }
        } else {
            format!("{} {}", l("capacity", "capaciteit"), cmp.size.0)
        };
        h(
            &mut s,
            &format!(
                "{} {label}",
                l(
                    "Against the 2025 network: plan at",
                    "Tegenover het netwerk van 2025: plan bij"
                )
            ),
        );
        let _ = match lang {
            Lang::En => writeln!(
                s,
                "2025 network: value {} with {} liaisons ({}). Plan: value {} with {} liaisons. {} posts kept as they are.",
                n1(cmp.value_2025),
                cmp.liaisons_2025,
                eur(lang, cmp.cost_2025),
                n1(cmp.value_plan),
                cmp.liaisons_plan,
                cmp.kept
            ),
            Lang::Nl => writeln!(
                s,
                "Netwerk 2025: waarde {} met {} liaisons ({}). Plan: waarde {} met {} liaisons. {} posten blijven zoals ze zijn.",
                n1(cmp.value_2025),
                cmp.liaisons_2025,
                eur(lang, cmp.cost_2025),
                n1(cmp.value_plan),
                cmp.liaisons_plan,
                cmp.kept
            ),
        };
        let list = |s: &mut String, title: &str, v: &[Change]| {
            if v.is_empty() {
                return;
            }
            let _ = writeln!(s, "{title}:");
            for c in v {
                let _ = writeln!(
                    s,
                    "{}{} [{} → {}] {} — {} ({} {})",
                    if md { "- " } else { "  " },
                    post(lang, &c.post),
                    c.before.as_deref().unwrap_or(l("none", "geen")),
                    c.after.as_deref().unwrap_or(l("none", "geen")),
                    n1(c.value),
                    why(lang, &c.why),
                    l("covers", "dekt"),
                    c.countries.join(" ")
                );
            }
        };
        list(&mut s, l("Added", "Toegevoegd"), &cmp.added);
        list(&mut s, l("Dropped", "Opgeheven"), &cmp.dropped);
        list(&mut s, l("Restaffed", "Anders bezet"), &cmp.restaffed);
    }
    s
}
