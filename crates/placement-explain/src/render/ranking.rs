//! The ranked table of a whole evaluation (the `advise` example's text output): one row per
//! country — rank, code, name, class, instrument, organisation, score, need, added value — with
//! its strongest reasons and, optionally, a one-paragraph explanation under each row.

use std::fmt::Write as _;

use placement_core::{Evaluation, Rulebook};

use crate::reasons::top_reasons;
use crate::{Explainer, Lang};

/// What [`ranking`] shows.
#[derive(Debug, Clone, Copy)]
pub struct RankingOptions<'a> {
    /// Language of the names, reasons, notices and marking.
    pub lang: Lang,
    /// Show only the first N rows (`None`: all).
    pub top: Option<usize>,
    /// Reasons listed under each row.
    pub reasons: usize,
    /// When given, a one-paragraph explanation under each row.
    pub explainer: Option<&'a Explainer<'a>>,
}

impl Default for RankingOptions<'_> {
    fn default() -> Self {
        RankingOptions {
            lang: Lang::En,
            top: None,
            reasons: 3,
            explainer: None,
        }
    }
}

/// The ranked table as plain text, every line ending in a newline. `rules` is the rulebook the
/// evaluation was made with (the reasons cite its rules).
pub fn ranking(evaluation: &Evaluation, rules: &Rulebook, options: &RankingOptions<'_>) -> String {
    let lang = options.lang;
    let mut s = String::new();
    if evaluation.input.illustrative {
        let _ = writeln!(s, "{}", lang.illustrative_notice());
    }
    let _ = writeln!(
        s,
        "{} | rulebook {} ({}) | as of {} | marking {}",
        evaluation.input.title,
        evaluation.rulebook.id,
        evaluation.rulebook.title,
        evaluation.input.as_of,
        lang.marking(evaluation.marking)
    );
    let _ = writeln!(
        s,
        "input sha256 {} | rulebook sha256 {}",
        evaluation.input.hash, evaluation.rulebook.hash
    );
    s.push('\n');
    let _ = writeln!(
        s,
        "{:>4}  {:<4} {:<24} {:<13} {:<18} {:<13} {:>6} {:>6} {:>6}",
        "rank", "code", "country", "class", "instrument", "organisation", "score", "need", "added"
    );
    let n = options.top.unwrap_or(usize::MAX);
    for r in evaluation.records.iter().take(n) {
        let flag = if r.hinges_on_missing { " *" } else { "" };
        let name = match lang {
            Lang::En => &r.name_en,
            Lang::Nl => &r.name_nl,
        };
        let _ = writeln!(
            s,
            "{:>4}  {:<4} {:<24} {:<13} {:<18} {:<13} {:>6.1} {:>6.1} {:>6.1}{flag}",
            r.rank,
            r.country.as_str(),
            truncate(name, 24),
            r.class.id(),
            r.instrument.id(),
            r.organisation.map_or("-", |o| o.id()),
            r.score,
            r.need,
            r.added_value
        );
        for reason in top_reasons(r, rules, options.reasons, lang) {
            let _ = writeln!(s, "{:>10}- {reason}", "");
        }
        if let Some(x) = options.explainer {
            match x.explain(r.country) {
                Ok(e) => {
                    let _ = writeln!(s, "{:>10}{}", "", super::paragraph(&e, lang));
                }
                Err(e) => {
                    let _ = writeln!(s, "{:>10}({e})", "");
                }
            }
        }
    }
    if evaluation.records.iter().any(|r| r.hinges_on_missing) {
        s.push('\n');
        let _ = writeln!(s, "{}", lang.hinges_on_missing_note());
    }
    s
}

/// `s` cut to `n` characters, the last replaced by `…` when cut.
fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use placement_core::{AssessmentSet, Engine};

    fn evaluation() -> (Rulebook, Evaluation) {
        let rules = Rulebook::default_rulebook().unwrap();
        let input = AssessmentSet::default_fixture().unwrap();
        let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
        (rules, evaluation)
    }

    #[test]
    fn header_rows_and_marking_label() {
        let (rules, ev) = evaluation();
        let en = ranking(&ev, &rules, &RankingOptions::default());
        let lines: Vec<&str> = en.lines().collect();
        assert_eq!(lines[0], "ILLUSTRATIVE INPUT — not an official assessment.");
        assert!(
            lines[1].ends_with("| marking Unclassified (Ongerubriceerd)"),
            "{}",
            lines[1]
        );
        assert!(lines[2].starts_with("input sha256 "));
        assert!(lines[4].starts_with("rank  code country"));
        assert!(en.ends_with('\n'));
        // Every record has a row, starting with its rank right-aligned in four columns.
        for r in &ev.records {
            let row = format!("{:>4}  {:<4} ", r.rank, r.country.as_str());
            assert!(
                en.lines().any(|l| l.starts_with(&row)),
                "no row for {}",
                r.country
            );
        }
        let nl = ranking(
            &ev,
            &rules,
            &RankingOptions {
                lang: Lang::Nl,
                ..RankingOptions::default()
            },
        );
        assert!(nl.starts_with("ILLUSTRATIEVE INVOER"));
        assert!(nl
            .lines()
            .nth(1)
            .unwrap()
            .ends_with("| marking Ongerubriceerd"));
    }

    #[test]
    fn top_limits_rows_and_reasons_follow_each_row() {
        let (rules, ev) = evaluation();
        let opts = RankingOptions {
            top: Some(2),
            ..RankingOptions::default()
        };
        let out = ranking(&ev, &rules, &opts);
        let rows: Vec<&str> = out
            .lines()
            .skip(5)
            .filter(|l| !l.starts_with("          ") && !l.is_empty() && !l.starts_with('*'))
            .collect();
        assert_eq!(rows.len(), 2, "{out}");
        let reasons = out
            .lines()
            .filter(|l| l.starts_with("          - "))
            .count();
        assert!((2..=6).contains(&reasons), "{out}");
    }

    #[test]
    fn truncates_long_names_with_an_ellipsis() {
        assert_eq!(truncate("Colombia", 24), "Colombia");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abcdef", 4).chars().count(), 4);
    }
}
