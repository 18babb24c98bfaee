//! Every word the liaison-placement tools print, in English and Dutch.
//!
//! `placement-core` decides and records with typed values only (ids, numbers, enums); this
//! crate turns them into words. Renderers in `placement-explain`, `placement-scenario`,
//! `placement-network` and the example binaries all take their labels from here, so a
//! translation is written and checked in one place.
//!
//! ```
//! use placement_core::{Class, Instrument};
//! use placement_text::{num, Lang};
//!
//! assert_eq!(Lang::Nl.class(Class::Priority), "prioritair");
//! assert_eq!(Lang::En.instrument(Instrument::FlexibleLiaison), "flexible liaison officer (FILO)");
//! assert_eq!(num(Lang::Nl, 16.2, 2), "16,20");
//! ```
//!
//! - [`Lang`]: the language, with one method per kind of label (`labels`) and per kind of
//!   record sentence (`records`).
//! - [`num`], [`signed`]: numbers in the language's style.
//! - `issues`: the core's validation issues and errors in words (`Lang::issue`,
//!   `Lang::error`), naming file, field and value and saying how to fix it.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(unreachable_pub)]

mod check;
mod comparison;
mod country;
mod issues;
mod labels;
mod numbers;
mod posts;
mod records;
mod seeds;
mod wrap;

pub use check::{english_words, raw_ids, ENGLISH_WORDS};
pub use comparison::negate;
pub use numbers::{decimals_apart, num, num_full, signed, thousands};
pub use wrap::{wrap, WIDTH};

use serde::{Deserialize, Serialize};

/// The language of rendered text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    En,
    /// Dutch, the advisors' working language.
    Nl,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nl];

    /// Picks the English or the Dutch text.
    pub fn pick<'a>(self, en: &'a str, nl: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Nl => nl,
        }
    }

    /// The language's id (`en`, `nl`), as in `--lang` and file names.
    pub fn id(self) -> &'static str {
        self.pick("en", "nl")
    }

    /// The language a command line asks for with `--lang nl` or `--lang=nl` (the last one
    /// wins; English otherwise; nothing after `--` counts), read before the options are
    /// parsed, so that an error in parsing them is in the reader's language.
    ///
    /// ```
    /// use placement_text::Lang;
    /// assert_eq!(Lang::from_args(["advise", "--lang", "nl", "--top", "x"]), Lang::Nl);
    /// assert_eq!(Lang::from_args(["advise", "--lang=nl", "--lang=en"]), Lang::En);
    /// assert_eq!(Lang::from_args(["what_if", "--", "--lang", "nl"]), Lang::En);
    /// ```
    pub fn from_args<I, S>(args: I) -> Lang
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut lang = Lang::En;
        let mut value_next = false;
        for arg in args {
            let arg = arg.as_ref().to_string_lossy();
            let value = if value_next {
                value_next = false;
                Some(arg.as_ref())
            } else if arg == "--" {
                break;
            } else if arg == "--lang" {
                value_next = true;
                None
            } else {
                arg.strip_prefix("--lang=")
            };
            if let Some(v) = value {
                lang = if v.trim().eq_ignore_ascii_case("nl") {
                    Lang::Nl
                } else {
                    Lang::En
                };
            }
        }
        lang
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use placement_core::record::{Decided, Warning};
    use placement_core::rulebook::{Effect, MissingPolicy, OrganisationChoice, Stage};
    use placement_core::{Class, Criterion, Instrument, Marking, Organisation, Phenomenon};
    use std::collections::BTreeSet;

    /// Every label of one kind: non-empty, distinct within the language, and (for words that
    /// are not loan words) different between the languages somewhere in the set.
    fn check_kind(kind: &str, en: Vec<String>, nl: Vec<String>) {
        for (lang, labels) in [("en", &en), ("nl", &nl)] {
            assert!(
                labels.iter().all(|l| !l.trim().is_empty()),
                "{kind}/{lang}: empty label"
            );
            let distinct: BTreeSet<_> = labels.iter().collect();
            assert_eq!(
                distinct.len(),
                labels.len(),
                "{kind}/{lang}: two values share a label: {labels:?}"
            );
        }
        assert_ne!(en, nl, "{kind}: the Dutch labels are the English ones");
    }

    fn both<T: Copy>(all: &[T], f: impl Fn(Lang, T) -> String) -> (Vec<String>, Vec<String>) {
        (
            all.iter().map(|&x| f(Lang::En, x)).collect(),
            all.iter().map(|&x| f(Lang::Nl, x)).collect(),
        )
    }

    #[test]
    fn every_vocabulary_has_distinct_labels_in_both_languages() {
        let (en, nl) = both(
            &[Class::Other, Class::SubPriority, Class::Priority],
            |l, c| l.class(c).to_string(),
        );
        check_kind("class", en, nl);
        let (en, nl) = both(&Instrument::ALL, |l, i| l.instrument(i).to_string());
        check_kind("instrument", en, nl);
        let orgs = [
            Organisation::Police,
            Organisation::Marechaussee,
            Organisation::Both,
        ];
        let (en, nl) = both(&orgs, |l, o| l.organisation(o).to_string());
        check_kind("organisation", en, nl);
        let (en, nl) = both(&Criterion::ALL, |l, c| l.criterion(c).to_string());
        check_kind("criterion", en, nl);
        let (en, nl) = both(&Criterion::ALL, |l, c| l.criterion_scale(c).to_string());
        check_kind("criterion scale", en, nl);
        let (en, nl) = both(&Phenomenon::ALL, |l, p| l.phenomenon(p).to_string());
        check_kind("phenomenon", en, nl);
        let markings = [
            Marking::Unclassified,
            Marking::DepartmentalConfidential,
            Marking::StateSecretConfidential,
            Marking::StateSecretSecret,
            Marking::StateSecretTopSecret,
        ];
        let (en, nl) = both(&markings, |l, m| l.marking(m).to_string());
        check_kind("marking", en, nl);
        let notices: [fn(Lang) -> &'static str; 2] =
            [Lang::illustrative_notice, Lang::hinges_on_missing_note];
        let (en, nl) = both(&notices, |l, f| f(l).to_string());
        check_kind("notice", en, nl);
        let (en, nl) = both(&Stage::ALL, |l, s| l.stage(s).to_string());
        check_kind("stage", en, nl);
        let choices = [
            OrganisationChoice::ByTheme,
            OrganisationChoice::Police,
            OrganisationChoice::Marechaussee,
            OrganisationChoice::Both,
        ];
        let (en, nl) = both(&choices, |l, o| l.effect(&Effect::Organisation(o)));
        check_kind("organisation effect", en, nl);
        let policies = [
            MissingPolicy::Midpoint,
            MissingPolicy::Minimum,
            MissingPolicy::Maximum,
            MissingPolicy::Reject,
        ];
        let (en, nl) = both(&policies, |l, p| l.missing_policy(p).to_string());
        check_kind("missing policy", en, nl);
    }

    #[test]
    fn a_change_prints_typed_values_in_the_language_never_ids() {
        let before = Decided::AddedValue(27.0);
        let after = Decided::AddedValue(16.2);
        assert_eq!(Lang::Nl.change(Some(&before), &after), "27,00 → 16,20");
        assert_eq!(Lang::En.change(Some(&before), &after), "27.00 → 16.20");
        let class = Decided::Class(Class::Priority);
        assert_eq!(Lang::Nl.change(None, &class), "prioritair");
        let org = Decided::Organisation(Organisation::Both);
        assert!(!Lang::Nl.decided(&org).contains("both"));
    }

    #[test]
    fn warnings_render_in_both_languages() {
        let w = Warning::Missing {
            criterion: Criterion::Socta,
            imputed: 5.0,
            policy: MissingPolicy::Midpoint,
        };
        assert_eq!(
            Lang::Nl.warning(&w),
            "SOCTA-score ontbreekt; 5,0 gebruikt (het midden van de schaal)"
        );
        assert_eq!(
            Lang::En.warning(&w),
            "SOCTA score is missing; 5.0 used (the scale midpoint)"
        );
    }

    #[test]
    fn effects_read_as_words() {
        assert_eq!(
            Lang::Nl.effect(&Effect::ScaleAddedValue(0.6)),
            "vermenigvuldigt de meerwaarde met 0,60"
        );
        let cap = Effect::LimitClass {
            class: Class::Priority,
            max: 16,
            demote_to: Class::SubPriority,
        };
        assert_eq!(
            Lang::En.effect(&cap),
            "keeps at most 16 countries priority; the others become sub-priority"
        );
    }

    #[test]
    fn shipped_rulebook_titles_are_translated_and_custom_ones_kept() {
        let t = "Phenomenon approach (2019–)";
        assert_eq!(
            Lang::Nl.rulebook_title("p4-2019", t),
            "Fenomeengerichte aanpak (2019–)"
        );
        assert_eq!(Lang::En.rulebook_title("p4-2019", t), t);
        assert_eq!(
            Lang::Nl.rulebook_title("p4-2019", "My variant"),
            "My variant"
        );
        assert_eq!(Lang::Nl.rulebook_title("mine", "Mine"), "Mine");
    }

    #[test]
    fn shipped_rulebook_titles_match_the_files() {
        for id in ["p1-2015", "p2-2013", "p4-2019"] {
            let book = placement_core::Rulebook::embedded(id).expect("shipped rulebook");
            assert_ne!(
                Lang::Nl.rulebook_title(book.id(), book.title()),
                book.title(),
                "{id}: the file's title changed; update placement-text's SHIPPED table"
            );
        }
    }
}
