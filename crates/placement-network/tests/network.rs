//! Integration tests of placement-network.
//!
//! Index:
//! - `small`: hand-made instances where exact == brute force, greedy ≤ exact, each country once.
//! - `constraints`: locks, forbids, infeasibility reports, invalid input.
//! - `fixture`: the 2025 network built from the core engine (determinism, doubles, comparison).
//! - `property`: random small instances (exact ≥ greedy, exact == brute force).
//! - `reduced`: the reduced solver against the plain MIP (`reference`) on medium instances.
//! - `scenario`: inputs from `placement-scenario` fixtures (locks, ruled-out posts, resources).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

use placement_core::{AssessmentSet, CountryCode, Engine, Region, Rulebook};
use placement_network::analysis::{report, solve, ReportOptions};
use placement_network::brute::brute_force;
use placement_network::model::{CountryValue, Cover, Instance};
use placement_network::*;

fn cc(s: &str) -> CountryCode {
    CountryCode::parse(s).unwrap()
}

/// Countries `codes` with `values`; posts `(host, cost, staffing, [(country index, factor)])`.
/// An option in a test instance: cost, staffing, covers `(country index, factor)`.
type TestOption = (f64, Staffing, Vec<(usize, f64)>);

fn instance(countries: &[(&str, f64)], posts: &[(&str, Vec<TestOption>)]) -> Instance {
    let mut inst = Instance {
        title: "test".into(),
        illustrative: true,
        countries: countries
            .iter()
            .map(|(c, v)| CountryValue {
                code: cc(c),
                name: c.to_string(),
                region: cc(c).facts().region,
                value: *v,
                police_share: 0.5,
                basis: String::new(),
            })
            .collect(),
        posts: posts
            .iter()
            .map(|(host, options)| CandidatePost {
                id: format!("{host} post"),
                host: cc(host),
                city: String::new(),
                region: cc(host).facts().region,
                existing: None,
                options: options
                    .iter()
                    .map(|(cost, s, covers)| PostOption {
                        staffing: *s,
                        cost: *cost,
                        covers: covers
                            .iter()
                            .map(|&(country, factor)| Cover { country, factor })
                            .collect(),
                    })
                    .collect(),
                source: "test".into(),
            })
            .collect(),
    };
    inst.normalise();
    inst
}

fn cons(capacity: u32) -> Constraints {
    Constraints {
        capacity,
        forbidden: vec![],
        ..Constraints::default()
    }
}

const P: Staffing = Staffing::POLICE;
const D: Staffing = Staffing::DOUBLE;

/// Greedy's trap: one expensive post covering a lot versus two cheap ones (budget-bound).
fn knapsack_trap() -> Instance {
    instance(
        &[("CO", 10.0), ("PE", 10.0), ("BR", 12.0)],
        &[
            ("CO", vec![(1.0, P, vec![(0, 1.0)])]),
            ("PE", vec![(1.0, P, vec![(1, 1.0)])]),
            ("BR", vec![(1.1, P, vec![(2, 1.0)])]),
        ],
    )
}

mod small {
    use super::*;

    #[test]
    fn each_country_counts_once_at_its_best_coverage() {
        // Two posts both cover PE; PE counts at max(1.0, 0.5), not the sum.
        let inst = instance(
            &[("CO", 10.0), ("PE", 8.0)],
            &[
                ("CO", vec![(1.0, P, vec![(0, 1.0), (1, 0.5)])]),
                ("PE", vec![(1.0, P, vec![(1, 1.0)])]),
            ],
        );
        let v = inst.value_of(&[(0, 0), (1, 0)]);
        assert!((v - 18.0).abs() < 1e-9, "{v}");
        let s = solve(&inst, &cons(2), ExactOptions::default()).unwrap();
        assert!((s.exact.value - 18.0).abs() < 1e-6);
        let s1 = solve(&inst, &cons(1), ExactOptions::default()).unwrap();
        assert!((s1.exact.value - 14.0).abs() < 1e-6, "{}", s1.exact.value);
    }

    #[test]
    fn exact_beats_greedy_on_the_knapsack_trap_and_matches_brute_force() {
        let inst = knapsack_trap();
        let c = Constraints {
            budget: Some(2.0),
            ..cons(3)
        };
        let s = solve(&inst, &c, ExactOptions::default()).unwrap();
        let r = Resolved::new(&inst, &c).unwrap();
        let b = brute_force(&inst, &r).unwrap();
        assert!((s.exact.value - 20.0).abs() < 1e-6);
        assert!((b.value - s.exact.value).abs() < 1e-6);
        // Greedy takes BR first? No: ratios are 10, 10, 10.9 → BR, then nothing fits but one.
        let g = s.greedy.unwrap();
        assert!(g.value <= s.exact.value + 1e-9);
        assert!(
            s.gap.unwrap() > 0.0,
            "greedy {} exact {}",
            g.value,
            s.exact.value
        );
    }

    #[test]
    fn double_option_costs_two_places() {
        let inst = instance(
            &[("MA", 10.0), ("TN", 6.0)],
            &[
                (
                    "MA",
                    vec![(1.0, P, vec![(0, 0.75)]), (2.0, D, vec![(0, 1.0)])],
                ),
                ("TN", vec![(1.0, P, vec![(1, 1.0)])]),
            ],
        );
        let s = solve(&inst, &cons(2), ExactOptions::default()).unwrap();
        // Single MA (7.5) + TN (6) = 13.5 beats double MA (10).
        assert!((s.exact.value - 13.5).abs() < 1e-6);
        let s3 = solve(&inst, &cons(3), ExactOptions::default()).unwrap();
        assert!((s3.exact.value - 16.0).abs() < 1e-6);
        assert_eq!(s3.exact.staffing.total(), 3);
    }

    #[test]
    fn value_curve_is_monotone_and_svg_is_written() {
        let inst = knapsack_trap();
        let opts = ReportOptions {
            curve: vec![0, 1, 2, 3],
            ..ReportOptions::default()
        };
        let r = report(&inst, &cons(2), &opts).unwrap();
        let ys: Vec<f64> = r.curve.iter().map(|p| p.exact.unwrap()).collect();
        assert!(ys.windows(2).all(|w| w[1] + 1e-9 >= w[0]), "{ys:?}");
        let svg = placement_network::svg::value_curve_svg(&r, placement_text::Lang::En);
        assert!(
            svg.starts_with("<svg")
                && svg.contains("<polyline")
                && svg.trim_end().ends_with("</svg>")
        );
    }

    /// The value curve of the shipped fixture, parsed as XML: a full title, labelled axes, an
    /// exact and a greedy marker at every capacity of the curve (different shapes and
    /// colours), the chosen plan at its capacity and the 2025 network at its 43 liaisons, on
    /// the same x scale as the curve's markers, and a legend naming all four; in EN and NL.
    #[test]
    fn value_curve_svg_marks_the_chosen_plan_and_the_2025_network() {
        use quick_xml::events::Event;
        let inst = placement_network::grid::fixture_instance().unwrap();
        let opts = ReportOptions {
            resolve_marginals: false,
            ..ReportOptions::default()
        };
        let r = report(&inst, &cons(30), &opts).unwrap();
        for lang in [placement_text::Lang::En, placement_text::Lang::Nl] {
            let svg = placement_network::svg::value_curve_svg(&r, lang);
            let mut reader = quick_xml::Reader::from_str(&svg);
            // (element, attributes) of every start or empty element; text of every text node.
            let mut elements: Vec<(String, std::collections::BTreeMap<String, String>)> =
                Vec::new();
            let mut texts: Vec<String> = Vec::new();
            loop {
                match reader.read_event().unwrap() {
                    Event::Start(e) | Event::Empty(e) => {
                        let attrs = e
                            .attributes()
                            .map(|a| {
                                let a = a.unwrap();
                                (
                                    a.key.as_ref().to_string(),
                                    quick_xml::escape::unescape(&a.value).unwrap().into_owned(),
                                )
                            })
                            .collect();
                        elements.push((e.name().as_ref().to_string(), attrs));
                    }
                    Event::Text(t) => texts.push(
                        quick_xml::escape::unescape(t.as_ref())
                            .unwrap()
                            .into_owned(),
                    ),
                    Event::Eof => break,
                    _ => {}
                }
            }
            let all = texts.join("\n");
            let (nl, want) = match lang {
                placement_text::Lang::En => (
                    false,
                    [
                        "Value covered by capacity, 10–60 liaisons",
                        "capacity (liaisons)",
                        "value covered (need × added value, points)",
                        "greedy heuristic",
                        "chosen plan: 30 liaisons",
                        "2025 network: 43 liaisons",
                    ],
                ),
                placement_text::Lang::Nl => (
                    true,
                    [
                        "Gedekte waarde naar capaciteit, 10–60 liaisons",
                        "capaciteit (liaisons)",
                        "gedekte waarde (behoefte × meerwaarde, punten)",
                        "gretige heuristiek",
                        "gekozen plan: 30 liaisons",
                        "netwerk 2025: 43 liaisons",
                    ],
                ),
            };
            for w in want {
                assert!(all.contains(w), "{w:?} missing from\n{all}");
            }
            if nl {
                assert!(placement_text::raw_ids(&all).is_empty(), "{all}");
            }
            let attr = |e: &(String, std::collections::BTreeMap<String, String>), k: &str| {
                e.1.get(k).cloned()
            };
            // x of a marker: circle cx, rect x + 4, path's first move-to.
            let x_of = |e: &(String, std::collections::BTreeMap<String, String>)| -> f64 {
                match e.0.as_str() {
                    "circle" => attr(e, "cx").unwrap().parse().unwrap(),
                    "rect" => attr(e, "x").unwrap().parse::<f64>().unwrap() + 4.0,
                    _ => attr(e, "d").unwrap()[1..]
                        .split(' ')
                        .next()
                        .unwrap()
                        .parse()
                        .unwrap(),
                }
            };
            let of_class =
                |class: &str| -> Vec<&(String, std::collections::BTreeMap<String, String>)> {
                    elements
                        .iter()
                        .filter(|e| e.0 != "polyline" && attr(e, "class").as_deref() == Some(class))
                        .collect()
                };
            let exact = of_class("exact");
            let greedy = of_class("greedy");
            assert_eq!(exact.len(), r.curve.len());
            assert_eq!(greedy.len(), r.curve.len());
            assert!(exact.iter().all(|e| e.0 == "circle") && greedy.iter().all(|e| e.0 == "rect"));
            assert_ne!(attr(exact[0], "fill"), attr(greedy[0], "stroke"));
            // x is linear in capacity: recover the scale from the first and last exact markers.
            let cap = |e: &(String, std::collections::BTreeMap<String, String>)| -> f64 {
                attr(e, "data-capacity").unwrap().parse().unwrap()
            };
            let (a, b) = (exact[0], exact[exact.len() - 1]);
            let scale = (x_of(b) - x_of(a)) / (cap(b) - cap(a));
            let expect_x = |c: f64| x_of(a) + (c - cap(a)) * scale;
            for e in exact.iter().chain(&greedy) {
                assert!((x_of(e) - expect_x(cap(e))).abs() < 0.11, "{e:?}");
            }
            let by_id = |id: &str| {
                elements
                    .iter()
                    .find(|e| attr(e, "id").as_deref() == Some(id))
                    .unwrap()
            };
            let chosen = by_id("chosen");
            let network = by_id("network-2025");
            assert_eq!(cap(chosen), 30.0);
            assert_eq!(cap(network), 43.0);
            assert!((x_of(chosen) - expect_x(30.0)).abs() < 0.11);
            assert!((x_of(network) - expect_x(43.0)).abs() < 0.11);
            let value: f64 = attr(chosen, "data-value").unwrap().parse().unwrap();
            assert!((value - r.solution.exact.value).abs() < 1e-3);
            let value: f64 = attr(network, "data-value").unwrap().parse().unwrap();
            assert!((value - r.comparisons[0].value_2025).abs() < 1e-3);
            // Four distinct colours: exact, greedy, chosen, 2025.
            let colours: std::collections::BTreeSet<String> = [
                attr(exact[0], "fill"),
                attr(greedy[0], "stroke"),
                attr(chosen, "fill"),
                attr(network, "fill"),
            ]
            .into_iter()
            .flatten()
            .collect();
            assert_eq!(colours.len(), 4, "{colours:?}");
        }
    }
}

mod constraints {
    use super::*;

    #[test]
    fn unknown_codes_and_bad_costs_are_all_reported() {
        let mut inst = knapsack_trap();
        inst.posts[0].options[0].cost = -1.0;
        inst.posts[1].options[0].cost = f64::NAN;
        let c = Constraints {
            locked: vec!["UK".into(), "ZZ".into()],
            forbidden: vec!["FR".into()],
            budget: Some(f64::NAN),
            ..cons(3)
        };
        match solve(&inst, &c, ExactOptions::default()) {
            Err(NetworkError::InvalidInput { problems }) => {
                assert_eq!(problems.len(), 6, "{problems:?}");
                let text = NetworkError::InvalidInput { problems }.to_string();
                assert!(
                    text.contains("GB") && text.contains("ZZ") && text.contains("FR"),
                    "{text}"
                );
            }
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    #[test]
    fn infeasible_locks_name_the_conflicting_constraints() {
        let inst = knapsack_trap();
        let c = Constraints {
            locked: vec!["CO".into(), "PE".into(), "BR".into()],
            budget: Some(2.0),
            ..cons(2)
        };
        match solve(&inst, &c, ExactOptions::default()) {
            Err(NetworkError::Infeasible { conflicts }) => {
                assert!(conflicts.iter().any(|c| matches!(
                    c,
                    Conflict::CapacityBelowLocks {
                        needed: 3,
                        capacity: 2,
                        ..
                    }
                )));
                assert!(conflicts
                    .iter()
                    .any(|c| matches!(c, Conflict::BudgetBelowLocks { .. })));
            }
            other => panic!("expected infeasible, got {other:?}"),
        }
    }

    #[test]
    fn locked_and_forbidden_and_region_minimum_conflicts() {
        let inst = knapsack_trap();
        let c = Constraints {
            locked: vec!["CO".into()],
            forbidden: vec!["CO".into()],
            ..cons(3)
        };
        assert!(matches!(
            solve(&inst, &c, ExactOptions::default()),
            Err(NetworkError::Infeasible { conflicts }) if conflicts == vec![Conflict::LockedAndForbidden { country: "CO".into() }]
        ));
        let mut c = cons(3);
        c.region_min.insert(Region::SouthAmerica, 4);
        c.region_min.insert(Region::WesternAfrica, 1);
        match solve(&inst, &c, ExactOptions::default()) {
            Err(NetworkError::Infeasible { conflicts }) => {
                assert_eq!(conflicts.len(), 2, "{conflicts:?}")
            }
            other => panic!("{other:?}"),
        }
        let mut c = cons(2);
        c.region_min.insert(Region::SouthAmerica, 3);
        assert!(matches!(
            solve(&inst, &c, ExactOptions::default()),
            Err(NetworkError::Infeasible { conflicts }) if matches!(conflicts[0], Conflict::CapacityBelowMinima { needed: 3, capacity: 2 })
        ));
    }

    #[test]
    fn locks_and_forbids_are_respected() {
        let inst = knapsack_trap();
        let c = Constraints {
            locked: vec!["PE".into()],
            forbidden: vec!["CO".into()],
            ..cons(2)
        };
        let s = solve(&inst, &c, ExactOptions::default()).unwrap();
        let hosts: Vec<&str> = s
            .exact
            .choices
            .iter()
            .map(|&(p, _)| inst.posts[p].host.as_str())
            .collect();
        assert!(hosts.contains(&"PE") && !hosts.contains(&"CO"), "{hosts:?}");
        let g = s.greedy.unwrap();
        let ghosts: Vec<&str> = g
            .choices
            .iter()
            .map(|&(p, _)| inst.posts[p].host.as_str())
            .collect();
        assert!(ghosts.contains(&"PE") && !ghosts.contains(&"CO"));
    }
}

mod fixture {
    use super::*;
    use placement_core::Organisation;

    fn build() -> (placement_core::Evaluation, Instance) {
        let rules = Rulebook::default_rulebook().unwrap();
        let ev = Engine::new(&rules)
            .evaluate(&AssessmentSet::default_fixture().unwrap())
            .unwrap();
        let inst = build_instance(
            &ev,
            "network-2025.json",
            NETWORK_2025,
            &ValueModel::default(),
        )
        .unwrap();
        (ev, inst)
    }

    #[test]
    fn same_input_same_plan_and_report() {
        let (_, a) = build();
        let (_, b) = build();
        assert_eq!(a, b);
        let opts = ReportOptions {
            curve: vec![20, 30],
            resolve_marginals: false,
            ..ReportOptions::default()
        };
        let ra = report(&a, &Constraints::default(), &opts).unwrap();
        let rb = report(&b, &Constraints::default(), &opts).unwrap();
        assert_eq!(
            serde_json::to_string(&ra).unwrap(),
            serde_json::to_string(&rb).unwrap()
        );
    }

    /// Issue 11: the Dutch report has no raw id and no English word of the tools' vocabulary
    /// (post names are the posts' own), and uses the decimal comma.
    #[test]
    fn the_dutch_report_is_dutch() {
        let (_, inst) = build();
        let opts = ReportOptions {
            curve: vec![20, 30],
            resolve_marginals: false,
            ..ReportOptions::default()
        };
        let r = report(&inst, &Constraints::default(), &opts).unwrap();
        let nl = render::render_in(&r, render::Format::Text, placement_text::Lang::Nl);
        assert!(placement_text::raw_ids(&nl).is_empty(), "{nl}");
        let en = placement_text::english_words(&nl);
        assert!(en.is_empty(), "English words {en:?} in:\n{nl}");
        assert!(nl.contains("Exact optimum: waarde "), "{nl}");
        assert!(!nl.contains("1302.1"), "{nl}");
        let en = render::render(&r, render::Format::Text);
        assert!(en.contains("Exact optimum: value "), "{en}");
    }

    #[test]
    fn russia_is_forbidden_by_default_and_locks_hold() {
        let (_, inst) = build();
        let c = Constraints {
            locked: vec!["DE".into()],
            ..Constraints::default()
        };
        let s = solve(&inst, &c, ExactOptions::default()).unwrap();
        let hosts: Vec<&str> = s
            .exact
            .choices
            .iter()
            .map(|&(p, _)| inst.posts[p].host.as_str())
            .collect();
        assert!(hosts.contains(&"DE") && !hosts.contains(&"RU"));
        assert!(s.exact.staffing.total() <= 30);
    }

    #[test]
    fn double_placement_only_where_allowed() {
        let (ev, inst) = build();
        let m = ValueModel::default();
        for post in &inst.posts {
            if !post.options.iter().any(|o| o.staffing.is_double()) {
                continue;
            }
            let r = ev.record(post.host).unwrap();
            let by_rule = r.organisation == Some(Organisation::Both)
                || (r.police_theme >= m.double_threshold
                    && r.marechaussee_theme >= m.double_threshold);
            let in_2025 = post.source.contains("LO-2025");
            assert!(
                by_rule
                    || (in_2025
                        && post.options.iter().any(|o| o.staffing == Staffing::POLICE)
                        && post
                            .options
                            .iter()
                            .any(|o| o.staffing == Staffing::MARECHAUSSEE)),
                "{}",
                post.id
            );
        }
        // A new candidate post never offers a double placement without the rule.
        let s = solve(
            &inst,
            &Constraints {
                capacity: 60,
                ..Constraints::default()
            },
            ExactOptions::default(),
        )
        .unwrap();
        for &(p, o) in &s.exact.choices {
            assert!(inst.posts[p].options[o].staffing.total() <= 2);
        }
    }

    #[test]
    fn equal_size_plan_covers_at_least_the_2025_network() {
        let (_, inst) = build();
        let base = inst.plan(&inst.existing_choices());
        let c = Constraints {
            capacity: base.staffing.total(),
            ..Constraints::default()
        };
        let s = solve(&inst, &c, ExactOptions::default()).unwrap();
        assert!(s.exact.value + 1e-6 >= base.value);
        // Keeping every 2025 post is feasible at that size and reaches exactly the 2025 value
        // at most (the locks allow restaffing, never less than one liaison per post).
        let lock = Constraints {
            lock_existing: true,
            ..c
        };
        let l = solve(&inst, &lock, ExactOptions::default()).unwrap();
        assert!(l.exact.value + 1e-6 >= base.value);
    }
}

mod property {
    use super::*;
    use placement_network::synthetic::synthetic;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        #[test]
        fn exact_matches_brute_force_and_beats_greedy(seed in 0u64..10_000, posts in 2usize..8, cap in 1u32..6, budget in prop::option::of(300_000.0f64..1_500_000.0)) {
            let inst = synthetic(30, posts, seed);
            let c = Constraints { budget, ..cons(cap) };
            let r = Resolved::new(&inst, &c).unwrap();
            let s = solve(&inst, &c, ExactOptions::default()).unwrap();
            let b = brute_force(&inst, &r).unwrap();
            prop_assert!((s.exact.value - b.value).abs() < 1e-6, "exact {} brute {}", s.exact.value, b.value);
            prop_assert!(r.is_feasible(&inst, &s.exact.choices));
            if let Some(g) = &s.greedy {
                prop_assert!(g.value <= s.exact.value + 1e-6);
                prop_assert!(r.is_feasible(&inst, &g.choices));
            }
        }

        /// Costs in whole units of EUR 70,000 (so the budget row is rounded down to a unit and
        /// the budget bounds the number of liaisons): the tightened rows keep the optimum.
        #[test]
        fn tightened_budget_rows_keep_the_optimum(seed in 0u64..10_000, posts in 2usize..8, cap in 1u32..8, budget in 200_000.0f64..2_000_000.0) {
            let mut inst = synthetic(30, posts, seed);
            for post in &mut inst.posts {
                for o in &mut post.options {
                    o.cost = (o.cost / 70_000.0).round().max(1.0) * 70_000.0;
                }
            }
            let c = Constraints { budget: Some(budget), ..cons(cap) };
            let r = Resolved::new(&inst, &c).unwrap();
            let s = solve(&inst, &c, ExactOptions::default()).unwrap();
            let b = brute_force(&inst, &r).unwrap();
            prop_assert!((s.exact.value - b.value).abs() < 1e-6, "exact {} brute {}", s.exact.value, b.value);
            prop_assert!(r.is_feasible(&inst, &s.exact.choices));
        }
    }
}

mod reduced {
    use super::*;
    use placement_network::reference::solve_exact_plain;
    use placement_network::synthetic::synthetic;

    /// The reduced solver (level aggregation, bound fixing, local-search incumbent) against the
    /// plain MIP on medium instances, with and without a binding budget, organisation caps and
    /// locks; with and without the incumbent.
    #[test]
    fn reduced_solver_matches_the_plain_mip_on_medium_instances() {
        for seed in 0..12u64 {
            let inst = synthetic(120, 40, seed);
            let budget = [None, Some(2_000_000.0), Some(3_500_000.0)][(seed % 3) as usize];
            let cap = 4 + (seed % 9) as u32;
            let mut c = Constraints {
                budget,
                ..cons(cap)
            };
            if seed % 4 == 1 {
                c.police_capacity = Some(cap / 2);
            }
            if seed % 5 == 2 {
                c.locked_posts = vec![inst.posts[3].id.clone()];
            }
            let r = Resolved::new(&inst, &c).unwrap();
            let g = greedy(&inst, &r);
            let plain = solve_exact_plain(&inst, &r, g.as_ref(), ExactOptions::default()).unwrap();
            for warm_start in [true, false] {
                let opts = ExactOptions {
                    warm_start,
                    ..ExactOptions::default()
                };
                let e = solve_exact(&inst, &r, g.as_ref(), opts).unwrap();
                assert!(
                    (e.plan.value - plain.plan.value).abs() < 1e-6,
                    "seed {seed} warm {warm_start}: reduced {} plain {}",
                    e.plan.value,
                    plain.plan.value
                );
                assert!(r.is_feasible(&inst, &e.plan.choices));
            }
        }
    }

    /// Found by fuzzing the options (issue 14): capacity 43 with EUR 10.04 m ran for minutes.
    /// At EUR 280,000 per liaison that budget pays for 35 liaisons; the tightened budget row
    /// makes the root relaxation integral, so the plan is the capacity-35 optimum, at once.
    #[test]
    fn a_budget_of_whole_liaisons_solves_like_a_capacity() {
        let inst = placement_network::grid::fixture_instance().unwrap();
        let budgeted = placement_network::grid::constraints(43, 10_040_000.0);
        let s = solve(&inst, &budgeted, ExactOptions::default()).unwrap();
        let capped = Constraints {
            budget: None,
            ..placement_network::grid::constraints(35, 0.0)
        };
        let t = solve(&inst, &capped, ExactOptions::default()).unwrap();
        assert!(!s.time_limit_hit && s.size.nodes == 0, "{:?}", s.size);
        assert!((s.exact.value - t.exact.value).abs() < 1e-9);
        assert_eq!(s.exact.staffing.total(), 35);
    }

    #[test]
    fn benchmark_instance_with_a_binding_budget_is_solved_exactly() {
        let inst = synthetic(250, 120, 7);
        let c = Constraints {
            budget: Some(7_000_000.0),
            ..cons(30)
        };
        let r = Resolved::new(&inst, &c).unwrap();
        let g = greedy(&inst, &r).unwrap();
        let e = solve_exact(&inst, &r, Some(&g), ExactOptions::default()).unwrap();
        // The optimum the plain MIP proves (slowly; recorded).
        assert!(
            (e.plan.value - 1_991.346_736_767_5).abs() < 1e-6,
            "{}",
            e.plan.value
        );
        assert!(e.plan.value >= g.value && e.size.fixed > 0);
    }
}

mod scenario {
    use super::*;
    use placement_network::scenario::from_scenario;
    use placement_scenario::Scenario;

    fn load(name: &str) -> Scenario {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/scenarios")
            .join(name);
        Scenario::load(&path).unwrap()
    }

    fn base() -> Constraints {
        Constraints {
            forbidden: vec![],
            ..Constraints::default()
        }
    }

    fn hosts(inst: &Instance, plan: &Plan) -> Vec<String> {
        plan.choices
            .iter()
            .map(|&(p, _)| inst.posts[p].host.to_string())
            .collect()
    }

    #[test]
    fn russia_withdrawal_rules_ru_out_and_locks_ge_in() {
        let s = load("russia-withdrawal-2022.toml");
        let net = from_scenario(
            &s.state,
            "network-2025.json",
            NETWORK_2025,
            &ValueModel::default(),
            &base(),
        )
        .unwrap();
        assert_eq!(net.constraints.forbidden, vec!["RU".to_string()]);
        assert_eq!(net.constraints.locked, vec!["GE".to_string()]);
        let sol = solve(&net.instance, &net.constraints, ExactOptions::default()).unwrap();
        let h = hosts(&net.instance, &sol.exact);
        assert!(
            h.contains(&"GE".into()) && !h.contains(&"RU".into()),
            "{h:?}"
        );
        // Without the scenario's ban RU would have an allowed post: the ban does the work.
        assert!(net.instance.posts.iter().any(|p| p.host.as_str() == "RU"));
        let g = sol.greedy.unwrap();
        assert!(!hosts(&net.instance, &g).contains(&"RU".into()));
    }

    #[test]
    fn brexit_locks_gb_in_and_resources_come_from_the_scenario() {
        let s = load("brexit-2019.toml");
        let net = from_scenario(
            &s.state,
            "network-2025.json",
            NETWORK_2025,
            &ValueModel::default(),
            &base(),
        )
        .unwrap();
        assert!(net.constraints.locked.contains(&"GB".to_string()));
        let sol = solve(&net.instance, &net.constraints, ExactOptions::default()).unwrap();
        assert!(hosts(&net.instance, &sol.exact).contains(&"GB".into()));
        assert!(sol.exact.staffing.total() <= net.constraints.capacity);

        // Capacity and budget of a scenario that sets them (seed 000: 30 LOs, EUR 8.4 m).
        let s = load("coalition-capacity-2018.toml");
        let net = from_scenario(
            &s.state,
            "network-2025.json",
            NETWORK_2025,
            &ValueModel::default(),
            &base(),
        )
        .unwrap();
        assert_eq!(net.constraints.capacity, 30);
        assert_eq!(net.constraints.budget, Some(8_400_000.0));
        let sol = solve(&net.instance, &net.constraints, ExactOptions::default()).unwrap();
        assert!(sol.exact.cost <= 8_400_000.0 + 1e-6);
    }

    #[test]
    fn scenario_costs_apply_and_unknown_posts_are_named() {
        let mut state = load("brexit-2019.toml").state;
        state
            .budget
            .cost_by_country
            .insert(CountryCode::parse("GB").unwrap(), 320_000);
        let net = from_scenario(
            &state,
            "network-2025.json",
            NETWORK_2025,
            &ValueModel::default(),
            &base(),
        )
        .unwrap();
        let gb = &net.instance.posts[net.instance.post_index("GB London").unwrap()];
        for o in &gb.options {
            assert_eq!(o.cost, 320_000.0 * f64::from(o.staffing.total()));
        }
        // A country that hosts no candidate post (not assessed) cannot be locked in or ruled out.
        let missing = placement_core::country::all_countries()
            .iter()
            .map(|f| f.code)
            .find(|c| {
                *c != CountryCode::netherlands() && !net.instance.posts.iter().any(|p| p.host == *c)
            })
            .unwrap();
        state.posts.locked_in.insert(missing);
        state.posts.ruled_out.insert(missing);
        match from_scenario(
            &state,
            "network-2025.json",
            NETWORK_2025,
            &ValueModel::default(),
            &base(),
        ) {
            Err(NetworkError::InvalidInput { problems }) => {
                assert_eq!(problems.len(), 2, "{problems:?}");
                let text = NetworkError::InvalidInput { problems }.to_string();
                assert!(
                    text.contains("lock_in")
                        && text.contains("rule_out")
                        && text.contains(missing.as_str()),
                    "{text}"
                );
            }
            other => panic!("expected unknown posts, got {other:?}"),
        }
    }
}
