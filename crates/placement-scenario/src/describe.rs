//! A scenario change as a person reads it, in English or Dutch: what changed, from what to
//! what (`GB: EU member state yes → no`, `MX: quality of existing cooperation 6 → 7`), with
//! the base state supplying the old value. No raw ids: criteria, facts, regions and bases of
//! information exchange are named in the language.

use placement_core::assessment::{DataSharingBasis, FactChange};
use placement_core::{CountryAssessment, CountryCode};
use placement_text::{num_full, thousands, Lang};

use crate::change::{Change, ChangeKind};
use crate::resolve::State;

fn yes_no(lang: Lang, b: bool) -> &'static str {
    if b {
        lang.pick("yes", "ja")
    } else {
        lang.pick("no", "nee")
    }
}

fn basis(lang: Lang, d: DataSharingBasis) -> &'static str {
    match d {
        DataSharingBasis::EuMemberState => lang.pick("as an EU member state", "als EU-lidstaat"),
        DataSharingBasis::LedAdequacy => lang.pick(
            "LED adequacy decision",
            "adequaatheidsbesluit onder de richtlijn gegevensbescherming opsporing",
        ),
        DataSharingBasis::NationalAssessment => lang.pick(
            "assessment by the national controllers",
            "beoordeling door de nationale verwerkingsverantwoordelijken",
        ),
        _ => lang.pick("none", "geen"),
    }
}

fn codes(v: &[CountryCode]) -> String {
    if v.is_empty() {
        "–".to_string()
    } else {
        v.iter()
            .map(CountryCode::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The fact's name and its value in `ca` and in `fact`, as words.
fn fact(lang: Lang, fact: &FactChange, ca: Option<&CountryAssessment>) -> (String, String, String) {
    let old = |f: &dyn Fn(&CountryAssessment) -> String| ca.map_or("–".to_string(), f);
    match fact {
        FactChange::EuMember(b) => (
            lang.pick("EU member state", "EU-lidstaat").into(),
            old(&|c| yes_no(lang, c.facts.eu_member).into()),
            yes_no(lang, *b).into(),
        ),
        FactChange::Schengen(b) => (
            lang.pick("Schengen member", "Schengenland").into(),
            old(&|c| yes_no(lang, c.facts.schengen).into()),
            yes_no(lang, *b).into(),
        ),
        FactChange::LandBorderNl(b) => (
            lang.pick(
                "land border with the Netherlands",
                "landgrens met Nederland",
            )
            .into(),
            old(&|c| yes_no(lang, c.facts.land_border_nl).into()),
            yes_no(lang, *b).into(),
        ),
        FactChange::Region(r) => (
            lang.pick("region", "regio").into(),
            old(&|c| lang.region(c.facts.region).to_string()),
            lang.region(*r).to_string(),
        ),
        FactChange::PartnerLiaison(b) => (
            lang.pick(
                "covered by a Benelux partner liaison",
                "gedekt door een Benelux-partnerliaison",
            )
            .into(),
            old(&|c| yes_no(lang, c.partner_liaison).into()),
            yes_no(lang, *b).into(),
        ),
        FactChange::LostEuInstruments(b) => (
            lang.pick(
                "lost the EU legal-assistance instruments",
                "EU-(rechtshulp)instrumenten vervallen",
            )
            .into(),
            old(&|c| yes_no(lang, c.lost_eu_instruments).into()),
            yes_no(lang, *b).into(),
        ),
        FactChange::DataSharing(d) => (
            lang.pick(
                "basis for information exchange",
                "grondslag voor informatie-uitwisseling",
            )
            .into(),
            old(&|c| basis(lang, c.data_sharing).into()),
            basis(lang, *d).into(),
        ),
        FactChange::AccreditationHosts(v) => (
            lang.pick(
                "accredited from the post in",
                "geaccrediteerd vanuit de post in",
            )
            .into(),
            old(&|c| codes(&c.accreditation_hosts)),
            codes(v),
        ),
        FactChange::Springboard(links) => {
            let show = |l: &[placement_core::assessment::SpringboardLink]| {
                if l.is_empty() {
                    "–".to_string()
                } else {
                    l.iter()
                        .map(|k| format!("{} {}", k.to.as_str(), num_full(lang, k.access, 2)))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            (
                lang.pick("springboard links", "springplankverbindingen")
                    .into(),
                old(&|c| show(&c.springboard)),
                show(links),
            )
        }
        // A fact added to placement-core later: its file id and value until it is named here.
        other => (other.id().to_string(), "–".to_string(), other.value_text()),
    }
}

/// The change as words, old value → new value where the base has one.
pub fn describe(change: &Change, base: &State, lang: Lang) -> String {
    match &change.kind {
        ChangeKind::Rulebook { id, rulebook } => format!(
            "{} {} → {id} ({})",
            lang.pick("rulebook", "regelboek"),
            base.rulebook.id(),
            lang.rulebook_title(id, rulebook.title())
        ),
        ChangeKind::RemoveCountry(c) => {
            format!(
                "{c}: {}",
                lang.pick("removed from the assessment", "uit de beoordeling gehaald")
            )
        }
        ChangeKind::AddCountry(ca) => {
            format!(
                "{}: {}",
                ca.code,
                lang.pick("added to the assessment", "aan de beoordeling toegevoegd")
            )
        }
        ChangeKind::Fact { country, fact: f } => {
            let (name, old, new) = fact(lang, f, base.assessment.get(*country));
            format!("{country}: {name} {old} → {new}")
        }
        ChangeKind::Value {
            country,
            criterion,
            value,
            ..
        } => {
            let old = base
                .assessment
                .get(*country)
                .and_then(|ca| ca.criteria.get(criterion))
                .map_or_else(
                    || lang.pick("not assessed", "niet beoordeeld").to_string(),
                    |a| {
                        a.value.map_or_else(
                            || lang.pick("missing", "ontbrekend").to_string(),
                            |v| num_full(lang, v, 0),
                        )
                    },
                );
            format!(
                "{country}: {} {old} → {}",
                lang.criterion(*criterion),
                num_full(lang, *value, 0)
            )
        }
        ChangeKind::Weights(w) => format!(
            "{}: {}",
            lang.pick("weights", "gewichten"),
            w.iter()
                .map(|(c, v)| format!(
                    "{} {} → {}",
                    lang.criterion(*c),
                    num_full(
                        lang,
                        base.rulebook.weights().get(c).copied().unwrap_or(0.0),
                        2
                    ),
                    num_full(lang, *v, 2)
                ))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        ChangeKind::Priority {
            phenomenon,
            priority,
        } => format!(
            "{} {}: {}",
            lang.pick("priority of", "prioriteit van"),
            lang.phenomenon(*phenomenon),
            num_full(lang, *priority, 0)
        ),
        ChangeKind::RuleEnabled { rule, enabled } => format!(
            "{} {rule} {}",
            lang.pick("rule", "regel"),
            if *enabled {
                lang.pick("switched on", "aangezet")
            } else {
                lang.pick("switched off", "uitgezet")
            }
        ),
        ChangeKind::Threshold { rule, on, value } => format!(
            "{} {rule}: {} {} {}",
            lang.pick("rule", "regel"),
            lang.pick("threshold on", "drempel voor"),
            lang.quantity(on),
            format_args!(
                "{} {}",
                lang.pick("becomes", "wordt"),
                num_full(lang, *value, 0)
            )
        ),
        ChangeKind::Capacity(c) => {
            let n = |x: Option<u32>| x.map_or("–".to_string(), |x| x.to_string());
            format!(
                "{}: {} {} → {}, KMar {} → {}",
                lang.pick("capacity", "capaciteit"),
                lang.pick("police", "politie"),
                n(base.capacity.police),
                n(c.police),
                n(base.capacity.marechaussee),
                n(c.marechaussee)
            )
        }
        ChangeKind::Budget(b) => format!(
            "{}: {} → {} EUR, {} {} EUR",
            lang.pick("budget", "budget"),
            base.budget
                .total_eur
                .map_or("–".to_string(), |t| thousands(lang, t)),
            b.total_eur.map_or("–".to_string(), |t| thousands(lang, t)),
            lang.pick("per placement", "per plaatsing"),
            thousands(lang, b.cost_per_placement_eur)
        ),
        ChangeKind::Post { country, locked_in } => format!(
            "{} {country}: {}",
            lang.pick("post", "post"),
            if *locked_in {
                lang.pick("locked in", "vastgezet")
            } else {
                lang.pick("ruled out", "uitgesloten")
            }
        ),
    }
}
