//! The ranked table of a whole evaluation (the `advise` example's text output): one row per
//! country — rank, code, name, class, instrument, organisation, score, need, added value — with
//! its strongest reasons and, optionally, a one-paragraph explanation under each row.

use std::fmt::Write as _;

use placement_core::{Evaluation, Rulebook};

use placement_text::{num, wrap, WIDTH};

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

/// The ranked table as plain text, every line ending in a newline and at most
/// [`placement_text::WIDTH`] characters wide (reasons wrapped). `rules` is the rulebook the
/// evaluation was made with (the reasons cite its rules).
pub fn ranking(evaluation: &Evaluation, rules: &Rulebook, options: &RankingOptions<'_>) -> String {
    let lang = options.lang;
    let mut s = String::new();
    if evaluation.input.illustrative {
        let _ = writeln!(s, "{}", lang.illustrative_notice());
    }
    let header = format!(
        "{} | {} {} ({}) | {} {} | {} {}",
        lang.shipped_text(&evaluation.input.title),
        lang.pick("rulebook", "regelboek"),
        evaluation.rulebook.id,
        lang.rulebook_title(&evaluation.rulebook.id, &evaluation.rulebook.title),
        lang.pick("as of", "peildatum"),
        evaluation.input.as_of,
        lang.pick("marking", "rubricering"),
        lang.marking(evaluation.marking)
    );
    let _ = writeln!(s, "{}", wrap(&header, WIDTH, "", "  "));
    let _ = writeln!(
        s,
        "{} sha256 {}",
        lang.pick("input", "invoer"),
        evaluation.input.hash
    );
    let _ = writeln!(
        s,
        "{} sha256 {}",
        lang.pick("rulebook", "regelboek"),
        evaluation.rulebook.hash
    );
    s.push('\n');
    let _ = writeln!(
        s,
        "{:>4} {:<21} {:<14} {:<17} {:<14} {:>5} {:>8} {:>10}",
        lang.pick("rank", "rang"),
        lang.pick("country", "land"),
        lang.pick("class", "klasse"),
        lang.pick("instrument", "instrument"),
        lang.pick("organisation", "organisatie"),
        lang.pick("score", "score"),
        lang.pick("need", "behoefte"),
        lang.pick("added", "meerwaarde"),
    );
    let n = options.top.unwrap_or(usize::MAX);
    for r in evaluation.records.iter().take(n) {
        let flag = if r.hinges_on_missing { '*' } else { ' ' };
        let name = format!(
            "{} {}",
            r.country.as_str(),
            lang.pick(&r.name_en, &r.name_nl)
        );
        let _ = writeln!(
            s,
            "{:>3}{flag} {:<21} {:<14} {:<17} {:<14} {:>5} {:>8} {:>10}",
            r.rank,
            truncate(&name, 21),
            lang.class(r.class),
            lang.instrument_short(r.instrument),
            r.organisation.map_or("–", |o| lang.organisation_short(o)),
            num(lang, r.score, 1),
            num(lang, r.need, 1),
            num(lang, r.added_value, 1)
        );
        for reason in top_reasons(r, rules, options.reasons, lang) {
            let _ = writeln!(s, "{}", wrap(&reason, WIDTH, "       - ", "         "));
        }
        if let Some(x) = options.explainer {
            let text = match x.explain(r.country) {
                Ok(e) => super::paragraph(&e, lang),
                Err(e) => format!("({e})"),
            };
            let _ = writeln!(s, "{}", wrap(&text, WIDTH, "         ", "         "));
        }
    }
    if evaluation.records.iter().any(|r| r.hinges_on_missing) {
        s.push('\n');
        let _ = writeln!(
            s,
            "{}",
            wrap(lang.hinges_on_missing_note(), WIDTH, "", "  ")
        );
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
            en.contains("| marking Unclassified (Ongerubriceerd)"),
            "{en}"
        );
        assert!(en.lines().any(|l| l.starts_with("input sha256 ")));
        assert!(en.lines().any(|l| l.starts_with("rank country")));
        assert!(en.ends_with('\n'));
        assert!(en.lines().all(|l| l.chars().count() <= WIDTH), "{en}");
        // Every record has a row, starting with its rank right-aligned in three columns.
        for r in &ev.records {
            let row = format!("{:>3}", r.rank);
            let row = format!("{row}  {} ", r.country.as_str());
            let flagged = format!("{:>3}* {} ", r.rank, r.country.as_str());
            assert!(
                en.lines()
                    .any(|l| l.starts_with(&row) || l.starts_with(&flagged)),
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
        assert!(nl.contains("| rubricering Ongerubriceerd"), "{nl}");
        assert!(nl.contains("rang land"), "{nl}");
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
            .skip_while(|l| !l.starts_with("rank "))
            .skip(1)
            .filter(|l| !l.starts_with("       ") && !l.is_empty() && !l.starts_with('*'))
            .collect();
        assert_eq!(rows.len(), 2, "{out}");
        let reasons = out.lines().filter(|l| l.starts_with("       - ")).count();
        assert!((2..=6).contains(&reasons), "{out}");
    }

    #[test]
    fn truncates_long_names_with_an_ellipsis() {
        assert_eq!(truncate("Colombia", 24), "Colombia");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abcdef", 4).chars().count(), 4);
    }
}
