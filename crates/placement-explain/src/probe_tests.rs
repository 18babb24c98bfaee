//! The replay and the bounds against the engine (unit tests: the probe is the crate's own).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use placement_core::{AssessmentSet, Criterion, Engine, Evaluation, Rulebook};

use crate::probe::Probe;

fn setup() -> (Rulebook, AssessmentSet, Evaluation) {
    let rules = Rulebook::default_rulebook().unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
    (rules, input, evaluation)
}

/// The replay used by the searches decides as the engine does, for every country.
#[test]
fn replay_matches_engine() {
    let (rules, input, evaluation) = setup();
    let engine = Engine::new(&rules);
    for r in &evaluation.records {
        let ca = input.get(r.country).unwrap();
        let fresh = engine.reevaluate(&evaluation, &input, ca).unwrap();
        let host = placement_core::kernel::host_placed(ca, |h| evaluation.placed().contains(&h));
        let o = Probe::new(engine.kernel(), r, ca, host)
            .outcome(&Probe::new(engine.kernel(), r, ca, host).base());
        assert!((o.score - r.score).abs() < 1e-9, "{}", r.country);
        assert_eq!(
            (o.class, o.instrument, o.organisation),
            (fresh.class, fresh.instrument, fresh.organisation),
            "{}",
            r.country
        );
    }
}

/// Every grid state of every criterion pair lies within the bounds of its box, for every
/// fixture country under each regime: the pruning of the searches is sound.
#[test]
fn replay_stays_within_bounds() {
    for id in ["p4-2019", "p2-2013", "p1-2015"] {
        let rules = Rulebook::embedded(id).unwrap();
        let input = AssessmentSet::default_fixture().unwrap();
        let engine = Engine::new(&rules);
        let evaluation = engine.evaluate(&input).unwrap();
        for r in evaluation.records.iter().step_by(7) {
            let ca = input.get(r.country).unwrap();
            let host =
                placement_core::kernel::host_placed(ca, |h| evaluation.placed().contains(&h));
            let probe = Probe::new(engine.kernel(), r, ca, host);
            let cs: Vec<Criterion> = r
                .inputs
                .iter()
                .filter(|(_, i)| i.status != placement_core::record::InputStatus::NotApplicable)
                .map(|(c, _)| *c)
                .collect();
            for (i, &a) in cs.iter().enumerate() {
                for &b in &cs[i + 1..] {
                    let at = |x: f64, y: f64| {
                        let mut s = probe.base();
                        s.set(a, x);
                        s.set(b, y);
                        s
                    };
                    let (lo, hi) = (2.0, 7.5);
                    let bx = probe.span(&[at(lo, lo), at(lo, hi), at(hi, lo), at(hi, hi)]);
                    let bounds = probe.bounds(&bx);
                    for k in 0..=10 {
                        for l in 0..=10 {
                            let x = lo + (hi - lo) * f64::from(k) / 10.0;
                            let y = lo + (hi - lo) * f64::from(l) / 10.0;
                            let o = probe.outcome(&at(x, y));
                            let (slo, shi) = bounds.score();
                            assert!(
                                slo <= o.score && o.score <= shi,
                                "{id} {} {a:?} {b:?}",
                                r.country
                            );
                            // A box whose outcome cannot differ from this one's must not.
                            let here = probe.outcome(&at(lo, lo));
                            if !bounds.class_may_differ(here.class) {
                                assert_eq!(o.class, here.class);
                            }
                            if !bounds.instrument_may_differ(here.instrument) {
                                assert_eq!(o.instrument, here.instrument);
                            }
                        }
                    }
                }
            }
            // Weight boxes: one weight moving, the others rescaled.
            let weights = probe.weights();
            for c in Criterion::ALL {
                if c.side() == placement_core::Side::RuleOnly {
                    continue;
                }
                let w = |x: f64| crate::stability::rescaled(&weights, c, x);
                let bounds = probe.bounds(&probe.span_weights(&[w(0.05), w(0.6)]));
                let mut p = probe.clone();
                p.set_weights(w(0.05));
                let here = p.outcome(&p.base());
                for k in 0..=20 {
                    p.set_weights(w(0.05 + 0.55 * f64::from(k) / 20.0));
                    let o = p.outcome(&p.base());
                    let (slo, shi) = bounds.score();
                    assert!(slo <= o.score && o.score <= shi, "{id} {} {c:?}", r.country);
                    if !bounds.class_may_differ(here.class) {
                        assert_eq!(o.class, here.class);
                    }
                    if !bounds.instrument_may_differ(here.instrument) {
                        assert_eq!(o.instrument, here.instrument);
                    }
                }
            }
        }
    }
}
