//! The strongest reasons for a recommendation, in one line each: the rule that decided the
//! instrument, then the criteria that contributed most to the score.

use placement_core::criteria::Direction;
use placement_core::{DecisionRecord, Rulebook};
use placement_text::num;

pub use crate::i18n::Lang;

/// Up to `n` short reasons for the record's recommendation, strongest first: the instrument's
/// deciding rule (its statement), then the largest criterion contributions.
pub fn top_reasons(record: &DecisionRecord, rules: &Rulebook, n: usize, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let deciding = record
        .rules
        .iter()
        .rev()
        .find(|f| {
            matches!(
                f.stage,
                placement_core::rulebook::Stage::Instrument
                    | placement_core::rulebook::Stage::Network
            )
        })
        .and_then(|f| rules.rule(&f.rule));
    if let Some(rule) = deciding {
        let statement = match lang {
            Lang::En => &rule.statement,
            Lang::Nl => &rule.statement_nl,
        };
        out.push(format!("{}: {}", rule.id, statement));
    }
    let mut contributions: Vec<_> = record.contributions.iter().collect();
    contributions.sort_by(|a, b| b.1.to_score.total_cmp(&a.1.to_score).then(a.0.cmp(b.0)));
    for (criterion, c) in contributions {
        if out.len() >= n {
            break;
        }
        let name = lang.criterion(*criterion);
        let value = num(lang, c.value, 1);
        let points = num(lang, c.to_score, 1);
        let cost = if criterion.info().direction == Direction::Cost {
            lang.pick(" (lower adds more)", " (lager telt zwaarder)")
        } else {
            ""
        };
        out.push(match lang {
            Lang::En => format!("{name} {value}/10{cost} adds {points} points"),
            Lang::Nl => format!("{name} {value}/10{cost} levert {points} punten op"),
        });
    }
    out.truncate(n);
    out
}
