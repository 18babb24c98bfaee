//! Citations to the seed documents: every criterion and rule names the file and a short quote.

use serde::{Deserialize, Serialize};

/// The five parliamentary documents the model is built from (in `shared/seeds/`).
pub const SEED_FILES: [&str; 5] = [
    "000_7a9281a99aa0d45a.txt",
    "001_332791ad885a1c87.txt",
    "002_442474070670836f.txt",
    "003_d8968d7e6a3c294a.txt",
    "004_a383759f08763564.txt",
];

/// A short verbatim quote from one seed file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The seed file name, one of [`SEED_FILES`].
    pub seed: String,
    /// A verbatim Dutch quote from that file (white space may differ).
    pub quote: String,
}

impl Citation {
    /// Builds a citation from static text (used by the built-in catalogues).
    pub fn new(seed: &str, quote: &str) -> Self {
        Citation {
            seed: seed.to_string(),
            quote: quote.to_string(),
        }
    }

    /// Whether the seed file is one of the five known documents.
    pub fn seed_is_known(&self) -> bool {
        SEED_FILES.contains(&self.seed.as_str())
    }
}

impl std::fmt::Display for Citation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "({}): \"{}\"", self.seed, self.quote)
    }
}

/// Short names for the seed files, used by the built-in catalogues.
pub(crate) mod seeds {
    pub(crate) const S000: &str = "000_7a9281a99aa0d45a.txt";
    pub(crate) const S001: &str = "001_332791ad885a1c87.txt";
    pub(crate) const S002: &str = "002_442474070670836f.txt";
}
