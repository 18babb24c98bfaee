//! "No input makes the crate panic": arbitrary `Instance` and `Constraints` values (public
//! fields, `Deserialize`) — out-of-range indices, `existing` past the options, NaN, infinite,
//! negative and huge values, `u32::MAX` capacities and staffing — go through every public
//! entry point, which must answer or return a typed error, never panic or overflow.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

use std::collections::BTreeMap;

use placement_core::{CountryCode, Region};
use placement_network::analysis::{compare, report, solve, ReportOptions};
use placement_network::model::{CountryValue, Cover, Instance};
use placement_network::render::{render, Format};
use placement_network::*;
use proptest::prelude::*;

const CODES: [&str; 6] = ["NL", "DE", "CO", "RU", "GB", "MA"];

fn code() -> impl Strategy<Value = CountryCode> {
    (0..CODES.len()).prop_map(|i| CountryCode::parse(CODES[i]).unwrap())
}

fn region() -> impl Strategy<Value = Region> {
    (0..Region::ALL.len()).prop_map(|i| Region::ALL[i])
}

/// Any f64 a hostile file could hold, weighted towards the edges.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0..10.0f64,
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(-1.0),
        Just(1e308),
        Just(f64::MAX),
        any::<f64>(),
    ]
}

fn count() -> impl Strategy<Value = u32> {
    prop_oneof![0..4u32, Just(u32::MAX), any::<u32>()]
}

fn instance() -> impl Strategy<Value = Instance> {
    let country =
        (code(), region(), number(), number()).prop_map(|(code, region, value, share)| {
            CountryValue {
                code,
                name: code.to_string(),
                region,
                value,
                police_share: share,
                basis: String::new(),
            }
        });
    let option = (
        count(),
        count(),
        number(),
        prop::collection::vec((0..8usize, number()), 0..4),
    )
        .prop_map(|(police, marechaussee, cost, covers)| PostOption {
            staffing: Staffing {
                police,
                marechaussee,
            },
            cost,
            covers: covers
                .into_iter()
                .map(|(country, factor)| Cover { country, factor })
                .collect(),
        });
    let post = (
        code(),
        region(),
        prop::option::of(0..5usize),
        prop::collection::vec(option, 0..3),
        0..100u32,
    )
        .prop_map(|(host, region, existing, options, n)| CandidatePost {
            id: format!("{host}-{n}"),
            host,
            city: String::new(),
            region,
            existing,
            options,
            source: String::new(),
        });
    (
        prop::collection::vec(country, 0..6),
        prop::collection::vec(post, 0..6),
        any::<bool>(),
    )
        .prop_map(|(countries, posts, normalise)| {
            let mut i = Instance {
                title: "arbitrary".into(),
                illustrative: true,
                countries,
                posts,
            };
            if normalise {
                i.normalise();
            }
            i
        })
}

fn constraints() -> impl Strategy<Value = Constraints> {
    let codes = prop::collection::vec(
        prop_oneof![(0..CODES.len()).prop_map(|i| CODES[i].to_string()), ".*"],
        0..3,
    );
    (
        count(),
        prop::option::of(count()),
        prop::option::of(count()),
        prop::option::of(number()),
        codes.clone(),
        codes,
        any::<bool>(),
        prop::collection::btree_map(region(), count(), 0..3),
    )
        .prop_map(
            |(capacity, police, kmar, budget, locked, forbidden, lock_existing, region_min)| {
                Constraints {
                    capacity,
                    police_capacity: police,
                    marechaussee_capacity: kmar,
                    budget,
                    locked,
                    lock_existing,
                    forbidden,
                    region_min: region_min.into_iter().collect::<BTreeMap<_, _>>(),
                    ..Constraints::default()
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_public_entry_point_panics(
        inst in instance(),
        c in constraints(),
        choices in prop::collection::vec((0..8usize, 0..4usize), 0..4),
    ) {
        let options = ReportOptions {
            curve: vec![0, 1, 3],
            exact: ExactOptions { time_limit: Some(0.5), ..ExactOptions::default() },
            ..ReportOptions::default()
        };
        if let Ok(r) = report(&inst, &c, &options) {
            let _ = render(&r, Format::Text);
            let _ = render(&r, Format::Markdown);
            let _ = serde_json::to_string(&r).unwrap();
        }
        let _ = solve(&inst, &c, options.exact);
        if let Ok(resolved) = Resolved::new(&inst, &c) {
            let g = greedy(&inst, &resolved);
            let _ = solve_exact(&inst, &resolved, g.as_ref(), options.exact);
            let _ = resolved.is_feasible(&inst, &choices);
        }
        let plan = inst.plan(&choices);
        let _ = compare(&inst, &choices, &plan, (1, false));
        let _ = compare(&inst, &inst.existing_choices(), &plan, (2, true));
        let _ = inst.coverage(&choices);
    }
}

#[test]
fn out_of_range_existing_and_huge_capacity_are_typed_errors() {
    let host = CountryCode::parse("DE").unwrap();
    let inst = Instance {
        title: "t".into(),
        illustrative: true,
        countries: vec![CountryValue {
            code: host,
            name: "Germany".into(),
            region: Region::WesternEurope,
            value: 1.0,
            police_share: 1.0,
            basis: String::new(),
        }],
        posts: vec![CandidatePost {
            id: "DE-1".into(),
            host,
            city: String::new(),
            region: Region::WesternEurope,
            existing: Some(3),
            options: vec![PostOption {
                staffing: Staffing::POLICE,
                cost: 1.0,
                covers: vec![Cover {
                    country: 0,
                    factor: 1.0,
                }],
            }],
            source: String::new(),
        }],
    };
    let c = Constraints {
        capacity: u32::MAX,
        budget: Some(f64::INFINITY),
        forbidden: Vec::new(),
        ..Constraints::default()
    };
    let e = report(&inst, &c, &ReportOptions::default()).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("existing option 3 is out of range"), "{text}");
    assert!(
        text.contains("capacity is 4294967295, above the limit"),
        "{text}"
    );
    assert!(
        text.contains("budget inf must be a finite amount"),
        "{text}"
    );
}
