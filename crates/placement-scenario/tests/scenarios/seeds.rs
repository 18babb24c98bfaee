use placement_core::{Class, CountryCode, Instrument};
use placement_scenario::{compare, Scenario};

use crate::fixture;

fn load(name: &str) -> Scenario {
    Scenario::load(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn brexit_follows_from_the_lost_instruments_not_from_a_cooperation_number() {
    // Seed 002: "het vervallen van de EU wetgeving en de hierop gebaseerde
    // (rechtshulp)instrumenten". The scenario changes facts only; cooperation stays 9/10.
    let s = load("brexit-2019.toml");
    let d = compare(&s).unwrap();
    let gb = d.country("GB").unwrap();
    assert_eq!(gb.after.unwrap().instrument, Instrument::PermanentLiaison);
    let code = CountryCode::parse("GB").unwrap();
    let engine = placement_core::Engine::new(&s.state.rulebook);
    let after = engine.evaluate(&s.state.assessment).unwrap();
    let r = after.record(code).unwrap();
    assert!(
        d.changes
            .iter()
            .all(|c| !c.label.contains("cooperation_quality")),
        "no tuned cooperation value"
    );
    assert!(r.lost_eu_instruments);
    let fired: Vec<&str> = r.rules.iter().map(|f| f.rule.as_str()).collect();
    assert!(fired.contains(&"R-BREXIT-1"), "{fired:?}");
    assert!(fired.contains(&"R-PLC-1"), "{fired:?}");
    // Leaving the EU without the fact: excellent cooperation with a third country, no liaison
    // (the 2013 reasoning, R-COOP-EXC). The fact, not a tuned number, makes the difference.
    let mut without = s.state.assessment.clone();
    without
        .set_fact(
            code,
            &placement_core::assessment::FactChange::LostEuInstruments(false),
        )
        .unwrap();
    let e = engine.evaluate(&without).unwrap();
    let r = e.record(code).unwrap();
    assert_eq!(r.instrument, Instrument::None);
    assert!(r.rules.iter().any(|f| f.rule == "R-COOP-EXC"));
    assert!(s.state.posts.locked_in.contains(&code));
}

#[test]
fn eu_phase_out_moves_eu_members_from_permanent_liaison_to_filo_or_europol() {
    let d = compare(&load("eu-phase-out-2013.toml")).unwrap();
    let moved: Vec<_> = d
        .changed
        .iter()
        .filter(|c| {
            c.before
                .is_some_and(|b| b.instrument == Instrument::PermanentLiaison)
        })
        .collect();
    let codes: Vec<&str> = moved.iter().map(|c| c.country.as_str()).collect();
    for code in ["ES", "FR", "RO"] {
        assert!(codes.contains(&code), "{code} not moved: {codes:?}");
    }
    for c in moved {
        assert!(c.country.facts().eu_member);
        let after = c.after.unwrap().instrument;
        assert!(
            matches!(
                after,
                Instrument::FlexibleLiaison | Instrument::EuropolChannel
            ),
            "{}",
            c.country
        );
    }
    // No EU member keeps a permanent liaison after the phase-out.
    let s = load("eu-phase-out-2013.toml");
    let e = placement_core::Engine::new(&s.state.rulebook)
        .evaluate(&s.state.assessment)
        .unwrap();
    assert!(!e
        .records
        .iter()
        .any(|r| r.eu_member && r.instrument == Instrument::PermanentLiaison));
}

#[test]
fn russia_withdrawal_removes_the_liaison_and_accredits_from_georgia() {
    let s = load("russia-withdrawal-2022.toml");
    let d = compare(&s).unwrap();
    let ru = d.country("RU").unwrap();
    assert_eq!(ru.before.unwrap().instrument, Instrument::PermanentLiaison);
    assert_eq!(ru.after.unwrap().instrument, Instrument::CapacityBuilding);
    let ge = d.country("GE").unwrap();
    assert_eq!(ge.after.unwrap().instrument, Instrument::PermanentLiaison);
    let ru_code = CountryCode::parse("RU").unwrap();
    let ge_code = CountryCode::parse("GE").unwrap();
    assert!(s.state.posts.ruled_out.contains(&ru_code));
    // The former Moscow work area is now accredited from Tbilisi (where its need warrants it).
    let e = placement_core::Engine::new(&s.state.rulebook)
        .evaluate(&s.state.assessment)
        .unwrap();
    let mut accredited = 0;
    for code in ["AM", "AZ", "BY", "KG", "KZ", "TJ", "TM", "UZ"] {
        let c = CountryCode::parse(code).unwrap();
        assert_eq!(
            s.state.assessment.get(c).unwrap().accreditation_hosts,
            vec![ge_code]
        );
        assert_eq!(
            s.base.assessment.get(c).unwrap().accreditation_hosts,
            vec![ru_code]
        );
        if e.record(c).unwrap().instrument == Instrument::Accreditation {
            accredited += 1;
        }
    }
    assert!(accredited >= 2, "{accredited}");
}

#[test]
fn phenomenon_approach_lifts_the_cap_of_sixteen_priority_countries() {
    let s = load("phenomenon-approach-2019.toml");
    let d = compare(&s).unwrap();
    assert_eq!(d.rulebook, ("p1-2015".to_string(), "p4-2019".to_string()));
    let base = placement_core::Engine::new(&s.base.rulebook)
        .evaluate(&s.base.assessment)
        .unwrap();
    let after = placement_core::Engine::new(&s.state.rulebook)
        .evaluate(&s.state.assessment)
        .unwrap();
    let prio = |e: &placement_core::Evaluation| {
        e.records
            .iter()
            .filter(|r| r.class == Class::Priority)
            .count()
    };
    assert_eq!(prio(&base), 16);
    assert!(prio(&after) > 16);
    assert!(d
        .changed
        .iter()
        .filter(|c| c.outcome_changed)
        .all(|c| c.causes.single == vec![0]));
    assert_eq!(
        d.country("RU").unwrap().after.unwrap().instrument,
        Instrument::CapacityBuilding
    );
}

#[test]
fn coalition_capacity_adds_placements_and_lifts_human_trafficking_countries() {
    let s = load("coalition-capacity-2018.toml");
    let d = compare(&s).unwrap();
    assert_eq!(s.base.budget.affordable_placements(), Some(24));
    assert_eq!(s.state.budget.affordable_placements(), Some(30));
    assert_eq!(s.state.capacity.police, Some(30));
    let outcome: Vec<_> = d.changed.iter().filter(|c| c.outcome_changed).collect();
    assert!(!outcome.is_empty());
    for c in outcome {
        let ca = s.state.assessment.get(c.country).unwrap();
        let ht = ca
            .phenomena
            .iter()
            .find(|p| p.phenomenon == placement_core::Phenomenon::HumanTrafficking);
        assert!(
            ht.is_some(),
            "{} has no human-trafficking relation",
            c.country
        );
        assert!(c.after.unwrap().class >= c.before.unwrap().class);
    }
}

/// Whitespace- and hyphenation-insensitive text of a seed, as the quotes are checked against.
fn normalise(text: &str) -> String {
    let joined = text.replace("-\n", "").replace("- \n", "");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The seed documents: `SEEDS_DIR`, or `../shared/seeds` beside the repository (as in CI).
/// Panics with what to do when they are absent: the quote check must not pass by skipping.
fn seeds_dir() -> std::path::PathBuf {
    let dir = std::env::var_os("SEEDS_DIR").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds"),
        std::path::PathBuf::from,
    );
    assert!(
        dir.is_dir(),
        "the seed documents are not at {}: put the shared folder beside the repository \
         (../shared/seeds, as in CI) or set SEEDS_DIR; the cited quotes cannot be checked without them",
        dir.display()
    );
    dir
}

#[test]
fn every_cited_quote_is_verbatim_in_its_seed() {
    let seeds = seeds_dir();
    let mut checked = 0;
    let cases = fixture("").join("../cases");
    for dir in [fixture(""), cases] {
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            if path.extension().and_then(|e| e.to_str()) != Some("toml") {
                continue;
            }
            let s = Scenario::load(&path).unwrap();
            assert!(
                !s.meta.cites.is_empty(),
                "{} cites no seed passage",
                path.display()
            );
            for c in &s.meta.cites {
                let text = normalise(
                    &std::fs::read_to_string(seeds.join(&c.seed))
                        .unwrap_or_else(|e| panic!("{}: {}: {e}", path.display(), c.seed)),
                );
                assert!(
                    text.contains(&normalise(&c.quote)),
                    "{}: not verbatim in {}: {}",
                    path.display(),
                    c.seed,
                    c.quote
                );
                assert!(
                    s.meta.description.contains(&c.quote)
                        || s.meta.description.contains(
                            c.quote
                                .split_whitespace()
                                .take(4)
                                .collect::<Vec<_>>()
                                .join(" ")
                                .as_str()
                        ),
                    "{}: description does not quote {}",
                    path.display(),
                    c.quote
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 25, "{checked}");
}
