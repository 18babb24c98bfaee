//! The provenance every report carries: which input and rulebook it was made from (with their
//! SHA-256 hashes), the classification marking, and whether the values are illustrative.

use placement_core::record::{InputRef, RulebookRef};
use placement_core::{Evaluation, Marking};
use placement_text::Lang;

/// Where a report's numbers come from. Made from an [`Evaluation`] with [`Provenance::of`];
/// further inputs (a scenario file, an actual network) are added with [`Provenance::with`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Provenance {
    /// Title of the assessment set (as shipped; translated when rendered).
    pub input_title: String,
    /// Reference date of the input (ISO 8601).
    pub as_of: String,
    /// SHA-256 of the assessment set.
    pub input_hash: String,
    /// Rulebook id.
    pub rulebook_id: String,
    /// Rulebook title (as shipped; translated when rendered).
    pub rulebook_title: String,
    /// SHA-256 of the rulebook.
    pub rulebook_hash: String,
    /// The highest classification marking among the inputs.
    pub marking: Marking,
    /// Whether the values are illustrative.
    pub illustrative: bool,
    /// Further rows: English label, Dutch label, value.
    pub extra: Vec<(String, String, String)>,
}

impl Provenance {
    /// The provenance of an evaluation.
    pub fn of(e: &Evaluation) -> Self {
        Self::from_refs(&e.input, &e.rulebook, e.marking)
    }

    /// The provenance of an evaluation known by its references (e.g. a stored comparison).
    pub fn from_refs(input: &InputRef, rulebook: &RulebookRef, marking: Marking) -> Self {
        Provenance {
            input_title: input.title.clone(),
            as_of: input.as_of.to_string(),
            input_hash: input.hash.clone(),
            rulebook_id: rulebook.id.clone(),
            rulebook_title: rulebook.title.clone(),
            rulebook_hash: rulebook.hash.clone(),
            marking,
            illustrative: input.illustrative,
            extra: Vec::new(),
        }
    }

    /// Adds a row (label in English and Dutch, and its value), e.g. a scenario file's hash.
    pub fn with(mut self, en: &str, nl: &str, value: impl Into<String>) -> Self {
        self.extra
            .push((en.to_string(), nl.to_string(), value.into()));
        self
    }

    /// The rows as label and value in `lang`: input, as of, input sha256, rulebook, rulebook
    /// sha256, marking, status, then the further rows.
    pub fn rows(&self, lang: Lang) -> Vec<(String, String)> {
        let mut rows = vec![
            (
                lang.pick("input", "invoer").to_string(),
                lang.shipped_text(&self.input_title).to_string(),
            ),
            (
                lang.pick("as of", "peildatum").to_string(),
                self.as_of.clone(),
            ),
            (
                lang.pick("input sha256", "invoer sha256").to_string(),
                self.input_hash.clone(),
            ),
            (
                lang.pick("rulebook", "regelboek").to_string(),
                format!(
                    "{} ({})",
                    self.rulebook_id,
                    lang.rulebook_title(&self.rulebook_id, &self.rulebook_title)
                ),
            ),
            (
                lang.pick("rulebook sha256", "regelboek sha256").to_string(),
                self.rulebook_hash.clone(),
            ),
            (
                lang.pick("marking", "rubricering").to_string(),
                lang.marking(self.marking).to_string(),
            ),
            (
                lang.pick("status", "status").to_string(),
                if self.illustrative {
                    lang.illustrative_notice().to_string()
                } else {
                    lang.pick("assessed input", "beoordeelde invoer")
                        .to_string()
                },
            ),
        ];
        rows.extend(
            self.extra
                .iter()
                .map(|(en, nl, v)| (lang.pick(en, nl).to_string(), v.clone())),
        );
        rows
    }
}
