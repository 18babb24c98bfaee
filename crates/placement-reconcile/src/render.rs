//! Text (EN/NL) and Markdown renderings of a [`PlanOverview`] and a [`Reconciliation`]. They
//! only format: every number comes from the data, printed at a precision at which it is true.

use std::fmt::Write;

use placement_core::Rulebook;
use placement_explain::counterfactual::Counterfactual;
use placement_text::{num, Lang};

use crate::plan::{PlanOverview, PlanRole};
use crate::reconcile::{Agreement, Cause, CountryReconciliation, Reconciliation};

/// Output style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Plain text for the terminal.
    Text,
    /// Markdown, for a memo.
    Markdown,
}

fn name(lang: Lang, en: &str, nl: &str) -> String {
    lang.pick(en, nl).to_string()
}

/// Whole euros with thousands separators in the language's style: `12,040,000` (EN),
/// `12.040.000` (NL).
fn eur(lang: Lang, x: f64) -> String {
    let digits = format!("{:.0}", x.abs());
    let sep = lang.pick(",", ".");
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    let sign = if x < 0.0 { "-" } else { "" };
    format!("EUR {sign}{out}")
}

fn pct(lang: Lang, x: f64) -> String {
    format!("{} %", num(lang, 100.0 * x, 0))
}

/// Terminal text is wrapped to this many columns.
const WIDTH: usize = 100;

/// Wraps `text` at word boundaries to `width` columns, the first line after `first`, the rest
/// after `rest`; a word longer than the line stays whole.
fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(first);
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(rest);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

fn heading(out: &mut String, style: Style, text: &str) {
    match style {
        Style::Markdown => {
            let _ = writeln!(out, "\n## {text}\n");
        }
        Style::Text => {
            let _ = writeln!(out, "\n{text}\n{}", "-".repeat(text.chars().count()));
        }
    }
}

fn role_text(lang: Lang, role: &PlanRole) -> String {
    match role {
        PlanRole::Post { post, staffing } => {
            format!("{} {post} ({staffing})", lang.pick("post", "post"))
        }
        PlanRole::Accredited { post, factor, .. } => format!(
            "{} {post} ({} {})",
            lang.pick("accredited from", "geaccrediteerd vanuit"),
            lang.pick("coverage", "dekking"),
            num(lang, *factor, 2)
        ),
        PlanRole::NotCovered => lang
            .pick("no post covers it", "geen post dekt het")
            .to_string(),
    }
}

/// The plan section of `advise`: the plan's figures, then per country the recommendation and
/// what the plan gives it, for every country that deserves a post or is covered by the plan.
pub fn plan_section(plan: &PlanOverview, lang: Lang, style: Style) -> String {
    let mut out = String::new();
    heading(
        &mut out,
        style,
        lang.pick(
            "Network plan at the capacity",
            "Netwerkplan binnen de capaciteit",
        ),
    );
    let budget = plan.budget.map_or_else(
        || lang.pick("no budget limit", "geen budgetgrens").to_string(),
        |b| format!("{} {}", lang.pick("budget", "budget"), eur(lang, b)),
    );
    let _ = writeln!(
        out,
        "{} {} {} ({} {}; {}), {}. {} {} {} {} {} {} {}.",
        lang.pick("Capacity", "Capaciteit"),
        plan.capacity,
        lang.pick("liaisons", "liaisons"),
        lang.pick(
            "default: one per host country with a Dutch post in",
            "standaard: één per gastland met een Nederlandse post in"
        ),
        plan.network,
        lang.pick("set with --capacity", "in te stellen met --capacity"),
        budget,
        lang.pick("The plan posts", "Het plan plaatst"),
        plan.liaisons,
        lang.pick("liaisons for", "liaisons voor"),
        eur(lang, plan.cost),
        lang.pick("per year at", "per jaar in"),
        plan.plan_hosts.len(),
        lang.pick("host countries", "gastlanden"),
    );
    let deserving = plan.lines.iter().filter(|l| l.deserves_post).count();
    let _ = writeln!(
        out,
        "{} {} {}; {} {}.",
        deserving,
        lang.pick(
            "countries deserve a permanent liaison one at a time",
            "landen verdienen elk afzonderlijk een vaste liaison"
        ),
        lang.pick("(the ranking above)", "(de rangorde hierboven)"),
        plan.plan_hosts.len(),
        lang.pick("get a post in the plan", "krijgen een post in het plan"),
    );
    let header = [
        lang.pick("rank", "rang"),
        lang.pick("country", "land"),
        lang.pick("recommendation", "aanbeveling"),
        lang.pick("in the plan", "in het plan"),
    ];
    let rows: Vec<[String; 4]> = plan
        .lines
        .iter()
        .filter(|l| l.deserves_post || !matches!(l.plan, PlanRole::NotCovered))
        .map(|l| {
            [
                l.rank.to_string(),
                format!("{} {}", l.country, name(lang, &l.name_en, &l.name_nl)),
                lang.instrument(l.instrument).to_string(),
                role_text(lang, &l.plan),
            ]
        })
        .collect();
    table(&mut out, style, &header, &rows);
    let without = plan.deserving_without_post();
    if !without.is_empty() {
        let _ = writeln!(
            out,
            "\n{}: {}.",
            lang.pick(
                "Deserve a permanent liaison but get no post under the capacity",
                "Verdienen een vaste liaison maar krijgen binnen de capaciteit geen post"
            ),
            without
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    out
}

fn table(out: &mut String, style: Style, header: &[&str; 4], rows: &[[String; 4]]) {
    match style {
        Style::Markdown => {
            let _ = writeln!(out, "\n| {} |", header.join(" | "));
            let _ = writeln!(out, "|---:|---|---|---|");
            for r in rows {
                let _ = writeln!(out, "| {} |", r.join(" | "));
            }
        }
        Style::Text => {
            let mut w = header.map(|h| h.chars().count());
            for r in rows {
                for (i, c) in r.iter().enumerate() {
                    w[i] = w[i].max(c.chars().count());
                }
            }
            let line = |cells: [&str; 4]| {
                format!(
                    "{:>w0$}  {:<w1$}  {:<w2$}  {}",
                    cells[0],
                    cells[1],
                    cells[2],
                    cells[3],
                    w0 = w[0],
                    w1 = w[1],
                    w2 = w[2]
                )
            };
            let _ = writeln!(out, "\n{}", line(*header).trim_end());
            for r in rows {
                let _ = writeln!(out, "{}", line([&r[0], &r[1], &r[2], &r[3]]).trim_end());
            }
        }
    }
}

fn change_text(lang: Lang, cf: &Counterfactual) -> String {
    let parts: Vec<String> = cf
        .changes
        .iter()
        .map(|c| {
            format!(
                "{} {} → {}",
                lang.criterion(c.criterion),
                num(lang, c.from, 2),
                num(lang, c.to, 2)
            )
        })
        .collect();
    format!(
        "{} ({} {})",
        parts.join(lang.pick(" and ", " en ")),
        lang.pick("gives", "geeft"),
        lang.instrument(cf.outcome.instrument)
    )
}

fn rule_text(lang: Lang, rules: &Rulebook, id: &str) -> String {
    rules.rule(id).map_or_else(
        || id.to_string(),
        |r| format!("{id} ({})", lang.pick(&r.statement, &r.statement_nl)),
    )
}

fn difference(lang: Lang, rules: &Rulebook, c: &CountryReconciliation) -> String {
    let what = match c.agreement {
        Agreement::ModelWantsPost => lang.pick(
            "the model wants a post that does not exist",
            "het model wil een post die er niet is",
        ),
        Agreement::PostNotSupported => lang.pick(
            "a post exists that the model does not support",
            "er is een post die het model niet ondersteunt",
        ),
        Agreement::Agree => lang.pick("agree", "overeenstemming"),
    };
    let mut s = format!(
        "{} {}: {what}.",
        c.country,
        name(lang, &c.name_en, &c.name_nl)
    );
    if let Some(i) = c.instrument {
        let _ = write!(
            s,
            " {}: {}.",
            lang.pick("Recommendation", "Aanbeveling"),
            lang.instrument(i)
        );
    }
    match &c.cause {
        Some(Cause::Capacity {
            gain_if_added,
            weakest_adds,
            weakest_post,
        }) => {
            let _ = write!(
                s,
                " {} {}; {} {weakest_post} {} {}.",
                lang.pick(
                    "It deserves a permanent liaison, but under the capacity its post would add",
                    "Het verdient een vaste liaison, maar binnen de capaciteit zou de post toevoegen:"
                ),
                num(lang, *gain_if_added, 1),
                lang.pick("the weakest chosen post,", "de zwakste gekozen post,"),
                lang.pick("adds", "voegt toe:"),
                num(lang, *weakest_adds, 1),
            );
        }
        Some(Cause::Instrument {
            rule,
            margin,
            change,
            weight_change,
        }) => {
            match rule {
                Some(r) => {
                    let _ = write!(
                        s,
                        " {}: {}.",
                        lang.pick("Decided by", "Beslist door"),
                        rule_text(lang, rules, r)
                    );
                }
                None => {
                    let _ = write!(
                        s,
                        " {}.",
                        lang.pick(
                            "No instrument rule fires",
                            "Geen instrumentregel is van toepassing"
                        )
                    );
                }
            }
            if let Some(m) = margin {
                let _ = write!(
                    s,
                    " {} {}: {} {} {} {} {} ({} {}).",
                    if m.holds {
                        lang.pick("Closest condition of", "Krapste voorwaarde van")
                    } else {
                        lang.pick("Nearest placing rule", "Dichtstbijzijnde plaatsingsregel")
                    },
                    m.rule,
                    lang.quantity(&m.metric),
                    num(lang, m.value, 2),
                    if m.holds {
                        lang.pick("meets", "voldoet aan")
                    } else {
                        lang.pick("misses", "haalt niet")
                    },
                    lang.op(m.op),
                    num(lang, m.threshold, 2),
                    if m.holds {
                        lang.pick("margin", "marge")
                    } else {
                        lang.pick("short by", "tekort")
                    },
                    num(lang, m.distance.abs(), 2),
                );
            }
            match change {
                Some(f) => {
                    let _ = write!(
                        s,
                        " {}: {}.",
                        lang.pick(
                            "Smallest verified change that makes model and reality agree",
                            "Kleinste geverifieerde wijziging waarmee model en werkelijkheid overeenstemmen"
                        ),
                        change_text(lang, &f.counterfactual)
                    );
                }
                None => {
                    let _ = write!(
                        s,
                        " {}.",
                        lang.pick(
                            "No change of one or two criteria within the scale makes them agree",
                            "Geen wijziging van één of twee criteria binnen de schaal brengt ze in overeenstemming"
                        )
                    );
                }
            }
            if let Some(w) = weight_change {
                let _ = write!(
                    s,
                    " {}: {} {} → {} ({}; {}).",
                    lang.pick(
                        "Smallest verified change of one weight",
                        "Kleinste geverifieerde wijziging van één gewicht"
                    ),
                    lang.criterion(w.criterion),
                    num(lang, w.from, 3),
                    num(lang, w.to, 3),
                    format_args!(
                        "{} {}",
                        lang.pick("gives", "geeft"),
                        lang.instrument(w.instrument)
                    ),
                    lang.pick(
                        "the other weights rescaled, every country's score moves",
                        "de andere gewichten herschaald, de score van elk land verschuift"
                    ),
                );
            }
        }

        Some(Cause::NotAssessed) => {
            let _ = write!(
                s,
                " {}.",
                lang.pick(
                    "The country is not in the assessment set",
                    "Het land staat niet in de beoordelingsset"
                )
            );
        }
        None => {}
    }
    s
}

/// The reconciliation: summary figures, then every difference with its cause, then the
/// countries that agree.
pub fn reconciliation(r: &Reconciliation, rules: &Rulebook, lang: Lang, style: Style) -> String {
    let mut out = String::new();
    if r.illustrative {
        let _ = writeln!(out, "{}", lang.illustrative_notice());
    }
    heading(
        &mut out,
        style,
        &format!(
            "{} {}",
            lang.pick(
                "Model against the actual network:",
                "Model tegenover het werkelijke netwerk:"
            ),
            r.network
        ),
    );
    let s = &r.summary;
    let _ = writeln!(
        out,
        "{} {}, {} {} {}. {} {} {} {}, {} {} {} {} ({}/{}).",
        lang.pick("Rulebook", "Regelboek"),
        r.rulebook,
        lang.pick("plan at", "plan bij"),
        r.capacity,
        lang.pick("liaisons", "liaisons"),
        s.agree,
        lang.pick("of the", "van de"),
        s.actual_hosts,
        lang.pick(
            "actual host countries are in the plan",
            "werkelijke gastlanden staan in het plan"
        ),
        lang.pick("recall", "recall"),
        pct(lang, s.recall),
        lang.pick(
            "and the plan's precision is",
            "en de precisie van het plan is"
        ),
        pct(lang, s.precision),
        s.agree,
        s.plan_hosts,
    );
    let _ = writeln!(
        out,
        "{} {} {} {} {}.",
        lang.pick("One country at a time,", "Per land afzonderlijk krijgen"),
        s.actual_hosts_deserving,
        lang.pick("of the", "van de"),
        s.actual_hosts,
        lang.pick(
            "actual host countries get a permanent liaison",
            "werkelijke gastlanden een vaste liaison"
        ),
    );
    let diffs: Vec<&CountryReconciliation> = r
        .countries
        .iter()
        .filter(|c| c.agreement != Agreement::Agree)
        .collect();
    heading(
        &mut out,
        style,
        &format!(
            "{} ({})",
            lang.pick("Differences", "Verschillen"),
            diffs.len()
        ),
    );
    for c in &diffs {
        let text = difference(lang, rules, c);
        match style {
            Style::Markdown => {
                let _ = writeln!(out, "- {text}");
            }
            Style::Text => out.push_str(&wrap(&text, WIDTH, "* ", "  ")),
        }
    }
    let agree: Vec<&str> = r
        .countries
        .iter()
        .filter(|c| c.agreement == Agreement::Agree)
        .map(|c| c.country.as_str())
        .collect();
    heading(
        &mut out,
        style,
        &format!(
            "{} ({})",
            lang.pick("Agree", "Overeenstemming"),
            agree.len()
        ),
    );
    let _ = writeln!(out, "{}", agree.join(", "));
    out
}
