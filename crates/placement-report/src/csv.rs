//! CSV as a spreadsheet opens it: English comma-separated with a decimal point, Dutch
//! semicolon-separated with a decimal comma (what a Dutch spreadsheet opens directly). Fields
//! are quoted as RFC 4180 says: when they hold the separator, a quote or a line break, with
//! quotes doubled. Every line ends in a newline.
//!
//! ```
//! use placement_report::csv::Csv;
//! use placement_text::Lang;
//!
//! let mut c = Csv::new(Lang::Nl);
//! c.row(["land", "score"]).row(["Colombia; Bogotá", "84,5"]);
//! assert_eq!(c.finish(), "land;score\n\"Colombia; Bogotá\";84,5\n");
//! ```

use std::borrow::Cow;

use placement_text::Lang;

/// The separator of `lang`'s spreadsheets: `,` in English, `;` in Dutch.
pub fn separator(lang: Lang) -> char {
    match lang {
        Lang::En => ',',
        Lang::Nl => ';',
    }
}

/// One field, quoted when it must be.
///
/// ```
/// assert_eq!(placement_report::csv::field("a \"b\"", ','), "\"a \"\"b\"\"\"");
/// assert_eq!(placement_report::csv::field("plain", ','), "plain");
/// ```
pub fn field(s: &str, sep: char) -> Cow<'_, str> {
    if s.contains(sep) || s.contains('"') || s.contains('\n') || s.contains('\r') {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

/// A CSV document under construction.
#[derive(Debug, Clone)]
pub struct Csv {
    sep: char,
    out: String,
}

impl Csv {
    /// An empty document with `lang`'s separator.
    pub fn new(lang: Lang) -> Self {
        Csv {
            sep: separator(lang),
            out: String::new(),
        }
    }

    /// Adds one row.
    pub fn row<I, S>(&mut self, cells: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for (i, c) in cells.into_iter().enumerate() {
            if i > 0 {
                self.out.push(self.sep);
            }
            self.out.push_str(&field(c.as_ref(), self.sep));
        }
        self.out.push('\n');
        self
    }

    /// The document.
    pub fn finish(self) -> String {
        self.out
    }
}
