//! Checks on rendered text that tests across the workspace share: raw ids and English words in
//! Dutch output.

/// Words that are English and never Dutch in the tools' vocabulary: none may appear in Dutch
/// output outside quoted or user-supplied text.
pub const ENGLISH_WORDS: [&str; 27] = [
    "priority",
    "permanent",
    "police",
    "marking",
    "rulebook",
    "rank",
    "country",
    "class",
    "added",
    "need",
    "locked",
    "caused",
    "displaced",
    "none",
    "input",
    "weight",
    "score gap",
    "margin",
    "short",
    "rule",
    "regular",
    "channels",
    "flexible",
    "accreditation",
    "capacity",
    "building",
    "other",
];

/// The raw ids (snake_case words such as `permanent_liaison`) in `text`.
///
/// ```
/// assert_eq!(placement_text::raw_ids("x permanent_liaison, y"), vec!["permanent_liaison"]);
/// assert!(placement_text::raw_ids("002_442474070670836f.txt").is_empty());
/// ```
pub fn raw_ids(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| {
            w.contains('_')
                && w.split('_')
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
        })
        .map(str::to_string)
        .collect()
}

/// The words of [`ENGLISH_WORDS`] that occur in `text` as whole words (case-insensitive).
pub fn english_words(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    ENGLISH_WORDS
        .iter()
        .copied()
        .filter(|w| {
            lower.match_indices(w).any(|(i, _)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + w.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_english_words_and_ids() {
        assert_eq!(english_words("De Priority is hoog"), vec!["priority"]);
        assert!(english_words("prioritair").is_empty());
        assert_eq!(raw_ids("a sub_priority b"), vec!["sub_priority"]);
    }
}
