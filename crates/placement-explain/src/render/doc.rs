//! The explanation laid out as headings, paragraphs and lists, in one language; the text and
//! Markdown renderers only format these blocks.

use placement_core::record::InputStatus;

use crate::compare::Comparison;
use crate::contributions::{Part, PartKind};
use crate::counterfactual::{Change, Counterfactual, Search, Target};
use crate::explainer::Explanation;
use crate::i18n::{num, signed, Lang};

/// A block of a rendered document.
pub(crate) enum Block {
    Title(String),
    Heading(String),
    Para(String),
    Item(String),
}

fn part_name(lang: Lang, p: &Part) -> String {
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
        num(lang, c.to, 2),
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
    for p in &e.contributions.score {
        let detail = match p.kind {
            PartKind::Criterion => format!(
                "{}/10 × {} {}",
                num(lang, p.value, 1),
                lang.pick("weight", "gewicht"),
                num(lang, p.weight.unwrap_or(0.0), 2)
            ),
            PartKind::Adjustment => format!("× {}", num(lang, p.value, 2)),
        };
        b.push(Block::Item(format!(
            "{}: {} ({detail})",
            part_name(lang, p),
            signed(lang, p.points, 2)
        )));
    }
    b.push(Block::Para(format!(
        "{}: {}. {}: {}; {}: {}.",
        lang.pick("Total", "Totaal"),
        num(lang, e.contributions.score_total(), 2),
        lang.pick(
            "Largest parts of the need",
            "Grootste delen van de behoefte"
        ),
        top3(lang, &e.contributions.need),
        lang.pick("of the added value", "van de meerwaarde"),
        top3(lang, &e.contributions.added_value),
    )));

    b.push(Block::Heading(lang.pick("Rules", "Regels").to_string()));
    for f in &e.rules.fired {
        b.push(Block::Item(format!(
            "{} ({}, {}): {} [{}: «{}»]",
            f.text.rule,
            lang.stage(f.text.stage),
            lang.change(f.before.as_ref(), &f.after),
            lang.pick(&f.text.statement_en, &f.text.statement_nl),
            lang.pick("source", "bron"),
            f.text.citation.quote
        )));
    }
    for o in &e.rules.overruled {
        b.push(Block::Item(format!(
            "{} {}{}: {}",
            o.text.rule,
            lang.pick("held but was overruled", "gold maar werd overstemd"),
            o.overruled_by
                .as_ref()
                .map(|w| format!(" {} {w}", lang.pick("by", "door")))
                .unwrap_or_default(),
            lang.pick(&o.text.statement_en, &o.text.statement_nl),
        )));
    }
    for n in &e.rules.near_misses {
        let gaps: Vec<String> = n
            .gaps
            .iter()
            .map(|g| {
                format!(
                    "{} {} {} {} ({} {})",
                    lang.quantity(&g.on),
                    num(lang, g.value, 2),
                    lang.pick("vs", "t.o.v."),
                    format_args!("{} {}", lang.op(g.op), num(lang, g.threshold, 1)),
                    num(lang, g.distance, 2),
                    lang.pick("short", "tekort")
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
    if let Some(u) = &m.class_up {
        b.push(Block::Item(format!(
            "{} {} {} ({} {}, {})",
            num(lang, u.distance, 1),
            lang.pick("need points below", "behoeftepunten onder"),
            lang.class(u.class),
            lang.pick("threshold", "drempel"),
            num(lang, u.threshold, 1),
            u.rule
        )));
    }
    if let Some(d) = &m.class_down {
        b.push(Block::Item(format!(
            "{} {} {} ({} {}, {})",
            num(lang, d.distance, 1),
            lang.pick(
                "need points above the boundary of",
                "behoeftepunten boven de grens van"
            ),
            lang.class(d.class),
            lang.pick("threshold", "drempel"),
            num(lang, d.threshold, 1),
            d.rule
        )));
    }
    for t in &m.instrument {
        b.push(Block::Item(format!(
            "{}: {} {} {} {} ({})",
            t.rule,
            lang.quantity(&t.metric),
            num(lang, t.value, 1),
            lang.op(t.op),
            num(lang, t.threshold, 1),
            signed(lang, t.distance, 1)
        )));
    }
    for (label, n) in [
        (lang.pick("Ranked above", "Direct erboven"), &m.above),
        (lang.pick("Ranked below", "Direct eronder"), &m.below),
    ] {
        if let Some(n) = n {
            b.push(Block::Item(format!(
                "{label}: {} {} ({}), {} {}",
                n.rank,
                lang.pick(&n.name_en, &n.name_nl),
                n.country,
                lang.pick("score gap", "scoreverschil"),
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
        b.push(Block::Para(
            lang.pick(
                "Range of each weight (others rescaled proportionally, other countries held fixed) within which class and instrument stay the same:",
                "Bereik van elk gewicht (overige naar verhouding herschaald, andere landen gelijk gehouden) waarbinnen klasse en instrument gelijk blijven:",
            )
            .to_string(),
        ));
        for w in &e.stability {
            b.push(Block::Item(format!(
                "{}: {} [{} – {}]",
                lang.criterion(w.criterion),
                num(lang, w.weight, 3),
                num(lang, w.lower, 3),
                num(lang, w.upper, 3)
            )));
        }
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
                "; {s}, {d}, {} {}",
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

fn top3(lang: Lang, parts: &[Part]) -> String {
    parts
        .iter()
        .take(3)
        .map(|p| format!("{} {}", part_name(lang, p), signed(lang, p.points, 1)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A one-paragraph summary (for `advise --explain`).
pub(crate) fn paragraph(e: &Explanation, lang: Lang) -> String {
    let r = &e.recommendation;
    let mut s = format!(
        "{} {} {} ({}).",
        lang.pick(&e.name_en, &e.name_nl),
        lang.pick("is", "is"),
        lang.class(r.class),
        top3(lang, &e.contributions.need)
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
        (na, nb)
    } else {
        (nb, na)
    };
    b.push(Block::Para(format!(
        "{hi} {} {lo} {} {} {} ({} {} {} {}).",
        lang.pick("ranks above", "staat hoger dan"),
        lang.pick("by", "met"),
        num(lang, c.score_gap.abs(), 2),
        lang.pick("points", "punten"),
        lang.pick("rank", "rang"),
        c.a.rank,
        lang.pick("vs", "t.o.v."),
        c.b.rank
    )));
    b.push(Block::Heading(
        lang.pick("What separates them", "Wat hen onderscheidt")
            .to_string(),
    ));
    for s in c.separations.iter().filter(|s| s.difference.abs() >= 0.005) {
        let name = match s.kind {
            PartKind::Criterion => lang.quantity(&s.id),
            PartKind::Adjustment => format!("{} ({})", lang.pick("rule", "regel"), s.id),
        };
        b.push(Block::Item(format!(
            "{name}: {} ({} {} {} {})",
            signed(lang, s.difference, 2),
            c.a.country,
            num(lang, s.value_a, 1),
            c.b.country,
            num(lang, s.value_b, 1)
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
