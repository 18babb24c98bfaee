//! The documented decisions of the seeds, reproduced from inputs that describe the situation at
//! the time (the values are ours; the situations are the seeds').
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use placement_core::{CountryCode, Instrument, Organisation, Rulebook};

fn code(s: &str) -> CountryCode {
    CountryCode::parse(s).unwrap()
}

/// Seed 001 (2013): the UK has a very high crime relation but excellent cooperation, so a
/// liaison in London adds hardly any value. The UK was an EU member then.
#[test]
fn uk_2013_excellent_cooperation_gets_no_permanent_liaison() {
    let gb = c(
        "GB",
        &[
            ("crime_relation", 9.5),
            ("cooperation_volume", 9.0),
            ("socta", 8.0),
            ("cooperation_quality", 9.5),
            ("obstacles", 2.0),
            ("springboard", 2.0),
            ("regional_importance", 3.0),
            ("europol_channel", 9.0),
        ],
    )
    .extra("[country.facts]\neu_member = true");
    for rules in [
        Rulebook::embedded("p2-2013").unwrap(),
        // Even without the EU phase-out rules, excellent cooperation alone rules it out.
        rules_without("p2-2013", &["R-EU-4", "R-EU-5"]),
        Rulebook::default_rulebook().unwrap(),
    ] {
        let e = eval(&rules, &[gb_clone(&gb)]);
        let r = e.record(code("GB")).unwrap();
        assert_ne!(r.instrument, Instrument::PermanentLiaison, "{}", rules.id());
        assert!(
            r.need >= 60.0,
            "the crime relation stays very high: need {}",
            r.need
        );
    }
}

fn gb_clone<'a>(g: &C<'a>) -> C<'a> {
    C {
        code: g.code,
        values: g.values.clone(),
        extra: g.extra,
        phenomena: g.phenomena,
    }
}

/// Seed 001: Australia's own crime relation does not justify a liaison, but the AFP's network in
/// South-East Asia makes it a springboard.
#[test]
fn australia_gets_a_liaison_as_springboard_not_for_its_own_crime_relation() {
    let au_values = [
        ("crime_relation", 3.0),
        ("cooperation_volume", 3.0),
        ("socta", 2.0),
        ("cooperation_quality", 8.0),
        ("obstacles", 3.0),
        ("regional_importance", 6.0),
    ];
    let links = "[[country.springboard]]\nto = \"ID\"\naccess = 0.6\n\n[[country.springboard]]\nto = \"TH\"\naccess = 0.6\n\n[[country.springboard]]\nto = \"VN\"\naccess = 0.6\n\n[[country.springboard]]\nto = \"KH\"\naccess = 0.6\n";
    let asia = [
        ("crime_relation", 7.0),
        ("cooperation_volume", 6.0),
        ("socta", 6.0),
    ];
    let countries = |with_links: bool| {
        vec![
            c("AU", &au_values).extra(if with_links { links } else { "" }),
            c("ID", &asia),
            c("TH", &asia),
            c("VN", &asia),
            c("KH", &asia),
        ]
    };
    let rules = Rulebook::default_rulebook().unwrap();
    let with = eval(&rules, &countries(true));
    let au = with.record(code("AU")).unwrap();
    assert_eq!(au.instrument, Instrument::PermanentLiaison);
    assert!(au.rules.iter().any(|f| f.rule == "R-SPRING"));
    assert!(
        au.need < 45.0,
        "its own need stays below the placement threshold: {}",
        au.need
    );
    assert_eq!(au.springboard.len(), 4);
    // Without the springboard links (springboard assessed low) there is no liaison.
    let mut plain = countries(false);
    plain[0].values.push(("springboard", 1.0));
    let without = eval(&rules, &plain);
    assert_ne!(
        without.record(code("AU")).unwrap().instrument,
        Instrument::PermanentLiaison
    );
}

/// Seeds 001 and 000: EU members with well-functioning Europol cooperation get the Europol
/// channel or a FILO, not a permanent liaison — in 2013 and today.
#[test]
fn eu_members_with_good_europol_cooperation_get_europol_or_a_filo() {
    let members = ["DE", "FR", "ES", "IT", "PL", "AT", "SE"];
    for rulebook in ["p2-2013", "p4-2019"] {
        let rules = Rulebook::embedded(rulebook).unwrap();
        let countries: Vec<C> = members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                c(
                    m,
                    &[
                        ("crime_relation", 3.0 + i as f64),
                        ("cooperation_quality", 7.0),
                        ("europol_channel", 8.0),
                        ("obstacles", 4.0),
                    ],
                )
            })
            .collect();
        let e = eval(&rules, &countries);
        for m in members {
            let i = e.record(code(m)).unwrap().instrument;
            assert!(
                matches!(i, Instrument::EuropolChannel | Instrument::FlexibleLiaison),
                "{rulebook}: {m} got {i}"
            );
        }
    }
}

/// Seed 001: a double placement only where both organisations' themes show clear need (2013:
/// Ankara, Madrid, Rabat).
#[test]
fn double_placement_only_with_clear_need_for_both() {
    let both = "\n[[country.phenomena]]\nphenomenon = \"drugs\"\nintensity = 8\nroles = [\"source\", \"transit\"]\ntrend = \"stable\"\n\n[[country.phenomena]]\nphenomenon = \"terrorism\"\nintensity = 5\nroles = [\"source\"]\ntrend = \"stable\"\n\n[[country.phenomena]]\nphenomenon = \"migrant_smuggling\"\nintensity = 8\nroles = [\"transit\"]\ntrend = \"rising\"\n";
    let police_only = "\n[[country.phenomena]]\nphenomenon = \"drugs\"\nintensity = 9\nroles = [\"source\"]\ntrend = \"stable\"\n\n[[country.phenomena]]\nphenomenon = \"migrant_smuggling\"\nintensity = 2\nroles = [\"transit\"]\ntrend = \"stable\"\n";
    let rules = Rulebook::default_rulebook().unwrap();
    let e = eval(
        &rules,
        &[
            c("MA", &[]).phenomena(both),
            c("CO", &[]).phenomena(police_only),
        ],
    );
    assert_eq!(
        e.record(code("MA")).unwrap().organisation,
        Some(Organisation::Both)
    );
    assert_eq!(
        e.record(code("CO")).unwrap().organisation,
        Some(Organisation::Police)
    );
}

/// Seed 002: source and transit countries count more than destinations (upstream disruption).
#[test]
fn source_countries_weigh_more_than_destinations() {
    let p = |role: &'static str| -> String {
        format!("\n[[country.phenomena]]\nphenomenon = \"drugs\"\nintensity = 7\nroles = [\"{role}\"]\ntrend = \"stable\"\n")
    };
    let src = p("source");
    let dst = p("destination");
    let rules = Rulebook::default_rulebook().unwrap();
    let e = eval(
        &rules,
        &[c("CO", &[]).phenomena(&src), c("US", &[]).phenomena(&dst)],
    );
    assert!(e.record(code("CO")).unwrap().need > e.record(code("US")).unwrap().need);
}

/// Seed 003: the Russia liaison was withdrawn (2022) and the post continued from Georgia; with
/// cooperation and the political relation collapsed, Russia gets no permanent liaison and is
/// served by accreditation from Tbilisi.
#[test]
fn russia_withdrawn_and_served_from_georgia() {
    let ru = c(
        "RU",
        &[
            ("crime_relation", 6.0),
            ("political_relation", 0.0),
            ("cooperation_quality", 1.0),
            ("reciprocity", 1.0),
            ("strategic_partnership", 0.0),
            ("lo_position", 0.0),
            ("rule_of_law", 1.0),
        ],
    )
    .extra("accreditation_hosts = [\"GE\"]");
    let ge = c(
        "GE",
        &[("crime_relation", 6.0), ("regional_importance", 8.0)],
    );
    let e = eval(&Rulebook::default_rulebook().unwrap(), &[ru, ge]);
    assert_eq!(
        e.record(code("GE")).unwrap().instrument,
        Instrument::PermanentLiaison
    );
    assert_ne!(
        e.record(code("RU")).unwrap().instrument,
        Instrument::PermanentLiaison
    );
}

/// The embedded fixture evaluates, every country is ranked once, and Australia (seed 001's
/// example) gets its liaison through the springboard rule.
#[test]
fn default_fixture_evaluates_with_the_seed_cases() {
    let rules = Rulebook::default_rulebook().unwrap();
    let set = placement_core::AssessmentSet::default_fixture().unwrap();
    let e = placement_core::Engine::new(&rules).evaluate(&set).unwrap();
    assert_eq!(e.records.len(), set.len());
    assert!(e.input.illustrative);
    let au = e.record(code("AU")).unwrap();
    assert_eq!(au.instrument, Instrument::PermanentLiaison);
    assert!(au.rules.iter().any(|f| f.rule == "R-SPRING"));
    for (i, r) in e.records.iter().enumerate() {
        assert_eq!(r.rank, i + 1);
    }
    assert!(e
        .records
        .iter()
        .any(|r| r.hinges_on_missing || !r.missing.is_empty()));
}
