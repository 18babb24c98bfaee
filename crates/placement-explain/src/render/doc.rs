//! The explanation laid out as headings, paragraphs and lists, in one language; the text and
//! Markdown renderers only format these blocks.

use placement_core::record::InputStatus;

use crate::compare::Comparison;
use crate::contributions::{Part, PartKind};
use crate::counterfactual::{Change, Counterfactual, Search, Target};
use crate::explainer::Explanation;
use crate::i18n::{num, num_full, signed, Lang};
use crate::stability::WeightInterval;

/// A block of a rendered document.
pub(crate) enum Block {
    Title(String),
    Heading(String),
    Para(String),
    Item(String),
}

pub(crate) fn part_name(lang: Lang, p: &Part) -> String {
    match p.kind {
        PartKind::Criterion => lang.quantity(&p.id),
        PartKind::Adjustment => format!("{} ({})", lang.pick("rule", "regel"), p.id),
    }
}

fn outcome(lang: Lang, class: placement_core::Class, i: placement_core::Instrument) -> String {
    format!("{}, {}", lang.class(class), lang.instrument(i))
}

fn change_text(lang: Lang, c: &Change, derived: bool) -> String {
    let d = if derived {
        lang.pick(" (derived value)", " (afgeleide waarde)")
    } else {
        ""
    };
    format!(
        "{}{d} {} → {} ({})",
        lang.criterion(c.criterion),
        num(lang, c.from, 2),
        num_full(lang, c.to, 2),
        signed(lang, c.delta(), 2)
    )
}

fn target_name(lang: Lang, t: Target, n: usize) -> String {
    match t {
        Target::Class => lang.pick("class", "klasse").to_string(),
        Target::Instrument => lang.pick("instrument", "instrument").to_string(),
        Target::TopN => format!("top {n}"),
    }
}

fn cf_result(lang: Lang, cf: &Counterfactual, n: usize) -> String {
    let o = &cf.outcome;
    let what = match cf.target {
        Target::Class => lang.class(o.class).to_string(),
        Target::Instrument => lang.instrument(o.instrument).to_string(),
        Target::TopN => format!("{} {}", lang.pick("rank", "rang"), o.rank),
    };
    let _ = n;
    what
}

/// The full explanation.
pub(crate) fn explanation(e: &Explanation, lang: Lang) -> Vec<Block> {
    let mut b = Vec::new();
    let r = &e.recommendation;
    let name = lang.pick(&e.name_en, &e.name_nl);
    b.push(Block::Title(format!(
        "{} {name} ({})",
        lang.pick("Explanation:", "Toelichting:"),
        e.country
    )));
    let p = &e.provenance;
    b.push(Block::Para(format!(
        "{}: {} — {} {} ({}), {} {}.",
        lang.pick("Marking", "Rubricering"),
        lang.marking(p.marking),
        lang.pick("rulebook", "regelboek"),
        p.rulebook.id,
        lang.rulebook_title(&p.rulebook.id, &p.rulebook.title),
        lang.pick("input as of", "peildatum invoer"),
        p.input.as_of
    )));
    if e.illustrative {
        b.push(Block::Para(lang.illustrative_notice().to_string()));
    }
    b.push(Block::Heading(
        lang.pick("Recommendation", "Advies").to_string(),
    ));
    let org = r
        .organisation
        .map(|o| format!(" — {}", lang.organisation(o)))
        .unwrap_or_default();
    b.push(Block::Para(format!(
        "{}: {}; {}: {}{org}. {} {} {} {}; {} {}, {} {}.",
        lang.pick("Class", "Klasse"),
        lang.class(r.class),
        lang.pick("instrument", "instrument"),
        lang.instrument(r.instrument),
        lang.pick("Rank", "Rang"),
        r.rank,
        lang.pick("with score", "met score"),
        num(lang, r.score, 1),
        lang.pick("need", "behoefte"),
        num(lang, r.need, 1),
        lang.pick("added value", "meerwaarde"),
        num(lang, r.added_value, 1),
    )));

    b.push(Block::Heading(
        lang.pick("Contributions to the score", "Bijdragen aan de score")
            .to_string(),
    ));
    let cs = &e.contributions;
    for p in &cs.score {
        b.push(Block::Item(format!(
            "{}: {}",
            part_name(lang, p),
            part_computation(lang, p, cs.added_value_weight)
        )));
    }
    b.push(Block::Para(format!(
        "{}: {}.",
        lang.pick("Total", "Totaal"),
        num(lang, cs.score_total(), 2),
    )));
    let need_points = points_of(&cs.score, &cs.need);
    b.push(Block::Para(side_computation(
        lang,
        lang.pick("Need", "Behoefte"),
        r.need,
        need_points,
        cs.need_weight,
        lang.pick("need criteria", "behoeftecriteria"),
    )));
    let base: f64 = cs
        .added_value
        .iter()
        .filter(|p| p.kind == PartKind::Criterion)
        .map(|p| p.points)
        .sum();
    let base_points = points_of(&cs.score, &cs.added_value);
    let mut av = side_computation(
        lang,
        lang.pick("Added value", "Meerwaarde"),
        base,
        base_points,
        cs.added_value_weight,
        lang.pick("added-value criteria", "meerwaardecriteria"),
    );
    if (base - r.added_value).abs() > 1e-9 {
        av.pop();
        av.push_str(&format!(
            "; {} {}.",
            lang.pick("after the adjustments", "na de correcties"),
            num(lang, r.added_value, 2)
        ));
    }
    b.push(Block::Para(av));

    b.push(Block::Heading(lang.pick("Rules", "Regels").to_string()));
    for f in &e.rules.fired {
        b.push(Block::Item(format!(
            "{} ({}, {}): {} [{}: {}: «{}»]",
            f.text.rule,
            lang.stage(f.text.stage),
            lang.change(f.before.as_ref(), &f.after),
            lang.pick(&f.text.statement_en, &f.text.statement_nl),
            lang.pick("source", "bron"),
            lang.seed_title(&f.text.citation.seed),
            f.text.citation.quote
        )));
    }
    for o in &e.rules.overruled {
        let head = match (&o.overruled_by, lang) {
            (Some(w), Lang::En) => format!("{} applied, but {w} took precedence", o.text.rule),
            (Some(w), Lang::Nl) => {
                format!("{} was van toepassing, maar {w} ging voor", o.text.rule)
            }
            (None, _) => format!(
                "{} {}",
                o.text.rule,
                lang.pick(
                    "applied, but a later rule took precedence",
                    "was van toepassing, maar een latere regel ging voor"
                )
            ),
        };
        b.push(Block::Item(format!(
            "{head}: {}",
            lang.pick(&o.text.statement_en, &o.text.statement_nl),
        )));
    }
    for n in &e.rules.near_misses {
        let gaps: Vec<String> = n
            .gaps
            .iter()
            .map(|g| {
                format!(
                    "{} {}",
                    lang.quantity(&g.on),
                    lang.comparison(g.value, g.op, g.threshold, 2)
                )
            })
            .collect();
        let effect = if n.would_take_effect {
            ""
        } else {
            lang.pick(
                " (would not have changed the decision)",
                " (had de beslissing niet veranderd)",
            )
        };
        b.push(Block::Item(format!(
            "{} {}{effect}: {}",
            n.text.rule,
            lang.pick("nearly fired", "was bijna van toepassing"),
            gaps.join("; ")
        )));
    }

    b.push(Block::Heading(lang.pick("Margins", "Marges").to_string()));
    let m = &e.margins;
    for c in m.class_up.iter().chain(&m.class_down) {
        b.push(Block::Item(format!(
            "{} ({} {}): {} {}",
            c.rule,
            lang.pick("class", "klasse"),
            lang.class(c.class),
            lang.quantity("need"),
            lang.comparison(r.need, c.op, c.threshold, 1)
        )));
    }
    for t in &m.instrument {
        b.push(Block::Item(format!(
            "{}: {} {}",
            t.rule,
            lang.quantity(&t.metric),
            lang.comparison(t.value, t.op, t.threshold, 1)
        )));
    }
    for (label, n) in [
        (lang.pick("Ranked above", "Direct erboven"), &m.above),
        (lang.pick("Ranked below", "Direct eronder"), &m.below),
    ] {
        if let Some(n) = n {
            b.push(Block::Item(format!(
                "{label}: {} {} {} ({}), {} {} ({} {})",
                lang.pick("rank", "rang"),
                n.rank,
                lang.pick(&n.name_en, &n.name_nl),
                n.country,
                lang.pick("score", "score"),
                num(lang, n.score, 2),
                lang.pick("gap", "verschil"),
                num(lang, n.gap, 2)
            )));
        }
    }

    let c = &e.counterfactuals;
    b.push(Block::Heading(
        lang.pick("What would have to change", "Wat zou moeten veranderen")
            .to_string(),
    ));
    b.push(Block::Para(
        lang.pick(
            "Smallest change of one input, all other inputs and countries held fixed; each verified by re-running the engine.",
            "Kleinste wijziging van één invoer, alle andere invoer en landen gelijk gehouden; elk gecontroleerd door de rekenkern opnieuw te draaien.",
        )
        .to_string(),
    ));
    for t in Target::ALL {
        let mut found: Vec<(&Counterfactual, InputStatus)> = c
            .criteria
            .iter()
            .filter_map(|s| match s.get(t) {
                Search::Found(cf) => Some((cf, s.status)),
                _ => None,
            })
            .collect();
        found.sort_by(|a, b| {
            a.0.changes[0]
                .delta()
                .abs()
                .total_cmp(&b.0.changes[0].delta().abs())
        });
        let head = target_name(lang, t, c.top_n);
        if found.is_empty() {
            let pair = c.pairs.iter().find(|p| p.target == t);
            let text = match pair {
                Some(p) => format!(
                    "{}: {} {} → {}",
                    lang.pick("no single input within the scale changes it; together", "geen enkele invoer binnen de schaal verandert dit; samen"),
                    p.changes.iter().map(|ch| change_text(lang, ch, false)).collect::<Vec<_>>().join(lang.pick(" and ", " en ")),
                    "",
                    cf_result(lang, p, c.top_n)
                ),
                None => lang
                    .pick(
                        "no change of one or two inputs within the scale changes it",
                        "geen wijziging van één of twee invoerwaarden binnen de schaal verandert dit",
                    )
                    .to_string(),
            };
            b.push(Block::Item(format!("{head}: {text}")));
            continue;
        }
        for (cf, status) in found.into_iter().take(3) {
            b.push(Block::Item(format!(
                "{head}: {} → {}",
                change_text(lang, &cf.changes[0], status == InputStatus::Derived),
                cf_result(lang, cf, c.top_n)
            )));
        }
    }

    if !e.stability.is_empty() {
        b.push(Block::Heading(
            lang.pick("Weight stability", "Stabiliteit van de gewichten")
                .to_string(),
        ));
        stability(lang, &e.stability, &mut b);
    }

    b.push(Block::Heading(
        lang.pick("Provenance", "Herkomst").to_string(),
    ));
    for i in &p.inputs {
        let status = match i.status {
            InputStatus::Assessed => lang.pick("assessed", "beoordeeld"),
            InputStatus::Derived => lang.pick("derived", "afgeleid"),
            InputStatus::Missing => lang.pick("MISSING", "ONTBREEKT"),
            InputStatus::NotApplicable => lang.pick("not applicable", "niet van toepassing"),
        };
        let src = match (&i.source, i.date, i.confidence) {
            (Some(s), Some(d), Some(c)) => format!(
                "; {}, {d}, {} {}",
                lang.shipped_text(s),
                lang.pick("confidence", "betrouwbaarheid"),
                match c {
                    placement_core::Confidence::Low => lang.pick("low", "laag"),
                    placement_core::Confidence::Medium => lang.pick("medium", "gemiddeld"),
                    placement_core::Confidence::High => lang.pick("high", "hoog"),
                }
            ),
            _ => String::new(),
        };
        let stale = if i.stale {
            lang.pick(" — STALE", " — VEROUDERD")
        } else {
            ""
        };
        b.push(Block::Item(format!(
            "{} {} ({status}{src}){stale}",
            lang.criterion(i.criterion),
            num(lang, i.value, 2)
        )));
    }
    for mt in &p.missing {
        b.push(Block::Para(format!(
            "{} {} {} {}; {} 0: {}; {} 10: {}.",
            lang.criterion(mt.criterion),
            lang.pick(
                "is missing; the rulebook's policy used",
                "ontbreekt; het regelboek gebruikte"
            ),
            num(lang, mt.imputed, 1),
            if mt.changes_outcome {
                lang.pick(
                    "— the recommendation hinges on it",
                    "— het advies hangt ervan af",
                )
            } else {
                lang.pick(
                    "— the recommendation does not depend on it",
                    "— het advies hangt er niet van af",
                )
            },
            lang.pick("at", "bij"),
            outcome(lang, mt.at_min.class, mt.at_min.instrument),
            lang.pick("at", "bij"),
            outcome(lang, mt.at_max.class, mt.at_max.instrument),
        )));
    }
    b
}

/// The score points of the criteria that are parts of `side`.
fn points_of(score: &[Part], side: &[Part]) -> f64 {
    score
        .iter()
        .filter(|p| p.kind == PartKind::Criterion && side.iter().any(|q| q.id == p.id))
        .map(|p| p.points)
        .sum()
}

/// One part of the score with the computation that gives it, true at the precision shown.
fn part_computation(lang: Lang, p: &Part, added_value_weight: f64) -> String {
    let points = signed(lang, p.points, 2);
    let weight = |w: f64| {
        format!(
            "{} {}",
            lang.pick("weight", "gewicht"),
            num_full(lang, w, 2)
        )
    };
    match (p.kind, p.added_value) {
        (PartKind::Criterion, _) => {
            let v = num(lang, p.value, 2);
            let w = weight(p.weight.unwrap_or(0.0));
            if p.cost {
                format!(
                    "{points} = (1 − {v}/10) × {w} × 100 ({})",
                    lang.pick("a lower value adds more", "een lagere waarde telt zwaarder")
                )
            } else {
                format!("{points} = {v}/10 × {w} × 100")
            }
        }
        (PartKind::Adjustment, Some((before, after))) => format!(
            "{points} = ({} − {}) × {} {} ({} {} × {} = {})",
            num(lang, after, 2),
            num(lang, before, 2),
            lang.pick("weight of the added value", "gewicht van de meerwaarde"),
            num_full(lang, added_value_weight, 2),
            lang.pick("added value", "meerwaarde"),
            num(lang, before, 2),
            num_full(lang, p.value, 2),
            num(lang, after, 2),
        ),
        (PartKind::Adjustment, None) => format!("{points} (× {})", num_full(lang, p.value, 2)),
    }
}

/// `Need 84.50 = 42.25 / 0.50 (…)`: a side's score from its criteria's points and weight.
fn side_computation(
    lang: Lang,
    label: &str,
    value: f64,
    points: f64,
    weight: f64,
    what: &str,
) -> String {
    format!(
        "{label} {} = {} / {} ({} {what} {} {what}).",
        num(lang, value, 2),
        num(lang, points, 3),
        num_full(lang, weight, 2),
        lang.pick("the points of the", "de punten van de"),
        lang.pick(
            "over the total weight of the",
            "gedeeld door het totale gewicht van de"
        ),
    )
}

/// The weight-stability section: only the weights with a bound are listed; the others are
/// summarised in one sentence.
fn stability(lang: Lang, ws: &[WeightInterval], b: &mut Vec<Block>) {
    let (free, bounded): (Vec<&WeightInterval>, Vec<&WeightInterval>) = ws
        .iter()
        .partition(|w| w.below.is_none() && w.above.is_none());
    b.push(Block::Para(
        lang.pick(
            "One weight changed from 0 to 1, the others rescaled proportionally and other countries held fixed.",
            "Eén gewicht veranderd van 0 tot 1, de overige naar verhouding herschaald en de andere landen gelijk gehouden.",
        )
        .to_string(),
    ));
    if bounded.is_empty() {
        b.push(Block::Para(
            lang.pick(
                "No single weight change changes the class or the instrument.",
                "Geen enkele wijziging van één gewicht verandert de klasse of het instrument.",
            )
            .to_string(),
        ));
        return;
    }
    for w in bounded {
        let mut line = format!(
            "{}: {} {}; {} {} {} {} {}",
            lang.criterion(w.criterion),
            lang.pick("weight", "gewicht"),
            num_full(lang, w.weight, 2),
            lang.pick(
                "same class and instrument from",
                "zelfde klasse en instrument van"
            ),
            num(lang, w.lower, 3),
            lang.pick("to", "tot"),
            num(lang, w.upper, 3),
            lang.pick("", ""),
        );
        line = line.trim_end().to_string();
        for (side, at) in [
            (lang.pick("below", "eronder"), w.below),
            (lang.pick("above", "erboven"), w.above),
        ] {
            if let Some((c, i)) = at {
                line.push_str(&format!("; {side}: {}", outcome(lang, c, i)));
            }
        }
        b.push(Block::Item(line));
    }
    if !free.is_empty() {
        b.push(Block::Para(format!(
            "{} {}",
            lang.pick(
                "Any value of the other weights keeps class and instrument:",
                "Elke waarde van de overige gewichten houdt klasse en instrument gelijk:"
            ),
            free.iter()
                .map(|w| lang.criterion(w.criterion))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
}

/// A one-paragraph summary (for `advise --explain`).
pub(crate) fn paragraph(e: &Explanation, lang: Lang) -> String {
    let r = &e.recommendation;
    let need = match &e.margins.class_down {
        Some(d) if d.class == r.class => format!(
            " {} {}: {} {}",
            lang.pick("under", "volgens"),
            d.rule,
            lang.quantity("need"),
            lang.comparison(r.need, d.op, d.threshold, 1),
        ),
        _ => format!(" ({} {})", lang.quantity("need"), num(lang, r.need, 1)),
    };
    let mut s = format!(
        "{} {}{need}.",
        lang.country_is(&e.name_en, &e.name_nl),
        lang.class(r.class),
    );
    if let Some(f) = e.rules.fired.iter().rev().find(|f| {
        matches!(
            f.text.stage,
            placement_core::rulebook::Stage::Instrument | placement_core::rulebook::Stage::Network
        )
    }) {
        s.push_str(&format!(
            " {} {} ({}): {}",
            lang.pick("Instrument", "Instrument"),
            lang.instrument(r.instrument),
            f.text.rule,
            lang.pick(&f.text.statement_en, &f.text.statement_nl)
        ));
    }
    let best = e
        .counterfactuals
        .criteria
        .iter()
        .filter_map(|c| match &c.instrument {
            Search::Found(cf) => Some(cf),
            _ => None,
        })
        .min_by(|a, b| {
            a.changes[0]
                .delta()
                .abs()
                .total_cmp(&b.changes[0].delta().abs())
        });
    if let Some(cf) = best {
        s.push_str(&format!(
            " {} {} {}.",
            lang.pick(
                "Smallest change for another instrument:",
                "Kleinste wijziging voor een ander instrument:"
            ),
            change_text(lang, &cf.changes[0], false),
            format_args!("→ {}", lang.instrument(cf.outcome.instrument))
        ));
    }
    s
}

/// A pairwise comparison.
pub(crate) fn comparison(c: &Comparison, lang: Lang) -> Vec<Block> {
    let mut b = Vec::new();
    let (na, nb) = (
        lang.pick(&c.a.name_en, &c.a.name_nl),
        lang.pick(&c.b.name_en, &c.b.name_nl),
    );
    b.push(Block::Title(format!(
        "{na} ({}) — {nb} ({})",
        c.a.country, c.b.country
    )));
    let (hi, lo) = if c.score_gap >= 0.0 {
        (&c.a, &c.b)
    } else {
        (&c.b, &c.a)
    };
    let gap = num(lang, c.score_gap.abs(), 2);
    let (hi_name, lo_name) = (
        lang.country_subject(&hi.name_en, &hi.name_nl),
        lang.country_in_text(&lo.name_en, &lo.name_nl),
    );
    b.push(Block::Para(match lang {
        Lang::En => format!(
            "{hi_name} ranks {gap} points above {lo_name} (score {} against {}; rank {} against {}).",
            num(lang, hi.score, 2),
            num(lang, lo.score, 2),
            hi.rank,
            lo.rank
        ),
        Lang::Nl => format!(
            "{hi_name} staat {gap} punten hoger dan {lo_name} (score {} tegenover {}; rang {} tegenover {}).",
            num(lang, hi.score, 2),
            num(lang, lo.score, 2),
            hi.rank,
            lo.rank
        ),
    }));
    b.push(Block::Heading(
        lang.pick("What separates them", "Wat hen onderscheidt")
            .to_string(),
    ));
    for s in c.separations.iter().filter(|s| s.difference.abs() >= 0.005) {
        let name = match s.kind {
            PartKind::Criterion => lang.quantity(&s.id),
            PartKind::Adjustment => format!("{} ({})", lang.pick("rule", "regel"), s.id),
        };
        let value = |v: f64| match s.kind {
            PartKind::Criterion => num(lang, v, 2),
            PartKind::Adjustment => format!("× {}", num_full(lang, v, 2)),
        };
        b.push(Block::Item(format!(
            "{name}: {} {} ({} {}, {} {})",
            signed(lang, s.difference, 2),
            lang.pick("points", "punten"),
            c.a.country,
            value(s.value_a),
            c.b.country,
            value(s.value_b)
        )));
    }
    b.push(Block::Heading(
        lang.pick(
            "Rules that treat them differently",
            "Regels die hen verschillend behandelen",
        )
        .to_string(),
    ));
    if c.rules.is_empty() {
        b.push(Block::Para(lang.pick("None.", "Geen.").to_string()));
    }
    let none = lang.pick("did not fire", "niet van toepassing");
    for r in &c.rules {
        b.push(Block::Item(format!(
            "{}: {} {}, {} {} — {}",
            r.text.rule,
            c.a.country,
            r.a.as_ref()
                .map_or(none.to_string(), |(x, y)| lang.change(x.as_ref(), y)),
            c.b.country,
            r.b.as_ref()
                .map_or(none.to_string(), |(x, y)| lang.change(x.as_ref(), y)),
            lang.pick(&r.text.statement_en, &r.text.statement_nl)
        )));
    }
    b
}
