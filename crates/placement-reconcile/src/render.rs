//! Text (EN/NL) and Markdown renderings of a [`PlanOverview`] and a [`Reconciliation`], and the
//! reconciliation as a self-contained HTML page ([`html`]), CSV ([`csv`]) and XLSX ([`xlsx`]).
//! They only format: every number comes from the data, printed at a precision at which it is
//! true.

use std::fmt::Write;

use placement_core::{Instrument, Rulebook};
use placement_explain::counterfactual::Counterfactual;
use placement_explain::margins::ThresholdMargin;
use placement_text::{num, Lang, WIDTH};

pub use crate::page::html;
pub use crate::sheet::{csv, xlsx};

use crate::plan::{PlanOverview, PlanRole};
use crate::reconcile::{Agreement, Cause, CountryReconciliation, Reconciliation, WeightChange};

/// Output style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Plain text for the terminal, fitting 100 columns (paragraphs wrapped).
    Text,
    /// Plain text with each paragraph on one line (`--wide`).
    Wide,
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

fn heading(out: &mut String, style: Style, text: &str) {
    match style {
        Style::Markdown => {
            let _ = writeln!(out, "\n## {text}\n");
        }
        Style::Text | Style::Wide => {
            let _ = writeln!(out, "\n{text}\n{}", "-".repeat(text.chars().count()));
        }
    }
}

/// How the plan serves a country; `short` (100-column text) leaves out the words the column's
/// header already says (`accredited from`, `coverage`).
fn role_text(lang: Lang, role: &PlanRole, short: bool) -> String {
    match role {
        PlanRole::Accredited { post, factor, .. } if short => format!(
            "{} {} ({})",
            lang.pick("via", "via"),
            lang.post(post),
            num(lang, *factor, 2)
        ),
        PlanRole::Post { post, staffing } => {
            format!(
                "{} {} ({staffing})",
                lang.pick("post", "post"),
                lang.post(post)
            )
        }
        PlanRole::Accredited { post, factor, .. } => format!(
            "{} {} ({} {})",
            lang.pick("accredited from", "geaccrediteerd vanuit"),
            lang.post(post),
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
    let figures = format!(
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
    para(&mut out, style, &figures, "", "");
    let deserving = plan.lines.iter().filter(|l| l.deserves_post).count();
    let deserve = format!(
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
    para(&mut out, style, &deserve, "", "");
    let header = [
        lang.pick("rank", "rang"),
        lang.pick("country", "land"),
        lang.pick("recommendation", "aanbeveling"),
        if style == Style::Text {
            lang.pick("in the plan (coverage)", "in het plan (dekking)")
        } else {
            lang.pick("in the plan", "in het plan")
        },
    ];
    let rows: Vec<[String; 4]> = plan
        .lines
        .iter()
        .filter(|l| l.deserves_post || !matches!(l.plan, PlanRole::NotCovered))
        .map(|l| {
            [
                l.rank.to_string(),
                format!("{} {}", l.country, name(lang, &l.name_en, &l.name_nl)),
                if style == Style::Text {
                    lang.instrument_short(l.instrument).to_string()
                } else {
                    lang.instrument(l.instrument).to_string()
                },
                role_text(lang, &l.plan, style == Style::Text),
            ]
        })
        .collect();
    table(&mut out, style, &header, &rows);
    let without = plan.deserving_without_post();
    if !without.is_empty() {
        let list = format!(
            "{}: {}.",
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
        out.push('\n');
        para(&mut out, style, &list, "", "");
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
        Style::Text | Style::Wide => {
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

/// One verified change: `a from → to and b from → to (gives instrument; note)`. The two kinds
/// of change a difference reports (of one or two criteria, of one weight) are both said by
/// this one builder.
fn change_phrase(
    lang: Lang,
    changes: &[(String, String, String)],
    instrument: Instrument,
    note: Option<(&str, &str)>,
) -> String {
    let parts: Vec<String> = changes
        .iter()
        .map(|(what, from, to)| format!("{what} {from} → {to}"))
        .collect();
    let mut gives = format!(
        "{} {}",
        lang.pick("gives", "geeft"),
        lang.instrument(instrument)
    );
    if let Some((en, nl)) = note {
        let _ = write!(gives, "; {}", lang.pick(en, nl));
    }
    format!("{} ({gives})", parts.join(lang.pick(" and ", " en ")))
}

/// The smallest verified change of one or two criteria, without its label.
pub(crate) fn criteria_phrase(lang: Lang, cf: &Counterfactual) -> String {
    let changes: Vec<(String, String, String)> = cf
        .changes
        .iter()
        .map(|c| {
            (
                lang.criterion(c.criterion).to_string(),
                num(lang, c.from, 2),
                num(lang, c.to, 2),
            )
        })
        .collect();
    change_phrase(lang, &changes, cf.outcome.instrument, None)
}

/// The smallest verified change of one or two criteria, as a sentence.
pub(crate) fn criteria_change(lang: Lang, cf: &Counterfactual) -> String {
    format!(
        "{}: {}.",
        lang.pick(
            "Smallest verified change that makes model and reality agree",
            "Kleinste geverifieerde wijziging waarmee model en werkelijkheid overeenstemmen",
        ),
        criteria_phrase(lang, cf)
    )
}

/// The smallest verified change of one weight, as a sentence.
pub(crate) fn weight_change(lang: Lang, w: &WeightChange) -> String {
    let phrase = change_phrase(
        lang,
        &[(
            lang.criterion(w.criterion).to_string(),
            num(lang, w.from, 3),
            num(lang, w.to, 3),
        )],
        w.instrument,
        Some((
            "the other weights rescaled, every country's score moves",
            "de andere gewichten herschaald, de score van elk land verschuift",
        )),
    );
    format!(
        "{}: {phrase}.",
        lang.pick(
            "Smallest verified change of one weight",
            "Kleinste geverifieerde wijziging van één gewicht",
        )
    )
}

/// No change of one or two criteria within the scale makes model and reality agree.
pub(crate) fn no_change(lang: Lang) -> &'static str {
    lang.pick(
        "No change of one or two criteria within the scale makes them agree.",
        "Geen wijziging van één of twee criteria binnen de schaal brengt ze in overeenstemming.",
    )
}

/// A rule id with its statement.
pub(crate) fn rule_text(lang: Lang, rules: &Rulebook, id: &str) -> String {
    rules.rule(id).map_or_else(
        || id.to_string(),
        |r| format!("{id} ({})", lang.pick(&r.statement, &r.statement_nl)),
    )
}

/// What decides the country: the instrument rule (with its statement when `statement`).
pub(crate) fn decided_by(
    lang: Lang,
    rules: &Rulebook,
    rule: Option<&str>,
    statement: bool,
) -> String {
    match rule {
        Some(r) if statement => format!(
            "{}: {}.",
            lang.pick("Decided by", "Beslist door"),
            rule_text(lang, rules, r)
        ),
        Some(r) => format!("{}: {r}.", lang.pick("Decided by", "Beslist door")),
        None => lang
            .pick(
                "No instrument rule fires.",
                "Geen instrumentregel is van toepassing.",
            )
            .to_string(),
    }
}

/// The margin of the deciding rule's closest condition, or the shortfall to the nearest rule
/// that would place a permanent liaison, as a comparison that holds at the precision printed.
pub(crate) fn margin_text(lang: Lang, m: &ThresholdMargin) -> String {
    format!(
        "{} {}: {} {}.",
        if m.holds {
            lang.pick("Closest condition of", "Krapste voorwaarde van")
        } else {
            lang.pick("Nearest placing rule", "Dichtstbijzijnde plaatsingsregel")
        },
        m.rule,
        lang.quantity(&m.metric),
        lang.comparison(m.value, m.op, m.threshold, 2),
    )
}

/// Why capacity, not the recommendation, leaves the country without a post; the two values at
/// decimals that show which is larger.
pub(crate) fn capacity_text(lang: Lang, gain: f64, weakest: f64, post: &str) -> String {
    let d = placement_text::decimals_apart(gain, weakest, 1);
    format!(
        "{} {}; {} ({}) {} {}.",
        lang.pick(
            "It deserves a permanent liaison, but under the capacity a post there would add",
            "Het land verdient een vaste liaison, maar binnen de capaciteit zou een post daar toevoegen:"
        ),
        num(lang, gain, d),
        lang.pick("the weakest chosen post", "de zwakste gekozen post"),
        lang.post(post),
        lang.pick("adds", "voegt toe:"),
        num(lang, weakest, d),
    )
}

/// The agreement in words.
pub(crate) fn agreement_text(lang: Lang, a: Agreement) -> &'static str {
    match a {
        Agreement::ModelWantsPost => lang.pick(
            "the model wants a post that does not exist",
            "het model wil een post die er niet is",
        ),
        Agreement::PostNotSupported => lang.pick(
            "a post exists that the model does not support",
            "er is een post die het model niet ondersteunt",
        ),
        Agreement::Agree => lang.pick("agree", "overeenstemming"),
    }
}

/// The explanation of one difference as sentences: what decides it, the margin, the smallest
/// verified changes (or the capacity numbers).
pub(crate) struct Why {
    /// The deciding rule, or the capacity sentence.
    pub(crate) decided: String,
    /// The margin sentence.
    pub(crate) margin: Option<String>,
    /// The smallest verified change of one or two criteria (or that there is none).
    pub(crate) change: Option<String>,
    /// The smallest verified change of one weight.
    pub(crate) weight: Option<String>,
}

impl Why {
    /// A cause said in one sentence.
    fn only(decided: String) -> Why {
        Why {
            decided,
            margin: None,
            change: None,
            weight: None,
        }
    }
}

/// Why a country differs, in sentences (`statement`: the deciding rule with its statement).
pub(crate) fn why(
    lang: Lang,
    rules: &Rulebook,
    c: &CountryReconciliation,
    statement: bool,
) -> Option<Why> {
    match c.cause.as_ref()? {
        Cause::Capacity {
            gain_if_added,
            weakest_adds,
            weakest_post,
        } => Some(Why::only(capacity_text(
            lang,
            *gain_if_added,
            *weakest_adds,
            weakest_post,
        ))),
        Cause::Instrument {
            rule,
            margin,
            change,
            weight_change: w,
        } => Some(Why {
            decided: decided_by(lang, rules, rule.as_deref(), statement),
            margin: margin.as_ref().map(|m| margin_text(lang, m)),
            change: Some(change.as_ref().map_or_else(
                || no_change(lang).to_string(),
                |f| criteria_change(lang, &f.counterfactual),
            )),
            weight: w.as_ref().map(|w| weight_change(lang, w)),
        }),
        Cause::NotAssessed => Some(Why::only(
            lang.pick(
                "The country is not in the assessment set.",
                "Het land staat niet in de beoordelingsset.",
            )
            .to_string(),
        )),
    }
}

fn difference(lang: Lang, rules: &Rulebook, c: &CountryReconciliation) -> String {
    let mut s = format!(
        "{} {}: {}.",
        c.country,
        name(lang, &c.name_en, &c.name_nl),
        agreement_text(lang, c.agreement)
    );
    if let Some(i) = c.instrument {
        let _ = write!(
            s,
            " {}: {}.",
            lang.pick("Recommendation", "Aanbeveling"),
            lang.instrument(i)
        );
    }
    if let Some(w) = why(lang, rules, c, true) {
        for part in [Some(w.decided), w.margin, w.change, w.weight]
            .into_iter()
            .flatten()
        {
            s.push(' ');
            s.push_str(&part);
        }
    }
    s
}

/// The summary of a reconciliation as two sentences.
pub(crate) fn summary(r: &Reconciliation, lang: Lang) -> [String; 2] {
    let s = &r.summary;
    // "31 of the 35 actual host countries are in the plan (recall 89 %)".
    let share = |part: usize, whole: usize, what: (&str, &str), name: (&str, &str), x: f64| {
        format!(
            "{part} {} {whole} {} ({} {})",
            lang.pick("of the", "van de"),
            lang.pick(what.0, what.1),
            lang.pick(name.0, name.1),
            pct(lang, x)
        )
    };
    [
        format!(
            "{} {}, {} {} liaisons. {}; {}.",
            lang.pick("Rulebook", "Regelboek"),
            r.rulebook,
            lang.pick("plan at", "plan met"),
            r.capacity,
            share(
                s.agree,
                s.actual_hosts,
                (
                    "actual host countries are in the plan",
                    "werkelijke gastlanden staan in het plan",
                ),
                ("recall", "dekking"),
                s.recall
            ),
            share(
                s.agree,
                s.plan_hosts,
                (
                    "host countries of the plan are actual ones",
                    "gastlanden van het plan zijn werkelijke gastlanden",
                ),
                ("precision", "precisie"),
                s.precision
            ),
        ),
        [
            lang.pick("One country at a time,", "Per land afzonderlijk krijgen"),
            &s.actual_hosts_deserving.to_string(),
            lang.pick("of the", "van de"),
            &s.actual_hosts.to_string(),
            lang.pick(
                "actual host countries get a permanent liaison.",
                "werkelijke gastlanden een vaste liaison.",
            ),
        ]
        .join(" "),
    ]
}

/// The title of a reconciliation.
pub(crate) fn title(r: &Reconciliation, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.pick(
            "Model against the actual network:",
            "Model tegenover het werkelijke netwerk:"
        ),
        r.network
    )
}

/// A paragraph: wrapped to [`WIDTH`] in [`Style::Text`], one line otherwise.
fn para(out: &mut String, style: Style, text: &str, first: &str, rest: &str) {
    let width = if style == Style::Text {
        WIDTH
    } else {
        usize::MAX
    };
    let _ = writeln!(out, "{}", placement_text::wrap(text, width, first, rest));
}

/// The reconciliation: summary figures, then every difference with its cause, then the
/// countries that agree. [`Style::Text`] fits 100 columns; [`Style::Wide`] keeps each
/// paragraph on one line.
pub fn reconciliation(r: &Reconciliation, rules: &Rulebook, lang: Lang, style: Style) -> String {
    let mut out = String::new();
    if r.illustrative {
        let _ = writeln!(out, "{}", lang.illustrative_notice());
    }
    heading(&mut out, style, &title(r, lang));
    for s in summary(r, lang) {
        para(&mut out, style, &s, "", "");
    }
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
    let bullet = if style == Style::Markdown { "- " } else { "* " };
    for c in &diffs {
        para(&mut out, style, &difference(lang, rules, c), bullet, "  ");
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
    para(&mut out, style, &agree.join(", "), "", "");
    out
}
