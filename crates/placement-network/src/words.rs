//! The words every rendering of a [`Report`](crate::analysis::Report) shares (text, Markdown,
//! HTML, CSV, XLSX), in English and Dutch: posts with their cities in the reader's language,
//! limits, reasons, amounts and the sentences of the solver's status. Each sentence is written
//! once per language as a template (`{}` for each value, in order), filled by [`fill`].

use placement_text::{num, num_full, thousands, Lang};

use crate::analysis::{Comparison, Excluded, Limit, Report, Why};
use crate::error::Conflict;

/// `template` with each `{}` replaced by the next of `values`, in order.
pub(crate) fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * values.len());
    let mut rest = template;
    let mut values = values.iter();
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(values.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// Picks the language's template and fills it.
pub(crate) fn say(lang: Lang, en: &str, nl: &str, values: &[&str]) -> String {
    fill(lang.pick(en, nl), values)
}

/// A value of the report at one decimal, in the language.
pub(crate) fn n1(lang: Lang, x: f64) -> String {
    num(lang, x, 1)
}

/// Whole euros with thousands separators: `EUR 8,400,000` (Dutch `EUR 8.400.000`).
pub(crate) fn eur(lang: Lang, x: f64) -> String {
    let n = x.round() as i64;
    let sign = if n < 0 { "−" } else { "" };
    format!("EUR {sign}{}", thousands(lang, n.unsigned_abs()))
}

/// The labels of `pairs` (English, Dutch) in the language, e.g. a table's column headers.
pub(crate) fn picks<const N: usize>(
    lang: Lang,
    pairs: [(&'static str, &'static str); N],
) -> [&'static str; N] {
    pairs.map(|(en, nl)| lang.pick(en, nl))
}

/// `n liaison` or `n liaisons` (the same word in both languages).
pub(crate) fn liaisons(n: u32) -> String {
    if n == 1 {
        "1 liaison".to_string()
    } else {
        format!("{n} liaisons")
    }
}

/// A country's name in the language, from its code (`en`, the name as given, if unknown).
pub(crate) fn country_name(lang: Lang, code: &str, en: &str) -> String {
    match placement_core::CountryCode::parse(code) {
        Ok(c) => lang
            .pick(&c.facts().name_en, &c.facts().name_nl)
            .to_string(),
        Err(_) => en.to_string(),
    }
}

/// A limit of the plan as words.
pub(crate) fn limit(lang: Lang, l: &Limit) -> String {
    match *l {
        Limit::Capacity { liaisons: n } => {
            say(lang, "capacity {}", "capaciteit {}", &[&liaisons(n)])
        }
        Limit::PoliceCapacity { liaisons: n } => say(
            lang,
            "police capacity {}",
            "capaciteit politie {}",
            &[&liaisons(n)],
        ),
        Limit::MarechausseeCapacity { liaisons: n } => say(
            lang,
            "KMar capacity {}",
            "capaciteit KMar {}",
            &[&liaisons(n)],
        ),
        Limit::Budget { eur: b } => say(lang, "budget {}", "budget {}", &[&eur(lang, b)]),
        Limit::Locks { count } => say(
            lang,
            "{} posts locked in",
            "{} vastgezette posten",
            &[&count.to_string()],
        ),
        Limit::RegionMinima { count } => say(
            lang,
            "{} regional minima",
            "{} regionale minima",
            &[&count.to_string()],
        ),
    }
}

/// Why a post differs from 2025, as words.
pub(crate) fn why(lang: Lang, w: &Why) -> String {
    match *w {
        Why::Covers { value } => say(
            lang,
            "adds {} in the plan that no 2025 post covers as well",
            "voegt in het plan {} toe die geen post van 2025 even goed dekt",
            &[&n1(lang, value)],
        ),
        Why::Redundant => lang
            .pick(
                "adds nothing in 2025: other posts already cover its countries as well",
                "voegt in 2025 niets toe: andere posten dekken zijn landen al even goed",
            )
            .to_string(),
        Why::LowValue { value, liaisons: n } => say(
            lang,
            "adds only {} for {} in 2025; under the capacity the place serves more elsewhere",
            "voegt in 2025 maar {} toe voor {}; binnen de capaciteit levert de plaats elders meer op",
            &[&n1(lang, value), &liaisons(n)],
        ),
        Why::Frees { liaisons: n, loss } => say(
            lang,
            "frees {} at a loss of {}, less than the place serves elsewhere",
            "maakt {} vrij tegen een verlies van {}, minder dan de plaats elders oplevert",
            &[&liaisons(n), &n1(lang, loss)],
        ),
        Why::Restaffed { value } => say(
            lang,
            "the new staffing adds {} within the plan",
            "de nieuwe bezetting voegt binnen het plan {} toe",
            &[&n1(lang, value)],
        ),
    }
}

/// The solver's status in sentences: the time-limit warning (if it stopped), the plan's value
/// and resources, the greedy heuristic's value and gap, the size of the model, and the note on
/// secondary solves stopped at their limit.
pub(crate) fn status(r: &Report, lang: Lang) -> Vec<String> {
    let sol = &r.solution;
    let p = &sol.exact;
    let mut out = Vec::new();
    if sol.time_limit_hit {
        let bound = p.value / (1.0 - sol.proven_gap).max(f64::MIN_POSITIVE);
        out.push(say(
            lang,
            "TIME LIMIT REACHED: the search stopped after {} s before proving optimality; the plan below is the best found, at most {} % below the optimum (proven bound {}).",
            "TIJDSLIMIET BEREIKT: het zoeken stopte na {} s, vóór het bewijs van optimaliteit; het plan hieronder is het beste gevonden, ten hoogste {} % onder het optimum (bewezen grens {}).",
            &[
                &num_full(lang, sol.time_limit_s.unwrap_or(0.0), 0),
                &num(lang, sol.proven_gap * 100.0, 2),
                &n1(lang, bound),
            ],
        ));
    }
    let values = [
        n1(lang, p.value),
        liaisons(p.staffing.total()),
        p.staffing.police.to_string(),
        p.staffing.marechaussee.to_string(),
        eur(lang, p.cost),
        p.choices.len().to_string(),
    ];
    let values: Vec<&str> = values.iter().map(String::as_str).collect();
    out.push(if sol.time_limit_hit {
        say(
            lang,
            "Best plan found: value {} with {} ({} NP, {} KMar) at {} per year, {} posts.",
            "Beste gevonden plan: waarde {} met {} ({} NP, {} KMar) voor {} per jaar, {} posten.",
            &values,
        )
    } else {
        say(
            lang,
            "Exact optimum: value {} with {} ({} NP, {} KMar) at {} per year, {} posts.",
            "Exact optimum: waarde {} met {} ({} NP, {} KMar) voor {} per jaar, {} posten.",
            &values,
        )
    });
    out.push(match (&sol.greedy, sol.gap) {
        (Some(g), Some(gap)) => {
            let v = [n1(lang, g.value), num(lang, gap * 100.0, 2)];
            let v = [v[0].as_str(), v[1].as_str()];
            if sol.time_limit_hit {
                say(
                    lang,
                    "Greedy heuristic: value {} ({} % below the best plan found).",
                    "Gretige heuristiek: waarde {} ({} % onder het beste gevonden plan).",
                    &v,
                )
            } else {
                say(
                    lang,
                    "Greedy heuristic: value {} ({} % below the optimum).",
                    "Gretige heuristiek: waarde {} ({} % onder het optimum).",
                    &v,
                )
            }
        }
        _ => lang
            .pick(
                "Greedy heuristic: could not meet the locks and minima.",
                "Gretige heuristiek: kon niet aan de vastgezette posten en minima voldoen.",
            )
            .to_string(),
    });
    let z = &sol.size;
    out.push(say(
        lang,
        "Model (MIP): {} binary option variables, {} coverage-level variables, {} constraints; {} options fixed by the bound test, {} branch-and-bound nodes (microlp).",
        "Model (gemengd geheeltallig programma): {} binaire optievariabelen, {} dekkingsvariabelen, {} beperkingen; {} opties vastgelegd door de grenstoets, {} knopen in de zoekboom (microlp).",
        &[
            &z.binaries.to_string(),
            &z.levels.to_string(),
            &z.constraints.to_string(),
            &z.fixed.to_string(),
            &z.nodes.to_string(),
        ],
    ));
    if r.secondary_time_limit_hits > 0 {
        out.push(say(
            lang,
            "Note: {} secondary solve(s) (value curve, shadow prices, re-solves, comparisons) stopped at their time limit; their values are the best found, not proven optima.",
            "Let op: {} aanvullende berekening(en) (waardecurve, schaduwprijzen, herberekeningen, vergelijkingen) stopten bij hun tijdslimiet; hun waarden zijn de beste gevonden, geen bewezen optima.",
            &[&r.secondary_time_limit_hits.to_string()],
        ));
    }
    out
}

/// What a constraint at the optimum is, how much of it is used, whether it binds and what
/// relaxing it gains, as one sentence.
pub(crate) fn binding(lang: Lang, b: &crate::analysis::Binding) -> String {
    say(
        lang,
        "{}: used {} of {}{}; relaxing it gains {}",
        "{}: gebruikt {} van {}{}; verruimen levert op {}",
        &[
            &limit(lang, &b.limit_kind),
            &num(lang, b.used, 0),
            &num(lang, b.limit, 0),
            lang.pick(
                if b.binding {
                    " — BINDING"
                } else {
                    " — slack"
                },
                if b.binding {
                    " — BINDEND"
                } else {
                    " — ruimte over"
                },
            ),
            &b.shadow
                .map_or(lang.pick("n/a", "n.v.t.").to_string(), |x| n1(lang, x)),
        ],
    )
}

/// The best post left out, in sentences.
pub(crate) fn excluded(lang: Lang, e: &Excluded) -> Vec<String> {
    let blocked = if e.blocked.is_empty() {
        lang.pick(
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
    let mut out = vec![say(
        lang,
        "{} ({}) would add {} on top of the plan; blocked by {}.",
        "{} ({}) zou bovenop het plan {} toevoegen; tegengehouden door {}.",
        &[
            &lang.post(&e.post),
            &e.staffing,
            &n1(lang, e.gain_if_added),
            &blocked,
        ],
    )];
    if let Some(loss) = e.forced_loss {
        out.push(say(
            lang,
            "Forcing it in lowers the optimum by {}.",
            "Hem afdwingen verlaagt het optimum met {}.",
            &[&n1(lang, loss)],
        ));
    }
    if let Some((p, v)) = &e.weakest_chosen {
        out.push(say(
            lang,
            "The weakest chosen post, {}, adds {} on its own.",
            "De zwakste gekozen post, {}, voegt op zichzelf {} toe.",
            &[&lang.post(p), &n1(lang, *v)],
        ));
    }
    out
}

/// The countries with value left uncovered: how many, and the `top` highest.
pub(crate) fn uncovered(lang: Lang, r: &Report, top: usize) -> String {
    let names: Vec<String> = r
        .uncovered
        .iter()
        .take(top)
        .map(|(c, n, v)| format!("{c} {} ({})", country_name(lang, c, n), n1(lang, *v)))
        .collect();
    let count = r.uncovered.len().to_string();
    if names.is_empty() {
        say(
            lang,
            "{} countries with value uncovered.",
            "{} landen met niet gedekte waarde.",
            &[&count],
        )
    } else {
        say(
            lang,
            "{} countries with value uncovered; highest: {}",
            "{} landen met niet gedekte waarde; hoogste: {}",
            &[&count, &names.join(", ")],
        )
    }
}

/// The regions with value and no coverage at all, one sentence each.
pub(crate) fn uncovered_regions(lang: Lang, r: &Report) -> Vec<String> {
    r.regions
        .iter()
        .filter(|g| g.covered == 0 && g.value_total > 0.0)
        .map(|g| {
            say(
                lang,
                "region {} uncovered ({} countries, value {})",
                "regio {} niet gedekt ({} landen, waarde {})",
                &[
                    lang.region(g.region),
                    &g.countries.to_string(),
                    &n1(lang, g.value_total),
                ],
            )
        })
        .collect()
}

/// The heading of a comparison with the 2025 network.
pub(crate) fn comparison_heading(lang: Lang, cmp: &Comparison) -> String {
    let size = cmp.size.0.to_string();
    if cmp.size.1 {
        say(
            lang,
            "Against the 2025 network: plan at equal size ({} liaisons, no budget)",
            "Tegenover het netwerk van 2025: plan bij gelijke omvang ({} liaisons, geen budget)",
            &[&size],
        )
    } else {
        say(
            lang,
            "Against the 2025 network: plan at capacity {}",
            "Tegenover het netwerk van 2025: plan bij capaciteit {}",
            &[&size],
        )
    }
}

/// The summary sentence of a comparison with the 2025 network.
pub(crate) fn comparison_summary(lang: Lang, cmp: &Comparison) -> String {
    say(
        lang,
        "2025 network: value {} with {} ({}). Plan: value {} with {}. {} posts kept as they are.",
        "Netwerk 2025: waarde {} met {} ({}). Plan: waarde {} met {}. {} posten blijven zoals ze zijn.",
        &[
            &n1(lang, cmp.value_2025),
            &liaisons(cmp.liaisons_2025),
            &eur(lang, cmp.cost_2025),
            &n1(lang, cmp.value_plan),
            &liaisons(cmp.liaisons_plan),
            &cmp.kept.to_string(),
        ],
    )
}

/// The kinds of change of a comparison, with their headings: added, dropped, restaffed.
pub(crate) fn change_groups(
    lang: Lang,
    cmp: &Comparison,
) -> [(&'static str, &[crate::analysis::Change]); 3] {
    let [added, dropped, restaffed] = picks(
        lang,
        [
            ("Added", "Toegevoegd"),
            ("Dropped", "Opgeheven"),
            ("Restaffed", "Anders bezet"),
        ],
    );
    [
        (added, &cmp.added),
        (dropped, &cmp.dropped),
        (restaffed, &cmp.restaffed),
    ]
}

/// A staffing before or after a change (`none` for no post).
pub(crate) fn staffing_or_none(lang: Lang, s: Option<&str>) -> String {
    s.unwrap_or(lang.pick("none", "geen")).to_string()
}

/// The column headers of the chosen posts (text, HTML and spreadsheets share them).
pub(crate) fn post_headers(lang: Lang) -> [&'static str; 6] {
    picks(
        lang,
        [
            ("post", "post"),
            ("staff", "bezetting"),
            ("2025", "2025"),
            ("drop loss", "verlies"),
            ("re-solved", "herberekend"),
            ("countries", "landen"),
        ],
    )
}

/// The value curve's column headers.
pub(crate) fn curve_headers(lang: Lang) -> [&'static str; 4] {
    picks(
        lang,
        [
            ("capacity", "capaciteit"),
            ("exact", "exact"),
            ("greedy", "gretig"),
            ("gap %", "verschil %"),
        ],
    )
}

/// The greedy plan's shortfall against the exact optimum at one point of the curve, percent.
pub(crate) fn curve_gap(exact: Option<f64>, greedy: Option<f64>) -> Option<f64> {
    match (exact, greedy) {
        (Some(e), Some(g)) if e > 0.0 => Some((e - g) / e * 100.0),
        _ => None,
    }
}

/// The constraints a conflict names (`capacity 30, lock CO, keep GB London, region
/// western_africa ≥ 2`, as the constraints label them) in the language, posts with their
/// cities, regions by name.
fn locks(lang: Lang, labels: &str) -> String {
    labels
        .split(", ")
        .map(|l| {
            if let Some(id) = l.strip_prefix("lock ") {
                say(lang, "lock {}", "vastgezet {}", &[&lang.post(id)])
            } else if let Some(id) = l.strip_prefix("keep ") {
                say(lang, "keep {}", "behoud {}", &[&lang.post(id)])
            } else if let Some(n) = l.strip_prefix("police capacity ") {
                say(lang, "police capacity {}", "capaciteit politie {}", &[n])
            } else if let Some(n) = l.strip_prefix("marechaussee capacity ") {
                say(lang, "KMar capacity {}", "capaciteit KMar {}", &[n])
            } else if let Some(n) = l.strip_prefix("capacity ") {
                say(lang, "capacity {}", "capaciteit {}", &[n])
            } else if let Some(b) = l.strip_prefix("budget EUR ") {
                let b = b.parse::<f64>().map_or(b.to_string(), |b| eur(lang, b));
                say(lang, "budget {}", "budget {}", &[&b])
            } else if let Some(rest) = l.strip_prefix("region ") {
                let (id, min) = rest.split_once(" ≥ ").unwrap_or((rest, ""));
                let name = placement_core::Region::from_id(id).map_or(id, |r| lang.region(r));
                say(lang, "region {} ≥ {}", "regio {} ≥ {}", &[name, min])
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A conflict between constraints, as words.
pub(crate) fn conflict(lang: Lang, c: &Conflict) -> String {
    match c {
        Conflict::LockedAndForbidden { country } => say(
            lang,
            "{} is both locked and forbidden",
            "{} is zowel vastgezet als uitgesloten",
            &[&lang.post(country)],
        ),
        Conflict::LockWithoutPost { country } => say(
            lang,
            "{} is locked but has no allowed candidate post",
            "{} is vastgezet maar heeft geen toegestane kandidaat-post",
            &[&lang.post(country)],
        ),
        Conflict::CapacityBelowLocks {
            resource,
            capacity,
            needed,
            locks: l,
        } => {
            let resource = match resource.as_str() {
                "police" => lang.pick("police capacity", "capaciteit politie"),
                "marechaussee" => lang.pick("KMar capacity", "capaciteit KMar"),
                _ => lang.pick("total capacity", "totale capaciteit"),
            };
            say(
                lang,
                "{} {} is below the {} liaisons the locked posts need at least ({})",
                "{} {} is lager dan de {} liaisons die de vastgezette posten minstens nodig hebben ({})",
                &[resource, &capacity.to_string(), &needed.to_string(), &locks(lang, l)],
            )
        }
        Conflict::BudgetBelowLocks {
            budget,
            needed,
            locks: l,
        } => say(
            lang,
            "budget {} is below the {} the locked posts cost at least ({})",
            "budget {} is lager dan de {} die de vastgezette posten minstens kosten ({})",
            &[&eur(lang, *budget), &eur(lang, *needed), &locks(lang, l)],
        ),
        Conflict::RegionMinimumImpossible {
            region,
            minimum,
            available,
        } => say(
            lang,
            "region {} needs {} posts but has only {} allowed candidate posts",
            "regio {} vraagt {} posten maar heeft maar {} toegestane kandidaat-posten",
            &[
                placement_core::Region::from_id(region).map_or(region.as_str(), |r| lang.region(r)),
                &minimum.to_string(),
                &available.to_string(),
            ],
        ),
        Conflict::CapacityBelowMinima { capacity, needed } => say(
            lang,
            "locks and region minima need at least {}, capacity is {}",
            "vastgezette posten en regionale minima vragen minstens {}, de capaciteit is {}",
            &[&liaisons(*needed), &capacity.to_string()],
        ),
        Conflict::BudgetBelowMinima { budget, needed } => say(
            lang,
            "locks and region minima cost at least {}, budget is {}",
            "vastgezette posten en regionale minima kosten minstens {}, het budget is {}",
            &[&eur(lang, *needed), &eur(lang, *budget)],
        ),
        Conflict::Joint { active } => say(
            lang,
            "the constraints are jointly infeasible (active: {})",
            "de beperkingen zijn samen onhaalbaar (actief: {})",
            &[&locks(lang, &active.join(", "))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_in_order_and_cities_read_dutch() {
        assert_eq!(fill("a {} b {}.", &["1", "2"]), "a 1 b 2.");
        assert_eq!(fill("{}", &[]), "");
        assert_eq!(Lang::Nl.post("RS Belgrade"), "RS Belgrado");
        assert_eq!(Lang::En.post("RS Belgrade"), "RS Belgrade");
        assert_eq!(Lang::Nl.post("MX Mexico City"), "MX Mexico-Stad");
        assert_eq!(Lang::Nl.post("PK (candidate)"), "PK (kandidaat)");
        assert_eq!(eur(Lang::Nl, 8_400_000.0), "EUR 8.400.000");
        assert_eq!(liaisons(1), "1 liaison");
        assert_eq!(
            locks(
                Lang::Nl,
                "capacity 10, keep GB London, region western_africa ≥ 2"
            ),
            "capaciteit 10, behoud GB Londen, regio West-Afrika ≥ 2"
        );
    }
}
