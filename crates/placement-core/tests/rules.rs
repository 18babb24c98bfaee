//! Every rule of every shipped rulebook changes an outcome in at least one test, and switching
//! it off changes it back. One test per rule, named after the rule.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use placement_core::{Class, CountryCode, Evaluation, Instrument, Organisation, Rulebook};

fn code(s: &str) -> CountryCode {
    CountryCode::parse(s).unwrap()
}

type Triple = (Class, Instrument, Option<Organisation>);

fn outcome(e: &Evaluation, c: &str) -> Triple {
    let r = e.record(code(c)).unwrap();
    (r.class, r.instrument, r.organisation)
}

/// Evaluates `countries` with the rulebook as shipped and with `rule` switched off, and returns
/// the outcome of `target` in both, asserting the rule fired only in the first.
fn with_and_without(rulebook: &str, rule: &str, countries: &[C], target: &str) -> (Triple, Triple) {
    let on = Rulebook::embedded(rulebook).unwrap();
    let off = rules_without(rulebook, &[rule]);
    let a = eval(&on, countries);
    let b = eval(&off, countries);
    let fired = |e: &Evaluation| {
        e.record(code(target))
            .unwrap()
            .rules
            .iter()
            .any(|f| f.rule == rule)
    };
    assert!(fired(&a), "{rule} should fire for {target}");
    assert!(!fired(&b), "{rule} is off and must not fire");
    (outcome(&a, target), outcome(&b, target))
}

const HIGH_NEED: [(&str, f64); 5] = [
    ("crime_relation", 9.0),
    ("cooperation_volume", 8.0),
    ("socta", 8.0),
    ("political_relation", 7.0),
    ("strategic_partnership", 7.0),
];

#[test]
fn r_eu_2_discounts_added_value_in_the_eu() {
    let es = c(
        "ES",
        &[
            HIGH_NEED[0],
            HIGH_NEED[1],
            HIGH_NEED[2],
            ("europol_channel", 8.0),
            ("obstacles", 6.0),
        ],
    );
    let (on, off) = with_and_without("p4-2019", "R-EU-2", &[es], "ES");
    assert_eq!(on.1, Instrument::FlexibleLiaison);
    assert_eq!(off.1, Instrument::PermanentLiaison);
}

#[test]
fn r_eu_2_does_not_apply_where_the_europol_route_falls_short() {
    // Seed 000: some EU states invest little in their Europol desk; there a liaison stays possible.
    let rules = Rulebook::default_rulebook().unwrap();
    let weak = c(
        "BG",
        &[
            HIGH_NEED[0],
            HIGH_NEED[1],
            HIGH_NEED[2],
            ("europol_channel", 3.0),
            ("obstacles", 6.0),
        ],
    );
    let e = eval(&rules, &[weak]);
    assert_eq!(outcome(&e, "BG").1, Instrument::PermanentLiaison);
}

#[test]
fn r_brexit_1_lost_eu_instruments_raise_added_value() {
    // Seed 002: "het vervallen van de EU wetgeving en de hierop gebaseerde (rechtshulp)instrumenten".
    let gb = c(
        "GB",
        &[
            HIGH_NEED[0],
            HIGH_NEED[1],
            HIGH_NEED[2],
            ("cooperation_quality", 8.0),
        ],
    )
    .extra("lost_eu_instruments = true");
    let (on, off) = with_and_without("p4-2019", "R-BREXIT-1", &[gb], "GB");
    assert_eq!(on.1, Instrument::PermanentLiaison);
    assert_eq!(off.1, Instrument::FlexibleLiaison);
}

#[test]
fn r_coop_exc_does_not_apply_where_the_eu_instruments_were_lost() {
    // Excellent cooperation that rested on EU instruments no longer rules a liaison out.
    let rules = Rulebook::default_rulebook().unwrap();
    let values = [
        HIGH_NEED[0],
        HIGH_NEED[1],
        HIGH_NEED[2],
        ("cooperation_quality", 9.0),
    ];
    let before = eval(&rules, &[c("GB", &values)]);
    assert_eq!(outcome(&before, "GB").1, Instrument::None);
    let after = eval(
        &rules,
        &[c("GB", &values).extra("lost_eu_instruments = true")],
    );
    assert_eq!(outcome(&after, "GB").1, Instrument::PermanentLiaison);
    let r = after.record(code("GB")).unwrap();
    assert!(r.rules.iter().all(|f| f.rule != "R-COOP-EXC"));
    assert!(r.lost_eu_instruments);
}

#[test]
fn r_nbr_1_neighbours_with_strong_need_get_a_liaison() {
    // Seed 002: "In België, Duitsland en het VK plaatst de politie de komende periode liaisons".
    // The condition reads the fact land_border_nl, never a country name.
    let values = [
        HIGH_NEED[0],
        HIGH_NEED[1],
        HIGH_NEED[2],
        HIGH_NEED[3],
        HIGH_NEED[4],
        ("europol_channel", 8.0),
    ];
    let (on, off) = with_and_without("p4-2019", "R-NBR-1", &[c("BE", &values)], "BE");
    assert_eq!(on.1, Instrument::PermanentLiaison);
    assert_eq!(off.1, Instrument::FlexibleLiaison);
    // The same values in an EU member without a land border: the Europol track (a FILO).
    let e = eval(&Rulebook::default_rulebook().unwrap(), &[c("AT", &values)]);
    assert_eq!(outcome(&e, "AT").1, Instrument::FlexibleLiaison);
}

const HUMAN_TRAFFICKING_SOURCE: &str = "\n[[country.phenomena]]\nphenomenon = \"human_trafficking\"\nintensity = 6\nroles = [\"source\"]\ntrend = \"stable\"\n";
const HUMAN_TRAFFICKING_DESTINATION: &str = "\n[[country.phenomena]]\nphenomenon = \"human_trafficking\"\nintensity = 6\nroles = [\"destination\"]\ntrend = \"stable\"\n";

#[test]
fn r_phen_5_upstream_disruption_inside_the_eu() {
    // Seed 002: "plaatst de politie liaisons in bron- en transitlanden van criminele fenomenen";
    // "taakaccent mensenhandel in Polen, Bosnië en Italië".
    let values = [
        HIGH_NEED[1],
        HIGH_NEED[2],
        HIGH_NEED[3],
        HIGH_NEED[4],
        ("europol_channel", 8.0),
    ];
    let pl = c("PL", &values).phenomena(HUMAN_TRAFFICKING_SOURCE);
    let (on, off) = with_and_without("p4-2019", "R-PHEN-5", &[pl], "PL");
    assert_eq!(on.1, Instrument::PermanentLiaison);
    assert_eq!(off.1, Instrument::FlexibleLiaison);
    // The same intensity as a destination country is not upstream: the Europol track.
    let e = eval(
        &Rulebook::default_rulebook().unwrap(),
        &[c("PL", &values).phenomena(HUMAN_TRAFFICKING_DESTINATION)],
    );
    let r = e.record(code("PL")).unwrap();
    assert_eq!(r.upstream, 0.0);
    assert_eq!(r.instrument, Instrument::FlexibleLiaison);
}

#[test]
fn r_cls_prio_makes_high_need_a_priority() {
    let co = c("CO", &HIGH_NEED);
    let (on, off) = with_and_without("p4-2019", "R-CLS-PRIO", &[co], "CO");
    assert_eq!(on.0, Class::Priority);
    assert_eq!(off.0, Class::SubPriority);
}

#[test]
fn r_cls_sub_makes_moderate_need_a_sub_priority() {
    let (on, off) = with_and_without("p4-2019", "R-CLS-SUB", &[c("CO", &[])], "CO");
    assert_eq!(on.0, Class::SubPriority);
    assert_eq!(off.0, Class::Other);
}

#[test]
fn r_nonop_3_without_data_sharing_basis_capacity_building() {
    let sy = c("SY", &[]).extra("data_sharing = \"none\"");
    let (on, off) = with_and_without("p4-2019", "R-NONOP-3", &[sy], "SY");
    assert_eq!(on.1, Instrument::CapacityBuilding);
    assert_eq!(off.1, Instrument::PermanentLiaison);
}

#[test]
fn r_dp_3_very_low_rule_of_law_keeps_cooperation_non_operational() {
    let x = c("VE", &[("rule_of_law", 1.0)]);
    let (on, off) = with_and_without("p4-2019", "R-DP-3", &[x], "VE");
    assert_eq!(on.1, Instrument::CapacityBuilding);
    assert_eq!(off.1, Instrument::PermanentLiaison);
}

#[test]
fn r_spring_places_a_liaison_for_springboard_value() {
    let low_need = [
        ("crime_relation", 2.0),
        ("cooperation_volume", 3.0),
        ("socta", 2.0),
        ("springboard", 9.0),
        ("cooperation_quality", 7.0),
    ];
    let (on, off) = with_and_without("p4-2019", "R-SPRING", &[c("AU", &low_need)], "AU");
    assert_eq!(on.1, Instrument::PermanentLiaison);
    assert_ne!(off.1, Instrument::PermanentLiaison);
}

#[test]
fn r_coop_exc_excellent_cooperation_means_no_liaison() {
    let us = c(
        "US",
        &[
            HIGH_NEED[0],
            HIGH_NEED[1],
            ("cooperation_quality", 9.0),
            ("obstacles", 10.0),
            ("springboard", 4.0),
            ("regional_importance", 10.0),
        ],
    );
    let (on, off) = with_and_without("p4-2019", "R-COOP-EXC", &[us], "US");
    assert_eq!(on.1, Instrument::None);
    assert_eq!(off.1, Instrument::PermanentLiaison);
}

#[test]
fn r_plc_1_places_a_liaison_where_need_and_added_value_are_high() {
    let (on, off) = with_and_without("p4-2019", "R-PLC-1", &[c("CO", &[])], "CO");
    assert_eq!(on.1, Instrument::PermanentLiaison);
    assert_eq!(off.1, Instrument::FlexibleLiaison);
}

#[test]
fn r_eu_6_eu_member_with_clear_need_gets_a_filo() {
    let fr = c(
        "FR",
        &[HIGH_NEED[0], HIGH_NEED[1], ("europol_channel", 8.0)],
    );
    let (on, off) = with_and_without("p4-2019", "R-EU-6", &[fr], "FR");
    assert_eq!(on.1, Instrument::FlexibleLiaison);
    assert_eq!(off.1, Instrument::EuropolChannel);
}

#[test]
fn r_eu_3_other_eu_members_use_the_europol_channel() {
    let low = [
        ("crime_relation", 2.0),
        ("cooperation_volume", 2.0),
        ("socta", 2.0),
        ("europol_channel", 8.0),
    ];
    let (on, off) = with_and_without("p4-2019", "R-EU-3", &[c("EE", &low)], "EE");
    assert_eq!(on.1, Instrument::EuropolChannel);
    assert_eq!(off.1, Instrument::None);
}

#[test]
fn r_bnl_1_legal_assistance_through_the_partner_liaison() {
    let ve = c("VE", &[("obstacles", 2.0)]).extra("partner_liaison = true");
    let (on, off) = with_and_without("p4-2019", "R-BNL-1", &[ve], "VE");
    assert_eq!(on.1, Instrument::PartnerLiaison);
    assert_eq!(off.1, Instrument::FlexibleLiaison);
}

#[test]
fn r_bnl_1_never_stands_in_where_the_need_is_high() {
    // Seed 001: the Belgian liaison handles legal-assistance requests "en dus niet de andere
    // genoemde liaisontaken": with a high need the country is judged on its own.
    let rules = Rulebook::default_rulebook().unwrap();
    let high = c(
        "US",
        &[HIGH_NEED[0], HIGH_NEED[1], HIGH_NEED[2], ("obstacles", 3.0)],
    )
    .extra("partner_liaison = true");
    let e = eval(&rules, &[high]);
    let r = e.record(code("US")).unwrap();
    assert!(r.need >= 60.0);
    assert_ne!(r.instrument, Instrument::PartnerLiaison);
    // And the partner liaison is counted once: it does not discount the added value.
    assert_eq!(r.added_value, r.added_value_base);
}

#[test]
fn r_filo_3_moderate_need_gets_a_filo() {
    let x = c("EC", &[("cooperation_quality", 7.0), ("obstacles", 3.0)]);
    let (on, off) = with_and_without("p4-2019", "R-FILO-3", &[x], "EC");
    assert_eq!(on.1, Instrument::FlexibleLiaison);
    assert_eq!(off.1, Instrument::None);
}

const BOTH_THEMES: &str = "\n[[country.phenomena]]\nphenomenon = \"drugs\"\nintensity = 8\nroles = [\"source\"]\ntrend = \"stable\"\n\n[[country.phenomena]]\nphenomenon = \"migrant_smuggling\"\nintensity = 9\nroles = [\"transit\"]\ntrend = \"rising\"\n";
const MIGRATION_ONLY: &str = "\n[[country.phenomena]]\nphenomenon = \"migrant_smuggling\"\nintensity = 9\nroles = [\"transit\"]\ntrend = \"rising\"\n";

#[test]
fn r_post_2_double_placement_only_where_both_organisations_need_it() {
    let ma = c("MA", &[]).phenomena(BOTH_THEMES);
    let (on, off) = with_and_without("p4-2019", "R-POST-2", &[ma], "MA");
    assert_eq!(on.2, Some(Organisation::Both));
    assert_eq!(off.2, Some(Organisation::Police));
    // One theme alone never gives a double placement.
    let e = eval(
        &Rulebook::default_rulebook().unwrap(),
        &[c("LY", &[]).phenomena(MIGRATION_ONLY)],
    );
    assert_eq!(outcome(&e, "LY").2, Some(Organisation::Marechaussee));
}

#[test]
fn r_org_2_thematic_centre_of_gravity_decides_the_organisation() {
    let x = c("LY", &[]).phenomena(MIGRATION_ONLY);
    let (on, off) = with_and_without("p4-2019", "R-ORG-2", &[x], "LY");
    assert_eq!(on.2, Some(Organisation::Marechaussee));
    assert_eq!(off.2, None);
}

#[test]
fn r_acc_2_accreditation_from_a_neighbouring_post() {
    let pe = c("PE", &[]);
    let bo = c(
        "BO",
        &[
            ("crime_relation", 4.0),
            ("cooperation_quality", 8.0),
            ("obstacles", 2.0),
            ("regional_importance", 2.0),
            ("springboard", 1.0),
        ],
    )
    .extra("accreditation_hosts = [\"PE\"]");
    let (on, off) = with_and_without("p4-2019", "R-ACC-2", &[pe, bo], "BO");
    assert_eq!(on.1, Instrument::Accreditation);
    assert_eq!(off.1, Instrument::None);
}

#[test]
fn r_eu_4_2013_phase_out_gives_eu_members_a_filo() {
    let es = c("ES", &HIGH_NEED);
    let (on, off) = with_and_without("p2-2013", "R-EU-4", &[es], "ES");
    assert_eq!(on.1, Instrument::FlexibleLiaison);
    assert_eq!(off.1, Instrument::EuropolChannel);
}

#[test]
fn r_eu_5_2013_other_eu_members_through_the_dutch_desk() {
    let es = c("ES", &[]);
    let rules = rules_without("p2-2013", &["R-EU-4"]);
    let on = eval(&rules, &[c("ES", &[])]);
    let off = eval(&rules_without("p2-2013", &["R-EU-4", "R-EU-5"]), &[es]);
    assert_eq!(outcome(&on, "ES").1, Instrument::EuropolChannel);
    assert_eq!(outcome(&off, "ES").1, Instrument::PermanentLiaison);
}

#[test]
fn r_cls_4_at_most_sixteen_priority_countries() {
    let codes = [
        "AR", "AU", "BR", "CA", "CL", "CN", "CO", "EC", "IN", "JP", "MA", "MX", "NG", "PE", "TR",
        "US", "ZA",
    ];
    let countries: Vec<C> = codes
        .iter()
        .enumerate()
        .map(|(i, k)| {
            c(
                k,
                &[
                    HIGH_NEED[0],
                    HIGH_NEED[1],
                    HIGH_NEED[2],
                    ("reciprocity", 5.0 + i as f64 * 0.1),
                ],
            )
        })
        .collect();
    let on = eval(&Rulebook::embedded("p1-2015").unwrap(), &countries);
    let off = eval(&rules_without("p1-2015", &["R-CLS-4"]), &countries);
    let count = |e: &Evaluation| {
        e.records
            .iter()
            .filter(|r| r.class == Class::Priority)
            .count()
    };
    assert_eq!(count(&off), 17);
    assert_eq!(count(&on), 16);
    // The one demoted has the lowest need (AR: the smallest reciprocity).
    assert_eq!(outcome(&on, "AR").0, Class::SubPriority);
}

#[test]
fn every_shipped_rule_has_a_test_here() {
    let tested = include_str!("rules.rs");
    for id in ["p4-2019", "p2-2013", "p1-2015"] {
        for rule in Rulebook::embedded(id).unwrap().rules() {
            let needle = format!("\"{}\"", rule.id);
            assert!(
                tested.contains(&needle),
                "rule {} of {id} has no test",
                rule.id
            );
        }
    }
}

#[test]
fn docs_model_md_documents_every_shipped_rule() {
    let doc = include_str!("../../../docs/model.md");
    for id in ["p4-2019", "p2-2013", "p1-2015"] {
        for rule in Rulebook::embedded(id).unwrap().rules() {
            assert!(
                doc.contains(&format!("| `{}` |", rule.id)),
                "docs/model.md has no table row for {} of {id}",
                rule.id
            );
        }
    }
}
