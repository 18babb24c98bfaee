//! The crate's one error type.

use placement_core::country::all_countries;

/// Why an explanation could not be made. Each variant says what the caller can do about it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExplainError {
    /// The code names no country of the evaluation. Check the spelling (ISO 3166-1 alpha-2,
    /// e.g. `CO`); `suggestions` lists evaluated countries with similar codes or names.
    #[error(
        "unknown country code `{code}`: not in the evaluation{}",
        suggest(suggestions)
    )]
    UnknownCountry {
        /// The code as given.
        code: String,
        /// Evaluated codes that are close (one letter different, or a name that matches).
        suggestions: Vec<String>,
    },
    /// The evaluation (or record file) was made with another rulebook than the one given.
    /// Evaluate again with the same rulebook, or pass the rulebook that made it.
    #[error(
        "the evaluation was made with rulebook `{evaluation_id}` (sha256 {evaluation_hash}), \
         but rulebook `{rules_id}` (sha256 {rules_hash}) was given to explain it"
    )]
    IncompatibleRulebook {
        /// Id of the rulebook recorded in the evaluation.
        evaluation_id: String,
        /// Its hash, as recorded.
        evaluation_hash: String,
        /// Id of the rulebook given.
        rules_id: String,
        /// Its hash.
        rules_hash: String,
    },
    /// A record file is not a well-formed evaluation JSON (see `docs/decision-record.md`).
    #[error("{origin}:{line}:{column}: malformed evaluation record: {message}")]
    MalformedRecord {
        /// The file.
        origin: String,
        /// 1-based line (0 when unknown).
        line: usize,
        /// 1-based column (0 when unknown).
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// A record file of another `schema_version` than this version reads. Re-run `advise
    /// --format json` with this version, or read the file with the version that wrote it.
    #[error(
        "{origin}: decision record schema_version {found} is not supported; this version reads schema_version {supported} (docs/decision-record.md)"
    )]
    UnsupportedSchema {
        /// The file.
        origin: String,
        /// The version found (an excerpt of the value as written).
        found: String,
        /// The version this build reads.
        supported: u32,
    },
    /// The engine refused to re-evaluate a country (e.g. its input became invalid).
    /// (Its message renders the core error through placement-text; it is not also chained as
    /// a `source`, so the error is printed once.)
    #[error("re-evaluation failed: {}", placement_text::Lang::En.error(.0))]
    Engine(placement_core::Error),
}

impl From<placement_core::Error> for ExplainError {
    fn from(e: placement_core::Error) -> Self {
        ExplainError::Engine(e)
    }
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", s.join(", "))
    }
}

/// Evaluated codes near `given`: equal ignoring case, one letter different, or a country whose
/// English or Dutch name starts with the given text. At most ten, same first letter first.
pub(crate) fn near_codes<'a>(given: &str, evaluated: impl Iterator<Item = &'a str>) -> Vec<String> {
    let g = given.trim().to_ascii_uppercase();
    let lower = given.trim().to_lowercase();
    let mut out: Vec<String> = evaluated
        .filter(|code| {
            let differing = code.chars().zip(g.chars()).filter(|(a, b)| a != b).count()
                + code.len().abs_diff(g.len());
            let by_name = lower.len() >= 3
                && all_countries().iter().any(|f| {
                    f.code.as_str() == *code
                        && (f.name_en.to_lowercase().starts_with(&lower)
                            || f.name_nl.to_lowercase().starts_with(&lower))
                });
            differing <= 1 || by_name
        })
        .map(str::to_string)
        .collect();
    // Codes sharing the first letter first (a typo in the second letter is most common).
    let first = g.chars().next();
    out.sort_by_key(|c| (c.chars().next() != first, c.clone()));
    out.dedup();
    out.truncate(10);
    out
}

/// Reads an evaluation from its JSON (the output of `advise --format json`).
///
/// # Errors
/// [`ExplainError::MalformedRecord`] with line and column.
pub fn parse_evaluation(
    origin: &str,
    text: &str,
) -> Result<placement_core::Evaluation, ExplainError> {
    // The version first: a record of another shape is named as such, not as malformed.
    #[derive(serde::Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    struct Version {
        schema_version: Option<serde_json::Value>,
    }
    if let Ok(Version {
        schema_version: Some(found),
    }) = serde_json::from_str::<Version>(text)
    {
        if found.as_u64() != Some(u64::from(placement_core::record::SCHEMA_VERSION)) {
            return Err(ExplainError::UnsupportedSchema {
                origin: origin.to_string(),
                found: placement_core::error::excerpt(&found.to_string()),
                supported: placement_core::record::SCHEMA_VERSION,
            });
        }
    }
    serde_json::from_str(text).map_err(|e| ExplainError::MalformedRecord {
        origin: origin.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}
