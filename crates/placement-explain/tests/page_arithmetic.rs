//! The page's arithmetic: every computation and comparison printed by the explanation and the
//! comparison renderers (Markdown, and the text as the same words wrapped; English and Dutch)
//! is re-checked from the numbers
//! as printed, at the precision printed. A number printed with `d` decimals stands for the
//! interval of half a unit in its last place either side; a computation is true on the page
//! when its printed result lies in the interval its printed operands give.
//!
//! - `explanation_pages`: contributions, side totals, margins, near misses, counterfactual
//!   changes and weight-stability ranges of every fixture country, and of countries under
//!   random inputs (proptest).
//! - `comparison_pages`: the score gap between two countries.
//! - `printed_counterfactuals_are_the_verified_values`: each counterfactual's new value prints
//!   as exactly the value the engine confirmed.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use placement_core::{AssessmentSet, Engine, Evaluation, Rulebook};
use placement_explain::counterfactual::Search;
use placement_explain::{render, Explainer, Lang, Options};
use proptest::prelude::*;
use std::sync::OnceLock;

/// A printed number: its value and half a unit in its last place.
#[derive(Debug, Clone, Copy)]
struct N {
    v: f64,
    tol: f64,
}

/// The numbers in `s` in order (`+`, `-`, `−` directly before a digit are signs; `.` or `,`
/// between digits the decimal separator).
fn numbers(s: &str) -> Vec<N> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i].is_ascii_digit() && (i == 0 || !cs[i - 1].is_alphanumeric() || cs[i - 1] == '−')
        {
            let neg = i > 0 && (cs[i - 1] == '−' || cs[i - 1] == '-');
            let mut j = i;
            let mut text = String::new();
            let mut decimals = 0usize;
            let mut after_point = false;
            while j < cs.len() {
                if cs[j].is_ascii_digit() {
                    text.push(cs[j]);
                    if after_point {
                        decimals += 1;
                    }
                } else if (cs[j] == '.' || cs[j] == ',')
                    && !after_point
                    && j + 1 < cs.len()
                    && cs[j + 1].is_ascii_digit()
                {
                    text.push('.');
                    after_point = true;
                } else {
                    break;
                }
                j += 1;
            }
            let v: f64 = text.parse().unwrap();
            out.push(N {
                v: if neg { -v } else { v },
                tol: 0.5 * 10f64.powi(-(decimals as i32)) + 1e-12,
            });
            i = j;
        } else {
            if cs[i].is_alphabetic() || cs[i] == '-' {
                // Skip identifiers such as R-BNL-3 or p4-2019 whole.
                let mut j = i;
                while j < cs.len() && (cs[j].is_alphanumeric() || cs[j] == '-') {
                    j += 1;
                }
                i = j.max(i + 1);
                continue;
            }
            i += 1;
        }
    }
    out
}

/// `x` (with its tolerance) agrees with a value `y ± ty`.
fn agrees(x: N, y: f64, ty: f64) -> bool {
    (x.v - y).abs() <= x.tol + ty + 1e-9
}

fn check_contribution(line: &str) {
    let n = numbers(line.split_once(": ").map_or(line, |x| x.1));
    if line.contains("(1 − ") {
        // points = (1 − v/10) × w × 100
        let (p, v, w) = (n[0], n[2], n[4]);
        let y = (1.0 - v.v / 10.0) * w.v * 100.0;
        let ty = v.tol * w.v * 10.0 + w.tol * (1.0 - v.v / 10.0) * 100.0;
        assert!(
            agrees(p, y, ty),
            "not true at the precision printed: {line}"
        );
    } else if line.contains("/10 × ") {
        let (p, v, w) = (n[0], n[1], n[3]);
        let y = v.v / 10.0 * w.v * 100.0;
        let ty = v.tol * w.v * 10.0 + w.tol * v.v * 10.0;
        assert!(
            agrees(p, y, ty),
            "not true at the precision printed: {line}"
        );
    } else {
        // adjustment: points = (after − before) × w (added value before × f = after)
        let (p, after, before, w, before2, f, after2) = (n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
        let d = after.v - before.v;
        let y = d * w.v;
        let ty = (after.tol + before.tol) * w.v + w.tol * d.abs();
        assert!(
            agrees(p, y, ty),
            "not true at the precision printed: {line}"
        );
        let y2 = before2.v * f.v;
        let ty2 = before2.tol * f.v + f.tol * before2.v;
        assert!(
            agrees(after2, y2, ty2),
            "not true at the precision printed: {line}"
        );
    }
}

/// Every `a op b (margin d)` / `a op b (d short)` in the line: the comparison holds between
/// the printed numbers and `d` is their distance.
fn check_comparisons(line: &str) -> usize {
    let mut checked = 0;
    for op in ["≥", ">", "≤", "<"] {
        let pat = format!(" {op} ");
        let mut rest = line;
        while let Some(k) = rest.find(&pat) {
            let (left, right) = (&rest[..k], &rest[k + pat.len()..]);
            rest = right;
            let Some(a) = numbers(left.rsplit(' ').next().unwrap_or(""))
                .last()
                .copied()
            else {
                continue;
            };
            let Some(paren) = right.find(" (") else {
                continue;
            };
            let Some(b) = numbers(&right[..paren]).first().copied() else {
                continue;
            };
            let close = right[paren..].find(')').map_or(right.len(), |c| paren + c);
            let tail = &right[paren + 2..close];
            let holds = match op {
                "≥" => a.v >= b.v,
                ">" => a.v > b.v,
                "≤" => a.v <= b.v,
                _ => a.v < b.v,
            };
            assert!(holds, "printed comparison is false: {line}");
            if ["margin", "marge", "short", "tekort"]
                .iter()
                .any(|w| tail.contains(w))
            {
                let d = numbers(tail)[0];
                assert!(
                    agrees(d, (a.v - b.v).abs(), a.tol + b.tol),
                    "margin is not the distance: {line}"
                );
            }
            checked += 1;
        }
    }
    checked
}

fn check_explanation(text: &str) {
    let mut contributions = Vec::new();
    let mut comparisons = 0;
    for line in text.lines() {
        let item = line
            .strip_prefix("  - ")
            .or_else(|| line.strip_prefix("- "))
            .unwrap_or(line);
        let is_contribution = item.contains(" = ")
            && (item.contains("× 100")
                || item.contains("meerwaarde")
                || item.contains("added value"))
            && !item.starts_with("Need")
            && !item.starts_with("Behoefte")
            && !item.starts_with("Added")
            && !item.starts_with("Meerwaarde");
        if is_contribution {
            check_contribution(item);
            contributions.push(numbers(item.split_once(": ").unwrap().1)[0]);
        }
        if ["Need ", "Behoefte ", "Added value ", "Meerwaarde "]
            .iter()
            .any(|p| item.starts_with(p))
            && item.contains(" = ")
        {
            let n = numbers(item);
            let (side, pts, w) = (n[0], n[1], n[2]);
            assert!(
                agrees(
                    side,
                    pts.v / w.v,
                    pts.tol / w.v + w.tol * pts.v / (w.v * w.v)
                ),
                "not true at the precision printed: {line}"
            );
        }
        if item.starts_with("Total: ") || item.starts_with("Totaal: ") {
            let total = numbers(item)[0];
            let sum: f64 = contributions.iter().map(|n| n.v).sum();
            let tol: f64 = contributions.iter().map(|n| n.tol).sum();
            assert!(
                agrees(total, sum, tol),
                "total is not the sum of the parts: {line}"
            );
        }
        if item.contains(" (+") && item.contains(") → ")
            || item.contains(" (−") && item.contains(") → ")
        {
            // A counterfactual change: `from → to (±delta) → outcome`.
            let head = &item[..item.rfind(") → ").unwrap() + 1];
            let n = numbers(head.rsplit_once(": ").map_or(head, |x| x.1));
            let k = n.len();
            assert!(k >= 3, "unreadable change: {line}");
            let (from, to, delta) = (n[k - 3], n[k - 2], n[k - 1]);
            assert!(
                agrees(delta, to.v - from.v, to.tol + from.tol),
                "change is not to − from: {line}"
            );
        }
        if (item.contains(" from ") && item.contains("same class"))
            || item.contains("zelfde klasse en instrument van")
        {
            let n = numbers(item.split_once(": ").unwrap().1);
            let (w, lo, hi) = (n[0], n[1], n[2]);
            assert!(
                lo.v - lo.tol <= w.v + w.tol && w.v - w.tol <= hi.v + hi.tol,
                "weight outside its stable range: {line}"
            );
        }
        comparisons += check_comparisons(item);
    }
    assert!(
        !contributions.is_empty(),
        "no contributions found in:\n{text}"
    );
    assert!(comparisons > 0, "no comparisons found in:\n{text}");
}

struct World {
    rules: Rulebook,
    input: AssessmentSet,
    evaluation: Evaluation,
}

fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| {
        let rules = Rulebook::default_rulebook().unwrap();
        let input = AssessmentSet::default_fixture().unwrap();
        let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
        World {
            rules,
            input,
            evaluation,
        }
    })
}

fn explainer(w: &World) -> Explainer<'_> {
    Explainer::new(&w.rules, &w.input, &w.evaluation, Options::default()).unwrap()
}

/// The words of a page without its markup (list dashes, heading marks and underlines).
fn words(page: &str) -> Vec<&str> {
    page.split_whitespace()
        .filter(|w| !(w.chars().all(|c| matches!(c, '-' | '=' | '#'))))
        .collect()
}

fn check_country(x: &Explainer<'_>, code: &str) {
    let e = x.explain_code(code).unwrap();
    for lang in Lang::ALL {
        // The Markdown has one line per block; the text is the same blocks wrapped to the
        // terminal width, so its words are the Markdown's (markup aside).
        let md = render::markdown(&e, lang);
        check_explanation(&md);
        assert_eq!(
            words(&render::text(&e, lang)),
            words(&md),
            "{code}: the text and the Markdown say different things"
        );
    }
    for c in &e.counterfactuals.criteria {
        for t in placement_explain::counterfactual::Target::ALL {
            if let Search::Found(cf) = c.get(t) {
                for ch in &cf.changes {
                    let printed = placement_explain::i18n::num_full(Lang::En, ch.to, 2);
                    assert_eq!(
                        printed.parse::<f64>().unwrap(),
                        ch.to,
                        "{code}: the printed value {printed} is not the verified {}",
                        ch.to
                    );
                }
            }
        }
    }
}

#[test]
fn explanation_pages_of_the_cases_in_the_issue() {
    let w = world();
    let x = explainer(w);
    for code in ["GB", "CO", "DE", "AE", "AU"] {
        check_country(&x, code);
    }
}

#[test]
fn explanation_pages_of_every_fixture_country() {
    let w = world();
    let x = explainer(w);
    for r in &w.evaluation.records {
        check_country(&x, r.country.as_str());
    }
}

#[test]
fn comparison_pages() {
    let w = world();
    let x = explainer(w);
    for (a, b) in [("GB", "DE"), ("CO", "MA"), ("DE", "GB")] {
        let c = x.compare(a.parse().unwrap(), b.parse().unwrap()).unwrap();
        for lang in Lang::ALL {
            let md = render::comparison_markdown(&c, lang);
            assert_eq!(words(&render::comparison_text(&c, lang)), words(&md));
            {
                let page = md;
                let line = page.lines().find(|l| l.contains("(score ")).unwrap();
                let n = numbers(line);
                let (gap, hi, lo) = (n[0], n[1], n[2]);
                assert!(agrees(gap, hi.v - lo.v, hi.tol + lo.tol), "{line}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]
    /// Random criterion values (two decimals) for every country; the pages of four countries.
    #[test]
    fn explanation_pages_for_random_inputs(
        seed in proptest::collection::vec(0.0f64..=10.0, 40),
        pick in proptest::collection::vec(0usize..1000, 4),
    ) {
        let w = world();
        let mut input = w.input.clone();
        let evidence = input.countries()[0].criteria.values().next().unwrap().evidence.clone();
        for (i, mut ca) in input.countries().to_vec().into_iter().enumerate() {
            for c in placement_core::Criterion::ALL {
                if c == placement_core::Criterion::Springboard || !c.applies_to(ca.facts.eu_member) {
                    continue;
                }
                let v = seed[(i * 7 + c.index()) % seed.len()];
                ca.set_value(c, (v * 100.0).round() / 100.0, &evidence);
            }
            input.replace_country(ca).unwrap();
        }
        let evaluation = Engine::new(&w.rules).evaluate(&input).unwrap();
        let x = Explainer::new(&w.rules, &input, &evaluation, Options::default()).unwrap();
        for p in pick {
            let r = &evaluation.records[p % evaluation.records.len()];
            check_country(&x, r.country.as_str());
        }
    }
}

#[test]
fn the_number_reader_reads_both_conventions() {
    let n = numbers("R-BNL-3: −3,21 = (36.38 − 42,80) × 0,5");
    let v: Vec<f64> = n.iter().map(|n| n.v).collect();
    assert_eq!(v, vec![-3.21, 36.38, 42.8, 0.5]);
    assert!(check_comparisons("behoefte 87,6 ≥ 60,0 (marge 27,6)") == 1);
    let bad = std::panic::catch_unwind(|| check_comparisons("added value 36.4 ≥ 45.0 (−8.6)"));
    assert!(bad.is_err(), "a false comparison must fail the check");
    let bad = std::panic::catch_unwind(|| {
        check_contribution("quality: +7.20 = 6.00/10 × weight 0.18 × 100")
    });
    assert!(bad.is_err(), "a false computation must fail the check");
}
