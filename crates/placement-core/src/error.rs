//! The crate's one error type, and the diagnostics that validation collects.
//!
//! Validation never stops at the first problem: it gathers every [`Issue`] it finds and returns
//! them together in [`Error::Invalid`], each naming where it is (file and field path), the
//! offending value and how to fix it.

use std::fmt;

/// What kind of problem an [`Issue`] is. Stable: tools may match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

impl IssueCode {
    /// The snake_case id, as serialised.
    pub fn id(self) -> &'static str {
        match self {
            IssueCode::UnknownCountry => "unknown_country",
            IssueCode::UnknownCriterion => "unknown_criterion",
            IssueCode::UnknownPhenomenon => "unknown_phenomenon",
            IssueCode::OutOfRange => "out_of_range",
            IssueCode::NotFinite => "not_finite",
            IssueCode::Duplicate => "duplicate",
            IssueCode::Missing => "missing",
            IssueCode::UnknownRule => "unknown_rule",
            IssueCode::UnknownName => "unknown_name",
            IssueCode::Conflict => "conflict",
            IssueCode::Cycle => "cycle",
            IssueCode::BadWeights => "bad_weights",
            IssueCode::Contradiction => "contradiction",
            IssueCode::IncompatibleRulebook => "incompatible_rulebook",
        }
    }
}

/// The vocabulary an unknown name was looked up in ([`IssueArgs::OneOf`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Vocabulary {
    /// Criterion ids.
    Criterion,
    /// Phenomenon ids.
    Phenomenon,
    /// UN M49 sub-region ids.
    Region,
    /// Class ids.
    Class,
    /// Instrument ids.
    Instrument,
    /// Stage ids.
    Stage,
    /// Metric ids.
    Metric,
    /// Country fact ids.
    Fact,
    /// Data-sharing bases.
    DataSharingBasis,
    /// Comparison operators (`>=`, `>`, `<=`, `<`).
    Operator,
    /// Embedded rulebook ids.
    Rulebook,
    /// Seed file names.
    SeedFile,
}

impl Vocabulary {
    /// The issue code of an unknown name in this vocabulary.
    pub fn code(self) -> IssueCode {
        match self {
            Vocabulary::Criterion => IssueCode::UnknownCriterion,
            Vocabulary::Phenomenon => IssueCode::UnknownPhenomenon,
            _ => IssueCode::UnknownName,
        }
    }
}

/// What is wrong with a text read as a country code ([`crate::CountryCode::parse`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum CodeProblem {
    /// Not two letters.
    NotTwoLetters,
    /// Two letters, but no assigned ISO 3166-1 alpha-2 code (nor `XK`).
    Unassigned,
    /// A common mistake for another code (`UK` for `GB`).
    UseInstead {
        /// The code meant.
        code: crate::CountryCode,
    },
}

impl fmt::Display for CodeProblem {
    /// A code-based fallback (`unassigned`, `use_instead GB`); placement-text has the words.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeProblem::NotTwoLetters => f.write_str("not_two_letters"),
            CodeProblem::Unassigned => f.write_str("unassigned"),
            CodeProblem::UseInstead { code } => write!(f, "use_instead {code}"),
        }
    }
}

/// A part of a value's evidence ([`IssueArgs::NoEvidence`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EvidencePart {
    /// Where the value comes from.
    Source,
    /// When it was assessed.
    Date,
    /// How sure the assessor is.
    Confidence,
    /// Its security marking.
    Marking,
}

/// A table of a rulebook's phenomenon parameters ([`IssueArgs::EveryNeeds`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParamTable {
    /// `phenomena.priority`: one priority (0–1) per phenomenon.
    PhenomenonPriority,
    /// `phenomena.role`: one factor per role.
    RoleFactor,
    /// `phenomena.trend`: one factor per trend.
    TrendFactor,
}

/// What a path names instead of a regular file ([`Error::NotAFile`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FileType {
    /// A directory.
    Directory,
    /// A FIFO (named pipe).
    Fifo,
    /// A character device (such as `/dev/zero`).
    CharDevice,
    /// A block device.
    BlockDevice,
    /// A socket.
    Socket,
    /// Anything else that is not a regular file.
    Other,
}

impl fmt::Display for FileType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileType::Directory => "directory",
            FileType::Fifo => "fifo",
            FileType::CharDevice => "char_device",
            FileType::BlockDevice => "block_device",
            FileType::Socket => "socket",
            FileType::Other => "other",
        })
    }
}

/// The kind of file an [`Error::Empty`] should have held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FileKind {
    /// An assessment set.
    AssessmentSet,
    /// A rulebook.
    Rulebook,
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::AssessmentSet => "assessment_set",
            FileKind::Rulebook => "rulebook",
        })
    }
}

/// What an [`Issue`] is about, with the data its message needs: what was expected and how to
/// fix it. Typed, never prose; `placement-text` renders it in English and Dutch. Serialised
/// with a `kind` tag and snake_case ids.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum IssueArgs {
    // --- values ---
    /// A number outside its scale `[min, max]`.
    OutsideScale {
        /// Lowest value allowed.
        min: f64,
        /// Highest value allowed.
        max: f64,
    },
    /// NaN or infinity where a number of the scale `[min, max]` is needed.
    NotANumber {
        /// Lowest value allowed.
        min: f64,
        /// Highest value allowed.
        max: f64,
    },
    /// A rule threshold that is NaN or infinite.
    ThresholdNotFinite,
    /// A name not in its vocabulary; `allowed` lists the accepted ids.
    OneOf {
        /// Where the name was looked up.
        vocabulary: Vocabulary,
        /// Every accepted id.
        allowed: Vec<String>,
    },
    /// A text that is not a country code.
    CountryCode {
        /// What is wrong with it.
        problem: CodeProblem,
    },
    /// A date not of the form `YYYY-MM-DD` (or not a day of the calendar).
    Date,
    // --- the assessment set ---
    /// The set has no countries.
    NoCountries,
    /// A country given twice in one file or list.
    DuplicateCountry,
    /// `add_country` of a country the set already has.
    AlreadyInSet,
    /// A country the set does not assess; `known` lists the codes it does.
    NotInSet {
        /// The set's countries.
        known: Vec<crate::CountryCode>,
    },
    /// Removing the set's last country.
    LastCountry,
    /// An EU-only criterion given for a non-member.
    EuOnly,
    /// A value for `crime_relation` next to the phenomena it is derived from.
    DerivedFromPhenomena,
    /// A value for `springboard` next to the links it is derived from.
    DerivedFromLinks,
    /// A criterion that applies to the country and is not given.
    CriterionNotGiven,
    /// Both a value and `missing = true`.
    ValueAndMissing,
    /// Neither a value nor `missing = true`.
    NoValue,
    /// A country accredited from itself.
    SelfAccreditation,
    /// A springboard link to the country itself.
    SelfLink,
    /// A springboard link given twice.
    DuplicateLink,
    /// A springboard link to a country the set does not assess.
    LinkTargetNotInSet,
    /// A phenomenon entry without roles.
    NoRoles,
    /// A phenomenon assessed twice for one country.
    DuplicatePhenomenon,
    /// Facts whose code is another country's.
    FactsOfOtherCountry,
    /// A part of a value's evidence that neither the value nor `[defaults]` gives.
    NoEvidence {
        /// Which part.
        part: EvidencePart,
    },
    // --- evaluation ---
    /// A missing value under the `reject` missing-value policy.
    RejectPolicy,
    /// An evaluation made with another rulebook.
    IncompatibleRulebook {
        /// Id of the rulebook the evaluation was made with.
        made_with: String,
        /// Its hash.
        made_with_hash: String,
        /// Id of the rulebook given now.
        given: String,
        /// Its hash.
        given_hash: String,
    },
    // --- rulebooks ---
    /// A required rulebook field, absent from the file and from its base.
    RequiredOrBase,
    /// No rulebook citation.
    NoCitation,
    /// A citation without a quote.
    NoQuote,
    /// Two rules with one id.
    DuplicateRule,
    /// A rule id the rulebook does not define; `known` lists its rules (may be empty).
    NoSuchRule {
        /// The rulebook's id, when known.
        rulebook: Option<String>,
        /// The rulebook's rule ids.
        known: Vec<String>,
    },
    /// A threshold patch on an id the rule does not compare.
    ComparesNothing {
        /// The rule.
        rule: String,
    },
    /// A weight for a criterion read by rules only.
    NotWeighed,
    /// A weight that is negative or not finite.
    BadWeight,
    /// A weighed criterion without a weight.
    WeightMissing,
    /// The weights of one side sum to zero or less.
    SideSum {
        /// The side.
        side: crate::Side,
        /// Their sum.
        sum: f64,
    },
    /// A key missing from a phenomenon parameter table.
    EveryNeeds {
        /// The table.
        table: ParamTable,
    },
    /// A rule without its English or Dutch statement.
    NoStatement,
    /// An effect that cannot run in the rule's stage.
    EffectWrongStage {
        /// The rule's stage.
        stage: crate::rulebook::Stage,
    },
    /// A `fired` condition on a rule of a later stage.
    DependsOnLaterStage {
        /// The later stage.
        stage: crate::rulebook::Stage,
    },
    /// A condition on what a later stage decides (`class`, `instrument`).
    DecidedLater {
        /// The stage that decides it.
        stage: crate::rulebook::Stage,
    },
    /// A condition on a fact known only in the network stage.
    NetworkOnly,
    /// Rules that depend on each other in a circle.
    Cycle {
        /// The rules, in order.
        rules: Vec<String>,
    },
    /// Two rules of a first-match stage at equal salience with different effects.
    Conflict {
        /// The stage.
        stage: crate::rulebook::Stage,
        /// Their salience.
        salience: i32,
        /// The first rule's effect.
        first: crate::rulebook::Effect,
        /// The second rule's effect.
        second: crate::rulebook::Effect,
    },
}

impl IssueArgs {
    /// An unknown name of `vocabulary`, listing every id of `all`.
    pub(crate) fn one_of<T: Copy>(
        vocabulary: Vocabulary,
        all: &[T],
        id: fn(T) -> &'static str,
    ) -> IssueArgs {
        IssueArgs::OneOf {
            vocabulary,
            allowed: all.iter().map(|t| id(*t).to_string()).collect(),
        }
    }

    /// The stable code of this kind of issue.
    pub fn code(&self) -> IssueCode {
        use IssueArgs as A;
        match self {
            A::OutsideScale { .. } | A::Date => IssueCode::OutOfRange,
            A::NotANumber { .. } | A::ThresholdNotFinite => IssueCode::NotFinite,
            A::OneOf { vocabulary, .. } => vocabulary.code(),
            A::CountryCode { .. } | A::NotInSet { .. } | A::LinkTargetNotInSet => {
                IssueCode::UnknownCountry
            }
            A::DuplicateCountry
            | A::AlreadyInSet
            | A::DuplicateLink
            | A::DuplicatePhenomenon
            | A::DuplicateRule => IssueCode::Duplicate,
            A::NoCountries
            | A::LastCountry
            | A::CriterionNotGiven
            | A::NoValue
            | A::NoRoles
            | A::NoEvidence { .. }
            | A::RejectPolicy
            | A::RequiredOrBase
            | A::NoCitation
            | A::NoQuote
            | A::WeightMissing
            | A::EveryNeeds { .. }
            | A::NoStatement => IssueCode::Missing,
            A::EuOnly
            | A::DerivedFromPhenomena
            | A::DerivedFromLinks
            | A::ValueAndMissing
            | A::SelfAccreditation
            | A::SelfLink
            | A::FactsOfOtherCountry
            | A::EffectWrongStage { .. }
            | A::DependsOnLaterStage { .. }
            | A::DecidedLater { .. }
            | A::NetworkOnly => IssueCode::Contradiction,
            A::IncompatibleRulebook { .. } => IssueCode::IncompatibleRulebook,
            A::NoSuchRule { .. } => IssueCode::UnknownRule,
            A::ComparesNothing { .. } => IssueCode::UnknownName,
            A::NotWeighed | A::BadWeight | A::SideSum { .. } => IssueCode::BadWeights,
            A::Cycle { .. } => IssueCode::Cycle,
            A::Conflict { .. } => IssueCode::Conflict,
        }
    }
}

/// One problem found while validating an input: where it is, the offending value and a typed
/// account of what is wrong ([`IssueArgs`]). Data only; `placement-text` renders it
/// (`Lang::issue`) in English or Dutch, naming the field and value and saying how to fix it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Issue {
    /// What kind of problem this is; always `args.code()`.
    pub code: IssueCode,
    /// Where: a field path such as `country[CO].criteria.cooperation_quality.value`.
    pub field: String,
    /// The offending value as written, as a bounded [`excerpt`] (absent when the problem is
    /// an absence).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// What is wrong and what is expected.
    pub args: IssueArgs,
}

impl Issue {
    /// Builds an issue; `value` is quoted as a bounded [`excerpt`], and an empty value means
    /// none.
    pub fn new(field: impl Into<String>, value: impl fmt::Display, args: IssueArgs) -> Self {
        let value = value.to_string();
        Issue {
            code: args.code(),
            field: field.into(),
            value: (!value.is_empty()).then(|| excerpt(&value)),
            args,
        }
    }
}

impl fmt::Display for Issue {
    /// A code-based fallback (`[out_of_range] country[0].criteria.socta = "11"`); the sentences
    /// are placement-text's `Lang::issue`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.code.id(), self.field)?;
        if let Some(v) = &self.value {
            write!(f, " = \"{v}\"")?;
        }
        Ok(())
    }
}

/// How many characters of an offending input an [`excerpt`] keeps.
pub const EXCERPT_CHARS: usize = 80;

/// Quotes user input safely for a message: at most [`EXCERPT_CHARS`] characters (then `…`),
/// control and bidirectional-override characters escaped (`\n`, `\u{1b}`), so an error never
/// echoes a whole file or a terminal escape sequence.
///
/// ```
/// use placement_core::error::excerpt;
/// assert_eq!(excerpt("GB"), "GB");
/// assert_eq!(excerpt("a\nb\u{1b}[31m"), "a\\nb\\u{1b}[31m");
/// let long = "x".repeat(1000);
/// assert_eq!(excerpt(&long).chars().count(), 81);
/// assert!(excerpt(&long).ends_with('…'));
/// ```
pub fn excerpt(text: &str) -> String {
    excerpt_to(text, EXCERPT_CHARS)
}

/// As [`excerpt`], keeping at most `max_chars` characters (escapes count as their length).
pub fn excerpt_to(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars + 4));
    let mut n = 0;
    for c in text.chars() {
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        let piece: String = if c.is_control() || bidi {
            c.escape_default().collect()
        } else {
            c.to_string()
        };
        let len = piece.chars().count();
        if n + len > max_chars {
            out.push('…');
            return out;
        }
        out.push_str(&piece);
        n += len;
    }
    out
}

/// The most problems a message lists; the rest are counted ("… and N more").
pub const MAX_LISTED: usize = 100;

/// Lists issues one per line, indented, for the fallback message (at most [`MAX_LISTED`]).
fn list(issues: &[Issue]) -> String {
    let mut out = String::new();
    for issue in issues.iter().take(MAX_LISTED) {
        out.push_str("\n  - ");
        out.push_str(&issue.to_string());
    }
    if issues.len() > MAX_LISTED {
        out.push_str(&format!("\n  … and {} more", issues.len() - MAX_LISTED));
    }
    out
}

/// Everything that can go wrong in `placement-core`.
///
/// Every variant names the origin (a file path, or a label such as `<embedded default>`).
/// Its `Display` is a code-based fallback (`origin: [invalid] 2` and one `[code] field = value`
/// line per issue); placement-text's `Lang::error` renders the sentences a person reads.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read. Check the path and its permissions.
    #[error("{origin}: [io] {source}")]
    Io {
        /// The path that failed.
        origin: String,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// The file is empty. Give it content, or omit the option to use the embedded default.
    #[error("{origin}: [empty] {expected}")]
    Empty {
        /// The file.
        origin: String,
        /// What the file should hold.
        expected: FileKind,
    },
    /// The file is not well-formed TOML or JSON, or has a field of the wrong type.
    #[error("{origin}:{line}:{column}: [malformed] {format}: {message}")]
    Parse {
        /// The file.
        origin: String,
        /// `TOML` or `JSON`.
        format: &'static str,
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// 1-based column of the problem (0 when unknown).
        column: usize,
        /// The parser's description (bounded: see [`excerpt_to`]).
        message: String,
    },
    /// The content parsed but breaks the model's rules; every problem found is listed.
    #[error("{origin}: [invalid] {}{}", issues.len(), list(issues))]
    Invalid {
        /// The file.
        origin: String,
        /// Every problem, in the order found.
        issues: Vec<Issue>,
    },
    /// A text that is not a known country code (from `"GE".parse::<CountryCode>()`).
    #[error("[bad_country_code] \"{text}\": {problem}")]
    BadCountryCode {
        /// The text as given (a bounded [`excerpt`]).
        text: String,
        /// What is wrong with it (and, for `UK`, which code to write instead).
        problem: CodeProblem,
    },
    /// The path names a FIFO, a device, a socket or a directory: only regular files are read.
    #[error("{origin}: [not_a_file] {kind}")]
    NotAFile {
        /// The path.
        origin: String,
        /// What it is instead.
        kind: FileType,
    },
    /// The input is larger than the cap ([`crate::io::max_input_bytes`]). Split the input, or
    /// raise the cap with the environment variable `PLACEMENT_MAX_INPUT_BYTES`.
    #[error("{origin}: [too_large] {limit}")]
    TooLarge {
        /// The file (or `<stdin>`).
        origin: String,
        /// Its size in bytes, when known before reading.
        size: Option<u64>,
        /// The cap in bytes.
        limit: u64,
    },
    /// The input is not UTF-8 text. Save it as UTF-8.
    #[error("{origin}:{line}: [not_utf8] {offset}")]
    NotUtf8 {
        /// The file (or `<stdin>`).
        origin: String,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 0-based byte offset of the first bad byte.
        offset: usize,
    },
    /// An output path names one of the run's inputs; nothing was written. Choose another path.
    #[error("{output}: [output_is_input] {input}")]
    OutputIsInput {
        /// The refused output path.
        output: String,
        /// The input it names.
        input: String,
    },
    /// An output could not be written; its old content (if any) is untouched.
    #[error("{origin}: [write] {source}")]
    Write {
        /// The output path.
        origin: String,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// A file's extension is neither `.toml` nor `.json`. Rename it or convert it.
    #[error("{origin}: [unknown_format]")]
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
        field: impl Into<String>,
        value: impl fmt::Display,
        args: IssueArgs,
    ) {
        self.0.push(Issue::new(field, value, args));
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
            self.push(field, value, IssueArgs::NotANumber { min, max });
            false
        } else if value < min || value > max {
            self.push(field, value, IssueArgs::OutsideScale { min, max });
            false
        } else {
            true
        }
    }
}

/// How much of a parser's message [`Error::Parse`] keeps (parsers may quote the input).
const PARSER_MESSAGE_CHARS: usize = 240;

/// Parses TOML or JSON by the file name's extension into `T`, mapping parser errors to
/// [`Error::Parse`] with line and column.
pub(crate) fn parse_by_extension<T: serde::de::DeserializeOwned>(
    origin: &str,
    text: &str,
    expected: FileKind,
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
            message: excerpt_to(e.message(), PARSER_MESSAGE_CHARS),
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
        message: excerpt_to(&e.to_string(), PARSER_MESSAGE_CHARS),
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
