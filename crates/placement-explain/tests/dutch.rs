//! Dutch output is Dutch: the explanation of every fixture country, the comparison and the
//! ranked table (with its paragraphs) in Dutch contain no raw id and none of the English words
//! of `placement_text::ENGLISH_WORDS`, outside the quoted seed passages («…»).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use placement_core::{AssessmentSet, Engine, Rulebook};
use placement_explain::render::{self, ranking, RankingOptions};
use placement_explain::{Explainer, Lang, Options};
use placement_text::{english_words, raw_ids};

fn check(what: &str, text: &str) {
    placement_report::testing::check_text(what, text, Lang::Nl, "", &[]);
}

#[test]
fn every_dutch_page_is_dutch() {
    let rules = Rulebook::default_rulebook().unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
    let x = Explainer::new(&rules, &input, &evaluation, Options::default()).unwrap();
    for r in &evaluation.records {
        let e = x.explain(r.country).unwrap();
        check(r.country.as_str(), &render::text(&e, Lang::Nl));
        check(r.country.as_str(), &render::markdown(&e, Lang::Nl));
    }
    let c = x
        .compare("GB".parse().unwrap(), "DE".parse().unwrap())
        .unwrap();
    check("GB-DE", &render::comparison_text(&c, Lang::Nl));
    let opts = RankingOptions {
        lang: Lang::Nl,
        explainer: Some(&x),
        ..RankingOptions::default()
    };
    check("advise", &ranking(&evaluation, &rules, &opts));
}

#[test]
fn the_check_catches_what_the_issue_found() {
    let bad = "priority permanent_liaison police — marking Unclassified";
    assert!(!raw_ids(bad).is_empty());
    assert!(english_words(bad).contains(&"priority"));
    assert!(english_words("prioritair, vaste liaison officer").is_empty());
}
