//! The crate's one error type, and the diagnostics that validation collects.
//!
//! Validation never stops at the first problem: it gathers every [`Issue`] it finds and returns
//! them together in [`Error::Invalid`], each naming where it is (file and field path), the
//! offending value and how to fix it.

use std::fmt;

/// What kind of problem an [`Issue`] is. Stable: tools may match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IssueCode {
    /// A country code that is not ISO 3166-1 alpha-2 (or `XK`).
    UnknownCountry,
    /// A criterion id that is not in the catalogue.
    UnknownCriterion,
    /// A phenomenon id that is not in the catalogue.
    UnknownPhenomenon,
    /// A value outside its scale.
    OutOfRange,
    /// NaN or infinity.
    NotFinite,
    /// The same thing given twice.
    Duplicate,
    /// A required field or section is absent.
    Missing,
    /// A rule id that the rulebook does not define.
    UnknownRule,
    /// A name (fact, metric, stage, class, instrument …) that is not in its vocabulary.
    UnknownName,
    /// Two rules that would decide the same thing differently at equal salience.
    Conflict,
    /// Rules that depend on each other in a circle.
    Cycle,
    /// Weights that are negative, not finite, or do not sum to a positive number.
    BadWeights,
    /// Two inputs that contradict each other.
    Contradiction,
    /// A decision record that cannot be checked against the given rulebook.
    IncompatibleRulebook,
}

/// One problem found while validating an input, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Issue {
    /// What kind of problem this is.
    pub code: IssueCode,
    /// Where: a field path such as `country[CO].criteria.cooperation_quality.value`.
    pub field: String,
    /// The offending value as written (empty when the problem is an absence).
    pub value: String,
    /// What is wrong and what to do about it.
    pub message: String,
}

impl Issue {
    /// Builds an issue.
    pub fn new(
        code: IssueCode,
        field: impl Into<String>,
        value: impl fmt::Display,
        message: impl Into<String>,
    ) -> Self {
        Issue {
            code,
            field: field.into(),
            value: value.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.value.is_empty() {
            write!(f, "{}: {}", self.field, self.message)
        } else {
            write!(f, "{} = {:?}: {}", self.field, self.value, self.message)
        }
    }
}

/// Lists issues one per line, indented, for an error message.
fn list(issues: &[Issue]) -> String {
    let mut out = String::new();
    for issue in issues {
        out.push_str("\n  - ");
        out.push_str(&issue.to_string());
    }
    out
}

/// Everything that can go wrong in `placement-core`.
///
/// Every variant names the origin (a file path, or a label such as `<embedded default>`) so the
/// message can be shown to a user as it is.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read. Check the path and its permissions.
    #[error("{origin}: cannot read the file: {source}")]
    Io {
        /// The path that failed.
        origin: String,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// The file is empty. Give it content, or omit the option to use the embedded default.
    #[error("{origin}: the file is empty; expected a {expected}")]
    Empty {
        /// The file.
        origin: String,
        /// What the file should hold.
        expected: &'static str,
    },
    /// The file is not well-formed TOML or JSON, or has a field of the wrong type.
    #[error("{origin}:{line}:{column}: malformed {format}: {message}")]
    Parse {
        /// The file.
        origin: String,
        /// `TOML` or `JSON`.
        format: &'static str,
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// 1-based column of the problem (0 when unknown).
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// The content parsed but breaks the model's rules; every problem found is listed.
    #[error("{origin}: {} problem(s) found:{}", issues.len(), list(issues))]
    Invalid {
        /// The file.
        origin: String,
        /// Every problem, in the order found.
        issues: Vec<Issue>,
    },
    /// A text that is not a known country code (from `"GE".parse::<CountryCode>()`). The
    /// message says what is wrong with it and which code to write instead.
    #[error("cannot read {text:?} as a country code: {message}")]
    BadCountryCode {
        /// The text as given.
        text: String,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// The path names a FIFO, a device, a socket or a directory: only regular files are read.
    #[error("{origin}: is {kind}, not a regular file; give the path of a file")]
    NotAFile {
        /// The path.
        origin: String,
        /// What it is instead, in words.
        kind: &'static str,
    },
    /// The input is larger than the cap ([`crate::io::max_input_bytes`]). Split the input, or
    /// raise the cap with the environment variable `PLACEMENT_MAX_INPUT_BYTES`.
    #[error(
        "{origin}: {} larger than the limit of {limit} bytes; raise it with {var}=BYTES if the input is genuine",
        size.map_or_else(|| "input is".to_string(), |s| format!("{s} bytes,")),
        var = crate::io::MAX_INPUT_BYTES_VAR
    )]
    TooLarge {
        /// The file (or `<stdin>`).
        origin: String,
        /// Its size in bytes, when known before reading.
        size: Option<u64>,
        /// The cap in bytes.
        limit: u64,
    },
    /// The input is not UTF-8 text. Save it as UTF-8.
    #[error("{origin}:{line}: not UTF-8 text (first bad byte at offset {offset}); save the file as UTF-8")]
    NotUtf8 {
        /// The file (or `<stdin>`).
        origin: String,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 0-based byte offset of the first bad byte.
        offset: usize,
    },
    /// An output path names one of the run's inputs; nothing was written. Choose another path.
    #[error("refusing to write {output}: it is the input {input} of this run; choose another output path")]
    OutputIsInput {
        /// The refused output path.
        output: String,
        /// The input it names.
        input: String,
    },
    /// An output could not be written; its old content (if any) is untouched.
    #[error("{origin}: cannot write the file: {source}")]
    Write {
        /// The output path.
        origin: String,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// A file's extension is neither `.toml` nor `.json`. Rename it or convert it.
    #[error("{origin}: unknown file format; use a .toml or .json file")]
    UnknownFormat {
        /// The file.
        origin: String,
    },
}

impl Error {
    /// The issues of an [`Error::Invalid`], or an empty slice.
    pub fn issues(&self) -> &[Issue] {
        match self {
            Error::Invalid { issues, .. } => issues,
            _ => &[],
        }
    }
}

/// Collects issues and turns them into an [`Error::Invalid`] when there are any.
#[derive(Debug, Default)]
pub(crate) struct Issues(pub(crate) Vec<Issue>);

impl Issues {
    pub(crate) fn push(
        &mut self,
        code: IssueCode,
        field: impl Into<String>,
        value: impl fmt::Display,
        message: impl Into<String>,
    ) {
        self.0.push(Issue::new(code, field, value, message));
    }

    pub(crate) fn finish<T>(self, origin: &str, value: T) -> Result<T, Error> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(Error::Invalid {
                origin: origin.to_string(),
                issues: self.0,
            })
        }
    }

    /// Checks that `value` is finite and inside `[min, max]`, recording an issue otherwise.
    pub(crate) fn check_range(&mut self, field: &str, value: f64, min: f64, max: f64) -> bool {
        if !value.is_finite() {
            self.push(
                IssueCode::NotFinite,
                field,
                value,
                format!("must be a number between {min} and {max}"),
            );
            false
        } else if value < min || value > max {
            self.push(
                IssueCode::OutOfRange,
                field,
                value,
                format!("outside the scale {min}..={max}; give a value in that range"),
            );
            false
        } else {
            true
        }
    }
}

/// Parses TOML or JSON by the file name's extension into `T`, mapping parser errors to
/// [`Error::Parse`] with line and column.
pub(crate) fn parse_by_extension<T: serde::de::DeserializeOwned>(
    origin: &str,
    text: &str,
    expected: &'static str,
) -> Result<T, Error> {
    if text.trim().is_empty() {
        return Err(Error::Empty {
            origin: origin.to_string(),
            expected,
        });
    }
    let lower = origin.to_ascii_lowercase();
    if lower.ends_with(".json") {
        parse_json(origin, text)
    } else if lower.ends_with(".toml") || lower.starts_with('<') {
        parse_toml(origin, text)
    } else {
        Err(Error::UnknownFormat {
            origin: origin.to_string(),
        })
    }
}

/// Parses TOML into `T`.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    origin: &str,
    text: &str,
) -> Result<T, Error> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((0, 0));
        Error::Parse {
            origin: origin.to_string(),
            format: "TOML",
            line,
            column,
            message: e.message().to_string(),
        }
    })
}

/// Parses JSON into `T`.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(
    origin: &str,
    text: &str,
) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|e| Error::Parse {
        origin: origin.to_string(),
        format: "JSON",
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// 1-based line and column of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Reads an input file with the size cap and file-type check of [`crate::io::read_input`].
pub(crate) fn read_file(path: &std::path::Path) -> Result<String, Error> {
    crate::io::read_input(path)
}
